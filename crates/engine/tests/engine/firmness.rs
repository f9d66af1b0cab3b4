//! How firm each suggestion is: every figure a sentence states is checked by
//! evaluating again at that figure and one step past it.

use horizon_engine::{
    evaluate, firmness, firmness_all, shipped_pack, Direction, Firmness, FirmnessError, Limits,
    ParamOutcome, ParamType, ParamValue, RuleSource, Settings, Shift, SuggestionId,
};
use horizon_model::{Edit, Level, Scenario};

fn example(name: &str) -> Scenario {
    horizon_model::example(name).expect("example").scenario()
}

fn position(
    s: &Scenario,
    pack: &[RuleSource],
    settings: &Settings,
    id: &SuggestionId,
) -> Option<usize> {
    evaluate(s, pack, settings, &Limits::default()).position(id)
}

/// The matrix after the first `k` districts of `shift` change as the sentence says:
/// they stop naming every theme of the subject, or name its first theme as a main
/// priority. Built here, from the model's edits, not by the engine's own code.
fn changed(s: &Scenario, themes: &[String], shift: &Shift, k: usize) -> Scenario {
    let mut edits = Vec::new();
    for d in &shift.order[..k] {
        match shift.direction {
            Direction::Fewer => {
                for t in themes.iter().filter(|t| s.level(d, t).is_some()) {
                    edits.push(Edit::SetCell {
                        district: d.clone(),
                        theme: t.clone(),
                        level: None,
                    });
                }
            }
            Direction::More => edits.push(Edit::SetCell {
                district: d.clone(),
                theme: themes[0].clone(),
                level: Some(Level::Main),
            }),
        }
    }
    s.with(&Edit::Batch {
        summary: "test".into(),
        edits,
    })
    .expect("the model accepts the change")
    .0
}

fn naming(s: &Scenario, themes: &[String], at_main: bool) -> usize {
    s.districts
        .iter()
        .filter(|d| {
            let best = themes.iter().filter_map(|t| s.level(&d.id, t)).max();
            if at_main {
                best == Some(Level::Main)
            } else {
                best.is_some()
            }
        })
        .count()
}

/// The whole number a sentence states after `lead` ("the one" is 1, "all 9" is 9,
/// "every district" is `every`).
fn stated_count(sentence: &str, lead: &str, every: usize) -> usize {
    let rest = sentence.split_once(lead).map_or("", |(_, r)| r);
    if rest.starts_with("the one ") {
        return 1;
    }
    if rest.starts_with("every district") {
        return every;
    }
    let rest = rest.strip_prefix("all ").unwrap_or(rest);
    rest.split_whitespace()
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or_else(|| panic!("no number after {lead:?} in {sentence:?}"))
}

fn place(word: &str) -> usize {
    word.trim_end_matches(|c: char| c.is_alphabetic())
        .parse()
        .expect("an ordinal")
}

