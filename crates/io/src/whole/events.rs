//! The stakeholder events of a whole workbook: the Events sheet (one row per event),
//! Vote rounds (one row per option, or per grade of a rating round, the round's
//! details repeated on each) and Event results (the suggestions before and after).
//! Rows refer to their event and round by ID where the ID columns give one, else by
//! name and question; an option by its ID, else by name on the Themes or Horizon
//! scan sheet, so a theme removed since the event keeps its place in the record.
//! A workbook without these sheets holds no events.

use horizon_model::{limits, slug, unique_id, Event, Round, RoundOption, Scenario, Subject, Way};

use super::{id_for, Names, Reader};
use crate::grid::{At, Problem, Sheet};
use crate::layout::{Field, Part};
use crate::matching::loose_key;
use crate::tables::{Named, RowReader, Table};
use crate::words;

/// Where each event, round, option and standing was read from, by its JSON path, so
/// that a problem the model finds is put at its place in the workbook.
pub(super) type Places = Vec<(String, At)>;

/// The place of the longest of `places`' paths that `path` is within
/// (`events[0].rounds[1]` for `events[0].rounds[1].most`).
pub(super) fn place<'a>(places: &'a Places, path: &str) -> Option<&'a At> {
    places
        .iter()
        .filter(|(p, _)| {
            path.strip_prefix(p.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
        .max_by_key(|(p, _)| p.len())
        .map(|(_, at)| at)
}

/// Reads the events into `s.events`; every problem goes to `r`.
pub(super) fn read(r: &mut Reader, s: &mut Scenario, themes: &Names) -> Places {
    let mut places = Places::new();
    let Some(screens) = events_sheet(r, s, &mut places) else {
        return places;
    };
    rounds_sheet(r, s, themes, &mut places);
    super::results::results_sheet(r, s, &mut places);
    for (e, (text, at)) in screens.into_iter().enumerate() {
        let event = &s.events[e];
        let chosen = super::results::read_screens(r, &text, &at, event);
        s.events[e].screens = chosen;
    }
    places
}

pub(super) fn table<'a>(r: &mut Reader<'a>, part: Part) -> Option<Table<'a>> {
    let book = r.book;
    let sheet: &'a Sheet = book.sheets.iter().find(|x| x.name == part.sheet_name())?;
    match Table::find(sheet, book.kind, part) {
        Ok(t) => Some(t),
        Err(p) => {
            r.problems.push(p);
            None
        }
    }
}

/// The Events sheet's events, and each one's Screens cell to read once its rounds
/// are in. `None` when the sheet has no header row (its problem is said), so that
/// its rounds are not each a problem too.
fn events_sheet(
    r: &mut Reader,
    s: &mut Scenario,
    places: &mut Places,
) -> Option<Vec<(String, At)>> {
    let mut screens = Vec::new();
    let name = Part::Events.sheet_name();
    if !r.book.sheets.iter().any(|x| x.name == name) {
        // No events: rows of the other two sheets, if any, are each a problem.
        return Some(screens);
    }
    let table = table(r, Part::Events)?;
    for row in table.rows() {
        let before = r.problems.len();
        let mut x = table.row(row, &mut r.problems);
        let id = x.optional(Field::Id, limits::NAME);
        let name = x.required(Field::Name, limits::NAME);
        let date = x.text(Field::Date, limits::NAME);
        let venue = x.text(Field::Venue, limits::TITLE);
        let participants = x.whole(Field::Participants, 0, u32::MAX, false);
        let screens_at = x.at(Field::Screens);
        let shown = x.text(Field::Screens, limits::TEXT);
        let (Some(name), true) = (name, r.problems.len() == before) else {
            continue;
        };
        let taken: Vec<String> = s.events.iter().map(|e| e.id.clone()).collect();
        let at = format!("events[{}]", s.events.len());
        places.push((format!("{at}.screens"), screens_at.clone()));
        places.push((at, table.row_at(row)));
        screens.push((shown, screens_at));
        s.events.push(Event {
            id: id_for(&id, &name, "event", &taken),
            name,
            date,
            venue,
            participants,
            screens: None,
            rounds: Vec::new(),
        });
    }
    Some(screens)
}

