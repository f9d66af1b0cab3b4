//! Reading files: what a user sees from each kind of file, and each refusal naming
//! the file and saying what to do.

use std::io::{Cursor, Write};

use horizon_io::grid::At;
use horizon_io::{read, Cell, FileError, FileKind, Workbook};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula};

#[path = "read/refusals.rs"]
mod refusals;
#[path = "read/xls.rs"]
mod xls;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/read");

/// An .xlsx made by rust_xlsxwriter.
pub fn xlsx(build: impl FnOnce(&mut rust_xlsxwriter::Workbook)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    build(&mut wb);
    wb.save_to_buffer()
        .expect("rust_xlsxwriter writes the workbook")
}

/// A compressed file of these parts (the first stored as it is, as .ods needs for
/// its `mimetype`; the rest compressed).
pub fn packed(parts: &[(&str, &[u8])]) -> Vec<u8> {
    pack(parts, true)
}

/// A compressed file of these parts, the first stored as it is and the others
/// compressed when `compress` says so.
pub fn pack(parts: &[(&str, &[u8])], compress: bool) -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (i, (name, bytes)) in parts.iter().enumerate() {
        let method = if i == 0 || !compress {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default().compression_method(method);
        zip.start_file(*name, options).expect("a part starts");
        zip.write_all(bytes).expect("a part is written");
    }
    zip.finish().expect("the file is finished").into_inner()
}

/// An .ods whose spreadsheet body (its `table:table`s) is `body`.
pub fn ods(body: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
    );
    packed(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", b"<manifest:manifest/>"),
    ])
}

/// The parts inside a compressed file: names and unpacked bytes.
pub fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut part = zip.by_index(i).unwrap();
            let mut out = Vec::new();
            part.read_to_end(&mut out).unwrap();
            (part.name().to_string(), out)
        })
        .collect()
}

/// A one-sheet .xlsx whose sheet holds `sheet_data` (the rows of its XML).
fn xlsx_with_sheet(dimension: &str, sheet_data: &str) -> Vec<u8> {
    let base = xlsx(|wb| {
        wb.add_worksheet().write_string(0, 0, "x").unwrap();
    });
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{sheet_data}</sheetData></worksheet>"#
    );
    let parts: Vec<(String, Vec<u8>)> = parts(&base)
        .into_iter()
        .map(|(name, bytes)| match name.as_str() {
            "xl/worksheets/sheet1.xml" => (name, sheet.clone().into_bytes()),
            _ => (name, bytes),
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    pack(&refs, true)
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).expect("the fixture is there")
}

fn text(wb: &Workbook, sheet: usize, row: usize, col: usize) -> String {
    wb.sheets[sheet].cell(row, col).text()
}

fn refused(file: &str, bytes: &[u8]) -> FileError {
    let e = read(file, bytes).expect_err("the file is refused");
    assert!(e.to_string().contains(file), "{e} names {file}");
    e
}

// CSV ------------------------------------------------------------------------------

#[test]
fn a_csv_saved_by_excel_on_a_uk_machine_keeps_its_pounds_and_curly_quotes() {
    let bytes = b"Theme,Cost\r\nASB,\xA3100\r\n\x93Quoted\x94,x\r\n";
    let wb = read("costs.csv", bytes).unwrap();
    assert_eq!(text(&wb, 0, 1, 1), "£100");
    assert_eq!(text(&wb, 0, 2, 0), "“Quoted”");
    assert_eq!(wb.kind, FileKind::Csv);
    assert_eq!(wb.sheets[0].name, "costs");
}

#[test]
fn a_utf8_csv_with_a_byte_order_mark_reads_without_it() {
    let wb = read("themes.csv", "\u{FEFF}Theme,Dover\nASB,Main\n".as_bytes()).unwrap();
    assert_eq!(wb.sheets[0].cell(0, 0), &Cell::Text("Theme".into()));
    assert_eq!(text(&wb, 0, 1, 1), "Main");
}

