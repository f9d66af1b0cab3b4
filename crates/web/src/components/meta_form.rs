//! "About this review": the review's title, the area it covers, the period of the
//! plan and where its figures come from (one note per row), shown as a summary
//! list with a "Change" button that opens the form in place.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::field::Field;
use crate::components::form_parts::{
    control_value, described_by, typed_into, use_focus_after, use_refusals,
};
use crate::components::form_shell::save_or_cancel;
use crate::forms::meta::MetaDraft;
use crate::state::Shared;

const PREFIX: &str = "meta";
const CHANGE_BUTTON: &str = "change-meta";

#[derive(Properties, PartialEq)]
pub struct MetaFormProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn MetaForm(props: &MetaFormProps) -> Html {
    let s = &*props.scenario;
    let open = use_state(|| false);
    let draft = use_state(MetaDraft::default);
    let refusals = use_refusals();
    let focus = use_focus_after(&props.scenario);
    let id = |f: &str| format!("{PREFIX}-{f}");

    let start = {
        let (open, draft, refusals, focus) =
            (open.clone(), draft.clone(), refusals.clone(), focus.clone());
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            draft.set(MetaDraft::from_meta(&scenario.meta));
            refusals.clear();
            open.set(true);
            focus.now(format!("{PREFIX}-title"));
        })
    };
    let close = {
        let (open, focus) = (open.clone(), focus.clone());
        Callback::from(move |()| {
            open.set(false);
            focus.now(CHANGE_BUTTON);
        })
    };
    let typed = |apply: fn(&mut MetaDraft, String)| typed_into::<_, InputEvent>(&draft, apply);
    let onsubmit = {
        let (open, draft, refusals, focus) =
            (open.clone(), draft.clone(), refusals.clone(), focus.clone());
        let scenario = props.scenario.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if refusals.submit(draft.to_edit(&scenario), &on_edit) {
                open.set(false);
                focus.now(CHANGE_BUTTON);
            }
        })
    };

    if !*open {
        return html! {
            <section aria-labelledby="about-heading">
                <h2 id="about-heading">{ "About this review" }</h2>
                <dl class="summary-list">
                    <div><dt>{ "Title" }</dt><dd id="scenario-title">{ &s.meta.title }</dd></div>
                    <div><dt>{ "Area" }</dt><dd id="scenario-geography">{ &s.meta.geography }</dd></div>
                    <div><dt>{ "Period" }</dt><dd id="scenario-period">{ &s.meta.period }</dd></div>
                    <div>
                        <dt>{ "Where the figures come from" }</dt>
                        <dd>
                            if s.meta.provenance.is_empty() {
                                <span class="muted">{ "No notes yet." }</span>
                            } else {
                                <ul id="provenance" class="provenance">
                                    { for s.meta.provenance.iter().map(|p| html! { <li>{ p }</li> }) }
                                </ul>
                            }
                        </dd>
                    </div>
                </dl>
                <button type="button" id={CHANGE_BUTTON} class="button secondary" onclick={start}>
                    { "Change" }<span class="visually-hidden">{ " the review's details" }</span>
                </button>
            </section>
        };
    }

    let d = &*draft;
    let err = |f: &str| refusals.get(f);
    let add_note = {
        let (draft, focus) = (draft.clone(), focus.clone());
        Callback::from(move |_: MouseEvent| {
            let mut d = (*draft).clone();
            d.notes.push(String::new());
            focus.now(format!("{PREFIX}-note-{}", d.notes.len() - 1));
            draft.set(d);
        })
    };
    html! {
        <section aria-labelledby="about-heading">
            <h2 id="about-heading">{ "About this review" }</h2>
            <form class="item-form" novalidate=true {onsubmit} aria-label="The review's details">
                <ErrorSummary errors={refusals.list().to_vec()} id_prefix={PREFIX} attempt={refusals.attempt()} />
                <Field id={id("title")} label="Title" hint={AttrValue::from("As it will head the report, e.g. Kent Community Safety Agreement: annual review, March 2016.")} error={err("title")}>
                    <input type="text" id={id("title")} class="input" value={d.title.clone()}
                        oninput={typed(|d, v| d.title = v)} aria-invalid={err("title").map(|_| "true")}
                        aria-describedby={described_by(&id("title"), true, err("title").is_some())} />
                </Field>
                <Field id={id("geography")} label="Area" hint={AttrValue::from("The area the partnership covers, e.g. Kent (excluding Medway).")} error={err("geography")}>
                    <input type="text" id={id("geography")} class="input" value={d.geography.clone()}
                        oninput={typed(|d, v| d.geography = v)} aria-invalid={err("geography").map(|_| "true")}
                        aria-describedby={described_by(&id("geography"), true, err("geography").is_some())} />
                </Field>
                <Field id={id("period")} label="Period" hint={AttrValue::from("The years the plan covers, e.g. 2016-17.")} error={err("period")}>
                    <input type="text" id={id("period")} class="input input-medium" value={d.period.clone()}
                        oninput={typed(|d, v| d.period = v)} aria-invalid={err("period").map(|_| "true")}
                        aria-describedby={described_by(&id("period"), true, err("period").is_some())} />
                </Field>
                <fieldset class="fieldset">
                    <legend>{ "Where the figures come from (optional)" }</legend>
                    <p class="hint">{ "One note each: a source, or what was reconstructed and how, so a reader can tell published fact from judgement. Empty notes are left out." }</p>
                    { for d.notes.iter().enumerate().map(|(i, note)| {
                        let nid = id(&format!("note-{i}"));
                        let oninput = {
                            let draft = draft.clone();
                            Callback::from(move |e: InputEvent| {
                                if let Some(v) = control_value(e.target()) {
                                    let mut d = (*draft).clone();
                                    if let Some(n) = d.notes.get_mut(i) { *n = v; }
                                    draft.set(d);
                                }
                            })
                        };
                        let remove = {
                            let (draft, focus) = (draft.clone(), focus.clone());
                            Callback::from(move |_: MouseEvent| {
                                let mut d = (*draft).clone();
                                if i < d.notes.len() { d.notes.remove(i); }
                                let next = if d.notes.is_empty() { "add-note".to_string() } else { format!("{PREFIX}-note-{}", i.min(d.notes.len() - 1)) };
                                draft.set(d);
                                focus.now(next);
                            })
                        };
                        let e = err(&format!("note-{i}"));
                        html! {
                            <div class={classes!("field", "note-row", e.is_some().then_some("field-has-error"))} key={i}>
                                <label class="label" for={nid.clone()}>{ format!("Note {}", i + 1) }</label>
                                if let Some(m) = &e {
                                    <p class="field-error" id={format!("{nid}-error")}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                                }
                                <textarea id={nid.clone()} class="textarea" rows="2" value={note.clone()} {oninput}
                                    aria-invalid={e.as_ref().map(|_| "true")} aria-describedby={described_by(&nid, false, e.is_some())} />
                                <button type="button" class="link-button" onclick={remove}>
                                    { format!("Remove note {}", i + 1) }
                                </button>
                            </div>
                        }
                    }) }
                    <button type="button" id="add-note" class="button secondary" onclick={add_note}>{ "Add a note" }</button>
                </fieldset>
                { save_or_cancel("Save the details", &close) }
            </form>
        </section>
    }
}
