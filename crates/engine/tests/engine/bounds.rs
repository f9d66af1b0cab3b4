//! Bounds outside the sandbox: what one rule's output may cost the engine once the
//! rule has run (suggestions kept, text length, evidence, diagnostics), and merging
//! many rules' suggestions. The hostile corpus has the extreme cases; these check
//! the words and the edges.

use horizon_engine::{
    evaluate, parse_rules, report, shipped_pack, shipped_rule_files, DiagnosticKind, Evaluation, Limits,
    RuleFile, Settings, Suggestion,
};

use super::{hostile_messages, kent, pack_with, run};

/// Every suggestion, listed or folded under another.
fn all(eval: &Evaluation) -> Vec<&Suggestion> {
    fn walk<'a>(x: &'a Suggestion, out: &mut Vec<&'a Suggestion>) {
        out.push(x);
        for y in &x.also_covers {
            walk(y, out);
        }
    }
    let mut out = Vec::new();
    for x in &eval.suggestions {
        walk(x, &mut out);
    }
    out
}

#[test]
fn five_thousand_distinct_suggestions_from_ten_rules_are_all_kept_beside_the_shipped_pack() {
    let s = kent();
    let mut files = shipped_rule_files();
    for r in 0..10 {
        let (from, to) = (r * 500, (r + 1) * 500);
        files.push(RuleFile {
            name: format!("zz-many-{r}.rhai"),
            text: format!(
                "//! id: many-{r}\n//! title: Many {r}\n\
                 let t = review.themes();\nlet n = t.len();\nlet i = 0;\n\
                 for a in 0..n {{ for b in a+1..n {{ for c in b+1..n {{ for d in c+1..n {{\n\
                 if i >= {from} && i < {to} {{ suggest(#{{ kind: \"watch\", themes: [t[a].id, t[b].id, t[c].id, t[d].id], score: 10, rationale: \"r\" }}); }}\n\
                 i += 1;\n}} }} }} }}\n"
            ),
        });
    }
    let eval = run(&s, &parse_rules(&files));
    assert_eq!(
        eval.diagnostics().count(),
        0,
        "{:?}",
        eval.diagnostics().collect::<Vec<_>>()
    );
    let many: Vec<&Suggestion> = all(&eval)
        .into_iter()
        .filter(|x| x.rules.iter().any(|r| r.id.starts_with("many-")))
        .collect();
    assert_eq!(many.len(), 5_000);
    let ids: std::collections::BTreeSet<String> = many.iter().map(|x| x.id().to_string()).collect();
    assert_eq!(ids.len(), 5_000, "distinct");
    // The shipped rules' suggestions are as they are without them.
    let baseline = run(&s, &shipped_pack());
    for b in &baseline.suggestions {
        let got = eval.suggestion(&b.id()).expect("still listed");
        assert_eq!(got.score, b.score, "{}", b.id());
        assert_eq!(got.reasons, b.reasons, "{}", b.id());
    }
    assert_eq!(eval.proposed, baseline.proposed);
}

#[test]
fn a_long_rationale_is_cut_to_2000_characters_ending_with_an_ellipsis() {
    let eval = run(
        &kent(),
        &pack_with(
            "let r = \"é\";\nr.pad(3000, \"é\");\n\
             suggest(#{ kind: \"watch\", themes: [review.themes()[0].id], score: 5, rationale: r });",
        ),
    );
    let x = all(&eval)
        .into_iter()
        .find(|x| x.reasons.iter().any(|r| r.rule == "hostile"))
        .expect("the suggestion is kept");
    let reason = x.reasons.iter().find(|r| r.rule == "hostile").unwrap();
    assert_eq!(reason.text.chars().count(), 2_000);
    assert!(
        reason.text.ends_with("é…"),
        "{}",
        &reason.text[reason.text.len() - 10..]
    );
    assert_eq!(
        hostile_messages(&eval),
        ["1 suggestion had a rationale or proposed name longer than 2,000 characters; each was cut to that length."]
    );
}

