//! The one-line fields (names and titles) hold no hidden characters: no line break,
//! tab or other control character, and no bidirectional control, which would show
//! a theme's name backwards or hide part of it (see [`crate::text`]). Longer text
//! (a horizon item's detail, a description) may hold line breaks.

use crate::text::{hidden_words, is_hidden, one_line};
use crate::validate::{Problem, ProblemKind};

/// The problem with the one-line field at `path`, called `label` ("the theme's
/// name"), holding `value`, if it holds a hidden character: "the theme's name
/// “Anti\u{202e}social” contains a hidden right-to-left override character
/// (U+202E); remove it". Worded for a form (beside the field, as a sentence) and for
/// a file (after its path) alike.
pub(crate) fn hidden_character(path: String, label: &str, value: &str) -> Option<Problem> {
    let mut hidden = value.chars().filter(|c| is_hidden(*c));
    let first = hidden.next()?;
    let more = hidden.count();
    let others = match more {
        0 => String::new(),
        1 => " and 1 more hidden character".to_string(),
        n => format!(" and {n} more hidden characters"),
    };
    Some(Problem {
        path,
        kind: ProblemKind::HiddenCharacter,
        message: format!(
            "{label} “{}” contains {}{others}; remove {}",
            one_line(value.trim()),
            hidden_words(first),
            if more == 0 { "it" } else { "them" }
        ),
    })
}

/// A field `field` of `what` at `item`, at most `max` characters long: if it is a
/// name or a title (`max` at most [`TITLE`](crate::limits::TITLE)), its hidden
/// characters are a problem.
pub(crate) fn name_or_title(
    problems: &mut Vec<Problem>,
    item: &str,
    field: &str,
    value: &str,
    what: &str,
    max: usize,
) {
    if max <= crate::limits::TITLE {
        let (path, label) = (format!("{item}.{field}"), format!("the {what}'s {field}"));
        problems.extend(hidden_character(path, &label, value));
    }
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
