//! Snapshots and compare: any two snapshots (or a snapshot and the working copy)
//! side by side: what differs in the inputs, and how the suggestions differ,
//! matched by each suggestion's stable identity.

use horizon_engine::{evaluate, parse_rules, Comparison, Limits, RuleSource, SuggestionChange};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::snapshot_list::SnapshotList;
use crate::project::{Project, Side};
use crate::state::Shared;
use crate::words;
use crate::work::{rule_differences, Work};

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub project: Project,
    /// The working copy's rules, already read.
    pub pack: Shared<Vec<RuleSource>>,
    /// Before, after.
    pub compare: (Side, Side),
    pub on_compare: Callback<(Side, Side)>,
    pub on_save: Callback<String>,
    pub on_restore: Callback<u32>,
    pub on_rename: Callback<(u32, String)>,
    pub on_delete: Callback<u32>,
}

fn side_of(value: &str) -> Side {
    value.parse().map_or(Side::Working, Side::Snapshot)
}

fn side_name(p: &Project, s: Side) -> String {
    match s {
        Side::Working => "the working copy".into(),
        Side::Snapshot(id) => p
            .snapshot(id)
            .map_or("a deleted snapshot".into(), |x| format!("“{}”", x.name)),
    }
}

/// The comparison of two works, each evaluated with its own rules and settings.
fn compare(before: &Work, after: &Work) -> (Comparison, Vec<String>) {
    let run = |w: &Work| {
        evaluate(
            &w.scenario,
            &parse_rules(&w.rules),
            &w.settings,
            &Limits::default(),
        )
    };
    let (a, b) = (run(before), run(after));
    (
        Comparison::new(&a, &before.scenario, &b, &after.scenario),
        rule_differences(before, after),
    )
}

#[component]
pub fn CompareView(props: &CompareViewProps) -> Html {
    let p = &props.project;
    let (before_side, after_side) = props.compare;
    let before = p.side(before_side).cloned();
    let after = p.side(after_side).cloned();
    let result = use_memo((before.clone(), after.clone()), |(b, a)| match (b, a) {
        (Some(b), Some(a)) => Some(compare(b, a)),
        _ => None,
    });

    let choose = |which: usize| {
        let on_compare = props.on_compare.clone();
        let (a, b) = props.compare;
        Callback::from(move |e: Event| {
            let side = side_of(&e.target_unchecked_into::<HtmlSelectElement>().value());
            on_compare.emit(if which == 0 { (side, b) } else { (a, side) });
        })
    };
    let options = |selected: Side| {
        html! {
            <>
                <option value="working" selected={selected == Side::Working}>{ "The working copy" }</option>
                { for p.snapshots.iter().map(|s| html! {
                    <option value={s.id.to_string()} selected={selected == Side::Snapshot(s.id)}>
                        { format!("Snapshot “{}”", s.name) }
                    </option>
                }) }
            </>
        }
    };

    let results = match &*result {
        None => html! { <p>{ "Choose two things to compare." }</p> },
        Some(_) if before_side == after_side => {
            html! { <p id="compare-same">{ "These are the same: choose two different things to compare." }</p> }
        }
        Some((c, rules)) => {
            let (bn, an) = (side_name(p, before_side), side_name(p, after_side));
            let inputs = c.differences.len() + rules.len();
            html! {
                <div id="compare-results">
                    <h2 id="suggestions-differ">{ "How the suggestions differ" }</h2>
                    <p>{ format!("From {bn} to {an}.") }</p>
                    if c.suggestions.is_empty() {
                        <p id="no-suggestion-changes">{ "The suggestions are the same." }</p>
                    } else {
                        <table class="table compare-table" id="suggestion-changes">
                            <caption class="visually-hidden">{ "Suggestions that differ" }</caption>
                            <thead><tr>
                                <th scope="col">{ "Suggestion" }</th>
                                <th scope="col">{ "Change" }</th>
                                <th scope="col" class="num">{ "Before" }</th>
                                <th scope="col" class="num">{ "After" }</th>
                            </tr></thead>
                            <tbody>
                            { for c.suggestions.iter().map(|s| {
                                let (what, from, to) = match s {
                                    SuggestionChange::New { score, .. } => ("New".to_string(), "—".to_string(), format!("{score:.1}")),
                                    SuggestionChange::Gone { score, .. } => ("No longer suggested".to_string(), format!("{score:.1}"), "—".to_string()),
                                    SuggestionChange::Rescored { from, to, .. } => (
                                        format!("Score {} by {:.1}", if to > from { "up" } else { "down" }, (to - from).abs()),
                                        format!("{from:.1}"),
                                        format!("{to:.1}"),
                                    ),
                                };
                                html! {
                                    <tr data-suggestion={s.id().to_string()}>
                                        <th scope="row">{ s.headline() }</th>
                                        <td>{ what }</td>
                                        <td class="num">{ from }</td>
                                        <td class="num">{ to }</td>
                                    </tr>
                                }
                            }) }
                            </tbody>
                        </table>
                        <ul class="visually-hidden">
                            { for c.suggestions.iter().map(|s| html! { <li>{ s.describe() }</li> }) }
                        </ul>
                    }
                    if c.unchanged > 0 {
                        <p>{ format!("{} unchanged.", words::count(c.unchanged, "other suggestion is", "other suggestions are")) }</p>
                    }
                    <h2 id="inputs-differ">{ "What differs in the data" }</h2>
                    if inputs == 0 {
                        <p>{ "Nothing: the scenario, rules and settings are the same." }</p>
                    } else {
                        <p>{ format!("{}.", words::count(inputs, "difference", "differences")) }</p>
                        <table class="table compare-table" id="input-changes">
                            <caption class="visually-hidden">{ "Differences in the data" }</caption>
                            <thead><tr>
                                <th scope="col">{ "Part" }</th>
                                <th scope="col">{ "Difference" }</th>
                            </tr></thead>
                            <tbody>
                                { for c.differences.iter().map(|d| html! {
                                    <tr><td>{ d.section.label() }</td><td>{ &d.description }</td></tr>
                                }) }
                                { for rules.iter().map(|r| html! {
                                    <tr><td>{ "Rules" }</td><td>{ r }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    }
                </div>
            }
        }
    };

    html! {
        <>
            <h1 tabindex="-1">{ "Snapshots and compare" }</h1>
            <p class="lede">{ "Keep what-ifs as named snapshots, and compare any two: what differs in the data, and how each suggestion's score moves." }</p>
            <SnapshotList
                project={p.clone()}
                on_save={props.on_save.clone()}
                on_restore={props.on_restore.clone()}
                on_rename={props.on_rename.clone()}
                on_delete={props.on_delete.clone()}
                on_compare={props.on_compare.clone()}
            />
            <section aria-labelledby="compare-heading">
                <h2 id="compare-heading">{ "Compare" }</h2>
                <div class="compare-choice">
                    <div class="field">
                        <label class="label" for="compare-before">{ "Before" }</label>
                        <select id="compare-before" class="select" onchange={choose(0)}>{ options(before_side) }</select>
                    </div>
                    <div class="field">
                        <label class="label" for="compare-after">{ "After" }</label>
                        <select id="compare-after" class="select" onchange={choose(1)}>{ options(after_side) }</select>
                    </div>
                </div>
                { results }
            </section>
        </>
    }
}
