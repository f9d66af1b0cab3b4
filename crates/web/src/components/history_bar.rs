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
    html! {
        <div class="history-bar">
            <button
                type="button"
                id="undo"
                class="button secondary small-button"
                disabled={!h.can_undo()}
                aria-keyshortcuts="Control+Z"
                aria-describedby="undo-what"
                onclick={undo}
            >
                { "Undo" }
            </button>
            <span id="undo-what" class="visually-hidden">
                { h.undo_label().map_or("Nothing to undo".to_string(), |l| format!("Undo: {l}")) }
            </span>
            <button
                type="button"
                id="redo"
                class="button secondary small-button"
                disabled={!h.can_redo()}
                aria-keyshortcuts="Control+Y"
                aria-describedby="redo-what"
                onclick={redo}
            >
                { "Redo" }
            </button>
            <span id="redo-what" class="visually-hidden">
                { h.redo_label().map_or("Nothing to redo".to_string(), |l| format!("Redo: {l}")) }
            </span>
            <p id="started-from" class="started-from">{ started }</p>
        </div>
    }
}
