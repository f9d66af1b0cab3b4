//! The form for one theme: its name, its group and an optional description. The
//! draft is `forms::theme::ThemeDraft`; the model judges it.

use horizon_model::{Edit, Scenario};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::form_parts::{described, error_for, field, focus_id};
use crate::forms::theme::ThemeDraft;
use crate::forms::FieldError;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ThemeFormProps {
    pub scenario: Shared<Scenario>,
    /// The theme being changed; `None` for a new one.
    pub id: Option<String>,
    pub heading: AttrValue,
    pub submit_label: AttrValue,
    pub id_prefix: AttrValue,
    pub on_submit: Callback<Edit>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn ThemeForm(props: &ThemeFormProps) -> Html {
    let draft = {
        let (s, id) = (props.scenario.clone(), props.id.clone());
        use_state(move || match id.as_deref().and_then(|id| s.theme(id)) {
            Some(t) => ThemeDraft::from_theme(t),
            None => ThemeDraft::blank(&s),
        })
    };
    let errors = use_state(Vec::<FieldError>::new);
    let attempt = use_state(|| 0u32);
    let p = props.id_prefix.to_string();
    {
        let name = format!("{p}-name");
        use_effect_with((), move |_| {
            focus_id(&name);
        });
    }
    let onsubmit = {
        let (draft, errors, attempt) = (draft.clone(), errors.clone(), attempt.clone());
        let (s, id) = (props.scenario.clone(), props.id.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match draft.to_edit(&s, id.as_deref()) {
                Ok(edit) => {
                    errors.set(Vec::new());
                    on_submit.emit(edit);
                }
                Err(list) => {
                    errors.set(list);
                    attempt.set(*attempt + 1);
                }
            }
        })
    };
    let set = |apply: fn(&mut ThemeDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut d = (*draft).clone();
            apply(&mut d, value);
            draft.set(d);
        })
    };
    let on_name = set(|d, v| d.name = v);
    let on_group = set(|d, v| d.group = v);
    let on_description = set(|d, v| d.description = v);
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };
    let s = &*props.scenario;
    let (d, errs) = (&*draft, &*errors);
    let invalid = |f: &str| error_for(errs, f).map(|_| "true");
    let rename_hint = props
        .id
        .is_some()
        .then_some("If you rename it, the old name is kept as another name for it, so files that use it still match.");
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby={format!("{p}-heading")}>
            <h3 id={format!("{p}-heading")}>{ &props.heading }</h3>
            <ErrorSummary errors={errs.clone()} id_prefix={p.clone()} attempt={*attempt} />
            { field(&p, "name", "Name of the theme", rename_hint, errs, html! {
                <input type="text" id={format!("{p}-name")} class="input" value={d.name.clone()}
                    oninput={move |e: InputEvent| on_name.emit(e.target_unchecked_into::<HtmlInputElement>().value())}
                    aria-invalid={invalid("name")} aria-describedby={described(&p, "name", rename_hint.is_some(), errs)} />
            }) }
            { field(&p, "group", "Theme group", Some("The family of themes it belongs to."), errs, html! {
                <select id={format!("{p}-group")} class="select"
                    onchange={move |e: Event| on_group.emit(e.target_unchecked_into::<HtmlSelectElement>().value())}
                    aria-invalid={invalid("group")} aria-describedby={described(&p, "group", true, errs)}>
                    if s.group(&d.group).is_none() {
                        <option value="" selected=true>{ "Choose a group" }</option>
                    }
                    { for s.groups.iter().map(|g| html! {
                        <option value={g.id.clone()} selected={d.group == g.id}>{ &g.name }</option>
                    }) }
                </select>
            }) }
            { field(&p, "description", "Description (optional)", Some("What the theme takes in, for readers of the matrix."), errs, html! {
                <textarea id={format!("{p}-description")} class="textarea" rows="2" value={d.description.clone()}
                    oninput={move |e: InputEvent| on_description.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())}
                    aria-invalid={invalid("description")} aria-describedby={described(&p, "description", true, errs)} />
            }) }
            <div class="button-row">
                <button type="submit" class="button">{ &props.submit_label }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