#[test]
fn a_csv_marked_as_utf8_or_utf16_that_is_not_is_refused_never_read_with_replacements() {
    // Marked UTF-8, but "café" on line 2 is Windows-1252.
    let e = read("themes.csv", b"\xEF\xBB\xBFTheme,Dover\ncaf\xE9,Main\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "themes.csv could not be read: it is marked as UTF-8 text, but is not UTF-8 text at byte 19 (line 2); save the file as UTF-8. It may be damaged or only partly copied: open it in your spreadsheet program, save it again and import the new copy."
    );
    // Marked UTF-16, with half a character (an unpaired surrogate).
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Theme\tDover\r\n".encode_utf16().chain([0xD800, u16::from(b'x')]) {
        bytes.extend(unit.to_le_bytes());
    }
    let e = read("themes.csv", &bytes).unwrap_err();
    assert!(
        e.to_string().contains("it is marked as UTF-16LE text, but part of it is not"),
        "{e}"
    );
}

#[test]
fn a_utf16_csv_with_a_byte_order_mark_reads() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Theme\tDover\r\nASB £\tMain\r\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let wb = read("unicode.txt", &bytes).unwrap();
    assert_eq!(text(&wb, 0, 1, 0), "ASB £");
    assert_eq!(text(&wb, 0, 1, 1), "Main");
}

#[test]
fn a_semicolon_csv_from_european_excel_gives_its_columns() {
    let wb = read(
        "matrix.csv",
        b"Theme;Dover;Thanet\nASB;1,5;Main\nDrugs;;Issue\n",
    )
    .unwrap();
    assert_eq!(wb.sheets[0].width(), 3);
    assert_eq!(text(&wb, 0, 1, 1), "1,5");
    assert_eq!(text(&wb, 0, 2, 2), "Issue");
}

#[test]
fn excels_sep_line_names_the_delimiter_and_is_not_a_row() {
    let wb = read("sep.csv", b"sep=;\r\nA;B,C\r\n").unwrap();
    assert_eq!(text(&wb, 0, 0, 0), "A");
    assert_eq!(text(&wb, 0, 0, 1), "B,C");
}

#[test]
fn quoted_fields_keep_their_line_breaks_and_commas_and_rows_stay_in_place() {
    let csv = "Name,Note\n\"Smith, J\",\"line one\nline two\"\n\nNext,\"say \"\"hi\"\"\"\n";
    let wb = read("notes.csv", csv.as_bytes()).unwrap();
    let sheet = &wb.sheets[0];
    assert_eq!(text(&wb, 0, 1, 0), "Smith, J");
    assert_eq!(text(&wb, 0, 1, 1), "line one\nline two");
    // The blank line is row 3, as a spreadsheet program shows it.
    assert!(sheet.row_is_blank(2));
    assert_eq!(text(&wb, 0, 3, 0), "Next");
    assert_eq!(text(&wb, 0, 3, 1), "say \"hi\"");
}

#[test]
fn csv_numbers_stay_text_and_places_have_no_sheet() {
    let wb = read("exports/kent matrix.csv", b"1,2.5,\n").unwrap();
    assert_eq!(wb.sheets[0].cell(0, 1), &Cell::Text("2.5".into()));
    assert_eq!(wb.sheets[0].name, "kent matrix");
    let at = At::cell(&wb.sheets[0], wb.kind, 0, 1);
    assert_eq!(at.to_string(), "B1");
}

#[test]
fn tab_separated_text_saved_as_xls_by_a_web_system_reads_as_text() {
    let wb = read("report.xls", b"Theme\tDover\nASB\tMain\n").unwrap();
    assert_eq!(wb.kind, FileKind::Csv);
    assert_eq!(text(&wb, 0, 1, 1), "Main");
}

// Excel ----------------------------------------------------------------------------

