//! The plan under review: its name and kind, its focus areas and cross-cutting
//! themes, each editable here. Themes, groups and districts are edited under the
//! Matrix, beside the table they make up.

use horizon_model::{Collection, Edit, Scenario};
use yew::prelude::*;

use crate::components::plan_chooser::PlanChooser;
use crate::components::plan_details::PlanDetails;
use crate::components::plan_list::PlanList;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    html! {
        <section aria-labelledby="plan-heading">
            <h1 id="plan-heading" tabindex="-1">{ "The plan under review" }</h1>
            <p class="lede">
                { "The plan as it stands before the review: its focus areas and cross-cutting themes, and the matrix themes each covers. The suggestions are changes to this plan; every change here re-evaluates them at once." }
            </p>
            <PlanChooser scenario={props.scenario.clone()} id="plan-under-review" on_edit={props.on_edit.clone()} />
            // Keyed by the plan under review: choosing another plan starts its details and
            // lists afresh, so no form left open edits the other plan. The chooser (and the
            // focus on it) stays.
            <div class="plan-parts">
                <div key={props.scenario.plan().id.clone()}>
                    <PlanDetails scenario={props.scenario.clone()} on_edit={props.on_edit.clone()} />
                    <PlanList scenario={props.scenario.clone()} collection={Collection::FocusAreas} on_edit={props.on_edit.clone()} />
                    <PlanList scenario={props.scenario.clone()} collection={Collection::CrossCuttingThemes} on_edit={props.on_edit.clone()} />
                </div>
            </div>
        </section>
    }
}
