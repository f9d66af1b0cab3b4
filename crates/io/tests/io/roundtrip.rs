//! Exporting a scenario and importing the workbook gives back the very same scenario.

use horizon_io::preview::{preview, Choices};
use horizon_io::whole::from_workbook;
use horizon_io::workbook::to_workbook;
use horizon_model::EXAMPLES;

use super::common::kent_with_events;

#[test]
fn every_example_round_trips_through_the_workbook_exactly() {
    let examples = EXAMPLES.iter().map(|x| (x.name, x.scenario()));
    for (name, s) in examples.chain([("kent-with-events", kent_with_events())]) {
        let mut book = to_workbook(&s);
        book.file = format!("{name}.xlsx");
        let back = from_workbook(&book).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert_eq!(back, s, "{name}");
        // And the preview of that workbook over the scenario it came from changes nothing.
        let p = preview(&book, &s, &Choices::default());
        assert!(p.whole);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert!(p.changes.is_empty(), "{name}: {:?}", p.changes);
    }
}
