//! The PESTELO radar: one sector per category, one ring per time horizon ("Now" at
//! the centre), each horizon item a numbered mark whose shape and size give its
//! likelihood × impact band, with a legend and, below it, a table of the same items.
//! The layout is `charts`'s; this only draws it.

use horizon_model::{Scenario, TimeHorizon};
use yew::prelude::*;

use crate::charts::{self, Mark};
use crate::components::radar_legend::RadarLegend;
use crate::components::radar_table::RadarTable;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct HorizonRadarProps {
    pub scenario: Shared<Scenario>,
    /// On the projector: the heading is the screen's, and the table is left out
    /// (the legend beside the radar lists every item by number instead).
    #[prop_or_default]
    pub presenting: bool,
}

fn mark_words(m: &Mark) -> String {
    format!(
        "{}. {}: {}, {}, likelihood {} × impact {} = grade {} ({})",
        m.number,
        m.title,
        m.category,
        m.time_horizon.label().to_lowercase(),
        m.likelihood,
        m.impact,
        m.grade,
        m.band.label()
    )
}

#[component]
pub fn HorizonRadar(props: &HorizonRadarProps) -> Html {
    let s = &*props.scenario;
    let focused = use_state(|| None::<usize>);
    let marks = charts::marks(s);
    let sectors = charts::sectors(s.categories.len());
    let (cx, cy, r) = (charts::CX, charts::CY, charts::RADIUS);
    let caption = (*focused)
        .and_then(|n| marks.iter().find(|m| m.number == n))
        .map(mark_words);

    let rings = TimeHorizon::ALL.iter().rev().map(|t| {
        let (_, outer) = charts::ring(*t);
        let class = format!("radar-ring ring-{}", t.as_str());
        html! { <circle class={class} cx={format!("{cx}")} cy={format!("{cy}")} r={format!("{outer}")} /> }
    });
    let ring_labels = TimeHorizon::ALL.iter().map(|t| {
        let (_, outer) = charts::ring(*t);
        html! {
            <text class="radar-ring-label" x={format!("{cx}")} y={format!("{:.1}", cy + outer - 8.0)} text-anchor="middle">
                { t.label() }
            </text>
        }
    });
    let spokes = sectors.iter().filter(|_| sectors.len() > 1).map(|(a0, _)| {
        let (x, y) = charts::point(*a0, r);
        html! { <line class="radar-spoke" x1={format!("{cx}")} y1={format!("{cy}")} x2={format!("{x:.1}")} y2={format!("{y:.1}")} /> }
    });
    let labels = s.categories.iter().zip(sectors.iter()).map(|(c, sector)| {
        let (x, y, anchor) = charts::label_place(*sector);
        let lines = charts::label_lines(&c.name);
        let mid = (sector.0 + sector.1) / 2.0;
        // Labels below the circle hang down from their point; those above sit on it.
        let first = if mid.sin() > 0.3 { 0.8 } else if mid.sin() < -0.3 { -(lines.len() as f64 - 1.0) * 1.15 } else { 0.35 - (lines.len() as f64 - 1.0) * 0.575 };
        html! {
            <text class="radar-sector-label" x={format!("{x:.1}")} y={format!("{y:.1}")} text-anchor={anchor} data-sector={c.id.clone()}>
                { for lines.iter().enumerate().map(|(i, line)| html! {
                    <tspan x={format!("{x:.1}")} dy={if i == 0 { format!("{first:.2}em") } else { "1.15em".to_string() }}>{ line }</tspan>
                }) }
            </text>
        }
    });
    let mark_views = marks.iter().map(|m| {
        let number = m.number;
        let onfocus = {
            let focused = focused.clone();
            Callback::from(move |_: FocusEvent| focused.set(Some(number)))
        };
        let onenter = {
            let focused = focused.clone();
            Callback::from(move |_: MouseEvent| focused.set(Some(number)))
        };
        let class = format!("radar-mark {}", m.band.class());
        html! {
            <g class={class} tabindex="0" role="img" aria-label={mark_words(m)}
                data-item={m.id.clone()} data-number={m.number.to_string()}
                onfocus={onfocus} onmouseenter={onenter}>
                <title>{ mark_words(m) }</title>
                <path class="mark-shape" d={m.band.path(m.x, m.y)} />
                <text class="mark-number" x={format!("{:.1}", m.x)} y={format!("{:.1}", m.y + m.band.number_drop())} text-anchor="middle" dominant-baseline="central" aria-hidden="true">
                    { m.number }
                </text>
            </g>
        }
    });

    html! {
        <section class={classes!("chart", "radar", props.presenting.then_some("is-presenting"))} aria-labelledby="radar-heading">
            if props.presenting {
                <h1 id="radar-heading" class="present-chart-title">{ "The horizon scan: each item by category and time horizon" }</h1>
            } else {
                <h3 id="radar-heading">{ "Radar: each item by category and time horizon" }</h3>
            }
            <p class={classes!(if props.presenting { "present-chart-hint" } else { "muted small" })}>
                { "Each sector is a category and each ring a time horizon, with “Now” at the centre. An item's shape and size show its grade; its number is the one in the table below." }
                <span class="radar-hint">{ " Tab to a mark, or point at it, to see its title." }</span>
            </p>
            <div class="radar-layout">
                <svg class="radar-svg" viewBox={format!("0 0 {} {}", charts::WIDTH, charts::HEIGHT)}
                    role="group" aria-labelledby="radar-heading" preserveAspectRatio="xMidYMid meet">
                    <g class="radar-grid" aria-hidden="true">
                        { for rings }
                        { for spokes }
                        { for ring_labels }
                        { for labels }
                    </g>
                    { for mark_views }
                </svg>
                <div class="radar-side">
                    <p class="radar-caption" id="radar-caption" aria-live="polite">
                        { caption.unwrap_or_else(|| "Tab to a mark or point at it to see its title here.".to_string()) }
                    </p>
                    <RadarLegend />
                    if props.presenting {
                        <ol class="radar-key" id="radar-key">
                            { for marks.iter().map(|m| html! { <li value={m.number.to_string()}>{ &m.title }</li> }) }
                        </ol>
                    }
                </div>
            </div>
            if !props.presenting {
                <RadarTable scenario={props.scenario.clone()} />
            }
        </section>
    }
}
