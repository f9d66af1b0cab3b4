//! The Rules view's tests through the reducer: a run asked for, the edge's results
//! recorded, per-rule tallies that go out of date when a rule is edited, a test of a
//! deleted rule, and a test made from the current review, kept with the project.

use horizon_engine::ruletest::TestChoice;
use horizon_engine::{evaluate, Kind, Limits};
use horizon_web::forms::rule_test::{file_name, TestDraft};
use horizon_web::state::*;

fn kent() -> AppState {
    AppState::new(Start::fresh())
}

/// What the edge does: runs the requested tests and reports them.
fn run(state: AppState, rule: Option<&str>) -> AppState {
    let state = state.apply(Action::RunRuleTests(rule.map(String::from)));
    let req = state.tests.running.clone().expect("a run is asked for");
    let pack = state.pack.clone();
    let (cases, untested) = run_request(&req, &pack, &state.project.work.tests);
    state.apply(Action::RuleTestsRan {
        serial: req.serial,
        pack,
        cases,
        untested,
        millis: 12.0,
        working_millis: 10.0,
    })
}

fn evaluated(state: AppState) -> AppState {
    let evaluation = evaluate(
        state.scenario(),
        &state.pack,
        &state.project.work.settings,
        &Limits::default(),
    );
    let revision = state.review.revision;
    let scenario = state.scenario().clone();
    state.apply(Action::Evaluated {
        revision,
        scenario,
        evaluation: Box::new(evaluation),
        millis: 1.0,
    })
}

const RETAIN: &str = "retain-supported-focus-areas";

#[test]
fn running_the_tests_shows_every_shipped_rule_passing() {
    let s = kent().apply(Action::RunRuleTests(None));
    assert_eq!(s.session.status, "Running the rule tests…");
    let s = run(s, None);
    assert!(s.tests.running.is_none());
    let (passed, of) = s.tests.overall(&s.pack);
    assert_eq!(passed, of);
    assert_eq!(of, horizon_engine::shipped_test_files().len());
    assert_eq!(
        s.session.status,
        format!("Rule tests run: {of} of {of} tests pass.")
    );
    for r in s.pack.iter() {
        let (p, n) = s
            .tests
            .tally(r.id(), &s.pack)
            .expect("every rule has tests");
        assert_eq!(p, n, "{}", r.id());
    }
    assert_eq!(tally_words(3, 3), "3 of 3 tests pass");
    assert_eq!(tally_words(1, 1), "1 of 1 test passes");
}

