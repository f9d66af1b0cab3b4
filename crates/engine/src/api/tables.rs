//! The tables behind `review`: every value a rule can ask for, built once per
//! evaluation from the [`ReviewIndex`].

use std::collections::HashMap;

use horizon_model::{Level, Scenario};
use rhai::{Array, Dynamic, ImmutableString};

use super::local::{Local, Near};
use super::{ids, map, s};
use crate::index::ReviewIndex;

/// The `by_id` and `by_*` lookups hold positions in the lists they index, not copies
/// of the maps: a rule gets a copy when it asks either way, and copying every theme,
/// horizon item and partner priority once more for each lookup table doubled the
/// work of building the tables and of dropping them.
pub(crate) struct Tables {
    pub(super) district_count: i64,
    pub(super) themes: Array,
    pub(super) theme_by_id: HashMap<String, usize>,
    pub(super) groups: Array,
    pub(super) group_by_id: HashMap<String, usize>,
    pub(super) focus_areas: Array,
    pub(super) focus_by_id: HashMap<String, usize>,
    pub(super) cross_cutting: Array,
    pub(super) districts: Array,
    pub(super) district_names: HashMap<String, ImmutableString>,
    pub(super) horizon: Array,
    pub(super) horizon_by_theme: HashMap<String, Vec<usize>>,
    pub(super) horizon_by_category: HashMap<String, Vec<usize>>,
    pub(super) legislation: Array,
    pub(super) duties: Array,
    pub(super) partners: Array,
    pub(super) partners_by_theme: HashMap<String, Vec<usize>>,
    pub(super) consultation: HashMap<String, Dynamic>,
    pub(super) votes: HashMap<String, i64>,
    /// Each theme's level in each district, by theme then district position
    /// (`theme_pos`, `district_pos`): looked up without making a key.
    levels: Vec<Vec<Option<Level>>>,
    theme_pos: HashMap<String, usize>,
    district_pos: HashMap<String, usize>,
    /// theme → evidence maps for every district naming it, strongest first.
    pub(super) cells: HashMap<String, Array>,
    /// `review.plan()`, `review.own_district()` and `review.county_priorities()`.
    pub(super) plan: Dynamic,
    pub(super) own_district: Option<String>,
    pub(super) county_priorities: Array,
    /// Per theme (by id): the focus areas it could be folded into.
    pub(super) near: HashMap<String, Vec<Near>>,
    /// The plan's focus areas (id, name), as `Near` counts them.
    pub(super) focus_names: Vec<(String, String)>,
    /// Theme id → its group's name.
    pub(super) theme_group_names: HashMap<String, String>,
}

fn naming_fields(n: &crate::index::Naming, ix: &ReviewIndex) -> Vec<(&'static str, Dynamic)> {
    let nd = ix.districts();
    let dids = |v: &[usize]| ids(v.iter().map(|&d| ix.scenario.districts[d].id.as_str()));
    vec![
        ("main", Dynamic::from_int(n.main.len() as i64)),
        ("subsidiary", Dynamic::from_int(n.subsidiary.len() as i64)),
        ("issue", Dynamic::from_int(n.issue.len() as i64)),
        ("count", Dynamic::from_int(n.count() as i64)),
        (
            "share",
            Dynamic::from_float(if nd == 0 {
                0.0
            } else {
                n.count() as f64 / nd as f64
            }),
        ),
        ("support", Dynamic::from_float(n.support(nd))),
        ("main_districts", dids(&n.main)),
        ("subsidiary_districts", dids(&n.subsidiary)),
        ("issue_districts", dids(&n.issue)),
    ]
}

/// A district id, or `()` for county-wide evidence.
fn opt(district: &Option<String>) -> Dynamic {
    district.as_deref().map_or(Dynamic::UNIT, s)
}

/// A matrix cell's evidence map, from strings made once and shared (a national matrix
/// has tens of thousands of cells: making each string afresh was most of the work of
/// building the tables, and of dropping them).
fn cell_evidence(kind: &Dynamic, district: &Dynamic, theme: &Dynamic, level: &Dynamic) -> Dynamic {
    map(vec![
        ("type", kind.clone()),
        ("district", district.clone()),
        ("theme", theme.clone()),
        ("level", level.clone()),
    ])
}

