//! A [`Workbook`] as an Excel file (.xlsx), laid out for people: each table's header
//! row bold and frozen, columns as wide as [`layout`](crate::layout) says, long text
//! wrapped, the matrix's level cells offering a drop-down of the level words, and its
//! count column a formula whose last result is stored with it (so that a reader that
//! never calculates, as Horizon's does not, still sees the number).
//!
//! All text is written as text: a name beginning `=` stays a name, never a formula.

use horizon_model::Scenario;
use rust_xlsxwriter::{
    ColNum, DataValidation, DataValidationErrorStyle, Format, Formula, RowNum, Worksheet,
};

mod style;

use self::style::{about, count_column, matrix_plan, table, Formats, SheetPlan, Style};
use super::ExportError;
use crate::grid::{cell_name, number_text, At, Cell, FileKind, Sheet, Workbook};
use crate::layout::{column_for, Part};
use crate::words::LEVEL_WORDS;
use crate::workbook::{or_list, to_workbook, ABOUT_SHEET};

/// How a sheet is laid out when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Cells as they are, unformatted.
    Plain,
    /// The workbook's explanation: labels and wrapped paragraphs.
    About,
    /// One part's table, as [`part_sheet`](crate::workbook::part_sheet) writes it.
    Part(Part),
}

impl Layout {
    /// The layout for a sheet Horizon wrote, known by its name.
    pub fn for_sheet(sheet: &Sheet) -> Layout {
        if sheet.name == ABOUT_SHEET {
            return Layout::About;
        }
        Part::WORKBOOK
            .into_iter()
            .find(|p| p.sheet_name() == sheet.name)
            .map_or(Layout::Plain, Layout::Part)
    }
}

/// Excel holds at most this many characters in a cell.
const MAX_CELL_CHARS: usize = 32_767;
/// How many rows below the matrix's last theme keep the level drop-down, for themes
/// a person adds.
const SPARE_MATRIX_ROWS: usize = 100;

/// The whole scenario as an Excel file: [`to_workbook`], each sheet laid out by its
/// name.
pub fn scenario_xlsx(s: &Scenario) -> Result<Vec<u8>, ExportError> {
    workbook_xlsx(&to_workbook(s))
}

/// A workbook made by [`to_workbook`] as an Excel file, each sheet laid out by its name.
pub fn workbook_xlsx(book: &Workbook) -> Result<Vec<u8>, ExportError> {
    let layouts: Vec<Layout> = book.sheets.iter().map(Layout::for_sheet).collect();
    xlsx(book, &layouts)
}

/// The workbook as .xlsx bytes; `layouts[i]` lays out sheet `i` ([`Layout::Plain`]
/// for a sheet without one).
pub fn xlsx(book: &Workbook, layouts: &[Layout]) -> Result<Vec<u8>, ExportError> {
    let mut out = rust_xlsxwriter::Workbook::new();
    let formats = Formats::new();
    for (i, sheet) in book.sheets.iter().enumerate() {
        check_lengths(sheet)?;
        let ws = out.add_worksheet();
        ws.set_name(&sheet.name)?;
        let layout = layouts.get(i).copied().unwrap_or(Layout::Plain);
        match layout {
            Layout::Plain => write_cells(ws, sheet, |_, _| None)?,
            Layout::About => lay_out(ws, sheet, &about(sheet), &formats)?,
            Layout::Part(Part::Matrix) => {
                lay_out(ws, sheet, &matrix_plan(sheet), &formats)?;
                matrix_extras(ws, sheet, &formats)?;
            }
            Layout::Part(Part::Review) => lay_out(ws, sheet, &table(vec![22.0, 100.0]), &formats)?,
            Layout::Part(part) => {
                let widths = sheet.rows.first().map_or(Vec::new(), |header| {
                    header
                        .iter()
                        .map(|h| column_for(part.columns(), &h.text()).map_or(14.0, |c| c.width))
                        .collect()
                });
                lay_out(ws, sheet, &table(widths), &formats)?
            }
        }
    }
    Ok(out.save_to_buffer()?)
}

/// Widths, frozen panes, print set-up, the cells in their styles, and each row tall
/// enough for its wrapped text (not every program works that out when it opens a
/// file).
fn lay_out(
    ws: &mut Worksheet,
    sheet: &Sheet,
    plan: &SheetPlan,
    f: &Formats,
) -> Result<(), ExportError> {
    for (c, &w) in plan.widths.iter().enumerate() {
        ws.set_column_width(col(sheet, c)?, w)?;
        if plan.header {
            // Rows a person adds below the table look like the rest of its column.
            ws.set_column_format(col(sheet, c)?, f.get((plan.style)(1, c)))?;
        }
    }
    if plan.freeze != (0, 0) {
        ws.set_freeze_panes(plan.freeze.0, plan.freeze.1)?;
    }
    const A4: u8 = 9;
    ws.set_paper_size(A4)
        .set_landscape()
        .set_print_fit_to_pages(1, 0);
    if plan.header && !sheet.rows.is_empty() {
        ws.set_repeat_rows(0, 0)?;
    }
    write_cells(ws, sheet, |r, c| Some(f.get((plan.style)(r, c))))?;
    for (r, cells) in sheet.rows.iter().enumerate() {
        if let Some(height) = plan.row_height(r, cells) {
            ws.set_row_height(row(sheet, r)?, height)?;
        }
    }
    Ok(())
}

