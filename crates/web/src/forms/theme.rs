//! The theme form: a theme's name, its group and an optional description. Renaming
//! keeps the old name as an alias (the model's doing); the form keeps the aliases
//! the theme already has.

use horizon_model::{count, Edit, Item, Scenario, Theme};

use super::{add_or_update, checked, theme_cells, theme_links, theme_votes, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThemeDraft {
    pub name: String,
    /// A group id.
    pub group: String,
    pub description: String,
}

impl ThemeDraft {
    pub const FIELDS: [FieldMap; 3] = [
        FieldMap::plain("name"),
        FieldMap::plain("group"),
        FieldMap::plain("description"),
    ];

    /// An empty draft in the scenario's first group.
    pub fn blank(s: &Scenario) -> ThemeDraft {
        ThemeDraft {
            group: s.groups.first().map(|g| g.id.clone()).unwrap_or_default(),
            ..ThemeDraft::default()
        }
    }

    pub fn from_theme(t: &Theme) -> ThemeDraft {
        ThemeDraft {
            name: t.name.clone(),
            group: t.group.clone(),
            description: t.description.clone().unwrap_or_default(),
        }
    }

    /// An `Add` (no `id`) or an `Update` of theme `id`, or every problem.
    pub fn to_edit(&self, s: &Scenario, id: Option<&str>) -> Result<Edit, Vec<FieldError>> {
        if s.group(&self.group).is_none() {
            return Err(vec![FieldError {
                field: "group".into(),
                message: if s.groups.is_empty() {
                    "Add a theme group first: every theme belongs to one".into()
                } else {
                    "Choose the theme's group".into()
                },
            }]);
        }
        let description = Some(self.description.trim().to_string()).filter(|d| !d.is_empty());
        let aliases = id
            .and_then(|id| s.theme(id))
            .map(|t| t.aliases.clone())
            .unwrap_or_default();
        let item = Item::Theme(Theme {
            id: id.unwrap_or_default().to_string(),
            name: self.name.clone(),
            group: self.group.clone(),
            aliases,
            description,
        });
        checked(s, add_or_update(id, item), &Self::FIELDS, "name")
    }
}

/// The question before removing theme `id`, saying what goes with it, counted from
/// the scenario: "Remove the theme “Gangs”? Its 3 matrix cells and its links from
/// 1 horizon item go with it."
pub fn removal_question(s: &Scenario, id: &str) -> String {
    let name = s.theme(id).map_or("", |t| t.name.as_str());
    let mut went = Vec::new();
    let cells = theme_cells(s, id);
    if cells > 0 {
        went.push(format!(
            "its {}",
            count(cells, "matrix cell", "matrix cells")
        ));
    }
    let links = theme_links(s, id);
    if !links.is_empty() {
        went.push(format!("its links from {links}"));
    }
    let votes = theme_votes(s, id) as usize;
    if votes > 0 {
        went.push(format!(
            "its {}",
            count(votes, "stakeholder vote", "stakeholder votes")
        ));
    }
    if went.is_empty() {
        return format!("Remove the theme “{name}”? Nothing else refers to it.");
    }
    // "goes" only for one single thing: "its 1 matrix cell", "its 1 stakeholder vote".
    let one = went.len() == 1 && links.is_empty() && (cells == 1 || votes == 1);
    let list = super::join_and(&went);
    format!(
        "Remove the theme “{name}”? I{} {} with it.",
        &list[1..],
        if one { "goes" } else { "go" }
    )
}
