//! A stakeholder event's effect on the suggestions, in words: where they stood when a
//! round was revealed, how they moved, and the event as the reports tell it.

use horizon_engine::{movement, report, shipped_pack, standings, Moved};
use horizon_model::{Edit, Event, EventEdit, Round, RoundOption, Scale, Scenario, Standing, Subject, Way};
use serde_json::Value;

use super::{kent, run};

fn ev(e: EventEdit) -> Edit {
    Edit::Event(e)
}

fn round(s: &Scenario, question: &str, way: Way, most: Option<u32>, themes: &[&str]) -> Round {
    let options = themes.iter().map(|t| s.option(Subject::Theme((*t).into()))).collect();
    Round::new(question, way, most, options)
}

/// The room's tally in the event's first round: 60 votes.
pub(crate) const TALLY: [(&str, i64); 4] = [
    ("road-safety", 20),
    ("health-wellbeing", 15),
    ("prevent", 10),
    ("domestic-abuse", 15),
];

/// Reveals a round as the page does: the standings before, the votes taken in, the
/// standings after.
pub(crate) fn reveal(s: &mut Scenario, event: &str, round: &str) {
    let pack = shipped_pack();
    let before = standings(&run(s, &pack), s);
    let edit = |before, after| {
        ev(EventEdit::Reveal { event: event.into(), round: round.into(), before, after })
    };
    let shown = s.with(&edit(before.clone(), vec![])).expect("revealed").0;
    let after = standings(&run(&shown, &pack), &shown);
    s.apply(&edit(before, after)).expect("revealed with the record");
}

/// Kent with the December event: a tally of themes (revealed), two ballots (not
/// revealed) and the room's rating of the first horizon item; and the event's id.
pub(crate) fn kent_with_event() -> (Scenario, String) {
    let mut s = kent();
    let event = s
        .apply(&ev(EventEdit::Save(Event {
            id: String::new(),
            name: "Kent stakeholder event".into(),
            date: "7 December 2016".into(),
            venue: "Margate Winter Gardens".into(),
            participants: Some(55),
            screens: None,
            rounds: vec![],
        })))
        .expect("an event")
        .id
        .expect("its id");
    let add = |s: &mut Scenario, r: Round| {
        s.apply(&ev(EventEdit::AddRound { event: event.clone(), round: r }))
            .expect("a round")
            .id
            .expect("its id")
    };
    let themes: Vec<&str> = TALLY.iter().map(|(t, _)| *t).collect();
    let r = round(&s, "Which themes should the partnership focus on?", Way::Tally, None, &themes);
    let tally = add(&mut s, r);
    for (t, by) in TALLY {
        s.apply(&ev(EventEdit::Tally { event: event.clone(), round: tally.clone(), subject: Subject::Theme(t.into()), by }))
            .expect("counted");
    }
    reveal(&mut s, &event, &tally);
    let r = round(&s, "Which two themes need more data?", Way::Ballots, Some(2), &["gangs", "digital-crime", "young-people"]);
    let ballots = add(&mut s, r);
    for choices in [&["gangs", "digital-crime"][..], &["gangs"][..]] {
        s.apply(&ev(EventEdit::Ballot {
            event: event.clone(),
            round: ballots.clone(),
            choices: choices.iter().map(|t| Subject::Theme((*t).into())).collect(),
        }))
        .expect("a ballot");
    }
    let mut rating = round(&s, "How likely, and how harmful?", Way::Rating, None, &[]);
    let item = s.horizon[0].clone();
    rating.item = Some(RoundOption { subject: Subject::Item(item.id), name: item.title, votes: 0 });
    let rating = add(&mut s, rating);
    for (scale, grade, by) in [(Scale::Likelihood, 2u8, 3i64), (Scale::Likelihood, 3, 5), (Scale::Likelihood, 4, 2), (Scale::Impact, 4, 6)] {
        s.apply(&ev(EventEdit::Rate { event: event.clone(), round: rating.clone(), scale, grade, by }))
            .expect("rated");
    }
    (s, event)
}

fn sentences(moves: &[Moved]) -> Vec<String> {
    moves.iter().map(Moved::sentence).collect()
}

#[test]
fn standings_are_kents_suggestions_highest_score_first() {
    let s = kent();
    let e = run(&s, &shipped_pack());
    let st = standings(&e, &s);
    assert_eq!(st.len(), e.suggestions.len());
    assert!(st.windows(2).all(|w| w[0].score >= w[1].score), "{st:?}");
    assert_eq!(st[0].suggestion, "add:safeguarding");
    assert_eq!(st[0].headline, "Add Safeguarding");
    assert!((st[0].score - 91.5).abs() < 0.05, "{}", st[0].score);
    let ids: Vec<String> = e.suggestions.iter().map(|x| x.id().to_string()).collect();
    assert!(st.iter().all(|x| ids.contains(&x.suggestion)));
}

#[test]
fn revealing_the_rooms_votes_moves_the_suggestions_it_voted_for() {
    let (s, event) = kent_with_event();
    let r = &s.event(&event).expect("the event").rounds[0];
    assert!(r.revealed);
    let moved = sentences(&movement(&r.before, &r.after));
    assert_eq!(
        moved,
        [
            "Retain Domestic Abuse: 64.9 → 74.9, still 2nd",
            "Retain Road Safety: 34.1 → 44.1, now 5th",
            "Watch Health & Wellbeing: 26.8 → 34.8, still 7th",
            "Add Safeguarding: 91.5 → 93.7, still 1st",
            "Retain Anti-Social Behaviour: 40.1 as before, now 6th (was 5th)",
        ],
        "largest movement first; the consolidation and Substance Misuse, which the room gave no votes and kept their places, are left out"
    );
}

