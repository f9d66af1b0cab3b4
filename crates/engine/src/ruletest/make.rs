//! A rule test made from a review: the scenario as it stands, the rule's settings,
//! and the suggestions the user chose to expect or forbid, so what the rule does
//! now can be kept and checked after every edit.

use std::collections::BTreeMap;

use horizon_model::Scenario;
use serde::{Deserialize, Serialize};

use super::{Expectation, ExpectedDiagnostic, Given, RuleTest};
use crate::evaluate::{Evaluation, Settings};
use crate::suggestion::{SuggestionId, Target};

/// What a test says about one suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestChoice {
    /// The rule must make it.
    Expect,
    /// The rule must not make it.
    Forbid,
}

/// Why a test cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MakeTestError {
    #[error("give the test a name: a sentence saying what it checks")]
    NoName,
    #[error("choose at least one suggestion to expect or forbid")]
    NothingChosen,
    #[error("the suggestion {0} is not in the current review (it may have changed since)")]
    NotInReview(String),
}

/// A test of the rule `rule` holding the review `evaluation` made of `scenario`:
/// the scenario written out whole (so the test needs no other file), the rule's
/// parameters as `settings` has them, the problems the rule reports now, and for each
/// chosen suggestion an expectation matching it by its kind and the targets that
/// make it that change (its id), so a changed score or wording still matches.
pub fn test_from_review(
    name: &str,
    rule: &str,
    scenario: &Scenario,
    settings: &Settings,
    evaluation: &Evaluation,
    chosen: &[(SuggestionId, TestChoice)],
) -> Result<RuleTest, MakeTestError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(MakeTestError::NoName);
    }
    if chosen.is_empty() {
        return Err(MakeTestError::NothingChosen);
    }
    let mut expect = Vec::new();
    let mut forbid = Vec::new();
    for (id, choice) in chosen {
        let sug = evaluation
            .suggestion(id)
            .ok_or_else(|| MakeTestError::NotInReview(id.to_string()))?;
        let identifying = id.targets();
        let (mut focus_areas, mut themes) = (Vec::new(), Vec::new());
        for t in &sug.targets {
            if !identifying.iter().any(|x| x == t.id()) {
                continue;
            }
            match t {
                Target::FocusArea(f) if !focus_areas.contains(f) => focus_areas.push(f.clone()),
                Target::Theme(x) if !themes.contains(x) => themes.push(x.clone()),
                _ => {}
            }
        }
        let e = Expectation {
            kind: sug.kind,
            focus_areas,
            themes,
            proposed_name: None,
            min_score: None,
            max_score: None,
            within_top: None,
            rationale_contains: None,
            split_into: vec![],
        };
        match choice {
            TestChoice::Expect => expect.push(e),
            TestChoice::Forbid => forbid.push(e),
        }
    }
    let mut expect_diagnostics: Vec<ExpectedDiagnostic> = Vec::new();
    for d in evaluation.diagnostics().filter(|d| d.rule == rule) {
        if !expect_diagnostics
            .iter()
            .any(|x| x.rule == d.rule && x.kind == d.kind)
        {
            expect_diagnostics.push(ExpectedDiagnostic {
                rule: d.rule.clone(),
                kind: d.kind,
            });
        }
    }
    let params: BTreeMap<_, _> = settings
        .params
        .get(rule)
        .map(|p| (rule.to_string(), p.clone()))
        .into_iter()
        .collect();
    Ok(RuleTest {
        description: name.to_string(),
        rules: vec![rule.to_string()],
        given: Given {
            example: None,
            // Through text: `to_value` would build a second serialiser into the page.
            scenario: serde_json::to_string(scenario)
                .ok()
                .and_then(|t| serde_json::from_str(&t).ok()),
            set_levels: vec![],
            patch: None,
        },
        params,
        expect,
        forbid,
        expect_diagnostics,
    })
}

impl RuleTest {
    /// The test as a file's text (pretty JSON, as the shipped tests are written).
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
