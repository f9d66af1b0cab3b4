//! The engine's one integration-test binary: what a user of the rules would notice.

use std::collections::{BTreeMap, BTreeSet};

use horizon_engine::{
    compare_suggestions, evaluate, parse_rules, report, ruletest, shipped_pack, shipped_rule_files,
    shipped_test_files, DiagnosticKind, Evaluation, Kind, Limits, ParamValue, RuleFile, RuleSource,
    Evidence, RuleStatus, Settings, SuggestionChange, SuggestionId, Target,
};
use horizon_model::{Level, Scenario, EXAMPLES};
use serde_json::Value;

#[path = "engine/align.rs"]
mod align;
#[path = "engine/bounds.rs"]
mod bounds;
#[path = "engine/coherence.rs"]
mod coherence;
#[path = "engine/events.rs"]
mod events;
#[path = "engine/evaluator.rs"]
mod evaluator;
#[path = "engine/district.rs"]
mod district;
#[path = "engine/firmness.rs"]
mod firmness;
#[path = "engine/hostile.rs"]
mod hostile;
#[path = "engine/markdown_text.rs"]
mod markdown_text;
#[path = "engine/ruletests.rs"]
mod ruletests;
#[path = "engine/smooth.rs"]
mod smooth;
#[path = "engine/split.rs"]
mod split;
#[path = "engine/wording.rs"]
mod wording;

fn kent() -> Scenario {
    horizon_model::example("kent-2016")
        .expect("kent example")
        .scenario()
}

fn run(scenario: &Scenario, pack: &[RuleSource]) -> Evaluation {
    evaluate(scenario, pack, &Settings::default(), &Limits::default())
}

/// The shipped pack plus one extra rule whose body is `body`.
fn pack_with(body: &str) -> Vec<RuleSource> {
    pack_with_rule("hostile", "Hostile", body)
}

/// The shipped pack plus one extra rule, `id` titled `title`, whose body is `body`.
fn pack_with_rule(id: &str, title: &str, body: &str) -> Vec<RuleSource> {
    let mut files = shipped_rule_files();
    files.push(RuleFile {
        name: format!("zz-{id}.rhai"),
        text: format!("//! id: {id}\n//! title: {title}\n{body}\n"),
    });
    parse_rules(&files)
}

/// What the test rule (`pack_with`) was told, in words.
fn hostile_messages(eval: &Evaluation) -> Vec<String> {
    eval.trace
        .iter()
        .filter(|t| t.rule == "hostile")
        .flat_map(|t| t.diagnostics.iter().map(|d| d.message.clone()))
        .collect()
}

fn hostile_diagnostics(eval: &Evaluation) -> Vec<DiagnosticKind> {
    eval.trace
        .iter()
        .filter(|t| t.rule == "hostile")
        .flat_map(|t| t.diagnostics.iter().map(|d| d.kind))
        .collect()
}

// ---------------------------------------------------------------- rule tests

