//! Excel 97–2003 workbooks (.xls): the values in the BIFF8 records of the file's
//! `Workbook` stream, every length and place checked against the bytes there are.
//!
//! Read: numbers (the four ways BIFF8 stores them), text (shared and not), booleans,
//! errors, and formulas as their last calculated value. Numbers formatted as dates
//! read as text like .xlsx dates (`2024-03-31`); durations (`[h]:mm`) as numbers.
//! Excel 5.0/95 workbooks and older are refused with what to do.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::biff::{builtin_date, is_date_format, shared_strings};
use super::build::{date_cell, Builder};
use super::FileError;
use crate::grid::{Cell, Workbook};

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;

pub(super) fn read(mut b: Builder<'_>, bytes: &[u8]) -> Result<Workbook, FileError> {
    let stream = workbook_stream(&b, bytes)?;
    let globals = globals(&b, &stream)?;
    if globals.sheets.len() > b.limits.sheets {
        return Err(b.too_many_sheets());
    }
    for (name, offset) in &globals.sheets {
        b.sheet(name.as_str())?;
        let records = stream
            .get(*offset..)
            .ok_or_else(|| b.corrupt(format!("the sheet ‘{name}’ is missing")))?;
        cells(&mut b, records, &globals).map_err(|e| {
            e.unwrap_or_else(|| b.corrupt(format!("the sheet ‘{name}’ is damaged")))
        })?;
    }
    b.finish()
}

/// The `Workbook` stream's bytes.
fn workbook_stream(b: &Builder<'_>, bytes: &[u8]) -> Result<Vec<u8>, FileError> {
    let damaged = || b.corrupt("it seems to be cut short or damaged");
    let office = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| damaged())?;
    let mut office = office;
    if !office.is_stream("/Workbook") {
        return Err(too_old(b));
    }
    let stream = office.open_stream("/Workbook").map_err(|_| damaged())?;
    let mut data = Vec::new();
    stream
        .take(b.limits.bytes as u64)
        .read_to_end(&mut data)
        .map_err(|_| damaged())?;
    Ok(data)
}

fn too_old(b: &Builder<'_>) -> FileError {
    FileError::WrongKind {
        file: b.file.into(),
        seems: "an Excel workbook older than Excel 97 (Excel 5.0/95 or before)".into(),
    }
}

/// What the workbook's first part says about all its sheets.
struct Globals {
    /// Worksheets (charts and macro sheets left out): name, where its records start.
    sheets: Vec<(String, usize)>,
    strings: Vec<String>,
    /// For each cell format (XF), whether it shows a date or time.
    dates: Vec<bool>,
    counts_from_1904: bool,
}

fn globals(b: &Builder<'_>, stream: &[u8]) -> Result<Globals, FileError> {
    let damaged = || b.corrupt("the list of its sheets is damaged");
    let mut records = Records { data: stream };
    match records.next() {
        Some(Ok((BOF, d))) if u16_at(d, 0) == Some(0x0600) => {}
        Some(Ok((BOF, _))) => return Err(too_old(b)),
        _ => return Err(damaged()),
    }
    let mut g = Globals {
        sheets: Vec::new(),
        strings: Vec::new(),
        dates: Vec::new(),
        counts_from_1904: false,
    };
    let mut formats: HashMap<u16, bool> = HashMap::new();
    let mut xf_formats: Vec<u16> = Vec::new();
    let mut sst: Vec<&[u8]> = Vec::new();
    let mut in_sst = false;
    for record in records {
        let (kind, d) = record.map_err(|_| damaged())?;
        in_sst = in_sst && kind == CONTINUE;
        match kind {
            EOF => break,
            0x002F => return Err(b.password()), // FilePass: the workbook is encrypted
            0x0022 => g.counts_from_1904 = u16_at(d, 0) == Some(1),
            0x041E => {
                let (Some(id), Some(code)) = (u16_at(d, 0), unicode_string(d.get(2..))) else {
                    return Err(damaged());
                };
                formats.insert(id, is_date_format(&code));
            }
            0x00E0 => xf_formats.push(u16_at(d, 2).ok_or_else(damaged)?),
            0x0085 => {
                let (Some(offset), Some(&kind), Some(name)) =
                    (u32_at(d, 0), d.get(5), short_string(d.get(6..)))
                else {
                    return Err(damaged());
                };
                if kind == 0 {
                    g.sheets.push((name, offset as usize));
                }
            }
            0x00FC => {
                sst = vec![d];
                in_sst = true;
            }
            CONTINUE if in_sst => sst.push(d),
            _ => {}
        }
    }
    g.dates = xf_formats
        .into_iter()
        .map(|id| {
            formats
                .get(&id)
                .copied()
                .unwrap_or_else(|| builtin_date(id))
        })
        .collect();
    g.strings = shared_strings(b, &sst)?;
    Ok(g)
}

