//! The Word report read back as a reader would: unzipped, its XML searched for
//! headings by style, tables and the words an officer would see.

use std::io::Read;

use horizon_docx::{ReportContext, ReportDate, ReportInput};
use horizon_engine::{evaluate, shipped_pack, Evaluation, Limits, RuleSource, Settings};
use horizon_model::{Level, Scenario};

#[path = "docx/events.rs"]
mod events;

fn kent() -> Scenario {
    horizon_model::example("kent-2016")
        .expect("shipped")
        .scenario()
}

fn context(baseline: Option<&str>, differences: &[&str]) -> ReportContext {
    ReportContext {
        date: ReportDate {
            year: 2026,
            month: 3,
            day: 31,
        },
        made_from: "the snapshot “What if”".into(),
        baseline: baseline.map(str::to_string),
        differences: differences.iter().map(|d| d.to_string()).collect(),
    }
}

struct Made {
    bytes: Vec<u8>,
    xml: String,
}

fn make(sc: &Scenario, ctx: &ReportContext) -> (Made, Evaluation) {
    let rules: Vec<RuleSource> = shipped_pack();
    let settings = Settings::default();
    let eval = evaluate(sc, &rules, &settings, &Limits::default());
    let input = ReportInput {
        scenario: sc,
        evaluation: &eval,
        rules: &rules,
        settings: &settings,
        context: ctx,
        firmness: &[],
    };
    let bytes = horizon_docx::report(&input).expect("packs");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("has a document part")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    (Made { bytes, xml }, eval)
}

/// The text of every paragraph with this style, in order.
fn styled(xml: &str, style: &str) -> Vec<String> {
    let marker = format!("<w:pStyle w:val=\"{style}\"/>");
    xml.split("<w:p>")
        .filter(|p| p.contains(&marker))
        .map(text_of)
        .collect()
}

fn text_of(fragment: &str) -> String {
    let mut out = String::new();
    for piece in fragment.split("<w:t xml:space=\"preserve\">").skip(1) {
        out.push_str(piece.split("</w:t>").next().unwrap_or(""));
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

#[test]
fn the_report_has_word_headings_in_order_and_the_parts_a_reader_needs() {
    let (made, eval) = make(&kent(), &context(None, &[]));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(made.bytes)).unwrap();
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footer1.xml",
        "word/_rels/document.xml.rels",
    ] {
        assert!(zip.by_name(part).is_ok(), "{part} is missing");
    }
    assert_eq!(
        styled(&made.xml, "Heading1"),
        [
            "Summary",
            "Suggested changes",
            "Conflicts",
            "Changes not suggested",
            "Priority matrix",
            "Appendix: how this was worked out"
        ]
    );
    assert_eq!(styled(&made.xml, "Heading2")[0], "1. Add Safeguarding");
    let h2 = styled(&made.xml, "Heading2");
    for (i, s) in eval.suggestions.iter().enumerate() {
        assert_eq!(h2[i], format!("{}. {}", i + 1, s.headline(&kent())), "one per suggestion, in order");
    }
    assert_eq!(
        h2[eval.suggestions.len()..],
        ["Rules that suggested nothing", "Evidence in full", "Rules used"],
        "then why not, then the appendix"
    );
    assert_eq!(
        styled(&made.xml, "Title"),
        ["Suggested changes to Kent Community Safety Agreement 2014-17"]
    );
    let text = text_of(&made.xml);
    assert!(
        text.contains("3. Consolidate Violent Crime and Acquisitive Crime into Serious & Organised Crime / 8. Retain Violent Crime: both concern Violent Crime"),
        "Kent's one conflict, by headline"
    );
}

