//! A suggestion's score in words: each agreeing rule's part, what that part is
//! made of, and how agreeing rules combine. The one home of these sentences; the
//! page, the text and Markdown reports and the Word report all print them.

use crate::suggestion::{Reason, ScorePart, Suggestion};

/// "36.4" or "12": a score figure as a report prints it.
pub fn points(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// "1st", "2nd", "3rd", "4th", "11th", "21st".
pub fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "districts naming it (9 of 11 districts): 49.5 of 75 points".
pub fn part_words(p: &ScorePart) -> String {
    match p.of {
        Some(of) => format!("{}: {} of {} points", p.label, points(p.points), points(of)),
        None => format!("{}: {} points", p.label, points(p.points)),
    }
}

/// One rule's part of a score, in one line.
#[derive(Debug, Clone, PartialEq)]
pub struct RulePart {
    /// The rule's title.
    pub rule: String,
    pub score: f64,
    /// What the rule's score is made of, in words (empty if it gave a score alone).
    pub parts: Vec<String>,
}

impl Suggestion {
    /// Each distinct rule's best reason for this change, strongest first.
    fn best_reasons(&self) -> Vec<&Reason> {
        let mut best: Vec<&Reason> = Vec::new();
        for r in &self.reasons {
            if !best.iter().any(|b| b.rule == r.rule) {
                best.push(r);
            }
        }
        best
    }

    /// Every agreeing rule's part of the score, strongest first.
    pub fn score_parts(&self) -> Vec<RulePart> {
        self.best_reasons()
            .into_iter()
            .map(|r| RulePart {
                rule: self
                    .rules
                    .iter()
                    .find(|x| x.id == r.rule)
                    .map(|x| x.title.clone())
                    .filter(|t| !t.is_empty())
                    .unwrap_or_else(|| r.rule.clone()),
                score: r.score,
                parts: r.parts.iter().map(part_words).collect(),
            })
            .collect()
    }

    /// How the score comes about, in sentences a reader can check: one per rule,
    /// then how agreeing rules combine.
    pub fn score_explained(&self) -> Vec<String> {
        let parts = self.score_parts();
        let mut out: Vec<String> = parts
            .iter()
            .map(|p| {
                if p.parts.is_empty() {
                    format!("{}: {}.", p.rule, points(p.score))
                } else {
                    format!("{}: {} ({}).", p.rule, points(p.score), p.parts.join("; "))
                }
            })
            .collect();
        if parts.len() > 1 {
            let scores: Vec<String> = parts.iter().map(|p| points(p.score)).collect();
            out.push(format!(
                "{} rules agree. Each closes its share of the gap to 100 that the others leave, so {} make {}: agreement raises a score, but never past 100.",
                parts.len(),
                horizon_model::join_and(&scores.iter().map(String::as_str).collect::<Vec<_>>()),
                points(self.score)
            ));
        }
        out
    }
}

