//! A stakeholder event's effect on the suggestions, in words: the record of where
//! the suggestions stood when a round was revealed ([`standings`]) and how they
//! moved ([`movement`], "Watch Online Safety: 37 → 62, now 3rd"). The page's reveal
//! screen, the event record and every report read these, so they never disagree.

use horizon_model::{Scenario, Standing};

use crate::evaluate::Evaluation;
use crate::explain::{ordinal, points};

/// The listed suggestions as the event record keeps them, highest score first.
pub fn standings(e: &Evaluation, s: &Scenario) -> Vec<Standing> {
    let mut out: Vec<Standing> = e
        .suggestions
        .iter()
        .map(|x| Standing {
            suggestion: x.id().to_string(),
            headline: x.headline(s),
            score: x.score,
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

/// One suggestion's move between two standings.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub suggestion: String,
    /// Its headline after (or before, for one that went).
    pub headline: String,
    /// Score and place (1 is the highest) before and after; `None` when not listed.
    pub before: Option<(f64, usize)>,
    pub after: Option<(f64, usize)>,
}

impl Moved {
    /// How far the score moved, counting one that came or went from or to 0.
    pub fn by(&self) -> f64 {
        self.after.map_or(0.0, |a| a.0) - self.before.map_or(0.0, |b| b.0)
    }

    /// "Watch Online Safety: 37 → 62, now 3rd"; "Add Prevent: new, 82.5, 2nd";
    /// "Retain Road Safety: 30 → no longer suggested".
    pub fn sentence(&self) -> String {
        let h = &self.headline;
        match (self.before, self.after) {
            (Some((b, rb)), Some((a, ra))) => {
                let place = if ra == rb {
                    format!("still {}", ordinal(ra))
                } else {
                    format!("now {}", ordinal(ra))
                };
                format!("{h}: {} → {}, {place}", points(b), points(a))
            }
            (None, Some((a, ra))) => format!("{h}: new, {}, {}", points(a), ordinal(ra)),
            (Some((b, _)), None) => format!("{h}: {} → no longer suggested", points(b)),
            (None, None) => h.clone(),
        }
    }
}

/// Every suggestion whose score or place changed, the largest movement first
/// (ties in the order of the standing after).
pub fn movement(before: &[Standing], after: &[Standing]) -> Vec<Moved> {
    let place = |list: &[Standing], id: &str| {
        list.iter()
            .position(|x| x.suggestion == id)
            .map(|i| (list[i].score, i + 1))
    };
    let mut out: Vec<Moved> = after
        .iter()
        .map(|a| (a, &a.suggestion))
        .chain(
            before
                .iter()
                .filter(|b| !after.iter().any(|a| a.suggestion == b.suggestion))
                .map(|b| (b, &b.suggestion)),
        )
        .map(|(x, id)| Moved {
            suggestion: id.clone(),
            headline: x.headline.clone(),
            before: place(before, id),
            after: place(after, id),
        })
        .filter(|m| match (m.before, m.after) {
            (Some((b, rb)), Some((a, ra))) => (a - b).abs() >= 0.05 || ra != rb,
            _ => true,
        })
        .collect();
    out.sort_by(|a, b| b.by().abs().total_cmp(&a.by().abs()));
    out
}
