//! OpenDocument spreadsheets (.ods), read from their `content.xml` one cell at a time.
//!
//! An .ods file says "this cell, repeated 16,384 times" and "this row, repeated a
//! million times" for the empty space around a table (LibreOffice writes both for
//! any formatted sheet). Empty repeats only move the position; a value repeated is
//! put once per cell it covers, each through the [`Builder`]'s limits, so a hostile
//! repeat count is refused at the first cell past them rather than allocated.
//!
//! Values as calamine reads them: numbers, percentages and currency as numbers (the
//! value stored, not the text shown), booleans, text (paragraphs joined by line
//! breaks; comments left out), formulas as their last calculated value, and errors
//! (`#DIV/0!`, `Err:502`) as errors. Dates read as text like .xlsx dates
//! (`2024-03-31`, `2024-03-31 13:30`), times of day as `13:30`.

use std::io::{BufRead, BufReader, Cursor};

use quick_xml::escape::{resolve_xml_entity, unescape};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use zip::ZipArchive;

use super::build::{iso_text, Builder};
use super::sheets::check_unpacked;
use super::FileError;
use crate::grid::{Cell, Workbook};

/// Excel's longest text in a cell; longer text in an .ods cell is cut there.
const MAX_TEXT: usize = 32_767;

pub(super) fn read(mut b: Builder<'_>, bytes: &[u8]) -> Result<Workbook, FileError> {
    check_unpacked(&b, bytes, false)?;
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| b.corrupt("it seems to be cut short or damaged"))?;
    let content = zip
        .by_name("content.xml")
        .map_err(|_| b.corrupt("the part holding its sheets is missing or damaged"))?;
    let mut xml = Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::new();
    let mut count = 0usize;
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|_| damaged(&b))?;
        match event {
            Event::Start(e) if e.name().as_ref() == b"table:table" => {
                count += 1;
                b.sheet(sheet_name(&e, count))?;
                table(&mut b, &mut xml)?;
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table" => {
                count += 1;
                b.sheet(sheet_name(&e, count))?;
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    b.finish()
}

fn damaged(b: &Builder<'_>) -> FileError {
    b.corrupt("the part holding its sheets is damaged")
}

fn sheet_name(e: &BytesStart<'_>, count: usize) -> String {
    attr(e, b"table:name").unwrap_or_else(|| format!("Sheet{count}"))
}

/// An attribute's value, unescaped.
fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    let a = e.try_get_attribute(name).ok().flatten()?;
    let raw = std::str::from_utf8(&a.value).ok()?;
    unescape(raw).ok().map(|v| v.into_owned())
}

/// A repeat count: 1 when missing, unreadable or 0.
fn repeats(e: &BytesStart<'_>, name: &[u8]) -> usize {
    attr(e, name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .max(1)
}

/// The rows of one sheet, up to the end of its `table:table`.
fn table<R: BufRead>(b: &mut Builder<'_>, xml: &mut Reader<R>) -> Result<(), FileError> {
    let mut row = 0usize;
    let mut buf = Vec::new();
    let mut skip = Vec::new();
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|_| damaged(b))?;
        match event {
            Event::Start(e) if e.name().as_ref() == b"table:table-row" => {
                let n = repeats(&e, b"table:number-rows-repeated");
                let cells = row_cells(b, xml, row)?;
                for r in 0..n {
                    if cells.is_empty() {
                        break;
                    }
                    for (col, cell) in &cells {
                        b.put(row.saturating_add(r), *col, cell.clone())?;
                    }
                }
                row = row.saturating_add(n);
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table-row" => {
                row = row.saturating_add(repeats(&e, b"table:number-rows-repeated"));
            }
            // A table inside a table (in a drawing, say) is not one of the sheets.
            Event::Start(e) if e.name().as_ref() == b"table:table" => {
                xml.read_to_end_into(e.name(), &mut skip)
                    .map_err(|_| damaged(b))?;
            }
            Event::End(e) if e.name().as_ref() == b"table:table" => return Ok(()),
            Event::Eof => return Err(damaged(b)),
            _ => {}
        }
        buf.clear();
    }
}

/// The cells with something in them of one row (at `row`, for the limits' sake),
/// with their columns, up to the end of its `table:table-row`.
fn row_cells<R: BufRead>(
    b: &mut Builder<'_>,
    xml: &mut Reader<R>,
    row: usize,
) -> Result<Vec<(usize, Cell)>, FileError> {
    let mut cells = Vec::new();
    let mut col = 0usize;
    let mut buf = Vec::new();
    let mut skip = Vec::new();
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|_| damaged(b))?;
        let (e, children) = match event {
            Event::Start(e) => (e.into_owned(), true),
            Event::Empty(e) => (e.into_owned(), false),
            Event::End(e) if e.name().as_ref() == b"table:table-row" => return Ok(cells),
            Event::Eof => return Err(damaged(b)),
            _ => {
                buf.clear();
                continue;
            }
        };
        buf.clear();
        if !matches!(
            e.name().as_ref(),
            b"table:table-cell" | b"table:covered-table-cell"
        ) {
            if children {
                xml.read_to_end_into(e.name(), &mut skip)
                    .map_err(|_| damaged(b))?;
            }
            continue;
        }
        let n = repeats(&e, b"table:number-columns-repeated");
        let text = if children {
            cell_text(b, xml, &e)?
        } else {
            String::new()
        };
        // Empty text is no value: repeated four billion times, it must cost nothing.
        let cell = match value(&e, text) {
            Cell::Text(t) if t.is_empty() => Cell::Empty,
            cell => cell,
        };
        if cell != Cell::Empty {
            for c in 0..n {
                let c = col.saturating_add(c);
                if c >= b.limits.columns {
                    // Refused with the sheet's name and the column's letters.
                    b.put(row, c, cell)?;
                    break;
                }
                cells.push((c, cell.clone()));
            }
        }
        col = col.saturating_add(n);
    }
}

