//! Alignment (`#alignment`): for a district's plan, how it stands to the county
//! agreement and to its own column of the matrix (`district_alignment`); for the
//! county agreement, every district side by side (`county_alignment`). The plan under
//! review is chosen at the top, so a district officer and a county working group can
//! each switch to the reading they need.

use horizon_model::{Edit, PlanKind, Scenario};
use yew::prelude::*;

use crate::components::county_alignment::CountyAlignment;
use crate::components::district_alignment::DistrictAlignment;
use crate::components::plan_chooser::PlanChooser;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct AlignmentViewProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn AlignmentView(props: &AlignmentViewProps) -> Html {
    let s = &*props.scenario;
    let plan = s.plan();
    let (heading, lede) = match plan.kind {
        PlanKind::CountyAgreement => (
            format!("The districts and “{}”", plan.name),
            "How each district's own plan, or its column of the matrix where the scenario holds no plan of its own, stands to the county agreement's priorities and cross-cutting themes, and which districts drift furthest from it. These are facts read from the scenario, the same whatever the rules.",
        ),
        PlanKind::DistrictPlan => (
            format!("How “{}” aligns", plan.name),
            "The plan read three ways: its focus areas, the county agreement's priorities and cross-cutting themes it must have regard to, and the district's own column of the matrix. These are facts read from the scenario, the same whatever the rules.",
        ),
        PlanKind::UnitaryPlan => (
            format!("How “{}” aligns", plan.name),
            "A unitary authority's plan has no county agreement above it to align with.",
        ),
    };
    html! {
        <section aria-labelledby="alignment-heading">
            <h1 id="alignment-heading" tabindex="-1">{ heading }</h1>
            <p class="lede">{ lede }</p>
            <PlanChooser scenario={props.scenario.clone()} id="alignment-plan" on_edit={props.on_edit.clone()} />
            <div id="alignment" data-form={plan_form(plan.kind)}>
                { match plan.kind {
                    PlanKind::CountyAgreement => html! { <CountyAlignment scenario={props.scenario.clone()} /> },
                    PlanKind::DistrictPlan => html! { <DistrictAlignment scenario={props.scenario.clone()} /> },
                    PlanKind::UnitaryPlan => html! {
                        <p class="warning-box" id="no-alignment">
                            { format!("“{}” is a unitary authority's plan, with no county agreement above it, so there is nothing to align it with. Choose a district's plan or the county agreement to see an alignment.", plan.name) }
                        </p>
                    },
                } }
            </div>
        </section>
    }
}

/// Which reading the view shows, for the page's tests: `district` or `county`.
fn plan_form(kind: PlanKind) -> &'static str {
    match kind {
        PlanKind::CountyAgreement => "county",
        PlanKind::DistrictPlan => "district",
        PlanKind::UnitaryPlan => "unitary",
    }
}
