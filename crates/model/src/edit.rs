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

use serde::{Deserialize, Serialize};

use crate::ids::{slug, unique_id};
use crate::scenario::*;
use crate::validate::{name_key, validate, Problem, ProblemKind};

/// One thing of a list, as an [`Edit::Add`] or [`Edit::Update`] carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Item {
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
    pub const ALL: [Collection; 9] = [
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

    /// The list's JSON path in a scenario file.
    pub fn path(self) -> &'static str {
        match self {
            Collection::Groups => "groups",
            Collection::Themes => "themes",
            Collection::Districts => "districts",
            Collection::FocusAreas => "plan.focus_areas",
            Collection::CrossCuttingThemes => "plan.cross_cutting_themes",
            Collection::Categories => "categories",
            Collection::Horizon => "horizon",
            Collection::PartnerPriorities => "partner_priorities",
            Collection::Legislation => "legislation",
        }
    }

    /// The ids fallback for a new item whose name has no letters or digits.
    fn fallback_id(self) -> &'static str {
        match self {
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
    /// The plan's name, kind and (for a district plan) its district.
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
    /// A whole new scenario (an import), checked like a file.
    Replace(Box<Scenario>),
}

/// What an edit did, in words for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// One or two sentences: what changed, and what went with it.
    pub summary: String,
    /// The id of the item an [`Edit::Add`] made.
    pub id: Option<String>,
}

/// Why an edit was not made. Nothing changed. The first problem is the one to show
/// beside the field; `more` holds any others, for an error summary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct Refusal {
    /// A JSON path into the scenario as it would have been, e.g. `themes[25].name`.
    pub path: String,
    pub kind: ProblemKind,
    pub message: String,
    pub more: Vec<Problem>,
}

impl Refusal {
    fn new(path: impl Into<String>, kind: ProblemKind, message: impl Into<String>) -> Refusal {
        Refusal {
            path: path.into(),
            kind,
            message: message.into(),
            more: Vec::new(),
        }
    }

    fn from_problems(mut problems: Vec<Problem>) -> Refusal {
        let first = problems.remove(0);
        Refusal {
            path: first.path,
            kind: first.kind,
            message: first.message,
            more: problems,
        }
    }

    /// Every problem, the first one first.
    pub fn problems(&self) -> Vec<Problem> {
        let mut all = vec![Problem {
            path: self.path.clone(),
            kind: self.kind,
            message: self.message.clone(),
        }];
        all.extend(self.more.iter().cloned());
        all
    }

    /// The first problem as a sentence, for a form ("The theme has no name.").
    pub fn sentence(&self) -> String {
        sentence(&self.message)
    }

    /// The last field of the path (`name`, `likelihood`), for a form to place the
    /// message beside its control.
    pub fn field(&self) -> &str {
        field_of(&self.path)
    }
}

/// A problem message as a sentence: capital first letter, full stop.
pub fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

/// The last field name of a JSON path: `horizon[3].themes[1]` → `themes`.
pub fn field_of(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// What every list item has: an id and the name people know it by.
trait Listed {
    fn id(&self) -> &str;
    fn id_mut(&mut self) -> &mut String;
    fn label(&self) -> &str;
    fn label_mut(&mut self) -> &mut String;
}

macro_rules! listed {
    ($($t:ty => $label:ident),* $(,)?) => {$(
        impl Listed for $t {
            fn id(&self) -> &str { &self.id }
            fn id_mut(&mut self) -> &mut String { &mut self.id }
            fn label(&self) -> &str { &self.$label }
            fn label_mut(&mut self) -> &mut String { &mut self.$label }
        }
    )*};
}

listed! {
    ThemeGroup => name,
    Theme => name,
    District => name,
    FocusArea => name,
    CrossCuttingTheme => name,
    HorizonCategory => name,
    HorizonItem => title,
    PartnerPriority => priority,
    Legislation => title,
}

/// `n` and the noun agreeing with it: "1 cell", "3 cells".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// "a, b and c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// At most five names, then "and N more".
fn some_names<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let all: Vec<String> = names.map(|n| format!("“{n}”")).collect();
    if all.len() > 5 {
        format!("{} and {} more", all[..5].join(", "), all.len() - 5)
    } else {
        join_and(&all)
    }
}

