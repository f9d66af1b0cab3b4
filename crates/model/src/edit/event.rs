//! Edits to stakeholder events: the event's details, its screens, its vote rounds
//! and every entry the room makes. Each entry is one edit, so each is saved and can
//! be undone on its own, and a form, a file and the page get the same answer.

use serde::{Deserialize, Serialize};

use super::{lists::count, Applied, Refusal};
use crate::event::*;
use crate::ids::{slug, unique_id};
use crate::scenario::Scenario;
use crate::validate::ProblemKind;

/// One change to an event (`Edit::Event`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum EventEdit {
    /// Adds an event (blank id: one made from its name), or saves the name, date,
    /// venue and number of participants of the one with this id; its screens and
    /// rounds are kept.
    Save(Event),
    Remove { event: EventId },
    /// The presentation's screens in order; `None` puts back every screen.
    Screens {
        event: EventId,
        screens: Option<Vec<ScreenChoice>>,
    },
    /// A new vote round, counts at nothing (blank id: one made from the question).
    AddRound { event: EventId, round: Round },
    RemoveRound { event: EventId, round: RoundId },
    /// Adds `by` (negative to take away) to an option's count in a tally round.
    Tally {
        event: EventId,
        round: RoundId,
        subject: Subject,
        by: i64,
    },
    /// One person's ballot: up to the round's `most` options, each once.
    Ballot {
        event: EventId,
        round: RoundId,
        choices: Vec<Subject>,
    },
    /// Sets a ballots round's totals: each option's votes, in the round's order, and
    /// the ballots cast. The undo history keeps this in place of the ballots before
    /// the last, so no one person's ballot is kept once the next is cast.
    Counts {
        event: EventId,
        round: RoundId,
        votes: Vec<u32>,
        ballots: u32,
    },
    /// Adds `by` to the count of people giving `grade` (1–4) on `scale`.
    Rate {
        event: EventId,
        round: RoundId,
        scale: Scale,
        grade: u8,
        by: i64,
    },
    /// Shows the results: a round of themes makes each theme's count its stakeholder
    /// votes; the suggestions before and after are kept in the record.
    Reveal {
        event: EventId,
        round: RoundId,
        before: Vec<Standing>,
        after: Vec<Standing>,
    },
}

fn refuse(path: String, kind: ProblemKind, message: impl Into<String>) -> Refusal {
    Refusal::new(path, kind, message)
}

/// A round whose results have been shown takes no more entries and is not shown again.
fn revealed(path: &str, message: &str) -> Refusal {
    refuse(format!("{path}.revealed"), ProblemKind::OutOfRange, message)
}

impl Scenario {
    fn event_at(&self, id: &str) -> Result<usize, Refusal> {
        self.events.iter().position(|e| e.id == id).ok_or_else(|| {
            refuse("events".into(), ProblemKind::NotFound, format!("there is no event with id \"{id}\""))
        })
    }

    /// The event's index, the round's index and the round's path, or refused.
    fn round_at(&self, event: &str, round: &str) -> Result<(usize, usize, String), Refusal> {
        let e = self.event_at(event)?;
        let r = self.events[e]
            .rounds
            .iter()
            .position(|r| r.id == round)
            .ok_or_else(|| {
                refuse(
                    format!("events[{e}].rounds"),
                    ProblemKind::NotFound,
                    format!("the event has no vote round with id \"{round}\""),
                )
            })?;
        Ok((e, r, format!("events[{e}].rounds[{r}]")))
    }

    /// A round still taking entries, or why not.
    fn open_round(&mut self, event: &str, round: &str, way: Way) -> Result<(&mut Round, String), Refusal> {
        let (e, r, path) = self.round_at(event, round)?;
        let x = &mut self.events[e].rounds[r];
        if x.revealed {
            return Err(revealed(&path, "the results of this round have been revealed, so it takes no more votes; start another round to vote again"));
        }
        if x.way != way {
            return Err(refuse(
                format!("{path}.way"),
                ProblemKind::OutOfRange,
                format!("this round is counted by {}, not by {}", x.way.label().to_lowercase(), way.label().to_lowercase()),
            ));
        }
        Ok((x, path))
    }

