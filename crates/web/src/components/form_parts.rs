//! Small pieces the plan, theme, group and district forms share: moving focus by
//! element id after the page has re-rendered, and the GOV.UK field layout (label,
//! hint, the field's own error, the control). No component lives here.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::forms::FieldError;

/// Focuses the element with this id; false if there is none (yet).
pub fn focus_id(id: &str) -> bool {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match el {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Where focus should go once the page shows the result of an edit.
#[derive(Clone)]
pub struct FocusLater(Rc<RefCell<Option<(String, u8)>>>);

impl FocusLater {
    /// Asks for the element `id` to be focused after the coming renders.
    pub fn set(&self, id: impl Into<String>) {
        *self.0.borrow_mut() = Some((id.into(), 0));
    }
}

/// A [`FocusLater`] for this component: after each of its renders, focuses the
/// element asked for if it is on the page, giving up after a few renders (so an
/// old request never steals focus later).
#[hook]
pub fn use_focus_later() -> FocusLater {
    let target = use_mut_ref(|| None::<(String, u8)>);
    {
        let target = target.clone();
        use_effect(move || {
            let pending = target.borrow().clone();
            if let Some((id, tries)) = pending {
                if focus_id(&id) || tries >= 3 {
                    *target.borrow_mut() = None;
                } else {
                    *target.borrow_mut() = Some((id, tries + 1));
                }
            }
        });
    }
    FocusLater(target)
}

/// The message for `field`, if the errors have one.
pub fn error_for(errors: &[FieldError], field: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == field)
        .map(|e| e.message.clone())
}

/// The ids a control's `aria-describedby` lists: its hint and its error.
pub fn described(prefix: &str, field: &str, hint: bool, errors: &[FieldError]) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{prefix}-{field}-hint"));
    }
    if error_for(errors, field).is_some() {
        ids.push(format!("{prefix}-{field}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A labelled control with its hint and error message, GOV.UK style. The control's
/// id must be `{prefix}-{field}`.
pub fn field(
    prefix: &str,
    field: &str,
    label: &str,
    hint: Option<&str>,
    errors: &[FieldError],
    control: Html,
) -> Html {
    let err = error_for(errors, field);
    html! {
        <div class={classes!("field", err.is_some().then_some("field-has-error"))}>
            <label class="label" for={format!("{prefix}-{field}")}>{ label }</label>
            if let Some(h) = hint {
                <p class="hint" id={format!("{prefix}-{field}-hint")}>{ h }</p>
            }
            if let Some(m) = err {
                <p class="field-error" id={format!("{prefix}-{field}-error")}>
                    <span class="visually-hidden">{ "Error: " }</span>{ m }
                </p>
            }
            { control }
        </div>
    }
}
