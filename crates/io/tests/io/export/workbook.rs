//! What a person sees in the workbook Horizon writes, before any file format.

use horizon_io::layout::{Part, DISTRICT_COUNT_HEADER, MATRIX_THEME_HEADER};
use horizon_io::words::{level_word, PLAN_OVERALL};
use horizon_io::workbook::{part_sheet, review, to_workbook, ABOUT_SHEET};
use horizon_io::{Cell, Sheet};

use super::{examples, kent, thanet};

fn texts(row: &[Cell]) -> Vec<String> {
    row.iter().map(Cell::text).collect()
}

/// The row of `sheet` whose first cell is `first`.
fn row_of<'a>(sheet: &'a Sheet, first: &str) -> &'a [Cell] {
    sheet
        .rows
        .iter()
        .find(|r| r.first().is_some_and(|c| c.text() == first))
        .unwrap_or_else(|| panic!("{} has no row for {first}", sheet.name))
}

#[test]
fn every_example_has_the_sheets_in_order_with_their_headers() {
    for (name, s) in examples() {
        let book = to_workbook(&s);
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        let mut expected = vec![ABOUT_SHEET];
        expected.extend(Part::WORKBOOK.map(Part::sheet_name));
        assert_eq!(names, expected, "{name}");
        for (part, sheet) in Part::WORKBOOK.into_iter().zip(&book.sheets[1..]) {
            let headers = texts(&sheet.rows[0]);
            match part {
                Part::Matrix => {
                    let mut want = vec![MATRIX_THEME_HEADER.to_string()];
                    want.extend(s.districts.iter().map(|d| d.name.clone()));
                    want.push(DISTRICT_COUNT_HEADER.into());
                    assert_eq!(headers, want, "{name}");
                }
                Part::Review => assert_eq!(headers, [review::FIELD, review::VALUE]),
                _ => {
                    let want: Vec<&str> = part.columns().iter().map(|c| c.header).collect();
                    assert_eq!(headers, want, "{name}: {}", sheet.name);
                }
            }
            assert_eq!(
                *sheet,
                part_sheet(&s, part),
                "one part alone is the same sheet"
            );
        }
    }
}

#[test]
fn each_list_has_one_row_per_item() {
    for (name, s) in examples() {
        let count = |part| part_sheet(&s, part).rows.len() - 1;
        assert_eq!(count(Part::Horizon), s.horizon.len(), "{name}");
        assert_eq!(count(Part::Partners), s.partner_priorities.len(), "{name}");
        assert_eq!(count(Part::Legislation), s.legislation.len(), "{name}");
        let plan = s.plan().focus_areas.len() + s.plan().cross_cutting_themes.len();
        assert_eq!(count(Part::Plan), plan, "{name}");
        assert_eq!(count(Part::Consultation), s.plan().consultation.len(), "{name}");
        assert_eq!(count(Part::Votes), s.votes.len(), "{name}");
        assert_eq!(count(Part::Themes), s.themes.len(), "{name}");
        assert_eq!(count(Part::Matrix), s.themes.len(), "{name}: every theme");
        assert_eq!(count(Part::Districts), s.districts.len(), "{name}");
        assert_eq!(count(Part::Groups), s.groups.len(), "{name}");
        assert_eq!(count(Part::Categories), s.categories.len(), "{name}");
    }
}

#[test]
fn the_kent_matrix_has_the_level_words_and_the_counts() {
    let s = kent();
    let sheet = part_sheet(&s, Part::Matrix);
    let last = s.districts.len() + 1;
    let mut named = 0;
    for (i, theme) in s.themes.iter().enumerate() {
        let row = &sheet.rows[i + 1];
        assert_eq!(row[0], Cell::Text(theme.name.clone()));
        for (j, d) in s.districts.iter().enumerate() {
            let want = match s.level(&d.id, &theme.id) {
                Some(l) => Cell::Text(level_word(l).into()),
                None => Cell::Empty,
            };
            assert_eq!(row[j + 1], want, "{} / {}", theme.name, d.name);
        }
        let count = s.district_count(&theme.id);
        assert_eq!(row[last], Cell::Number(count as f64), "{}", theme.name);
        named += count;
    }
    // The review's printed totals (its provenance note): Domestic Abuse 10, Prevent 7.
    assert_eq!(row_of(&sheet, "Domestic Abuse")[last], Cell::Number(10.0));
    assert_eq!(row_of(&sheet, "Prevent")[last], Cell::Number(7.0));
    assert!(named > 100, "Kent's matrix is well filled: {named}");
}

