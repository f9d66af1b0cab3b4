//! Reading a matrix sheet as people lay it out.

use horizon_io::matrix::read_matrix;
use horizon_io::words::Mark;
use horizon_io::FileKind;
use horizon_model::Level;

use super::common::sheet;

#[test]
fn a_seed_004_layout_with_a_title_a_blank_row_and_a_count_column_is_read() {
    let s = sheet(
        "Matrix",
        &[
            &["Local Strategic Assessments (provisional)"],
            &[],
            &["", "Ashford", "Canterbury", "Dover", "No. of Districts"],
            &[
                "Domestic Abuse (inc. sexual offences & serious violence)",
                "Main",
                "✓",
                "",
                "2",
            ],
            &["Gangs", "", "◐", "issue", "3"],
            &[],
            &["Key:-"],
        ],
    );
    let m = read_matrix(&s, FileKind::Xlsx);
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    let names: Vec<&str> = m.columns.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(names, ["Ashford", "Canterbury", "Dover"]);
    assert_eq!(
        m.rows.len(),
        3,
        "the key row is read as a row with nothing in it"
    );
    assert_eq!(m.filled(0), 2);
    assert!(m.has_ticks());
    assert_eq!(m.marks[2].mark, Mark::Level(Level::Subsidiary));
    assert_eq!(m.marks[2].at.to_string(), "Matrix!C5");
    let mismatches = m.count_mismatches();
    assert_eq!(mismatches.len(), 1, "Gangs says 3 but has 2");
    assert_eq!(mismatches[0].0.at.to_string(), "Matrix!E5");
}

#[test]
fn every_bad_cell_is_reported_at_its_place_at_once() {
    let s = sheet(
        "Matrix",
        &[
            &["Theme", "Ashford", "Canterbury"],
            &["Gangs", "maybe", "Main"],
            &["Prevent", "Main", "high-ish"],
        ],
    );
    let m = read_matrix(&s, FileKind::Xlsx);
    let said: Vec<String> = m.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].starts_with("Matrix!B2: “maybe” is not a level; expected main, subsidiary, issue"),
        "{said:?}"
    );
    assert!(
        said[1].starts_with("Matrix!C3: “high-ish” is not a level"),
        "{said:?}"
    );
}

#[test]
fn a_column_of_notes_is_left_out_and_said() {
    let s = sheet(
        "Matrix",
        &[
            &["Theme", "Ashford", "Canterbury", "Notes"],
            &["Gangs", "Main", "", "growing concern in the north"],
            &["Prevent", "", "Main", "new duty"],
        ],
    );
    let m = read_matrix(&s, FileKind::Xlsx);
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    assert_eq!(m.columns.len(), 2);
    assert_eq!(m.ignored.len(), 1);
    assert!(
        m.ignored[0].contains("column D (“Notes”)"),
        "{:?}",
        m.ignored
    );
}

#[test]
fn a_sheet_that_is_no_matrix_says_so() {
    let s = sheet(
        "Notes",
        &[&["Minutes of the working group"], &["Attendees: 12"]],
    );
    let m = read_matrix(&s, FileKind::Xlsx);
    assert_eq!(m.problems.len(), 1);
    assert!(m.problems[0]
        .message
        .contains("does not look like a priority matrix"));
}
