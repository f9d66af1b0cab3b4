//! The import as model edits. Each edit is made on a working copy as it is built, so
//! the model judges every one (a name too long, a duplicate) and gives new things
//! their ids; the result is one [`Edit::Batch`] that the page or the command line
//! applies as one step.

use std::collections::BTreeSet;

use horizon_model::{
    diff, name_key, ConsultationResult, CrossCuttingTheme, Difference, District, Edit, FocusArea,
    HorizonCategory, HorizonItem, Item, Legislation, Level, PartnerPriority, Scenario, Theme,
    ThemeGroup,
};

use super::{Choices, ListMode, NameKind, Preview, Read, Resolution};
use crate::grid::{At, Problem};
use crate::lists::Rows;
use crate::matching::{is_known_as, loose_key};
use crate::preview::names::entries;
use crate::tables::Named;
use crate::words::{self, Mark};

struct Builder<'a> {
    work: Scenario,
    edits: Vec<Edit>,
    problems: Vec<Problem>,
    notes: Vec<String>,
    p: &'a Preview,
    choices: &'a Choices,
}

impl Builder<'_> {
    /// Makes `edit` on the working copy and keeps it; a refusal is a problem at `at`.
    fn make(&mut self, edit: Edit, at: Option<&At>) -> Option<String> {
        match self.work.apply(&edit) {
            Ok(applied) => {
                self.edits.push(edit);
                Some(applied.id.unwrap_or_default())
            }
            Err(refusal) => {
                self.problems.push(Problem {
                    at: at.cloned(),
                    message: refusal.message,
                });
                None
            }
        }
    }

    /// The id a name from the file stands for, adding the theme or district if it is
    /// new; `None` if it is left out.
    fn resolve(&mut self, kind: NameKind, name: &Named) -> Option<String> {
        let key = loose_key(&name.text);
        let list = match kind {
            NameKind::Theme => &self.p.themes,
            NameKind::District => &self.p.districts,
        };
        let entry = list.iter().find(|n| n.key == key)?;
        match entry.resolution.clone()? {
            Resolution::Skip => None,
            Resolution::To(id) => {
                self.keep_as_alias(kind, &id, &entry.text);
                Some(id)
            }
            Resolution::Add => {
                // Added already (the same name elsewhere in the file)?
                if let Some(e) = entries(&self.work, kind)
                    .into_iter()
                    .find(|e| is_known_as(&entry.text, e))
                {
                    return Some(e.id.to_string());
                }
                let (text, at) = (entry.text.clone(), entry.places[0].clone());
                let item = match kind {
                    NameKind::Theme => Item::Theme(Theme {
                        id: String::new(),
                        name: text,
                        group: self.group_for_new_themes()?,
                        aliases: Vec::new(),
                        description: None,
                    }),
                    NameKind::District => Item::District(District {
                        id: String::new(),
                        name: text,
                        aliases: Vec::new(),
                    }),
                };
                self.make(Edit::Add(item), Some(&at))
            }
        }
    }

    /// A name the file uses for a theme or district is kept among its other names, so
    /// next year's file matches at once.
    fn keep_as_alias(&mut self, kind: NameKind, id: &str, text: &str) {
        let item = match kind {
            NameKind::Theme => {
                let Some(t) = self.work.theme(id) else { return };
                if is_known_as(text, &entries_of_theme(t)) {
                    return;
                }
                let mut t = t.clone();
                t.aliases.push(text.trim().to_string());
                Item::Theme(t)
            }
            NameKind::District => {
                let Some(d) = self.work.district(id) else {
                    return;
                };
                let e = horizon_model_entry(&d.id, &d.name, &d.aliases);
                if is_known_as(text, &e) {
                    return;
                }
                let mut d = d.clone();
                d.aliases.push(text.trim().to_string());
                Item::District(d)
            }
        };
        self.make(
            Edit::Update {
                id: id.to_string(),
                item,
            },
            None,
        );
    }

    fn group_for_new_themes(&mut self) -> Option<String> {
        if let Some(g) = self
            .choices
            .group
            .as_ref()
            .filter(|g| self.work.group(g).is_some())
        {
            return Some(g.clone());
        }
        if let Some(g) = self.work.groups.first() {
            return Some(g.id.clone());
        }
        self.make(
            Edit::Add(Item::Group(ThemeGroup {
                id: String::new(),
                name: "Themes".into(),
            })),
            None,
        )
    }

    fn themes(&mut self, names: &[Named]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for n in names {
            if let Some(id) = self.resolve(NameKind::Theme, n) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids
    }
}

