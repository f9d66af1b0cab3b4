//! The stakeholder events in the whole workbook: what a person reads on the Events,
//! Vote rounds and Event results sheets, how they read back, and every problem in
//! them at its cell.

use horizon_io::layout::Part;
use horizon_io::whole::from_workbook;
use horizon_io::workbook::{part_sheet, to_workbook};
use horizon_io::{Cell, Problem, Sheet, Workbook};
use proptest::prelude::*;

use super::common::{kent, kent_with_events};

fn texts(row: &[Cell]) -> Vec<String> {
    row.iter().map(Cell::text).collect()
}

/// Column `header`'s cell in each data row of `sheet`.
fn column(sheet: &Sheet, header: &str) -> Vec<String> {
    let c = sheet.rows[0]
        .iter()
        .position(|h| h.text() == header)
        .unwrap_or_else(|| panic!("{} has no column {header}", sheet.name));
    sheet.rows[1..]
        .iter()
        .map(|r| r.get(c).map(Cell::text).unwrap_or_default())
        .collect()
}

fn sheet_mut(book: &mut Workbook, part: Part) -> &mut Sheet {
    book.sheets
        .iter_mut()
        .find(|s| s.name == part.sheet_name())
        .expect("the sheet")
}

/// Sets the cell under `header` in data row `row` (1 is the first under the headers).
fn set(book: &mut Workbook, part: Part, row: usize, header: &str, value: &str) {
    let sheet = sheet_mut(book, part);
    let c = sheet.rows[0]
        .iter()
        .position(|h| h.text() == header)
        .expect("the column");
    let cells = &mut sheet.rows[row];
    cells.resize(cells.len().max(c + 1), Cell::Empty);
    cells[c] = if value.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(value.into())
    };
}

fn problems(book: &Workbook) -> Vec<String> {
    from_workbook(book)
        .err()
        .unwrap_or_default()
        .iter()
        .map(Problem::to_string)
        .collect()
}

#[test]
fn the_event_record_round_trips_with_a_removed_theme_kept_by_name() {
    let s = kent_with_events();
    assert_eq!(s.events.len(), 2);
    assert!(s.theme("road-safety").is_none(), "removed since the events");
    let back = from_workbook(&to_workbook(&s)).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(back.events, s.events);
    assert_eq!(back, s);
}

#[test]
fn the_sheets_read_in_names_with_the_ids_at_the_end() {
    let s = kent_with_events();
    let events = part_sheet(&s, Part::Events);
    assert_eq!(
        texts(&events.rows[1])[1..5],
        [
            "Thanet stakeholder event",
            "7 December 2016",
            "Margate Winter Gardens",
            "55"
        ]
    );
    assert_eq!(
        column(&events, "Screens"),
        [
            "Title; Results: Choose up to two themes; The priority matrix; The likelihood × impact grid; Results: How likely is it, and how bad?",
            "None",
        ]
    );
    let rounds = part_sheet(&s, Part::Rounds);
    // Three options in each of three rounds of themes, and four grades of the rating.
    assert_eq!(rounds.rows.len(), 1 + 3 + 3 + 4 + 3);
    assert_eq!(
        column(&rounds, "Counted by")[..7],
        ["Tally", "Tally", "Tally", "Ballots", "Ballots", "Ballots", "Rating"]
    );
    assert_eq!(column(&rounds, "Option")[2], "Road Safety");
    assert_eq!(column(&rounds, "Now")[2], "Road Safety (no longer a theme)");
    assert_eq!(column(&rounds, "Now")[0], "", "blank while the name holds");
    assert_eq!(column(&rounds, "Option ID")[2], "road-safety");
    assert_eq!(
        column(&rounds, "Votes")[..6],
        ["0", "3", "12", "1", "2", "2"]
    );
    assert_eq!(column(&rounds, "Ballots cast")[3], "3");
    assert_eq!(column(&rounds, "Kind")[6], "Horizon item");
    assert_eq!(column(&rounds, "Grade")[6..10], ["1", "2", "3", "4"]);
    assert_eq!(
        column(&rounds, "Likelihood ratings")[6..10],
        ["0", "3", "5", "0"]
    );
    assert_eq!(
        column(&rounds, "Impact ratings")[6..10],
        ["0", "0", "0", "2"]
    );
    let ids = column(&rounds, "Event ID");
    assert_ne!(ids[0], ids[10], "two events of one name told apart by ID");
    let results = part_sheet(&s, Part::Results);
    assert_eq!(
        column(&results, "When"),
        ["Before", "Before", "After", "After", "After"]
    );
    assert_eq!(column(&results, "Place"), ["1", "2", "1", "2", "3"]);
    assert_eq!(
        column(&results, "Score")[1..],
        ["20", "56.125", "34.5", "12.3456789"]
    );
    assert_eq!(column(&results, "Suggestion")[0], "Retain Domestic Abuse");
}

#[test]
fn a_workbook_without_the_event_sheets_holds_no_events() {
    let s = kent_with_events();
    let mut book = to_workbook(&s);
    book.sheets.retain(|x| {
        ![Part::Events, Part::Rounds, Part::Results]
            .iter()
            .any(|p| p.sheet_name() == x.name)
    });
    let back = from_workbook(&book).unwrap_or_else(|p| panic!("{p:?}"));
    assert!(back.events.is_empty());
    // Rounds without their Events sheet are each said, not dropped.
    let mut book = to_workbook(&s);
    book.sheets.retain(|x| x.name != Part::Events.sheet_name());
    let said = problems(&book);
    assert!(said.len() >= 14, "{said:#?}");
    assert!(
        said.iter().all(|p| p.contains("on the Events sheet")),
        "{said:#?}"
    );
    // Kent without events writes the sheets with their headers only.
    let plain = to_workbook(&kent());
    for part in [Part::Events, Part::Rounds, Part::Results] {
        let sheet = plain
            .sheets
            .iter()
            .find(|x| x.name == part.sheet_name())
            .expect("written");
        assert_eq!(sheet.rows.len(), 1, "{}", sheet.name);
    }
}

