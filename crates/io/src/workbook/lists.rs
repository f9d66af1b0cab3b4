//! The plain tables: one row per item, the columns in [`Part::columns`] order, each
//! cell worked out from its [`Field`]. References are names (a theme's group, a
//! horizon item's category and themes), so that a person can read and edit them.

use horizon_model::Scenario;

use super::{header, number, percent_of_share, text};
use crate::grid::Cell;
use crate::layout::{Field, Part};
use crate::words::{
    list_text, plan_kind_word, plan_type_word, status_word, yes_no_word, PLAN_OVERALL,
};

/// One item: the value of each field it has.
type Record = Vec<(Field, Cell)>;

pub(super) fn rows(s: &Scenario, part: Part) -> Vec<Vec<Cell>> {
    let columns = part.columns();
    let mut rows = vec![header(columns.iter().map(|c| c.header))];
    rows.extend(records(s, part).into_iter().map(|record| {
        columns
            .iter()
            .map(|c| {
                record
                    .iter()
                    .find(|(f, _)| *f == c.field)
                    .map(|(_, cell)| cell.clone())
                    .unwrap_or_default()
            })
            .collect()
    }));
    rows
}

fn records(s: &Scenario, part: Part) -> Vec<Record> {
    use Field::*;
    let themes = |ids: &[String]| text(&theme_names(s, ids));
    match part {
        Part::Horizon => s
            .horizon
            .iter()
            .map(|h| {
                let category = s.category(&h.category).map_or(&h.category, |c| &c.name);
                vec![
                    (Id, text(&h.id)),
                    (Category, text(category)),
                    (Title, text(&h.title)),
                    (Detail, text(&h.detail)),
                    (TimeHorizon, text(h.time_horizon.label())),
                    (Likelihood, number(h.likelihood)),
                    (Impact, number(h.impact)),
                    (Themes, themes(&h.themes)),
                    (Source, text(&h.source)),
                    (District, district(s, &h.district)),
                ]
            })
            .collect(),
        Part::Partners => s
            .partner_priorities
            .iter()
            .map(|p| {
                vec![
                    (Id, text(&p.id)),
                    (Partner, text(&p.partner)),
                    (Priority, text(&p.priority)),
                    (Themes, themes(&p.themes)),
                    (District, district(s, &p.district)),
                ]
            })
            .collect(),
        Part::Legislation => s
            .legislation
            .iter()
            .map(|l| {
                vec![
                    (Id, text(&l.id)),
                    (Title, text(&l.title)),
                    (Year, l.year.map(number).unwrap_or_default()),
                    (Status, text(status_word(l.status))),
                    (CreatesDuty, text(yes_no_word(l.creates_duty))),
                    (Duty, text(l.duty.as_deref().unwrap_or(""))),
                    (Themes, themes(&l.themes)),
                ]
            })
            .collect(),
        Part::Plans => s
            .plans
            .iter()
            .map(|p| {
                vec![
                    (Id, text(&p.id)),
                    (Name, text(&p.name)),
                    (Kind, text(plan_kind_word(p.kind))),
                    (District, district(s, &p.district)),
                    (UnderReview, text(yes_no_word(p.id == s.under_review))),
                ]
            })
            .collect(),
        Part::Plan => s
            .plans
            .iter()
            .flat_map(|p| {
                let no_serves: &[String] = &[];
                let focus = p.focus_areas.iter().map(move |f| {
                    (
                        f.id.as_str(),
                        false,
                        f.name.as_str(),
                        &f.themes,
                        f.serves.as_slice(),
                    )
                });
                let cross = p
                    .cross_cutting_themes
                    .iter()
                    .map(move |c| (c.id.as_str(), true, c.name.as_str(), &c.themes, no_serves));
                focus
                    .chain(cross)
                    .map(move |(id, cross_cutting, name, ids, serves)| {
                        vec![
                            (Id, text(id)),
                            (Plan, text(&p.name)),
                            (Type, text(plan_type_word(cross_cutting))),
                            (Name, text(name)),
                            (Themes, themes(ids)),
                            (Serves, text(&county_names(s, serves))),
                        ]
                    })
            })
            .collect(),
        Part::Consultation => s
            .plans
            .iter()
            .flat_map(|p| {
                p.consultation.iter().map(move |c| {
                    let focus_area = match &c.focus_area {
                        Some(id) => p
                            .focus_areas
                            .iter()
                            .find(|f| f.id == *id)
                            .map_or(id.as_str(), |f| &f.name),
                        None => PLAN_OVERALL,
                    };
                    vec![
                        (Plan, text(&p.name)),
                        (FocusArea, text(focus_area)),
                        (Responses, number(c.responses)),
                        (ShareAgreeing, number(percent_of_share(c.share_agreeing))),
                    ]
                })
            })
            .collect(),
        Part::Votes => s
            .votes
            .iter()
            .map(|v| {
                vec![
                    (Theme, text(&theme_name(s, &v.theme))),
                    (Votes, number(v.votes)),
                ]
            })
            .collect(),
        Part::Categories => s
            .categories
            .iter()
            .map(|c| vec![(Id, text(&c.id)), (Name, text(&c.name))])
            .collect(),
        Part::Groups => s
            .groups
            .iter()
            .map(|g| vec![(Id, text(&g.id)), (Name, text(&g.name))])
            .collect(),
        Part::Themes => s
            .themes
            .iter()
            .map(|t| {
                let group = s.group(&t.group).map_or(&t.group, |g| &g.name);
                vec![
                    (Id, text(&t.id)),
                    (Name, text(&t.name)),
                    (Group, text(group)),
                    (Aliases, text(&list_text(&t.aliases))),
                    (Description, text(t.description.as_deref().unwrap_or(""))),
                ]
            })
            .collect(),
        Part::Districts => s
            .districts
            .iter()
            .map(|d| {
                vec![
                    (Id, text(&d.id)),
                    (Name, text(&d.name)),
                    (Aliases, text(&list_text(&d.aliases))),
                ]
            })
            .collect(),
        Part::Matrix | Part::Review | Part::Events | Part::Rounds | Part::Results => Vec::new(),
    }
}

/// A theme's name; its id when the scenario has no such theme.
pub(super) fn theme_name(s: &Scenario, id: &str) -> String {
    s.theme(id).map_or(id, |t| &t.name).to_string()
}

/// A district's name, or an empty cell for none.
fn district(s: &Scenario, id: &Option<String>) -> Cell {
    match id {
        Some(id) => text(s.district(id).map_or(id.as_str(), |d| &d.name)),
        None => Cell::Empty,
    }
}

/// The county agreement's focus areas and cross-cutting themes by name in one cell.
fn county_names(s: &Scenario, ids: &[String]) -> String {
    let county = s.county_agreement();
    let name = |id: &String| {
        county
            .and_then(|c| {
                c.focus_areas
                    .iter()
                    .find(|f| f.id == *id)
                    .map(|f| f.name.clone())
                    .or_else(|| {
                        c.cross_cutting_themes
                            .iter()
                            .find(|x| x.id == *id)
                            .map(|x| x.name.clone())
                    })
            })
            .unwrap_or_else(|| id.clone())
    };
    let names: Vec<String> = ids.iter().map(name).collect();
    list_text(&names)
}

/// Themes by name in one cell: "Domestic Abuse; Substance Misuse".
fn theme_names(s: &Scenario, ids: &[String]) -> String {
    let names: Vec<String> = ids.iter().map(|id| theme_name(s, id)).collect();
    list_text(&names)
}
