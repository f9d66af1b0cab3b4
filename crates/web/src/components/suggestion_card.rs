//! One suggested change: its kind as a text tag, headline, score, rationale, the
//! other rules' reasons, the evidence behind it and which rules (which versions) made it.

use horizon_engine::{Evidence, EvidenceGroup};
use yew::prelude::*;

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
    let set_aside = ev.evaluation.proposed.set_aside.contains(&sug.id());
    let kind = sug.kind;

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
                if set_aside {
                    <p class="set-aside-note">
                        <strong>{ "Set aside: " }</strong>
                        { horizon_engine::report::SET_ASIDE }
                    </p>
                }
                if sug.reasons.len() > 1 {
                    <details class="reasons">
                        <summary>{ format!("Other reasons ({})", sug.reasons.len() - 1) }</summary>
                        <ul>
                            { for sug.reasons.iter().skip(1).map(|r| html! {
                                <li>
                                    { &r.text }
                                    <span class="muted">{ format!(" (rule {}, score {:.1})", r.rule, r.score) }</span>
                                </li>
                            }) }
                        </ul>
                    </details>
                }
                <details class="evidence">
                    <summary>{ format!("Evidence ({})", words::count(sug.evidence.len(), "item", "items")) }</summary>
                    { for evidence }
                </details>
                <p class="made-by">
                    { if sug.rules.len() == 1 { "Made by rule " } else { "Made by rules " } }
                    { for sug.rules.iter().enumerate().map(|(i, r)| html! {
                        <>
                            if i > 0 { { ", " } }
                            <code>{ &r.id }</code>
                            <span class="muted">{ format!(" (version {})", r.version) }</span>
                        </>
                    }) }
                </p>
            </article>
        </li>
    }
}
