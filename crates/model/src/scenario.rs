//! The scenario: everything a partnership weighs in one priority review.
//!
//! The JSON form of these types *is* the file format (see `docs/scenario-format.md`).
//! Every struct denies unknown fields so that a typo in a hand-edited file is
//! reported with its line and column instead of being silently ignored.

use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 2;

pub type ThemeId = String;
pub type DistrictId = String;
pub type FocusAreaId = String;
pub type CategoryId = String;
pub type GroupId = String;
pub type PlanId = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, try_from = "crate::migrate::ScenarioFile")]
pub struct Scenario {
    pub schema_version: u32,
    pub meta: Meta,
    /// Horizon-scanning headings. PESTELO by default; districts add their own
    /// (Thanet scans under "Safeguarding" too), so they are data, not an enum.
    #[serde(default = "default_categories")]
    pub categories: Vec<HorizonCategory>,
    /// Families of themes (crime, safeguarding, community…). A focus area often
    /// covers a family, so rules reason about groups as well as single themes.
    pub groups: Vec<ThemeGroup>,
    /// The rows of the priority matrix: crime and disorder categories.
    pub themes: Vec<Theme>,
    /// The columns of the priority matrix.
    pub districts: Vec<District>,
    /// One row per theme that any district names; cells left out are "not named".
    #[serde(default)]
    pub matrix: Vec<MatrixRow>,
    /// The plans read over this matrix: at most one county agreement and any number
    /// of district (or unitary) plans, each read against the county agreement.
    pub plans: Vec<Plan>,
    /// The id of the plan under review: the one the rules judge and the forms edit.
    pub under_review: PlanId,
    #[serde(default)]
    pub horizon: Vec<HorizonItem>,
    #[serde(default)]
    pub partner_priorities: Vec<PartnerPriority>,
    #[serde(default)]
    pub legislation: Vec<Legislation>,
    #[serde(default)]
    pub votes: Vec<StakeholderVote>,
    /// Stakeholder events: the screens presented and the room's votes
    /// (`crate::event`). Left out of the file when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<crate::event::Event>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub geography: String,
    pub period: String,
    /// Where the figures came from and what was reconstructed: a reviewer must be
    /// able to tell a published fact from an editor's judgement.
    #[serde(default)]
    pub provenance: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HorizonCategory {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: CategoryId,
    pub name: String,
}

/// PESTELO, as the KCSP working group uses it.
pub fn default_categories() -> Vec<HorizonCategory> {
    [
        ("political", "Political"),
        ("economic", "Economic"),
        ("social", "Social / Demographic"),
        ("technological", "Technological"),
        ("environmental", "Environmental"),
        ("legislation", "Legislation"),
        ("organisational", "Organisational"),
    ]
    .into_iter()
    .map(|(id, name)| HorizonCategory {
        id: id.into(),
        name: name.into(),
    })
    .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ThemeGroup {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: GroupId,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: ThemeId,
    pub name: String,
    pub group: GroupId,
    /// Other names partnerships use for the same thing ("Crime" for
    /// "Serious & Organised Crime"); shown beside the name, used when matching.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct District {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: DistrictId,
    pub name: String,
    /// Other names for the same district ("Dartford and Gravesham" for "Dartford &
    /// Gravesham"), kept from renames and spreadsheet imports; used when matching.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// How strongly a district names a theme in its own plan (seed 004's key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// An issue named within a broader theme (the seed's grey tick).
    Issue,
    /// A subsidiary priority, cross-cutting theme or key enabler (orange tick).
    Subsidiary,
    /// A named main priority (yellow box).
    Main,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Main, Level::Subsidiary, Level::Issue];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Main => "main",
            Level::Subsidiary => "subsidiary",
            Level::Issue => "issue",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Words for a reader, as the seed's key puts them.
    pub fn label(self) -> &'static str {
        match self {
            Level::Main => "named main priority",
            Level::Subsidiary => "subsidiary priority or cross-cutting theme",
            Level::Issue => "issue within a broader theme",
        }
    }

