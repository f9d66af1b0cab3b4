//! The Rules view's test summary: "Run the rule tests" (every test, against the rules
//! as edited), how many pass, how long they took, which failed (by rule, each a
//! link to its rule), and the rules no test names.

use horizon_engine::{RuleFile, RuleSource};
use yew::prelude::*;

use crate::components::add_test_file::AddTestFile;
use crate::state::{tally_words, RuleTests, Shared};

#[derive(Properties, PartialEq)]
pub struct RuleTestsPanelProps {
    pub pack: Shared<Vec<RuleSource>>,
    pub tests: Shared<RuleTests>,
    pub on_run: Callback<Option<String>>,
    /// Open a rule (by its place in the pack).
    pub on_select: Callback<usize>,
    /// A test read from a file: (the rule it tests, the test file).
    pub on_add_test: Callback<(Option<String>, RuleFile)>,
}

fn title_of(r: &RuleSource) -> String {
    match r {
        RuleSource::Parsed(p) => p.title.clone(),
        RuleSource::Broken { name, .. } => name.clone(),
    }
}

#[component]
pub fn RuleTestsPanel(props: &RuleTestsPanelProps) -> Html {
    let t = &*props.tests;
    let pack = &*props.pack;
    let running = t.running.is_some();
    let (passed, of) = t.overall(pack);
    let failing: Vec<(usize, String, usize, usize)> = pack
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let (p, n) = t.tally(r.id(), pack)?;
            (p < n).then(|| (i, title_of(r), p, n))
        })
        .collect();
    let deleted: Vec<String> = t
        .cases
        .values()
        .flat_map(|c| c.result.missing_rules.iter().cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let on_run = {
        let cb = props.on_run.clone();
        Callback::from(move |_: MouseEvent| cb.emit(None))
    };
    let summary = if running {
        match t.progress {
            Some((done, of)) => format!("Running the rule tests… {done} of {of} done."),
            None => "Running the rule tests…".to_string(),
        }
    } else if of == 0 {
        "Each rule has tests: a scenario, and the suggestions the rule must or must not make. Run them to check the rules as you have edited them.".to_string()
    } else {
        let mut s = format!("{}.", tally_words(passed, of));
        if let Some(ms) = t.last_millis {
            s += &format!(
                " The last run ({}) took {}.",
                crate::words::count(t.last_count, "test", "tests"),
                crate::words::millis(ms)
            );
        }
        s
    };
    html! {
        <section class="rule-tests-panel" aria-labelledby="rule-tests-panel-heading"
            data-ms={t.last_millis.map(|m| format!("{m:.3}"))}
            data-working-ms={t.last_working_millis.map(|m| format!("{m:.3}"))}
            data-passed={(of > 0).then(|| passed.to_string())}
            data-of={(of > 0).then(|| of.to_string())}>
            <h2 id="rule-tests-panel-heading" class="visually-hidden">{ "Rule tests" }</h2>
            <div class="button-row">
                <button type="button" class="button" id="run-rule-tests-all" onclick={on_run}>
                    { "Run the rule tests" }
                </button>
            </div>
            <p id="rule-tests-overall" class="outcome-line" aria-live="polite">
                if !running && of > 0 {
                    if passed == of {
                        <span class="tag tag-fired">{ "All pass" }</span>{ " " }
                    } else {
                        <span class="tag tag-failed">{ "Failing" }</span>{ " " }
                    }
                }
                { summary }
            </p>
            if !running && !failing.is_empty() {
                <ul class="failing-rules">
                    { for failing.iter().map(|(i, title, p, n)| {
                        let (cb, i) = (props.on_select.clone(), *i);
                        html! {
                            <li>
                                <button type="button" class="link-button" onclick={move |_| cb.emit(i)}>
                                    { format!("{title}: {}", tally_words(*p, *n)) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if !running && !deleted.is_empty() {
                <p class="note">
                    { format!("Some tests name rules that are not in the pack (deleted, or their id changed): {}. Those tests fail until the rule is back.", deleted.join(", ")) }
                </p>
            }
            if !running && !t.untested.is_empty() {
                <p class="note">
                    { format!("No test names {}: make one from the current review in the rule’s page.",
                        horizon_model::join_and(&t.untested.iter().map(|id| {
                            pack.iter().find(|r| r.id() == id).map_or(id.clone(), title_of)
                        }).collect::<Vec<_>>().iter().map(String::as_str).collect::<Vec<_>>())) }
                </p>
            }
            <details class="add-test">
                <summary>{ "Add a test from a file" }</summary>
                <AddTestFile on_add={props.on_add_test.clone()} />
            </details>
        </section>
    }
}