fn entries_of_theme(t: &Theme) -> crate::matching::Entry<'_> {
    horizon_model_entry(&t.id, &t.name, &t.aliases)
}

fn horizon_model_entry<'a>(
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
) -> crate::matching::Entry<'a> {
    crate::matching::Entry { id, name, aliases }
}

/// Builds the import's edit: the matrix first (it may add themes the lists link to),
/// then the plan, the lists, consultation and votes.
pub(super) fn edit(
    p: &Preview,
    read: &[(String, Read)],
    s: &Scenario,
    choices: &Choices,
) -> Result<(Edit, Vec<Difference>, Vec<String>), Vec<Problem>> {
    let mut b = Builder {
        work: s.clone(),
        edits: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
        p,
        choices,
    };
    let order = |r: &Read| match r {
        Read::Matrix(_) => 0,
        Read::List(l) => match l.rows {
            Rows::Plan(_) => 1,
            Rows::Consultation(_) => 3,
            Rows::Votes(_) => 4,
            _ => 2,
        },
    };
    let mut sorted: Vec<&Read> = read.iter().map(|(_, r)| r).collect();
    sorted.sort_by_key(|r| order(r));
    for r in sorted {
        match r {
            Read::Matrix(m) => matrix(&mut b, m, p.transposed),
            Read::List(l) => match &l.rows {
                Rows::Horizon(v) => horizon(&mut b, v),
                Rows::Partners(v) => partners(&mut b, v),
                Rows::Legislation(v) => legislation(&mut b, v),
                Rows::Plan(v) => plan(&mut b, v),
                Rows::Consultation(v) => consultation(&mut b, v),
                Rows::Votes(v) => votes(&mut b, v),
                Rows::Names(_) => {}
            },
        }
    }
    if !b.problems.is_empty() {
        return Err(b.problems);
    }
    let changes = diff(s, &b.work);
    let parts: Vec<&str> = p
        .sheets
        .iter()
        .filter_map(|x| x.part.map(|p| p.noun()))
        .collect();
    let summary = format!(
        "Imported {} from {}: {}.",
        horizon_model::join_and(&parts),
        p.file,
        horizon_model::count(changes.len(), "change", "changes")
    );
    Ok((
        Edit::Batch {
            summary,
            edits: b.edits,
        },
        changes,
        b.notes,
    ))
}

fn matrix(b: &mut Builder, m: &crate::matrix::MatrixSheet, transposed: bool) {
    let (theme_names, district_names) = if transposed {
        (&m.columns, &m.rows)
    } else {
        (&m.rows, &m.columns)
    };
    let themes: Vec<Option<String>> = theme_names
        .iter()
        .map(|n| b.resolve(NameKind::Theme, n))
        .collect();
    let districts: Vec<Option<String>> = district_names
        .iter()
        .map(|n| b.resolve(NameKind::District, n))
        .collect();
    twice(b, NameKind::Theme, theme_names, &themes);
    twice(b, NameKind::District, district_names, &districts);
    for (ti, t) in themes.iter().enumerate() {
        let Some(t) = t else { continue };
        for (di, d) in districts.iter().enumerate() {
            let Some(d) = d else { continue };
            let mark = m.marks.iter().find(|x| {
                let (r, c) = if transposed { (di, ti) } else { (ti, di) };
                x.row == r && x.column == c
            });
            let level: Option<Level> = mark.map(|x| match x.mark {
                Mark::Level(l) => l,
                Mark::Tick => b.choices.tick,
            });
            if b.work.level(d, t) != level {
                b.make(
                    Edit::SetCell {
                        district: d.clone(),
                        theme: t.clone(),
                        level,
                    },
                    mark.map(|x| &x.at),
                );
            }
        }
    }
}

/// Two rows (or columns) that are the same theme or district would contradict each other.
fn twice(b: &mut Builder, kind: NameKind, names: &[Named], ids: &[Option<String>]) {
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        if let Some(j) = ids[..i].iter().position(|x| x.as_ref() == Some(id)) {
            b.problems.push(Problem::at(
                names[i].at.clone(),
                format!(
                    "“{}” and “{}” ({}) are the same {}; keep one, or choose another {} for one of them",
                    names[i].text,
                    names[j].text,
                    names[j].at,
                    kind.noun(1),
                    kind.noun(1)
                ),
            ));
        }
    }
}

