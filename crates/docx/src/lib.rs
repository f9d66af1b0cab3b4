//! The Word report: a review written as a .docx a council officer can table, with
//! real Word headings (Title, Heading 1–3) and tables (one table style with a header
//! row), so it takes on a council's template.
//!
//! Its contents, in order: a title block (area, plan, review, date, what it was made
//! from and how that differs from the baseline); a summary table of current →
//! proposed focus areas; each suggested change with its reasons and a short evidence
//! summary; conflicts; changes not suggested; any stakeholder events (each round's
//! totals and how the suggestions moved); the priority matrix on landscape pages; and an appendix with
//! the evidence in full and the rules used. Rule ids and versions appear only in the
//! appendix.
//!
//! Knows nothing of files, clocks or the browser: the caller passes the date and
//! what the report was made from ([`ReportContext`]). Builds for
//! `wasm32-unknown-unknown` as well as the host.

mod appendix;
mod blocks;
mod content;
mod event;
mod matrix;
mod ooxml;
mod package;

use std::fmt;

use horizon_engine::{Evaluation, RuleSource, Settings};
use horizon_model::Scenario;

/// The report's date, as the caller's clock says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportDate {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl ReportDate {
    /// The civil date (UTC) `days` days after 1 January 1970.
    pub fn from_days_since_epoch(days: i64) -> ReportDate {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        ReportDate { year, month, day }
    }

    /// `2026-12-04`, for the document's properties.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// "4 December 2026".
impl fmt::Display for ReportDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS
            .get((self.month as usize).wrapping_sub(1))
            .copied()
            .unwrap_or("?");
        write!(f, "{} {month} {}", self.day, self.year)
    }
}

/// What the report was made from, as the caller knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportContext {
    pub date: ReportDate,
    /// What the inputs are, in words for the title block: "the snapshot “Lower
    /// thresholds”", "the working copy, changed since the snapshot “Baseline”", "the
    /// file kent.json".
    pub made_from: String,
    /// The baseline the inputs are compared with ("the Baseline snapshot",
    /// "the file kent-baseline.json"); `None` when there is none to compare with.
    pub baseline: Option<String>,
    /// How the inputs differ from the baseline, one sentence each (the model's
    /// `diff`, and any rule or setting changes). Empty: the same as the baseline.
    pub differences: Vec<String>,
}

/// Everything the report is written from.
pub struct ReportInput<'a> {
    pub scenario: &'a Scenario,
    pub evaluation: &'a Evaluation,
    /// The rules the evaluation ran, for the appendix's titles and parameters.
    pub rules: &'a [RuleSource],
    pub settings: &'a Settings,
    pub context: &'a ReportContext,
    /// How firm each suggestion is, where the caller worked it out (may be empty).
    pub firmness: &'a [horizon_engine::Firmness],
}

#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("the Word report could not be packed: {0}")]
    Pack(#[from] zip::result::ZipError),
}

pub use content::title_lines;

/// The Markdown report (`horizon_engine::report::markdown_with`) with the Word
/// report's title block after its heading: the date, what it was made from and how
/// it differs from the baseline, so a pasted what-if never passes for the baseline.
pub fn markdown(input: &ReportInput) -> String {
    let body = horizon_engine::report::markdown_with(input.evaluation, input.scenario, input.firmness);
    let (lines, differences) = title_lines(input.scenario, input.context);
    let mut block = String::new();
    let md = horizon_engine::report::md_text;
    for (label, value) in lines {
        block += &format!("- **{}:** {}\n", md(label), md(&value));
    }
    for d in differences {
        block += &format!("  - {}\n", md(&d));
    }
    match body.split_once("\n\n") {
        Some((heading, rest)) => format!("{heading}\n\n{block}\n{rest}"),
        None => format!("{body}\n\n{block}"),
    }
}

/// The report as the bytes of a .docx file.
pub fn report(input: &ReportInput) -> Result<Vec<u8>, DocxError> {
    pack(&report_parts(input))
}

/// The report written, not yet packed. The page writes this on its own thread and has
/// the file formats module (crates/formats), which holds the zip code, [`pack`] it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportParts {
    /// `word/document.xml`.
    pub document: String,
    /// The document's title, for its properties.
    pub title: String,
    /// The report's date, ISO 8601 (`2026-12-04`).
    pub date: String,
}

pub fn report_parts(input: &ReportInput) -> ReportParts {
    ReportParts {
        document: ooxml::document(&content::blocks(input)),
        title: content::title(input.scenario),
        date: input.context.date.iso(),
    }
}

/// The .docx file's bytes: the document with the parts every Word file needs, zipped.
pub fn pack(parts: &ReportParts) -> Result<Vec<u8>, DocxError> {
    Ok(package::pack(&parts.document, &parts.title, &parts.date)?)
}

/// The report's `word/document.xml` alone, for tests that read its text.
pub fn document_xml(input: &ReportInput) -> String {
    ooxml::document(&content::blocks(input))
}

/// The model's differences between two scenarios as the report's lines:
/// "Matrix: Swale — Domestic Abuse: named main priority → not named".
pub fn difference_lines(differences: &[horizon_model::Difference]) -> Vec<String> {
    differences
        .iter()
        .map(|d| format!("{}: {}", d.section.label(), d.description))
        .collect()
}

/// A file name for the report: "horizon-review-2026-12-04.docx".
pub fn file_name(date: &ReportDate) -> String {
    format!("horizon-review-{}.docx", date.iso())
}
