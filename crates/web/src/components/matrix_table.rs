//! The matrix itself: districts × themes with the count column. Its own component so
//! that it re-renders only when the matrix or its order changes, not on every
//! evaluation.

use horizon_model::{Level, Scenario};
use yew::prelude::*;

use crate::state::{MatrixSort, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct MatrixTableProps {
    pub scenario: Shared<Scenario>,
    /// Theme ids in display order (fixed when sorted, not on every edit).
    pub order: Shared<Vec<String>>,
    pub sort: MatrixSort,
    /// (district id, theme id) of the cell to move on one level.
    pub on_cycle: Callback<(String, String)>,
    pub on_sort: Callback<MatrixSort>,
}

/// The id of the cell button at (row, column) in display order.
fn cell_id(row: usize, col: usize) -> String {
    format!("cell-{row}-{col}")
}

fn focus_cell(row: usize, col: usize) {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(&cell_id(row, col)))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
pub fn MatrixTable(props: &MatrixTableProps) -> Html {
    let s = &*props.scenario;
    // Themes in the chosen order, then any the order does not know yet.
    let mut rows: Vec<&horizon_model::Theme> =
        props.order.iter().filter_map(|id| s.theme(id)).collect();
    for t in &s.themes {
        if !props.order.contains(&t.id) {
            rows.push(t);
        }
    }
    // One cell is in the Tab order (the last one used); the arrow keys move between
    // cells, so a keyboard user is not made to Tab through every cell of the grid.
    let active = use_state(|| (0usize, 0usize));
    let (n_rows, n_cols) = (rows.len(), s.districts.len());
    let here = (
        active.0.min(n_rows.saturating_sub(1)),
        active.1.min(n_cols.saturating_sub(1)),
    );
    let onkeydown = {
        let active = active.clone();
        Callback::from(move |(e, r, c): (KeyboardEvent, usize, usize)| {
            let to = match e.key().as_str() {
                "ArrowUp" => (r.saturating_sub(1), c),
                "ArrowDown" => ((r + 1).min(n_rows.saturating_sub(1)), c),
                "ArrowLeft" => (r, c.saturating_sub(1)),
                "ArrowRight" => (r, (c + 1).min(n_cols.saturating_sub(1))),
                "Home" if e.ctrl_key() => (0, 0),
                "End" if e.ctrl_key() => (n_rows.saturating_sub(1), n_cols.saturating_sub(1)),
                "Home" => (r, 0),
                "End" => (r, n_cols.saturating_sub(1)),
                _ => return,
            };
            e.prevent_default();
            active.set(to);
            focus_cell(to.0, to.1);
        })
    };
    let covered = |theme: &str| {
        s.plan()
            .focus_areas
            .iter()
            .any(|f| f.themes.iter().any(|t| t == theme))
    };

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
    html! {
            <div class="table-scroll">
            <table id="matrix" class="table matrix">
                <caption>
                    { format!("{} themes named by {}: the level at which each district names each theme, and how many districts name it", s.themes.len(), words::count(s.districts.len(), "district", "districts")) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="theme-col" aria-sort={(props.sort == MatrixSort::ByName).then_some("ascending")}>
                            { sort_button(MatrixSort::ByName, "Theme") }
                        </th>
                        { for s.districts.iter().map(|d| html! {
                            <th scope="col" class={classes!("district-col", (s.plan().district.as_deref() == Some(d.id.as_str())).then_some("own-district"))} key={d.id.clone()}>
                            <span>{ &d.name }</span>
                            if s.plan().district.as_deref() == Some(d.id.as_str()) {
                                <span class="own-mark">{ "this plan" }</span>
                            }
                        </th>
                        }) }
                        <th scope="col" class="count-col" aria-sort={(props.sort == MatrixSort::ByCount).then_some("descending")}>
                            { sort_button(MatrixSort::ByCount, "No. of districts") }
                        </th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().enumerate().map(|(r, t)| {
                        let count = s.district_count(&t.id);
                        html! {
                            <tr key={t.id.clone()} data-theme={t.id.clone()}>
                                <th scope="row" class="theme-name">
                                    { &t.name }
                                    if covered(&t.id) {
                                        <span class="in-plan">{ "in plan" }</span>
                                    }
                                </th>
                                { for s.districts.iter().enumerate().map(|(c, d)| {
                                    let level = s.level(&d.id, &t.id);
                                    let on_cycle = props.on_cycle.clone();
                                    let onkeydown = onkeydown.clone();
                                    let onfocus = { let active = active.clone(); move |_: FocusEvent| active.set((r, c)) };
                                    let (did, tid) = (d.id.clone(), t.id.clone());
                                    let label = format!("{} — {}: {}. Activate to change.", d.name, t.name, words::level_words(level));
                                    html! {
                                        <td key={d.id.clone()} class={classes!("cell", words::level_class(level))}>
                                            <button
                                                type="button"
                                                class="cell-button"
                                                data-district={d.id.clone()}
                                                data-theme={t.id.clone()}
                                                data-level={level.map_or("none", Level::as_str)}
                                                id={cell_id(r, c)}
                                                tabindex={if (r, c) == here { "0" } else { "-1" }}
                                                aria-label={label}
                                                onclick={move |_| on_cycle.emit((did.clone(), tid.clone()))}
                                                onkeydown={move |e: KeyboardEvent| onkeydown.emit((e, r, c))}
                                                {onfocus}
                                            >
                                                <span aria-hidden="true">{ words::level_symbol(level) }</span>
                                            </button>
                                        </td>
                                    }
                                }) }
                                <td class="count">{ count }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
