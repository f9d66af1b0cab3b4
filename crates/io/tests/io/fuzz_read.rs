//! Whatever the bytes, reading never panics, and a refusal names the file.
//!
//! Each reader gets 10,000 cases: arbitrary bytes under each name; a real .xlsx,
//! .xls and .ods with bytes changed or cut off; the parts inside an .xlsx and an .ods
//! changed and packed again (so the XML readers, not only the unpacking, see
//! damage); and arbitrary CSV text.

use std::sync::OnceLock;

use horizon_io::{read, FileError, Limits, Workbook};
use proptest::prelude::*;

use super::read::{fixture, ods, pack, parts, xlsx};

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The outcome is a workbook within the limits, or a refusal naming the file.
fn check(file: &str, outcome: Result<Workbook, FileError>) {
    match outcome {
        Ok(wb) => {
            let limits = Limits::DEFAULT;
            assert_eq!(wb.file, file);
            assert!(!wb.sheets.is_empty() && wb.sheets.len() <= limits.sheets);
            for sheet in &wb.sheets {
                assert!(sheet.rows.len() <= limits.rows);
                assert!(sheet.width() <= limits.columns);
            }
        }
        Err(e) => assert!(e.to_string().contains(file), "{e} does not name {file}"),
    }
}

fn base_xlsx() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        xlsx(|wb| {
            let ws = wb.add_worksheet().set_name("Matrix").unwrap();
            ws.write_string(2, 1, "Theme").unwrap();
            ws.write_string(2, 2, "Dover £").unwrap();
            ws.write_number(3, 2, 0.31).unwrap();
            ws.write_boolean(3, 3, false).unwrap();
            let formula = rust_xlsxwriter::Formula::new("=C4*2").set_result("0.62");
            ws.write_formula(4, 2, formula).unwrap();
            ws.merge_range(5, 1, 5, 3, "merged", &rust_xlsxwriter::Format::new())
                .unwrap();
            wb.add_worksheet().write_string(0, 0, "second").unwrap();
        })
    })
}

fn base_ods() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        ods(r#"<table:table table:name="Matrix"><table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="3"/></table:table-row><table:table-row><table:table-cell/><table:table-cell office:value-type="string"><text:p>Theme <text:s text:c="2"/>&amp;</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3" table:number-columns-repeated="2"/></table:table-row><table:table-row><table:table-cell office:value-type="date" office:date-value="2024-03-31T13:30:00"/><table:table-cell office:value-type="boolean" office:boolean-value="true"/></table:table-row></table:table>"#)
    })
}

fn base_xls() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| fixture("small.xls"))
}

fn xlsx_parts() -> &'static [(String, Vec<u8>)] {
    static PARTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PARTS.get_or_init(|| parts(base_xlsx()))
}

fn ods_parts() -> &'static [(String, Vec<u8>)] {
    static PARTS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    PARTS.get_or_init(|| parts(base_ods()))
}

/// Damage to a file or a part: bytes changed, words of its format put in (at the
/// next space or `<`, where XML has room for them), then perhaps cut short; places
/// are fractions of the length.
#[derive(Debug, Clone)]
struct Damage {
    changes: Vec<(f64, u8)>,
    inserts: Vec<(f64, usize)>,
    keep: Option<f64>,
}

fn damage() -> impl Strategy<Value = Damage> {
    (
        prop::collection::vec((0.0..1.0f64, any::<u8>()), 0..6),
        prop::collection::vec((0.0..1.0f64, any::<usize>()), 0..4),
        prop::option::weighted(0.2, 0.0..1.0f64),
    )
        .prop_map(|(changes, inserts, keep)| Damage {
            changes,
            inserts,
            keep,
        })
}

/// Words that reach deeper into an .xlsx's or an .ods's readers than random bytes.
const WORDS: &[&str] = &[
    r#" r="A1""#,
    r#" r="XFD1048576""#,
    r#" r="ZZZ9999999""#,
    r#" r="0""#,
    r#" t="s""#,
    r#" t="e""#,
    r#" t="b""#,
    r#" t="d""#,
    r#" t="str""#,
    r#" t="inlineStr""#,
    r#" s="99999""#,
    "<v>1e308</v>",
    "<v>-1</v>",
    "<v>NaN</v>",
    "<v>#N/A</v>",
    "<v>4294967296</v>",
    r#"<c r="B2"><v>2</v></c>"#,
    r#"<c r="C1" t="s"><v>7</v></c>"#,
    r#"<row r="1048576">"#,
    "</c>",
    "</row>",
    r#"<dimension ref="A1:XFD1048576"/>"#,
    r#" ref="B2:A1""#,
    "&amp;",
    "&#0;",
    "&#x1F600;",
    "<![CDATA[x]]>",
    "<si><t>x</t></si>",
    r#" numFmtId="14""#,
    r#" formatCode="[h]:mm""#,
    r#" date1904="1""#,
    r#" table:number-columns-repeated="99999""#,
    r#" table:number-rows-repeated="4294967295""#,
    r#" office:value-type="date""#,
    r#" office:date-value="x""#,
    r#" office:value="1e999""#,
    r#" office:value-type="time" office:time-value="PT99999999999H""#,
    r#" calcext:value-type="error""#,
    r#"<text:s text:c="99999999"/>"#,
    "<table:table-row>",
    "</table:table-row>",
    r#"<table:table-cell office:value-type="float" office:value="1">"#,
    "</table:table-cell>",
    r#"<table:table table:name="x">"#,
    "</table:table>",
    "<office:annotation>",
];

