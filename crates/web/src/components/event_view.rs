//! The Event view (`#event`): the facilitator's desk for the stakeholder event. Its
//! details, the screens to present and their order, the vote rounds, and the
//! chosen round's panel (entries, undo, Reveal, results). Every entry is an edit to
//! the scenario, so it is saved the moment it is made and can be undone.

use horizon_engine::{RuleSource, Settings};
use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::event_details_form::EventDetailsForm;
use crate::components::round_form::RoundForm;
use crate::components::round_panel::RoundPanel;
use crate::components::screen_chooser::ScreenChooser;
use crate::event::{current, status_words};
use crate::state::{Evaluated, Shared};

#[derive(Properties, PartialEq)]
pub struct EventViewProps {
    pub scenario: Shared<Scenario>,
    pub evaluated: Option<Shared<Evaluated>>,
    pub current: bool,
    pub pack: Shared<Vec<RuleSource>>,
    pub settings: Shared<Settings>,
    /// The round the last step entered into, and what it said.
    pub last_entry: Option<(String, String)>,
    pub on_edit: Callback<Edit>,
    pub on_undo: Callback<()>,
    pub on_present: Callback<()>,
    /// Opens the ballot box for the round with this id.
    pub on_ballot_box: Callback<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Open {
    Nothing,
    Details,
    NewRound,
}

#[component]
pub fn EventView(props: &EventViewProps) -> Html {
    let open = use_state(|| Open::Nothing);
    let chosen = use_state(|| None::<String>);
    let record_problem = use_state(|| None::<String>);
    let s = &*props.scenario;
    let opener = |which: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(which))
    };
    // Closing a form puts focus where the user goes next: the new round's panel
    // after adding one, the event's buttons after its details.
    let close_to = |selectors: &'static [&'static str]| {
        let open = open.clone();
        Callback::from(move |()| {
            open.set(Open::Nothing);
            crate::dom::focus_soon(selectors);
        })
    };
    let close = close_to(&["#change-event", "#set-up-event"]);
    let Some(event) = current(s) else {
        return html! {
            <>
                <h1 tabindex="-1">{ "Stakeholder event" }</h1>
                <p class="lede">{ "Run the December stakeholder event from this laptop, offline: present the matrix, the horizon scan and the suggestions on the projector, take the room's votes by ballot, tally or rating, reveal them and show how the suggestions move. Everything is saved as you go." }</p>
                if *open == Open::Details {
                    <EventDetailsForm scenario={props.scenario.clone()} event={None} on_edit={props.on_edit.clone()} on_cancel={close} />
                } else {
                    <button type="button" class="button" id="set-up-event" onclick={opener(Open::Details)}>{ "Set up the stakeholder event" }</button>
                }
            </>
        };
    };
    // The round shown: the one chosen, else the newest (a round just added).
    let round = (*chosen)
        .as_ref()
        .and_then(|id| event.round(id))
        .or(event.rounds.last());
    let present = props.on_present.reform(|_: MouseEvent| ());
    let download_record = {
        let (scenario, problem) = (props.scenario.clone(), record_problem.clone());
        Callback::from(move |_: MouseEvent| {
            let text = format!(
                "# {}\n\n{}",
                scenario.meta.title,
                horizon_engine::report::events_markdown(&scenario)
            );
            if let Err(why) = crate::files::download("stakeholder-event.md", "text/markdown", &text)
            {
                problem.set(Some(why));
            }
        })
    };
    let detail = |label: &str, value: String| {
        html! {
            <div><dt>{ label.to_string() }</dt><dd>{ if value.is_empty() { "Not given".to_string() } else { value } }</dd></div>
        }
    };
    html! {
        <>
            <h1 tabindex="-1">{ "Stakeholder event" }</h1>
            <div class="event-head">
                <dl class="summary-list" id="event-details">
                    { detail("Event", event.name.clone()) }
                    { detail("Date", event.date.clone()) }
                    { detail("Venue", event.venue.clone()) }
                    { detail("Participants", event.participants.map(|n| n.to_string()).unwrap_or_default()) }
                </dl>
                <div class="button-row event-present">
                    <p class="hint" id="present-keys">{ "In the presentation, Page Down, Space or → moves on and Page Up or ← goes back (as a clicker sends them); B blanks the screen; Esc comes back here." }</p>
                    <button type="button" class="button" id="start-presenting" onclick={present} aria-describedby="present-keys">{ "Present on the projector" }</button>
                    <button type="button" class="button secondary" id="change-event" onclick={opener(Open::Details)}>{ "Change the details" }</button>
                </div>
            </div>
            if *open == Open::Details {
                <EventDetailsForm scenario={props.scenario.clone()} event={Some(event.clone())} on_edit={props.on_edit.clone()} on_cancel={close.clone()} />
            }
            <div class="event-layout">
                <div class="event-main">
                    <section aria-labelledby="rounds-heading">
                        <h2 id="rounds-heading" tabindex="-1">{ "Vote rounds" }</h2>
                        if event.rounds.is_empty() {
                            <p>{ "No vote rounds yet. Add one for each question you will put to the room." }</p>
                        } else {
                            <ul class="round-list" id="round-list">
                                { for event.rounds.iter().map(|r| {
                                    let here = round.is_some_and(|x| x.id == r.id);
                                    let pick = {
                                        let (chosen, id) = (chosen.clone(), r.id.clone());
                                        Callback::from(move |_: MouseEvent| {
                                            chosen.set(Some(id.clone()));
                                            crate::dom::focus_soon(&["#round-heading"]);
                                        })
                                    };
                                    html! {
                                        <li>
                                            <button type="button" class={classes!("link-button", here.then_some("is-current"))}
                                                aria-current={here.then_some("true")} onclick={pick}>{ &r.question }</button>
                                            <span class="muted">{ format!(" — {}", status_words(r)) }</span>
                                        </li>
                                    }
                                }) }
                            </ul>
                        }
                        if *open == Open::NewRound {
                            <RoundForm scenario={props.scenario.clone()} event={event.id.clone()} on_edit={props.on_edit.clone()} on_done={{
                                let (close, chosen) = (close_to(&["#round-heading", "#add-round"]), chosen.clone());
                                Callback::from(move |()| { chosen.set(None); close.emit(()); })
                            }} />
                        } else {
                            <button type="button" class="button secondary" id="add-round" onclick={opener(Open::NewRound)}>{ "Add a vote round" }</button>
                        }
                    </section>
                    if let Some(r) = round {
                        <RoundPanel key={r.id.clone()} scenario={props.scenario.clone()} event={event.id.clone()} round={r.clone()}
                            evaluated={props.evaluated.clone()} current={props.current} pack={props.pack.clone()} settings={props.settings.clone()}
                            undo_label={props.last_entry.as_ref().filter(|(round, _)| *round == r.id).map(|(_, said)| said.clone())} on_edit={props.on_edit.clone()} on_undo={props.on_undo.clone()}
                            on_ballot_box={props.on_ballot_box.clone()} />
                    }
                </div>
                <ScreenChooser event={event.clone()} on_edit={props.on_edit.clone()} />
            </div>
            <section class="event-record" aria-labelledby="record-heading">
                <h2 id="record-heading">{ "The record of the event" }</h2>
                <p>
                    { "Every entry is saved in this browser as it is made. The record (details, each round's question, options and totals, and the suggestions before and after each reveal; never a single person's ballot) goes with the project file and the workbook (Data), and the Word and Markdown reports (Review) summarise it." }
                </p>
                <button type="button" class="button secondary" id="download-record" onclick={download_record}>{ "Download the record (Markdown)" }</button>
                if let Some(m) = &*record_problem {
                    <p class="field-error" role="alert">{ m }</p>
                }
            </section>
        </>
    }
}