#[test]
fn the_summary_table_goes_from_current_to_proposed_focus_areas() {
    let (made, _) = make(&kent(), &context(None, &[]));
    let first_table = made.xml.split("<w:tbl>").nth(1).expect("a table");
    let rows: Vec<String> = first_table.split("<w:tr>").skip(1).map(text_of).collect();
    assert_eq!(
        rows[0],
        "Current focus areaProposed focus areaChangeScore (of 100)"
    );
    assert!(
        first_table.contains("<w:tblHeader/>"),
        "the header row repeats on each page"
    );
    assert!(
        rows.iter().any(|r| r.starts_with(
            "Violent Crime and Acquisitive CrimeSerious & Organised CrimeConsolidated62.7"
        )),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("(none: a new focus area)SafeguardingNew91.5")),
        "{rows:#?}"
    );
    assert!(
        rows.iter()
            .any(|r| r.starts_with("Domestic AbuseDomestic AbuseRetained")),
        "{rows:#?}"
    );
}

#[test]
fn the_matrix_is_on_landscape_pages_with_every_district() {
    let sc = kent();
    let (made, _) = make(&sc, &context(None, &[]));
    let (before, after) = made.xml.split_once("Priority matrix").unwrap();
    // The section before the matrix ends portrait; the matrix's own ends landscape.
    assert!(before
        .rsplit("<w:sectPr>")
        .next()
        .unwrap()
        .contains("w:w=\"11906\" w:h=\"16838\""));
    let matrix_section = after.split("</w:sectPr>").next().unwrap();
    assert!(matrix_section.contains("w:orient=\"landscape\""));
    let header = matrix_section
        .split("<w:tblHeader/>")
        .nth(1)
        .unwrap()
        .split("</w:tr>")
        .next()
        .unwrap();
    for d in &sc.districts {
        assert!(
            text_of(header).contains(&d.name),
            "{} has no column",
            d.name
        );
    }
    assert!(matrix_section.contains("Key: M = named main priority; S = subsidiary priority or cross-cutting theme; I = issue within a broader theme; a blank cell = not named."));
}

#[test]
fn rule_ids_and_versions_appear_only_in_the_appendix() {
    let (made, eval) = make(&kent(), &context(None, &[]));
    let (body, appendix) = made
        .xml
        .split_once("Appendix: how this was worked out")
        .unwrap();
    for t in &eval.trace {
        assert!(
            !body.contains(&t.version),
            "{}'s version is in the body",
            t.rule
        );
        assert!(!body.contains(&t.rule), "{}'s id is in the body", t.rule);
        assert!(
            appendix.contains(&t.version),
            "{}'s version is not in the appendix",
            t.rule
        );
    }
}

#[test]
fn the_title_block_says_the_date_what_it_was_made_from_and_how_it_differs() {
    let (same, _) = make(&kent(), &context(None, &[]));
    let text = text_of(&same.xml);
    assert!(text.contains("Date of this report: 31 March 2026"));
    assert!(text.contains("Made from: the snapshot “What if”"));
    assert!(text.contains("Baseline: none given"));

    let (unchanged, _) = make(&kent(), &context(Some("the Baseline snapshot"), &[]));
    assert!(text_of(&unchanged.xml)
        .contains("Baseline: the inputs are the same as the Baseline snapshot"));

    let (changed, _) = make(
        &kent(),
        &context(
            Some("the Baseline snapshot"),
            &["Matrix: Swale — Domestic Abuse: named main priority → not named"],
        ),
    );
    let text = text_of(&changed.xml);
    assert!(text.contains("Baseline: the inputs differ from the Baseline snapshot in one way:"));
    assert!(text.contains("Matrix: Swale — Domestic Abuse: named main priority → not named"));
}

#[test]
fn evidence_is_summarised_in_counts_that_agree_with_their_nouns() {
    let (made, _) = make(&kent(), &context(None, &[]));
    let text = text_of(&made.xml);
    assert!(
        text.contains("Evidence: 9 districts, 3 statutory duties, 14 partner priorities and 13 horizon items."),
        "{}",
        text.split("Evidence: ").nth(1).unwrap_or("").chars().take(120).collect::<String>()
    );
    assert!(!text.contains(" 0 "), "no count of nothing");
    for wrong in [
        "1 districts",
        "1 rules",
        "1 suggestions",
        "1 statutory duties",
        "1 horizon items",
    ] {
        let alone = text
            .match_indices(wrong)
            .any(|(i, _)| i == 0 || !text.as_bytes()[i - 1].is_ascii_digit());
        assert!(!alone, "\"{wrong}\" in the report");
    }
}

