//! One theme's row of the matrix. Its own component with props compared by value, so
//! a cell edit re-renders the one row it changed, not every cell of the grid (at 350
//! districts × 60 themes, 21,000 buttons).

use std::rc::Rc;

use horizon_model::Level;
use yew::prelude::*;

use crate::words;

/// A district as the matrix's columns show it.
#[derive(Clone, PartialEq)]
pub struct Column {
    pub id: String,
    pub name: String,
}

#[derive(Properties, PartialEq)]
pub struct MatrixRowProps {
    /// The row's place in display order.
    pub row: usize,
    pub theme_id: String,
    pub theme_name: String,
    pub in_plan: bool,
    pub columns: Rc<Vec<Column>>,
    /// Each column's level, in column order.
    pub levels: Vec<Option<Level>>,
    pub count: usize,
    /// The column of this row's cell in the Tab order, if it is in this row.
    pub tab_stop: Option<usize>,
    /// (district id, theme id) of the cell to move on one level.
    pub on_cycle: Callback<(String, String)>,
    /// A key pressed on the cell at (row, column).
    pub on_key: Callback<(KeyboardEvent, usize, usize)>,
    /// The cell at (row, column) has focus.
    pub on_focus: Callback<(usize, usize)>,
}

/// The id of the cell button at (row, column) in display order.
pub fn cell_id(row: usize, col: usize) -> String {
    format!("cell-{row}-{col}")
}

#[component]
pub fn MatrixRow(props: &MatrixRowProps) -> Html {
    let r = props.row;
    html! {
        <tr data-theme={props.theme_id.clone()}>
            <th scope="row" class="theme-name">
                { &props.theme_name }
                if props.in_plan {
                    <span class="in-plan">{ "in plan" }</span>
                }
            </th>
            { for props.columns.iter().zip(&props.levels).enumerate().map(|(c, (d, &level))| {
                let on_cycle = props.on_cycle.clone();
                let on_key = props.on_key.clone();
                let on_focus = props.on_focus.clone();
                let (did, tid) = (d.id.clone(), props.theme_id.clone());
                let label = format!("{} — {}: {}. Activate to change.", d.name, props.theme_name, words::level_words(level));
                html! {
                    <td key={d.id.clone()} class={classes!("cell", words::level_class(level))}>
                        <button
                            type="button"
                            class="cell-button"
                            data-district={d.id.clone()}
                            data-theme={props.theme_id.clone()}
                            data-level={level.map_or("none", Level::as_str)}
                            id={cell_id(r, c)}
                            tabindex={if props.tab_stop == Some(c) { "0" } else { "-1" }}
                            aria-label={label}
                            onclick={move |_| on_cycle.emit((did.clone(), tid.clone()))}
                            onkeydown={move |e: KeyboardEvent| on_key.emit((e, r, c))}
                            onfocus={move |_: FocusEvent| on_focus.emit((r, c))}
                        >
                            <span aria-hidden="true">{ words::level_symbol(level) }</span>
                        </button>
                    </td>
                }
            }) }
            <td class="count">{ props.count }</td>
        </tr>
    }
}
