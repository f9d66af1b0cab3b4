//! The stakeholder event's forms as drafts: the event's details, and a new vote
//! round (its question, how it is counted, and what the room votes on). Whether the
//! result may stand is the model's to say.

use horizon_model::{Edit, Event, EventEdit, Round, Scenario, Subject, Way};

use super::{checked, whole_number, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct EventDraft {
    pub name: String,
    pub date: String,
    pub venue: String,
    pub participants: String,
}

const EVENT_FIELDS: [FieldMap; 4] = [
    FieldMap::worded("name", "The event's name", "Enter the event's name"),
    FieldMap::worded("date", "The date", "Enter the date"),
    FieldMap::worded("venue", "The venue", "Enter the venue"),
    FieldMap::plain("participants"),
];

impl EventDraft {
    pub fn from_event(e: &Event) -> EventDraft {
        EventDraft {
            name: e.name.clone(),
            date: e.date.clone(),
            venue: e.venue.clone(),
            participants: e.participants.map(|n| n.to_string()).unwrap_or_default(),
        }
    }

    /// Saving the details of the event `id`, or adding a new one (`None`).
    pub fn to_edit(&self, s: &Scenario, id: Option<&str>) -> Result<Edit, Vec<FieldError>> {
        let participants = if self.participants.trim().is_empty() {
            None
        } else {
            Some(whole_number(&self.participants).ok_or_else(|| {
                vec![FieldError::new(
                    "participants",
                    "Enter the number of participants as a whole number, like 55",
                )]
            })?)
        };
        let edit = Edit::Event(EventEdit::Save(Event {
            id: id.unwrap_or_default().to_string(),
            date: self.date.trim().to_string(),
            venue: self.venue.trim().to_string(),
            participants,
            ..Event::named(self.name.trim())
        }));
        checked(s, edit, &EVENT_FIELDS, "name")
    }
}

/// A new vote round as its form holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundDraft {
    pub question: String,
    pub way: Way,
    /// Ballots: how many each person may choose, as typed.
    pub most: String,
    /// Tally and ballots: the themes and horizon items ticked, by id.
    pub themes: Vec<String>,
    pub items: Vec<String>,
    /// Rating: the horizon item chosen, by id.
    pub item: String,
}

impl Default for RoundDraft {
    fn default() -> RoundDraft {
        RoundDraft {
            question: String::new(),
            way: Way::Ballots,
            most: "3".into(),
            themes: Vec::new(),
            items: Vec::new(),
            item: String::new(),
        }
    }
}

const ROUND_FIELDS: [FieldMap; 4] = [
    FieldMap::worded(
        "question",
        "The question",
        "Enter the question the room is asked",
    ),
    FieldMap::plain("most"),
    FieldMap::plain("options"),
    FieldMap::plain("item"),
];

impl RoundDraft {
    pub fn to_edit(&self, s: &Scenario, event: &str) -> Result<Edit, Vec<FieldError>> {
        let most = match self.way {
            Way::Ballots => Some(whole_number(&self.most).ok_or_else(|| {
                vec![FieldError::new(
                    "most",
                    "Enter how many each person may choose as a whole number, like 3",
                )]
            })?),
            _ => None,
        };
        let (options, item) = match self.way {
            Way::Rating => (
                Vec::new(),
                (!self.item.is_empty()).then(|| s.option(Subject::Item(self.item.clone()))),
            ),
            _ => (
                super::in_theme_order(s, &self.themes)
                    .into_iter()
                    .map(|t| s.option(Subject::Theme(t)))
                    .chain(
                        s.horizon
                            .iter()
                            .filter(|h| self.items.contains(&h.id))
                            .map(|h| s.option(Subject::Item(h.id.clone()))),
                    )
                    .collect(),
                None,
            ),
        };
        let edit = Edit::Event(EventEdit::AddRound {
            event: event.to_string(),
            round: Round {
                item,
                ..Round::new(self.question.trim(), self.way, most, options)
            },
        });
        checked(s, edit, &ROUND_FIELDS, "question")
    }
}
