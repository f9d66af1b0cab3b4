//! The merge form: which theme another is merged into, and what that will do.

use horizon_model::{count, Edit, Scenario};

use super::{checked, theme_cells, theme_links, theme_votes, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeDraft {
    /// The id of the theme to merge into; empty until one is chosen.
    pub into: String,
}

impl MergeDraft {
    pub const FIELDS: [FieldMap; 1] = [FieldMap::plain("into")];

    /// The merge of theme `from` into the chosen theme, or every problem.
    pub fn to_edit(&self, s: &Scenario, from: &str) -> Result<Edit, Vec<FieldError>> {
        let name = s.theme(from).map_or("", |t| t.name.as_str());
        if self.into.is_empty() || s.theme(&self.into).is_none() {
            return Err(vec![FieldError::new(
                "into",
                format!("Choose the theme to merge “{name}” into"),
            )]);
        }
        checked(
            s,
            Edit::MergeThemes {
                from: from.to_string(),
                into: self.into.clone(),
            },
            &Self::FIELDS,
            "into",
        )
    }
}

/// What merging theme `from` into `into` will do, in sentences, counted from the
/// scenario.
pub fn consequences(s: &Scenario, from: &str, into: &str) -> String {
    let (Some(f), Some(t)) = (s.theme(from), s.theme(into)) else {
        return String::new();
    };
    let (a, b) = (&f.name, &t.name);
    let mut out = format!("“{a}” will be merged into “{b}”.");
    let cells = theme_cells(s, from);
    if cells > 0 {
        out.push_str(&format!(
            " Its {} move to “{b}”; where a district names both, the stronger level is kept.",
            count(cells, "matrix cell", "matrix cells")
        ));
    }
    let links = theme_links(s, from);
    if !links.is_empty() {
        out.push_str(&format!(" Its links from {links} will point to “{b}”."));
    }
    let votes = theme_votes(s, from) as usize;
    if votes > 0 {
        out.push_str(&format!(
            " Its {} are added to “{b}”'s.",
            count(votes, "stakeholder vote", "stakeholder votes")
        ));
    }
    out.push_str(&format!(
        " “{a}” is then removed, and kept as another name for “{b}”."
    ));
    out
}
