//! Comparisons of two evaluations as text, Markdown and JSON (`docs/compare.md`).

use horizon_model::Scenario;
use serde::Serialize;

use super::md::md_text;

use crate::compare::{Comparison, SuggestionChange};
use crate::evaluate::Evaluation;

/// Version of the comparison JSON's shape (`docs/compare.md`).
pub const COMPARE_VERSION: u32 = 1;

/// One side of a comparison: what the caller calls it (a file or snapshot name),
/// its scenario and its evaluation.
pub struct Side<'a> {
    pub label: &'a str,
    pub scenario: &'a Scenario,
    pub evaluation: &'a Evaluation,
}

fn grouped(differences: &[horizon_model::Difference]) -> Vec<(horizon_model::Section, Vec<&str>)> {
    let mut out: Vec<(horizon_model::Section, Vec<&str>)> = Vec::new();
    for d in differences {
        match out.last_mut() {
            Some((s, v)) if *s == d.section => v.push(&d.description),
            _ => out.push((d.section, vec![&d.description])),
        }
    }
    out
}

fn same_words(n: usize) -> String {
    match n {
        0 => "Neither has any suggestions.\n".to_string(),
        1 => "The suggestions are the same: the one suggestion scores the same.\n".to_string(),
        n => format!("The suggestions are the same: all {n} score the same.\n"),
    }
}

fn unchanged_words(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "The other suggestion is unchanged.".to_string(),
        n => format!("The other {n} suggestions are unchanged."),
    }
}

/// A comparison as plain text for a terminal: input differences, then
/// suggestion changes, largest movement first.
pub fn comparison_text(c: &Comparison, before: &Side, after: &Side) -> String {
    let mut out = format!(
        "Comparing {} with {}\n  before: {}\n  after:  {}\n\n",
        before.label, after.label, before.scenario.meta.title, after.scenario.meta.title
    );
    if c.differences.is_empty() {
        out += "The inputs are the same.\n\n";
    } else {
        out += &format!("What differs in the inputs ({}):\n", c.differences.len());
        for (section, lines) in grouped(&c.differences) {
            out += &format!("  {}\n", section.label());
            for l in lines {
                out += &format!("    - {l}\n");
            }
        }
        out += "\n";
    }
    if c.suggestions.is_empty() {
        out += &same_words(c.unchanged);
        return out;
    } else {
        out += &format!(
            "How the suggestions change ({}), largest change first:\n",
            c.suggestions.len()
        );
        for s in &c.suggestions {
            out += &format!("  - {}\n", s.describe());
        }
    }
    let rest = unchanged_words(c.unchanged);
    if !rest.is_empty() {
        out += &format!("{rest}\n");
    }
    out
}

/// A comparison as a Markdown section a council report could paste in.
pub fn comparison_markdown(c: &Comparison, before: &Side, after: &Side) -> String {
    let mut out = format!(
        "## What changes from {} to {}\n\n_Before: {}. After: {}._\n\n### What differs in the inputs\n\n",
        md_text(before.label),
        md_text(after.label),
        md_text(&before.scenario.meta.title),
        md_text(&after.scenario.meta.title)
    );
    if c.differences.is_empty() {
        out += "Nothing: the inputs are the same.\n\n";
    }
    for (section, lines) in grouped(&c.differences) {
        out += &format!("**{}**\n\n", md_text(section.label()));
        for l in lines {
            out += &format!("- {}\n", md_text(l));
        }
        out += "\n";
    }
    out += "### How the suggestions change\n\n";
    if c.suggestions.is_empty() {
        out += &md_text(&same_words(c.unchanged));
        return out;
    } else {
        out += "| Suggestion | Change | Before | After |\n|---|---|---|---|\n";
        for s in &c.suggestions {
            let (change, from, to) = match s {
                SuggestionChange::New { score, .. } => {
                    ("new", "—".to_string(), format!("{score:.1}"))
                }
                SuggestionChange::Gone { score, .. } => (
                    "no longer suggested",
                    format!("{score:.1}"),
                    "—".to_string(),
                ),
                SuggestionChange::Rescored { from, to, .. } => (
                    if to > from { "rises" } else { "falls" },
                    format!("{from:.1}"),
                    format!("{to:.1}"),
                ),
            };
            out += &format!("| {} | {change} | {from} | {to} |\n", md_text(s.headline()));
        }
    }
    let rest = unchanged_words(c.unchanged);
    if !rest.is_empty() {
        out += &format!("\n{}\n", md_text(&rest));
    }
    out
}

#[derive(Serialize)]
struct JsonSide<'a> {
    label: &'a str,
    scenario: &'a str,
    suggestions: usize,
}

#[derive(Serialize)]
struct JsonDifference<'a> {
    section: horizon_model::Section,
    section_label: &'static str,
    description: &'a str,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    #[serde(flatten)]
    change: &'a SuggestionChange,
    description: String,
}

#[derive(Serialize)]
struct JsonComparison<'a> {
    compare_version: u32,
    before: JsonSide<'a>,
    after: JsonSide<'a>,
    differences: Vec<JsonDifference<'a>>,
    suggestions: Vec<JsonChange<'a>>,
    unchanged: usize,
}

/// A comparison as pretty JSON (`docs/compare.md`).
pub fn comparison_json(c: &Comparison, before: &Side, after: &Side) -> String {
    fn side<'a>(s: &Side<'a>) -> JsonSide<'a> {
        JsonSide {
            label: s.label,
            scenario: &s.scenario.meta.title,
            suggestions: s.evaluation.suggestions.len(),
        }
    }
    let report = JsonComparison {
        compare_version: COMPARE_VERSION,
        before: side(before),
        after: side(after),
        differences: c
            .differences
            .iter()
            .map(|d| JsonDifference {
                section: d.section,
                section_label: d.section.label(),
                description: &d.description,
            })
            .collect(),
        suggestions: c
            .suggestions
            .iter()
            .map(|x| JsonChange {
                change: x,
                description: x.describe(),
            })
            .collect(),
        unchanged: c.unchanged,
    };
    serde_json::to_string_pretty(&report).expect("a comparison always serialises")
}