/// The event a row names: by its Event ID when given, else by name.
pub(super) fn event_of(x: &mut RowReader, events: &[Event]) -> Option<usize> {
    let problem = |x: &mut RowReader, field: Field, message: String| {
        let at = x.at(field);
        x.problems.push(Problem::at(at, message));
    };
    if let Some(id) = x.optional(Field::EventId, limits::NAME) {
        let found = events.iter().position(|e| e.id == id);
        if found.is_none() {
            problem(
                x,
                Field::EventId,
                format!(
                    "no event on the Events sheet has the ID “{id}”; correct it, or leave it blank and name the event"
                ),
            );
        }
        return found;
    }
    let Some(name) = x.name_if_any(Field::Event) else {
        let header = x.table.header(Field::Event);
        problem(
            x,
            Field::Event,
            format!(
            "{header} is blank; name the event the row belongs to, as the Events sheet gives it"
        ),
        );
        return None;
    };
    let key = loose_key(&name.text);
    let hits: Vec<usize> = (0..events.len())
        .filter(|&i| loose_key(&events[i].name) == key)
        .collect();
    match hits.as_slice() {
        [one] => Some(*one),
        [] => {
            problem(
                x,
                Field::Event,
                format!(
                    "“{}” is not on the Events sheet; add it there or correct the name",
                    name.text
                ),
            );
            None
        }
        _ => {
            let header = x.table.header(Field::EventId);
            problem(x, Field::Event, format!(
                "more than one event on the Events sheet is called “{}”; give this row the event's ID in the {header} column",
                name.text
            ));
            None
        }
    }
}

/// One row of the Vote rounds sheet, read.
struct RoundRow {
    event: usize,
    id: Option<String>,
    question: String,
    way: Way,
    most: Option<u32>,
    ballots: u32,
    revealed: bool,
    option: Named,
    item: bool,
    option_id: Option<String>,
    votes: u32,
    grade: Option<u32>,
    likelihood: Option<u32>,
    impact: Option<u32>,
}

impl RoundRow {
    /// The round's details as this row gives them, in words, to compare with the
    /// round's other rows.
    fn details(&self) -> Vec<(Field, String)> {
        let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut out = vec![
            (Field::Question, self.question.clone()),
            (Field::Way, words::way_word(self.way).to_string()),
            (Field::Most, n(self.most)),
            (Field::Ballots, self.ballots.to_string()),
            (
                Field::Revealed,
                words::yes_no_word(self.revealed).to_string(),
            ),
        ];
        if self.way == Way::Rating {
            out.extend([
                (Field::Option, self.option.text.clone()),
                (
                    Field::Kind,
                    if self.item { "Horizon item" } else { "Theme" }.to_string(),
                ),
                (Field::OptionId, self.option_id.clone().unwrap_or_default()),
                (Field::Votes, self.votes.to_string()),
            ]);
        }
        out
    }
}

fn round_row(x: &mut RowReader, events: &[Event]) -> Option<RoundRow> {
    let event = event_of(x, events);
    let id = x.optional(Field::Round, limits::NAME);
    let question = x.required(Field::Question, limits::TITLE);
    let way = x.choice(Field::Way, words::way, "Tally, Ballots or Rating", None);
    let most = x.whole(Field::Most, 0, u32::MAX, false);
    let ballots = x.whole(Field::Ballots, 0, u32::MAX, false);
    let revealed = x.choice(Field::Revealed, words::yes_no, "yes or no", Some(false));
    let at = x.at(Field::Option);
    let option = x
        .required(Field::Option, limits::TITLE)
        .map(|text| Named { text, at });
    let item = x.choice(
        Field::Kind,
        words::is_item,
        "Theme or Horizon item",
        Some(false),
    );
    let option_id = x.optional(Field::OptionId, limits::NAME);
    let votes = x.whole(Field::Votes, 0, u32::MAX, false);
    let grade = x.whole(Field::Grade, 1, 4, false);
    let likelihood = x.whole(Field::LikelihoodRatings, 0, u32::MAX, false);
    let impact = x.whole(Field::ImpactRatings, 0, u32::MAX, false);
    Some(RoundRow {
        event: event?,
        id,
        question: question?,
        way: way?,
        most,
        ballots: ballots.unwrap_or(0),
        revealed: revealed?,
        option: option?,
        item: item?,
        option_id,
        votes: votes.unwrap_or(0),
        grade,
        likelihood,
        impact,
    })
}

/// A round being read: where it is, its first row's details and the grades given.
struct Open {
    event: usize,
    round: usize,
    first: usize,
    details: Vec<(Field, String)>,
    grades: [Option<At>; 4],
}

