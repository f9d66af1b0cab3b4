//! The read-only API rules see, in the users' words. Values are built once per
//! evaluation from the [`ReviewIndex`]; every call a rule makes is a table look-up.
//!
//! Host calls are charged to the rule's operations budget by the size of what they
//! return, so a loop that calls `review.themes()` forever is stopped as surely as
//! `loop {}`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use horizon_model::{Level, Scenario};
use rhai::{
    Array, Dynamic, Engine, EvalAltResult, ImmutableString, Map, NativeCallContext, Position,
};

use crate::index::ReviewIndex;

type R<T> = Result<T, Box<EvalAltResult>>;

/// What a rule sees as `review`. Cheap to clone: the tables are shared.
#[derive(Clone)]
pub struct Review(Rc<Tables>);

pub(crate) struct Tables {
    district_count: i64,
    themes: Array,
    theme_by_id: HashMap<String, Dynamic>,
    groups: Array,
    group_by_id: HashMap<String, Dynamic>,
    focus_areas: Array,
    focus_by_id: HashMap<String, Dynamic>,
    cross_cutting: Array,
    districts: Array,
    district_names: HashMap<String, ImmutableString>,
    horizon: Array,
    horizon_by_theme: HashMap<String, Array>,
    horizon_by_category: HashMap<String, Array>,
    legislation: Array,
    duties: Array,
    partners: Array,
    partners_by_theme: HashMap<String, Array>,
    consultation: HashMap<String, Dynamic>,
    votes: HashMap<String, i64>,
    /// (district, theme) → level word.
    levels: HashMap<(String, String), &'static str>,
    /// theme → evidence maps for every district naming it, strongest first.
    cells: HashMap<String, Array>,
}

/// Per-rule run state shared with the host functions.
#[derive(Default)]
pub(crate) struct RunState {
    pub suggestions: RefCell<Vec<(Map, Position)>>,
    pub printed: RefCell<Vec<String>>,
    pub printed_chars: Cell<usize>,
    /// Operations charged by host calls, on top of Rhai's own count.
    pub host_cost: Cell<u64>,
    /// Rhai's own count at the last progress report.
    pub ops: Cell<u64>,
    pub max_operations: Cell<u64>,
}

const MAX_PRINTED_LINES: usize = 200;
const MAX_PRINTED_CHARS: usize = 20_000;

impl RunState {
    pub fn reset(&self, max_operations: u64) {
        self.suggestions.borrow_mut().clear();
        self.printed.borrow_mut().clear();
        self.printed_chars.set(0);
        self.host_cost.set(0);
        self.ops.set(0);
        self.max_operations.set(max_operations);
    }

    pub fn operations(&self) -> u64 {
        self.ops.get() + self.host_cost.get()
    }

    fn charge(&self, cost: usize, pos: Position) -> R<()> {
        self.host_cost
            .set(self.host_cost.get().saturating_add(cost as u64 + 1));
        if self.operations() > self.max_operations.get() {
            return Err(EvalAltResult::ErrorTooManyOperations(pos).into());
        }
        Ok(())
    }

    fn print(&self, text: &str) {
        let mut printed = self.printed.borrow_mut();
        if printed.len() >= MAX_PRINTED_LINES || self.printed_chars.get() >= MAX_PRINTED_CHARS {
            if printed.last().map(String::as_str) != Some("… (further output not kept)") {
                printed.push("… (further output not kept)".to_string());
            }
            return;
        }
        self.printed_chars
            .set(self.printed_chars.get() + text.len());
        printed.push(text.chars().take(2_000).collect());
    }
}

fn s(text: &str) -> Dynamic {
    Dynamic::from(ImmutableString::from(text))
}

fn ids<'a>(it: impl Iterator<Item = &'a str>) -> Dynamic {
    Dynamic::from_array(it.map(s).collect())
}

fn map(pairs: Vec<(&str, Dynamic)>) -> Dynamic {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k.into(), v);
    }
    Dynamic::from_map(m)
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

fn cell_evidence(district: &str, theme: &str, level: Level) -> Dynamic {
    map(vec![
        ("type", s("matrix_cell")),
        ("district", s(district)),
        ("theme", s(theme)),
        ("level", s(level.as_str())),
    ])
}

