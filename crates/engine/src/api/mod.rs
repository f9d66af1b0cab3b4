//! The read-only API rules see, in the users' words. Values are built once per
//! evaluation from the [`crate::index::ReviewIndex`]; every call a rule makes is a table look-up.
//!
//! Host calls are charged to the rule's operations budget by the size of what they
//! return, so a loop that calls `review.themes()` forever is stopped as surely as
//! `loop {}`; and every rule has a time limit too (`state`), since one operation can
//! be slow. Library functions that could crash or overflow the stack are replaced
//! (`library`).

use std::rc::Rc;

use rhai::{
    Array, Dynamic, Engine, EvalAltResult, ImmutableString, Map, NativeCallContext,
};

mod library;
mod local;
mod state;
mod tables;

pub(crate) use state::{RunState, NESTING_TOKEN, OPERATIONS_TOKEN, TIME_TOKEN};
use state::CLOCK_EVERY;
pub(crate) use tables::Tables;

type R<T> = Result<T, Box<EvalAltResult>>;

/// What a rule sees as `review`. Cheap to clone: the tables are shared.
#[derive(Clone)]
pub struct Review(Rc<Tables>);

pub(super) fn s(text: &str) -> Dynamic {
    Dynamic::from(ImmutableString::from(text))
}

pub(super) fn ids<'a>(it: impl Iterator<Item = &'a str>) -> Dynamic {
    Dynamic::from_array(it.map(s).collect())
}

pub(super) fn map(pairs: Vec<(&str, Dynamic)>) -> Dynamic {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k.into(), v);
    }
    Dynamic::from_map(m)
}

impl Review {
    pub(crate) fn new(tables: Tables) -> Review {
        Review(Rc::new(tables))
    }
}

