//! A vote round's results as bars with their numbers: one row per option, most
//! votes first, its name, a bar (inline SVG, drawn to scale against the largest
//! count) and the count in words, so nothing is told by colour or length alone. A
//! rating round shows the counts per grade for likelihood and impact, with the
//! median and the spread. Used in the Event view and on the presentation's screen.

use horizon_model::{rating_summary, Round, Scale, Scenario, Way};
use yew::prelude::*;

use crate::state::Shared;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct VoteResultsProps {
    pub scenario: Shared<Scenario>,
    pub round: Round,
    /// The heading's level and id prefix differ on the presentation.
    #[prop_or_default]
    pub presenting: bool,
}

/// One bar, `n` of `max`, as a 100 × 10 SVG stretched to its cell.
fn bar(n: u32, max: u32) -> Html {
    let w = if max == 0 {
        0.0
    } else {
        100.0 * f64::from(n) / f64::from(max)
    };
    html! {
        <svg class="vote-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="vote-bar-track" x="0" y="0" width="100" height="10" />
            <rect class="vote-bar-fill" x="0" y="0" width={format!("{w:.2}")} height="10" />
        </svg>
    }
}

fn grade_rows(scale: Scale, counts: &[u32; 4]) -> Html {
    let max = counts.iter().copied().max().unwrap_or(0);
    let summary =
        rating_summary(counts).map_or_else(|| "nobody rated it".to_string(), |r| r.words());
    html! {
        <>
            <tr class="vote-scale">
                <th scope="rowgroup" colspan="3">{ horizon_model::capitalised(scale.label()) }{ ": " }{ summary }</th>
            </tr>
            { for counts.iter().enumerate().map(|(g, c)| html! {
                <tr>
                    <th scope="row">{ format!("{} {}", horizon_model::capitalised(scale.label()), g + 1) }</th>
                    <td class="vote-bar-cell">{ bar(*c, max) }</td>
                    <td class="num">{ words::count(*c as usize, "person", "people") }</td>
                </tr>
            }) }
        </>
    }
}

#[component]
pub fn VoteResults(props: &VoteResultsProps) -> Html {
    let (s, r) = (&*props.scenario, &props.round);
    let caption = match r.way {
        Way::Ballots => format!(
            "{} cast, each choosing up to {}",
            words::count(r.ballots as usize, "ballot", "ballots"),
            r.most.unwrap_or(1)
        ),
        Way::Tally => format!(
            "{} counted",
            words::count(r.entries() as usize, "vote", "votes")
        ),
        Way::Rating => format!(
            "The room's rating of “{}”",
            r.item
                .as_ref()
                .map(|i| s.option_name(i))
                .unwrap_or_default()
        ),
    };
    let body = if r.way == Way::Rating {
        html! { <>{ grade_rows(Scale::Likelihood, &r.likelihood) }{ grade_rows(Scale::Impact, &r.impact) }</> }
    } else {
        let ranked = r.ranked();
        let max = ranked.first().map_or(0, |o| o.votes);
        html! {
            { for ranked.iter().map(|o| html! {
                <tr>
                    <th scope="row">{ s.option_name(o) }</th>
                    <td class="vote-bar-cell">{ bar(o.votes, max) }</td>
                    <td class="num">{ words::count(o.votes as usize, "vote", "votes") }</td>
                </tr>
            }) }
        }
    };
    html! {
        <table class={classes!("vote-results", props.presenting.then_some("is-presenting"))} data-round={r.id.clone()}>
            <caption>{ caption }</caption>
            <thead class="visually-hidden">
                <tr>
                    <th scope="col">{ if r.way == Way::Rating { "Grade" } else { "Option" } }</th>
                    <th scope="col">{ "Bar" }</th>
                    <th scope="col">{ "Count" }</th>
                </tr>
            </thead>
            <tbody>{ body }</tbody>
        </table>
    }
}
