//! Removals and merges: what goes with a removed theme, district or focus area, and
//! what refuses a removal (a group still holding themes, a category in use).

use super::lists::{capitalised, count, join_and, not_found, position, remove, some_names};
use super::{Collection, Refusal};
use crate::scenario::*;
use crate::validate::{name_key, ProblemKind};

impl Scenario {
    pub(super) fn remove(&mut self, collection: Collection, id: &str) -> Result<String, Refusal> {
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

    pub(super) fn merge_themes(&mut self, from: &str, into: &str) -> Result<String, Refusal> {
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
