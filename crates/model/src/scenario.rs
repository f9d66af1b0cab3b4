//! The scenario: everything a partnership weighs in one priority review.
//!
//! The JSON form of these types *is* the file format (see `docs/scenario-format.md`).
//! Every struct denies unknown fields so that a typo in a hand-edited file is
//! reported with its line and column instead of being silently ignored.

use serde::{Deserialize, Serialize};

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

pub type ThemeId = String;
pub type DistrictId = String;
pub type FocusAreaId = String;
pub type CategoryId = String;
pub type GroupId = String;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
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
    pub plan: Plan,
    #[serde(default)]
    pub horizon: Vec<HorizonItem>,
    #[serde(default)]
    pub partner_priorities: Vec<PartnerPriority>,
    #[serde(default)]
    pub legislation: Vec<Legislation>,
    #[serde(default)]
    pub consultation: Vec<ConsultationResult>,
    #[serde(default)]
    pub votes: Vec<StakeholderVote>,
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
    /// A county Community Safety Agreement.
    CountyAgreement,
    /// One district or unitary authority's community safety plan.
    DistrictPlan,
}

/// The plan under review: the focus areas it has now and its cross-cutting themes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub name: String,
    pub kind: PlanKind,
    /// For a district plan, which matrix column is this partnership's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<DistrictId>,
    pub focus_areas: Vec<FocusArea>,
    #[serde(default)]
    pub cross_cutting_themes: Vec<CrossCuttingTheme>,
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

impl Scenario {
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn district(&self, id: &str) -> Option<&District> {
        self.districts.iter().find(|d| d.id == id)
    }

    pub fn focus_area(&self, id: &str) -> Option<&FocusArea> {
        self.plan.focus_areas.iter().find(|f| f.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&HorizonCategory> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&ThemeGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The level at which `district` names `theme`, if it does.
    pub fn level(&self, district: &str, theme: &str) -> Option<Level> {
        self.matrix
            .iter()
            .find(|r| r.theme == theme)
            .and_then(|r| r.cells.get(district).copied())
    }

    /// Sets (or clears, with `None`) one matrix cell, creating or dropping the row as needed.
    pub fn set_level(&mut self, district: &str, theme: &str, level: Option<Level>) {
        let idx = match self.matrix.iter().position(|r| r.theme == theme) {
            Some(i) => i,
            None => {
                if level.is_none() {
                    return;
                }
                self.matrix.push(MatrixRow {
                    theme: theme.to_string(),
                    cells: Default::default(),
                });
                self.matrix.len() - 1
            }
        };
        let row = &mut self.matrix[idx];
        match level {
            Some(l) => {
                row.cells.insert(district.to_string(), l);
            }
            None => {
                row.cells.remove(district);
            }
        }
        if row.cells.is_empty() {
            self.matrix.remove(idx);
        }
    }

    /// How many districts name `theme` at any level: the seed's last column.
    pub fn district_count(&self, theme: &str) -> usize {
        self.matrix
            .iter()
            .filter(|r| r.theme == theme)
            .flat_map(|r| r.cells.keys())
            .filter(|d| self.district(d).is_some())
            .count()
    }
}
