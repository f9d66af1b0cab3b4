//! The evaluation at the edge: after every change the suggestions depend on, at once
//! after a click and 250 ms after the last keystroke while typing (a newer change
//! cancels the wait), in a Web Worker, timed, and handed to the reducer. A hook the
//! root calls once; it gives back the Stop button's callback.
//!
//! The rules never run on the page's thread, so no rule can freeze or kill the page.
//! The worker (`crate::worker`, started by boot.js's `__horizonWorker`) is kept
//! between runs, and runs one evaluation at a time: a change made while one runs
//! waits, and only the latest waiting change is run. Before each rule it says which
//! rule it is starting. After [`SLOW_MS`] the page says the evaluation is taking a
//! while and offers Stop; Stop, a rule still running after [`WATCHDOG_MS`], or a trap
//! in the worker, terminates the worker (a fresh one is started for the next run) and
//! tells the reducer which rule it was running. While a rule has been running a while
//! its id is kept in localStorage ([`RUNNING_KEY`]), so a page closed in the middle
//! does not run it blindly again at the next start.
//!
//! If the browser cannot start a worker, the rules run on the page's thread as before.

use std::cell::RefCell;
use std::rc::Rc;

use horizon_engine::{Limits, RuleFile, Settings};
use horizon_model::Scenario;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::shared::Shared;
use crate::state::{Action, AppState, EditStep, StopReason};
use crate::storage::{self, RUNNING_KEY};
use crate::timing::{self, Timeout};
use crate::worker::{keep_latest, read_answer, Answer, Held, Request};

/// After this long the page says the suggestions are still being worked out, and offers Stop.
pub const SLOW_MS: u32 = 500;
/// A rule still running this long after it started is stopped. The engine stops a
/// rule at its time limit itself; only a single step it cannot interrupt (one huge
/// sort, say) runs on past it.
pub const WATCHDOG_MS: u32 = 5_000;

#[wasm_bindgen]
extern "C" {
    /// boot.js's worker factory: a new evaluation worker, already given the compiled module.
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = "__horizonWorker")]
    fn new_worker() -> Result<web_sys::Worker, JsValue>;
}

/// What one evaluation runs on.
struct Input {
    revision: u64,
    scenario: Shared<Scenario>,
    /// The edit that made `scenario`, and what it was made to.
    step: Option<EditStep>,
    rules: Shared<Vec<RuleFile>>,
    settings: Shared<Settings>,
}

/// The evaluation the worker is running.
struct Job {
    seq: u64,
    input: Input,
    posted_ms: f64,
    /// The rule running now (its id) and when it started.
    rule: Option<(String, f64)>,
    slow: bool,
    _slow_timer: Timeout,
    watchdog: Timeout,
}

struct Live {
    worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    /// Whether this worker has ever answered (one that fails before that cannot start here).
    answered: bool,
    /// What the worker keeps from its last evaluations, oldest first (`crate::worker`).
    held: Vec<Held>,
}

struct Runner {
    dispatcher: UseReducerDispatcher<AppState>,
    live: Option<Live>,
    job: Option<Job>,
    waiting: Option<Input>,
    seq: u64,
    /// The browser could not start or run a worker: evaluate on the page's thread.
    no_worker: bool,
}

type Handle = Rc<RefCell<Runner>>;

#[hook]
pub fn use_evaluation(state: &UseReducerHandle<AppState>) -> Callback<()> {
    let dispatcher = state.dispatcher();
    let runner: Handle = use_mut_ref(move || Runner {
        dispatcher,
        live: None,
        job: None,
        waiting: None,
        seq: 0,
        no_worker: false,
    });
    {
        let runner = runner.clone();
        let state = state.clone();
        use_effect_with(state.review.revision, move |&revision| {
            let input = Input {
                revision,
                scenario: state.scenario().clone(),
                step: state.review.step.clone(),
                rules: state.rule_files().clone(),
                settings: state.project.work.settings.clone(),
            };
            let timer = Timeout::new(state.review.urgency.delay_ms(), move || {
                submit(&runner, input)
            });
            move || drop(timer)
        });
    }
    Callback::from(move |()| {
        let seq = runner.borrow().job.as_ref().map(|j| j.seq);
        if let Some(seq) = seq {
            stop(&runner, seq, |after_ms| StopReason::Asked { after_ms });
        }
    })
}

fn submit(h: &Handle, input: Input) {
    if h.borrow().job.is_some() {
        h.borrow_mut().waiting = Some(input);
    } else {
        post(h, input);
    }
}

