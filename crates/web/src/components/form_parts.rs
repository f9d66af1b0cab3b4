//! Small pieces the plan, theme, group and district forms share: moving focus by
//! element id after the page has re-rendered, and the GOV.UK field layout (label,
//! hint, the field's own error, the control). No component lives here.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use horizon_model::Scenario;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use crate::forms::FieldError;
use crate::state::Shared;

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

/// `aria-describedby` for a control: its hint and its message, when shown.
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
