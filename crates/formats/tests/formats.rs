//! What crosses between the page and its file formats module reads back as the crates
//! behind it would give it directly, and a file that cannot be read comes back as the
//! same sentence.

use std::path::Path;

use horizon_formats::{docx, read_workbook, sheet_csv, workbook_from_json, workbook_xlsx};
use horizon_io::{workbook::part_sheet, Part};

#[test]
fn every_fixture_crosses_as_the_reader_gives_it_or_with_its_sentence() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../io/tests/fixtures");
    let mut read = 0;
    let mut refused = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".md") || path.is_dir() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        match (read_workbook(&name, &bytes), horizon_io::read(&name, &bytes)) {
            (Ok(json), Ok(direct)) => {
                assert_eq!(workbook_from_json(&json).unwrap(), direct, "{name}");
                read += 1;
            }
            (Err(said), Err(direct)) => {
                assert_eq!(said, direct.to_string(), "{name}");
                assert!(said.contains(&name), "the sentence names the file: {said}");
                refused += 1;
            }
            (a, b) => panic!("{name}: through the module {a:?}, directly {b:?}"),
        }
    }
    assert!(read >= 10 && refused >= 2, "{read} read, {refused} refused");
}

#[test]
fn a_workbook_made_from_the_scenario_reads_back_as_its_sheets() {
    let scenario = horizon_model::EXAMPLES[0].scenario();
    let book = serde_json::to_string(&horizon_io::workbook::to_workbook(&scenario)).unwrap();
    let bytes = workbook_xlsx(&book).unwrap();
    let back = workbook_from_json(&read_workbook("kent.xlsx", &bytes).unwrap()).unwrap();
    let matrix = part_sheet(&scenario, Part::Matrix);
    let sheet = back.sheets.iter().find(|s| s.name == matrix.name).expect("the matrix sheet");
    assert_eq!(sheet.cell(0, 0).text(), matrix.cell(0, 0).text());
}

#[test]
fn a_csv_is_the_sheet_as_the_writer_gives_it() {
    let scenario = horizon_model::EXAMPLES[0].scenario();
    for part in [Part::Matrix, Part::Horizon, Part::Votes] {
        let sheet = part_sheet(&scenario, part);
        let json = serde_json::to_string(&sheet).unwrap();
        assert_eq!(sheet_csv(&json).unwrap(), horizon_io::export::csv(&sheet), "{part:?}");
    }
    assert!(sheet_csv("{").unwrap_err().starts_with("the table could not be read"));
}

#[test]
fn the_report_packs_as_a_word_file_with_its_document() {
    let document = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"#;
    let bytes = docx(document, "Kent 2016", "2026-12-07").unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip file");
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("word/document.xml") && text.contains("docProps/core.xml"));
}

#[test]
fn a_workbook_that_cannot_be_read_is_its_sentence() {
    let said = workbook_xlsx("{\"not\": \"a workbook\"}").unwrap_err();
    assert!(said.starts_with("the workbook could not be read"), "{said}");
}