fn rounds_sheet(r: &mut Reader, s: &mut Scenario, themes: &Names, places: &mut Places) {
    let Some(table) = table(r, Part::Rounds) else {
        return;
    };
    let items: Names = s
        .horizon
        .iter()
        .map(|h| (h.id.clone(), h.title.clone(), Vec::new()))
        .collect();
    let mut open: Vec<Open> = Vec::new();
    for row in table.rows() {
        let before = r.problems.len();
        let read = round_row(&mut table.row(row, &mut r.problems), &s.events);
        let Some(x) = read else { continue };
        let id = match &x.option_id {
            Some(id) => Some(id.clone()),
            None if x.item => r.lookup(&items, &x.option, Part::Horizon),
            None => r.lookup(themes, &x.option, Part::Themes),
        };
        let (Some(id), true) = (id, r.problems.len() == before) else {
            continue;
        };
        let option = RoundOption {
            subject: if x.item {
                Subject::Item(id)
            } else {
                Subject::Theme(id)
            },
            name: x.option.text.clone(),
            votes: x.votes,
        };
        let event = &mut s.events[x.event];
        let found = event.rounds.iter().position(|o| match &x.id {
            Some(id) => o.id == *id,
            None => loose_key(&o.question) == loose_key(&x.question),
        });
        let k = match found
            .and_then(|k| open.iter().position(|o| o.event == x.event && o.round == k))
        {
            Some(k) => {
                let o = &open[k];
                let mut differs = Vec::new();
                for ((field, mine), (_, first)) in x.details().into_iter().zip(&o.details) {
                    let same_question =
                        field == Field::Question && loose_key(&mine) == loose_key(first);
                    if mine != *first && !same_question {
                        let header = table.header(field);
                        let shown = |t: &str| {
                            if t.is_empty() {
                                "blank".to_string()
                            } else {
                                format!("“{t}”")
                            }
                        };
                        differs.push(Problem::at(table.at(row, field), format!(
                            "{header} is {} here but {} at {}, another row of the same vote round; give every row of a round the same",
                            shown(&mine), shown(first), table.at(o.first, field)
                        )));
                    }
                }
                if !differs.is_empty() {
                    r.problems.extend(differs);
                    continue;
                }
                k
            }
            None => {
                let taken: Vec<String> = event.rounds.iter().map(|o| o.id.clone()).collect();
                let id = match &x.id {
                    Some(id) => id.clone(),
                    None => unique_id(&slug(&x.question, "round"), |c| {
                        taken.iter().any(|t| t == c)
                    }),
                };
                places.push((
                    format!("events[{}].rounds[{}]", x.event, event.rounds.len()),
                    table.row_at(row),
                ));
                event.rounds.push(Round {
                    id,
                    question: x.question.clone(),
                    way: x.way,
                    most: x.most,
                    options: Vec::new(),
                    ballots: x.ballots,
                    item: None,
                    likelihood: [0; 4],
                    impact: [0; 4],
                    revealed: x.revealed,
                    before: Vec::new(),
                    after: Vec::new(),
                });
                open.push(Open {
                    event: x.event,
                    round: event.rounds.len() - 1,
                    first: row,
                    details: x.details(),
                    grades: Default::default(),
                });
                open.len() - 1
            }
        };
        let o = &mut open[k];
        let at = format!("events[{}].rounds[{}]", o.event, o.round);
        let round = &mut s.events[o.event].rounds[o.round];
        if round.way == Way::Rating {
            let Some(g) = x.grade else {
                let header = table.header(Field::Grade);
                r.problems.push(Problem::at(
                    table.at(row, Field::Grade),
                    format!(
                        "{header} is blank; a rating round has one row for each grade from 1 to 4"
                    ),
                ));
                continue;
            };
            let g = (g.clamp(1, 4) - 1) as usize;
            if let Some(first) = &o.grades[g] {
                r.problems.push(Problem::at(
                    table.at(row, Field::Grade),
                    format!(
                    "grade {} of this rating round is at {first} already; give each grade one row",
                    g + 1
                ),
                ));
                continue;
            }
            o.grades[g] = Some(table.at(row, Field::Grade));
            round.likelihood[g] = x.likelihood.unwrap_or(0);
            round.impact[g] = x.impact.unwrap_or(0);
            if round.item.is_none() {
                places.push((format!("{at}.item"), table.row_at(row)));
                round.item = Some(option);
            }
        } else {
            let graded = [
                (Field::Grade, x.grade),
                (Field::LikelihoodRatings, x.likelihood),
                (Field::ImpactRatings, x.impact),
            ];
            if let Some((field, _)) = graded.iter().find(|(_, v)| v.is_some()) {
                let header = table.header(*field);
                r.problems.push(Problem::at(
                    table.at(row, *field),
                    format!(
                    "only a rating round has grades; this is a {} round, so leave {header} blank",
                    round.way.label().to_lowercase()
                ),
                ));
                continue;
            }
            places.push((
                format!("{at}.options[{}]", round.options.len()),
                table.row_at(row),
            ));
            round.options.push(option);
        }
    }
}
