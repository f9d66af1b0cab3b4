//! The one-field forms: add or rename a theme group or a district.

use horizon_model::{count, Collection, District, Edit, Item, Scenario, ThemeGroup};

use super::{add_or_update, checked, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NameDraft {
    pub name: String,
}

impl NameDraft {
    pub const FIELDS: [FieldMap; 1] = [FieldMap::plain("name")];

    /// An `Add` (no `id`) or an `Update` (a rename) of a group or district, or every problem.
    pub fn to_edit(
        &self,
        s: &Scenario,
        collection: Collection,
        id: Option<&str>,
    ) -> Result<Edit, Vec<FieldError>> {
        let item_id = id.unwrap_or_default().to_string();
        let name = self.name.clone();
        let item = match collection {
            Collection::Districts => Item::District(District {
                // A rename keeps the district's other names (the model adds the old one).
                aliases: id
                    .and_then(|id| s.district(id))
                    .map(|d| d.aliases.clone())
                    .unwrap_or_default(),
                id: item_id,
                name,
            }),
            _ => Item::Group(ThemeGroup { id: item_id, name }),
        };
        checked(s, add_or_update(id, item), &Self::FIELDS, "name")
    }
}

/// How many matrix cells district `id`'s column has.
pub fn district_cells(s: &Scenario, id: &str) -> usize {
    s.matrix.iter().filter(|r| r.cells.contains_key(id)).count()
}

/// [`district_cells`] of every district with a filled cell, in one pass over the
/// matrix (a national one has 21,000 cells, listed district by district).
pub fn cells_by_district(s: &Scenario) -> std::collections::HashMap<&str, usize> {
    let mut counts = std::collections::HashMap::new();
    for d in s.matrix.iter().flat_map(|r| r.cells.keys()) {
        *counts.entry(d.as_str()).or_insert(0) += 1;
    }
    counts
}

/// How many themes group `id` holds.
pub fn group_themes(s: &Scenario, id: &str) -> usize {
    s.themes.iter().filter(|t| t.group == id).count()
}

/// The question before removing a district or a theme group, saying what goes with it.
pub fn removal_question(s: &Scenario, collection: Collection, id: &str) -> String {
    removal_question_counted(s, collection, id, district_cells(s, id))
}

/// [`removal_question`], told how many filled cells a district's column has (a list
/// of every district counts them all at once with [`cells_by_district`]).
pub fn removal_question_counted(s: &Scenario, collection: Collection, id: &str, cells: usize) -> String {
    match collection {
        Collection::Districts => {
            let name = s.district(id).map_or("", |d| d.name.as_str());
            match cells {
                0 => format!(
                    "Remove the district “{name}”? Its column in the matrix has no filled cells."
                ),
                n => format!(
                    "Remove the district “{name}”? Its column in the matrix, with {}, goes with it.",
                    count(n, "filled cell", "filled cells")
                ),
            }
        }
        _ => {
            let name = s.group(id).map_or("", |g| g.name.as_str());
            format!("Remove the theme group “{name}”?")
        }
    }
}
