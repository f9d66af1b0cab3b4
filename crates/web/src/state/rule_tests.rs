//! The rule tests as the Rules view shows them: which run was asked for (all the
//! tests, or one rule's), the results the edge brought back, and whether each result
//! still holds for the rules as they are now (a test's result is out of date once
//! the text of a rule it runs has changed since).

use std::collections::BTreeMap;

use horizon_engine::ruletest::CaseResult;
use horizon_engine::{RuleFile, RuleSource};
use serde::Deserialize;

use super::AppState;

/// A run of the tests the user asked for; the edge runs it when `serial` moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestRequest {
    pub serial: u64,
    /// Only the tests naming this rule; `None` for every test.
    pub rule: Option<String>,
}

/// One test's result and the versions of the rules it ran (`None`: not in the pack).
#[derive(Debug, Clone, PartialEq)]
pub struct CaseRun {
    pub result: CaseResult,
    pub versions: Vec<Option<String>>,
}

impl CaseRun {
    /// Whether a rule it runs has changed (or come or gone) since it ran.
    pub fn is_stale(&self, pack: &[RuleSource]) -> bool {
        self.versions != versions_of(&self.result.rules, pack)
    }
}

/// The rule tests' results, by test file.
#[derive(Debug, Clone, Default)]
pub struct RuleTests {
    /// The latest run asked for, while it is running.
    pub running: Option<TestRequest>,
    pub serial: u64,
    pub cases: BTreeMap<String, CaseRun>,
    /// Rules no test names, as of the last full run.
    pub untested: Vec<String>,
    /// How far the run in progress has got: (done, of).
    pub progress: Option<(usize, usize)>,
    /// How long the last run took (from the click to the results, and the time spent
    /// running tests, without the pauses that keep the page answering), and how many
    /// tests it ran.
    pub last_millis: Option<f64>,
    pub last_working_millis: Option<f64>,
    pub last_count: usize,
}

impl RuleTests {
    /// The results of the tests naming `rule`, in file order.
    pub fn for_rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a CaseRun> + 'a {
        self.cases
            .values()
            .filter(move |c| c.result.rules.iter().any(|r| r == rule))
    }

    /// (passed, of) over the tests naming `rule` that still hold; `None` if none ran.
    pub fn tally(&self, rule: &str, pack: &[RuleSource]) -> Option<(usize, usize)> {
        let current: Vec<&CaseRun> = self.for_rule(rule).filter(|c| !c.is_stale(pack)).collect();
        (!current.is_empty()).then(|| {
            let passed = current.iter().filter(|c| c.result.passed()).count();
            (passed, current.len())
        })
    }

    /// (passed, of) over every result that still holds.
    pub fn overall(&self, pack: &[RuleSource]) -> (usize, usize) {
        let current: Vec<&CaseRun> = self.cases.values().filter(|c| !c.is_stale(pack)).collect();
        let passed = current.iter().filter(|c| c.result.passed()).count();
        (passed, current.len())
    }
}

fn versions_of(rules: &[String], pack: &[RuleSource]) -> Vec<Option<String>> {
    rules
        .iter()
        .map(|id| {
            pack.iter()
                .find(|r| r.id() == id)
                .map(|r| horizon_engine::version_of(r.source()))
        })
        .collect()
}

/// The tests to run for `rule` (every test for `None`): those whose `rules` name
/// it, and any that cannot be read (they fail, and say why, in every run).
pub fn tests_for(tests: &[RuleFile], rule: Option<&str>) -> Vec<RuleFile> {
    #[derive(Deserialize)]
    struct Names {
        #[serde(default)]
        rules: Vec<String>,
    }
    let Some(rule) = rule else {
        return tests.to_vec();
    };
    tests
        .iter()
        .filter(|f| match serde_json::from_str::<Names>(&f.text) {
            Ok(n) => n.rules.iter().any(|r| r == rule),
            Err(_) => true,
        })
        .cloned()
        .collect()
}

