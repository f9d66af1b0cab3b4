//! The Review view, where users land. It leads with the answer: the proposed
//! focus areas (current → proposed, each change's kind and score), then the
//! suggested changes highest score first, conflicts, the changes not suggested
//! and why, the plan as it stands, and how it was worked out.

use horizon_engine::{RuleSource, RuleStatus};
use horizon_model::Scenario;
use yew::prelude::*;

use crate::components::changes_not_suggested::ChangesNotSuggested;
use crate::components::export::Export;
use crate::components::proposed_plan::ProposedPlan;
use crate::components::suggestion_card::SuggestionCard;
use crate::components::task_list::{is_incomplete, TaskList};
use crate::components::worked_out::WorkedOut;
use crate::project::Project;
use crate::state::{Evaluated, Shared, View};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct ReviewViewProps {
    pub scenario: Shared<Scenario>,
    pub evaluated: Option<Shared<Evaluated>>,
    /// An edit is waiting to be evaluated: what is shown is one step behind.
    pub pending: bool,
    /// The evaluation running now is taking a while (or was stopped): what is shown
    /// is from the previous run, and says so.
    #[prop_or_default]
    pub previous_run: bool,
    /// Opens a rule (by its place in the pack) in the Rules view.
    pub on_open_rule: Callback<usize>,
    pub on_status: Callback<String>,
    /// Opens a view (the task list's links).
    pub on_navigate: Callback<View>,
    /// For the Word report: the project (snapshots, Baseline) and the rules.
    pub project: Project,
    pub pack: Shared<Vec<RuleSource>>,
}

