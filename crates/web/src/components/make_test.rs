//! "Make a test from the current review": for the scenario and evaluation as they
//! are, the user chooses which of this rule's suggestions the test expects and which
//! it forbids, names the test, and keeps it with the project or downloads it (with
//! the rule, two files for a rules folder that `horizon test-rules --rules` runs).

use horizon_engine::ruletest::TestChoice;
use horizon_engine::{RuleFile, Settings, SuggestionId};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::field::Field;
use crate::files;
use crate::forms::rule_test::TestDraft;
use crate::forms::FieldError;
use crate::state::{Evaluated, Shared};

#[derive(Properties, PartialEq)]
pub struct MakeTestProps {
    pub rule: String,
    pub enabled: bool,
    /// The rule file, downloaded beside the test.
    pub file_name: String,
    pub text: String,
    pub evaluated: Option<Shared<Evaluated>>,
    pub settings: Shared<Settings>,
    /// The test to keep with the project's rules: (the rule it tests, test file).
    pub on_keep: Callback<(Option<String>, RuleFile)>,
    pub on_status: Callback<String>,
}

fn error_for<'a>(errors: &'a [FieldError], field: &str) -> Option<&'a FieldError> {
    errors.iter().find(|e| e.field == field)
}

#[component]
pub fn MakeTest(props: &MakeTestProps) -> Html {
    let draft = use_state(TestDraft::default);
    let errors = use_state(Vec::<FieldError>::new);

    let Some(ev) = props.evaluated.clone() else {
        return html! {};
    };
    let made: Vec<(SuggestionId, String)> = ev
        .evaluation
        .suggestions
        .iter()
        .filter(|s| s.rules.iter().any(|r| r.id == props.rule))
        .map(|s| (s.id(), s.headline(&ev.scenario)))
        .collect();

    let on_name = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.name = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(d);
        })
    };
    // Builds the test, or places the problems on the form and focuses the first.
    let build = {
        let (draft, errors, ev, settings, rule) = (
            draft.clone(),
            errors.clone(),
            ev.clone(),
            props.settings.clone(),
            props.rule.clone(),
        );
        move || match draft.build(&rule, &ev, &settings) {
            Ok(made) => {
                errors.set(vec![]);
                Some(made)
            }
            Err(e) => {
                if let Some(first) = e.first() {
                    crate::dom::focus_id(&first.field);
                }
                errors.set(e);
                None
            }
        }
    };
    let on_keep = {
        let (build, cb, rule) = (build.clone(), props.on_keep.clone(), props.rule.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((file, _)) = build() {
                cb.emit((Some(rule.clone()), file));
            }
        })
    };
    let on_download = {
        let (build, status) = (build.clone(), props.on_status.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((file, _)) = build() {
                let name = file.name.trim_start_matches("tests/").to_string();
                status.emit(
                    match files::download(&name, "application/json", &file.text) {
                        Ok(()) => format!("The test was downloaded as {name}: put it in the tests folder beside the rule."),
                        Err(e) => e,
                    },
                );
            }
        })
    };
    let on_download_rule = {
        let (name, text, status) = (
            props.file_name.clone(),
            props.text.clone(),
            props.on_status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let file = name.rsplit('/').next().unwrap_or(&name).to_string();
            status.emit(match files::download(&file, "text/plain", &text) {
                Ok(()) => format!("The rule was downloaded as {file}."),
                Err(e) => e,
            })
        })
    };

    let choices_error = error_for(&errors, "test-choices");
    let name_error = error_for(&errors, "test-name");
    let rows = made.iter().enumerate().map(|(i, (id, headline))| {
        let control = format!("test-choice-{}", i + 1);
        let value = match draft.choices.get(id) {
            Some(TestChoice::Expect) => "expect",
            Some(TestChoice::Forbid) => "forbid",
            None => "",
        };
        let onchange = {
            let (draft, id) = (draft.clone(), id.clone());
            Callback::from(move |e: Event| {
                let choice = match e
                    .target_unchecked_into::<HtmlSelectElement>()
                    .value()
                    .as_str()
                {
                    "expect" => Some(TestChoice::Expect),
                    "forbid" => Some(TestChoice::Forbid),
                    _ => None,
                };
                let mut d = (*draft).clone();
                d.choose(id.clone(), choice);
                draft.set(d);
            })
        };
        html! {
            <li class="test-choice" key={id.to_string()}>
                <label for={control.clone()}>{ headline }</label>
                <select id={control} data-suggestion={id.to_string()} {onchange}>
                    <option value="" selected={value.is_empty()}>{ "Leave out" }</option>
                    <option value="expect" selected={value == "expect"}>{ "Expect it" }</option>
                    <option value="forbid" selected={value == "forbid"}>{ "Forbid it" }</option>
                </select>
            </li>
        }
    });

    html! {
        <details class="make-test" id="make-test">
            <summary>{ "Make a test from the current review" }</summary>
            <p class="hint">
                { "Choose what this rule must suggest (expect it) and must not (forbid it) for the scenario as it is now. The test holds the whole scenario and this rule’s settings, so it checks the same case after every edit." }
            </p>
            if made.is_empty() {
                <p id="test-choices" tabindex="-1">
                    { if props.enabled {
                        "This rule makes no suggestion in the current review, so there is nothing to expect or forbid yet."
                    } else {
                        "This rule is switched off, so the review has no suggestions from it: switch it on to make a test from them."
                    } }
                </p>
            } else {
                <fieldset class={classes!("fieldset", choices_error.is_some().then_some("field-has-error"))}
                    id="test-choices" tabindex="-1"
                    aria-describedby={choices_error.map(|_| "test-choices-error")}>
                    <legend>{ "Suggestions this rule makes now" }</legend>
                    if let Some(e) = choices_error {
                        <p class="field-error" id="test-choices-error">
                            <span class="visually-hidden">{ "Error: " }</span>{ &e.message }
                        </p>
                    }
                    <ul class="test-choices">{ for rows }</ul>
                </fieldset>
                <Field id="test-name" label="What the test checks"
                    hint={Some(AttrValue::from("A sentence, such as “Kent: Domestic Abuse is retained”. It names the file too."))}
                    error={name_error.map(|e| e.message.clone())}>
                    <input type="text" id="test-name" class="input" value={draft.name.clone()}
                        aria-describedby={if name_error.is_some() { "test-name-hint test-name-error" } else { "test-name-hint" }}
                        oninput={on_name} />
                </Field>
                <div class="button-row">
                    <button type="button" class="button" id="keep-test" onclick={on_keep}>{ "Keep the test with the project" }</button>
                    <button type="button" class="button secondary" id="download-test" onclick={on_download}>{ "Download the test" }</button>
                    <button type="button" class="button secondary" id="download-test-rule" onclick={on_download_rule}>{ "Download the rule" }</button>
                </div>
            }
        </details>
    }
}
