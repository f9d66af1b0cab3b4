//! Timers and the clock, at the edge: a cancellable timeout for debouncing, the
//! page's high-resolution clock for "Last evaluated in N ms", and performance marks
//! the browser tests read.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A `setTimeout` that is cancelled when dropped, so a newer edit replaces a
/// pending evaluation instead of queueing behind it.
pub struct Timeout {
    id: Option<i32>,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    pub fn new(ms: u32, f: impl FnOnce() + 'static) -> Timeout {
        let mut f = Some(f);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let id = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms as i32,
            )
            .ok()
        });
        Timeout {
            id,
            _callback: callback,
        }
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let (Some(id), Some(w)) = (self.id, web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
    }
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
