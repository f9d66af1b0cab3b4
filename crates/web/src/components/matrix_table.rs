//! The matrix itself: districts × themes with the count column. Its own component so
//! that it re-renders only when the matrix or its order changes, not on every
//! evaluation.

use std::ops::Range;
use std::rc::Rc;

use std::collections::{HashMap, HashSet};

use horizon_model::{Level, Scenario};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::drawn_in_steps::use_drawn_in_steps;
use crate::components::matrix_head::MatrixHead;
use crate::components::matrix_row::{cell_at, cell_id, Column, MatrixRow};
use crate::state::{MatrixSort, Shared};
use crate::{matrix_window, words};

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

/// At most about how many cells are drawn at each step (`MatrixTable`).
const CELLS_PER_STEP: usize = 300;

/// What each row shows, worked out once for each version of the scenario (not again
/// at each step of drawing, nor when the drawn columns move).
struct RowFacts {
    /// Each theme's level in each column, in column order, read from its filled cells
    /// (a national row has some 150 of 350), not by looking every district up in it.
    levels: HashMap<String, Rc<[Option<Level>]>>,
    /// How many districts name each theme.
    counts: HashMap<String, usize>,
    /// The themes a focus area of the plan under review covers.
    covered: HashSet<String>,
}

impl RowFacts {
    fn of(s: &Scenario) -> Self {
        let column_of: HashMap<&str, usize> =
            s.districts.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
        let levels = s
            .matrix
            .iter()
            .map(|m| {
                let mut row = vec![None; s.districts.len()];
                for (d, &level) in &m.cells {
                    if let Some(&c) = column_of.get(d.as_str()) {
                        row[c] = Some(level);
                    }
                }
                (m.theme.clone(), row.into())
            })
            .collect();
        let counts = s.district_counts().into_iter().map(|(t, n)| (t.to_string(), n)).collect();
        let covered = s.plan().focus_areas.iter().flat_map(|f| f.themes.iter().cloned()).collect();
        RowFacts { levels, counts, covered }
    }
}

/// Focuses the cell at (row, column); false if it is not drawn (yet).
fn focus_cell(row: usize, col: usize) -> bool {
    crate::dom::focus_id(&cell_id(row, col))
}

/// The cell button an event on the matrix's body came from, and its (row, column).
fn cell_of(e: &Event) -> Option<(web_sys::Element, usize, usize)> {
    let target = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    let cell = target.closest("button.cell-button").ok()??;
    let (r, c) = cell_at(&cell.id())?;
    Some((cell, r, c))
}

/// The rows in view in the matrix's scroll box, and a few either side (a row's place
/// is measured from the table's top, which the caption is above).
fn visible_rows(scroll: &web_sys::Element) -> Option<Range<usize>> {
    let rows = scroll.query_selector_all("tbody tr").ok()?;
    let top = f64::from(scroll.scroll_top());
    let bottom = top + f64::from(scroll.client_height());
    let view = matrix_window::visible(rows.length() as usize, top, bottom, |i| {
        extent(&rows, i, |r| (r.offset_top(), r.offset_height()))
    });
    Some(view.start.saturating_sub(ROWS_AROUND)..view.end + ROWS_AROUND)
}

/// Rows above and below the view that count as in it.
const ROWS_AROUND: usize = 1;

/// The district columns in view in the matrix's scroll box, measured from their
/// headers (every header is drawn), the frozen theme names taken off the left.
fn visible_columns(scroll: &web_sys::Element, n: usize) -> Option<Range<usize>> {
    let heads = scroll.query_selector_all("thead th.district-col").ok()?;
    let names = scroll.query_selector("thead th.theme-col").ok()??.dyn_into::<web_sys::HtmlElement>().ok()?;
    let left = f64::from(scroll.scroll_left() + names.offset_width());
    let right = f64::from(scroll.scroll_left() + scroll.client_width());
    let n = n.min(heads.length() as usize);
    Some(matrix_window::visible(n, left, right, |i| {
        extent(&heads, i, |h| (h.offset_left(), h.offset_width()))
    }))
}

