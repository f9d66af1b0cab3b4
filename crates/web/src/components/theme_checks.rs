//! The "Linked themes" checkboxes a partner priority or a piece of legislation has.

use horizon_model::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ThemeChecksProps {
    pub scenario: Shared<Scenario>,
    pub selected: Vec<String>,
    /// The form's id prefix; the first box is `{prefix}-themes` (the summary's link).
    pub prefix: AttrValue,
    pub hint: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    pub on_change: Callback<Vec<String>>,
}

/// "Linked themes (optional)": a checkbox per theme.
#[component]
pub fn ThemeChecks(props: &ThemeChecksProps) -> Html {
    let s = &*props.scenario;
    let err_id = format!("{}-themes-error", props.prefix);
    html! {
        <fieldset class={classes!("fieldset", props.error.is_some().then_some("field-has-error"))}>
            <legend>{ "Linked themes (optional)" }</legend>
            <p class="hint">{ &props.hint }</p>
            if let Some(m) = &props.error {
                <p class="field-error" id={err_id.clone()}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
            }
            if s.themes.is_empty() {
                <p class="muted">{ "This review has no themes yet: add them in the Matrix view." }</p>
            }
            <div class="checkboxes">
                { for s.themes.iter().enumerate().map(|(i, t)| {
                    let checked = props.selected.contains(&t.id);
                    let onchange = {
                        let selected = props.selected.clone();
                        let on_change = props.on_change.clone();
                        let tid = t.id.clone();
                        Callback::from(move |e: Event| {
                            let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                            let mut next = selected.clone();
                            next.retain(|x| x != &tid);
                            if on {
                                next.push(tid.clone());
                            }
                            on_change.emit(next);
                        })
                    };
                    let cid = if i == 0 {
                        format!("{}-themes", props.prefix)
                    } else {
                        format!("{}-theme-{}", props.prefix, t.id)
                    };
                    html! {
                        <div class="checkbox" key={t.id.clone()}>
                            <input type="checkbox" id={cid.clone()} {checked} {onchange}
                                aria-describedby={props.error.as_ref().map(|_| err_id.clone())} />
                            <label for={cid}>{ &t.name }</label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}
