//! A piece of legislation as its form holds it.

use horizon_model::{Edit, Item, Legislation, LegislationStatus, Refusal, Scenario};

use super::{add_or_update, checked, from_refusal, in_theme_order, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq)]
pub struct LawDraft {
    pub title: String,
    /// Blank for none.
    pub year: String,
    /// "enacted", "incoming" or "proposed".
    pub status: String,
    pub creates_duty: bool,
    /// Only read when it creates a duty.
    pub duty: String,
    pub themes: Vec<String>,
}

impl Default for LawDraft {
    fn default() -> LawDraft {
        LawDraft {
            title: String::new(),
            year: String::new(),
            status: LegislationStatus::Enacted.as_str().into(),
            creates_duty: false,
            duty: String::new(),
            themes: Vec::new(),
        }
    }
}

pub const STATUSES: [(LegislationStatus, &str, &str); 3] = [
    (
        LegislationStatus::Enacted,
        "Enacted",
        "In force, or passed and awaiting commencement dates.",
    ),
    (
        LegislationStatus::Incoming,
        "Incoming",
        "Passed, and coming into force during the plan.",
    ),
    (
        LegislationStatus::Proposed,
        "Proposed",
        "A bill or consultation that may become law.",
    ),
];

/// The status in words for a table.
pub fn status_words(status: LegislationStatus) -> &'static str {
    STATUSES
        .iter()
        .find(|(s, _, _)| *s == status)
        .map_or("", |(_, w, _)| w)
}

const FIELDS: [FieldMap; 3] = [
    FieldMap::worded("title", "The title", "Enter the title of the act or bill"),
    FieldMap::worded("duty", "The duty", "Describe the duty"),
    FieldMap::worded(
        "themes",
        "The linked themes",
        "Choose the themes it bears on",
    ),
];

impl LawDraft {
    pub fn from_item(l: &Legislation) -> LawDraft {
        LawDraft {
            title: l.title.clone(),
            year: l.year.map(|y| y.to_string()).unwrap_or_default(),
            status: l.status.as_str().into(),
            creates_duty: l.creates_duty,
            duty: l.duty.clone().unwrap_or_default(),
            themes: l.themes.clone(),
        }
    }

    /// The legislation the draft describes, or what could not be read: a year that is
    /// not a year, a status that is not one of the three.
    pub fn parse(&self, s: &Scenario) -> Result<Legislation, Vec<FieldError>> {
        let mut errors = Vec::new();
        let year = match self.year.trim() {
            "" => None,
            text => match text.parse::<u16>() {
                Ok(y) if (1000..=9999).contains(&y) => Some(y),
                _ => {
                    errors.push(FieldError::new(
                        "year",
                        "Enter the year as four digits, like 2015, or leave it blank",
                    ));
                    None
                }
            },
        };
        let status = STATUSES
            .iter()
            .map(|(s, _, _)| *s)
            .find(|s| s.as_str() == self.status);
        if status.is_none() {
            errors.push(FieldError::new(
                "status",
                "Choose whether it is enacted, incoming or proposed",
            ));
        }
        let duty = self.duty.trim();
        match status {
            Some(status) if errors.is_empty() => Ok(Legislation {
                id: String::new(),
                title: self.title.trim().to_string(),
                year,
                status,
                creates_duty: self.creates_duty,
                duty: (self.creates_duty && !duty.is_empty()).then(|| duty.to_string()),
                themes: in_theme_order(s, &self.themes),
            }),
            _ => Err(errors),
        }
    }

    /// The edit adding this legislation (no `id`) or changing `id`, or every problem.
    pub fn to_edit(&self, s: &Scenario, id: Option<&str>) -> Result<Edit, Vec<FieldError>> {
        let item = Item::Legislation(self.parse(s)?);
        checked(s, add_or_update(id, item), &FIELDS, "title")
    }

    pub fn refused(r: &Refusal) -> Vec<FieldError> {
        from_refusal(r, &FIELDS, "title")
    }
}
