//! Legislation: acts and bills the partnership must plan for, whether each places a
//! statutory duty on the partners, and the themes it bears on. List, add, edit, remove.

use horizon_model::{Collection, Edit, Legislation, Scenario};
use yew::prelude::*;

use crate::components::form_parts::{use_row_forms, Open};
use crate::components::law_form::LawForm;
use crate::components::row_actions::RowActions;
use crate::forms::law::{status_words, LawDraft};
use crate::forms::theme_names;
use crate::state::Shared;
use crate::words;

const ADD_BUTTON: &str = "add-legislation";

fn row_id(id: &str) -> String {
    format!("law-row-{id}")
}

#[derive(Properties, PartialEq)]
pub struct LawListProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn LawList(props: &LawListProps) -> Html {
    let s = &*props.scenario;
    let forms = use_row_forms(&props.scenario, &props.on_edit, row_id);
    let row = |l: &Legislation| -> Html {
        if forms.is_open(&Open::Existing(l.id.clone())) {
            return html! {
                <tr key={l.id.clone()} class="editing-row">
                    <td colspan="6">
                        <LawForm scenario={props.scenario.clone()} initial={LawDraft::from_item(l)}
                            id={Some(l.id.clone())} on_submit={forms.submit(Some(l.id.clone()))}
                            on_cancel={forms.cancel(format!("law-edit-{}", l.id))} />
                    </td>
                </tr>
            };
        }
        let change = forms.opener(Open::Existing(l.id.clone()));
        let remove = forms.remove(Collection::Legislation, l.id.clone(), ADD_BUTTON);
        let named = format!("“{}”", l.title);
        html! {
            <tr key={l.id.clone()} data-law={l.id.clone()}>
                <th scope="row" id={row_id(&l.id)} tabindex="-1">{ &l.title }</th>
                <td class="num">{ l.year.map(|y| y.to_string()).unwrap_or_default() }</td>
                <td>{ status_words(l.status) }</td>
                <td class="small">
                    if l.creates_duty {
                        <strong>{ "Yes" }</strong>
                        if let Some(duty) = &l.duty {
                            <span class="item-detail">{ duty }</span>
                        }
                    } else {
                        { "No" }
                    }
                </td>
                <td class="small">{ theme_names(s, &l.themes) }</td>
                <td class="actions">
                    <RowActions prefix="law" id={l.id.clone()} named={named.clone()}
                        question={format!("Remove {named}?")} on_change={change} on_remove={remove} />
                </td>
            </tr>
        }
    };
    let n = s.legislation.len();
    html! {
        <section class="context-section" aria-labelledby="law-heading">
            <h2 id="law-heading">{ "Legislation" }
                <span class="heading-count">{ format!(" ({n})") }</span>
            </h2>
            <p>{ "Acts and bills the partnership must plan for. A statutory duty that no focus area covers is suggested as a new focus area." }</p>
            if forms.is_open(&Open::New) {
                <LawForm scenario={props.scenario.clone()} initial={LawDraft::default()} id={None::<String>}
                    on_submit={forms.submit(None)} on_cancel={forms.cancel(ADD_BUTTON.into())} />
            } else {
                <p>
                    <button type="button" id={ADD_BUTTON} class="button"
                        onclick={forms.opener(Open::New)}>
                        { "Add a piece of legislation" }
                    </button>
                </p>
            }
            if n == 0 {
                <p class="muted">{ "No legislation yet." }</p>
            } else {
                <table id="legislation" class="table context-table">
                    <caption class="visually-hidden">{ words::count(n, "piece of legislation", "pieces of legislation") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Title" }</th>
                            <th scope="col" class="num">{ "Year" }</th>
                            <th scope="col">{ "Status" }</th>
                            <th scope="col">{ "Statutory duty" }</th>
                            <th scope="col">{ "Linked themes" }</th>
                            <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for s.legislation.iter().map(row) }
                    </tbody>
                </table>
            }
        </section>
    }
}
