//! The rule-test runner as the Rules view shows it: failures in plain words (names,
//! not ids), what the rules suggested instead, tests of rules no longer in the pack,
//! and a test made from the review that passes when read back.

use horizon_engine::ruletest::{self, test_from_review, MakeTestError, TestChoice};
use horizon_engine::{
    evaluate, parse_rules, shipped_rule_files, shipped_test_files, Kind, Limits, Settings,
};

/// The rule's text with the parameter `param` defaulting to `value`.
pub fn with_default(text: &str, param: &str, value: &str) -> String {
    let head = format!("//! param: {param} |");
    text.lines()
        .map(|l| {
            if l.starts_with(&head) {
                let mut f: Vec<String> = l.split('|').map(String::from).collect();
                f[2] = format!(" {value} ");
                f.join("|")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_broken_threshold_fails_its_test_in_plain_words_with_what_was_suggested_instead() {
    let mut files = shipped_rule_files();
    let f = files
        .iter_mut()
        .find(|f| f.name == "retain-supported-focus-areas.rhai")
        .expect("the retain rule");
    f.text = with_default(&f.text, "min_support", "0.95");
    let report = ruletest::run_all(&parse_rules(&files), &shipped_test_files());
    let case = report
        .for_rule("retain-supported-focus-areas")
        .find(|c| c.file == "tests/retain-kent.json")
        .expect("retain-kent names the rule");
    assert!(!case.passed());
    let first = &case.failures[0];
    assert!(
        first
            .message
            .starts_with("It should suggest: Retain Domestic Abuse, score at least "),
        "{}",
        first.message
    );
    assert!(first
        .message
        .ends_with(", its reason mentioning “districts name”."));
    assert!(first.suggested_nothing);
    assert!(!first.message.contains("domestic-abuse"));
    // Tests that do not run the retain rule still pass.
    assert!(report
        .cases
        .iter()
        .filter(|c| !c.rules.iter().any(|r| r == "retain-supported-focus-areas"))
        .all(|c| c.passed()));
}

#[test]
fn a_test_of_a_deleted_rule_says_so() {
    let files: Vec<_> = shipped_rule_files()
        .into_iter()
        .filter(|f| f.name != "watch-emerging-issues.rhai")
        .collect();
    let report = ruletest::run_all(&parse_rules(&files), &shipped_test_files());
    let case = report
        .for_rule("watch-emerging-issues")
        .find(|c| c.file == "tests/watch-kent.json")
        .expect("watch-kent");
    assert_eq!(case.missing_rules, ["watch-emerging-issues"]);
    assert!(case.failures[0]
        .message
        .contains("which is not in the pack"));
}

#[test]
fn a_test_made_from_the_review_reads_back_and_passes() {
    let kent = horizon_model::example("kent-2016").unwrap().scenario();
    let pack = parse_rules(&shipped_rule_files());
    let eval = evaluate(&kent, &pack, &Settings::default(), &Limits::default());
    let add = eval
        .suggestions
        .iter()
        .find(|s| s.kind == Kind::Add)
        .expect("Add Safeguarding")
        .id();
    let watch = eval
        .suggestions
        .iter()
        .find(|s| s.kind == Kind::Watch)
        .expect("a watch")
        .id();
    let made = test_from_review(
        "Kent: Safeguarding is added",
        "add-unaddressed-group",
        &kent,
        &Settings::default(),
        &eval,
        &[
            (add.clone(), TestChoice::Expect),
            (watch, TestChoice::Forbid),
        ],
    )
    .expect("a test");
    let text = made.to_json();
    assert!(
        text.contains("\"scenario\""),
        "the scenario is written out whole"
    );
    let case = ruletest::run_case("made.json", &text, &pack);
    assert!(case.passed(), "{:?}", case.failures);
    assert_eq!(case.rules, ["add-unaddressed-group"]);

    let none = test_from_review(
        " ",
        "x",
        &kent,
        &Settings::default(),
        &eval,
        &[(add, TestChoice::Expect)],
    );
    assert_eq!(none.unwrap_err(), MakeTestError::NoName);
    let nothing = test_from_review("t", "x", &kent, &Settings::default(), &eval, &[]);
    assert_eq!(nothing.unwrap_err(), MakeTestError::NothingChosen);
}
