//! Which columns of a wide matrix are drawn: the view and some either side, the cell in
//! the Tab order wherever it is, and every county-sized matrix whole.

use horizon_web::matrix_window::{drawn, runs, visible, DRAWN_WHOLE_UP_TO};

/// Columns 76 px wide, after 192 px of frozen theme names, like the page's.
fn extent(i: usize) -> (f64, f64) {
    let left = 192.0 + 76.0 * i as f64;
    (left, left + 76.0)
}

#[test]
fn a_county_matrix_is_drawn_whole_wherever_it_is_scrolled() {
    for n in [0, 1, 13, DRAWN_WHOLE_UP_TO] {
        assert_eq!(drawn(n, 0..1, 0..0), 0..n);
        assert_eq!(drawn(n, 5..9, 0..1), 0..n);
    }
}

#[test]
fn a_national_matrix_draws_the_columns_in_view_and_as_many_again_either_side() {
    // 350 districts, 14 in view from the 100th.
    let d = drawn(350, 100..114, 0..48);
    assert!(d.start <= 86 && d.end >= 128, "{d:?}");
    assert!(
        d.len() <= 14 * 3 + 16,
        "no more than the view three times over, in whole blocks: {d:?}"
    );
    // At either edge, nothing past the matrix.
    assert_eq!(drawn(350, 0..14, 100..150).start, 0);
    assert_eq!(drawn(350, 336..350, 0..48).end, 350);
    assert!(drawn(350, 336..350, 0..48).start < 336);
    // Columns just removed: a view and drawn columns past the end draw the last ones.
    let past = drawn(350, 400..420, 380..440);
    assert_eq!(past.end, 350);
    assert!(past.start < 350);
}

#[test]
fn scrolling_by_a_few_columns_draws_nothing_new() {
    let here = drawn(350, 100..114, 0..48);
    for by in 1..=6 {
        assert_eq!(
            drawn(350, 100 + by..114 + by, here.clone()),
            here,
            "scrolled right by {by}"
        );
        assert_eq!(
            drawn(350, 100 - by..114 - by, here.clone()),
            here,
            "scrolled left by {by}"
        );
    }
    // Scrolled across the whole width a column at a time, the drawn columns move about
    // once every half view's width, and always hold the view.
    let mut now = drawn(350, 0..14, 0..0);
    let mut moves = 0;
    for s in 1..=336 {
        let next = drawn(350, s..s + 14, now.clone());
        assert!(
            next.start <= s && s + 14 <= next.end,
            "the view {s}..{} is drawn: {next:?}",
            s + 14
        );
        moves += usize::from(next != now);
        now = next;
    }
    assert!(
        (336 / 14..=336 / 7 + 1).contains(&moves),
        "{moves} redraws across the width"
    );
}

#[test]
fn the_cell_in_the_tab_order_is_drawn_wherever_it_is() {
    assert_eq!(runs(40..80, None), vec![40..80]);
    assert_eq!(runs(40..80, Some(50)), vec![40..80]);
    assert_eq!(runs(40..80, Some(3)), vec![3..4, 40..80]);
    assert_eq!(runs(40..80, Some(300)), vec![40..80, 300..301]);
    // Next to the drawn columns, it extends them: no gap of no columns.
    assert_eq!(runs(40..80, Some(39)), vec![39..80]);
    assert_eq!(runs(40..80, Some(80)), vec![40..81]);
}

#[test]
fn the_columns_in_view_are_each_one_that_shows_at_least_partly() {
    // Scrolled 0: the view is 192..1280, the frozen names taken off.
    assert_eq!(visible(350, 192.0, 1280.0, extent), 0..15);
    // Scrolled to 1,000 px: columns from the one under the names' edge.
    let v = visible(350, 1192.0, 2280.0, extent);
    assert_eq!(v, 13..28);
    // A column ending exactly at the view's left edge is out of it.
    assert_eq!(visible(350, 192.0 + 76.0, 1280.0, extent).start, 1);
    // Past the last column, none.
    assert_eq!(visible(350, 1e6, 1e6 + 1000.0, extent), 350..350);
    assert_eq!(visible(0, 0.0, 1000.0, extent), 0..0);
}

#[test]
fn a_cell_is_found_again_from_its_id() {
    use horizon_web::components::matrix_row::{cell_at, cell_id};
    for (r, c) in [(0, 0), (7, 349), (1999, 1999)] {
        assert_eq!(cell_at(&cell_id(r, c)), Some((r, c)));
    }
    for other in [
        "",
        "cell-",
        "cell-3",
        "cell-x-2",
        "district-row-d1",
        "cell-1-2-3",
    ] {
        assert_eq!(cell_at(other), None, "{other}");
    }
}
