//! The evaluation's side of the page's Web Worker.
//!
//! The page never runs the rules on its own thread: a rule that loops in one step the
//! engine cannot interrupt, or that makes the rule language trap, would freeze or kill
//! the page. The same wasm module runs in a worker (boot.js starts it, with no window,
//! so [`crate::start`] renders nothing there); the page posts a [`Request`] as JSON
//! (after an edit, only the edit), the worker answers with the [`Answer`] as JSON, and
//! says which rule it is starting before each one, so that if a rule never finishes the
//! page can name it, stop the worker and start a fresh one (`components/evaluation.rs`).
//!
//! [`answer`] is the whole of the worker's work and is tested on the host.

use std::cell::RefCell;

use horizon_engine::{Evaluation, Evaluator, Limits, RuleFile, Settings};
use horizon_model::{Edit, Scenario};
use serde::{Deserialize, Serialize};

use crate::shared::Shared;
use crate::state::EditStep;

/// What the page sends: everything one evaluation depends on, or what changed since
/// the worker's last. A national scenario is a quarter of a megabyte of JSON, which
/// took the worker longer to read than the edit it carried took to make, so after a
/// one-cell edit the page sends the edit and the worker makes it, with the model's
/// own [`Scenario::with`], on the scenario it kept. The rules go as their files (the
/// worker reads the headers itself, with the same function the page uses).
#[derive(Debug, Serialize)]
pub struct Request<'a> {
    /// What the worker keeps this request's scenario and rules as, for a later
    /// request to build on.
    pub version: u64,
    /// The version kept that `Edited` and `Kept` parts build on.
    pub from: Option<u64>,
    pub scenario: ScenarioSent<'a>,
    pub rules: RulesSent<'a>,
    pub settings: &'a Settings,
    pub limits: &'a Limits,
}

