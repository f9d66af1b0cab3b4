//! A stakeholder event's effect on the suggestions, in words: the record of where
//! the suggestions stood when a round was revealed ([`standings`]) and how they
//! moved ([`movement`], "Watch Online Safety: 37 → 62, now 3rd"). The page's reveal
//! screen, the event record and every report read these, so they never disagree.
//! [`summaries`] is an event record as the reports tell it (text, Markdown, JSON and
//! the Word report): its details, each round's question, how it was counted, its
//! results and how the suggestions moved. Ballots are anonymous: only totals.

use horizon_model::{count, rating_summary, Event, Round, Scenario, Standing, Way};
use serde::Serialize;

use crate::evaluate::Evaluation;
use crate::explain::{ordinal, points};

/// The listed suggestions as the event record keeps them, highest score first.
pub fn standings(e: &Evaluation, s: &Scenario) -> Vec<Standing> {
    let mut out: Vec<Standing> = e
        .suggestions
        .iter()
        .map(|x| Standing {
            suggestion: x.id().to_string(),
            headline: x.headline(s),
            score: x.score,
        })
        .collect();
    horizon_model::sort::sort_by(&mut out, |a, b| b.score.total_cmp(&a.score));
    out
}

/// One suggestion's move between two standings.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub suggestion: String,
    /// Its headline after (or before, for one that went).
    pub headline: String,
    /// Score and place (1 is the highest) before and after; `None` when not listed.
    pub before: Option<(f64, usize)>,
    pub after: Option<(f64, usize)>,
}

impl Moved {
    /// How far the score moved, counting one that came or went from or to 0.
    pub fn by(&self) -> f64 {
        self.after.map_or(0.0, |a| a.0) - self.before.map_or(0.0, |b| b.0)
    }

    /// "Watch Online Safety: 37 → 62, now 3rd"; "Add Prevent: new, 82.5, 2nd";
    /// "Retain Road Safety: 30 → no longer suggested"; one passed by others, its own
    /// score the same: "Retain Anti-Social Behaviour: 40.1 as before, now 6th (was 5th)".
    pub fn sentence(&self) -> String {
        let h = &self.headline;
        match (self.before, self.after) {
            (Some((b, rb)), Some((a, ra))) if points(b) == points(a) => {
                format!("{h}: {} as before, now {} (was {})", points(a), ordinal(ra), ordinal(rb))
            }
            (Some((b, rb)), Some((a, ra))) => {
                let place = if ra == rb {
                    format!("still {}", ordinal(ra))
                } else {
                    format!("now {}", ordinal(ra))
                };
                format!("{h}: {} → {}, {place}", points(b), points(a))
            }
            (None, Some((a, ra))) => format!("{h}: new, {}, {}", points(a), ordinal(ra)),
            (Some((b, _)), None) => format!("{h}: {} → no longer suggested", points(b)),
            (None, None) => h.clone(),
        }
    }
}

/// Every suggestion whose score or place changed, the largest movement first
/// (ties in the order of the standing after).
pub fn movement(before: &[Standing], after: &[Standing]) -> Vec<Moved> {
    let place = |list: &[Standing], id: &str| {
        list.iter()
            .position(|x| x.suggestion == id)
            .map(|i| (list[i].score, i + 1))
    };
    let mut out: Vec<Moved> = after
        .iter()
        .map(|a| (a, &a.suggestion))
        .chain(
            before
                .iter()
                .filter(|b| !after.iter().any(|a| a.suggestion == b.suggestion))
                .map(|b| (b, &b.suggestion)),
        )
        .map(|(x, id)| Moved {
            suggestion: id.clone(),
            headline: x.headline.clone(),
            before: place(before, id),
            after: place(after, id),
        })
        .filter(|m| match (m.before, m.after) {
            (Some((b, rb)), Some((a, ra))) => (a - b).abs() >= 0.05 || ra != rb,
            _ => true,
        })
        .collect();
    horizon_model::sort::sort_by(&mut out, |a, b| b.by().abs().total_cmp(&a.by().abs()));
    out
}

/// How many of a round's moves a report lists; the rest are counted.
pub const MOVES_SHOWN: usize = 5;

/// One stakeholder event as the reports tell it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventSummary {
    pub name: String,
    pub date: String,
    pub venue: String,
    pub participants: Option<u32>,
    /// "7 December 2016, Margate Winter Gardens, 55 participants."
    pub details: String,
    pub rounds: Vec<RoundSummary>,
}

/// One option's result: its name now (or as recorded, saying it is gone) and its votes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionResult {
    pub name: String,
    pub votes: u32,
}

