//! Where every reader puts its cells: each value at its real row and column, and the
//! [`Limits`] checked as each is placed, so no file makes Horizon hold more than they
//! allow whatever its format says about itself.

use super::{thousands, FileError, Limits};
use crate::grid::{column_letters, Cell, FileKind, Sheet, Workbook};

pub(super) struct Builder<'a> {
    pub file: &'a str,
    pub limits: &'a Limits,
    kind: FileKind,
    sheets: Vec<Sheet>,
    /// Cells held so far, the empty ones in front of a value in its row included.
    cells: usize,
    /// Bytes of text held so far.
    text: usize,
}

impl<'a> Builder<'a> {
    pub fn new(file: &'a str, limits: &'a Limits, kind: FileKind) -> Builder<'a> {
        Builder {
            file,
            limits,
            kind,
            sheets: Vec::new(),
            cells: 0,
            text: 0,
        }
    }

    /// Starts the next sheet; later [`Builder::put`]s go into it.
    pub fn sheet(&mut self, name: impl Into<String>) -> Result<(), FileError> {
        if self.sheets.len() >= self.limits.sheets {
            return Err(self.too_many_sheets());
        }
        self.sheets.push(Sheet {
            name: name.into(),
            rows: Vec::new(),
        });
        Ok(())
    }

    /// Places `cell` at `row`, `col` (0-based) of the current sheet. Empty cells (and
    /// empty text) are not stored: a missing cell reads as [`Cell::Empty`]. A number
    /// no spreadsheet can hold (infinite, not a number) reads as the error `#NUM!`.
    pub fn put(&mut self, row: usize, col: usize, cell: Cell) -> Result<(), FileError> {
        if matches!(&cell, Cell::Empty) || matches!(&cell, Cell::Text(t) if t.is_empty()) {
            return Ok(());
        }
        let cell = match cell {
            Cell::Number(n) if !n.is_finite() => Cell::Error("#NUM!".into()),
            cell => cell,
        };
        if row >= self.limits.rows {
            let reason = format!(
                "{} something in row {} and Horizon reads up to {} rows a sheet. Delete the \
                 rows you do not need (and anything stray far below the table) and try again.",
                self.who(),
                thousands(row.saturating_add(1)),
                thousands(self.limits.rows)
            );
            return Err(self.too_large(reason));
        }
        if col >= self.limits.columns {
            let reason = format!(
                "{} something in column {} (column {}) and Horizon reads up to {} columns. \
                 Delete the columns you do not need (and anything stray far to the right) \
                 and try again.",
                self.who(),
                column_letters(col),
                thousands(col.saturating_add(1)),
                thousands(self.limits.columns)
            );
            return Err(self.too_large(reason));
        }
        if let Cell::Text(t) | Cell::Error(t) = &cell {
            self.text = self.text.saturating_add(t.len());
            if self.text > self.limits.text {
                let reason = format!(
                    "it holds more than {} of text and Horizon reads up to that. Save just \
                     the sheet or the rows you need as a new file and import that.",
                    super::megabytes(self.limits.text as u64)
                );
                return Err(self.too_large(reason));
            }
        }
        if self.sheets.is_empty() {
            self.sheets.push(Sheet::default());
        }
        let limit = self.limits.cells;
        let Some(sheet) = self.sheets.last_mut() else {
            return Ok(());
        };
        if sheet.rows.len() <= row {
            sheet.rows.resize_with(row + 1, Vec::new);
        }
        let Some(cells) = sheet.rows.get_mut(row) else {
            return Ok(());
        };
        if cells.len() <= col {
            self.cells = self.cells.saturating_add(col + 1 - cells.len());
            if self.cells > limit {
                let reason = format!(
                    "it holds more than {} cells and Horizon reads up to {}. Save just the \
                     sheet or the rows you need as a new file and import that.",
                    thousands(limit),
                    thousands(limit)
                );
                return Err(self.too_large(reason));
            }
            cells.resize(col + 1, Cell::Empty);
        }
        if let Some(c) = cells.get_mut(col) {
            *c = cell;
        }
        Ok(())
    }

    /// The workbook read, or why there is nothing in it.
    pub fn finish(self) -> Result<Workbook, FileError> {
        if self.sheets.is_empty() {
            return Err(FileError::NoSheets {
                file: self.file.into(),
            });
        }
        if self.sheets.iter().all(Sheet::is_blank) {
            return Err(FileError::Blank {
                file: self.file.into(),
            });
        }
        Ok(Workbook {
            file: self.file.into(),
            kind: self.kind,
            sheets: self.sheets,
        })
    }

    pub fn corrupt(&self, reason: impl Into<String>) -> FileError {
        FileError::Corrupt {
            file: self.file.into(),
            reason: reason.into(),
        }
    }

    pub fn too_large(&self, reason: impl Into<String>) -> FileError {
        FileError::TooLarge {
            file: self.file.into(),
            reason: reason.into(),
        }
    }

    pub fn too_many_sheets(&self) -> FileError {
        self.too_large(format!(
            "it has more than {} sheets and Horizon reads up to {}. Save the sheets you \
             need as a new file and import that.",
            thousands(self.limits.sheets),
            thousands(self.limits.sheets)
        ))
    }

    pub fn password(&self) -> FileError {
        FileError::Password {
            file: self.file.into(),
        }
    }

    /// "it has" for a CSV file, "the sheet ‘Matrix’ has" in a workbook.
    fn who(&self) -> String {
        match (self.kind, self.sheets.last()) {
            (FileKind::Csv, _) | (_, None) => "it has".into(),
            (_, Some(s)) => format!("the sheet ‘{}’ has", s.name),
        }
    }
}

