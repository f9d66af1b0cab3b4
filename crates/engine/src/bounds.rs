//! Bounds on what one rule's output may cost outside the sandbox: how many
//! suggestions it keeps, how long its texts are, how much evidence each suggestion
//! keeps and how many diagnostics it gets (the limits are in [`Limits`]). The
//! sandbox bounds what a rule does; these bound what the engine then holds, merges
//! and prints. Past a bound the rule keeps what came first and gets one diagnostic
//! saying what was cut (evidence cut is [`DiagnosticKind::BadEvidence`], anything
//! else [`DiagnosticKind::BadSuggestion`]); the other rules are untouched.
//! What a rule emits is cut as `suggest` receives it (`api::RunState::keep_suggestion`),
//! so memory is bounded as well as the report.

use std::cell::Cell;

use rhai::{Array, Dynamic, Map};

use crate::diagnostic::{thousands, Diagnostic, DiagnosticKind};
use crate::evaluate::Limits;

/// `text` cut to at most `max` characters (at a character boundary), with "…" as
/// the last of them when anything was cut.
pub(crate) fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((end, _)) if text[end..].chars().nth(1).is_some() => {
            format!("{}…", &text[..end])
        }
        _ => text.to_string(),
    }
}

/// "1 suggestion", "2,000 suggestions".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!(
        "{} {}",
        thousands(n as u64),
        if n == 1 { one } else { many }
    )
}

/// What was cut from one rule's output while it ran, kept in its run state.
#[derive(Default)]
pub(crate) struct Cuts {
    /// Every `suggest` call, kept or not.
    pub suggest_calls: Cell<usize>,
    /// Suggestions whose rationale or proposed name was cut.
    pub texts_cut: Cell<usize>,
    /// Suggestions whose evidence was cut, and the most evidence one of them cited.
    pub evidence_cut: Cell<usize>,
    pub evidence_most: Cell<usize>,
    /// Every `not_suggested` call, kept or not.
    pub near_miss_calls: Cell<usize>,
}

impl Cuts {
    pub fn reset(&self) {
        for c in [
            &self.suggest_calls,
            &self.texts_cut,
            &self.evidence_cut,
            &self.evidence_most,
            &self.near_miss_calls,
        ] {
            c.set(0);
        }
    }

    /// Cuts one `suggest` map to the bounds: its text fields to `max_text_chars`
    /// (every other text too, so no field can hold megabytes), its evidence to the
    /// first `max_evidence` items, read as the engine reads them (a list of items or
    /// of lists of items).
    pub fn trim(&self, m: &mut Map, limits: &Limits) {
        let mut text_cut = false;
        for (key, v) in m.iter_mut() {
            // Only text of more bytes than the limit's characters can be too long, and
            // cutting reads no further than the limit: a megabyte costs no more than a line.
            let max = limits.max_text_chars;
            let short = v.read_lock::<rhai::ImmutableString>().and_then(|t| {
                if t.len() <= max {
                    return None;
                }
                let c = cut(&t, max);
                (c.as_str() != t.as_str()).then_some(c)
            });
            if let Some(short) = short {
                *v = Dynamic::from(short);
                text_cut |= key == "rationale" || key == "proposed_name";
            }
        }
        if text_cut {
            self.texts_cut.set(self.texts_cut.get() + 1);
        }
        if let Some(ev) = m.get_mut("evidence") {
            if let Some(count) = trim_evidence(ev, limits.max_evidence) {
                self.evidence_cut.set(self.evidence_cut.get() + 1);
                self.evidence_most.set(self.evidence_most.get().max(count));
            }
        }
    }

