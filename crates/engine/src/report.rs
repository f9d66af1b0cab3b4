//! An evaluation written out for people (text, Markdown) and programs (JSON).
//!
//! The JSON shape is stable and documented in `docs/review-json.md`: suggestions
//! carry `kind`, `targets`, `proposed_name`, `score`, `rationale`, `evidence` and
//! `rules`, with names resolved so that a reader needs no second file.

use horizon_model::Scenario;
use serde::Serialize;

use crate::compare::{Comparison, SuggestionChange};
use crate::evaluate::{Evaluation, RuleStatus};
use crate::suggestion::{Change, ProposedFocusArea, Removal, Suggestion, Target};

/// Version of the JSON report's shape; bumped on any incompatible change.
pub const REPORT_VERSION: u32 = 2;

#[derive(Serialize)]
struct JsonTarget<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct JsonEvidence<'a> {
    #[serde(flatten)]
    reference: &'a crate::Evidence,
    description: String,
}

/// A split's part: the new focus area's name, its themes (lead first) and evidence.
#[derive(Serialize)]
struct JsonPart<'a> {
    name: String,
    themes: &'a [String],
    evidence: Vec<JsonEvidence<'a>>,
}

#[derive(Serialize)]
struct JsonSuggestion<'a> {
    id: crate::SuggestionId,
    kind: &'static str,
    headline: String,
    targets: Vec<JsonTarget<'a>>,
    proposed_name: Option<&'a str>,
    score: f64,
    rationale: &'a str,
    reasons: &'a [crate::Reason],
    evidence: Vec<JsonEvidence<'a>>,
    /// Only a split that says what its parts are.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    split_into: Vec<JsonPart<'a>>,
    rules: &'a [crate::RuleRef],
}

#[derive(Serialize)]
struct JsonReport<'a> {
    report_version: u32,
    scenario: &'a str,
    plan: &'a str,
    suggestions: Vec<JsonSuggestion<'a>>,
    conflicts: &'a [crate::Conflict],
    proposed: &'a crate::ProposedPlan,
    trace: &'a [crate::RuleTrace],
}

fn json_suggestion<'a>(s: &'a Suggestion, sc: &'a Scenario) -> JsonSuggestion<'a> {
    JsonSuggestion {
        id: s.id(),
        kind: s.kind.as_str(),
        headline: s.headline(sc),
        targets: s
            .targets
            .iter()
            .map(|t| JsonTarget {
                kind: match t {
                    Target::FocusArea(_) => "focus_area",
                    Target::Theme(_) => "theme",
                },
                id: t.id(),
                name: t.name(sc),
            })
            .collect(),
        proposed_name: s.proposed_name.as_deref(),
        score: s.score,
        rationale: &s.rationale,
        reasons: &s.reasons,
        evidence: s
            .evidence
            .iter()
            .map(|e| JsonEvidence {
                reference: e,
                description: e.describe(sc),
            })
            .collect(),
        split_into: s
            .split_into
            .iter()
            .map(|p| JsonPart {
                name: p.name(sc),
                themes: &p.themes,
                evidence: p
                    .evidence
                    .iter()
                    .map(|e| JsonEvidence {
                        reference: e,
                        description: e.describe(sc),
                    })
                    .collect(),
            })
            .collect(),
        rules: &s.rules,
    }
}

/// The evaluation as pretty JSON.
pub fn json(eval: &Evaluation, sc: &Scenario) -> String {
    let report = JsonReport {
        report_version: REPORT_VERSION,
        scenario: &sc.meta.title,
        plan: &sc.plan().name,
        suggestions: eval
            .suggestions
            .iter()
            .map(|s| json_suggestion(s, sc))
            .collect(),
        conflicts: &eval.conflicts,
        proposed: &eval.proposed,
        trace: &eval.trace,
    };
    serde_json::to_string_pretty(&report).expect("a report always serialises")
}

fn change_words(c: Change) -> &'static str {
    match c {
        Change::Unchanged => "unchanged (no suggestion)",
        Change::Retained => "retained",
        Change::Renamed => "renamed",
        Change::Added => "new",
        Change::Consolidated => "consolidated",
        Change::Split => "split",
    }
}

/// "retained", or "retained, taking in Substance Misuse" when themes were folded in.
fn change_phrase(f: &ProposedFocusArea, sc: &Scenario) -> String {
    let word = change_words(f.change);
    if f.taken_in.is_empty() {
        word.to_string()
    } else {
        let names: Vec<&str> = f
            .taken_in
            .iter()
            .map(|t| sc.theme(t).map_or(t.as_str(), |x| &x.name))
            .collect();
        format!("{word}, taking in {}", horizon_model::join_and(&names))
    }
}

fn cross_cutting_words(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join("; ")
    }
}

