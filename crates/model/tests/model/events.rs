//! Stakeholder events: every entry is an edit the model judges; the record keeps
//! what the room said even when the scenario changes after.

use horizon_model::{
    rating_summary, Collection, Edit, Event, EventEdit, ProblemKind, Round, RoundOption, Scale,
    Scenario, ScreenChoice, Standing, Subject, Way,
};

use super::kent;

fn ev(e: EventEdit) -> Edit {
    Edit::Event(e)
}

fn option(s: &Scenario, theme: &str) -> RoundOption {
    RoundOption {
        subject: Subject::Theme(theme.into()),
        name: s.theme(theme).unwrap().name.clone(),
        votes: 0,
    }
}

fn round(question: &str, way: Way, most: Option<u32>, options: Vec<RoundOption>) -> Round {
    Round::new(question, way, most, options)
}

/// Kent with an event and one round of `way`, and their ids.
fn with_round(way: Way, most: Option<u32>) -> (Scenario, String, String) {
    let mut s = kent();
    let event = s
        .apply(&ev(EventEdit::Save(Event {
            id: String::new(),
            name: "Thanet stakeholder event".into(),
            date: "7 December 2016".into(),
            venue: "Margate Winter Gardens".into(),
            participants: Some(55),
            screens: None,
            rounds: vec![],
        })))
        .unwrap()
        .id
        .unwrap();
    let options = ["domestic-abuse", "safeguarding", "road-safety"]
        .iter()
        .map(|t| option(&s, t))
        .collect();
    let mut r = round("Which themes matter most?", way, most, options);
    if way == Way::Rating {
        r.options.clear();
        let item = &s.horizon[0];
        r.item = Some(RoundOption {
            subject: Subject::Item(item.id.clone()),
            name: item.title.clone(),
            votes: 0,
        });
    }
    let round = s
        .apply(&ev(EventEdit::AddRound { event: event.clone(), round: r }))
        .unwrap()
        .id
        .unwrap();
    (s, event, round)
}

fn ballot(event: &str, round: &str, themes: &[&str]) -> Edit {
    ev(EventEdit::Ballot {
        event: event.into(),
        round: round.into(),
        choices: themes.iter().map(|t| Subject::Theme((*t).into())).collect(),
    })
}

#[test]
fn ballots_count_without_a_trace_and_one_over_the_limit_is_refused_whole() {
    let (mut s, e, r) = with_round(Way::Ballots, Some(2));
    let a = s.apply(&ballot(&e, &r, &["safeguarding", "road-safety"])).unwrap();
    assert_eq!(a.summary, "Vote cast: 1 ballot so far.");
    s.apply(&ballot(&e, &r, &["safeguarding"])).unwrap();
    let before = s.clone();
    let no = s
        .apply(&ballot(&e, &r, &["safeguarding", "road-safety", "domestic-abuse"]))
        .unwrap_err();
    assert_eq!(no.kind, ProblemKind::OutOfRange);
    assert!(no.message.contains("chooses 3") && no.message.contains("up to 2"), "{}", no.message);
    assert_eq!(s, before, "a refused ballot is not truncated");
    assert!(s.apply(&ballot(&e, &r, &[])).is_err());
    assert_eq!(
        s.apply(&ballot(&e, &r, &["road-safety", "road-safety"])).unwrap_err().kind,
        ProblemKind::DuplicateName
    );
    let round = s.event(&e).unwrap().round(&r).unwrap();
    assert_eq!(round.ballots, 2);
    let votes: Vec<u32> = round.options.iter().map(|o| o.votes).collect();
    assert_eq!(votes, [0, 2, 1]);
    // A tally entry is refused in a ballots round.
    assert!(s
        .apply(&ev(EventEdit::Tally {
            event: e.clone(),
            round: r.clone(),
            subject: Subject::Theme("road-safety".into()),
            by: 1
        }))
        .is_err());
}

#[test]
fn a_tally_cannot_go_below_nothing() {
    let (mut s, e, r) = with_round(Way::Tally, None);
    let tally = |by: i64| {
        ev(EventEdit::Tally {
            event: e.clone(),
            round: r.clone(),
            subject: Subject::Theme("road-safety".into()),
            by,
        })
    };
    assert_eq!(s.apply(&tally(12)).unwrap().summary, "Road Safety: 12 votes.");
    s.apply(&tally(-11)).unwrap();
    let no = s.apply(&tally(-2)).unwrap_err();
    assert!(no.message.contains("has 1 vote; a tally cannot go below nothing"), "{}", no.message);
    assert_eq!(no.path, "events[0].rounds[0].options[2].votes");
}

#[test]
fn revealing_sets_the_stakeholder_votes_and_closes_the_round() {
    let (mut s, e, r) = with_round(Way::Ballots, Some(2));
    for _ in 0..7 {
        s.apply(&ballot(&e, &r, &["road-safety"])).unwrap();
    }
    s.apply(&ballot(&e, &r, &["safeguarding", "road-safety"])).unwrap();
    let before = vec![Standing {
        suggestion: "watch:road-safety".into(),
        headline: "Watch Road Safety".into(),
        score: 20.0,
    }];
    let a = s
        .apply(&ev(EventEdit::Reveal {
            event: e.clone(),
            round: r.clone(),
            before: before.clone(),
            after: vec![],
        }))
        .unwrap();
    assert!(a.summary.contains("stakeholder votes of 3 themes"), "{}", a.summary);
    let votes = |t: &str| s.votes.iter().find(|v| v.theme == t).map(|v| v.votes);
    assert_eq!((votes("road-safety"), votes("safeguarding"), votes("domestic-abuse")), (Some(8), Some(1), None));
    assert_eq!(s.event(&e).unwrap().round(&r).unwrap().before, before);
    let closed = s.apply(&ballot(&e, &r, &["safeguarding"])).unwrap_err();
    assert!(closed.message.contains("revealed"), "{}", closed.message);
    // The record survives as JSON.
    let back = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(back.events, s.events);
}

