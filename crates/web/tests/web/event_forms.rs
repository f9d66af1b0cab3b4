//! The stakeholder event's forms: what a facilitator types becomes the model's edit,
//! and the model's refusals land beside the right controls.

use horizon_model::{Edit, EventEdit, Way};
use horizon_project::{Change, History, Work};
use horizon_web::event::last_entry;
use horizon_web::forms::event::{EventDraft, RoundDraft};

fn kent() -> horizon_model::Scenario {
    horizon_model::example("kent-2016").unwrap().scenario()
}

fn with_event() -> (horizon_model::Scenario, String) {
    let mut s = kent();
    let draft = EventDraft {
        name: "  Stakeholder event ".into(),
        date: "7 December 2016".into(),
        venue: String::new(),
        participants: "55".into(),
    };
    let id = s
        .apply(&draft.to_edit(&s, None).unwrap())
        .unwrap()
        .id
        .unwrap();
    (s, id)
}

#[test]
fn the_event_form_reads_participants_as_a_whole_number_and_needs_a_name() {
    let (s, id) = with_event();
    assert_eq!(s.event(&id).unwrap().name, "Stakeholder event");
    assert_eq!(s.event(&id).unwrap().participants, Some(55));
    let bad = EventDraft {
        name: "x".into(),
        participants: "fifty".into(),
        ..EventDraft::default()
    };
    let errors = bad.to_edit(&s, Some(&id)).unwrap_err();
    assert_eq!(errors[0].field, "participants");
    let blank = EventDraft::default().to_edit(&s, None).unwrap_err();
    assert_eq!(
        (blank[0].field.as_str(), blank[0].message.as_str()),
        ("name", "Enter the event's name")
    );
}

#[test]
fn a_round_needs_its_question_something_to_vote_on_and_a_sensible_limit() {
    let (s, id) = with_event();
    let mut d = RoundDraft {
        question: "Which matter most?".into(),
        ..RoundDraft::default()
    };
    let errors = d.to_edit(&s, &id).unwrap_err();
    assert_eq!(errors[0].field, "options", "{errors:?}");
    assert!(
        errors[0].message.contains("nothing to vote on"),
        "{errors:?}"
    );
    d.themes = vec!["road-safety".into(), "gangs".into()];
    d.most = "5".into();
    let errors = d.to_edit(&s, &id).unwrap_err();
    assert_eq!(errors[0].field, "most");
    assert!(errors[0].message.contains("from 1 to 2"), "{errors:?}");
    d.most = "2".into();
    assert!(d.to_edit(&s, &id).is_ok());
    let rating = RoundDraft {
        question: "How likely?".into(),
        way: Way::Rating,
        ..RoundDraft::default()
    };
    assert_eq!(rating.to_edit(&s, &id).unwrap_err()[0].field, "item");
}

#[test]
fn undo_the_last_entry_is_offered_only_for_an_entry() {
    let (mut s, id) = with_event();
    let d = RoundDraft {
        question: "Which matter most?".into(),
        way: Way::Tally,
        themes: vec!["road-safety".into()],
        ..RoundDraft::default()
    };
    let round = s.apply(&d.to_edit(&s, &id).unwrap()).unwrap().id.unwrap();
    let work = Work::of(s.clone());
    let mut h = History::new(work.clone());
    h.record(
        Change::Scenario(d.to_edit(&s, &id).unwrap()),
        "Round added.".into(),
        &work,
    );
    assert_eq!(last_entry(&h), None);
    let tally = Edit::Event(EventEdit::Tally {
        event: id,
        round: round.clone(),
        subject: horizon_model::Subject::Theme("road-safety".into()),
        by: 3,
    });
    h.record(
        Change::Scenario(tally),
        "Road Safety: 3 votes.".into(),
        &work,
    );
    assert_eq!(
        last_entry(&h),
        Some((round.as_str(), "Road Safety: 3 votes."))
    );
}