/// Where element `i` of `list` starts and ends along one axis, from `place` (its
/// offset and size on that axis).
fn extent(list: &web_sys::NodeList, i: usize, place: fn(&web_sys::HtmlElement) -> (i32, i32)) -> (f64, f64) {
    list.item(i as u32)
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .map_or((0.0, 0.0), |el| {
            let (at, size) = place(&el);
            (f64::from(at), f64::from(at + size))
        })
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
    let active = use_state_eq(|| (0usize, 0usize));
    let (n_rows, n_cols) = (rows.len(), s.districts.len());
    let here = (
        active.0.min(n_rows.saturating_sub(1)),
        active.1.min(n_cols.saturating_sub(1)),
    );
    // The grid's width, for the callback made once below that measures the view.
    let latest = use_mut_ref(|| 0usize);
    *latest.borrow_mut() = n_cols;
    // A cell moved to by keyboard that is not drawn yet (past the drawn columns) is
    // focused once it is, so focus never drops to the page.
    let focus_wanted = use_mut_ref(|| None::<(usize, usize)>);
    {
        let focus_wanted = focus_wanted.clone();
        use_effect(move || {
            if let Some((r, c)) = focus_wanted.borrow_mut().take() {
                focus_cell(r, c);
            }
        });
    }
    // The cells' clicks, keys and focus are heard once, on the table's body, not by a
    // listener on each of some 2,000 cells.
    let on_click = {
        let on_cycle = props.on_cycle.clone();
        Callback::from(move |e: MouseEvent| {
            let Some((cell, _, _)) = cell_of(&e) else { return };
            if let (Some(d), Some(t)) = (cell.get_attribute("data-district"), cell.get_attribute("data-theme")) {
                on_cycle.emit((d, t));
            }
        })
    };
    let on_focus = {
        let active = active.clone();
        Callback::from(move |e: FocusEvent| {
            if let Some((_, r, c)) = cell_of(&e) {
                active.set((r, c));
            }
        })
    };
    let on_key = {
        let (active, focus_wanted) = (active.clone(), focus_wanted.clone());
        Callback::from(move |e: KeyboardEvent| {
            let Some((_, r, c)) = cell_of(&e) else { return };
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
            if !focus_cell(to.0, to.1) {
                *focus_wanted.borrow_mut() = Some(to);
            }
        })
    };
    // A wide matrix draws the columns in view and some either side (`matrix_window`),
    // measured again as its box scrolls or the window changes size.
    let scroll = use_node_ref();
    let window = use_state_eq(|| matrix_window::drawn(n_cols, matrix_window::FIRST_VISIBLE, 0..0));
    // What is drawn now, for the callback made once below (a state handle it kept
    // would keep the first render's value).
    let window_now = use_mut_ref(|| 0..0);
    *window_now.borrow_mut() = (*window).clone();
    // The rows in view (and a few either side) take new columns at once; the others
    // each in a task of their own just after (`MatrixRow`), so a scroll across does
    // not redraw 60 rows' cells before its next frame.
    let rows_in_view = use_state_eq(|| 0..matrix_window::FIRST_ROWS);
    let measure = use_memo((), {
        let (scroll, window, latest, window_now) = (scroll.clone(), window.clone(), latest.clone(), window_now.clone());
        let rows_in_view = rows_in_view.clone();
        move |_| {
            Callback::from(move |_: ()| {
                let n = *latest.borrow();
                if n <= matrix_window::DRAWN_WHOLE_UP_TO {
                    return window.set(0..n);
                }
                let Some(el) = scroll.cast::<web_sys::Element>() else { return };
                if let Some(view) = visible_rows(&el) {
                    rows_in_view.set(view);
                }
                if let Some(view) = visible_columns(&el, n) {
                    let now = window_now.borrow().clone();
                    window.set(matrix_window::drawn(n, view, now));
                }
            })
        }
    });
    {
        let measure = (*measure).clone();
        use_effect_with(n_cols, move |_| {
            measure.emit(());
            let resized = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "resize", move |_| measure.emit(()))
            });
            move || drop(resized)
        });
    }
    // Measured in a task after the scroll's own, so the scrolled frame is painted
    // first (the columns either side are drawn already) and the redraw waits for it;
    // scroll events before it are one measurement.
    let pending = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    let on_scroll = {
        let measure = (*measure).clone();
        Callback::from(move |_: Event| {
            let measure = measure.clone();
            *pending.borrow_mut() = Some(gloo_timers::callback::Timeout::new(0, move || measure.emit(())));
        })
    };
    // Printed whole: while the page prints, every column and row is drawn.
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let before = printing.clone();
            let listeners = crate::dom::on_print(move || before.set(true), move || printing.set(false));
            move || drop(listeners)
        });
    }
    let drawn_columns = if *printing { 0..n_cols } else { window.start.min(n_cols)..window.end.min(n_cols) };
    // A tall matrix is drawn a few rows at a time, so the view's first frame comes at
    // once and the page answers a click between steps. Rows are memoised, so each
    // step draws only its new rows; a small matrix is drawn whole.
    let step = CELLS_PER_STEP / drawn_columns.len().max(1);
    let (drawn, drawing) = use_drawn_in_steps(n_rows, step, step);
    let columns = use_memo(
        s.districts.iter().map(|d| (d.id.clone(), d.name.clone())).collect::<Vec<_>>(),
        |ds| Rc::new(ds.iter().map(|(id, name)| Column { id: id.clone(), name: name.clone() }).collect::<Vec<_>>()),
    );
    let facts = use_memo(props.scenario.clone(), |s| RowFacts::of(s));
    let own = s.plan().district.clone();
    html! {
            <div class="table-scroll matrix-scroll" id="matrix-scroll" ref={scroll} onscroll={on_scroll}>
            <table id="matrix" class="table matrix" aria-busy={drawing.then_some("true")} data-drawn={drawn.to_string()}>
                <caption>
                    { format!("{} themes named by {}: the level at which each district names each theme, and how many districts name it", s.themes.len(), words::count(s.districts.len(), "district", "districts")) }
                </caption>
                <MatrixHead columns={(*columns).clone()} {own} sort={props.sort} on_sort={props.on_sort.clone()} />
                <tbody onclick={on_click} onkeydown={on_key} onfocusin={on_focus}>
                    { for rows.iter().take(if *printing { n_rows } else { drawn }).enumerate().map(|(r, t)| {
                        html! {
                            <MatrixRow
                                key={t.id.clone()}
                                row={r}
                                theme_id={t.id.clone()}
                                theme_name={t.name.clone()}
                                in_plan={facts.covered.contains(t.id.as_str())}
                                columns={(*columns).clone()}
                                levels={facts.levels.get(t.id.as_str()).cloned().unwrap_or_else(|| vec![None; n_cols].into())}
                                count={facts.counts.get(t.id.as_str()).copied().unwrap_or(0)}
                                tab_stop={(here.0 == r).then_some(here.1)}
                                drawn={drawn_columns.clone()}
                                in_view={*printing || rows_in_view.contains(&r)}
                            />
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
