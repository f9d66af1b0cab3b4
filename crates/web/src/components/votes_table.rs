//! Stakeholder votes: how many votes a stakeholder event gave each theme. A compact
//! table with a number box per theme; a count is saved when the box is left (Tab,
//! Enter, or the up and down arrow keys, which move between themes).

use std::collections::HashMap;

use horizon_model::{Edit, Scenario};
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::form_parts::{control_value, focus_id};
use crate::forms::votes::{parse_votes, votes_text};
use crate::state::Shared;
use crate::words;

fn box_id(theme: &str) -> String {
    format!("votes-{theme}")
}

#[derive(Properties, PartialEq)]
pub struct VotesTableProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn VotesTable(props: &VotesTableProps) -> Html {
    let s = &*props.scenario;
    // What is typed in boxes not yet saved, and the boxes whose text is not a count.
    let typing = use_state(HashMap::<String, String>::new);
    let problems = use_state(HashMap::<String, String>::new);
    let ids: Vec<String> = s.themes.iter().map(|t| t.id.clone()).collect();
    let total: u64 = s.votes.iter().map(|v| u64::from(v.votes)).sum();
    let current = |theme: &str| {
        s.votes
            .iter()
            .find(|v| v.theme == theme)
            .map_or(0, |v| v.votes)
    };

    html! {
        <section class="context-section" aria-labelledby="votes-heading">
            <h2 id="votes-heading">{ "Stakeholder votes" }</h2>
            <p id="votes-hint">
                { "Votes a stakeholder event gave each theme. Leave a box empty or enter 0 for none. " }
                { "A count is saved when you leave its box; Enter and the up and down arrow keys move between themes." }
            </p>
            if s.themes.is_empty() {
                <p class="muted">{ "This review has no themes yet: add them in the Matrix view." }</p>
            } else {
                <p id="votes-total">{ format!("{} in all.", words::count(total as usize, "vote", "votes")) }</p>
                <table id="votes" class="table votes-table">
                    <caption class="visually-hidden">{ "Stakeholder votes by theme" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Theme" }</th>
                            <th scope="col" class="num">{ "Votes" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for s.themes.iter().enumerate().map(|(i, t)| {
                            let bid = box_id(&t.id);
                            let now = current(&t.id);
                            let problem = problems.get(&t.id).cloned();
                            let value = typing.get(&t.id).cloned().unwrap_or_else(|| votes_text(now));
                            let oninput = {
                                let typing = typing.clone();
                                let tid = t.id.clone();
                                Callback::from(move |e: InputEvent| {
                                    if let Some(v) = control_value(e.target()) {
                                        let mut m = (*typing).clone();
                                        m.insert(tid.clone(), v);
                                        typing.set(m);
                                    }
                                })
                            };
                            let onchange = {
                                let (typing, problems) = (typing.clone(), problems.clone());
                                let on_edit = props.on_edit.clone();
                                let tid = t.id.clone();
                                Callback::from(move |e: Event| {
                                    let Some(text) = control_value(e.target()) else { return };
                                    let mut p = (*problems).clone();
                                    match parse_votes(&text) {
                                        Ok(votes) => {
                                            p.remove(&tid);
                                            let mut m = (*typing).clone();
                                            m.remove(&tid);
                                            typing.set(m);
                                            if votes != now {
                                                on_edit.emit(Edit::SetVotes { theme: tid.clone(), votes });
                                            }
                                        }
                                        Err(why) => {
                                            p.insert(tid.clone(), why);
                                        }
                                    }
                                    problems.set(p);
                                })
                            };
                            let onkeydown = {
                                let ids = ids.clone();
                                Callback::from(move |e: KeyboardEvent| {
                                    let to = match e.key().as_str() {
                                        "Enter" | "ArrowDown" => i + 1,
                                        "ArrowUp" if i > 0 => i - 1,
                                        _ => return,
                                    };
                                    e.prevent_default();
                                    // Leaving the box saves it (its change event).
                                    if let Some(next) = ids.get(to) {
                                        focus_id(&box_id(next));
                                    } else if let Some(el) = e.target_dyn_into::<web_sys::HtmlElement>() {
                                        let _ = el.blur();
                                        let _ = el.focus();
                                    }
                                })
                            };
                            html! {
                                <tr key={t.id.clone()} data-theme={t.id.clone()}
                                    class={classes!(problem.is_some().then_some("row-has-error"))}>
                                    <th scope="row"><label for={bid.clone()}>{ &t.name }</label></th>
                                    <td class="num">
                                        if let Some(m) = &problem {
                                            <p class="field-error" id={format!("{bid}-error")}>
                                                <span class="visually-hidden">{ "Error: " }</span>{ m }
                                            </p>
                                        }
                                        <input type="text" inputmode="numeric" id={bid.clone()} class="input votes-input"
                                            value={value} {oninput} {onchange} {onkeydown}
                                            aria-invalid={problem.as_ref().map(|_| "true")}
                                            aria-describedby={problem.as_ref().map(|_| format!("{bid}-error"))} />
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
        </section>
    }
}
