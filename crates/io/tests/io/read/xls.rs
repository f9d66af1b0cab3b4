//! Excel 97–2003 workbooks: one made by another program, and records made here to
//! reach what small files do not (text split across records, errors, passwords).

use std::io::{Cursor, Write};

use horizon_io::{read, Cell, FileError, FileKind};

use super::{fixture, refused, text};

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

/// One BIFF record.
fn record(out: &mut Vec<u8>, kind: u16, data: &[u8]) {
    out.extend(kind.to_le_bytes());
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
}

fn bof(version: u16, kind: u16) -> Vec<u8> {
    let mut d = version.to_le_bytes().to_vec();
    d.extend(kind.to_le_bytes());
    d.extend([0u8; 12]);
    d
}

/// A cell record's start: row, column, format (XF).
fn at(row: u16, col: u16, xf: u16) -> Vec<u8> {
    [row, col, xf]
        .iter()
        .flat_map(|n| n.to_le_bytes())
        .collect()
}

fn join(parts: &[&[u8]]) -> Vec<u8> {
    parts.concat()
}

/// A workbook stream: the first section's `globals` records, one sheet named "Data",
/// the shared strings in `sst` (the first part the SST record, the rest CONTINUE
/// records), then the sheet's `cells` records.
fn stream(
    version: u16,
    globals: &[(u16, Vec<u8>)],
    sst: &[Vec<u8>],
    cells: &[(u16, Vec<u8>)],
) -> Vec<u8> {
    let mut out = Vec::new();
    record(&mut out, 0x0809, &bof(version, 0x0005));
    for (kind, data) in globals {
        record(&mut out, *kind, data);
    }
    let sheet_at = out.len() + 4; // the offset's place in the BoundSheet8 record
    record(
        &mut out,
        0x0085,
        &join(&[&[0; 4], &[0, 0], &[4, 0], b"Data"]),
    );
    for (i, part) in sst.iter().enumerate() {
        record(&mut out, if i == 0 { 0x00FC } else { 0x003C }, part);
    }
    record(&mut out, 0x000A, &[]);
    let offset = (out.len() as u32).to_le_bytes();
    out[sheet_at..sheet_at + 4].copy_from_slice(&offset);
    record(&mut out, 0x0809, &bof(version, 0x0010));
    for (kind, data) in cells {
        record(&mut out, *kind, data);
    }
    record(&mut out, 0x000A, &[]);
    out
}

/// An .xls file holding `stream` as its workbook.
fn xls(stream: &[u8]) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("/Workbook")
        .unwrap()
        .write_all(stream)
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

fn xf(format: u16) -> (u16, Vec<u8>) {
    (
        0x00E0,
        join(&[&0u16.to_le_bytes(), &format.to_le_bytes(), &[0; 16]]),
    )
}

