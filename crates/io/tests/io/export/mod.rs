//! Writing: scenario → Workbook → .xlsx and CSV bytes, read back independently.

mod csv;
mod shares;
mod workbook;
mod xlsx;

use horizon_model::{Scenario, EXAMPLES};

/// Every shipped example, by name.
fn examples() -> Vec<(&'static str, Scenario)> {
    EXAMPLES.iter().map(|e| (e.name, e.scenario())).collect()
}

fn kent() -> Scenario {
    horizon_model::example("kent-2016")
        .expect("Kent is shipped")
        .scenario()
}

fn thanet() -> Scenario {
    horizon_model::example("thanet-2016")
        .expect("Thanet is shipped")
        .scenario()
}
