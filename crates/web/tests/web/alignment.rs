//! The Alignment view's route, and choosing the plan under review through the edit
//! path: undoable, in the history, autosaved like any other change.

use horizon_engine::{align, county_view, Standing};
use horizon_model::{example, Edit};
use horizon_web::state::*;
use horizon_web::storage::{self, Found};
use horizon_web::words;

fn kent() -> AppState {
    AppState::new(Start::fresh())
}

fn review(plan: &str) -> Action {
    Action::edit(Edit::Review { plan: plan.into() })
}

#[test]
fn alignment_has_its_own_address_after_plan() {
    let route = Route::parse("#alignment").expect("a route");
    assert_eq!(route.view, View::Alignment);
    assert_eq!(route.fragment(), "alignment");
    assert_eq!(View::Alignment.title(), "Alignment");
    let at = |v: View| View::ALL.iter().position(|&x| x == v);
    assert_eq!(at(View::Alignment), at(View::Plan).map(|i| i + 1));
    let s = kent().apply(Action::Navigate(Route::to(View::Alignment)));
    assert_eq!(s.session.route.view, View::Alignment);
}

#[test]
fn choosing_the_plan_under_review_is_an_undoable_change() {
    let s = kent();
    assert_eq!(s.scenario().under_review, "kent-csa");
    let revision = s.review.revision;
    let s = s.apply(review("thanet"));
    assert_eq!(s.scenario().under_review, "thanet");
    assert!(
        s.review.revision > revision,
        "the suggestions are worked out again"
    );
    assert_eq!(
        s.project.history.undo_label(),
        Some("Now reviewing “Thanet Community Safety Plan 2016-17”.")
    );
    assert_eq!(
        s.session.status,
        "Now reviewing “Thanet Community Safety Plan 2016-17”."
    );
    let s = s.apply(Action::Undo);
    assert_eq!(s.scenario().under_review, "kent-csa");
    let s = s.apply(Action::Redo);
    assert_eq!(s.scenario().under_review, "thanet");
}

#[test]
fn a_plan_the_scenario_does_not_have_is_refused_and_changes_nothing() {
    let s = kent().apply(review("no-such-plan"));
    assert_eq!(s.scenario().under_review, "kent-csa");
    assert!(!s.project.history.can_undo());
    assert!(!s.session.status.is_empty(), "the refusal is said");
}

#[test]
fn the_chosen_plan_survives_a_reload() {
    let s = kent().apply(review("thanet"));
    let text = storage::encode(&s);
    let Found::Work(start) = storage::interpret(Some(text)) else {
        panic!("the save reads back")
    };
    assert_eq!(start.project.work.scenario.under_review, "thanet");
}

#[test]
fn the_chooser_names_each_plan_and_whose_it_is() {
    let s = example("kent-2016").expect("example").scenario();
    let options: Vec<String> = s.plans.iter().map(|p| words::plan_option(p, &s)).collect();
    assert_eq!(
        options,
        [
            "Kent Community Safety Agreement 2014-17 (county agreement)",
            "Thanet Community Safety Plan 2016-17 (Thanet's district plan)",
        ]
    );
}

#[test]
fn thanet_reads_as_the_page_shows_it() {
    let s = example("thanet-2016-17").expect("example").scenario();
    let a = align(&s, "thanet").expect("a district plan");
    let word = |name: &str| {
        a.priorities
            .iter()
            .find(|p| p.name == name)
            .map(|p| words::standing_words(&p.standing))
    };
    assert_eq!(a.priorities.len(), 10);
    let covered = a
        .priorities
        .iter()
        .filter(|p| matches!(p.standing, Standing::Covered { .. }))
        .count();
    assert_eq!(covered, 6);
    for name in [
        "Substance Misuse",
        "Road Safety",
        "Early intervention, prevention and education",
    ] {
        assert_eq!(word(name), Some("Named locally only"), "{name}");
    }
    assert_eq!(word("Acquisitive Crime"), Some("Not addressed locally"));
    let da = a
        .priorities
        .iter()
        .find(|p| p.name == "Domestic Abuse")
        .expect("DA");
    let Standing::Covered { by } = &da.standing else {
        panic!("Domestic Abuse is covered")
    };
    assert_eq!(
        words::cover_words(&by[0]),
        "within the broader focus area “Safeguarding our most vulnerable people”"
    );
    assert_eq!(words::capitalise("not named"), "Not named");
}

#[test]
fn kent_reads_as_the_county_view() {
    let s = example("kent-2016").expect("example").scenario();
    let v = county_view(&s).expect("a county agreement");
    let summary = v.summary(&s);
    assert!(
        summary
            .iter()
            .any(|l| l.starts_with("Furthest from the agreement: Sevenoaks")),
        "{summary:?}"
    );
}
