//! The evaluation at the edge: after every change the suggestions depend on, at
//! once after a click and 250 ms after the last keystroke while typing (a newer
//! change cancels the wait), timed, and handed to the reducer. A hook the root
//! calls once.

use horizon_engine::Limits;
use yew::prelude::*;

use crate::state::{Action, AppState};
use crate::timing::{self, Timeout};

#[hook]
pub fn use_evaluation(state: &UseReducerHandle<AppState>) {
    let dispatcher = state.dispatcher();
    let state = state.clone();
    use_effect_with(state.review.revision, move |&revision| {
        let scenario = state.scenario().clone();
        let pack = state.pack.clone();
        let settings = state.project.work.settings.clone();
        let timer = Timeout::new(state.review.urgency.delay_ms(), move || {
            let started = timing::now_ms();
            let evaluation =
                horizon_engine::evaluate(&scenario, &pack, &settings, &Limits::default());
            let millis = timing::now_ms() - started;
            dispatcher.dispatch(Action::Evaluated {
                revision,
                scenario,
                evaluation: Box::new(evaluation),
                millis,
            });
        });
        move || drop(timer)
    });
}
