//! The ballot box (`#ballot/<round>`): the laptop handed to each participant in
//! turn. It shows the question and the options, large, and "Cast my vote"; a
//! ballot choosing more than allowed is refused with a message (never cut short).
//! Once cast, the choices are cleared before the next person sees the screen, and
//! the running tally is never shown here: only how many ballots have been cast.
//! The facilitator closes it with the button at the foot.

use horizon_model::{Edit, EventEdit, Scenario, Subject, Way};
use yew::prelude::*;

use crate::state::Shared;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct BallotBoxProps {
    pub scenario: Shared<Scenario>,
    pub event: String,
    pub round: String,
    pub on_edit: Callback<Edit>,
    pub on_close: Callback<()>,
}

#[component]
pub fn BallotBox(props: &BallotBoxProps) -> Html {
    let chosen = use_state(Vec::<Subject>::new);
    let problem = use_state(|| None::<String>);
    let thanks = use_state(|| false);
    let s = &*props.scenario;
    let round = s.event(&props.event).and_then(|e| e.round(&props.round));
    {
        // The question's heading takes focus as each person's screen opens.
        use_effect_with(*thanks, |_| crate::dom::focus_selector("#ballot h1"));
    }
    let Some(round) = round.filter(|r| r.way == Way::Ballots) else {
        let close = props.on_close.reform(|_: MouseEvent| ());
        return html! {
            <div class="ballot" id="ballot">
                <h1 tabindex="-1">{ "This vote round is not open for ballots" }</h1>
                <p>{ "It may have been removed. Go back to the event to choose a round." }</p>
                <button type="button" class="button" onclick={close}>{ "Back to the event" }</button>
            </div>
        };
    };
    let most = round.most.unwrap_or(1) as usize;
    let cast_count = words::count(round.ballots as usize, "ballot", "ballots");
    let close = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    if round.revealed {
        return html! {
            <div class="ballot" id="ballot">
                <h1 tabindex="-1">{ "Voting in this round has closed" }</h1>
                <p>{ format!("The results have been revealed ({cast_count} cast).") }</p>
                <button type="button" class="button" onclick={close}>{ "Back to the event" }</button>
            </div>
        };
    }
    if *thanks {
        let next = {
            let thanks = thanks.clone();
            Callback::from(move |_: MouseEvent| thanks.set(false))
        };
        return html! {
            <div class="ballot" id="ballot">
                <h1 tabindex="-1">{ "Thank you: your vote is cast" }</h1>
                <p class="ballot-count" id="ballot-count">{ format!("{cast_count} so far.") }</p>
                <button type="button" class="button ballot-next" id="ballot-next" onclick={next}>{ "Next person: start my ballot" }</button>
                <p class="ballot-foot"><button type="button" class="button secondary" id="ballot-close" onclick={close}>{ "Facilitator: close the ballot box" }</button></p>
            </div>
        };
    }
    let onsubmit = {
        let (chosen, problem, thanks) = (chosen.clone(), problem.clone(), thanks.clone());
        let (scenario, on_edit) = (props.scenario.clone(), props.on_edit.clone());
        let (event, round_id) = (props.event.clone(), props.round.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let edit = Edit::Event(EventEdit::Ballot {
                event: event.clone(),
                round: round_id.clone(),
                choices: (*chosen).clone(),
            });
            match scenario.check(&edit) {
                Ok(_) => {
                    on_edit.emit(edit);
                    // No trace for the next person.
                    chosen.set(Vec::new());
                    problem.set(None);
                    thanks.set(true);
                }
                Err(r) => problem.set(Some(r.sentence())),
            }
        })
    };
    html! {
        <form class="ballot" id="ballot" novalidate=true {onsubmit} aria-labelledby="ballot-question">
            <p class="ballot-kicker">{ "Your vote · " }{ format!("{cast_count} cast so far") }</p>
            <h1 id="ballot-question" tabindex="-1">{ &round.question }</h1>
            <fieldset class="ballot-options" aria-describedby="ballot-hint">
                <legend id="ballot-hint">{ format!("Choose up to {}.", words::count(most, "option", "options")) }</legend>
                if let Some(m) = &*problem {
                    <p class="field-error" id="ballot-error" role="alert"><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                }
                { for round.options.iter().enumerate().map(|(i, o)| {
                    let id = format!("ballot-option-{i}");
                    let on = chosen.contains(&o.subject);
                    let onchange = {
                        let (chosen, subject) = (chosen.clone(), o.subject.clone());
                        Callback::from(move |_: Event| {
                            let mut c = (*chosen).clone();
                            match c.iter().position(|x| *x == subject) {
                                Some(k) => { c.remove(k); }
                                None => c.push(subject.clone()),
                            }
                            chosen.set(c);
                        })
                    };
                    html! {
                        <div class="ballot-option">
                            <input type="checkbox" {id} class="ballot-check" checked={on} {onchange} />
                            <label for={format!("ballot-option-{i}")}>{ s.option_name(o) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            <p class="ballot-chosen" aria-live="polite">
                { if chosen.len() > most {
                    format!("{} chosen: {} more than you may choose.", chosen.len(), chosen.len() - most)
                } else {
                    format!("{} of {most} chosen.", chosen.len())
                } }
            </p>
            <button type="submit" class="button ballot-cast" id="ballot-cast">{ "Cast my vote" }</button>
            <p class="ballot-foot"><button type="button" class="button secondary" id="ballot-close" onclick={close}>{ "Facilitator: close the ballot box" }</button></p>
        </form>
    }
}
