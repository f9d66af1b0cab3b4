//! A review reads as one piece of advice: no suggestion stands beside one that
//! takes it in, contradictions are conflicts with a reason, every score can be
//! read from its parts, and every rule that suggested nothing says why.

use horizon_engine::{Evaluation, Kind, RuleStatus, Suggestion, SuggestionId};
use horizon_model::{Edit, Scenario};

use super::{kent, pack_with, run};

/// Kent with `n` of the districts naming Safeguarding no longer naming it.
fn kent_without_safeguarding_in(n: usize) -> Scenario {
    let mut s = kent();
    let naming: Vec<String> = s
        .districts
        .iter()
        .filter(|d| s.level(&d.id, "safeguarding").is_some())
        .map(|d| d.id.clone())
        .take(n)
        .collect();
    assert_eq!(naming.len(), n);
    for d in naming {
        s = s
            .with(&Edit::SetCell {
                district: d,
                theme: "safeguarding".into(),
                level: None,
            })
            .unwrap()
            .0;
    }
    s
}

/// Every pair of listed suggestions where one takes in a theme the other watches.
fn watches_beside_takers(e: &Evaluation) -> Vec<(SuggestionId, SuggestionId)> {
    let mut out = Vec::new();
    for w in e.suggestions.iter().filter(|x| x.kind == Kind::Watch) {
        for t in &e.suggestions {
            let spec = t.kind.spec();
            if (spec.builds_focus_area || spec.folds_themes)
                && w.themes().all(|th| t.themes().any(|x| x == th))
            {
                out.push((t.id(), w.id()));
            }
        }
    }
    out
}

fn covered_by<'a>(e: &'a Evaluation, id: &SuggestionId) -> Option<&'a Suggestion> {
    e.suggestions
        .iter()
        .find(|s| s.also_covers.iter().any(|c| c.id() == *id))
}

#[test]
fn a_watch_on_a_theme_an_add_takes_in_is_shown_under_the_add() {
    let s = kent();
    let e = run(&s, &horizon_engine::shipped_pack());
    assert_eq!(watches_beside_takers(&e), vec![]);
    let prevent = SuggestionId::new(Kind::Watch, ["prevent"]);
    assert!(
        e.suggestion(&prevent).is_none(),
        "Watch Prevent is not listed on its own"
    );
    let add = covered_by(&e, &prevent).expect("Watch Prevent is covered");
    assert_eq!(add.headline(&s), "Add Safeguarding");
    assert!(add.themes().any(|t| t == "prevent"));
}

#[test]
fn with_safeguarding_gone_from_five_or_six_districts_the_watches_fold_into_the_add() {
    for n in [5, 6] {
        let s = kent_without_safeguarding_in(n);
        let e = run(&s, &horizon_engine::shipped_pack());
        assert_eq!(watches_beside_takers(&e), vec![], "{n} districts");
        let adds: Vec<&Suggestion> = e
            .suggestions
            .iter()
            .filter(|x| x.kind == Kind::Add)
            .collect();
        assert_eq!(
            adds.len(),
            1,
            "one new safeguarding focus area, not two: {n}"
        );
        for theme in ["prevent", "safeguarding"] {
            let w = SuggestionId::new(Kind::Watch, [theme]);
            assert!(
                e.suggestion(&w).is_none(),
                "Watch {theme} listed beside the add ({n})"
            );
        }
        // Its headline and rationale follow the evidence that now carries it.
        let add = adds[0];
        assert!(
            add.rationale
                .contains(&add.proposed_name.clone().unwrap_or_default())
                || add.rationale.contains("statutory duty"),
            "{}",
            add.rationale
        );
    }
}

