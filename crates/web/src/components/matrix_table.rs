//! The matrix itself: districts × themes with the count column. Its own component so
//! that it re-renders only when the matrix or its order changes, not on every
//! evaluation.

use std::cell::RefCell;
use std::rc::Rc;

use horizon_model::Scenario;
use yew::prelude::*;

use crate::components::matrix_row::{cell_id, Column, MatrixRow};
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

/// About how many cells are drawn at each step (`MatrixTable`): some 50 ms of work.
const CELLS_PER_STEP: usize = 700;

fn focus_cell(row: usize, col: usize) {
    use wasm_bindgen::JsCast;
    if let Some(el) = crate::dom::by_id(&cell_id(row, col))
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
    // The rows' callbacks are made once and read the latest grid size and the parent's
    // callback from here, so a row's props stay equal while its cells do.
    let latest = use_mut_ref(|| (0usize, 0usize, Callback::<(String, String)>::noop()));
    *latest.borrow_mut() = (n_rows, n_cols, props.on_cycle.clone());
    let on_cycle = use_memo((), {
        let latest = latest.clone();
        move |_| Callback::from(move |cell: (String, String)| latest.borrow().2.emit(cell))
    });
    let on_focus = use_memo((), {
        let active = active.clone();
        move |_| Callback::from(move |at: (usize, usize)| active.set(at))
    });
    let on_key = use_memo((), {
        let active = active.clone();
        let latest: Rc<RefCell<(usize, usize, Callback<(String, String)>)>> = latest.clone();
        move |_| Callback::from(move |(e, r, c): (KeyboardEvent, usize, usize)| {
            let (n_rows, n_cols) = { let l = latest.borrow(); (l.0, l.1) };
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
    });
    // A national matrix (21,000 cells) is drawn a few rows at a time, so the view's
    // first frame comes at once and the page answers a click between steps. Rows are
    // memoised, so each step draws only its new rows; a small matrix is drawn whole.
    let step = (CELLS_PER_STEP / n_cols.max(1)).max(1);
    let drawn = use_state(|| step);
    {
        let drawn = drawn.clone();
        use_effect_with((*drawn, n_rows, step), move |&(k, n, step)| {
            let more = (k < n).then(|| gloo_timers::callback::Timeout::new(0, move || drawn.set((k + step).min(n))));
            move || drop(more)
        });
    }
    let drawing = *drawn < n_rows;
    let columns = use_memo(
        s.districts.iter().map(|d| (d.id.clone(), d.name.clone())).collect::<Vec<_>>(),
        |ds| Rc::new(ds.iter().map(|(id, name)| Column { id: id.clone(), name: name.clone() }).collect::<Vec<_>>()),
    );
    let counts = s.district_counts();
    // Each row's levels are read from its filled cells (a national row has some 150
    // of 350), not by looking every district up in it.
    let column_of: std::collections::HashMap<&str, usize> =
        s.districts.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
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
            <div class="table-scroll matrix-scroll" id="matrix-scroll">
            <table id="matrix" class="table matrix" aria-busy={drawing.then_some("true")} data-drawn={drawn.min(n_rows).to_string()}>
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
                    { for rows.iter().take(*drawn).enumerate().map(|(r, t)| {
                        let mut levels = vec![None; n_cols];
                        for (d, &level) in s.matrix.iter().filter(|m| m.theme == t.id).flat_map(|m| &m.cells) {
                            if let Some(&c) = column_of.get(d.as_str()) {
                                levels[c] = Some(level);
                            }
                        }
                        html! {
                            <MatrixRow
                                key={t.id.clone()}
                                row={r}
                                theme_id={t.id.clone()}
                                theme_name={t.name.clone()}
                                in_plan={covered(&t.id)}
                                columns={(*columns).clone()}
                                {levels}
                                count={counts.get(t.id.as_str()).copied().unwrap_or(0)}
                                tab_stop={(here.0 == r).then_some(here.1)}
                                on_cycle={(*on_cycle).clone()}
                                on_key={(*on_key).clone()}
                                on_focus={(*on_focus).clone()}
                            />
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