/// `base` with `damage` done to it.
fn mutate(base: &[u8], damage: &Damage) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for &(at, word) in &damage.inserts {
        let start = ((at * bytes.len() as f64) as usize).min(bytes.len());
        let room = bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|&c| c == b' ' || c == b'<'))
            .map_or(bytes.len(), |i| start + i);
        let word = WORDS[word % WORDS.len()].as_bytes();
        bytes.splice(room..room, word.iter().copied());
    }
    for &(at, byte) in &damage.changes {
        let i = ((at * bytes.len() as f64) as usize).min(bytes.len().saturating_sub(1));
        if let Some(b) = bytes.get_mut(i) {
            *b = byte;
        }
    }
    if let Some(keep) = damage.keep {
        bytes.truncate((keep * bytes.len() as f64) as usize);
    }
    bytes
}

/// The parts packed again with one of them damaged: part `which`, or when there is
/// no such part the one named `favourite` (where the cells are).
fn repack(parts: &[(String, Vec<u8>)], which: usize, favourite: &str, damage: &Damage) -> Vec<u8> {
    let which = match parts.get(which) {
        Some(_) => which,
        None => parts.iter().position(|(n, _)| n == favourite).unwrap(),
    };
    let changed: Vec<(String, Vec<u8>)> = parts
        .iter()
        .enumerate()
        .map(|(i, (name, bytes))| {
            let bytes = if i == which {
                mutate(bytes, damage)
            } else {
                bytes.clone()
            };
            (name.clone(), bytes)
        })
        .collect();
    let refs: Vec<(&str, &[u8])> = changed
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    // Stored, not compressed: compressing in a debug build is what would take the time.
    pack(&refs, false)
}

/// Mostly what CSV files are made of, sometimes any character at all.
fn csv_char() -> impl Strategy<Value = char> {
    prop_oneof![
        8 => prop::sample::select("ab1 ,;\t\"\r\n£€“”’é".chars().collect::<Vec<_>>()),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_under_any_name(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        start in prop::sample::select(vec![&b""[..], b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", b"%PDF", b"\xEF\xBB\xBF", b"\xFF\xFE"]),
        ext in prop::sample::select(vec!["csv", "xlsx", "ods", "xls", "txt", "json", ""]),
    ) {
        let file = format!("fuzz.{ext}");
        let mut all = start.to_vec();
        all.extend(bytes);
        check(&file, read(&file, &all));
    }

    #[test]
    fn a_damaged_xlsx(damage in damage()) {
        let bytes = mutate(base_xlsx(), &damage);
        check("damaged.xlsx", read("damaged.xlsx", &bytes));
    }

    #[test]
    fn an_xlsx_with_damaged_parts(which in 0..20usize, damage in damage()) {
        let bytes = repack(xlsx_parts(), which, "xl/worksheets/sheet1.xml", &damage);
        check("parts.xlsx", read("parts.xlsx", &bytes));
    }

    #[test]
    fn a_damaged_xls(damage in damage()) {
        let bytes = mutate(base_xls(), &damage);
        check("damaged.xls", read("damaged.xls", &bytes));
    }

    #[test]
    fn a_damaged_ods(damage in damage()) {
        let bytes = mutate(base_ods(), &damage);
        check("damaged.ods", read("damaged.ods", &bytes));
    }

    #[test]
    fn an_ods_with_damaged_parts(which in 0..6usize, damage in damage()) {
        let bytes = repack(ods_parts(), which, "content.xml", &damage);
        check("parts.ods", read("parts.ods", &bytes));
    }

    #[test]
    fn arbitrary_csv_text(chars in prop::collection::vec(csv_char(), 0..400)) {
        let text: String = chars.into_iter().collect();
        check("fuzz.csv", read("fuzz.csv", text.as_bytes()));
    }
}
