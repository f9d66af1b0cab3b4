//! The priority matrix: "Theme" in A1, the districts' names across row 1, then the
//! count column; one row per theme in the scenario's order (every theme, named by a
//! district or not, so the sheet is the whole grid), its cells the level words and
//! blank where a district does not name the theme.

use horizon_model::Scenario;

use super::{header, number, text};
use crate::grid::Cell;
use crate::layout::{DISTRICT_COUNT_HEADER, MATRIX_THEME_HEADER};
use crate::words::level_word;

pub(super) fn rows(s: &Scenario) -> Vec<Vec<Cell>> {
    let headers = std::iter::once(MATRIX_THEME_HEADER)
        .chain(s.districts.iter().map(|d| d.name.as_str()))
        .chain([DISTRICT_COUNT_HEADER]);
    let mut rows = vec![header(headers)];
    rows.extend(s.themes.iter().map(|t| {
        let mut row = vec![text(&t.name)];
        row.extend(s.districts.iter().map(|d| {
            s.level(&d.id, &t.id)
                .map_or(Cell::Empty, |l| text(level_word(l)))
        }));
        row.push(number(s.district_count(&t.id) as f64));
        row
    }));
    rows
}
