//! The lists of an import: each list made into the file's rows (an item updated when a
//! row has its ID or its title, added when not, removed in replace mode when no row
//! has it, and put in the file's order), consultation figures and votes set.

use std::collections::BTreeSet;

use horizon_model::{
    name_key, ConsultationResult, CrossCuttingTheme, Edit, FocusArea, HorizonCategory, HorizonItem,
    Item, Legislation, PartnerPriority, Scenario,
};

use super::build::Builder;
use super::{ListMode, NameKind};
use crate::grid::{At, Problem};
use crate::matching::loose_key;
use crate::tables::Named;
use crate::words;

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
        C::FocusAreas => s.plan().focus_areas.iter().map(|x| x.id.as_str()).collect(),
        C::CrossCuttingThemes => s
            .plan()
            .cross_cutting_themes
            .iter()
            .map(|x| x.id.as_str())
            .collect(),
        C::Groups => s.groups.iter().map(|x| x.id.as_str()).collect(),
        C::Themes => s.themes.iter().map(|x| x.id.as_str()).collect(),
        C::Districts => s.districts.iter().map(|x| x.id.as_str()).collect(),
        C::Categories => s.categories.iter().map(|x| x.id.as_str()).collect(),
        C::Plans => s.plans.iter().map(|x| x.id.as_str()).collect(),
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

pub(super) fn horizon(b: &mut Builder, rows: &[crate::lists::HorizonRow]) {
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
            district: None,
        });
        items.push((r.id.clone(), name_key(&r.title), r.at.clone(), item));
    }
    sync(b, horizon_model::Collection::Horizon, have, items);
}

pub(super) fn partners(b: &mut Builder, rows: &[crate::lists::PartnerRow]) {
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
                district: None,
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

pub(super) fn legislation(b: &mut Builder, rows: &[crate::lists::LawRow]) {
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

pub(super) fn plan(b: &mut Builder, rows: &[crate::lists::PlanRow]) {
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
            let item = Item::FocusArea(FocusArea {
                id,
                name,
                themes,
                serves: Vec::new(),
            });
            focus.push((r.id.clone(), key, r.at.clone(), item));
        }
    }
    let have = b
        .work
        .plan()
        .focus_areas
        .iter()
        .map(|x| (x.id.clone(), name_key(&x.name)))
        .collect();
    sync(b, horizon_model::Collection::FocusAreas, have, focus);
    let have = b
        .work
        .plan()
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

pub(super) fn consultation(b: &mut Builder, rows: &[crate::lists::ConsultationRow]) {
    let mut set: Vec<Option<String>> = Vec::new();
    for r in rows {
        let focus_area = match &r.focus_area {
            None => None,
            Some(n) => {
                let key = loose_key(&n.text);
                match b
                    .work
                    .plan()
                    .focus_areas
                    .iter()
                    .find(|f| loose_key(&f.name) == key || f.id == n.text)
                {
                    Some(f) => Some(f.id.clone()),
                    None => {
                        let names: Vec<String> = b
                            .work
                            .plan()
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
            .plan()
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

pub(super) fn votes(b: &mut Builder, rows: &[crate::lists::VoteRow]) {
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
