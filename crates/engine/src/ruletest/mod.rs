//! Rule tests: a given/expect format that says, for a small scenario or a patch
//! of an example, which suggestions a rule must and must not make.
//!
//! ```json
//! {
//!   "description": "Kent 2016: the four well-supported priorities are retained",
//!   "rules": ["retain-supported-focus-areas"],
//!   "given": { "example": "kent-2016",
//!              "set_levels": [{ "district": "dover", "theme": "road-safety", "level": null }],
//!              "patch": [{ "op": "remove", "path": "/legislation/0" }] },
//!   "params": { "retain-supported-focus-areas": { "min_support": 0.6 } },
//!   "expect": [{ "kind": "retain", "focus_areas": ["domestic-abuse"], "min_score": 50 }],
//!   "forbid": [{ "kind": "retain", "focus_areas": ["violent-crime"] }]
//! }
//! ```
//! The full format is documented in `rules/AUTHORING.md`.

use std::collections::BTreeMap;

use horizon_model::{Level, Scenario};
use serde::{Deserialize, Serialize};

use crate::evaluate::{evaluate, Evaluation, Limits, RuleSource, Settings};
use crate::kind::Kind;
use crate::pack::RuleFile;
use crate::rule::ParamValue;
use crate::suggestion::{Suggestion, Target};
use crate::DiagnosticKind;

mod make;
mod words;

pub use make::{test_from_review, MakeTestError, TestChoice};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTest {
    pub description: String,
    /// The rules under test. Every rule in the pack must be named by at least one test.
    pub rules: Vec<String>,
    pub given: Given,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, BTreeMap<String, ParamValue>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expect: Vec<Expectation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbid: Vec<Expectation>,
    /// Diagnostics the rules must produce; when absent, they must produce none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub expect_diagnostics: Vec<ExpectedDiagnostic>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Given {
    /// An embedded example to start from (`kent-2016`)…
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// …or a whole scenario written out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<serde_json::Value>,
    /// Matrix edits applied first: `level` is main, subsidiary, issue or null.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_levels: Vec<SetLevel>,
    /// Then a JSON Patch (RFC 6902) for anything else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patch: Option<json_patch::Patch>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SetLevel {
    pub district: String,
    pub theme: String,
    pub level: Option<Level>,
}

/// Matches a suggestion: every field given must hold.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    pub kind: Kind,
    /// Focus areas that must all be among its targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus_areas: Vec<String>,
    /// Themes that must all be among its targets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Text the proposed name must contain (any case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_score: Option<f64>,
    /// It must rank among the first N suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_top: Option<usize>,
    /// Text the rationale must contain (any case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale_contains: Option<String>,
    /// For a split: parts it must make, each matched by one of its parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub split_into: Vec<ExpectedPart>,
}

/// A part a split must make: its name contains `name` (any case), and `themes` are
/// all among its themes.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedPart {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub themes: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedDiagnostic {
    pub rule: String,
    pub kind: DiagnosticKind,
}

impl Expectation {
    fn matches(&self, rank: usize, s: &Suggestion, sc: &Scenario) -> bool {
        let has = |t: Target| s.targets.contains(&t);
        s.kind == self.kind
            && self
                .focus_areas
                .iter()
                .all(|f| has(Target::FocusArea(f.clone())))
            && self.themes.iter().all(|t| has(Target::Theme(t.clone())))
            && self.proposed_name.as_ref().is_none_or(|n| {
                s.proposed_name
                    .as_ref()
                    .is_some_and(|p| p.to_lowercase().contains(&n.to_lowercase()))
            })
            && self.min_score.is_none_or(|m| s.score >= m)
            && self.max_score.is_none_or(|m| s.score <= m)
            && self.within_top.is_none_or(|n| rank < n)
            && self
                .rationale_contains
                .as_ref()
                .is_none_or(|t| s.rationale.to_lowercase().contains(&t.to_lowercase()))
            && self.split_into.iter().all(|want| {
                s.split_parts().iter().any(|p| {
                    want.themes.iter().all(|t| p.themes.contains(t))
                        && want
                            .name
                            .as_ref()
                            .is_none_or(|n| p.name(sc).to_lowercase().contains(&n.to_lowercase()))
                })
            })
    }
}

/// One way a test failed, in plain words: names, not ids, where the scenario has them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Failure {
    /// What went wrong, as a sentence.
    pub message: String,
    /// For an expectation: what the rules suggested instead, highest score first
    /// ("Retain Road Safety (score 69.5)"); empty otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suggested: Vec<String>,
    /// Whether the rules suggested nothing at all (so `suggested` is empty for that reason).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub suggested_nothing: bool,
}

