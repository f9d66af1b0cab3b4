//! `horizon review --format docx`: the Word report (horizon-docx), its date (today,
//! or `--date`) and what it was made from (the file, and how it differs from
//! `--baseline` when one is given).

use std::io::{IsTerminal, Write};
use std::path::Path;

use horizon_docx::{ReportContext, ReportDate, ReportInput};
use horizon_engine::{Evaluation, RuleSource, Settings};
use horizon_model::Scenario;

use crate::Failure;

/// Today's date (UTC) by the computer's clock.
pub fn today() -> ReportDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    ReportDate::from_days_since_epoch((secs / 86_400) as i64)
}

/// `2026-12-04` → the date, or why not.
pub fn parse_date(text: &str) -> Result<ReportDate, Failure> {
    let bad = || {
        Failure(format!(
            "--date {text}: expected a date as YYYY-MM-DD, e.g. 2026-03-31"
        ))
    };
    let mut parts = text.trim().splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(bad());
    };
    let (year, month, day): (i32, u32, u32) = (
        y.parse().map_err(|_| bad())?,
        m.parse().map_err(|_| bad())?,
        d.parse().map_err(|_| bad())?,
    );
    let days_in = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if !(1..=days_in).contains(&day) || y.len() != 4 {
        return Err(bad());
    }
    Ok(ReportDate { year, month, day })
}

/// What the report was made from: the file or the embedded example, and the
/// differences from the baseline file when there is one.
pub fn context(
    date: ReportDate,
    scenario: Option<&Path>,
    sc: &Scenario,
    baseline: Option<(&Path, &Scenario)>,
) -> ReportContext {
    let made_from = match scenario {
        Some(p) => format!("the file {} as given", file_label(p)),
        None => "Horizon's built-in example of the Kent review, as shipped".to_string(),
    };
    let (baseline, differences) = match baseline {
        None => (None, Vec::new()),
        Some((path, b)) => (
            Some(format!("the baseline file {}", file_label(path))),
            horizon_docx::difference_lines(&horizon_model::diff(b, sc)),
        ),
    };
    ReportContext {
        date,
        made_from,
        baseline,
        differences,
    }
}

/// A file as the report names it: its name alone, not where it sits on this computer.
fn file_label(p: &Path) -> String {
    p.file_name().map_or_else(
        || p.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Writes the report to `output`, or to standard output when that is not a terminal
/// (a .docx is binary: printed on a terminal it is noise, so that is refused).
pub fn write(
    sc: &Scenario,
    eval: &Evaluation,
    rules: &[RuleSource],
    settings: &Settings,
    context: &ReportContext,
    firmness: &[horizon_engine::Firmness],
    output: Option<&Path>,
) -> Result<(), Failure> {
    let bytes = horizon_docx::report(&ReportInput {
        scenario: sc,
        evaluation: eval,
        rules,
        settings,
        context,
        firmness,
    })
    .map_err(|e| Failure(e.to_string()))?;
    match output {
        Some(path) => std::fs::write(path, &bytes)
            .map_err(|e| Failure(format!("cannot write {}: {e}", crate::shown(path)))),
        None if std::io::stdout().is_terminal() => Err(Failure(
            "a Word report is a binary file: name one with -o, e.g. -o report.docx".into(),
        )),
        None => std::io::stdout()
            .write_all(&bytes)
            .map_err(|e| Failure(format!("cannot write the report to standard output: {e}"))),
    }
}
