//! Public consultation results: for each focus area and for the plan overall, how
//! many responded and what share agreed. Set (as a percentage) and clear.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::consultation_form::{key, ConsultationForm};
use crate::components::form_parts::use_focus_after;
use crate::forms::consultation::{percent_words, ConsultationDraft};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ConsultationTableProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn ConsultationTable(props: &ConsultationTableProps) -> Html {
    let s = &*props.scenario;
    // The row whose form is open: `Some(None)` is the plan overall.
    let open = use_state(|| None::<Option<String>>);
    let focus = use_focus_after(&props.scenario);

    let rows: Vec<(Option<String>, String)> = s
        .plan()
        .focus_areas
        .iter()
        .map(|f| (Some(f.id.clone()), f.name.clone()))
        .chain(std::iter::once((None, "The plan overall".to_string())))
        .collect();

    html! {
        <section class="context-section" aria-labelledby="consultation-heading">
            <h2 id="consultation-heading">{ "Consultation results" }</h2>
            <p>{ "What the public consultation said about each focus area, and about the plan overall. Rules weigh low agreement when suggesting a change." }</p>
            <table id="consultation" class="table context-table">
                <caption class="visually-hidden">{ "Consultation results by focus area" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Focus area" }</th>
                        <th scope="col" class="num">{ "Responses" }</th>
                        <th scope="col" class="num">{ "Share agreeing" }</th>
                        <th scope="col"><span class="visually-hidden">{ "Actions" }</span></th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|(fa, name)| {
                        let k = key(fa.as_deref());
                        let result = s.plan().consultation.iter().find(|r| &r.focus_area == fa);
                        let whose = if fa.is_some() { format!("“{name}”") } else { "the plan overall".to_string() };
                        if open.as_ref() == Some(fa) {
                            let done = {
                                let (open, focus) = (open.clone(), focus.clone());
                                let back = format!("consult-set-{k}");
                                Callback::from(move |_: ()| { open.set(None); focus.now(back.clone()); })
                            };
                            return html! {
                                <tr key={k.clone()} class="editing-row">
                                    <td colspan="4">
                                        <ConsultationForm scenario={props.scenario.clone()} focus_area={fa.clone()}
                                            whose={whose.clone()}
                                            initial={result.map(ConsultationDraft::from_result).unwrap_or_default()}
                                            on_edit={props.on_edit.clone()} on_done={done} />
                                    </td>
                                </tr>
                            };
                        }
                        let set = {
                            let open = open.clone();
                            let fa = fa.clone();
                            Callback::from(move |_: MouseEvent| open.set(Some(fa.clone())))
                        };
                        let clear = {
                            let (on_edit, focus) = (props.on_edit.clone(), focus.clone());
                            let fa = fa.clone();
                            let back = format!("consult-set-{k}");
                            Callback::from(move |_: MouseEvent| {
                                on_edit.emit(Edit::ClearConsultation { focus_area: fa.clone() });
                                focus.now(back.clone());
                            })
                        };
                        html! {
                            <tr key={k.clone()} data-consultation={k.clone()} class={classes!(fa.is_none().then_some("overall-row"))}>
                                <th scope="row">{ name }</th>
                                <td class="num responses">{ result.map(|r| r.responses.to_string()).unwrap_or_default() }</td>
                                <td class="num share">
                                    { match result {
                                        Some(r) => html! { percent_words(r.share_agreeing) },
                                        None => html! { <span class="muted">{ "Not recorded" }</span> },
                                    } }
                                </td>
                                <td class="actions">
                                    <button type="button" class="button secondary small-button" id={format!("consult-set-{k}")} onclick={set}>
                                        { if result.is_some() { "Change" } else { "Enter" } }
                                        <span class="visually-hidden">{ format!(" the result for {whose}") }</span>
                                    </button>
                                    if result.is_some() {
                                        <button type="button" class="button secondary small-button" id={format!("consult-clear-{k}")} onclick={clear}>
                                            { "Clear" }<span class="visually-hidden">{ format!(" the result for {whose}") }</span>
                                        </button>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </section>
    }
}
