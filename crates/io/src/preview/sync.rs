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
/// items no row matched are removed, except those `stays` says the file does not
/// speak for. `keep` gives a row's item what the file has no column for from the item
/// it updates (a focus area's county links, say).
fn sync(
    b: &mut Builder,
    collection: horizon_model::Collection,
    have: Vec<(String, String)>,
    rows: Vec<(Option<String>, String, At, Item)>,
    keep: impl Fn(&Scenario, &str, &mut Item),
    stays: impl Fn(&Scenario, &str) -> bool,
) -> usize {
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
                let mut item = item;
                keep(&b.work, &i, &mut item);
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
    let mut stayed = 0;
    if b.choices.mode == ListMode::Replace {
        let unmatched: Vec<String> = have
            .into_iter()
            .map(|(i, _)| i)
            .filter(|i| !kept.contains(i))
            .collect();
        let gone: Vec<String> = unmatched
            .iter()
            .filter(|i| !stays(&b.work, i))
            .cloned()
            .collect();
        stayed = unmatched.len() - gone.len();
        for id in gone {
            b.make(Edit::Remove { collection, id }, None);
        }
        // The list in the file's order.
        for (to, id) in order.into_iter().enumerate() {
            if ids(&b.work, collection).iter().position(|x| *x == id) != Some(to) {
                b.make(Edit::Move { collection, id, to }, None);
            }
        }
    }
    stayed
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

/// The district a row's District cell names (`None` when blank or left out).
fn district(b: &mut Builder, name: &Option<Named>) -> Option<String> {
    name.as_ref().and_then(|n| b.resolve(NameKind::District, n))
}

/// Horizon items and partner priorities: `has_district` is whether the file has a
/// District column; without one, an updated item keeps the district it had.
pub(super) fn horizon(b: &mut Builder, rows: &[crate::lists::HorizonRow], has_district: bool) {
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
        let district = district(b, &r.district);
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
            district,
        });
        items.push((r.id.clone(), name_key(&r.title), r.at.clone(), item));
    }
    let stayed = sync(
        b,
        horizon_model::Collection::Horizon,
        have,
        items,
        |s, id, item| {
            if let (Item::HorizonItem(new), Some(old), false) =
                (item, s.horizon.iter().find(|x| x.id == id), has_district)
            {
                new.district = old.district.clone();
            }
        },
        |s, id| {
            // A file with no District column is the county-wide scan: a district's own
            // items stay.
            !has_district && s.horizon.iter().any(|x| x.id == id && x.district.is_some())
        },
    );
    if stayed > 0 {
        b.notes.push(format!(
            "{} from districts' own scans {} kept: the file has no District column, so it \
             is read as the county-wide scan.",
            horizon_model::count(stayed, "horizon item", "horizon items"),
            if stayed == 1 { "is" } else { "are" }
        ));
    }
}

pub(super) fn partners(b: &mut Builder, rows: &[crate::lists::PartnerRow], has_district: bool) {
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
            let district = district(b, &r.district);
            let item = Item::PartnerPriority(PartnerPriority {
                id: r.id.clone().unwrap_or_default(),
                partner: r.partner.clone(),
                priority: r.priority.clone(),
                themes,
                district,
            });
            (
                r.id.clone(),
                key(&r.partner, &r.priority),
                r.at.clone(),
                item,
            )
        })
        .collect();
    let stayed = sync(
        b,
        horizon_model::Collection::PartnerPriorities,
        have,
        items,
        |s, id, item| {
            if let (Item::PartnerPriority(new), Some(old), false) = (
                item,
                s.partner_priorities.iter().find(|x| x.id == id),
                has_district,
            ) {
                new.district = old.district.clone();
            }
        },
        |s, id| {
            !has_district
                && s.partner_priorities
                    .iter()
                    .any(|x| x.id == id && x.district.is_some())
        },
    );
    if stayed > 0 {
        b.notes.push(format!(
            "{} of local partners {} kept: the file has no District column, so it is read \
             as the partners' county-wide priorities.",
            horizon_model::count(stayed, "partner priority", "partner priorities"),
            if stayed == 1 { "is" } else { "are" }
        ));
    }
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
    sync(
        b,
        horizon_model::Collection::Legislation,
        have,
        items,
        |_, _, _| {},
        |_, _| false,
    );
}

