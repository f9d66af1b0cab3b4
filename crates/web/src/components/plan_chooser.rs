//! "Plan under review": a labelled drop-down of the scenario's plans (the county
//! agreement and each district's own plan). Choosing one is the model's
//! `Edit::Review`, made through the ordinary edit path, so it can be undone and
//! appears in the history. Shown only when there is more than one plan to choose from.

use horizon_model::{Edit, Scenario};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::state::Shared;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct PlanChooserProps {
    pub scenario: Shared<Scenario>,
    /// The select's id (each view that shows the chooser gives its own).
    pub id: AttrValue,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn PlanChooser(props: &PlanChooserProps) -> Html {
    let s = &*props.scenario;
    let select = use_node_ref();
    let current = s.plan().id.clone();
    // An option's `selected` attribute no longer moves the selection once the user has
    // used the control, so after an undo the select is told its value directly.
    {
        let select = select.clone();
        use_effect_with(current.clone(), move |current| {
            if let Some(el) = select.cast::<HtmlSelectElement>() {
                if el.value() != *current {
                    el.set_value(current);
                }
            }
        });
    }
    if s.plans.len() < 2 {
        return html! {};
    }
    let onchange = {
        let on_edit = props.on_edit.clone();
        let current = current.clone();
        Callback::from(move |e: Event| {
            let plan = e.target_unchecked_into::<HtmlSelectElement>().value();
            if plan != current {
                on_edit.emit(Edit::Review { plan });
            }
        })
    };
    let id = props.id.to_string();
    let hint = format!("{id}-hint");
    html! {
        <div class="field plan-chooser">
            <label class="label" for={id.clone()}>{ "Plan under review" }</label>
            <p class="hint" id={hint.clone()}>
                { format!(
                    "This scenario holds {} over one matrix. The suggestions, the Plan and the Alignment are about the one chosen here. You can undo a change of plan.",
                    words::count(s.plans.len(), "plan", "plans")
                ) }
            </p>
            <select {id} class="select" ref={select} aria-describedby={hint} {onchange}>
                { for s.plans.iter().map(|p| html! {
                    <option value={p.id.clone()} selected={p.id == current}>
                        { words::plan_option(p, s) }
                    </option>
                }) }
            </select>
        </div>
    }
}
