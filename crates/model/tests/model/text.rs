//! User text at the edges: a file's bytes read strictly (a byte-order mark dropped,
//! anything not UTF-8 located, never replaced), hidden characters in names refused
//! with words a form can show, and every one-line message kept on one line.

use horizon_model::{
    example, for_terminal, one_line, utf8_text, Edit, Item, LoadError, ProblemKind, Scenario,
    TextError,
};

fn kent_json() -> String {
    example("kent-2016").unwrap().scenario().to_json()
}

#[test]
fn bytes_that_are_not_utf8_are_located_by_byte_and_line_never_replaced() {
    // "café" in Windows-1252 on line 3: bytes 1-6 are "a\nbb\nc", then "af", then E9.
    let bytes = b"a\nbb\ncaf\xE9\n";
    let e = utf8_text(bytes).unwrap_err();
    assert_eq!(e, TextError::NotUtf8 { byte: 9, line: 3 });
    assert_eq!(
        e.to_string(),
        "not UTF-8 text at byte 9 (line 3); save the file as UTF-8"
    );
    // Large offsets are written as people write them.
    let mut big = vec![b'x'; 1233];
    big.push(0xFF);
    assert!(utf8_text(&big)
        .unwrap_err()
        .to_string()
        .starts_with("not UTF-8 text at byte 1,234 (line 1)"));
}

#[test]
fn a_byte_order_mark_is_dropped_and_counted_in_the_byte_position() {
    assert_eq!(utf8_text(b"\xEF\xBB\xBF{}").unwrap(), "{}");
    // The byte counts from the start of the file as an editor shows it, mark included.
    assert_eq!(
        utf8_text(b"\xEF\xBB\xBFab\xFF").unwrap_err(),
        TextError::NotUtf8 { byte: 6, line: 1 }
    );
    // A scenario file with a mark opens as one without.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(kent_json().as_bytes());
    let s = Scenario::from_bytes(&bytes).expect("the mark is dropped");
    assert_eq!(s, example("kent-2016").unwrap().scenario());
}

