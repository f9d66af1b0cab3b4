//! A whole workbook Horizon wrote, read back into a scenario. Names refer to the
//! workbook's own Themes, Districts, Theme groups and Categories sheets (by name or
//! other name); ids come from the ID columns (a blank ID gets one from the name, as
//! the model makes them), so exporting and importing gives back the same scenario.
//! The stakeholder events' sheets are read in `events.rs` and `results.rs`.

mod events;
mod results;

use horizon_model::{
    default_categories, slug, unique_id, validate, with_county_agreement, ConsultationResult,
    CrossCuttingTheme, District, FocusArea, HorizonCategory, HorizonItem, Legislation, Meta,
    PartnerPriority, Plan, PlanKind, Scenario, StakeholderVote, Theme, ThemeGroup, SCHEMA_VERSION,
};

use crate::grid::{Problem, Sheet, Workbook};
use crate::layout::Part;
use crate::lists::{read_list, NameRow, Rows};
use crate::matching::{find, Entry, Found};
use crate::matrix::read_matrix;
use crate::tables::Named;
use crate::words::Mark;
use crate::workbook::review;

struct Reader<'a> {
    book: &'a Workbook,
    problems: Vec<Problem>,
}

/// (id, name, other names) of things read so far, for looking names up.
type Names = Vec<(String, String, Vec<String>)>;

impl Reader<'_> {
    fn sheet(&self, part: Part) -> Option<&Sheet> {
        self.book
            .sheets
            .iter()
            .find(|s| s.name == part.sheet_name())
    }

    fn rows(&mut self, part: Part) -> Option<Rows> {
        let sheet = self.sheet(part)?;
        let l = read_list(sheet, self.book.kind, part);
        self.problems.extend(l.problems);
        Some(l.rows)
    }

    fn names(&mut self, part: Part) -> Vec<NameRow> {
        match self.rows(part) {
            Some(Rows::Names(v)) => v,
            _ => Vec::new(),
        }
    }

    /// The id `name` stands for among `names`; a problem at its cell if none.
    fn lookup(&mut self, names: &Names, name: &Named, what: Part) -> Option<String> {
        let entries: Vec<Entry> = names
            .iter()
            .map(|(id, name, aliases)| Entry { id, name, aliases })
            .collect();
        match find(&name.text, &entries) {
            Found::Name(id) | Found::Alias(id) => Some(id),
            _ => {
                self.problems.push(Problem::at(
                    name.at.clone(),
                    format!(
                        "“{}” is not in the {} sheet; add it there or correct the name",
                        name.text,
                        what.sheet_name()
                    ),
                ));
                None
            }
        }
    }

    fn lookups(&mut self, names: &Names, list: &[Named], what: Part) -> Vec<String> {
        list.iter()
            .filter_map(|n| self.lookup(names, n, what))
            .collect()
    }
}

/// An id from the ID column, or one made from the name, unique among `taken`.
fn id_for(given: &Option<String>, name: &str, fallback: &str, taken: &[String]) -> String {
    match given {
        Some(id) => id.clone(),
        None => unique_id(&slug(name, fallback), |c| taken.iter().any(|t| t == c)),
    }
}

fn named(rows: &[NameRow], fallback: &str) -> Names {
    let mut out: Names = Vec::new();
    for r in rows {
        let taken: Vec<String> = out.iter().map(|x| x.0.clone()).collect();
        let id = id_for(&r.id, &r.name.text, fallback, &taken);
        out.push((id, r.name.text.clone(), r.aliases.clone()));
    }
    out
}

