//! A one-field form, on one line: add or rename a theme group or a district. The
//! draft is `forms::name::NameDraft`; the model judges it.

use horizon_model::{Collection, Edit, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::form_parts::{described_by, focus_id, use_refusals};
use crate::forms::name::NameDraft;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct NameFormProps {
    pub scenario: Shared<Scenario>,
    /// `Groups` or `Districts`.
    pub collection: Collection,
    /// The item being renamed; `None` to add one (the field is emptied after each).
    pub id: Option<String>,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub submit_label: AttrValue,
    pub id_prefix: AttrValue,
    pub on_submit: Callback<Edit>,
    /// Shown as a Cancel button when given (renaming).
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
}

#[component]
pub fn NameForm(props: &NameFormProps) -> Html {
    let draft = {
        let (s, c, id) = (props.scenario.clone(), props.collection, props.id.clone());
        use_state(move || NameDraft {
            name: id
                .map(|id| match c {
                    Collection::Districts => s.district(&id).map(|d| d.name.clone()),
                    _ => s.group(&id).map(|g| g.name.clone()),
                })
                .unwrap_or_default()
                .unwrap_or_default(),
        })
    };
    let refusals = use_refusals();
    let p = props.id_prefix.to_string();
    {
        let name = format!("{p}-name");
        let renaming = props.id.is_some();
        use_effect_with((), move |_| {
            if renaming {
                focus_id(&name);
            }
        });
    }
    let onsubmit = {
        let (draft, refusals) = (draft.clone(), refusals.clone());
        let (s, c, id) = (props.scenario.clone(), props.collection, props.id.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Adding empties the field for the next one.
            if refusals.submit(draft.to_edit(&s, c, id.as_deref()), &on_submit) && id.is_none() {
                draft.set(NameDraft::default());
            }
        })
    };
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(NameDraft {
                name: e.target_unchecked_into::<HtmlInputElement>().value(),
            })
        })
    };
    let err = refusals.get("name");
    html! {
        <form class="name-form" novalidate=true {onsubmit}>
            <ErrorSummary errors={refusals.list().to_vec()} id_prefix={p.clone()} attempt={refusals.attempt()} />
            <div class={classes!("inline-form", err.is_some().then_some("field-has-error"))}>
                <label class="label" for={format!("{p}-name")}>{ &props.label }</label>
                if let Some(h) = &props.hint {
                    <p class="hint" id={format!("{p}-name-hint")}>{ h }</p>
                }
                if let Some(m) = &err {
                    <p class="field-error" id={format!("{p}-name-error")}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                }
                <input type="text" id={format!("{p}-name")} class="input input-medium" value={draft.name.clone()}
                    {oninput} aria-invalid={err.as_ref().map(|_| "true")}
                    aria-describedby={described_by(&format!("{p}-name"), props.hint.is_some(), err.is_some())} />
                <button type="submit" class="button secondary">{ &props.submit_label }</button>
                if let Some(cancel) = props.on_cancel.clone() {
                    <button type="button" class="button secondary" onclick={move |_| cancel.emit(())}>{ "Cancel" }</button>
                }
            </div>
        </form>
    }
}
