//! One rule: what it is for, an on/off switch, its settings, what it did in the
//! last evaluation (fired or not, operations, printed output), its problems with
//! line and column, and its code.

use std::collections::BTreeMap;

use horizon_engine::{
    Diagnostic, ParamValue, RuleFile, RuleSource, RuleStatus, RuleTrace, Settings,
};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::code_editor::CodeEditor;
use crate::components::confirm_button::ConfirmButton;
use crate::components::make_test::MakeTest;
use crate::components::param_input::ParamInput;
use crate::components::rule_test_results::RuleTestResults;
use crate::components::rules_view::RuleRefProp;
use crate::files;
use crate::state::{Evaluated, RuleTests, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct RuleDetailProps {
    pub index: usize,
    pub rule: RuleRefProp,
    pub file_name: String,
    pub text: String,
    pub enabled: bool,
    /// The user's parameter values (absent: the default).
    pub values: BTreeMap<String, ParamValue>,
    pub trace: Option<RuleTrace>,
    /// The code or settings changed since the trace was made.
    pub pending: bool,
    pub on_edit: Callback<(usize, String)>,
    pub on_enable: Callback<(String, bool)>,
    pub on_param: Callback<(String, String, Option<ParamValue>)>,
    pub on_delete: Callback<usize>,
    pub on_status: Callback<String>,
    pub pack: Shared<Vec<RuleSource>>,
    pub tests: Shared<RuleTests>,
    pub evaluated: Option<Shared<Evaluated>>,
    pub settings: Shared<Settings>,
    pub on_run_tests: Callback<Option<String>>,
    pub on_keep_test: Callback<(Option<String>, RuleFile)>,
    pub on_delete_test: Callback<String>,
}

#[component]
pub fn RuleDetail(props: &RuleDetailProps) -> Html {
    let Some(source) = props.rule.get() else {
        return html! {};
    };
    let id = source.id().to_string();
    let (title, description, params) = match source {
        RuleSource::Parsed(r) => (r.title.clone(), r.description.clone(), r.params.clone()),
        RuleSource::Broken { name, .. } => (name.clone(), String::new(), Vec::new()),
    };
    let version = match source {
        RuleSource::Parsed(r) => r.version(),
        RuleSource::Broken { .. } => props
            .trace
            .as_ref()
            .map_or_else(|| "not known".into(), |t| t.version.clone()),
    };

    // Header problems come from reading the file (always current); code problems
    // from the last evaluation.
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    if let RuleSource::Broken { diagnostic, .. } = source {
        diagnostics.push(diagnostic.clone());
    } else if let Some(t) = &props.trace {
        diagnostics.extend(t.diagnostics.iter().cloned());
    }

    let on_switch = {
        let on_enable = props.on_enable.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            on_enable.emit((id.clone(), on));
        })
    };
    let on_code = {
        let on_edit = props.on_edit.clone();
        let index = props.index;
        Callback::from(move |text: String| on_edit.emit((index, text)))
    };
    let on_delete = {
        let on_delete = props.on_delete.clone();
        let index = props.index;
        Callback::from(move |_| on_delete.emit(index))
    };
    let download = {
        let (name, text, on_status) = (
            props.file_name.clone(),
            props.text.clone(),
            props.on_status.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let file = name.rsplit('/').next().unwrap_or(&name).to_string();
            on_status.emit(match files::download(&file, "text/plain", &text) {
                Ok(()) => format!("The rule was downloaded as {file}."),
                Err(e) => e,
            })
        })
    };

    let broken = matches!(source, RuleSource::Broken { .. });
    let outcome = match (&props.trace, broken) {
        (_, true) => html! {
            <p><span class="tag tag-failed">{ "Failed" }</span>{ " Its header could not be read, so it did not run." }</p>
        },
        (None, false) => html! { <p class="muted">{ "Not evaluated yet." }</p> },
        (Some(t), false) => html! {
            <>
                <p class="outcome-line">
                    <span id="rule-status" class={words::status_class(t.status)}>{ words::status_words(t.status) }</span>
                    { match t.status {
                        RuleStatus::Fired => format!(" It made {}.", words::count(t.suggestions, "suggestion", "suggestions")),
                        RuleStatus::DidNotFire => " Its conditions were not met: it suggested nothing.".into(),
                        RuleStatus::Failed => " It stopped with a problem (below) and contributed nothing.".into(),
                        RuleStatus::Disabled => " It is switched off and did not run.".into(),
                    } }
                    if t.status != RuleStatus::Disabled {
                        { format!(" Operations used: {}.", t.operations) }
                    }
                    if props.pending {
                        <span class="muted">{ " Checking your latest change…" }</span>
                    }
                </p>
                if !t.printed.is_empty() {
                    <div class="printed">
                        <h4>{ "What it printed" }</h4>
                        <pre id="rule-printed">{ t.printed.join("\n") }</pre>
                    </div>
                }
            </>
        },
    };

    html! {
        <section class="rule-detail" aria-labelledby="rule-heading" data-rule={id.clone()}>
            <h2 id="rule-heading">{ title }</h2>
            <p class="rule-meta">
                { "Id " }<code>{ &id }</code>{ " · file " }<code>{ &props.file_name }</code>{ " · version " }<code>{ version }</code>
            </p>
            if !description.is_empty() {
                <p class="rule-description">{ description }</p>
            }
            if !broken {
                <div class="switch">
                    <input type="checkbox" role="switch" id="rule-enabled" class="switch-input"
                        checked={props.enabled} onchange={on_switch} />
                    <label for="rule-enabled" class="switch-label">
                        { "Use this rule in the review" }
                        <span class="switch-state" aria-hidden="true">{ if props.enabled { " (on)" } else { " (off)" } }</span>
                    </label>
                </div>
            }
            <div class="rule-outcome">
                <h3>{ "Last evaluation" }</h3>
                { outcome }
            </div>
            if !broken {
                <RuleTestResults
                    rule={id.clone()}
                    pack={props.pack.clone()}
                    tests={props.tests.clone()}
                    enabled={props.enabled}
                    on_run={props.on_run_tests.clone()}
                    on_delete={props.on_delete_test.clone()}
                />
                <MakeTest
                    rule={id.clone()}
                    enabled={props.enabled}
                    file_name={props.file_name.clone()}
                    text={props.text.clone()}
                    evaluated={props.evaluated.clone()}
                    settings={props.settings.clone()}
                    on_keep={props.on_keep_test.clone()}
                    on_status={props.on_status.clone()}
                />
            }
            if !params.is_empty() {
                <fieldset class="fieldset params">
                    <legend>{ "Settings" }</legend>
                    { for params.iter().map(|p| {
                        let on_param = props.on_param.clone();
                        let (rule, name) = (id.clone(), p.name.clone());
                        html! {
                            <ParamInput
                                key={p.name.clone()}
                                spec={p.clone()}
                                value={props.values.get(&p.name).cloned()}
                                id_prefix={format!("param-{}", p.name)}
                                on_change={Callback::from(move |v: Option<ParamValue>| on_param.emit((rule.clone(), name.clone(), v)))}
                            />
                        }
                    }) }
                </fieldset>
            }
            <CodeEditor
                id="rule-code"
                label={format!("Code of “{}”", props.file_name)}
                text={props.text.clone()}
                diagnostics={diagnostics}
                pending={props.pending}
                on_change={on_code}
            />
            <div class="button-row rule-actions">
                <button type="button" class="button secondary" onclick={download}>{ "Download this rule" }</button>
                <ConfirmButton
                    id="delete-rule"
                    label="Delete this rule"
                    question={AttrValue::from(format!("Delete the rule {id}? Its code will be lost."))}
                    confirm="Yes, delete the rule"
                    on_confirm={on_delete}
                />
            </div>
        </section>
    }
}