    pub(super) fn event_edit(&mut self, edit: &EventEdit) -> Result<Applied, Refusal> {
        let done = |summary: String| Applied { summary, id: None };
        match edit {
            EventEdit::Save(event) => {
                let mut event = event.clone();
                event.name = event.name.trim().to_string();
                if let Some(at) = self.events.iter().position(|e| e.id == event.id && !e.id.is_empty()) {
                    let old = &mut self.events[at];
                    old.name = event.name;
                    old.date = event.date.trim().to_string();
                    old.venue = event.venue.trim().to_string();
                    old.participants = event.participants;
                    return Ok(done(format!("The event “{}” was saved.", old.name)));
                }
                event.id = unique_id(&slug(&event.name, "event"), |c| self.event(c).is_some());
                let (id, name) = (event.id.clone(), event.name.clone());
                self.events.push(event);
                Ok(Applied {
                    summary: format!("The event “{name}” was added."),
                    id: Some(id),
                })
            }
            EventEdit::Remove { event } => {
                let at = self.event_at(event)?;
                let e = self.events.remove(at);
                Ok(done(format!(
                    "The event “{}” was removed, with its {}.",
                    e.name,
                    count(e.rounds.len(), "vote round", "vote rounds")
                )))
            }
            EventEdit::Screens { event, screens } => {
                let at = self.event_at(event)?;
                self.events[at].screens = screens.clone();
                Ok(done(match screens {
                    None => "The presentation shows every screen again.".into(),
                    Some(s) => format!("The presentation now has {}.", count(s.len(), "screen", "screens")),
                }))
            }
            EventEdit::AddRound { event, round } => {
                let at = self.event_at(event)?;
                let mut round = round.clone();
                round.question = round.question.trim().to_string();
                let e = &mut self.events[at];
                round.id = unique_id(&slug(&round.question, "round"), |c| e.round(c).is_some());
                // A new round starts at nothing, whatever the caller sent.
                round.options.iter_mut().for_each(|o| o.votes = 0);
                (round.ballots, round.likelihood, round.impact) = (0, [0; 4], [0; 4]);
                (round.revealed, round.before, round.after) = (false, Vec::new(), Vec::new());
                let id = round.id.clone();
                let summary = format!("The vote round “{}” was added.", round.question);
                e.rounds.push(round);
                Ok(Applied { summary, id: Some(id) })
            }
            EventEdit::RemoveRound { event, round } => {
                let (e, r, _) = self.round_at(event, round)?;
                let ev = &mut self.events[e];
                let gone = ev.rounds.remove(r);
                if let Some(s) = &mut ev.screens {
                    s.retain(|x| x != &ScreenChoice::Round(gone.id.clone()));
                }
                Ok(done(format!("The vote round “{}” was removed.", gone.question)))
            }
            EventEdit::Tally { event, round, subject, by } => {
                let (r, path) = self.open_round(event, round, Way::Tally)?;
                let k = r.options.iter().position(|o| &o.subject == subject).ok_or_else(|| {
                    refuse(format!("{path}.options"), ProblemKind::NotFound, "that is not one of this round's options")
                })?;
                let o = &mut r.options[k];
                let next = i64::from(o.votes) + by;
                if next < 0 {
                    return Err(refuse(
                        format!("{path}.options[{k}].votes"),
                        ProblemKind::OutOfRange,
                        format!(
                            "“{}” has {}; a tally cannot go below nothing",
                            o.name,
                            count(o.votes as usize, "vote", "votes")
                        ),
                    ));
                }
                o.votes = u32::try_from(next).map_err(|_| {
                    refuse(format!("{path}.options[{k}].votes"), ProblemKind::OutOfRange, "that is more votes than a tally can hold")
                })?;
                Ok(done(format!("{}: {}.", o.name, count(o.votes as usize, "vote", "votes"))))
            }
            EventEdit::Ballot { event, round, choices } => {
                let (r, path) = self.open_round(event, round, Way::Ballots)?;
                let most = r.most.unwrap_or(1) as usize;
                if choices.is_empty() {
                    return Err(refuse(
                        format!("{path}.options"),
                        ProblemKind::Empty,
                        format!("the ballot chooses nothing: choose from 1 to {most}, then cast the vote"),
                    ));
                }
                if choices.len() > most {
                    return Err(refuse(
                        format!("{path}.most"),
                        ProblemKind::OutOfRange,
                        format!(
                            "this ballot chooses {}, and each person may choose up to {most}: take {} off, then cast the vote",
                            choices.len(),
                            choices.len() - most
                        ),
                    ));
                }
                let mut picked = Vec::new();
                for c in choices {
                    let k = r.options.iter().position(|o| &o.subject == c).ok_or_else(|| {
                        refuse(format!("{path}.options"), ProblemKind::NotFound, "the ballot chooses something that is not one of this round's options")
                    })?;
                    if picked.contains(&k) {
                        return Err(refuse(
                            format!("{path}.options[{k}]"),
                            ProblemKind::DuplicateName,
                            format!("the ballot chooses “{}” twice", r.options[k].name),
                        ));
                    }
                    picked.push(k);
                }
                for k in picked {
                    r.options[k].votes = r.options[k].votes.saturating_add(1);
                }
                r.ballots = r.ballots.saturating_add(1);
                // Says nothing of the choices: the next person may be reading.
                Ok(done(format!("Vote cast: {} so far.", count(r.ballots as usize, "ballot", "ballots"))))
            }
            EventEdit::Counts { event, round, votes, ballots } => {
                let (r, path) = self.open_round(event, round, Way::Ballots)?;
                if votes.len() != r.options.len() {
                    return Err(refuse(
                        format!("{path}.options"),
                        ProblemKind::OutOfRange,
                        format!(
                            "the round has {} and the counts give {}",
                            count(r.options.len(), "option", "options"),
                            count(votes.len(), "count", "counts")
                        ),
                    ));
                }
                for (o, v) in r.options.iter_mut().zip(votes) {
                    o.votes = *v;
                }
                r.ballots = *ballots;
                Ok(done(format!("Votes cast: {} so far.", count(r.ballots as usize, "ballot", "ballots"))))
            }
            EventEdit::Rate { event, round, scale, grade, by } => {
                let (r, path) = self.open_round(event, round, Way::Rating)?;
                if !(1..=4).contains(grade) {
                    return Err(refuse(
                        format!("{path}.{}", scale.label()),
                        ProblemKind::OutOfRange,
                        format!("a grade is from 1 to 4, not {grade}"),
                    ));
                }
                let counts = match scale {
                    Scale::Likelihood => &mut r.likelihood,
                    Scale::Impact => &mut r.impact,
                };
                let c = &mut counts[usize::from(*grade - 1)];
                let next = i64::from(*c) + by;
                if next < 0 {
                    return Err(refuse(
                        format!("{path}.{}[{}]", scale.label(), grade - 1),
                        ProblemKind::OutOfRange,
                        format!("nobody has given {} {grade} yet; a count cannot go below nothing", scale.label()),
                    ));
                }
                *c = u32::try_from(next).unwrap_or(u32::MAX);
                Ok(done(format!(
                    "{} {grade}: {}.",
                    super::capitalised(scale.label()),
                    count(*c as usize, "person", "people")
                )))
            }
            EventEdit::Reveal { event, round, before, after } => {
                let (e, r, path) = self.round_at(event, round)?;
                let x = &mut self.events[e].rounds[r];
                if x.revealed {
                    return Err(revealed(&path, "the results of this round have already been revealed"));
                }
                x.revealed = true;
                (x.before, x.after) = (before.clone(), after.clone());
                let question = x.question.clone();
                let votes: Vec<(String, u32)> = x
                    .options
                    .iter()
                    .filter_map(|o| match &o.subject {
                        Subject::Theme(t) => Some((t.clone(), o.votes)),
                        Subject::Item(_) => None,
                    })
                    .collect();
                let mut set = 0;
                for (theme, n) in votes {
                    // A theme removed since keeps its count in the record only.
                    if self.theme(&theme).is_some() {
                        self.make(&super::Edit::SetVotes { theme, votes: n })?;
                        set += 1;
                    }
                }
                Ok(done(if set > 0 {
                    format!(
                        "The results of “{question}” were revealed; they are now the stakeholder votes of {}.",
                        count(set, "theme", "themes")
                    )
                } else {
                    format!("The results of “{question}” were revealed.")
                }))
            }
        }
    }
}