impl Tables {
    pub(crate) fn build(ix: &ReviewIndex) -> Tables {
        let sc: &Scenario = ix.scenario;
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
            let m = map(f);
            theme_by_id.insert(th.id.clone(), m.clone());
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
            group_by_id.insert(gr.id.clone(), m.clone());
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
            let m = map(fields);
            focus_by_id.insert(fa.id.clone(), m.clone());
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
        let mut horizon_by_theme: HashMap<String, Array> = HashMap::new();
        let mut horizon_by_category: HashMap<String, Array> = HashMap::new();
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
            ]);
            for t in &h.themes {
                horizon_by_theme
                    .entry(t.clone())
                    .or_default()
                    .push(m.clone());
            }
            horizon_by_category
                .entry(h.category.clone())
                .or_default()
                .push(m.clone());
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
        let mut partners_by_theme: HashMap<String, Array> = HashMap::new();
        for p in sc.partner_priorities_read() {
            let m = map(vec![
                ("id", s(&p.id)),
                ("partner", s(&p.partner)),
                ("priority", s(&p.priority)),
                ("themes", ids(p.themes.iter().map(String::as_str))),
            ]);
            for t in &p.themes {
                partners_by_theme
                    .entry(t.clone())
                    .or_default()
                    .push(m.clone());
            }
            partners.push(m);
        }

        let votes = sc
            .themes
            .iter()
            .enumerate()
            .map(|(t, th)| (th.id.clone(), ix.theme_votes[t] as i64))
            .collect();
        let mut levels = HashMap::new();
        let mut cells: HashMap<String, Array> = HashMap::new();
        for (t, th) in sc.themes.iter().enumerate() {
            let mut list = Array::new();
            for level in Level::ALL {
                for &d in ix.theme_naming[t].at(level) {
                    let did = &sc.districts[d].id;
                    levels.insert((did.clone(), th.id.clone()), level.as_str());
                    list.push(cell_evidence(did, &th.id, level));
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
            levels,
            cells,
        }
    }
}

impl Review {
    pub(crate) fn new(tables: Tables) -> Review {
        Review(Rc::new(tables))
    }
}

