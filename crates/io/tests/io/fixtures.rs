//! Files saved by real programs (LibreOffice Calc, openpyxl, Excel's CSV dialects),
//! imported as a user would: read, previewed, imported. `tests/fixtures/README.md`
//! says what each holds; `scripts/fixtures/make.py` makes them.

use horizon_io::preview::{preview, Choices, NameKind, Preview};
use horizon_io::{read, FileError, Part, Workbook};
use horizon_model::{LegislationStatus, Level, Scenario, TimeHorizon};

use super::common::kent;

fn fixture(name: &str) -> Workbook {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn fails(name: &str) -> FileError {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read(name, &bytes).expect_err(name)
}

/// The scenario after importing `p`'s edit into `s`.
fn imported(s: &Scenario, p: &Preview) -> Scenario {
    assert!(p.problems.is_empty(), "{}: {:?}", p.file, p.problems);
    let edit = p.edit.as_ref().unwrap_or_else(|| {
        panic!(
            "{}: no edit; undecided {:?}",
            p.file,
            p.undecided().collect::<Vec<_>>()
        )
    });
    let mut after = s.clone();
    after
        .apply(edit)
        .unwrap_or_else(|r| panic!("{}: {r:?}", p.file));
    after
}

/// Kent with an empty matrix, to import a matrix into.
fn kent_without_matrix() -> Scenario {
    let mut s = kent();
    s.matrix.clear();
    s
}

#[test]
fn the_kent_matrix_saved_by_libreoffice_imports_to_kent_s_matrix_as_xlsx_and_ods() {
    for file in [
        "kent-matrix-libreoffice.xlsx",
        "kent-matrix-libreoffice.ods",
    ] {
        let book = fixture(file);
        let s = kent_without_matrix();
        let p = preview(&book, &s, &Choices::default());
        assert_eq!(p.sheets[0].part, Some(Part::Matrix), "{file}");
        assert_eq!(
            p.matched_words(NameKind::Theme),
            "25 themes matched (17 by name, 8 by another name)",
            "{file}"
        );
        assert_eq!(
            p.matched_words(NameKind::District),
            "11 districts matched",
            "{file}"
        );
        assert!(
            !p.ticks && p.count_mismatches.is_empty(),
            "{file}: {:?}",
            p.count_mismatches
        );
        assert_eq!(imported(&s, &p).matrix, kent().matrix, "{file}");
        // Into Kent as it is, the same matrix changes nothing.
        assert!(
            preview(&book, &kent(), &Choices::default())
                .changes
                .is_empty(),
            "{file}"
        );
    }
}

#[test]
fn plain_ticks_ask_what_a_tick_means_and_wrong_totals_are_said_row_by_row() {
    let book = fixture("matrix-ticks-openpyxl.xlsx");
    let s = kent_without_matrix();
    let choices = Choices {
        tick: Level::Subsidiary,
        ..Choices::default()
    };
    let p = preview(&book, &s, &choices);
    assert!(p.ticks);
    assert_eq!(p.count_mismatches.len(), 2, "{:?}", p.count_mismatches);
    assert!(
        p.count_mismatches[0]
            .starts_with("Matrix!M11: “Road Safety” has 8 districts but the count column says 7"),
        "{:?}",
        p.count_mismatches
    );
    assert!(p.count_mismatches[1]
        .starts_with("Matrix!M18: “Gangs” has 4 districts but the count column says 5"));
    let after = imported(&s, &p);
    let kent = kent();
    let cells: usize = after.matrix.iter().map(|r| r.cells.len()).sum();
    assert_eq!(cells, 123);
    for row in &kent.matrix {
        for d in row.cells.keys() {
            assert_eq!(
                after.level(d, &row.theme),
                Some(Level::Subsidiary),
                "{d} × {}",
                row.theme
            );
        }
    }
}

#[test]
fn formulas_are_read_as_the_values_libreoffice_calculated() {
    let book = fixture("matrix-formula-libreoffice.xlsx");
    let p = preview(&book, &kent(), &Choices::default());
    assert!(
        p.count_mismatches.is_empty(),
        "the cached counts 3, 2, 1 agree: {:?}",
        p.count_mismatches
    );
    assert!(
        p.problems.is_empty() && p.changes.is_empty(),
        "{:?} {:?}",
        p.problems,
        p.changes
    );
}

#[test]
fn a_transposed_matrix_imports_the_right_way_round() {
    let book = fixture("matrix-transposed.xlsx");
    let p = preview(&book, &kent(), &Choices::default());
    assert!(p.transposed);
    assert_eq!(p.themes.len(), 5);
    assert!(
        p.changes.is_empty(),
        "its 17 cells are Kent's: {:?}",
        p.changes
    );
    let mut cleared = kent();
    cleared.set_level("thanet", "prevent", None);
    let after = imported(&cleared, &preview(&book, &cleared, &Choices::default()));
    assert_eq!(after.level("thanet", "prevent"), Some(Level::Issue));
}

#[test]
fn every_bad_cell_of_a_real_workbook_is_reported_at_once_and_nothing_changes() {
    let book = fixture("matrix-bad.xlsx");
    let p = preview(&book, &kent(), &Choices::default());
    let said: Vec<String> = p.problems.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(
        said[0].starts_with("Matrix!C3: “maybe” is not a level"),
        "{said:?}"
    );
    assert!(
        said[1].starts_with("Matrix!E5: “high-ish” is not a level"),
        "{said:?}"
    );
    assert!(p.edit.is_none());
}

#[test]
fn a_windows_1252_horizon_scan_keeps_its_pound_sign_and_curly_quotes() {
    let book = fixture("horizon-1252.csv");
    let s = kent();
    let p = preview(&book, &s, &Choices::default());
    assert_eq!(p.sheets[0].part, Some(Part::Horizon));
    let after = imported(&s, &p);
    let county_wide =
        |s: &horizon_model::Scenario| s.horizon.iter().filter(|h| h.district.is_none()).count();
    assert_eq!(county_wide(&after), 6, "the scan replaces Kent's 33 items");
    let own = |s: &horizon_model::Scenario| {
        s.horizon
            .iter()
            .filter(|h| h.district.is_some())
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(own(&after), own(&s), "Thanet's own scan stays as it was");
    assert!(
        p.notes.iter().any(|n| n.starts_with(&format!(
            "{} horizon items from districts' own scans are kept",
            own(&s).len()
        ))),
        "{:?}",
        p.notes
    );
    let cuts = after
        .horizon
        .iter()
        .find(|h| h.title == "Public sector budget cuts")
        .unwrap();
    assert!(
        cuts.detail.contains("– e.g. a £2.3m cut"),
        "{}",
        cuts.detail
    );
    let cse = after
        .horizon
        .iter()
        .find(|h| h.title == "Child sexual exploitation")
        .unwrap();
    assert!(
        cse.detail.contains("“relate to safeguarding"),
        "{}",
        cse.detail
    );
    assert_eq!(
        (cse.category.as_str(), cse.time_horizon),
        ("social", TimeHorizon::Now)
    );
    assert_eq!(cse.themes, ["child-abuse-exploitation", "safeguarding"]);
    let scan: Vec<&horizon_model::HorizonItem> = after
        .horizon
        .iter()
        .filter(|h| h.district.is_none())
        .collect();
    let categories: Vec<&str> = scan.iter().map(|h| h.category.as_str()).collect();
    assert_eq!(
        categories,
        [
            "political",
            "economic",
            "social",
            "technological",
            "legislation",
            "organisational"
        ]
    );
    let org = scan.last().unwrap();
    assert_eq!(org.time_horizon, TimeHorizon::Beyond, "“3+ years”");
    assert!(
        org.detail
            .contains("‘closer working between emergency services’")
            && org.detail.contains("PCC’s")
    );
    // Items matched by title keep their ids (and so the evidence that cites them).
    assert_eq!(cse.id, "soc-cse");
}

#[test]
fn a_utf8_csv_with_a_bom_quotes_commas_and_line_breaks_in_cells() {
    let book = fixture("partners-bom.csv");
    let s = kent();
    let p = preview(&book, &s, &Choices::default());
    assert_eq!(p.sheets[0].part, Some(Part::Partners));
    let after = imported(&s, &p);
    let themes: Vec<Vec<&str>> = after
        .partner_priorities
        .iter()
        .map(|x| x.themes.iter().map(String::as_str).collect())
        .collect();
    assert_eq!(
        themes,
        [
            vec!["domestic-abuse", "violent-crime"],
            vec!["gangs"],
            vec!["safeguarding", "child-abuse-exploitation", "young-people"],
            vec!["serious-organised-crime", "prevent"],
            vec![
                "community-confidence",
                "asb-environmental",
                "prevent",
                "night-time-economy"
            ],
        ]
    );
    assert!(after.partner_priorities[2].priority.contains("(\"UASC\")"));
    assert!(after.partner_priorities[3]
        .priority
        .contains("‘Strategic Policing Requirement’"));
}

#[test]
fn a_semicolon_csv_from_european_excel_is_kent_s_matrix() {
    let book = fixture("matrix-semicolon.csv");
    let s = kent_without_matrix();
    let p = preview(&book, &s, &Choices::default());
    assert_eq!(p.matched_words(NameKind::Theme), "25 themes matched");
    assert_eq!(imported(&s, &p).matrix, kent().matrix);
}

#[test]
fn legislation_consultation_and_votes_import_from_csv() {
    let s = kent();
    let law = imported(
        &s,
        &preview(&fixture("legislation.csv"), &s, &Choices::default()),
    );
    assert_eq!(law.legislation.len(), 4);
    let bill = law
        .legislation
        .iter()
        .find(|l| l.title == "Counter-Extremism Bill")
        .unwrap();
    assert_eq!(
        (bill.status, bill.creates_duty, bill.year),
        (LegislationStatus::Proposed, false, None)
    );
    let psa = law
        .legislation
        .iter()
        .find(|l| l.title.starts_with("Psychoactive"))
        .unwrap();
    assert!(psa.creates_duty, "“Y”");
    assert_eq!(psa.themes, ["substance-misuse", "night-time-economy"]);

    let c = imported(
        &s,
        &preview(&fixture("consultation.csv"), &s, &Choices::default()),
    );
    assert_eq!(c.plan().consultation.len(), 7);
    assert_eq!(
        c.plan()
            .consultation
            .iter()
            .find(|r| r.focus_area.is_none())
            .unwrap()
            .share_agreeing,
        0.64
    );
    let road = c
        .plan()
        .consultation
        .iter()
        .find(|r| r.focus_area.as_deref() == Some("road-safety"))
        .unwrap();
    assert_eq!((road.responses, road.share_agreeing), (390, 0.525));

    let v = imported(&s, &preview(&fixture("votes.csv"), &s, &Choices::default()));
    assert_eq!(v.votes.iter().map(|x| x.votes).sum::<u32>(), 44);
    assert!(
        v.votes
            .iter()
            .any(|x| x.theme == "asb-environmental" && x.votes == 7),
        "by another name"
    );
}

#[test]
fn formula_like_text_in_a_csv_is_imported_as_the_text_written() {
    let s = kent();
    let after = imported(
        &s,
        &preview(&fixture("injection.csv"), &s, &Choices::default()),
    );
    let texts: Vec<(&str, &str)> = after
        .partner_priorities
        .iter()
        .map(|x| (x.partner.as_str(), x.priority.as_str()))
        .collect();
    assert_eq!(texts[0].0, "=HYPERLINK(\"http://x\",\"click\")");
    let priorities: Vec<&str> = texts.iter().map(|t| t.1).collect();
    assert_eq!(
        priorities,
        ["Gangs", "+44 1622 000000", "-5", "@SUM(A1)", "=1+2"]
    );
}

#[test]
fn a_workbook_kept_by_hand_with_titles_above_its_tables_is_kent_s_lists() {
    let book = fixture("plan-openpyxl.xlsx");
    let s = kent();
    let p = preview(&book, &s, &Choices::default());
    let parts: Vec<Option<Part>> = p.sheets.iter().map(|x| x.part).collect();
    assert_eq!(
        parts,
        [Some(Part::Horizon), Some(Part::Partners), Some(Part::Plan)]
    );
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert!(
        p.changes.is_empty(),
        "the lists are Kent's own: {:?}",
        p.changes
    );
}

#[test]
fn files_that_cannot_be_read_say_why_naming_the_file() {
    let said = |name: &str| fails(name).to_string();
    assert!(
        said("password.xlsx").contains("password"),
        "{}",
        said("password.xlsx")
    );
    for name in [
        "password.xlsx",
        "corrupt.xlsx",
        "empty.csv",
        "not-a-spreadsheet.xlsx",
    ] {
        assert!(said(name).starts_with(name), "{name}: {}", said(name));
    }
    assert!(matches!(fails("empty.csv"), FileError::Empty { .. }));
}

#[test]
fn every_example_and_an_event_record_round_trip_through_xlsx_bytes_exactly() {
    let examples = horizon_model::EXAMPLES
        .iter()
        .map(|x| (x.name, x.scenario()));
    let with_events = ("kent-with-events", super::common::kent_with_events());
    for (name, s) in examples.chain([with_events]) {
        let bytes = horizon_io::export::xlsx::scenario_xlsx(&s).expect("written");
        let book = read("export.xlsx", &bytes).expect("read back");
        let back = horizon_io::whole::from_workbook(&book).unwrap_or_else(|p| panic!("{p:?}"));
        assert_eq!(back, s, "{name}");
    }
}

#[test]
fn a_workbook_horizon_wrote_before_plans_had_a_sheet_reads_as_its_one_plan() {
    let book = fixture("horizon-v1-thanet-2016.xlsx");
    assert!(
        !book
            .sheets
            .iter()
            .any(|s| s.name == Part::Plans.sheet_name()),
        "written before the Plans sheet"
    );
    let s = horizon_io::whole::from_workbook(&book).unwrap_or_else(|p| panic!("{p:?}"));
    // Its one plan, under review, and the empty county agreement it is read against.
    let kinds: Vec<_> = s.plans.iter().map(|p| p.kind).collect();
    use horizon_model::PlanKind::*;
    assert_eq!(kinds, [DistrictPlan, CountyAgreement]);
    assert!(s.plans[1].focus_areas.is_empty());
    let plan = s.plan();
    assert_eq!(plan.kind, horizon_model::PlanKind::DistrictPlan);
    assert_eq!(plan.district.as_deref(), Some("thanet"));
    assert_eq!(plan.focus_areas.len(), 3);
    assert_eq!(plan.consultation[0].responses, 350);
}
