//! A district's plan read three ways: the county agreement's priorities and
//! cross-cutting themes (where each stands locally, and the district's own level in
//! the matrix), the plan's focus areas (which county priorities each serves and what
//! is distinctive), and the same in plain sentences. The facts and the sentences are
//! the engine's (`horizon_engine::align`); this only lays them out, in words in every
//! cell (a symbol may accompany the words, never replace them).

use horizon_engine::{align, Alignment, CountyPriority, LocalFocusArea, Standing};
use horizon_model::{Level, Scenario};
use yew::prelude::*;

use crate::state::Shared;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct DistrictAlignmentProps {
    pub scenario: Shared<Scenario>,
}

#[component]
pub fn DistrictAlignment(props: &DistrictAlignmentProps) -> Html {
    let result = use_memo(props.scenario.clone(), |s| {
        let a = align(s, &s.plan().id);
        let sentences = a.as_ref().map(|a| a.sentences(s)).unwrap_or_default();
        (a, sentences)
    });
    let s = &*props.scenario;
    let (a, sentences) = &*result;
    let a = match a {
        Ok(a) => a,
        Err(why) => {
            return html! { <p class="warning-box" id="no-alignment">{ format!("{}.", words::capitalise(&why.to_string())) }</p> }
        }
    };
    let Some(county) = &a.county_name else {
        return html! {
            <p class="warning-box" id="no-alignment">
                { format!(
                    "This scenario holds no county agreement, so there is nothing to compare “{}” with. Open a scenario that holds the county agreement as well as this plan (under Data) to see how the two align.",
                    a.plan_name
                ) }
            </p>
        };
    };
    if a.priorities.is_empty() {
        return html! {
            <p class="warning-box" id="no-alignment">
                { format!(
                    "The county agreement, “{county}”, has no priorities or cross-cutting themes yet, so there is nothing to compare “{}” with. Add them to the county agreement (choose it as the plan under review, then use Plan) to see how the two align.",
                    a.plan_name
                ) }
            </p>
        };
    }
    let whose = a
        .district
        .as_deref()
        .and_then(|d| s.district(d))
        .map_or("The district".to_string(), |d| d.name.clone());
    html! {
        <>
            if let Some(first) = sentences.first() {
                <p class="alignment-summary" id="alignment-summary">{ first }</p>
            }
            { priorities_table(s, a, county, &whose) }
            { focus_areas_table(s, a, &whose) }
            { column_table(s, a, &whose) }
            <section aria-labelledby="alignment-words-heading">
                <h2 id="alignment-words-heading">{ "In plain words" }</h2>
                <ul id="alignment-sentences" class="alignment-sentences">
                    { for sentences.iter().skip(1).map(|line| html! { <li>{ line }</li> }) }
                </ul>
            </section>
        </>
    }
}

