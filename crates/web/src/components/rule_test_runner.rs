//! The edge that runs the rule tests: when the user asks for a run, the tests run
//! against the rules as edited, a few at a time (about 30 ms of work, then the page
//! draws and answers input before the next few), are timed, and come back to the
//! reducer as `Action::RuleTestsRan`; in between, `Action::RuleTestsProgress` says
//! how far it has got. A newer request stops an older run.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use horizon_engine::ruletest::{self, CaseResult};
use horizon_engine::{RuleFile, RuleSource};
use yew::prelude::*;

use crate::state::{tests_for, untested_rules, Action, AppState, Shared, TestRequest};
use crate::timing::{self, Timeout};

/// Work per slice before the page gets the main thread back.
const SLICE_MS: f64 = 30.0;

struct Job {
    request: TestRequest,
    pack: Shared<Vec<RuleSource>>,
    files: Vec<RuleFile>,
    done: Vec<CaseResult>,
    started: f64,
    /// Time spent running tests, without the pauses between slices.
    working: f64,
    dispatcher: UseReducerDispatcher<AppState>,
}

fn slice(job: Rc<RefCell<Job>>, stopped: Rc<Cell<bool>>) {
    Timeout::new(0, move || {
        if stopped.get() {
            return;
        }
        let mut j = job.borrow_mut();
        let from = timing::now_ms();
        while j.done.len() < j.files.len() && timing::now_ms() - from < SLICE_MS {
            let f = &j.files[j.done.len()];
            let case = ruletest::run_case(&f.name, &f.text, &j.pack);
            j.done.push(case);
        }
        j.working += timing::now_ms() - from;
        if j.done.len() < j.files.len() {
            j.dispatcher.dispatch(Action::RuleTestsProgress {
                serial: j.request.serial,
                done: j.done.len(),
                of: j.files.len(),
            });
            drop(j);
            slice(job, stopped);
            return;
        }
        let cases = std::mem::take(&mut j.done);
        let untested = j
            .request
            .rule
            .is_none()
            .then(|| untested_rules(&j.pack, &cases));
        timing::mark("horizon:rule-tests");
        j.dispatcher.dispatch(Action::RuleTestsRan {
            serial: j.request.serial,
            pack: j.pack.clone(),
            cases,
            untested,
            millis: timing::now_ms() - j.started,
            working_millis: j.working,
        });
    })
    .forget();
}

#[hook]
pub fn use_rule_test_runner(state: &UseReducerHandle<AppState>) {
    let request = state.tests.running.clone();
    let pack = state.pack.clone();
    let tests = state.project.work.tests.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(request, move |request| {
        let stopped = Rc::new(Cell::new(false));
        if let Some(request) = request.clone() {
            let files = tests_for(&tests, request.rule.as_deref());
            let job = Job {
                request,
                pack,
                files,
                done: Vec::new(),
                started: timing::now_ms(),
                working: 0.0,
                dispatcher,
            };
            slice(Rc::new(RefCell::new(job)), stopped.clone());
        }
        move || stopped.set(true)
    });
}
