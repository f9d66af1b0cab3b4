//! The stakeholder event as the page runs it, pure so it is tested on the host:
//! which event is the current one, the reveal (the suggestions before, the
//! scenario with the round's votes taken in, evaluated again, and the one edit that
//! records both), and the words the facilitator's panels show.

use horizon_engine::{evaluate, standings, Evaluation, Limits, RuleSource, Settings};
use horizon_model::{Edit, Event, EventEdit, Refusal, Round, Scenario};
use horizon_project::{Change, History};

/// The event the Event view and the presentation work on: the latest added.
pub fn current(s: &Scenario) -> Option<&Event> {
    s.events.last()
}

/// The edit that reveals `round`: `before` is the evaluation of `s` as it stands; the
/// suggestions after are worked out here, from `s` with the round's votes taken in.
/// Refused (nothing changes) if the model refuses the reveal.
pub fn reveal(
    s: &Scenario,
    before: &Evaluation,
    pack: &[RuleSource],
    settings: &Settings,
    event: &str,
    round: &str,
) -> Result<Edit, Refusal> {
    let before = standings(before, s);
    let edit = |after| {
        Edit::Event(EventEdit::Reveal {
            event: event.to_string(),
            round: round.to_string(),
            before: before.clone(),
            after,
        })
    };
    let (next, _) = s.with(&edit(Vec::new()))?;
    let after = standings(&evaluate(&next, pack, settings, &Limits::default()), &next);
    Ok(edit(after))
}

/// What a round has taken so far, for its panel (the model's words).
pub fn entries_words(r: &Round) -> String {
    r.entries_words()
}

/// A round's state in a word or two for the list of rounds.
pub fn status_words(r: &Round) -> String {
    if r.revealed {
        format!("Revealed · {}", entries_words(r))
    } else {
        format!("Open · {}", entries_words(r))
    }
}

/// The round the last step of the history entered into (a tally, a ballot or a
/// rating), and what the step said: what "Undo the last entry" takes back. `None`
/// when the last step was something else.
pub fn last_entry(h: &History) -> Option<(&str, &str)> {
    let step = h.steps.get(h.cursor.checked_sub(1)?)?;
    match &step.change {
        Change::Scenario(Edit::Event(
            EventEdit::Tally { round, .. }
            | EventEdit::Ballot { round, .. }
            | EventEdit::Rate { round, .. },
        )) => Some((round.as_str(), step.said.as_str())),
        _ => None,
    }
}