impl Tables {
    /// The row of `list` that `by_id` places at `id`.
    pub(super) fn row<'a>(list: &'a Array, by_id: &HashMap<String, usize>, id: &str) -> Option<&'a Dynamic> {
        by_id.get(id).map(|&i| &list[i])
    }

    /// The rows of `list` that `by` places under `key`, in `list`'s order.
    pub(super) fn rows(list: &Array, by: &HashMap<String, Vec<usize>>, key: &str) -> Array {
        by.get(key).map_or_else(Array::new, |at| at.iter().map(|&i| list[i].clone()).collect())
    }

    /// The level word of `district`'s cell for `theme`, if it names it.
    pub(super) fn level(&self, district: &str, theme: &str) -> Option<&'static str> {
        let t = *self.theme_pos.get(theme)?;
        let d = *self.district_pos.get(district)?;
        self.levels[t][d].map(Level::as_str)
    }

    pub(crate) fn build(ix: &ReviewIndex) -> Tables {
        let sc: &Scenario = ix.scenario;
        let local = Local::new(ix);
        let mut theme_by_id = HashMap::new();
        let mut themes = Array::new();
        for (t, th) in sc.themes.iter().enumerate() {
            let focus = &ix.theme_focus_areas[t];
            let carried = &ix.theme_cross_cutting[t];
            let duties: Vec<&str> = ix.theme_legislation[t]
                .iter()
                .map(|&l| &sc.legislation[l])
                .filter(|l| l.creates_duty)
                .map(|l| l.id.as_str())
                .collect();
            let max_grade = ix.theme_horizon[t]
                .iter()
                .map(|&h| sc.horizon[h].grade())
                .max()
                .unwrap_or(0);
            let mut f = vec![
                ("id", s(&th.id)),
                ("name", s(&th.name)),
                ("group", s(&th.group)),
                ("aliases", ids(th.aliases.iter().map(String::as_str))),
                ("description", s(th.description.as_deref().unwrap_or(""))),
                (
                    "focus_areas",
                    ids(focus.iter().map(|&f| sc.plan().focus_areas[f].id.as_str())),
                ),
                (
                    "cross_cutting",
                    ids(carried
                        .iter()
                        .map(|&c| sc.plan().cross_cutting_themes[c].id.as_str())),
                ),
                ("covered", Dynamic::from_bool(!focus.is_empty())),
                ("carried", Dynamic::from_bool(!carried.is_empty())),
                ("addressed", Dynamic::from_bool(ix.addressed(t))),
                (
                    "horizon",
                    ids(ix.theme_horizon[t]
                        .iter()
                        .map(|&h| sc.horizon[h].id.as_str())),
                ),
                ("max_grade", Dynamic::from_int(max_grade as i64)),
                (
                    "legislation",
                    ids(ix.theme_legislation[t]
                        .iter()
                        .map(|&l| sc.legislation[l].id.as_str())),
                ),
                ("duties", ids(duties.into_iter())),
                (
                    "partner_priorities",
                    ids(ix.theme_partners[t]
                        .iter()
                        .map(|&p| sc.partner_priorities[p].id.as_str())),
                ),
                ("votes", Dynamic::from_int(ix.theme_votes[t] as i64)),
            ];
            f.extend(naming_fields(&ix.theme_naming[t], ix));
            f.extend(local.theme_fields(t));
            let m = map(f);
            theme_by_id.insert(th.id.clone(), themes.len());
            themes.push(m);
        }

        let mut group_by_id = HashMap::new();
        let mut groups = Array::new();
        for (g, gr) in sc.groups.iter().enumerate() {
            let lead = ix
                .lead_theme(g)
                .map_or(Dynamic::UNIT, |t| s(&sc.themes[t].id));
            let mut f = vec![
                ("id", s(&gr.id)),
                ("name", s(&gr.name)),
                (
                    "themes",
                    ids(ix.group_themes[g].iter().map(|&t| sc.themes[t].id.as_str())),
                ),
                (
                    "focus_areas",
                    ids(ix.group_focus_areas[g]
                        .iter()
                        .map(|&f| sc.plan().focus_areas[f].id.as_str())),
                ),
                ("lead", lead),
            ];
            f.extend(naming_fields(&ix.group_naming[g], ix));
            let m = map(f);
            group_by_id.insert(gr.id.clone(), groups.len());
            groups.push(m);
        }

        let mut consultation = HashMap::new();
        for c in &sc.plan().consultation {
            if let Some(f) = &c.focus_area {
                consultation.insert(
                    f.clone(),
                    map(vec![
                        ("focus_area", s(f)),
                        ("responses", Dynamic::from_int(c.responses as i64)),
                        ("share_agreeing", Dynamic::from_float(c.share_agreeing)),
                    ]),
                );
            }
        }

        let mut focus_by_id = HashMap::new();
        let mut focus_areas = Array::new();
        for (f, fa) in sc.plan().focus_areas.iter().enumerate() {
            let theme_ix: Vec<usize> = fa
                .themes
                .iter()
                .filter_map(|t| ix.theme_pos.get(t.as_str()).copied())
                .collect();
            let collect = |lists: &Vec<Vec<usize>>| {
                let mut v: Vec<usize> = theme_ix
                    .iter()
                    .flat_map(|&t| lists[t].iter().copied())
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            };
            let partners = collect(&ix.theme_partners);
            let legislation = collect(&ix.theme_legislation);
            let horizon = collect(&ix.theme_horizon);
            // Each group once, in the order its first theme comes in the focus area.
            let mut groups_of: Vec<&str> = Vec::new();
            for &t in &theme_ix {
                let g = sc.themes[t].group.as_str();
                if !groups_of.contains(&g) {
                    groups_of.push(g);
                }
            }
            let mut fields = vec![
                ("id", s(&fa.id)),
                ("name", s(&fa.name)),
                ("themes", ids(fa.themes.iter().map(String::as_str))),
                ("groups", ids(groups_of.into_iter())),
                (
                    "partner_priorities",
                    ids(partners
                        .iter()
                        .map(|&p| sc.partner_priorities[p].id.as_str())),
                ),
                (
                    "legislation",
                    ids(legislation.iter().map(|&l| sc.legislation[l].id.as_str())),
                ),
                (
                    "duties",
                    ids(legislation
                        .iter()
                        .map(|&l| &sc.legislation[l])
                        .filter(|l| l.creates_duty)
                        .map(|l| l.id.as_str())),
                ),
                (
                    "horizon",
                    ids(horizon.iter().map(|&h| sc.horizon[h].id.as_str())),
                ),
                (
                    "consultation",
                    consultation.get(&fa.id).cloned().unwrap_or(Dynamic::UNIT),
                ),
            ];
            fields.extend(naming_fields(&ix.focus_naming[f], ix));
            fields.extend(local.focus_fields(f, &theme_ix));
            let m = map(fields);
            focus_by_id.insert(fa.id.clone(), focus_areas.len());
            focus_areas.push(m);
        }

        let cross_cutting = sc
            .plan()
            .cross_cutting_themes
            .iter()
            .map(|c| {
                map(vec![
                    ("id", s(&c.id)),
                    ("name", s(&c.name)),
                    ("themes", ids(c.themes.iter().map(String::as_str))),
                ])
            })
            .collect();
        let districts = sc
            .districts
            .iter()
            .map(|d| map(vec![("id", s(&d.id)), ("name", s(&d.name))]))
            .collect();
        let district_names = sc
            .districts
            .iter()
            .map(|d| (d.id.clone(), ImmutableString::from(d.name.as_str())))
            .collect();

        let mut horizon = Array::new();
        let mut horizon_by_theme: HashMap<String, Vec<usize>> = HashMap::new();
        let mut horizon_by_category: HashMap<String, Vec<usize>> = HashMap::new();
        for h in sc.horizon_read() {
            let m = map(vec![
                ("id", s(&h.id)),
                ("category", s(&h.category)),
                (
                    "category_name",
                    s(sc.category(&h.category)
                        .map_or(h.category.as_str(), |c| &c.name)),
                ),
                ("title", s(&h.title)),
                ("detail", s(&h.detail)),
                ("time_horizon", s(h.time_horizon.as_str())),
                ("likelihood", Dynamic::from_int(h.likelihood as i64)),
                ("impact", Dynamic::from_int(h.impact as i64)),
                ("grade", Dynamic::from_int(h.grade() as i64)),
                ("themes", ids(h.themes.iter().map(String::as_str))),
                ("source", s(&h.source)),
                ("district", opt(&h.district)),
                ("local", Dynamic::from_bool(h.district.is_some())),
            ]);
            for t in &h.themes {
                horizon_by_theme.entry(t.clone()).or_default().push(horizon.len());
            }
            horizon_by_category.entry(h.category.clone()).or_default().push(horizon.len());
            horizon.push(m);
        }

        let mut legislation = Array::new();
        let mut duties = Array::new();
        for l in &sc.legislation {
            let m = map(vec![
                ("id", s(&l.id)),
                ("title", s(&l.title)),
                (
                    "year",
                    l.year
                        .map_or(Dynamic::UNIT, |y| Dynamic::from_int(y as i64)),
                ),
                ("status", s(l.status.as_str())),
                ("creates_duty", Dynamic::from_bool(l.creates_duty)),
                ("duty", s(l.duty.as_deref().unwrap_or(""))),
                ("themes", ids(l.themes.iter().map(String::as_str))),
            ]);
            if l.creates_duty {
                duties.push(m.clone());
            }
            legislation.push(m);
        }

        let mut partners = Array::new();
        let mut partners_by_theme: HashMap<String, Vec<usize>> = HashMap::new();
        for p in sc.partner_priorities_read() {
            let m = map(vec![
                ("id", s(&p.id)),
                ("partner", s(&p.partner)),
                ("priority", s(&p.priority)),
                ("themes", ids(p.themes.iter().map(String::as_str))),
                ("district", opt(&p.district)),
                ("local", Dynamic::from_bool(p.district.is_some())),
            ]);
            for t in &p.themes {
                partners_by_theme.entry(t.clone()).or_default().push(partners.len());
            }
            partners.push(m);
        }

        let votes = sc
            .themes
            .iter()
            .enumerate()
            .map(|(t, th)| (th.id.clone(), ix.theme_votes[t] as i64))
            .collect();
        let mut cells: HashMap<String, Array> = HashMap::new();
        let kind = s("matrix_cell");
        let district_ids: Vec<Dynamic> = sc.districts.iter().map(|d| s(&d.id)).collect();
        let level_words = Level::ALL.map(|l| s(l.as_str()));
        for (t, th) in sc.themes.iter().enumerate() {
            let theme = s(&th.id);
            let mut list = Array::new();
            for (level, word) in Level::ALL.into_iter().zip(&level_words) {
                for &d in ix.theme_naming[t].at(level) {
                    list.push(cell_evidence(&kind, &district_ids[d], &theme, word));
                }
            }
            cells.insert(th.id.clone(), list);
        }

        Tables {
            district_count: sc.districts.len() as i64,
            themes,
            theme_by_id,
            groups,
            group_by_id,
            focus_areas,
            focus_by_id,
            cross_cutting,
            districts,
            district_names,
            horizon,
            horizon_by_theme,
            horizon_by_category,
            legislation,
            duties,
            partners,
            partners_by_theme,
            consultation,
            votes,
            levels: ix.levels.clone(),
            theme_pos: sc.themes.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect(),
            district_pos: sc.districts.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect(),
            cells,
            plan: local.plan(),
            own_district: sc.own_district().map(str::to_string),
            county_priorities: local.county_priorities(),
            near: sc
                .themes
                .iter()
                .map(|t| t.id.clone())
                .zip(local.near())
                .collect(),
            focus_names: sc
                .plan()
                .focus_areas
                .iter()
                .map(|f| (f.id.clone(), f.name.clone()))
                .collect(),
            theme_group_names: sc
                .themes
                .iter()
                .map(|t| {
                    let g = sc.groups.iter().find(|g| g.id == t.group);
                    (t.id.clone(), g.map_or(t.group.clone(), |g| g.name.clone()))
                })
                .collect(),
        }
    }
}
