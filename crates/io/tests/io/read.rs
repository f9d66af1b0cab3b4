//! Reading files: what a user sees from each kind of file, and each refusal naming
//! the file and saying what to do.

use std::io::{Cursor, Write};

use horizon_io::grid::At;
use horizon_io::{read, read_with, Cell, FileError, FileKind, Limits, Workbook};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula};

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
    assert_eq!(text(&wb, 1, 0, 0), "Item");
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

#[test]
fn an_xls_made_by_another_program_reads() {
    let wb = read("old.xls", &fixture("small.xls")).unwrap();
    assert_eq!(wb.kind, FileKind::Xls);
    assert_eq!(wb.sheets[0].name, "Matrix");
    assert_eq!(text(&wb, 0, 2, 1), "Theme");
    assert!(wb.sheets[0].row_is_blank(0));
    assert_eq!(text(&wb, 0, 3, 1), "Violence against women and girls £");
    assert_eq!(wb.sheets[0].cell(4, 2), &Cell::Number(3.5));
    assert_eq!(wb.sheets[0].cell(4, 3), &Cell::Number(42.0));
    assert_eq!(text(&wb, 0, 5, 2), "2024-03-31");
    assert_eq!(wb.sheets[0].cell(6, 2), &Cell::Bool(true));
    assert_eq!(wb.sheets[1].name, "Second sheet");
    assert_eq!(text(&wb, 1, 0, 0), "Ünïcödé “quoted”");
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

// Refusals -------------------------------------------------------------------------

#[test]
fn an_empty_file_is_empty() {
    assert!(matches!(
        refused("nothing.csv", b""),
        FileError::Empty { .. }
    ));
}

#[test]
fn a_file_of_blank_lines_has_nothing_in_it() {
    assert!(matches!(
        refused("blank.csv", b"\r\n,,\r\n  \r\n"),
        FileError::Blank { .. }
    ));
}

#[test]
fn a_pdf_is_the_wrong_kind_and_says_what_horizon_reads() {
    let e = refused("matrix.xlsx", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    assert!(matches!(e, FileError::WrongKind { .. }), "{e}");
    let message = e.to_string();
    assert!(message.contains("PDF") && message.contains(".xlsx") && message.contains("CSV"));
}

#[test]
fn other_files_are_named_for_what_they_seem() {
    let docx = packed(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b"<w:document/>"),
    ]);
    let cases: [(&str, &[u8], &str); 5] = [
        ("letter.docx", &docx, "Word document"),
        ("data.json", b"{\"themes\": []}", "JSON"),
        ("logo.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "picture"),
        (
            "noise.csv",
            &[0u8, 1, 2, 3, 250, 251, 4, 5, 6, 7],
            "another kind",
        ),
        ("renamed.xlsx", b"Theme,Dover\n", "plain text"),
    ];
    for (file, bytes, seems) in cases {
        let e = refused(file, bytes);
        assert!(matches!(e, FileError::WrongKind { .. }), "{e}");
        assert!(e.to_string().contains(seems), "{e}");
    }
}

#[test]
fn an_encrypted_xlsx_asks_for_the_password_to_be_removed() {
    let e = refused("locked.xlsx", &fixture("password.xlsx"));
    assert!(matches!(e, FileError::Password { .. }), "{e}");
    assert!(e.to_string().contains("remove the password"), "{e}");
}

/// An Office file with these streams, made here.
fn office(streams: &[&str]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    for name in streams {
        let mut s = file.create_stream(format!("/{name}")).unwrap();
        s.write_all(&[1, 2, 3, 4]).unwrap();
    }
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn an_office_file_holding_an_encrypted_package_is_password_protected() {
    let bytes = office(&["EncryptionInfo", "EncryptedPackage"]);
    assert!(matches!(
        refused("locked.xls", &bytes),
        FileError::Password { .. }
    ));
    let word = office(&["WordDocument"]);
    let e = refused("letter.xls", &word);
    assert!(e.to_string().contains("Word 97–2003"), "{e}");
}

#[test]
fn a_file_over_20_mb_is_refused_before_reading_saying_its_size() {
    let bytes = vec![b'a'; 23 * 1024 * 1024 + 512 * 1024];
    let e = refused("huge.csv", &bytes);
    assert!(matches!(e, FileError::TooLarge { .. }), "{e}");
    assert!(
        e.to_string().contains("23.5 MB") && e.to_string().contains("20 MB"),
        "{e}"
    );
}

#[test]
fn more_rows_or_columns_than_horizon_reads_are_refused_naming_the_place() {
    let rows = "x\n".repeat(100_001);
    let e = refused("long.csv", rows.as_bytes());
    assert!(e.to_string().contains("row 100,001"), "{e}");
    let wide = format!("{}x\n", ",".repeat(1_000));
    let e = refused("wide.csv", wide.as_bytes());
    assert!(e.to_string().contains("column ALM"), "{e}");
    let far = xlsx(|wb| {
        let ws = wb.add_worksheet().set_name("Stray").unwrap();
        ws.write_string(0, 0, "here").unwrap();
        ws.write_string(1_048_575, 16_383, "and far away").unwrap();
    });
    let e = refused("stray.xlsx", &far);
    assert!(e
        .to_string()
        .contains("the sheet ‘Stray’ has something in row 1,048,576"));
}

#[test]
fn more_sheets_than_horizon_reads_are_refused() {
    let many = xlsx(|wb| {
        for _ in 0..101 {
            wb.add_worksheet().write_string(0, 0, "x").unwrap();
        }
    });
    let e = refused("many.xlsx", &many);
    assert!(e.to_string().contains("more than 100 sheets"), "{e}");
}

#[test]
fn a_small_file_that_unpacks_to_too_much_is_refused_before_it_is_read() {
    let zeros = vec![0u8; 4 * 1024 * 1024];
    let bomb = packed(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("xl/workbook.xml", &zeros),
    ]);
    assert!(bomb.len() < 64 * 1024);
    let limits = Limits {
        unpacked: 1024 * 1024,
        ..Limits::DEFAULT
    };
    let e = read_with("bomb.xlsx", &bomb, &limits).unwrap_err();
    assert!(matches!(e, FileError::TooLarge { .. }), "{e}");
    assert!(
        e.to_string().contains("bomb.xlsx") && e.to_string().contains("1 MB"),
        "{e}"
    );
}

#[test]
fn more_cells_than_horizon_holds_are_refused() {
    let limits = Limits {
        cells: 10,
        ..Limits::DEFAULT
    };
    let e = read_with("cells.csv", b"a,b,c,d\na,b,c,d\na,b,c,d\n", &limits).unwrap_err();
    assert!(e.to_string().contains("more than 10 cells"), "{e}");
}
