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

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleTest {
    pub description: String,
    /// The rules under test. Every rule in the pack must be named by at least one test.
    pub rules: Vec<String>,
    pub given: Given,
    #[serde(default)]
    pub params: BTreeMap<String, BTreeMap<String, ParamValue>>,
    #[serde(default)]
    pub expect: Vec<Expectation>,
    #[serde(default)]
    pub forbid: Vec<Expectation>,
    /// Diagnostics the rules must produce; when absent, they must produce none.
    #[serde(default)]
    pub expect_diagnostics: Vec<ExpectedDiagnostic>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Given {
    /// An embedded example to start from (`kent-2016`)…
    #[serde(default)]
    pub example: Option<String>,
    /// …or a whole scenario written out.
    #[serde(default)]
    pub scenario: Option<serde_json::Value>,
    /// Matrix edits applied first: `level` is main, subsidiary, issue or null.
    #[serde(default)]
    pub set_levels: Vec<SetLevel>,
    /// Then a JSON Patch (RFC 6902) for anything else.
    #[serde(default)]
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
    #[serde(default)]
    pub focus_areas: Vec<String>,
    /// Themes that must all be among its targets.
    #[serde(default)]
    pub themes: Vec<String>,
    /// Text the proposed name must contain (any case).
    #[serde(default)]
    pub proposed_name: Option<String>,
    #[serde(default)]
    pub min_score: Option<f64>,
    #[serde(default)]
    pub max_score: Option<f64>,
    /// It must rank among the first N suggestions.
    #[serde(default)]
    pub within_top: Option<usize>,
    /// Text the rationale must contain (any case).
    #[serde(default)]
    pub rationale_contains: Option<String>,
    /// For a split: parts it must make, each matched by one of its parts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ExpectedPart>,
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
            && self.parts.iter().all(|want| {
                s.split_parts().iter().any(|p| {
                    want.themes.iter().all(|t| p.themes.contains(t))
                        && want.name.as_ref().is_none_or(|n| {
                            p.name(sc).to_lowercase().contains(&n.to_lowercase())
                        })
                })
            })
    }

    fn describe(&self) -> String {
        let mut parts = vec![self.kind.as_str().to_string()];
        if !self.focus_areas.is_empty() {
            parts.push(format!("focus areas {}", self.focus_areas.join(", ")));
        }
        if !self.themes.is_empty() {
            parts.push(format!("themes {}", self.themes.join(", ")));
        }
        if let Some(n) = &self.proposed_name {
            parts.push(format!("named like \"{n}\""));
        }
        if let Some(m) = self.min_score {
            parts.push(format!("score ≥ {m}"));
        }
        if let Some(m) = self.max_score {
            parts.push(format!("score ≤ {m}"));
        }
        if let Some(n) = self.within_top {
            parts.push(format!("within the top {n}"));
        }
        if let Some(t) = &self.rationale_contains {
            parts.push(format!("rationale mentioning \"{t}\""));
        }
        for p in &self.parts {
            let mut words = String::from("a part");
            if let Some(n) = &p.name {
                words += &format!(" named like \"{n}\"");
            }
            if !p.themes.is_empty() {
                words += &format!(" with themes {}", p.themes.join(", "));
            }
            parts.push(words);
        }
        parts.join(", ")
    }
}

/// The outcome of one test file.
#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub file: String,
    pub description: String,
    /// Empty when the test passed.
    pub failures: Vec<String>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

#[derive(Debug, Clone, Serialize)]
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
}

/// Builds the scenario a test is given.
pub fn given_scenario(given: &Given) -> Result<Scenario, String> {
    let mut value = match (&given.example, &given.scenario) {
        (Some(name), None) => {
            let ex = horizon_model::example(name)
                .ok_or_else(|| format!("there is no example called \"{name}\""))?;
            // With the plan the example opens under review (thanet-2016-17: Thanet's).
            serde_json::to_value(ex.scenario()).map_err(|e| e.to_string())?
        }
        (None, Some(v)) => v.clone(),
        _ => return Err("\"given\" needs exactly one of \"example\" or \"scenario\"".into()),
    };
    if !given.set_levels.is_empty() {
        let mut s: Scenario =
            serde_json::from_value(value).map_err(|e| format!("the given scenario: {e}"))?;
        for c in &given.set_levels {
            s.set_level(&c.district, &c.theme, c.level);
        }
        value = serde_json::to_value(&s).map_err(|e| e.to_string())?;
    }
    if let Some(patch) = &given.patch {
        json_patch::patch(&mut value, patch)
            .map_err(|e| format!("the patch does not apply: {e}"))?;
    }
    Scenario::from_json(&value.to_string())
        .map_err(|e| format!("the given scenario is not valid: {e}"))
}

/// Runs one test against `pack`.
pub fn run_case(file: &str, text: &str, pack: &[RuleSource]) -> CaseResult {
    let mut result = CaseResult {
        file: file.to_string(),
        description: String::new(),
        failures: vec![],
    };
    let test: RuleTest = match serde_json::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            result
                .failures
                .push(format!("line {}, column {}: {e}", e.line(), e.column()));
            return result;
        }
    };
    result.description = test.description.clone();
    let scenario = match given_scenario(&test.given) {
        Ok(s) => s,
        Err(e) => {
            result.failures.push(e);
            return result;
        }
    };
    let mut selected = Vec::new();
    for id in &test.rules {
        match pack.iter().find(|r| r.id() == id) {
            Some(r) => selected.push(r.clone()),
            None => result
                .failures
                .push(format!("the pack has no rule \"{id}\"")),
        }
    }
    let settings = Settings {
        disabled: BTreeMap::new(),
        params: test.params.clone(),
    };
    let eval = evaluate(&scenario, &selected, &settings, &Limits::default());
    check(&test, &eval, &scenario, &mut result.failures);
    result
}

fn check(test: &RuleTest, eval: &Evaluation, scenario: &Scenario, failures: &mut Vec<String>) {
    let found = |e: &Expectation| {
        eval.suggestions
            .iter()
            .enumerate()
            .any(|(i, s)| e.matches(i, s, scenario))
    };
    let listing = || {
        eval.suggestions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                format!(
                    "    {}. {} (score {})",
                    i + 1,
                    s.headline(scenario),
                    s.score
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    for e in &test.expect {
        if !found(e) {
            failures.push(format!(
                "expected a suggestion: {}\n  the rules suggested:\n{}",
                e.describe(),
                listing()
            ));
        }
    }
    for e in &test.forbid {
        if found(e) {
            failures.push(format!(
                "forbidden suggestion was made: {}\n  the rules suggested:\n{}",
                e.describe(),
                listing()
            ));
        }
    }
    let diags: Vec<_> = eval.diagnostics().collect();
    if test.expect_diagnostics.is_empty() {
        for d in diags {
            failures.push(format!("unexpected diagnostic: {d}"));
        }
    } else {
        for want in &test.expect_diagnostics {
            if !diags
                .iter()
                .any(|d| d.rule == want.rule && d.kind == want.kind)
            {
                failures.push(format!(
                    "expected a {:?} diagnostic from {}; got: {:?}",
                    want.kind, want.rule, diags
                ));
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
    let named: Vec<String> = tests
        .iter()
        .filter_map(|f| serde_json::from_str::<RuleTest>(&f.text).ok())
        .flat_map(|t| t.rules)
        .collect();
    let untested_rules = pack
        .iter()
        .map(|r| r.id().to_string())
        .filter(|id| !named.contains(id))
        .collect();
    TestReport {
        cases,
        untested_rules,
    }
}
