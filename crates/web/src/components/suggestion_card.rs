//! One suggested change: its kind as a text tag, headline, score, rationale, the
//! other rules' reasons, the evidence behind it and which rules (which versions) made it.

use horizon_engine::Evidence;
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

/// Whether a piece of evidence belongs in a group.
type InGroup = fn(&Evidence) -> bool;

/// Evidence groups, in the order a report would discuss them.
const GROUPS: [(&str, InGroup); 6] = [
    ("Districts’ own plans", |e| {
        matches!(e, Evidence::MatrixCell { .. })
    }),
    ("Horizon scan", |e| {
        matches!(e, Evidence::HorizonItem { .. })
    }),
    ("Legislation and duties", |e| {
        matches!(e, Evidence::Legislation { .. })
    }),
    ("Partner priorities", |e| {
        matches!(e, Evidence::PartnerPriority { .. })
    }),
    ("Public consultation", |e| {
        matches!(
            e,
            Evidence::Consultation { .. } | Evidence::PlanConsultation
        )
    }),
    ("Stakeholder event", |e| {
        matches!(e, Evidence::StakeholderVotes { .. })
    }),
];

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

    let evidence = GROUPS.iter().filter_map(|(title, test)| {
        let items: Vec<&Evidence> = sug.evidence.iter().filter(|e| test(e)).collect();
        (!items.is_empty()).then(|| {
            html! {
                <div class="evidence-group">
                    <h4>{ *title }{ format!(" ({})", items.len()) }</h4>
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
                        { "a higher-scored suggestion conflicts with this one, so the proposed focus areas leave it out." }
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
                <FirmnessPanel id={sug.id()} {n} />
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
