//! The edge of the two-tabs rule (`state::tabs`): hears other tabs' saves through
//! the browser's `storage` event, and tells them when this tab stops saving.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::{Action, AppState, OtherTab};
use crate::storage::{self, SAVE_KEY, TABS_KEY};

#[hook]
pub fn use_other_tabs(state: &UseReducerHandle<AppState>, saves: bool) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listener = web_sys::window().filter(|_| saves).map(|window| {
            gloo_events::EventListener::new(&window, "storage", move |event| {
                let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event)
                else {
                    return;
                };
                match (event.key().as_deref(), event.new_value()) {
                    (Some(SAVE_KEY), Some(text)) => {
                        dispatcher.dispatch(Action::OtherTabSaved(Rc::new(text)))
                    }
                    (Some(TABS_KEY), Some(_)) => dispatcher.dispatch(Action::OtherTabStopped),
                    _ => {}
                }
            })
        });
        move || drop(listener)
    });

    // Each time this tab stops saving, the tab that changed the work hears of it
    // (the value changes, so the browser tells every other tab).
    let changed = matches!(state.session.other_tab, OtherTab::Changed(_));
    use_effect_with(changed, |&changed| {
        if changed {
            let _ = storage::write(TABS_KEY, &js_sys::Date::now().to_string());
        }
    });
}
