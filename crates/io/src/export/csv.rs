//! One sheet as a CSV file: UTF-8 with a byte-order mark (so that Excel reads £ and
//! curly quotes correctly), CRLF line endings, fields quoted as RFC 4180 says (only
//! when they hold a comma, a quote or a line break; quotes doubled), and every row as
//! wide as the widest.
//!
//! # Formula injection
//!
//! A spreadsheet program that opens a CSV file treats a field beginning `=`, `+`,
//! `-` or `@` as a formula, and runs it. So that nothing a scenario holds can run on
//! a reader's machine, a text cell beginning with one of those, or with a tab or a
//! carriage return (as OWASP advises), is written with a single apostrophe before it:
//! the program then shows it as text. Numbers ([`Cell::Number`]) are written as
//! numbers, `-5` unprefixed. Text that already begins with apostrophes followed by one
//! of those characters gets one more, so that [`unescape_csv_text`], which a CSV
//! reader must call on every text field, gives back exactly what was written.

use crate::grid::{number_text, Cell, Sheet};

/// The byte-order mark that starts every CSV file Horizon writes.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The characters that make a spreadsheet program read a field as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The sheet as CSV bytes; the sheet's name is not written (it is the file's name).
pub fn csv(sheet: &Sheet) -> Vec<u8> {
    let width = sheet.width();
    let mut out = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(BOM.to_vec());
    for row in &sheet.rows {
        let fields = (0..width).map(|c| field(row.get(c).unwrap_or(&Cell::Empty)));
        // Writing to memory cannot fail, and every record is `width` fields long.
        out.write_record(fields.collect::<Vec<_>>())
            .expect("a CSV record is written to memory");
    }
    out.into_inner().expect("a CSV file in memory is flushed")
}

/// One cell as a CSV field.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) | Cell::Error(t) => escape_csv_text(t),
        Cell::Number(n) => number_text(*n),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
    }
}

/// Text as written in a CSV field: with an apostrophe before it when a spreadsheet
/// program would otherwise take it for a formula.
pub fn escape_csv_text(text: &str) -> String {
    if needs_mark(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// A CSV text field as it was before [`escape_csv_text`]: one leading apostrophe
/// taken off when apostrophes are followed by `=`, `+`, `-`, `@`, a tab or a carriage
/// return; any other text as it is (`'Tis` stays `'Tis`).
pub fn unescape_csv_text(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if needs_mark(rest) => rest,
        _ => field,
    }
}

/// Whether text, after any apostrophes it starts with, starts with a trigger.
fn needs_mark(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(TRIGGERS)
}
