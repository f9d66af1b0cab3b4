//! A sheet read as a table of one part: its header row found (not always row 1: a
//! title often sits above it), its columns matched to the part's fields by header,
//! and each cell read as the field's kind of value, every problem kept with its cell.

use horizon_model::{join_and, limits};

use crate::export::csv::unescape_csv_text;
use crate::grid::{column_letters, At, Cell, FileKind, Problem, Sheet};
use crate::layout::{column_for, Column, Field, Part};
use crate::words;

/// How far down a header row is looked for.
const HEADER_SEARCH_ROWS: usize = 30;

/// A sheet whose header row and columns are known.
pub struct Table<'a> {
    pub sheet: &'a Sheet,
    pub kind: FileKind,
    pub part: Part,
    /// 0-based row of the headers.
    pub header_row: usize,
    columns: Vec<(Field, usize)>,
    /// Headers of columns that are not the part's, left out ("Owner", "RAG").
    pub ignored: Vec<String>,
}

/// How many of `columns`' required fields, and how many fields at all, row `row` heads.
fn header_score(sheet: &Sheet, row: usize, columns: &[Column]) -> (usize, usize) {
    let mut found: Vec<Field> = Vec::new();
    for c in sheet.rows.get(row).map(Vec::as_slice).unwrap_or_default() {
        if let Some(col) = column_for(columns, &c.text()) {
            if !found.contains(&col.field) {
                found.push(col.field);
            }
        }
    }
    let required = columns
        .iter()
        .filter(|c| c.required && found.contains(&c.field))
        .count();
    (required, found.len())
}

impl<'a> Table<'a> {
    /// Finds the header row of `part`'s table in `sheet`: the first row (of the first
    /// 30) that heads every required column. Otherwise a problem naming the columns
    /// that were looked for and the row that came closest.
    pub fn find(sheet: &'a Sheet, kind: FileKind, part: Part) -> Result<Table<'a>, Problem> {
        let columns = part.columns();
        let needed = columns.iter().filter(|c| c.required).count();
        let rows = sheet.rows.len().min(HEADER_SEARCH_ROWS);
        let header_row = (0..rows).find(|&r| header_score(sheet, r, columns).0 == needed);
        let Some(header_row) = header_row else {
            let best = (0..rows).max_by_key(|&r| header_score(sheet, r, columns));
            let missing: Vec<&str> = match best {
                Some(r) => {
                    let row = &sheet.rows[r];
                    columns
                        .iter()
                        .filter(|c| {
                            c.required
                                && !row
                                    .iter()
                                    .any(|x| column_for(columns, &x.text()) == Some(*c))
                        })
                        .map(|c| c.header)
                        .collect()
                }
                None => columns
                    .iter()
                    .filter(|c| c.required)
                    .map(|c| c.header)
                    .collect(),
            };
            let sheet_words = match kind {
                FileKind::Csv => "The file".to_string(),
                _ => format!("The sheet “{}”", sheet.name),
            };
            return Err(Problem::general(format!(
                "{sheet_words} has no header row for {}: no row names the columns {}. \
                 Put the headers in one row above the data (see the workbook Horizon exports).",
                part.noun(),
                join_and(&missing)
            )));
        };
        let mut columns_found = Vec::new();
        let mut ignored = Vec::new();
        for (i, c) in sheet.rows[header_row].iter().enumerate() {
            let text = c.text();
            match column_for(columns, &text) {
                Some(col) if !columns_found.iter().any(|(f, _)| *f == col.field) => {
                    columns_found.push((col.field, i))
                }
                _ if !text.is_empty() => ignored.push(text),
                _ => {}
            }
        }
        Ok(Table {
            sheet,
            kind,
            part,
            header_row,
            columns: columns_found,
            ignored,
        })
    }

    /// The data rows: every row below the headers that is not blank.
    pub fn rows(&self) -> impl Iterator<Item = usize> + '_ {
        (self.header_row + 1..self.sheet.rows.len()).filter(|&r| !self.sheet.row_is_blank(r))
    }

    pub fn has(&self, field: Field) -> bool {
        self.columns.iter().any(|(f, _)| *f == field)
    }

    fn column(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, c)| *c)
    }

    /// The place of `field`'s cell in `row` (the row's first cell if the column is missing).
    pub fn at(&self, row: usize, field: Field) -> At {
        At::cell(self.sheet, self.kind, row, self.column(field).unwrap_or(0))
    }

    /// The place of a row, for a problem about the row as a whole.
    pub fn row_at(&self, row: usize) -> At {
        At::cell(self.sheet, self.kind, row, 0)
    }

    pub fn cell(&self, row: usize, field: Field) -> &Cell {
        match self.column(field) {
            Some(c) => self.sheet.cell(row, c),
            None => &Cell::Empty,
        }
    }

    /// The header as the file writes it, for messages.
    pub fn header(&self, field: Field) -> String {
        self.column(field)
            .map(|c| self.sheet.cell(self.header_row, c).text())
            .filter(|t| !t.is_empty())
            .or_else(|| {
                self.part
                    .columns()
                    .iter()
                    .find(|c| c.field == field)
                    .map(|c| c.header.to_string())
            })
            .unwrap_or_default()
    }

    /// A reader of one row that keeps its problems in `problems`.
    pub fn row<'t>(&'t self, row: usize, problems: &'t mut Vec<Problem>) -> RowReader<'t, 'a> {
        RowReader {
            table: self,
            row,
            problems,
        }
    }
}

