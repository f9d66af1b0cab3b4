//! An `Evaluator` keeps the compiled rules and the review tables between evaluations:
//! whatever changes between them (scenario, settings, a rule's text, the limits), each
//! result is the one a fresh `evaluate` gives.

use std::collections::BTreeMap;

use horizon_engine::{
    evaluate, parse_rules, shipped_rule_files, Evaluation, Evaluator, Limits, ParamValue, RuleFile,
    RuleSource, Settings,
};
use horizon_model::{Scenario, EXAMPLES};

use super::{kent, pack_with_rule};

fn with_rule(body: &str) -> Vec<RuleSource> {
    pack_with_rule("mine", "Mine", body)
}

fn fresh(s: &Scenario, pack: &[RuleSource], settings: &Settings, limits: &Limits) -> Evaluation {
    evaluate(s, pack, settings, limits)
}

#[test]
fn one_evaluator_gives_what_a_fresh_evaluation_gives_whatever_changes_between_runs() {
    let kent = kent();
    let thanet = EXAMPLES.iter().find(|e| e.name == "thanet-2016-17").unwrap().scenario();
    let watch = "suggest(#{ kind: \"watch\", themes: [review.themes()[0].id], score: 40, rationale: \"r\" });";
    let broken = "suggest(#{ kind: \"watch\", ";
    let slow = "loop { let t = review.themes(); }";
    let mut stricter = Settings::default();
    stricter.params.insert(
        "retain-supported-focus-areas".into(),
        BTreeMap::from([("min_support".into(), ParamValue::Number(0.6))]),
    );
    let mut off = Settings::default();
    off.disabled.insert("add-unaddressed-group".into(), true);
    let plain = Settings::default();
    let tight = Limits { max_operations: 2_000, ..Limits::default() };
    let steps: Vec<(&Scenario, Vec<RuleSource>, &Settings, Limits)> = vec![
        (&kent, with_rule(watch), &plain, Limits::default()),
        (&kent, with_rule(watch), &stricter, Limits::default()),
        (&kent, with_rule(watch), &off, Limits::default()),
        (&thanet, with_rule(watch), &plain, Limits::default()),
        (&kent, with_rule(broken), &plain, Limits::default()),
        (&kent, with_rule(watch), &plain, Limits::default()),
        (&kent, with_rule(slow), &plain, Limits::default()),
        (&kent, with_rule(watch), &plain, tight.clone()),
        (&kent, with_rule(watch), &plain, Limits::default()),
        (&thanet, with_rule(broken), &stricter, tight),
    ];
    let mut evaluator = Evaluator::default();
    let mut results = Vec::new();
    for (i, (s, pack, settings, limits)) in steps.iter().enumerate() {
        let kept = evaluator.evaluate(s, pack, settings, limits, &mut |_| {});
        let mut kept_trace = kept.clone();
        let mut fresh_trace = fresh(s, pack, settings, limits);
        // Operations are counted alike; only the slow rule's stopping point may differ.
        for t in kept_trace.trace.iter_mut().chain(fresh_trace.trace.iter_mut()) {
            if t.rule == "mine" && i == 6 {
                t.operations = 0;
                t.diagnostics.iter_mut().for_each(|d| d.message.clear());
            }
        }
        assert_eq!(kept_trace, fresh_trace, "step {i}");
        results.push(kept);
    }
    // The steps do differ: settings, scenario, a broken rule and the limits each show.
    assert_ne!(results[0].suggestions, results[1].suggestions);
    assert_ne!(results[0].suggestions, results[2].suggestions);
    assert_ne!(results[0].suggestions, results[3].suggestions);
    assert!(results[4].diagnostics().any(|d| d.rule == "mine"));
    assert!(!results[5].diagnostics().any(|d| d.rule == "mine"));
    assert!(results[7].diagnostics().count() > 0);
    assert_eq!(results[8], results[0]);
}

#[test]
fn rule_files_read_once_still_follow_every_edit_to_a_file() {
    let kent = kent();
    let plain = Settings::default();
    let limits = Limits::default();
    let file = |body: &str| RuleFile {
        name: "zz-mine.rhai".into(),
        text: format!("//! id: mine\n//! title: Mine\n{body}\n"),
    };
    let with = |body: &str| {
        let mut files = shipped_rule_files();
        files.push(file(body));
        files
    };
    let first = "suggest(#{ kind: \"watch\", themes: [review.themes()[0].id], score: 40, rationale: \"first\" });";
    let second = "suggest(#{ kind: \"watch\", themes: [review.themes()[0].id], score: 40, rationale: \"second\" });";
    let mut evaluator = Evaluator::default();
    let mut mine = Vec::new();
    for body in [first, first, second, "suggest(#{ kind: ", first] {
        let files = with(body);
        let kept = evaluator.evaluate_files(&kent, &files, &plain, &limits, &mut |_| {});
        assert_eq!(kept, fresh(&kent, &parse_rules(&files), &plain, &limits), "{body}");
        let trace = kept.trace.iter().find(|t| t.rule == "mine").unwrap();
        let reasons: Vec<String> = kept
            .suggestions
            .iter()
            .flat_map(|s| std::iter::once(s).chain(&s.also_covers))
            .flat_map(|s| &s.reasons)
            .filter(|r| r.rule == "mine")
            .map(|r| r.text.clone())
            .collect();
        mine.push((trace.version.clone(), trace.suggestions, reasons));
    }
    assert_eq!(mine[0], mine[1]);
    assert_eq!((mine[0].1, mine[0].2.as_slice()), (1, ["first".to_string()].as_slice()));
    assert_eq!(mine[2].2, ["second"]);
    assert_ne!(mine[2].0, mine[0].0, "an edited rule is a new version");
    assert_eq!(mine[3].1, 0, "a broken file makes nothing");
    assert_eq!(mine[4], mine[0]);
}
