//! Reading the lists beside the matrix from their tables.

use horizon_io::layout::Part;
use horizon_io::lists::{read_list, Rows};
use horizon_io::FileKind;
use horizon_model::TimeHorizon;

use super::common::sheet;

#[test]
fn a_horizon_scan_with_a_title_above_its_headers_and_people_s_words_is_read() {
    let s = sheet(
        "Horizon",
        &[
            &["Kent horizon scan 2016"],
            &[
                "PESTELO",
                "Issue",
                "Details",
                "Timescale",
                "Likelihood",
                "Impact",
                "Linked themes",
                "RAG",
            ],
            &[
                "Pol",
                "PCC elections",
                "May 2016",
                "Within a year",
                "4",
                "2",
                "Prevent; Gangs",
                "Red",
            ],
            &[
                "Legislative",
                "Psychoactive Substances Act",
                "",
                "1-3 years",
                "3",
                "3",
                "Substance Misuse",
                "",
            ],
        ],
    );
    let l = read_list(&s, FileKind::Xlsx, Part::Horizon);
    assert!(l.problems.is_empty(), "{:?}", l.problems);
    assert_eq!(l.ignored_columns, ["RAG"]);
    let Rows::Horizon(rows) = l.rows else {
        panic!("horizon rows")
    };
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].title, "PCC elections");
    assert_eq!(rows[0].time_horizon, TimeHorizon::WithinAYear);
    assert_eq!(rows[1].time_horizon, TimeHorizon::OneToThreeYears);
    assert_eq!(rows[0].themes.len(), 2);
    assert_eq!(rows[0].themes[1].at.to_string(), "Horizon!G3");
}

#[test]
fn every_bad_cell_of_a_list_is_reported_with_its_place() {
    let s = sheet(
        "Horizon",
        &[
            &["Category", "Title", "Time horizon", "Likelihood", "Impact"],
            &["Social", "", "soon-ish", "7", "2"],
            &["Social", "Fine", "Now", "2", "2"],
        ],
    );
    let l = read_list(&s, FileKind::Csv, Part::Horizon);
    let said: Vec<String> = l.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        said,
        [
            "B2: Title is blank; every row needs one",
            "C2: “soon-ish” is not a time horizon: now, within a year, 1-3 years or beyond 3 years",
            "D2: Likelihood “7” is not a whole number from 1 to 4",
        ]
    );
    assert_eq!(l.rows.len(), 1, "the good row is still read");
}

#[test]
fn a_table_without_its_headers_names_what_is_missing() {
    let s = sheet("Sheet1", &[&["Name", "Notes"], &["Police", "Gangs"]]);
    let l = read_list(&s, FileKind::Xlsx, Part::Partners);
    assert_eq!(l.problems.len(), 1);
    assert!(
        l.problems[0].message.contains("Partner and Priority"),
        "{}",
        l.problems[0]
    );
}

#[test]
fn consultation_shares_are_read_as_percentages_whichever_way_written() {
    let s = sheet(
        "Consultation",
        &[
            &["Focus area", "Responses", "Agreeing"],
            &["Domestic Abuse", "120", "31%"],
            &["Plan overall", "400", "55.5"],
        ],
    );
    let l = read_list(&s, FileKind::Xlsx, Part::Consultation);
    let Rows::Consultation(rows) = l.rows else {
        panic!()
    };
    assert_eq!(rows[0].share_agreeing, 0.31);
    assert!(rows[1].focus_area.is_none());
    assert!((rows[1].share_agreeing - 0.555).abs() < 1e-12);
}

#[test]
fn csv_formula_shields_are_taken_off_text() {
    let s = sheet(
        "partners",
        &[
            &["Partner", "Priority"],
            &["'=HYPERLINK(\"x\")", "'+44 1622"],
        ],
    );
    let l = read_list(&s, FileKind::Csv, Part::Partners);
    let Rows::Partners(rows) = l.rows else {
        panic!()
    };
    assert_eq!(rows[0].partner, "=HYPERLINK(\"x\")");
    assert_eq!(rows[0].priority, "+44 1622");
}
