//! The review sheet: the review's details, one per row under the headers "Field" and
//! "Value", then one row per provenance note. The row labels are here, once, for the
//! writer and the reader.
//!
//! The plans have a sheet of their own (`Plans`). Workbooks Horizon wrote before a
//! scenario held several plans have no Plans sheet and give their one plan here
//! ([`PLAN_NAME`], [`PLAN_KIND`], [`PLAN_DISTRICT`]); the reader still takes them.

use horizon_model::Scenario;

use super::{header, text};
use crate::grid::Cell;

pub use crate::words::{plan_kind, plan_kind_word};

/// The header of the labels' column.
pub const FIELD: &str = "Field";
/// The header of the values' column.
pub const VALUE: &str = "Value";

pub const TITLE: &str = "Title";
pub const GEOGRAPHY: &str = "Geography";
pub const PERIOD: &str = "Period";
/// One row per note, in order.
pub const PROVENANCE: &str = "Provenance";

/// Only in a workbook without a Plans sheet: the one plan's name.
pub const PLAN_NAME: &str = "Plan name";
/// Only in a workbook without a Plans sheet: the one plan's kind.
pub const PLAN_KIND: &str = "Plan kind";
/// Only in a workbook without a Plans sheet: a district plan's district, by name.
pub const PLAN_DISTRICT: &str = "Plan's district";

/// Every row label Horizon writes, in order.
pub const LABELS: [&str; 4] = [TITLE, GEOGRAPHY, PERIOD, PROVENANCE];

pub(super) fn rows(s: &Scenario) -> Vec<Vec<Cell>> {
    let mut rows = vec![
        header([FIELD, VALUE]),
        vec![text(TITLE), text(&s.meta.title)],
        vec![text(GEOGRAPHY), text(&s.meta.geography)],
        vec![text(PERIOD), text(&s.meta.period)],
    ];
    rows.extend(
        s.meta
            .provenance
            .iter()
            .map(|note| vec![text(PROVENANCE), text(note)]),
    );
    rows
}
