//! Scenario → [`Workbook`]: the whole review as a workbook of sheets, or one part of
//! it as one sheet (for a CSV file). Every sheet a person can edit and import back:
//! the headers are [`layout`](crate::layout)'s, the words [`words`](crate::words)'s,
//! and references are written as names, never as Horizon's ids.
//!
//! The first sheet, [`ABOUT_SHEET`], explains the others (`about.rs`); then one sheet
//! per [`Part::WORKBOOK`] entry, in that order.

mod about;
mod events;
mod lists;
mod matrix;
pub mod review;

use horizon_model::{slug, Scenario};

use crate::grid::{Cell, FileKind, Sheet, Workbook};
use crate::layout::Part;

pub use about::ABOUT_SHEET;

/// The whole scenario as a workbook: the explanation first, then one sheet per
/// [`Part::WORKBOOK`] entry in that order. Its file name is made from the title.
pub fn to_workbook(s: &Scenario) -> Workbook {
    let mut sheets = vec![about::sheet(s)];
    sheets.extend(Part::WORKBOOK.into_iter().map(|p| part_sheet(s, p)));
    Workbook {
        file: format!("{}.xlsx", slug(&s.meta.title, "horizon")),
        kind: FileKind::Xlsx,
        sheets,
    }
}

/// One part of the scenario as one sheet, named [`Part::sheet_name`]: row 1 the
/// headers, then one row per item.
pub fn part_sheet(s: &Scenario, part: Part) -> Sheet {
    let rows = match part {
        Part::Matrix => matrix::rows(s),
        Part::Review => review::rows(s),
        Part::Events | Part::Rounds | Part::Results => events::rows(s, part),
        _ => lists::rows(s, part),
    };
    Sheet {
        name: part.sheet_name().to_string(),
        rows,
    }
}

/// A consultation share (0 to 1) as the percentage a sheet shows (0 to 100), chosen
/// so that [`share_of_percent`] gives back the very same share.
///
/// Candidates are the share's shortest decimal with the point moved two places
/// (0.29 → 29, where `0.29 * 100.0` is 28.999999999999996), the product and its
/// nearest neighbours; of those that divide back exactly, the one that reads
/// shortest (so a share the form made from 1.3 is written 1.3 again). Every share the
/// form makes (a typed percentage ÷ 100) has one. A share with three or more decimal
/// places typed into a scenario file (0.013) may have none: no number divides by 100
/// to exactly that value. It gets its decimal (1.3), which reads back within one unit
/// in the last place (0.013000000000000001).
pub fn percent_of_share(share: f64) -> f64 {
    let decimal = hundredfold(share);
    if !share.is_finite() || share <= 0.0 {
        return decimal;
    }
    let product = share * 100.0;
    let up = |x: f64| f64::from_bits(x.to_bits() + 1);
    let down = |x: f64| f64::from_bits(x.to_bits() - 1);
    [
        decimal,
        product,
        up(product),
        down(product),
        up(up(product)),
        down(down(product)),
    ]
    .into_iter()
    .filter(|&p| share_of_percent(p) == share)
    .min_by_key(|p| p.to_string().len())
    .unwrap_or(decimal)
}

/// A percentage read from a sheet (0 to 100) as the share the model keeps (0 to 1):
/// the reader's half of [`percent_of_share`].
pub fn share_of_percent(percent: f64) -> f64 {
    percent / 100.0
}

/// `x` × 100 worked on its shortest decimal (`7.8e-1` → `7.8e1`), so that no binary
/// error creeps in.
fn hundredfold(x: f64) -> f64 {
    let text = format!("{x:e}");
    text.split_once('e')
        .and_then(|(mantissa, exp)| {
            let e: i32 = exp.parse().ok()?;
            format!("{mantissa}e{}", e + 2).parse().ok()
        })
        .unwrap_or(x * 100.0)
}

/// "Main, Subsidiary or Issue".
pub(crate) fn or_list(words: &[&str]) -> String {
    match words.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// A text cell, or an empty one for empty text.
fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn number(n: impl Into<f64>) -> Cell {
    Cell::Number(n.into())
}

/// The header row of a table.
fn header(headers: impl IntoIterator<Item = impl Into<String>>) -> Vec<Cell> {
    headers.into_iter().map(|h| Cell::Text(h.into())).collect()
}