/// The scenario a whole workbook holds, or every problem in it.
pub fn from_workbook(book: &Workbook) -> Result<Scenario, Vec<Problem>> {
    let mut r = Reader {
        book,
        problems: Vec::new(),
    };
    let categories: Vec<HorizonCategory> = match r.sheet(Part::Categories) {
        Some(_) => named(&r.names(Part::Categories), "category")
            .into_iter()
            .map(|(id, name, _)| HorizonCategory { id, name })
            .collect(),
        None => default_categories(),
    };
    let group_rows = r.names(Part::Groups);
    let groups = named(&group_rows, "group");
    let theme_rows = r.names(Part::Themes);
    let themes_named = named(&theme_rows, "theme");
    let district_rows = r.names(Part::Districts);
    let districts_named = named(&district_rows, "district");
    let mut themes = Vec::new();
    for (row, (id, name, aliases)) in theme_rows.iter().zip(&themes_named) {
        let group = row
            .group
            .as_ref()
            .and_then(|g| r.lookup(&groups, g, Part::Groups))
            .unwrap_or_default();
        themes.push(Theme {
            id: id.clone(),
            name: name.clone(),
            group,
            aliases: aliases.clone(),
            description: row.description.clone(),
        });
    }
    let category_names: Names = categories
        .iter()
        .map(|c| (c.id.clone(), c.name.clone(), Vec::new()))
        .collect();

    let (meta, legacy) = review_sheet(&mut r, &districts_named);
    let (plans, under_review) = plans_sheet(&mut r, &districts_named, legacy);
    let mut s = Scenario {
        schema_version: SCHEMA_VERSION,
        meta,
        categories,
        groups: groups
            .iter()
            .map(|(id, name, _)| ThemeGroup {
                id: id.clone(),
                name: name.clone(),
            })
            .collect(),
        themes,
        districts: districts_named
            .iter()
            .map(|(id, name, aliases)| District {
                id: id.clone(),
                name: name.clone(),
                aliases: aliases.clone(),
            })
            .collect(),
        matrix: Vec::new(),
        events: Vec::new(),
        plans,
        under_review,
        horizon: Vec::new(),
        partner_priorities: Vec::new(),
        legislation: Vec::new(),
        votes: Vec::new(),
    };

    if let Some(sheet) = r.sheet(Part::Matrix) {
        let m = read_matrix(sheet, book.kind);
        r.problems.extend(m.problems.iter().cloned());
        let t: Vec<Option<String>> = m
            .rows
            .iter()
            .map(|n| r.lookup(&themes_named, n, Part::Themes))
            .collect();
        let d: Vec<Option<String>> = m
            .columns
            .iter()
            .map(|n| r.lookup(&districts_named, n, Part::Districts))
            .collect();
        for x in &m.marks {
            let (Some(theme), Some(district)) = (&t[x.row], &d[x.column]) else {
                continue;
            };
            match x.mark {
                Mark::Level(level) => s.set_level(district, theme, Some(level)),
                Mark::Tick => r.problems.push(Problem::at(
                    x.at.clone(),
                    "a tick does not say which level; write Main, Subsidiary or Issue",
                )),
            }
        }
        // The matrix's rows in the themes' order, as the scenario keeps them.
        let order = |id: &str| s.themes.iter().position(|t| t.id == id);
        horizon_model::sort::sort_by_key(&mut s.matrix, |row| order(&row.theme));
    }
    lists(
        &mut r,
        &mut s,
        &themes_named,
        &category_names,
        &districts_named,
    );
    let places = events::read(&mut r, &mut s, &themes_named);
    // A workbook past the model's size limits is refused before it is validated.
    if let Err(e) = horizon_model::size::check_counts(&s) {
        return Err(vec![Problem::general(format!("{}: {e}", book.file))]);
    }
    if !r.problems.is_empty() {
        horizon_model::sort::sort(&mut r.problems);
        r.problems.dedup();
        return Err(r.problems);
    }
    let problems = validate(&s);
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(problems
            .into_iter()
            .map(|p| match events::place(&places, &p.path) {
                Some(at) => Problem::at(at.clone(), p.message),
                None => Problem::general(format!("{}: {}", book.file, p.message)),
            })
            .collect())
    }
}

/// The one plan a workbook without a Plans sheet gives on its Review sheet.
type LegacyPlan = (String, PlanKind, Option<String>);