#[test]
fn two_new_focus_areas_claiming_one_theme_and_two_changes_to_one_focus_area_conflict() {
    let s = kent();
    let e = run(
        &s,
        &pack_with(
            r#"suggest(#{ kind: "add", themes: ["prevent", "gangs"], score: 95, rationale: "r" });
               suggest(#{ kind: "demote", focus_areas: ["road-safety"], score: 20, rationale: "r" });
               suggest(#{ kind: "consolidate", focus_areas: ["violent-crime", "road-safety"], themes: ["gangs"], score: 15, rationale: "r" });"#,
        ),
    );
    let reason = |a: SuggestionId, b: SuggestionId| {
        e.conflicts
            .iter()
            .find(|c| (c.a == a && c.b == b) || (c.a == b && c.b == a))
            .map(|c| c.reason.clone())
    };
    let add_prevent = SuggestionId::new(Kind::Add, ["prevent"]);
    let add_sg = SuggestionId::new(Kind::Add, ["safeguarding"]);
    assert_eq!(
        reason(add_prevent.clone(), add_sg).as_deref(),
        Some("both would put Prevent in a new focus area; only one can be accepted")
    );
    let demote = SuggestionId::new(Kind::Demote, ["road-safety"]);
    assert_eq!(
        reason(SuggestionId::new(Kind::Retain, ["road-safety"]), demote.clone()).as_deref(),
        Some("both concern Road Safety: one would keep it as a focus area, the other would make it a cross-cutting theme; only one can be accepted")
    );
    let consolidate = SuggestionId::new(Kind::Consolidate, ["road-safety", "violent-crime"]);
    assert!(reason(add_prevent, consolidate.clone())
        .unwrap()
        .contains("Gangs"));
    // The proposed plan resolves each visibly: the lower one is set aside, with why.
    assert!(e.proposed.set_aside.contains(&demote));
    let why = e.why_set_aside(&demote, &s).unwrap();
    assert!(
        why.starts_with("it conflicts with “Retain Road Safety”, which scores higher"),
        "{why}"
    );
}

#[test]
fn every_kent_score_is_the_sum_of_its_parts_and_says_how_rules_combine() {
    let s = kent();
    let e = run(&s, &horizon_engine::shipped_pack());
    for x in &e.suggestions {
        for r in &x.reasons {
            assert!(
                !r.parts.is_empty(),
                "{} from {} has no parts",
                x.headline(&s),
                r.rule
            );
            let sum: f64 = r.parts.iter().map(|p| p.points).sum();
            assert!(
                (sum.min(100.0) - r.score).abs() < 0.01,
                "{}: {sum} vs {}",
                x.headline(&s),
                r.score
            );
        }
        let words = x.score_explained().join(" ");
        assert!(
            !words.contains('-') || !words.contains("-focus-"),
            "no rule ids: {words}"
        );
        let rules = x.score_parts().len();
        assert_eq!(words.contains("rules agree"), rules > 1, "{words}");
    }
    let add = &e.suggestions[0];
    assert_eq!(add.headline(&s), "Add Safeguarding");
    let words = add.score_explained();
    assert!(words[0].starts_with("Add a priority for a group of themes the plan does not address: 61.5 (districts naming Safeguarding (9 of 11 districts, 7 as a main priority): 49.5 of 75 points"), "{words:?}");
    assert!(
        words.last().unwrap().contains("61.5, 60 and 45 make 91.5"),
        "{words:?}"
    );
}

#[test]
fn every_rule_that_did_not_fire_on_kent_says_why_in_a_sentence() {
    let s = kent();
    let e = run(&s, &horizon_engine::shipped_pack());
    let quiet: Vec<_> = e
        .trace
        .iter()
        .filter(|t| t.status == RuleStatus::DidNotFire)
        .collect();
    assert!(quiet.len() >= 4, "{}", quiet.len());
    for t in quiet {
        let why = t.why_quiet(&s).unwrap();
        assert_ne!(
            why, "Nothing in this review met its conditions.",
            "{} gives no reason",
            t.rule
        );
        assert!(why.ends_with('.') && why.len() > 30, "{}: {why}", t.rule);
    }
    // Near misses name the change and the threshold it missed.
    let retain = e
        .trace
        .iter()
        .find(|t| t.rule == "retain-supported-focus-areas")
        .unwrap();
    let ac = retain
        .not_suggested
        .iter()
        .find(|n| n.concerns_focus_area("acquisitive-crime"))
        .expect("why Acquisitive Crime is not retained");
    assert_eq!(
        ac.sentence(&s),
        "Retain Acquisitive Crime: 5 of 11 districts name it (weighted 0.23), below the 0.25 at which retaining it starts to count."
    );
}

#[test]
fn a_focus_area_nothing_concerns_says_why_nothing_is_suggested() {
    // Switching the consolidation off leaves Acquisitive Crime with no suggestion.
    let s = kent();
    let mut settings = horizon_engine::Settings::default();
    settings
        .disabled
        .insert("consolidate-related-focus-areas".into(), true);
    let e = horizon_engine::evaluate(
        &s,
        &horizon_engine::shipped_pack(),
        &settings,
        &horizon_engine::Limits::default(),
    );
    let unchanged = e.unchanged_focus_areas(&s);
    let (name, why) = unchanged
        .iter()
        .find(|(n, _)| *n == "Acquisitive Crime")
        .expect("Acquisitive Crime has no suggestion");
    assert_eq!(*name, "Acquisitive Crime");
    let words: Vec<&str> = why.iter().map(|(_, w)| w.as_str()).collect();
    assert!(
        words
            .iter()
            .any(|w| w.starts_with("Retain Acquisitive Crime: ")),
        "{words:?}"
    );
    assert!(
        words
            .iter()
            .any(|w| w.starts_with("Demote Acquisitive Crime") && w.contains("partner priorit")),
        "{words:?}"
    );
}

#[test]
fn a_suggestion_whose_case_changes_character_says_so_in_the_comparison() {
    let before = kent();
    let after = kent_without_safeguarding_in(5);
    let pack = horizon_engine::shipped_pack();
    let (eb, ea) = (run(&before, &pack), run(&after, &pack));
    let changes = horizon_engine::compare_suggestions(&eb, &before, &ea, &after);
    let words: Vec<String> = changes.iter().map(|c| c.describe()).collect();
    assert!(
        words.iter().any(|w| w
            .starts_with("Add Prevent takes the place of Add Safeguarding, scoring ")
            && w.ends_with("; it now rests chiefly on “Cover every statutory duty”")),
        "{words:?}"
    );
    // And the new headline's rationale is the reason that now carries it.
    let add = ea.suggestions.iter().find(|x| x.kind == Kind::Add).unwrap();
    assert!(
        add.rationale.contains("statutory duty"),
        "{}",
        add.rationale
    );
}