/// Whether a row's Plan cell leaves it to the plan under review (blank, or naming it);
/// a row for another plan is left out with a note, as one sheet imports into the plan
/// under review only.
fn for_plan_under_review(b: &mut Builder, plan: &Option<Named>) -> bool {
    let Some(n) = plan else { return true };
    let key = loose_key(&n.text);
    let p = b.work.plan();
    if loose_key(&p.name) == key || p.id == n.text.trim() {
        return true;
    }
    let note = format!(
        "{}: the row is for “{}”, not the plan under review (“{}”), and is left out; \
         choose that plan for review to import its rows.",
        n.at, n.text, p.name
    );
    if !b.notes.contains(&note) {
        b.notes.push(note);
    }
    false
}

/// The county agreement's focus areas and cross-cutting themes a row's Serves cell
/// names; a problem at the cell for a name the agreement does not have.
fn serves(b: &mut Builder, names: &[Named]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for n in names {
        let key = loose_key(&n.text);
        let county = b.work.county_agreement();
        let found = county.and_then(|c| {
            c.focus_areas
                .iter()
                .map(|f| (&f.id, &f.name))
                .chain(c.cross_cutting_themes.iter().map(|x| (&x.id, &x.name)))
                .find(|(id, name)| loose_key(name) == key || id.as_str() == n.text.trim())
                .map(|(id, _)| id.clone())
        });
        match found {
            Some(id) if !ids.contains(&id) => ids.push(id),
            Some(_) => {}
            None => {
                let message = match county {
                    Some(c) => format!(
                        "“{}” is not a focus area or cross-cutting theme of {}",
                        n.text, c.name
                    ),
                    None => format!(
                        "“{}” cannot be served: the scenario has no county agreement",
                        n.text
                    ),
                };
                b.problems.push(Problem::at(n.at.clone(), message));
            }
        }
    }
    ids
}

/// The plan under review's focus areas and cross-cutting themes; `has_serves` is
/// whether the file has a Serves column (without one, a focus area keeps its links).
pub(super) fn plan(b: &mut Builder, rows: &[crate::lists::PlanRow], has_serves: bool) {
    let mut focus = Vec::new();
    let mut cross = Vec::new();
    for r in rows {
        if !for_plan_under_review(b, &r.plan) {
            continue;
        }
        let themes = b.themes(&r.themes);
        let (id, name) = (r.id.clone().unwrap_or_default(), r.name.text.clone());
        let key = name_key(&name);
        if r.cross_cutting {
            let item = Item::CrossCuttingTheme(CrossCuttingTheme { id, name, themes });
            cross.push((r.id.clone(), key, r.at.clone(), item));
        } else {
            let serves = serves(b, &r.serves);
            let item = Item::FocusArea(FocusArea {
                id,
                name,
                themes,
                serves,
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
    sync(
        b,
        horizon_model::Collection::FocusAreas,
        have,
        focus,
        |s, id, item| {
            if let (Item::FocusArea(new), Some(old), false) = (item, s.focus_area(id), has_serves) {
                new.serves = old.serves.clone();
            }
        },
        |_, _| false,
    );
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
        |_, _, _| {},
        |_, _| false,
    );
}

pub(super) fn consultation(b: &mut Builder, rows: &[crate::lists::ConsultationRow]) {
    let mut set: Vec<Option<String>> = Vec::new();
    for r in rows {
        if !for_plan_under_review(b, &r.plan) {
            continue;
        }
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
