//! "Add a test file": a rule test from a file (one downloaded from "Make a test", or
//! written by hand) kept with the project's tests; a file that is not a test says
//! why, with its line and column, and nothing changes.

use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use horizon_engine::RuleFile;

use crate::files;
use crate::forms::rule_test::read_test_file;

#[derive(Properties, PartialEq)]
pub struct AddTestFileProps {
    /// (the rule it tests first, the test file)
    pub on_add: Callback<(Option<String>, RuleFile)>,
}

#[component]
pub fn AddTestFile(props: &AddTestFileProps) -> Html {
    let problem = use_state(|| None::<String>);
    let on_change = {
        let (problem, on_add) = (problem.clone(), props.on_add.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let name = file.name();
            let (problem, on_add) = (problem.clone(), on_add.clone());
            spawn_local(async move {
                let read = files::read_bytes(file)
                    .await
                    .and_then(|bytes| read_test_file(&name, &bytes));
                match read {
                    Ok((test, rule)) => {
                        problem.set(None);
                        on_add.emit((rule, test));
                    }
                    Err(why) => problem.set(Some(why)),
                }
            });
        })
    };
    html! {
        <div class={classes!("field", problem.is_some().then_some("field-has-error"))}>
            <label class="label" for="add-test-file">{ "Add a test file" }</label>
            <p class="hint" id="add-test-file-hint">{ "A rule test (.json), such as one downloaded from “Make a test from the current review”. It is kept with the project and runs with the others." }</p>
            if let Some(p) = &*problem {
                <p class="field-error" id="add-test-file-error">
                    <span class="visually-hidden">{ "Error: " }</span>{ p }
                </p>
            }
            <input type="file" id="add-test-file" class="file-input" accept=".json,application/json"
                aria-describedby={if problem.is_some() { "add-test-file-hint add-test-file-error" } else { "add-test-file-hint" }}
                onchange={on_change} />
        </div>
    }
}
