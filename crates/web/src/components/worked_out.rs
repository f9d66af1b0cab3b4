//! "How this was worked out": every rule that ran, by title, with its id, the
//! version (content hash) of the text that ran and what it made, for a reader
//! who needs to reproduce the review. Kept out of the cards on purpose.

use yew::prelude::*;

use crate::state::{Evaluated, Shared};

#[derive(Properties, PartialEq)]
pub struct WorkedOutProps {
    pub evaluated: Shared<Evaluated>,
}

#[component]
pub fn WorkedOut(props: &WorkedOutProps) -> Html {
    let e = &props.evaluated.evaluation;
    html! {
        <details id="worked-out" class="worked-out">
            <summary>
                <h2>{ "How this was worked out" }</h2>
            </summary>
            <p>
                { horizon_engine::report::summary_line(e) }
                { ". Scores run from 0 to 100: each rule builds its score from parts, shown on each suggestion, and rules that agree raise it." }
            </p>
            <table class="table" id="rules-used">
                <caption>{ "Rules used in this review" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Rule" }</th>
                        <th scope="col">{ "Result" }</th>
                        <th scope="col">{ "Id" }</th>
                        <th scope="col">{ "Version" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for e.trace.iter().map(|t| html! {
                        <tr key={t.rule.clone()}>
                            <th scope="row">{ &t.title }</th>
                            <td>{ horizon_engine::report::status_words(t) }</td>
                            <td><code>{ &t.rule }</code></td>
                            <td><code>{ &t.version }</code></td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </details>
    }
}
