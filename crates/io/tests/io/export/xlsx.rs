//! The .xlsx bytes, read back by calamine (an independent reader) and looked into.

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, DataType, Reader, Xlsx};
use horizon_io::export::{scenario_xlsx, xlsx, ExportError, Layout};
use horizon_io::layout::Part;
use horizon_io::workbook::{part_sheet, to_workbook};
use horizon_io::{Cell, Sheet, Workbook};
use horizon_model::Theme;

use super::{examples, kent};

/// Every sheet of an .xlsx file as calamine reads it: cached values, not formulas.
fn read_back(bytes: &[u8]) -> Vec<Sheet> {
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(bytes.to_vec())).expect("an .xlsx file");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut rows = vec![Vec::new(); r0 as usize];
            for cells in range.rows() {
                let mut row = vec![Cell::Empty; c0 as usize];
                row.extend(cells.iter().map(|d| match d {
                    Data::Empty => Cell::Empty,
                    Data::String(s) => Cell::Text(s.clone()),
                    Data::Float(f) => Cell::Number(*f),
                    Data::Int(i) => Cell::Number(*i as f64),
                    Data::Bool(b) => Cell::Bool(*b),
                    other => Cell::Error(format!("{other:?}")),
                }));
                rows.push(row);
            }
            Sheet {
                name,
                rows: rows.into_iter().map(trimmed).collect(),
            }
        })
        .collect()
}

fn trimmed(mut row: Vec<Cell>) -> Vec<Cell> {
    while row.last() == Some(&Cell::Empty) {
        row.pop();
    }
    row
}

/// The text of one part inside the .xlsx (a zip of XML files).
fn part_xml(bytes: &[u8], path: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(path)
        .expect(path)
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

#[test]
fn every_sheet_reads_back_as_written() {
    for (name, s) in examples() {
        let book = to_workbook(&s);
        let bytes = scenario_xlsx(&s).expect("written");
        let back = read_back(&bytes);
        assert_eq!(back.len(), book.sheets.len(), "{name}");
        for (got, want) in back.iter().zip(&book.sheets) {
            assert_eq!(got.name, want.name);
            let want_rows: Vec<Vec<Cell>> = want.rows.iter().cloned().map(trimmed).collect();
            assert_eq!(got.rows, want_rows, "{name}: {}", want.name);
        }
    }
}

#[test]
fn the_matrix_counts_are_formulas_with_their_results_stored() {
    let s = kent();
    let bytes = scenario_xlsx(&s).unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let formulas = book.worksheet_formula("Matrix").unwrap();
    let values = book.worksheet_range("Matrix").unwrap();
    let count_col = s.districts.len() as u32 + 1;
    for (i, theme) in s.themes.iter().enumerate() {
        let r = i as u32 + 1;
        let f = formulas.get_value((r, count_col)).expect("a formula");
        assert_eq!(f, &format!("COUNTA(B{}:L{})", r + 1, r + 1));
        let v = values.get_value((r, count_col)).unwrap();
        assert_eq!(
            v.as_f64(),
            Some(s.district_count(&theme.id) as f64),
            "{}",
            theme.name
        );
    }
    let sheet = matrix_sheet_xml(&bytes);
    assert!(sheet.contains(r#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#), "{sheet}");
    assert!(sheet.contains(r#"<formula1>"Main,Subsidiary,Issue"</formula1>"#));
    assert!(sheet.contains(r#"allowBlank="1""#));
    assert!(
        sheet.contains(r#"sqref="B2:L126""#),
        "the drop-down reaches 100 rows below the last theme"
    );
}

fn matrix_sheet_xml(bytes: &[u8]) -> String {
    let index = 1 + Part::WORKBOOK
        .iter()
        .position(|p| *p == Part::Matrix)
        .unwrap();
    part_xml(bytes, &format!("xl/worksheets/sheet{}.xml", index + 1))
}

#[test]
fn headers_are_bold_and_frozen_and_columns_as_wide_as_the_layout_says() {
    let s = kent();
    let bytes = scenario_xlsx(&s).unwrap();
    let index = 1 + Part::WORKBOOK
        .iter()
        .position(|p| *p == Part::Horizon)
        .unwrap();
    let sheet = part_xml(&bytes, &format!("xl/worksheets/sheet{}.xml", index + 1));
    assert!(
        sheet.contains(
            r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        ),
        "{sheet}"
    );
    // Title is 44 characters wide, Detail 50 (Excel adds a little padding).
    assert!(
        sheet.contains(r#"<col min="3" max="3" width="44.7109375""#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<col min="4" max="4" width="50.7109375""#));
    let styles = part_xml(&bytes, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "a bold font");
    assert!(styles.contains(r#"wrapText="1""#), "wrapped text");
}

fn with_theme_named(name: &str) -> horizon_model::Scenario {
    let mut s = kent();
    s.themes[0] = Theme {
        name: name.into(),
        ..s.themes[0].clone()
    };
    s
}

#[test]
fn text_that_looks_like_a_formula_is_stored_as_text() {
    for evil in [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "=1+1",
    ] {
        let s = with_theme_named(evil);
        let bytes = scenario_xlsx(&s).unwrap();
        let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let values = book.worksheet_range("Themes").unwrap();
        assert_eq!(values.get_value((1, 1)), Some(&Data::String(evil.into())));
        let formulas = book.worksheet_formula("Themes").unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula for {evil}"
        );
    }
}

#[test]
fn numbers_stay_numbers_and_a_plain_workbook_is_written_as_it_is() {
    let book = Workbook {
        file: "plain.xlsx".into(),
        sheets: vec![Sheet {
            name: "Anything".into(),
            rows: vec![
                vec![
                    Cell::Text("-5".into()),
                    Cell::Number(-5.0),
                    Cell::Bool(true),
                ],
                vec![
                    Cell::Empty,
                    Cell::Number(0.1 + 0.2),
                    Cell::Text("£12 “quoted”".into()),
                ],
            ],
        }],
        ..Workbook::default()
    };
    let bytes = xlsx(&book, &[]).unwrap();
    assert_eq!(read_back(&bytes), book.sheets);
}

#[test]
fn one_part_alone_is_laid_out_as_in_the_workbook() {
    let s = kent();
    let sheet = part_sheet(&s, Part::Matrix);
    assert_eq!(Layout::for_sheet(&sheet), Layout::Part(Part::Matrix));
    let book = Workbook {
        file: "matrix.xlsx".into(),
        sheets: vec![sheet.clone()],
        ..Workbook::default()
    };
    let bytes = xlsx(&book, &[Layout::for_sheet(&sheet)]).unwrap();
    assert_eq!(
        read_back(&bytes)[0].rows,
        sheet.rows.into_iter().map(trimmed).collect::<Vec<_>>()
    );
    assert!(part_xml(&bytes, "xl/worksheets/sheet1.xml").contains("<dataValidation"));
}

#[test]
fn text_too_long_for_a_cell_is_refused_with_its_place() {
    let mut s = kent();
    s.themes[2].description = Some("x".repeat(40_000));
    let err = scenario_xlsx(&s).unwrap_err();
    assert!(matches!(err, ExportError::TooLong { chars: 40_000, .. }));
    assert_eq!(
        err.to_string(),
        "Themes!E4 holds 40000 characters of text, and an Excel cell holds at most 32,767. Shorten it and try again."
    );
}

#[test]
fn kents_workbook_is_small() {
    let bytes = scenario_xlsx(&kent()).unwrap();
    eprintln!("Kent's workbook: {} bytes", bytes.len());
    assert!(bytes.len() < 100_000, "{} bytes", bytes.len());
}
