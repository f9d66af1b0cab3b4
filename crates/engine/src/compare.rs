//! How the suggestions differ between two evaluations (a baseline and a what-if),
//! matched by [`SuggestionId`], never by headline text: a suggestion whose
//! focus area was renamed between the two is the same suggestion, rescored.

use horizon_model::{Difference, Scenario};
use serde::Serialize;

use crate::evaluate::Evaluation;
use crate::suggestion::SuggestionId;

/// Scores are reported to one decimal place; a smaller movement is not a change.
const SMALLEST_CHANGE: f64 = 0.05;

/// How one suggestion moved from the `before` evaluation to the `after` one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum SuggestionChange {
    /// Suggested after, not before. The headline is in the after scenario's names.
    New {
        id: SuggestionId,
        headline: String,
        score: f64,
    },
    /// Suggested before, not after. The headline is in the before scenario's names.
    Gone {
        id: SuggestionId,
        headline: String,
        score: f64,
    },
    /// Suggested in both, with scores at least 0.05 apart. The headline is in the
    /// after scenario's names.
    Rescored {
        id: SuggestionId,
        headline: String,
        from: f64,
        to: f64,
    },
}

impl SuggestionChange {
    pub fn id(&self) -> &SuggestionId {
        match self {
            SuggestionChange::New { id, .. }
            | SuggestionChange::Gone { id, .. }
            | SuggestionChange::Rescored { id, .. } => id,
        }
    }

    pub fn headline(&self) -> &str {
        match self {
            SuggestionChange::New { headline, .. }
            | SuggestionChange::Gone { headline, .. }
            | SuggestionChange::Rescored { headline, .. } => headline,
        }
    }

    /// How far the score moved: the whole score for a new or gone suggestion.
    pub fn movement(&self) -> f64 {
        match self {
            SuggestionChange::New { score, .. } | SuggestionChange::Gone { score, .. } => *score,
            SuggestionChange::Rescored { from, to, .. } => (to - from).abs(),
        }
    }

    /// The change in a sentence: "Retain Domestic Abuse falls from 89.5 to 71.2".
    pub fn describe(&self) -> String {
        match self {
            SuggestionChange::New {
                headline, score, ..
            } => format!("{headline} is now suggested, scoring {score:.1}"),
            SuggestionChange::Gone {
                headline, score, ..
            } => format!("{headline} is no longer suggested (it scored {score:.1})"),
            SuggestionChange::Rescored {
                headline, from, to, ..
            } => {
                let verb = if to > from { "rises" } else { "falls" };
                format!("{headline} {verb} from {from:.1} to {to:.1}")
            }
        }
    }
}

/// Every suggestion that is new, gone or rescored from `before` to `after`,
/// largest movement first (a new or gone suggestion moves by its whole score),
/// then by id so the order is stable. Suggestions whose score moved by less than
/// 0.05 are the same and are left out: an empty list means the suggestions did
/// not change.
pub fn compare_suggestions(
    before: &Evaluation,
    before_scenario: &Scenario,
    after: &Evaluation,
    after_scenario: &Scenario,
) -> Vec<SuggestionChange> {
    let before_ids: Vec<SuggestionId> = before.suggestions.iter().map(|s| s.id()).collect();
    let after_ids: Vec<SuggestionId> = after.suggestions.iter().map(|s| s.id()).collect();
    let mut out = Vec::new();
    for (a, id) in after.suggestions.iter().zip(&after_ids) {
        match before_ids.iter().position(|b| b == id) {
            None => out.push(SuggestionChange::New {
                id: id.clone(),
                headline: a.headline(after_scenario),
                score: a.score,
            }),
            Some(i) => {
                let from = before.suggestions[i].score;
                if (a.score - from).abs() >= SMALLEST_CHANGE {
                    out.push(SuggestionChange::Rescored {
                        id: id.clone(),
                        headline: a.headline(after_scenario),
                        from,
                        to: a.score,
                    });
                }
            }
        }
    }
    for (b, id) in before.suggestions.iter().zip(&before_ids) {
        if !after_ids.contains(id) {
            out.push(SuggestionChange::Gone {
                id: id.clone(),
                headline: b.headline(before_scenario),
                score: b.score,
            });
        }
    }
    out.sort_by(|x, y| {
        y.movement()
            .total_cmp(&x.movement())
            .then_with(|| x.id().cmp(y.id()))
    });
    out
}

/// Two evaluated scenarios side by side: what differs in their inputs and how
/// their suggestions differ. Both should be evaluated with the same rules and
/// settings, so that every difference in the suggestions comes from the inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub differences: Vec<Difference>,
    pub suggestions: Vec<SuggestionChange>,
    /// Suggestions made in both, at the same score.
    pub unchanged: usize,
}

impl Comparison {
    pub fn new(
        before: &Evaluation,
        before_scenario: &Scenario,
        after: &Evaluation,
        after_scenario: &Scenario,
    ) -> Comparison {
        let suggestions = compare_suggestions(before, before_scenario, after, after_scenario);
        let moved = suggestions
            .iter()
            .filter(|c| !matches!(c, SuggestionChange::Gone { .. }))
            .count();
        Comparison {
            differences: horizon_model::diff(before_scenario, after_scenario),
            unchanged: after.suggestions.len() - moved,
            suggestions,
        }
    }
}
