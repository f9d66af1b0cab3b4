//! One suggested change: its kind as a text tag, headline, score, rationale, why
//! the proposed plan leaves it out (if it does), what it also covers, the other
//! rules' reasons, how its score is made up and the evidence behind it. Rule ids
//! and versions are in "How this was worked out", not here.

use horizon_engine::{Evidence, EvidenceGroup};
use yew::prelude::*;

use crate::components::firmness_panel::FirmnessPanel;
use crate::state::{Evaluated, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct SuggestionCardProps {
    pub evaluated: Shared<Evaluated>,
    /// Which suggestion, by its place in the evaluation (0 is the highest score).
    pub index: usize,
}

#[component]
pub fn SuggestionCard(props: &SuggestionCardProps) -> Html {
    let ev = &*props.evaluated;
    let Some(sug) = ev.evaluation.suggestions.get(props.index) else {
        return html! {};
    };
    let sc = &*ev.scenario;
    let n = props.index + 1;
    let heading_id = format!("suggestion-{n}-heading");
    let set_aside = ev.evaluation.is_set_aside(&sug.id());
    let kind = sug.kind;
    // One line for each other rule that agrees (its best reason); the first is the rationale.
    let mut others: Vec<&horizon_engine::Reason> = Vec::new();
    for r in sug.reasons.iter().skip(1) {
        if r.rule != sug.reasons[0].rule && !others.iter().any(|o| o.rule == r.rule) {
            others.push(r);
        }
    }

    // The groups, and their order, are the engine's (the Word report uses them too).
    let evidence = EvidenceGroup::ALL.iter().filter_map(|group| {
        let title = group.label();
        let items: Vec<&Evidence> = sug
            .evidence
            .iter()
            .filter(|e| e.group() == *group)
            .collect();
        (!items.is_empty()).then(|| {
            html! {
                <div class="evidence-group">
                    <h4>{ title }{ format!(" ({})", items.len()) }</h4>
                    <ul>
                        { for items.iter().map(|e| html! { <li>{ e.describe(sc) }</li> }) }
                    </ul>
                </div>
            }
        })
    });

    html! {
        <li
            class={classes!("suggestion", set_aside.then_some("set-aside"))}
            id={format!("suggestion-{n}")}
            data-kind={kind.as_str()}
            data-score={format!("{:.1}", sug.score)}
        >
            <article aria-labelledby={heading_id.clone()}>
                <div class="suggestion-head">
                    <p class={classes!("kind", format!("kind-{}", kind.as_str()))} title={words::kind_meaning(kind)}>
                        { kind.label() }
                    </p>
                    <h3 id={heading_id} class="headline">{ sug.headline(sc) }</h3>
                    <p class="score">
                        <span class="score-label">{ "Score " }</span>
                        <span class="score-number">{ words::score(sug.score) }</span>
                        <span class="score-of">{ " of 100" }</span>
                        <span class="score-bar" aria-hidden="true">
                            <span class="score-fill" style={format!("width: {:.0}%", sug.score.clamp(0.0, 100.0))}></span>
                        </span>
                    </p>
                </div>
                <p class="rationale">{ &sug.rationale }</p>
                if let Some(why) = ev.evaluation.why_set_aside(&sug.id(), sc) {
                    <p class="set-aside-note">
                        <strong>{ "Not in the proposed focus areas: " }</strong>
                        { why }{ "." }
                    </p>
                }
                if !sug.split_into.is_empty() {
                    <div class="also-covers split-parts">
                        <h4>{ "Split into" }</h4>
                        <ul>
                            { for sug.split_parts().iter().map(|p| html! { <li>{ p.sentence(sc) }</li> }) }
                        </ul>
                    </div>
                }
                if !sug.also_covers.is_empty() {
                    <div class="also-covers">
                        <h4>{ "Also covers" }</h4>
                        <ul>
                            { for sug.also_covers.iter().map(|c| html! {
                                <li>
                                    <strong>{ c.headline(sc) }</strong>
                                    { format!(" (score {}): ", words::score(c.score)) }
                                    { &c.rationale }
                                </li>
                            }) }
                        </ul>
                    </div>
                }
                if others.len() > 0 {
                    <details class="reasons">
                        <summary>{ format!("Other reasons ({})", others.len()) }</summary>
                        <ul>
                            { for others.iter().map(|r| html! { <li>{ &r.text }</li> }) }
                        </ul>
                    </details>
                }
                <details class="score-parts">
                    <summary>{ format!("How the score of {} is made up", words::score(sug.score)) }</summary>
                    <ul>
                        { for sug.score_explained().into_iter().map(|l| html! { <li>{ l }</li> }) }
                    </ul>
                </details>
                <details class="evidence">
                    <summary>{ format!("Evidence: {}", horizon_engine::evidence_summary(&sug.evidence, sc)) }</summary>
                    { for evidence }
                </details>
                <FirmnessPanel id={sug.id()} {n} />
            </article>
        </li>
    }
}