#[test]
fn a_suggestion_that_comes_or_goes_says_so() {
    let s = kent();
    let before = standings(&run(&s, &shipped_pack()), &s);
    let mut after: Vec<Standing> = before.clone();
    let gone = after.remove(1);
    after.insert(0, Standing { suggestion: "watch:gangs".into(), headline: "Watch Gangs".into(), score: 95.0 });
    let moved = sentences(&movement(&before, &after));
    assert!(moved.contains(&"Watch Gangs: new, 95, 1st".to_string()), "{moved:?}");
    assert!(moved.contains(&format!("{}: 64.9 → no longer suggested", gone.headline)), "{moved:?}");
    assert!(moved.contains(&"Add Safeguarding: 91.5 as before, now 2nd (was 1st)".to_string()), "{moved:?}");
    assert!(
        !moved.iter().any(|m| m.starts_with("Consolidate")),
        "a suggestion in the same place with the same score is left out: {moved:?}"
    );
    assert!(movement(&before, &before).is_empty());
}

#[test]
fn the_reports_tell_the_event_round_by_round() {
    let (s, _) = kent_with_event();
    let e = run(&s, &shipped_pack());
    let text = report::text(&e, &s);
    let md = report::markdown(&e, &s);
    for out in [&text, &md] {
        for want in [
            "Kent stakeholder event",
            "7 December 2016, Margate Winter Gardens, 55 participants.",
            "Which themes should the partnership focus on? Counted by a tally: 60 votes.",
            "How the suggestions moved when the results were shown:",
            "Retain Road Safety: 34.1 → 44.1, now 5th",
            "Counted by ballots, each person choosing up to 2 options: 2 ballots cast, 3 votes in all.",
            "Not yet shown to the room",
            "Likelihood: median 3, from 2 to 4 (10 ratings)",
            "Impact: median 4, all gave 4 (6 ratings)",
        ] {
            let flat = out.split_whitespace().collect::<Vec<_>>().join(" ").replace("**", "");
            assert!(flat.contains(want), "missing {want:?} in\n{out}");
        }
    }
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Road Safety: 20 votes; Health & Wellbeing: 15 votes; Domestic Abuse: 15 votes; Prevent: 10 votes."), "{text}");
    assert!(md.contains("### Stakeholder events") && md.contains("| Road Safety | 20 |"), "{md}");
    assert!(md.find("### Stakeholder events") < md.find("### How this was worked out"));
    assert!(flat.contains("Gangs: 2 votes; Digital Crime / e-safety: 1 vote; Young People: 0 votes"), "{text}");
    // Kent without an event has no such section.
    let k = kent();
    let plain = run(&k, &shipped_pack());
    assert!(!report::text(&plain, &k).contains("Stakeholder events"));
    assert!(!report::markdown(&plain, &k).contains("Stakeholder events"));
    assert!(serde_json::from_str::<Value>(&report::json(&plain, &k)).unwrap().get("events").is_none());
}

#[test]
fn the_json_report_gives_each_rounds_totals_and_no_ballot_of_its_own() {
    let (s, _) = kent_with_event();
    let e = run(&s, &shipped_pack());
    let j: Value = serde_json::from_str(&report::json(&e, &s)).expect("JSON");
    assert_eq!(j["report_version"], 4);
    let ev = &j["events"][0];
    assert_eq!(ev["name"], "Kent stakeholder event");
    assert_eq!(ev["participants"], 55);
    let tally = &ev["rounds"][0];
    assert_eq!((tally["way"].as_str(), tally["entries"].as_u64()), (Some("tally"), Some(60)));
    assert_eq!(tally["results"][0], serde_json::json!({ "name": "Road Safety", "votes": 20 }));
    assert_eq!(tally["moved"][1], "Retain Road Safety: 34.1 → 44.1, now 5th");
    let ballots = &ev["rounds"][1];
    assert_eq!((ballots["way"].as_str(), ballots["entries"].as_u64(), ballots["revealed"].as_bool()), (Some("ballots"), Some(2), Some(false)));
    let keys: Vec<&String> = ballots.as_object().expect("a map").keys().collect();
    assert!(
        keys.iter().all(|k| ["question", "way", "entries", "counted", "results", "revealed", "moved_heading"].contains(&k.as_str())),
        "totals only: {keys:?}"
    );
    assert_eq!(ev["rounds"][2]["ratings"][0], "Likelihood: median 3, from 2 to 4 (10 ratings)");
}

#[test]
fn a_theme_removed_after_the_event_keeps_its_votes_in_the_report() {
    let (mut s, _) = kent_with_event();
    s.apply(&Edit::Remove { collection: horizon_model::Collection::Themes, id: "gangs".into() })
        .expect("removed");
    let e = run(&s, &shipped_pack());
    let text = report::text(&e, &s);
    assert!(text.contains("Gangs (no longer a theme): 2 votes"), "{text}");
}