fn theme_names(s: &Scenario, ids: &[String]) -> String {
    ids.iter()
        .map(|t| s.theme(t).map_or(t.as_str(), |x| x.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[component]
pub fn ReviewView(props: &ReviewViewProps) -> Html {
    let s = &*props.scenario;
    let current_plan = html! {
        <section class="current-plan" aria-labelledby="current-heading">
            <h2 id="current-heading" class="visually-hidden">{ "The plan now" }</h2>
            <dl class="plan-summary">
                <div>
                    <dt>{ format!("Focus areas now ({})", s.plan().focus_areas.len()) }</dt>
                    <dd>
                        if s.plan().focus_areas.is_empty() {
                            <span class="muted">{ "None yet." }</span>
                        }
                        <ul id="current-focus-areas" class="inline-list">
                            { for s.plan().focus_areas.iter().map(|f| {
                                let same = f.themes.len() == 1 && s.theme(&f.themes[0]).is_some_and(|t| t.name == f.name);
                                let title = (!same).then(|| format!("Themes: {}", theme_names(s, &f.themes)));
                                html! { <li key={f.id.clone()} {title}>{ &f.name }</li> }
                            }) }
                        </ul>
                    </dd>
                </div>
                <div>
                    <dt>{ format!("Cross-cutting themes ({})", s.plan().cross_cutting_themes.len()) }</dt>
                    <dd>
                        if s.plan().cross_cutting_themes.is_empty() {
                            <span class="muted">{ "None named." }</span>
                        } else {
                            <ul id="current-cross-cutting" class="inline-list">
                                { for s.plan().cross_cutting_themes.iter().map(|c| html! {
                                    <li key={c.id.clone()}>{ &c.name }</li>
                                }) }
                            </ul>
                        }
                    </dd>
                </div>
            </dl>
        </section>
    };

    let tasks = is_incomplete(s).then(|| {
        html! {
            <TaskList scenario={props.scenario.clone()} on_navigate={props.on_navigate.clone()} />
        }
    });

    let Some(ev) = props.evaluated.clone() else {
        return html! {
            <>
                <h1 tabindex="-1">{ "Review of " }{ &s.plan().name }</h1>
                { tasks }
                { current_plan }
                <p class="loading">{ "Working out the suggestions…" }</p>
            </>
        };
    };
    let e = &ev.evaluation;
    let sc = &*ev.scenario;

    let failed: Vec<(usize, &horizon_engine::RuleTrace)> = e
        .trace
        .iter()
        .enumerate()
        .filter(|(_, t)| t.status == RuleStatus::Failed)
        .collect();
    let failures = if failed.is_empty() {
        html! {}
    } else {
        html! {
            <div id="rule-failures" class="warning-box" role="note">
                <h3>
                    { words::count(failed.len(), "rule", "rules") }{ " could not run" }
                </h3>
                <p>{ "The suggestions below come from the other rules. Open a rule to see what went wrong:" }</p>
                <ul>
                    { for failed.iter().map(|(i, t)| {
                        let on_open_rule = props.on_open_rule.clone();
                        let i = *i;
                        let first = t.diagnostics.first().map(|d| d.to_string()).unwrap_or_default();
                        html! {
                            <li>
                                <button type="button" class="link-button" onclick={move |_| on_open_rule.emit(i)}>
                                    { &t.title }
                                </button>
                                { ": " }{ first }
                            </li>
                        }
                    }) }
                </ul>
            </div>
        }
    };

    // An empty review: conflicts, a proposed plan and an export would all be empty.
    let nothing_to_review = sc.plan().focus_areas.is_empty() && is_incomplete(sc);
    html! {
        <>
            <h1 tabindex="-1">{ "Review of " }{ &sc.plan().name }</h1>
            if !sc.meta.geography.is_empty() || !sc.meta.period.is_empty() {
                <p class="lede">
                    { [sc.meta.geography.as_str(), sc.meta.period.as_str()].iter().filter(|x| !x.is_empty()).copied().collect::<Vec<_>>().join(" · ") }
                </p>
            }
            { tasks }
            if !(e.suggestions.is_empty() && nothing_to_review) {
                <ProposedPlan evaluated={ev.clone()} />
            }

            <section aria-labelledby="suggestions-heading" class={classes!("suggestions-section", props.pending.then_some("is-pending"))}>
                <h2 id="suggestions-heading">{ "Suggested changes" }</h2>
                if props.previous_run {
                    <p id="previous-run" class="previous-run">
                        { "These suggestions are from the previous run: the rules are still being worked out for your latest change." }
                    </p>
                }
                if !(e.suggestions.is_empty() && nothing_to_review) {
                    <p id="suggestions-summary">
                        { horizon_engine::report::summary_line(e) }
                        { ", highest score first. Each score runs from 0 to 100; open “How the score is made up” on a suggestion to see its parts." }
                    </p>
                }
                { failures }
                if e.suggestions.is_empty() && nothing_to_review {
                    <p id="no-suggestions-yet" class="muted">{ "No suggestions yet: rules need the review's themes, districts and the plan's focus areas. Work through the tasks above." }</p>
                } else if e.suggestions.is_empty() {
                    <p class="muted">{ "No rule suggests a change." }</p>
                } else {
                    <ol id="suggestions" class="suggestions">
                        { for (0..e.suggestions.len()).map(|i| html! {
                            <SuggestionCard key={i} evaluated={ev.clone()} index={i} />
                        }) }
                    </ol>
                }
            </section>

            if !(e.suggestions.is_empty() && nothing_to_review) {
                <section aria-labelledby="conflicts-heading">
                    <h2 id="conflicts-heading">{ "Conflicts" }</h2>
                    if e.conflicts.is_empty() {
                        <p id="no-conflicts">{ "None: no two suggestions contradict each other, and none repeats what another takes in." }</p>
                    } else {
                        <p>{ "These suggestions cannot all be accepted. The proposed focus areas above take the higher-scored one of each pair." }</p>
                        <ul id="conflicts" class="conflicts">
                            { for e.conflicts.iter().map(|c| html! {
                                <li>
                                    <a href={format!("#suggestion-{}", e.position(&c.a).map_or(0, |i| i + 1))}>{ e.suggestion(&c.a).map(|x| x.headline(sc)).unwrap_or_default() }</a>
                                    { " and " }
                                    <a href={format!("#suggestion-{}", e.position(&c.b).map_or(0, |i| i + 1))}>{ e.suggestion(&c.b).map(|x| x.headline(sc)).unwrap_or_default() }</a>
                                    { ": " }{ &c.reason }{ "." }
                                </li>
                            }) }
                        </ul>
                        if let Some(more) = e.conflicts_unlisted.words() {
                            <p id="conflicts-unlisted">{ more }</p>
                        }
                    }
                </section>

                <ChangesNotSuggested evaluated={ev.clone()} />
            }
            { current_plan }
            if !(e.suggestions.is_empty() && nothing_to_review) {
                <WorkedOut evaluated={ev.clone()} />
                <Export evaluated={ev.clone()} project={props.project.clone()} pack={props.pack.clone()} on_status={props.on_status.clone()} />
            }
        </>
    }
}
