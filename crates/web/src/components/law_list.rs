//! Legislation: acts and bills the partnership must plan for, whether each places a
//! statutory duty on the partners, and the themes it bears on. List, add, edit, remove.

use horizon_model::{Collection, Edit, Legislation, Scenario};
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::components::form_parts::use_focus_after;
use crate::components::law_form::LawForm;
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

#[derive(Clone, PartialEq)]
enum Open {
    None,
    New,
    Existing(String),
}

#[component]
pub fn LawList(props: &LawListProps) -> Html {
    let s = &*props.scenario;
    let open = use_state(|| Open::None);
    let focus = use_focus_after(&props.scenario);

    let saved = {
        let (open, focus) = (open.clone(), focus.clone());
        Callback::from(move |id: String| {
            open.set(Open::None);
            focus.after_edit(row_id(&id));
        })
    };
    let cancel = |back_to: String| {
        let (open, focus) = (open.clone(), focus.clone());
        Callback::from(move |_: ()| {
            open.set(Open::None);
            focus.now(back_to.clone());
        })
    };
    let row = |l: &Legislation| -> Html {
        if *open == Open::Existing(l.id.clone()) {
            return html! {
                <tr key={l.id.clone()} class="editing-row">
                    <td colspan="6">
                        <LawForm scenario={props.scenario.clone()} initial={LawDraft::from_item(l)}
                            id={Some(l.id.clone())} on_edit={props.on_edit.clone()} on_saved={saved.clone()}
                            on_cancel={cancel(format!("law-edit-{}", l.id))} />
                    </td>
                </tr>
            };
        }
        let edit = {
            let open = open.clone();
            let id = l.id.clone();
            Callback::from(move |_: MouseEvent| open.set(Open::Existing(id.clone())))
        };
        let remove = {
            let (on_edit, focus) = (props.on_edit.clone(), focus.clone());
            let id = l.id.clone();
            Callback::from(move |_: ()| {
                on_edit.emit(Edit::Remove {
                    collection: Collection::Legislation,
                    id: id.clone(),
                });
                focus.after_edit(ADD_BUTTON);
            })
        };
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
                    <button type="button" class="button secondary small-button" id={format!("law-edit-{}", l.id)} onclick={edit}>
                        { "Change" }<span class="visually-hidden">{ format!(" {named}") }</span>
                    </button>
                    <ConfirmButton label="Remove" class="small-button" context={AttrValue::from(named.clone())}
                        question={AttrValue::from(format!("Remove {named}?"))}
                        confirm="Yes, remove it" on_confirm={remove} />
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
            if *open == Open::New {
                <LawForm scenario={props.scenario.clone()} initial={LawDraft::default()} id={None::<String>}
                    on_edit={props.on_edit.clone()} on_saved={saved.clone()} on_cancel={cancel(ADD_BUTTON.into())} />
            } else {
                <p>
                    <button type="button" id={ADD_BUTTON} class="button"
                        onclick={{ let open = open.clone(); move |_| open.set(Open::New) }}>
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