/// A cell's value from its attributes and its paragraphs' text.
fn value(e: &BytesStart<'_>, text: String) -> Cell {
    let number = |name: &[u8]| attr(e, name).and_then(|v| v.trim().parse::<f64>().ok());
    if attr(e, b"calcext:value-type").as_deref() == Some("error") {
        return Cell::Error(text);
    }
    match attr(e, b"office:value-type").as_deref() {
        Some("float" | "percentage" | "currency") => match number(b"office:value") {
            Some(n) => Cell::Number(n),
            None => Cell::Text(text),
        },
        Some("boolean") => match attr(e, b"office:boolean-value").as_deref() {
            Some("true") => Cell::Bool(true),
            Some("false") => Cell::Bool(false),
            _ => Cell::Text(text),
        },
        Some("date") => match attr(e, b"office:date-value") {
            Some(d) => Cell::Text(iso_text(&d)),
            None => Cell::Text(text),
        },
        Some("time") => match attr(e, b"office:time-value") {
            Some(t) => Cell::Text(duration_text(&t).unwrap_or(t)),
            None => Cell::Text(text),
        },
        Some("string") => Cell::Text(attr(e, b"office:string-value").unwrap_or(text)),
        _ if text.is_empty() => Cell::Empty,
        _ => Cell::Text(text),
    }
}

/// `PT13H30M00S` as `13:30` (`13:30:15` with seconds); `None` if it is not that form.
fn duration_text(t: &str) -> Option<String> {
    let rest = t.trim().strip_prefix("PT")?;
    let (h, rest) = rest.split_once('H')?;
    let (m, rest) = rest.split_once('M')?;
    let s = rest.strip_suffix('S')?;
    let (h, m): (u64, u64) = (h.parse().ok()?, m.parse().ok()?);
    let s: f64 = s.parse().ok()?;
    let s = s.round() as u64;
    Some(if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    })
}

/// The text of a cell's paragraphs, up to the end of the cell `e`; comments, notes and
/// drawings inside it are skipped.
fn cell_text<R: BufRead>(
    b: &Builder<'_>,
    xml: &mut Reader<R>,
    e: &BytesStart<'_>,
) -> Result<String, FileError> {
    let mut text = String::new();
    let (mut paragraphs, mut in_p) = (0usize, 0usize);
    let mut buf = Vec::new();
    let mut skip = Vec::new();
    loop {
        let event = xml.read_event_into(&mut buf).map_err(|_| damaged(b))?;
        match event {
            Event::End(end) if end.name() == e.name() => return Ok(text),
            Event::Start(s) => match s.name().as_ref() {
                b"text:p" | b"text:h" => {
                    if paragraphs > 0 {
                        push(&mut text, "\n");
                    }
                    paragraphs += 1;
                    in_p += 1;
                }
                b"text:span" | b"text:a" => {}
                _ => {
                    let name = s.name().as_ref().to_vec();
                    xml.read_to_end_into(quick_xml::name::QName(&name), &mut skip)
                        .map_err(|_| damaged(b))?;
                }
            },
            Event::End(end) if matches!(end.name().as_ref(), b"text:p" | b"text:h") => {
                in_p = in_p.saturating_sub(1);
            }
            Event::Empty(s) if in_p > 0 => match s.name().as_ref() {
                b"text:s" => {
                    let n = repeats(&s, b"text:c").min(MAX_TEXT);
                    push(&mut text, &" ".repeat(n));
                }
                b"text:tab" => push(&mut text, "\t"),
                b"text:line-break" => push(&mut text, "\n"),
                _ => {}
            },
            Event::Empty(s) if matches!(s.name().as_ref(), b"text:p" | b"text:h") => {
                if paragraphs > 0 {
                    push(&mut text, "\n");
                }
                paragraphs += 1;
            }
            Event::Text(t) if in_p > 0 => {
                let t = t.xml10_content().map_err(|_| damaged(b))?;
                push(&mut text, &t);
            }
            Event::CData(t) if in_p > 0 => {
                // Never replaced: a part that is not UTF-8 is damaged.
                push(&mut text, std::str::from_utf8(&t).map_err(|_| damaged(b))?);
            }
            Event::GeneralRef(r) if in_p > 0 => {
                let name = r.decode().map_err(|_| damaged(b))?;
                if let Some(s) = resolve_xml_entity(&name) {
                    push(&mut text, s);
                } else if let Ok(Some(c)) = r.resolve_char_ref() {
                    push(&mut text, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => return Err(damaged(b)),
            _ => {}
        }
        buf.clear();
    }
}

/// Appends `s` to a cell's text, which stops growing at [`MAX_TEXT`] bytes.
fn push(text: &mut String, s: &str) {
    for c in s.chars() {
        if text.len() + c.len_utf8() > MAX_TEXT {
            return;
        }
        text.push(c);
    }
}
