//! The form for one horizon item. It holds the draft while the user types; the
//! draft is read by the pure `HorizonDraft::to_edit` and judged by the model, and
//! problems are listed in
//! words at the top (each linking to its field) and beside each field.

use horizon_model::{Edit, Scenario, TimeHorizon};
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::components::form_parts::control_value;
use crate::dom::focus_id;

use crate::state::{FieldError, HorizonDraft, Shared};
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
    let errors = use_state(Vec::<FieldError>::new);
    let summary_ref = use_node_ref();
    let p = props.id_prefix.to_string();
    let id = |field: &str| format!("{p}-{field}");

    // Focus the title when the form opens; the error summary when problems appear.
    {
        let title = id("title");
        use_effect_with((), move |_| {
            focus_id(&title);
        });
    }
    {
        let summary_ref = summary_ref.clone();
        use_effect_with(errors.len(), move |&n| {
            if n > 0 {
                if let Some(el) = summary_ref.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }

    let error_for = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    };
    // `change` for selects and checkboxes, `input` for text as it is typed: both
    // read the control's value the same way.
    let edit = |apply: fn(&mut HorizonDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            if let Some(value) = control_value(e.target()) {
                let mut d = (*draft).clone();
                apply(&mut d, value);
                draft.set(d);
            }
        })
    };
    let typed = |apply: fn(&mut HorizonDraft, String)| {
        let on_edit = edit(apply);
        Callback::from(move |e: InputEvent| on_edit.emit(e.into()))
    };

    let onsubmit = {
        let draft = draft.clone();
        let errors = errors.clone();
        let scenario = props.scenario.clone();
        let on_submit = props.on_submit.clone();
        let item_id = props.item_id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.to_edit(&scenario, item_id.as_deref()) {
                Ok(edit) => {
                    errors.set(Vec::new());
                    on_submit.emit(edit);
                }
                Err(list) => errors.set(list),
            }
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    // A labelled control with its error message, GOV.UK style.
    let field = |name: &str, label: &str, hint: Option<&str>, control: Html| {
        let err = error_for(name);
        html! {
            <div class={classes!("field", err.is_some().then_some("field-has-error"))}>
                <label class="label" for={id(name)}>{ label }</label>
                if let Some(h) = hint {
                    <p class="hint" id={id(&format!("{name}-hint"))}>{ h }</p>
                }
                if let Some(m) = err {
                    <p class="field-error" id={id(&format!("{name}-error"))}>
                        <span class="visually-hidden">{ "Error: " }</span>{ m }
                    </p>
                }
                { control }
            </div>
        }
    };
    let described = |name: &str, hint: bool| -> Option<String> {
        let mut ids = Vec::new();
        if hint {
            ids.push(id(&format!("{name}-hint")));
        }
        if error_for(name).is_some() {
            ids.push(id(&format!("{name}-error")));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
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
            if !errors.is_empty() {
                <div class="error-summary" tabindex="-1" ref={summary_ref} role="alert" aria-labelledby={id("errors")}>
                    <p class="error-summary-title" id={id("errors")}>{ "There is a problem" }</p>
                    <ul>
                        { for errors.iter().map(|e| {
                            let target = id(&e.field);
                            let go = {
                                let target = target.clone();
                                Callback::from(move |ev: MouseEvent| { ev.prevent_default(); focus_id(&target); })
                            };
                            html! { <li><a href={format!("#{target}")} onclick={go}>{ &e.message }</a></li> }
                        }) }
                    </ul>
                </div>
            }
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
            <fieldset class={classes!("fieldset", error_for("themes").is_some().then_some("field-has-error"))} id={id("themes")}>
                <legend>{ "Linked themes (optional)" }</legend>
                <p class="hint">{ "The matrix themes this item bears on: rules use these links." }</p>
                if let Some(m) = error_for("themes") {
                    <p class="field-error"><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                }
                <div class="checkboxes">
                    { for s.themes.iter().map(|t| {
                        let checked = d.themes.contains(&t.id);
                        let draft = draft.clone();
                        let tid = t.id.clone();
                        let onchange = Callback::from(move |e: Event| {
                            let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                            let mut d = (*draft).clone();
                            d.themes.retain(|x| x != &tid);
                            if on {
                                d.themes.push(tid.clone());
                            }
                            draft.set(d);
                        });
                        let cid = id(&format!("theme-{}", t.id));
                        html! {
                            <div class="checkbox" key={t.id.clone()}>
                                <input type="checkbox" id={cid.clone()} {checked} {onchange} />
                                <label for={cid}>{ &t.name }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            { field("source", "Source (optional)", Some("Where this comes from, e.g. the strategic assessment or a partner's plan."), html! {
                <input type="text" id={id("source")} class="input" value={d.source.clone()}
                    oninput={typed(|d, v| d.source = v)} aria-describedby={described("source", true)} />
            }) }
            <div class="button-row">
                <button type="submit" class="button">{ &props.submit_label }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
