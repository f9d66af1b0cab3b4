//! The form for one focus area or cross-cutting theme: its name and the themes it
//! covers. The draft is `forms::plan_item::PlanItemDraft`; the model judges it.

use horizon_model::{Collection, Edit, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::form_parts::{described, error_for, field, focus_id};
use crate::components::theme_checkboxes::ThemeCheckboxes;
use crate::forms::plan_item::PlanItemDraft;
use crate::forms::FieldError;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct PlanItemFormProps {
    pub scenario: Shared<Scenario>,
    /// `FocusAreas` or `CrossCuttingThemes`.
    pub collection: Collection,
    /// The item being edited; `None` for a new one.
    pub id: Option<String>,
    pub heading: AttrValue,
    pub submit_label: AttrValue,
    pub id_prefix: AttrValue,
    /// The checked edit.
    pub on_submit: Callback<Edit>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn PlanItemForm(props: &PlanItemFormProps) -> Html {
    let draft = {
        let (s, c, id) = (props.scenario.clone(), props.collection, props.id.clone());
        use_state(move || match id {
            Some(id) => PlanItemDraft::of(&s, c, &id),
            None => PlanItemDraft::default(),
        })
    };
    let errors = use_state(Vec::<FieldError>::new);
    let attempt = use_state(|| 0u32);
    let p = props.id_prefix.to_string();
    {
        let name = format!("{p}-name");
        use_effect_with((), move |_| {
            focus_id(&name);
        });
    }

    let onsubmit = {
        let (draft, errors, attempt) = (draft.clone(), errors.clone(), attempt.clone());
        let (s, c, id) = (props.scenario.clone(), props.collection, props.id.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.to_edit(&s, c, id.as_deref()) {
                Ok(edit) => {
                    errors.set(Vec::new());
                    on_submit.emit(edit);
                }
                Err(list) => {
                    errors.set(list);
                    attempt.set(*attempt + 1);
                }
            }
        })
    };
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = (*draft).clone();
            d.name = e.target_unchecked_into::<HtmlInputElement>().value();
            draft.set(d);
        })
    };
    let on_toggle = {
        let draft = draft.clone();
        Callback::from(move |(theme, on): (String, bool)| {
            let mut d = (*draft).clone();
            d.set_theme(&theme, on);
            draft.set(d);
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let (noun, hint) = match props.collection {
        Collection::FocusAreas => (
            "focus area",
            "The matrix themes this focus area covers. The rules weigh each focus area by the districts that name its themes.",
        ),
        _ => (
            "cross-cutting theme",
            "The matrix themes this cross-cutting theme addresses across the focus areas.",
        ),
    };
    let errs = &*errors;
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby={format!("{p}-heading")}>
            <h3 id={format!("{p}-heading")}>{ &props.heading }</h3>
            <ErrorSummary errors={errs.clone()} id_prefix={p.clone()} attempt={*attempt} />
            { field(&p, "name", &format!("Name of the {noun}"), None, errs, html! {
                <input type="text" id={format!("{p}-name")} class="input" value={draft.name.clone()}
                    {oninput} aria-invalid={error_for(errs, "name").map(|_| "true")}
                    aria-describedby={described(&p, "name", false, errs)} />
            }) }
            <ThemeCheckboxes
                scenario={props.scenario.clone()}
                id_prefix={p.clone()}
                legend={AttrValue::from(format!("Themes the {noun} covers"))}
                hint={hint}
                selected={draft.themes.clone()}
                error={error_for(errs, "themes")}
                {on_toggle}
            />
            <div class="button-row">
                <button type="submit" class="button">{ &props.submit_label }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
