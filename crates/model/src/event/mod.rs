//! Stakeholder events: the December practitioner event where a facilitator presents
//! the matrix and the draft focus areas and takes the room's views. The record is
//! part of the scenario, so it travels in the project file and the workbook and the
//! report can summarise it.
//!
//! An event holds the screens chosen for its presentation and its vote rounds. A
//! round is counted one of three ways ([`Way`]): a tally typed in by the facilitator,
//! ballots cast one person at a time at the laptop (only the totals and the number
//! cast are kept: ballots are anonymous), or a rating of one horizon item's
//! likelihood and impact, as counts per grade. Nothing is shown to the room until the
//! round is revealed; revealing a round of themes makes its counts the scenario's
//! stakeholder votes, and records the suggestions before and after.
//!
//! A round keeps each option's name as well as its id, so a theme removed after the
//! event keeps its votes in the record, which says the theme is gone.

use serde::{Deserialize, Serialize};

use crate::scenario::{Scenario, ThemeId};

mod check;
pub(crate) use check::problems;

pub type EventId = String;
pub type RoundId = String;

/// One stakeholder event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Left blank in an added event, the model makes one from its name.
    #[serde(default)]
    pub id: EventId,
    pub name: String,
    /// As the organisers wrote it ("7 December 2016"); free text, never compared.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub venue: String,
    /// How many took part, as the sign-in sheet says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participants: Option<u32>,
    /// The presentation's screens, in order. `None`: every screen, in the usual order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screens: Option<Vec<ScreenChoice>>,
    #[serde(default)]
    pub rounds: Vec<Round>,
}

/// A kind of presentation screen a facilitator can choose.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScreenChoice {
    /// The review's title, area and period.
    Title,
    /// The priority matrix as a heat map, a few themes a screen.
    Matrix,
    /// The PESTELO radar of the horizon scan.
    Radar,
    /// The 4 × 4 likelihood × impact grid.
    Grid,
    /// Each suggestion on its own screen.
    Suggestions,
    /// The proposed focus areas.
    Proposed,
    /// One vote round's results (shown once the round is revealed).
    Round(RoundId),
}

impl ScreenChoice {
    /// Every screen but the rounds', in the usual order.
    pub const STANDARD: [ScreenChoice; 6] = [
        ScreenChoice::Title,
        ScreenChoice::Matrix,
        ScreenChoice::Radar,
        ScreenChoice::Grid,
        ScreenChoice::Suggestions,
        ScreenChoice::Proposed,
    ];

    /// What the facilitator sees in the list of screens.
    pub fn label(&self, event: &Event) -> String {
        match self {
            ScreenChoice::Title => "Title".into(),
            ScreenChoice::Matrix => "The priority matrix".into(),
            ScreenChoice::Radar => "The horizon scan radar".into(),
            ScreenChoice::Grid => "The likelihood × impact grid".into(),
            ScreenChoice::Suggestions => "Each suggestion".into(),
            ScreenChoice::Proposed => "The proposed focus areas".into(),
            ScreenChoice::Round(id) => match event.round(id) {
                Some(r) => format!("Results: {}", r.question),
                None => "Results of a vote round that has been removed".into(),
            },
        }
    }
}

/// How a round's views are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Way {
    /// The facilitator types or clicks the counts (a show of hands, sticky dots).
    Tally,
    /// Participants come to the laptop in turn and each chooses up to `most` options.
    Ballots,
    /// The room rates one horizon item's likelihood and impact from 1 to 4.
    Rating,
}

impl Way {
    pub fn label(self) -> &'static str {
        match self {
            Way::Tally => "Tally",
            Way::Ballots => "Ballots",
            Way::Rating => "Rating",
        }
    }
}

/// What an option of a round is: a theme or a horizon item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Theme(ThemeId),
    Item(String),
}

/// One option of a tally or ballots round, and its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoundOption {
    pub subject: Subject,
    /// Its name when the round was set up, kept for the record.
    pub name: String,
    #[serde(default)]
    pub votes: u32,
}

/// One vote round of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// Left blank in an added round, the model makes one from its question.
    #[serde(default)]
    pub id: RoundId,
    /// What the room was asked ("Which themes should the partnership focus on?").
    pub question: String,
    pub way: Way,
    /// Ballots: how many options each person may choose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub most: Option<u32>,
    /// Tally and ballots: the options and their counts.
    #[serde(default)]
    pub options: Vec<RoundOption>,
    /// Ballots: how many were cast.
    #[serde(default)]
    pub ballots: u32,
    /// Rating: the horizon item rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<RoundOption>,
    /// Rating: how many gave each likelihood grade, 1 to 4.
    #[serde(default)]
    pub likelihood: [u32; 4],
    /// Rating: how many gave each impact grade, 1 to 4.
    #[serde(default)]
    pub impact: [u32; 4],
    /// Whether the results have been shown to the room.
    #[serde(default)]
    pub revealed: bool,
    /// The suggestions, highest score first, just before the results were revealed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub before: Vec<Standing>,
    /// The suggestions once the results were taken in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<Standing>,
}

/// A suggestion as the record keeps it: its id (as the engine writes it,
/// `watch:online-safety`), its headline then, and its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Standing {
    pub suggestion: String,
    pub headline: String,
    pub score: f64,
}

/// Which scale a rating entry is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scale {
    Likelihood,
    Impact,
}

impl Scale {
    pub fn label(self) -> &'static str {
        match self {
            Scale::Likelihood => "likelihood",
            Scale::Impact => "impact",
        }
    }
}

impl Event {
    /// A new event of this name, to add with `EventEdit::Save` (the model gives
    /// its id); its details, screens and rounds to come.
    pub fn named(name: &str) -> Event {
        Event {
            id: String::new(),
            name: name.to_string(),
            date: String::new(),
            venue: String::new(),
            participants: None,
            screens: None,
            rounds: Vec::new(),
        }
    }

