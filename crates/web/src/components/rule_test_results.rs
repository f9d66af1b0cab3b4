//! One rule's tests in its detail: "3 of 3 tests pass", each test passed or failed
//! in words (never colour alone), why a failed one failed, and what the rules
//! suggest now beside what was expected. Tests of a switched-off rule still run
//! (they check its code), and say so.

use horizon_engine::RuleSource;
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::state::{tally_words, CaseRun, RuleTests, Shared};

#[derive(Properties, PartialEq)]
pub struct RuleTestResultsProps {
    pub rule: String,
    pub pack: Shared<Vec<RuleSource>>,
    pub tests: Shared<RuleTests>,
    /// Whether the rule is switched on in the review.
    pub enabled: bool,
    /// Ask for a run of this rule's tests.
    pub on_run: Callback<Option<String>>,
    /// Delete a test the user made (by file name).
    pub on_delete: Callback<String>,
}

fn is_shipped(file: &str) -> bool {
    horizon_engine::shipped_test_files()
        .iter()
        .any(|f| f.name == file)
}

fn case(c: &CaseRun, stale: bool, on_delete: &Callback<String>) -> Html {
    let r = &c.result;
    let passed = r.passed();
    let file = r.file.clone();
    let on_delete = on_delete.clone();
    let delete = {
        let file = file.clone();
        Callback::from(move |_| on_delete.emit(file.clone()))
    };
    html! {
        <li class={classes!("test-result", (!passed).then_some("test-failed"))}
            data-file={file.clone()} data-passed={passed.to_string()}>
            <p class="test-line">
                if passed {
                    <span class="tag tag-fired">{ "Passed" }</span>
                } else {
                    <span class="tag tag-failed">{ "Failed" }</span>
                }
                { " " }{ &r.description }
                <span class="muted">{ format!(" ({})", r.file) }</span>
            </p>
            if stale {
                <p class="muted">{ "The rule has changed since this ran: run the tests again." }</p>
            }
            { for r.failures.iter().map(|f| html! {
                <p class="test-failure">{ &f.message }</p>
            }) }
            // What the rules suggest now is the same for every expectation of one test: said once.
            if let Some(f) = r.failures.iter().find(|f| f.suggested_nothing || !f.suggested.is_empty()) {
                if f.suggested_nothing {
                    <p class="muted">{ "The rules suggest nothing now." }</p>
                } else {
                    <p class="suggested-now-title">{ "What the rules suggest now:" }</p>
                    <ol class="suggested-now">
                        { for f.suggested.iter().map(|s| html! { <li>{ s }</li> }) }
                    </ol>
                }
            }
            if !is_shipped(&file) {
                <ConfirmButton
                    label="Delete this test"
                    question={AttrValue::from(format!("Delete the test “{}”?", r.description))}
                    confirm="Yes, delete the test"
                    class={classes!("secondary")}
                    on_confirm={delete}
                />
            }
        </li>
    }
}

#[component]
pub fn RuleTestResults(props: &RuleTestResultsProps) -> Html {
    let t = &*props.tests;
    let runs: Vec<&CaseRun> = t.for_rule(&props.rule).collect();
    let running = t
        .running
        .as_ref()
        .is_some_and(|r| r.rule.as_deref().is_none_or(|x| x == props.rule));
    let tally = t.tally(&props.rule, &props.pack);
    let stale_count = runs.iter().filter(|c| c.is_stale(&props.pack)).count();
    let summary = match (tally, runs.is_empty()) {
        _ if running => match t.progress {
            Some((done, of)) => format!("Running the tests… {done} of {of} done."),
            None => "Running the tests…".to_string(),
        },
        (Some((p, of)), _) => {
            let mut s = format!("{}.", tally_words(p, of));
            if p < of {
                s = format!("{s} {} failed: see why below.", of - p);
            }
            if stale_count > 0 {
                s += &format!(
                    " {} ran before a rule {} changed: run again to check {}.",
                    crate::words::count(stale_count, "other test", "other tests"),
                    if stale_count == 1 {
                        "it runs"
                    } else {
                        "they run"
                    },
                    if stale_count == 1 { "it" } else { "them" },
                );
            }
            s
        }
        (None, false) => "The rule changed since its tests last ran: run them again.".into(),
        (None, true) => "Not run yet.".into(),
    };
    let state_tag = match tally {
        _ if running => html! {},
        Some((p, of)) if p == of => {
            html! { <><span class="tag tag-fired">{ "All pass" }</span>{ " " }</> }
        }
        Some(_) => html! { <><span class="tag tag-failed">{ "Failing" }</span>{ " " }</> },
        None => html! {},
    };
    let on_run = {
        let (cb, rule) = (props.on_run.clone(), props.rule.clone());
        Callback::from(move |_: MouseEvent| cb.emit(Some(rule.clone())))
    };
    html! {
        <section class="rule-tests" aria-labelledby="rule-tests-heading">
            <h3 id="rule-tests-heading">{ "Tests" }</h3>
            <p id="rule-tests-summary" class="outcome-line" aria-live="polite">
                { state_tag }{ summary }
            </p>
            if !props.enabled {
                <p class="note">{ "This rule is switched off in your review. Its tests still run: they check its code, whatever the review uses." }</p>
            }
            <div class="button-row">
                <button type="button" class="button secondary" id="run-rule-tests"
                    onclick={on_run}>
                    { "Run this rule’s tests" }
                </button>
            </div>
            if !runs.is_empty() {
                <ul class="test-results">
                    { for runs.iter().map(|c| case(c, c.is_stale(&props.pack), &props.on_delete)) }
                </ul>
            }
        </section>
    }
}
