//! Counts typed or clicked in, keyboard-fast: one row per option with − and +
//! buttons and a box for the count. In a box, + and − add and take one, the up and
//! down arrows move between rows, and a number typed is saved on leaving the box
//! (Enter moves on). Each change is one entry, refused by the model if it would
//! take a count below nothing.

use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::form_parts::{control_value, focus_id};
use crate::forms::whole_number;

/// One row: a key the caller knows it by, its label and its count.
#[derive(Debug, Clone, PartialEq)]
pub struct CounterRow {
    pub key: String,
    pub label: String,
    pub count: u32,
}

#[derive(Properties, PartialEq)]
pub struct TallyCounterProps {
    pub id_prefix: AttrValue,
    pub caption: AttrValue,
    pub rows: Vec<CounterRow>,
    /// A row's key and how much to add (negative to take away).
    pub on_add: Callback<(String, i64)>,
    /// Why the last change was refused, beside the row it was for.
    #[prop_or_default]
    pub refused: Option<(String, String)>,
}

#[component]
pub fn TallyCounter(props: &TallyCounterProps) -> Html {
    let p = props.id_prefix.to_string();
    let typing = use_state(|| None::<(String, String)>);
    let box_id = |i: usize| format!("{p}-count-{i}");
    let count = props.rows.len();
    html! {
        <table class="table tally" id={p.clone()}>
            <caption>{ &props.caption }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Option" }</th>
                    <th scope="col" class="num">{ "Count" }</th>
                </tr>
            </thead>
            <tbody>
                { for props.rows.iter().enumerate().map(|(i, r)| {
                    let bid = box_id(i);
                    let add = |by: i64| {
                        let (on_add, key) = (props.on_add.clone(), r.key.clone());
                        Callback::from(move |_: MouseEvent| on_add.emit((key.clone(), by)))
                    };
                    let value = match &*typing {
                        Some((k, text)) if *k == r.key => text.clone(),
                        _ => r.count.to_string(),
                    };
                    let oninput = {
                        let (typing, key) = (typing.clone(), r.key.clone());
                        Callback::from(move |e: InputEvent| {
                            if let Some(v) = control_value(e.target()) {
                                typing.set(Some((key.clone(), v)));
                            }
                        })
                    };
                    let onchange = {
                        let (typing, on_add, key, now) = (typing.clone(), props.on_add.clone(), r.key.clone(), r.count);
                        Callback::from(move |e: Event| {
                            typing.set(None);
                            if let Some(n) = control_value(e.target()).as_deref().and_then(whole_number) {
                                if n != now {
                                    on_add.emit((key.clone(), i64::from(n) - i64::from(now)));
                                }
                            }
                        })
                    };
                    let onkeydown = {
                        let (on_add, key, prefix) = (props.on_add.clone(), r.key.clone(), p.clone());
                        let typing = typing.clone();
                        Callback::from(move |e: KeyboardEvent| {
                            let to = |j: usize| format!("{prefix}-count-{j}");
                            match e.key().as_str() {
                                "+" | "=" => { e.prevent_default(); typing.set(None); on_add.emit((key.clone(), 1)); }
                                "-" | "_" => { e.prevent_default(); typing.set(None); on_add.emit((key.clone(), -1)); }
                                "ArrowDown" | "Enter" if i + 1 < count => { e.prevent_default(); focus_id(&to(i + 1)); }
                                "ArrowUp" if i > 0 => { e.prevent_default(); focus_id(&to(i - 1)); }
                                _ => {}
                            }
                        })
                    };
                    let error = props.refused.as_ref().filter(|(k, _)| *k == r.key).map(|(_, m)| m.clone());
                    html! {
                        <tr key={r.key.clone()} data-option={r.key.clone()} class={classes!(error.is_some().then_some("row-has-error"))}>
                            <th scope="row"><label for={bid.clone()}>{ &r.label }</label></th>
                            <td class="num tally-cell">
                                if let Some(m) = &error {
                                    <p class="field-error" id={format!("{bid}-error")} role="alert">
                                        <span class="visually-hidden">{ "Error: " }</span>{ m }
                                    </p>
                                }
                                <div class="tally-controls">
                                    <button type="button" class="button secondary tally-step" onclick={add(-1)}>
                                        <span aria-hidden="true">{ "−" }</span><span class="visually-hidden">{ format!("One fewer for {}", r.label) }</span></button>
                                    <input type="text" inputmode="numeric" id={bid.clone()} class="input tally-input"
                                        {value} {oninput} {onchange} {onkeydown}
                                        aria-describedby={error.as_ref().map(|_| format!("{bid}-error"))} />
                                    <button type="button" class="button secondary tally-step" onclick={add(1)}>
                                        <span aria-hidden="true">{ "+" }</span><span class="visually-hidden">{ format!("One more for {}", r.label) }</span></button>
                                </div>
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
