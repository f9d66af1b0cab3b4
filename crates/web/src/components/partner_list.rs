//! Partner priorities: what the police, health, probation and others have made their
//! own priorities, and the themes each bears on. List, add, edit, remove, reorder.

use horizon_model::{Collection, Edit, PartnerPriority, Scenario};
use yew::prelude::*;

use crate::components::form_parts::{use_row_forms, Open};
use crate::components::partner_form::PartnerForm;
use crate::components::row_actions::RowActions;
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

#[component]
pub fn PartnerList(props: &PartnerListProps) -> Html {
    let s = &*props.scenario;
    let forms = use_row_forms(&props.scenario, &props.on_edit, row_id);
    let n = s.partner_priorities.len();
    let row = |i: usize, p: &PartnerPriority| -> Html {
        if forms.is_open(&Open::Existing(p.id.clone())) {
            return html! {
                <tr key={p.id.clone()} class="editing-row">
                    <td colspan="4">
                        <PartnerForm scenario={props.scenario.clone()} initial={PartnerDraft::from_item(p)}
                            id={Some(p.id.clone())} on_submit={forms.submit(Some(p.id.clone()))}
                            on_cancel={forms.cancel(format!("partner-edit-{}", p.id))} />
                    </td>
                </tr>
            };
        }
        let change = forms.opener(Open::Existing(p.id.clone()));
        let on_move = forms.mover(Collection::PartnerPriorities, p.id.clone());
        let remove = forms.remove(Collection::PartnerPriorities, p.id.clone(), ADD_BUTTON);
        let named = format!("“{}”", p.priority);
        html! {
            <tr key={p.id.clone()} data-partner={p.id.clone()}>
                <th scope="row" id={row_id(&p.id)} tabindex="-1">{ &p.priority }</th>
                <td>{ &p.partner }</td>
                <td class="small">{ theme_names(s, &p.themes) }</td>
                <td class="actions">
                    <RowActions prefix="partner" id={p.id.clone()} named={named.clone()}
                        question={format!("Remove the partner priority {named}?")} on_change={change}
                        on_move={Some(on_move)} place={(i, n)} on_remove={remove} />
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
            if forms.is_open(&Open::New) {
                <PartnerForm scenario={props.scenario.clone()} initial={PartnerDraft::default()} id={None::<String>}
                    on_submit={forms.submit(None)} on_cancel={forms.cancel(ADD_BUTTON.into())} />
            } else {
                <p>
                    <button type="button" id={ADD_BUTTON} class="button"
                        onclick={forms.opener(Open::New)}>
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
