//! The stakeholder events' tables, only in a whole workbook: the events, their vote
//! rounds (one row per option, or per grade of a rating round) and the suggestions
//! before and after each round's results. Names come first, for reading; the ID
//! columns come last and keep Horizon's references, so the record reads back exactly
//! even when a theme voted on has been removed since.

use super::columns::{col, ID};
use super::{Column, Field};

/// The event a row belongs to, by name.
const EVENT: Column = col(
    Field::Event,
    "Event",
    &["event name", "stakeholder event"],
    false,
    "The event, by name as the Events sheet gives it.",
    30.0,
);
/// The event's ID beside its name, for events that share a name.
const EVENT_ID: Column = col(
    Field::EventId,
    "Event ID",
    &["event ref", "event reference"],
    false,
    "Horizon's reference for the event, as the Events sheet's ID column gives it; if it is there, the Event column is only for reading.",
    14.0,
);
const QUESTION: Column = col(
    Field::Question,
    "Question",
    &["round", "vote round", "asked"],
    true,
    "What the room was asked in the vote round.",
    40.0,
);
const fn round_id(help: &'static str) -> Column {
    col(
        Field::Round,
        "Round ID",
        &["round ref", "round reference"],
        false,
        help,
        14.0,
    )
}

pub const EVENTS: &[Column] = &[
    ID,
    col(
        Field::Name,
        "Event",
        &["name", "event name", "stakeholder event"],
        true,
        "The event's name (“Thanet stakeholder event”).",
        30.0,
    ),
    col(
        Field::Date,
        "Date",
        &["when", "held on"],
        false,
        "When it was held, as the organisers wrote it (“7 December 2016”).",
        18.0,
    ),
    col(
        Field::Venue,
        "Venue",
        &["place", "where", "location"],
        false,
        "Where it was held.",
        28.0,
    ),
    col(
        Field::Participants,
        "Participants",
        &["attendees", "attended", "number attending", "people"],
        false,
        "How many took part, as the sign-in sheet says; blank if not known.",
        12.0,
    ),
    col(
        Field::Screens,
        "Screens",
        &["presentation", "screens shown", "slides"],
        false,
        "The presentation's screens in order, separated by semicolons: Title; The priority matrix; The horizon scan radar; The likelihood × impact grid; Each suggestion; The proposed focus areas; and “Results: ” with a round's question. Blank for every screen in the usual order; None for no screens.",
        50.0,
    ),
];

pub const ROUNDS: &[Column] = &[
    EVENT,
    QUESTION,
    col(
        Field::Way,
        "Counted by",
        &["way", "counted", "method", "voting"],
        true,
        "Tally (counts typed in), Ballots (each person chose at the laptop; only the totals are kept) or Rating (the room rated one horizon item's likelihood and impact).",
        12.0,
    ),
    col(
        Field::Most,
        "Most choices",
        &["choices", "up to", "most"],
        false,
        "A ballots round: how many options each person could choose.",
        10.0,
    ),
    col(
        Field::Ballots,
        "Ballots cast",
        &["ballots", "voters", "votes cast"],
        false,
        "A ballots round: how many ballots were cast.",
        10.0,
    ),
    col(
        Field::Revealed,
        "Revealed",
        &["results shown", "shown"],
        false,
        "Yes once the results were shown to the room.",
        10.0,
    ),
    col(
        Field::Option,
        "Option",
        &["voted for", "choice", "item rated"],
        true,
        "A theme or horizon item voted on (a rating round: the horizon item rated), by its name at the event.",
        36.0,
    ),
    col(
        Field::Kind,
        "Kind",
        &["option kind", "type"],
        false,
        "Theme (the default) or Horizon item.",
        14.0,
    ),
    col(
        Field::Votes,
        "Votes",
        &["number of votes", "count", "dots"],
        false,
        "A tally or ballots round: the votes the option got.",
        8.0,
    ),
    col(
        Field::Grade,
        "Grade",
        &["rating", "score given"],
        false,
        "A rating round: one row for each grade from 1 to 4.",
        8.0,
    ),
    col(
        Field::LikelihoodRatings,
        "Likelihood ratings",
        &["rated likelihood", "likelihood count"],
        false,
        "A rating round: how many people gave the item this grade of likelihood.",
        12.0,
    ),
    col(
        Field::ImpactRatings,
        "Impact ratings",
        &["rated impact", "impact count"],
        false,
        "A rating round: how many people gave the item this grade of impact.",
        12.0,
    ),
    col(
        Field::Now,
        "Now",
        &["now called", "since"],
        false,
        "Blank while the option keeps its name; otherwise its name now, or that it is no longer a theme or in the horizon scan. Horizon fills it in and does not read it.",
        28.0,
    ),
    EVENT_ID,
    round_id(
        "Horizon's reference for the vote round; a row without one joins the event's round with the same question, or starts a new round.",
    ),
    col(
        Field::OptionId,
        "Option ID",
        &["option ref", "option reference", "theme id", "item id"],
        false,
        "Horizon's reference for the theme or horizon item; blank to find it by name on the Themes or Horizon scan sheet.",
        14.0,
    ),
];

pub const RESULTS: &[Column] = &[
    EVENT,
    QUESTION,
    col(
        Field::When,
        "When",
        &["before or after", "stage"],
        true,
        "Before (the suggestions just before the round's results were revealed) or After (once they were taken in).",
        10.0,
    ),
    col(
        Field::Place,
        "Place",
        &["rank", "position", "order"],
        false,
        "1 for the highest score, then 2, 3 and so on.",
        8.0,
    ),
    col(
        Field::Suggestion,
        "Suggestion",
        &["headline", "suggested change"],
        true,
        "The suggestion's headline at the time.",
        50.0,
    ),
    col(
        Field::Score,
        "Score",
        &["points"],
        true,
        "Its score then, 0 to 100.",
        8.0,
    ),
    EVENT_ID,
    round_id(
        "Horizon's reference for the vote round, as the Vote rounds sheet gives it; blank to find the round by its question.",
    ),
    col(
        Field::SuggestionId,
        "Suggestion ID",
        &["suggestion ref", "suggestion reference"],
        false,
        "Horizon's reference for the suggestion (“watch:road-safety”).",
        24.0,
    ),
];
