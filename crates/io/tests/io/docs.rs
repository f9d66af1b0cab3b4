//! docs/spreadsheets.md lists every table's columns as the reader knows them.

#[test]
fn the_spreadsheet_docs_list_the_columns_the_reader_knows() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/spreadsheets.md");
    let doc = std::fs::read_to_string(path).expect("docs/spreadsheets.md");
    let (start, end) = (
        "<!-- columns: generated from crates/io/src/layout.rs -->\n",
        "<!-- end of columns -->",
    );
    let from = doc.find(start).expect("the start marker") + start.len();
    let to = doc.find(end).expect("the end marker");
    let want = horizon_io::layout::reference();
    if doc[from..to] != want {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            let new = format!("{}{}{}", &doc[..from], want, &doc[to..]);
            std::fs::write(path, new).expect("write the docs");
        } else {
            panic!("docs/spreadsheets.md's column tables are out of date: run UPDATE_DOCS=1 cargo test -p horizon-io");
        }
    }
}