#[test]
fn a_broken_threshold_fails_that_rules_tests_once_they_run_again() {
    let s = run(kent(), None);
    let file = s
        .project
        .work
        .rules
        .iter()
        .find(|f| f.name.starts_with(RETAIN))
        .expect("the rule")
        .clone();
    let s = s.apply(Action::Change(Change::RuleText {
        file: file.name.clone(),
        text: file
            .text
            .lines()
            .map(|l| {
                if l.starts_with("//! param: min_support |") {
                    "//! param: min_support | number | 0.95 | 0..1 | Weighted share".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }));
    // Its results no longer hold; the other rules' still do.
    assert_eq!(s.tests.tally(RETAIN, &s.pack), None);
    assert!(s.tests.tally("watch-emerging-issues", &s.pack).is_some());
    let s = run(s, Some(RETAIN));
    let (p, n) = s.tests.tally(RETAIN, &s.pack).expect("ran");
    assert!(p < n);
    let failed = s
        .tests
        .for_rule(RETAIN)
        .find(|c| c.result.file == "tests/retain-kent.json")
        .expect("retain-kent");
    assert!(
        failed.result.failures[0]
            .message
            .starts_with("It should suggest: Retain Domestic Abuse, score at least "),
        "{}",
        failed.result.failures[0].message
    );
    assert!(s.session.status.contains("fail"), "{}", s.session.status);
}

#[test]
fn a_test_of_a_deleted_rule_says_the_rule_is_not_in_the_pack() {
    let s = kent().apply(Action::Change(Change::DeleteRule {
        file: "watch-emerging-issues.rhai".into(),
    }));
    let s = run(s, None);
    let c = s
        .tests
        .cases
        .get("tests/watch-kent.json")
        .expect("the watch test");
    assert_eq!(c.result.missing_rules, ["watch-emerging-issues"]);
    assert!(!c.result.passed());
}

#[test]
fn an_older_run_arriving_late_is_not_shown() {
    let s = kent().apply(Action::RunRuleTests(None));
    let old = s.tests.running.clone().unwrap();
    let s = s.apply(Action::RunRuleTests(None));
    let pack = s.pack.clone();
    let s = s.apply(Action::RuleTestsRan {
        serial: old.serial,
        pack,
        cases: vec![],
        untested: Some(vec![]),
        millis: 1.0,
        working_millis: 1.0,
    });
    assert!(s.tests.running.is_some(), "still waiting for the newer run");
}

#[test]
fn a_test_made_from_the_review_is_kept_with_the_project_and_passes() {
    let s = evaluated(kent());
    let ev = s.review.evaluated.clone().unwrap();
    let da = ev
        .evaluation
        .suggestions
        .iter()
        .find(|x| x.kind == Kind::Retain && x.focus_areas().any(|f| f == "domestic-abuse"))
        .unwrap()
        .id();
    let mut draft = TestDraft::default();
    let errors = draft
        .build(RETAIN, &ev, &s.project.work.settings)
        .unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["test-name", "test-choices"]);

    draft.name = "Kent: Domestic Abuse is retained".into();
    draft.choose(da.clone(), Some(TestChoice::Expect));
    draft.choose(da.clone(), None);
    assert!(draft.choices.is_empty());
    draft.choose(da, Some(TestChoice::Expect));
    let (file, _) = draft
        .build(RETAIN, &ev, &s.project.work.settings)
        .expect("a test");
    assert_eq!(
        file.name,
        "tests/retain-supported-focus-areas-kent-domestic-abuse-is-retained.json"
    );
    let s = s.apply(Action::Change(Change::AddTest(file.clone())));
    assert_eq!(s.session.status, format!("Rule test {} added.", file.name));
    let s = run(s, Some(RETAIN));
    let mine = s.tests.cases.get(&file.name).expect("the new test ran");
    assert!(mine.result.passed(), "{:?}", mine.result.failures);
    // Undo takes it away again.
    let s = s.apply(Action::Undo);
    assert!(!s.project.work.tests.iter().any(|f| f.name == file.name));
    assert_eq!(file_name("r", "   "), "r.json");
}

#[test]
fn a_test_file_is_read_back_kept_and_run_or_refused_with_its_place() {
    use horizon_web::forms::rule_test::read_test_file;
    let shipped = horizon_engine::shipped_test_files();
    let retain = shipped
        .iter()
        .find(|f| f.name == "tests/retain-kent.json")
        .unwrap();
    let (file, rule) = read_test_file("Downloads/my-copy.json", retain.text.as_bytes()).unwrap();
    assert_eq!(file.name, "tests/my-copy.json");
    assert_eq!(rule.as_deref(), Some(RETAIN));
    let s = kent()
        .apply(Action::Change(Change::AddTest(file.clone())))
        .apply(Action::RunRuleTestsIfAdded {
            file: file.name.clone(),
            rule: rule.clone(),
        });
    assert_eq!(
        s.tests.running.as_ref().and_then(|r| r.rule.as_deref()),
        Some(RETAIN)
    );
    assert!(s
        .session
        .status
        .starts_with("Rule test tests/my-copy.json added. Running"));
    // The same name again is refused, and nothing runs.
    let s = run(s, Some(RETAIN))
        .apply(Action::Change(Change::AddTest(file.clone())))
        .apply(Action::RunRuleTestsIfAdded {
            file: "tests/not-added.json".into(),
            rule,
        });
    assert!(s.tests.running.is_none());
    let e = read_test_file("x.json", b"{\n  \"rules\": 3\n}").unwrap_err();
    assert!(
        e.starts_with("x.json is not a rule test: line 2, column"),
        "{e}"
    );
}

#[test]
fn adding_a_test_does_not_re_evaluate_the_suggestions() {
    let s = kent();
    let revision = s.review.revision;
    let s = s.apply(Action::Change(Change::AddTest(horizon_engine::RuleFile {
        name: "tests/mine.json".into(),
        text: "{}".into(),
    })));
    assert_eq!(s.review.revision, revision);
    assert_eq!(s.session.status, "Rule test tests/mine.json added.");
}
