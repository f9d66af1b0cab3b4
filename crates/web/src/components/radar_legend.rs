//! The radar's key: what each mark's shape and size mean, and the rings in order.

use horizon_model::TimeHorizon;
use yew::prelude::*;

use crate::charts::Band;

#[component]
pub fn RadarLegend() -> Html {
    html! {
        <div class="radar-legend" id="radar-legend">
            <h4>{ "Key" }</h4>
            <ul class="legend-shapes">
                { for Band::ALL.iter().map(|b| html! {
                    <li>
                        <svg class="legend-mark" viewBox="0 0 34 34" aria-hidden="true" focusable="false">
                            <g class={format!("radar-mark {}", b.class())}><path class="mark-shape" d={b.path(17.0, 18.0)} /></g>
                        </svg>
                        { format!("{}: grade {}, {}", capitalise(b.shape()), b.range(), b.label()) }
                    </li>
                }) }
            </ul>
            <p class="small">{ "Rings, from the centre out:" }</p>
            <ol class="legend-rings small">
                { for TimeHorizon::ALL.iter().map(|t| html! { <li>{ t.label() }</li> }) }
            </ol>
        </div>
    }
}

use crate::words::capitalise;