/// One vote round as the reports tell it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundSummary {
    pub question: String,
    /// `tally`, `ballots` or `rating`.
    pub way: &'static str,
    /// Ballots cast, votes tallied or ratings given.
    pub entries: u32,
    /// "Counted by a tally: 60 votes."
    pub counted: String,
    /// Tally and ballots: the options, most votes first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<OptionResult>,
    /// Rating: "Likelihood: median 3, from 2 to 4 (10 ratings)", and impact.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<String>,
    pub revealed: bool,
    /// "How the suggestions moved when the results were shown:", or why there is no list.
    pub moved_heading: String,
    /// The largest moves, at most [`MOVES_SHOWN`], each a [`Moved::sentence`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<String>,
    /// "2 more moved less.", when more moved than are listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved_more: Option<String>,
}

impl RoundSummary {
    /// Each option's result as a line: "Road Safety: 20 votes".
    pub fn result_lines(&self) -> Vec<String> {
        self.results
            .iter()
            .map(|o| format!("{}: {}", o.name, count(o.votes as usize, "vote", "votes")))
            .collect()
    }
}

/// Every event of the scenario as the reports tell it, in the scenario's order.
pub fn summaries(s: &Scenario) -> Vec<EventSummary> {
    s.events.iter().map(|e| summary(e, s)).collect()
}

fn summary(e: &Event, s: &Scenario) -> EventSummary {
    let mut bits: Vec<String> = [&e.date, &e.venue]
        .iter()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect();
    if let Some(n) = e.participants {
        bits.push(count(n as usize, "participant", "participants"));
    }
    let details = if bits.is_empty() {
        "No date, venue or number of participants is recorded.".to_string()
    } else {
        format!("{}.", horizon_model::capitalised(&bits.join(", ")))
    };
    EventSummary {
        name: e.name.clone(),
        date: e.date.clone(),
        venue: e.venue.clone(),
        participants: e.participants,
        details,
        rounds: e.rounds.iter().map(|r| round_summary(r, s)).collect(),
    }
}

fn round_summary(r: &Round, s: &Scenario) -> RoundSummary {
    let votes: u32 = r.options.iter().map(|o| o.votes).sum();
    let votes_words = count(votes as usize, "vote", "votes");
    let counted = match r.way {
        Way::Tally => format!("Counted by a tally: {votes_words}."),
        Way::Ballots => format!(
            "Counted by ballots, each person choosing up to {}: {} cast, {votes_words} in all.",
            count(r.most.unwrap_or(1) as usize, "option", "options"),
            count(r.ballots as usize, "ballot", "ballots"),
        ),
        Way::Rating => {
            let item = r.item.as_ref().map_or_else(|| "a horizon item".to_string(), |o| format!("“{}”", s.option_name(o)));
            let (l, i): (u32, u32) = (r.likelihood.iter().sum(), r.impact.iter().sum());
            format!(
                "The room rated the likelihood and impact of {item} from 1 to 4: {} of likelihood and {} of impact.",
                count(l as usize, "rating", "ratings"),
                count(i as usize, "rating", "ratings"),
            )
        }
    };
    let results = r
        .ranked()
        .into_iter()
        .map(|o| OptionResult { name: s.option_name(o), votes: o.votes })
        .collect();
    let ratings = if r.way == Way::Rating {
        [("Likelihood", &r.likelihood), ("Impact", &r.impact)]
            .into_iter()
            .map(|(label, counts)| match rating_summary(counts) {
                Some(x) => format!("{label}: {}", x.words()),
                None => format!("{label}: nobody rated it"),
            })
            .collect()
    } else {
        Vec::new()
    };
    let moves = movement(&r.before, &r.after);
    let moved_heading = if !r.revealed {
        "Not yet shown to the room, so the suggestions have not taken it in.".to_string()
    } else if r.before.is_empty() && r.after.is_empty() {
        "Shown to the room; no record of the suggestions was kept then.".to_string()
    } else if moves.is_empty() {
        "Shown to the room; no suggestion moved.".to_string()
    } else {
        "How the suggestions moved when the results were shown:".to_string()
    };
    let shown = if r.revealed { moves.len().min(MOVES_SHOWN) } else { 0 };
    let moved_more = (r.revealed && moves.len() > shown).then(|| {
        format!("{} more moved less.", moves.len() - shown)
    });
    RoundSummary {
        question: r.question.clone(),
        way: match r.way {
            Way::Tally => "tally",
            Way::Ballots => "ballots",
            Way::Rating => "rating",
        },
        entries: r.entries(),
        counted,
        results,
        ratings,
        revealed: r.revealed,
        moved_heading,
        moved: moves.iter().take(shown).map(Moved::sentence).collect(),
        moved_more,
    }
}

