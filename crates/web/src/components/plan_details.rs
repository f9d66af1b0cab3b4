//! The plan's name and kind, shown as a summary with a button to change them; the
//! form is `forms::plan::PlanDraft`'s. A district plan names which district's plan
//! it is (one of the matrix's columns, or none of them).

use horizon_model::{Edit, PlanKind, Scenario};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::field::Field;
use crate::components::form_parts::{
    described_by, focus_id, typed_into, use_focus_after, use_refusals,
};
use crate::components::form_shell::save_or_cancel;
use crate::forms::plan::{kind_words, PlanDraft};
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
    let refusals = use_refusals();
    let focus = use_focus_after(&props.scenario);
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
            let (open, draft, refusals) = (open.clone(), draft.clone(), refusals.clone());
            let scenario = props.scenario.clone();
            Callback::from(move |_: MouseEvent| {
                draft.set(PlanDraft::from_scenario(&scenario));
                refusals.clear();
                open.set(true);
            })
        };
        let district = s
            .plan()
            .district
            .as_deref()
            .and_then(|d| s.district(d))
            .map_or("None of the matrix's districts", |d| d.name.as_str());
        return html! {
            <section aria-labelledby="plan-details-heading">
                <h2 id="plan-details-heading" class="visually-hidden">{ "The plan's details" }</h2>
                <dl class="summary-list" id="plan-summary">
                    <div><dt>{ "Name" }</dt><dd id="plan-name">{ &s.plan().name }</dd></div>
                    <div><dt>{ "Kind" }</dt><dd id="plan-kind">{ kind_words(s.plan().kind) }</dd></div>
                    if s.plan().kind == PlanKind::DistrictPlan {
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
        Callback::from(move |()| {
            focus.now("change-plan");
            open.set(false);
        })
    };
    let onsubmit = {
        let (draft, refusals, open, focus) =
            (draft.clone(), refusals.clone(), open.clone(), focus.clone());
        let scenario = props.scenario.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if refusals.submit(draft.to_edit(&scenario), &on_edit) {
                focus.now("change-plan");
                open.set(false);
            }
        })
    };
    let set = |apply: fn(&mut PlanDraft, String)| typed_into::<_, Event>(&draft, apply);
    let on_name = typed_into::<_, InputEvent>(&draft, |d, v| d.name = v);
    let err = |f: &str| refusals.get(f);
    let described = |f: &str| described_by(&format!("{P}-{f}"), true, err(f).is_some());
    let d = &*draft;
    let radio = |value: &'static str, id: String, label: &str| {
        html! {
            <div class="checkbox">
                <input type="radio" name="plan-kind" id={id.clone()} value={value} checked={d.kind == value}
                    onchange={set(|d, v| d.kind = v)} />
                <label for={id}>{ label.to_string() }</label>
            </div>
        }
    };
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby="plan-form-heading">
            <h2 id="plan-form-heading" class="form-heading">{ "Change the plan's name or kind" }</h2>
            <ErrorSummary errors={refusals.list().to_vec()} id_prefix={P} attempt={refusals.attempt()} />
            <Field id={format!("{P}-name")} label="Name of the plan" hint={AttrValue::from("As the plan is titled, e.g. “Kent Community Safety Agreement 2014-17”.")} error={err("name")}>
                <input type="text" id={format!("{P}-name")} class="input" value={d.name.clone()} oninput={on_name}
                    aria-invalid={err("name").map(|_| "true")} aria-describedby={described("name")} />
            </Field>
            <fieldset class={classes!("fieldset", err("kind").is_some().then_some("field-has-error"))}>
                <legend>{ "What kind of plan is it?" }</legend>
                if let Some(m) = err("kind") {
                    <p class="field-error" id={format!("{P}-kind-error")}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                }
                { radio(PlanKind::CountyAgreement.as_str(), format!("{P}-kind"), kind_words(PlanKind::CountyAgreement)) }
                { radio(PlanKind::DistrictPlan.as_str(), format!("{P}-kind-district"), kind_words(PlanKind::DistrictPlan)) }
                { radio(PlanKind::UnitaryPlan.as_str(), format!("{P}-kind-unitary"), kind_words(PlanKind::UnitaryPlan)) }
            </fieldset>
            if d.is_district_plan() {
                <Field id={format!("{P}-district")} label="Which district's plan is it?" hint={AttrValue::from("Its column in the matrix is marked “this plan”. Choose none for a partnership that is not one of the matrix's districts.")} error={err("district")}>
                    <select id={format!("{P}-district")} class="select" onchange={set(|d, v| d.district = v)}
                        aria-invalid={err("district").map(|_| "true")} aria-describedby={described("district")}>
                        <option value="" selected={d.district.is_empty()}>{ "None of the matrix's districts" }</option>
                        { for s.districts.iter().map(|x| html! {
                            <option value={x.id.clone()} selected={d.district == x.id}>{ &x.name }</option>
                        }) }
                    </select>
                </Field>
            }
            { save_or_cancel("Save the plan's details", &close) }
        </form>
    }
}