fn not_found(collection: Collection, id: &str) -> Refusal {
    Refusal::new(
        collection.path(),
        ProblemKind::NotFound,
        format!("there is no {} with id \"{id}\"", collection.noun()),
    )
}

fn position<T: Listed>(list: &[T], collection: Collection, id: &str) -> Result<usize, Refusal> {
    list.iter()
        .position(|x| x.id() == id)
        .ok_or_else(|| not_found(collection, id))
}

fn add<T: Listed>(list: &mut Vec<T>, mut item: T, collection: Collection) -> (String, String) {
    let tidy = item.label().trim().to_string();
    *item.label_mut() = tidy;
    if item.id().trim().is_empty() {
        let id = unique_id(&slug(item.label(), collection.fallback_id()), |c| {
            list.iter().any(|x| x.id() == c)
        });
        *item.id_mut() = id;
    }
    let out = (item.id().to_string(), item.label().to_string());
    list.push(item);
    out
}

/// Replaces the item `id` with `item` (keeping the id); returns the old label.
fn update<T: Listed>(
    list: &mut [T],
    collection: Collection,
    id: &str,
    mut item: T,
) -> Result<String, Refusal> {
    let pos = position(list, collection, id)?;
    id.clone_into(item.id_mut());
    let tidy = item.label().trim().to_string();
    *item.label_mut() = tidy;
    let old = list[pos].label().to_string();
    list[pos] = item;
    Ok(old)
}

fn remove<T: Listed>(list: &mut Vec<T>, collection: Collection, id: &str) -> Result<T, Refusal> {
    let pos = position(list, collection, id)?;
    Ok(list.remove(pos))
}

fn move_to<T: Listed>(
    list: &mut Vec<T>,
    collection: Collection,
    id: &str,
    to: usize,
) -> Result<(String, usize), Refusal> {
    let pos = position(list, collection, id)?;
    let item = list.remove(pos);
    let to = to.min(list.len());
    let label = item.label().to_string();
    list.insert(to, item);
    Ok((label, to))
}

impl Scenario {
    /// Makes `edit`, or changes nothing and says why. The scenario is valid after an
    /// edit if it was before: the edited scenario is checked with [`validate`], and
    /// any problem refuses the edit.
    pub fn apply(&mut self, edit: &Edit) -> Result<Applied, Refusal> {
        let mut next = self.clone();
        let applied = next.make(edit)?;
        let problems = validate(&next);
        if !problems.is_empty() {
            return Err(Refusal::from_problems(problems));
        }
        *self = next;
        Ok(applied)
    }

    /// What `edit` would do, without doing it: for a form to check before it sends.
    pub fn check(&self, edit: &Edit) -> Result<Applied, Refusal> {
        self.clone().apply(edit)
    }

