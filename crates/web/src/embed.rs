//! Horizon inside another page: the Rust side of the `<horizon-review>` element
//! (`crates/xtask/src/widget.js`, written to `dist/horizon-widget.js`; see the README).
//!
//! Each widget is its own Yew app, with its own state, in its own shadow root. An
//! embedded Horizon leaves the host page's things alone: it never reads or writes the
//! browser's storage (two widgets, or a widget and Horizon's own page, would overwrite
//! each other's work), the address bar or the tab's title, and Ctrl+Z is heard only
//! inside the widget. The host gives the scenario and hears of new suggestions through
//! a `horizon-suggestions` event carrying the review JSON (docs/review-json.md).

use std::cell::{Cell, RefCell};

use horizon_engine::{evaluate, report, shipped_pack, Limits, Settings};
use horizon_model::{LoadError, Scenario};
use yew::prelude::*;

use crate::state::{AppState, Autosave, Start};

thread_local! {
    static ACTIVE: Cell<bool> = const { Cell::new(false) };
    static ROOTS: RefCell<Vec<web_sys::ShadowRoot>> = const { RefCell::new(Vec::new()) };
}

/// Whether this page's Horizon runs as widgets in another page.
pub fn active() -> bool {
    ACTIVE.with(Cell::get)
}

/// Every widget's shadow root, the one holding keyboard focus first.
pub(crate) fn roots() -> Vec<web_sys::Node> {
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let mut roots = ROOTS.with(|r| r.borrow().clone());
    horizon_model::sort::sort_by_key(&mut roots, |r| focused.as_ref() != Some(&r.host()));
    roots.into_iter().map(Into::into).collect()
}

/// What one widget started from, and how the page reaches its app.
pub struct Embed {
    /// The `<horizon-review>` element: the suggestions event is sent from it.
    pub host: web_sys::HtmlElement,
    start: RefCell<Option<AppState>>,
    dispatcher: RefCell<Option<UseReducerDispatcher<AppState>>>,
}

