//! Checkboxes for the themes something covers, grouped under the scenario's theme
//! groups. The first box carries the field's id (`{prefix}-themes`), so the error
//! summary's link lands on it.

use horizon_model::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::form_parts::described_by;
use crate::forms::tick;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ThemeCheckboxesProps {
    pub scenario: Shared<Scenario>,
    pub id_prefix: AttrValue,
    pub legend: AttrValue,
    pub hint: AttrValue,
    /// Theme ids ticked.
    pub selected: Vec<String>,
    #[prop_or_default]
    pub error: Option<String>,
    /// The theme ids ticked after a box changes (a newly ticked one last).
    pub on_change: Callback<Vec<String>>,
}

#[component]
pub fn ThemeCheckboxes(props: &ThemeCheckboxesProps) -> Html {
    let s = &*props.scenario;
    let p = &props.id_prefix;
    let first = s
        .groups
        .iter()
        .find_map(|g| s.themes.iter().find(|t| t.group == g.id));
    let first_id = first.map(|t| t.id.clone());
    html! {
        <fieldset class={classes!("fieldset", props.error.is_some().then_some("field-has-error"))}
            aria-describedby={described_by(&format!("{p}-themes"), true, props.error.is_some())}>
            <legend>{ &props.legend }</legend>
            <p class="hint" id={format!("{p}-themes-hint")}>{ &props.hint }</p>
            if let Some(m) = &props.error {
                <p class="field-error" id={format!("{p}-themes-error")}>
                    <span class="visually-hidden">{ "Error: " }</span>{ m }
                </p>
            }
            if s.themes.is_empty() {
                <p class="muted">{ "There are no themes yet: add them under the Matrix." }</p>
            }
            <div class="theme-groups">
                { for s.groups.iter().filter(|g| s.themes.iter().any(|t| t.group == g.id)).map(|g| html! {
                    <fieldset class="fieldset theme-group" key={g.id.clone()}>
                        <legend class="theme-group-name">{ &g.name }</legend>
                        { for s.themes.iter().filter(|t| t.group == g.id).map(|t| {
                            let checked = props.selected.contains(&t.id);
                            let cid = if first_id.as_deref() == Some(t.id.as_str()) {
                                format!("{p}-themes")
                            } else {
                                format!("{p}-theme-{}", t.id)
                            };
                            let onchange = {
                                let (on_change, selected) = (props.on_change.clone(), props.selected.clone());
                                let tid = t.id.clone();
                                Callback::from(move |e: Event| {
                                    let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                                    on_change.emit(tick(&selected, &tid, on));
                                })
                            };
                            html! {
                                <div class="checkbox" key={t.id.clone()}>
                                    <input type="checkbox" id={cid.clone()} value={t.id.clone()} {checked} {onchange} />
                                    <label for={cid}>{ &t.name }</label>
                                </div>
                            }
                        }) }
                    </fieldset>
                }) }
            </div>
        </fieldset>
    }
}