    /// One diagnostic per bound this rule's output went past, in plain words.
    pub fn diagnostics(
        &self,
        rule: &str,
        limits: &Limits,
        near_misses_kept: usize,
    ) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut say = |kind: DiagnosticKind, message: String| {
            out.push(Diagnostic {
                rule: rule.to_string(),
                kind,
                line: None,
                column: None,
                message,
            })
        };
        let calls = self.suggest_calls.get();
        if calls > limits.max_suggestions {
            say(
                DiagnosticKind::BadSuggestion,
                format!(
                    "This rule made {}; only the first {} are kept.",
                    counted(calls, "suggestion", "suggestions"),
                    thousands(limits.max_suggestions as u64)
                ),
            );
        }
        let texts = self.texts_cut.get();
        if texts > 0 {
            say(DiagnosticKind::BadSuggestion, format!(
                "{} a rationale or proposed name longer than {} characters; each was cut to that length.",
                counted(texts, "suggestion had", "suggestions had"),
                thousands(limits.max_text_chars as u64)
            ));
        }
        let cut = self.evidence_cut.get();
        if cut > 0 {
            let most = thousands(self.evidence_most.get() as u64);
            let keep = thousands(limits.max_evidence as u64);
            say(
                DiagnosticKind::BadEvidence,
                if cut == 1 {
                    format!(
                        "A suggestion cited {most} evidence items; only the first {keep} are kept."
                    )
                } else {
                    format!(
                    "{} cited more than {keep} evidence items (the most, {most}); only the first {keep} of each are kept.",
                    counted(cut, "suggestion", "suggestions")
                )
                },
            );
        }
        let near = self.near_miss_calls.get();
        if near > near_misses_kept {
            say(
                DiagnosticKind::BadSuggestion,
                format!(
                    "This rule recorded {} with not_suggested(); only the first {} are kept.",
                    counted(near, "change not suggested", "changes not suggested"),
                    thousands(near_misses_kept as u64)
                ),
            );
        }
        out
    }
}

/// Cuts an evidence value to its first `max` items, flattening one level as
/// `suggest` reads it; the number of items it had, if it had more.
fn trim_evidence(ev: &mut Dynamic, max: usize) -> Option<usize> {
    let count = match ev.as_array_ref() {
        Ok(list) => list
            .iter()
            .map(|d| d.as_array_ref().map_or(1, |inner| inner.len()))
            .sum::<usize>(),
        Err(_) => return None,
    };
    if count <= max {
        return None;
    }
    let list = std::mem::take(ev).into_array().unwrap_or_default();
    let mut kept: Array = Vec::with_capacity(max);
    'items: for d in list {
        let items = if d.is_array() {
            d.into_array().unwrap_or_default()
        } else {
            vec![d]
        };
        for item in items {
            if kept.len() == max {
                break 'items;
            }
            kept.push(item);
        }
    }
    *ev = Dynamic::from_array(kept);
    Some(count)
}

/// A rule's diagnostics as they are collected: the first `max_diagnostics` are kept
/// (each message cut to `max_text_chars`), the rest only counted, so a rule citing
/// 200,000 bogus items costs 20 diagnostics, not 200,000.
pub(crate) struct Notes {
    kept: Vec<Diagnostic>,
    more: usize,
    max: usize,
    max_chars: usize,
    /// The most evidence items read for one suggestion (or one split part).
    pub max_evidence: usize,
}

impl Notes {
    pub fn new(limits: &Limits) -> Notes {
        Notes {
            kept: Vec::new(),
            more: 0,
            max: limits.max_diagnostics,
            max_chars: limits.max_text_chars,
            max_evidence: limits.max_evidence,
        }
    }

    pub fn push(&mut self, mut d: Diagnostic) {
        if self.kept.len() >= self.max {
            self.more += 1;
            return;
        }
        if d.message.len() > self.max_chars {
            d.message = cut(&d.message, self.max_chars);
        }
        self.kept.push(d);
    }

    /// The diagnostics kept, then (past the bound) one saying how many more there were:
    /// "and 9,990 more problems like these", then `last` (what stopped the rule, if
    /// anything did: always kept, its message cut like the others).
    pub fn finish(self, rule: &str, last: Option<Diagnostic>) -> Vec<Diagnostic> {
        let max_chars = self.max_chars;
        let mut out = self.kept;
        if self.more > 0 {
            let kind = out.last().map_or(DiagnosticKind::BadSuggestion, |d| d.kind);
            out.push(Diagnostic {
                rule: rule.to_string(),
                kind,
                line: None,
                column: None,
                message: format!(
                    "and {} like these",
                    counted(self.more, "more problem", "more problems")
                ),
            });
        }
        if let Some(mut d) = last {
            if d.message.len() > max_chars {
                d.message = cut(&d.message, max_chars);
            }
            out.push(d);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cut_at_a_character_boundary_with_an_ellipsis() {
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
        assert_eq!(cut("ééééé", 4), "ééé…");
        assert_eq!(cut("ééééé", 4).chars().count(), 4);
        assert_eq!(cut("", 3), "");
    }
}
