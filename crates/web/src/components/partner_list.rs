//! Partner priorities: what the police, health, probation and others have made their
//! own priorities, and the themes each bears on. List, add, edit, remove, reorder.

use horizon_model::{Collection, Edit, PartnerPriority, Scenario};
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::components::form_parts::use_focus_after;
use crate::components::partner_form::PartnerForm;
use crate::forms::partner::PartnerDraft;
use crate::forms::theme_names;
use crate::state::Shared;
use crate::words;

const ADD_BUTTON: &str = "add-partner-priority";

fn row_id(id: &str) -> String {
    format!("partner-row-{id}")
}

#[derive(Properties, PartialEq)]
pub struct PartnerListProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

/// Which form is open.
#[derive(Clone, PartialEq)]
enum Open {
    None,
    New,
    Existing(String),
}

#[component]
pub fn PartnerList(props: &PartnerListProps) -> Html {
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
    let n = s.partner_priorities.len();
    let row = |i: usize, p: &PartnerPriority| -> Html {
        if *open == Open::Existing(p.id.clone()) {
            return html! {
                <tr key={p.id.clone()} class="editing-row">
                    <td colspan="4">
                        <PartnerForm scenario={props.scenario.clone()} initial={PartnerDraft::from_item(p)}
                            id={Some(p.id.clone())} on_edit={props.on_edit.clone()} on_saved={saved.clone()}
                            on_cancel={cancel(format!("partner-edit-{}", p.id))} />
                    </td>
                </tr>
            };
        }
        let edit = {
            let open = open.clone();
            let id = p.id.clone();
            Callback::from(move |_: MouseEvent| open.set(Open::Existing(id.clone())))
        };
        let mover = |to: usize, button: &str| {
            let (on_edit, focus) = (props.on_edit.clone(), focus.clone());
            let id = p.id.clone();
            // After the move, focus stays on the same button, or its partner at an end.
            let again = if (button == "up" && to == 0) || (button == "down" && to + 1 == n) {
                format!(
                    "partner-{}-{}",
                    if button == "up" { "down" } else { "up" },
                    id
                )
            } else {
                format!("partner-{button}-{id}")
            };
            Callback::from(move |_: MouseEvent| {
                on_edit.emit(Edit::Move {
                    collection: Collection::PartnerPriorities,
                    id: id.clone(),
                    to,
                });
                focus.after_edit(again.clone());
            })
        };
        let remove = {
            let (on_edit, focus) = (props.on_edit.clone(), focus.clone());
            let id = p.id.clone();
            Callback::from(move |_: ()| {
                on_edit.emit(Edit::Remove {
                    collection: Collection::PartnerPriorities,
                    id: id.clone(),
                });
                focus.after_edit(ADD_BUTTON);
            })
        };
        let named = format!("“{}”", p.priority);
        html! {
            <tr key={p.id.clone()} data-partner={p.id.clone()}>
                <th scope="row" id={row_id(&p.id)} tabindex="-1">{ &p.priority }</th>
                <td>{ &p.partner }</td>
                <td class="small">{ theme_names(s, &p.themes) }</td>
                <td class="actions">
                    <button type="button" class="button secondary small-button" id={format!("partner-edit-{}", p.id)} onclick={edit}>
                        { "Change" }<span class="visually-hidden">{ format!(" {named}") }</span>
                    </button>
                    if i > 0 {
                        <button type="button" class="button secondary small-button" id={format!("partner-up-{}", p.id)} onclick={mover(i - 1, "up")}>
                            { "Move up" }<span class="visually-hidden">{ format!(" {named}") }</span>
                        </button>
                    }
                    if i + 1 < n {
                        <button type="button" class="button secondary small-button" id={format!("partner-down-{}", p.id)} onclick={mover(i + 1, "down")}>
                            { "Move down" }<span class="visually-hidden">{ format!(" {named}") }</span>
                        </button>
                    }
                    <ConfirmButton label="Remove" class="small-button" context={AttrValue::from(named.clone())}
                        question={AttrValue::from(format!("Remove the partner priority {named}?"))}
                        confirm="Yes, remove it" on_confirm={remove} />
                </td>
            </tr>
        }
    };

    html! {
        <section class="context-section" aria-labelledby="partners-heading">
            <h2 id="partners-heading">{ "Partner priorities" }
                <span class="heading-count">{ format!(" ({n})") }</span>
            </h2>
            <p>{ "What partners have made their own priorities. Rules suggest covering a priority that no focus area serves." }</p>
            if *open == Open::New {
                <PartnerForm scenario={props.scenario.clone()} initial={PartnerDraft::default()} id={None::<String>}
                    on_edit={props.on_edit.clone()} on_saved={saved.clone()} on_cancel={cancel(ADD_BUTTON.into())} />
            } else {
                <p>
                    <button type="button" id={ADD_BUTTON} class="button"
                        onclick={{ let open = open.clone(); move |_| open.set(Open::New) }}>
                        { "Add a partner priority" }
                    </button>
                </p>
            }
            if n == 0 {
                <p class="muted">{ "No partner priorities yet." }</p>
            } else {
                <table id="partner-priorities" class="table context-table">
                    <caption class="visually-hidden">{ words::count(n, "partner priority", "partner priorities") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Priority" }</th>
                            <th scope="col">{ "Partner" }</th>
                            <th scope="col">{ "Linked themes" }</th>
                            <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for s.partner_priorities.iter().enumerate().map(|(i, p)| row(i, p)) }
                    </tbody>
                </table>
            }
        </section>
    }
}
