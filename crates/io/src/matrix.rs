//! A priority matrix as people lay it out: names down the side, names across the top
//! (themes × districts as seed 004 prints it, or transposed), a level or tick in each
//! cell, perhaps a count column at the end, a title above and notes below.
//!
//! The sheet is read without knowing which way round it is: `rows` are the names down
//! the side, `columns` the names across. Which are themes is decided by matching
//! them against the scenario (`preview`), and the user can turn it round.

use crate::grid::{At, Cell, FileKind, Problem, Sheet};
use crate::layout::{capitalised, is_count_header};
use crate::tables::{column_words, Named};
use crate::words::{self, Mark};

/// One filled cell of the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkCell {
    /// Index into [`MatrixSheet::rows`].
    pub row: usize,
    /// Index into [`MatrixSheet::columns`].
    pub column: usize,
    pub mark: Mark,
    pub at: At,
}

/// The count column's figure for a row ("No. of districts").
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub row: usize,
    pub written: u32,
    pub at: At,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixSheet {
    pub rows: Vec<Named>,
    pub columns: Vec<Named>,
    pub marks: Vec<MarkCell>,
    pub counts: Vec<Count>,
    /// Columns left out, in words ("column F (“Notes”): its cells are not levels").
    pub ignored: Vec<String>,
    pub problems: Vec<Problem>,
}

/// What a cell must say, for the message about one that says something else.
pub const EXPECTED: &str =
    "expected main, subsidiary, issue (or ●, ◐, ○), a tick, or blank for not named";

impl MatrixSheet {
    /// How many cells of row `row` are filled.
    pub fn filled(&self, row: usize) -> usize {
        self.marks.iter().filter(|m| m.row == row).count()
    }

    /// Whether any cell is a plain tick (so the preview asks what a tick means).
    pub fn has_ticks(&self) -> bool {
        self.marks.iter().any(|m| m.mark == Mark::Tick)
    }

    /// Rows whose count column disagrees with their filled cells: (row, written, counted).
    pub fn count_mismatches(&self) -> Vec<(&Count, usize)> {
        self.counts
            .iter()
            .map(|c| (c, self.filled(c.row)))
            .filter(|(c, n)| c.written as usize != *n)
            .collect()
    }
}

fn is_mark(cell: &Cell) -> bool {
    matches!(words::mark(&cell.text()), Ok(Some(_)))
}

/// The header row: the first row with names in two or more columns after its first
/// filled one, under which some cell of those columns holds a level or tick.
fn header_row(sheet: &Sheet) -> Option<usize> {
    (0..sheet.rows.len().min(40)).find(|&r| {
        let row = &sheet.rows[r];
        let Some(first) = row.iter().position(|c| !c.is_blank()) else {
            return false;
        };
        let named: Vec<usize> = (first + 1..row.len())
            .filter(|&c| !row[c].is_blank())
            .collect();
        named.len() >= 2
            && (r + 1..sheet.rows.len().min(r + 200))
                .any(|d| named.iter().any(|&c| is_mark(sheet.cell(d, c))))
    })
}

/// Reads `sheet` as a matrix. Never fails: a sheet that is not a matrix gives a problem.
pub fn read_matrix(sheet: &Sheet, kind: FileKind) -> MatrixSheet {
    let mut out = MatrixSheet::default();
    let Some(header) = header_row(sheet) else {
        out.problems.push(Problem::general(format!(
            "{} does not look like a priority matrix: no row names two or more districts \
             (or themes) with a level or tick under them.",
            sheet_words(sheet, kind)
        )));
        return out;
    };
    let data: Vec<usize> = (header + 1..sheet.rows.len())
        .filter(|&r| !sheet.row_is_blank(r))
        .collect();
    // The names down the side: the first column with text in the data rows.
    let width = sheet.width();
    let label_col = (0..width)
        .find(|&c| {
            data.iter()
                .any(|&r| !sheet.cell(r, c).is_blank() && !is_mark(sheet.cell(r, c)))
        })
        .unwrap_or(0);
    let at = |r: usize, c: usize| At::cell(sheet, kind, r, c);

    // The columns across: names with levels under them; a count column; others left out.
    let mut count_col = None;
    let mut grid_cols: Vec<usize> = Vec::new();
    for c in label_col + 1..width {
        let head = sheet.cell(header, c).text();
        let filled: Vec<&Cell> = data
            .iter()
            .map(|&r| sheet.cell(r, c))
            .filter(|x| !x.is_blank())
            .collect();
        let marks = filled.iter().filter(|x| is_mark(x)).count();
        if head.is_empty() {
            if marks > 0 {
                out.problems.push(Problem::at(
                    at(header, c),
                    format!(
                        "{} has levels or ticks but no name at the top; add the district (or theme) it is for",
                        capitalised(&column_words(c))
                    ),
                ));
            }
            continue;
        }
        if is_count_header(&head) && count_col.is_none() {
            count_col = Some(c);
        } else if !filled.is_empty() && marks * 2 < filled.len() {
            out.ignored.push(format!(
                "{} (“{head}”): its cells are not levels or ticks",
                column_words(c)
            ));
        } else {
            grid_cols.push(c);
            out.columns.push(Named {
                text: head,
                at: at(header, c),
            });
        }
    }

    for &r in &data {
        let label = sheet.cell(r, label_col).text();
        let has_marks = grid_cols.iter().any(|&c| !sheet.cell(r, c).is_blank());
        if label.is_empty() {
            if has_marks {
                out.problems.push(Problem::at(
                    at(r, label_col),
                    format!(
                        "row {} has levels or ticks but no name in {}",
                        r + 1,
                        column_words(label_col)
                    ),
                ));
            }
            continue;
        }
        let index = out.rows.len();
        out.rows.push(Named {
            text: label,
            at: at(r, label_col),
        });
        for (j, &c) in grid_cols.iter().enumerate() {
            let cell = sheet.cell(r, c);
            match words::mark(&cell.text()) {
                Ok(Some(mark)) => out.marks.push(MarkCell {
                    row: index,
                    column: j,
                    mark,
                    at: at(r, c),
                }),
                Ok(None) => {}
                Err(()) => out.problems.push(Problem::at(
                    at(r, c),
                    format!("“{}” is not a level; {EXPECTED}", cell.text()),
                )),
            }
        }
        if let Some(c) = count_col {
            match sheet.cell(r, c) {
                x if x.is_blank() => {}
                x => match x.text().parse::<f64>() {
                    Ok(n) if n >= 0.0 && n.fract() == 0.0 && n < 10_000.0 => {
                        out.counts.push(Count {
                            row: index,
                            written: n as u32,
                            at: at(r, c),
                        })
                    }
                    _ => out.ignored.push(format!(
                        "{}: “{}” in the count column is not a number",
                        at(r, c),
                        x.text()
                    )),
                },
            }
        }
    }
    if out.columns.is_empty() {
        out.problems.push(Problem::general(format!(
            "{} has no columns of levels or ticks.",
            sheet_words(sheet, kind)
        )));
    }
    out
}

fn sheet_words(sheet: &Sheet, kind: FileKind) -> String {
    match kind {
        FileKind::Csv => "The file".into(),
        _ => format!("The sheet “{}”", sheet.name),
    }
}
