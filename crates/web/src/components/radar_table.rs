//! The radar as a table of the same items, numbered as its marks are: the radar's
//! accessible alternative.

use horizon_model::Scenario;
use yew::prelude::*;

use crate::charts;
use crate::state::Shared;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct RadarTableProps {
    pub scenario: Shared<Scenario>,
}

/// The radar as a table: the accessible alternative, numbered as the marks are.
#[component]
pub fn RadarTable(props: &RadarTableProps) -> Html {
    let marks = charts::marks(&props.scenario);
    html! {
        <details class="radar-table-wrap" open=true>
            <summary>{ format!("The radar as a table ({})", words::count(marks.len(), "item", "items")) }</summary>
            <table class="table radar-table" id="radar-table">
                <caption class="visually-hidden">{ "Horizon items as numbered on the radar" }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="num">{ "No." }</th>
                        <th scope="col">{ "Item" }</th>
                        <th scope="col">{ "Category" }</th>
                        <th scope="col">{ "When" }</th>
                        <th scope="col" class="num">{ "Likelihood" }</th>
                        <th scope="col" class="num">{ "Impact" }</th>
                        <th scope="col" class="num">{ "Grade" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for marks.iter().map(|m| html! {
                        <tr key={m.id.clone()} data-number={m.number.to_string()}>
                            <td class="num">{ m.number }</td>
                            <th scope="row">{ &m.title }</th>
                            <td>{ &m.category }</td>
                            <td>{ m.time_horizon.label() }</td>
                            <td class="num">{ m.likelihood }</td>
                            <td class="num">{ m.impact }</td>
                            <td class="num">{ format!("{} ({})", m.grade, m.band.label()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}
