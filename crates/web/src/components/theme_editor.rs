//! The matrix's rows, grouped by theme group: add a theme, change its name, group
//! or description (a rename keeps the old name as another name), merge it into
//! another, or remove it after a question that counts what goes with it.

use horizon_model::{Collection, Edit, Scenario};
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::components::drawn_in_steps::{list_first, use_drawn_in_steps, LIST_STEP};
use crate::components::form_parts::use_focus_after;
use crate::components::merge_form::MergeForm;
use crate::components::theme_form::ThemeForm;
use crate::forms::theme::removal_question;
use crate::forms::{added_id, removal};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ThemeEditorProps {
    pub scenario: Shared<Scenario>,
    pub on_edit: Callback<Edit>,
}

/// Which form is open.
#[derive(Clone, PartialEq)]
enum Open {
    None,
    Add,
    Change(String),
    Merge(String),
}

#[component]
pub fn ThemeEditor(props: &ThemeEditorProps) -> Html {
    let s = &*props.scenario;
    let open = use_state(|| Open::None);
    let focus = use_focus_after(&props.scenario);

    // Saves an edit, closes the form and says where focus goes: `to`, or the new row.
    let submit = |to: Option<String>| {
        let (open, focus, on_edit, scenario) = (
            open.clone(),
            focus.clone(),
            props.on_edit.clone(),
            props.scenario.clone(),
        );
        Callback::from(move |edit: Edit| {
            match (&to, added_id(&scenario, &edit)) {
                (Some(to), _) => focus.now(to),
                (None, Some(id)) => focus.after_edit(format!("theme-row-{id}")),
                (None, None) => {}
            }
            open.set(Open::None);
            on_edit.emit(edit);
        })
    };
    let close_to = |to: String| {
        let (open, focus) = (open.clone(), focus.clone());
        Callback::from(move |_: ()| {
            focus.now(to.clone());
            open.set(Open::None);
        })
    };
    let open_as = |what: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(what.clone()))
    };

    let counts = s.district_counts();
    // Many themes, each with its buttons: drawn in parts, in the order shown.
    let (shown, drawing) = use_drawn_in_steps(s.themes.len(), list_first(s.themes.len()), LIST_STEP);
    let left = std::cell::Cell::new(shown);
    html! {
        <section class="theme-editor" aria-labelledby="themes-heading" aria-busy={drawing.then_some("true")}>
            <h3 id="themes-heading">{ "Themes" }</h3>
            <p>{ "The matrix's rows, by theme group. Another name a theme has had (from a rename or a merge) is kept, so older files and partners' wording still match it." }</p>
            if *open == Open::Add {
                <ThemeForm scenario={props.scenario.clone()} id={None::<String>} heading="Add a theme"
                    submit_label="Add the theme" id_prefix="theme-new"
                    on_submit={submit(None)} on_cancel={close_to("add-theme".into())} />
            } else {
                <p><button type="button" id="add-theme" class="button secondary" onclick={open_as(Open::Add)}>{ "Add a theme" }</button></p>
            }
            { for s.groups.iter().map(|g| {
                let themes: Vec<_> = s.themes.iter().filter(|t| t.group == g.id).collect();
                let drawn = themes.len().min(left.get());
                left.set(left.get() - drawn);
                html! {
                    <div class="theme-group-block" key={g.id.clone()}>
                        <h4>{ &g.name }<span class="heading-count">{ format!(" ({})", themes.len()) }</span></h4>
                        if themes.is_empty() {
                            <p class="muted small">{ "No themes in this group." }</p>
                        }
                        <ul class="category-list theme-list">
                            { for themes.iter().take(drawn).map(|t| {
                                let id = &t.id;
                                let change_button = format!("theme-{id}-change");
                                match &*open {
                                    Open::Change(x) if x == id => return html! {
                                        <li key={id.clone()}>
                                            <ThemeForm scenario={props.scenario.clone()} id={Some(id.clone())}
                                                heading={AttrValue::from(format!("Change the theme “{}”", t.name))}
                                                submit_label="Save the theme" id_prefix="theme-edit"
                                                on_submit={submit(Some(change_button.clone()))}
                                                on_cancel={close_to(change_button)} />
                                        </li>
                                    },
                                    Open::Merge(x) if x == id => return html! {
                                        <li key={id.clone()}>
                                            <MergeForm scenario={props.scenario.clone()} from={id.clone()} id_prefix="theme-merge"
                                                on_submit={submit(Some("add-theme".into()))}
                                                on_cancel={close_to(format!("theme-{id}-merge"))} />
                                        </li>
                                    },
                                    _ => {}
                                }
                                let remove = {
                                    let (on_edit, focus, scenario, id) = (props.on_edit.clone(), focus.clone(), props.scenario.clone(), id.clone());
                                    Callback::from(move |_: ()| {
                                        if let Ok(edit) = removal(&scenario, Collection::Themes, &id) {
                                            focus.after_edit("add-theme");
                                            on_edit.emit(edit);
                                        }
                                    })
                                };
                                let districts = counts.get(id.as_str()).copied().unwrap_or(0);
                                html! {
                                    <li key={id.clone()} id={format!("theme-row-{id}")} class="category-row" tabindex="-1" data-theme={id.clone()}>
                                        <span class="theme-text">
                                            <span class="category-name">{ &t.name }</span>
                                            <span class="muted">{ format!(" (named by {})", horizon_model::count(districts, "district", "districts")) }</span>
                                            if !t.aliases.is_empty() {
                                                <span class="theme-aliases small">{ format!("Also called: {}", t.aliases.join("; ")) }</span>
                                            }
                                            if let Some(d) = &t.description {
                                                <span class="item-detail">{ d }</span>
                                            }
                                        </span>
                                        <span class="category-actions">
                                            <button type="button" id={change_button} class="button secondary small-button" onclick={open_as(Open::Change(id.clone()))}>
                                                { "Change" }<span class="visually-hidden">{ format!(" {}", t.name) }</span>
                                            </button>
                                            <button type="button" id={format!("theme-{id}-merge")} class="button secondary small-button" onclick={open_as(Open::Merge(id.clone()))}>
                                                { "Merge" }<span class="visually-hidden">{ format!(" {} into another theme", t.name) }</span>
                                            </button>
                                            <ConfirmButton label="Remove" class="small-button"
                                                context={AttrValue::from(t.name.clone())}
                                                question={AttrValue::from(removal_question(s, id))}
                                                confirm="Yes, remove it" on_confirm={remove} />
                                        </span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </div>
                }
            }) }
        </section>
    }
}
