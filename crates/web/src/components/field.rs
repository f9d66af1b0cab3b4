//! One labelled control with its hint and its own message, GOV.UK style.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    /// The control's id.
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    pub children: Html,
}

/// A label, hint and message above one control, GOV.UK style.
#[component]
pub fn Field(props: &FieldProps) -> Html {
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-has-error"))}>
            <label class="label" for={props.id.clone()}>{ &props.label }</label>
            if let Some(h) = &props.hint {
                <p class="hint" id={format!("{}-hint", props.id)}>{ h }</p>
            }
            if let Some(m) = &props.error {
                <p class="field-error" id={format!("{}-error", props.id)}>
                    <span class="visually-hidden">{ "Error: " }</span>{ m }
                </p>
            }
            { props.children.clone() }
        </div>
    }
}
