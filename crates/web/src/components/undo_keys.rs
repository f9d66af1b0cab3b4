//! Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes, anywhere in the page but in a text
//! field (where they belong to the field): a hook the root calls once. In a widget
//! (embed.rs) only inside the widget's element, so two widgets undo their own work.

use yew::prelude::*;

use crate::dom;
use crate::state::{Action, AppState};

#[hook]
pub fn use_undo_keys(dispatcher: UseReducerDispatcher<AppState>, within: Option<web_sys::HtmlElement>) {
    use_effect_with((), move |_| {
        let target: web_sys::EventTarget = match within {
            Some(element) => element.into(),
            None => web_sys::window()
                .and_then(|w| w.document())
                .expect("a page has a document")
                .into(),
        };
        let listener = gloo_events::EventListener::new_with_options(
            &target,
            "keydown",
            gloo_events::EventListenerOptions::enable_prevent_default(),
            move |e| {
                use wasm_bindgen::JsCast;
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if !(e.ctrl_key() || e.meta_key()) || e.alt_key() || dom::in_text_field(e) {
                    return;
                }
                let action = match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
                    ("z", false) => Action::Undo,
                    ("z", true) | ("y", false) => Action::Redo,
                    _ => return,
                };
                e.prevent_default();
                dispatcher.dispatch(action);
            },
        );
        move || drop(listener)
    });
}
