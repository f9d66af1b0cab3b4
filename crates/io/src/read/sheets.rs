//! Excel workbooks (.xlsx, .xlsm) through calamine, and the check every compressed
//! file (.xlsx, .ods) passes first: that its parts, unpacked, stay within
//! [`Limits::unpacked`](super::Limits).
//!
//! Cells come one at a time from calamine's cell reader, each put at the row and
//! column the file gives it, so a sheet whose data starts at B3 keeps its two empty
//! rows and one empty column in front. Formulas read as the value Excel last
//! calculated; merged cells hold their value in the first cell. Dates read as text
//! (`2024-03-31`, see [`date_cell`]); durations (`[h]:mm`) as their number of days.
//! Chart sheets, having no cells, are left out.

use std::io::{self, BufRead, BufReader, Cursor, Read};

use calamine::{DataRef, ExcelDateTime, ExcelDateTimeType, Reader, Xlsx, XlsxError};
use quick_xml::events::Event;
use zip::result::ZipError;
use zip::ZipArchive;

use super::build::{date_cell, iso_text, Builder};
use super::{megabytes, FileError};
use crate::grid::{Cell, Workbook};

pub(super) fn read(mut b: Builder<'_>, bytes: &[u8]) -> Result<Workbook, FileError> {
    check_unpacked(&b, bytes, true)?;
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| error(&b, &e, None))?;
    let names = xlsx.sheet_names();
    if names.len() > b.limits.sheets {
        return Err(b.too_many_sheets());
    }
    for name in names {
        let mut cells = match xlsx.worksheet_cells_reader(&name) {
            Ok(cells) => cells,
            Err(XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(error(&b, &e, Some(&name))),
        };
        b.sheet(name.as_str())?;
        loop {
            let cell = match cells.next_cell() {
                Ok(Some(cell)) => cell,
                Ok(None) => break,
                Err(e) => return Err(error(&b, &e, Some(&name))),
            };
            let (row, col) = cell.get_position();
            b.put(row as usize, col as usize, value(cell.get_value()))?;
        }
    }
    b.finish()
}

/// What a cell from calamine holds, as a [`Cell`].
fn value(data: &DataRef<'_>) -> Cell {
    match data {
        DataRef::Int(n) => Cell::Number(*n as f64),
        DataRef::Float(n) => Cell::Number(*n),
        DataRef::String(s) => Cell::Text(s.clone()),
        DataRef::SharedString(s) => Cell::Text((*s).to_string()),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(d) if d.is_duration() => Cell::Number(d.as_f64()),
        DataRef::DateTime(d) => {
            let counts_from_1904 =
                *d == ExcelDateTime::new(d.as_f64(), ExcelDateTimeType::DateTime, true);
            date_cell(d.as_f64(), counts_from_1904)
        }
        DataRef::DateTimeIso(s) => Cell::Text(iso_text(s)),
        DataRef::DurationIso(s) => Cell::Text(s.clone()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
        DataRef::Empty => Cell::Empty,
    }
}

/// calamine's error in plain words: a password, or what part is damaged.
fn error(b: &Builder<'_>, e: &XlsxError, sheet: Option<&str>) -> FileError {
    match (e, sheet) {
        (XlsxError::Password, _) => b.password(),
        (_, Some(sheet)) => b.corrupt(format!("the sheet ‘{sheet}’ is damaged")),
        (XlsxError::Zip(_) | XlsxError::Io(_), None) => {
            b.corrupt("parts of it are missing or damaged")
        }
        (_, None) => b.corrupt("parts of it are damaged"),
    }
}

/// Unpacks every part of a compressed file into nothing, counting, and refuses the
/// file when they add up to more than the limit: calamine and the .ods reader then
/// unpack only what was counted here, so no part can grow past it ("zip bombs").
/// The sizes the file declares for its parts are not trusted.
///
/// With `check_places`, every part is read as XML on the way (a sheet's part may have
/// any name) and its cell places checked ([`places_ok`]): calamine's arithmetic on a
/// place like `A99999999999` or a sheet size given backwards (`C3:A1`) overflows,
/// which panics in a debug build.
pub(super) fn check_unpacked(
    b: &Builder<'_>,
    bytes: &[u8],
    check_places: bool,
) -> Result<(), FileError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| b.corrupt("it seems to be cut short or damaged"))?;
    let limit = b.limits.unpacked;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = match zip.by_index(i) {
            Ok(part) => part,
            Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
                return Err(b.password())
            }
            Err(ZipError::UnsupportedArchive(_)) => {
                return Err(b.corrupt(
                    "it was saved in a way Horizon cannot unpack (an unusual kind of \
                     compression)",
                ))
            }
            Err(_) => return Err(b.corrupt("parts of it are missing or damaged")),
        };
        let room = limit.saturating_sub(total).saturating_add(1);
        let mut part = BufReader::new(part.take(room));
        if check_places && !places_ok(&mut part) {
            return Err(b.corrupt("a sheet names a cell that cannot be there"));
        }
        let mut part = part.into_inner();
        io::copy(&mut part, &mut io::sink()).map_err(|_| b.corrupt("parts of it are damaged"))?;
        total = total.saturating_add(room - part.limit());
        if total > limit {
            return Err(b.too_large(format!(
                "unpacked, its contents take more than {}, and Horizon reads up to {}. Save \
                 just the sheets you need, without pictures, as a new file and import that.",
                megabytes(limit),
                megabytes(limit)
            )));
        }
    }
    Ok(())
}

/// Whether every cell place in an XML part (`<c r="B3">`, `<row r="3">`,
/// `<dimension ref="B3:D8">`) is one a spreadsheet can have, in letters and digits
/// short enough to count, and no sheet size runs backwards. Read as calamine reads
/// XML, up to where calamine too would stop: a part that is not XML passes.
fn places_ok<R: BufRead>(part: &mut R) -> bool {
    let mut xml = quick_xml::Reader::from_reader(part);
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    let mut buf = Vec::new();
    loop {
        let e = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => e,
            Ok(Event::Eof) | Err(_) => return true,
            _ => {
                buf.clear();
                continue;
            }
        };
        let attr = match e.local_name().as_ref() {
            b"c" | b"row" => b"r".as_slice(),
            b"dimension" => b"ref".as_slice(),
            _ => {
                buf.clear();
                continue;
            }
        };
        for a in e.attributes().flatten() {
            if a.key.local_name().as_ref() != attr {
                continue;
            }
            let places: Option<Vec<(u64, u64)>> =
                a.value.split(|&c| c == b':').map(place).collect();
            match places.as_deref() {
                None => return false,
                Some([(r1, c1), (r2, c2)]) if r2 < r1 || c2 < c1 => return false,
                _ => {}
            }
        }
        buf.clear();
    }
}

/// `B3` as (3, 2): letters (at most 3) then digits (at most 7), each part possibly
/// empty; `None` for anything else.
fn place(text: &[u8]) -> Option<(u64, u64)> {
    let letters = text.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let (col, row) = text.split_at(letters);
    if letters > 3 || row.len() > 7 || !row.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let col = col.iter().fold(0, |n, c| {
        n * 26 + u64::from(c.to_ascii_uppercase() - b'A' + 1)
    });
    let row = row.iter().fold(0, |n, c| n * 10 + u64::from(c - b'0'));
    Some((row, col))
}
