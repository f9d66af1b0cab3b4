//! Forms' drafts: what the user has typed, before it is an edit. Each form's draft
//! lives in its own module; all are pure and tested on the host.

pub mod horizon;

/// A field's problem, said the way GOV.UK forms say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The form control's id suffix ("title", "likelihood"...).
    pub field: &'static str,
    pub message: String,
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
