//! Autosave: the work, its history, its snapshots and the open view go to the
//! browser's storage whenever they change, just after the change is on screen (a
//! national project is megabytes of JSON to write) and once for a burst of changes.
//! A refusal (storage full or switched off) turns autosave off with a banner
//! (`Action::AutosaveFailed`). The root calls this once.

use yew::prelude::*;

use crate::state::{Action, AppState};
use crate::storage::{self, SAVE_KEY};

#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>) {
    let state = state.clone();
    let dispatcher = state.dispatcher();
    let pending = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let deps = (
        state.project.work.clone(),
        state.project.history.clone(),
        state.project.snapshots.clone(),
        state.session.route.clone(),
    );
    use_effect_with(deps, move |_| {
        if state.may_autosave() {
            *pending.borrow_mut() = Some(gloo_timers::callback::Timeout::new(0, move || {
                if let Err(why) = storage::write(SAVE_KEY, &storage::encode(&state)) {
                    dispatcher.dispatch(Action::AutosaveFailed(why));
                }
            }));
        }
    });
}
