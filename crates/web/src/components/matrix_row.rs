//! One theme's row of the matrix. Its own component with props compared by value, so
//! a cell edit re-renders the one row it changed, not every cell of the grid (at 350
//! districts × 60 themes, 21,000 buttons). A wide matrix's row draws only the columns
//! in view (`matrix_window`).

use std::ops::Range;
use std::rc::Rc;

use horizon_model::Level;
use yew::prelude::*;

use crate::{matrix_window, words};

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
    pub levels: Rc<[Option<Level>]>,
    pub count: usize,
    /// The column of this row's cell in the Tab order, if it is in this row.
    pub tab_stop: Option<usize>,
    /// The columns drawn as cells (`matrix_window`); the others are left as gaps.
    pub drawn: Range<usize>,
    /// Whether the row is in (or near) the scroll box's view: such a row takes new
    /// drawn columns at once, any other in a task of its own just after.
    pub in_view: bool,
}

/// The id of the cell button at (row, column) in display order.
pub fn cell_id(row: usize, col: usize) -> String {
    format!("cell-{row}-{col}")
}

/// The (row, column) of a cell button's id ([`cell_id`]).
pub fn cell_at(id: &str) -> Option<(usize, usize)> {
    let (row, col) = id.strip_prefix("cell-")?.split_once('-')?;
    Some((row.parse().ok()?, col.parse().ok()?))
}

#[component]
pub fn MatrixRow(props: &MatrixRowProps) -> Html {
    // The columns this row draws: the matrix's, or, for a row out of view, the ones it
    // drew before until its own task takes the new ones.
    let drawn = use_mut_ref(|| props.drawn.clone());
    if props.in_view {
        *drawn.borrow_mut() = props.drawn.clone();
    }
    let now = drawn.borrow().clone();
    let redraw = use_force_update();
    use_effect_with((props.drawn.clone(), now.clone()), move |(wanted, now)| {
        let later = (wanted != now).then(|| {
            let wanted = wanted.clone();
            gloo_timers::callback::Timeout::new(0, move || {
                *drawn.borrow_mut() = wanted;
                redraw.force_update();
            })
        });
        move || drop(later)
    });
    html! {
        <tr data-theme={props.theme_id.clone()}>
            <th scope="row" class="theme-name">
                { &props.theme_name }
                if props.in_plan {
                    <span class="in-plan">{ "in plan" }</span>
                }
            </th>
            // One keyed list of its own (not spread among the row's other cells), so a
            // cell keeps its element, and a keyboard user's focus, as columns come and go.
            { gaps_and_cells(props, now).into_iter().collect::<Html>() }
            <td class="count">{ props.count }</td>
        </tr>
    }
}

/// The row's cells for its drawn columns, each run of columns not drawn standing as one
/// empty cell that spans them, so every drawn cell stays under its district's name.
fn gaps_and_cells(props: &MatrixRowProps, drawn: Range<usize>) -> Vec<Html> {
    let n = props.columns.len().min(props.levels.len());
    let mut out = Vec::new();
    let mut at = 0;
    for run in matrix_window::runs(drawn, props.tab_stop) {
        let run = run.start.min(n)..run.end.min(n);
        if run.start > at {
            out.push(gap(at, run.start));
        }
        out.extend(run.clone().map(|c| cell(props, c)));
        at = at.max(run.end);
    }
    if n > at {
        out.push(gap(at, n));
    }
    out
}

/// Columns `from..to`, not drawn.
fn gap(from: usize, to: usize) -> Html {
    html! { <td key={format!("gap-{from}")} class="matrix-gap" colspan={(to - from).to_string()}></td> }
}

/// The cell at column `c`: a button that moves it on one level. Its clicks, keys and
/// focus are heard once for the whole matrix (`MatrixTable`), from its id and data.
fn cell(props: &MatrixRowProps, c: usize) -> Html {
    let (r, d, level) = (props.row, &props.columns[c], props.levels[c]);
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
            >
                // The symbol is seen; the label (the district, the theme and the
                // level in words) is what is read out, in its place.
                { words::level_symbol(level) }
            </button>
        </td>
    }
}
