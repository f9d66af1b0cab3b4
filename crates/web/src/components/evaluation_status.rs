//! The status bar's account of the suggestions: when they were last worked out and,
//! while an evaluation takes longer than a moment, which rule is running and a Stop
//! button (`components/evaluation.rs` stops the worker).

use yew::prelude::*;

use crate::dom;
use crate::timing::Timeout;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct EvaluationStatusProps {
    /// Changes so far, and the one the suggestions shown were worked out for.
    pub revision: u64,
    pub evaluated_revision: Option<u64>,
    /// How long the shown suggestions took.
    pub millis: Option<f64>,
    /// Set once the edge says the evaluation is taking a while: the rule running
    /// now, by title, if it has said.
    pub running: Option<Option<String>>,
    pub on_stop: Callback<()>,
}

#[component]
pub fn EvaluationStatus(props: &EvaluationStatusProps) -> Html {
    let pending = props.evaluated_revision != Some(props.revision);
    let text = match (props.millis, pending) {
        (None, _) => "Working out the suggestions…".to_string(),
        (Some(ms), false) => format!("Last evaluated in {}", words::millis(ms)),
        (Some(ms), true) => format!(
            "Updating the suggestions… (last evaluated in {})",
            words::millis(ms)
        ),
    };
    let running = props.running.as_ref().map(|rule| {
        let on_stop = props.on_stop.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_stop.emit(());
            // The button goes with the run: focus the banner that says what was stopped
            // (after the render that shows it), not the page body.
            Timeout::new(0, || dom::focus_selector("#notices .notice:last-child")).forget();
        });
        let doing = match rule {
            Some(title) => format!("Still working: running the rule “{title}”."),
            None => "Still working out the suggestions.".to_string(),
        };
        html! {
            <p id="evaluation-running" class="evaluation-running" role="status">
                <span>{ doing }</span>
                <button type="button" id="stop-evaluation" class="button secondary small" {onclick}>
                    { "Stop" }
                </button>
            </p>
        }
    });
    html! {
        <>
            <p
                id="eval-time"
                class={classes!("eval-time", pending.then_some("pending"))}
                data-revision={props.revision.to_string()}
                data-evaluated-revision={props.evaluated_revision.map(|r| r.to_string())}
                data-ms={props.millis.map(|ms| format!("{ms:.3}"))}
                data-pending={pending.to_string()}
            >
                { text }
            </p>
            { for running }
        </>
    }
}
