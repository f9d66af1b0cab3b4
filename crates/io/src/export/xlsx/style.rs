//! How each sheet looks: a style per cell, the formats behind them, and each
//! layout's columns and frozen panes.

use rust_xlsxwriter::{ColNum, Format, FormatAlign, FormatBorder, RowNum};

use crate::grid::{Cell, Sheet};
use crate::layout::DISTRICT_COUNT_HEADER;

/// Columns at least this wide hold long text, wrapped.
const WRAP_WIDTH: f64 = 30.0;

/// How a cell looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// A table's header row: bold, shaded, wrapped.
    Header,
    /// A header above level words, centred like them.
    HeaderCentred,
    Body,
    /// Long text, wrapped.
    Wrapped,
    /// A matrix level word, centred.
    Level,
    /// The About sheet's first cell.
    Title,
    /// A sheet's name on the About sheet, heading its part.
    Heading,
    /// What that sheet holds, beside its name: shaded like it.
    HeadingText,
    /// A label on the About sheet: bold, wrapped.
    Label,
}

impl Style {
    fn wraps(self) -> bool {
        !matches!(self, Style::Body | Style::Level | Style::Title)
    }

    /// A line's height in points for the style's font.
    fn line_height(self) -> f64 {
        match self {
            Style::Title => 19.0,
            Style::Heading | Style::HeadingText => 16.5,
            _ => 15.0,
        }
    }
}

/// The few formats the workbook uses, one per [`Style`].
pub(super) struct Formats {
    header: Format,
    header_centred: Format,
    body: Format,
    wrapped: Format,
    level: Format,
    title: Format,
    heading: Format,
    heading_text: Format,
    label: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        let top = Format::new().set_align(FormatAlign::Top);
        let shade = 0xDDEBF7;
        let header = top
            .clone()
            .set_bold()
            .set_text_wrap()
            .set_background_color(shade)
            .set_border_bottom(FormatBorder::Thin);
        let heading_text = top
            .clone()
            .set_text_wrap()
            .set_font_size(12)
            .set_background_color(shade);
        Formats {
            header_centred: header.clone().set_align(FormatAlign::Center),
            header,
            heading: heading_text.clone().set_bold(),
            heading_text,
            wrapped: top.clone().set_text_wrap(),
            level: top.clone().set_align(FormatAlign::Center),
            title: top.clone().set_bold().set_font_size(14),
            label: top.clone().set_bold().set_text_wrap(),
            body: top,
        }
    }

    pub(super) fn get(&self, style: Style) -> &Format {
        match style {
            Style::Header => &self.header,
            Style::HeaderCentred => &self.header_centred,
            Style::Body => &self.body,
            Style::Wrapped => &self.wrapped,
            Style::Level => &self.level,
            Style::Title => &self.title,
            Style::Heading => &self.heading,
            Style::HeadingText => &self.heading_text,
            Style::Label => &self.label,
        }
    }
}

/// How one sheet is laid out: its columns' widths, the rows and columns frozen, and
/// each cell's style.
pub(super) struct SheetPlan<'a> {
    pub widths: Vec<f64>,
    pub freeze: (RowNum, ColNum),
    /// Whether the first row heads a table (repeated on printed pages).
    pub header: bool,
    pub style: Box<dyn Fn(usize, usize) -> Style + 'a>,
}

impl SheetPlan<'_> {
    /// How tall row `r` must be for its wrapped text, in points; `None` when one line
    /// is enough (the row then keeps the program's own height).
    pub(super) fn row_height(&self, r: usize, cells: &[Cell]) -> Option<f64> {
        let height = cells
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let style = (self.style)(r, c);
                let width = self.widths.get(c).copied().unwrap_or(8.43);
                let lines = if style.wraps() {
                    lines(&cell.text(), width)
                } else {
                    1
                };
                lines as f64 * style.line_height()
            })
            .fold(0.0, f64::max);
        (height > Style::Body.line_height()).then_some(height)
    }
}

/// A plain table: bold frozen header row, wide columns wrapped.
pub(super) fn table<'a>(widths: Vec<f64>) -> SheetPlan<'a> {
    let wrap: Vec<bool> = widths.iter().map(|&w| w >= WRAP_WIDTH).collect();
    SheetPlan {
        widths,
        freeze: (1, 0),
        header: true,
        style: Box::new(move |r, c| match (r, wrap.get(c)) {
            (0, _) => Style::Header,
            (_, Some(true)) => Style::Wrapped,
            _ => Style::Body,
        }),
    }
}

/// The matrix: header row and theme column frozen, level words centred.
pub(super) fn matrix_plan(sheet: &Sheet) -> SheetPlan<'_> {
    let count_col = count_column(sheet);
    let width = sheet.width();
    let mut widths = vec![40.0];
    widths.extend((1..width).map(|c| if Some(c) == count_col { 16.0 } else { 12.0 }));
    SheetPlan {
        widths,
        freeze: (1, 1),
        header: true,
        style: Box::new(move |r, c| match (r, c) {
            (0, 0) => Style::Header,
            (0, _) => Style::HeaderCentred,
            (_, 0) => Style::Wrapped,
            _ if Some(c) == count_col => Style::Body,
            _ => Style::Level,
        }),
    }
}

/// The explanation: a wide wrapped column of paragraphs beside bold labels; the row
/// after an empty row heads a sheet's part.
pub(super) fn about(sheet: &Sheet) -> SheetPlan<'_> {
    SheetPlan {
        widths: vec![26.0, 100.0],
        freeze: (0, 0),
        header: false,
        style: Box::new(|r, c| match (r, c) {
            (0, 0) => Style::Title,
            (0, _) => Style::Label,
            (_, 0) if sheet.row_is_blank(r - 1) => Style::Heading,
            _ if sheet.row_is_blank(r - 1) => Style::HeadingText,
            (_, 0) => Style::Label,
            _ => Style::Wrapped,
        }),
    }
}

/// About how many lines `text` wraps to in a column `width` characters wide (a
/// little generously: a clipped line is worse than a spare one).
fn lines(text: &str, width: f64) -> usize {
    let per_line = (width * 1.2).max(1.0);
    text.split('\n')
        .map(|l| ((l.chars().count() as f64) / per_line).ceil().max(1.0) as usize)
        .sum()
}

/// The matrix's count column, by its header.
pub(super) fn count_column(sheet: &Sheet) -> Option<usize> {
    (0..sheet.width())
        .rev()
        .find(|&c| sheet.cell(0, c).text() == DISTRICT_COUNT_HEADER)
}
