//! Merging one theme into another: choose the theme to merge into, read what will
//! happen (counted from the scenario), then confirm. The draft is
//! `forms::merge::MergeDraft`; the model makes the merge.

use horizon_model::{Edit, Scenario};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::form_parts::{described, error_for, field, focus_id};
use crate::forms::merge::{consequences, MergeDraft};
use crate::forms::FieldError;
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
    let errors = use_state(Vec::<FieldError>::new);
    let attempt = use_state(|| 0u32);
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
        let (draft, errors, attempt, confirming) = (
            draft.clone(),
            errors.clone(),
            attempt.clone(),
            confirming.clone(),
        );
        let (scenario, from) = (props.scenario.clone(), props.from.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.to_edit(&scenario, &from) {
                Ok(edit) => {
                    errors.set(Vec::new());
                    confirming.set(Some(edit));
                }
                Err(list) => {
                    errors.set(list);
                    attempt.set(*attempt + 1);
                }
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
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let errs = &*errors;
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby={format!("{p}-heading")}>
            <h3 id={format!("{p}-heading")}>{ format!("Merge “{name}” into another theme") }</h3>
            <ErrorSummary errors={errs.clone()} id_prefix={p.clone()} attempt={*attempt} />
            { field(&p, "into", &format!("Merge “{name}” into"), Some("Its matrix cells, links and votes go to the theme you choose, and its name is kept as another name for that theme."), errs, html! {
                <select id={format!("{p}-into")} class="select" onchange={on_into}
                    aria-invalid={error_for(errs, "into").map(|_| "true")}
                    aria-describedby={described(&p, "into", true, errs)}>
                    <option value="" selected={draft.into.is_empty()}>{ "Choose a theme" }</option>
                    { for s.groups.iter().map(|g| html! {
                        <optgroup label={g.name.clone()}>
                            { for s.themes.iter().filter(|t| t.group == g.id && t.id != props.from).map(|t| html! {
                                <option value={t.id.clone()} selected={draft.into == t.id}>{ &t.name }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            }) }
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
                <div class="button-row">
                    <button type="submit" class="button">{ "Continue" }</button>
                    <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
        </form>
    }
}
