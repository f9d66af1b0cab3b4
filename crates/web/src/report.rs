//! What the Word report says it was made from, worked out from the project: which
//! snapshot the work is (or started from) and how its inputs differ from the Baseline
//! snapshot. Pure, so it is tested on the host; the date comes from the clock at the
//! edge (the Export component's click).

use horizon_docx::{ReportContext, ReportDate};

use crate::project::{Project, BASELINE};
use crate::work::rule_differences;

pub fn report_context(project: &Project, date: ReportDate) -> ReportContext {
    let made_from = match project.started() {
        Some((s, false)) => format!("the snapshot “{}”, unchanged", s.name),
        Some((s, true)) => format!("the working copy, changed since the snapshot “{}”", s.name),
        None => "the working copy, not saved as a snapshot".to_string(),
    };
    let (baseline, differences) = match project.snapshots.iter().find(|s| s.name == BASELINE) {
        None => (None, Vec::new()),
        Some(b) => {
            let mut lines = horizon_docx::difference_lines(&horizon_model::diff(
                &b.work.scenario,
                &project.work.scenario,
            ));
            lines.extend(
                rule_differences(&b.work, &project.work)
                    .into_iter()
                    .map(|l| format!("Rules: {l}")),
            );
            (Some(format!("the {BASELINE} snapshot")), lines)
        }
    };
    ReportContext {
        date,
        made_from,
        baseline,
        differences,
    }
}

/// Today by the browser's clock (the computer's own time zone).
#[cfg(target_arch = "wasm32")]
pub fn today() -> ReportDate {
    let now = js_sys::Date::new_0();
    ReportDate {
        year: now.get_full_year() as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    }
}

/// Today on the host (tests): the system clock, in UTC.
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> ReportDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    ReportDate::from_days_since_epoch((secs / 86_400) as i64)
}
