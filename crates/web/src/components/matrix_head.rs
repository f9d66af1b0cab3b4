//! The matrix's header row: the theme column's and the count column's sort buttons,
//! and every district's name (all of them, even when only some columns' cells are
//! drawn, so the table keeps its width and each cell its column header). Its own
//! component, so a step of drawing rows or an edit to a cell does not rebuild 350
//! headers.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::matrix_row::Column;
use crate::state::MatrixSort;

#[derive(Properties, PartialEq)]
pub struct MatrixHeadProps {
    pub columns: Rc<Vec<Column>>,
    /// The district whose own plan is under review, if it is a district's plan.
    pub own: Option<String>,
    pub sort: MatrixSort,
    pub on_sort: Callback<MatrixSort>,
}

#[component]
pub fn MatrixHead(props: &MatrixHeadProps) -> Html {
    let sort_button = |sort: MatrixSort, label: &'static str| {
        let on_sort = props.on_sort.clone();
        let active = props.sort == sort;
        html! {
            <button
                type="button"
                class={classes!("sort-button", active.then_some("active"))}
                onclick={move |_| on_sort.emit(sort)}
            >
                { label }
                <span class="sort-mark" aria-hidden="true">
                    { if active { match sort { MatrixSort::ByCount => " ▼", MatrixSort::ByName => " ▲" } } else { "" } }
                </span>
            </button>
        }
    };
    let names = props.columns.iter().map(|d| {
        let own = props.own.as_deref() == Some(d.id.as_str());
        html! {
            <th scope="col" class={classes!("district-col", own.then_some("own-district"))} key={d.id.clone()}>
                { &d.name }
                if own {
                    <span class="own-mark">{ "this plan" }</span>
                }
            </th>
        }
    });
    html! {
        <thead>
            <tr>
                <th scope="col" class="theme-col" aria-sort={(props.sort == MatrixSort::ByName).then_some("ascending")}>
                    { sort_button(MatrixSort::ByName, "Theme") }
                </th>
                // One keyed list of its own, so adding or removing a district moves
                // only its header.
                { names.collect::<Html>() }
                <th scope="col" class="count-col" aria-sort={(props.sort == MatrixSort::ByCount).then_some("descending")}>
                    { sort_button(MatrixSort::ByCount, "No. of districts") }
                </th>
            </tr>
        </thead>
    }
}