/// The matrix's count column as a formula with its result, and the level cells'
/// drop-down of the level words.
fn matrix_extras(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), ExportError> {
    let count_col = count_column(sheet);
    let last_level = count_col.unwrap_or(sheet.width()).saturating_sub(1);
    if let Some(cc) = count_col.filter(|&cc| cc > 1) {
        for r in 1..sheet.rows.len() {
            if let Cell::Number(n) = sheet.cell(r, cc) {
                let formula = format!("=COUNTA({}:{})", cell_name(r, 1), cell_name(r, cc - 1));
                let formula = Formula::new(formula).set_result(number_text(*n));
                ws.write_formula_with_format(
                    row(sheet, r)?,
                    col(sheet, cc)?,
                    formula,
                    f.get(Style::Body),
                )?;
            }
        }
    }
    if last_level >= 1 {
        let words = or_list(&LEVEL_WORDS);
        let validation = DataValidation::new()
            .allow_list_strings(&LEVEL_WORDS)?
            .ignore_blank(true)
            .set_input_title("Level")?
            .set_input_message(format!(
                "{words}; leave blank when the district does not name the theme."
            ))?
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Not a level")?
            .set_error_message(format!(
                "Horizon reads {words} here. A blank cell means the district does not name the theme."
            ))?;
        let last_row = (sheet.rows.len() - 1 + SPARE_MATRIX_ROWS).min(LAST_ROW);
        ws.add_data_validation(
            1,
            1,
            row(sheet, last_row)?,
            col(sheet, last_level)?,
            &validation,
        )?;
    }
    Ok(())
}

/// Writes every cell, each in the format `format(row, col)` gives; text always as
/// text, so nothing is taken for a formula.
fn write_cells<'f>(
    ws: &mut Worksheet,
    sheet: &Sheet,
    format: impl Fn(usize, usize) -> Option<&'f Format>,
) -> Result<(), ExportError> {
    for (r, cells) in sheet.rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            let (rr, cc) = (row(sheet, r)?, col(sheet, c)?);
            let fmt = format(r, c);
            match (cell, fmt) {
                (Cell::Empty, _) => {}
                (Cell::Text(t) | Cell::Error(t), Some(fmt)) => {
                    ws.write_string_with_format(rr, cc, t, fmt)?;
                }
                (Cell::Text(t) | Cell::Error(t), None) => {
                    ws.write_string(rr, cc, t)?;
                }
                (Cell::Number(n), Some(fmt)) => {
                    ws.write_number_with_format(rr, cc, *n, fmt)?;
                }
                (Cell::Number(n), None) => {
                    ws.write_number(rr, cc, *n)?;
                }
                (Cell::Bool(b), Some(fmt)) => {
                    ws.write_boolean_with_format(rr, cc, *b, fmt)?;
                }
                (Cell::Bool(b), None) => {
                    ws.write_boolean(rr, cc, *b)?;
                }
            }
        }
    }
    Ok(())
}

/// Refuses text longer than a cell holds, naming the cell.
fn check_lengths(sheet: &Sheet) -> Result<(), ExportError> {
    for (r, cells) in sheet.rows.iter().enumerate() {
        for (c, cell) in cells.iter().enumerate() {
            if let Cell::Text(t) | Cell::Error(t) = cell {
                let chars = t.chars().count();
                if chars > MAX_CELL_CHARS {
                    let at = At::cell(sheet, FileKind::Xlsx, r, c);
                    return Err(ExportError::TooLong { at, chars });
                }
            }
        }
    }
    Ok(())
}

/// Excel's last row and column, 0-based.
const LAST_ROW: usize = 1_048_575;
const LAST_COL: usize = 16_383;

fn row(sheet: &Sheet, r: usize) -> Result<RowNum, ExportError> {
    match RowNum::try_from(r) {
        Ok(n) if r <= LAST_ROW => Ok(n),
        _ => Err(too_large(sheet)),
    }
}

fn col(sheet: &Sheet, c: usize) -> Result<ColNum, ExportError> {
    match ColNum::try_from(c) {
        Ok(n) if c <= LAST_COL => Ok(n),
        _ => Err(too_large(sheet)),
    }
}

fn too_large(sheet: &Sheet) -> ExportError {
    ExportError::TooLarge {
        sheet: sheet.name.clone(),
    }
}