impl Failure {
    fn said(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            suggested: vec![],
            suggested_nothing: false,
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.message)?;
        if self.suggested_nothing {
            write!(f, "\n  the rules suggested nothing")?;
        } else if !self.suggested.is_empty() {
            write!(f, "\n  the rules suggested:")?;
            for (i, s) in self.suggested.iter().enumerate() {
                write!(f, "\n    {}. {s}", i + 1)?;
            }
        }
        Ok(())
    }
}

/// The outcome of one test file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseResult {
    pub file: String,
    pub description: String,
    /// The rules it tests (as the file names them).
    pub rules: Vec<String>,
    /// The rules it names that the pack does not have (deleted, or their id changed).
    pub missing_rules: Vec<String>,
    /// Empty when the test passed.
    pub failures: Vec<Failure>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestReport {
    pub cases: Vec<CaseResult>,
    /// Rules in the pack that no test names (each counts as a failure).
    pub untested_rules: Vec<String>,
}

impl TestReport {
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.passed()).count()
    }

    pub fn failed(&self) -> usize {
        self.cases.len() - self.passed() + self.untested_rules.len()
    }

    /// The tests that name the rule `id`.
    pub fn for_rule<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a CaseResult> + 'a {
        self.cases
            .iter()
            .filter(move |c| c.rules.iter().any(|r| r == id))
    }
}

thread_local! {
    /// Examples already read, by name: many tests start from the same one, and
    /// reading its JSON is most of what building a test's scenario costs.
    static EXAMPLES: std::cell::RefCell<BTreeMap<String, Scenario>> = Default::default();
}

fn example_scenario(name: &str) -> Result<Scenario, String> {
    if let Some(s) = EXAMPLES.with(|c| c.borrow().get(name).cloned()) {
        return Ok(s);
    }
    let ex = horizon_model::example(name)
        .ok_or_else(|| format!("there is no example called \"{name}\""))?;
    // With the plan the example opens under review (thanet-2016-17: Thanet's).
    let s = ex.scenario();
    EXAMPLES.with(|c| c.borrow_mut().insert(name.to_string(), s.clone()));
    Ok(s)
}

/// Builds the scenario a test is given.
pub fn given_scenario(given: &Given) -> Result<Scenario, String> {
    let invalid = |e: horizon_model::LoadError| format!("the given scenario is not valid: {e}");
    if given.patch.is_none() {
        // No patch: no need to go through JSON (an example is read once).
        let mut s = match (&given.example, &given.scenario) {
            (Some(name), None) => example_scenario(name)?,
            (None, Some(v)) => Scenario::from_json(&v.to_string()).map_err(invalid)?,
            _ => return Err("\"given\" needs exactly one of \"example\" or \"scenario\"".into()),
        };
        if !given.set_levels.is_empty() {
            for c in &given.set_levels {
                s.set_level(&c.district, &c.theme, c.level);
            }
            let problems = horizon_model::validate(&s);
            if !problems.is_empty() {
                return Err(invalid(horizon_model::LoadError::Invalid(problems)));
            }
        }
        return Ok(s);
    }
    // With a patch: the scenario (its levels set) as JSON, patched, then read again.
    // Through text, not `to_value`/`from_value`, which would build a second copy of
    // the scenario's (de)serialiser into the page.
    let set = |mut s: Scenario| -> Result<serde_json::Value, String> {
        for c in &given.set_levels {
            s.set_level(&c.district, &c.theme, c.level);
        }
        let text = serde_json::to_string(&s).map_err(|e| e.to_string())?;
        serde_json::from_str(&text).map_err(|e| e.to_string())
    };
    let mut value =
        match (&given.example, &given.scenario) {
            (Some(name), None) => set(example_scenario(name)?)?,
            (None, Some(v)) if given.set_levels.is_empty() => v.clone(),
            (None, Some(v)) => set(serde_json::from_str(&v.to_string())
                .map_err(|e| format!("the given scenario: {e}"))?)?,
            _ => return Err("\"given\" needs exactly one of \"example\" or \"scenario\"".into()),
        };
    if let Some(patch) = &given.patch {
        json_patch::patch(&mut value, patch)
            .map_err(|e| format!("the patch does not apply: {e}"))?;
    }
    Scenario::from_json(&value.to_string()).map_err(invalid)
}