#[test]
fn every_shipped_rule_test_passes_and_every_rule_is_tested() {
    let report = ruletest::run_all(&shipped_pack(), &shipped_test_files());
    let failures: Vec<String> = report
        .cases
        .iter()
        .filter(|c| !c.passed())
        .map(|c| {
            format!(
                "{} — {}\n{}",
                c.file,
                c.description,
                c.failures
                    .iter()
                    .map(|f| f.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "rule tests failed:\n{}",
        failures.join("\n\n")
    );
    assert!(
        report.untested_rules.is_empty(),
        "rules without tests: {:?}",
        report.untested_rules
    );
    assert!(
        report.cases.len() >= shipped_rule_files().len(),
        "at least one test per rule"
    );
}

#[test]
fn rule_tests_fail_when_a_rule_stops_working() {
    // Replace each rule's body by one that suggests nothing: some of its tests must fail,
    // or they were not testing it.
    for target in shipped_rule_files() {
        let header: String = target
            .text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| format!("{l}\n"))
            .collect();
        let files: Vec<RuleFile> = shipped_rule_files()
            .into_iter()
            .map(|f| {
                if f.name == target.name {
                    RuleFile {
                        name: f.name,
                        text: format!("{header}let nothing = 0;\n"),
                    }
                } else {
                    f
                }
            })
            .collect();
        let report = ruletest::run_all(&parse_rules(&files), &shipped_test_files());
        assert!(
            report.failed() > 0,
            "no test fails when {} does nothing",
            target.name
        );
    }
}

#[test]
fn every_rule_file_has_a_complete_header_and_names_no_theme_or_district() {
    let kent = kent();
    for f in shipped_rule_files() {
        let rule = match &parse_rules(std::slice::from_ref(&f))[0] {
            RuleSource::Parsed(r) => r.clone(),
            RuleSource::Broken { diagnostic, .. } => panic!("{}: {diagnostic}", f.name),
        };
        assert!(
            !rule.description.is_empty(),
            "{} has no description",
            f.name
        );
        let code: String = f
            .text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for name in kent
            .themes
            .iter()
            .map(|t| &t.name)
            .chain(kent.districts.iter().map(|d| &d.name))
        {
            assert!(
                !code.contains(&format!("\"{name}\"")),
                "{} hard-codes {name}",
                f.name
            );
        }
        for id in kent
            .themes
            .iter()
            .map(|t| &t.id)
            .chain(kent.districts.iter().map(|d| &d.id))
        {
            assert!(
                !code.contains(&format!("\"{id}\"")),
                "{} hard-codes the id {id}",
                f.name
            );
        }
    }
}

// ---------------------------------------------------------------- the Kent review

#[test]
fn kent_json_report_has_the_six_published_changes_on_top() {
    let s = kent();
    let eval = run(&s, &shipped_pack());
    let json: Value = serde_json::from_str(&report::json(&eval, &s)).expect("valid JSON");
    let suggestions = json["suggestions"].as_array().expect("suggestions array");
    let top: BTreeSet<String> = suggestions[..6]
        .iter()
        .map(|x| {
            let targets: Vec<&str> = x["targets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["id"].as_str().unwrap())
                .collect();
            format!(
                "{} {}",
                x["kind"].as_str().unwrap(),
                targets[..targets.len().min(2)].join("+")
            )
        })
        .collect();
    let want: BTreeSet<String> = [
        "consolidate violent-crime+acquisitive-crime",
        "retain domestic-abuse",
        "retain anti-social-behaviour",
        "retain substance-misuse",
        "retain road-safety",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert!(want.is_subset(&top), "top six: {top:?}");
    assert!(
        top.iter().any(|t| t.starts_with("add safeguarding")),
        "top six: {top:?}"
    );
    let consolidate = suggestions
        .iter()
        .find(|x| x["kind"] == "consolidate")
        .unwrap();
    assert_eq!(consolidate["proposed_name"], "Serious & Organised Crime");
    // The sixth scores above everything after it.
    let sixth = suggestions[5]["score"].as_f64().unwrap();
    assert!(suggestions[6..]
        .iter()
        .all(|x| x["score"].as_f64().unwrap() < sixth));
}

#[test]
fn kent_review_leaves_the_cross_cutting_themes_unchanged() {
    let s = kent();
    let eval = run(&s, &shipped_pack());
    let current: Vec<String> = s
        .plan()
        .cross_cutting_themes
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(eval.proposed.cross_cutting_themes, current);
    let proposed: BTreeSet<&str> = eval
        .proposed
        .focus_areas
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    let want: BTreeSet<&str> = [
        "Domestic Abuse",
        "Anti-Social Behaviour",
        "Substance Misuse",
        "Road Safety",
        "Serious & Organised Crime",
        "Safeguarding",
    ]
    .into_iter()
    .collect();
    assert_eq!(proposed, want);
    assert!(eval.proposed.removed.is_empty());
}

#[test]
fn the_same_change_from_several_rules_is_one_suggestion_with_all_their_evidence() {
    let s = kent();
    let eval = run(&s, &shipped_pack());
    let adds: Vec<_> = eval
        .suggestions
        .iter()
        .filter(|x| x.kind == Kind::Add)
        .collect();
    assert_eq!(adds.len(), 1, "one add suggestion, merged");
    let rules: BTreeSet<&str> = adds[0].rules.iter().map(|r| r.id.as_str()).collect();
    assert!(
        rules.len() >= 3,
        "add safeguarding is corroborated by {rules:?}"
    );
    assert!(adds[0].reasons.len() >= 3);
    assert!(adds[0]
        .evidence
        .iter()
        .any(|e| matches!(e, horizon_engine::Evidence::Legislation { .. })));
    assert!(adds[0]
        .evidence
        .iter()
        .any(|e| matches!(e, horizon_engine::Evidence::PartnerPriority { .. })));
    assert!(adds[0]
        .evidence
        .iter()
        .any(|e| matches!(e, horizon_engine::Evidence::MatrixCell { .. })));
    for r in &adds[0].rules {
        assert_eq!(r.version.len(), 12, "a content hash");
    }
}

#[test]
fn json_report_shape_is_stable() {
    let s = kent();
    let eval = run(&s, &shipped_pack());
    let json: Value = serde_json::from_str(&report::json(&eval, &s)).unwrap();
    assert_eq!(json["report_version"], 4);
    for key in [
        "report_version",
        "suggestions",
        "conflicts",
        "proposed",
        "trace",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    for x in json["suggestions"].as_array().unwrap() {
        for key in [
            "id",
            "kind",
            "targets",
            "proposed_name",
            "score",
            "rationale",
            "evidence",
            "rules",
            "score_explained",
        ] {
            assert!(x.get(key).is_some(), "suggestion missing {key}: {x}");
        }
        for e in x["evidence"].as_array().unwrap() {
            assert!(
                e["type"].is_string() && e["description"].is_string(),
                "evidence: {e}"
            );
        }
        for t in x["targets"].as_array().unwrap() {
            assert!(t["type"] == "focus_area" || t["type"] == "theme");
            assert!(t["name"].is_string());
        }
    }
    for t in json["trace"].as_array().unwrap() {
        assert!(["fired", "did_not_fire", "failed", "disabled"]
            .contains(&t["status"].as_str().unwrap()));
        assert!(t["operations"].as_u64().is_some());
    }
}

#[test]
fn every_example_evaluates_without_diagnostics() {
    for ex in EXAMPLES {
        let eval = run(&ex.scenario(), &shipped_pack());
        let d: Vec<String> = eval.diagnostics().map(|d| d.to_string()).collect();
        assert!(d.is_empty(), "{}: {d:?}", ex.name);
    }
}

/// The page evaluates in a Web Worker and receives the evaluation as JSON: what it
/// shows must be exactly what the engine made, diagnostics and near misses included.
#[test]
fn an_evaluation_survives_the_trip_from_the_worker_unchanged() {
    let mut pack = pack_with("print(\"hello\");\nsuggest(#{ kind: \"watch\", theme: \"No Such Theme\" });");
    pack.extend(parse_rules(&[RuleFile {
        name: "broken.rhai".into(),
        text: "//! title: no id\n".into(),
    }]));
    for ex in EXAMPLES {
        let eval = run(&ex.scenario(), &pack);
        let text = serde_json::to_string(&eval).expect("serialises");
        let back: Evaluation = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back, eval, "{}", ex.name);
        assert!(back.diagnostics().count() >= 2, "{}", ex.name);
    }
}

// ---------------------------------------------------------------- sandbox

// Every sandbox limit, forbidden door, crash and bad suggestion is a case of the
// hostile corpus (tests/hostile/*.rhai, run by engine/hostile.rs); the tests here
// check what the diagnostics say.

#[test]
fn operations_limit_message_names_the_limit_and_has_a_place() {
    let eval = run(&kent(), &pack_with("let a = 1;\nloop {\n  a += 1;\n}"));
    let d = eval.diagnostics().find(|d| d.rule == "hostile").unwrap();
    assert!(d.message.contains("operations limit"), "{}", d.message);
    assert!(
        d.line.is_some_and(|l| (3..=5).contains(&l)),
        "line {:?}",
        d.line
    );
}

#[test]
fn a_syntax_error_reports_its_line_and_column() {
    let eval = run(&kent(), &pack_with("let ok = 1;\nlet broken = (1 + ;\n"));
    let d = eval.diagnostics().find(|d| d.rule == "hostile").unwrap();
    assert_eq!(d.kind, DiagnosticKind::Syntax);
    assert_eq!(d.line, Some(4), "the header's two lines count: {d}");
    assert!(d.column.is_some());
}

#[test]
fn a_broken_header_is_a_diagnostic_and_the_rest_of_the_pack_runs() {
    let mut files = shipped_rule_files();
    files.push(RuleFile {
        name: "broken.rhai".into(),
        text: "//! title: No id\nlet x = 1;".into(),
    });
    files.push(RuleFile {
        name: "bad-param.rhai".into(),
        text: "//! id: bad-param\n//! title: Bad\n//! param: x | decimal | 1 | | X\n".into(),
    });
    let pack = parse_rules(&files);
    let eval = run(&kent(), &pack);
    let kinds: Vec<_> = eval
        .diagnostics()
        .map(|d| (d.rule.clone(), d.kind, d.line))
        .collect();
    assert!(
        kinds.contains(&("broken.rhai".into(), DiagnosticKind::Header, Some(1))),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|(r, k, l)| r == "bad-param" && *k == DiagnosticKind::Header && *l == Some(3)),
        "{kinds:?}"
    );
    assert!(eval.suggestions.len() >= 6);
}

#[test]
fn a_duplicate_rule_id_is_reported() {
    let mut files = shipped_rule_files();
    let copy = RuleFile {
        name: "zz-copy.rhai".into(),
        text: files[0].text.clone(),
    };
    files.push(copy);
    let pack = parse_rules(&files);
    assert!(matches!(pack.last(), Some(RuleSource::Broken { .. })));
}

#[test]
fn bad_suggestions_and_evidence_are_diagnostics() {
    let s = kent();
    // Score parts and near misses are judged alike: each problem a diagnostic at the
    // rule's line, saying what is wrong, and the other rules' suggestions all stand.
    let fa = "focus_areas: [review.focus_areas()[0].id], rationale: \"r\"";
    for (body, said) in [
        (format!("suggest(#{{ kind: \"retain\", {fa}, parts: [#{{ label: \"a\", points: \"many\" }}] }});"), "part 1 (a) needs points, a finite number"),
        (format!("suggest(#{{ kind: \"retain\", {fa}, score: 90, parts: [#{{ label: \"a\", points: 10 }}] }});"), "the score 90 is not the sum of its parts (10.0); give one or the other"),
        (format!("suggest(#{{ kind: \"retain\", {fa}, parts: [#{{ points: 10 }}] }});"), "part 1 needs a label of 1 to 200 characters saying what it counts"),
        (format!("suggest(#{{ kind: \"retain\", {fa}, parts: [#{{ label: \"a\", points: 1, colour: 2 }}] }});"), "part 1 has an unknown field \"colour\" (expected label, points, of)"),
        ("not_suggested(#{ kind: \"retain\", focus_areas: [\"nowhere\"], reason: \"r\" });".to_string(), "not_suggested(): there is no focus area with id \"nowhere\""),
        ("not_suggested(#{ kind: \"retain\", focus_areas: [review.focus_areas()[0].id] });".to_string(), "not_suggested() needs a reason: one sentence of 1 to 1000 characters"),
        ("not_suggested(#{ kind: \"promote\", themes: [], reason: \"r\" });".to_string(), "not_suggested() needs the kind of change it did not suggest; got \"promote\""),
    ] {
        let eval = run(&s, &pack_with(&body));
        let d: Vec<_> = eval.trace.iter().filter(|t| t.rule == "hostile").flat_map(|t| t.diagnostics.iter()).collect();
        assert!(d.iter().any(|d| d.message == said && d.line == Some(3)), "{body}: {d:?}");
        assert!(eval.suggestions.len() >= 8, "the other rules' suggestions stand: {body}");
    }
    // Unresolvable evidence is dropped, the suggestion kept, and the author is told
    // which item in words, not in the engine's own notation.
    let eval = run(
        &s,
        &pack_with("suggest(#{ kind: \"retain\", focus_areas: [review.focus_areas()[0].id], score: 50, rationale: \"r\", evidence: [horizon_item(\"no-such-item\")] });"),
    );
    let said: Vec<String> = eval.diagnostics().map(|d| d.message.clone()).collect();
    assert!(
        said.iter().any(|m| m == "horizon item \"no-such-item\" is not in the scenario; it was left out"),
        "{said:?}"
    );
    assert!(eval
        .suggestions
        .iter()
        .any(|x| x.rules.iter().any(|r| r.id == "hostile")));
}

#[test]
fn printing_operations_and_versions_are_traced() {
    let eval = run(
        &kent(),
        &pack_with("print(`themes: ${review.themes().len()}`);"),
    );
    let t = eval.trace.iter().find(|t| t.rule == "hostile").unwrap();
    assert_eq!(t.printed, vec!["themes: 25".to_string()]);
    assert_eq!(t.status, RuleStatus::DidNotFire);
    assert!(t.operations > 0);
    let other = run(&kent(), &pack_with("print(\"changed\");"));
    let v2 = &other
        .trace
        .iter()
        .find(|t| t.rule == "hostile")
        .unwrap()
        .version;
    assert_ne!(&t.version, v2, "a changed rule has a new version");
}

/// A rule's lists sort as Rhai documents: each element type in its own order, up or
/// down, by a comparison of the rule's own, equal elements kept in their order, and a
/// list of mixed types refused with a message.
#[test]
fn a_rules_lists_sort_up_down_and_by_its_own_comparison() {
    let body = r#"
        let ints = [3, -1, 2, 10]; ints.sort(); print(`${ints}`);
        ints.sort_desc(); print(`${ints}`);
        let words = ["theme", "district", "Focus area"]; words.sort(); print(`${words}`);
        words.sort_desc(); print(`${words}`);
        let scores = [2.5, -0.5, 1.0]; scores.sort(); print(`${scores}`);
        let flags = [true, false, true]; flags.sort_desc(); print(`${flags}`);
        let letters = ['c', 'a', 'b']; letters.sort(); print(`${letters}`);
        let pairs = [[2, "a"], [1, "b"], [2, "c"], [1, "d"]];
        pairs.sort(|x, y| x[0] - y[0]); print(`${pairs.map(|p| p[1])}`);
        let unsorted = [5, 1, 4]; print(`${unsorted.order()} ${unsorted}`);
        let mixed = [1, "one"];
        try { mixed.sort(); print("sorted"); } catch (e) { print(`refused: ${e}`); }
    "#;
    let eval = run(&kent(), &pack_with(body));
    let t = eval.trace.iter().find(|t| t.rule == "hostile").unwrap();
    assert!(t.diagnostics.is_empty(), "{:?}", t.diagnostics);
    assert_eq!(t.printed, [
        "[-1, 2, 3, 10]",
        "[10, 3, 2, -1]",
        r#"["Focus area", "district", "theme"]"#,
        r#"["theme", "district", "Focus area"]"#,
        "[-0.5, 1.0, 2.5]",
        "[true, true, false]",
        "[a, b, c]",
        r#"["b", "d", "a", "c"]"#,
        "[1, 4, 5] [5, 1, 4]",
        "refused: a list of values of different types cannot be sorted without a comparison function",
    ]);
}

#[test]
fn switched_off_rules_and_parameters_take_effect() {
    let s = kent();
    let pack = shipped_pack();
    let mut settings = Settings::default();
    settings
        .disabled
        .insert("retain-supported-focus-areas".into(), true);
    let eval = evaluate(&s, &pack, &settings, &Limits::default());
    assert!(!eval.suggestions.iter().any(|x| x.kind == Kind::Retain));
    let t = eval
        .trace
        .iter()
        .find(|t| t.rule == "retain-supported-focus-areas")
        .unwrap();
    assert_eq!(t.status, RuleStatus::Disabled);

    let mut settings = Settings::default();
    settings.params.insert(
        "retain-supported-focus-areas".into(),
        BTreeMap::from([("min_support".into(), ParamValue::Number(7.0))]),
    );
    let eval = evaluate(&s, &pack, &settings, &Limits::default());
    let d: Vec<_> = eval.diagnostics().collect();
    assert!(
        d.iter().any(|d| d.kind == DiagnosticKind::BadParameter),
        "out of range is reported: {d:?}"
    );
    let retains = |e: &Evaluation| {
        e.suggestions
            .iter()
            .filter(|x| x.kind == Kind::Retain)
            .count()
    };
    assert_eq!(
        retains(&eval),
        retains(&run(&s, &pack)),
        "the default was used"
    );
}

// ---------------------------------------------------------------- invariance

/// Renames every id and name in a scenario (a prefix) and reverses every list.
fn renamed_and_reordered(s: &Scenario) -> Scenario {
    let mut v: Value = serde_json::to_value(s).unwrap();
    fn walk(v: &mut Value, key: Option<&str>) {
        match v {
            Value::Object(m) => {
                // Matrix cells are keyed by district id.
                if key == Some("cells") {
                    let old = std::mem::take(m);
                    for (k, val) in old {
                        m.insert(format!("r-{k}"), val);
                    }
                    return;
                }
                for (k, val) in m.iter_mut() {
                    walk(val, Some(k));
                }
            }
            Value::Array(a) => {
                a.reverse();
                for x in a.iter_mut() {
                    walk(x, key);
                }
            }
            Value::String(text) => {
                let is_ref = matches!(
                    key,
                    Some(
                        "id" | "theme"
                            | "themes"
                            | "group"
                            | "district"
                            | "focus_area"
                            | "category"
                            | "name"
                            | "under_review"
                            | "serves"
                    )
                );
                if is_ref {
                    *text = format!("r-{text}");
                }
            }
            _ => {}
        }
    }
    walk(&mut v, None);
    serde_json::from_value(v).unwrap()
}

fn canonical(eval: &Evaluation, strip: bool) -> BTreeSet<String> {
    let un = |x: &str| {
        if strip {
            x.strip_prefix("r-").unwrap_or(x).to_string()
        } else {
            x.to_string()
        }
    };
    eval.suggestions
        .iter()
        .map(|x| {
            let targets: BTreeSet<String> = x
                .targets
                .iter()
                .map(|t| match t {
                    Target::FocusArea(id) => format!("fa:{}", un(id)),
                    Target::Theme(id) => format!("th:{}", un(id)),
                })
                .collect();
            format!(
                "{} {:?} {:?} {} evidence={}",
                x.kind.as_str(),
                targets,
                x.proposed_name.as_deref().map(un),
                x.score,
                x.evidence.len()
            )
        })
        .collect()
}

#[test]
fn renaming_and_reordering_everything_gives_the_same_suggestions() {
    for ex in EXAMPLES {
        let s = ex.scenario();
        let r = renamed_and_reordered(&s);
        assert!(
            horizon_model::validate(&r).is_empty(),
            "{:?}",
            horizon_model::validate(&r)
        );
        assert_ne!(r.themes[0].id, s.themes[0].id);
        let pack = shipped_pack();
        assert_eq!(
            canonical(&run(&s, &pack), false),
            canonical(&run(&r, &pack), true),
            "{}",
            ex.name
        );
    }
}

// ---------------------------------------------------------------- suggestion identity

#[test]
fn every_suggestion_has_a_readable_stable_id_that_round_trips() {
    let s = kent();
    let eval = run(&s, &shipped_pack());
    let ids: Vec<String> = eval
        .suggestions
        .iter()
        .map(|x| x.id().to_string())
        .collect();
    for want in [
        "consolidate:acquisitive-crime+violent-crime",
        "retain:domestic-abuse",
        "retain:road-safety",
        "add:safeguarding",
    ] {
        assert!(ids.iter().any(|i| i == want), "{want} in {ids:?}");
    }
    let unique: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique: {ids:?}");
    for x in &eval.suggestions {
        let id = x.id();
        assert_eq!(id.to_string().parse::<SuggestionId>().unwrap(), id);
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<SuggestionId>(&json).unwrap(), id);
        assert_eq!(eval.suggestion(&id), Some(x));
    }
    // The same evaluation twice gives the same ids in the same order.
    let again: Vec<String> = run(&s, &shipped_pack())
        .suggestions
        .iter()
        .map(|x| x.id().to_string())
        .collect();
    assert_eq!(ids, again);
    // Ids holding the separators still round-trip, in canonical order.
    let odd = SuggestionId::new(Kind::Consolidate, ["b+c", "a:1", "50%"]);
    assert_eq!(odd.to_string(), "consolidate:50%25+a%3A1+b%2Bc");
    assert_eq!(odd.to_string().parse::<SuggestionId>().unwrap(), odd);
    assert_eq!(odd.targets(), ["50%", "a:1", "b+c"]);
    for bad in ["retain", "promote:x", "retain:"] {
        assert!(bad.parse::<SuggestionId>().is_err(), "{bad}");
    }
}

#[test]
fn conflicts_and_the_proposed_plan_name_suggestions_by_id() {
    let s = kent();
    let eval = run(
        &s,
        &pack_with(
            "suggest(#{ kind: \"retire\", focus_areas: [\"domestic-abuse\"], score: 10, rationale: \"r\" });",
        ),
    );
    let retain = SuggestionId::new(Kind::Retain, ["domestic-abuse"]);
    let retire = SuggestionId::new(Kind::Retire, ["domestic-abuse"]);
    let c = eval
        .conflicts
        .iter()
        .find(|c| c.b == retire)
        .expect("retire conflicts with retain");
    assert_eq!(c.a, retain, "the higher-scored one is a");
    assert!(eval.proposed.set_aside.contains(&retire));
    assert!(!eval.proposed.set_aside.contains(&retain));
    let da = eval
        .proposed
        .focus_areas
        .iter()
        .find(|f| f.name == "Domestic Abuse")
        .expect("Domestic Abuse stays");
    assert_eq!(da.suggestion.as_ref(), Some(&retain));
    // Every id the plan and the conflicts mention is a suggestion of this evaluation.
    let named = eval
        .proposed
        .focus_areas
        .iter()
        .filter_map(|f| f.suggestion.as_ref())
        .chain(&eval.proposed.set_aside)
        .chain(eval.conflicts.iter().flat_map(|c| [&c.a, &c.b]));
    for id in named {
        assert!(eval.suggestion(id).is_some(), "{id}");
    }
    // The reports name both by headline and place, as before.
    let md = report::markdown(&eval, &s);
    assert!(
        md.contains("- Retain Domestic Abuse / Retire Domestic Abuse: both concern Domestic Abuse"),
        "{md}"
    );
    let text = report::text(&eval, &s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Retain Domestic Abuse / Retire Domestic Abuse: both concern Domestic Abuse: one would keep it as a focus area, the other would drop it from the plan; only one can be accepted."),
        "{text}"
    );
    assert!(
        text.contains("Not in the proposed plan: it conflicts with “Retain Domestic Abuse”, which scores higher"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&report::json(&eval, &s)).unwrap();
    assert!(json["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["a"] == "retain:domestic-abuse" && c["b"] == "retire:domestic-abuse"));
    assert!(json["proposed"]["set_aside"]
        .as_array()
        .unwrap()
        .contains(&Value::from("retire:domestic-abuse")));
}

#[test]
fn each_kind_says_in_one_place_what_it_needs_and_what_it_can_be_accepted_with() {
    for k in Kind::ALL {
        let spec = k.spec();
        assert_eq!(spec.kind, k);
        assert_eq!(Kind::parse(spec.name), Some(k));
        for other in Kind::ALL {
            assert_eq!(
                k.coexists_with(other),
                other.coexists_with(k),
                "{k:?} and {other:?} agree about each other"
            );
        }
        assert!(k.coexists_with(Kind::Watch), "{k:?} with watch");
    }
    assert!(Kind::Retain.coexists_with(Kind::Rename));
    assert!(!Kind::Consolidate.coexists_with(Kind::Consolidate));
    assert!(!Kind::Retain.coexists_with(Kind::Retire));
    assert_eq!(
        Kind::Consolidate.spec().check_targets(1, 3),
        Err("a consolidate suggestion needs two or more focus areas")
    );
    assert!(Kind::Add.spec().check_targets(0, 1).is_ok());
    assert!(Kind::Add.spec().check_targets(2, 0).is_err());
}

// ---------------------------------------------------------------- compare

#[test]
fn two_districts_dropping_domestic_abuse_lower_only_retain_domestic_abuse() {
    let before = kent();
    let mut after = before.clone();
    let naming: Vec<String> = after
        .districts
        .iter()
        .filter(|d| after.level(&d.id, "domestic-abuse").is_some())
        .map(|d| d.id.clone())
        .take(2)
        .collect();
    for d in &naming {
        after.set_level(d, "domestic-abuse", None);
    }
    let pack = shipped_pack();
    let (eb, ea) = (run(&before, &pack), run(&after, &pack));
    let changes = compare_suggestions(&eb, &before, &ea, &after);
    assert_eq!(changes.len(), 1, "{changes:?}");
    let SuggestionChange::Rescored {
        id,
        headline,
        from,
        to,
        ..
    } = &changes[0]
    else {
        panic!("{changes:?}")
    };
    assert_eq!(id.to_string(), "retain:domestic-abuse");
    assert_eq!(headline, "Retain Domestic Abuse");
    assert!(to < from);
    assert_eq!(
        changes[0].describe(),
        format!("Retain Domestic Abuse falls from {from:.1} to {to:.1}")
    );
    // The same evaluation compared with itself: nothing moved.
    assert!(compare_suggestions(&eb, &before, &eb, &before).is_empty());
    // And the other way round it rises.
    let back = compare_suggestions(&ea, &after, &eb, &before);
    assert!(back[0].describe().contains(" rises from "), "{back:?}");
}

#[test]
fn compare_matches_by_identity_not_headline_and_lists_new_and_gone() {
    let before = kent();
    // Renaming a focus area changes its headline, not its identity.
    let mut renamed = before.clone();
    renamed.plan_mut().focus_areas[0].name = "Domestic Violence and Abuse".into();
    let pack = shipped_pack();
    let eb = run(&before, &pack);
    let er = run(&renamed, &pack);
    let changes = compare_suggestions(&eb, &before, &er, &renamed);
    assert!(
        changes.iter().all(|c| !matches!(
            c,
            SuggestionChange::New { .. } | SuggestionChange::Gone { .. }
        )),
        "a rename is not a new suggestion: {changes:?}"
    );
    // Dropping Road Safety from the plan: its retain is gone, and the engine
    // suggests adding it back.
    let mut dropped = before.clone();
    dropped
        .plan_mut()
        .focus_areas
        .retain(|f| f.id != "road-safety");
    dropped
        .plan_mut()
        .consultation
        .retain(|c| c.focus_area.as_deref() != Some("road-safety"));
    let ed = run(&dropped, &pack);
    let changes = compare_suggestions(&eb, &before, &ed, &dropped);
    let described: Vec<String> = changes.iter().map(|c| c.describe()).collect();
    assert!(
        changes
            .iter()
            .any(|c| matches!(c, SuggestionChange::Gone { id, headline, .. }
            if id.to_string() == "retain:road-safety" && headline == "Retain Road Safety")),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|d| d.starts_with("Retain Road Safety is no longer suggested (it scored ")),
        "{described:?}"
    );
    assert!(
        changes
            .iter()
            .any(|c| matches!(c, SuggestionChange::New { id, .. }
            if id.to_string() == "add:road-safety")),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|d| d.starts_with("Add Road Safety is now suggested, scoring ")),
        "{described:?}"
    );
    // Largest movement first.
    let moves: Vec<f64> = changes.iter().map(|c| c.movement()).collect();
    assert!(moves.windows(2).all(|w| w[0] >= w[1]), "{moves:?}");
}

// ---------------------------------------------------------------- one source per fact

#[test]
fn an_empty_cell_is_unit_and_citing_it_says_so() {
    let s = kent();
    let (district, theme) = s
        .themes
        .iter()
        .flat_map(|t| s.districts.iter().map(move |d| (d, t)))
        .find(|(d, t)| s.level(&d.id, &t.id).is_none())
        .map(|(d, t)| (d.id.clone(), t.id.clone()))
        .expect("Kent has a blank cell");
    let eval = run(
        &s,
        &pack_with(&format!(
            "let c = review.cell(\"{district}\", \"{theme}\");\n\
             print(if c == () {{ \"blank\" }} else {{ c.level }});\n\
             suggest(#{{ kind: \"watch\", themes: [\"{theme}\"], score: 5, rationale: \"r\", evidence: [c] }});"
        )),
    );
    let t = eval.trace.iter().find(|t| t.rule == "hostile").unwrap();
    assert_eq!(t.printed, vec!["blank".to_string()]);
    let messages: Vec<&str> = t.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("review.cell() gives () for a district that does not name the theme"),
        "{messages:?}"
    );
    assert!(
        !messages[0].contains("not one made by cell()"),
        "{messages:?}"
    );
    assert_eq!(t.diagnostics[0].kind, DiagnosticKind::BadEvidence);
    // A named cell is a matrix_cell the engine accepts as evidence.
    let named = s
        .districts
        .iter()
        .find(|d| s.level(&d.id, "domestic-abuse").is_some())
        .unwrap();
    let eval = run(
        &s,
        &pack_with(&format!(
            "suggest(#{{ kind: \"watch\", themes: [\"domestic-abuse\"], score: 5, rationale: \"r\", evidence: [review.cell(\"{}\", \"domestic-abuse\")] }});",
            named.id
        )),
    );
    assert!(
        hostile_diagnostics(&eval).is_empty(),
        "{:?}",
        hostile_diagnostics(&eval)
    );
    let w = eval
        .suggestion(&SuggestionId::new(Kind::Watch, ["domestic-abuse"]))
        .expect("the watch suggestion");
    assert_eq!(w.evidence.len(), 1);
}

#[test]
fn evidence_cited_twice_is_listed_once_and_a_cell_at_another_level_is_left_out() {
    let s = kent();
    let theme = "domestic-abuse";
    let named: Vec<_> = s.districts.iter().filter_map(|d| s.level(&d.id, theme).map(|l| (d, l))).collect();
    assert!(named.len() > 1, "Kent's districts name {theme}");
    let (district, level) = named[0];
    let other = Level::ALL.into_iter().find(|l| *l != level).unwrap();
    let item = &s.horizon[0].id;
    let eval = run(
        &s,
        &pack_with(&format!(
            "let e = review.cells(\"{theme}\") + review.cells(\"{theme}\");\n\
             e += [horizon_item(\"{item}\"), horizon_item(\"{item}\")];\n\
             e.push(#{{ type: \"matrix_cell\", district: \"{d}\", theme: \"{theme}\", level: \"{other}\" }});\n\
             suggest(#{{ kind: \"watch\", themes: [\"{theme}\"], score: 5, rationale: \"r\", evidence: e }});",
            d = district.id,
            other = other.as_str(),
        )),
    );
    let said = hostile_messages(&eval);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains(&district.id) && said[0].ends_with("is not in the scenario; it was left out"), "{said:?}");
    let w = eval.suggestion(&SuggestionId::new(Kind::Watch, [theme])).expect("the watch suggestion");
    let cells = w.evidence.iter().filter(|e| matches!(e, Evidence::MatrixCell { .. })).count();
    let items = w.evidence.iter().filter(|e| matches!(e, Evidence::HorizonItem { id } if id == item)).count();
    assert_eq!((cells, items), (named.len(), 1), "{:?}", w.evidence);
}

#[test]
fn a_focus_area_lists_each_of_its_groups_once() {
    let mut s = kent();
    let group_of = |s: &Scenario, t: &str| s.theme(t).unwrap().group.clone();
    // Two crime themes with a safeguarding theme between them.
    assert_eq!(
        group_of(&s, "violent-crime"),
        group_of(&s, "acquisitive-crime")
    );
    assert_ne!(group_of(&s, "violent-crime"), group_of(&s, "prevent"));
    s.plan_mut().focus_areas[0].themes = vec![
        "violent-crime".into(),
        "prevent".into(),
        "acquisitive-crime".into(),
    ];
    let fa = s.plan().focus_areas[0].id.clone();
    let eval = run(
        &s,
        &pack_with(&format!(
            "print(review.focus_area(\"{fa}\").groups.len()); print(join_and(review.focus_area(\"{fa}\").groups));"
        )),
    );
    let t = eval.trace.iter().find(|t| t.rule == "hostile").unwrap();
    assert_eq!(
        t.printed,
        vec![
            "2".to_string(),
            format!(
                "{} and {}",
                group_of(&s, "violent-crime"),
                group_of(&s, "prevent")
            )
        ]
    );
}

#[path = "engine/rule_files.rs"]
mod rule_files;
