//! The proposed focus-area set as a diff against the plan now: every focus area
//! the plan would have, how it came about, and the ones it would lose.

use horizon_engine::{Change, Removal};
use yew::prelude::*;

use crate::state::{Evaluated, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct ProposedPlanProps {
    pub evaluated: Shared<Evaluated>,
}

#[component]
pub fn ProposedPlan(props: &ProposedPlanProps) -> Html {
    let ev = &*props.evaluated;
    let sc = &*ev.scenario;
    let p = &ev.evaluation.proposed;
    let theme_names = |ids: &[String]| -> String {
        ids.iter()
            .map(|t| sc.theme(t).map_or(t.as_str(), |x| x.name.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fa_names = |ids: &[String]| -> String {
        ids.iter()
            .map(|f| sc.focus_area(f).map_or(f.as_str(), |x| x.name.as_str()))
            .collect::<Vec<_>>()
            .join(" and ")
    };
    html! {
        <section aria-labelledby="proposed-heading">
            <h2 id="proposed-heading">{ "Proposed focus areas" }</h2>
            <p>
                { "If every suggestion were accepted (the higher-scored one where two conflict), the plan would have " }
                { words::count(p.focus_areas.len(), "focus area", "focus areas") }{ "." }
            </p>
            <table id="proposed" class="table proposed">
                <caption>{ "Proposed focus areas compared with the plan now" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Focus area" }</th>
                        <th scope="col">{ "Change" }</th>
                        <th scope="col">{ "Themes" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for p.focus_areas.iter().map(|f| {
                        let detail = match f.change {
                            Change::Consolidated | Change::Split | Change::Renamed if !f.from.is_empty() =>
                                format!(" (from {})", fa_names(&f.from)),
                            _ => String::new(),
                        };
                        let taken_in = if f.taken_in.is_empty() {
                            String::new()
                        } else {
                            let names: Vec<&str> = f
                                .taken_in
                                .iter()
                                .map(|t| sc.theme(t).map_or(t.as_str(), |x| x.name.as_str()))
                                .collect();
                            format!(", taking in {}", horizon_model::join_and(&names))
                        };
                        html! {
                            <tr class={format!("change-{:?}", f.change).to_lowercase()}>
                                <th scope="row">{ &f.name }</th>
                                <td>
                                    <span class="change-word">{ words::change_words(f.change) }</span>
                                    { detail }
                                    { taken_in }
                                </td>
                                <td>{ theme_names(&f.themes) }</td>
                            </tr>
                        }
                    }) }
                    { for p.removed.iter().map(|r| html! {
                        <tr class="change-removed">
                            <th scope="row"><del>{ &r.name }</del></th>
                            <td>
                                <span class="change-word">{ "Removed" }</span>
                                { match r.why {
                                    Removal::Retired => ": retired",
                                    Removal::Demoted => ": demoted to a cross-cutting theme",
                                } }
                            </td>
                            <td>{ sc.focus_area(&r.id).map(|f| theme_names(&f.themes)).unwrap_or_default() }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <h3>{ "Cross-cutting themes in the proposed plan" }</h3>
            if p.cross_cutting_themes.is_empty() {
                <p class="muted">{ "None." }</p>
            } else {
                <ul id="proposed-cross-cutting" class="plain-list">
                    { for p.cross_cutting_themes.iter().map(|c| html! { <li>{ c }</li> }) }
                </ul>
            }
        </section>
    }
}
