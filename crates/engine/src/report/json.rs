//! The JSON report: the evaluation for programs, names resolved so a reader needs no
//! second file, in the stable shape `docs/review-json.md` documents.

use horizon_model::Scenario;
use serde::Serialize;

use crate::evaluate::Evaluation;
use crate::firmness::Firmness;
use crate::suggestion::{Suggestion, Target};

/// Version of the JSON report's shape; bumped on any incompatible change.
pub const REPORT_VERSION: u32 = 4;

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
    /// How the score is made up, in sentences (`Suggestion::score_explained`).
    score_explained: Vec<String>,
    /// Why the proposed plan leaves it out, if it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    set_aside_because: Option<String>,
    /// Suggestions it takes in, not listed on their own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also_covers: Vec<JsonSuggestion<'a>>,
    /// How firm it is, when the caller worked it out (`horizon review --firmness`).
    #[serde(skip_serializing_if = "Option::is_none")]
    firmness: Option<crate::firmness::JsonFirmness<'a>>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    report_version: u32,
    scenario: &'a str,
    plan: &'a str,
    suggestions: Vec<JsonSuggestion<'a>>,
    conflicts: &'a [crate::Conflict],
    #[serde(skip_serializing_if = "crate::Unlisted::is_none")]
    conflicts_unlisted: crate::Unlisted,
    proposed: &'a crate::ProposedPlan,
    trace: &'a [crate::RuleTrace],
    /// Stakeholder events (absent when the scenario has none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    events: Vec<crate::EventSummary>,
}

fn json_suggestion<'a>(
    s: &'a Suggestion,
    sc: &'a Scenario,
    eval: &Evaluation,
    firmness: &'a [Firmness],
) -> JsonSuggestion<'a> {
    JsonSuggestion {
        score_explained: s.score_explained(),
        set_aside_because: eval.why_set_aside(&s.id(), sc),
        also_covers: s.also_covers.iter().map(|c| json_suggestion(c, sc, eval, &[])).collect(),
        firmness: crate::firmness::json(firmness, &s.id()),
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
        evidence: json_evidence(&s.evidence, sc),
        split_into: s
            .split_into
            .iter()
            .map(|p| JsonPart {
                name: p.name(sc),
                themes: &p.themes,
                evidence: json_evidence(&p.evidence, sc),
            })
            .collect(),
        rules: &s.rules,
    }
}

fn json_evidence<'a>(evidence: &'a [crate::Evidence], sc: &Scenario) -> Vec<JsonEvidence<'a>> {
    evidence
        .iter()
        .map(|e| JsonEvidence {
            reference: e,
            description: e.describe(sc),
        })
        .collect()
}

/// The evaluation as pretty JSON.
pub fn json(eval: &Evaluation, sc: &Scenario) -> String {
    json_with(eval, sc, &[])
}

/// The evaluation as pretty JSON, each suggestion with its `firmness` if it is in `firmness`.
pub fn json_with(eval: &Evaluation, sc: &Scenario, firmness: &[Firmness]) -> String {
    let report = JsonReport {
        report_version: REPORT_VERSION,
        scenario: &sc.meta.title,
        plan: &sc.plan().name,
        suggestions: eval
            .suggestions
            .iter()
            .map(|s| json_suggestion(s, sc, eval, firmness))
            .collect(),
        conflicts: &eval.conflicts,
        conflicts_unlisted: eval.conflicts_unlisted,
        proposed: &eval.proposed,
        trace: &eval.trace,
        events: crate::event_words::summaries(sc),
    };
    serde_json::to_string_pretty(&report).expect("a report always serialises")
}
