//! The drafts behind the page's forms (plan, themes, groups, districts, horizon
//! items, categories): what the user has typed, as plain structs, and how each
//! becomes an [`Edit`]. Each form's draft lives in its own module.
//!
//! A draft only parses: text into typed values (which kind of plan, which themes,
//! which group). Whether the edit may be made (names present, short enough and
//! unique; references that resolve) is the model's, asked with
//! [`Scenario::check`]; its refusal comes back here as [`FieldError`]s placed on
//! the form's fields. Everything here is pure and tested on the host
//! (`crates/web/tests/web/plan_forms.rs`).

pub mod horizon;
pub mod merge;
pub mod name;
pub mod plan;
pub mod plan_item;
pub mod theme;

use horizon_model::{count, field_of, sentence, Collection, Edit, Refusal, Scenario};

/// A field's problem, said the way GOV.UK forms say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The form control's id suffix ("title", "likelihood"...).
    pub field: &'static str,
    pub message: String,
}

/// The refusal's problems as field errors: each on the form field its path ends
/// in (one of `fields`), or on `fallback` when the form has no such field.
pub fn field_errors(
    refusal: &Refusal,
    fields: &[&'static str],
    fallback: &'static str,
) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = Vec::new();
    for p in refusal.problems() {
        let name = field_of(&p.path);
        let field = fields
            .iter()
            .copied()
            .find(|f| *f == name)
            .unwrap_or(fallback);
        let error = FieldError {
            field,
            message: sentence(&p.message),
        };
        if !out.contains(&error) {
            out.push(error);
        }
    }
    out
}

/// `edit`, if the model would make it; otherwise why not, field by field.
pub fn checked(
    s: &Scenario,
    edit: Edit,
    fields: &[&'static str],
    fallback: &'static str,
) -> Result<Edit, Vec<FieldError>> {
    match s.check(&edit) {
        Ok(_) => Ok(edit),
        Err(refusal) => Err(field_errors(&refusal, fields, fallback)),
    }
}

/// The removal of `id` from `collection`, if the model would make it; otherwise
/// its reason, as a sentence (a theme group that still holds themes, the district
/// whose own plan is under review).
pub fn removal(s: &Scenario, collection: Collection, id: &str) -> Result<Edit, String> {
    let edit = Edit::Remove {
        collection,
        id: id.to_string(),
    };
    match s.check(&edit) {
        Ok(_) => Ok(edit),
        Err(refusal) => Err(refusal.sentence()),
    }
}

/// The id the model will give the item `edit` adds (for focusing its new row).
pub fn added_id(s: &Scenario, edit: &Edit) -> Option<String> {
    s.check(edit).ok().and_then(|a| a.id)
}

/// Theme names for ids, in the order given: "Domestic Abuse, Substance Misuse".
pub fn theme_names(s: &Scenario, ids: &[String]) -> String {
    ids.iter()
        .map(|t| s.theme(t).map_or(t.as_str(), |x| x.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What refers to theme `id` outside the matrix, counted per kind of thing:
/// "1 focus area and 2 horizon items" (empty when nothing does).
pub(crate) fn theme_links(s: &Scenario, id: &str) -> String {
    let has = |themes: &[String]| themes.iter().any(|t| t == id);
    let counts = [
        (
            s.plan.focus_areas.iter().filter(|x| has(&x.themes)).count(),
            "focus area",
            "focus areas",
        ),
        (
            s.plan
                .cross_cutting_themes
                .iter()
                .filter(|x| has(&x.themes))
                .count(),
            "cross-cutting theme",
            "cross-cutting themes",
        ),
        (
            s.horizon.iter().filter(|x| has(&x.themes)).count(),
            "horizon item",
            "horizon items",
        ),
        (
            s.partner_priorities
                .iter()
                .filter(|x| has(&x.themes))
                .count(),
            "partner priority",
            "partner priorities",
        ),
        (
            s.legislation.iter().filter(|x| has(&x.themes)).count(),
            "piece of legislation",
            "pieces of legislation",
        ),
    ];
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| count(*n, one, many))
        .collect();
    join_and(&parts)
}

/// How many matrix cells name theme `id`.
pub(crate) fn theme_cells(s: &Scenario, id: &str) -> usize {
    s.matrix
        .iter()
        .find(|r| r.theme == id)
        .map_or(0, |r| r.cells.len())
}

/// The stakeholder votes theme `id` has.
pub(crate) fn theme_votes(s: &Scenario, id: &str) -> u32 {
    s.votes
        .iter()
        .filter(|v| v.theme == id)
        .map(|v| v.votes)
        .sum()
}

/// The edit adding a horizon category called `name`, or renaming category `id` to
/// it, if the model accepts it; otherwise its reason as a sentence.
pub fn category_edit(
    s: &horizon_model::Scenario,
    name: &str,
    id: Option<&str>,
) -> Result<horizon_model::Edit, String> {
    use horizon_model::{Edit, HorizonCategory, Item};
    let category = HorizonCategory {
        id: id.unwrap_or_default().to_string(),
        name: name.trim().to_string(),
    };
    let edit = match id {
        Some(id) => Edit::Update {
            id: id.to_string(),
            item: Item::Category(category),
        },
        None => Edit::Add(Item::Category(category)),
    };
    s.check(&edit)
        .map(|_| edit.clone())
        .map_err(|r| r.sentence())
}
