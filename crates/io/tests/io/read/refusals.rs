//! Files Horizon will not read: each refusal names the file and says what to do.

use std::io::{Cursor, Write};

use horizon_io::{read_with, FileError, Limits};

use super::{fixture, packed, refused, xlsx};

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
