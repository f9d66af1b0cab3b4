//! One vote round in the Event view: taking the room's entries (a tally or ratings
//! typed in here; ballots in the ballot box), undoing the last one, and Reveal.
//! Nothing of a ballots round's count shows before Reveal; after it, the results as
//! bars and how the suggestions moved, from the record kept at that moment. A
//! rating round offers to set the item's likelihood and impact to the room's.

use horizon_engine::{movement, RuleSource, Settings};
use horizon_model::{rating_summary, Edit, EventEdit, Item, Round, Scale, Scenario, Subject, Way};
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::components::tally_counter::{CounterRow, TallyCounter};
use crate::components::vote_results::VoteResults;
use crate::event::{entries_words, reveal};
use crate::state::{Evaluated, Shared};
use crate::timing;

#[derive(Properties, PartialEq)]
pub struct RoundPanelProps {
    pub scenario: Shared<Scenario>,
    pub event: String,
    pub round: Round,
    pub evaluated: Option<Shared<Evaluated>>,
    /// Whether `evaluated` is of the scenario as it stands.
    pub current: bool,
    pub pack: Shared<Vec<RuleSource>>,
    pub settings: Shared<Settings>,
    /// What "Undo the last entry" would take back: the last step, when it was an
    /// entry into this round.
    pub undo_label: Option<String>,
    pub on_edit: Callback<Edit>,
    pub on_undo: Callback<()>,
    pub on_ballot_box: Callback<String>,
}

fn subject_key(s: &Subject) -> String {
    match s {
        Subject::Theme(t) => format!("theme:{t}"),
        Subject::Item(i) => format!("item:{i}"),
    }
}