/// Makes the list `have` (ids with their match keys) into the file's rows: each row
/// updates the item with its ID or the same key, or is added; in replace mode the
/// items no row matched are removed. `item` builds a row's item with a given id.
fn sync(
    b: &mut Builder,
    collection: horizon_model::Collection,
    have: Vec<(String, String)>,
    rows: Vec<(Option<String>, String, At, Item)>,
) {
    let mut kept: BTreeSet<String> = BTreeSet::new();
    let mut order: Vec<String> = Vec::new();
    for (id, key, at, item) in rows {
        let existing = have
            .iter()
            .find(|(i, _)| Some(i) == id.as_ref())
            .or_else(|| have.iter().find(|(i, k)| *k == key && !kept.contains(i)))
            .map(|(i, _)| i.clone());
        match existing {
            Some(i) => {
                kept.insert(i.clone());
                order.push(i.clone());
                b.make(Edit::Update { id: i, item }, Some(&at));
            }
            None => {
                if let Some(new) = b.make(Edit::Add(item), Some(&at)) {
                    kept.insert(new.clone());
                    order.push(new);
                }
            }
        }
    }
    if b.choices.mode == ListMode::Replace {
        for (id, _) in have.into_iter().filter(|(i, _)| !kept.contains(i)) {
            b.make(Edit::Remove { collection, id }, None);
        }
        // The list in the file's order.
        for (to, id) in order.into_iter().enumerate() {
            if ids(&b.work, collection).iter().position(|x| *x == id) != Some(to) {
                b.make(Edit::Move { collection, id, to }, None);
            }
        }
    }
}

/// The ids of a list, in order.
fn ids(s: &Scenario, collection: horizon_model::Collection) -> Vec<&str> {
    use horizon_model::Collection as C;
    match collection {
        C::Horizon => s.horizon.iter().map(|x| x.id.as_str()).collect(),
        C::PartnerPriorities => s.partner_priorities.iter().map(|x| x.id.as_str()).collect(),
        C::Legislation => s.legislation.iter().map(|x| x.id.as_str()).collect(),
        C::FocusAreas => s.plan.focus_areas.iter().map(|x| x.id.as_str()).collect(),
        C::CrossCuttingThemes => s
            .plan
            .cross_cutting_themes
            .iter()
            .map(|x| x.id.as_str())
            .collect(),
        C::Groups => s.groups.iter().map(|x| x.id.as_str()).collect(),
        C::Themes => s.themes.iter().map(|x| x.id.as_str()).collect(),
        C::Districts => s.districts.iter().map(|x| x.id.as_str()).collect(),
        C::Categories => s.categories.iter().map(|x| x.id.as_str()).collect(),
    }
}

fn category(b: &mut Builder, name: &Named) -> Option<String> {
    let key = loose_key(&name.text);
    let by_name = b
        .work
        .categories
        .iter()
        .find(|c| loose_key(&c.name) == key || c.id == name.text.trim());
    if let Some(c) = by_name {
        return Some(c.id.clone());
    }
    if let Some(id) = words::category_id(&name.text).filter(|id| b.work.category(id).is_some()) {
        return Some(id.to_string());
    }
    b.notes.push(format!(
        "New horizon category “{}” ({}).",
        name.text, name.at
    ));
    b.make(
        Edit::Add(Item::Category(HorizonCategory {
            id: String::new(),
            name: name.text.clone(),
        })),
        Some(&name.at),
    )
}

fn horizon(b: &mut Builder, rows: &[crate::lists::HorizonRow]) {
    let have = b
        .work
        .horizon
        .iter()
        .map(|x| (x.id.clone(), name_key(&x.title)))
        .collect();
    let mut items = Vec::new();
    for r in rows {
        let Some(category) = category(b, &r.category) else {
            continue;
        };
        let themes = b.themes(&r.themes);
        let item = Item::HorizonItem(HorizonItem {
            id: r.id.clone().unwrap_or_default(),
            category,
            title: r.title.clone(),
            detail: r.detail.clone(),
            time_horizon: r.time_horizon,
            likelihood: r.likelihood,
            impact: r.impact,
            themes,
            source: r.source.clone(),
        });
        items.push((r.id.clone(), name_key(&r.title), r.at.clone(), item));
    }
    sync(b, horizon_model::Collection::Horizon, have, items);
}

fn partners(b: &mut Builder, rows: &[crate::lists::PartnerRow]) {
    let key = |p: &str, q: &str| format!("{}\u{1}{}", name_key(p), name_key(q));
    let have = b
        .work
        .partner_priorities
        .iter()
        .map(|x| (x.id.clone(), key(&x.partner, &x.priority)))
        .collect();
    let items = rows
        .iter()
        .map(|r| {
            let themes = b.themes(&r.themes);
            let item = Item::PartnerPriority(PartnerPriority {
                id: r.id.clone().unwrap_or_default(),
                partner: r.partner.clone(),
                priority: r.priority.clone(),
                themes,
            });
            (
                r.id.clone(),
                key(&r.partner, &r.priority),
                r.at.clone(),
                item,
            )
        })
        .collect();
    sync(b, horizon_model::Collection::PartnerPriorities, have, items);
}

