//! Presentation mode's screens and keys, on the host.

use horizon_engine::{evaluate, shipped_pack, Limits, Settings};
use horizon_web::present::{key, screens, step, Key, Screen, MATRIX_ROWS};

#[test]
fn kent_is_presented_title_matrix_suggestions_then_the_proposed_plan() {
    let s = horizon_model::example("kent-2016").unwrap().scenario();
    let e = evaluate(&s, &shipped_pack(), &Settings::default(), &Limits::default());
    let all = screens(&s, &e);
    assert_eq!(all[0], Screen::Title);
    assert_eq!(*all.last().unwrap(), Screen::Proposed);
    let matrix: Vec<&Vec<String>> = all
        .iter()
        .filter_map(|x| match x {
            Screen::Matrix { themes, .. } => Some(themes),
            _ => None,
        })
        .collect();
    let named = s.themes.iter().filter(|t| s.district_count(&t.id) > 0).count();
    assert_eq!(matrix.len(), named.div_ceil(MATRIX_ROWS));
    assert_eq!(matrix.iter().map(|m| m.len()).sum::<usize>(), named, "every named theme, once");
    assert!(matrix.iter().all(|m| m.len() <= MATRIX_ROWS));
    assert_eq!(matrix[0][0], "domestic-abuse", "most-named first");
    let sugs = all.iter().filter(|x| matches!(x, Screen::Suggestion(_))).count();
    assert_eq!(sugs, e.suggestions.len());
    assert_eq!(all[1].label(&e), format!("Priority matrix, 1 of {}", matrix.len()));
    assert_eq!(all[1 + matrix.len()].label(&e), format!("Suggestion 1 of {sugs}"));
}

#[test]
fn presenter_keys_move_within_the_screens() {
    assert_eq!(key("PageDown"), Some(Key::Next));
    assert_eq!(key(" "), Some(Key::Next));
    assert_eq!(key("PageUp"), Some(Key::Previous));
    assert_eq!(key("."), Some(Key::Blank));
    assert_eq!(key("B"), Some(Key::Blank));
    assert_eq!(key("Escape"), Some(Key::Leave));
    assert_eq!(key("x"), None);
    assert_eq!(step(0, 5, Key::Previous), 0, "no wrap at the start");
    assert_eq!(step(4, 5, Key::Next), 4, "no wrap at the end");
    assert_eq!(step(2, 5, Key::Last), 4);
    assert_eq!(step(2, 5, Key::First), 0);
    assert_eq!(step(3, 5, Key::Blank), 3);
    assert_eq!(step(0, 0, Key::Next), 0, "nothing to show is not a panic");
}