#[test]
fn references_are_written_as_names_not_ids() {
    let s = kent();
    let themes = part_sheet(&s, Part::Themes);
    let so = row_of(&themes, "serious-organised-crime");
    assert_eq!(
        texts(so)[..4],
        [
            "serious-organised-crime",
            "Serious & Organised Crime",
            "Crime",
            "Crime; Crime / Serious & Organised Crime"
        ]
    );

    let horizon = part_sheet(&s, Part::Horizon);
    let item = s
        .horizon
        .iter()
        .find(|h| h.themes.len() > 1)
        .expect("an item with themes");
    let row = texts(row_of(&horizon, &item.id));
    let names: Vec<&str> = item
        .themes
        .iter()
        .map(|t| s.theme(t).unwrap().name.as_str())
        .collect();
    assert_eq!(row[7], names.join("; "));
    assert_eq!(row[1], s.category(&item.category).unwrap().name);
    assert_eq!(row[4], item.time_horizon.label());
    assert_eq!(
        row_of(&horizon, &item.id)[5],
        Cell::Number(item.likelihood.into())
    );

    let legislation = part_sheet(&s, Part::Legislation);
    let ct = texts(row_of(&legislation, "counter-terrorism-security-act-2015"));
    assert_eq!(
        ct[1..5],
        [
            "Counter-Terrorism and Security Act 2015",
            "2015",
            "Enacted",
            "Yes"
        ]
    );
    assert_eq!(ct[6], "Prevent; Safeguarding");

    let plan = part_sheet(&s, Part::Plan);
    assert_eq!(
        texts(&plan.rows[1])[..3],
        ["domestic-abuse", "Focus area", "Domestic Abuse"]
    );
    let cross = texts(row_of(&plan, "safeguarding-children-young-people"));
    assert_eq!(cross[1], "Cross-cutting theme");
}

#[test]
fn the_review_sheet_gives_the_details_and_each_provenance_note() {
    let s = thanet();
    let sheet = part_sheet(&s, Part::Review);
    let value = |label| texts(row_of(&sheet, label))[1].clone();
    assert_eq!(value(review::TITLE), "Thanet Community Safety Plan 2016-17");
    assert_eq!(value(review::GEOGRAPHY), "Thanet");
    assert_eq!(value(review::PERIOD), "2016-17");
    assert_eq!(value(review::PLAN_NAME), s.plan().name);
    assert_eq!(value(review::PLAN_KIND), "District plan");
    assert_eq!(value(review::PLAN_DISTRICT), "Thanet");
    let notes: Vec<String> = sheet
        .rows
        .iter()
        .filter(|r| r[0].text() == review::PROVENANCE)
        .map(|r| r[1].text())
        .collect();
    assert_eq!(notes, s.meta.provenance);

    let kent = part_sheet(&kent(), Part::Review);
    assert_eq!(
        texts(row_of(&kent, review::PLAN_KIND))[1],
        "County agreement"
    );
    assert_eq!(row_of(&kent, review::PLAN_DISTRICT)[1], Cell::Empty);
    for kind in [
        horizon_model::PlanKind::CountyAgreement,
        horizon_model::PlanKind::DistrictPlan,
    ] {
        assert_eq!(review::plan_kind(review::plan_kind_word(kind)), Some(kind));
    }
}

#[test]
fn thanets_consultation_is_a_percentage_for_the_plan_overall() {
    let sheet = part_sheet(&thanet(), Part::Consultation);
    assert_eq!(
        texts(&sheet.rows[0]),
        ["Focus area", "Responses", "Agreeing (%)"]
    );
    assert_eq!(
        sheet.rows[1],
        [
            Cell::Text(PLAN_OVERALL.into()),
            Cell::Number(350.0),
            Cell::Number(78.0)
        ]
    );
}

#[test]
fn the_about_sheet_explains_every_sheet_and_column() {
    let s = kent();
    let about = &to_workbook(&s).sheets[0];
    let all: String = about
        .rows
        .iter()
        .flatten()
        .map(|c| c.text() + "\n")
        .collect();
    for part in Part::WORKBOOK {
        row_of(about, part.sheet_name());
        for c in part.columns() {
            let need = if c.required { "Required." } else { "Optional." };
            assert!(
                all.contains(&format!("{}\n{need} {}", c.header, c.help)),
                "{}",
                c.header
            );
        }
    }
    for needle in [
        "semicolons",
        "ID column",
        "import",
        "key enabler",
        "within a broader theme",
        "does not name the theme",
        &s.meta.title,
    ] {
        assert!(all.contains(needle), "the About sheet says {needle}");
    }
    for word in ["Main", "Subsidiary", "Issue"] {
        row_of(about, word);
    }
}
