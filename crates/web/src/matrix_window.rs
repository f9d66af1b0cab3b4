//! Which columns of a wide matrix are drawn. A national matrix has 350 district
//! columns (Horizon takes up to 2,000), some 14 of which fit the screen. Only those in
//! the matrix's scroll box, and as many again on either side, are drawn as cells; the
//! rest of each row is one empty cell spanning the columns it stands for. So the table
//! keeps its full width and every column header, each drawn cell stays under its own
//! district's name, and a national matrix draws some 3,000 cells, not 21,000.
//!
//! Pure, so it is tested on the host: the matrix (`components::matrix_table`) measures
//! its scroll box and draws what this says.

use std::ops::Range;

/// A matrix with at most this many districts is drawn whole: every county's matrix,
/// so its table reads in full to a screen reader and prints whole.
pub const DRAWN_WHOLE_UP_TO: usize = 48;

/// Drawn columns start and end on multiples of this.
const BLOCK: usize = 8;

/// The columns taken to be in view before the scroll box is first measured.
pub const FIRST_VISIBLE: Range<usize> = 0..16;

/// The rows taken to be in view before the scroll box is first measured.
pub const FIRST_ROWS: usize = 30;

/// The columns drawn out of `n`, given those in view and those drawn now. The drawn
/// columns are kept while at least half a view's width of them is left on either side
/// of the view (or the matrix's edge is reached), so scrolling by a few columns draws
/// nothing new. Otherwise the view is drawn with as many columns again on either side
/// (so a quick scroll finds cells already there), rounded out to whole blocks. A matrix
/// of at most [`DRAWN_WHOLE_UP_TO`] columns is drawn whole.
pub fn drawn(n: usize, visible: Range<usize>, now: Range<usize>) -> Range<usize> {
    if n <= DRAWN_WHOLE_UP_TO {
        return 0..n;
    }
    let end = visible.end.min(n);
    let start = visible.start.min(end);
    let span = (end - start).max(1);
    let margin = span / 2;
    let room_before = now.start == 0 || now.start + margin <= start;
    let room_after = now.end == n || end + margin <= now.end;
    if now.start <= start && end <= now.end && now.end <= n && room_before && room_after {
        return now;
    }
    let from = start.saturating_sub(span) / BLOCK * BLOCK;
    let to = (end + span).div_ceil(BLOCK) * BLOCK;
    from..to.min(n)
}

/// The columns a row draws: the drawn columns, and the cell in the Tab order wherever
/// it is (a keyboard user's place is kept, and Tab always finds the matrix). In order,
/// never overlapping; what lies between them is left as gaps.
pub fn runs(drawn: Range<usize>, tab_stop: Option<usize>) -> Vec<Range<usize>> {
    let one = |run: Range<usize>| std::iter::once(run).collect();
    match tab_stop {
        Some(c) if c + 1 == drawn.start => one(c..drawn.end),
        Some(c) if c == drawn.end => one(drawn.start..c + 1),
        Some(c) if c < drawn.start => vec![c..c + 1, drawn],
        Some(c) if c > drawn.end => vec![drawn, c..c + 1],
        _ => one(drawn),
    }
}

/// The columns in view, out of `n`, when the view runs from `left` to `right` and
/// column `i` runs over `extent(i)` (its left and right edges, increasing with `i`):
/// each column that shows at least partly. Found by halving, so a matrix of 2,000
/// columns is measured in some 22 reads of the page's layout.
pub fn visible(
    n: usize,
    left: f64,
    right: f64,
    extent: impl Fn(usize) -> (f64, f64),
) -> Range<usize> {
    let first = partition(n, |i| extent(i).1 <= left);
    let end = partition(n, |i| extent(i).0 < right);
    first..end.max(first)
}

/// The first `i` in `0..n` for which `before(i)` is false (`before` true then false).
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}
