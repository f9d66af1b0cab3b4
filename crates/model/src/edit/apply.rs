//! How an [`Edit`] is made: [`Scenario::apply`] and its dry runs, each kind of edit in
//! turn, the edited scenario then held to [`validate`].

use super::lists::{add, move_to, not_found, update};
use super::*;
use crate::validate::{name_key, validate, ProblemKind};

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

    pub(super) fn name_of(&self, collection: Collection, id: &str) -> String {
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
    pub(super) fn make(&mut self, edit: &Edit) -> Result<Applied, Refusal> {
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