#[test]
fn a_thrown_message_is_cut_in_its_diagnostic() {
    let eval = run(
        &kent(),
        &pack_with("let s = \"x\";\ns.pad(100000, \"y\");\nthrow s;"),
    );
    let said = hostile_messages(&eval);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with("the rule stopped with: xyyy"),
        "{}",
        &said[0][..40]
    );
    assert_eq!(said[0].chars().count(), 2_000);
    assert!(said[0].ends_with("y…"));
}

#[test]
fn past_twenty_diagnostics_one_more_says_how_many_more_in_the_right_number() {
    for (bogus, last) in [
        (21, Some("and 1 more problem like these")),
        (30, Some("and 10 more problems like these")),
        (20, None),
    ] {
        let eval = run(
            &kent(),
            &pack_with(&format!(
                "let e = [];\ne.pad({bogus}, 42);\n\
                 suggest(#{{ kind: \"watch\", themes: [review.themes()[0].id], score: 5, rationale: \"r\", evidence: e }});"
            )),
        );
        let t = eval.trace.iter().find(|t| t.rule == "hostile").unwrap();
        assert_eq!(
            t.suggestions, 1,
            "the suggestion stands without the evidence"
        );
        let kinds: Vec<DiagnosticKind> = t.diagnostics.iter().map(|d| d.kind).collect();
        assert!(
            kinds.iter().all(|k| *k == DiagnosticKind::BadEvidence),
            "{kinds:?}"
        );
        match last {
            Some(words) => {
                assert_eq!(t.diagnostics.len(), 21);
                assert_eq!(t.diagnostics[20].message, words);
            }
            None => assert_eq!(t.diagnostics.len(), 20),
        }
    }
}

#[test]
fn the_bounds_are_settings_with_documented_defaults_and_past_one_the_rule_says_so_once() {
    let d: Limits = serde_json::from_str("{}").unwrap();
    assert_eq!(
        (
            d.max_suggestions,
            d.max_text_chars,
            d.max_evidence,
            d.max_diagnostics
        ),
        (500, 2_000, 5_000, 20)
    );
    let limits = Limits {
        max_suggestions: 3,
        max_evidence: 2,
        ..Limits::default()
    };
    let s = kent();
    let item = &s.horizon[0].id;
    let item2 = &s.horizon[1].id;
    let item3 = &s.horizon[2].id;
    let eval = evaluate(
        &s,
        &pack_with(&format!(
            "for i in 0..10 {{ suggest(#{{ kind: \"watch\", themes: [review.themes()[i].id], score: 5, rationale: \"r\", \
             evidence: [horizon_item(\"{item}\"), [horizon_item(\"{item2}\"), horizon_item(\"{item3}\")]] }}); }}"
        )),
        &Settings::default(),
        &limits,
    );
    let t = eval.trace.iter().find(|t| t.rule == "hostile").unwrap();
    assert_eq!(t.suggestions, 3);
    let said: Vec<&str> = t.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        said,
        [
            "This rule made 10 suggestions; only the first 3 are kept.",
            "3 suggestions cited more than 2 evidence items (the most, 3); only the first 2 of each are kept.",
        ]
    );
    let kept = all(&eval)
        .into_iter()
        .filter(|x| x.reasons.iter().any(|r| r.rule == "hostile"))
        .count();
    assert_eq!(kept, 3);
}

/// `rules` rules that each suggest `each` splits of Kent's first focus area, every
/// one a different split (into two parts, on its own four themes): rule `r` takes
/// the quadruples of themes from `r * each`. Every pair of them conflicts.
fn many_splits(rules: usize, each: usize) -> Vec<RuleFile> {
    (0..rules)
        .map(|r| {
            let (from, to) = (r * each, (r + 1) * each);
            RuleFile {
                name: format!("zz-splits-{r}.rhai"),
                text: format!(
                    "//! id: splits-{r}\n//! title: Splits {r}\n\
                     let f = review.focus_areas()[0].id;\n\
                     let t = review.themes();\nlet n = t.len();\nlet i = 0;\n\
                     for a in 0..n {{ for b in a+1..n {{ for c in b+1..n {{ for d in c+1..n {{\n\
                     if i >= {from} && i < {to} {{ suggest(#{{ kind: \"split\", focus_areas: [f], score: 10, rationale: \"r\", \
                     split_into: [#{{ themes: [t[a].id, t[b].id] }}, #{{ themes: [t[c].id, t[d].id] }}] }}); }}\n\
                     i += 1;\n}} }} }} }}\n"
                ),
            }
        })
        .collect()
}

