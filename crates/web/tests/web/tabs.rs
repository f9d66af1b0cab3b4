//! Two tabs of one browser sharing one save, and a browser that cannot save.

use horizon_web::state::*;
use horizon_web::storage;
use std::rc::Rc;

use super::kent;

fn cycled(s: AppState, district: &str, theme: &str) -> AppState {
    s.apply(Action::CycleCell {
        district: district.into(),
        theme: theme.into(),
    })
}

fn snapshot_names(s: &AppState) -> Vec<String> {
    s.project.snapshots.iter().map(|s| s.name.clone()).collect()
}

#[test]
fn another_tabs_different_save_stops_this_tab_saving_until_the_user_chooses() {
    let here = kent();
    let there = cycled(kent(), "ashford", "gangs");
    assert!(here.may_autosave());
    let here = here.apply(Action::OtherTabSaved(Rc::new(storage::encode(&there))));
    assert!(matches!(here.session.other_tab, OtherTab::Changed(_)));
    assert!(!here.may_autosave(), "this tab would overwrite the other tab's change");
    // Editing here does not start saving again: the choice is still open.
    let here = cycled(here, "dover", "gangs");
    assert!(!here.may_autosave());
}

#[test]
fn the_same_work_seen_from_another_place_or_with_new_snapshots_asks_nothing() {
    let here = cycled(kent(), "ashford", "gangs");
    // The other tab is on another view of the same work.
    let there = here.clone().apply(Action::Navigate(Route::to(View::Rules)));
    let here = here.apply(Action::OtherTabSaved(Rc::new(storage::encode(&there))));
    assert_eq!(here.session.other_tab, OtherTab::Quiet);
    assert!(here.may_autosave());
    // The other tab kept a snapshot: taken up here, so this tab's next save keeps it.
    let there = there.apply(Action::SaveSnapshot {
        name: "Before the workshop".into(),
        taken: None,
    });
    let here = here.apply(Action::OtherTabSaved(Rc::new(storage::encode(&there))));
    assert_eq!(here.session.other_tab, OtherTab::Quiet);
    assert!(snapshot_names(&here).contains(&"Before the workshop".to_string()));
}

#[test]
fn taking_up_the_other_tabs_work_can_keep_this_tabs_as_a_snapshot() {
    let there = cycled(kent(), "ashford", "gangs");
    let here = cycled(kent(), "dover", "gangs");
    let mine = here.project.work.clone();
    let here = here
        .apply(Action::OtherTabSaved(Rc::new(storage::encode(&there))))
        .apply(Action::TakeOtherTab {
            keep: true,
            taken: Some("2026-12-06 14:00".into()),
        });
    assert!(here.project.work.same_as(&there.project.work));
    assert_eq!(here.session.other_tab, OtherTab::Quiet);
    assert!(here.may_autosave());
    let kept = here
        .project
        .snapshots
        .iter()
        .find(|s| s.name == KEPT_FROM_THIS_TAB)
        .expect("this tab's work is kept");
    assert!(kept.work.same_as(&mine));
    assert!(here.session.status.contains(KEPT_FROM_THIS_TAB), "{}", here.session.status);
    // The suggestions are worked out again for the work now shown.
    assert!(here.review.evaluated.is_none() || here.review.revision > there.review.revision);

    // A second time (both tabs now hold the first kept snapshot), the new one gets
    // a name of its own.
    let again = cycled(here.clone(), "thanet", "gangs");
    let here = cycled(here, "swale", "gangs")
        .apply(Action::OtherTabSaved(Rc::new(storage::encode(&again))))
        .apply(Action::TakeOtherTab {
            keep: true,
            taken: None,
        });
    let names = snapshot_names(&here);
    assert!(names.contains(&format!("{KEPT_FROM_THIS_TAB} (2)")), "{names:?}");
}

#[test]
fn taking_up_the_other_tabs_work_without_keeping_discards_this_tabs() {
    let there = cycled(kent(), "ashford", "gangs");
    let here = cycled(kent(), "dover", "gangs")
        .apply(Action::OtherTabSaved(Rc::new(storage::encode(&there))))
        .apply(Action::TakeOtherTab {
            keep: false,
            taken: None,
        });
    assert!(here.project.work.same_as(&there.project.work));
    assert!(!snapshot_names(&here).contains(&KEPT_FROM_THIS_TAB.to_string()));
    // Nothing to take when nothing changed: the action does nothing.
    let quiet = kent();
    let after = quiet.clone().apply(Action::TakeOtherTab {
        keep: true,
        taken: None,
    });
    assert!(after.project.work.same_as(&quiet.project.work));
    assert_eq!(snapshot_names(&after), snapshot_names(&quiet));
}

#[test]
fn the_tab_whose_changes_stopped_another_says_so_once() {
    let s = kent()
        .apply(Action::OtherTabStopped)
        .apply(Action::OtherTabStopped);
    let titles: Vec<&str> = s.session.notices.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, [OTHER_TAB_STOPPED_TITLE]);
    assert!(s.may_autosave(), "this tab's work is the newer: it keeps saving");
}

#[test]
fn a_full_browser_offers_to_save_the_whole_project_to_a_file() {
    let s = kent().apply(Action::AutosaveFailed(
        "This browser's storage is full.".into(),
    ));
    let notice = &s.session.notices[0];
    assert_eq!(notice.offer, Offer::SaveProject);
    assert!(notice.text.contains("your rules"), "{}", notice.text);
    assert!(!s.may_autosave());
}
