//! `horizon review --format docx`: the Word report written to a file, what it was
//! made from, and how a what-if differs from its baseline.

use std::io::Read;
use std::process::Command;

use crate::{horizon, temp};

/// The document part of a .docx, as text.
fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("a document part")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

#[test]
fn review_writes_a_word_report_with_the_proposed_focus_areas() {
    let d = temp("docx-kent");
    let out = d.join("report.docx");
    let o = horizon(&[
        "review",
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-03-31",
    ]);
    assert!(o.ok, "{}", o.stderr);
    assert!(
        o.stdout.is_empty(),
        "nothing on stdout when -o names the file"
    );
    let xml = document_xml(&std::fs::read(&out).unwrap());
    for name in [
        "Serious &amp; Organised Crime",
        "Safeguarding",
        "Domestic Abuse",
        "Road Safety",
    ] {
        assert!(xml.contains(name), "{name} is not in the report");
    }
    assert!(xml.contains("31 March 2026"));
    assert!(xml.contains("Horizon's built-in example of the Kent review"));
    assert!(xml.contains("none given, so this report does not say how its inputs differ"));
}

#[test]
fn a_what_if_report_says_how_it_differs_from_its_baseline() {
    let d = temp("docx-baseline");
    let base = d.join("kent.json");
    std::fs::write(&base, horizon(&["example", "kent-2016"]).stdout).unwrap();
    let mut sc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&base).unwrap()).unwrap();
    sc["meta"]["period"] = "2016-17 (what if)".into();
    let what_if = d.join("what-if.json");
    std::fs::write(&what_if, sc.to_string()).unwrap();
    let out = d.join("what-if.docx");
    let o = horizon(&[
        "review",
        "--scenario",
        what_if.to_str().unwrap(),
        "--baseline",
        base.to_str().unwrap(),
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.ok, "{}", o.stderr);
    let xml = document_xml(&std::fs::read(&out).unwrap());
    assert!(
        xml.contains("the file what-if.json as given"),
        "names the file, not its folder"
    );
    assert!(xml.contains("the inputs differ from the baseline file kent.json in one way:"));
    assert!(xml.contains("2016-17 (what if)"));

    let same = d.join("same.docx");
    let o = horizon(&[
        "review",
        "--scenario",
        base.to_str().unwrap(),
        "--baseline",
        base.to_str().unwrap(),
        "--format",
        "docx",
        "-o",
        same.to_str().unwrap(),
    ]);
    assert!(o.ok, "{}", o.stderr);
    assert!(document_xml(&std::fs::read(&same).unwrap())
        .contains("the inputs are the same as the baseline file kent.json"));
}

#[test]
fn a_word_report_goes_to_a_pipe_but_not_to_a_terminal() {
    // Standard output here is a pipe, so the bytes come through.
    let out = Command::new(env!("CARGO_BIN_EXE_horizon"))
        .args(["review", "--format", "docx"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(document_xml(&out.stdout).contains("Priority matrix"));
}

#[test]
fn the_word_reports_options_are_refused_plainly() {
    let o = horizon(&[
        "review",
        "--format",
        "docx",
        "--date",
        "31/03/2026",
        "-o",
        "x.docx",
    ]);
    assert!(!o.ok);
    assert_eq!(
        o.stderr.trim(),
        "horizon: --date 31/03/2026: expected a date as YYYY-MM-DD, e.g. 2026-03-31"
    );
    let o = horizon(&[
        "review",
        "--format",
        "docx",
        "--date",
        "2026-02-30",
        "-o",
        "x.docx",
    ]);
    assert!(!o.ok && o.stderr.contains("expected a date as YYYY-MM-DD"));
    let o = horizon(&["review", "--baseline", "kent.json"]);
    assert!(!o.ok);
    assert_eq!(
        o.stderr.trim(),
        "horizon: --baseline and --date are for the Word and Markdown reports: add --format docx or --format markdown"
    );
    let d = temp("docx-missing");
    let o = horizon(&[
        "review",
        "--format",
        "docx",
        "-o",
        d.join("no/such/folder/r.docx").to_str().unwrap(),
    ]);
    assert!(
        !o.ok && o.stderr.starts_with("horizon: cannot write "),
        "{}",
        o.stderr
    );
}

#[test]
fn output_writes_the_text_formats_to_a_file_too() {
    let d = temp("md-output");
    let out = d.join("review.md");
    let o = horizon(&[
        "review",
        "--format",
        "markdown",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.ok, "{}", o.stderr);
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("## Review of Kent"));
}
