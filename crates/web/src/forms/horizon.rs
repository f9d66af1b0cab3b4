//! The horizon item form's draft: the text in its fields, read into an item.
//!
//! Reading the text (a number where a number belongs, a choice that exists) is the
//! form's; whether the item may stand in the scenario (title length, scores 1 to 4,
//! categories and themes that exist) is the model's, checked by `Scenario::check`.

use horizon_model::{field_of, sentence, Edit, HorizonItem, Item, Scenario, TimeHorizon};

use super::FieldError;

/// A horizon item as the form holds it: text, before it is checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HorizonDraft {
    pub title: String,
    pub detail: String,
    pub category: String,
    pub time_horizon: String,
    pub likelihood: String,
    pub impact: String,
    pub themes: Vec<String>,
    pub source: String,
}

impl HorizonDraft {
    /// An empty draft in `category`, or the scenario's first category.
    pub fn blank(s: &Scenario, category: Option<&str>) -> HorizonDraft {
        HorizonDraft {
            category: category
                .or(s.categories.first().map(|c| c.id.as_str()))
                .unwrap_or_default()
                .to_string(),
            time_horizon: TimeHorizon::WithinAYear.as_str().into(),
            ..HorizonDraft::default()
        }
    }

    pub fn from_item(h: &HorizonItem) -> HorizonDraft {
        HorizonDraft {
            title: h.title.clone(),
            detail: h.detail.clone(),
            category: h.category.clone(),
            time_horizon: h.time_horizon.as_str().into(),
            likelihood: h.likelihood.to_string(),
            impact: h.impact.to_string(),
            themes: h.themes.clone(),
            source: h.source.clone(),
        }
    }

    /// The item the draft describes (its id left empty for the model to give), with
    /// every field that could not be read; unread numbers stand in as 1 so that the
    /// model can still judge the rest.
    pub fn read(&self, s: &Scenario) -> (HorizonItem, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut err = |field: &str, message: &str| errors.push(FieldError::new(field, message));
        let time_horizon = TimeHorizon::parse(&self.time_horizon).unwrap_or_else(|| {
            err("time-horizon", "Choose when it is expected");
            TimeHorizon::Now
        });
        let likelihood = self.likelihood.trim().parse::<u8>().unwrap_or_else(|_| {
            err(
                "likelihood",
                "Choose how likely it is, from 1 (unlikely) to 4 (almost certain)",
            );
            1
        });
        let impact = self.impact.trim().parse::<u8>().unwrap_or_else(|_| {
            err("impact", "Choose its impact, from 1 (minor) to 4 (severe)");
            1
        });
        let item = HorizonItem {
            id: String::new(),
            category: self.category.clone(),
            title: self.title.trim().to_string(),
            detail: self.detail.trim().to_string(),
            time_horizon,
            likelihood,
            impact,
            // Themes in the scenario's order, whatever order they were ticked in.
            themes: s
                .themes
                .iter()
                .filter(|t| self.themes.contains(&t.id))
                .map(|t| t.id.clone())
                .collect(),
            source: self.source.trim().to_string(),
        };
        (item, errors)
    }

    /// The edit saving this draft (`id`: the item it replaces, or a new item), or
    /// every problem with it, in the form's order: fields that cannot be read, and
    /// what the model refuses.
    pub fn to_edit(&self, s: &Scenario, id: Option<&str>) -> Result<Edit, Vec<FieldError>> {
        let (item, mut errors) = self.read(s);
        let item = Item::HorizonItem(item);
        let edit = match id {
            Some(id) => Edit::Update {
                id: id.to_string(),
                item,
            },
            None => Edit::Add(item),
        };
        if let Err(refusal) = s.check(&edit) {
            for e in field_errors(&refusal) {
                if !errors.iter().any(|x| x.field == e.field) {
                    errors.push(e);
                }
            }
        }
        if errors.is_empty() {
            return Ok(edit);
        }
        errors.sort_by_key(|e| FIELDS.iter().position(|f| *f == e.field));
        Err(errors)
    }
}

/// The form's fields, in the order it shows them.
const FIELDS: [&str; 8] = [
    "title",
    "category",
    "time-horizon",
    "likelihood",
    "impact",
    "themes",
    "detail",
    "source",
];

/// A refusal's problems as the horizon form's fields.
fn field_errors(refusal: &horizon_model::Refusal) -> Vec<FieldError> {
    refusal
        .problems()
        .iter()
        .map(|p| FieldError {
            field: String::from(match field_of(&p.path) {
                "time_horizon" => "time-horizon",
                "likelihood" => "likelihood",
                "impact" => "impact",
                "category" => "category",
                "themes" => "themes",
                "detail" => "detail",
                "source" => "source",
                _ => "title",
            }),
            message: sentence(&p.message),
        })
        .collect()
}
