//! The form for one partner priority (add or change): partner, priority, linked
//! themes. The draft is read by `PartnerDraft`, then judged by `Scenario::check`.

use horizon_model::{Edit, Item, Scenario};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::field::Field;
use crate::components::form_parts::{control_value, described_by, error_for, focus_id};
use crate::components::theme_checks::ThemeChecks;
use crate::forms::partner::PartnerDraft;
use crate::forms::FieldError;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct PartnerFormProps {
    pub scenario: Shared<Scenario>,
    pub initial: PartnerDraft,
    /// The priority being changed; `None` adds one.
    pub id: Option<String>,
    pub on_edit: Callback<Edit>,
    /// The saved priority's id.
    pub on_saved: Callback<String>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn PartnerForm(props: &PartnerFormProps) -> Html {
    let draft = use_state(|| props.initial.clone());
    let errors = use_state(Vec::<FieldError>::new);
    let attempt = use_state(|| 0u32);
    let prefix = if props.id.is_some() {
        "edit-partner"
    } else {
        "new-partner"
    };
    let id = |f: &str| format!("{prefix}-{f}");
    {
        let first = id("partner");
        use_effect_with((), move |_| {
            focus_id(&first);
        });
    }

    let typed = |apply: fn(&mut PartnerDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(v) = control_value(e.target()) {
                let mut d = (*draft).clone();
                apply(&mut d, v);
                draft.set(d);
            }
        })
    };
    let on_themes = {
        let draft = draft.clone();
        Callback::from(move |themes: Vec<String>| {
            let mut d = (*draft).clone();
            d.themes = themes;
            draft.set(d);
        })
    };
    let onsubmit = {
        let (draft, errors, attempt) = (draft.clone(), errors.clone(), attempt.clone());
        let scenario = props.scenario.clone();
        let (on_edit, on_saved) = (props.on_edit.clone(), props.on_saved.clone());
        let editing = props.id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let refused = |list: Vec<FieldError>| {
                errors.set(list);
                attempt.set(*attempt + 1);
            };
            let item = match draft.parse(&scenario) {
                Ok(item) => item,
                Err(list) => return refused(list),
            };
            let edit = match &editing {
                Some(id) => Edit::Update {
                    id: id.clone(),
                    item: Item::PartnerPriority(item),
                },
                None => Edit::Add(Item::PartnerPriority(item)),
            };
            match scenario.check(&edit) {
                Ok(applied) => {
                    let saved = editing.clone().or(applied.id).unwrap_or_default();
                    on_edit.emit(edit);
                    on_saved.emit(saved);
                }
                Err(r) => refused(PartnerDraft::refused(&r)),
            }
        })
    };
    let cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    let d = &*draft;
    let err = |f: &str| error_for(&errors, f);
    let heading = match &props.id {
        Some(_) => format!("Change “{}”", props.initial.priority),
        None => "Add a partner priority".to_string(),
    };
    html! {
        <form class="item-form" novalidate=true {onsubmit} aria-labelledby={id("heading")}>
            <h3 id={id("heading")}>{ heading }</h3>
            <ErrorSummary errors={(*errors).clone()} id_prefix={prefix} attempt={*attempt} />
            <Field id={id("partner")} label="Partner" hint={AttrValue::from("Who holds the priority, e.g. Kent Police Control Strategy 2015/16.")} error={err("partner")}>
                <input type="text" id={id("partner")} class="input" value={d.partner.clone()}
                    oninput={typed(|d, v| d.partner = v)} aria-invalid={err("partner").map(|_| "true")}
                    aria-describedby={described_by(&id("partner"), true, err("partner").is_some())} />
            </Field>
            <Field id={id("priority")} label="Priority" hint={AttrValue::from("The priority in the partner's own words.")} error={err("priority")}>
                <input type="text" id={id("priority")} class="input" value={d.priority.clone()}
                    oninput={typed(|d, v| d.priority = v)} aria-invalid={err("priority").map(|_| "true")}
                    aria-describedby={described_by(&id("priority"), true, err("priority").is_some())} />
            </Field>
            <ThemeChecks scenario={props.scenario.clone()} selected={d.themes.clone()} prefix={prefix}
                hint="The matrix themes it bears on: rules look for priorities no focus area serves."
                error={err("themes")} on_change={on_themes} />
            <div class="button-row">
                <button type="submit" class="button">{ if props.id.is_some() { "Save the priority" } else { "Add the priority" } }</button>
                <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
            </div>
        </form>
    }
}