    fn name_of(&self, collection: Collection, id: &str) -> String {
        let name = match collection {
            Collection::Groups => self.group(id).map(|x| x.name.clone()),
            Collection::Themes => self.theme(id).map(|x| x.name.clone()),
            Collection::Districts => self.district(id).map(|x| x.name.clone()),
            Collection::FocusAreas => self.focus_area(id).map(|x| x.name.clone()),
            Collection::CrossCuttingThemes => self
                .plan
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
            Edit::SetPlan {
                name,
                kind,
                district,
            } => {
                self.plan.name = name.trim().to_string();
                self.plan.kind = *kind;
                self.plan.district = district.clone();
                Ok(done(format!("The plan “{}” was saved.", self.plan.name)))
            }
            Edit::SetCell {
                district,
                theme,
                level,
            } => {
                let d = self
                    .district(district)
                    .ok_or_else(|| not_found(Collection::Districts, district))?;
                let t = self
                    .theme(theme)
                    .ok_or_else(|| not_found(Collection::Themes, theme))?;
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
                    Item::Group(x) => add(&mut self.groups, x, collection),
                    Item::Theme(x) => add(&mut self.themes, x, collection),
                    Item::District(x) => add(&mut self.districts, x, collection),
                    Item::FocusArea(x) => add(&mut self.plan.focus_areas, x, collection),
                    Item::CrossCuttingTheme(x) => {
                        add(&mut self.plan.cross_cutting_themes, x, collection)
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
                let old = match item.clone() {
                    Item::Group(x) => update(&mut self.groups, collection, id, x)?,
                    Item::Theme(mut x) => {
                        let old = self
                            .theme(id)
                            .ok_or_else(|| not_found(collection, id))?
                            .name
                            .clone();
                        let new = x.name.trim().to_string();
                        if name_key(&old) != name_key(&new)
                            && !x.aliases.iter().any(|a| name_key(a) == name_key(&old))
                        {
                            x.aliases.push(old);
                        }
                        x.aliases.retain(|a| name_key(a) != name_key(&new));
                        update(&mut self.themes, collection, id, x)?
                    }
                    Item::District(x) => update(&mut self.districts, collection, id, x)?,
                    Item::FocusArea(x) => update(&mut self.plan.focus_areas, collection, id, x)?,
                    Item::CrossCuttingTheme(x) => {
                        update(&mut self.plan.cross_cutting_themes, collection, id, x)?
                    }
                    Item::Category(x) => update(&mut self.categories, collection, id, x)?,
                    Item::HorizonItem(x) => update(&mut self.horizon, collection, id, x)?,
                    Item::PartnerPriority(x) => {
                        update(&mut self.partner_priorities, collection, id, x)?
                    }
                    Item::Legislation(x) => update(&mut self.legislation, collection, id, x)?,
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
                let (label, at) = match collection {
                    Collection::Groups => move_to(&mut self.groups, *collection, id, *to)?,
                    Collection::Themes => move_to(&mut self.themes, *collection, id, *to)?,
                    Collection::Districts => move_to(&mut self.districts, *collection, id, *to)?,
                    Collection::FocusAreas => {
                        move_to(&mut self.plan.focus_areas, *collection, id, *to)?
                    }
                    Collection::CrossCuttingThemes => {
                        move_to(&mut self.plan.cross_cutting_themes, *collection, id, *to)?
                    }
                    Collection::Categories => move_to(&mut self.categories, *collection, id, *to)?,
                    Collection::Horizon => move_to(&mut self.horizon, *collection, id, *to)?,
                    Collection::PartnerPriorities => {
                        move_to(&mut self.partner_priorities, *collection, id, *to)?
                    }
                    Collection::Legislation => {
                        move_to(&mut self.legislation, *collection, id, *to)?
                    }
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
                match self
                    .consultation
                    .iter_mut()
                    .find(|r| r.focus_area == result.focus_area)
                {
                    Some(r) => *r = result.clone(),
                    None => self.consultation.push(result.clone()),
                }
                Ok(done(format!(
                    "The consultation result for {whose} was saved."
                )))
            }
            Edit::ClearConsultation { focus_area } => {
                let whose = self.consulted(focus_area.as_deref())?;
                let before = self.consultation.len();
                self.consultation.retain(|r| &r.focus_area != focus_area);
                if self.consultation.len() == before {
                    return Err(Refusal::new(
                        "consultation",
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
                    .ok_or_else(|| not_found(Collection::Themes, theme))?
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
            Edit::Replace(scenario) => {
                *self = (**scenario).clone();
                Ok(done(format!("Opened “{}”.", self.meta.title)))
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
                .ok_or_else(|| not_found(Collection::FocusAreas, f)),
        }
    }

    fn remove(&mut self, collection: Collection, id: &str) -> Result<String, Refusal> {
        let name = self.name_of(collection, id);
        let noun = capitalised(collection.noun());
        let mut went: Vec<String> = Vec::new();
        match collection {
            Collection::Groups => {
                let pos = position(&self.groups, collection, id)?;
                let held: Vec<&str> = self
                    .themes
                    .iter()
                    .filter(|t| t.group == id)
                    .map(|t| t.name.as_str())
                    .collect();
                if !held.is_empty() {
                    return Err(Refusal::new(
                        format!("groups[{pos}]"),
                        ProblemKind::InUse,
                        format!(
                            "the theme group “{name}” still holds {}: {}. Move them to another group or remove them first",
                            count(held.len(), "theme", "themes"),
                            some_names(held.into_iter())
                        ),
                    ));
                }
                self.groups.remove(pos);
            }
            Collection::Categories => {
                let pos = position(&self.categories, collection, id)?;
                let using: Vec<&str> = self
                    .horizon
                    .iter()
                    .filter(|h| h.category == id)
                    .map(|h| h.title.as_str())
                    .collect();
                if !using.is_empty() {
                    return Err(Refusal::new(
                        format!("categories[{pos}]"),
                        ProblemKind::InUse,
                        format!(
                            "{} filed under the category “{name}”: {}. Move them to another category or remove them first",
                            count(using.len(), "horizon item is", "horizon items are"),
                            some_names(using.into_iter())
                        ),
                    ));
                }
                self.categories.remove(pos);
            }
            Collection::Districts => {
                let pos = position(&self.districts, collection, id)?;
                if self.plan.district.as_deref() == Some(id) {
                    return Err(Refusal::new(
                        format!("districts[{pos}]"),
                        ProblemKind::InUse,
                        format!("the plan under review is {name}'s own plan. Choose another district for the plan first"),
                    ));
                }
                self.districts.remove(pos);
                let mut cells = 0;
                for row in &mut self.matrix {
                    cells += usize::from(row.cells.remove(id).is_some());
                }
                self.matrix.retain(|r| !r.cells.is_empty());
                if cells > 0 {
                    went.push(format!(
                        "its {}",
                        count(cells, "matrix cell", "matrix cells")
                    ));
                }
            }
            Collection::Themes => {
                remove(&mut self.themes, collection, id)?;
                let cells = self
                    .matrix
                    .iter()
                    .find(|r| r.theme == id)
                    .map_or(0, |r| r.cells.len());
                self.matrix.retain(|r| r.theme != id);
                if cells > 0 {
                    went.push(format!(
                        "its {}",
                        count(cells, "matrix cell", "matrix cells")
                    ));
                }
                let unlink = |lists: Vec<&mut Vec<ThemeId>>| {
                    let mut n = 0;
                    for l in lists {
                        let before = l.len();
                        l.retain(|t| t != id);
                        n += usize::from(l.len() != before);
                    }
                    n
                };
                let links = [
                    (
                        unlink(
                            self.plan
                                .focus_areas
                                .iter_mut()
                                .map(|x| &mut x.themes)
                                .collect(),
                        ),
                        "focus area",
                        "focus areas",
                    ),
                    (
                        unlink(
                            self.plan
                                .cross_cutting_themes
                                .iter_mut()
                                .map(|x| &mut x.themes)
                                .collect(),
                        ),
                        "cross-cutting theme",
                        "cross-cutting themes",
                    ),
                    (
                        unlink(self.horizon.iter_mut().map(|x| &mut x.themes).collect()),
                        "horizon item",
                        "horizon items",
                    ),
                    (
                        unlink(
                            self.partner_priorities
                                .iter_mut()
                                .map(|x| &mut x.themes)
                                .collect(),
                        ),
                        "partner priority",
                        "partner priorities",
                    ),
                    (
                        unlink(self.legislation.iter_mut().map(|x| &mut x.themes).collect()),
                        "piece of legislation",
                        "pieces of legislation",
                    ),
                ];
                let linked: Vec<String> = links
                    .iter()
                    .filter(|(n, _, _)| *n > 0)
                    .map(|(n, one, many)| count(*n, one, many))
                    .collect();
                if !linked.is_empty() {
                    went.push(format!("its links from {}", join_and(&linked)));
                }
                let before = self.votes.len();
                self.votes.retain(|v| v.theme != id);
                if self.votes.len() != before {
                    went.push("its stakeholder votes".into());
                }
            }
            Collection::FocusAreas => {
                remove(&mut self.plan.focus_areas, collection, id)?;
                let before = self.consultation.len();
                self.consultation
                    .retain(|r| r.focus_area.as_deref() != Some(id));
                if self.consultation.len() != before {
                    went.push("its consultation result".into());
                }
            }
            Collection::CrossCuttingThemes => {
                remove(&mut self.plan.cross_cutting_themes, collection, id)?;
            }
            Collection::Horizon => {
                remove(&mut self.horizon, collection, id)?;
            }
            Collection::PartnerPriorities => {
                remove(&mut self.partner_priorities, collection, id)?;
            }
            Collection::Legislation => {
                remove(&mut self.legislation, collection, id)?;
            }
        }
        let mut summary = format!("{noun} “{name}” removed");
        if !went.is_empty() {
            summary.push_str(&format!(", with {}", join_and(&went)));
        }
        summary.push('.');
        Ok(summary)
    }

    fn merge_themes(&mut self, from: &str, into: &str) -> Result<String, Refusal> {
        let source = self
            .theme(from)
            .ok_or_else(|| not_found(Collection::Themes, from))?
            .clone();
        let target_name = self
            .theme(into)
            .ok_or_else(|| not_found(Collection::Themes, into))?
            .name
            .clone();
        if from == into {
            return Err(Refusal::new(
                "themes",
                ProblemKind::DuplicateName,
                "a theme cannot be merged into itself",
            ));
        }
        // Matrix: the stronger level wins in each district.
        let mut cells = 0;
        if let Some(row) = self.matrix.iter().find(|r| r.theme == from).cloned() {
            for (district, level) in row.cells {
                let strongest = self.level(&district, into).max(Some(level));
                cells += 1;
                self.set_level(&district, into, strongest);
            }
            self.matrix.retain(|r| r.theme != from);
        }
        // Links: `from` becomes `into`, once.
        let relink = |l: &mut Vec<ThemeId>| {
            if let Some(p) = l.iter().position(|t| t == from) {
                if l.iter().any(|t| t == into) {
                    l.remove(p);
                } else {
                    l[p] = into.to_string();
                }
            }
        };
        self.plan
            .focus_areas
            .iter_mut()
            .for_each(|x| relink(&mut x.themes));
        self.plan
            .cross_cutting_themes
            .iter_mut()
            .for_each(|x| relink(&mut x.themes));
        self.horizon.iter_mut().for_each(|x| relink(&mut x.themes));
        self.partner_priorities
            .iter_mut()
            .for_each(|x| relink(&mut x.themes));
        self.legislation
            .iter_mut()
            .for_each(|x| relink(&mut x.themes));
        // Votes add up.
        let moved: u32 = self
            .votes
            .iter()
            .filter(|v| v.theme == from)
            .map(|v| v.votes)
            .sum();
        self.votes.retain(|v| v.theme != from);
        if moved > 0 {
            match self.votes.iter_mut().find(|v| v.theme == into) {
                Some(v) => v.votes = v.votes.saturating_add(moved),
                None => self.votes.push(StakeholderVote {
                    theme: into.to_string(),
                    votes: moved,
                }),
            }
        }
        // Names: the merged theme's name and aliases become the target's aliases.
        let target = self
            .themes
            .iter_mut()
            .find(|t| t.id == into)
            .ok_or_else(|| not_found(Collection::Themes, into))?;
        for name in std::iter::once(&source.name).chain(&source.aliases) {
            let key = name_key(name);
            if key != name_key(&target.name) && !target.aliases.iter().any(|a| name_key(a) == key) {
                target.aliases.push(name.clone());
            }
        }
        self.themes.retain(|t| t.id != from);
        let mut summary = format!("Theme “{}” merged into “{target_name}”", source.name);
        if cells > 0 {
            summary.push_str(&format!(
                ", with its {}",
                count(cells, "matrix cell", "matrix cells")
            ));
        }
        summary.push_str("; its name is kept as an alias.");
        Ok(summary)
    }
}
