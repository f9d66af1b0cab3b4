//! What the partnership weighs beside the matrix: partner priorities, legislation,
//! consultation results and stakeholder votes.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ContextViewProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn ContextView(props: &ContextViewProps) -> Html {
    let _ = &props.scenario;
    html! {
        <section aria-labelledby="context-heading">
            <h1 id="context-heading" tabindex="-1">{ "Partners and law" }</h1>
        </section>
    }
}
