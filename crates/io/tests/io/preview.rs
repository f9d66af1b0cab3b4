//! The preview: names matched, choices, and the one edit an import makes.

use horizon_io::matching::Found;
use horizon_io::preview::{preview, Choices, NameKind, Resolution};
use horizon_io::FileKind;
use horizon_model::{Edit, Level};

use super::common::{book, kent, sheet};

fn seed_layout() -> horizon_io::Workbook {
    book(
        "kent-matrix.xlsx",
        FileKind::Xlsx,
        vec![sheet(
            "Matrix",
            &[
                &["Local Strategic Assessments (provisional)"],
                &[],
                &[
                    "",
                    "Ashford",
                    "Canterbury",
                    "Dartford and Gravesham",
                    "Medway",
                    "No. of Districts",
                ],
                &[
                    "Domestic Abuse (inc. sexual offences & serious violence)",
                    "✓",
                    "✓",
                    "",
                    "",
                    "2",
                ],
                &["Crime / Serious & Organised Crime", "", "✓", "✓", "", "2"],
                &["Serious Violence", "✓", "", "", "", "1"],
                &["Cyber-enabled fraud", "", "", "✓", "", "3"],
            ],
        )],
    )
}

#[test]
fn names_are_matched_by_name_by_other_name_new_and_unclear() {
    let s = kent();
    let p = preview(&seed_layout(), &s, &Choices::default());
    assert_eq!(p.themes.len(), 4);
    assert!(matches!(p.themes[0].found, Found::Alias(ref id) if id == "domestic-abuse"));
    assert!(matches!(p.themes[1].found, Found::Alias(ref id) if id == "serious-organised-crime"));
    let Found::Unclear(ref ids) = p.themes[2].found else {
        panic!("{:?}", p.themes[2])
    };
    assert!(ids.contains(&"violent-crime".to_string()), "{ids:?}");
    assert!(
        ids.contains(&"serious-organised-crime".to_string()),
        "{ids:?}"
    );
    assert_eq!(p.themes[3].found, Found::New);
    assert_eq!(
        p.matched_words(NameKind::Theme),
        "2 themes matched by another name, 1 new, 1 unclear"
    );
    assert_eq!(
        p.matched_words(NameKind::District),
        "3 districts matched, 1 new"
    );
    assert!(p.ticks);
    assert_eq!(p.count_mismatches.len(), 1, "{:?}", p.count_mismatches);
    assert!(p.count_mismatches[0].starts_with(
        "Matrix!F7: “Cyber-enabled fraud” has 1 district but the count column says 3"
    ));
    // The unclear name waits for an answer: nothing to import yet.
    assert_eq!(p.undecided().count(), 1);
    assert!(p.edit.is_none());
}

#[test]
fn once_the_unclear_name_is_resolved_the_import_is_one_undoable_edit() {
    let s = kent();
    let mut choices = Choices::default();
    choices.names.insert(
        (NameKind::Theme, "serious violence".into()),
        Resolution::To("violent-crime".into()),
    );
    choices.tick = Level::Subsidiary;
    let p = preview(&seed_layout(), &s, &choices);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let edit = p.edit.clone().expect("an edit");
    let Edit::Batch { ref summary, .. } = edit else {
        panic!("a batch")
    };
    assert!(
        summary.starts_with("Imported the priority matrix from kent-matrix.xlsx: "),
        "{summary}"
    );
    let mut after = s.clone();
    after.apply(&edit).expect("the model accepts the import");
    // The tick question's answer is the level written.
    assert_eq!(
        after.level("ashford", "violent-crime"),
        Some(Level::Subsidiary)
    );
    // Cells of matched themes and districts that the file leaves blank are cleared.
    assert_eq!(after.level("dartford-gravesham", "domestic-abuse"), None);
    // A new theme and a new district were added, with the cells the file gives them.
    let fraud = after
        .themes
        .iter()
        .find(|t| t.name == "Cyber-enabled fraud")
        .unwrap_or_else(|| panic!("{:?} {:?}", p.themes, p.edit));
    let medway = after
        .districts
        .iter()
        .find(|d| d.name == "Medway")
        .expect("added");
    assert_eq!(after.level(&medway.id, &fraud.id), None);
    assert_eq!(
        after.level("dartford-gravesham", &fraud.id),
        Some(Level::Subsidiary)
    );
    // Names from the file are kept as other names, so next year's file matches at once.
    let violent = after.theme("violent-crime").unwrap();
    assert!(
        violent.aliases.iter().any(|a| a == "Serious Violence"),
        "{:?}",
        violent.aliases
    );
    let dg = after.district("dartford-gravesham").unwrap();
    assert!(
        dg.aliases.iter().any(|a| a == "Dartford and Gravesham")
            || dg.name == "Dartford and Gravesham"
            || p.districts
                .iter()
                .any(|d| matches!(d.found, Found::Name(_)) && d.text == "Dartford and Gravesham")
    );
    // Themes the file does not mention are untouched.
    assert_eq!(after.level("thanet", "gangs"), s.level("thanet", "gangs"));
    assert!(!p.changes.is_empty());
    // And a second import of the same file changes nothing.
    let again = preview(&seed_layout(), &after, &choices);
    assert!(again.undecided().next().is_none());
    assert!(again.changes.is_empty(), "{:?}", again.changes);
}

#[test]
fn a_transposed_matrix_is_recognised_from_its_names() {
    let s = kent();
    let b = book(
        "t.csv",
        FileKind::Csv,
        vec![sheet(
            "t",
            &[
                &["", "Gangs", "Prevent", "Road Safety"],
                &["Ashford", "Main", "", "Issue"],
                &["Dover", "", "Subsidiary", ""],
            ],
        )],
    );
    let p = preview(&b, &s, &Choices::default());
    assert!(p.transposed);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let mut after = s.clone();
    after.apply(p.edit.as_ref().unwrap()).unwrap();
    assert_eq!(after.level("ashford", "gangs"), Some(Level::Main));
    assert_eq!(after.level("dover", "prevent"), Some(Level::Subsidiary));
    assert_eq!(after.level("ashford", "road-safety"), Some(Level::Issue));
}

#[test]
fn a_list_replaces_its_list_and_links_themes_by_name() {
    let s = kent();
    let b = book(
        "partners.csv",
        FileKind::Csv,
        vec![sheet(
            "partners",
            &[
                &["Partner", "Priority", "Themes"],
                &["Kent Police", "Tackle gangs", "Gangs; ASB/Environmental"],
                &["KFRS", "Fewer fires", "Preventing Fires"],
            ],
        )],
    );
    let p = preview(&b, &s, &Choices::default());
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    let mut after = s.clone();
    after.apply(p.edit.as_ref().unwrap()).unwrap();
    assert_eq!(after.partner_priorities.len(), 2);
    assert_eq!(
        after.partner_priorities[0].themes,
        ["gangs", "asb-environmental"]
    );
}

#[test]
fn a_bad_file_changes_nothing_and_says_every_problem() {
    let s = kent();
    let b = book(
        "bad.xlsx",
        FileKind::Xlsx,
        vec![sheet(
            "Matrix",
            &[
                &["Theme", "Ashford", "Dover"],
                &["Gangs", "maybe", "Main"],
                &["Prevent", "Main", "high-ish"],
            ],
        )],
    );
    let p = preview(&b, &s, &Choices::default());
    assert!(p.edit.is_none());
    let said: Vec<String> = p.problems.iter().map(|x| x.to_string()).collect();
    assert_eq!(said.len(), 2, "{said:?}");
}