#[test]
fn user_text_is_escaped_and_controls_are_dropped() {
    let mut sc = kent();
    sc.districts[0].name = "Ashford <& \"Co\">\u{7}".into();
    let (made, _) = make(
        &sc,
        &context(
            Some("the Baseline snapshot"),
            &["A line with <tags> & \u{1}controls"],
        ),
    );
    assert!(!made.xml.contains('\u{1}') && !made.xml.contains('\u{7}'));
    assert!(made.xml.contains("A line with &lt;tags&gt; &amp; controls"));
    assert!(made.xml.contains("Ashford &lt;&amp; &quot;Co&quot;&gt;<"));
}

#[test]
fn a_review_with_no_suggestions_still_reads_as_a_report() {
    let mut sc = kent();
    // An empty matrix: nothing for the rules to go on.
    let cells: Vec<(String, String)> = sc
        .matrix
        .iter()
        .flat_map(|r| r.cells.keys().map(move |d| (d.clone(), r.theme.clone())))
        .collect();
    for (district, theme) in cells {
        sc.set_level(&district, &theme, None::<Level>);
    }
    let (made, eval) = make(&sc, &context(None, &[]));
    let text = text_of(&made.xml);
    if eval.suggestions.is_empty() {
        assert!(text.contains("The rules suggest no changes to the plan's focus areas."));
        assert!(text.contains("There are no suggested changes."));
    }
    assert!(text.contains("Priority matrix"));
}

#[test]
fn dates_are_worked_out_from_the_clock() {
    assert_eq!(
        ReportDate::from_days_since_epoch(0).to_string(),
        "1 January 1970"
    );
    assert_eq!(
        ReportDate::from_days_since_epoch(20_426).to_string(),
        "4 December 2025"
    );
    assert_eq!(
        ReportDate::from_days_since_epoch(11_016).to_string(),
        "29 February 2000"
    );
    assert_eq!(
        horizon_docx::file_name(&ReportDate {
            year: 2026,
            month: 3,
            day: 1
        }),
        "horizon-review-2026-03-01.docx"
    );
}

#[test]
fn conflicts_are_named_by_headline_and_the_set_aside_one_says_so() {
    // Kent's own conflict: the consolidation takes in Violent Crime, which a retain
    // would keep on its own.
    let sc = kent();
    let rules: Vec<RuleSource> = shipped_pack();
    let settings = Settings::default();
    let eval = evaluate(&sc, &rules, &settings, &Limits::default());
    let (a, b) = (&eval.conflicts[0].a, &eval.conflicts[0].b);
    let name = |id| {
        let i = eval.position(id).unwrap();
        format!("{}. {}", i + 1, eval.suggestions[i].headline(&sc))
    };
    let ctx = context(None, &[]);
    let xml = horizon_docx::document_xml(&ReportInput {
        scenario: &sc,
        evaluation: &eval,
        rules: &rules,
        settings: &settings,
        context: &ctx,
        firmness: &[],
    });
    let text = text_of(&xml);
    let reason = "both concern Violent Crime: one would merge it with other focus areas, the other would keep it as a focus area; only one can be accepted.";
    assert!(text.contains(&format!("{} / {}: {reason}", name(a), name(b))), "{text}");
    assert!(text.contains("Left out of the proposed focus areas:"));
    let (winner, loser) = (eval.suggestion(a).unwrap().headline(&sc), eval.suggestion(b).unwrap().headline(&sc));
    assert!(text.contains(&format!("{loser}: it conflicts with “{winner}”, which scores higher: {reason}")), "{text}");
    assert!(text.contains(&format!("Not in the proposed focus areas: it conflicts with “{winner}”, which scores higher: {reason}")));
    assert!(
        !text.contains(&a.to_string()) && !text.contains(&b.to_string()),
        "no suggestion ids"
    );
}
