//! What a file's event record may not hold: every problem with its JSON path.
//! Options need not be in the scenario still; votes must add up; a screen must
//! name a round the event has.

use std::collections::HashSet;

use super::{ScreenChoice, Way};
use crate::limits::{NAME, TITLE};
use crate::scenario::Scenario;
use crate::validate::{Problem, ProblemKind};

/// Every problem with the scenario's events, each with its JSON path. Options need
/// not be in the scenario still: the record keeps what the room voted on.
pub(crate) fn problems(s: &Scenario) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |path: String, kind: ProblemKind, message: String| {
        out.push(Problem {
            path,
            kind,
            message,
        })
    };
    let text = |push: &mut dyn FnMut(String, ProblemKind, String),
                path: String,
                value: &str,
                what: &str,
                max: usize,
                required: bool| {
        let n = value.chars().count();
        let label = format!("the {what}");
        if let Some(p) = crate::validate_text::hidden_character(path.clone(), &label, value) {
            push(p.path, p.kind, p.message);
        }
        if required && value.trim().is_empty() {
            push(path, ProblemKind::Empty, format!("the {what} is blank"));
        } else if n > max {
            push(
                path,
                ProblemKind::TooLong,
                format!("the {what} must be {max} characters or fewer, not {n}"),
            );
        }
    };
    let mut ids = HashSet::new();
    for (i, e) in s.events.iter().enumerate() {
        let at = format!("events[{i}]");
        if e.id.trim().is_empty() {
            push(format!("{at}.id"), ProblemKind::Empty, "the event has no id".into());
        } else if !ids.insert(e.id.as_str()) {
            push(
                format!("{at}.id"),
                ProblemKind::DuplicateId,
                format!("another event already has the id \"{}\"", e.id),
            );
        }
        text(&mut push, format!("{at}.name"), &e.name, "event's name", NAME, true);
        text(&mut push, format!("{at}.date"), &e.date, "event's date", NAME, false);
        text(&mut push, format!("{at}.venue"), &e.venue, "event's venue", TITLE, false);
        let mut rounds = HashSet::new();
        for (j, r) in e.rounds.iter().enumerate() {
            let at = format!("{at}.rounds[{j}]");
            if r.id.trim().is_empty() {
                push(format!("{at}.id"), ProblemKind::Empty, "the vote round has no id".into());
            } else if !rounds.insert(r.id.as_str()) {
                push(
                    format!("{at}.id"),
                    ProblemKind::DuplicateId,
                    format!("another vote round of this event has the id \"{}\"", r.id),
                );
            }
            text(&mut push, format!("{at}.question"), &r.question, "question", TITLE, true);
            let mut subjects = HashSet::new();
            for (k, o) in r.options.iter().enumerate() {
                text(&mut push, format!("{at}.options[{k}].name"), &o.name, "option's name", TITLE, true);
                if !subjects.insert(&o.subject) {
                    push(
                        format!("{at}.options[{k}]"),
                        ProblemKind::DuplicateName,
                        format!("“{}” is an option of this round twice", o.name),
                    );
                }
            }
            match r.way {
                Way::Tally | Way::Ballots => {
                    if r.options.is_empty() {
                        push(
                            format!("{at}.options"),
                            ProblemKind::Empty,
                            "the round has nothing to vote on: choose at least one theme or horizon item".into(),
                        );
                    }
                    if r.item.is_some() {
                        push(
                            format!("{at}.item"),
                            ProblemKind::OutOfRange,
                            format!("only a rating round rates one horizon item; this is a {} round", r.way.label().to_lowercase()),
                        );
                    }
                }
                Way::Rating => {
                    if r.item.is_none() {
                        push(
                            format!("{at}.item"),
                            ProblemKind::Empty,
                            "a rating round needs the horizon item the room rates".into(),
                        );
                    }
                    if !r.options.is_empty() {
                        push(
                            format!("{at}.options"),
                            ProblemKind::OutOfRange,
                            "a rating round rates one horizon item and has no options".into(),
                        );
                    }
                }
            }
            if r.way == Way::Ballots {
                match r.most {
                    Some(n) if n >= 1 && (n as usize) <= r.options.len().max(1) => {
                        let most_any = r.options.iter().map(|o| o.votes).max().unwrap_or(0);
                        let total: u64 = r.options.iter().map(|o| u64::from(o.votes)).sum();
                        if most_any > r.ballots || total > u64::from(r.ballots) * u64::from(n) {
                            push(
                                format!("{at}.options"),
                                ProblemKind::OutOfRange,
                                format!(
                                    "the votes do not add up: {} cast, each choosing up to {n}, cannot give {total} votes{}",
                                    crate::count(r.ballots as usize, "ballot", "ballots"),
                                    if most_any > r.ballots { format!(" with {most_any} for one option") } else { String::new() }
                                ),
                            );
                        }
                    }
                    Some(n) => push(
                        format!("{at}.most"),
                        ProblemKind::OutOfRange,
                        format!(
                            "each person may choose from 1 to {} options (the round's options), not {n}",
                            r.options.len().max(1)
                        ),
                    ),
                    None => push(
                        format!("{at}.most"),
                        ProblemKind::Empty,
                        "a ballots round says how many options each person may choose".into(),
                    ),
                }
            } else if r.ballots > 0 {
                push(
                    format!("{at}.ballots"),
                    ProblemKind::OutOfRange,
                    format!("only a ballots round counts ballots; this is a {} round", r.way.label().to_lowercase()),
                );
            }
            for (k, st) in r.before.iter().chain(&r.after).enumerate() {
                if !(st.score.is_finite() && (0.0..=100.0).contains(&st.score)) {
                    let (list, k) = if k < r.before.len() { ("before", k) } else { ("after", k - r.before.len()) };
                    push(
                        format!("{at}.{list}[{k}].score"),
                        ProblemKind::OutOfRange,
                        "a score is from 0 to 100".into(),
                    );
                }
            }
        }
        if let Some(screens) = &e.screens {
            let mut seen = HashSet::new();
            for (k, sc) in screens.iter().enumerate() {
                if let ScreenChoice::Round(id) = sc {
                    if e.round(id).is_none() {
                        push(
                            format!("{at}.screens[{k}]"),
                            ProblemKind::UnknownReference,
                            format!("the event has no vote round with id \"{id}\""),
                        );
                    }
                }
                if !seen.insert(sc) {
                    push(
                        format!("{at}.screens[{k}]"),
                        ProblemKind::DuplicateName,
                        format!("the presentation shows “{}” twice", sc.label(e)),
                    );
                }
            }
        }
    }
    out
}