/// Runs one test against `pack`.
pub fn run_case(file: &str, text: &str, pack: &[RuleSource]) -> CaseResult {
    let mut result = CaseResult {
        file: file.to_string(),
        description: String::new(),
        rules: vec![],
        missing_rules: vec![],
        failures: vec![],
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        result.failures.push(Failure::said("The test file is empty.".to_string()));
        return result;
    }
    let test: RuleTest = match serde_json::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            result.failures.push(Failure::said(format!(
                "The test file cannot be read: line {}, column {}: {}.",
                e.line(),
                e.column().max(1),
                horizon_model::json_message(&e)
            )));
            return result;
        }
    };
    run_test(&mut result, &test, pack);
    result
}

/// Runs a test already read (one the page has just made, say) against `pack`.
pub fn run_parsed(file: &str, test: &RuleTest, pack: &[RuleSource]) -> CaseResult {
    let mut result = CaseResult {
        file: file.to_string(),
        description: String::new(),
        rules: vec![],
        missing_rules: vec![],
        failures: vec![],
    };
    run_test(&mut result, test, pack);
    result
}

fn run_test(result: &mut CaseResult, test: &RuleTest, pack: &[RuleSource]) {
    result.description = test.description.clone();
    result.rules = test.rules.clone();
    let mut selected = Vec::new();
    for id in &test.rules {
        match pack.iter().find(|r| r.id() == id) {
            Some(r) => selected.push(r.clone()),
            None => {
                result.missing_rules.push(id.clone());
                result.failures.push(Failure::said(format!(
                    "It tests the rule “{id}”, which is not in the pack: it was deleted, or its id changed."
                )))
            }
        }
    }
    let scenario = match given_scenario(&test.given) {
        Ok(s) => s,
        Err(e) => {
            result
                .failures
                .push(Failure::said(format!("Its scenario cannot be built: {e}.")));
            return;
        }
    };
    let settings = Settings {
        disabled: BTreeMap::new(),
        params: test.params.clone(),
        time_limit_ms: None,
    };
    let eval = evaluate(&scenario, &selected, &settings, &Limits::default());
    check(test, &eval, &scenario, pack, &mut result.failures);
}

fn check(
    test: &RuleTest,
    eval: &Evaluation,
    scenario: &Scenario,
    pack: &[RuleSource],
    failures: &mut Vec<Failure>,
) {
    let found = |e: &Expectation| {
        eval.suggestions
            .iter()
            .enumerate()
            .find(|(i, s)| e.matches(*i, s, scenario))
            .map(|(_, s)| s)
    };
    let suggested: Vec<String> = eval
        .suggestions
        .iter()
        .map(|s| format!("{} (score {})", s.headline(scenario), s.score))
        .collect();
    let instead = |message: String| Failure {
        message,
        suggested: suggested.clone(),
        suggested_nothing: suggested.is_empty(),
    };
    for e in &test.expect {
        if found(e).is_none() {
            failures.push(instead(format!(
                "It should suggest: {}.",
                words::expectation(e, scenario)
            )));
        }
    }
    for e in &test.forbid {
        if let Some(s) = found(e) {
            failures.push(instead(format!(
                "It should not suggest: {}; but it suggests {} (score {}).",
                words::expectation(e, scenario),
                s.headline(scenario),
                s.score
            )));
        }
    }
    let diags: Vec<_> = eval.diagnostics().collect();
    if test.expect_diagnostics.is_empty() {
        for d in diags {
            failures.push(Failure::said(words::unexpected_diagnostic(d, pack)));
        }
    } else {
        for want in &test.expect_diagnostics {
            if !diags
                .iter()
                .any(|d| d.rule == want.rule && d.kind == want.kind)
            {
                failures.push(Failure::said(words::missing_diagnostic(want, &diags, pack)));
            }
        }
    }
}

/// Runs every test file against `pack` and checks that every rule is tested.
pub fn run_all(pack: &[RuleSource], tests: &[RuleFile]) -> TestReport {
    let cases: Vec<CaseResult> = tests
        .iter()
        .map(|f| run_case(&f.name, &f.text, pack))
        .collect();
    let named: Vec<&String> = cases.iter().flat_map(|c| &c.rules).collect();
    let untested_rules = pack
        .iter()
        .map(|r| r.id().to_string())
        .filter(|id| !named.contains(&id))
        .collect();
    TestReport {
        cases,
        untested_rules,
    }
}
