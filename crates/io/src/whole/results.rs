//! The Event results sheet (the suggestions before and after each round's results,
//! in place order) and each event's Screens cell, read once the rounds are in.

use horizon_model::{limits, name_key, Event, Scenario, ScreenChoice, Standing};

use super::events::{event_of, table, Places};
use super::Reader;
use crate::grid::{At, Cell, Problem};
use crate::layout::{Field, Part};
use crate::matching::loose_key;
use crate::tables::RowReader;
use crate::words;

/// The round a row of the Event results sheet names: by Round ID when given, else by
/// its question.
fn round_of(x: &mut RowReader, event: &Event) -> Option<usize> {
    let problem = |x: &mut RowReader, field: Field, message: String| {
        let at = x.at(field);
        x.problems.push(Problem::at(at, message));
    };
    if let Some(id) = x.optional(Field::Round, limits::NAME) {
        let found = event.rounds.iter().position(|o| o.id == id);
        if found.is_none() {
            let header = x.table.header(Field::Round);
            problem(x, Field::Round, format!(
                "the event “{}” has no vote round with “{id}” in its {header} column on the Vote rounds sheet; correct it, or leave it blank and give the question",
                event.name
            ));
        }
        return found;
    }
    let question = x.required(Field::Question, limits::TITLE)?;
    let key = loose_key(&question);
    let hits: Vec<usize> = (0..event.rounds.len())
        .filter(|&k| loose_key(&event.rounds[k].question) == key)
        .collect();
    match hits.as_slice() {
        [one] => Some(*one),
        [] => {
            problem(x, Field::Question, format!(
                "the event “{}” has no vote round asking “{question}” on the Vote rounds sheet; correct the question",
                event.name
            ));
            None
        }
        _ => {
            let header = x.table.header(Field::Round);
            problem(x, Field::Question, format!(
                "more than one round of the event “{}” asks “{question}”; give this row the round's ID in the {header} column",
                event.name
            ));
            None
        }
    }
}

/// A score from 0 to 100, from a number or its text.
fn score(x: &mut RowReader) -> Option<f64> {
    let cell = x.table.cell(x.row, Field::Score).clone();
    let value = match &cell {
        Cell::Number(n) => Some(*n),
        c => c.text().trim().parse::<f64>().ok(),
    };
    match value {
        Some(v) if v.is_finite() && (0.0..=100.0).contains(&v) => Some(v),
        _ => {
            let header = x.table.header(Field::Score);
            let at = x.at(Field::Score);
            x.problems.push(Problem::at(
                at,
                format!("{header} “{}” is not a number from 0 to 100", cell.text()),
            ));
            None
        }
    }
}

pub(super) fn results_sheet(r: &mut Reader, s: &mut Scenario, places: &mut Places) {
    let Some(table) = table(r, Part::Results) else {
        return;
    };
    // (event, round, after, place, standing, where), in the sheet's order.
    let mut read: Vec<(usize, usize, bool, u32, Standing, At)> = Vec::new();
    for row in table.rows() {
        let before = r.problems.len();
        let mut x = table.row(row, &mut r.problems);
        let event = event_of(&mut x, &s.events);
        let round = event.and_then(|e| round_of(&mut x, &s.events[e]));
        let after = x.choice(Field::When, words::after, "Before or After", None);
        let place = x.whole(Field::Place, 1, u32::MAX, false);
        let headline = x.required(Field::Suggestion, limits::TEXT);
        let score = score(&mut x);
        let suggestion = x.text(Field::SuggestionId, limits::TEXT);
        if r.problems.len() != before {
            continue;
        }
        let (Some(e), Some(k), Some(after), Some(headline), Some(score)) =
            (event, round, after, headline, score)
        else {
            continue;
        };
        let standing = Standing {
            suggestion,
            headline,
            score,
        };
        read.push((
            e,
            k,
            after,
            place.unwrap_or(u32::MAX),
            standing,
            table.row_at(row),
        ));
    }
    horizon_model::sort::sort_by_key(&mut read, |x| (x.0, x.1, x.2, x.3));
    for (e, k, after, _, standing, at) in read {
        let round = &mut s.events[e].rounds[k];
        let list = if after {
            &mut round.after
        } else {
            &mut round.before
        };
        let which = if after { "after" } else { "before" };
        places.push((
            format!("events[{e}].rounds[{k}].{which}[{}]", list.len()),
            at,
        ));
        list.push(standing);
    }
}

/// An event's Screens cell: blank for every screen in the usual order, "None" for
/// none, otherwise each screen named.
pub(super) fn read_screens(
    r: &mut Reader,
    text: &str,
    at: &At,
    event: &Event,
) -> Option<Vec<ScreenChoice>> {
    if text.trim().is_empty() {
        return None;
    }
    let key = name_key(&text.replace(['(', ')'], " "));
    if key == name_key(words::NO_SCREENS) || key == "no screens" {
        return Some(Vec::new());
    }
    let mut out = Vec::new();
    for one in words::list(text) {
        match words::screen(&one, event) {
            Some(c) => out.push(c),
            None => {
                let standard: Vec<String> = ScreenChoice::STANDARD
                    .iter()
                    .map(|c| c.label(event))
                    .collect();
                let standard: Vec<&str> = standard.iter().map(String::as_str).collect();
                r.problems.push(Problem::at(at.clone(), format!(
                    "“{one}” is not a screen of the event's presentation; write {}, or “{} ” and the question of one of the event's vote rounds",
                    crate::workbook::or_list(&standard),
                    words::RESULTS_PREFIX
                )));
            }
        }
    }
    Some(out)
}
