//! What every GOV.UK-style form here shares: reading a control's value, moving focus
//! to a saved row once it is drawn, and a control's message and description. The
//! shared components are `error_summary`, `field` and `theme_checks`.

use horizon_model::Scenario;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::drafts::FieldError;
use crate::state::Shared;

/// Focuses the element with `id`, if it is on the page. Returns whether it was.
pub fn focus_id(id: &str) -> bool {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    match el {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
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

/// The message for `field`, if it has one.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// `aria-describedby` for a control: its hint and its message, when shown.
pub fn described(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}
