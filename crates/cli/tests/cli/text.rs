//! Files and text at the command line: a file that is not UTF-8 is refused at its
//! byte and line, a byte-order mark is accepted for scenarios, rules and rule tests,
//! an empty file says so, and user text (names, rule output) is printed with its
//! control and direction characters written out, never obeyed by the terminal.

use super::super::{copy_of_rules, horizon, temp};

fn kent_json() -> String {
    let o = horizon(&["example", "kent-2016"]);
    assert!(o.ok, "{}", o.stderr);
    o.stdout
}

/// No raw escape, carriage return or direction override reaches the terminal.
fn assert_nothing_hidden(what: &str, text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !horizon_model::is_hidden(c),
            "{what}: a raw U+{:04X} reached the terminal:\n{text}",
            c as u32
        );
    }
}

#[test]
fn a_scenario_that_is_not_utf8_is_refused_at_its_byte_and_line() {
    let d = temp("not-utf8");
    let mut bytes = kent_json().into_bytes();
    // The first "Kent" is on some line: its "K" becomes a byte no UTF-8 text holds.
    let at = bytes.iter().position(|b| *b == b'K').unwrap();
    bytes[at] = 0xFF;
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    let file = d.join("kent.json");
    std::fs::write(&file, &bytes).unwrap();
    let want = format!(
        "{}: not UTF-8 text at byte {} (line {line}); save the file as UTF-8",
        file.display(),
        horizon_model::thousands(at as u64 + 1)
    );
    let o = horizon(&["review", "--scenario", file.to_str().unwrap()]);
    assert!(!o.ok);
    assert_eq!(o.stderr.trim_end(), format!("horizon: {want}"));
    let o = horizon(&["validate", file.to_str().unwrap()]);
    assert!(!o.ok);
    assert_eq!(o.stderr.trim_end(), format!("horizon: {want}"));
}

#[test]
fn an_empty_scenario_says_it_is_empty_not_column_0() {
    let d = temp("empty");
    for (name, text) in [("empty.json", ""), ("blank.json", "\n  \n")] {
        let file = d.join(name);
        std::fs::write(&file, text).unwrap();
        for args in [
            vec!["validate", file.to_str().unwrap()],
            vec!["review", "--scenario", file.to_str().unwrap()],
        ] {
            let o = horizon(&args);
            assert!(!o.ok);
            let said = format!("{}{}", o.stdout, o.stderr);
            assert!(
                said.contains(&format!("{}: the file is empty", file.display())),
                "{said}"
            );
            assert!(!said.contains("column 0"), "{said}");
        }
    }
}

#[test]
fn a_byte_order_mark_is_accepted_on_scenarios_rules_and_rule_tests() {
    let d = copy_of_rules("bom");
    let scenario = d.join("kent-bom.json");
    std::fs::write(&scenario, format!("\u{feff}{}", kent_json())).unwrap();
    let o = horizon(&["validate", scenario.to_str().unwrap()]);
    assert!(o.ok, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains(": valid ("), "{}", o.stdout);
    // Every rule and every rule test saved with a mark, as Notepad does.
    for sub in ["", "tests"] {
        for e in std::fs::read_dir(d.join(sub)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "rhai" || x == "json") && p != scenario {
                let text = std::fs::read_to_string(&p).unwrap();
                std::fs::write(&p, format!("\u{feff}{text}")).unwrap();
            }
        }
    }
    let rules = d.to_str().unwrap();
    let o = horizon(&[
        "review",
        "--scenario",
        scenario.to_str().unwrap(),
        "--rules",
        rules,
    ]);
    assert!(o.ok, "{}", o.stderr);
    assert!(
        !o.stderr.contains("diagnostic"),
        "no rule is broken by its mark: {}",
        o.stderr
    );
    let plain = horizon(&["review"]);
    assert_eq!(
        o.stdout, plain.stdout,
        "the same review as without the marks"
    );
    let o = horizon(&["test-rules", "--rules", rules]);
    assert!(o.ok, "{}{}", o.stdout, o.stderr);
    assert!(o.stdout.contains(" passed, 0 failed"), "{}", o.stdout);
}

#[test]
fn a_rule_file_that_is_not_utf8_is_its_own_diagnostic_with_byte_and_line() {
    let d = copy_of_rules("rule-not-utf8");
    std::fs::write(
        d.join("zz-latin1.rhai"),
        b"//! id: latin1\n//! title: Caf\xE9 rule\nlet x = 1;\n",
    )
    .unwrap();
    let o = horizon(&["review", "--rules", d.to_str().unwrap()]);
    assert!(o.ok, "the other rules still run: {}", o.stderr);
    assert!(
        o.stdout
            .contains("not UTF-8 text at byte 30 (line 2); save the file as UTF-8"),
        "{}",
        o.stdout
    );
}