/// The Review sheet: the review's details and, in a workbook Horizon wrote before a
/// scenario held several plans, the plan's name, kind and district.
fn review_sheet(r: &mut Reader, districts: &Names) -> (Meta, LegacyPlan) {
    let mut meta = Meta {
        title: String::new(),
        geography: String::new(),
        period: String::new(),
        provenance: Vec::new(),
    };
    let (mut plan_name, mut kind, mut district) = (String::new(), PlanKind::CountyAgreement, None);
    let Some(sheet) = r.sheet(Part::Review).cloned() else {
        return (meta, (plan_name, kind, district));
    };
    for (i, row) in sheet.rows.iter().enumerate() {
        let label = row.first().map(|c| c.text()).unwrap_or_default();
        let value = row.get(1).map(|c| c.text()).unwrap_or_default();
        let at = crate::grid::At::cell(&sheet, r.book.kind, i, 1);
        match label.as_str() {
            review::TITLE => meta.title = value,
            review::GEOGRAPHY => meta.geography = value,
            review::PERIOD => meta.period = value,
            review::PROVENANCE if !value.is_empty() => meta.provenance.push(value),
            review::PLAN_NAME => plan_name = value,
            review::PLAN_KIND => match review::plan_kind(&value) {
                Some(k) => kind = k,
                None => r.problems.push(Problem::at(
                    at,
                    format!(
                        "“{value}” is not a plan kind; write County agreement or District plan"
                    ),
                )),
            },
            review::PLAN_DISTRICT if !value.is_empty() => {
                district = r.lookup(districts, &Named { text: value, at }, Part::Districts)
            }
            _ => {}
        }
    }
    (meta, (plan_name, kind, district))
}

/// The plans (from the Plans sheet, or the one the Review sheet gives) and the id of
/// the one under review.
fn plans_sheet(r: &mut Reader, districts: &Names, legacy: LegacyPlan) -> (Vec<Plan>, String) {
    let plan = |id: String, name: String, kind: PlanKind, district: Option<String>| Plan {
        id,
        name,
        kind,
        district,
        focus_areas: Vec::new(),
        cross_cutting_themes: Vec::new(),
        consultation: Vec::new(),
    };
    let Some(Rows::Plans(rows)) = r.rows(Part::Plans) else {
        let (name, kind, district) = legacy;
        let id = slug(&name, "plan");
        let plans = with_county_agreement(vec![plan(id.clone(), name, kind, district)]);
        return (plans, id);
    };
    let mut plans: Vec<Plan> = Vec::new();
    let mut under_review: Option<String> = None;
    for row in rows {
        let taken: Vec<String> = plans.iter().map(|p| p.id.clone()).collect();
        let id = id_for(&row.id, &row.name.text, "plan", &taken);
        let district = row
            .district
            .as_ref()
            .and_then(|d| r.lookup(districts, d, Part::Districts));
        if row.under_review {
            match &under_review {
                None => under_review = Some(id.clone()),
                Some(first) => {
                    let first = plans
                        .iter()
                        .find(|p| p.id == *first)
                        .map_or("", |p| &p.name);
                    r.problems.push(Problem::at(
                        row.under_review_at.clone(),
                        format!(
                            "only one plan can be under review, and “{first}” already is; \
                             write No here or there"
                        ),
                    ));
                }
            }
        }
        plans.push(plan(id, row.name.text, row.kind, district));
    }
    let under_review = under_review
        .or_else(|| plans.first().map(|p| p.id.clone()))
        .unwrap_or_default();
    (plans, under_review)
}

/// The plan a row's Plan cell names; the plan under review when blank.
fn plan_of(r: &mut Reader, s: &Scenario, name: &Option<Named>) -> Option<usize> {
    let Some(name) = name else {
        return Some(s.plan_index());
    };
    let plans: Names = s
        .plans
        .iter()
        .map(|p| (p.id.clone(), p.name.clone(), Vec::new()))
        .collect();
    let id = r.lookup(&plans, name, Part::Plans)?;
    s.plans.iter().position(|p| p.id == id)
}

