//! Suggestions that another suggestion of the same review already takes in.
//!
//! A review reads as one piece of advice, so a suggestion that says nothing the
//! review does not already say through a stronger one is folded into it and
//! shown as what it "also covers":
//! - a suggestion whose kind folds into takers (`KindSpec::folds_into_takers`:
//!   watch) on themes that a suggestion bringing themes into the plan (an add, a
//!   consolidation, a retain taking themes in) takes in;
//! - a suggestion building a new focus area (add, consolidate, split) whose
//!   themes are all taken in by a higher-scored suggestion building one.
//!
//! What is not a subset is a contradiction, not a fold: it stays in the list and
//! `conflict.rs` says why both cannot be accepted.

use std::collections::{BTreeSet, HashMap};

use crate::suggestion::Suggestion;

/// The themes a suggestion would bring into the plan's focus areas, if any.
pub(crate) fn takes_in(sug: &Suggestion) -> Option<BTreeSet<&str>> {
    let spec = sug.kind.spec();
    (spec.builds_focus_area || spec.folds_themes)
        .then(|| sug.themes().collect::<BTreeSet<&str>>())
        .filter(|t| !t.is_empty())
}

/// Whether `taker` says everything `folded` says, so `folded` can be shown under it.
fn subsumes(taker: &Suggestion, folded: &Suggestion) -> bool {
    let Some(taken) = takes_in(taker) else {
        return false;
    };
    let themes: BTreeSet<&str> = folded.themes().collect();
    if themes.is_empty() || !themes.is_subset(&taken) {
        return false;
    }
    let f = folded.kind.spec();
    if f.folds_into_takers {
        return true;
    }
    // One new focus area wholly inside another, scored lower: the bigger one
    // already makes the case. (A consolidation is known by the focus areas it
    // merges, so it is never inside an add.)
    f.builds_focus_area
        && f.min_focus_areas == 0
        && taker.kind.spec().builds_focus_area
        && folded.score <= taker.score
}

/// Whether a suggestion of this kind can be folded into another at all.
fn can_fold(folded: &Suggestion) -> bool {
    let f = folded.kind.spec();
    f.folds_into_takers || (f.builds_focus_area && f.min_focus_areas == 0)
}

/// Folds each subsumed suggestion into the highest-scored suggestion that takes
/// it in. `merged` is highest score first, and stays so. A taker must take in every
/// theme of what it folds, so only the suggestions taking in its rarest theme are
/// tried (found through an index of themes), not every suggestion.
pub(crate) fn fold(merged: Vec<Suggestion>) -> Vec<Suggestion> {
    let mut into: Vec<Option<usize>> = vec![None; merged.len()];
    let mut takers: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, sug) in merged.iter().enumerate() {
        for t in takes_in(sug).into_iter().flatten() {
            takers.entry(t).or_default().push(i);
        }
    }
    for (j, folded) in merged.iter().enumerate() {
        if !can_fold(folded) {
            continue;
        }
        let rarest = folded
            .themes()
            .map(|t| takers.get(t).map_or(&[][..], Vec::as_slice))
            .min_by_key(|c| c.len());
        let Some(candidates) = rarest else { continue };
        into[j] = candidates
            .iter()
            .copied()
            .find(|&i| i != j && into[i].is_none() && subsumes(&merged[i], folded));
    }
    // A taker that was itself folded passes its folds to its own taker.
    let root = |mut i: usize| {
        while let Some(t) = into[i] {
            i = t;
        }
        i
    };
    let roots: Vec<Option<usize>> = (0..merged.len()).map(|j| into[j].map(root)).collect();
    let mut slots: Vec<Option<Suggestion>> = merged.into_iter().map(Some).collect();
    let mut covered: Vec<Vec<Suggestion>> = vec![Vec::new(); slots.len()];
    for (j, r) in roots.iter().enumerate() {
        if let Some(r) = r {
            if let Some(mut s) = slots[j].take() {
                covered[*r].append(&mut s.also_covers);
                covered[*r].push(s);
            }
        }
    }
    slots
        .into_iter()
        .zip(covered)
        .filter_map(|(s, mut c)| {
            s.map(|mut s| {
                horizon_model::sort::sort_by(&mut c, |a, b| {
                    b.score.total_cmp(&a.score).then_with(|| a.id().cmp(&b.id()))
                });
                s.also_covers.append(&mut c);
                s
            })
        })
        .collect()
}
