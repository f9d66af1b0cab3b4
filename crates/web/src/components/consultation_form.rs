//! The form for one consultation result: responses, and the share agreeing as a
//! percentage. Read by `ConsultationDraft`, then judged by `Scenario::check`.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::field::Field;
use crate::components::form_parts::{control_value, described_by, error_for, focus_id};
use crate::forms::consultation::ConsultationDraft;
use crate::forms::FieldError;
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
    let errors = use_state(Vec::<FieldError>::new);
    let attempt = use_state(|| 0u32);
    let prefix = format!("consult-{}", key(props.focus_area.as_deref()));
    let id = |f: &str| format!("{prefix}-{f}");
    {
        let first = id("responses");
        use_effect_with((), move |_| {
            focus_id(&first);
        });
    }
    let typed = |apply: fn(&mut ConsultationDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = control_value(e.target()) {
                let mut d = (*draft).clone();
                apply(&mut d, v);
                draft.set(d);
            }
        })
    };
    let onsubmit = {
        let (draft, errors, attempt) = (draft.clone(), errors.clone(), attempt.clone());
        let scenario = props.scenario.clone();
        let (on_edit, on_done) = (props.on_edit.clone(), props.on_done.clone());
        let focus_area = props.focus_area.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let refused = |list: Vec<FieldError>| {
                errors.set(list);
                attempt.set(*attempt + 1);
            };
            let result = match draft.parse(focus_area.as_deref()) {
                Ok(r) => r,
                Err(list) => return refused(list),
            };
            let edit = Edit::SetConsultation(result);
            match scenario.check(&edit) {
                Ok(_) => {
                    on_edit.emit(edit);
                    on_done.emit(());
                }
                Err(r) => refused(ConsultationDraft::refused(&r)),
            }
        })
    };
    let cancel = {
        let on_done = props.on_done.clone();
        Callback::from(move |_: MouseEvent| on_done.emit(()))
    };
    let d = &*draft;
    let err = |f: &str| error_for(&errors, f);
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby={id("heading")}>
            <h3 id={id("heading")}>{ format!("Consultation result for {}", props.whose) }</h3>
            <ErrorSummary errors={(*errors).clone()} id_prefix={prefix.clone()} attempt={*attempt} />
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
            <div class="button-row">
                <button type="submit" class="button">{ "Save the result" }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
