//! The rule pack: a list of rules with what each did in the last evaluation, and
//! the chosen rule's details, settings and code beside it.

use horizon_engine::{ParamValue, RuleFile, RuleSource, RuleStatus, RuleTrace, Settings};
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::components::rule_detail::RuleDetail;
use crate::components::rule_tests_panel::RuleTestsPanel;
use crate::state::{tally_words, Evaluated, RuleTests, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct RulesViewProps {
    pub pack: Shared<Vec<RuleSource>>,
    pub files: Shared<Vec<RuleFile>>,
    pub settings: Shared<Settings>,
    pub selected: usize,
    pub evaluated: Option<Shared<Evaluated>>,
    pub pending: bool,
    pub on_select: Callback<usize>,
    /// (rule index, new text)
    pub on_edit: Callback<(usize, String)>,
    /// (rule id, on)
    pub on_enable: Callback<(String, bool)>,
    /// (rule id, parameter, value or `None` for the default)
    pub on_param: Callback<(String, String, Option<ParamValue>)>,
    pub on_add: Callback<()>,
    pub on_delete: Callback<usize>,
    pub on_reset: Callback<()>,
    pub on_status: Callback<String>,
    pub tests: Shared<RuleTests>,
    /// Run the tests: all of them, or one rule's.
    pub on_run_tests: Callback<Option<String>>,
    /// Keep a test made from the review or read from a file: (the rule it tests, test file).
    pub on_keep_test: Callback<(Option<String>, RuleFile)>,
    pub on_delete_test: Callback<String>,
}

/// The trace of the rule at `index`: by position when the evaluation ran on this
/// same pack, by id otherwise (an edit may have added or removed a rule since).
pub fn trace_for<'a>(
    e: Option<&'a Evaluated>,
    pack: &[RuleSource],
    index: usize,
) -> Option<&'a RuleTrace> {
    let e = e?;
    let id = pack.get(index)?.id();
    let trace = &e.evaluation.trace;
    if trace.len() == pack.len() && trace[index].rule == id {
        return Some(&trace[index]);
    }
    trace.iter().find(|t| t.rule == id)
}

#[component]
pub fn RulesView(props: &RulesViewProps) -> Html {
    let ev = props.evaluated.as_deref();
    let selected = props.selected.min(props.pack.len().saturating_sub(1));

    let list = props.pack.iter().enumerate().map(|(i, r)| {
        let trace = trace_for(ev, &props.pack, i);
        let title = match r {
            RuleSource::Parsed(rule) => rule.title.clone(),
            RuleSource::Broken { name, .. } => name.clone(),
        };
        let status = match (r, trace) {
            (RuleSource::Broken { .. }, _) => Some(RuleStatus::Failed),
            (_, Some(t)) => Some(t.status),
            _ => None,
        };
        let on_select = props.on_select.clone();
        let current = i == selected;
        let tally = props.tests.tally(r.id(), &props.pack);
        html! {
            <li key={format!("{i}-{}", r.id())}>
                <button
                    type="button"
                    class={classes!("rule-pick", current.then_some("current"))}
                    aria-current={current.then_some("true")}
                    data-rule={r.id().to_string()}
                    onclick={move |_| on_select.emit(i)}
                >
                    <span class="rule-pick-title">{ title }</span>
                    if let Some(st) = status {
                        <span class={words::status_class(st)}>
                            { words::status_words(st) }
                            if st == RuleStatus::Fired {
                                { format!(" ({})", trace.map_or(0, |t| t.suggestions)) }
                            }
                        </span>
                    }
                    if let Some((p, n)) = tally {
                        <span class={classes!("rule-pick-tests", (p < n).then_some("tests-failing"))}>
                            { format!("Tests: {}", tally_words(p, n)) }
                        </span>
                    }
                </button>
            </li>
        }
    });

    let on_add = props.on_add.clone();
    html! {
        <>
            <h1 tabindex="-1">{ "Rules" }</h1>
            <p class="lede">
                { "Each rule reads the scenario and suggests changes, with its reasons and evidence. Rules are short scripts in the Rhai language: switch them off, change their settings or edit their code, and the suggestions update as you go. A rule that fails or runs too long is stopped and shows why; the other rules carry on." }
            </p>
            <div class="button-row">
                <button type="button" id="add-rule" class="button" onclick={move |_| on_add.emit(())}>
                    { "Add a rule from the template" }
                </button>
                <ConfirmButton
                    id="reset-rules"
                    label="Reset to the shipped pack"
                    question="Replace every rule and setting with the shipped pack? Your edits and your own rules will be lost."
                    confirm="Yes, reset the rules"
                    on_confirm={props.on_reset.clone()}
                />
            </div>
            <RuleTestsPanel
                pack={props.pack.clone()}
                tests={props.tests.clone()}
                on_run={props.on_run_tests.clone()}
                on_select={props.on_select.clone()}
                on_add_test={props.on_keep_test.clone()}
            />
            <div class="rules-layout">
                <nav class="rule-list" aria-label="Rules in the pack">
                    <h2 class="rule-list-title">{ words::count(props.pack.len(), "rule", "rules") }</h2>
                    <ol>{ for list }</ol>
                </nav>
                if let (Some(rule), Some(file)) = (props.pack.get(selected), props.files.get(selected)) {
                    <RuleDetail
                        key={format!("{selected}-{}", file.name)}
                        index={selected}
                        rule={RuleRefProp(props.pack.clone(), selected)}
                        file_name={file.name.clone()}
                        text={file.text.clone()}
                        enabled={props.settings.is_enabled(rule.id())}
                        values={props.settings.params.get(rule.id()).cloned().unwrap_or_default()}
                        trace={trace_for(ev, &props.pack, selected).cloned()}
                        pending={props.pending}
                        on_edit={props.on_edit.clone()}
                        on_enable={props.on_enable.clone()}
                        on_param={props.on_param.clone()}
                        on_delete={props.on_delete.clone()}
                        on_status={props.on_status.clone()}
                        pack={props.pack.clone()}
                        tests={props.tests.clone()}
                        evaluated={props.evaluated.clone()}
                        settings={props.settings.clone()}
                        on_run_tests={props.on_run_tests.clone()}
                        on_keep_test={props.on_keep_test.clone()}
                        on_delete_test={props.on_delete_test.clone()}
                    />
                } else {
                    <p>{ "There are no rules. Add one from the template, or reset to the shipped pack." }</p>
                }
            </div>
        </>
    }
}

/// One rule of a pack as a prop: the shared pack and the rule's place in it
/// (`RuleSource` itself has no equality; the pack's identity stands in for it).
#[derive(Clone)]
pub struct RuleRefProp(pub Shared<Vec<RuleSource>>, pub usize);

impl PartialEq for RuleRefProp {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0 && self.1 == other.1
    }
}

impl RuleRefProp {
    pub fn get(&self) -> Option<&RuleSource> {
        self.0.get(self.1)
    }
}
