//! The horizon scan: items grouped by category (PESTELO or the partnership's own
//! headings), each with its likelihood × impact grade; add, edit and delete items,
//! and manage the categories.

use horizon_model::{Collection, Edit, HorizonItem, Scenario};
use yew::prelude::*;

use crate::dom::focus_id;

use crate::components::category_editor::CategoryEditor;
use crate::components::confirm_button::ConfirmButton;
use crate::components::horizon_form::HorizonForm;
use crate::components::horizon_radar::HorizonRadar;
use crate::components::likelihood_impact_grid::LikelihoodImpactGrid;
use crate::state::{HorizonDraft, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct HorizonViewProps {
    pub scenario: Shared<Scenario>,
    /// Every change the view makes, as an edit for the model.
    pub on_edit: Callback<Edit>,
}

/// Which form is open, if any.
#[derive(Clone, PartialEq)]
enum Editing {
    None,
    /// A new item from the button at the top, starting in the first category.
    NewAtTop(String),
    /// A new item from a category's own link, with the form in that category.
    NewIn(String),
    Existing(String),
}

#[component]
pub fn HorizonView(props: &HorizonViewProps) -> Html {
    let s = &*props.scenario;
    let editing = use_state(|| Editing::None);
    // The element to focus once the change is on the page (never <body>): the saved
    // row, or after a deletion the add button.
    let focus_after = use_state(|| None::<String>);
    {
        let focus_after = focus_after.clone();
        let target = (*focus_after).clone();
        let version = props.scenario.clone();
        use_effect_with((target, version), move |(target, _)| {
            if let Some(id) = target {
                focus_id(id);
                focus_after.set(None);
            }
        });
    }

    let close = {
        let editing = editing.clone();
        Callback::from(move |_: ()| editing.set(Editing::None))
    };
    let save = |id: Option<String>| {
        let on_edit = props.on_edit.clone();
        let editing = editing.clone();
        let focus_after = focus_after.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |edit: Edit| {
            // The saved row: the item edited, or the id the model gives a new one.
            let target = id
                .clone()
                .or_else(|| scenario.check(&edit).ok().and_then(|a| a.id));
            on_edit.emit(edit);
            editing.set(Editing::None);
            focus_after.set(target.map(|id| format!("item-{id}")));
        })
    };
    let open = |target: Editing| {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(target.clone()))
    };
    let new_form = |category: &str, nested: bool| {
        html! {
            <HorizonForm
                key={format!("new-{category}")}
                scenario={props.scenario.clone()}
                initial={HorizonDraft::blank(s, Some(category))}
                heading="Add a horizon item"
                submit_label="Add the item"
                id_prefix="new-item"
                on_submit={save(None)}
                on_cancel={close.clone()}
                {nested}
            />
        }
    };

    // Categories: the editor has checked each name with the model already.
    let category_edit = |id: Option<String>| {
        let on_edit = props.on_edit.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |name: String| {
            if let Ok(edit) = crate::forms::category_edit(&scenario, &name, id.as_deref()) {
                on_edit.emit(edit);
            }
        })
    };
    let category_rename = {
        let on_edit = props.on_edit.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |(id, name): (String, String)| {
            if let Ok(edit) = crate::forms::category_edit(&scenario, &name, Some(&id)) {
                on_edit.emit(edit);
            }
        })
    };
    let category_delete = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |id: String| {
            on_edit.emit(Edit::Remove {
                collection: Collection::Categories,
                id,
            })
        })
    };

    let total = s.horizon.len();
    html! {
        <>
            <h1 tabindex="-1">{ "Horizon scan" }</h1>
            <p class="lede">
                { "Emerging issues that may affect community safety, under PESTELO headings or your own. Each is scored for likelihood and impact from 1 to 4; their product is its grade on the 4 × 4 grid, from 1 to 16." }
            </p>
            <p>
                { format!("{} under {}.", words::count(total, "item", "items"), words::count(s.categories.len(), "category", "categories")) }
                if total > 0 {
                    { " " }
                    <button type="button" class="link-button" id="go-to-charts"
                        onclick={Callback::from(|_: MouseEvent| { focus_id("charts-heading"); })}>
                        { "Go to the scan at a glance (radar and grid)" }
                    </button>
                }
            </p>
            if let Editing::NewAtTop(category) = &*editing {
                { new_form(category, false) }
            } else {
                <p>
                    <button type="button" id="add-horizon-item" class="button"
                        onclick={open(Editing::NewAtTop(s.categories.first().map(|c| c.id.clone()).unwrap_or_default()))}>
                        { "Add a horizon item" }
                    </button>
                </p>
            }

            { for s.categories.iter().map(|c| {
                let items: Vec<&HorizonItem> = s.horizon.iter().filter(|h| h.category == c.id).collect();
                let heading_id = format!("category-{}", c.id);
                html! {
                    <section class="category" key={c.id.clone()} aria-labelledby={heading_id.clone()} data-category={c.id.clone()}>
                        <h2 id={heading_id}>
                            { &c.name }
                            <span class="heading-count">{ format!(" ({})", items.len()) }</span>
                        </h2>
                        if items.is_empty() {
                            <p class="muted">{ "No items in this category yet." }</p>
                        } else {
                            <table class="table horizon-table">
                                <caption class="visually-hidden">{ format!("Horizon items under {}", c.name) }</caption>
                                <thead>
                                    <tr>
                                        <th scope="col" class="item-col">{ "Item" }</th>
                                        <th scope="col" class="when-col">{ "When" }</th>
                                        <th scope="col" class="num score-col">{ "Likelihood" }</th>
                                        <th scope="col" class="num score-col">{ "Impact" }</th>
                                        <th scope="col" class="num grade-col">{ "Grade" }</th>
                                        <th scope="col" class="themes-col">{ "Linked themes" }</th>
                                        <th scope="col" class="actions-col"><span class="visually-hidden">{ "Actions" }</span></th>
                                    </tr>
                                </thead>
                                <tbody>
                                    { for items.iter().map(|h| {
                                        if *editing == Editing::Existing(h.id.clone()) {
                                            return html! {
                                                <tr key={h.id.clone()} class="editing-row">
                                                    <td colspan="7">
                                                        <HorizonForm
                                                            scenario={props.scenario.clone()}
                                                            initial={HorizonDraft::from_item(h)}
                                                            item_id={AttrValue::from(h.id.clone())}
                                                            heading={format!("Edit “{}”", h.title)}
                                                            submit_label="Save the item"
                                                            id_prefix="edit-item"
                                                            on_submit={save(Some(h.id.clone()))}
                                                            on_cancel={close.clone()}
                                                            nested=true
                                                        />
                                                    </td>
                                                </tr>
                                            };
                                        }
                                        let themes = h.themes.iter()
                                            .map(|t| s.theme(t).map_or(t.as_str(), |x| x.name.as_str()))
                                            .collect::<Vec<_>>().join(", ");
                                        let edit = {
                                            let editing = editing.clone();
                                            let id = h.id.clone();
                                            Callback::from(move |_: MouseEvent| editing.set(Editing::Existing(id.clone())))
                                        };
                                        let delete = {
                                            let on_edit = props.on_edit.clone();
                                            let id = h.id.clone();
                                            let focus_after = focus_after.clone();
                                            Callback::from(move |_| {
                                                on_edit.emit(Edit::Remove { collection: Collection::Horizon, id: id.clone() });
                                                focus_after.set(Some("add-horizon-item".into()));
                                            })
                                        };
                                        html! {
                                            <tr key={h.id.clone()} data-item={h.id.clone()} id={format!("item-{}", h.id)} tabindex="-1">
                                                <th scope="row" class="item-col">
                                                    <span class="item-title">{ &h.title }</span>
                                                    if !h.detail.is_empty() {
                                                        <span class="item-detail">{ &h.detail }</span>
                                                    }
                                                </th>
                                                <td>{ h.time_horizon.label() }</td>
                                                <td class="num">{ h.likelihood }<span class="muted small">{ format!(" {}", words::likelihood_words(h.likelihood)) }</span></td>
                                                <td class="num">{ h.impact }<span class="muted small">{ format!(" {}", words::impact_words(h.impact)) }</span></td>
                                                <td class="num"><strong>{ h.grade() }</strong></td>
                                                <td class="small">{ if themes.is_empty() { "None".to_string() } else { themes } }</td>
                                                <td class="actions">
                                                    <button type="button" class="button secondary small-button" onclick={edit}>
                                                        { "Edit" }<span class="visually-hidden">{ format!(" “{}”", h.title) }</span>
                                                    </button>
                                                    <ConfirmButton
                                                        label="Delete"
                                                        class="small-button"
                                                        context={AttrValue::from(format!("“{}”", h.title))}
                                                        question={AttrValue::from(format!("Delete “{}”?", h.title))}
                                                        short="Delete this item?"
                                                        confirm="Yes, delete"
                                                        on_confirm={delete}
                                                    />
                                                </td>
                                            </tr>
                                        }
                                    }) }
                                </tbody>
                            </table>
                        }
                        if *editing == Editing::NewIn(c.id.clone()) {
                            { new_form(&c.id, true) }
                        } else {
                            <p>
                                <button type="button" class="link-button" onclick={open(Editing::NewIn(c.id.clone()))}>
                                    { format!("Add an item to {}", c.name) }
                                </button>
                            </p>
                        }
                    </section>
                }
            }) }

            if total > 0 {
                <section class="charts" id="horizon-charts" aria-labelledby="charts-heading">
                    <h2 id="charts-heading" tabindex="-1">{ "The scan at a glance" }</h2>
                    <HorizonRadar scenario={props.scenario.clone()} />
                    <LikelihoodImpactGrid scenario={props.scenario.clone()} />
                </section>
            }

            <CategoryEditor
                scenario={props.scenario.clone()}
                on_add={category_edit(None)}
                on_rename={category_rename}
                on_delete={category_delete}
            />
        </>
    }
}
