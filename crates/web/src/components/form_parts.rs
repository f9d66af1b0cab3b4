//! Small pieces every form shares: its refused-save state ([`Refusals`]), moving
//! focus by element id once the page shows the result of an edit ([`FocusAfter`]),
//! reading a control's value, and the ids a control's `aria-describedby` lists.
//! The components they go with are `Field`, `FormShell` and `ErrorSummary`.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use horizon_model::{Collection, Edit, Scenario};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

pub use crate::dom::focus_id;
use crate::forms::{added_id, FieldError};
use crate::state::Shared;

/// A form's problems since its last save, and how many saves were refused (so the
/// error summary takes focus again on each).
#[derive(Clone, PartialEq)]
pub struct Refusals {
    errors: UseStateHandle<Vec<FieldError>>,
    attempt: UseStateHandle<u32>,
}

impl Refusals {
    /// Shows `list` as a refused save.
    pub fn refuse(&self, list: Vec<FieldError>) {
        self.errors.set(list);
        self.attempt.set(*self.attempt + 1);
    }

    /// Sends a made edit to `on_edit`, clearing the problems, or shows why it could
    /// not be made. True if it went.
    pub fn submit(&self, made: Result<Edit, Vec<FieldError>>, on_edit: &Callback<Edit>) -> bool {
        match made {
            Ok(edit) => {
                self.clear();
                on_edit.emit(edit);
                true
            }
            Err(list) => {
                self.refuse(list);
                false
            }
        }
    }

    /// Clears the problems (a save went through, or the form opened afresh).
    pub fn clear(&self) {
        self.errors.set(Vec::new());
    }

    pub fn list(&self) -> &[FieldError] {
        &self.errors
    }

    pub fn attempt(&self) -> u32 {
        *self.attempt
    }

    /// The message for `field`, if there is one.
    pub fn get(&self, field: &str) -> Option<String> {
        error_for(&self.errors, field)
    }
}

#[hook]
pub fn use_refusals() -> Refusals {
    Refusals {
        errors: use_state(Vec::<FieldError>::new),
        attempt: use_state(|| 0u32),
    }
}

/// Focuses the element `id` once, when the component is first drawn (a form's
/// first control as it opens).
#[hook]
pub fn use_focus_on_open(id: String) {
    use_effect_with((), move |_| {
        focus_id(&id);
    });
}

/// The message for `field`, if the errors have one.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// `aria-describedby` for the control `id`: its hint and its message, when shown.
pub fn described_by(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The value of the input, select or textarea an event came from.
pub fn control_value(target: Option<web_sys::EventTarget>) -> Option<String> {
    let target = target?;
    if let Some(i) = target.dyn_ref::<HtmlInputElement>() {
        Some(i.value())
    } else if let Some(s) = target.dyn_ref::<HtmlSelectElement>() {
        Some(s.value())
    } else {
        target.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value())
    }
}

/// A callback that writes a value into the draft with `apply` (the ticked themes).
pub fn set_into<D: Clone + 'static, V: 'static>(
    draft: &UseStateHandle<D>,
    apply: fn(&mut D, V),
) -> Callback<V> {
    let draft = draft.clone();
    Callback::from(move |v: V| {
        let mut d = (*draft).clone();
        apply(&mut d, v);
        draft.set(d);
    })
}

/// A callback for a control's `input` (or, as `Event`, `change`) that writes its
/// value into the draft with `apply`.
pub fn typed_into<D: Clone + 'static, E: AsRef<Event> + 'static>(
    draft: &UseStateHandle<D>,
    apply: fn(&mut D, String),
) -> Callback<E> {
    let draft = draft.clone();
    Callback::from(move |e: E| {
        if let Some(v) = control_value(e.as_ref().target()) {
            let mut d = (*draft).clone();
            apply(&mut d, v);
            draft.set(d);
        }
    })
}

/// A request to focus an element by id once the page has been drawn with it.
#[derive(Debug, Clone, PartialEq)]
struct FocusRequest {
    id: String,
    /// Wait while the scenario is still this one (the edit not yet applied): a saved
    /// row appears, and a moved row settles in its new place, only after the edit.
    until_changed_from: Option<Shared<Scenario>>,
}

