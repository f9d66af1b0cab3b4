//! A partner priority as its form holds it.

use horizon_model::{PartnerPriority, Refusal, Scenario};

use super::{from_refusal, in_theme_order, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PartnerDraft {
    pub partner: String,
    pub priority: String,
    pub themes: Vec<String>,
}

const FIELDS: [FieldMap; 3] = [
    FieldMap {
        model: "partner",
        form: "partner",
        label: "The partner",
        empty: "Enter who holds the priority",
        out_of_range: None,
    },
    FieldMap {
        model: "priority",
        form: "priority",
        label: "The priority",
        empty: "Enter the priority",
        out_of_range: None,
    },
    FieldMap {
        model: "themes",
        form: "themes",
        label: "The linked themes",
        empty: "Choose the themes it bears on",
        out_of_range: None,
    },
];

impl PartnerDraft {
    pub fn from_item(p: &PartnerPriority) -> PartnerDraft {
        PartnerDraft {
            partner: p.partner.clone(),
            priority: p.priority.clone(),
            themes: p.themes.clone(),
        }
    }

    /// The priority the draft describes. Nothing here can be unreadable text; what
    /// the model thinks of it is [`PartnerDraft::refused`]'s.
    pub fn parse(&self, s: &Scenario) -> Result<PartnerPriority, Vec<FieldError>> {
        Ok(PartnerPriority {
            id: String::new(),
            partner: self.partner.trim().to_string(),
            priority: self.priority.trim().to_string(),
            themes: in_theme_order(s, &self.themes),
        })
    }

    /// The model's refusal, beside this form's controls.
    pub fn refused(r: &Refusal) -> Vec<FieldError> {
        from_refusal(r, &FIELDS, "priority")
    }
}
