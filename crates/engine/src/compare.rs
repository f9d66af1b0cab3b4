//! How the suggestions differ between two evaluations (a baseline and a what-if),
//! matched by [`SuggestionId`], never by headline text: a suggestion whose
//! focus area was renamed between the two is the same suggestion, rescored.

use horizon_model::{Difference, Scenario};
use serde::Serialize;

use crate::evaluate::Evaluation;
use crate::suggestion::{Suggestion, SuggestionId};

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
        /// The headline of the suggestion this one takes the place of: the same kind
        /// of change to the same things, now led by other evidence ("Add Prevent"
        /// where "Add Safeguarding" was). It is also listed as gone.
        #[serde(skip_serializing_if = "Option::is_none")]
        replaces: Option<String>,
        /// The rule its case now rests on chiefly, when it replaces another.
        #[serde(skip_serializing_if = "Option::is_none")]
        rests_on: Option<String>,
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
        /// When the rule its case rests on chiefly is another than before: that
        /// rule's title, then the one before ("Cover every statutory duty", "Add a
        /// priority for …"). Its rationale now follows the new one.
        #[serde(skip_serializing_if = "Option::is_none")]
        rests_on: Option<(String, String)>,
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
                headline,
                score,
                replaces: Some(old),
                rests_on,
                ..
            } => {
                let why = rests_on
                    .as_ref()
                    .map_or(String::new(), |r| format!("; it now rests chiefly on “{r}”"));
                format!("{headline} takes the place of {old}, scoring {score:.1}{why}")
            }
            SuggestionChange::New {
                headline, score, ..
            } => format!("{headline} is now suggested, scoring {score:.1}"),
            SuggestionChange::Gone {
                headline, score, ..
            } => format!("{headline} is no longer suggested (it scored {score:.1})"),
            SuggestionChange::Rescored {
                headline,
                from,
                to,
                rests_on,
                ..
            } => {
                let verb = if to > from { "rises" } else { "falls" };
                let why = rests_on.as_ref().map_or(String::new(), |(now, was)| {
                    format!("; it now rests chiefly on “{now}” rather than “{was}”")
                });
                format!("{headline} {verb} from {from:.1} to {to:.1}{why}")
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
    let chief = |s: &Suggestion| s.score_parts().first().map(|p| p.rule.clone());
    let mut out = Vec::new();
    let mut replaced: Vec<usize> = Vec::new();
    for (a, id) in after.suggestions.iter().zip(&after_ids) {
        match before_ids.iter().position(|b| b == id) {
            None => {
                // The same kind of change to the same things, known by another id.
                let was = before.suggestions.iter().enumerate().find(|(i, b)| {
                    !after_ids.contains(&before_ids[*i])
                        && !replaced.contains(i)
                        && b.kind == a.kind
                        && b.targets.iter().any(|t| a.targets.contains(t))
                });
                if let Some((i, _)) = was {
                    replaced.push(i);
                }
                out.push(SuggestionChange::New {
                    id: id.clone(),
                    headline: a.headline(after_scenario),
                    score: a.score,
                    replaces: was.map(|(_, b)| b.headline(before_scenario)),
                    rests_on: was.and_then(|_| chief(a)),
                })
            }
            Some(i) => {
                let b = &before.suggestions[i];
                if (a.score - b.score).abs() >= SMALLEST_CHANGE {
                    let rests_on = match (chief(a), chief(b)) {
                        (Some(now), Some(was)) if now != was => Some((now, was)),
                        _ => None,
                    };
                    out.push(SuggestionChange::Rescored {
                        id: id.clone(),
                        headline: a.headline(after_scenario),
                        from: b.score,
                        to: a.score,
                        rests_on,
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
    horizon_model::sort::sort_by(&mut out, |x, y| {
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
