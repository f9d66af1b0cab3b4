//! A partner priority as its form holds it.

use horizon_model::{Edit, Item, PartnerPriority, Refusal, Scenario};

use super::{add_or_update, checked, from_refusal, in_theme_order, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PartnerDraft {
    pub partner: String,
    pub priority: String,
    pub themes: Vec<String>,
}

const FIELDS: [FieldMap; 3] = [
    FieldMap::worded("partner", "The partner", "Enter who holds the priority"),
    FieldMap::worded("priority", "The priority", "Enter the priority"),
    FieldMap::worded(
        "themes",
        "The linked themes",
        "Choose the themes it bears on",
    ),
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
            district: None,
        })
    }

    /// The edit adding this priority (no `id`) or changing `id`, or every problem.
    pub fn to_edit(&self, s: &Scenario, id: Option<&str>) -> Result<Edit, Vec<FieldError>> {
        let mut item = self.parse(s)?;
        // Whose priority it is (county-wide or one district's) is kept as it was.
        item.district = id
            .and_then(|id| s.partner_priorities.iter().find(|p| p.id == id))
            .and_then(|p| p.district.clone());
        let item = Item::PartnerPriority(item);
        checked(s, add_or_update(id, item), &FIELDS, "priority")
    }

    /// The model's refusal, beside this form's controls.
    pub fn refused(r: &Refusal) -> Vec<FieldError> {
        from_refusal(r, &FIELDS, "priority")
    }
}