/// A date (or time) as the cell holds it, an Excel serial number (days since the
/// end of 1899, or since 1904 in a workbook that counts from 1904), as text a person
/// would read: `2024-03-31`, `2024-03-31 13:30`, `13:30:15` for a time of day alone.
/// A serial outside Excel's dates (before 1900, after 9999) stays a number.
pub(super) fn date_cell(serial: f64, is_1904: bool) -> Cell {
    if !(0.0..2_958_466.0).contains(&serial) {
        return Cell::Number(serial);
    }
    let seconds = (serial * 86_400.0).round() as i64;
    let (whole, secs) = (seconds / 86_400, seconds % 86_400);
    let time = match (secs / 3600, secs / 60 % 60, secs % 60) {
        (h, m, 0) => format!("{h:02}:{m:02}"),
        (h, m, s) => format!("{h:02}:{m:02}:{s:02}"),
    };
    if whole == 0 && !is_1904 {
        return Cell::Text(time);
    }
    let date = if !is_1904 && whole == 60 {
        // Excel counts 29 February 1900, a day that never was (as Lotus 1-2-3 did).
        "1900-02-29".to_string()
    } else {
        // Days from 1970-01-01: serial 61 is 1900-03-01, serial 1 is 1900-01-01.
        let from_1899_12_30 = match (is_1904, whole < 60) {
            (true, _) => whole + 1462,
            (false, true) => whole + 1,
            (false, false) => whole,
        };
        let (y, m, d) = civil_from_days(from_1899_12_30 - 25_569);
        format!("{y:04}-{m:02}-{d:02}")
    };
    if secs == 0 {
        Cell::Text(date)
    } else {
        Cell::Text(format!("{date} {time}"))
    }
}

/// An ISO 8601 date or date and time (`2024-03-31T13:30:00`) as [`date_cell`] writes
/// one: `2024-03-31 13:30`; midnight and zero seconds left out.
pub(super) fn iso_text(iso: &str) -> String {
    let iso = iso.trim();
    let Some((date, time)) = iso.split_once('T') else {
        return iso.into();
    };
    let time = time.trim_end_matches('Z');
    let time = match time.strip_suffix(":00") {
        Some(hm) if hm.len() == 5 => hm,
        _ => time,
    };
    if time == "00:00" {
        date.into()
    } else {
        format!("{date} {time}")
    }
}

/// Year, month, day of a count of days from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_read_as_excel_shows_them() {
        let text = |s, y| date_cell(s, y).text();
        assert_eq!(text(1.0, false), "1900-01-01");
        assert_eq!(text(59.0, false), "1900-02-28");
        assert_eq!(text(60.0, false), "1900-02-29");
        assert_eq!(text(61.0, false), "1900-03-01");
        assert_eq!(text(45382.0, false), "2024-03-31");
        assert_eq!(text(45382.5625, false), "2024-03-31 13:30");
        assert_eq!(text(0.5, false), "12:00");
        assert_eq!(text(0.0, true), "1904-01-01");
        assert_eq!(text(2958465.0, false), "9999-12-31");
        assert_eq!(date_cell(-1.0, false), Cell::Number(-1.0));
        assert_eq!(date_cell(f64::NAN, false).text(), "NaN");
    }
}