/// The rules in `pack` that none of `cases` names.
pub fn untested_rules(pack: &[RuleSource], cases: &[CaseResult]) -> Vec<String> {
    pack.iter()
        .map(|r| r.id().to_string())
        .filter(|id| !cases.iter().any(|c| c.rules.contains(id)))
        .collect()
}

/// Runs `request` over the pack and tests (what the edge does, timed, then reports
/// as `Action::RuleTestsRan`): the cases, and for a run of every test the rules no
/// test names.
pub fn run_request(
    request: &TestRequest,
    pack: &[RuleSource],
    tests: &[RuleFile],
) -> (Vec<CaseResult>, Option<Vec<String>>) {
    let files = tests_for(tests, request.rule.as_deref());
    match request.rule {
        None => {
            let report = horizon_engine::ruletest::run_all(pack, &files);
            (report.cases, Some(report.untested_rules))
        }
        Some(_) => (
            files
                .iter()
                .map(|f| horizon_engine::ruletest::run_case(&f.name, &f.text, pack))
                .collect(),
            None,
        ),
    }
}

/// The words for a tally: "3 of 3 tests pass", "1 of 2 tests passes".
pub fn tally_words(passed: usize, of: usize) -> String {
    let tests = if of == 1 { "test" } else { "tests" };
    let verb = if passed == 1 { "passes" } else { "pass" };
    format!("{passed} of {of} {tests} {verb}")
}

impl AppState {
    /// Asks the edge to run the tests (`None`: every test; else one rule's).
    pub(super) fn run_tests(&mut self, rule: Option<String>) {
        self.tests.update(|t| {
            t.serial += 1;
            t.progress = None;
            t.running = Some(TestRequest {
                serial: t.serial,
                rule: rule.clone(),
            });
        });
        self.session.status = match rule {
            None => "Running the rule tests…".into(),
            Some(id) => format!("Running the tests of the rule {}…", self.rule_title(&id)),
        };
    }

    /// Records a run the edge made with `pack`, and says how it went.
    pub(super) fn tests_ran(
        &mut self,
        serial: u64,
        pack: &[RuleSource],
        cases: Vec<CaseResult>,
        untested: Option<Vec<String>>,
        (millis, working_millis): (f64, f64),
    ) {
        if serial < self.tests.serial {
            return; // an older run arriving late: a newer one is on its way
        }
        let mut t = (*self.tests).clone();
        t.running = None;
        t.progress = None;
        let full = untested.is_some();
        if full {
            t.cases.clear();
        }
        let (mut passed, count) = (0, cases.len());
        for c in cases {
            passed += usize::from(c.passed());
            let versions = versions_of(&c.rules, pack);
            t.cases.insert(
                c.file.clone(),
                CaseRun {
                    result: c,
                    versions,
                },
            );
        }
        if let Some(u) = untested {
            t.untested = u;
        }
        t.last_millis = Some(millis);
        t.last_working_millis = Some(working_millis);
        t.last_count = count;
        let untested = t.untested.len();
        self.tests = crate::shared::Shared::new(t);
        let failed = count - passed;
        let mut said = format!("Rule tests run: {}", tally_words(passed, count));
        if failed > 0 {
            said += &format!(", {failed} {}", if failed == 1 { "fails" } else { "fail" });
        }
        if full && untested > 0 {
            said += &format!(
                "; {} no test",
                crate::words::count(untested, "rule has", "rules have")
            );
        }
        said.push('.');
        self.session.status = said;
    }

    /// Records how far the run `serial` has got.
    pub(super) fn tests_progress(&mut self, serial: u64, done: usize, of: usize) {
        if self
            .tests
            .running
            .as_ref()
            .is_some_and(|r| r.serial == serial)
        {
            self.tests.update(|t| t.progress = Some((done, of)));
        }
    }

    /// A rule's title, or its id when its header cannot be read.
    pub fn rule_title(&self, id: &str) -> String {
        self.pack
            .iter()
            .find_map(|r| match r {
                RuleSource::Parsed(p) if p.id == id => Some(format!("“{}”", p.title)),
                _ => None,
            })
            .unwrap_or_else(|| format!("“{id}”"))
    }
}
