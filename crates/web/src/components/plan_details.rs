//! The plan's name and kind, shown as a summary with a button to change them; the
//! form is `forms::plan::PlanDraft`'s. A district plan names which district's plan
//! it is (one of the matrix's columns, or none of them).

use horizon_model::{Edit, PlanKind, Scenario};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::form_parts::{described, error_for, field, focus_id, use_focus_later};
use crate::forms::plan::{kind_words, PlanDraft, COUNTY, DISTRICT};
use crate::forms::FieldError;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct PlanDetailsProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

const P: &str = "plan";

#[component]
pub fn PlanDetails(props: &PlanDetailsProps) -> Html {
    let s = &*props.scenario;
    let open = use_state(|| false);
    let draft = use_state(PlanDraft::default);
    let errors = use_state(Vec::<FieldError>::new);
    let attempt = use_state(|| 0u32);
    let focus = use_focus_later();
    {
        let open = *open;
        use_effect_with(open, move |&open| {
            if open {
                focus_id(&format!("{P}-name"));
            }
        });
    }

    if !*open {
        let change = {
            let (open, draft, errors) = (open.clone(), draft.clone(), errors.clone());
            let scenario = props.scenario.clone();
            Callback::from(move |_: MouseEvent| {
                draft.set(PlanDraft::from_scenario(&scenario));
                errors.set(Vec::new());
                open.set(true);
            })
        };
        let district = s
            .plan
            .district
            .as_deref()
            .and_then(|d| s.district(d))
            .map_or("None of the matrix's districts", |d| d.name.as_str());
        return html! {
            <section aria-labelledby="plan-details-heading">
                <h2 id="plan-details-heading" class="visually-hidden">{ "The plan's details" }</h2>
                <dl class="summary-list" id="plan-summary">
                    <div><dt>{ "Name" }</dt><dd id="plan-name">{ &s.plan.name }</dd></div>
                    <div><dt>{ "Kind" }</dt><dd id="plan-kind">{ kind_words(s.plan.kind) }</dd></div>
                    if s.plan.kind == PlanKind::DistrictPlan {
                        <div><dt>{ "Whose plan" }</dt><dd id="plan-district">{ district }</dd></div>
                    }
                </dl>
                <p><button type="button" id="change-plan" class="button secondary" onclick={change}>
                    { "Change the plan's name or kind" }
                </button></p>
            </section>
        };
    }

    let close = {
        let (open, focus) = (open.clone(), focus.clone());
        Callback::from(move |_: MouseEvent| {
            focus.set("change-plan");
            open.set(false);
        })
    };
    let onsubmit = {
        let (draft, errors, attempt, open, focus) = (
            draft.clone(),
            errors.clone(),
            attempt.clone(),
            open.clone(),
            focus.clone(),
        );
        let scenario = props.scenario.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.to_edit(&scenario) {
                Ok(edit) => {
                    focus.set("change-plan");
                    open.set(false);
                    on_edit.emit(edit);
                }
                Err(list) => {
                    errors.set(list);
                    attempt.set(*attempt + 1);
                }
            }
        })
    };
    let set = |apply: fn(&mut PlanDraft, String), value: fn(&Event) -> String| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut d = (*draft).clone();
            apply(&mut d, value(&e));
            draft.set(d);
        })
    };
    let input_value = |e: &Event| e.target_unchecked_into::<HtmlInputElement>().value();
    let select_value = |e: &Event| e.target_unchecked_into::<HtmlSelectElement>().value();
    let on_name = {
        let on = set(|d, v| d.name = v, input_value);
        Callback::from(move |e: InputEvent| on.emit(e.into()))
    };
    let errs = &*errors;
    let d = &*draft;
    let radio = |value: &'static str, id: String, label: &str| {
        html! {
            <div class="checkbox">
                <input type="radio" name="plan-kind" id={id.clone()} value={value} checked={d.kind == value}
                    onchange={set(|d, v| d.kind = v, input_value)} />
                <label for={id}>{ label.to_string() }</label>
            </div>
        }
    };
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby="plan-form-heading">
            <h2 id="plan-form-heading" class="form-heading">{ "Change the plan's name or kind" }</h2>
            <ErrorSummary errors={errs.clone()} id_prefix={P} attempt={*attempt} />
            { field(P, "name", "Name of the plan", Some("As the plan is titled, e.g. “Kent Community Safety Agreement 2014-17”."), errs, html! {
                <input type="text" id={format!("{P}-name")} class="input" value={d.name.clone()} oninput={on_name}
                    aria-invalid={error_for(errs, "name").map(|_| "true")}
                    aria-describedby={described(P, "name", true, errs)} />
            }) }
            <fieldset class={classes!("fieldset", error_for(errs, "kind").is_some().then_some("field-has-error"))}>
                <legend>{ "What kind of plan is it?" }</legend>
                if let Some(m) = error_for(errs, "kind") {
                    <p class="field-error" id={format!("{P}-kind-error")}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                }
                { radio(COUNTY, format!("{P}-kind"), kind_words(PlanKind::CountyAgreement)) }
                { radio(DISTRICT, format!("{P}-kind-district"), kind_words(PlanKind::DistrictPlan)) }
            </fieldset>
            if d.is_district_plan() {
                { field(P, "district", "Which district's plan is it?", Some("Its column in the matrix is marked “this plan”. Choose none for a partnership that is not one of the matrix's districts."), errs, html! {
                    <select id={format!("{P}-district")} class="select" onchange={set(|d, v| d.district = v, select_value)}
                        aria-invalid={error_for(errs, "district").map(|_| "true")}
                        aria-describedby={described(P, "district", true, errs)}>
                        <option value="" selected={d.district.is_empty()}>{ "None of the matrix's districts" }</option>
                        { for s.districts.iter().map(|x| html! {
                            <option value={x.id.clone()} selected={d.district == x.id}>{ &x.name }</option>
                        }) }
                    </select>
                }) }
            }
            <div class="button-row">
                <button type="submit" class="button">{ "Save the plan's details" }</button>
                <button type="button" class="button secondary" onclick={close}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
