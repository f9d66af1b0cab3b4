//! The edge that runs the rule tests: when the user asks for a run, the tests run
//! against the rules as edited (after a frame, so "Running…" is drawn first), are
//! timed, and come back to the reducer as `Action::RuleTestsRan`.

use yew::prelude::*;

use crate::state::{run_request, Action, AppState};
use crate::timing::{self, Timeout};

#[hook]
pub fn use_rule_test_runner(state: &UseReducerHandle<AppState>) {
    let request = state.tests.running.clone();
    let pack = state.pack.clone();
    let tests = state.project.work.tests.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(request, move |request| {
        let timer = request.clone().map(|req| {
            Timeout::new(20, move || {
                let started = timing::now_ms();
                let (cases, untested) = run_request(&req, &pack, &tests);
                let millis = timing::now_ms() - started;
                timing::mark("horizon:rule-tests");
                dispatcher.dispatch(Action::RuleTestsRan {
                    serial: req.serial,
                    pack,
                    cases,
                    untested,
                    millis,
                });
            })
        });
        move || drop(timer)
    });
}
