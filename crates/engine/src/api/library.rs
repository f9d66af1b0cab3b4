//! The parts of Rhai's library the sandbox replaces, because Rhai's own can crash
//! the process, overflow the stack or run unbounded inside one operation:
//!
//! - `sort`, `sort_by`, `sort_desc`, `order`, `order_by`, `order_desc`: a merge sort
//!   that never panics whatever the comparator returns (Rust's sort may panic when
//!   a comparator is not a total order, and in the browser a panic cannot be caught);
//!   each comparison is charged to the rule's budget and errors stop the rule.
//! - `==`, `!=`, `contains` (`in`), `index_of` on lists and maps, `print`, `debug`,
//!   `to_string`, `to_debug` and `to_json` of lists and maps: charged by size, and
//!   refused past the nesting limit, since each recurses once per level.
//! - `replace`: refused when its result would pass the text size limit, before the
//!   text is built (one call could otherwise ask for a terabyte).

use std::cmp::Ordering;
use std::rc::Rc;

use rhai::{Array, Dynamic, Engine, EvalAltResult, FnPtr, ImmutableString, Map, NativeCallContext};

use super::{s, RunState, R};
use crate::contain::{items_within, nesting_within};

const OP_EQUALS: &str = "==";

/// A stable merge sort of `0..n` by `cmp`, which may fail (the rule is then
/// stopped) and need not be a total order: every index comes out exactly once.
fn merge_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> R<Ordering>) -> R<Vec<usize>> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = from.clone();
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut to[lo..hi] {
                let left = j >= hi || (i < mid && cmp(from[i], from[j])? != Ordering::Greater);
                if left {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            lo = hi;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    Ok(from)
}

/// Puts `array` in the order `order` (a permutation of its indices).
fn reorder(array: &mut Array, order: &[usize]) {
    let mut slots: Vec<Option<Dynamic>> = std::mem::take(array).into_iter().map(Some).collect();
    *array = order
        .iter()
        .map(|&i| slots[i].take().unwrap_or(Dynamic::UNIT))
        .collect();
}

/// What a comparator's answer means, as Rhai documents it: a number's sign, or
/// `true` for "in order"; anything else leaves the two as they are.
fn ordering_of(v: &Dynamic) -> Ordering {
    if let Ok(i) = v.as_int() {
        i.cmp(&0)
    } else if let Ok(b) = v.as_bool() {
        if b {
            Ordering::Less
        } else {
            Ordering::Greater
        }
    } else {
        Ordering::Equal
    }
}

fn sort_with(ctx: &NativeCallContext, st: &RunState, array: &mut Array, f: &FnPtr) -> R<()> {
    if array.len() <= 1 {
        return Ok(());
    }
    let pos = ctx.call_position();
    let items: &Array = array;
    let order = merge_order(items.len(), &mut |a, b| {
        st.charge(1, pos)?;
        let v = f.call_raw(ctx, None, [items[a].clone(), items[b].clone()])?;
        Ok(ordering_of(&v))
    })?;
    reorder(array, &order);
    Ok(())
}

/// Rhai's natural order of one type's values; floats in IEEE total order, so a
/// NaN has its place too.
fn natural(a: &Dynamic, b: &Dynamic) -> Ordering {
    if let (Ok(x), Ok(y)) = (a.as_int(), b.as_int()) {
        x.cmp(&y)
    } else if let (Ok(x), Ok(y)) = (a.as_float(), b.as_float()) {
        x.total_cmp(&y)
    } else if let (Ok(x), Ok(y)) = (a.as_char(), b.as_char()) {
        x.cmp(&y)
    } else if let (Ok(x), Ok(y)) = (a.as_bool(), b.as_bool()) {
        x.cmp(&y)
    } else if let (Ok(x), Ok(y)) = (a.as_immutable_string_ref(), b.as_immutable_string_ref()) {
        x.as_str().cmp(y.as_str())
    } else {
        Ordering::Equal
    }
}

fn sort_natural(
    ctx: &NativeCallContext,
    st: &RunState,
    array: &mut Array,
    descending: bool,
) -> R<()> {
    if array.len() <= 1 {
        return Ok(());
    }
    let first = &array[0];
    let sortable = first.is_int()
        || first.is_float()
        || first.is_char()
        || first.is_bool()
        || first.is_string()
        || first.is_unit();
    if !sortable {
        return Err(runtime(
            format!(
                "a list of {} cannot be sorted without a comparison function",
                first.type_name()
            ),
            ctx,
        ));
    }
    if array.iter().any(|a| a.type_id() != first.type_id()) {
        return Err(runtime(
            "a list of values of different types cannot be sorted without a comparison function",
            ctx,
        ));
    }
    st.charge(cost_of_sorting(array.len()), ctx.call_position())?;
    let items: &Array = array;
    let (pos, mut compared) = (ctx.call_position(), 0);
    let order = merge_order(items.len(), &mut |a, b| {
        compared += 1;
        st.on_the_way(compared, pos)?;
        let o = natural(&items[a], &items[b]);
        Ok(if descending { o.reverse() } else { o })
    })?;
    reorder(array, &order);
    Ok(())
}

fn cost_of_sorting(n: usize) -> usize {
    n.saturating_mul(usize::BITS as usize - n.leading_zeros() as usize)
}

fn runtime(message: impl Into<String>, ctx: &NativeCallContext) -> Box<EvalAltResult> {
    EvalAltResult::ErrorRuntime(s(&message.into()), ctx.call_position()).into()
}

/// Stops the rule if any of `checks` (nesting depths, `None` past the limit) failed.
fn shallow(st: &RunState, ctx: &NativeCallContext, checks: &[Option<usize>]) -> R<()> {
    for c in checks {
        st.shallow(*c, ctx.call_position())?;
    }
    Ok(())
}

/// Whether two values are equal by Rhai's `==`; values of different types with no
/// `==` between them are unequal, as in Rhai.
fn equal(ctx: &NativeCallContext, a: &mut Dynamic, b: &mut Dynamic) -> R<bool> {
    let same_type = a.type_id() == b.type_id();
    match ctx.call_native_fn_raw(OP_EQUALS, true, &mut [a, b]) {
        Ok(v) => Ok(v.as_bool().unwrap_or(false)),
        Err(e) => match *e {
            EvalAltResult::ErrorFunctionNotFound(ref sig, ..)
                if sig.starts_with(OP_EQUALS) && !same_type =>
            {
                Ok(false)
            }
            _ => Err(e),
        },
    }
}

fn arrays_equal(ctx: &NativeCallContext, st: &RunState, a: &mut Array, b: &mut Array) -> R<bool> {
    st.charge(a.len(), ctx.call_position())?;
    if a.len() != b.len() {
        return Ok(false);
    }
    for (i, (x, y)) in a.iter_mut().zip(b.iter_mut()).enumerate() {
        st.on_the_way(i, ctx.call_position())?;
        if !equal(ctx, x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn maps_equal(ctx: &NativeCallContext, st: &RunState, a: &mut Map, b: &mut Map) -> R<bool> {
    st.charge(a.len(), ctx.call_position())?;
    if a.len() != b.len() {
        return Ok(false);
    }
    for (i, (k, x)) in a.iter_mut().enumerate() {
        st.on_the_way(i, ctx.call_position())?;
        let Some(y) = b.get_mut(k) else {
            return Ok(false);
        };
        if !equal(ctx, x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The first index at or after `start` of an item equal to `value`, or -1.
fn position(
    ctx: &NativeCallContext,
    st: &RunState,
    array: &mut Array,
    value: &Dynamic,
    start: usize,
) -> R<i64> {
    st.charge(array.len(), ctx.call_position())?;
    for (i, item) in array.iter_mut().enumerate().skip(start) {
        st.on_the_way(i, ctx.call_position())?;
        if equal(ctx, item, &mut value.clone())? {
            return Ok(i as i64);
        }
    }
    Ok(-1)
}

/// Rhai's `to_debug` of each item, as Rhai prints lists and maps.
fn debug_of(ctx: &NativeCallContext, v: &mut Dynamic) -> R<String> {
    let r = ctx.call_native_fn_raw("to_debug", true, &mut [v])?;
    Ok(r.into_immutable_string()
        .map(|s| s.to_string())
        .unwrap_or_default())
}

fn format_array(ctx: &NativeCallContext, st: &RunState, array: &mut Array) -> R<ImmutableString> {
    let mut out = String::from("[");
    for (i, x) in array.iter_mut().enumerate() {
        st.on_the_way(i, ctx.call_position())?;
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&debug_of(ctx, x)?);
    }
    out.push(']');
    Ok(out.into())
}

fn format_map(ctx: &NativeCallContext, st: &RunState, map: &mut Map) -> R<ImmutableString> {
    let mut out = String::from("#{");
    for (i, (k, v)) in map.iter_mut().enumerate() {
        st.on_the_way(i, ctx.call_position())?;
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&format!("{:?}: {}", k.as_str(), debug_of(ctx, v)?));
    }
    out.push('}');
    Ok(out.into())
}

/// `replace(find, with)` as Rhai does it, refused before any text is built when
/// the result would pass the text size limit.
fn replace(
    ctx: &NativeCallContext,
    st: &RunState,
    max: usize,
    text: &mut ImmutableString,
    find: &str,
    with: &str,
) -> R<()> {
    if text.is_empty() {
        return Ok(());
    }
    st.charge(text.len() / 16, ctx.call_position())?;
    let times = if find.is_empty() {
        text.chars().count() + 1
    } else {
        text.matches(find).count()
    };
    let grown = text
        .len()
        .saturating_add(times.saturating_mul(with.len()))
        .saturating_sub(times.saturating_mul(find.len()));
    if max > 0 && grown > max {
        return Err(EvalAltResult::ErrorDataTooLarge(
            "Length of string".into(),
            ctx.call_position(),
        )
        .into());
    }
    st.charge(grown / 16, ctx.call_position())?;
    *text = text.replace(find, with).into();
    Ok(())
}

pub(super) fn register(engine: &mut Engine, state: Rc<RunState>, limits: &crate::Limits) {
    let max_nesting = limits.max_nesting;
    let max_string = limits.max_string_size;

    for name in ["sort", "sort_by"] {
        let st = state.clone();
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, a: &mut Array, f: FnPtr| -> R<()> {
                sort_with(&ctx, &st, a, &f)
            },
        );
    }
    for name in ["order", "order_by"] {
        let st = state.clone();
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, a: &mut Array, f: FnPtr| -> R<Array> {
                st.charge(a.len(), ctx.call_position())?;
                let mut copy = a.clone();
                sort_with(&ctx, &st, &mut copy, &f)?;
                Ok(copy)
            },
        );
    }
    for (name, descending) in [("sort", false), ("sort_desc", true)] {
        let st = state.clone();
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, a: &mut Array| -> R<()> {
                sort_natural(&ctx, &st, a, descending)
            },
        );
    }
    for (name, descending) in [("order", false), ("order_desc", true)] {
        let st = state.clone();
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, a: &mut Array| -> R<Array> {
                st.charge(a.len(), ctx.call_position())?;
                let mut copy = a.clone();
                sort_natural(&ctx, &st, &mut copy, descending)?;
                Ok(copy)
            },
        );
    }

    for negate in [false, true] {
        let name = if negate { "!=" } else { "==" };
        let st = state.clone();
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, a: &mut Array, mut b: Array| -> R<bool> {
                let depths = [
                    items_within(&mut a.iter(), max_nesting),
                    items_within(&mut b.iter(), max_nesting),
                ];
                shallow(&st, &ctx, &depths)?;
                Ok(arrays_equal(&ctx, &st, a, &mut b)? != negate)
            },
        );
        let st = state.clone();
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, a: &mut Map, mut b: Map| -> R<bool> {
                let depths = [
                    items_within(&mut a.values(), max_nesting),
                    items_within(&mut b.values(), max_nesting),
                ];
                shallow(&st, &ctx, &depths)?;
                Ok(maps_equal(&ctx, &st, a, &mut b)? != negate)
            },
        );
    }
    {
        let st = state.clone();
        engine.register_fn(
            "contains",
            move |ctx: NativeCallContext, a: &mut Array, v: Dynamic| -> R<bool> {
                shallow(&st, &ctx, &[nesting_within(&v, max_nesting)])?;
                Ok(position(&ctx, &st, a, &v, 0)? >= 0)
            },
        );
        let st = state.clone();
        engine.register_fn(
            "index_of",
            move |ctx: NativeCallContext, a: &mut Array, v: Dynamic| -> R<i64> {
                shallow(&st, &ctx, &[nesting_within(&v, max_nesting)])?;
                position(&ctx, &st, a, &v, 0)
            },
        );
    }

    for name in ["print", "debug", "to_string", "to_debug"] {
        let st = state.clone();
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, a: &mut Array| -> R<ImmutableString> {
                st.charge(a.len(), ctx.call_position())?;
                if items_within(&mut a.iter(), max_nesting).is_none() {
                    return Ok(too_deep(&st, &ctx));
                }
                format_array(&ctx, &st, a)
            },
        );
        let st = state.clone();
        engine.register_fn(
            name,
            move |ctx: NativeCallContext, m: &mut Map| -> R<ImmutableString> {
                st.charge(m.len(), ctx.call_position())?;
                if items_within(&mut m.values(), max_nesting).is_none() {
                    return Ok(too_deep(&st, &ctx));
                }
                format_map(&ctx, &st, m)
            },
        );
    }
    {
        let st = state.clone();
        engine.register_fn(
            "to_json",
            move |ctx: NativeCallContext, m: &mut Map| -> R<ImmutableString> {
                st.charge(m.len(), ctx.call_position())?;
                if items_within(&mut m.values(), max_nesting).is_none() {
                    return Ok(too_deep(&st, &ctx));
                }
                Ok(rhai::format_map_as_json(m).into())
            },
        );
    }

    {
        let st = state.clone();
        engine.register_fn(
            "replace",
            move |ctx: NativeCallContext,
                  t: &mut ImmutableString,
                  find: &str,
                  with: &str|
                  -> R<()> { replace(&ctx, &st, max_string, t, find, with) },
        );
        let st = state;
        engine.register_fn(
            "replace",
            move |ctx: NativeCallContext,
                  t: &mut ImmutableString,
                  find: char,
                  with: &str|
                  -> R<()> {
                replace(
                    &ctx,
                    &st,
                    max_string,
                    t,
                    find.encode_utf8(&mut [0; 4]),
                    with,
                )
            },
        );
    }
}

/// Text standing for a value too deep to print. Printing is asked for where Rhai
/// cannot be told to stop (text interpolation falls back to printing the value
/// itself), so the rule is marked and stopped at its next operation instead.
fn too_deep(st: &RunState, ctx: &NativeCallContext) -> ImmutableString {
    st.too_deep.set(true);
    st.too_deep_at.set(ctx.call_position());
    "[…]".into()
}
