//! The import preview's choices on the host: what a chosen file is, each choice as
//! an update to horizon-io's `Choices`, the names that need a look, what stands in
//! Import's way, and the import as one undoable step through the reducer.

use horizon_io::matching::Found;
use horizon_io::{preview, Choices, ListMode, NameKind, Part, Resolution};
use horizon_model::{Edit, Level};
use horizon_web::forms::import::{self, Choice};
use horizon_web::state::*;

/// A matrix as a person might keep it: Kent districts across, seed 004's theme names
/// down the side, plain ticks, and a name that could be either of two themes.
pub const MATRIX_CSV: &str = "\
,Ashford,Canterbury,Dover,Thanet
Domestic Abuse (inc. sexual offences & serious violence),✓,✓,,✓
Serious Violence,✓,,✓,
";

fn kent() -> AppState {
    AppState::new(Start::fresh())
}

fn read(name: &str, text: &str) -> horizon_io::Workbook {
    horizon_io::read(name, text.as_bytes()).expect("the file reads")
}

#[test]
fn json_is_known_by_its_name_or_its_first_character() {
    assert!(import::is_json("my-review.JSON", b"anything"));
    assert!(import::is_json("saved", b"  \n{\"meta\": {}}"));
    assert!(import::is_json("saved.txt", b"\xEF\xBB\xBF{}"));
    assert!(!import::is_json("matrix.csv", MATRIX_CSV.as_bytes()));
    assert!(!import::is_json("matrix.xlsx", b"PK\x03\x04"));
}

#[test]
fn a_chosen_file_is_read_by_the_shared_reader_byte_order_mark_and_all() {
    // What the Data view does with a JSON file's bytes (components/open_file.rs).
    let kent = horizon_model::example("kent-2016").unwrap().scenario().to_json();
    let mut marked = b"\xEF\xBB\xBF".to_vec();
    marked.extend_from_slice(kent.as_bytes());
    assert!(horizon_project::open_bytes(&marked).is_ok());
    // Not UTF-8 on line 3: refused at its byte and line, never read with U+FFFD.
    let bad = horizon_project::open_bytes(b"{\n  \"meta\": {},\n  \"x\": \"\xFF\"\n}").unwrap_err();
    assert_eq!(bad.len(), 1);
    assert!(bad[0].contains("byte 25") && bad[0].contains("line 3"), "{bad:?}");
    let empty = horizon_project::open_bytes(b"  \n").unwrap_err();
    assert!(empty[0].to_lowercase().contains("empty"), "{empty:?}");
}

#[test]
fn each_choice_updates_the_choices_and_nothing_else() {
    let start = Choices::default();
    let c = Choice::Tick(Level::Subsidiary).apply(start.clone());
    assert_eq!(c.tick, Level::Subsidiary);
    assert_eq!(
        Choice::Tick(Level::Main).apply(c.clone()),
        Choices {
            tick: Level::Main,
            ..c.clone()
        }
    );
    let c = Choice::Transposed(true).apply(start.clone());
    assert_eq!(c.transposed, Some(true));
    let c = Choice::Mode(ListMode::Add).apply(start.clone());
    assert_eq!(c.mode, ListMode::Add);
    let c = Choice::Group("crime".into()).apply(start.clone());
    assert_eq!(c.group.as_deref(), Some("crime"));
    let c = Choice::Part {
        sheet: "Notes".into(),
        part: None,
    }
    .apply(start.clone());
    assert_eq!(c.parts.get("Notes"), Some(&None));
    let key = (NameKind::Theme, "serious violence".to_string());
    let c = Choice::Name {
        kind: NameKind::Theme,
        key: key.1.clone(),
        resolution: Some(Resolution::To("violent-crime".into())),
    }
    .apply(start.clone());
    assert_eq!(
        c.names.get(&key),
        Some(&Resolution::To("violent-crime".into()))
    );
    // "Choose…" takes the choice back.
    let c = Choice::Name {
        kind: NameKind::Theme,
        key: key.1.clone(),
        resolution: None,
    }
    .apply(c);
    assert_eq!(c, start);
}

#[test]
fn select_values_read_back_as_what_they_stand_for() {
    for part in Part::IMPORTABLE {
        assert_eq!(
            import::parse_part(import::part_value(Some(part))),
            Some(Some(part))
        );
    }
    assert_eq!(import::parse_part(import::part_value(None)), Some(None));
    assert_eq!(import::parse_part("nonsense"), None);
    let options = import::part_options();
    assert_eq!(options.len(), Part::IMPORTABLE.len() + 1);
    assert_eq!(options[0].1, "The priority matrix");
    assert_eq!(options.last().unwrap().1, "Leave this sheet out");

    for r in [
        Resolution::Add,
        Resolution::Skip,
        Resolution::To("violent-crime".into()),
    ] {
        assert_eq!(
            import::parse_resolution(&import::resolution_value(Some(&r))),
            Some(r)
        );
    }
    assert_eq!(import::resolution_value(None), "");
    assert_eq!(import::parse_resolution(""), None);
    assert_eq!(import::parse_resolution("to:"), None);
}

