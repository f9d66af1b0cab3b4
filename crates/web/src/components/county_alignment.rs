//! The county view: every district against the county agreement's priorities and
//! cross-cutting themes, and which districts drift furthest from it and on what. The
//! facts and the summary are the engine's (`horizon_engine::county_view`); each cell
//! is in words (a symbol beside them), with the covering focus area or the level on a
//! second line.

use horizon_engine::{county_view, CountyView, DistrictRow, Standing};
use horizon_model::Scenario;
use yew::prelude::*;

use crate::state::Shared;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct CountyAlignmentProps {
    pub scenario: Shared<Scenario>,
}

#[component]
pub fn CountyAlignment(props: &CountyAlignmentProps) -> Html {
    let result = use_memo(props.scenario.clone(), |s| {
        county_view(s).map(|v| {
            let summary = v.summary(s);
            (v, summary)
        })
    });
    let s = &*props.scenario;
    let Some((v, summary)) = &*result else {
        return html! {
            <p class="warning-box" id="no-alignment">
                { "This scenario holds no county agreement, so there is nothing to read the districts against." }
            </p>
        };
    };
    if v.priorities.is_empty() {
        return html! {
            <p class="warning-box" id="no-alignment">
                { format!("“{}” has no priorities or cross-cutting themes yet, so there is nothing to read the districts against. Add them under Plan.", v.county) }
            </p>
        };
    }
    // What the view reads, then who drifts furthest, then on what.
    let mut lines = summary.iter();
    let (first, furthest) = (lines.next(), lines.next());
    let rest: Vec<&String> = lines.collect();
    html! {
        <>
            <section aria-labelledby="county-summary-heading" id="county-summary">
                <h2 id="county-summary-heading">{ "Where the districts diverge" }</h2>
                if let Some(first) = first {
                    <p>{ first }</p>
                }
                if let Some(furthest) = furthest {
                    <p class="alignment-summary" id="county-furthest">{ furthest }</p>
                }
                if !rest.is_empty() {
                    <ul class="alignment-sentences" id="county-summary-sentences">
                        { for rest.iter().map(|line| html! { <li>{ line }</li> }) }
                    </ul>
                }
            </section>
            <section aria-labelledby="county-table-heading">
                <h2 id="county-table-heading">{ "The districts side by side" }</h2>
                { key() }
                <div class="table-scroll county-scroll" role="region" aria-labelledby="county-view-caption" tabindex="0">
                    <table class="table county-table" id="county-view">
                        <caption class="visually-hidden" id="county-view-caption">
                            { format!("Each district against the priorities and cross-cutting themes of {}", v.county) }
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "District" }</th>
                                <th scope="col" class="num">{ "Drift" }</th>
                                { for v.priorities.iter().map(|(_, name, cross_cutting)| html! {
                                    <th scope="col">
                                        { name }
                                        if *cross_cutting {
                                            <span class="column-note">{ "cross-cutting theme" }</span>
                                        }
                                    </th>
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for v.districts.iter().map(|r| district_row(s, v, r)) }
                        </tbody>
                    </table>
                </div>
            </section>
        </>
    }
}

fn key() -> Html {
    html! {
        <dl class="alignment-key" id="county-key">
            <div>
                <dt><span aria-hidden="true">{ "✓ " }</span>{ "Covered" }</dt>
                <dd>{ "a focus area of the district's own plan in this scenario takes it in (the focus area is named below the word)" }</dd>
            </div>
            <div>
                <dt><span aria-hidden="true">{ "◇ " }</span>{ "Named only" }</dt>
                <dd>{ "the district's column of the matrix names one of its themes (the level is below the word), but no plan of the district's takes it in" }</dd>
            </div>
            <div>
                <dt><span aria-hidden="true">{ "✗ " }</span>{ "Absent" }</dt>
                <dd>{ "neither" }</dd>
            </div>
            <div>
                <dt>{ "Drift" }</dt>
                <dd>{ "the priorities a district leaves absent, plus the main priorities of its own that the agreement does not carry" }</dd>
            </div>
        </dl>
    }
}

fn district_row(s: &Scenario, v: &CountyView, r: &DistrictRow) -> Html {
    let name = s
        .district(&r.district)
        .map_or_else(|| r.district.clone(), |d| d.name.clone());
    html! {
        <tr data-district-name={name.clone()} data-drift={r.divergence().to_string()}>
            <th scope="row">
                { &name }
                if r.plan.is_some() {
                    <span class="column-note">{ "own plan in this scenario" }</span>
                }
            </th>
            <td class="num">{ r.divergence() }</td>
            { for v.priorities.iter().zip(&r.cells).map(|((_, priority, _), c)| cell(&name, priority, c)) }
        </tr>
    }
}

fn cell(district: &str, priority: &str, c: &Standing) -> Html {
    let second = match c {
        Standing::Covered { by } => by
            .first()
            .map(|f| match by.len() {
                1 => format!("by “{}”", f.name),
                n => format!("by “{}” and {} more", f.name, n - 1),
            })
            .unwrap_or_default(),
        Standing::NamedLocally { level, .. } => words::level_short(*level).into(),
        Standing::NotAddressed => String::new(),
    };
    let title = match c {
        Standing::Covered { by } => {
            let parts: Vec<String> = by.iter().map(words::cover_words).collect();
            format!(
                "{district}, {priority}: covered {}",
                horizon_model::join_and(&parts)
            )
        }
        Standing::NamedLocally { level, .. } => format!(
            "{district}, {priority}: named in the matrix as {}, in no plan of the district's",
            level.label()
        ),
        Standing::NotAddressed => format!("{district}, {priority}: absent"),
    };
    html! {
        <td class={classes!("standing", words::standing_class(c))} data-standing={words::standing_key(c)} {title}>
            <span class="standing-head">
                <span class="standing-symbol" aria-hidden="true">{ words::standing_symbol(c) }</span>
                <span class="standing-word">{ c.short() }</span>
            </span>
            if !second.is_empty() {
                <span class="standing-detail">{ second }</span>
            }
        </td>
    }
}
