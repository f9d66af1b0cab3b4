//! The Matrix view: the district priority matrix as in the county review's table,
//! with its key, the sort order, and what the last change did to the suggestions.
//! Every cell is a button that cycles its level; the level shows as a symbol and in
//! words as well as in colour. Below the table, its rows and columns are edited:
//! themes and their groups, and districts.

use horizon_model::{Collection, Edit, Level, Scenario};
use yew::prelude::*;

use crate::components::matrix_table::MatrixTable;
use crate::components::name_list_editor::NameListEditor;
use crate::components::theme_editor::ThemeEditor;
use crate::state::{MatrixSort, Movement, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct MatrixViewProps {
    pub scenario: Shared<Scenario>,
    /// Theme ids in display order (fixed when sorted, not on every edit).
    pub order: Shared<Vec<String>>,
    pub sort: MatrixSort,
    /// Counts have changed since the rows were sorted.
    pub stale: bool,
    /// Whether there has been a change to report on yet.
    pub show_changes: bool,
    pub movements: Vec<Movement>,
    /// Different data was opened since the last evaluation was compared: what, in words.
    #[prop_or_default]
    pub opened: Option<String>,
    pub pending: bool,
    /// (district id, theme id) of the cell to move on one level.
    pub on_cycle: Callback<(String, String)>,
    pub on_sort: Callback<MatrixSort>,
    /// Themes, groups and districts are changed by edits the model judges.
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn MatrixView(props: &MatrixViewProps) -> Html {
    let sorted_words = match props.sort {
        MatrixSort::ByCount => "Sorted by number of districts, most first.",
        MatrixSort::ByName => "Sorted by theme name, A to Z.",
    };

    let key = html! {
        <div class="matrix-key" id="matrix-key">
            <h2 class="key-title">{ "Key" }</h2>
            <ul class="key-list">
                { for [Some(Level::Main), Some(Level::Subsidiary), Some(Level::Issue), None].into_iter().map(|l| html! {
                    <li>
                        <span class={classes!("key-swatch", words::level_class(l))} aria-hidden="true">
                            { words::level_symbol(l) }
                        </span>
                        { match l { Some(l) => { let mut w = l.label().to_string(); w[..1].make_ascii_uppercase(); w }, None => "Not named (empty)".into() } }
                    </li>
                }) }
            </ul>
            <p class="key-note">
                { "Select a cell (or press Enter or Space on it) to move it on: not named → main priority → subsidiary → issue → not named. The arrow keys move between cells. " }
                <span class="in-plan">{ "in plan" }</span>{ " marks a theme one of the plan’s current focus areas covers." }
            </p>
        </div>
    };

    let changes = if props.show_changes {
        html! {
            <div id="matrix-changes" class={classes!("changes", props.pending.then_some("is-pending"))}>
                <h2 class="changes-title">{ "What the last change did to the suggestions" }</h2>
                if let Some(what) = &props.opened {
                    <p>{ format!("You opened {what}: the suggestions are now for that data, so there is nothing to compare them with yet.") }</p>
                } else if props.movements.is_empty() {
                    <p>{ "Nothing: the suggestions are the same." }</p>
                } else {
                    <ul>{ for props.movements.iter().map(|m| html! { <li>{ m.describe() }</li> }) }</ul>
                }
            </div>
        }
    } else {
        html! {}
    };

    html! {
        <>
            <h1 tabindex="-1">{ "Priority matrix" }</h1>
            <p class="lede">
                { "Which themes each district names in its own community safety plan, and at what level. Changing a cell re-evaluates the suggestions at once." }
            </p>
            <div class="matrix-top">
                { key }
                { changes }
            </div>
            <div class="matrix-tools">
                <p class="sorted" id="matrix-sorted">{ sorted_words }</p>
                if props.stale {
                    <p class="stale">
                        { "The counts have changed since the rows were sorted. " }
                        <button type="button" class="link-button" onclick={{ let f = props.on_sort.clone(); let s = props.sort; move |_| f.emit(s) }}>
                            { "Sort again" }
                        </button>
                    </p>
                }
            </div>
            <MatrixTable
                scenario={props.scenario.clone()}
                order={props.order.clone()}
                sort={props.sort}
                on_cycle={props.on_cycle.clone()}
                on_sort={props.on_sort.clone()}
            />
            <section class="matrix-parts" aria-labelledby="matrix-parts-heading">
                <h2 id="matrix-parts-heading">{ "Themes and districts" }</h2>
                <p class="lede">{ "The matrix's rows and columns. Add a district and its column appears in the matrix above, empty, ready to fill." }</p>
                <NameListEditor scenario={props.scenario.clone()} collection={Collection::Districts} on_edit={props.on_edit.clone()} />
                <ThemeEditor scenario={props.scenario.clone()} on_edit={props.on_edit.clone()} />
                <NameListEditor scenario={props.scenario.clone()} collection={Collection::Groups} on_edit={props.on_edit.clone()} />
            </section>
        </>
    }
}