/// Sends `input` to the worker (starting one if need be), or evaluates it here.
fn post(h: &Handle, input: Input) {
    let Some(worker) = worker(h) else {
        return evaluate_here(h, input);
    };
    let seq = {
        let mut r = h.borrow_mut();
        r.seq += 1;
        r.seq
    };
    let request = {
        let r = h.borrow();
        let held = r.live.as_ref().map_or(&[][..], |l| &l.held[..]);
        let i = &input;
        Request::building_on(held, seq, &i.scenario, i.step.as_ref(), &i.rules, &i.settings, &Limits::default()).to_json()
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"seq".into(), &(seq as f64).into());
    let _ = js_sys::Reflect::set(&message, &"request".into(), &request.into());
    if worker.post_message(&message).is_err() {
        no_worker(h);
        return evaluate_here(h, input);
    }
    let weak = Rc::downgrade(h);
    let slow_timer = Timeout::new(SLOW_MS, move || {
        if let Some(h) = weak.upgrade() {
            slow(&h, seq);
        }
    });
    h.borrow_mut().job = Some(Job {
        seq,
        input,
        posted_ms: timing::now_ms(),
        rule: None,
        slow: false,
        _slow_timer: slow_timer,
        watchdog: watchdog(h, seq),
    });
}

fn watchdog(h: &Handle, seq: u64) -> Timeout {
    let weak = Rc::downgrade(h);
    Timeout::new(WATCHDOG_MS, move || {
        if let Some(h) = weak.upgrade() {
            stop(&h, seq, |after_ms| StopReason::PastTimeLimit { after_ms });
        }
    })
}

/// This browser cannot run the worker: from now on the rules run on the page's own
/// thread, and the page says so once.
fn no_worker(h: &Handle) {
    let first = !std::mem::replace(&mut h.borrow_mut().no_worker, true);
    if first {
        let d = h.borrow().dispatcher.clone();
        d.dispatch(Action::NoWorker);
    }
}

