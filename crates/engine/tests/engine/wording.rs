//! Plain language: every report the engine prints, for every example and for
//! scenarios with no, one and many of each thing, reads as a council report would
//! print it: numbers agree with their nouns, no "0 districts", no "(s)", no rule
//! ids or hashes before the appendix, UK spelling.

use horizon_engine::{evidence_summary, report, shipped_pack, Evidence, Kind, SuggestionId};
use horizon_model::{Edit, Level, Scenario, EXAMPLES};

use super::{kent, pack_with, run};

/// Every problem in `text`, each with the line it is on.
fn grammar_problems(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    let plural_nouns = [
        "districts",
        "themes",
        "focus",
        "areas",
        "rules",
        "suggestions",
        "priorities",
        "duties",
        "items",
        "entries",
        "laws",
        "votes",
        "respondents",
        "responses",
        "partners",
        "changes",
    ];
    for w in words.windows(2) {
        let (n, noun) = (
            w[0].trim_start_matches('('),
            w[1].trim_end_matches([',', '.', ')', ';', ':']),
        );
        if n == "1" && plural_nouns.contains(&noun) {
            out.push(format!("“1 {noun}”"));
        }
        if n == "0" && plural_nouns.contains(&noun) {
            out.push(format!("“0 {noun}”: say none"));
        }
        if n == "only" && w[1] == "0" {
            out.push("“only 0”".into());
        }
    }
    for w in words.windows(5) {
        if w[0].trim_start_matches('(') == "1"
            && w[1] == "of"
            && w[3] == "districts"
            && w[4] == "name"
        {
            out.push(format!("“{}”: 1 of them names", w.join(" ")));
        }
    }
    for line in text.lines() {
        let line = line.trim_start().trim_start_matches("- ");
        for bad in [
            "(s)",
            ".)",
            "..",
            " ,",
            "  ",
            "organiz",
            "prioritiz",
            "behavior",
            "favor",
            "analyz",
            "program ",
        ] {
            if line.contains(bad) {
                out.push(format!("“{bad}” in “{line}”"));
            }
        }
    }
    out
}

/// The text and Markdown reports up to their appendix (rule ids and versions are
/// allowed in "Rules:" and "How this was worked out", and nowhere else).
fn bodies(s: &Scenario) -> Vec<String> {
    let e = run(s, &shipped_pack());
    let text = report::text(&e, s);
    let md = report::markdown(&e, s);
    let text = text[..text.find("\nRules:\n").unwrap()].to_string();
    let md = md[..md.find("### How this was worked out").unwrap()].to_string();
    vec![text, md]
}

fn assert_plain(label: &str, s: &Scenario) {
    let ids: Vec<String> = shipped_pack().iter().map(|r| r.id().to_string()).collect();
    for body in bodies(s) {
        let mut problems = grammar_problems(&body);
        for id in &ids {
            if body.contains(id.as_str()) {
                problems.push(format!("rule id {id}"));
            }
        }
        if body.contains("version ") {
            problems.push("a rule version".into());
        }
        assert!(problems.is_empty(), "{label}: {problems:?}\n{body}");
    }
}

#[test]
fn the_grammar_check_catches_what_the_issue_found() {
    for bad in [
        "only 0 districts name Prevent",
        "1 districts name it",
        "1 of 11 districts name it",
        "the Channel panel.), but",
        "3 more reason(s)",
        "it is prioritized",
    ] {
        assert!(!grammar_problems(bad).is_empty(), "{bad}");
    }
    assert!(
        grammar_problems("1 of 11 districts names it; none of the 11 districts name it.")
            .is_empty()
    );
}

#[test]
fn every_example_reads_plainly() {
    for ex in EXAMPLES {
        let s = ex.scenario();
        for p in &s.plans {
            let mut s = s.clone();
            s.under_review = p.id.clone();
            assert_plain(&format!("{} ({})", ex.name, p.name), &s);
        }
    }
}

#[test]
fn kent_with_none_one_and_all_districts_naming_a_theme_reads_plainly() {
    let k = kent();
    let ids: Vec<String> = k.districts.iter().map(|d| d.id.clone()).collect();
    for theme in [
        "safeguarding",
        "acquisitive-crime",
        "road-safety",
        "health-wellbeing",
    ] {
        for keep in [0, 1, 2, ids.len()] {
            let mut s = k.clone();
            for (i, d) in ids.iter().enumerate() {
                let level = (i < keep).then_some(Level::Main);
                s = s
                    .with(&Edit::SetCell {
                        district: d.clone(),
                        theme: theme.into(),
                        level,
                    })
                    .unwrap()
                    .0;
            }
            assert_plain(&format!("{theme} named by {keep}"), &s);
        }
    }
}

#[test]
fn every_kind_and_count_reads_plainly() {
    // A pack suggesting every kind, with one and with several targets.
    let body = r#"
        suggest(#{ kind: "add", themes: ["prevent"], score: 30, rationale: "One." });
        suggest(#{ kind: "add", themes: ["gangs", "digital-crime"], score: 30, rationale: "Two." });
        suggest(#{ kind: "retain", focus_areas: ["road-safety"], themes: ["preventing-fires"], score: 30, rationale: "Three." });
        suggest(#{ kind: "consolidate", focus_areas: ["violent-crime", "acquisitive-crime"], score: 20, rationale: "Four." });
        suggest(#{ kind: "rename", focus_areas: ["substance-misuse"], score: 20, rationale: "Five." });
        suggest(#{ kind: "split", focus_areas: ["anti-social-behaviour"], themes: ["asb-environmental", "clean-green-safer"], score: 20, rationale: "Six." });
        suggest(#{ kind: "demote", focus_areas: ["road-safety"], score: 20, rationale: "Seven." });
        suggest(#{ kind: "retire", focus_areas: ["acquisitive-crime"], score: 20, rationale: "Eight." });
        suggest(#{ kind: "watch", themes: ["troubled-families"], score: 20, rationale: "Nine." });
    "#;
    let s = kent();
    let e = run(&s, &pack_with(body));
    let text = report::text(&e, &s);
    let text = &text[..text.find("\nRules:\n").unwrap()];
    let problems = grammar_problems(text);
    assert!(problems.is_empty(), "{problems:?}\n{text}");
    for k in Kind::ALL {
        assert!(
            e.suggestions
                .iter()
                .chain(e.suggestions.iter().flat_map(|x| &x.also_covers))
                .any(|x| x.kind == k),
            "{k:?} is rendered"
        );
    }
    assert!(e
        .suggestion(&SuggestionId::new(Kind::Watch, ["troubled-families"]))
        .is_some());
    // Evidence counted with its noun, for none, one and many.
    assert_eq!(evidence_summary(&[], &s), "no evidence cited");
    let duty = s
        .legislation
        .iter()
        .find(|l| l.creates_duty)
        .unwrap()
        .id
        .clone();
    let one = Evidence::Legislation { id: duty };
    assert_eq!(
        evidence_summary(std::slice::from_ref(&one), &s),
        "1 statutory duty"
    );
    let cell = |d: &str| Evidence::MatrixCell {
        district: d.into(),
        theme: "t".into(),
        level: Level::Main,
    };
    assert_eq!(
        evidence_summary(&[cell("a"), cell("b"), cell("b"), one], &s),
        "2 districts and 1 statutory duty"
    );
    // The summary line agrees in number.
    let e0 = run(&s, &[]);
    assert_eq!(
        report::summary_line(&e0),
        "No suggested changes: no rule is switched on"
    );
}
