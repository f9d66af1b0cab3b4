//! Suggestions that cannot both be accepted, and why: two kinds that do not
//! coexist on one focus area, or one theme sent to two places.

use std::collections::BTreeSet;

use horizon_model::Scenario;
use serde::{Deserialize, Serialize};

use crate::kind::Kind;
use crate::suggestion::{Suggestion, SuggestionId};

/// Two suggestions that cannot both be accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The higher-scored of the two (or, at equal scores, the first in the evaluation's order).
    pub a: SuggestionId,
    pub b: SuggestionId,
    pub reason: String,
}

fn conflict_reason(a: &Suggestion, b: &Suggestion, s: &Scenario) -> Option<String> {
    let fa_a: BTreeSet<&str> = a.focus_areas().collect();
    let shared: Vec<&str> = b.focus_areas().filter(|f| fa_a.contains(f)).collect();
    if let Some(f) = shared.first() {
        if !a.kind.coexists_with(b.kind) {
            let name = s.focus_area(f).map_or(*f, |x| &x.name);
            if a.kind == b.kind {
                return Some(format!(
                    "both would {} {name}, in different ways; only one can be accepted",
                    a.kind.spec().does.replace(" it", "")
                ));
            }
            return Some(format!(
                "both concern {name}: one would {}, the other would {}; only one can be accepted",
                a.kind.spec().does,
                b.kind.spec().does
            ));
        }
    }
    // Where each would put the themes it names: a new focus area (None) or an
    // existing one; a theme cannot go to two places.
    let home = |x: &Suggestion| -> Option<Option<String>> {
        let spec = x.kind.spec();
        if spec.builds_focus_area {
            Some(None)
        } else if spec.folds_themes {
            x.focus_areas().next().map(|f| Some(f.to_string()))
        } else {
            None
        }
    };
    let (Some(home_a), Some(home_b)) = (home(a), home(b)) else {
        return None;
    };
    let th_a: BTreeSet<&str> = a.themes().collect();
    let t = b.themes().find(|t| th_a.contains(t))?;
    let name = s.theme(t).map_or(t, |x| &x.name);
    let into = |h: &Option<String>| match h {
        None => "a new focus area".to_string(),
        Some(f) => s.focus_area(f).map_or(f.clone(), |x| x.name.clone()),
    };
    match (&home_a, &home_b) {
        (None, None) => Some(format!(
            "both would put {name} in a new focus area; only one can be accepted"
        )),
        _ if home_a == home_b => None,
        _ => Some(format!(
            "one would put {name} in {}, the other in {}; only one can be accepted",
            into(&home_a),
            into(&home_b)
        )),
    }
}

/// Whether a suggestion of this kind puts the themes it names somewhere (a new focus
/// area, or its own): only two such can send one theme to two places.
fn places_themes(x: &Suggestion) -> bool {
    let spec = x.kind.spec();
    spec.builds_focus_area || spec.folds_themes
}

/// Every pair that cannot both be accepted, in the order of `suggestions` (by the
/// first of the pair, then the second). Two suggestions conflict only if they share
/// a focus area or a theme, so only the pairs an index of those finds are judged:
/// a watch, which coexists with everything and places no theme, is in no pair.
pub(crate) fn conflicts(suggestions: &[Suggestion], s: &Scenario) -> Vec<Conflict> {
    use std::collections::HashMap;
    let mut sharing: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
    for (i, x) in suggestions.iter().enumerate() {
        let coexists_with_all = Kind::ALL.iter().all(|k| x.kind.coexists_with(*k));
        if !coexists_with_all {
            for f in x.focus_areas().collect::<BTreeSet<_>>() {
                sharing.entry((true, f)).or_default().push(i);
            }
        }
        if places_themes(x) {
            for t in x.themes().collect::<BTreeSet<_>>() {
                sharing.entry((false, t)).or_default().push(i);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for list in sharing.values() {
        for (k, &i) in list.iter().enumerate() {
            pairs.extend(list[k + 1..].iter().map(|&j| (i, j)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut out = Vec::new();
    for (i, j) in pairs {
        if let Some(reason) = conflict_reason(&suggestions[i], &suggestions[j], s) {
            out.push(Conflict {
                a: suggestions[i].id(),
                b: suggestions[j].id(),
                reason,
            });
        }
    }
    out
}

impl crate::Evaluation {
    /// Why the proposed plan leaves this suggestion out, if it does: "it conflicts
    /// with Consolidate …, which scores higher: both concern Violent Crime: …".
    pub fn why_set_aside(&self, id: &SuggestionId, s: &Scenario) -> Option<String> {
        if !self.proposed.set_aside.contains(id) {
            return None;
        }
        let accepted = |x: &SuggestionId| !self.proposed.set_aside.contains(x);
        let c = self.conflicts.iter().find(|c| {
            (c.b == *id && accepted(&c.a)) || (c.a == *id && accepted(&c.b))
        })?;
        let other = if c.a == *id { &c.b } else { &c.a };
        let headline = self.suggestion(other).map(|x| x.headline(s))?;
        Some(format!(
            "it conflicts with “{headline}”, which scores higher: {}",
            c.reason
        ))
    }
}