#[test]
fn a_scenario_that_is_not_utf8_or_is_empty_says_so_never_column_0() {
    let mut bytes = kent_json().into_bytes();
    let at = bytes.iter().position(|b| *b == b'K').unwrap();
    bytes[at] = 0xC0;
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    match Scenario::from_bytes(&bytes) {
        Err(LoadError::Text(TextError::NotUtf8 { byte, line: l })) => {
            assert_eq!((byte, l), (at + 1, line));
        }
        other => panic!("expected not UTF-8, got {other:?}"),
    }
    for empty in ["", "  \n\n", "\u{feff}"] {
        let e = Scenario::from_json(empty).unwrap_err();
        assert!(
            matches!(e, LoadError::Text(TextError::Empty)),
            "{empty:?}: {e}"
        );
        assert_eq!(e.to_string(), "the file is empty");
    }
    // An end of file just after a line break is at column 1, not 0.
    match Scenario::from_json("{\n") {
        Err(LoadError::Json { line, column, .. }) => assert_eq!((line, column), (2, 1)),
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn hidden_characters_are_written_out_and_letters_of_any_script_are_not() {
    assert_eq!(one_line("a\nb\tc\r"), "a\\nb\\tc\\r");
    assert_eq!(one_line("\u{1b}[31mred"), "\\u{1b}[31mred");
    assert_eq!(one_line("Anti\u{202E}social"), "Anti\\u{202e}social");
    assert_eq!(
        one_line("x\u{9b}y\u{2066}z\u{200F}\u{61C}"),
        "x\\u{9b}y\\u{2066}z\\u{200f}\\u{61c}"
    );
    for fine in [
        "Café Ynys Môn ŵ",
        "Tŷ’r Cyngor",
        "مركز الشرطة",
        "Straße – “quoted”",
    ] {
        assert_eq!(one_line(fine), fine);
    }
    // A terminal keeps the line breaks of a report and nothing else hidden.
    assert_eq!(
        for_terminal("one\ntwo\u{1b}]0;x\u{7}"),
        "one\ntwo\\u{1b}]0;x\\u{7}"
    );
}

#[test]
fn a_form_is_refused_a_theme_name_with_a_right_to_left_override_in_plain_words() {
    let mut s = example("kent-2016").unwrap().scenario();
    let before = s.clone();
    let mut theme = s.themes[0].clone();
    theme.name = "Anti\u{202E}social".into();
    let r = s
        .apply(&Edit::Update {
            id: theme.id.clone(),
            item: Item::Theme(theme),
        })
        .unwrap_err();
    assert_eq!(s, before);
    assert_eq!(r.kind, ProblemKind::HiddenCharacter);
    assert_eq!(r.field(), "name");
    assert_eq!(
        r.sentence(),
        "The theme's name “Anti\\u{202e}social” contains a hidden right-to-left override character (U+202E); remove it."
    );
}

#[test]
fn every_hidden_character_in_a_name_is_counted_and_a_detail_may_have_line_breaks() {
    let mut s = example("kent-2016").unwrap().scenario();
    let mut d = s.districts[0].clone();
    d.name = "Dover\n\u{1b}[2J".into();
    let r = s
        .apply(&Edit::Update {
            id: d.id.clone(),
            item: Item::District(d),
        })
        .unwrap_err();
    assert_eq!(
        r.message,
        "the district's name “Dover\\n\\u{1b}[2J” contains a line break (U+000A) and 1 more hidden character; remove them"
    );
    // Longer text keeps its paragraphs.
    let mut h = s.horizon[0].clone();
    h.detail = "First paragraph.\n\nSecond paragraph.".into();
    s.apply(&Edit::Update {
        id: h.id.clone(),
        item: Item::HorizonItem(h),
    })
    .expect("a detail may have line breaks");
}

#[test]
fn user_text_quoted_in_any_problem_stays_on_one_line() {
    let mut v: serde_json::Value = serde_json::from_str(&kent_json()).unwrap();
    v["matrix"][0]["theme"] = "no\nsuch\u{1b}theme".into();
    match Scenario::from_json(&v.to_string()) {
        Err(LoadError::Invalid(problems)) => {
            for p in &problems {
                let line = p.to_string();
                assert!(!line.contains('\n') && !line.contains('\u{1b}'), "{line}");
            }
            assert!(problems
                .iter()
                .any(|p| p.message == "no theme with id \"no\\nsuch\\u{1b}theme\""));
        }
        other => panic!("expected problems, got {other:?}"),
    }
}

#[test]
fn a_json_error_quoting_the_files_text_stays_on_one_line() {
    let mut v: serde_json::Value = serde_json::from_str(&kent_json()).unwrap();
    v["meta"]["tit\nle\u{1b}"] = "x".into();
    match Scenario::from_json(&v.to_string()) {
        Err(LoadError::Json { message, .. }) => {
            assert!(
                message.starts_with("unknown field `tit\\nle\\u{1b}`"),
                "{message}"
            );
        }
        other => panic!("expected a JSON error, got {other:?}"),
    }
}

#[test]
fn json_for_a_terminal_is_the_same_json_with_hidden_characters_escaped() {
    let value =
        serde_json::json!({ "rationale": "CSI \u{9b}31m, override \u{202E}, é, ESC \u{1b}" });
    let json = serde_json::to_string_pretty(&value).unwrap();
    let shown = horizon_model::json_for_terminal(&json);
    assert!(
        !shown
            .chars()
            .any(|c| c != '\n' && horizon_model::is_hidden(c)),
        "{shown}"
    );
    assert!(shown.contains("\\u009b") && shown.contains("\\u202e") && shown.contains('é'));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&shown).unwrap(),
        value
    );
}

#[test]
fn an_event_name_or_vote_option_with_a_hidden_character_is_refused_too() {
    let mut s = example("kent-2016").unwrap().scenario();
    let mut event = horizon_model::Event::named("Partners' day\u{202E}");
    event.id = "partners-day".into();
    s.events.push(event);
    let problems = horizon_model::validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kind, ProblemKind::HiddenCharacter);
    assert_eq!(
        problems[0].to_string(),
        format!(
            "events[{}].name: the event's name “Partners' day\\u{{202e}}” contains a hidden right-to-left override character (U+202E); remove it",
            s.events.len() - 1
        )
    );
}