/// Registers `review`'s methods, the evidence constructors, `suggest` and the
/// text helpers on `engine`. `state` receives what the running rule emits.
pub(crate) fn register(engine: &mut Engine, state: Rc<RunState>, limits: &crate::Limits) {
    engine.register_type_with_name::<Review>("Review");
    library::register(engine, state.clone(), limits);
    let max_nesting = limits.max_nesting;

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
    macro_rules! row_by_id {
        ($name:literal, $list:ident, $by:ident) => {{
            let st = state.clone();
            engine.register_fn(
                $name,
                move |ctx: NativeCallContext, r: &mut Review, id: ImmutableString| -> R<Dynamic> {
                    st.charge(1, ctx.call_position())?;
                    Ok(Tables::row(&r.0.$list, &r.0.$by, &id).cloned().unwrap_or(Dynamic::UNIT))
                },
            );
        }};
    }
    macro_rules! rows_by_id {
        ($name:literal, $list:ident, $by:ident) => {{
            let st = state.clone();
            engine.register_fn(
                $name,
                move |ctx: NativeCallContext, r: &mut Review, id: ImmutableString| -> R<Array> {
                    let n = r.0.$by.get(id.as_str()).map_or(0, Vec::len);
                    st.charge(n, ctx.call_position())?;
                    Ok(Tables::rows(&r.0.$list, &r.0.$by, &id))
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
    list!("county_priorities", county_priorities);
    row_by_id!("theme", themes, theme_by_id);
    row_by_id!("group", groups, group_by_id);
    row_by_id!("focus_area", focus_areas, focus_by_id);
    by_id!("consultation", consultation);
    rows_by_id!("horizon_items_for", horizon, horizon_by_theme);
    rows_by_id!("horizon_in_category", horizon, horizon_by_category);
    rows_by_id!("partner_priorities_for", partners, partners_by_theme);

    engine.register_fn("district_count", |r: &mut Review| r.0.district_count);
    engine.register_fn("plan", |r: &mut Review| r.0.plan.clone());
    // A county agreement has no district of its own: `()`, which a rule can test.
    engine.register_fn("own_district", |r: &mut Review| {
        r.0.own_district.as_deref().map_or(Dynamic::UNIT, s)
    });
    engine.register_fn("own_cell", |r: &mut Review, theme: ImmutableString| {
        own_cell(&r.0, &theme)
    });
    {
        let st = state.clone();
        engine.register_fn(
            "nearest_focus_area",
            move |ctx: NativeCallContext, r: &mut Review, themes: Array| -> R<Dynamic> {
                st.charge(themes.len(), ctx.call_position())?;
                st.shallow(crate::contain::items_within(&mut themes.iter(), max_nesting), ctx.call_position())?;
                let themes: Vec<String> = themes.iter().map(|t| t.to_string()).collect();
                Ok(nearest_focus_area(&r.0, &themes))
            },
        );
    }
    {
        let st = state.clone();
        engine.register_fn(
            "nearest_focus_area",
            move |ctx: NativeCallContext, r: &mut Review, theme: ImmutableString| -> R<Dynamic> {
                st.charge(1, ctx.call_position())?;
                Ok(nearest_focus_area(&r.0, &[theme.to_string()]))
            },
        );
    }
    engine.register_fn("votes", |r: &mut Review, theme: ImmutableString| {
        r.0.votes.get(theme.as_str()).copied().unwrap_or(0)
    });
    engine.register_fn("votes_cast", |r: &mut Review| r.0.votes.values().sum::<i64>());
    engine.register_fn(
        "level",
        |r: &mut Review, district: ImmutableString, theme: ImmutableString| {
            ImmutableString::from(r.0.level(&district, &theme).unwrap_or(""))
        },
    );
    {
        let st = state.clone();
        engine.register_fn(
            "lead_theme",
            move |ctx: NativeCallContext, r: &mut Review, group: ImmutableString| -> R<Dynamic> {
                st.charge(1, ctx.call_position())?;
                let lead = Tables::row(&r.0.groups, &r.0.group_by_id, &group)
                    .and_then(|g| g.read_lock::<Map>().and_then(|m| m.get("lead").cloned()));
                Ok(match lead {
                    Some(id) if !id.is_unit() => {
                        Tables::row(&r.0.themes, &r.0.theme_by_id, &id.to_string())
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
                st.shallow(crate::contain::items_within(&mut list.iter(), max_nesting), ctx.call_position())?;
                let pos = ctx.call_position();
                list.into_iter()
                    .enumerate()
                    .map(|(i, id)| {
                        st.on_the_way(i, pos)?;
                        Ok(s(&name_of(&r.0, &id.to_string())))
                    })
                    .collect()
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
            .level(&district, &theme)
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

    engine.register_fn("plan_consultation", || {
        map(vec![("type", s("plan_consultation"))])
    });

    // Text helpers, so rationales read like a report.
    engine.register_fn("percent", |x: f64| {
        ImmutableString::from(format!("{:.0} %", x * 100.0))
    });
    engine.register_fn("percent", |x: i64| ImmutableString::from(format!("{x} %")));
    {
        let st = state.clone();
        engine.register_fn("join_and", move |ctx: NativeCallContext, list: Array| -> R<ImmutableString> {
            st.charge(list.len(), ctx.call_position())?;
            st.shallow(crate::contain::items_within(&mut list.iter(), max_nesting), ctx.call_position())?;
            let pos = ctx.call_position();
            let v = list
                .iter()
                .enumerate()
                .map(|(i, d)| st.on_the_way(i, pos).map(|()| d.to_string()))
                .collect::<R<Vec<String>>>()?;
            let r: Vec<&str> = v.iter().map(String::as_str).collect();
            Ok(ImmutableString::from(crate::suggestion::join_and(&r)))
        });
    }
    engine.register_fn("plural", |n: i64, word: ImmutableString| {
        ImmutableString::from(if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {}", plural_of(&word))
        })
    });
    // "none of the 11 districts", "1 of 11 districts", "5 of 11 districts".
    engine.register_fn("count_of", |k: i64, n: i64, word: ImmutableString| {
        let many = plural_of(&word);
        ImmutableString::from(match k {
            0 => format!("none of the {n} {many}"),
            _ if k == n && n > 2 => format!("all {n} {many}"),
            _ => format!("{k} of {n} {}", if n == 1 { word.to_string() } else { many }),
        })
    });
    // How far x has come from `from` towards `to`, from 0 to 1: scores built on it
    // grow from nothing at a threshold instead of jumping (rules/AUTHORING.md).
    engine.register_fn("ramp", |x: f64, from: f64, to: f64| {
        if !(x.is_finite() && from.is_finite() && to.is_finite()) || from == to {
            return if x >= to { 1.0 } else { 0.0 };
        }
        ((x - from) / (to - from)).clamp(0.0, 1.0)
    });
    engine.register_fn("round", |x: f64, places: i64| {
        let f = 10f64.powi(places.clamp(0, 6) as i32);
        (x * f).round() / f
    });

    {
        let st = state.clone();
        let limits = limits.clone();
        engine.register_fn("suggest", move |ctx: NativeCallContext, m: Map| -> R<()> {
            st.charge(1, ctx.call_position())?;
            st.shallow(crate::contain::items_within(&mut m.values(), max_nesting), ctx.call_position())?;
            st.keep_suggestion(m, ctx.call_position(), &limits);
            Ok(())
        });
    }
    for kind in ["map", "text"] {
        let st = state.clone();
        let record = move |ctx: NativeCallContext, d: Dynamic| -> R<()> {
            st.charge(1, ctx.call_position())?;
            st.shallow(crate::contain::nesting_within(&d, max_nesting), ctx.call_position())?;
            st.keep_near_miss(d, ctx.call_position(), crate::why_not::MAX_NEAR_MISSES);
            Ok(())
        };
        if kind == "map" {
            let r = record.clone();
            engine.register_fn("not_suggested", move |ctx: NativeCallContext, m: Map| r(ctx, Dynamic::from_map(m)));
        } else {
            engine.register_fn("not_suggested", move |ctx: NativeCallContext, s: ImmutableString| record(ctx, Dynamic::from(s)));
        }
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
        // Counted here, one per call, rather than taken from Rhai: Rhai restarts its
        // count inside a closure that a library function calls (`sort`, `map`), so
        // its figure can stand still while a rule works.
        engine.on_progress(move |_| {
            let ops = st.ops.get() + 1;
            st.ops.set(ops);
            if ops + st.host_cost.get() > st.max_operations.get() {
                return Some(s(OPERATIONS_TOKEN));
            }
            if st.too_deep.get() {
                return Some(s(NESTING_TOKEN));
            }
            if ops >= st.next_clock.get() || st.out_of_time.get() {
                st.next_clock.set(ops + CLOCK_EVERY);
                if st.past_deadline() {
                    return Some(s(TIME_TOKEN));
                }
            }
            None
        });
    }
}

/// The own district's cell for `theme`, or `()` when it leaves the theme blank or
/// the plan has no district of its own.
fn own_cell(t: &Tables, theme: &str) -> Dynamic {
    let Some(d) = t.own_district.as_deref() else {
        return Dynamic::UNIT;
    };
    match t.level(d, theme) {
        Some(level) => map(vec![
            ("type", s("matrix_cell")),
            ("district", s(d)),
            ("theme", s(theme)),
            ("level", s(level)),
        ]),
        None => Dynamic::UNIT,
    }
}

/// `review.nearest_focus_area(themes)`: the focus area of the plan the themes would
/// sit in most naturally, as a map, or `()` when none is near.
fn nearest_focus_area(t: &Tables, themes: &[String]) -> Dynamic {
    let lists: Vec<&[local::Near]> = themes
        .iter()
        .filter_map(|th| t.near.get(th).map(Vec::as_slice))
        .collect();
    let Some(n) = local::nearest(&lists, &t.focus_names) else {
        return Dynamic::UNIT;
    };
    let (id, name) = &t.focus_names[n.focus_area];
    let group = themes
        .iter()
        .find_map(|th| t.theme_group_names.get(th))
        .map_or("", String::as_str);
    let evidence: Array = n
        .shared
        .iter()
        .map(|(kind, id)| map(vec![("type", s(kind)), ("id", s(id))]))
        .collect();
    map(vec![
        ("id", s(id)),
        ("name", s(name)),
        ("same_group", Dynamic::from_bool(n.same_group)),
        ("group", s(if n.same_group { group } else { "" })),
        ("evidence", Dynamic::from_array(evidence)),
    ])
}

fn name_of(t: &Tables, id: &str) -> String {
    for (list, by_id) in [(&t.themes, &t.theme_by_id), (&t.focus_areas, &t.focus_by_id), (&t.groups, &t.group_by_id)] {
        if let Some(m) = Tables::row(list, by_id, id)
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