#[test]
fn an_unclear_name_comes_first_with_its_likely_matches_and_holds_up_the_import() {
    let state = kent();
    let s = state.scenario();
    let book = read("kent-matrix.csv", MATRIX_CSV);
    let p = preview(&book, s, &Choices::default());
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert!(p.ticks);
    assert!(import::has_matrix(&p));
    assert!(!import::has_list(&p));
    assert_eq!(
        p.matched_words(NameKind::Theme),
        "1 theme matched by another name, 1 unclear"
    );

    let (attention, matched) = import::names_by_attention(&p, NameKind::Theme);
    assert_eq!(attention.len(), 1);
    assert_eq!(matched.len(), 1);
    let (i, unclear) = attention[0];
    assert_eq!(unclear.text, "Serious Violence");
    assert!(matches!(unclear.found, Found::Unclear(_)));
    assert_eq!(import::places_words(unclear), "A3");
    let found = import::found_words(unclear, s);
    assert!(
        found.starts_with("Unclear: could be ")
            && found.contains("Violent Crime")
            && found.contains("Serious & Organised Crime"),
        "{found}"
    );

    // The select offers the likely themes first, then every other theme once.
    let options = import::name_options(unclear, s);
    let likely: Vec<&str> = options.likely.iter().map(|(v, _)| v.as_str()).collect();
    assert!(likely.contains(&"to:violent-crime"), "{likely:?}");
    assert_eq!(options.likely.len() + options.others.len(), s.themes.len());
    assert!(options
        .others
        .iter()
        .all(|(v, _)| !likely.contains(&v.as_str())));
    assert_eq!(options.add.1, "Add as a new theme");

    // Import waits for the answer, and says so with a link to the select.
    assert!(p.edit.is_none());
    let blockers = import::blockers(&p);
    assert_eq!(blockers.len(), 1, "{blockers:?}");
    assert_eq!(blockers[0].field, import::name_control(NameKind::Theme, i));
    assert_eq!(
        blockers[0].message,
        "Choose which theme “Serious Violence” is"
    );

    // Answered: nothing stands in the way, and the changes are listed.
    let choices = Choice::Name {
        kind: NameKind::Theme,
        key: unclear.key.clone(),
        resolution: Some(Resolution::To("violent-crime".into())),
    }
    .apply(Choice::Tick(Level::Subsidiary).apply(Choices::default()));
    let p = preview(&book, s, &choices);
    assert!(import::blockers(&p).is_empty());
    assert!(p.edit.is_some());
    let (shown, more) = import::changes_shown(&p);
    assert_eq!(more, 0);
    assert!(!shown.is_empty());
}

#[test]
fn the_import_is_one_step_that_one_undo_takes_back() {
    let state = kent();
    let before = state.scenario().clone();
    let book = read("kent-matrix.csv", MATRIX_CSV);
    let choices = Choice::Name {
        kind: NameKind::Theme,
        key: "serious violence".into(),
        resolution: Some(Resolution::To("violent-crime".into())),
    }
    .apply(Choices::default());
    let p = preview(&book, &before, &choices);
    let edit = p.edit.clone().expect("an edit");
    let Edit::Batch { ref summary, .. } = edit else {
        panic!("a batch: {edit:?}")
    };
    let summary = summary.clone();

    let state = state.apply(Action::edit(edit));
    assert_eq!(state.session.status, summary);
    assert_eq!(
        state.scenario().level("dover", "violent-crime"),
        Some(Level::Main)
    );
    assert_ne!(**state.scenario(), *before);

    let state = state.apply(Action::Undo);
    assert_eq!(**state.scenario(), *before);
    assert_eq!(state.session.status, format!("Undone: {summary}"));
    let state = state.apply(Action::Undo);
    assert_eq!(state.session.status, "There is nothing to undo.");
}

#[test]
fn a_bad_cell_is_a_problem_at_its_place_and_nothing_can_be_imported() {
    let state = kent();
    let s = state.scenario();
    let book = read(
        "bad.csv",
        "Theme,Ashford,Dover\nGangs,maybe,Main\nPrevent,Main,\n",
    );
    // A matrix with a bad cell is still a matrix, and the problem is at its cell.
    let p = preview(&book, s, &Choices::default());
    assert_eq!(p.sheets[0].part, Some(Part::Matrix));
    assert!(p.edit.is_none());
    let said: Vec<String> = p.problems.iter().map(|x| x.to_string()).collect();
    assert!(said.iter().any(|x| x.starts_with("B2: ")), "{said:?}");
    let blockers = import::blockers(&p);
    assert_eq!(blockers.len(), 1, "{blockers:?}");
    assert_eq!(blockers[0].field, import::PROBLEMS);

    // Leaving the sheet out leaves nothing to import, which Import also says.
    let choices = Choice::Part {
        sheet: book.sheets[0].name.clone(),
        part: None,
    }
    .apply(Choices::default());
    let p = preview(&book, s, &choices);
    assert!(p.edit.is_none());
    assert!(!import::blockers(&p).is_empty());
}

#[test]
fn horizons_own_workbook_reads_back_as_a_whole_with_no_changes() {
    let state = kent();
    let s = state.scenario();
    let bytes = horizon_io::export::scenario_xlsx(s).expect("written");
    let book = horizon_io::read("horizon-kent.xlsx", &bytes).expect("read back");
    let p = preview(&book, s, &Choices::default());
    assert!(p.whole);
    assert!(p.problems.is_empty(), "{:?}", p.problems);
    assert!(p.changes.is_empty(), "{:?}", p.changes);
    assert!(!import::has_matrix(&p) && !import::has_list(&p));
    assert!(import::blockers(&p).is_empty());
}

#[test]
fn the_tick_question_uses_the_models_words() {
    assert_eq!(import::tick_words(Level::Main), "Named main priority");
    assert_eq!(
        import::tick_words(Level::Issue),
        "Issue within a broader theme"
    );
}
