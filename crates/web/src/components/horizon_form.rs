//! The form for one horizon item. It holds the draft while the user types; the
//! draft is read by the pure `HorizonDraft::to_edit` and judged by the model, and
//! problems are listed in
//! words at the top (each linking to its field) and beside each field.

use horizon_model::{Edit, Scenario, TimeHorizon};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::field::Field;
use crate::components::form_parts::{
    described_by, set_into, typed_into, use_focus_on_open, use_refusals,
};
use crate::components::form_shell::save_or_cancel;
use crate::components::theme_checkboxes::ThemeCheckboxes;
use crate::state::{HorizonDraft, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct HorizonFormProps {
    pub scenario: Shared<Scenario>,
    pub initial: HorizonDraft,
    /// The item being edited; `None` for a new one.
    #[prop_or_default]
    pub item_id: Option<AttrValue>,
    pub heading: AttrValue,
    pub submit_label: AttrValue,
    /// Prefix of the controls' ids, so two forms on a page never share one.
    pub id_prefix: AttrValue,
    pub on_submit: Callback<Edit>,
    pub on_cancel: Callback<()>,
    /// Inside a category's section (an `h3` heading) rather than at the top of the view (`h2`).
    #[prop_or_default]
    pub nested: bool,
}

#[component]
pub fn HorizonForm(props: &HorizonFormProps) -> Html {
    let draft = use_state(|| props.initial.clone());
    let refusals = use_refusals();
    let p = props.id_prefix.to_string();
    let id = |field: &str| format!("{p}-{field}");
    use_focus_on_open(id("title"));

    // `change` for selects, `input` for text as it is typed.
    let edit = |apply: fn(&mut HorizonDraft, String)| typed_into::<_, Event>(&draft, apply);
    let typed = |apply: fn(&mut HorizonDraft, String)| typed_into::<_, InputEvent>(&draft, apply);
    let on_themes = set_into(&draft, |d, themes| d.themes = themes);
    let onsubmit = {
        let (draft, refusals) = (draft.clone(), refusals.clone());
        let (scenario, item_id) = (props.scenario.clone(), props.item_id.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            refusals.submit(draft.to_edit(&scenario, item_id.as_deref()), &on_submit);
        })
    };

    let error_for = |field: &str| refusals.get(field);
    // A labelled control with its error message, GOV.UK style.
    let field = |name: &str, label: &str, hint: Option<&str>, control: Html| {
        html! {
            <Field id={id(name)} label={label.to_string()} hint={hint.map(AttrValue::from)} error={error_for(name)}>
                { control }
            </Field>
        }
    };
    let described =
        |name: &str, hint: bool| described_by(&id(name), hint, error_for(name).is_some());
    let invalid = |name: &str| error_for(name).map(|_| "true");

    let score_select = |name: &'static str,
                        current: &str,
                        word: fn(u8) -> &'static str,
                        apply: fn(&mut HorizonDraft, String)| {
        html! {
            <select id={id(name)} class="select" onchange={edit(apply)} aria-invalid={invalid(name)} aria-describedby={described(name, false)}>
                <option value="" selected={current.is_empty()}>{ "Choose…" }</option>
                { for (1u8..=4).map(|n| html! {
                    <option value={n.to_string()} selected={current == n.to_string()}>{ format!("{n} – {}", word(n)) }</option>
                }) }
            </select>
        }
    };

    let s = &*props.scenario;
    let d = &*draft;
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby={id("heading")}>
            if props.nested {
                <h3 id={id("heading")}>{ &props.heading }</h3>
            } else {
                <h2 id={id("heading")} class="form-heading">{ &props.heading }</h2>
            }
            <ErrorSummary errors={refusals.list().to_vec()} id_prefix={p.clone()} attempt={refusals.attempt()} />
            { field("title", "Title", None, html! {
                <input type="text" id={id("title")} class="input" value={d.title.clone()} maxlength="400"
                    oninput={typed(|d, v| d.title = v)} aria-invalid={invalid("title")} aria-describedby={described("title", false)} />
            }) }
            { field("detail", "Detail (optional)", Some("What is expected and why it matters here."), html! {
                <textarea id={id("detail")} class="textarea" rows="3" value={d.detail.clone()}
                    oninput={typed(|d, v| d.detail = v)} aria-describedby={described("detail", true)} />
            }) }
            <div class="field-row">
                { field("category", "Category", None, html! {
                    <select id={id("category")} class="select" onchange={edit(|d, v| d.category = v)}
                        aria-invalid={invalid("category")} aria-describedby={described("category", false)}>
                        { for s.categories.iter().map(|c| html! {
                            <option value={c.id.clone()} selected={d.category == c.id}>{ &c.name }</option>
                        }) }
                    </select>
                }) }
                { field("time-horizon", "When", None, html! {
                    <select id={id("time-horizon")} class="select" onchange={edit(|d, v| d.time_horizon = v)}
                        aria-invalid={invalid("time-horizon")} aria-describedby={described("time-horizon", false)}>
                        { for TimeHorizon::ALL.iter().map(|t| html! {
                            <option value={t.as_str()} selected={d.time_horizon == t.as_str()}>{ t.label() }</option>
                        }) }
                    </select>
                }) }
                { field("likelihood", "Likelihood", None,
                    score_select("likelihood", &d.likelihood, words::likelihood_words, |d, v| d.likelihood = v)) }
                { field("impact", "Impact", None,
                    score_select("impact", &d.impact, words::impact_words, |d, v| d.impact = v)) }
            </div>
            <ThemeCheckboxes scenario={props.scenario.clone()} selected={d.themes.clone()} id_prefix={p.clone()}
                legend="Linked themes (optional)" hint="The matrix themes this item bears on: rules use these links."
                error={error_for("themes")} on_change={on_themes} />
            { field("source", "Source (optional)", Some("Where this comes from, e.g. the strategic assessment or a partner's plan."), html! {
                <input type="text" id={id("source")} class="input" value={d.source.clone()}
                    oninput={typed(|d, v| d.source = v)} aria-describedby={described("source", true)} />
            }) }
            { save_or_cancel(&props.submit_label, &props.on_cancel) }
        </form>
    }
}