fn theme_names(themes: &[String], sc: &Scenario) -> String {
    themes
        .iter()
        .map(|t| sc.theme(t).map_or(t.as_str(), |x| &x.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A Markdown section a council report could paste in.
pub fn markdown(eval: &Evaluation, sc: &Scenario) -> String {
    let mut out = format!("## Suggested changes to {}\n\n", sc.plan().name);
    out += &format!(
        "_{}: {} suggestions from {} rules._\n\n",
        sc.meta.title,
        eval.suggestions.len(),
        eval.trace.len()
    );
    for (i, s) in eval.suggestions.iter().enumerate() {
        out += &format!(
            "### {}. {} (score {:.1})\n\n{}\n\n",
            i + 1,
            s.headline(sc),
            s.score,
            s.rationale
        );
        for r in s.reasons.iter().skip(1) {
            out += &format!("- Also ({}): {}\n", r.rule, r.text);
        }
        if s.reasons.len() > 1 {
            out += "\n";
        }
        if !s.evidence.is_empty() {
            out += "Evidence:\n\n";
            for e in &s.evidence {
                out += &format!("- {}\n", e.describe(sc));
            }
            out += "\n";
        }
        let rules: Vec<String> = s
            .rules
            .iter()
            .map(|r| format!("{} ({})", r.id, r.version))
            .collect();
        out += &format!("_Rules: {}._\n\n", rules.join(", "));
    }
    if !eval.conflicts.is_empty() {
        out += "### Conflicts\n\n";
        for c in &eval.conflicts {
            let headline = |id| eval.suggestion(id).map(|x| x.headline(sc));
            out += &format!(
                "- {} / {}: {}\n",
                headline(&c.a).unwrap_or_default(),
                headline(&c.b).unwrap_or_default(),
                c.reason
            );
        }
        out += "\n";
    }
    out += "### Proposed focus areas\n\n| Focus area | Change | Themes |\n|---|---|---|\n";
    for f in &eval.proposed.focus_areas {
        out += &format!(
            "| {} | {} | {} |\n",
            f.name,
            change_phrase(f, sc),
            theme_names(&f.themes, sc)
        );
    }
    for r in &eval.proposed.removed {
        let why = match r.why {
            Removal::Retired => "retired",
            Removal::Demoted => "demoted to a cross-cutting theme",
        };
        out += &format!("| ~~{}~~ | {} | |\n", r.name, why);
    }
    out += "\nCross-cutting themes: ";
    out += &cross_cutting_words(&eval.proposed.cross_cutting_themes);
    out += "\n";
    out
}

/// Plain text for a terminal.
pub fn text(eval: &Evaluation, sc: &Scenario) -> String {
    let mut out = format!(
        "{}\nPlan under review: {}\n\n",
        sc.meta.title,
        sc.plan().name
    );
    out += &format!(
        "Suggested changes ({}), highest score first:\n\n",
        eval.suggestions.len()
    );
    for (i, s) in eval.suggestions.iter().enumerate() {
        out += &format!("{:>2}. [{:>5.1}] {}\n", i + 1, s.score, s.headline(sc));
        out += &wrap(&s.rationale, "      ");
        let others = s.reasons.len().saturating_sub(1);
        if others > 0 {
            out += &format!(
                "      (+ {others} more reason(s) from {})\n",
                s.rules
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        out += &format!(
            "      Evidence: {} item(s); rules: {}\n\n",
            s.evidence.len(),
            s.rules
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !eval.conflicts.is_empty() {
        out += "Conflicts:\n";
        for c in &eval.conflicts {
            let n = |id| eval.position(id).map_or(0, |i| i + 1);
            out += &format!("  - #{} vs #{}: {}\n", n(&c.a), n(&c.b), c.reason);
        }
        out += "\n";
    }
    out += "Proposed focus areas:\n";
    for f in &eval.proposed.focus_areas {
        out += &format!("  - {} ({})\n", f.name, change_phrase(f, sc));
    }
    for r in &eval.proposed.removed {
        out += &format!("  - {} (removed: {:?})\n", r.name, r.why);
    }
    out += &format!(
        "Cross-cutting themes: {}\n\n",
        cross_cutting_words(&eval.proposed.cross_cutting_themes)
    );
    out += "Rules:\n";
    for t in &eval.trace {
        let status = match t.status {
            RuleStatus::Fired => format!("fired ({} suggestion(s))", t.suggestions),
            RuleStatus::DidNotFire => "did not fire".to_string(),
            RuleStatus::Failed => "FAILED".to_string(),
            RuleStatus::Disabled => "switched off".to_string(),
        };
        out += &format!("  - {}: {status}, {} operations\n", t.rule, t.operations);
        for d in &t.diagnostics {
            out += &format!("      {d}\n");
        }
        for p in &t.printed {
            out += &format!("      printed: {p}\n");
        }
    }
    out
}

fn wrap(text: &str, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() + 1 > 90 {
            out += &format!("{indent}{line}\n");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out += &format!("{indent}{line}\n");
    }
    out
}

// ---------------------------------------------------------------- comparisons

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

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A comparison as a Markdown section a council report could paste in.
pub fn comparison_markdown(c: &Comparison, before: &Side, after: &Side) -> String {
    let mut out = format!(
        "## What changes from {} to {}\n\n_Before: {}. After: {}._\n\n### What differs in the inputs\n\n",
        before.label, after.label, before.scenario.meta.title, after.scenario.meta.title
    );
    if c.differences.is_empty() {
        out += "Nothing: the inputs are the same.\n\n";
    }
    for (section, lines) in grouped(&c.differences) {
        out += &format!("**{}**\n\n", section.label());
        for l in lines {
            out += &format!("- {l}\n");
        }
        out += "\n";
    }
    out += "### How the suggestions change\n\n";
    if c.suggestions.is_empty() {
        out += &same_words(c.unchanged);
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
            out += &format!("| {} | {change} | {from} | {to} |\n", cell(s.headline()));
        }
    }
    let rest = unchanged_words(c.unchanged);
    if !rest.is_empty() {
        out += &format!("\n{rest}\n");
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
