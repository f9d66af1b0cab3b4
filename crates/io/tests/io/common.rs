//! Workbooks built in memory, as a reader would give them.

use horizon_io::{Cell, FileKind, Sheet, Workbook};
use horizon_model::{example, Scenario};

pub fn kent() -> Scenario {
    example("kent-2016").expect("the Kent example").scenario()
}

/// A sheet from rows of text ("" is an empty cell).
pub fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: name.into(),
        rows: rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|t| {
                        if t.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(t.to_string())
                        }
                    })
                    .collect()
            })
            .collect(),
    }
}

pub fn book(file: &str, kind: FileKind, sheets: Vec<Sheet>) -> Workbook {
    Workbook {
        file: file.into(),
        kind,
        sheets,
    }
}
