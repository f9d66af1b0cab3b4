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

use std::io::{self, Cursor, Read};

use calamine::{DataRef, ExcelDateTime, ExcelDateTimeType, Reader, Xlsx, XlsxError};
use zip::result::ZipError;
use zip::ZipArchive;

use super::build::{date_cell, iso_text, Builder};
use super::{megabytes, FileError};
use crate::grid::{Cell, Workbook};

pub(super) fn read(mut b: Builder<'_>, bytes: &[u8]) -> Result<Workbook, FileError> {
    check_unpacked(&b, bytes)?;
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| error(&b, &e, None))?;
    let names = xlsx.sheet_names();
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
        (_, None) => b.corrupt("the list of its sheets is damaged"),
    }
}

/// Unpacks every part of a compressed file into nothing, counting, and refuses the
/// file when they add up to more than the limit: calamine and the .ods reader then
/// unpack only what was counted here, so no part can grow past it ("zip bombs").
/// The sizes the file declares for its parts are not trusted.
pub(super) fn check_unpacked(b: &Builder<'_>, bytes: &[u8]) -> Result<(), FileError> {
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
        let room = limit.saturating_sub(total);
        let unpacked = io::copy(&mut part.take(room.saturating_add(1)), &mut io::sink())
            .map_err(|_| b.corrupt("parts of it are damaged"))?;
        total = total.saturating_add(unpacked);
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
