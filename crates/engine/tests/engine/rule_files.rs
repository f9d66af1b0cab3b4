//! Rule files as they come from disk or a user: one bad file is that rule's
//! diagnostic, never the end of the review, and no rule runs under another's id.

use horizon_engine::{
    evaluate, parse_rule_bytes, parse_rules, shipped_rule_files, DiagnosticKind, Limits, RuleFile,
    RuleSource, Settings,
};

fn kent() -> horizon_model::Scenario {
    horizon_model::example("kent-2016").unwrap().scenario()
}

fn broken(r: &RuleSource) -> Option<(&str, &horizon_engine::Diagnostic)> {
    match r {
        RuleSource::Broken { name, diagnostic, .. } => Some((name.as_str(), diagnostic)),
        RuleSource::Parsed(_) => None,
    }
}

#[test]
fn a_file_taking_a_shipped_rules_id_is_the_broken_one_whatever_its_name() {
    let mut files = shipped_rule_files();
    let genuine = files.iter().find(|f| f.name.contains("watch-emerging-issues")).unwrap().clone();
    // Sorts before the shipped file, so it would be read first.
    files.insert(
        0,
        RuleFile {
            name: "aaa-impostor.rhai".into(),
            text: genuine.text.replace("//! title:", "//! title: Impostor of"),
        },
    );
    let pack = parse_rules(&files);
    let (name, d) = broken(&pack[0]).expect("the impostor is broken");
    assert_eq!((name, d.rule.as_str(), d.kind), ("aaa-impostor.rhai", "aaa-impostor.rhai", DiagnosticKind::Header));
    assert!(d.message.contains("is already the id of") && d.message.contains(&genuine.name), "{}", d.message);
    let id_line = genuine.text.lines().position(|l| l.starts_with("//! id:")).unwrap() + 1;
    assert_eq!(d.line, Some(id_line), "the diagnostic points at the id line");
    let runs = pack.iter().filter(|r| r.id() == "watch-emerging-issues" && broken(r).is_none()).count();
    assert_eq!(runs, 1);
    // And the genuine rule's suggestion is there.
    let e = evaluate(&kent(), &pack, &Settings::default(), &Limits::default());
    assert!(e.suggestions.iter().any(|s| s.headline(&kent()).starts_with("Watch ")));
}

#[test]
fn a_byte_order_mark_is_not_a_header_error_and_a_file_that_is_not_utf8_is_its_rules_diagnostic() {
    let shipped = shipped_rule_files();
    let mut files: Vec<(String, Vec<u8>)> = shipped.iter().map(|f| (f.name.clone(), f.text.clone().into_bytes())).collect();
    // A BOM before the first shipped rule.
    files[0].1.splice(0..0, [0xEF, 0xBB, 0xBF]);
    // A file that is Windows-1252, not UTF-8: "café" on line 3.
    files.push(("zz-latin1.rhai".into(), b"//! id: latin\n//! title: Latin\n// caf\xE9\nlet x = 1;\n".to_vec()));
    let pack = parse_rule_bytes(&files);
    assert_eq!(pack.len(), files.len());
    assert!(broken(&pack[0]).is_none(), "the BOM is dropped: {:?}", broken(&pack[0]));
    let (name, d) = broken(pack.last().unwrap()).expect("not UTF-8");
    assert_eq!(name, "zz-latin1.rhai");
    assert_eq!(d.line, Some(3));
    assert!(d.message.contains("not UTF-8 text at byte 38 (line 3)"), "{}", d.message);
    let e = evaluate(&kent(), &pack, &Settings::default(), &Limits::default());
    assert_eq!(e.suggestions.len(), 8, "every other rule still runs");
}

#[test]
fn a_parameter_range_must_be_finite_and_run_forwards() {
    let rule = |range: &str| {
        format!("//! id: r\n//! title: R\n//! param: x | number | 0.5 | {range} | X\nlet y = 1;\n")
    };
    for (range, says) in [("NaN..inf", "not a finite number"), ("0..inf", "not a finite number"), ("1..0", "runs backwards")] {
        let pack = parse_rules(&[RuleFile { name: "r.rhai".into(), text: rule(range) }]);
        let (_, d) = broken(&pack[0]).unwrap_or_else(|| panic!("{range} accepted"));
        assert!(d.message.contains(says), "{range}: {}", d.message);
        assert_eq!(d.line, Some(3));
    }
    let pack = parse_rules(&[RuleFile { name: "r.rhai".into(), text: rule("0..1") }]);
    assert!(broken(&pack[0]).is_none());
}

#[test]
fn a_rule_title_with_a_hidden_direction_character_is_that_rules_header_problem() {
    let mut files = shipped_rule_files();
    files.push(RuleFile {
        name: "zz-reversed.rhai".into(),
        text: "//! id: reversed\n//! title: Retain \u{202E}seera sucof\nlet x = 1;\n".into(),
    });
    let pack = parse_rules(&files);
    let (_, d) = broken(pack.last().unwrap()).expect("the title is refused");
    assert_eq!((d.kind, d.line), (DiagnosticKind::Header, Some(2)));
    assert_eq!(
        d.message,
        "the title \"Retain \\u{202e}seera sucof\" contains a hidden right-to-left override character (U+202E); remove it"
    );
    assert_eq!(pack.iter().filter(|r| broken(r).is_none()).count(), shipped_rule_files().len());
}

#[test]
fn an_empty_or_broken_rule_test_file_says_so_never_column_0() {
    let pack = horizon_engine::shipped_pack();
    let said = |text: &str| {
        let r = horizon_engine::ruletest::run_case("t.json", text, &pack);
        assert!(!r.passed());
        r.failures.iter().map(|f| f.to_string()).collect::<Vec<_>>().join("\n")
    };
    assert_eq!(said(""), "The test file is empty.");
    assert_eq!(said("\u{feff}\n  \n"), "The test file is empty.");
    let broken = said("{\n");
    assert!(broken.starts_with("The test file cannot be read: line 2, column 1: "), "{broken}");
    assert!(!broken.contains("column 0"), "{broken}");
}
