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
    /// On the projector, the heading is the screen's, and each cell lists its items'
    /// radar numbers rather than their titles, so the grid fits one screen.
    #[prop_or_default]
    pub presenting: bool,
}

#[component]
pub fn LikelihoodImpactGrid(props: &LikelihoodImpactGridProps) -> Html {
    let marks = charts::marks(&props.scenario);
    html! {
        <section class={classes!("chart", "li-grid", props.presenting.then_some("is-presenting"))} aria-labelledby="li-grid-heading">
            if props.presenting {
                <h1 id="li-grid-heading" class="present-chart-title">{ "The horizon scan by likelihood and impact" }</h1>
            } else {
                <h3 id="li-grid-heading">{ "Likelihood × impact grid" }</h3>
            }
            <p class={classes!(if props.presenting { "present-chart-hint" } else { "muted small" })}>
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
                                        if props.presenting && !here.is_empty() {
                                            // On the projector, the items' radar numbers: the titles are the radar's key.
                                            <span class="li-numbers">{ here.iter().map(|m| m.number.to_string()).collect::<Vec<_>>().join(", ") }</span>
                                        } else if !here.is_empty() {
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
