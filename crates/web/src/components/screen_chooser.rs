//! The presentation's screens for the event, chosen and put in order: each screen
//! a checkbox, the chosen ones with Move up and Move down. Saved with the event
//! (so with the project) on every change; "Every screen" puts the usual set back.

use horizon_model::{Edit, Event, EventEdit, ScreenChoice};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScreenChooserProps {
    pub event: Event,
    pub on_edit: Callback<Edit>,
}

/// A screen's place in ids: the same in either list, so focus can follow it.
fn slug(c: &ScreenChoice) -> String {
    match c {
        ScreenChoice::Round(id) => format!("round-{id}"),
        other => format!("{other:?}").to_lowercase(),
    }
}

/// Focus the control for `c` once the lists are redrawn: its checkbox, or the move
/// button just pressed when it still has one.
fn follow(c: &ScreenChoice, button: Option<&str>) {
    let base = format!("screen-{}", slug(c));
    let ids: Vec<String> = button
        .map(|b| format!("#{base}-{b}"))
        .into_iter()
        .chain([format!("#{base}")])
        .collect();
    crate::dom::focus_soon(&ids.iter().map(String::as_str).collect::<Vec<_>>());
}

#[component]
pub fn ScreenChooser(props: &ScreenChooserProps) -> Html {
    let e = &props.event;
    let chosen = e.chosen_screens();
    // Every screen there could be: the standard ones, then each round's results.
    let all: Vec<ScreenChoice> = ScreenChoice::STANDARD
        .into_iter()
        .chain(e.rounds.iter().map(|r| ScreenChoice::Round(r.id.clone())))
        .collect();
    let set = {
        let (on_edit, event) = (props.on_edit.clone(), e.id.clone());
        move |screens: Option<Vec<ScreenChoice>>| {
            on_edit.emit(Edit::Event(EventEdit::Screens {
                event: event.clone(),
                screens,
            }))
        }
    };
    let unchosen: Vec<&ScreenChoice> = all.iter().filter(|c| !chosen.contains(c)).collect();
    let n = chosen.len();
    html! {
        <section class="screen-chooser" aria-labelledby="screens-heading">
            <h2 id="screens-heading">{ "Screens to present" }</h2>
            <p class="hint">{ "Untick a screen to leave it out; move the chosen ones into the order you will present them. Saved with the project." }</p>
            if chosen.is_empty() {
                <p class="warning-text" id="no-screens">{ "No screens are chosen: the presentation will say so. Tick at least one." }</p>
            }
            <ol class="screen-list" id="screen-list">
                { for chosen.iter().enumerate().map(|(i, c)| {
                    let id = format!("screen-{}", slug(c));
                    let untick = {
                        let (set, chosen, c) = (set.clone(), chosen.clone(), c.clone());
                        Callback::from(move |_: web_sys::Event| {
                            set(Some(chosen.iter().filter(|x| **x != c).cloned().collect()));
                            follow(&c, None);
                        })
                    };
                    let mover = |to: usize, button: &'static str| {
                        let (set, chosen, c) = (set.clone(), chosen.clone(), c.clone());
                        Callback::from(move |_: MouseEvent| {
                            let mut next = chosen.clone();
                            let x = next.remove(i);
                            next.insert(to, x);
                            set(Some(next));
                            follow(&c, Some(button));
                        })
                    };
                    let label = c.label(e);
                    html! {
                        <li class="screen-row" key={id.clone()}>
                            <input type="checkbox" id={id.clone()} checked=true onchange={untick} />
                            <label for={id.clone()}>{ &label }</label>
                            <span class="screen-moves">
                            if i > 0 {
                                <button type="button" class="button secondary small" id={format!("{id}-up")} onclick={mover(i - 1, "up")}>{ "Move up" }<span class="visually-hidden">{ format!(": {label}") }</span></button>
                            }
                            if i + 1 < n {
                                <button type="button" class="button secondary small" id={format!("{id}-down")} onclick={mover(i + 1, "down")}>{ "Move down" }<span class="visually-hidden">{ format!(": {label}") }</span></button>
                            }
                            </span>
                        </li>
                    }
                }) }
            </ol>
            if !unchosen.is_empty() {
                <p class="label">{ "Not presented:" }</p>
                <ul class="screen-list unchosen">
                    { for unchosen.iter().map(|c| {
                        let id = format!("screen-{}", slug(c));
                        let tick = {
                            let (set, chosen, c) = (set.clone(), chosen.clone(), (*c).clone());
                            Callback::from(move |_: web_sys::Event| {
                                let mut next = chosen.clone();
                                next.push(c.clone());
                                set(Some(next));
                                follow(&c, None);
                            })
                        };
                        html! {
                            <li class="screen-row" key={id.clone()}>
                                <input type="checkbox" id={id.clone()} checked=false onchange={tick} />
                                <label for={id}>{ c.label(e) }</label>
                            </li>
                        }
                    }) }
                </ul>
            }
            if e.screens.is_some() {
                <button type="button" class="button secondary" id="screens-reset" onclick={Callback::from(move |_: MouseEvent| { set(None); crate::dom::focus_soon(&["#screen-title"]); })}>{ "Every screen, in the usual order" }</button>
            }
        </section>
    }
}
