//! Timers and the clock, at the edge: a cancellable timeout for debouncing, the
//! page's high-resolution clock for "Last evaluated in N ms", and performance marks
//! the browser tests read.

/// A `setTimeout` that is cancelled when dropped, so a newer edit replaces a
/// pending evaluation instead of queueing behind it (gloo's, already in yew's tree).
pub use gloo_timers::callback::Timeout;

/// Milliseconds since the page started (`performance.now()`).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// A named `performance.mark`, for the browser tests' timings.
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}
