//! The form for one piece of legislation (add or change): title, year, status,
//! whether it places a statutory duty and the duty's text (asked only then), linked
//! themes. The draft is read by `LawDraft`, then judged by `Scenario::check`.

use horizon_model::{Edit, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::field::Field;
use crate::components::form_parts::{
    described_by, set_into, typed_into, use_focus_on_open, use_refusals,
};
use crate::components::form_shell::FormShell;
use crate::components::theme_checkboxes::ThemeCheckboxes;
use crate::forms::law::{LawDraft, STATUSES};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct LawFormProps {
    pub scenario: Shared<Scenario>,
    pub initial: LawDraft,
    /// The legislation being changed; `None` adds a piece.
    pub id: Option<String>,
    /// The checked edit.
    pub on_submit: Callback<Edit>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn LawForm(props: &LawFormProps) -> Html {
    let draft = use_state(|| props.initial.clone());
    let refusals = use_refusals();
    let prefix = if props.id.is_some() {
        "edit-law"
    } else {
        "new-law"
    };
    let id = |f: &str| format!("{prefix}-{f}");
    use_focus_on_open(id("title"));

    let set = |apply: fn(&mut LawDraft, String)| typed_into::<_, Event>(&draft, apply);
    let typed = |apply: fn(&mut LawDraft, String)| typed_into::<_, InputEvent>(&draft, apply);
    let duty_choice = |yes: bool| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            if e.target_dyn_into::<HtmlInputElement>()
                .is_some_and(|i| i.checked())
            {
                let mut d = (*draft).clone();
                d.creates_duty = yes;
                draft.set(d);
            }
        })
    };
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
        Some(_) => format!("Change “{}”", props.initial.title),
        None => "Add a piece of legislation".to_string(),
    };
    let submit_label = if props.id.is_some() {
        "Save the legislation"
    } else {
        "Add the legislation"
    };
    html! {
        <FormShell id_prefix={prefix} {heading} {submit_label} refusals={refusals.clone()}
            {on_submit} on_cancel={props.on_cancel.clone()}>
            <Field id={id("title")} label="Title" hint={AttrValue::from("The act or bill, e.g. Modern Slavery Act 2015.")} error={err("title")}>
                <input type="text" id={id("title")} class="input" value={d.title.clone()}
                    oninput={typed(|d, v| d.title = v)} aria-invalid={err("title").map(|_| "true")}
                    aria-describedby={described_by(&id("title"), true, err("title").is_some())} />
            </Field>
            <Field id={id("year")} label="Year (optional)" hint={AttrValue::from("The year it was passed, like 2015.")} error={err("year")}>
                <input type="text" inputmode="numeric" id={id("year")} class="input input-narrow" value={d.year.clone()}
                    oninput={typed(|d, v| d.year = v)} aria-invalid={err("year").map(|_| "true")}
                    aria-describedby={described_by(&id("year"), true, err("year").is_some())} />
            </Field>
            <fieldset class={classes!("fieldset", err("status").is_some().then_some("field-has-error"))}>
                <legend>{ "Status" }</legend>
                if let Some(m) = err("status") {
                    <p class="field-error"><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                }
                <div class="radios">
                    { for STATUSES.iter().enumerate().map(|(i, (status, label, hint))| {
                        let rid = if i == 0 { id("status") } else { id(&format!("status-{}", status.as_str())) };
                        html! {
                            <div class="radio">
                                <input type="radio" name={id("status")} id={rid.clone()} value={status.as_str()}
                                    checked={d.status == status.as_str()} onchange={set(|d, v| d.status = v)}
                                    aria-describedby={format!("{rid}-hint")} />
                                <label for={rid.clone()}>{ *label }</label>
                                <p class="hint radio-hint" id={format!("{rid}-hint")}>{ *hint }</p>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            <fieldset class="fieldset">
                <legend>{ "Does it place a statutory duty on the partners?" }</legend>
                <p class="hint">{ "Rules suggest a focus area for a duty the plan does not cover." }</p>
                <div class="radios">
                    <div class="radio">
                        <input type="radio" name={id("creates-duty")} id={id("creates-duty")} value="yes"
                            checked={d.creates_duty} onchange={duty_choice(true)} />
                        <label for={id("creates-duty")}>{ "Yes" }</label>
                    </div>
                    if d.creates_duty {
                        <div class="radio-conditional">
                            <Field id={id("duty")} label="The duty (optional)" hint={AttrValue::from("The duty in a sentence: who must do what.")} error={err("duty")}>
                                <textarea id={id("duty")} class="textarea" rows="3" value={d.duty.clone()}
                                    oninput={typed(|d, v| d.duty = v)} aria-invalid={err("duty").map(|_| "true")}
                                    aria-describedby={described_by(&id("duty"), true, err("duty").is_some())} />
                            </Field>
                        </div>
                    }
                    <div class="radio">
                        <input type="radio" name={id("creates-duty")} id={id("creates-duty-no")} value="no"
                            checked={!d.creates_duty} onchange={duty_choice(false)} />
                        <label for={id("creates-duty-no")}>{ "No" }</label>
                    </div>
                </div>
            </fieldset>
            <ThemeCheckboxes scenario={props.scenario.clone()} selected={d.themes.clone()} id_prefix={prefix}
                legend="Linked themes (optional)"
                hint="The matrix themes it bears on. The plan counts a duty as addressed when a focus area or cross-cutting theme covers one of its themes or another theme in the same group."
                error={err("themes")} on_change={on_themes} />
        </FormShell>
    }
}
