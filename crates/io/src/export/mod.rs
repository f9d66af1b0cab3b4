//! [`Workbook`](crate::Workbook) → file bytes: the whole workbook as an Excel file
//! (`xlsx`), one sheet as a CSV file (`csv`).
//!
//! OpenDocument (.ods) is read but not written: no small crate writes it that also
//! runs in the browser. A person who wants .ods opens the .xlsx in LibreOffice.

pub mod csv;
pub mod xlsx;

pub use self::csv::{csv, unescape_csv_text};
pub use self::xlsx::{scenario_xlsx, workbook_xlsx, xlsx, Layout};

use crate::grid::At;

/// Why a file could not be written. Nothing is half-written: the caller gets either
/// the whole file or one of these.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    /// A cell's text is longer than Excel lets a cell hold.
    #[error("{at} holds {chars} characters of text, and an Excel cell holds at most 32,767. Shorten it and try again.")]
    TooLong { at: At, chars: usize },
    /// A sheet has more rows or columns than a spreadsheet holds.
    #[error("The sheet “{sheet}” has more rows or columns than an Excel sheet can hold.")]
    TooLarge { sheet: String },
    /// The Excel library refused something; its own words follow.
    #[error("The Excel file could not be written: {0}")]
    Xlsx(String),
}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        ExportError::Xlsx(e.to_string())
    }
}
