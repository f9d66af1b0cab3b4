//! The stakeholder events' sheets: Events (one row per event), Vote rounds (one row
//! per option of a tally or ballots round, four rows, one per grade, for a rating
//! round) and Event results (one row per suggestion before and after a round's
//! results). Only totals are written for ballots: the model keeps nothing else.
//!
//! Each round's details are repeated on each of its rows, so that a person can sort
//! and filter the sheet; the reader checks that they agree.

use horizon_model::{Event, Round, RoundOption, Scenario, Standing, Way};

use super::{header, number, text};
use crate::grid::Cell;
use crate::layout::{Field, Part};
use crate::words::{after_word, screens_text, subject_word, way_word, yes_no_word};

/// One row: the value of each field it has.
type Record = Vec<(Field, Cell)>;

pub(super) fn rows(s: &Scenario, part: Part) -> Vec<Vec<Cell>> {
    let columns = part.columns();
    let records: Vec<Record> = match part {
        Part::Events => s.events.iter().map(event).collect(),
        Part::Rounds => s
            .events
            .iter()
            .flat_map(|e| e.rounds.iter().flat_map(move |r| round(s, e, r)))
            .collect(),
        Part::Results => s
            .events
            .iter()
            .flat_map(|e| e.rounds.iter().flat_map(move |r| results(e, r)))
            .collect(),
        _ => Vec::new(),
    };
    let mut rows = vec![header(columns.iter().map(|c| c.header))];
    rows.extend(records.into_iter().map(|record| {
        columns
            .iter()
            .map(|c| {
                record
                    .iter()
                    .find(|(f, _)| *f == c.field)
                    .map(|(_, cell)| cell.clone())
                    .unwrap_or_default()
            })
            .collect()
    }));
    rows
}

fn event(e: &Event) -> Record {
    vec![
        (Field::Id, text(&e.id)),
        (Field::Name, text(&e.name)),
        (Field::Date, text(&e.date)),
        (Field::Venue, text(&e.venue)),
        (
            Field::Participants,
            e.participants.map(number).unwrap_or_default(),
        ),
        (Field::Screens, text(&screens_text(&e.screens, e))),
    ]
}

/// The columns every row of a round repeats.
fn round_details(e: &Event, r: &Round) -> Record {
    vec![
        (Field::Event, text(&e.name)),
        (Field::EventId, text(&e.id)),
        (Field::Round, text(&r.id)),
        (Field::Question, text(&r.question)),
    ]
}

fn round(s: &Scenario, e: &Event, r: &Round) -> Vec<Record> {
    let mut details = round_details(e, r);
    details.extend([
        (Field::Way, text(way_word(r.way))),
        (Field::Most, r.most.map(number).unwrap_or_default()),
        (
            Field::Ballots,
            if r.way == Way::Ballots || r.ballots > 0 {
                number(r.ballots)
            } else {
                Cell::Empty
            },
        ),
        (Field::Revealed, text(yes_no_word(r.revealed))),
    ]);
    let option = |o: &RoundOption, votes: bool| {
        let now = s.option_name(o);
        let mut rec = details.clone();
        rec.extend([
            (Field::Option, text(&o.name)),
            (Field::Kind, text(subject_word(&o.subject))),
            (Field::OptionId, text(subject_id(o))),
            (
                Field::Now,
                if now == o.name {
                    Cell::Empty
                } else {
                    text(&now)
                },
            ),
        ]);
        if votes || o.votes > 0 {
            rec.push((Field::Votes, number(o.votes)));
        }
        rec
    };
    match (r.way, &r.item) {
        (Way::Rating, Some(item)) => (0..4)
            .map(|g| {
                let mut rec = option(item, false);
                rec.extend([
                    (Field::Grade, number(g as u32 + 1)),
                    (Field::LikelihoodRatings, number(r.likelihood[g])),
                    (Field::ImpactRatings, number(r.impact[g])),
                ]);
                rec
            })
            .collect(),
        _ => r.options.iter().map(|o| option(o, true)).collect(),
    }
}

/// The theme's or horizon item's id.
fn subject_id(o: &RoundOption) -> &str {
    match &o.subject {
        horizon_model::Subject::Theme(id) | horizon_model::Subject::Item(id) => id,
    }
}

fn results(e: &Event, r: &Round) -> Vec<Record> {
    let list = |after: bool, standings: &[Standing]| -> Vec<Record> {
        standings
            .iter()
            .enumerate()
            .map(|(k, st)| {
                let mut rec = round_details(e, r);
                rec.extend([
                    (Field::When, text(after_word(after))),
                    (Field::Place, number(k as u32 + 1)),
                    (Field::Suggestion, text(&st.headline)),
                    (Field::Score, Cell::Number(st.score)),
                    (Field::SuggestionId, text(&st.suggestion)),
                ]);
                rec
            })
            .collect()
    };
    let mut out = list(false, &r.before);
    out.extend(list(true, &r.after));
    out
}
