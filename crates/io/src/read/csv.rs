//! CSV files: one sheet, named after the file, of text cells (numbers stay as the
//! text the file holds; the readers of tables parse them).
//!
//! The text's encoding: a byte-order mark says UTF-8 or UTF-16; without one, text
//! that is valid UTF-8 is UTF-8, and anything else is Windows-1252, what Excel's
//! "CSV (Comma delimited)" writes on a UK machine (£ is the byte A3, curly quotes
//! 91–94).
//!
//! The delimiter: a first line `sep=;` (which Excel writes and reads) says it;
//! otherwise comma, semicolon (Excel in much of Europe) and tab are each tried on the
//! first 20 rows that are not blank, quotes respected, and the one that splits the
//! most of them into the same number of columns, more than one, wins; ties go to the
//! comma, then the semicolon, and so does a file none of them splits.

use std::borrow::Cow;

use csv::{ReaderBuilder, StringRecord};
use encoding_rs::{Encoding, WINDOWS_1252};

use super::build::Builder;
use super::FileError;
use crate::grid::{Cell, Workbook};

/// The file's text, decoded as the module's documentation says.
pub(super) fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or_default();
        return encoding.decode_without_bom_handling(rest).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// Whether `bytes` are text a person wrote or a program exported: no NUL, and at most
/// one character in a hundred a control character other than tab, line breaks and
/// form feed.
pub(super) fn looks_like_text(bytes: &[u8]) -> bool {
    let text = decode(bytes);
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c == '\0' {
            return false;
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C') {
            controls += 1;
        }
    }
    controls * 100 <= chars
}

/// Why a file whose byte-order mark names its encoding is not text in that
/// encoding, if it is not: [`decode`] would replace what it cannot read, and nothing
/// read is ever replaced silently. A UTF-8 file is checked by the model's one reader
/// of user files, which says where it stops being UTF-8.
fn marked_but_not_text(bytes: &[u8]) -> Option<String> {
    let (encoding, bom) = Encoding::for_bom(bytes)?;
    if encoding == encoding_rs::UTF_8 {
        return horizon_model::utf8_text(bytes)
            .err()
            .map(|e| format!("it is marked as UTF-8 text, but is {e}"));
    }
    let (_, had_errors) = encoding.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
    had_errors.then(|| format!("it is marked as {} text, but part of it is not", encoding.name()))
}

pub(super) fn read(mut b: Builder<'_>, bytes: &[u8]) -> Result<Workbook, FileError> {
    if let Some(reason) = marked_but_not_text(bytes) {
        return Err(b.corrupt(reason));
    }
    let text = decode(bytes);
    let (text, delimiter) = match sep_line(&text) {
        Some((rest, d)) => (rest, d),
        None => (&*text, sniff(&text)),
    };
    b.sheet(stem(b.file))?;
    let mut reader = reader(text, delimiter);
    let mut record = StringRecord::new();
    // The csv crate skips blank lines; a spreadsheet program shows each as an empty
    // row, so a record's row is the line it starts on, as the csv crate counts lines
    // (line breaks inside quoted fields not counted).
    let mut next_row = 0usize;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(_) => return Err(b.corrupt("part of its text could not be read")),
        }
        let line = record.position().map_or(1, |p| p.line()).saturating_sub(1);
        let row = usize::try_from(line).unwrap_or(usize::MAX).max(next_row);
        for (col, field) in record.iter().enumerate() {
            b.put(row, col, Cell::Text(field.to_string()))?;
        }
        next_row = row.saturating_add(1);
    }
    b.finish()
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Excel's `sep=;` first line: the rest of the text and the delimiter it names.
fn sep_line(text: &str) -> Option<(&str, u8)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let d = first.trim_end_matches('\r').strip_prefix("sep=")?;
    match d.as_bytes() {
        [d] if d.is_ascii() && !matches!(d, b'"' | b'\r' | b'\n') => Some((rest, *d)),
        _ => None,
    }
}

/// The delimiter, chosen as the module's documentation says.
fn sniff(text: &str) -> u8 {
    let mut end = text.len().min(64 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text.get(..end).unwrap_or_default();
    let mut best = (b',', (0, 0));
    for delimiter in [b',', b';', b'\t'] {
        let counts: Vec<usize> = reader(sample, delimiter)
            .records()
            .map_while(Result::ok)
            .filter(|r| r.iter().any(|f| !f.trim().is_empty()))
            .take(20)
            .map(|r| r.len())
            .collect();
        let mut modal = (0, 0); // (rows, columns)
        for &n in counts.iter().filter(|&&n| n > 1) {
            let rows = counts.iter().filter(|&&m| m == n).count();
            modal = modal.max((rows, n));
        }
        let score = modal;
        if score > best.1 {
            best = (delimiter, score);
        }
    }
    best.0
}

/// The sheet's name: the file's name without its folder and ending.
fn stem(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    if stem.trim().is_empty() {
        "Sheet1".into()
    } else {
        stem.into()
    }
}