#[test]
fn a_theme_removed_after_the_vote_keeps_its_votes_in_the_record() {
    let (mut s, e, r) = with_round(Way::Tally, None);
    s.apply(&ev(EventEdit::Tally {
        event: e.clone(),
        round: r.clone(),
        subject: Subject::Theme("road-safety".into()),
        by: 9,
    }))
    .unwrap();
    s.apply(&Edit::Remove {
        collection: Collection::Themes,
        id: "road-safety".into(),
    })
    .unwrap();
    let round = s.event(&e).unwrap().round(&r).unwrap().clone();
    assert_eq!(round.options[2].votes, 9);
    assert_eq!(s.option_name(&round.options[2]), "Road Safety (no longer a theme)");
    // Revealing sets the votes of the themes still there, and says nothing of the gone one.
    s.apply(&ev(EventEdit::Reveal { event: e, round: r, before: vec![], after: vec![] }))
        .unwrap();
    assert!(s.votes.iter().all(|v| v.theme != "road-safety"));
}

#[test]
fn ratings_give_the_median_and_the_spread() {
    let (mut s, e, r) = with_round(Way::Rating, None);
    for (grade, people) in [(2u8, 3i64), (3, 5), (4, 2)] {
        s.apply(&ev(EventEdit::Rate {
            event: e.clone(),
            round: r.clone(),
            scale: Scale::Likelihood,
            grade,
            by: people,
        }))
        .unwrap();
    }
    assert!(s
        .apply(&ev(EventEdit::Rate { event: e.clone(), round: r.clone(), scale: Scale::Impact, grade: 5, by: 1 }))
        .is_err());
    assert!(s
        .apply(&ev(EventEdit::Rate { event: e.clone(), round: r.clone(), scale: Scale::Impact, grade: 2, by: -1 }))
        .is_err());
    let round = s.event(&e).unwrap().round(&r).unwrap();
    let l = rating_summary(&round.likelihood).unwrap();
    assert_eq!((l.median, l.lowest, l.highest, l.grade()), (3.0, 2, 4, 3));
    assert_eq!(l.words(), "median 3, from 2 to 4 (10 ratings)");
    assert_eq!(rating_summary(&[0, 1, 1, 0]).unwrap().median, 2.5);
    assert_eq!(rating_summary(&[0, 1, 1, 0]).unwrap().grade(), 3);
    assert!(rating_summary(&round.impact).is_none());
}

#[test]
fn screens_are_chosen_in_order_and_checked() {
    let (mut s, e, r) = with_round(Way::Tally, None);
    let chosen = vec![ScreenChoice::Radar, ScreenChoice::Round(r.clone()), ScreenChoice::Title];
    s.apply(&ev(EventEdit::Screens { event: e.clone(), screens: Some(chosen.clone()) }))
        .unwrap();
    assert_eq!(s.event(&e).unwrap().chosen_screens(), chosen);
    let twice = s
        .apply(&ev(EventEdit::Screens {
            event: e.clone(),
            screens: Some(vec![ScreenChoice::Radar, ScreenChoice::Radar]),
        }))
        .unwrap_err();
    assert_eq!(twice.kind, ProblemKind::DuplicateName);
    // Removing the round takes its screen with it.
    s.apply(&ev(EventEdit::RemoveRound { event: e.clone(), round: r })).unwrap();
    assert_eq!(
        s.event(&e).unwrap().chosen_screens(),
        [ScreenChoice::Radar, ScreenChoice::Title]
    );
    // None chosen is allowed (the presentation says so), and None is every screen.
    s.apply(&ev(EventEdit::Screens { event: e.clone(), screens: Some(vec![]) })).unwrap();
    assert!(s.event(&e).unwrap().chosen_screens().is_empty());
    s.apply(&ev(EventEdit::Screens { event: e.clone(), screens: None })).unwrap();
    assert_eq!(s.event(&e).unwrap().chosen_screens(), ScreenChoice::STANDARD);
}

#[test]
fn a_hand_edited_record_that_does_not_add_up_is_refused_with_its_path() {
    let (mut s, _, _) = with_round(Way::Ballots, Some(1));
    s.events[0].rounds[0].options[0].votes = 3;
    s.events[0].rounds[0].ballots = 2;
    let text = s.to_json();
    let err = Scenario::from_json(&text).unwrap_err().to_string();
    assert!(err.contains("events[0].rounds[0].options: the votes do not add up"), "{err}");
}

#[test]
fn the_differences_say_what_the_room_added_since() {
    let (mut s, e, r) = with_round(Way::Ballots, Some(2));
    let before = s.clone();
    s.apply(&ballot(&e, &r, &["safeguarding"])).unwrap();
    s.apply(&ballot(&e, &r, &["road-safety"])).unwrap();
    let said: Vec<String> = horizon_model::diff(&before, &s).into_iter().map(|d| d.description).collect();
    assert_eq!(
        said,
        ["Stakeholder event “Thanet stakeholder event”, “Which themes matter most?”: 0 ballots cast → 2 ballots cast"]
    );
    let none = horizon_model::diff(&kent(), &s);
    assert!(none.iter().any(|d| d.description.starts_with("Stakeholder event “Thanet stakeholder event” added, with 1 vote round")), "{none:?}");
}
