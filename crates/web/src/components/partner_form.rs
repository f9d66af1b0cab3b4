//! The form for one partner priority (add or change): partner, priority, linked
//! themes. The draft is read by `PartnerDraft`, then judged by `Scenario::check`.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::field::Field;
use crate::components::form_parts::{
    described_by, set_into, typed_into, use_focus_on_open, use_refusals,
};
use crate::components::form_shell::FormShell;
use crate::components::theme_checkboxes::ThemeCheckboxes;
use crate::forms::partner::PartnerDraft;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct PartnerFormProps {
    pub scenario: Shared<Scenario>,
    pub initial: PartnerDraft,
    /// The priority being changed; `None` adds one.
    pub id: Option<String>,
    /// The checked edit.
    pub on_submit: Callback<Edit>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn PartnerForm(props: &PartnerFormProps) -> Html {
    let draft = use_state(|| props.initial.clone());
    let refusals = use_refusals();
    let prefix = if props.id.is_some() {
        "edit-partner"
    } else {
        "new-partner"
    };
    let id = |f: &str| format!("{prefix}-{f}");
    use_focus_on_open(id("partner"));

    let typed = |apply: fn(&mut PartnerDraft, String)| typed_into::<_, InputEvent>(&draft, apply);
    let on_themes = set_into(&draft, |d, themes| d.themes = themes);
    let on_submit = {
        let (draft, refusals) = (draft.clone(), refusals.clone());
        let (scenario, id) = (props.scenario.clone(), props.id.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |()| {
            refusals.submit(draft.to_edit(&scenario, id.as_deref()), &on_submit);
        })
    };

    let d = &*draft;
    let err = |f: &str| refusals.get(f);
    let heading = match &props.id {
        Some(_) => format!("Change “{}”", props.initial.priority),
        None => "Add a partner priority".to_string(),
    };
    let submit_label = if props.id.is_some() {
        "Save the priority"
    } else {
        "Add the priority"
    };
    html! {
        <FormShell id_prefix={prefix} {heading} {submit_label} refusals={refusals.clone()}
            {on_submit} on_cancel={props.on_cancel.clone()}>
            <Field id={id("partner")} label="Partner" hint={AttrValue::from("Who holds the priority, e.g. Kent Police Control Strategy 2015/16.")} error={err("partner")}>
                <input type="text" id={id("partner")} class="input" value={d.partner.clone()}
                    oninput={typed(|d, v| d.partner = v)} aria-invalid={err("partner").map(|_| "true")}
                    aria-describedby={described_by(&id("partner"), true, err("partner").is_some())} />
            </Field>
            <Field id={id("priority")} label="Priority" hint={AttrValue::from("The priority in the partner's own words.")} error={err("priority")}>
                <input type="text" id={id("priority")} class="input" value={d.priority.clone()}
                    oninput={typed(|d, v| d.priority = v)} aria-invalid={err("priority").map(|_| "true")}
                    aria-describedby={described_by(&id("priority"), true, err("priority").is_some())} />
            </Field>
            <ThemeCheckboxes scenario={props.scenario.clone()} selected={d.themes.clone()} id_prefix={prefix}
                legend="Linked themes (optional)"
                hint="The matrix themes it bears on: rules look for priorities no focus area serves."
                error={err("themes")} on_change={on_themes} />
        </FormShell>
    }
}
