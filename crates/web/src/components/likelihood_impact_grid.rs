//! The 4 × 4 likelihood × impact grid as a table: likelihood down the side (almost
//! certain at the top), impact across, each cell with its grade in numbers and
//! words, how many items it holds and which (numbered as on the radar). Shaded by
//! grade band, but the shade is never the only way to read it.

use horizon_model::Scenario;
use yew::prelude::*;

use crate::charts::{self, Band};
use crate::state::Shared;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct LikelihoodImpactGridProps {
    pub scenario: Shared<Scenario>,
}

#[component]
pub fn LikelihoodImpactGrid(props: &LikelihoodImpactGridProps) -> Html {
    let marks = charts::marks(&props.scenario);
    html! {
        <section class="chart li-grid" aria-labelledby="li-grid-heading">
            <h3 id="li-grid-heading">{ "Likelihood × impact grid" }</h3>
            <p class="muted small">
                { "Each cell gives its grade (likelihood × impact, 1 to 16), how many items it holds and which, numbered as on the radar." }
            </p>
            <table class="table li-table" id="li-grid">
                <caption class="visually-hidden">{ "Horizon items by likelihood and impact" }</caption>
                <thead>
                    <tr>
                        <td class="li-corner"></td>
                        <th scope="colgroup" colspan="4" class="li-axis">{ "Impact" }</th>
                    </tr>
                    <tr>
                        <th scope="col" class="li-axis">{ "Likelihood" }</th>
                        { for (1..=4u8).map(|i| html! {
                            <th scope="col">{ format!("{i} {}", words::impact_words(i)) }</th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for (1..=4u8).rev().map(|l| html! {
                        <tr>
                            <th scope="row">{ format!("{l} {}", words::likelihood_words(l)) }</th>
                            { for (1..=4u8).map(|i| {
                                let grade = l * i;
                                let band = Band::of(grade);
                                let here: Vec<_> = marks.iter().filter(|m| m.likelihood == l && m.impact == i).collect();
                                html! {
                                    <td class={classes!("li-cell", band.class())} data-likelihood={l.to_string()} data-impact={i.to_string()} data-count={here.len().to_string()}>
                                        <span class="li-grade">{ format!("Grade {grade}, {}", band.label()) }</span>
                                        <span class="li-count">{ words::count(here.len(), "item", "items") }</span>
                                        if !here.is_empty() {
                                            <ul class="li-items">
                                                { for here.iter().map(|m| html! {
                                                    <li><span class="li-number">{ format!("{}.", m.number) }</span>{ format!(" {}", m.title) }</li>
                                                }) }
                                            </ul>
                                        }
                                    </td>
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
