//! Exporting a scenario and importing the workbook gives back the very same scenario.

use horizon_io::preview::{preview, Choices};
use horizon_io::whole::from_workbook;
use horizon_io::workbook::to_workbook;
use horizon_model::EXAMPLES;

#[test]
fn every_example_round_trips_through_the_workbook_exactly() {
    for x in EXAMPLES {
        let s = x.scenario();
        let mut book = to_workbook(&s);
        book.file = format!("{}.xlsx", x.name);
        let back = from_workbook(&book).unwrap_or_else(|p| panic!("{}: {p:?}", x.name));
        assert_eq!(back, s, "{}", x.name);
        // And the preview of that workbook over the scenario it came from changes nothing.
        let p = preview(&book, &s, &Choices::default());
        assert!(p.whole);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert!(p.changes.is_empty(), "{}: {:?}", x.name, p.changes);
    }
}