/// The values of one sheet's records, from its BOF to its EOF. `Err(None)` when a
/// record is damaged (the caller names the sheet), `Err(Some)` for the limits.
fn cells(b: &mut Builder<'_>, stream: &[u8], g: &Globals) -> Result<(), Option<FileError>> {
    let mut depth = 0usize;
    let mut formula_text_at = None;
    for record in (Records { data: stream }) {
        let (kind, d) = record.map_err(|_| None)?;
        match kind {
            BOF => depth += 1,
            EOF if depth <= 1 => return Ok(()),
            EOF => depth -= 1,
            _ if depth == 0 => return Err(None),
            // A chart or other part inside the sheet.
            _ if depth > 1 => {}
            // The text a formula gave, after the formula's record.
            0x0207 => {
                if let Some((row, col)) = formula_text_at.take() {
                    let text = unicode_string(Some(d)).ok_or(None)?;
                    b.put(row, col, Cell::Text(text)).map_err(Some)?;
                }
            }
            _ => {
                let at = (u16_at(d, 0), u16_at(d, 2), u16_at(d, 4));
                let (Some(row), Some(col), Some(xf)) = at else {
                    if matches!(
                        kind,
                        0x0203 | 0x027E | 0x00BD | 0x0204 | 0x00FD | 0x0205 | 0x0006
                    ) {
                        return Err(None);
                    }
                    continue;
                };
                let (row, col) = (row as usize, col as usize);
                let number = |n: f64, xf: u16| match g.dates.get(xf as usize) {
                    Some(true) => date_cell(n, g.counts_from_1904),
                    _ => Cell::Number(n),
                };
                let cell = match kind {
                    0x0203 => number(f64_at(d, 6).ok_or(None)?, xf),
                    0x027E => number(rk(u32_at(d, 6).ok_or(None)?), xf),
                    0x00BD => {
                        // MulRk: several RK numbers along a row.
                        let parts = d.get(4..d.len().saturating_sub(2)).ok_or(None)?;
                        for (i, part) in parts.chunks_exact(6).enumerate() {
                            let (Some(xf), Some(v)) = (u16_at(part, 0), u32_at(part, 2)) else {
                                return Err(None);
                            };
                            b.put(row, col.saturating_add(i), number(rk(v), xf))
                                .map_err(Some)?;
                        }
                        continue;
                    }
                    0x0204 => Cell::Text(unicode_string(d.get(6..)).ok_or(None)?),
                    0x00FD => {
                        let i = u32_at(d, 6).ok_or(None)? as usize;
                        Cell::Text(g.strings.get(i).cloned().ok_or(None)?)
                    }
                    0x0205 => match (d.get(6), d.get(7)) {
                        (Some(&v), Some(0)) => Cell::Bool(v != 0),
                        (Some(&v), Some(_)) => Cell::Error(error_text(v)),
                        _ => return Err(None),
                    },
                    0x0006 => {
                        let value = d.get(6..14).ok_or(None)?;
                        match (value.get(6..8), value.first(), value.get(2)) {
                            (Some([0xFF, 0xFF]), Some(0), _) => {
                                formula_text_at = Some((row, col));
                                continue;
                            }
                            (Some([0xFF, 0xFF]), Some(1), Some(&v)) => Cell::Bool(v != 0),
                            (Some([0xFF, 0xFF]), Some(2), Some(&v)) => Cell::Error(error_text(v)),
                            (Some([0xFF, 0xFF]), _, _) => Cell::Empty,
                            _ => number(f64_at(d, 6).ok_or(None)?, xf),
                        }
                    }
                    _ => continue,
                };
                b.put(row, col, cell).map_err(Some)?;
            }
        }
    }
    Ok(())
}

/// BIFF records: a type, a length, that many bytes.
struct Records<'a> {
    data: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    /// `Err` when a record runs past the end of the stream.
    type Item = Result<(u16, &'a [u8]), ()>;

    fn next(&mut self) -> Option<Self::Item> {
        let (kind, len) = (u16_at(self.data, 0)?, u16_at(self.data, 2)? as usize);
        let Some(body) = self.data.get(4..4 + len) else {
            self.data = &[];
            return Some(Err(()));
        };
        self.data = self.data.get(4 + len..).unwrap_or_default();
        Some(Ok((kind, body)))
    }
}

fn u16_at(d: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(d.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(d: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(d.get(i..i + 4)?.try_into().ok()?))
}

fn f64_at(d: &[u8], i: usize) -> Option<f64> {
    Some(f64::from_le_bytes(d.get(i..i + 8)?.try_into().ok()?))
}

/// An RK number: a 30-bit integer or the top of a double, perhaps ×100.
fn rk(v: u32) -> f64 {
    let n = if v & 2 != 0 {
        f64::from((v as i32) >> 2)
    } else {
        f64::from_bits(u64::from(v & 0xFFFF_FFFC) << 32)
    };
    if v & 1 != 0 {
        n / 100.0
    } else {
        n
    }
}

fn error_text(code: u8) -> String {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        0x2A => "#N/A",
        0x2B => "#GETTING_DATA",
        _ => "#ERROR!",
    }
    .into()
}

/// Text with a 16-bit length (XLUnicodeString).
fn unicode_string(d: Option<&[u8]>) -> Option<String> {
    let d = d?;
    chars(d.get(3..)?, u16_at(d, 0)? as usize, *d.get(2)? & 1 != 0)
}

/// Text with an 8-bit length (ShortXLUnicodeString, sheet names).
fn short_string(d: Option<&[u8]>) -> Option<String> {
    let d = d?;
    chars(d.get(2..)?, *d.first()? as usize, *d.get(1)? & 1 != 0)
}

/// `n` characters, two bytes each (UTF-16) or one (Latin-1).
fn chars(d: &[u8], n: usize, wide: bool) -> Option<String> {
    if wide {
        let units = d.get(..n * 2)?.chunks_exact(2);
        let units = units.map(|u| u16::from_le_bytes([u[0], u[1]]));
        Some(
            char::decode_utf16(units)
                .map(|c| c.unwrap_or('\u{FFFD}'))
                .collect(),
        )
    } else {
        Some(d.get(..n)?.iter().map(|&c| char::from(c)).collect())
    }
}
