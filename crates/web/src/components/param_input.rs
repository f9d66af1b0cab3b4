//! One rule parameter as a labelled control: a number field with its range, a
//! checkbox for true/false, a text field for text. A value out of range is said in
//! words and not used; the rule keeps its last good value meanwhile.

use horizon_engine::{ParamSpec, ParamType, ParamValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParamInputProps {
    pub spec: ParamSpec,
    /// The user's value; `None` means the default.
    pub value: Option<ParamValue>,
    pub id_prefix: AttrValue,
    /// The new value, or `None` when it equals the default.
    pub on_change: Callback<Option<ParamValue>>,
}

/// A step that suits the range: hundredths for a share, tenths for small numbers.
fn step(spec: &ParamSpec) -> &'static str {
    match spec.kind {
        ParamType::Integer => "1",
        _ => match (spec.min, spec.max) {
            (Some(a), Some(b)) if b - a <= 1.0 => "0.01",
            (Some(a), Some(b)) if b - a <= 20.0 => "0.1",
            _ => "any",
        },
    }
}

fn range_words(spec: &ParamSpec) -> String {
    let kind = match spec.kind {
        ParamType::Integer => "A whole number",
        ParamType::Number => "A number",
        _ => return format!("Default: {}.", spec.default),
    };
    match (spec.min, spec.max) {
        (Some(a), Some(b)) => format!("{kind} from {a} to {b}. Default: {}.", spec.default),
        (Some(a), None) => format!("{kind}, at least {a}. Default: {}.", spec.default),
        (None, Some(b)) => format!("{kind}, at most {b}. Default: {}.", spec.default),
        (None, None) => format!("{kind}. Default: {}.", spec.default),
    }
}

#[component]
pub fn ParamInput(props: &ParamInputProps) -> Html {
    let spec = &props.spec;
    let id = format!("{}", props.id_prefix);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let current = props.value.clone().unwrap_or_else(|| spec.default.clone());
    // What the user is typing, kept as typed (so "0." survives on the way to "0.5"),
    // and the problem with it if it is not a usable value.
    let typing = use_state(|| None::<String>);
    let problem = use_state(|| None::<String>);

    let emit = {
        let on_change = props.on_change.clone();
        let default = spec.default.clone();
        move |v: ParamValue| on_change.emit(if v == default { None } else { Some(v) })
    };

    if spec.kind == ParamType::Boolean {
        let checked = matches!(current, ParamValue::Boolean(true));
        let onchange = Callback::from(move |e: Event| {
            emit(ParamValue::Boolean(
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            ));
        });
        return html! {
            <div class="field checkbox param">
                <input type="checkbox" {id} {checked} {onchange} aria-describedby={hint_id.clone()} />
                <label for={format!("{}", props.id_prefix)}>{ &spec.label }</label>
                <p class="hint" id={hint_id}>{ format!("Default: {}.", if spec.default == ParamValue::Boolean(true) { "on" } else { "off" }) }</p>
            </div>
        };
    }

    let oninput = {
        let typing = typing.clone();
        let problem = problem.clone();
        let spec = spec.clone();
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            if text.is_empty() && spec.kind != ParamType::Text {
                // A number field reports "" both when empty and mid-number ("0."): leave
                // the field alone (re-setting it would wipe what is being typed).
                // Whether it is really empty is checked on leaving the field.
                return;
            }
            match spec.parse_value(&text) {
                Ok(v) => {
                    problem.set(None);
                    emit(v);
                }
                Err(m) => problem.set(Some(m)),
            }
            typing.set(Some(text));
        })
    };
    // Leaving the field shows the value in use again (unless what was typed is unusable).
    let onblur = {
        let typing = typing.clone();
        let problem = problem.clone();
        let label = spec.label.to_lowercase();
        Callback::from(move |e: FocusEvent| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if input.value().is_empty() {
                problem.set(Some(format!("Enter a number for {label}")));
            } else if problem.is_none() {
                typing.set(None);
            }
        })
    };
    let shown = (*typing).clone().unwrap_or_else(|| current.to_string());
    let (kind, min, max) = match spec.kind {
        ParamType::Text => ("text", None, None),
        _ => (
            "number",
            spec.min.map(|m| m.to_string()),
            spec.max.map(|m| m.to_string()),
        ),
    };
    let described = if problem.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    html! {
        <div class={classes!("field", "param", problem.is_some().then_some("field-has-error"))}>
            <label class="label" for={id.clone()}>{ &spec.label }</label>
            <p class="hint" id={hint_id}>
                { range_words(spec) }
                if props.value.is_some() { <span class="changed">{ " Changed from the default." }</span> }
            </p>
            if let Some(m) = &*problem {
                <p class="field-error" id={error_id}>
                    <span class="visually-hidden">{ "Error: " }</span>{ m }{ ". The rule uses " }{ current.to_string() }{ " meanwhile." }
                </p>
            }
            <input
                type={kind}
                {id}
                class="input input-narrow"
                value={shown}
                {min}
                {max}
                step={(kind == "number").then(|| step(spec))}
                inputmode={(kind == "number").then_some("decimal")}
                {oninput}
                {onblur}
                aria-invalid={problem.as_ref().map(|_| "true")}
                aria-describedby={described}
            />
        </div>
    }
}
