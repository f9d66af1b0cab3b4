//! The Word report's "Stakeholder events" section: what the room said, as counted,
//! and how the suggestions moved when it was shown.

use horizon_engine::{evaluate, shipped_pack, standings, Limits, Settings};
use horizon_model::{Edit, Event, EventEdit, Round, RoundOption, Scenario, Subject, Way};

use super::{context, kent, make, styled, text_of};

fn ev(e: EventEdit) -> Edit {
    Edit::Event(e)
}

/// Kent with an event whose one round, a tally of 60 votes, has been revealed.
fn kent_with_event() -> Scenario {
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
    let tally = [("road-safety", 20), ("health-wellbeing", 15), ("prevent", 10), ("domestic-abuse", 15)];
    let options = tally
        .iter()
        .map(|(t, _)| RoundOption {
            subject: Subject::Theme((*t).into()),
            name: s.theme(t).expect("a Kent theme").name.clone(),
            votes: 0,
        })
        .collect();
    let round = s
        .apply(&ev(EventEdit::AddRound {
            event: event.clone(),
            round: Round::new("Which themes should the partnership focus on?", Way::Tally, None, options),
        }))
        .expect("a round")
        .id
        .expect("its id");
    for (t, by) in tally {
        s.apply(&ev(EventEdit::Tally { event: event.clone(), round: round.clone(), subject: Subject::Theme(t.into()), by }))
            .expect("counted");
    }
    let pack = shipped_pack();
    let eval = |s: &Scenario| standings(&evaluate(s, &pack, &Settings::default(), &Limits::default()), s);
    let reveal = |before, after| ev(EventEdit::Reveal { event: event.clone(), round: round.clone(), before, after });
    let before = eval(&s);
    let shown = s.with(&reveal(before.clone(), vec![])).expect("revealed").0;
    let after = eval(&shown);
    s.apply(&reveal(before, after)).expect("revealed with the record");
    s
}

#[test]
fn an_event_has_its_own_section_before_the_matrix_with_the_rooms_totals_and_the_moves() {
    let s = kent_with_event();
    let (made, _) = make(&s, &context(None, &[]));
    let h1 = styled(&made.xml, "Heading1");
    assert_eq!(
        h1,
        [
            "Summary",
            "Suggested changes",
            "Conflicts",
            "Changes not suggested",
            "Stakeholder events",
            "Priority matrix",
            "Appendix: how this was worked out"
        ]
    );
    assert!(styled(&made.xml, "Heading2").contains(&"Kent stakeholder event".to_string()));
    let section = made
        .xml
        .split("Stakeholder events</w:t>")
        .nth(1)
        .and_then(|x| x.split("Priority matrix</w:t>").next())
        .expect("the section");
    let text = text_of(section);
    for want in [
        "7 December 2016, Margate Winter Gardens, 55 participants.",
        "Round 1. Which themes should the partnership focus on? Counted by a tally: 60 votes.",
        "OptionVotesRoad Safety20Health & Wellbeing15Domestic Abuse15Prevent10",
        "How the suggestions moved when the results were shown:",
        "Retain Road Safety: 34.1 → 44.1, now 5th",
        "Ballots are anonymous",
    ] {
        assert!(text.contains(want), "missing {want:?} in {text}");
    }
    let moves = styled(section, "ListBullet");
    assert_eq!(moves.len(), 5, "the five largest moves: {moves:?}");
    assert_eq!(moves[0], "Retain Domestic Abuse: 64.9 → 74.9, still 2nd");
}

#[test]
fn a_review_without_events_has_no_such_section() {
    let (made, _) = make(&kent(), &context(None, &[]));
    assert!(!text_of(&made.xml).contains("Stakeholder events"));
}