#[test]
fn past_a_thousand_conflicts_the_rest_are_counted_each_pair_once() {
    // 1,000 splits of one focus area: every one of the 499,500 pairs conflicts, on
    // the focus area and on the themes they share, and is counted once.
    let s = kent();
    let eval = run(&s, &parse_rules(&many_splits(2, 500)));
    assert_eq!(eval.diagnostics().count(), 0, "{:?}", eval.diagnostics().collect::<Vec<_>>());
    assert_eq!(eval.suggestions.len(), 1_000);
    assert_eq!(eval.conflicts.len(), horizon_engine::MAX_CONFLICTS_LISTED);
    assert!(!eval.conflicts_unlisted.stopped);
    assert_eq!(eval.conflicts_unlisted.count, 499_500 - 1_000);
    // Listed in order: the first suggestion with each of the others, and so on.
    let first = eval.suggestions[0].id();
    assert!(eval.conflicts[..999].iter().all(|c| c.a == first));
    assert_eq!((&eval.conflicts[999].a, &eval.conflicts[999].b), (&eval.suggestions[1].id(), &eval.suggestions[2].id()));
    let words = "498,500 more conflicts are not listed here: only the first 1,000 are.";
    assert_eq!(eval.conflicts_unlisted.words().as_deref(), Some(words));
    assert!(report::markdown(&eval, &s).contains(words));
    let text = report::text(&eval, &s).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(words), "{text}");
    let json: serde_json::Value = serde_json::from_str(&report::json(&eval, &s)).unwrap();
    assert_eq!(json["conflicts_unlisted"]["count"], 498_500);
    // The proposed plan takes the first split and sets the rest aside for it.
    assert_eq!(eval.proposed.set_aside.len(), 999);
    let headline = eval.suggestions[0].headline(&s);
    for x in &eval.suggestions[1..] {
        let why = eval.why_set_aside(&x.id(), &s).expect("set aside");
        assert!(why.starts_with(&format!("it conflicts with “{headline}”, which scores higher: both would split Domestic Abuse into several focus areas, in different ways; only one can be accepted")), "{why}");
    }
}

#[test]
fn conflicts_stop_being_judged_after_two_million_pairs_and_say_there_may_be_more() {
    // 5,000 splits of one focus area make 12,497,500 conflicting pairs.
    let s = kent();
    let eval = run(&s, &parse_rules(&many_splits(10, 500)));
    assert_eq!(eval.suggestions.len(), 5_000);
    assert_eq!(eval.conflicts.len(), 1_000);
    let more = eval.conflicts_unlisted;
    assert!(more.stopped);
    assert!(more.count > 1_000_000 && more.count < 2_000_000, "{more:?}");
    let words = more.words().unwrap();
    assert!(
        words.starts_with("At least ") && words.ends_with(
            "more conflicts are not listed here: only the first 1,000 are, and Horizon stopped looking after checking 2,000,000 pairs of suggestions."
        ),
        "{words}"
    );
    // The proposed plan is not bounded that way: it judges every suggestion.
    assert_eq!(eval.proposed.set_aside.len(), 4_999);
    assert!(eval.why_set_aside(&eval.suggestions[4_999].id(), &s).is_some());
}

#[test]
fn an_evaluation_with_conflicts_unlisted_round_trips_through_json_and_one_without_has_no_field() {
    let s = kent();
    let eval = run(&s, &parse_rules(&many_splits(2, 500)));
    let back: Evaluation = serde_json::from_str(&serde_json::to_string(&eval).unwrap()).unwrap();
    assert_eq!(back, eval);
    assert_eq!(back.why_set_aside(&eval.suggestions[7].id(), &s), eval.why_set_aside(&eval.suggestions[7].id(), &s));
    let plain = serde_json::to_string(&run(&s, &shipped_pack())).unwrap();
    assert!(!plain.contains("conflicts_unlisted"));
}
