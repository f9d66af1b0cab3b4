//! Forms' drafts: what a form holds while the user types, as text, and the pure
//! functions that read that text into the model's values ("78 %" → 0.78).
//!
//! A draft only says what it cannot read ("seventy" is not a number). Whether the
//! value may go into the scenario (a blank title, a share over 100 %) is the model's
//! judgement, asked with `Scenario::check`; [`from_refusal`] puts the model's answer
//! beside the right control, in the form's words. Everything here runs on the host.

pub mod consultation;
pub mod law;
pub mod meta;
pub mod new_review;
pub mod partner;
pub mod votes;

use horizon_model::{field_of, sentence, ProblemKind, Refusal};

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

/// How a form names one of the model's fields.
#[derive(Debug, Clone, Copy)]
pub struct FieldMap {
    /// The field's name in the model's JSON path ("share_agreeing").
    pub model: &'static str,
    /// The form control's id ("share").
    pub form: &'static str,
    /// What the field is called at the start of a sentence ("The title").
    pub label: &'static str,
    /// What to say when it is blank ("Enter a title").
    pub empty: &'static str,
    /// What to say when it is out of range, if the model's words are the file's
    /// (a share "from 0 to 1" where the form asks for a percentage).
    pub out_of_range: Option<&'static str>,
}

/// The model's refusal as the form's field errors: one per control, first problem
/// first; problems with a field the form does not show go on `fallback`.
pub fn from_refusal(refusal: &Refusal, fields: &[FieldMap], fallback: &str) -> Vec<FieldError> {
    let mut out: Vec<FieldError> = Vec::new();
    for p in refusal.problems() {
        let name = field_of(&p.path);
        let map = fields.iter().find(|f| f.model == name);
        let (field, message) = match map {
            Some(f) => (f.form, words_for(f, p.kind, &p.message)),
            None => (fallback, message(&p.message)),
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

fn words_for(f: &FieldMap, kind: ProblemKind, text: &str) -> String {
    match kind {
        ProblemKind::Empty => message(f.empty),
        ProblemKind::OutOfRange if f.out_of_range.is_some() => {
            message(f.out_of_range.unwrap_or_default())
        }
        ProblemKind::TooLong => too_long(f.label, text),
        _ => message(text),
    }
}

/// The ticked themes in the scenario's order, whatever order they were ticked in.
pub fn in_theme_order(s: &horizon_model::Scenario, ticked: &[String]) -> Vec<String> {
    s.themes
        .iter()
        .filter(|t| ticked.contains(&t.id))
        .map(|t| t.id.clone())
        .collect()
}

/// Theme names for a list, "None" when there are none.
pub fn theme_names(s: &horizon_model::Scenario, ids: &[String]) -> String {
    if ids.is_empty() {
        return "None".into();
    }
    ids.iter()
        .map(|t| s.theme(t).map_or(t.as_str(), |x| x.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
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
