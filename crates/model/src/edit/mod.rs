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

mod cascade;
mod event;
pub use event::EventEdit;
mod lists;
pub use lists::join_and;
mod refusal;

use serde::{Deserialize, Serialize};

use crate::scenario::*;
use crate::validate::{name_key, validate, ProblemKind};

pub use lists::{capitalised, count, thousands};
use lists::{add, move_to, not_found, update};
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

/// A rename keeps the old name among the other names (so last year's spreadsheet
/// still matches), and the new name is not also listed as another name.
fn keep_old_name(aliases: &mut Vec<String>, old: &str, new: &str) {
    if name_key(old) != name_key(new) && !aliases.iter().any(|a| name_key(a) == name_key(old)) {
        aliases.push(old.to_string());
    }
    aliases.retain(|a| name_key(a) != name_key(new));
}

impl Scenario {
    /// Makes `edit`, or changes nothing and says why. The scenario is valid after an
    /// edit if it was before: the edited scenario is checked with [`validate`], and
    /// any problem refuses the edit.
    pub fn apply(&mut self, edit: &Edit) -> Result<Applied, Refusal> {
        let (next, applied) = self.with(edit)?;
        *self = next;
        Ok(applied)
    }

    /// The scenario `edit` makes of this one, and what it did; this one is unchanged
    /// (one copy, for callers that keep both, such as the undo history).
    pub fn with(&self, edit: &Edit) -> Result<(Scenario, Applied), Refusal> {
        let mut next = self.clone();
        let applied = next.make(edit)?;
        let problems = validate(&next);
        if !problems.is_empty() {
            return Err(Refusal::from_problems(problems));
        }
        Ok((next, applied))
    }

    /// What `edit` would do, without doing it: for a form to check before it sends.
    pub fn check(&self, edit: &Edit) -> Result<Applied, Refusal> {
        self.with(edit).map(|(_, applied)| applied)
    }

    fn name_of(&self, collection: Collection, id: &str) -> String {
        let name = match collection {
            Collection::Plans => self.plan_by_id(id).map(|x| x.name.clone()),
            Collection::Groups => self.group(id).map(|x| x.name.clone()),
            Collection::Themes => self.theme(id).map(|x| x.name.clone()),
            Collection::Districts => self.district(id).map(|x| x.name.clone()),
            Collection::FocusAreas => self.focus_area(id).map(|x| x.name.clone()),
            Collection::CrossCuttingThemes => self
                .plan()
                .cross_cutting_themes
                .iter()
                .find(|x| x.id == id)
                .map(|x| x.name.clone()),
            Collection::Categories => self.category(id).map(|x| x.name.clone()),
            Collection::Horizon => self
                .horizon
                .iter()
                .find(|x| x.id == id)
                .map(|x| x.title.clone()),
            Collection::PartnerPriorities => self
                .partner_priorities
                .iter()
                .find(|x| x.id == id)
                .map(|x| x.priority.clone()),
            Collection::Legislation => self
                .legislation
                .iter()
                .find(|x| x.id == id)
                .map(|x| x.title.clone()),
        };
        name.unwrap_or_else(|| id.to_string())
    }

