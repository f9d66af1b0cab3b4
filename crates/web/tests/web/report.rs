//! What the Word report says it was made from: the snapshot the work is, or started
//! from, and how it differs from the Baseline, worked out from the project alone.

use horizon_docx::ReportDate;
use horizon_web::report::report_context;
use horizon_web::state::*;

const DATE: ReportDate = ReportDate {
    year: 2026,
    month: 3,
    day: 31,
};

#[test]
fn an_unchanged_baseline_is_reported_as_the_same() {
    let s = AppState::new(Start::fresh());
    let c = report_context(&s.project, DATE);
    assert_eq!(c.made_from, "the snapshot “Baseline”, unchanged");
    assert_eq!(c.baseline.as_deref(), Some("the Baseline snapshot"));
    assert!(c.differences.is_empty());
}

#[test]
fn an_edited_cell_is_a_difference_from_the_baseline_in_names() {
    let s = AppState::new(Start::fresh());
    let (district, theme) = (
        s.scenario().districts[0].id.clone(),
        s.scenario().themes[0].id.clone(),
    );
    let s = s.apply(Action::CycleCell { district, theme });
    let c = report_context(&s.project, DATE);
    assert_eq!(
        c.made_from,
        "the working copy, changed since the snapshot “Baseline”"
    );
    assert_eq!(c.differences.len(), 1, "{:?}", c.differences);
    assert!(
        c.differences[0].starts_with("Priority matrix: Ashford — Domestic Abuse: "),
        "{:?}",
        c.differences
    );
}

#[test]
fn a_snapshot_restored_is_what_the_report_was_made_from() {
    let s = AppState::new(Start::fresh());
    let (district, theme) = (
        s.scenario().districts[0].id.clone(),
        s.scenario().themes[0].id.clone(),
    );
    let s = s.apply(Action::CycleCell { district, theme });
    let s = s.apply(Action::SaveSnapshot {
        name: "What if".into(),
        taken: None,
    });
    let c = report_context(&s.project, DATE);
    assert_eq!(c.made_from, "the snapshot “What if”, unchanged");
    assert_eq!(c.differences.len(), 1, "still compared with the Baseline");
}
