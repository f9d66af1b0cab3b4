//! A spreadsheet as the rest of this crate sees it: sheets of rows of cells, whatever
//! file they came from, and places in it named as a spreadsheet program names them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// One file's contents: every sheet, in the file's order. A CSV file is one sheet
/// named after the file. It crosses from the page's file formats module as JSON
/// (crates/formats), hence serde.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Workbook {
    /// The file's name as the user chose it ("kent-matrix.xlsx").
    pub file: String,
    /// Whether places are named with the sheet ("Matrix!D7") or without (a CSV: "D7").
    pub kind: FileKind,
    pub sheets: Vec<Sheet>,
}

/// What kind of file a workbook was read from (or is written as).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum FileKind {
    #[default]
    Xlsx,
    Xls,
    Ods,
    Csv,
}

impl FileKind {
    /// How a user would name it.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Xlsx => "Excel workbook (.xlsx)",
            FileKind::Xls => "Excel 97–2003 workbook (.xls)",
            FileKind::Ods => "OpenDocument spreadsheet (.ods)",
            FileKind::Csv => "CSV file",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    /// Row 0 is the spreadsheet's row 1. Rows may differ in length; a missing cell
    /// is [`Cell::Empty`].
    pub rows: Vec<Vec<Cell>>,
}

/// One cell's value. Formulas are read as the value the spreadsheet program last
/// calculated (never evaluated here); merged cells hold their value in the first.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An error value the spreadsheet holds (`#REF!`, `#DIV/0!`).
    Error(String),
}

impl Cell {
    /// The cell as text, trimmed; numbers as a person would type them (`3`, `0.31`).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => number_text(*n),
            Cell::Bool(true) => "TRUE".into(),
            Cell::Bool(false) => "FALSE".into(),
            Cell::Error(e) => e.clone(),
        }
    }

    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// `3` for 3.0, `0.31` for 0.31: no trailing `.0`, no exponent for ordinary figures.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

impl Sheet {
    /// The cell at `row`, `col` (0-based), or [`Cell::Empty`] past the end.
    pub fn cell(&self, row: usize, col: usize) -> &Cell {
        static EMPTY: Cell = Cell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    /// Whether row `row` has nothing in it.
    pub fn row_is_blank(&self, row: usize) -> bool {
        self.rows
            .get(row)
            .is_none_or(|r| r.iter().all(Cell::is_blank))
    }

    /// How many columns the widest row has.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Whether the sheet holds nothing at all.
    pub fn is_blank(&self) -> bool {
        (0..self.rows.len()).all(|r| self.row_is_blank(r))
    }
}

/// A place in a workbook: a sheet (none for a CSV file) and a cell, 0-based.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct At {
    pub sheet: Option<String>,
    pub row: usize,
    pub col: usize,
}

impl At {
    pub fn cell(sheet: &Sheet, kind: FileKind, row: usize, col: usize) -> At {
        At {
            sheet: (kind != FileKind::Csv).then(|| sheet.name.clone()),
            row,
            col,
        }
    }
}

/// `D7` for row 6, column 3 (0-based); `AA1` after `Z1`.
pub fn cell_name(row: usize, col: usize) -> String {
    format!("{}{}", column_letters(col), row + 1)
}

/// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
pub fn column_letters(col: usize) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl fmt::Display for At {
    /// `Matrix!D7` in a workbook (quoted when the sheet's name has spaces, as Excel
    /// writes it: `'Horizon scan'!B3`); `D7` in a CSV file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.sheet {
            Some(s) if s.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                write!(f, "{s}!{}", cell_name(self.row, self.col))
            }
            Some(s) => write!(
                f,
                "'{}'!{}",
                s.replace('\'', "''"),
                cell_name(self.row, self.col)
            ),
            None => write!(f, "{}", cell_name(self.row, self.col)),
        }
    }
}

/// One thing wrong with what a file holds, at a place in it when there is one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub at: Option<At>,
    pub message: String,
}

impl Problem {
    pub fn at(at: At, message: impl Into<String>) -> Problem {
        Problem {
            at: Some(at),
            message: message.into(),
        }
    }

    pub fn general(message: impl Into<String>) -> Problem {
        Problem {
            at: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.at {
            Some(at) => write!(f, "{at}: {}", self.message),
            None => write!(f, "{}", self.message),
        }
    }
}