/// Checks every figure `f` states against fresh evaluations.
fn check(s: &Scenario, pack: &[RuleSource], settings: &Settings, f: &Firmness) {
    let id = &f.suggestion;
    let sentences = f.sentences();
    let here = position(s, pack, settings, id).expect("suggested");
    assert_eq!(here + 1, f.rank, "{id}");
    if let Some(d) = &f.districts {
        assert_eq!(d.naming, naming(s, &d.themes, false));
        for shift in [&d.fewer, &d.more].into_iter().flatten() {
            let subject = &d.subject;
            if let Some(k) = shift.gone_after {
                let (lead, every) = match shift.direction {
                    Direction::Fewer => ("Holds unless ", d.naming),
                    Direction::More => ("Would go if ", d.districts - d.naming_main),
                };
                let sentence = sentences
                    .iter()
                    .find(|x| x.starts_with(lead) && x.contains(subject.as_str()))
                    .unwrap_or_else(|| {
                        panic!("{id}: no sentence starting {lead:?}: {sentences:#?}")
                    });
                let stated = stated_count(sentence, lead, every);
                assert_eq!(stated, k, "{sentence}");
                let after = changed(s, &d.themes, shift, stated);
                match shift.direction {
                    Direction::Fewer => {
                        assert_eq!(naming(&after, &d.themes, false), d.naming - stated)
                    }
                    Direction::More => {
                        assert_eq!(naming(&after, &d.themes, true), d.naming_main + stated)
                    }
                }
                assert_eq!(
                    position(&after, pack, settings, id),
                    None,
                    "{id}: {sentence}"
                );
                let one_fewer = changed(s, &d.themes, shift, stated - 1);
                assert!(
                    position(&one_fewer, pack, settings, id).is_some(),
                    "{id}: {sentence} (one fewer)"
                );
            } else {
                let all = changed(s, &d.themes, shift, shift.order.len());
                assert!(
                    position(&all, pack, settings, id).is_some(),
                    "{id}: holds with all changed"
                );
                let words = match shift.direction {
                    Direction::Fewer => "no district named",
                    Direction::More => "every district named",
                };
                assert!(
                    sentences
                        .iter()
                        .any(|x| x.contains(words) || x.contains("whatever the districts name")),
                    "{id}: {sentences:#?}"
                );
            }
            if let Some(r) = shift.rank {
                let verb = if r.to > r.from {
                    "Falls from "
                } else {
                    "Rises from "
                };
                let sentence = sentences
                    .iter()
                    .find(|x| {
                        x.starts_with(verb)
                            && x.contains(subject.as_str())
                            && x.contains(match shift.direction {
                                Direction::Fewer => "naming it",
                                Direction::More => "as a main priority",
                            })
                    })
                    .unwrap_or_else(|| panic!("{id}: no {verb:?} sentence: {sentences:#?}"));
                let words: Vec<&str> = sentence.split_whitespace().collect();
                let (from, to) = (place(words[2]), place(words[4]));
                let k = stated_count(sentence, " if ", d.districts - d.naming_main);
                assert_eq!((from, to, k), (r.from, r.to, r.after), "{sentence}");
                let after = changed(s, &d.themes, shift, k);
                assert_eq!(
                    position(&after, pack, settings, id),
                    Some(to - 1),
                    "{id}: {sentence}"
                );
                let before = changed(s, &d.themes, shift, k - 1);
                assert_eq!(
                    position(&before, pack, settings, id),
                    Some(from - 1),
                    "{id}: {sentence} (one fewer)"
                );
            }
        }
    }
    for p in &f.params {
        let set = |v: ParamValue| {
            let mut x = settings.clone();
            x.params
                .entry(p.rule.clone())
                .or_default()
                .insert(p.param.clone(), v);
            x
        };
        let setting = format!("“{}” in the rule “{}”", p.label, p.rule_title);
        let stated = |verb: &str| -> ParamValue {
            let lead = format!("{setting} {verb} ");
            let sentence = sentences
                .iter()
                .find(|x| x.contains(&lead))
                .unwrap_or_else(|| panic!("{id}: no sentence with {lead:?}: {sentences:#?}"));
            let text = sentence
                .split_once(&lead)
                .map(|(_, r)| r.trim_end_matches('.'))
                .unwrap_or("");
            match p.kind {
                ParamType::Integer => ParamValue::Integer(text.parse().expect("a whole number")),
                _ => {
                    assert_eq!(
                        text.split_once('.').map(|(_, d)| d.len()),
                        Some(2),
                        "2 decimals: {sentence}"
                    );
                    ParamValue::Number(text.parse().expect("a number"))
                }
            }
        };
        // One step past a stated value, as the user would type it.
        let past = |v: &ParamValue, up: bool| -> ParamValue {
            let d = if up { 1 } else { -1 };
            match v {
                ParamValue::Integer(i) => ParamValue::Integer(i + d),
                ParamValue::Number(n) => {
                    ParamValue::Number(((n * 100.0).round() + d as f64) / 100.0)
                }
                other => panic!("not a number: {other:?}"),
            }
        };
        match &p.outcome {
            ParamOutcome::GoesAbove { holds_at, goes_at }
            | ParamOutcome::GoesBelow { holds_at, goes_at } => {
                let up = matches!(p.outcome, ParamOutcome::GoesAbove { .. });
                let v = stated(if up { "rose above" } else { "fell below" });
                assert_eq!(&v, holds_at, "{id}: {setting}");
                assert_eq!(&past(&v, up), goes_at, "{id}: {setting}");
                assert!(
                    position(s, pack, &set(v.clone()), id).is_some(),
                    "{id}: {setting} at {v}"
                );
                let beyond = past(&v, up);
                assert_eq!(
                    position(s, pack, &set(beyond.clone()), id),
                    None,
                    "{id}: {setting} at {beyond}"
                );
            }
            ParamOutcome::GoesWhenSwitched { to } => {
                assert!(sentences.iter().any(|x| x.contains(&setting)));
                assert_eq!(position(s, pack, &set(ParamValue::Boolean(*to)), id), None);
            }
            ParamOutcome::Holds => {
                assert!(
                    sentences.iter().any(|x| x.starts_with("Holds whatever")),
                    "{sentences:#?}"
                );
                let spec = pack
                    .iter()
                    .find_map(|r| match r {
                        RuleSource::Parsed(r) if r.id == p.rule => r.param(&p.param).cloned(),
                        _ => None,
                    })
                    .expect("the parameter");
                let ends: Vec<ParamValue> = match spec.kind {
                    ParamType::Integer => [spec.min, spec.max]
                        .into_iter()
                        .flatten()
                        .map(|x| ParamValue::Integer(x as i64))
                        .collect(),
                    ParamType::Number => [spec.min, spec.max]
                        .into_iter()
                        .flatten()
                        .map(ParamValue::Number)
                        .collect(),
                    ParamType::Boolean => {
                        vec![ParamValue::Boolean(true), ParamValue::Boolean(false)]
                    }
                    ParamType::Text => vec![],
                };
                for v in ends {
                    assert!(
                        position(s, pack, &set(v.clone()), id).is_some(),
                        "{id}: {setting} at {v}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_figure_stated_for_kents_suggestions_holds_when_evaluated_again() {
    let s = example("kent-2016");
    let pack = shipped_pack();
    let settings = Settings::default();
    let all = firmness_all(&s, &pack, &settings, &Limits::default());
    let eval = evaluate(&s, &pack, &settings, &Limits::default());
    assert_eq!(all.len(), eval.suggestions.len());
    assert!(all.len() >= 6, "at least the six published changes");
    for f in &all {
        check(&s, &pack, &settings, f);
    }
    // Kent's own figures, as a council officer would read them.
    let said: Vec<String> = all.iter().flat_map(|f| f.sentences()).collect();
    for expected in [
        "Holds unless 5 of the 9 districts naming Safeguarding stop naming it",
        "Would go if 2 more districts named Health & Wellbeing as a main priority (for example Ashford and Canterbury).",
        "Would go if “Weighted share of districts at which retaining it starts to count” in the rule “Retain focus areas the districts still name” rose above 0.80.",
        "Would go if “Likelihood × impact at or above which an item is watched” in the rule “Watch emerging issues not yet backed by data” rose above 12.",
    ] {
        assert!(said.iter().any(|x| x.starts_with(expected)), "missing {expected:?} in {said:#?}");
    }
}

#[test]
fn the_figures_hold_for_district_and_unitary_plans_and_changed_settings() {
    let pack = shipped_pack();
    for name in ["thanet-2017-20", "thanet-2020-23", "medway-2016-20"] {
        let s = example(name);
        for f in firmness_all(&s, &pack, &Settings::default(), &Limits::default()) {
            check(&s, &pack, &Settings::default(), &f);
        }
    }
    // A user's own setting, off the search's grid, is the starting point.
    let s = example("kent-2016");
    let mut settings = Settings::default();
    settings
        .params
        .entry("retain-supported-focus-areas".into())
        .or_default()
        .insert("min_support".into(), ParamValue::Number(0.555));
    for f in firmness_all(&s, &pack, &settings, &Limits::default()) {
        check(&s, &pack, &settings, &f);
    }
}

#[test]
fn sentences_use_names_not_ids_and_the_search_stays_within_its_bound() {
    let s = example("kent-2016");
    let pack = shipped_pack();
    let ids: Vec<&str> = s
        .themes
        .iter()
        .map(|t| t.id.as_str())
        .chain(s.districts.iter().map(|d| d.id.as_str()))
        .chain(pack.iter().map(|r| r.id()))
        .filter(|id| id.contains('-') || id.contains('_'))
        .collect();
    let ceil_log2 = |n: usize| (usize::BITS - n.saturating_sub(1).leading_zeros()) as usize;
    for f in firmness_all(&s, &pack, &Settings::default(), &Limits::default()) {
        for sentence in f.sentences() {
            for id in &ids {
                assert!(!sentence.contains(id), "{sentence} names the id {id}");
            }
            assert!(
                !sentence.contains("min_") && !sentence.contains("max_"),
                "{sentence}"
            );
            assert!(
                !sentence.contains(" 1 districts") && !sentence.contains(" 1 more districts"),
                "{sentence}"
            );
        }
        // The documented bound: 1 + 2 × (1 + 2⌈log₂ D⌉) + Σ (2 + 2⌈log₂ Nᵢ⌉) + switches.
        let sug = evaluate(&s, &pack, &Settings::default(), &Limits::default());
        let sug = sug.suggestion(&f.suggestion).expect("suggested").clone();
        let mut bound = 1 + 2 * (1 + 2 * ceil_log2(s.districts.len()));
        for r in pack.iter().filter_map(|r| match r {
            RuleSource::Parsed(r) if sug.rules.iter().any(|x| x.id == r.id) => Some(r),
            _ => None,
        }) {
            for p in &r.params {
                let step = if p.kind == ParamType::Integer {
                    1.0
                } else {
                    0.01
                };
                bound += match (p.kind, p.min, p.max) {
                    (ParamType::Boolean, _, _) => 1,
                    (ParamType::Text, _, _) => 0,
                    (_, Some(lo), Some(hi)) => {
                        2 + 2 * ceil_log2(((hi - lo) / step).round() as usize)
                    }
                    _ => 2,
                };
            }
        }
        assert!(
            f.evaluations <= bound,
            "{}: {} evaluations, bound {bound}",
            f.suggestion,
            f.evaluations
        );
    }
}

#[test]
fn a_suggestion_the_review_does_not_make_is_refused_by_name() {
    let s = example("kent-2016");
    let id: SuggestionId = "retire:no-such-focus-area".parse().expect("an id");
    let err = firmness(
        &s,
        &shipped_pack(),
        &Settings::default(),
        &Limits::default(),
        &id,
    )
    .unwrap_err();
    assert_eq!(err, FirmnessError::NotSuggested(id));
    assert!(err.to_string().contains("does not make"));
}

/// A hand-made answer, to read its wording in every number.
fn made(
    naming: usize,
    fewer: Option<(usize, Option<(usize, usize, usize)>)>,
    more: Option<usize>,
) -> Firmness {
    let names: Vec<String> = [
        "Ashford",
        "Dover",
        "Swale",
        "Thanet",
        "Canterbury",
        "Sevenoaks",
        "Maidstone",
    ]
    .iter()
    .map(|n| n.to_string())
    .collect();
    let shift = |direction, gone_after: Option<usize>, rank: Option<(usize, usize, usize)>| Shift {
        direction,
        order: names.iter().map(|n| n.to_lowercase()).collect(),
        names: names.clone(),
        gone_after,
        rank: rank.map(|(after, from, to)| horizon_engine::RankShift { after, from, to }),
    };
    Firmness {
        suggestion: "retain:a".parse().expect("an id"),
        rank: 1,
        of: 12,
        districts: Some(horizon_engine::DistrictFirmness {
            themes: vec!["a".into()],
            subject: "Road Safety".into(),
            districts: 11,
            naming,
            naming_main: 2,
            fewer: fewer.map(|(k, rank)| shift(Direction::Fewer, Some(k), rank)),
            more: more.map(|k| shift(Direction::More, Some(k), None)),
        }),
        params: vec![],
        evaluations: 0,
    }
}

#[test]
fn the_wording_agrees_with_its_numbers() {
    assert_eq!(
        made(9, Some((1, Some((1, 11, 12)))), Some(1)).sentences(),
        [
            // Fewest changes first; at the same number, going before moving.
            "Holds unless 1 of the 9 districts naming Road Safety stops naming it (for example Ashford).",
            "Would go if 1 more district named Road Safety as a main priority (for example Ashford).",
            "Falls from 11th to 12th if 1 of the 9 districts naming Road Safety stops naming it (for example Ashford).",
        ]
    );
    assert_eq!(
        made(1, Some((1, None)), Some(6)).sentences(),
        [
            "Holds unless the one district naming Road Safety stops naming it.",
            "Would go if 6 more districts named Road Safety as a main priority.",
        ]
    );
    assert_eq!(
        made(3, Some((3, Some((2, 3, 1)))), None).sentences(),
        [
            "Rises from 3rd to 1st if 2 of the 3 districts naming Road Safety stop naming it (for example Ashford and Dover).",
            "Holds unless all 3 districts naming Road Safety stop naming it.",
        ]
    );
    let mut held = made(9, None, None);
    if let Some(d) = held.districts.as_mut() {
        d.fewer = Some(Shift {
            gone_after: None,
            rank: None,
            ..made(9, Some((1, None)), None)
                .districts
                .unwrap()
                .fewer
                .unwrap()
        });
    }
    assert_eq!(
        held.sentences(),
        ["Holds even if no district named Road Safety."]
    );
    let mut nothing = made(0, None, None);
    nothing.districts = None;
    assert_eq!(
        nothing.sentences(),
        ["Nothing in the matrix or in the settings of the rules behind it bears on it."]
    );
}
