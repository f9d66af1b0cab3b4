//! The theme groups, or the districts (the matrix's columns), as a list: rename,
//! remove (after a question that says what goes with it) and add. A removal the
//! model refuses (a group that still holds themes, the district whose own plan is
//! under review) shows the model's reason beside the item.

use horizon_model::{count, Collection, Edit, Scenario};
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::components::drawn_in_steps::{list_first, use_drawn_in_steps, LIST_STEP};
use crate::components::form_parts::use_focus_after;
use crate::components::name_form::NameForm;
use crate::forms::name::{cells_by_district, group_themes, removal_question_counted};
use crate::forms::{added_id, removal};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct NameListEditorProps {
    pub scenario: Shared<Scenario>,
    /// `Groups` or `Districts`.
    pub collection: Collection,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn NameListEditor(props: &NameListEditorProps) -> Html {
    let s = &*props.scenario;
    let c = props.collection;
    let renaming = use_state(|| None::<String>);
    // (item id, the model's reason) for a refused removal.
    let refused = use_state(|| None::<(String, String)>);
    let focus = use_focus_after(&props.scenario);
    let (pfx, title, noun, lede) = match c {
        Collection::Districts => (
            "district",
            "Districts",
            "district",
            "The matrix's columns: the partnerships whose plans the matrix compares. A new district's column starts empty; fill it in the matrix above.",
        ),
        _ => (
            "group",
            "Theme groups",
            "theme group",
            "Families of themes. The rules reason about a group as well as its themes, since a focus area often covers a family.",
        ),
    };
    let items: Vec<(String, String)> = match c {
        Collection::Districts => s
            .districts
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect(),
        _ => s
            .groups
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect(),
    };
    // 350 districts at national scale, each with its buttons: drawn in parts.
    let (shown, drawing) = use_drawn_in_steps(items.len(), list_first(items.len()), LIST_STEP);
    let row_id = |id: &str| format!("{pfx}-row-{id}");
    let add = {
        let (on_edit, focus, scenario) =
            (props.on_edit.clone(), focus.clone(), props.scenario.clone());
        let refused = refused.clone();
        Callback::from(move |edit: Edit| {
            if let Some(id) = added_id(&scenario, &edit) {
                focus.after_edit(format!("{pfx}-row-{id}"));
            }
            refused.set(None);
            on_edit.emit(edit);
        })
    };
    let cells = match c {
        Collection::Districts => cells_by_district(s),
        _ => Default::default(),
    };
    html! {
        <section class="name-list" aria-labelledby={format!("{pfx}-list-heading")}>
            <h3 id={format!("{pfx}-list-heading")}>{ title }</h3>
            <p>{ lede }</p>
            <ul class="category-list" id={format!("{pfx}-list")} aria-busy={drawing.then_some("true")}>
                { for items.iter().take(shown).map(|(id, name)| {
                    if renaming.as_deref() == Some(id.as_str()) {
                        let back = format!("{pfx}-{id}-rename");
                        let done = {
                            let (renaming, focus, on_edit, back) = (renaming.clone(), focus.clone(), props.on_edit.clone(), back.clone());
                            Callback::from(move |edit: Edit| {
                                focus.now(back.clone());
                                renaming.set(None);
                                on_edit.emit(edit);
                            })
                        };
                        let cancel = {
                            let (renaming, focus) = (renaming.clone(), focus.clone());
                            Callback::from(move |_: ()| { focus.now(back.clone()); renaming.set(None); })
                        };
                        return html! {
                            <li key={id.clone()}>
                                <NameForm scenario={props.scenario.clone()} collection={c} id={Some(id.clone())}
                                    label={AttrValue::from(format!("New name for “{name}”"))}
                                    submit_label="Rename" id_prefix={format!("{pfx}-rename")}
                                    on_submit={done} on_cancel={Some(cancel)} />
                            </li>
                        };
                    }
                    let filled = cells.get(id.as_str()).copied().unwrap_or(0);
                    let detail = match c {
                        Collection::Districts => count(filled, "filled cell", "filled cells"),
                        _ => count(group_themes(s, id), "theme", "themes"),
                    };
                    let own = c == Collection::Districts && s.plan().district.as_deref() == Some(id.as_str());
                    let start = {
                        let (renaming, refused, id) = (renaming.clone(), refused.clone(), id.clone());
                        Callback::from(move |_: MouseEvent| { refused.set(None); renaming.set(Some(id.clone())); })
                    };
                    let remove = {
                        let (on_edit, focus, refused, scenario) = (props.on_edit.clone(), focus.clone(), refused.clone(), props.scenario.clone());
                        let id = id.clone();
                        Callback::from(move |_: ()| match removal(&scenario, c, &id) {
                            Ok(edit) => {
                                focus.after_edit(format!("{pfx}-new-name"));
                                refused.set(None);
                                on_edit.emit(edit);
                            }
                            Err(why) => refused.set(Some((id.clone(), why))),
                        })
                    };
                    let why = refused.as_ref().filter(|(r, _)| r == id).map(|(_, w)| w.clone());
                    html! {
                        <li key={id.clone()} id={row_id(id)} class="category-row" tabindex="-1" data-id={id.clone()}>
                            <span class="category-name">{ name }</span>
                            <span class="muted">{ format!(" ({detail})") }</span>
                            if own {
                                <span class="own-mark">{ "this plan" }</span>
                            }
                            <span class="category-actions">
                                <button type="button" id={format!("{pfx}-{id}-rename")} class="button secondary small-button" onclick={start}>
                                    { "Rename" }<span class="visually-hidden">{ format!(" {name}") }</span>
                                </button>
                                <ConfirmButton label="Remove" class="small-button"
                                    context={AttrValue::from(name.clone())}
                                    question={AttrValue::from(removal_question_counted(s, c, id, filled))}
                                    confirm="Yes, remove it" on_confirm={remove} />
                            </span>
                            if let Some(w) = why {
                                <p class="field-error refusal" role="alert"><span class="visually-hidden">{ "Error: " }</span>{ w }</p>
                            }
                        </li>
                    }
                }) }
            </ul>
            <NameForm scenario={props.scenario.clone()} collection={c} id={None::<String>}
                label={AttrValue::from(format!("Add a {noun}"))}
                hint={(c == Collection::Districts).then_some(AttrValue::from("For example, a unitary authority joining the county's matrix, such as Medway."))}
                submit_label={AttrValue::from(format!("Add the {noun}"))}
                id_prefix={format!("{pfx}-new")} on_submit={add} />
        </section>
    }
}