    pub fn round(&self, id: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.id == id)
    }

    /// The screens to present, in order: those chosen, or every standard screen then
    /// each revealed round's results.
    pub fn chosen_screens(&self) -> Vec<ScreenChoice> {
        match &self.screens {
            Some(s) => s.clone(),
            None => ScreenChoice::STANDARD.to_vec(),
        }
    }
}

impl Round {
    /// A new round, counts at nothing, to add with `EventEdit::AddRound` (the model
    /// gives its id): `most` for ballots, `options` for tally and ballots.
    pub fn new(question: &str, way: Way, most: Option<u32>, options: Vec<RoundOption>) -> Round {
        Round {
            id: String::new(),
            question: question.to_string(),
            way,
            most,
            options,
            ballots: 0,
            item: None,
            likelihood: [0; 4],
            impact: [0; 4],
            revealed: false,
            before: Vec::new(),
            after: Vec::new(),
        }
    }

    /// A new rating round of one horizon item.
    pub fn rating(question: &str, item: RoundOption) -> Round {
        Round {
            item: Some(item),
            ..Round::new(question, Way::Rating, None, Vec::new())
        }
    }

    /// The entries counted so far: ballots cast, or the counts typed in.
    pub fn entries(&self) -> u32 {
        match self.way {
            Way::Ballots => self.ballots,
            Way::Tally => self.options.iter().map(|o| o.votes).sum(),
            Way::Rating => self.likelihood.iter().chain(&self.impact).sum(),
        }
    }

    /// What the round has taken so far: "7 ballots cast", "23 votes counted",
    /// "12 ratings".
    pub fn entries_words(&self) -> String {
        use crate::count;
        match self.way {
            Way::Ballots => format!("{} cast", count(self.ballots as usize, "ballot", "ballots")),
            Way::Tally => format!("{} counted", count(self.entries() as usize, "vote", "votes")),
            Way::Rating => count(self.entries() as usize, "rating", "ratings"),
        }
    }

    /// The options, most votes first (ties in the order they were set up).
    pub fn ranked(&self) -> Vec<&RoundOption> {
        let mut out: Vec<&RoundOption> = self.options.iter().collect();
        crate::sort::sort_by_key(&mut out, |o| std::cmp::Reverse(o.votes));
        out
    }
}

/// The median and the range of grades given, from counts per grade 1–4: `None`
/// when nobody rated. A median between two grades is their mean (2.5).
pub fn rating_summary(counts: &[u32; 4]) -> Option<RatingSummary> {
    let n: u32 = counts.iter().sum();
    if n == 0 {
        return None;
    }
    let grade_at = |k: u32| -> u8 {
        // The grade of the k-th rating (0-based) in grade order.
        let mut seen = 0;
        for (g, c) in counts.iter().enumerate() {
            seen += c;
            if k < seen {
                return g as u8 + 1;
            }
        }
        4
    };
    let median = if n % 2 == 1 {
        f64::from(grade_at(n / 2))
    } else {
        (f64::from(grade_at(n / 2 - 1)) + f64::from(grade_at(n / 2))) / 2.0
    };
    let lowest = counts.iter().position(|c| *c > 0).map_or(1, |g| g as u8 + 1);
    let highest = counts.iter().rposition(|c| *c > 0).map_or(4, |g| g as u8 + 1);
    Some(RatingSummary {
        ratings: n,
        median,
        lowest,
        highest,
    })
}

/// What a room's ratings on one scale come to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatingSummary {
    pub ratings: u32,
    pub median: f64,
    pub lowest: u8,
    pub highest: u8,
}

impl RatingSummary {
    /// The grade to set on the item: the median, halves rounded up (the room leans
    /// towards caution).
    pub fn grade(&self) -> u8 {
        self.median.ceil().clamp(1.0, 4.0) as u8
    }

    /// "median 3, from 2 to 4 (12 ratings)".
    pub fn words(&self) -> String {
        let median = if self.median.fract() == 0.0 {
            format!("{}", self.median as u8)
        } else {
            format!("{:.1}", self.median)
        };
        let spread = if self.lowest == self.highest {
            format!("all gave {}", self.lowest)
        } else {
            format!("from {} to {}", self.lowest, self.highest)
        };
        format!(
            "median {median}, {spread} ({})",
            crate::count(self.ratings as usize, "rating", "ratings")
        )
    }
}

impl Scenario {
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// An option's name as it should be read now: the theme's or item's current
    /// name, or the recorded name with a note that it is gone.
    pub fn option_name(&self, o: &RoundOption) -> String {
        match self.subject_name(&o.subject) {
            Some(name) => name.to_string(),
            None => format!(
                "{} (no longer {})",
                o.name,
                match o.subject {
                    Subject::Theme(_) => "a theme",
                    Subject::Item(_) => "in the horizon scan",
                }
            ),
        }
    }

    /// An option for a round: the theme or horizon item with its current name (blank
    /// if the scenario has no such thing; the model then refuses the round).
    pub fn option(&self, subject: Subject) -> RoundOption {
        RoundOption {
            name: self.subject_name(&subject).unwrap_or_default().to_string(),
            subject,
            votes: 0,
        }
    }

    /// A subject's current name, if it is still in the scenario.
    pub fn subject_name(&self, s: &Subject) -> Option<&str> {
        match s {
            Subject::Theme(t) => self.theme(t).map(|t| t.name.as_str()),
            Subject::Item(i) => self
                .horizon
                .iter()
                .find(|h| &h.id == i)
                .map(|h| h.title.as_str()),
        }
    }
}
