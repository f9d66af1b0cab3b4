//! Stable sorting that costs the browser build one copy of the sort.
//!
//! `slice::sort_by` is generic over both the element and the comparison, so the
//! page's wasm carried a copy of the standard library's sort (about 2.5 KB) for every
//! call site: 63 of them, 165 KB of its code. [`sort_by`] and [`sort_by_key`] sort the
//! positions instead, through one comparison behind a `&dyn`, then move the elements
//! into their places: one copy of the sort however many lists are sorted. The
//! crates the page is built from sort with these (ARCHITECTURE.md, "Invariants").
//!
//! Both are stable, as `sort_by` is: elements that compare equal keep their order.
//!
//! The one place that keeps the standard library's sort is the engine's merging of
//! suggestions (`suggestion.rs`, `kind.rs`), which runs for every suggestion of every
//! evaluation: sorting positions there cost 2 % of an evaluation (criterion, national
//! and Kent), for some 7 KB of wasm.

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping the order of equal elements.
pub fn sort_by<T>(v: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_positions(v.len(), &|a, b| compare(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `v` by the key `key` gives each element, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` into its natural order, keeping the order of equal elements.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The positions `0..n` in the order `compare` puts them. Not generic and never
/// inlined, so the standard library's sort is compiled once, for this.
#[inline(never)]
fn sorted_positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}
