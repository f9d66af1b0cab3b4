//! The one-line fields (names and titles) hold no hidden characters: no line break,
//! tab or other control character, and no bidirectional control, which would show
//! a theme's name backwards or hide part of it (see [`crate::text`]). Longer text
//! (a horizon item's detail, a description) may hold line breaks.

use crate::text::{hidden_words, is_hidden, one_line};
use crate::validate::{Problem, ProblemKind};

/// The problem with a one-line field `field` of `what` at `item` holding `value`,
/// if it holds a hidden character: "the theme's name “Anti\u{202e}social” contains
/// a hidden right-to-left override character (U+202E); remove it". Worded for a
/// form (beside the field, as a sentence) and for a file (after its path) alike.
pub(crate) fn hidden_character(
    item: &str,
    field: &str,
    value: &str,
    what: &str,
) -> Option<Problem> {
    let mut hidden = value.chars().filter(|c| is_hidden(*c));
    let first = hidden.next()?;
    let more = hidden.count();
    let others = match more {
        0 => String::new(),
        1 => " and 1 more hidden character".to_string(),
        n => format!(" and {n} more hidden characters"),
    };
    Some(Problem {
        path: format!("{item}.{field}"),
        kind: ProblemKind::HiddenCharacter,
        message: format!(
            "the {what}'s {field} “{}” contains {}{others}; remove {}",
            one_line(value.trim()),
            hidden_words(first),
            if more == 0 { "it" } else { "them" }
        ),
    })
}

/// Every problem's path and message on one line: user text quoted in them (an id,
/// a name) has its hidden characters written out.
pub(crate) fn on_one_line(problems: &mut [Problem]) {
    for p in problems {
        if let std::borrow::Cow::Owned(path) = one_line(&p.path) {
            p.path = path;
        }
        if let std::borrow::Cow::Owned(message) = one_line(&p.message) {
            p.message = message;
        }
    }
}
