//! Presentation mode's screens and keys, on the host.

use horizon_engine::{evaluate, shipped_pack, Limits, Settings};
use horizon_web::present::{key, screens, step, Key, Screen, MATRIX_ROWS};

#[test]
fn kent_is_presented_title_matrix_suggestions_then_the_proposed_plan() {
    let s = horizon_model::example("kent-2016").unwrap().scenario();
    let e = evaluate(
        &s,
        &shipped_pack(),
        &Settings::default(),
        &Limits::default(),
    );
    let all = screens(&s, &e, None);
    assert_eq!(all[0], Screen::Title);
    assert_eq!(*all.last().unwrap(), Screen::Proposed);
    let matrix: Vec<&Vec<String>> = all
        .iter()
        .filter_map(|x| match x {
            Screen::Matrix { themes, .. } => Some(themes),
            _ => None,
        })
        .collect();
    let named = s
        .themes
        .iter()
        .filter(|t| s.district_count(&t.id) > 0)
        .count();
    assert_eq!(matrix.len(), named.div_ceil(MATRIX_ROWS));
    assert_eq!(
        matrix.iter().map(|m| m.len()).sum::<usize>(),
        named,
        "every named theme, once"
    );
    assert!(matrix.iter().all(|m| m.len() <= MATRIX_ROWS));
    assert_eq!(matrix[0][0], "domestic-abuse", "most-named first");
    let sugs = all
        .iter()
        .filter(|x| matches!(x, Screen::Suggestion(_)))
        .count();
    assert_eq!(sugs, e.suggestions.len());
    assert_eq!(
        all[1].label(&e),
        format!("Priority matrix, 1 of {}", matrix.len())
    );
    assert_eq!(all[1 + matrix.len()], Screen::Radar);
    assert_eq!(all[2 + matrix.len()], Screen::Grid);
    assert_eq!(
        all[3 + matrix.len()].label(&e),
        format!("Suggestion 1 of {sugs}")
    );
}

#[test]
fn presenter_keys_move_within_the_screens() {
    assert_eq!(key("PageDown"), Some(Key::Next));
    assert_eq!(key(" "), Some(Key::Next));
    assert_eq!(key("PageUp"), Some(Key::Previous));
    assert_eq!(key("."), Some(Key::Blank));
    assert_eq!(key("B"), Some(Key::Blank));
    assert_eq!(key("Escape"), Some(Key::Leave));
    assert_eq!(key("f"), Some(Key::FullScreen));
    assert_eq!(key("F"), Some(Key::FullScreen));
    assert_eq!(key("x"), None);
    assert_eq!(step(0, 5, Key::Previous), 0, "no wrap at the start");
    assert_eq!(step(4, 5, Key::Next), 4, "no wrap at the end");
    assert_eq!(step(2, 5, Key::Last), 4);
    assert_eq!(step(2, 5, Key::First), 0);
    assert_eq!(step(3, 5, Key::Blank), 3);
    assert_eq!(step(0, 0, Key::Next), 0, "nothing to show is not a panic");
}

fn kent_with_event() -> horizon_model::Scenario {
    use horizon_model::{Edit, Event, EventEdit};
    let mut s = horizon_model::example("kent-2016").unwrap().scenario();
    s.apply(&Edit::Event(EventEdit::Save(Event::named("Stakeholder event"))))
    .unwrap();
    s
}

#[test]
fn an_event_presents_its_chosen_screens_in_its_order_and_says_when_none_are_chosen() {
    use horizon_model::{Edit, EventEdit, ScreenChoice};
    let mut s = kent_with_event();
    let e = evaluate(
        &s,
        &shipped_pack(),
        &Settings::default(),
        &Limits::default(),
    );
    let id = s.events[0].id.clone();
    s.apply(&Edit::Event(EventEdit::Screens {
        event: id.clone(),
        screens: Some(vec![
            ScreenChoice::Proposed,
            ScreenChoice::Radar,
            ScreenChoice::Title,
        ]),
    }))
    .unwrap();
    assert_eq!(
        screens(&s, &e, s.events.last()),
        [Screen::Proposed, Screen::Radar, Screen::Title]
    );
    s.apply(&Edit::Event(EventEdit::Screens {
        event: id,
        screens: Some(vec![]),
    }))
    .unwrap();
    let none = screens(&s, &e, s.events.last());
    assert_eq!(none, [Screen::NoneChosen]);
    assert_eq!(none[0].label(&e), "No screens chosen");
}

#[test]
fn revealing_a_ballot_round_records_the_suggestions_before_and_after_and_they_move() {
    use horizon_model::{Edit, EventEdit, Round, RoundOption, Subject, Way};
    use horizon_web::event::{current, reveal};
    let mut s = kent_with_event();
    let event = current(&s).unwrap().id.clone();
    let themes: Vec<String> = s.themes.iter().take(4).map(|t| t.id.clone()).collect();
    let options = themes
        .iter()
        .map(|t| RoundOption {
            subject: Subject::Theme(t.clone()),
            name: s.theme(t).unwrap().name.clone(),
            votes: 0,
        })
        .collect();
    let round = s
        .apply(&Edit::Event(EventEdit::AddRound {
            event: event.clone(),
            round: Round::new("Which matter most?", Way::Ballots, Some(2), options),
        }))
        .unwrap()
        .id
        .unwrap();
    for k in 0..10 {
        s.apply(&Edit::Event(EventEdit::Ballot {
            event: event.clone(),
            round: round.clone(),
            choices: vec![Subject::Theme(themes[k % 4].clone())],
        }))
        .unwrap();
    }
    let (pack, settings) = (shipped_pack(), Settings::default());
    let before = evaluate(&s, &pack, &settings, &Limits::default());
    let edit = reveal(&s, &before, &pack, &settings, &event, &round).unwrap();
    s.apply(&edit).unwrap();
    let r = current(&s).unwrap().round(&round).unwrap();
    assert!(r.revealed);
    assert_eq!(r.before.len(), before.suggestions.len());
    assert!(
        r.before.windows(2).all(|w| w[0].score >= w[1].score),
        "highest first"
    );
    let after = evaluate(&s, &pack, &settings, &Limits::default());
    assert_eq!(
        r.after.len(),
        after.suggestions.len(),
        "the record's after is the evaluation after"
    );
    assert_eq!(s.votes.iter().map(|v| v.votes).sum::<u32>(), 10);
    // Revealing twice is refused, and changes nothing.
    assert!(reveal(&s, &after, &pack, &settings, &event, &round).is_err());
}
