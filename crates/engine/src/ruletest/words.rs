//! A rule test's expectations and failures in plain words: themes, focus areas and
//! rules by name where the scenario and the pack have one.

use horizon_model::Scenario;

use super::{Expectation, ExpectedDiagnostic};
use crate::evaluate::RuleSource;
use crate::suggestion::join_and;
use crate::Diagnostic;

fn theme_names(ids: &[String], s: &Scenario) -> String {
    let v: Vec<&str> = ids
        .iter()
        .map(|t| s.theme(t).map_or(t.as_str(), |x| &x.name))
        .collect();
    join_and(&v)
}

/// "Retain Domestic Abuse, score at least 60"; "any Watch suggestion".
pub(super) fn expectation(e: &Expectation, s: &Scenario) -> String {
    let mut out = e.kind.label().to_string();
    let areas: Vec<&str> = e
        .focus_areas
        .iter()
        .map(|f| s.focus_area(f).map_or(f.as_str(), |x| &x.name))
        .collect();
    if !areas.is_empty() {
        out += &format!(" {}", join_and(&areas));
    }
    if !e.themes.is_empty() {
        let names = theme_names(&e.themes, s);
        out += &if areas.is_empty() {
            format!(" {names}")
        } else {
            format!(" with {names}")
        };
    }
    if areas.is_empty() && e.themes.is_empty() {
        out = format!("any {} suggestion", e.kind.label());
    }
    let mut more = Vec::new();
    if let Some(n) = &e.proposed_name {
        more.push(format!("named like “{n}”"));
    }
    if let Some(m) = e.min_score {
        more.push(format!("score at least {m}"));
    }
    if let Some(m) = e.max_score {
        more.push(format!("score at most {m}"));
    }
    if let Some(n) = e.within_top {
        more.push(format!("among the first {n}"));
    }
    if let Some(t) = &e.rationale_contains {
        more.push(format!("its reason mentioning “{t}”"));
    }
    for p in &e.split_into {
        let mut w = String::from("a part");
        if let Some(n) = &p.name {
            w += &format!(" named like “{n}”");
        }
        if !p.themes.is_empty() {
            w += &format!(" holding {}", theme_names(&p.themes, s));
        }
        more.push(w);
    }
    if !more.is_empty() {
        out += &format!(", {}", more.join(", "));
    }
    out
}

fn rule_name(id: &str, pack: &[RuleSource]) -> String {
    match pack.iter().find(|r| r.id() == id) {
        Some(RuleSource::Parsed(r)) => format!("“{}”", r.title),
        _ => format!("“{id}”"),
    }
}

fn place(d: &Diagnostic) -> String {
    match (d.line, d.column) {
        (Some(l), Some(c)) => format!("line {l}, column {c}: "),
        (Some(l), None) => format!("line {l}: "),
        _ => String::new(),
    }
}

/// "The rule “…” reported a problem: line 3, column 1: …".
pub(super) fn unexpected_diagnostic(d: &Diagnostic, pack: &[RuleSource]) -> String {
    format!(
        "The rule {} reported a problem, and the test expects none: {}{}.",
        rule_name(&d.rule, pack),
        place(d),
        d.message.trim_end_matches('.')
    )
}

fn kind_words(k: crate::DiagnosticKind) -> String {
    serde_json::to_string(&k)
        .map(|s| s.trim_matches('"').replace('_', " "))
        .unwrap_or_default()
}

/// "The rule “…” should report a problem (operations limit), but it reported none."
pub(super) fn missing_diagnostic(
    want: &ExpectedDiagnostic,
    got: &[&Diagnostic],
    pack: &[RuleSource],
) -> String {
    let got: Vec<String> = got
        .iter()
        .map(|d| {
            format!(
                "{} ({})",
                d.message.trim_end_matches('.'),
                kind_words(d.kind)
            )
        })
        .collect();
    format!(
        "The rule {} should report a problem ({}), but {}.",
        rule_name(&want.rule, pack),
        kind_words(want.kind),
        if got.is_empty() {
            "the rules reported none".to_string()
        } else {
            format!("the rules reported: {}", got.join("; "))
        }
    )
}