/// The plans' focus areas, horizon scan, partner priorities, legislation,
/// consultation and votes.
fn lists(r: &mut Reader, s: &mut Scenario, themes: &Names, categories: &Names, districts: &Names) {
    let district = |r: &mut Reader, name: &Option<Named>| {
        name.as_ref()
            .and_then(|d| r.lookup(districts, d, Part::Districts))
    };
    // Each focus area's Serves names, read once every plan's rows are in.
    let mut serves: Vec<(usize, String, Vec<Named>)> = Vec::new();
    if let Some(Rows::Plan(rows)) = r.rows(Part::Plan) {
        for row in rows {
            let t = r.lookups(themes, &row.themes, Part::Themes);
            let Some(k) = plan_of(r, s, &row.plan) else {
                continue;
            };
            let plan = &mut s.plans[k];
            if row.cross_cutting {
                let ids: Vec<String> = plan
                    .cross_cutting_themes
                    .iter()
                    .map(|x| x.id.clone())
                    .collect();
                let id = id_for(&row.id, &row.name.text, "cross-cutting", &ids);
                plan.cross_cutting_themes.push(CrossCuttingTheme {
                    id,
                    name: row.name.text,
                    themes: t,
                });
            } else {
                let ids: Vec<String> = plan.focus_areas.iter().map(|x| x.id.clone()).collect();
                let id = id_for(&row.id, &row.name.text, "focus-area", &ids);
                if !row.serves.is_empty() {
                    serves.push((k, id.clone(), row.serves));
                }
                plan.focus_areas.push(FocusArea {
                    id,
                    name: row.name.text,
                    themes: t,
                    serves: Vec::new(),
                });
            }
        }
    }
    let county: Names = s
        .county_agreement()
        .map(|c| {
            c.focus_areas
                .iter()
                .map(|f| (f.id.clone(), f.name.clone(), Vec::new()))
                .chain(
                    c.cross_cutting_themes
                        .iter()
                        .map(|x| (x.id.clone(), x.name.clone(), Vec::new())),
                )
                .collect()
        })
        .unwrap_or_default();
    for (k, id, names) in serves {
        let ids = r.lookups(&county, &names, Part::Plan);
        if let Some(f) = s.plans[k].focus_areas.iter_mut().find(|f| f.id == id) {
            f.serves = ids;
        }
    }
    if let Some(Rows::Horizon(rows)) = r.rows(Part::Horizon) {
        for row in rows {
            let category = r
                .lookup(categories, &row.category, Part::Categories)
                .unwrap_or_default();
            let t = r.lookups(themes, &row.themes, Part::Themes);
            let d = district(r, &row.district);
            let ids: Vec<String> = s.horizon.iter().map(|x| x.id.clone()).collect();
            s.horizon.push(HorizonItem {
                id: id_for(&row.id, &row.title, "item", &ids),
                category,
                title: row.title,
                detail: row.detail,
                time_horizon: row.time_horizon,
                likelihood: row.likelihood,
                impact: row.impact,
                themes: t,
                source: row.source,
                district: d,
            });
        }
    }
    if let Some(Rows::Partners(rows)) = r.rows(Part::Partners) {
        for row in rows {
            let t = r.lookups(themes, &row.themes, Part::Themes);
            let d = district(r, &row.district);
            let ids: Vec<String> = s.partner_priorities.iter().map(|x| x.id.clone()).collect();
            s.partner_priorities.push(PartnerPriority {
                id: id_for(&row.id, &row.priority, "partner-priority", &ids),
                partner: row.partner,
                priority: row.priority,
                themes: t,
                district: d,
            });
        }
    }
    if let Some(Rows::Legislation(rows)) = r.rows(Part::Legislation) {
        for row in rows {
            let t = r.lookups(themes, &row.themes, Part::Themes);
            let ids: Vec<String> = s.legislation.iter().map(|x| x.id.clone()).collect();
            s.legislation.push(Legislation {
                id: id_for(&row.id, &row.title, "law", &ids),
                title: row.title,
                year: row.year,
                status: row.status,
                creates_duty: row.creates_duty,
                duty: row.duty,
                themes: t,
            });
        }
    }
    if let Some(Rows::Consultation(rows)) = r.rows(Part::Consultation) {
        for row in rows {
            let Some(k) = plan_of(r, s, &row.plan) else {
                continue;
            };
            let focus_areas: Names = s.plans[k]
                .focus_areas
                .iter()
                .map(|f| (f.id.clone(), f.name.clone(), Vec::new()))
                .collect();
            let focus_area = match &row.focus_area {
                None => None,
                Some(n) => match r.lookup(&focus_areas, n, Part::Plan) {
                    Some(id) => Some(id),
                    None => continue,
                },
            };
            s.plans[k].consultation.push(ConsultationResult {
                focus_area,
                responses: row.responses,
                share_agreeing: row.share_agreeing,
            });
        }
    }
    if let Some(Rows::Votes(rows)) = r.rows(Part::Votes) {
        for row in rows {
            if let Some(theme) = r.lookup(themes, &row.theme, Part::Themes) {
                s.votes.push(StakeholderVote {
                    theme,
                    votes: row.votes,
                });
            }
        }
    }
}
