//! Bytes → [`Workbook`]: the file's kind from its first bytes (not only its name,
//! `kind.rs`), then CSV (`csv.rs`), an Excel workbook (`sheets.rs`, through calamine),
//! an Excel 97–2003 workbook (`xls.rs`) or an OpenDocument spreadsheet (`ods.rs`).
//!
//! Every reader puts its cells through one [`build::Builder`], which places each value
//! at its real row and column and refuses, as soon as it is passed, any of the
//! [`Limits`]: a hostile file cannot make Horizon hold more than a bounded number of
//! cells. Compressed files (.xlsx, .ods) are first unpacked once into nothing, counting
//! bytes, so a small file that unpacks to gigabytes is refused before any part of it
//! is read (`sheets::check_unpacked`).
//!
//! calamine reads .xlsx (cell by cell, never through its whole-sheet `Range`, which a
//! two-cell file can make allocate gigabytes), after every part has been checked for
//! cell places calamine's arithmetic cannot take (`sheets::places_ok`). Its .xls and
//! .ods readers are not used: a small damaged or hostile .xls can make them panic
//! (slices taken past a record's end), and an .ods cell "repeated" a billion times
//! makes its reader allocate each copy, so both formats are read here, bounded, to
//! the same values calamine would give.
//!
//! Time is bounded too, if less tightly: each sheet's part is read once, so at most
//! [`Limits::sheets`] times [`Limits::unpacked`] bytes of XML, and a file stops being
//! read at the first limit it passes.
//!
//! No reader panics on any input (the tests fuzz each with arbitrary and damaged
//! files); nothing read from the file is unwrapped.

mod biff;
mod build;
mod csv;
mod kind;
mod ods;
mod sheets;
mod xls;

use crate::grid::{FileKind, Workbook};

/// How much Horizon reads of one file. [`Limits::DEFAULT`] is what [`read`] uses;
/// [`read_with`] takes others (the tests use smaller ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The file's size in bytes.
    pub bytes: usize,
    pub sheets: usize,
    /// Rows a sheet may have something in (a value in row `rows + 1` is refused).
    pub rows: usize,
    /// Columns a sheet may have something in.
    pub columns: usize,
    /// Cells held across the workbook, counting the empty cells in front of a value
    /// in its row (each row is stored up to its last value).
    pub cells: usize,
    /// Bytes of text held across the workbook (each cell's own copy counted).
    pub text: usize,
    /// Bytes the parts of a compressed file (.xlsx, .ods) take once unpacked.
    pub unpacked: u64,
}

impl Limits {
    pub const DEFAULT: Limits = Limits {
        bytes: 20 * MB,
        sheets: 100,
        rows: 100_000,
        columns: 1_000,
        cells: 5_000_000,
        text: 128 * MB,
        unpacked: 128 * MB as u64,
    };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

const MB: usize = 1024 * 1024;

/// Why a file could not be read at all. Each names the file; nothing is changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    #[error(
        "{file} is empty: there is nothing in it at all. Check it is the file you meant, \
         or save it again from your spreadsheet program."
    )]
    Empty { file: String },
    /// `reason` says how large and what Horizon reads, then what to do.
    #[error("{file} is too large for Horizon to read: {reason}")]
    TooLarge { file: String, reason: String },
    #[error(
        "{file} is protected with a password, so Horizon cannot open it. Open it in your \
         spreadsheet program, remove the password (in Excel: File, Info, Protect Workbook, \
         Encrypt with Password, and clear the password), save a copy and import that copy."
    )]
    Password { file: String },
    /// `seems` names what the file looks like ("a PDF document").
    #[error(
        "{file} seems to be {seems}, not a spreadsheet Horizon can read. Horizon reads \
         Excel workbooks (.xlsx, .xls), OpenDocument spreadsheets (.ods) and CSV files: \
         open it in the program that made it and save or export the table as one of those."
    )]
    WrongKind { file: String, seems: String },
    /// `reason` is a short plain account of what is wrong.
    #[error(
        "{file} could not be read: {reason}. It may be damaged or only partly copied: \
         open it in your spreadsheet program, save it again and import the new copy."
    )]
    Corrupt { file: String, reason: String },
    #[error(
        "{file} has no sheets to read. Open it in your spreadsheet program, check it \
         holds your table, and save it again."
    )]
    NoSheets { file: String },
    #[error("{file} has nothing in it: every sheet is blank. Check it is the file you meant.")]
    Blank { file: String },
}

/// Reads a file the user chose: `file` is its name, `bytes` its contents.
///
/// The kind comes from the contents (an .xlsx renamed .xls still reads); the name's
/// ending only decides whether text that is not a spreadsheet is read as CSV.
pub fn read(file: &str, bytes: &[u8]) -> Result<Workbook, FileError> {
    read_with(file, bytes, &Limits::DEFAULT)
}

/// [`read`] with other [`Limits`].
pub fn read_with(file: &str, bytes: &[u8], limits: &Limits) -> Result<Workbook, FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty { file: file.into() });
    }
    if bytes.len() > limits.bytes {
        let (size, limit) = (
            megabytes(bytes.len() as u64),
            megabytes(limits.bytes as u64),
        );
        let size = if size.trim_end_matches(" MB").parse::<f64>().ok()
            == limit.trim_end_matches(" MB").parse::<f64>().ok()
        {
            format!("just over {limit}")
        } else {
            size
        };
        return Err(FileError::TooLarge {
            file: file.into(),
            reason: format!(
                "it is {size} and Horizon reads files up to {limit}. Save just the sheet \
                 or the rows you need as a new file and import that."
            ),
        });
    }
    let kind = kind::detect(file, bytes)?;
    let builder = build::Builder::new(file, limits, kind);
    match kind {
        FileKind::Csv => csv::read(builder, bytes),
        FileKind::Xlsx => sheets::read(builder, bytes),
        FileKind::Ods => ods::read(builder, bytes),
        FileKind::Xls => xls::read(builder, bytes),
    }
}

/// `23.4 MB`, `20 MB`.
fn megabytes(bytes: u64) -> String {
    let mb = bytes as f64 / MB as f64;
    if mb.fract() == 0.0 {
        format!("{mb:.0} MB")
    } else if mb < 0.1 {
        "less than 0.1 MB".into()
    } else {
        format!("{mb:.1} MB")
    }
}

/// `100,000`.
fn thousands(n: usize) -> String {
    horizon_model::thousands(n as u64)
}