#[component]
pub fn RoundPanel(props: &RoundPanelProps) -> Html {
    let refused = use_state(|| None::<(String, String)>);
    let reveal_problem = use_state(|| None::<String>);
    let (s, r) = (&*props.scenario, &props.round);
    let send = {
        let (scenario, on_edit, refused) = (
            props.scenario.clone(),
            props.on_edit.clone(),
            refused.clone(),
        );
        move |key: String, edit: Edit| match scenario.check(&edit) {
            Ok(_) => {
                refused.set(None);
                on_edit.emit(edit);
            }
            Err(why) => refused.set(Some((key, why.sentence()))),
        }
    };
    let entry = if r.revealed {
        html! {}
    } else {
        match r.way {
            Way::Tally => {
                let rows: Vec<CounterRow> = r
                    .options
                    .iter()
                    .map(|o| CounterRow {
                        key: subject_key(&o.subject),
                        label: s.option_name(o),
                        count: o.votes,
                    })
                    .collect();
                let on_add = {
                    let (send, options, event, round) = (
                        send.clone(),
                        r.options.clone(),
                        props.event.clone(),
                        r.id.clone(),
                    );
                    Callback::from(move |(key, by): (String, i64)| {
                        if let Some(o) = options.iter().find(|o| subject_key(&o.subject) == key) {
                            send(
                                key,
                                Edit::Event(EventEdit::Tally {
                                    event: event.clone(),
                                    round: round.clone(),
                                    subject: o.subject.clone(),
                                    by,
                                }),
                            );
                        }
                    })
                };
                html! {
                    <TallyCounter id_prefix="tally" caption="Type each count, or use − and +. In a box, + and − add or take one; the arrow keys move between rows."
                        {rows} {on_add} refused={(*refused).clone()} />
                }
            }
            Way::Rating => {
                let rows: Vec<CounterRow> = [Scale::Likelihood, Scale::Impact]
                    .into_iter()
                    .flat_map(|scale| {
                        let counts = if scale == Scale::Likelihood {
                            r.likelihood
                        } else {
                            r.impact
                        };
                        (1..=4u8).map(move |g| CounterRow {
                            key: format!("{}:{g}", scale.label()),
                            label: format!("{} {g}", horizon_model::capitalised(scale.label())),
                            count: counts[usize::from(g - 1)],
                        })
                    })
                    .collect();
                let on_add = {
                    let (send, event, round) = (send.clone(), props.event.clone(), r.id.clone());
                    Callback::from(move |(key, by): (String, i64)| {
                        let (scale, grade) = key.split_once(':').unwrap_or(("", "0"));
                        let scale = if scale == "impact" {
                            Scale::Impact
                        } else {
                            Scale::Likelihood
                        };
                        let grade = grade.parse().unwrap_or(0);
                        send(
                            key,
                            Edit::Event(EventEdit::Rate {
                                event: event.clone(),
                                round: round.clone(),
                                scale,
                                grade,
                                by,
                            }),
                        );
                    })
                };
                html! {
                    <TallyCounter id_prefix="rating" caption="How many people gave each grade, 1 (low) to 4 (high)."
                        {rows} {on_add} refused={(*refused).clone()} />
                }
            }
            Way::Ballots => {
                let open = {
                    let (on_ballot_box, id) = (props.on_ballot_box.clone(), r.id.clone());
                    Callback::from(move |_: MouseEvent| on_ballot_box.emit(id.clone()))
                };
                html! {
                    <>
                        <p>{ "Participants vote at this laptop one at a time. The count stays hidden until you press Reveal." }</p>
                        <button type="button" class="button" id="open-ballot-box" onclick={open}>{ "Open the ballot box" }</button>
                    </>
                }
            }
        }
    };
    let on_reveal = {
        let (scenario, evaluated, pack, settings) = (
            props.scenario.clone(),
            props.evaluated.clone(),
            props.pack.clone(),
            props.settings.clone(),
        );
        let (on_edit, event, round, problem, current) = (
            props.on_edit.clone(),
            props.event.clone(),
            r.id.clone(),
            reveal_problem.clone(),
            props.current,
        );
        Callback::from(move |_: MouseEvent| {
            let Some(ev) = evaluated.as_ref().filter(|_| current) else {
                problem.set(Some(
                    "The suggestions are still being worked out; press Reveal again in a moment."
                        .into(),
                ));
                return;
            };
            timing::mark("horizon:reveal");
            match reveal(&scenario, &ev.evaluation, &pack, &settings, &event, &round) {
                Ok(edit) => {
                    problem.set(None);
                    on_edit.emit(edit);
                    crate::dom::focus_soon(&["#results-heading"]);
                }
                Err(why) => problem.set(Some(why.sentence())),
            }
        })
    };
    let remove = {
        let (on_edit, event, round) = (props.on_edit.clone(), props.event.clone(), r.id.clone());
        Callback::from(move |()| {
            on_edit.emit(Edit::Event(EventEdit::RemoveRound {
                event: event.clone(),
                round: round.clone(),
            }));
            crate::dom::focus_soon(&["#rounds-heading"]);
        })
    };
    let undo = match (&props.undo_label, r.revealed) {
        (Some(label), false) => {
            let on_undo = props.on_undo.reform(|_: MouseEvent| ());
            html! { <button type="button" class="button secondary" id="undo-entry" onclick={on_undo}>{ "Undo the last entry" }<span class="muted">{ format!(" ({})", label.trim_end_matches('.')) }</span></button> }
        }
        _ => html! {},
    };
    let results = if r.revealed {
        let moved = movement(&r.before, &r.after);
        let accept = match (r.way, &r.item) {
            (Way::Rating, Some(o)) => {
                let item = match &o.subject {
                    Subject::Item(id) => s.horizon.iter().find(|h| &h.id == id),
                    _ => None,
                };
                let (l, i) = (rating_summary(&r.likelihood), rating_summary(&r.impact));
                match (item, l, i) {
                    (Some(h), Some(l), Some(i))
                        if (h.likelihood, h.impact) != (l.grade(), i.grade()) =>
                    {
                        let mut next = h.clone();
                        (next.likelihood, next.impact) = (l.grade(), i.grade());
                        let edit = Edit::Update {
                            id: h.id.clone(),
                            item: Item::HorizonItem(next),
                        };
                        let on_edit = props.on_edit.clone();
                        let onclick =
                            Callback::from(move |_: MouseEvent| on_edit.emit(edit.clone()));
                        html! {
                            <p>
                                { format!("The scan grades “{}” likelihood {} × impact {}; the room's medians give {} × {}. ", h.title, h.likelihood, h.impact, l.grade(), i.grade()) }
                                <button type="button" class="button" id="accept-rating" {onclick}>{ "Use the room's grades" }</button>
                            </p>
                        }
                    }
                    (Some(h), Some(_), Some(_)) => {
                        html! { <p>{ format!("The room's medians match the scan's grades for “{}”.", h.title) }</p> }
                    }
                    _ => html! {},
                }
            }
            _ => html! {},
        };
        html! {
            <div class="round-results">
                <h3 id="results-heading" tabindex="-1">{ "Results" }</h3>
                <VoteResults scenario={props.scenario.clone()} round={r.clone()} />
                { accept }
                if r.options.iter().any(|o| matches!(o.subject, Subject::Item(_))) {
                    <p class="hint">{ "The votes for horizon items are kept in the event's record; the rules read the votes for themes, which are now the review's stakeholder votes." }</p>
                }
                <h3>{ "How the suggestions moved" }</h3>
                if moved.is_empty() {
                    <p id="moved-none">{ "No suggestion moved." }</p>
                } else {
                    <ul class="moved" id="moved">
                        { for moved.iter().map(|m| html! { <li>{ m.sentence() }</li> }) }
                    </ul>
                }
            </div>
        }
    } else {
        html! {
            <div class="button-row">
                { undo }
                <button type="button" class="button reveal" id="reveal" onclick={on_reveal}>{ "Reveal the results" }</button>
            </div>
        }
    };
    html! {
        <section class="round-panel" aria-labelledby="round-heading" data-round={r.id.clone()}>
            <h2 id="round-heading" tabindex="-1">{ &r.question }</h2>
            <p class="round-meta" id="round-entries">
                { format!("{} · {}", r.way.label(), entries_words(r)) }
                if r.way == Way::Ballots { { format!(" · each person chooses up to {}", r.most.unwrap_or(1)) } }
            </p>
            { entry }
            if let Some(m) = &*reveal_problem {
                <p class="field-error" role="alert">{ m }</p>
            }
            { results }
            <ConfirmButton label="Remove this round" class={classes!("secondary")}
                question={format!("Remove the round “{}” and its {} from the event? Undo brings it back.", r.question, entries_words(r))}
                confirm="Yes, remove it" on_confirm={remove} />
        </section>
    }
}
