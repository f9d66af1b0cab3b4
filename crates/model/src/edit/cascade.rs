//! Removals and merges: what goes with a removed theme, district or focus area, and
//! what refuses a removal (a group still holding themes, a category in use).

use super::lists::{
    capitalised, count, join_and, not_found, not_found_at, position, remove, some_names,
};
use super::{Collection, Refusal};
use crate::scenario::*;
use crate::validate::{name_key, ProblemKind};

impl Scenario {
    pub(super) fn remove(&mut self, collection: Collection, id: &str) -> Result<String, Refusal> {
        let name = self.name_of(collection, id);
        let noun = capitalised(collection.noun());
        let mut went: Vec<String> = Vec::new();
        let path = collection.path(self);
        match collection {
            Collection::Plans => {
                let pos = position(&self.plans, &path, collection, id)?;
                if self.under_review == id {
                    return Err(Refusal::new(
                        format!("plans[{pos}]"),
                        ProblemKind::InUse,
                        format!("“{name}” is the plan under review. Choose another plan to review first"),
                    ));
                }
                let was_county = self.plans[pos].kind == PlanKind::CountyAgreement;
                self.plans.remove(pos);
                if was_county {
                    // District plans' links to its priorities go with it.
                    let mut links = 0;
                    for f in self.plans.iter_mut().flat_map(|p| &mut p.focus_areas) {
                        links += f.serves.len();
                        f.serves.clear();
                    }
                    if links > 0 {
                        went.push(format!(
                            "the district focus areas' {} to its priorities",
                            count(links, "link", "links")
                        ));
                    }
                }
            }
            Collection::Groups => {
                let pos = position(&self.groups, &path, collection, id)?;
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
                let pos = position(&self.categories, &path, collection, id)?;
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
                let pos = position(&self.districts, &path, collection, id)?;
                if let Some(plan) = self
                    .plans
                    .iter()
                    .find(|p| p.district.as_deref() == Some(id))
                {
                    return Err(Refusal::new(
                        format!("districts[{pos}]"),
                        ProblemKind::InUse,
                        format!("“{}” is {name}'s own plan. Remove that plan, or choose another district for it, first", plan.name),
                    ));
                }
                let local = |d: &Option<DistrictId>| d.as_deref() == Some(id);
                let (items, priorities) = (
                    self.horizon.iter().filter(|h| local(&h.district)).count(),
                    self.partner_priorities
                        .iter()
                        .filter(|p| local(&p.district))
                        .count(),
                );
                if items + priorities > 0 {
                    let what: Vec<String> = [
                        (items > 0).then(|| count(items, "horizon item", "horizon items")),
                        (priorities > 0)
                            .then(|| count(priorities, "partner priority", "partner priorities")),
                    ]
                    .into_iter()
                    .flatten()
                    .collect();
                    return Err(Refusal::new(
                        format!("districts[{pos}]"),
                        ProblemKind::InUse,
                        format!(
                            "{name} has its own {}. Make them county-wide or remove them first",
                            join_and(&what)
                        ),
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
                remove(&mut self.themes, &path, collection, id)?;
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
                            self.plans
                                .iter_mut()
                                .flat_map(|p| &mut p.focus_areas)
                                .map(|x| &mut x.themes)
                                .collect(),
                        ),
                        "focus area",
                        "focus areas",
                    ),
                    (
                        unlink(
                            self.plans
                                .iter_mut()
                                .flat_map(|p| &mut p.cross_cutting_themes)
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
                let plan = self.plan_mut();
                remove(&mut plan.focus_areas, &path, collection, id)?;
                let before = plan.consultation.len();
                plan.consultation
                    .retain(|r| r.focus_area.as_deref() != Some(id));
                if plan.consultation.len() != before {
                    went.push("its consultation result".into());
                }
                self.unserve(id, &mut went);
            }
            Collection::CrossCuttingThemes => {
                remove(
                    &mut self.plan_mut().cross_cutting_themes,
                    &path,
                    collection,
                    id,
                )?;
                self.unserve(id, &mut went);
            }
            Collection::Horizon => {
                remove(&mut self.horizon, &path, collection, id)?;
            }
            Collection::PartnerPriorities => {
                remove(&mut self.partner_priorities, &path, collection, id)?;
            }
            Collection::Legislation => {
                remove(&mut self.legislation, &path, collection, id)?;
            }
        }
        let mut summary = format!("{noun} “{name}” removed");
        if !went.is_empty() {
            summary.push_str(&format!(", with {}", join_and(&went)));
        }
        summary.push('.');
        Ok(summary)
    }

    /// A priority of the county agreement (under review) removed: district focus areas
    /// no longer say they serve it.
    fn unserve(&mut self, id: &str, went: &mut Vec<String>) {
        if self.plan().kind != PlanKind::CountyAgreement {
            return;
        }
        let mut links = 0;
        for f in self.plans.iter_mut().flat_map(|p| &mut p.focus_areas) {
            let before = f.serves.len();
            f.serves.retain(|s| s != id);
            links += before - f.serves.len();
        }
        if links > 0 {
            went.push(format!(
                "its {} from district focus areas",
                count(links, "link", "links")
            ));
        }
    }

    pub(super) fn merge_themes(&mut self, from: &str, into: &str) -> Result<String, Refusal> {
        let source = self
            .theme(from)
            .ok_or_else(|| not_found(self, Collection::Themes, from))?
            .clone();
        let target_name = self
            .theme(into)
            .ok_or_else(|| not_found(self, Collection::Themes, into))?
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
        for plan in &mut self.plans {
            plan.focus_areas
                .iter_mut()
                .for_each(|x| relink(&mut x.themes));
            plan.cross_cutting_themes
                .iter_mut()
                .for_each(|x| relink(&mut x.themes));
        }
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
            .ok_or_else(|| not_found_at("themes", Collection::Themes, into))?;
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
