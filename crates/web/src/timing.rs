//! Timers and the clock, at the edge: a cancellable timeout for debouncing, the
//! page's high-resolution clock for "Last evaluated in N ms", and performance marks
//! the browser tests read.

/// A `setTimeout` that is cancelled when dropped, so a newer edit replaces a
/// pending evaluation instead of queueing behind it (gloo's, already in yew's tree).
pub use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;

/// Resolves once the page has painted what it showed before the call (the next frame,
/// then a task after it): before heavy work on the page's thread, so what says
/// "Reading the file…" is on screen while it runs. Resolves at once with no window.
pub async fn after_paint() {
    let Some(window) = web_sys::window() else { return };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let w = window.clone();
        let then = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        });
        let _ = window.request_animation_frame(then.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

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
