//! Undo and redo, and where the working copy came from: which snapshot it started
//! from and whether it has changed since. Lives in the status bar on every view.

use yew::prelude::*;

use crate::history::History;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct HistoryBarProps {
    pub history: Shared<History>,
    /// The snapshot the work started from, and whether it has changed since.
    pub started: Option<(String, bool)>,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_compare: Callback<()>,
}

#[component]
pub fn HistoryBar(props: &HistoryBarProps) -> Html {
    let h = &*props.history;
    let undo = props.on_undo.reform(|_: MouseEvent| ());
    let redo = props.on_redo.reform(|_: MouseEvent| ());
    let compare = props.on_compare.reform(|e: MouseEvent| e.prevent_default());
    let started = match &props.started {
        Some((name, false)) => html! {
            <>{ "Working copy: the snapshot " }<strong>{ format!("“{name}”") }</strong>{ ", unchanged." }</>
        },
        Some((name, true)) => html! {
            <>
                { "Working copy: started from " }<strong>{ format!("“{name}”") }</strong>
                { ", " }<strong class="changed-flag">{ "changed since" }</strong>{ ". " }
                <a href="#compare" onclick={compare}>{ "Compare" }</a>
            </>
        },
        None => html! { <>{ "Working copy: not saved as a snapshot." }</> },
    };
    // One button and what it would do, said to screen readers.
    let button = |id: &'static str,
                  label: &'static str,
                  keys: &'static str,
                  what: Option<&str>,
                  onclick: Callback<MouseEvent>| {
        html! {
            <>
                <button
                    type="button"
                    {id}
                    class="button secondary small-button"
                    aria-disabled={what.is_none().then_some("true")}
                    aria-keyshortcuts={keys}
                    aria-describedby={format!("{id}-what")}
                    {onclick}
                >
                    { label }
                </button>
                <span id={format!("{id}-what")} class="visually-hidden">
                    { what.map_or(format!("Nothing to {}", label.to_lowercase()), |l| format!("{label}: {l}")) }
                </span>
            </>
        }
    };
    html! {
        <div class="history-bar">
            { button("undo", "Undo", "Control+Z", h.undo_label(), undo) }
            { button("redo", "Redo", "Control+Y", h.redo_label(), redo) }
            <p id="started-from" class="started-from">{ started }</p>
        </div>
    }
}
