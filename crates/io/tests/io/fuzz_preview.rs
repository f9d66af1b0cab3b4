//! Any grid of cells, read as any part and previewed over Kent, gives a preview and
//! never a panic; an edit it offers is one the model accepts.

use horizon_io::preview::{preview, Choices};
use horizon_io::{Cell, FileKind, Part, Sheet, Workbook};
use proptest::prelude::*;

use super::common::kent;

/// Words that make the readers work: headers, levels, ticks, names, numbers, junk.
const WORDS: &[&str] = &[
    "",
    "",
    "",
    "Theme",
    "Ashford",
    "Dover",
    "Medway",
    "Gangs",
    "Prevent",
    "Serious Violence",
    "Main",
    "Subsidiary",
    "Issue",
    "✓",
    "x",
    "maybe",
    "No. of Districts",
    "3",
    "-1",
    "4.5",
    "Category",
    "Title",
    "Time horizon",
    "Likelihood",
    "Impact",
    "Themes",
    "Pol",
    "Now",
    "1-3 years",
    "Partner",
    "Priority",
    "Name",
    "Type",
    "Cross-cutting theme",
    "Focus area",
    "Responses",
    "Agreeing (%)",
    "31%",
    "Votes",
    "Domestic Abuse",
    "Gangs; Prevent",
    "=1+2",
    "'=SUM(A1)",
    "Status",
    "Bill",
    "Year",
    "(",
    "&",
    "Crime",
    "Violent Crime (other than DA)",
];

fn cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        8 => prop::sample::select(WORDS).prop_map(|w| if w.is_empty() { Cell::Empty } else { Cell::Text(w.into()) }),
        1 => any::<f64>().prop_map(Cell::Number),
        1 => "\\PC{0,12}".prop_map(Cell::Text),
        1 => any::<bool>().prop_map(Cell::Bool),
    ]
}

fn sheet() -> impl Strategy<Value = Sheet> {
    (
        prop::sample::select(
            &[
                "Matrix",
                "Horizon scan",
                "Partners",
                "Plan",
                "Votes",
                "Sheet1",
            ][..],
        ),
        prop::collection::vec(prop::collection::vec(cell(), 0..7), 0..9),
    )
        .prop_map(|(name, rows)| Sheet {
            name: name.into(),
            rows,
        })
}

fn part() -> impl Strategy<Value = Option<Option<Part>>> {
    prop_oneof![
        3 => Just(None),
        1 => prop::sample::select(&Part::IMPORTABLE[..]).prop_map(|p| Some(Some(p))),
    ]
}

proptest! {
    // 10,000 grids; about 20 s in a debug build on 2 cores.
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn any_grid_previews_without_panic(sheets in prop::collection::vec(sheet(), 1..3), forced in part(), ticks in any::<bool>(), turned in any::<Option<bool>>()) {
        let s = kent();
        let book = Workbook { file: "fuzz.xlsx".into(), kind: if ticks { FileKind::Csv } else { FileKind::Xlsx }, sheets };
        let mut choices = Choices { transposed: turned, ..Choices::default() };
        if let Some(part) = forced {
            for sh in &book.sheets {
                choices.parts.insert(sh.name.clone(), part);
            }
        }
        let p = preview(&book, &s, &choices);
        if let Some(edit) = &p.edit {
            let mut after = s.clone();
            prop_assert!(after.apply(edit).is_ok(), "the model refused an edit the preview offered: {:?}", after.apply(edit));
        }
    }
}