/// Two widgets are never the same widget, whatever they hold.
impl PartialEq for Embed {
    fn eq(&self, other: &Embed) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Embed {
    /// The state the widget's app starts in (taken once, by the app's reducer).
    pub fn take_start(&self) -> AppState {
        self.start
            .borrow_mut()
            .take()
            .unwrap_or_else(|| embedded(Start::fresh()))
    }

    /// The app tells the widget how to reach it, once it has its reducer.
    pub fn connect(&self, dispatcher: UseReducerDispatcher<AppState>) {
        *self.dispatcher.borrow_mut() = Some(dispatcher);
    }

    /// Tells the host page about new suggestions: a `horizon-suggestions` event on the
    /// element, bubbling out of the shadow root, with the review JSON as its detail.
    pub fn suggestions_changed(&self, json: &str) {
        let detail = js_sys::JSON::parse(json).unwrap_or(wasm_bindgen::JsValue::NULL);
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("horizon-suggestions", &init) {
            let _ = self.host.dispatch_event(&event);
        }
    }
}

/// A session for a widget: the given work, the given view, and no autosave (the host
/// page keeps the work, if it wants to).
fn embedded(start: Start) -> AppState {
    let mut state = AppState::new(start);
    state.session.autosave = Autosave::Host;
    state
}

/// A scenario given by the host page: its JSON text, or else the name of an embedded
/// example (`kent-2016`), or else the Kent example. Every problem, as sentences.
pub fn scenario_from(json: Option<&str>, example: Option<&str>) -> Result<Scenario, Vec<String>> {
    match (json, example) {
        (Some(text), _) => Scenario::from_json(text).map_err(|e| problems(&e)),
        (None, Some(name)) => match horizon_model::example(name) {
            Some(e) => Ok(e.scenario()),
            None => Err(vec![format!(
                "there is no example called “{}”: the examples are {}",
                horizon_model::one_line(name),
                horizon_model::EXAMPLES.iter().map(|e| e.name).collect::<Vec<_>>().join(", ")
            )]),
        },
        (None, None) => Ok(horizon_model::EXAMPLES[0].scenario()),
    }
}

/// A scenario's problems, one sentence each, with where they are.
pub fn problems(e: &LoadError) -> Vec<String> {
    match e {
        LoadError::Invalid(ps) => ps.iter().map(|p| p.to_string()).collect(),
        other => vec![other.to_string()],
    }
}

/// The review JSON (docs/review-json.md) of a scenario under the shipped rules.
pub fn review_json(scenario: &Scenario) -> String {
    let eval = evaluate(scenario, &shipped_pack(), &Settings::default(), &Limits::default());
    report::json(&eval, scenario)
}

/// The headless review as the evaluation's worker runs it (so a large scenario does
/// not hold up the host page): the worker's request for a scenario under the shipped
/// rules, or the scenario's problems.
pub fn review_request(json: &str) -> Result<String, Vec<String>> {
    let scenario = Scenario::from_json(json).map_err(|e| problems(&e))?;
    let rules = horizon_engine::shipped_rule_files();
    Ok(crate::worker::Request::whole(&scenario, &rules, &Settings::default(), &Limits::default()).to_json())
}

/// The review JSON from the worker's answer to [`review_request`] for `json`.
pub fn review_from_answer(json: &str, answer: &str) -> Result<String, String> {
    let scenario = Scenario::from_json(json).map_err(|e| problems(&e).join("; "))?;
    let eval = crate::worker::read_evaluation(answer)?;
    Ok(report::json(&eval, &scenario))
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;

    use crate::components::app::{App, AppProps};
    use crate::state::{Action, Route};
    use crate::work::Work;

    fn list(sentences: Vec<String>) -> JsValue {
        sentences.into_iter().map(JsValue::from).collect::<js_sys::Array>().into()
    }

    /// One `<horizon-review>`'s app.
    #[wasm_bindgen]
    pub struct Widget {
        embed: Rc<Embed>,
        root: web_sys::ShadowRoot,
        app: Option<yew::AppHandle<App>>,
    }

    /// Starts a widget's app in `mount`, inside the element's shadow root `root`, on the
    /// scenario given (JSON text), or the example named, in `view` (a view's name, as
    /// in the page's address: `review`, `matrix`…). A scenario with problems starts
    /// nothing: the problems come back, as a list of sentences, for the widget to show.
    #[wasm_bindgen]
    pub fn mount_widget(
        root: web_sys::ShadowRoot,
        mount: web_sys::Element,
        host: web_sys::HtmlElement,
        scenario: Option<String>,
        example: Option<String>,
        view: Option<String>,
    ) -> Result<Widget, JsValue> {
        ACTIVE.with(|a| a.set(true));
        let scenario = scenario_from(scenario.as_deref(), example.as_deref()).map_err(list)?;
        let route = view.as_deref().and_then(Route::parse).unwrap_or_default();
        let start = Start { project: crate::project::Project::opened(Work::of(scenario)), route };
        let embed = Rc::new(Embed {
            host,
            start: RefCell::new(Some(embedded(start))),
            dispatcher: RefCell::new(None),
        });
        ROOTS.with(|r| r.borrow_mut().push(root.clone()));
        let app = yew::Renderer::<App>::with_root_and_props(mount, AppProps { embed: Some(embed.clone()) }).render();
        Ok(Widget { embed, root, app: Some(app) })
    }

    #[wasm_bindgen]
    impl Widget {
        /// Replaces the widget's scenario, as opening a file does (undoable; it becomes
        /// the Baseline). Returns its problems, if any, as a list of sentences, and then
        /// leaves the work as it was.
        pub fn set_scenario(&self, json: &str) -> JsValue {
            match Scenario::from_json(json) {
                Ok(scenario) => {
                    if let Some(d) = self.embed.dispatcher.borrow().as_ref() {
                        d.dispatch(Action::LoadScenario {
                            scenario: Box::new(scenario),
                            source: "The scenario the page gave".into(),
                        });
                    }
                    list(Vec::new())
                }
                Err(e) => list(problems(&e)),
            }
        }

        /// Ends the widget's app (the element left the page).
        pub fn destroy(&mut self) {
            if let Some(app) = self.app.take() {
                app.destroy();
            }
            let root = self.root.clone();
            ROOTS.with(|r| r.borrow_mut().retain(|x| *x != root));
        }
    }

    /// The headless call: the review JSON (docs/review-json.md) of a scenario under the
    /// shipped rules, or its problems (a list of sentences) as the error.
    #[wasm_bindgen]
    pub fn review_scenario(json: &str) -> Result<String, JsValue> {
        let scenario = Scenario::from_json(json).map_err(|e| list(problems(&e)))?;
        Ok(review_json(&scenario))
    }

    /// [`super::review_request`] for the page: the request, or the problems as the error.
    #[wasm_bindgen]
    pub fn review_request(json: &str) -> Result<String, JsValue> {
        super::review_request(json).map_err(list)
    }

    /// [`super::review_from_answer`] for the page.
    #[wasm_bindgen]
    pub fn review_from_answer(json: &str, answer: &str) -> Result<String, JsValue> {
        super::review_from_answer(json, answer).map_err(JsValue::from)
    }

    /// An embedded example scenario's JSON text by its name (`kent-2016`), for a host
    /// page to start from or to review headlessly.
    #[wasm_bindgen]
    pub fn example_scenario(name: &str) -> Option<String> {
        horizon_model::example(name).map(|e| e.scenario().to_json())
    }

    /// Whether the page is a host of widgets: set by the widget's start-up before the
    /// module starts, so `start` renders no page of its own.
    pub fn hosted() -> bool {
        js_sys::Reflect::get(&js_sys::global(), &"__horizonEmbedded".into())
            .map(|v| v.is_truthy())
            .unwrap_or(false)
    }

    /// Shows a crash inside every widget, since the page is not Horizon's.
    pub fn report_crash(p: &web_sys::Element) {
        ROOTS.with(|r| {
            for root in r.borrow().iter() {
                if let Ok(copy) = p.clone_node_with_deep(true) {
                    let _ = root.prepend_with_node_1(&copy);
                }
            }
        });
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{hosted, report_crash, Widget};
