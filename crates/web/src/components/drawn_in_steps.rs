//! Drawing a long list a part at a time: the national matrix's rows, its 350 districts
//! and their buttons. The first part is drawn with the view and each later part in a
//! task of its own, so the view's first frame comes at once and the page answers a
//! click between parts. A list no longer than one part is drawn whole at once.

use yew::prelude::*;

/// How many rows of an editing list (names, themes, each with its buttons) are drawn
/// in each task: some 5 ms of work apiece.
pub const LIST_STEP: usize = 25;

/// How many rows of an editing list below a heavy view's fold (the Matrix view's) to
/// draw with the view: all of a short list (a county's dozen districts), none of a
/// long one, whose parts come in the tasks after.
pub fn list_first(n: usize) -> usize {
    if n <= LIST_STEP {
        n
    } else {
        0
    }
}

/// How many of `n` items to draw now, `first` at first and `step` more in each task
/// after; and
/// whether some are still to come (for `aria-busy`). Drawn items are not drawn again
/// (the caller's rows are memoised or keyed), so each task costs one part. Once the
/// list has been drawn whole, up to `step` items added to it are drawn at once (an
/// added district is there to be focused); more are drawn in steps again.
#[hook]
pub fn use_drawn_in_steps(n: usize, first: usize, step: usize) -> (usize, bool) {
    let step = step.max(1);
    let target = use_state(|| first);
    // The list's length when it was last drawn whole.
    let whole_at = use_mut_ref(|| None::<usize>);
    let shown = match *whole_at.borrow() {
        Some(m) => n.min(m + step),
        None => n.min(*target),
    };
    *whole_at.borrow_mut() = (shown == n).then_some(n);
    {
        let target = target.clone();
        use_effect_with((shown, n, step), move |&(shown, n, step)| {
            let more = (shown < n)
                .then(|| gloo_timers::callback::Timeout::new(0, move || target.set(shown + step)));
            move || drop(more)
        });
    }
    (shown, shown < n)
}
