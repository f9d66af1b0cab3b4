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

/// The date and time now, as people in the UK write it ("23 Nov 2026, 20:52"), for
/// labelling what the user saves; `None` if the browser cannot say.
pub fn date_time_words() -> Option<String> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).ok()?;
    js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into()).ok()?;
    let words = js_sys::Date::new_0().to_locale_string("en-GB", &options);
    words.as_string().filter(|w| !w.is_empty())
}
