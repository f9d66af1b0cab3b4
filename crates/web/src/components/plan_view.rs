//! The plan under review: its name and kind, its focus areas and cross-cutting themes.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct PlanViewProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn PlanView(props: &PlanViewProps) -> Html {
    let s = &*props.scenario;
    html! {
        <section aria-labelledby="plan-heading">
            <h1 id="plan-heading" tabindex="-1">{ &s.plan.name }</h1>
        </section>
    }
}
