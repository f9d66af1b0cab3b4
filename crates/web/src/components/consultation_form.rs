//! The form for one consultation result: responses, and the share agreeing as a
//! percentage. Read by `ConsultationDraft`, then judged by `Scenario::check`.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::field::Field;
use crate::components::form_parts::{described_by, typed_into, use_focus_on_open, use_refusals};
use crate::components::form_shell::FormShell;
use crate::forms::consultation::ConsultationDraft;
use crate::state::Shared;

/// A row's key in ids: the focus area's id, or "overall".
pub fn key(focus_area: Option<&str>) -> String {
    focus_area.unwrap_or("overall").to_string()
}

#[derive(Properties, PartialEq)]
pub struct ConsultationFormProps {
    pub scenario: Shared<Scenario>,
    pub focus_area: Option<String>,
    /// "Domestic Abuse", "the plan overall".
    pub whose: AttrValue,
    pub initial: ConsultationDraft,
    pub on_edit: Callback<Edit>,
    pub on_done: Callback<()>,
}

#[component]
pub fn ConsultationForm(props: &ConsultationFormProps) -> Html {
    let draft = use_state(|| props.initial.clone());
    let refusals = use_refusals();
    let prefix = format!("consult-{}", key(props.focus_area.as_deref()));
    let id = |f: &str| format!("{prefix}-{f}");
    use_focus_on_open(id("responses"));
    let typed =
        |apply: fn(&mut ConsultationDraft, String)| typed_into::<_, InputEvent>(&draft, apply);
    let on_submit = {
        let (draft, refusals) = (draft.clone(), refusals.clone());
        let scenario = props.scenario.clone();
        let (on_edit, on_done) = (props.on_edit.clone(), props.on_done.clone());
        let focus_area = props.focus_area.clone();
        Callback::from(move |()| {
            if refusals.submit(draft.to_edit(&scenario, focus_area.as_deref()), &on_edit) {
                on_done.emit(());
            }
        })
    };
    let d = &*draft;
    let err = |f: &str| refusals.get(f);
    html! {
        <FormShell id_prefix={prefix.clone()} heading={format!("Consultation result for {}", props.whose)}
            submit_label="Save the result" refusals={refusals.clone()} {on_submit} on_cancel={props.on_done.clone()}>
            <div class="field-row">
                <Field id={id("responses")} label="Responses" hint={AttrValue::from("How many people responded, like 420.")} error={err("responses")}>
                    <input type="text" inputmode="numeric" id={id("responses")} class="input input-narrow" value={d.responses.clone()}
                        oninput={typed(|d, v| d.responses = v)} aria-invalid={err("responses").map(|_| "true")}
                        aria-describedby={described_by(&id("responses"), true, err("responses").is_some())} />
                </Field>
                <Field id={id("share")} label="Share agreeing, as a percentage" hint={AttrValue::from("Like 78 or 78 %.")} error={err("share")}>
                    <span class="input-suffixed">
                        <input type="text" inputmode="decimal" id={id("share")} class="input input-narrow" value={d.share.clone()}
                            oninput={typed(|d, v| d.share = v)} aria-invalid={err("share").map(|_| "true")}
                            aria-describedby={described_by(&id("share"), true, err("share").is_some())} />
                        <span class="input-suffix" aria-hidden="true">{ "%" }</span>
                    </span>
                </Field>
            </div>
        </FormShell>
    }
}
