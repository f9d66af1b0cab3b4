//! The form for one focus area or cross-cutting theme: its name and the themes it
//! covers. The draft is `forms::plan_item::PlanItemDraft`; the model judges it.

use horizon_model::{Collection, Edit, Scenario};
use yew::prelude::*;

use crate::components::field::Field;
use crate::components::form_parts::{
    described_by, set_into, typed_into, use_focus_on_open, use_refusals,
};
use crate::components::form_shell::FormShell;
use crate::components::theme_checkboxes::ThemeCheckboxes;
use crate::forms::plan_item::PlanItemDraft;
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
    let refusals = use_refusals();
    let p = props.id_prefix.to_string();
    use_focus_on_open(format!("{p}-name"));

    let on_submit = {
        let (draft, refusals) = (draft.clone(), refusals.clone());
        let (s, c, id) = (props.scenario.clone(), props.collection, props.id.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |()| {
            refusals.submit(draft.to_edit(&s, c, id.as_deref()), &on_submit);
        })
    };
    let oninput = typed_into::<_, InputEvent>(&draft, |d, v| d.name = v);
    let on_themes = set_into(&draft, |d, themes| d.themes = themes);
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
    let name_id = format!("{p}-name");
    let err = refusals.get("name");
    html! {
        <FormShell id_prefix={p.clone()} heading={props.heading.clone()} submit_label={props.submit_label.clone()}
            refusals={refusals.clone()} {on_submit} on_cancel={props.on_cancel.clone()}>
            <Field id={name_id.clone()} label={format!("Name of the {noun}")} error={err.clone()}>
                <input type="text" id={name_id.clone()} class="input" value={draft.name.clone()}
                    {oninput} aria-invalid={err.as_ref().map(|_| "true")}
                    aria-describedby={described_by(&name_id, false, err.is_some())} />
            </Field>
            <ThemeCheckboxes
                scenario={props.scenario.clone()}
                id_prefix={p.clone()}
                legend={AttrValue::from(format!("Themes the {noun} covers"))}
                hint={hint}
                selected={draft.themes.clone()}
                error={refusals.get("themes")}
                on_change={on_themes}
            />
        </FormShell>
    }
}