#[test]
fn a_name_with_a_line_break_or_escape_prints_escaped_on_one_line() {
    let o = horizon(&["review", "--disable", "no\nsuch\u{1b}[31mrule"]);
    assert!(!o.ok);
    assert_eq!(
        o.stderr,
        "horizon: --disable no\\nsuch\\u{1b}[31mrule: there is no rule with that id\n"
    );
    // A scenario whose theme name holds an escape and whose district name a line
    // break: each problem on its own line, the characters written out.
    let d = temp("hidden-names");
    let mut v: serde_json::Value = serde_json::from_str(&kent_json()).unwrap();
    v["themes"][0]["name"] = "Anti\u{202E}social \u{1b}]0;pwned\u{7}".into();
    v["districts"][0]["name"] = "Dover\nDistrict".into();
    let file = d.join("hidden.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let o = horizon(&["validate", file.to_str().unwrap()]);
    assert!(!o.ok);
    assert_nothing_hidden("validate", &o.stdout);
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "two problems and the count: {}", o.stdout);
    assert!(lines[0].ends_with(
        "themes[0].name: the theme's name “Anti\\u{202e}social \\u{1b}]0;pwned\\u{7}” contains a hidden right-to-left override character (U+202E) and 2 more hidden characters; remove them"
    ), "{}", lines[0]);
    assert!(lines[1].ends_with(
        "districts[0].name: the district's name “Dover\\nDistrict” contains a line break (U+000A); remove it"
    ), "{}", lines[1]);
    let o = horizon(&["review", "--scenario", file.to_str().unwrap()]);
    assert!(!o.ok);
    assert_nothing_hidden("review's refusal", &o.stderr);
}

#[test]
fn rule_text_with_terminal_escapes_is_shown_not_obeyed_in_the_text_report() {
    let d = copy_of_rules("escapes");
    std::fs::write(
        d.join("zz-escapes.rhai"),
        "//! id: escapes\n//! title: Escapes\nprint(\"\\x1b[2J\\x1b]0;pwned\\x07 cleared\\nsecond line\");\nsuggest(#{ kind: \"retain\", focus_areas: [review.focus_areas()[0].id], score: 50, rationale: \"Kept\\r\\x1b[31m red \\u202Ereversed\\u202C\" });\n",
    )
    .unwrap();
    std::fs::write(
        d.join("zz-throws.rhai"),
        "//! id: throws\n//! title: Throws\nthrow \"line one\\nline two \\x1b[0m\";\n",
    )
    .unwrap();
    let o = horizon(&["review", "--rules", d.to_str().unwrap()]);
    assert!(o.ok, "{}", o.stderr);
    assert_nothing_hidden("review", &o.stdout);
    assert!(
        o.stdout
            .contains("printed: \\u{1b}[2J\\u{1b}]0;pwned\\u{7} cleared\\nsecond line\n"),
        "{}",
        o.stdout
    );
    // The thrown message stays on its rule's one line.
    assert!(
        o.stdout
            .contains("the rule stopped with: line one\\nline two \\u{1b}[0m"),
        "{}",
        o.stdout
    );
    let o = horizon(&[
        "review",
        "--rules",
        d.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert!(o.ok, "{}", o.stderr);
    assert_nothing_hidden("markdown", &o.stdout);
    // JSON: the same JSON, the characters as `\uXXXX` escapes.
    let o = horizon(&["review", "--rules", d.to_str().unwrap(), "--format", "json"]);
    assert!(o.ok, "{}", o.stderr);
    assert_nothing_hidden("json", &o.stdout);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("still JSON");
    assert!(o.stdout.contains("\\u202e"), "{}", o.stdout);
    assert!(v.to_string().contains('\u{202E}'), "the same value once read");
}

#[test]
fn the_markdown_review_shows_markup_in_titles_as_text() {
    let d = temp("markdown");
    let mut v: serde_json::Value = serde_json::from_str(&kent_json()).unwrap();
    v["meta"]["title"] = "<img src=x onerror=alert(1)>".into();
    v["themes"][0]["name"] = "[x](javascript:alert(1))".into();
    let file = d.join("markup.json");
    std::fs::write(&file, v.to_string()).unwrap();
    let o = horizon(&[
        "review",
        "--scenario",
        file.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert!(o.ok, "{}", o.stderr);
    assert!(!o.stdout.contains("<img"), "{}", o.stdout);
    assert!(
        o.stdout.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{}",
        o.stdout
    );
    assert!(
        !o.stdout.replace("\\]", "").contains("](javascript:"),
        "{}",
        o.stdout
    );
}