/// Moves focus to an element once it is drawn: [`FocusAfter::now`] as soon as it
/// exists, [`FocusAfter::after_edit`] once the scenario has changed too.
#[derive(Clone)]
pub struct FocusAfter {
    request: UseStateHandle<Option<FocusRequest>>,
    scenario: Shared<Scenario>,
}

impl FocusAfter {
    pub fn now(&self, id: impl Into<String>) {
        self.request.set(Some(FocusRequest {
            id: id.into(),
            until_changed_from: None,
        }));
    }

    pub fn after_edit(&self, id: impl Into<String>) {
        self.request.set(Some(FocusRequest {
            id: id.into(),
            until_changed_from: Some(self.scenario.clone()),
        }));
    }
}

#[hook]
pub fn use_focus_after(scenario: &Shared<Scenario>) -> FocusAfter {
    let request = use_state(|| None::<FocusRequest>);
    {
        let r = request.clone();
        use_effect_with(
            ((*request).clone(), scenario.clone()),
            move |(want, now)| {
                if let Some(want) = want {
                    let waiting = want.until_changed_from.as_ref() == Some(now);
                    if !waiting && focus_id(&want.id) {
                        r.set(None);
                    }
                }
            },
        );
    }
    FocusAfter {
        request,
        scenario: scenario.clone(),
    }
}

/// Which form a list has open in place: none, the one adding an item, or the one
/// changing item `id`.
#[derive(Clone, PartialEq)]
pub enum Open {
    None,
    New,
    Existing(String),
}

/// A list whose rows open a form in place to add or change an item. Saving sends
/// the edit on and focuses the saved row; cancelling focuses the button that
/// opened the form.
#[derive(Clone)]
pub struct RowForms {
    open: UseStateHandle<Open>,
    focus: FocusAfter,
    scenario: Shared<Scenario>,
    on_edit: Callback<Edit>,
    row_id: fn(&str) -> String,
}

impl RowForms {
    pub fn is_open(&self, which: &Open) -> bool {
        *self.open == *which
    }

    pub fn opener<E>(&self, which: Open) -> Callback<E> {
        let open = self.open.clone();
        Callback::from(move |_: E| open.set(which.clone()))
    }

    /// Saves the checked edit of item `editing` (or of a new one).
    pub fn submit(&self, editing: Option<String>) -> Callback<Edit> {
        let this = self.clone();
        Callback::from(move |edit: Edit| {
            let saved = editing.clone().or_else(|| added_id(&this.scenario, &edit));
            this.open.set(Open::None);
            this.on_edit.emit(edit);
            this.focus
                .after_edit((this.row_id)(&saved.unwrap_or_default()));
        })
    }

    /// Removes item `id` of `collection`, then focuses `then`.
    pub fn remove(&self, collection: Collection, id: String, then: &'static str) -> Callback<()> {
        let (on_edit, focus) = (self.on_edit.clone(), self.focus.clone());
        Callback::from(move |()| {
            on_edit.emit(Edit::Remove {
                collection,
                id: id.clone(),
            });
            focus.after_edit(then);
        })
    }

    /// Moves item `id` of `collection` to a place, then focuses the button given
    /// (as `RowActions` asks).
    pub fn mover(&self, collection: Collection, id: String) -> Callback<(usize, String)> {
        let (on_edit, focus) = (self.on_edit.clone(), self.focus.clone());
        Callback::from(move |(to, then): (usize, String)| {
            on_edit.emit(Edit::Move {
                collection,
                id: id.clone(),
                to,
            });
            focus.after_edit(then);
        })
    }

    /// Closes the form, focusing `back_to`.
    pub fn cancel(&self, back_to: String) -> Callback<()> {
        let (open, focus) = (self.open.clone(), self.focus.clone());
        Callback::from(move |()| {
            open.set(Open::None);
            focus.now(back_to.clone());
        })
    }
}

/// [`RowForms`] for a list of the scenario's items whose rows have the ids `row_id` gives.
#[hook]
pub fn use_row_forms(
    scenario: &Shared<Scenario>,
    on_edit: &Callback<Edit>,
    row_id: fn(&str) -> String,
) -> RowForms {
    RowForms {
        open: use_state(|| Open::None),
        focus: use_focus_after(scenario),
        scenario: scenario.clone(),
        on_edit: on_edit.clone(),
        row_id,
    }
}
