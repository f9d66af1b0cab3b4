//! Edits: every change a user can make to a scenario, as data.
//!
//! The page's forms, a spreadsheet import and `horizon apply` all build [`Edit`]s and
//! hand them to [`Scenario::apply`], which either makes the change and says what it
//! did, or changes nothing and says why ([`Refusal`]). The judgement is the same
//! function that checks a file ([`validate`]): whatever a file may not hold, no edit
//! can make, so a form and a file always agree.
//!
//! Removing something other parts refer to either takes those references with it
//! and says so (a theme, a district, a focus area), or is refused with the list of
//! what still refers to it (a theme group that still holds themes, a horizon
//! category still in use, the district whose own plan is under review).

mod apply;
mod cascade;
mod event;
pub use event::EventEdit;
mod lists;
pub use lists::join_and;
mod refusal;

use serde::{Deserialize, Serialize};

use crate::scenario::*;

pub use lists::{capitalised, count};
pub use refusal::{field_of, sentence, Applied, Refusal};

/// One thing of a list, as an [`Edit::Add`] or [`Edit::Update`] carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Plan(Plan),
    Group(ThemeGroup),
    Theme(Theme),
    District(District),
    FocusArea(FocusArea),
    CrossCuttingTheme(CrossCuttingTheme),
    Category(HorizonCategory),
    HorizonItem(HorizonItem),
    PartnerPriority(PartnerPriority),
    Legislation(Legislation),
}

/// Which list an [`Edit::Remove`] or [`Edit::Move`] works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Collection {
    Plans,
    Groups,
    Themes,
    Districts,
    FocusAreas,
    CrossCuttingThemes,
    Categories,
    Horizon,
    PartnerPriorities,
    Legislation,
}

impl Collection {
    pub const ALL: [Collection; 10] = [
        Collection::Plans,
        Collection::Groups,
        Collection::Themes,
        Collection::Districts,
        Collection::FocusAreas,
        Collection::CrossCuttingThemes,
        Collection::Categories,
        Collection::Horizon,
        Collection::PartnerPriorities,
        Collection::Legislation,
    ];

    /// What one of these is called, in a sentence.
    pub fn noun(self) -> &'static str {
        match self {
            Collection::Plans => "plan",
            Collection::Groups => "theme group",
            Collection::Themes => "theme",
            Collection::Districts => "district",
            Collection::FocusAreas => "focus area",
            Collection::CrossCuttingThemes => "cross-cutting theme",
            Collection::Categories => "horizon category",
            Collection::Horizon => "horizon item",
            Collection::PartnerPriorities => "partner priority",
            Collection::Legislation => "piece of legislation",
        }
    }

    /// The list's JSON path in a scenario file: the plan under review's lists are
    /// under `plans[N]`.
    pub fn path(self, s: &Scenario) -> String {
        let plan = s.plan_index();
        match self {
            Collection::FocusAreas => return format!("plans[{plan}].focus_areas"),
            Collection::CrossCuttingThemes => return format!("plans[{plan}].cross_cutting_themes"),
            _ => {}
        }
        match self {
            Collection::Plans => "plans",
            Collection::Groups => "groups",
            Collection::Themes => "themes",
            Collection::Districts => "districts",
            Collection::FocusAreas | Collection::CrossCuttingThemes => unreachable!(),
            Collection::Categories => "categories",
            Collection::Horizon => "horizon",
            Collection::PartnerPriorities => "partner_priorities",
            Collection::Legislation => "legislation",
        }
        .to_string()
    }

    /// The ids fallback for a new item whose name has no letters or digits.
    fn fallback_id(self) -> &'static str {
        match self {
            Collection::Plans => "plan",
            Collection::Groups => "group",
            Collection::Themes => "theme",
            Collection::Districts => "district",
            Collection::FocusAreas => "focus-area",
            Collection::CrossCuttingThemes => "cross-cutting",
            Collection::Categories => "category",
            Collection::Horizon => "item",
            Collection::PartnerPriorities => "partner-priority",
            Collection::Legislation => "law",
        }
    }
}

impl Item {
    pub fn collection(&self) -> Collection {
        match self {
            Item::Plan(_) => Collection::Plans,
            Item::Group(_) => Collection::Groups,
            Item::Theme(_) => Collection::Themes,
            Item::District(_) => Collection::Districts,
            Item::FocusArea(_) => Collection::FocusAreas,
            Item::CrossCuttingTheme(_) => Collection::CrossCuttingThemes,
            Item::Category(_) => Collection::Categories,
            Item::HorizonItem(_) => Collection::Horizon,
            Item::PartnerPriority(_) => Collection::PartnerPriorities,
            Item::Legislation(_) => Collection::Legislation,
        }
    }
}

/// One user-level change to a scenario. Its JSON form is what `horizon apply` reads
/// (`docs/edits.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    /// The review's title, geography, period and provenance notes.
    SetMeta(Meta),
    /// Chooses the plan under review.
    Review { plan: PlanId },
    /// The plan under review's name, kind and (for a district plan) its district.
    SetPlan {
        name: String,
        kind: PlanKind,
        #[serde(default)]
        district: Option<DistrictId>,
    },
    /// One matrix cell; `None` means the district does not name the theme.
    SetCell {
        district: DistrictId,
        theme: ThemeId,
        level: Option<Level>,
    },
    /// Adds an item at the end of its list. A blank id gets one made from its name.
    Add(Item),
    /// Replaces the item with id `id` (which it keeps). Renaming a theme keeps its
    /// old name as an alias.
    Update { id: String, item: Item },
    /// Removes an item, with what refers to it, or is refused (see the module docs).
    Remove { collection: Collection, id: String },
    /// Moves an item to position `to` (0-based; past the end means last).
    Move {
        collection: Collection,
        id: String,
        to: usize,
    },
    /// `from`'s matrix cells (the stronger level wins), links, votes and names go to
    /// `into`; `from` is removed.
    MergeThemes { from: ThemeId, into: ThemeId },
    /// Sets the consultation result for its focus area (or the plan overall).
    SetConsultation(ConsultationResult),
    /// Removes the consultation result for a focus area (or the plan overall).
    ClearConsultation {
        #[serde(default)]
        focus_area: Option<FocusAreaId>,
    },
    /// Stakeholder votes for a theme; 0 removes the count.
    SetVotes { theme: ThemeId, votes: u32 },
    /// A stakeholder event's details, screens, vote rounds and the room's entries.
    Event(EventEdit),
    /// A whole new scenario (a workbook or file opened), checked like a file.
    Replace(Box<Scenario>),
    /// Several edits made together, as one step (a spreadsheet import): each is made
    /// in turn and the result is checked once, so either all are kept or none.
    /// `summary` is what the step says it did.
    Batch { summary: String, edits: Vec<Edit> },
}
