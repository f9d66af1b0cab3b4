//! The horizon scan's headings. PESTELO by default; partnerships add their own
//! (Thanet scans under "Safeguarding" too), rename them, and delete empty ones.

use horizon_model::Scenario;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::forms::category_edit;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct CategoryEditorProps {
    pub scenario: Shared<Scenario>,
    pub on_add: Callback<String>,
    /// (category id, new name)
    pub on_rename: Callback<(String, String)>,
    pub on_delete: Callback<String>,
}

#[component]
pub fn CategoryEditor(props: &CategoryEditorProps) -> Html {
    let s = &*props.scenario;
    let new_name = use_state(String::new);
    let add_error = use_state(|| None::<String>);
    // (id, draft name, problem) of the category being renamed.
    let renaming = use_state(|| None::<(String, String, Option<String>)>);

    let on_add = {
        let new_name = new_name.clone();
        let add_error = add_error.clone();
        let scenario = props.scenario.clone();
        let on_add = props.on_add.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match category_edit(&scenario, &new_name, None) {
                Ok(_) => {
                    on_add.emit((*new_name).clone());
                    new_name.set(String::new());
                    add_error.set(None);
                }
                Err(m) => add_error.set(Some(m)),
            }
        })
    };

    html! {
        <section class="categories" aria-labelledby="categories-heading">
            <h2 id="categories-heading">{ "Categories" }</h2>
            <p>{ "The headings the scan is grouped under: PESTELO to start with. Add your own (Thanet scans under Safeguarding too), rename them, or delete one that has no items." }</p>
            <ul class="category-list">
                { for s.categories.iter().map(|c| {
                    let used = s.horizon.iter().filter(|h| h.category == c.id).count();
                    let is_renaming = renaming.as_ref().filter(|(id, _, _)| id == &c.id).cloned();
                    if let Some((id, draft, problem)) = is_renaming {
                        let input_id = format!("rename-{id}");
                        let oninput = {
                            let renaming = renaming.clone();
                            let id = id.clone();
                            Callback::from(move |e: InputEvent| {
                                let v = e.target_unchecked_into::<HtmlInputElement>().value();
                                renaming.set(Some((id.clone(), v, None)));
                            })
                        };
                        let onsubmit = {
                            let renaming = renaming.clone();
                            let scenario = props.scenario.clone();
                            let on_rename = props.on_rename.clone();
                            let (id, draft) = (id.clone(), draft.clone());
                            Callback::from(move |e: SubmitEvent| {
                                e.prevent_default();
                                match category_edit(&scenario, &draft, Some(&id)) {
                                    Ok(_) => {
                                        on_rename.emit((id.clone(), draft.clone()));
                                        renaming.set(None);
                                    }
                                    Err(m) => renaming.set(Some((id.clone(), draft.clone(), Some(m)))),
                                }
                            })
                        };
                        let cancel = {
                            let renaming = renaming.clone();
                            Callback::from(move |_: MouseEvent| renaming.set(None))
                        };
                        return html! {
                            <li key={c.id.clone()}>
                                <form class="inline-form" {onsubmit}>
                                    <label class="label" for={input_id.clone()}>{ format!("New name for “{}”", c.name) }</label>
                                    if let Some(m) = &problem {
                                        <p class="field-error" id={format!("{input_id}-error")}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                                    }
                                    <input type="text" id={input_id.clone()} class="input input-medium" value={draft}
                                        {oninput} aria-invalid={problem.as_ref().map(|_| "true")}
                                        aria-describedby={problem.as_ref().map(|_| format!("{input_id}-error"))} />
                                    <button type="submit" class="button">{ "Rename" }</button>
                                    <button type="button" class="button secondary" onclick={cancel}>{ "Cancel" }</button>
                                </form>
                            </li>
                        };
                    }
                    let start_rename = {
                        let renaming = renaming.clone();
                        let (id, name) = (c.id.clone(), c.name.clone());
                        Callback::from(move |_: MouseEvent| renaming.set(Some((id.clone(), name.clone(), None))))
                    };
                    let delete = {
                        let on_delete = props.on_delete.clone();
                        let id = c.id.clone();
                        Callback::from(move |_| on_delete.emit(id.clone()))
                    };
                    html! {
                        <li key={c.id.clone()} class="category-row">
                            <span class="category-name">{ &c.name }</span>
                            <span class="muted">{ format!(" ({})", crate::words::count(used, "item", "items")) }</span>
                            <span class="category-actions">
                                <button type="button" class="button secondary small-button" onclick={start_rename}>
                                    { "Rename" }<span class="visually-hidden">{ format!(" {}", c.name) }</span>
                                </button>
                                if used == 0 {
                                    <ConfirmButton
                                        label="Delete"
                                        class="small-button"
                                        context={AttrValue::from(c.name.clone())}
                                        question={AttrValue::from(format!("Delete the category “{}”?", c.name))}
                                        confirm="Yes, delete it"
                                        on_confirm={delete}
                                    />
                                } else {
                                    <span class="muted small">{ "Move or delete its items to delete it." }</span>
                                }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            <form class="inline-form" onsubmit={on_add}>
                <label class="label" for="new-category">{ "Add a category" }</label>
                if let Some(m) = &*add_error {
                    <p class="field-error" id="new-category-error"><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
                }
                <input type="text" id="new-category" class="input input-medium" value={(*new_name).clone()}
                    oninput={{ let n = new_name.clone(); move |e: InputEvent| n.set(e.target_unchecked_into::<HtmlInputElement>().value()) }}
                    aria-invalid={add_error.as_ref().map(|_| "true")}
                    aria-describedby={add_error.as_ref().map(|_| "new-category-error")} />
                <button type="submit" class="button secondary">{ "Add the category" }</button>
            </form>
        </section>
    }
}
