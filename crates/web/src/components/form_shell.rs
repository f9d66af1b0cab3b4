//! The frame of an add-or-change form: its heading, the error summary, the
//! fields it is given, then the save and Cancel buttons.

use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::form_parts::Refusals;

#[derive(Properties, PartialEq)]
pub struct FormShellProps {
    /// Prefix of the controls' ids: the heading is `{prefix}-heading`.
    pub id_prefix: AttrValue,
    pub heading: AttrValue,
    pub submit_label: AttrValue,
    pub refusals: Refusals,
    /// The save button, or Enter in a field (the page is not reloaded).
    pub on_submit: Callback<()>,
    pub on_cancel: Callback<()>,
    pub children: Html,
}

#[component]
pub fn FormShell(props: &FormShellProps) -> Html {
    let p = &props.id_prefix;
    let onsubmit = {
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_submit.emit(());
        })
    };
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby={format!("{p}-heading")}>
            <h3 id={format!("{p}-heading")}>{ &props.heading }</h3>
            <ErrorSummary errors={props.refusals.list().to_vec()} id_prefix={p.clone()} attempt={props.refusals.attempt()} />
            { props.children.clone() }
            { save_or_cancel(&props.submit_label, &props.on_cancel) }
        </form>
    }
}

/// A form's last row: the save button and Cancel.
pub fn save_or_cancel(submit_label: &str, on_cancel: &Callback<()>) -> Html {
    let cancel = on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="button-row">
            <button type="submit" class="button">{ submit_label.to_string() }</button>
            <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
        </div>
    }
}
