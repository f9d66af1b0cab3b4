//! One of the plan's two lists, focus areas or cross-cutting themes, in order:
//! each with the themes it covers, to edit, move up or down, or remove; and a way
//! to add one. Every change is an `Edit` the model judges.

use horizon_model::{Collection, Edit, Scenario};
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::components::form_parts::use_focus_after;
use crate::components::plan_item_form::PlanItemForm;
use crate::forms::plan_item::{removal_question, step};
use crate::forms::{added_id, theme_names};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct PlanListProps {
    pub scenario: Shared<Scenario>,
    /// `FocusAreas` or `CrossCuttingThemes`.
    pub collection: Collection,
    pub on_edit: Callback<Edit>,
}

/// Which form is open.
#[derive(Clone, PartialEq)]
enum Open {
    None,
    Add,
    Edit(String),
}

#[component]
pub fn PlanList(props: &PlanListProps) -> Html {
    let s = &*props.scenario;
    let c = props.collection;
    let open = use_state(|| Open::None);
    let focus = use_focus_after(&props.scenario);
    let (pfx, title, noun, lede) = match c {
        Collection::FocusAreas => (
            "focus-area",
            "Focus areas",
            "focus area",
            "The plan's priorities, in the order the plan lists them. Each covers one or more themes of the matrix.",
        ),
        _ => (
            "cross-cutting",
            "Cross-cutting themes",
            "cross-cutting theme",
            "Themes the plan addresses across its focus areas rather than as priorities of their own.",
        ),
    };
    let items: Vec<(String, String, Vec<String>)> = match c {
        Collection::FocusAreas => s
            .plan()
            .focus_areas
            .iter()
            .map(|x| (x.id.clone(), x.name.clone(), x.themes.clone()))
            .collect(),
        _ => s
            .plan()
            .cross_cutting_themes
            .iter()
            .map(|x| (x.id.clone(), x.name.clone(), x.themes.clone()))
            .collect(),
    };
    let add_id = format!("add-{pfx}");
    let row_id = |id: &str| format!("{pfx}-row-{id}");

    let close_to = |target: String| {
        let (open, focus) = (open.clone(), focus.clone());
        Callback::from(move |_: ()| {
            focus.now(target.clone());
            open.set(Open::None);
        })
    };
    let submit = |target: Option<String>| {
        let (open, focus) = (open.clone(), focus.clone());
        let on_edit = props.on_edit.clone();
        let scenario = props.scenario.clone();
        let pfx = pfx.to_string();
        Callback::from(move |edit: Edit| {
            // A new item's row, or the edited item's Edit button.
            match (&target, added_id(&scenario, &edit)) {
                (Some(to), _) => focus.now(to),
                (None, Some(id)) => focus.after_edit(format!("{pfx}-row-{id}")),
                (None, None) => {}
            }
            open.set(Open::None);
            on_edit.emit(edit);
        })
    };
    let count = horizon_model::count(items.len(), noun, &format!("{noun}s"));

    html! {
        <section class="plan-list" aria-labelledby={format!("{pfx}-heading")}>
            <h2 id={format!("{pfx}-heading")}>{ title }</h2>
            <p>{ lede }{ " " }<span class="muted">{ format!("The plan has {count}.") }</span></p>
            <ol class="plan-items" id={format!("{pfx}-list")}>
                { for items.iter().enumerate().map(|(i, (id, name, themes))| {
                    if *open == Open::Edit(id.clone()) {
                        let edit_button = format!("{pfx}-{id}-edit");
                        return html! {
                            <li key={id.clone()} class="plan-item editing">
                                <PlanItemForm
                                    scenario={props.scenario.clone()}
                                    collection={c}
                                    id={Some(id.clone())}
                                    heading={AttrValue::from(format!("Change the {noun} “{name}”"))}
                                    submit_label="Save"
                                    id_prefix={format!("{pfx}-edit")}
                                    on_submit={submit(Some(edit_button.clone()))}
                                    on_cancel={close_to(edit_button)}
                                />
                            </li>
                        };
                    }
                    let start_edit = {
                        let open = open.clone();
                        let id = id.clone();
                        Callback::from(move |_: MouseEvent| open.set(Open::Edit(id.clone())))
                    };
                    let mover = |by: isize, word: &str| {
                        let edit = step(s, c, id, by);
                        let button = format!("{pfx}-{id}-{}", if by < 0 { "up" } else { "down" });
                        let at_end = edit.is_none();
                        let onclick = {
                            let (on_edit, focus, button) = (props.on_edit.clone(), focus.clone(), button.clone());
                            Callback::from(move |_: MouseEvent| {
                                if let Some(edit) = edit.clone() {
                                    focus.after_edit(button.clone());
                                    on_edit.emit(edit);
                                }
                            })
                        };
                        html! {
                            <button type="button" id={button} class="button secondary small-button"
                                aria-disabled={at_end.then_some("true")} {onclick}>
                                { word }<span class="visually-hidden">{ format!(" “{name}”") }</span>
                            </button>
                        }
                    };
                    let remove = {
                        let on_edit = props.on_edit.clone();
                        let (focus, add_id) = (focus.clone(), add_id.clone());
                        let id = id.clone();
                        Callback::from(move |_: ()| {
                            focus.after_edit(add_id.clone());
                            on_edit.emit(Edit::Remove { collection: c, id: id.clone() });
                        })
                    };
                    html! {
                        <li key={id.clone()} id={row_id(id)} class="plan-item" tabindex="-1" data-id={id.clone()}>
                            <div class="plan-item-text">
                                <span class="plan-item-number" aria-hidden="true">{ format!("{}.", i + 1) }</span>
                                <span class="plan-item-name">{ name }</span>
                                <span class="plan-item-themes">
                                    { if themes.is_empty() {
                                        "No themes chosen.".to_string()
                                    } else {
                                        format!("Themes: {}", theme_names(s, themes))
                                    } }
                                </span>
                            </div>
                            <div class="plan-item-actions">
                                <button type="button" id={format!("{pfx}-{id}-edit")} class="button secondary small-button" onclick={start_edit}>
                                    { "Change" }<span class="visually-hidden">{ format!(" “{name}”") }</span>
                                </button>
                                { mover(-1, "Move up") }
                                { mover(1, "Move down") }
                                <ConfirmButton
                                    label="Remove"
                                    class="small-button"
                                    context={AttrValue::from(format!("“{name}”"))}
                                    question={AttrValue::from(removal_question(s, c, id))}
                                    confirm="Yes, remove it"
                                    on_confirm={remove}
                                />
                            </div>
                        </li>
                    }
                }) }
            </ol>
            if *open == Open::Add {
                <PlanItemForm
                    scenario={props.scenario.clone()}
                    collection={c}
                    id={None::<String>}
                    heading={AttrValue::from(format!("Add a {noun}"))}
                    submit_label={AttrValue::from(format!("Add the {noun}"))}
                    id_prefix={format!("{pfx}-new")}
                    on_submit={submit(None)}
                    on_cancel={close_to(add_id.clone())}
                />
            } else {
                <p>
                    <button type="button" id={add_id.clone()} class="button secondary"
                        onclick={{ let open = open.clone(); move |_| open.set(Open::Add) }}>
                        { format!("Add a {noun}") }
                    </button>
                </p>
            }
        </section>
    }
}
