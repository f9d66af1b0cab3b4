//! The horizon item form's draft: the text in its fields, read into an item.
//!
//! Reading the text (a number where a number belongs, a choice that exists) is the
//! form's; whether the item may stand in the scenario (title length, scores 1 to 4,
//! categories and themes that exist) is the model's, checked by `Scenario::check`.

use horizon_model::{Edit, HorizonItem, Item, Scenario, TimeHorizon};

use super::{add_or_update, from_refusal, in_theme_order, FieldError, FieldMap};

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
            themes: in_theme_order(s, &self.themes),
            source: self.source.trim().to_string(),
            district: None,
        };
        (item, errors)
    }

    /// The edit saving this draft (`id`: the item it replaces, or a new item), or
    /// every problem with it, in the form's order: fields that cannot be read, and
    /// what the model refuses.
    pub fn to_edit(&self, s: &Scenario, id: Option<&str>) -> Result<Edit, Vec<FieldError>> {
        let (mut item, mut errors) = self.read(s);
        // Whose scan it is from (the county's or one district's) is kept as it was.
        item.district = id
            .and_then(|id| s.horizon.iter().find(|h| h.id == id))
            .and_then(|h| h.district.clone());
        let edit = add_or_update(id, Item::HorizonItem(item));
        if let Err(refusal) = s.check(&edit) {
            for e in from_refusal(&refusal, &FIELDS, "title") {
                if !errors.iter().any(|x| x.field == e.field) {
                    errors.push(e);
                }
            }
        }
        if errors.is_empty() {
            return Ok(edit);
        }
        horizon_model::sort::sort_by_key(&mut errors, |e| {
            FIELDS.iter().position(|f| f.form == e.field)
        });
        Err(errors)
    }
}

/// The form's fields, in the order it shows them; problems in the model's words.
const FIELDS: [FieldMap; 8] = [
    FieldMap::plain("title"),
    FieldMap::plain("category"),
    FieldMap::plain("time-horizon").from_model("time_horizon"),
    FieldMap::plain("likelihood"),
    FieldMap::plain("impact"),
    FieldMap::plain("themes"),
    FieldMap::plain("detail"),
    FieldMap::plain("source"),
];
