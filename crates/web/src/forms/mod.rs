//! The drafts behind the page's forms (plan, themes, groups, districts, horizon
//! items, categories, partner priorities, legislation, consultation, votes, the
//! review's details, a new review): what the user has typed, as plain structs, and
//! how each becomes an [`Edit`] ("78 %" → 0.78). Each form's draft lives in its
//! own module.
//!
//! A draft only parses: text into typed values (which kind of plan, which themes,
//! which group). Whether the edit may be made (names present, short enough and
//! unique; references that resolve) is the model's, asked with
//! [`Scenario::check`]; its refusal comes back here as [`FieldError`]s placed on
//! the form's fields. Everything here is pure and tested on the host
//! (`crates/web/tests/web/plan_forms.rs`).

pub mod consultation;
pub mod event;
pub mod horizon;
pub mod import;
pub mod law;
pub mod merge;
pub mod meta;
pub mod name;
pub mod new_review;
pub mod partner;
pub mod plan;
pub mod plan_item;
pub mod rule_test;
pub mod theme;
pub mod votes;

use horizon_model::{
    count, field_of, sentence, Collection, Edit, Item, ProblemKind, Refusal, Scenario,
};

/// One control's problem, as GOV.UK forms show it: beside the control and, linked
/// to it, in the error summary at the top of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The control's id within its form ("title", "share").
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// `edit`, if the model would make it; otherwise why not, field by field.
pub fn checked(
    s: &Scenario,
    edit: Edit,
    fields: &[FieldMap],
    fallback: &str,
) -> Result<Edit, Vec<FieldError>> {
    match s.check(&edit) {
        Ok(_) => Ok(edit),
        Err(refusal) => Err(from_refusal(&refusal, fields, fallback)),
    }
}

/// Adding `item` (no `id`), or putting it in place of the item `id`.
pub fn add_or_update(id: Option<&str>, item: Item) -> Edit {
    match id {
        None => Edit::Add(item),
        Some(id) => Edit::Update {
            id: id.to_string(),
            item,
        },
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

pub(crate) use horizon_model::join_and;

/// What refers to theme `id` outside the matrix, counted per kind of thing:
/// "1 focus area and 2 horizon items" (empty when nothing does).
pub(crate) fn theme_links(s: &Scenario, id: &str) -> String {
    let has = |themes: &[String]| themes.iter().any(|t| t == id);
    let counts = [
        (
            s.plan()
                .focus_areas
                .iter()
                .filter(|x| has(&x.themes))
                .count(),
            "focus area",
            "focus areas",
        ),
        (
            s.plan()
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
pub fn category_edit(s: &Scenario, name: &str, id: Option<&str>) -> Result<Edit, String> {
    let category = horizon_model::HorizonCategory {
        id: id.unwrap_or_default().to_string(),
        name: name.trim().to_string(),
    };
    let edit = add_or_update(id, Item::Category(category));
    s.check(&edit)
        .map(|_| edit.clone())
        .map_err(|r| r.sentence())
}

/// How a form names one of the model's fields, and in whose words its problems are
/// said: the form's own (GOV.UK style: "Enter a title", no full stop), or the
/// model's sentence as it stands ("The plan has no name.").
#[derive(Debug, Clone, Copy)]
pub struct FieldMap {
    /// The field's name in the model's JSON path ("share_agreeing").
    pub model: &'static str,
    /// The form control's id ("share").
    pub form: &'static str,
    /// The form's own words; `None` says the model's.
    pub words: Option<Words>,
}

/// A form's own words for one field's problems.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// What the field is called at the start of a sentence ("The title").
    pub label: &'static str,
    /// What to say when it is blank ("Enter a title").
    pub empty: &'static str,
    /// What to say when it is out of range, if the model's words are the file's
    /// (a share "from 0 to 1" where the form asks for a percentage).
    pub out_of_range: Option<&'static str>,
}

impl FieldMap {
    /// The control `name`, for the model's field of that name, in the model's words.
    pub const fn plain(name: &'static str) -> FieldMap {
        FieldMap {
            model: name,
            form: name,
            words: None,
        }
    }

    /// The control `name` for the model's field of that name, in the form's words:
    /// what it is called ("The title") and what to say when it is blank.
    pub const fn worded(name: &'static str, label: &'static str, empty: &'static str) -> FieldMap {
        FieldMap {
            model: name,
            form: name,
            words: Some(Words {
                label,
                empty,
                out_of_range: None,
            }),
        }
    }

    /// The same, for the model's field `model` ("time_horizon", "share_agreeing").
    pub const fn from_model(self, model: &'static str) -> FieldMap {
        FieldMap { model, ..self }
    }

    /// What this field's problem of `kind` says, given the model's `text`.
    fn say(&self, kind: ProblemKind, text: &str) -> String {
        let Some(w) = self.words else {
            return sentence(text);
        };
        match (kind, w.out_of_range) {
            (ProblemKind::Empty, _) => message(w.empty),
            (ProblemKind::OutOfRange, Some(words)) => message(words),
            (ProblemKind::TooLong, _) => too_long(w.label, text),
            _ => message(text),
        }
    }
}

/// The model's refusal as the form's field errors: one per control, first problem
/// first; a problem with a field the form does not show goes on `fallback`, in
/// that control's words.
pub fn from_refusal(refusal: &Refusal, fields: &[FieldMap], fallback: &str) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = Vec::new();
    for p in refusal.problems() {
        let name = field_of(&p.path);
        let (field, message) = match fields.iter().find(|f| f.model == name) {
            Some(f) => (f.form, f.say(p.kind, &p.message)),
            None => {
                let words = fields.iter().find(|f| f.form == fallback);
                let message = match words {
                    Some(f) if f.words.is_none() => sentence(&p.message),
                    _ => message(&p.message),
                };
                (fallback, message)
            }
        };
        if !out.iter().any(|e| e.field == field) {
            out.push(FieldError::new(field, message));
        }
    }
    out
}

/// A message as GOV.UK error messages are written: a capital first letter and no
/// full stop at the end.
pub fn message(text: &str) -> String {
    sentence(text).trim_end_matches('.').to_string()
}

/// "the partner priority's priority must be 200 characters or fewer, not 250", said
/// of `label`: "The priority must be 200 characters or fewer, not 250".
pub fn too_long(label: &str, model_message: &str) -> String {
    match model_message.find("must be") {
        Some(at) => message(&format!("{label} {}", &model_message[at..])),
        None => message(model_message),
    }
}

/// The ticked themes in the scenario's order, whatever order they were ticked in.
pub fn in_theme_order(s: &Scenario, ticked: &[String]) -> Vec<String> {
    s.themes
        .iter()
        .filter(|t| ticked.contains(&t.id))
        .map(|t| t.id.clone())
        .collect()
}

/// `ticked` with `theme` ticked (`on`) or not; a newly ticked theme goes last.
pub fn tick(ticked: &[String], theme: &str, on: bool) -> Vec<String> {
    let mut next: Vec<String> = ticked.iter().filter(|t| *t != theme).cloned().collect();
    if on {
        next.push(theme.to_string());
    }
    next
}

/// A whole number as people type it: "1,204", " 420 ". `None` if it is not one.
pub fn whole_number(text: &str) -> Option<u32> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}'))
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}