fn matrix_xlsx() -> Vec<u8> {
    xlsx(|wb| {
        let ws = wb.add_worksheet().set_name("Matrix").unwrap();
        ws.write_string(2, 1, "Theme").unwrap(); // B3
        ws.write_string(2, 2, "Dover").unwrap();
        ws.write_string(3, 1, "Anti-social behaviour").unwrap();
        ws.write_number(3, 2, 3).unwrap();
        ws.write_boolean(3, 3, true).unwrap();
        ws.write_formula(4, 2, Formula::new("=C4*2").set_result("6"))
            .unwrap();
        let date = ExcelDateTime::from_ymd(2024, 3, 31).unwrap();
        let format = Format::new().set_num_format("dd/mm/yyyy");
        ws.write_datetime_with_format(5, 2, &date, &format).unwrap();
        ws.merge_range(6, 1, 6, 3, "merged", &Format::new())
            .unwrap();
        let ws = wb.add_worksheet().set_name("Horizon scan").unwrap();
        ws.write_string(0, 0, "Item").unwrap();
    })
}

#[test]
fn an_xlsx_keeps_every_cell_where_the_spreadsheet_shows_it() {
    let wb = read("kent.xlsx", &matrix_xlsx()).unwrap();
    assert_eq!(wb.kind, FileKind::Xlsx);
    let names: Vec<_> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Matrix", "Horizon scan"]);
    let sheet = &wb.sheets[0];
    assert!(sheet.row_is_blank(0) && sheet.row_is_blank(1));
    assert_eq!(sheet.cell(2, 0), &Cell::Empty);
    assert_eq!(sheet.cell(2, 1), &Cell::Text("Theme".into()));
    assert_eq!(At::cell(sheet, wb.kind, 2, 1).to_string(), "Matrix!B3");
    assert_eq!(sheet.cell(3, 2), &Cell::Number(3.0));
    assert_eq!(sheet.cell(3, 3), &Cell::Bool(true));
    // A merged cell's value is in its first cell.
    assert_eq!(sheet.cell(6, 1), &Cell::Text("merged".into()));
    assert_eq!(sheet.cell(6, 2), &Cell::Empty);
    assert_eq!(text(&wb, 1, 0, 0), "Item");
}

#[test]
fn an_xlsx_error_value_and_text_written_in_the_cell_read() {
    let rows = r#"<row r="2"><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2" t="inlineStr"><is><t>inline £</t></is></c><c r="D2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>"#;
    let wb = read("errors.xlsx", &xlsx_with_sheet("B2:D2", rows)).unwrap();
    let sheet = &wb.sheets[0];
    assert_eq!(sheet.cell(1, 1), &Cell::Error("#DIV/0!".into()));
    assert_eq!(sheet.cell(1, 2), &Cell::Text("inline £".into()));
    assert_eq!(sheet.cell(1, 3), &Cell::Text("ab".into()));
}

