//! A split: the new focus areas it makes, the themes in each and the evidence for
//! each, as the proposed plan, the headline and the JSON report show them.

use horizon_engine::{
    evaluate, parse_rules, report, ruletest, shipped_rule_files, Change, DiagnosticKind,
    Evaluation, Evidence, Kind, Limits, RuleFile, RuleSource, Settings,
};
use horizon_model::Scenario;
use serde_json::Value;

/// The shipped test's "Crime" scenario: Violent Crime (with Gangs) and Acquisitive
/// Crime in one focus area, named as main priorities by different districts.
fn crime() -> Scenario {
    let text = include_str!("../../../../rules/tests/split-crime-named-apart.json");
    let test: ruletest::RuleTest = serde_json::from_str(text).expect("the shipped test");
    ruletest::given_scenario(&test.given).expect("its scenario")
}

fn only(rule_id: &str) -> Vec<RuleSource> {
    parse_rules(&shipped_rule_files())
        .into_iter()
        .filter(|r| r.id() == rule_id)
        .collect()
}

fn run(s: &Scenario, pack: &[RuleSource]) -> Evaluation {
    evaluate(s, pack, &Settings::default(), &Limits::default())
}

fn rule(body: &str) -> Vec<RuleSource> {
    parse_rules(&[RuleFile {
        name: "a.rhai".into(),
        text: format!("//! id: a\n//! title: A\n{body}\n"),
    }])
}

#[test]
fn accepting_the_split_replaces_the_focus_area_by_its_parts() {
    let s = crime();
    let eval = run(&s, &only("split-broad-focus-area"));
    let sug = eval
        .suggestions
        .iter()
        .find(|x| x.kind == Kind::Split)
        .expect("a split");
    assert_eq!(
        sug.headline(&s),
        "Split Crime into Acquisitive Crime and Violent Crime"
    );
    // Each part with its own themes and evidence, in the reports as on the card.
    let text = report::text(&eval, &s).split_whitespace().collect::<Vec<_>>().join(" ");
    for p in sug.split_parts() {
        let line = p.sentence(&s);
        assert!(line.contains("; evidence: ") && line.contains("district"), "{line}");
        assert!(text.contains(&format!("Split into {line}.")), "{line} in\n{text}");
    }
    let names: Vec<(&str, &[String], Change)> = eval
        .proposed
        .focus_areas
        .iter()
        .map(|f| (f.name.as_str(), f.themes.as_slice(), f.change))
        .collect();
    assert!(!names.iter().any(|(n, _, _)| *n == "Crime"), "{names:?}");
    let violent = names
        .iter()
        .position(|(n, _, _)| *n == "Violent Crime")
        .expect("a Violent Crime part");
    assert_eq!(names[violent].1, ["violent-crime", "gangs"]);
    assert_eq!(names[violent].2, Change::Split);
    // The parts stand where Crime stood, strongest first (six districts to five).
    assert_eq!(names[violent - 1].0, "Acquisitive Crime");
    assert_eq!(violent, 5);
}

#[test]
fn each_part_carries_its_own_evidence_in_the_json_report() {
    let s = crime();
    let eval = run(&s, &only("split-broad-focus-area"));
    let json: Value = serde_json::from_str(&report::json(&eval, &s)).expect("json");
    let split = json["suggestions"]
        .as_array()
        .expect("suggestions")
        .iter()
        .find(|x| x["kind"] == "split")
        .expect("a split");
    let parts = split["split_into"].as_array().expect("split_into");
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0]["name"], "Acquisitive Crime");
    assert_eq!(parts[1]["name"], "Violent Crime");
    for (part, themes) in parts
        .iter()
        .zip([&["acquisitive-crime"][..], &["violent-crime", "gangs"][..]])
    {
        let cited: Vec<&str> = part["evidence"]
            .as_array()
            .expect("evidence")
            .iter()
            .map(|e| e["theme"].as_str().expect("a cell"))
            .collect();
        assert!(!cited.is_empty());
        assert!(cited.iter().all(|t| themes.contains(t)), "{cited:?}");
    }
    // Five districts name Violent Crime, six Acquisitive Crime, three Gangs: all cited.
    let sug = eval
        .suggestions
        .iter()
        .find(|x| x.kind == Kind::Split)
        .expect("split");
    let cells = sug
        .evidence
        .iter()
        .filter(|e| matches!(e, Evidence::MatrixCell { .. }))
        .count();
    assert_eq!(cells, 14);
    // A report with no split has no "split_into" at all.
    let kent = horizon_model::example("kent-2016")
        .expect("kent")
        .scenario();
    let plain = report::json(&run(&kent, &parse_rules(&shipped_rule_files())), &kent);
    assert!(!plain.contains("\"split_into\""));
}

#[test]
fn themes_no_part_takes_stay_in_the_focus_area_split() {
    let s = crime();
    let eval = run(
        &s,
        &rule(
            r#"suggest(#{ kind: "split", focus_areas: ["crime"], score: 50, rationale: "r",
                 split_into: [#{ themes: ["acquisitive-crime"] }] });"#,
        ),
    );
    assert_eq!(eval.diagnostics().count(), 0, "{:?}", eval.trace);
    let plan: Vec<(&str, &[String])> = eval
        .proposed
        .focus_areas
        .iter()
        .map(|f| (f.name.as_str(), f.themes.as_slice()))
        .collect();
    assert!(plan.contains(&(
        "Crime",
        &["violent-crime".to_string(), "gangs".to_string()][..]
    )));
    assert!(plan.contains(&("Acquisitive Crime", &["acquisitive-crime".to_string()][..])));
}

#[test]
fn parts_that_cannot_be_made_are_diagnostics() {
    let s = crime();
    let cases = [
        r#"suggest(#{ kind: "retain", focus_areas: ["crime"], score: 50, rationale: "r", split_into: [#{ themes: ["gangs"] }] });"#,
        r#"suggest(#{ kind: "split", focus_areas: ["crime"], score: 50, rationale: "r", split_into: [#{ themes: ["gangs"] }, #{ themes: ["gangs"] }] });"#,
        r#"suggest(#{ kind: "split", focus_areas: ["crime"], score: 50, rationale: "r", split_into: [#{ themes: ["no-such-theme"] }] });"#,
        r#"suggest(#{ kind: "split", focus_areas: ["crime"], score: 50, rationale: "r", split_into: [#{ themes: [] }] });"#,
        r#"suggest(#{ kind: "split", focus_areas: ["crime"], score: 50, rationale: "r", split_into: [#{ themes: ["gangs"], lead: 1 }] });"#,
        r#"suggest(#{ kind: "split", focus_areas: ["crime"], score: 50, rationale: "r", split_into: "gangs" });"#,
    ];
    for body in cases {
        let eval = run(&s, &rule(body));
        let kinds: Vec<DiagnosticKind> = eval.diagnostics().map(|d| d.kind).collect();
        assert_eq!(kinds, [DiagnosticKind::BadSuggestion], "{body}");
        assert!(eval.suggestions.is_empty(), "{body}");
    }
    // Evidence a part cites that the scenario lacks is left out and reported.
    let eval = run(
        &s,
        &rule(
            r#"suggest(#{ kind: "split", focus_areas: ["crime"], score: 50, rationale: "r", split_into: [#{ themes: ["gangs"], evidence: [horizon_item("nowhere")] }] });"#,
        ),
    );
    let kinds: Vec<DiagnosticKind> = eval.diagnostics().map(|d| d.kind).collect();
    assert_eq!(kinds, [DiagnosticKind::BadEvidence]);
    assert_eq!(eval.suggestions.len(), 1);
}
