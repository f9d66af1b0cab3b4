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

/// A request to focus an element by id once the page has been drawn with it (a
/// saved row appears only after the edit is applied). Kept until the element exists.
#[hook]
pub fn use_focus_after(scenario: &Shared<Scenario>) -> UseStateHandle<Option<String>> {
    let target = use_state(|| None::<String>);
    {
        let t = target.clone();
        use_effect_with(((*target).clone(), scenario.clone()), move |(want, _)| {
            if let Some(id) = want {
                if focus_id(id) {
                    t.set(None);
                }
            }
        });
    }
    target
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