/// Registers `review`'s methods, the evidence constructors, `suggest` and the
/// text helpers on `engine`. `state` receives what the running rule emits.
pub(crate) fn register(engine: &mut Engine, state: Rc<RunState>) {
    engine.register_type_with_name::<Review>("Review");

    macro_rules! list {
        ($name:literal, $field:ident) => {{
            let st = state.clone();
            engine.register_fn(
                $name,
                move |ctx: NativeCallContext, r: &mut Review| -> R<Array> {
                    st.charge(r.0.$field.len(), ctx.call_position())?;
                    Ok(r.0.$field.clone())
                },
            );
        }};
    }
    macro_rules! by_id {
        ($name:literal, $field:ident) => {{
            let st = state.clone();
            engine.register_fn(
                $name,
                move |ctx: NativeCallContext, r: &mut Review, id: ImmutableString| -> R<Dynamic> {
                    st.charge(1, ctx.call_position())?;
                    Ok(r.0
                        .$field
                        .get(id.as_str())
                        .cloned()
                        .unwrap_or(Dynamic::UNIT))
                },
            );
        }};
    }
    macro_rules! array_by_id {
        ($name:literal, $field:ident) => {{
            let st = state.clone();
            engine.register_fn(
                $name,
                move |ctx: NativeCallContext, r: &mut Review, id: ImmutableString| -> R<Array> {
                    let v = r.0.$field.get(id.as_str()).cloned().unwrap_or_default();
                    st.charge(v.len(), ctx.call_position())?;
                    Ok(v)
                },
            );
        }};
    }
    list!("themes", themes);
    list!("groups", groups);
    list!("focus_areas", focus_areas);
    list!("cross_cutting_themes", cross_cutting);
    list!("districts", districts);
    list!("horizon_items", horizon);
    list!("legislation", legislation);
    list!("duties", duties);
    list!("partner_priorities", partners);
    by_id!("theme", theme_by_id);
    by_id!("group", group_by_id);
    by_id!("focus_area", focus_by_id);
    by_id!("consultation", consultation);
    array_by_id!("horizon_items_for", horizon_by_theme);
    array_by_id!("horizon_in_category", horizon_by_category);
    array_by_id!("partner_priorities_for", partners_by_theme);

    engine.register_fn("district_count", |r: &mut Review| r.0.district_count);
    engine.register_fn("votes", |r: &mut Review, theme: ImmutableString| {
        r.0.votes.get(theme.as_str()).copied().unwrap_or(0)
    });
    engine.register_fn(
        "level",
        |r: &mut Review, district: ImmutableString, theme: ImmutableString| {
            ImmutableString::from(
                r.0.levels
                    .get(&(district.to_string(), theme.to_string()))
                    .copied()
                    .unwrap_or(""),
            )
        },
    );
    {
        let st = state.clone();
        engine.register_fn(
            "lead_theme",
            move |ctx: NativeCallContext, r: &mut Review, group: ImmutableString| -> R<Dynamic> {
                st.charge(1, ctx.call_position())?;
                let lead =
                    r.0.group_by_id
                        .get(group.as_str())
                        .and_then(|g| g.read_lock::<Map>().and_then(|m| m.get("lead").cloned()));
                Ok(match lead {
                    Some(id) if !id.is_unit() => {
                        r.0.theme_by_id
                            .get(id.to_string().as_str())
                            .cloned()
                            .unwrap_or(Dynamic::UNIT)
                    }
                    _ => Dynamic::UNIT,
                })
            },
        );
    }
    {
        let st = state.clone();
        engine.register_fn(
            "names",
            move |ctx: NativeCallContext, r: &mut Review, list: Array| -> R<Array> {
                st.charge(list.len(), ctx.call_position())?;
                Ok(list
                    .into_iter()
                    .map(|id| s(&name_of(&r.0, &id.to_string())))
                    .collect())
            },
        );
    }

    // Evidence constructors: maps the engine checks against the scenario afterwards.
    {
        let st = state.clone();
        engine.register_fn(
            "cells",
            move |ctx: NativeCallContext, r: &mut Review, theme: ImmutableString| -> R<Array> {
                let v = r.0.cells.get(theme.as_str()).cloned().unwrap_or_default();
                st.charge(v.len(), ctx.call_position())?;
                Ok(v)
            },
        );
    }
    engine.register_fn(
        "cell",
        // A cell the district leaves blank is no fact to cite: `()`, which a rule can test.
        |r: &mut Review, district: ImmutableString, theme: ImmutableString| match r
            .0
            .levels
            .get(&(district.to_string(), theme.to_string()))
        {
            Some(level) => map(vec![
                ("type", s("matrix_cell")),
                ("district", Dynamic::from(district)),
                ("theme", Dynamic::from(theme)),
                ("level", s(level)),
            ]),
            None => Dynamic::UNIT,
        },
    );
    for (name, kind, key) in [
        ("horizon_item", "horizon_item", "id"),
        ("law", "legislation", "id"),
        ("partner_priority", "partner_priority", "id"),
        ("consultation_figure", "consultation", "focus_area"),
        ("votes_for", "stakeholder_votes", "theme"),
    ] {
        engine.register_fn(name, move |id: ImmutableString| {
            map(vec![("type", s(kind)), (key, Dynamic::from(id))])
        });
    }

    // Text helpers, so rationales read like a report.
    engine.register_fn("percent", |x: f64| {
        ImmutableString::from(format!("{:.0} %", x * 100.0))
    });
    engine.register_fn("percent", |x: i64| ImmutableString::from(format!("{x} %")));
    engine.register_fn("join_and", |list: Array| {
        let v: Vec<String> = list.iter().map(|d| d.to_string()).collect();
        let r: Vec<&str> = v.iter().map(String::as_str).collect();
        ImmutableString::from(crate::suggestion::join_and(&r))
    });
    engine.register_fn("plural", |n: i64, word: ImmutableString| {
        ImmutableString::from(if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {}", plural_of(&word))
        })
    });
    engine.register_fn("round", |x: f64, places: i64| {
        let f = 10f64.powi(places.clamp(0, 6) as i32);
        (x * f).round() / f
    });

    {
        let st = state.clone();
        engine.register_fn("suggest", move |ctx: NativeCallContext, m: Map| -> R<()> {
            st.charge(1, ctx.call_position())?;
            st.suggestions.borrow_mut().push((m, ctx.call_position()));
            Ok(())
        });
    }
    {
        let st = state.clone();
        engine.on_print(move |text| st.print(text));
    }
    {
        let st = state.clone();
        engine.on_debug(move |text, _, _| st.print(text));
    }
    {
        let st = state;
        engine.on_progress(move |ops| {
            st.ops.set(ops);
            if ops + st.host_cost.get() > st.max_operations.get() {
                Some(Dynamic::from(ImmutableString::from(OPERATIONS_TOKEN)))
            } else {
                None
            }
        });
    }
}

/// What `on_progress` stops a rule with when host calls used up its budget.
pub(crate) const OPERATIONS_TOKEN: &str = "horizon:operations-limit";

fn name_of(t: &Tables, id: &str) -> String {
    for table in [&t.theme_by_id, &t.focus_by_id, &t.group_by_id] {
        if let Some(m) = table
            .get(id)
            .and_then(|d| d.read_lock::<Map>().and_then(|m| m.get("name").cloned()))
        {
            return m.to_string();
        }
    }
    t.district_names
        .get(id)
        .map_or_else(|| id.to_string(), |n| n.to_string())
}

/// English plural of the last word: "partner priority" → "partner priorities".
fn plural_of(word: &str) -> String {
    let consonant_y = word.ends_with('y') && !word.ends_with(['a', 'e', 'o', 'u']) && {
        let before = word.chars().rev().nth(1);
        before.is_some_and(|c| !"aeiou".contains(c))
    };
    if consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if word.ends_with('s')
        || word.ends_with("sh")
        || word.ends_with("ch")
        || word.ends_with('x')
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}
