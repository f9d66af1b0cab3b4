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
        let plan: usize = s
            .plans
            .iter()
            .map(|p| p.focus_areas.len() + p.cross_cutting_themes.len())
            .sum();
        assert_eq!(count(Part::Plan), plan, "{name}: every plan's");
        let consulted: usize = s.plans.iter().map(|p| p.consultation.len()).sum();
        assert_eq!(count(Part::Consultation), consulted, "{name}");
        assert_eq!(count(Part::Plans), s.plans.len(), "{name}");
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
    let county = s.county_agreement().unwrap().name.clone();
    assert_eq!(
        texts(&plan.rows[1])[..4],
        [
            "domestic-abuse",
            county.as_str(),
            "Focus area",
            "Domestic Abuse"
        ]
    );
    let cross = texts(row_of(&plan, "safeguarding-children-young-people"));
    assert_eq!(cross[2], "Cross-cutting theme");

    // A district focus area names the county priorities it serves, by name.
    let mut s = s;
    let k = s.plans.iter().position(|p| p.district.is_some()).unwrap();
    s.plans[k].focus_areas[0].serves = vec!["reducing-reoffending".into(), "violent-crime".into()];
    let plan = part_sheet(&s, Part::Plan);
    let thanet = &s.plans[k];
    let served = &thanet.focus_areas[0];
    let row = texts(row_of(&plan, &served.id));
    let names: Vec<&str> = served
        .serves
        .iter()
        .map(|id| {
            let c = s.county_agreement().unwrap();
            c.focus_areas
                .iter()
                .find(|f| f.id == *id)
                .map(|f| f.name.as_str())
                .or_else(|| {
                    c.cross_cutting_themes
                        .iter()
                        .find(|x| x.id == *id)
                        .map(|x| x.name.as_str())
                })
                .unwrap()
        })
        .collect();
    assert_eq!(row[1], thanet.name);
    assert_eq!(row[5], names.join("; "));

    let plans = part_sheet(&s, Part::Plans);
    assert_eq!(
        texts(row_of(&plans, &thanet.id))[1..],
        [thanet.name.as_str(), "District plan", "Thanet", "No"]
    );
    let horizon = part_sheet(&s, Part::Horizon);
    let own = s.horizon.iter().find(|h| h.district.is_some()).unwrap();
    assert_eq!(texts(row_of(&horizon, &own.id))[9], "Thanet");
}

#[test]
fn the_review_sheet_gives_the_details_and_each_provenance_note() {
    let s = thanet();
    let sheet = part_sheet(&s, Part::Review);
    let value = |label| texts(row_of(&sheet, label))[1].clone();
    assert_eq!(value(review::TITLE), s.meta.title);
    assert_eq!(value(review::GEOGRAPHY), s.meta.geography);
    assert_eq!(value(review::PERIOD), "2016-17");
    let notes: Vec<String> = sheet
        .rows
        .iter()
        .filter(|r| r[0].text() == review::PROVENANCE)
        .map(|r| r[1].text())
        .collect();
    assert_eq!(notes, s.meta.provenance);

    let labels: Vec<String> = sheet.rows.iter().skip(1).map(|r| r[0].text()).collect();
    assert!(
        !labels.iter().any(|l| l == review::PLAN_NAME),
        "the plans have a sheet of their own: {labels:?}"
    );
    for kind in horizon_model::PlanKind::ALL {
        assert_eq!(review::plan_kind(review::plan_kind_word(kind)), Some(kind));
    }

    // Under review, Thanet's plan says so on the Plans sheet.
    let plans = part_sheet(&s, Part::Plans);
    let under_review: Vec<String> = plans
        .rows
        .iter()
        .skip(1)
        .filter(|r| r[4].text() == "Yes")
        .map(|r| r[1].text())
        .collect();
    assert_eq!(under_review, [s.plan().name.clone()]);
}

#[test]
fn thanets_consultation_is_a_percentage_for_the_plan_overall() {
    let sheet = part_sheet(&thanet(), Part::Consultation);
    assert_eq!(
        texts(&sheet.rows[0]),
        ["Plan", "Focus area", "Responses", "Agreeing (%)"]
    );
    assert_eq!(
        sheet.rows[1],
        [
            Cell::Text(thanet().plan().name.clone()),
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
