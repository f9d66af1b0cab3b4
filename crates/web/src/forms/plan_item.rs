//! The form for one focus area or cross-cutting theme: its name and the matrix
//! themes it covers. Both lists of the plan are edited the same way.

use horizon_model::{Collection, CrossCuttingTheme, Edit, FocusArea, Item, Scenario};

use super::{add_or_update, checked, in_theme_order, tick, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanItemDraft {
    pub name: String,
    /// Theme ids, in the order they were ticked.
    pub themes: Vec<String>,
}

impl PlanItemDraft {
    pub const FIELDS: [FieldMap; 2] = [FieldMap::plain("name"), FieldMap::plain("themes")];

    /// The draft of the item `id` of `collection` (focus areas or cross-cutting
    /// themes), or an empty one if there is no such item.
    pub fn of(s: &Scenario, collection: Collection, id: &str) -> PlanItemDraft {
        let found = match collection {
            Collection::FocusAreas => s
                .plan()
                .focus_areas
                .iter()
                .find(|x| x.id == id)
                .map(|x| (&x.name, &x.themes)),
            _ => s
                .plan()
                .cross_cutting_themes
                .iter()
                .find(|x| x.id == id)
                .map(|x| (&x.name, &x.themes)),
        };
        found.map_or_else(PlanItemDraft::default, |(name, themes)| PlanItemDraft {
            name: name.clone(),
            themes: themes.clone(),
        })
    }

    /// Ticks or unticks one theme.
    pub fn set_theme(&mut self, theme: &str, on: bool) {
        self.themes = tick(&self.themes, theme, on);
    }

    /// An `Add` (no `id`) or an `Update` of the item `id`, or every problem.
    pub fn to_edit(
        &self,
        s: &Scenario,
        collection: Collection,
        id: Option<&str>,
    ) -> Result<Edit, Vec<FieldError>> {
        if self.themes.iter().any(|t| s.theme(t).is_none()) {
            return Err(vec![FieldError::new(
                "themes",
                "A theme you chose has since been removed: choose the themes again",
            )]);
        }
        let themes = in_theme_order(s, &self.themes);
        let item_id = id.unwrap_or_default().to_string();
        let item = match collection {
            Collection::FocusAreas => Item::FocusArea(FocusArea {
                // What the focus area serves of the county agreement is kept as it was.
                serves: id
                    .and_then(|id| s.focus_area(id))
                    .map(|f| f.serves.clone())
                    .unwrap_or_default(),
                id: item_id,
                name: self.name.clone(),
                themes,
            }),
            _ => Item::CrossCuttingTheme(CrossCuttingTheme {
                id: item_id,
                name: self.name.clone(),
                themes,
            }),
        };
        checked(s, add_or_update(id, item), &Self::FIELDS, "name")
    }
}

/// The question before removing a focus area or cross-cutting theme, saying what
/// goes with it.
pub fn removal_question(s: &Scenario, collection: Collection, id: &str) -> String {
    match collection {
        Collection::FocusAreas => {
            let name = s.focus_area(id).map_or("", |f| f.name.as_str());
            let consulted = s
                .plan()
                .consultation
                .iter()
                .any(|r| r.focus_area.as_deref() == Some(id));
            if consulted {
                format!("Remove the focus area “{name}”? Its consultation result goes with it.")
            } else {
                format!("Remove the focus area “{name}”?")
            }
        }
        _ => {
            let name = s
                .plan()
                .cross_cutting_themes
                .iter()
                .find(|x| x.id == id)
                .map_or("", |x| x.name.as_str());
            format!("Remove the cross-cutting theme “{name}”?")
        }
    }
}

/// The move of item `id` one place up (`by` = -1) or down (+1), or `None` at
/// either end of the list.
pub fn step(s: &Scenario, collection: Collection, id: &str, by: isize) -> Option<Edit> {
    let ids: Vec<&str> = match collection {
        Collection::FocusAreas => s.plan().focus_areas.iter().map(|x| x.id.as_str()).collect(),
        _ => s
            .plan()
            .cross_cutting_themes
            .iter()
            .map(|x| x.id.as_str())
            .collect(),
    };
    let at = ids.iter().position(|x| *x == id)?;
    let to = at.checked_add_signed(by).filter(|&to| to < ids.len())?;
    Some(Edit::Move {
        collection,
        id: id.to_string(),
        to,
    })
}