fn legislation(b: &mut Builder, rows: &[crate::lists::LawRow]) {
    let have = b
        .work
        .legislation
        .iter()
        .map(|x| (x.id.clone(), name_key(&x.title)))
        .collect();
    let items = rows
        .iter()
        .map(|r| {
            let themes = b.themes(&r.themes);
            let item = Item::Legislation(Legislation {
                id: r.id.clone().unwrap_or_default(),
                title: r.title.clone(),
                year: r.year,
                status: r.status,
                creates_duty: r.creates_duty,
                duty: r.duty.clone(),
                themes,
            });
            (r.id.clone(), name_key(&r.title), r.at.clone(), item)
        })
        .collect();
    sync(b, horizon_model::Collection::Legislation, have, items);
}

fn plan(b: &mut Builder, rows: &[crate::lists::PlanRow]) {
    let mut focus = Vec::new();
    let mut cross = Vec::new();
    for r in rows {
        let themes = b.themes(&r.themes);
        let (id, name) = (r.id.clone().unwrap_or_default(), r.name.text.clone());
        let key = name_key(&name);
        if r.cross_cutting {
            let item = Item::CrossCuttingTheme(CrossCuttingTheme { id, name, themes });
            cross.push((r.id.clone(), key, r.at.clone(), item));
        } else {
            let item = Item::FocusArea(FocusArea { id, name, themes });
            focus.push((r.id.clone(), key, r.at.clone(), item));
        }
    }
    let have = b
        .work
        .plan
        .focus_areas
        .iter()
        .map(|x| (x.id.clone(), name_key(&x.name)))
        .collect();
    sync(b, horizon_model::Collection::FocusAreas, have, focus);
    let have = b
        .work
        .plan
        .cross_cutting_themes
        .iter()
        .map(|x| (x.id.clone(), name_key(&x.name)))
        .collect();
    sync(
        b,
        horizon_model::Collection::CrossCuttingThemes,
        have,
        cross,
    );
}

fn consultation(b: &mut Builder, rows: &[crate::lists::ConsultationRow]) {
    let mut set: Vec<Option<String>> = Vec::new();
    for r in rows {
        let focus_area = match &r.focus_area {
            None => None,
            Some(n) => {
                let key = loose_key(&n.text);
                match b
                    .work
                    .plan
                    .focus_areas
                    .iter()
                    .find(|f| loose_key(&f.name) == key || f.id == n.text)
                {
                    Some(f) => Some(f.id.clone()),
                    None => {
                        let names: Vec<String> = b
                            .work
                            .plan
                            .focus_areas
                            .iter()
                            .map(|f| format!("“{}”", f.name))
                            .collect();
                        b.problems.push(Problem::at(
                            n.at.clone(),
                            format!(
                                "“{}” is not a focus area of the plan; the plan's focus areas are {}",
                                n.text,
                                horizon_model::join_and(&names)
                            ),
                        ));
                        continue;
                    }
                }
            }
        };
        set.push(focus_area.clone());
        b.make(
            Edit::SetConsultation(ConsultationResult {
                focus_area,
                responses: r.responses,
                share_agreeing: r.share_agreeing,
            }),
            Some(&r.at),
        );
    }
    if b.choices.mode == ListMode::Replace {
        let gone: Vec<Option<String>> = b
            .work
            .consultation
            .iter()
            .map(|c| c.focus_area.clone())
            .filter(|f| !set.contains(f))
            .collect();
        for focus_area in gone {
            b.make(Edit::ClearConsultation { focus_area }, None);
        }
    }
}

fn votes(b: &mut Builder, rows: &[crate::lists::VoteRow]) {
    let mut set = Vec::new();
    for r in rows {
        let Some(theme) = b.resolve(NameKind::Theme, &r.theme) else {
            continue;
        };
        set.push(theme.clone());
        b.make(
            Edit::SetVotes {
                theme,
                votes: r.votes,
            },
            Some(&r.at),
        );
    }
    if b.choices.mode == ListMode::Replace {
        let gone: Vec<String> = b
            .work
            .votes
            .iter()
            .map(|v| v.theme.clone())
            .filter(|t| !set.contains(t))
            .collect();
        for theme in gone {
            b.make(Edit::SetVotes { theme, votes: 0 }, None);
        }
    }
}
