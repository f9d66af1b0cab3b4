//! Merging one theme into another: choose the theme to merge into, read what will
//! happen (counted from the scenario), then confirm. The draft is
//! `forms::merge::MergeDraft`; the model makes the merge.

use horizon_model::{Edit, Scenario};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::field::Field;
use crate::components::form_parts::{described_by, focus_id, use_refusals};
use crate::components::form_shell::save_or_cancel;
use crate::forms::merge::{consequences, MergeDraft};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct MergeFormProps {
    pub scenario: Shared<Scenario>,
    /// The theme to merge into another.
    pub from: String,
    pub id_prefix: AttrValue,
    pub on_submit: Callback<Edit>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn MergeForm(props: &MergeFormProps) -> Html {
    let draft = use_state(MergeDraft::default);
    let refusals = use_refusals();
    // The checked merge, waiting for the user's "Yes".
    let confirming = use_state(|| None::<Edit>);
    let p = props.id_prefix.to_string();
    {
        let (into, yes) = (format!("{p}-into"), format!("{p}-yes"));
        use_effect_with(confirming.is_some(), move |&asking| {
            focus_id(if asking { &yes } else { &into });
        });
    }
    let s = &*props.scenario;
    let name = s.theme(&props.from).map_or("", |t| t.name.as_str());
    let onsubmit = {
        let (draft, refusals, confirming) = (draft.clone(), refusals.clone(), confirming.clone());
        let (scenario, from) = (props.scenario.clone(), props.from.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.to_edit(&scenario, &from) {
                Ok(edit) => {
                    refusals.clear();
                    confirming.set(Some(edit));
                }
                Err(list) => refusals.refuse(list),
            }
        })
    };
    let on_into = {
        let (draft, confirming) = (draft.clone(), confirming.clone());
        Callback::from(move |e: Event| {
            draft.set(MergeDraft {
                into: e.target_unchecked_into::<HtmlSelectElement>().value(),
            });
            confirming.set(None);
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let into_id = format!("{p}-into");
    let err = refusals.get("into");
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby={format!("{p}-heading")}>
            <h3 id={format!("{p}-heading")}>{ format!("Merge “{name}” into another theme") }</h3>
            <ErrorSummary errors={refusals.list().to_vec()} id_prefix={p.clone()} attempt={refusals.attempt()} />
            <Field id={into_id.clone()} label={format!("Merge “{name}” into")} hint={AttrValue::from("Its matrix cells, links and votes go to the theme you choose, and its name is kept as another name for that theme.")} error={err.clone()}>
                <select id={into_id.clone()} class="select" onchange={on_into}
                    aria-invalid={err.as_ref().map(|_| "true")}
                    aria-describedby={described_by(&into_id, true, err.is_some())}>
                    <option value="" selected={draft.into.is_empty()}>{ "Choose a theme" }</option>
                    { for s.groups.iter().map(|g| html! {
                        <optgroup label={g.name.clone()}>
                            { for s.themes.iter().filter(|t| t.group == g.id && t.id != props.from).map(|t| html! {
                                <option value={t.id.clone()} selected={draft.into == t.id}>{ &t.name }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </Field>
            if let Some(edit) = (*confirming).clone() {
                <div class="confirm" role="group" aria-labelledby={format!("{p}-what")}>
                    <p class="confirm-question" id={format!("{p}-what")}>{ consequences(s, &props.from, &draft.into) }</p>
                    <button type="button" id={format!("{p}-yes")} class="button warning"
                        onclick={{ let on_submit = props.on_submit.clone(); move |_| on_submit.emit(edit.clone()) }}>
                        { "Yes, merge them" }
                    </button>
                    <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            } else {
                { save_or_cancel("Continue", &props.on_cancel) }
            }
        </form>
    }
}
