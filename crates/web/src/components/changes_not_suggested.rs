//! "Changes not suggested": why nothing is suggested for each focus area of the
//! plan that no suggestion concerns, and why each rule that suggested nothing did
//! not. The sentences are the engine's (`horizon_engine::report::not_suggested_lines`).

use yew::prelude::*;

use crate::state::{Evaluated, Shared};

#[derive(Properties, PartialEq)]
pub struct ChangesNotSuggestedProps {
    pub evaluated: Shared<Evaluated>,
}

#[component]
pub fn ChangesNotSuggested(props: &ChangesNotSuggestedProps) -> Html {
    let ev = &*props.evaluated;
    let (rules, focus_areas) =
        horizon_engine::report::not_suggested_lines(&ev.evaluation, &ev.scenario);
    html! {
        <section aria-labelledby="not-suggested-heading" id="not-suggested">
            <h2 id="not-suggested-heading">{ "Changes not suggested" }</h2>
            if focus_areas.is_empty() && rules.is_empty() {
                <p>{ "Every rule made a suggestion, and a suggestion concerns every focus area." }</p>
            }
            if !focus_areas.is_empty() {
                <h3>{ "Focus areas with no suggestion" }</h3>
                <ul id="unchanged-focus-areas" class="plain-list why-not">
                    { for focus_areas.iter().map(|l| html! { <li>{ l }</li> }) }
                </ul>
            }
            if !rules.is_empty() {
                <h3>{ "Rules that suggested nothing" }</h3>
                <ul id="quiet-rules" class="plain-list why-not">
                    { for rules.iter().map(|l| html! { <li>{ l }</li> }) }
                </ul>
            }
        </section>
    }
}