    /// The order a cell cycles through when clicked: none → main → subsidiary → issue → none.
    pub fn cycle(current: Option<Level>) -> Option<Level> {
        match current {
            None => Some(Level::Main),
            Some(Level::Main) => Some(Level::Subsidiary),
            Some(Level::Subsidiary) => Some(Level::Issue),
            Some(Level::Issue) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MatrixRow {
    pub theme: ThemeId,
    /// District id → level. A `BTreeMap` keeps saved files stable and diffable.
    pub cells: std::collections::BTreeMap<DistrictId, Level>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// A county Community Safety Agreement: the context every district plan in the
    /// scenario is read against.
    CountyAgreement,
    /// One district's community safety plan, which must have regard to the county
    /// agreement.
    DistrictPlan,
    /// A unitary authority's plan (Medway): its own district, no county agreement above it.
    UnitaryPlan,
}

impl PlanKind {
    pub const ALL: [PlanKind; 3] = [
        PlanKind::CountyAgreement,
        PlanKind::DistrictPlan,
        PlanKind::UnitaryPlan,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            PlanKind::CountyAgreement => "county_agreement",
            PlanKind::DistrictPlan => "district_plan",
            PlanKind::UnitaryPlan => "unitary_plan",
        }
    }

    pub fn parse(s: &str) -> Option<PlanKind> {
        PlanKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Words for a reader.
    pub fn label(self) -> &'static str {
        match self {
            PlanKind::CountyAgreement => "County agreement",
            PlanKind::DistrictPlan => "District plan",
            PlanKind::UnitaryPlan => "Unitary authority plan",
        }
    }

    /// Whether a plan of this kind is one partnership's own, naming its district.
    pub fn is_local(self) -> bool {
        !matches!(self, PlanKind::CountyAgreement)
    }
}

/// One partnership's plan: the focus areas it has now, its cross-cutting themes and
/// what its residents said of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Left blank in an added plan, the model makes one from its name.
    #[serde(default)]
    pub id: PlanId,
    pub name: String,
    pub kind: PlanKind,
    /// For a district plan, which matrix column is this partnership's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<DistrictId>,
    pub focus_areas: Vec<FocusArea>,
    #[serde(default)]
    pub cross_cutting_themes: Vec<CrossCuttingTheme>,
    /// The public consultation on this plan: per focus area, or for the plan overall.
    #[serde(default)]
    pub consultation: Vec<ConsultationResult>,
}

impl Plan {
    /// The consultation result for the plan as a whole, not one focus area.
    pub fn overall_consultation(&self) -> Option<&ConsultationResult> {
        self.consultation.iter().find(|c| c.focus_area.is_none())
    }

    /// The id of the county agreement a district plan is given when it has none.
    pub const AWAITED_COUNTY_ID: &'static str = "county-agreement";
    /// Its name, until the user gives the real one.
    pub const AWAITED_COUNTY_NAME: &'static str = "County community safety agreement";

    /// A plan with nothing in it yet.
    pub fn empty(id: &str, name: &str, kind: PlanKind) -> Plan {
        Plan {
            id: id.into(),
            name: name.into(),
            kind,
            district: None,
            focus_areas: Vec::new(),
            cross_cutting_themes: Vec::new(),
            consultation: Vec::new(),
        }
    }

