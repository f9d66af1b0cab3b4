//! "How firm is this?" through the reducer: asked, answered by the edge, shown for
//! the revision it is about, and cleared by any change to the work.

use horizon_engine::{firmness, Limits, SuggestionId};
use horizon_model::{Edit, Level};
use horizon_web::state::*;

use super::{evaluated, kent};

/// What the edge does when the button is pressed: ask, work it out, answer.
fn ask_and_answer(state: AppState, id: &SuggestionId) -> AppState {
    let state = state.apply(Action::FirmnessAsked(id.clone()));
    let revision = state.review.revision;
    assert!(state.review.firmness.is_working(revision, id));
    let result = firmness(
        state.scenario(),
        &state.pack,
        &state.project.work.settings,
        &Limits::default(),
        id,
    );
    state.apply(Action::FirmnessFound {
        revision,
        id: id.clone(),
        answer: FirmnessAnswer {
            result: result.map(Shared::new).map_err(|e| e.to_string()),
            millis: 12.0,
        },
    })
}

fn top(state: &AppState) -> SuggestionId {
    state.review.evaluated.as_ref().expect("evaluated").lines[0]
        .id
        .clone()
}

fn sentences(state: &AppState, id: &SuggestionId) -> Option<Vec<String>> {
    let found = state.review.firmness.found(state.review.revision, id)?;
    Some(found.result.as_ref().expect("worked out").sentences())
}

#[test]
fn the_answer_is_shown_for_the_suggestion_asked_about_until_the_work_changes() {
    let state = evaluated(kent());
    let id = top(&state);
    let state = ask_and_answer(state, &id);
    let said = sentences(&state, &id).expect("shown");
    assert!(
        said.iter()
            .any(|s| s.contains("districts naming Safeguarding")),
        "{said:#?}"
    );
    assert!(!state.review.firmness.is_working(state.review.revision, &id));

    // Hidden again by the same button.
    let hidden = state.clone().apply(Action::FirmnessHidden(id.clone()));
    assert_eq!(sentences(&hidden, &id), None);

    // Any change to the work clears it: the figures were about the old matrix.
    let edited = state.apply(Action::edit(Edit::SetCell {
        district: "ashford".into(),
        theme: "safeguarding".into(),
        level: Some(Level::Main),
    }));
    assert_eq!(sentences(&edited, &id), None);
    let undone = evaluated(evaluated(edited).apply(Action::Undo));
    assert_eq!(sentences(&undone, &id), None, "not brought back by undo");
}

#[test]
fn nothing_is_asked_while_an_edit_waits_and_a_late_answer_is_dropped() {
    let state = evaluated(kent());
    let id = top(&state);
    let asked = state.apply(Action::FirmnessAsked(id.clone()));
    let revision = asked.review.revision;
    // The user edits before the answer arrives.
    let edited = asked.apply(Action::edit(Edit::SetCell {
        district: "ashford".into(),
        theme: "prevent".into(),
        level: Some(Level::Main),
    }));
    let waiting = edited.clone().apply(Action::FirmnessAsked(id.clone()));
    assert!(
        !waiting
            .review
            .firmness
            .is_working(waiting.review.revision, &id),
        "pending: not asked"
    );
    let late = edited.apply(Action::FirmnessFound {
        revision,
        id: id.clone(),
        answer: FirmnessAnswer {
            result: Err("late".into()),
            millis: 1.0,
        },
    });
    assert_eq!(late.review.firmness.found(late.review.revision, &id), None);
    assert_eq!(late.review.firmness.found(revision, &id), None);
}