    /// The edit itself, unchecked: only what cannot be judged from the result
    /// (missing ids, references a removal would break) is refused here.
    fn make(&mut self, edit: &Edit) -> Result<Applied, Refusal> {
        let done = |summary: String| Applied { summary, id: None };
        match edit {
            Edit::SetMeta(meta) => {
                let mut meta = meta.clone();
                meta.title = meta.title.trim().to_string();
                meta.provenance.retain(|n| !n.trim().is_empty());
                self.meta = meta;
                Ok(done("The review's details were saved.".into()))
            }
            Edit::Review { plan } => {
                let name = self
                    .plan_by_id(plan)
                    .ok_or_else(|| not_found(self, Collection::Plans, plan))?
                    .name
                    .clone();
                self.under_review = plan.clone();
                Ok(done(format!("Now reviewing “{name}”.")))
            }
            Edit::SetPlan {
                name,
                kind,
                district,
            } => {
                let plan = self.plan_mut();
                plan.name = name.trim().to_string();
                plan.kind = *kind;
                plan.district = district.clone();
                Ok(done(format!("The plan “{}” was saved.", plan.name)))
            }
            Edit::SetCell {
                district,
                theme,
                level,
            } => {
                let d = self
                    .district(district)
                    .ok_or_else(|| not_found(self, Collection::Districts, district))?;
                let t = self
                    .theme(theme)
                    .ok_or_else(|| not_found(self, Collection::Themes, theme))?;
                let summary = format!(
                    "{} — {}: now {}.",
                    d.name,
                    t.name,
                    level.map_or("not named", |l| l.label())
                );
                self.set_level(district, theme, *level);
                Ok(done(summary))
            }
            Edit::Add(item) => {
                let collection = item.collection();
                let (id, label) = match item.clone() {
                    Item::Plan(x) => add(&mut self.plans, x, collection),
                    Item::Group(x) => add(&mut self.groups, x, collection),
                    Item::Theme(x) => add(&mut self.themes, x, collection),
                    Item::District(x) => add(&mut self.districts, x, collection),
                    Item::FocusArea(x) => add(&mut self.plan_mut().focus_areas, x, collection),
                    Item::CrossCuttingTheme(x) => {
                        add(&mut self.plan_mut().cross_cutting_themes, x, collection)
                    }
                    Item::Category(x) => add(&mut self.categories, x, collection),
                    Item::HorizonItem(x) => add(&mut self.horizon, x, collection),
                    Item::PartnerPriority(x) => add(&mut self.partner_priorities, x, collection),
                    Item::Legislation(x) => add(&mut self.legislation, x, collection),
                };
                Ok(Applied {
                    summary: format!("{} “{label}” added.", capitalised(collection.noun())),
                    id: Some(id),
                })
            }
            Edit::Update { id, item } => {
                let collection = item.collection();
                let path = collection.path(self);
                let old = match item.clone() {
                    Item::Plan(x) => update(&mut self.plans, &path, collection, id, x)?,
                    Item::Group(x) => update(&mut self.groups, &path, collection, id, x)?,
                    Item::Theme(mut x) => {
                        let old = self
                            .theme(id)
                            .ok_or_else(|| not_found(self, collection, id))?
                            .name
                            .clone();
                        keep_old_name(&mut x.aliases, &old, &x.name);
                        update(&mut self.themes, &path, collection, id, x)?
                    }
                    Item::District(mut x) => {
                        let old = self
                            .district(id)
                            .ok_or_else(|| not_found(self, collection, id))?
                            .name
                            .clone();
                        keep_old_name(&mut x.aliases, &old, &x.name);
                        update(&mut self.districts, &path, collection, id, x)?
                    }
                    Item::FocusArea(x) => {
                        update(&mut self.plan_mut().focus_areas, &path, collection, id, x)?
                    }
                    Item::CrossCuttingTheme(x) => update(
                        &mut self.plan_mut().cross_cutting_themes,
                        &path,
                        collection,
                        id,
                        x,
                    )?,
                    Item::Category(x) => update(&mut self.categories, &path, collection, id, x)?,
                    Item::HorizonItem(x) => update(&mut self.horizon, &path, collection, id, x)?,
                    Item::PartnerPriority(x) => {
                        update(&mut self.partner_priorities, &path, collection, id, x)?
                    }
                    Item::Legislation(x) => {
                        update(&mut self.legislation, &path, collection, id, x)?
                    }
                };
                let new = self.name_of(collection, id);
                let noun = capitalised(collection.noun());
                Ok(done(if name_key(&old) == name_key(&new) {
                    format!("{noun} “{new}” saved.")
                } else if collection == Collection::Themes {
                    format!("{noun} “{old}” renamed to “{new}”; the old name is kept as an alias.")
                } else {
                    format!("{noun} “{old}” renamed to “{new}”.")
                }))
            }
            Edit::Remove { collection, id } => self.remove(*collection, id).map(done),
            Edit::Move { collection, id, to } => {
                let (c, path) = (*collection, collection.path(self));
                let (label, at) = match collection {
                    Collection::Plans => move_to(&mut self.plans, &path, c, id, *to)?,
                    Collection::Groups => move_to(&mut self.groups, &path, c, id, *to)?,
                    Collection::Themes => move_to(&mut self.themes, &path, c, id, *to)?,
                    Collection::Districts => move_to(&mut self.districts, &path, c, id, *to)?,
                    Collection::FocusAreas => {
                        move_to(&mut self.plan_mut().focus_areas, &path, c, id, *to)?
                    }
                    Collection::CrossCuttingThemes => {
                        move_to(&mut self.plan_mut().cross_cutting_themes, &path, c, id, *to)?
                    }
                    Collection::Categories => move_to(&mut self.categories, &path, c, id, *to)?,
                    Collection::Horizon => move_to(&mut self.horizon, &path, c, id, *to)?,
                    Collection::PartnerPriorities => {
                        move_to(&mut self.partner_priorities, &path, c, id, *to)?
                    }
                    Collection::Legislation => move_to(&mut self.legislation, &path, c, id, *to)?,
                };
                Ok(done(format!(
                    "{} “{label}” moved to position {}.",
                    capitalised(collection.noun()),
                    at + 1
                )))
            }
            Edit::MergeThemes { from, into } => self.merge_themes(from, into).map(done),
            Edit::SetConsultation(result) => {
                let whose = self.consulted(result.focus_area.as_deref())?;
                let consultation = &mut self.plan_mut().consultation;
                match consultation
                    .iter_mut()
                    .find(|r| r.focus_area == result.focus_area)
                {
                    Some(r) => *r = result.clone(),
                    None => consultation.push(result.clone()),
                }
                Ok(done(format!(
                    "The consultation result for {whose} was saved."
                )))
            }
            Edit::ClearConsultation { focus_area } => {
                let whose = self.consulted(focus_area.as_deref())?;
                let path = format!("plans[{}].consultation", self.plan_index());
                let consultation = &mut self.plan_mut().consultation;
                let before = consultation.len();
                consultation.retain(|r| &r.focus_area != focus_area);
                if consultation.len() == before {
                    return Err(Refusal::new(
                        path,
                        ProblemKind::NotFound,
                        format!("there is no consultation result for {whose}"),
                    ));
                }
                Ok(done(format!(
                    "The consultation result for {whose} was removed."
                )))
            }
            Edit::SetVotes { theme, votes } => {
                let name = self
                    .theme(theme)
                    .ok_or_else(|| not_found(self, Collection::Themes, theme))?
                    .name
                    .clone();
                self.votes.retain(|v| &v.theme != theme);
                if *votes > 0 {
                    // Votes stay in the themes' order, so files diff cleanly.
                    let at = self
                        .votes
                        .iter()
                        .position(|v| {
                            self.themes.iter().position(|t| t.id == v.theme)
                                > self.themes.iter().position(|t| &t.id == theme)
                        })
                        .unwrap_or(self.votes.len());
                    self.votes.insert(
                        at,
                        StakeholderVote {
                            theme: theme.clone(),
                            votes: *votes,
                        },
                    );
                }
                Ok(done(format!(
                    "{name}: {}.",
                    count(*votes as usize, "stakeholder vote", "stakeholder votes")
                )))
            }
            Edit::Event(e) => self.event_edit(e),
            Edit::Replace(scenario) => {
                *self = (**scenario).clone();
                Ok(done(format!("Opened “{}”.", self.meta.title)))
            }
            Edit::Batch { summary, edits } => {
                for edit in edits {
                    self.make(edit)?;
                }
                Ok(done(summary.clone()))
            }
        }
    }

    /// Who a consultation result is for, in words; refused for an unknown focus area.
    fn consulted(&self, focus_area: Option<&str>) -> Result<String, Refusal> {
        match focus_area {
            None => Ok("the plan overall".into()),
            Some(f) => self
                .focus_area(f)
                .map(|x| format!("“{}”", x.name))
                .ok_or_else(|| not_found(self, Collection::FocusAreas, f)),
        }
    }
}
