//! The form for one theme: its name, its group and an optional description. The
//! draft is `forms::theme::ThemeDraft`; the model judges it.

use horizon_model::{Edit, Scenario};
use yew::prelude::*;

use crate::components::field::Field;
use crate::components::form_parts::{described_by, typed_into, use_focus_on_open, use_refusals};
use crate::components::form_shell::FormShell;
use crate::forms::theme::ThemeDraft;
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
    let refusals = use_refusals();
    let p = props.id_prefix.to_string();
    let id = |f: &str| format!("{p}-{f}");
    use_focus_on_open(id("name"));
    let on_submit = {
        let (draft, refusals) = (draft.clone(), refusals.clone());
        let (s, id) = (props.scenario.clone(), props.id.clone());
        let on_submit = props.on_submit.clone();
        Callback::from(move |()| {
            refusals.submit(draft.to_edit(&s, id.as_deref()), &on_submit);
        })
    };
    let typed = |apply: fn(&mut ThemeDraft, String)| typed_into::<_, InputEvent>(&draft, apply);
    let on_group = typed_into::<_, Event>(&draft, |d, v| d.group = v);
    let s = &*props.scenario;
    let d = &*draft;
    let err = |f: &str| refusals.get(f);
    let invalid = |f: &str| err(f).map(|_| "true");
    let described = |f: &str, hint: bool| described_by(&id(f), hint, err(f).is_some());
    let rename_hint = props
        .id
        .is_some()
        .then_some("If you rename it, the old name is kept as another name for it, so files that use it still match.");
    html! {
        <FormShell id_prefix={p.clone()} heading={props.heading.clone()} submit_label={props.submit_label.clone()}
            refusals={refusals.clone()} {on_submit} on_cancel={props.on_cancel.clone()}>
            <Field id={id("name")} label="Name of the theme" hint={rename_hint.map(AttrValue::from)} error={err("name")}>
                <input type="text" id={id("name")} class="input" value={d.name.clone()}
                    oninput={typed(|d, v| d.name = v)}
                    aria-invalid={invalid("name")} aria-describedby={described("name", rename_hint.is_some())} />
            </Field>
            <Field id={id("group")} label="Theme group" hint={AttrValue::from("The family of themes it belongs to.")} error={err("group")}>
                <select id={id("group")} class="select" onchange={on_group}
                    aria-invalid={invalid("group")} aria-describedby={described("group", true)}>
                    if s.group(&d.group).is_none() {
                        <option value="" selected=true>{ "Choose a group" }</option>
                    }
                    { for s.groups.iter().map(|g| html! {
                        <option value={g.id.clone()} selected={d.group == g.id}>{ &g.name }</option>
                    }) }
                </select>
            </Field>
            <Field id={id("description")} label="Description (optional)" hint={AttrValue::from("What the theme takes in, for readers of the matrix.")} error={err("description")}>
                <textarea id={id("description")} class="textarea" rows="2" value={d.description.clone()}
                    oninput={typed(|d, v| d.description = v)}
                    aria-invalid={invalid("description")} aria-describedby={described("description", true)} />
            </Field>
        </FormShell>
    }
}