/// The scenario, as the page sends it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScenarioSent<'a> {
    Whole(&'a Scenario),
    /// The kept scenario with this edit made to it.
    Edited(&'a Edit),
    Kept,
}

/// The rule files, as the page sends them.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RulesSent<'a> {
    Whole(&'a [RuleFile]),
    Kept,
}

impl<'a> Request<'a> {
    /// A request that builds on nothing kept.
    pub fn whole(scenario: &'a Scenario, rules: &'a [RuleFile], settings: &'a Settings, limits: &'a Limits) -> Request<'a> {
        Request {
            version: 0,
            from: None,
            scenario: ScenarioSent::Whole(scenario),
            rules: RulesSent::Whole(rules),
            settings,
            limits,
        }
    }

    /// The request for `scenario` (made by `step`, if one edit made it), `rules` and
    /// `settings`, to be kept as `version`: only what changed since a version the
    /// worker holds (`held`, oldest first) where it holds one the request can build
    /// on, else everything whole. A scenario no edit made (an undo, a snapshot
    /// restored) is looked for among the held ones by value.
    pub fn building_on(
        held: &[Held],
        version: u64,
        scenario: &'a Shared<Scenario>,
        step: Option<&'a EditStep>,
        rules: &'a Shared<Vec<RuleFile>>,
        settings: &'a Settings,
        limits: &'a Limits,
    ) -> Request<'a> {
        let newest_first = || held.iter().rev();
        let base = newest_first()
            .find(|h| h.scenario.same(scenario))
            .map(|h| (h, ScenarioSent::Kept))
            .or_else(|| {
                let step = step?;
                newest_first()
                    .find(|h| h.scenario.same(&step.from))
                    .map(|h| (h, ScenarioSent::Edited(&step.edit)))
            })
            .or_else(|| {
                step.is_none()
                    .then(|| newest_first().find(|h| *h.scenario == **scenario))
                    .flatten()
                    .map(|h| (h, ScenarioSent::Kept))
            });
        let Some((base, sent)) = base else {
            return Request { version, ..Request::whole(scenario, rules, settings, limits) };
        };
        let rules = if base.rules.same(rules) || *base.rules == **rules {
            RulesSent::Kept
        } else {
            RulesSent::Whole(rules)
        };
        Request {
            version,
            from: Some(base.version),
            scenario: sent,
            rules,
            settings,
            limits,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The request as the worker reads it.
#[derive(Debug, Deserialize)]
struct Received {
    version: u64,
    from: Option<u64>,
    scenario: ScenarioGot,
    rules: RulesGot,
    settings: Settings,
    limits: Limits,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ScenarioGot {
    Whole(Scenario),
    Edited(Edit),
    Kept,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RulesGot {
    Whole(Vec<RuleFile>),
    Kept,
}

/// What the worker sends back.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    Evaluated(Evaluation),
    /// The request built on a version the worker does not hold (or an edit the kept
    /// scenario refused): the page sends everything again, whole.
    OutOfStep,
    /// The request could not be read (a fault in the page, not in the user's work).
    Unreadable(String),
}

/// What the worker kept from one of its last requests.
struct Kept {
    version: u64,
    scenario: Scenario,
    rules: Vec<RuleFile>,
}

/// How many of its last requests' scenarios the worker keeps: the last, and the one
/// before it, which an undo goes back to.
const KEPT_VERSIONS: usize = 2;

/// Adds `new` as the latest of `list`, keeping the last [`KEPT_VERSIONS`]: the
/// worker's rule for what it keeps, which the page's record of it ([`Held`]) follows.
pub fn keep_latest<T>(list: &mut Vec<T>, new: T) {
    list.push(new);
    let over = list.len().saturating_sub(KEPT_VERSIONS);
    list.drain(..over);
}

/// The page's record of one version the worker keeps.
#[derive(Debug, Clone)]
pub struct Held {
    pub version: u64,
    pub scenario: Shared<Scenario>,
    pub rules: Shared<Vec<RuleFile>>,
}


thread_local! {
    /// One evaluator for the life of the thread (the worker, or the page's own thread
    /// where no worker runs): each rule is compiled once per version and the review
    /// tables built once per scenario, the rule files read once. A worker that is
    /// stopped takes it with it.
    static EVALUATOR: RefCell<Evaluator> = RefCell::new(Evaluator::default());
    /// The scenarios and rules of the worker's last requests, oldest first, for the
    /// next to build on.
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
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
        Ok(r) => match KEPT.with(|k| catch_up(&k.borrow(), r.from, r.scenario, r.rules)) {
            Some((scenario, rules)) => {
                let evaluation = evaluate_kept(&scenario, &rules, &r.settings, &r.limits, starting);
                let kept = Kept {
                    version: r.version,
                    scenario,
                    rules,
                };
                KEPT.with(|k| keep_latest(&mut k.borrow_mut(), kept));
                Answer::Evaluated(evaluation)
            }
            None => Answer::OutOfStep,
        },
        Err(e) => Answer::Unreadable(format!("the evaluation request could not be read: {e}")),
    };
    serde_json::to_string(&answer).unwrap_or_default()
}

/// The scenario and rules a request is for, from what it sent and the version kept
/// that it builds on; `None` if it builds on one the worker does not hold.
fn catch_up(kept: &[Kept], from: Option<u64>, scenario: ScenarioGot, rules: RulesGot) -> Option<(Scenario, Vec<RuleFile>)> {
    let base = match from {
        Some(v) => Some(kept.iter().find(|k| k.version == v)?),
        None => None,
    };
    let scenario = match scenario {
        ScenarioGot::Whole(s) => s,
        ScenarioGot::Edited(edit) => base?.scenario.with(&edit).ok()?.0,
        ScenarioGot::Kept => base?.scenario.clone(),
    };
    let rules = match rules {
        RulesGot::Whole(r) => r,
        RulesGot::Kept => base?.rules.clone(),
    };
    Some((scenario, rules))
}

/// Reads the worker's answer on the page's side.
pub fn read_answer(text: &str) -> Answer {
    serde_json::from_str::<Answer>(text)
        .unwrap_or_else(|e| Answer::Unreadable(format!("the evaluation's answer could not be read: {e}")))
}

/// The evaluation in the worker's answer to a request that built on nothing kept.
pub fn read_evaluation(text: &str) -> Result<Evaluation, String> {
    match read_answer(text) {
        Answer::Evaluated(e) => Ok(e),
        Answer::Unreadable(why) => Err(why),
        Answer::OutOfStep => Err("the evaluation's worker did not hold what the request built on".into()),
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