/// "The agreement's priorities", row by row: where each stands and the district's level.
fn priorities_table(s: &Scenario, a: &Alignment, county: &str, whose: &str) -> Html {
    html! {
        <section aria-labelledby="county-priorities-heading">
            <h2 id="county-priorities-heading">{ "The county agreement's priorities" }</h2>
            <p>
                { format!(
                    "Each priority and cross-cutting theme of “{county}”: whether a focus area of {whose}'s plan takes it in (on its own, or within a broader focus area), whether {whose}'s column of the matrix names it although the plan does not, or neither; and the level at which {whose}'s column names it."
                ) }
            </p>
            <div class="table-scroll">
                <table class="table alignment-table" id="county-priorities">
                    <caption class="visually-hidden">{ format!("{county}'s priorities and where each stands in {whose}") }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "County priority" }</th>
                            <th scope="col">{ "Kind" }</th>
                            <th scope="col">{ "Where it stands locally" }</th>
                            <th scope="col">{ format!("{whose}'s level in the matrix") }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for a.priorities.iter().map(|p| priority_row(s, a, p, whose)) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn priority_row(s: &Scenario, a: &Alignment, p: &CountyPriority, whose: &str) -> Html {
    let detail = match &p.standing {
        Standing::Covered { by } => {
            let parts: Vec<String> = by.iter().map(words::cover_words).collect();
            words::capitalise(&horizon_model::join_and(&parts))
        }
        Standing::NamedLocally { themes, .. } => format!(
            "{whose}'s column names {}, but no focus area of the plan takes it in",
            horizon_model::join_and(&theme_names(s, themes))
        ),
        Standing::NotAddressed => {
            format!("Neither in the plan nor in {whose}'s column of the matrix")
        }
    };
    let level = district_level(s, a, p);
    html! {
        <tr data-priority-name={p.name.clone()} data-standing={words::standing_key(&p.standing)}>
            <th scope="row">{ &p.name }</th>
            <td>{ if p.cross_cutting { "Cross-cutting theme" } else { "Priority" } }</td>
            <td class={classes!("standing", words::standing_class(&p.standing))}>
                <span class="standing-symbol" aria-hidden="true">{ words::standing_symbol(&p.standing) }</span>
                <strong class="standing-word">{ words::standing_words(&p.standing) }</strong>
                <span class="standing-detail">{ detail }</span>
            </td>
            <td class="alignment-level">
                if level.is_some() {
                    <span class="level-symbol" aria-hidden="true">{ words::level_symbol(level) }</span>{ " " }
                }
                { words::capitalise(words::level_words(level)) }
            </td>
        </tr>
    }
}

/// "The plan's focus areas": the county priorities each serves, what is distinctive.
fn focus_areas_table(s: &Scenario, a: &Alignment, whose: &str) -> Html {
    html! {
        <section aria-labelledby="local-focus-areas-heading">
            <h2 id="local-focus-areas-heading">{ format!("{whose}'s focus areas") }</h2>
            <p>{ format!("Each focus area of “{}”: the county priorities it serves, and the themes it takes in that the county agreement does not carry.", a.plan_name) }</p>
            if a.focus_areas.is_empty() {
                <p class="muted" id="no-local-focus-areas">{ "The plan has no focus areas yet." }</p>
            } else {
                <div class="table-scroll">
                    <table class="table alignment-table" id="local-focus-areas">
                        <caption class="visually-hidden">{ format!("{whose}'s focus areas, the county priorities each serves and what is distinctive") }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Focus area" }</th>
                                <th scope="col">{ "County priorities it serves" }</th>
                                <th scope="col">{ "What is distinctive" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for a.focus_areas.iter().map(|f| focus_area_row(s, a, f, whose)) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

fn focus_area_row(s: &Scenario, a: &Alignment, f: &LocalFocusArea, whose: &str) -> Html {
    let serves = a.serves_names(f);
    let distinctive = theme_names(s, &f.distinctive);
    html! {
        <tr data-focus-area-name={f.name.clone()} data-distinctive={(!distinctive.is_empty()).to_string()}>
            <th scope="row">{ &f.name }</th>
            <td>
                if serves.is_empty() {
                    { "None of the county's priorities" }
                } else {
                    { horizon_model::join_and(&serves) }
                }
            </td>
            <td>
                if distinctive.is_empty() {
                    <span class="muted">{ "Nothing: every theme it takes in is in the county agreement" }</span>
                } else {
                    <span class="standing-symbol" aria-hidden="true">{ "★" }</span>
                    <strong class="standing-word">{ format!("Distinctive to {whose}") }</strong>
                    <span class="standing-detail">
                        { format!("{}, which the county agreement does not carry", horizon_model::join_and(&distinctive)) }
                    </span>
                }
            </td>
        </tr>
    }
}

/// "The district's own column": each theme it names, at what level, whether the plan
/// and the county agreement take it in.
fn column_table(s: &Scenario, a: &Alignment, whose: &str) -> Html {
    let yes_no = |b: bool| if b { "Yes" } else { "No" };
    html! {
        <section aria-labelledby="own-column-heading">
            <h2 id="own-column-heading">{ format!("{whose}'s own column of the matrix") }</h2>
            <p>{ format!("Each theme {whose}'s column of the matrix names, at its level: which focus area of the plan takes it in, and whether the county agreement carries it.") }</p>
            if a.column.is_empty() {
                <p class="muted" id="no-own-column">{ format!("{whose}'s column of the matrix names no theme.") }</p>
            } else {
                <div class="table-scroll">
                    <table class="table alignment-table" id="own-column">
                        <caption class="visually-hidden">{ format!("The themes {whose}'s column of the matrix names") }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Theme" }</th>
                                <th scope="col">{ "Level" }</th>
                                <th scope="col">{ "In the plan" }</th>
                                <th scope="col">{ "In the county agreement" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for a.column.iter().map(|c| {
                                let in_plan = a.in_plan_names(s, c);
                                let name = s.theme(&c.theme).map_or_else(|| c.theme.clone(), |t| t.name.clone());
                                html! {
                                    <tr data-theme-name={name.clone()}>
                                        <th scope="row">{ name }</th>
                                        <td>
                                            <span class="level-symbol" aria-hidden="true">{ words::level_symbol(Some(c.level)) }</span>{ " " }
                                            { words::capitalise(c.level.label()) }
                                        </td>
                                        <td>{ if in_plan.is_empty() { "No".to_string() } else { format!("Yes, in {}", horizon_model::join_and(&in_plan)) } }</td>
                                        <td>{ yes_no(c.in_agreement) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// The strongest level at which the district's column names any of the priority's themes.
fn district_level(s: &Scenario, a: &Alignment, p: &CountyPriority) -> Option<Level> {
    if let Standing::NamedLocally { level, .. } = p.standing {
        return Some(level);
    }
    let district = a.district.as_deref()?;
    let county = s.county_agreement()?;
    let themes = county
        .focus_areas
        .iter()
        .find(|f| f.id == p.id)
        .map(|f| &f.themes)
        .or_else(|| {
            county
                .cross_cutting_themes
                .iter()
                .find(|c| c.id == p.id)
                .map(|c| &c.themes)
        })?;
    themes.iter().filter_map(|t| s.level(district, t)).max()
}

fn theme_names(s: &Scenario, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|t| s.theme(t).map_or_else(|| t.clone(), |x| x.name.clone()))
        .collect()
}