    /// The empty county agreement a district plan that has none is read against, so
    /// that a district plan on its own (a new review, an older file) is whole; its
    /// priorities wait for the user.
    pub fn awaited_county_agreement() -> Plan {
        Plan::empty(
            Plan::AWAITED_COUNTY_ID,
            Plan::AWAITED_COUNTY_NAME,
            PlanKind::CountyAgreement,
        )
    }
}

/// `plans` with an empty county agreement added when a district plan has none to be
/// read against (its id made unique among theirs).
pub fn with_county_agreement(mut plans: Vec<Plan>) -> Vec<Plan> {
    let has = |k: PlanKind| plans.iter().any(|p| p.kind == k);
    if has(PlanKind::DistrictPlan) && !has(PlanKind::CountyAgreement) {
        let mut county = Plan::awaited_county_agreement();
        county.id = crate::ids::unique_id(&county.id, |c| plans.iter().any(|p| p.id == c));
        plans.push(county);
    }
    plans
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FocusArea {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: FocusAreaId,
    pub name: String,
    /// The matrix themes this focus area covers.
    pub themes: Vec<ThemeId>,
    /// In a district plan: the county agreement's priorities (focus area or
    /// cross-cutting theme ids) this focus area says it serves, beyond those whose
    /// themes it covers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serves: Vec<FocusAreaId>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CrossCuttingTheme {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeHorizon {
    Now,
    WithinAYear,
    OneToThreeYears,
    Beyond,
}

impl TimeHorizon {
    pub const ALL: [TimeHorizon; 4] = [
        TimeHorizon::Now,
        TimeHorizon::WithinAYear,
        TimeHorizon::OneToThreeYears,
        TimeHorizon::Beyond,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TimeHorizon::Now => "now",
            TimeHorizon::WithinAYear => "within_a_year",
            TimeHorizon::OneToThreeYears => "one_to_three_years",
            TimeHorizon::Beyond => "beyond",
        }
    }

    pub fn parse(s: &str) -> Option<TimeHorizon> {
        TimeHorizon::ALL.into_iter().find(|t| t.as_str() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            TimeHorizon::Now => "Now",
            TimeHorizon::WithinAYear => "Within a year",
            TimeHorizon::OneToThreeYears => "In 1 to 3 years",
            TimeHorizon::Beyond => "Beyond 3 years",
        }
    }
}

/// One PESTELO horizon-scanning entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HorizonItem {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: String,
    pub category: CategoryId,
    pub title: String,
    #[serde(default)]
    pub detail: String,
    pub time_horizon: TimeHorizon,
    /// 1 (unlikely) to 4 (almost certain), as on a 4 × 4 risk grid.
    pub likelihood: u8,
    /// 1 (minor) to 4 (severe).
    pub impact: u8,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
    #[serde(default)]
    pub source: String,
    /// Set for an item from one district's own horizon scan: it is evidence for that
    /// district's plan only. Blank: the county-wide scan, read for every plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<DistrictId>,
}

impl HorizonItem {
    /// The 4 × 4 grid's priority grade, 1 to 16.
    pub fn grade(&self) -> u8 {
        self.likelihood.saturating_mul(self.impact)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerPriority {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: String,
    /// Who holds the priority ("Kent Police Control Strategy").
    pub partner: String,
    pub priority: String,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
    /// Set for a local partner's priority (a district's leadership group): evidence
    /// for that district's plan only. Blank: read for every plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<DistrictId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum LegislationStatus {
    Enacted,
    Incoming,
    Proposed,
}

impl LegislationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            LegislationStatus::Enacted => "enacted",
            LegislationStatus::Incoming => "incoming",
            LegislationStatus::Proposed => "proposed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Legislation {
    /// Left blank in an added item, the model makes one from its name.
    #[serde(default)]
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    pub status: LegislationStatus,
    /// Whether it places a statutory duty on the partners.
    pub creates_duty: bool,
    /// The duty in a sentence, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duty: Option<String>,
    #[serde(default)]
    pub themes: Vec<ThemeId>,
}

/// A public consultation figure: for one focus area, or for the plan overall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsultationResult {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus_area: Option<FocusAreaId>,
    pub responses: u32,
    /// Share of respondents agreeing, 0 to 1.
    pub share_agreeing: f64,
}

/// Votes a stakeholder event gave a theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StakeholderVote {
    pub theme: ThemeId,
    pub votes: u32,
}