/// The running worker, or a new one; `None` if the browser cannot start one.
fn worker(h: &Handle) -> Option<web_sys::Worker> {
    if h.borrow().no_worker {
        return None;
    }
    if let Some(live) = &h.borrow().live {
        return Some(live.worker.clone());
    }
    let Ok(worker) = new_worker() else {
        no_worker(h);
        return None;
    };
    let weak = Rc::downgrade(h);
    let on_message = Closure::<dyn FnMut(_)>::new(move |e: web_sys::MessageEvent| {
        if let Some(h) = weak.upgrade() {
            answered(&h, &e.data());
        }
    });
    let weak = Rc::downgrade(h);
    let on_error = Closure::<dyn FnMut(_)>::new(move |e: web_sys::Event| {
        e.prevent_default();
        if let Some(h) = weak.upgrade() {
            worker_failed(&h, &e);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    h.borrow_mut().live = Some(Live {
        worker: worker.clone(),
        _on_message: on_message,
        _on_error: on_error,
        answered: false,
        held: Vec::new(),
    });
    Some(worker)
}

fn field(data: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(data, &name.into())
        .ok()
        .filter(|v| !v.is_undefined())
}

/// A message from the worker: a rule starting, the answer, or a crash.
fn answered(h: &Handle, data: &JsValue) {
    let seq = field(data, "seq").and_then(|s| s.as_f64()).map(|s| s as u64);
    let current = h.borrow().job.as_ref().map(|j| j.seq);
    if seq.is_none() || seq != current {
        return; // from a run already stopped
    }
    let seq = current.unwrap_or_default();
    if let Some(rule) = field(data, "started").and_then(|r| r.as_string()) {
        let slow_news = {
            let mut r = h.borrow_mut();
            let dog = watchdog(h, seq);
            let Some(job) = r.job.as_mut() else { return };
            job.rule = Some((rule.clone(), timing::now_ms()));
            job.watchdog = dog;
            job.slow.then_some(job.input.revision)
        };
        if let Some(revision) = slow_news {
            let _ = storage::write(RUNNING_KEY, &rule);
            let d = h.borrow().dispatcher.clone();
            d.dispatch(Action::EvaluationSlow {
                revision,
                rule: Some(rule),
            });
        }
    } else if let Some(text) = field(data, "done").and_then(|t| t.as_string()) {
        let Some(job) = h.borrow_mut().job.take() else {
            return;
        };
        if job.slow {
            storage::remove(RUNNING_KEY);
        }
        let millis = timing::now_ms() - job.posted_ms;
        let answer = read_answer(&text);
        if let Some(live) = h.borrow_mut().live.as_mut() {
            live.answered = true;
            match &answer {
                Answer::Evaluated(_) => keep_latest(
                    &mut live.held,
                    Held {
                        version: job.seq,
                        scenario: job.input.scenario.clone(),
                        rules: job.input.rules.clone(),
                    },
                ),
                _ => live.held.clear(),
            }
        }
        let d = h.borrow().dispatcher.clone();
        match answer {
            Answer::Evaluated(evaluation) => d.dispatch(Action::Evaluated {
                revision: job.input.revision,
                scenario: job.input.scenario,
                evaluation: Box::new(evaluation),
                millis,
            }),
            // The worker did not hold what the request built on: it is sent again
            // whole (nothing is held now), unless a newer change is waiting.
            Answer::OutOfStep => {
                let mut r = h.borrow_mut();
                if r.waiting.is_none() {
                    r.waiting = Some(job.input);
                }
            }
            Answer::Unreadable(detail) => d.dispatch(Action::EvaluationStopped {
                revision: job.input.revision,
                rule: None,
                why: StopReason::Crashed { detail },
            }),
        }
        next(h, None);
    } else {
        let detail = field(data, "crashed")
            .and_then(|c| c.as_string())
            .unwrap_or_else(|| "no details".into());
        stop(h, seq, move |_| StopReason::Crashed { detail });
    }
}

/// The worker script itself failed (it could not load, or threw outside a run).
fn worker_failed(h: &Handle, e: &web_sys::Event) {
    let never_answered = h.borrow().live.as_ref().is_some_and(|l| !l.answered);
    let detail = e
        .dyn_ref::<web_sys::ErrorEvent>()
        .map(|e| e.message())
        .unwrap_or_else(|| "the worker could not run".into());
    let seq = h.borrow().job.as_ref().map(|j| j.seq);
    if never_answered {
        // This browser cannot run the worker: run here, as before workers.
        let job = h.borrow_mut().job.take();
        terminate(h);
        no_worker(h);
        if let Some(job) = job {
            evaluate_here(h, job.input);
        }
        next(h, None);
        return;
    }
    if let Some(seq) = seq {
        stop(h, seq, move |_| StopReason::Crashed { detail });
    } else {
        terminate(h);
    }
}

fn terminate(h: &Handle) {
    if let Some(live) = h.borrow_mut().live.take() {
        live.worker.terminate();
    }
}

/// Stops run `seq` (if it is still the one running): terminates the worker and says
/// which rule it was running, and why (`why` is given how long that rule had run).
fn stop(h: &Handle, seq: u64, why: impl FnOnce(f64) -> StopReason) {
    let job = {
        let mut r = h.borrow_mut();
        if r.job.as_ref().map(|j| j.seq) != Some(seq) {
            return;
        }
        r.job.take()
    };
    let Some(job) = job else { return };
    terminate(h);
    storage::remove(RUNNING_KEY);
    let now = timing::now_ms();
    let (rule, since) = match job.rule {
        Some((rule, since)) => (Some(rule), since),
        None => (None, job.posted_ms),
    };
    let d = h.borrow().dispatcher.clone();
    d.dispatch(Action::EvaluationStopped {
        revision: job.input.revision,
        rule: rule.clone(),
        why: why(now - since),
    });
    next(h, rule.as_deref());
}

/// Runs the latest waiting change, if any. After `stopped` was stopped, a change that
/// still runs it is dropped: the reducer is switching it off, which makes a new change.
fn next(h: &Handle, stopped: Option<&str>) {
    let waiting = h.borrow_mut().waiting.take();
    if let Some(input) = waiting {
        if stopped.is_none_or(|id| !input.settings.is_enabled(id)) {
            post(h, input);
        }
    }
}

fn slow(h: &Handle, seq: u64) {
    let news = {
        let mut r = h.borrow_mut();
        let Some(job) = r.job.as_mut().filter(|j| j.seq == seq) else {
            return;
        };
        job.slow = true;
        (job.input.revision, job.rule.as_ref().map(|(id, _)| id.clone()))
    };
    if let Some(rule) = &news.1 {
        let _ = storage::write(RUNNING_KEY, rule);
    }
    let d = h.borrow().dispatcher.clone();
    d.dispatch(Action::EvaluationSlow {
        revision: news.0,
        rule: news.1,
    });
}

/// The rules on the page's own thread: only where no worker can run.
fn evaluate_here(h: &Handle, input: Input) {
    let started = timing::now_ms();
    let evaluation =
        crate::worker::evaluate_kept(&input.scenario, &input.rules, &input.settings, &Limits::default(), &mut |_| {});
    let millis = timing::now_ms() - started;
    let d = h.borrow().dispatcher.clone();
    d.dispatch(Action::Evaluated {
        revision: input.revision,
        scenario: input.scenario,
        evaluation: Box::new(evaluation),
        millis,
    });
}
