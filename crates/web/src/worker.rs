//! The evaluation's side of the page's Web Worker.
//!
//! The page never runs the rules on its own thread: a rule that loops in one step the
//! engine cannot interrupt, or that makes the rule language trap, would freeze or kill
//! the page. The same wasm module runs in a worker (boot.js starts it, with no window,
//! so [`crate::start`] renders nothing there); the page posts a [`Request`] as JSON, the
//! worker answers with the [`Answer`] as JSON, and says which rule it is starting
//! before each one, so that if a rule never finishes the page can name it, stop the
//! worker and start a fresh one (`components/evaluation.rs`).
//!
//! [`answer`] is the whole of the worker's work and is tested on the host.

use horizon_engine::{Evaluation, Evaluator, Limits, RuleFile, Settings};
use horizon_model::Scenario;
use serde::{Deserialize, Serialize};

/// What the page sends: everything one evaluation depends on. The rules go as their
/// files (the worker reads the headers itself, with the same function the page uses).
#[derive(Debug, Serialize)]
pub struct Request<'a> {
    pub scenario: &'a Scenario,
    pub rules: &'a [RuleFile],
    pub settings: &'a Settings,
    pub limits: &'a Limits,
}

/// The request as the worker reads it.
#[derive(Debug, Deserialize)]
struct Received {
    scenario: Scenario,
    rules: Vec<RuleFile>,
    settings: Settings,
    limits: Limits,
}

/// What the worker sends back.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Evaluated(Evaluation),
    /// The request could not be read (a fault in the page, not in the user's work).
    Unreadable(String),
}

impl Request<'_> {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

thread_local! {
    /// One evaluator for the life of the thread (the worker, or the page's own thread
    /// where no worker runs): each rule is compiled once per version and the review
    /// tables built once per scenario, the rule files read once. A worker that is
    /// stopped takes it with it.
    static EVALUATOR: std::cell::RefCell<Evaluator> = std::cell::RefCell::new(Evaluator::default());
}

/// Evaluates with this thread's [`Evaluator`], telling `starting` each rule's id as it starts.
pub fn evaluate_kept(
    scenario: &Scenario,
    rules: &[RuleFile],
    settings: &Settings,
    limits: &Limits,
    starting: &mut dyn FnMut(&str),
) -> Evaluation {
    EVALUATOR.with(|e| e.borrow_mut().evaluate_files(scenario, rules, settings, limits, starting))
}

/// Reads `request`, evaluates it (telling `starting` each rule's id as it starts) and
/// writes the answer.
pub fn answer(request: &str, starting: &mut dyn FnMut(&str)) -> String {
    let answer = match serde_json::from_str::<Received>(request) {
        Ok(r) => Answer::Evaluated(evaluate_kept(&r.scenario, &r.rules, &r.settings, &r.limits, starting)),
        Err(e) => Answer::Unreadable(format!("the evaluation request could not be read: {e}")),
    };
    serde_json::to_string(&answer).unwrap_or_default()
}

/// Reads the worker's answer on the page's side.
pub fn read_answer(text: &str) -> Result<Evaluation, String> {
    match serde_json::from_str::<Answer>(text) {
        Ok(Answer::Evaluated(e)) => Ok(e),
        Ok(Answer::Unreadable(why)) => Err(why),
        Err(e) => Err(format!("the evaluation's answer could not be read: {e}")),
    }
}

/// The worker's entry point, called by the bootstrap in boot.js with each request;
/// `on_rule` is called with each rule's id as it starts.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn worker_evaluate(request: &str, on_rule: &js_sys::Function) -> String {
    answer(request, &mut |id| {
        let _ = on_rule.call1(&wasm_bindgen::JsValue::NULL, &id.into());
    })
}