fn utf16(s: &str) -> Vec<u8> {
    s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

#[test]
fn an_xls_reads_every_kind_of_value_and_text_split_across_records() {
    let globals = vec![
        xf(0),
        xf(14),
        xf(164),
        xf(46),
        (
            0x041E,
            join(&[
                &164u16.to_le_bytes(),
                &16u16.to_le_bytes(),
                &[0],
                b"dd/mm/yyyy hh:mm",
            ]),
        ),
    ];
    // "Theme"; "Safer “streets”" whose characters run on into a CONTINUE record, from
    // there two bytes each; "abc" with formatting runs to skip.
    let sst = vec![
        join(&[
            &3u32.to_le_bytes(),
            &3u32.to_le_bytes(),
            &5u16.to_le_bytes(),
            &[0],
            b"Theme",
            &15u16.to_le_bytes(),
            &[0],
            b"Safer ",
        ]),
        join(&[
            &[1],
            &utf16("“streets”"),
            &3u16.to_le_bytes(),
            &[0x08],
            &1u16.to_le_bytes(),
            b"abc",
            &[0, 0, 1, 0],
        ]),
    ];
    let cells = vec![
        (0x00FD, join(&[&at(2, 1, 0), &0u32.to_le_bytes()])),
        (0x00FD, join(&[&at(3, 1, 0), &1u32.to_le_bytes()])),
        (0x00FD, join(&[&at(3, 2, 0), &2u32.to_le_bytes()])),
        (0x0203, join(&[&at(4, 1, 0), &3.5f64.to_le_bytes()])),
        (
            0x027E,
            join(&[&at(4, 2, 0), &((42u32 << 2) | 2).to_le_bytes()]),
        ),
        (
            0x027E,
            join(&[&at(4, 3, 0), &((31u32 << 2) | 3).to_le_bytes()]),
        ),
        // MulRk: 1 and 2 along row 6 from column B.
        (
            0x00BD,
            join(&[
                &5u16.to_le_bytes(),
                &1u16.to_le_bytes(),
                &0u16.to_le_bytes(),
                &((1u32 << 2) | 2).to_le_bytes(),
                &0u16.to_le_bytes(),
                &((2u32 << 2) | 2).to_le_bytes(),
                &2u16.to_le_bytes(),
            ]),
        ),
        // A formula whose value, text, comes in the next record; one whose value is an error.
        (
            0x0006,
            join(&[&at(6, 1, 0), &[0, 0, 0, 0, 0, 0, 0xFF, 0xFF], &[0; 6]]),
        ),
        (0x0207, join(&[&2u16.to_le_bytes(), &[0], b"ok"])),
        (
            0x0006,
            join(&[&at(6, 2, 0), &[2, 0, 0x07, 0, 0, 0, 0xFF, 0xFF], &[0; 6]]),
        ),
        (0x0205, join(&[&at(6, 3, 0), &[1, 0]])),
        (0x0203, join(&[&at(7, 1, 1), &45382.0f64.to_le_bytes()])),
        (0x0203, join(&[&at(7, 2, 2), &45382.5625f64.to_le_bytes()])),
        (0x0203, join(&[&at(7, 3, 3), &1.5f64.to_le_bytes()])),
    ];
    let wb = read("made.xls", &xls(&stream(0x0600, &globals, &sst, &cells))).unwrap();
    assert_eq!(wb.kind, FileKind::Xls);
    assert_eq!(wb.sheets[0].name, "Data");
    assert_eq!(text(&wb, 0, 2, 1), "Theme");
    assert_eq!(text(&wb, 0, 3, 1), "Safer “streets”");
    assert_eq!(text(&wb, 0, 3, 2), "abc");
    let sheet = &wb.sheets[0];
    assert_eq!(sheet.cell(4, 1), &Cell::Number(3.5));
    assert_eq!(sheet.cell(4, 2), &Cell::Number(42.0));
    assert_eq!(sheet.cell(4, 3), &Cell::Number(0.31));
    assert_eq!(
        (sheet.cell(5, 1), sheet.cell(5, 2)),
        (&Cell::Number(1.0), &Cell::Number(2.0))
    );
    assert_eq!(text(&wb, 0, 6, 1), "ok");
    assert_eq!(sheet.cell(6, 2), &Cell::Error("#DIV/0!".into()));
    assert_eq!(sheet.cell(6, 3), &Cell::Bool(true));
    assert_eq!(text(&wb, 0, 7, 1), "2024-03-31");
    assert_eq!(text(&wb, 0, 7, 2), "2024-03-31 13:30");
    assert_eq!(sheet.cell(7, 3), &Cell::Number(1.5));
}

#[test]
fn an_encrypted_xls_asks_for_the_password_to_be_removed() {
    let globals = vec![(0x002F, vec![1, 0, 0, 0])];
    let e = refused("locked.xls", &xls(&stream(0x0600, &globals, &[], &[])));
    assert!(matches!(e, FileError::Password { .. }), "{e}");
}

#[test]
fn an_excel_95_workbook_is_too_old_and_says_so() {
    let e = refused("old.xls", &xls(&stream(0x0500, &[], &[], &[])));
    assert!(matches!(e, FileError::WrongKind { .. }), "{e}");
    assert!(e.to_string().contains("older than Excel 97"), "{e}");
}

#[test]
fn an_xls_whose_sheet_is_cut_off_is_damaged_naming_the_sheet() {
    let cells = vec![(0x0203, join(&[&at(0, 0, 0), &1.0f64.to_le_bytes()]))];
    let mut bytes = stream(0x0600, &[], &[], &cells);
    let len = bytes.len();
    bytes.truncate(len - 10);
    let e = refused("cut.xls", &xls(&bytes));
    assert!(matches!(e, FileError::Corrupt { .. }), "{e}");
    assert!(e.to_string().contains("‘Data’"), "{e}");
}
