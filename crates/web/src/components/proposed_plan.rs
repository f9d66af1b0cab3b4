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
    // A focus area named after its one theme needs no list of themes under it.
    let themes_differ = |name: &str, themes: &[String]| {
        !(themes.len() == 1 && sc.theme(&themes[0]).is_some_and(|t| t.name == name))
    };
    let e = &ev.evaluation;
    // The score of the suggestion behind a row, linked to its card.
    let score_link = |id: &Option<horizon_engine::SuggestionId>| -> Html {
        match id
            .as_ref()
            .and_then(|i| e.position(i).map(|n| (n, &e.suggestions[n])))
        {
            Some((n, x)) => html! {
                <a href={format!("#suggestion-{}", n + 1)} aria-label={format!("{}: the score of suggestion {}, {}", words::score(x.score), n + 1, x.headline(sc))}>
                    { words::score(x.score) }
                </a>
            },
            None => html! { <span class="muted">{ "—" }</span> },
        }
    };
    let set_aside: Vec<(usize, String, String)> = p
        .set_aside
        .iter()
        .filter_map(|id| {
            let n = e.position(id)?;
            Some((n, e.suggestions[n].headline(sc), e.why_set_aside(id, sc)?))
        })
        .collect();
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
                        <th scope="col">{ "Score" }</th>
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
                                <th scope="row">
                                    <span class="fa-name">{ &f.name }</span>
                                    if themes_differ(&f.name, &f.themes) {
                                        <span class="fa-themes">{ theme_names(&f.themes) }</span>
                                    }
                                </th>
                                <td>
                                    <span class="change-word">{ words::change_words(f.change) }</span>
                                    { detail }
                                    { taken_in }
                                </td>
                                <td class="num">{ score_link(&f.suggestion) }</td>
                            </tr>
                        }
                    }) }
                    { for p.removed.iter().map(|r| html! {
                        <tr class="change-removed">
                            <th scope="row">
                                <del class="fa-name">{ &r.name }</del>
                                { for sc.focus_area(&r.id).filter(|f| themes_differ(&f.name, &f.themes)).map(|f| html! {
                                    <span class="fa-themes">{ theme_names(&f.themes) }</span>
                                }) }
                            </th>
                            <td>
                                <span class="change-word">{ "Removed" }</span>
                                { match r.why {
                                    Removal::Retired => ": retired",
                                    Removal::Demoted => ": demoted to a cross-cutting theme",
                                } }
                            </td>
                            <td class="num">{ score_link(&Some(r.suggestion.clone())) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            if !set_aside.is_empty() {
                <h3>{ "Left out of the proposed focus areas" }</h3>
                <ul id="set-aside" class="plain-list">
                    { for set_aside.iter().map(|(n, headline, why)| html! {
                        <li>
                            <a href={format!("#suggestion-{}", n + 1)}>{ headline }</a>
                            { ": " }{ why }{ "." }
                        </li>
                    }) }
                </ul>
            }
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
