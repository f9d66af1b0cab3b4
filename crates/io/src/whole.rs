//! A whole workbook Horizon wrote, read back into a scenario: names are matched by
//! the ID columns, so exporting and importing gives back the same scenario.

use horizon_model::Scenario;

use crate::grid::{Problem, Workbook};

/// The scenario a whole workbook holds, or every problem in it.
pub fn from_workbook(book: &Workbook) -> Result<Scenario, Vec<Problem>> {
    Err(vec![Problem::general(format!(
        "{} is a whole Horizon workbook, which cannot be read back yet.",
        book.file
    ))])
}