#[test]
fn an_xlsx_naming_cells_that_cannot_be_is_damaged() {
    let far = xlsx_with_sheet("A1", r#"<row r="1"><c r="A99999999999"><v>1</v></c></row>"#);
    let backwards = xlsx_with_sheet("C3:A1", r#"<row r="1"><c r="A1"><v>1</v></c></row>"#);
    for bytes in [far, backwards] {
        let e = refused("odd.xlsx", &bytes);
        assert!(matches!(e, FileError::Corrupt { .. }), "{e}");
    }
}

#[test]
fn an_xlsx_formula_reads_as_its_last_calculated_value() {
    let wb = read("kent.xlsx", &matrix_xlsx()).unwrap();
    assert_eq!(wb.sheets[0].cell(4, 2), &Cell::Number(6.0));
}

#[test]
fn an_xlsx_date_reads_as_the_date() {
    let wb = read("kent.xlsx", &matrix_xlsx()).unwrap();
    assert_eq!(text(&wb, 0, 5, 2), "2024-03-31");
}

#[test]
fn an_xlsx_renamed_xls_still_reads_as_a_workbook() {
    let wb = read("kent.xls", &matrix_xlsx()).unwrap();
    assert_eq!(wb.kind, FileKind::Xlsx);
}

#[test]
fn a_truncated_xlsx_is_damaged_and_named() {
    let bytes = matrix_xlsx();
    let e = refused("kent.xlsx", &bytes[..bytes.len() / 2]);
    assert!(matches!(e, FileError::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains("save it again"), "{e}");
}

// OpenDocument ---------------------------------------------------------------------

#[test]
fn an_ods_reads_values_repeats_and_text_where_they_are() {
    let body = r#"<table:table table:name="Matrix">
<table:table-column table:number-columns-repeated="3"/>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
<table:table-row><table:table-cell/><table:table-cell office:value-type="string"><text:p>Theme</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1021"/></table:table-row>
<table:table-row><table:table-cell/><table:table-cell><office:annotation><text:p>a comment</text:p></office:annotation><text:p>two<text:s text:c="2"/>spaces &amp; more</text:p><text:p>second line</text:p></table:table-cell><table:table-cell office:value-type="percentage" office:value="0.31"><text:p>31%</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell/><table:table-cell office:value-type="date" office:date-value="2024-03-31"/><table:table-cell office:value-type="boolean" office:boolean-value="true"/><table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table><table:table table:name="Horizon scan"/>"#;
    let wb = read("kent.ods", &ods(body)).unwrap();
    assert_eq!(wb.kind, FileKind::Ods);
    let sheet = &wb.sheets[0];
    assert_eq!(sheet.name, "Matrix");
    assert_eq!(At::cell(sheet, wb.kind, 2, 1).to_string(), "Matrix!B3");
    assert_eq!(sheet.cell(2, 1), &Cell::Text("Theme".into()));
    assert_eq!(sheet.cell(2, 2), &Cell::Number(3.0));
    assert_eq!(text(&wb, 0, 3, 1), "two  spaces & more\nsecond line");
    assert_eq!(sheet.cell(3, 2), &Cell::Number(0.31));
    assert_eq!(text(&wb, 0, 4, 1), "2024-03-31");
    assert_eq!(sheet.cell(4, 2), &Cell::Bool(true));
    assert_eq!(sheet.cell(4, 3), &Cell::Error("#DIV/0!".into()));
    assert_eq!(text(&wb, 0, 5, 2), "x");
    assert_eq!(text(&wb, 0, 6, 2), "x");
    assert_eq!(sheet.rows.len(), 7);
    assert_eq!(wb.sheets[1].name, "Horizon scan");
}

#[test]
fn an_ods_value_repeated_a_billion_times_is_refused_not_held() {
    let across = r#"<table:table table:name="Wide"><table:table-row><table:table-cell table:number-columns-repeated="1000000000" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
    let e = refused("wide.ods", &ods(across));
    assert!(matches!(e, FileError::TooLarge { .. }), "{e}");
    assert!(e.to_string().contains("‘Wide’"), "{e}");
    let down = r#"<table:table table:name="Long"><table:table-row table:number-rows-repeated="4000000000"><table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#;
    let e = refused("long.ods", &ods(down));
    assert!(e.to_string().contains("row 100,001"), "{e}");
}

#[test]
fn an_ods_row_of_empty_text_repeated_four_billion_times_is_quickly_blank() {
    let body = r#"<table:table table:name="Empty"><table:table-row table:number-rows-repeated="4000000000"><table:table-cell office:value-type="string" office:string-value="" table:number-columns-repeated="4000000000"/></table:table-row></table:table>"#;
    let started = std::time::Instant::now();
    assert!(matches!(
        refused("empty.ods", &ods(body)),
        FileError::Blank { .. }
    ));
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn an_ods_with_a_password_says_so() {
    let bytes = packed(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", b"\x01\x02 encrypted"),
        (
            "META-INF/manifest.xml",
            b"<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/></manifest:file-entry>",
        ),
    ]);
    assert!(matches!(
        refused("locked.ods", &bytes),
        FileError::Password { .. }
    ));
}
