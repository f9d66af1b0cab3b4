//! What the partnership weighs beside the matrix: partner priorities, legislation,
//! consultation results and stakeholder votes. Each part is its own component; this
//! view only lays them out.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::consultation_table::ConsultationTable;
use crate::components::law_list::LawList;
use crate::components::partner_list::PartnerList;
use crate::components::votes_table::VotesTable;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ContextViewProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn ContextView(props: &ContextViewProps) -> Html {
    html! {
        <>
            <h1 id="context-heading" tabindex="-1">{ "Partners and law" }</h1>
            <p class="lede">
                { "What the partnership weighs beside the matrix: partners' own priorities, new legislation, what the public consultation said, and stakeholder votes." }
            </p>
            <nav class="contents" aria-label="On this page">
                <ul class="inline-list">
                    <li><a href="#partners-heading">{ "Partner priorities" }</a></li>
                    <li><a href="#law-heading">{ "Legislation" }</a></li>
                    <li><a href="#consultation-heading">{ "Consultation results" }</a></li>
                    <li><a href="#votes-heading">{ "Stakeholder votes" }</a></li>
                </ul>
            </nav>
            <PartnerList scenario={props.scenario.clone()} on_edit={props.on_edit.clone()} />
            <LawList scenario={props.scenario.clone()} on_edit={props.on_edit.clone()} />
            <ConsultationTable scenario={props.scenario.clone()} on_edit={props.on_edit.clone()} />
            <VotesTable scenario={props.scenario.clone()} on_edit={props.on_edit.clone()} />
        </>
    }
}