#[test]
fn rows_a_person_adds_by_name_join_their_event_and_round() {
    let s = kent_with_events();
    let mut book = to_workbook(&s);
    // A new option for the first tally round, by name only, and a standing without IDs.
    let rounds = sheet_mut(&mut book, Part::Rounds);
    let mut row = rounds.rows[1].clone();
    let header = rounds.rows[0].clone();
    for (c, h) in header.iter().enumerate() {
        row[c] = match h.text().as_str() {
            "Event" => Cell::Text("Thanet stakeholder event".into()),
            "Option" => Cell::Text("Gangs".into()),
            "Votes" => Cell::Number(4.0),
            "Question" | "Counted by" | "Revealed" => row[c].clone(),
            "Event ID" => row[c].clone(),
            _ => Cell::Empty,
        };
    }
    rounds.rows.insert(4, row);
    let back = from_workbook(&book).unwrap_or_else(|p| panic!("{p:?}"));
    let round = &back.events[0].rounds[0];
    assert_eq!(round.options.len(), 4);
    assert_eq!(round.options[3].name, "Gangs");
    assert_eq!(round.options[3].votes, 4);
    assert!(back
        .theme(match &round.options[3].subject {
            horizon_model::Subject::Theme(t) => t,
            _ => panic!("a theme"),
        })
        .is_some());
}

#[test]
fn every_problem_in_the_event_sheets_is_at_its_cell() {
    let s = kent_with_events();
    let mut book = to_workbook(&s);
    // An event that is not on the Events sheet, a way that is not one, a theme
    // not on the Themes sheet, and two rows of one round that disagree.
    set(&mut book, Part::Rounds, 1, "Event ID", "");
    set(&mut book, Part::Rounds, 1, "Event", "The summer event");
    set(&mut book, Part::Rounds, 2, "Counted by", "Guesswork");
    set(&mut book, Part::Rounds, 3, "Option ID", "");
    set(&mut book, Part::Rounds, 3, "Option", "Flying Saucers");
    set(&mut book, Part::Rounds, 5, "Ballots cast", "4");
    set(&mut book, Part::Rounds, 9, "Grade", "2");
    set(&mut book, Part::Events, 1, "Screens", "Title; The weather");
    set(&mut book, Part::Results, 1, "Score", "101");
    set(&mut book, Part::Results, 2, "When", "During");
    let said = problems(&book);
    let want = [
        "'Vote rounds'!A2: “The summer event” is not on the Events sheet; add it there or correct the name",
        "'Vote rounds'!C3: “Guesswork” is not Tally, Ballots or Rating",
        "'Vote rounds'!G4: “Flying Saucers” is not in the Themes sheet; add it there or correct the name",
        "'Vote rounds'!E6: Ballots cast is “4” here but “3” at 'Vote rounds'!E5, another row of the same vote round; give every row of a round the same",
        "'Vote rounds'!J10: grade 2 of this rating round is at 'Vote rounds'!J9 already; give each grade one row",
        "Events!F2: “The weather” is not a screen of the event's presentation; write Title, The priority matrix, The horizon scan radar, The likelihood × impact grid, Each suggestion or The proposed focus areas, or “Results: ” and the question of one of the event's vote rounds",
        "'Event results'!F2: Score “101” is not a number from 0 to 100",
        "'Event results'!C3: “During” is not Before or After",
    ];
    for w in want {
        assert!(said.iter().any(|p| p == w), "missing {w}\nin {said:#?}");
    }
    assert_eq!(said.len(), want.len(), "{said:#?}");
}

#[test]
fn a_problem_the_model_finds_is_put_at_the_round_it_is_in() {
    let s = kent_with_events();
    let mut book = to_workbook(&s);
    // Three ballots, each choosing up to two, cannot give five votes to one option.
    set(&mut book, Part::Rounds, 5, "Votes", "5");
    let said = problems(&book);
    assert_eq!(said.len(), 1, "{said:#?}");
    assert!(
        said[0].starts_with("'Vote rounds'!A5: the votes do not add up: 3 ballots cast"),
        "{}",
        said[0]
    );
}

fn fuzz_cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        2 => Just(Cell::Empty),
        3 => prop::sample::select(&[
            "Tally", "Ballots", "Rating", "Yes", "No", "Theme", "Horizon item", "Before",
            "After", "None", "Results: x", "Title; Results: ", "1", "4", "0", "-1", "Gangs",
            "Thanet stakeholder event", "road-safety", "Which themes matter most?",
        ][..]).prop_map(|w| Cell::Text(w.into())),
        1 => any::<f64>().prop_map(Cell::Number),
        1 => "\\PC{0,10}".prop_map(Cell::Text),
    ]
}

proptest! {
    // Any cells of the event sheets of a Kent workbook: problems, never a panic.
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn any_event_sheets_read_without_panic(
        edits in prop::collection::vec((0usize..3, 0usize..16, 0usize..18, fuzz_cell()), 1..12),
    ) {
        let mut book = to_workbook(&kent_with_events());
        for (part, row, col, cell) in edits {
            let sheet = sheet_mut(&mut book, [Part::Events, Part::Rounds, Part::Results][part]);
            let row = row % sheet.rows.len();
            let cells = &mut sheet.rows[row];
            cells.resize(cells.len().max(col + 1), Cell::Empty);
            cells[col] = cell;
        }
        let _ = from_workbook(&book);
    }
}
