//! CSV bytes: what a spreadsheet program shows, and what a reader gets back.

use horizon_io::export::csv::{escape_csv_text, BOM};
use horizon_io::export::{csv, unescape_csv_text};
use horizon_io::layout::Part;
use horizon_io::workbook::part_sheet;
use horizon_io::{Cell, Sheet};
use proptest::prelude::*;

use super::{kent, thanet};

fn sheet(rows: Vec<Vec<Cell>>) -> Sheet {
    Sheet {
        name: "test".into(),
        rows,
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

/// The file's text after its byte-order mark.
fn body(bytes: &[u8]) -> &str {
    assert!(bytes.starts_with(BOM), "starts with the BOM");
    std::str::from_utf8(&bytes[BOM.len()..]).expect("UTF-8")
}

#[test]
fn starts_with_the_bom_and_keeps_pound_signs_and_curly_quotes() {
    let bytes = csv(&sheet(vec![
        vec![text("Cost"), text("Note")],
        vec![text("£1.2m"), text("“Safer” ‘streets’ – 2016")],
    ]));
    assert_eq!(&bytes[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(
        body(&bytes),
        "Cost,Note\r\n£1.2m,“Safer” ‘streets’ – 2016\r\n"
    );
}

#[test]
fn commas_quotes_and_line_breaks_are_quoted() {
    let bytes = csv(&sheet(vec![vec![
        text("Clean, Green & Safer"),
        text("said \"no\""),
        text("two\nlines"),
        text("plain"),
    ]]));
    assert_eq!(
        body(&bytes),
        "\"Clean, Green & Safer\",\"said \"\"no\"\"\",\"two\nlines\",plain\r\n"
    );
}

#[test]
fn formula_like_text_is_marked_and_numbers_are_not() {
    let bytes = csv(&sheet(vec![vec![
        text("=HYPERLINK(\"http://x\")"),
        text("+44 1622"),
        text("-5"),
        text("@SUM(A1)"),
        text("\tTab"),
        Cell::Number(-5.0),
        Cell::Number(0.5),
        text("a-b"),
        text("'Tis"),
    ]]));
    assert_eq!(
        body(&bytes),
        "\"'=HYPERLINK(\"\"http://x\"\")\",'+44 1622,'-5,'@SUM(A1),'\tTab,-5,0.5,a-b,'Tis\r\n"
    );
}

#[test]
fn a_reader_gets_back_exactly_what_was_written() {
    for t in ["=1+1", "'=1+1", "''-x", "'Tis", "plain", "-", "'", ""] {
        assert_eq!(unescape_csv_text(&escape_csv_text(t)), t);
    }
    let s = thanet();
    let original = part_sheet(&s, Part::Partners);
    let bytes = csv(&original);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[BOM.len()..]);
    let back: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(|f| unescape_csv_text(f).to_string())
                .collect()
        })
        .collect();
    let want: Vec<Vec<String>> = original
        .rows
        .iter()
        .map(|r| r.iter().map(Cell::text).collect())
        .collect();
    assert_eq!(back, want);
}

#[test]
fn every_row_is_as_wide_as_the_widest() {
    let bytes = csv(&part_sheet(&kent(), Part::Matrix));
    let text = body(&bytes);
    let widths: Vec<usize> = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().len())
        .collect();
    assert_eq!(widths.len(), 26);
    assert!(widths.iter().all(|&w| w == 13), "{widths:?}");
    assert!(text.starts_with("Theme,Ashford,Canterbury,Dartford & Gravesham,"));
}

proptest! {
    #[test]
    fn any_text_comes_back(t in "['=+@\\-\t\r a-z]{0,6}") {
        let marked = escape_csv_text(&t);
        prop_assert_eq!(unescape_csv_text(&marked), t.as_str());
        prop_assert!(!marked.starts_with(['=', '+', '-', '@', '\t', '\r']));
    }
}
