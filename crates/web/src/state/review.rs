//! The review: the latest evaluation, what it was run on, and how the suggestions
//! moved since the one before.

use horizon_engine::{Evaluation, Kind, SuggestionId};
use horizon_model::Scenario;

use crate::shared::Shared;

use super::AppState;

/// One suggestion as a line of the summary that tracks how suggestions move.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionLine {
    /// The suggestion's stable identity: movements are matched by it, not by wording.
    pub id: SuggestionId,
    pub kind: Kind,
    pub headline: String,
    pub score: f64,
}

/// How one suggestion moved between two evaluations.
#[derive(Debug, Clone, PartialEq)]
pub enum Movement {
    New {
        headline: String,
        score: f64,
    },
    Gone {
        headline: String,
        score: f64,
    },
    Rescored {
        headline: String,
        from: f64,
        to: f64,
    },
}

impl Movement {
    pub fn describe(&self) -> String {
        match self {
            Movement::New { headline, score } => format!("new: {headline} ({score:.1})"),
            Movement::Gone { headline, score } => {
                format!("no longer suggested: {headline} (was {score:.1})")
            }
            Movement::Rescored { headline, from, to } => format!("{headline} {from:.1} → {to:.1}"),
        }
    }
}

/// One evaluation and what it was run on, so views show names from the same
/// scenario the engine saw even while a newer edit is waiting to be evaluated.
#[derive(Debug)]
pub struct Evaluated {
    pub revision: u64,
    pub scenario: Shared<Scenario>,
    pub evaluation: Evaluation,
    pub millis: f64,
    pub lines: Vec<SuggestionLine>,
}

/// The suggestions as headline and score, in the engine's order.
pub fn summarise(e: &Evaluation, s: &Scenario) -> Vec<SuggestionLine> {
    e.suggestions
        .iter()
        .map(|x| SuggestionLine {
            id: x.id(),
            kind: x.kind,
            headline: x.headline(s),
            score: x.score,
        })
        .collect()
}

/// What changed between two summaries: new and gone suggestions, and rescored ones,
/// matched by stable identity (a renamed focus area's suggestion is the same one).
pub fn movements(before: &[SuggestionLine], after: &[SuggestionLine]) -> Vec<Movement> {
    let mut out = Vec::new();
    for a in after {
        match before.iter().find(|b| b.id == a.id) {
            None => out.push(Movement::New {
                headline: a.headline.clone(),
                score: a.score,
            }),
            Some(b) if (b.score - a.score).abs() >= 0.05 => out.push(Movement::Rescored {
                headline: a.headline.clone(),
                from: b.score,
                to: a.score,
            }),
            Some(_) => {}
        }
    }
    for b in before {
        if !after.iter().any(|a| a.id == b.id) {
            out.push(Movement::Gone {
                headline: b.headline.clone(),
                score: b.score,
            });
        }
    }
    out
}

/// The movements as one sentence for the status line (at most three, then a count).
pub fn describe_movements(m: &[Movement]) -> String {
    if m.is_empty() {
        return "The suggestions did not change.".into();
    }
    let shown: Vec<String> = m.iter().take(3).map(Movement::describe).collect();
    let more = if m.len() > 3 {
        format!(", and {} more", m.len() - 3)
    } else {
        String::new()
    };
    format!("Suggestions changed: {}{more}.", shown.join("; "))
}

impl AppState {
    /// Records an evaluation the edge ran, and says how the suggestions moved.
    pub(super) fn evaluated(
        &mut self,
        revision: u64,
        scenario: Shared<Scenario>,
        mut evaluation: Evaluation,
        millis: f64,
    ) {
        if self
            .review
            .running
            .as_ref()
            .is_some_and(|r| r.revision <= revision)
        {
            self.review.running = None;
        }
        self.note_stopped(&mut evaluation);
        let review = &mut self.review;
        if review
            .evaluated
            .as_ref()
            .is_some_and(|e| e.revision > revision)
        {
            return; // an older result arriving late
        }
        let lines = summarise(&evaluation, &scenario);
        let comparable = review
            .evaluated
            .as_ref()
            .filter(|previous| previous.revision >= review.baseline || revision < review.baseline);
        let counted = format!("{}.", horizon_engine::report::summary_line(&evaluation));
        match comparable {
            Some(previous) => {
                review.movements = movements(&previous.lines, &lines);
                review.opened = None;
                if let Some(edit) = review.last_edit.take() {
                    self.session.status =
                        format!("{edit} {}", describe_movements(&review.movements));
                }
            }
            None => {
                review.movements = Vec::new();
                self.session.status = match review.last_edit.take() {
                    Some(edit) => format!("{edit} {counted}"),
                    None => counted,
                };
            }
        }
        review.evaluated = Some(Shared::new(Evaluated {
            revision,
            scenario,
            evaluation,
            millis,
            lines,
        }));
    }
}