/// One row's cells as values; a cell that cannot be read adds a problem at its place
/// and gives `None`, so every problem of a row (and of a table) is found at once.
pub struct RowReader<'t, 'a> {
    pub table: &'t Table<'a>,
    pub row: usize,
    pub problems: &'t mut Vec<Problem>,
}

/// A name as a cell writes it, with where, for matching and for messages.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    pub text: String,
    pub at: At,
}

impl RowReader<'_, '_> {
    pub fn at(&self, field: Field) -> At {
        self.table.at(self.row, field)
    }

    fn problem(&mut self, field: Field, message: String) {
        let at = self.at(field);
        self.problems.push(Problem::at(at, message));
    }

    /// The cell's text (a CSV's `'=…'` shield removed), at most `limit` characters.
    pub fn text(&mut self, field: Field, limit: usize) -> String {
        let raw = self.table.cell(self.row, field).text();
        // A CSV file Horizon wrote shields formula-like text with an apostrophe.
        let text = match self.table.kind {
            FileKind::Csv => unescape_csv_text(&raw).to_string(),
            _ => raw,
        };
        let n = text.chars().count();
        if n > limit {
            let header = self.table.header(field);
            self.problem(
                field,
                format!("{header} must be {limit} characters or fewer, not {n}"),
            );
        }
        text
    }

    /// The cell's text, which must not be blank.
    pub fn required(&mut self, field: Field, limit: usize) -> Option<String> {
        let text = self.text(field, limit);
        if text.is_empty() {
            let header = self.table.header(field);
            self.problem(field, format!("{header} is blank; every row needs one"));
            return None;
        }
        Some(text)
    }

    pub fn optional(&mut self, field: Field, limit: usize) -> Option<String> {
        Some(self.text(field, limit)).filter(|t| !t.is_empty())
    }

    /// A name, with its place.
    pub fn named(&mut self, field: Field) -> Option<Named> {
        let at = self.at(field);
        self.required(field, limits::NAME)
            .map(|text| Named { text, at })
    }

    /// A name, with its place; `None` for a blank cell (or no such column).
    pub fn name_if_any(&mut self, field: Field) -> Option<Named> {
        let at = self.at(field);
        self.optional(field, limits::NAME)
            .map(|text| Named { text, at })
    }

    /// A list of names in one cell (semicolons or line breaks).
    pub fn names(&mut self, field: Field) -> Vec<Named> {
        let at = self.at(field);
        words::list(&self.text(field, limits::TEXT))
            .into_iter()
            .map(|text| Named {
                text,
                at: at.clone(),
            })
            .collect()
    }

    /// A whole number from `min` to `max`; blank is a problem when `required`.
    pub fn whole(&mut self, field: Field, min: u32, max: u32, required: bool) -> Option<u32> {
        let cell = self.table.cell(self.row, field).clone();
        let header = self.table.header(field);
        let value = match &cell {
            Cell::Number(n) => Some(*n),
            c if c.is_blank() => {
                if required {
                    self.problem(
                        field,
                        format!("{header} is blank; enter a whole number from {min} to {max}"),
                    );
                }
                return None;
            }
            c => c.text().replace(',', "").trim().parse::<f64>().ok(),
        };
        match value {
            Some(v) if v.fract() == 0.0 && v >= min as f64 && v <= max as f64 => Some(v as u32),
            _ => {
                self.problem(
                    field,
                    format!(
                        "{header} “{}” is not a whole number from {min} to {max}",
                        cell.text()
                    ),
                );
                None
            }
        }
    }

    /// A percentage, 0 to 100, as "31", "31%" or a cell formatted as a percentage
    /// (which holds 0.31): returned as a share from 0 to 1.
    /// `fractions`: the column holds fractions (every figure in it is 1 or less, as a
    /// column formatted as percentages stores them).
    pub fn share(&mut self, field: Field, fractions: bool) -> Option<f64> {
        let cell = self.table.cell(self.row, field).clone();
        let header = self.table.header(field);
        let text = cell.text();
        let value = match &cell {
            Cell::Number(n) if fractions => Some(n * 100.0),
            Cell::Number(n) => Some(*n),
            _ => {
                let t = text.trim();
                match t.strip_suffix('%') {
                    Some(p) => p.trim().parse::<f64>().ok(),
                    None => t.parse::<f64>().ok(),
                }
            }
        };
        match value {
            Some(v) if (0.0..=100.0).contains(&v) => Some(v / 100.0),
            _ => {
                self.problem(
                    field,
                    format!("{header} “{text}” is not a percentage from 0 to 100"),
                );
                None
            }
        }
    }

    /// A value read by `parse` from the cell's text; `expected` says what may be written.
    pub fn choice<T>(
        &mut self,
        field: Field,
        parse: impl Fn(&str) -> Option<T>,
        expected: &str,
        default: Option<T>,
    ) -> Option<T> {
        let text = self.text(field, limits::NAME);
        if text.is_empty() {
            if default.is_some() {
                return default;
            }
            let header = self.table.header(field);
            self.problem(field, format!("{header} is blank; expected {expected}"));
            return None;
        }
        let value = parse(&text);
        if value.is_none() {
            self.problem(field, format!("“{text}” is not {expected}"));
        }
        value
    }
}

/// "column F" for a 0-based column.
pub fn column_words(col: usize) -> String {
    format!("column {}", column_letters(col))
}
