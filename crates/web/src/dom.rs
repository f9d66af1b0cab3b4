//! Small DOM helpers at the edge: focus, the address bar.

use wasm_bindgen::JsCast;

/// Where the page's elements are: the document, or, when Horizon is embedded in
/// another page, each widget's shadow root, the one holding keyboard focus first
/// (each widget has the same ids, and a user's action comes from the focused one).
fn roots() -> Vec<web_sys::Node> {
    if crate::embed::active() {
        return crate::embed::roots();
    }
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| vec![d.into()])
        .unwrap_or_default()
}

/// The element with `id`, in the page or the focused widget.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    roots().into_iter().find_map(|root| {
        if let Some(d) = root.dyn_ref::<web_sys::Document>() {
            d.get_element_by_id(id)
        } else {
            root.dyn_ref::<web_sys::DocumentFragment>()?.get_element_by_id(id)
        }
    })
}

/// The first element matching `selector`, in the page or the focused widget.
pub fn query(selector: &str) -> Option<web_sys::Element> {
    roots().into_iter().find_map(|root| {
        if let Some(d) = root.dyn_ref::<web_sys::Document>() {
            d.query_selector(selector).ok().flatten()
        } else {
            root.dyn_ref::<web_sys::DocumentFragment>()?.query_selector(selector).ok().flatten()
        }
    })
}

/// Moves keyboard focus to the element with `id`; false if it is not on the page (yet).
pub fn focus_id(id: &str) -> bool {
    by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// Moves keyboard focus to the first element matching `selector`, if any.
pub fn focus_selector(selector: &str) {
    if let Some(el) = query(selector).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Focuses the first of `selectors` on the page once it has been drawn with the
/// change just made (a form closed, a row moved): after the reducer and Yew have
/// run, so focus lands on what replaced the control, never on the page body.
pub fn focus_soon(selectors: &[&str]) {
    let selectors: Vec<String> = selectors.iter().map(|s| s.to_string()).collect();
    gloo_timers::callback::Timeout::new(0, move || {
        let found = selectors
            .iter()
            .find_map(|s| query(s)?.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = found {
            let _ = el.focus();
        }
    })
    .forget();
}

/// The address bar's fragment, without its `#`. An embedded Horizon has none: the
/// address bar is the host page's.
pub fn fragment() -> String {
    if crate::embed::active() {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Puts `fragment` in the address bar as a new history entry (so Back returns),
/// unless it is there already.
pub fn push_fragment(fragment: &str) {
    if crate::embed::active() || self::fragment() == fragment {
        return;
    }
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let _ = h.push_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("#{fragment}")),
            );
        }
    }
}

/// Whether a key event comes from a place where typing is expected (a text field,
/// a select, an editable element), where Ctrl+Z belongs to the field.
pub fn in_text_field(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    let editable = el
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|h| h.is_content_editable());
    editable
        || tag == "textarea"
        || tag == "select"
        || (tag == "input"
            && !matches!(
                el.get_attribute("type").unwrap_or_default().as_str(),
                "checkbox" | "radio" | "button" | "submit"
            ))
}

/// The attribute marking a `<details>` opened for printing, to be closed after.
const OPENED_FOR_PRINT: &str = "data-opened-for-print";

/// Before printing, every closed `<details>` in the page's main part is opened (so
/// evidence and other reasons print in full); after printing, those are closed
/// again. The Export section is left alone (it is not printed). Returns the two
/// listeners; dropping them stops this.
pub fn open_details_for_print() -> Option<(gloo_events::EventListener, gloo_events::EventListener)>
{
    on_print(
        || {
            for_each("#main details:not([open])", |el| {
                if el.closest(".export").ok().flatten().is_none() {
                    let _ = el.set_attribute(OPENED_FOR_PRINT, "");
                    let _ = el.set_attribute("open", "");
                }
            })
        },
        || {
            for_each(&format!("details[{OPENED_FOR_PRINT}]"), |el| {
                let _ = el.remove_attribute("open");
                let _ = el.remove_attribute(OPENED_FOR_PRINT);
            })
        },
    )
}

/// Runs `before` as the page is about to print and `after` once it has. Returns the
/// two listeners; dropping them stops this. `None` with no window.
pub fn on_print(
    before: impl Fn() + 'static,
    after: impl Fn() + 'static,
) -> Option<(gloo_events::EventListener, gloo_events::EventListener)> {
    let window = web_sys::window()?;
    Some((
        gloo_events::EventListener::new(&window, "beforeprint", move |_| before()),
        gloo_events::EventListener::new(&window, "afterprint", move |_| after()),
    ))
}

fn for_each(selector: &str, f: impl Fn(&web_sys::Element)) {
    for root in roots() {
        let list = if let Some(d) = root.dyn_ref::<web_sys::Document>() {
            d.query_selector_all(selector).ok()
        } else {
            root.dyn_ref::<web_sys::DocumentFragment>()
                .and_then(|f| f.query_selector_all(selector).ok())
        };
        let Some(list) = list else { continue };
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                f(&el);
            }
        }
    }
}

/// Puts `el` on the whole screen (the browser's full screen), or, when something already
/// is, takes it off. A browser that refuses (no user gesture, or full screen not allowed
/// in this frame) leaves the page as it was and says nothing: it is a convenience.
pub fn toggle_full_screen(el: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
        return;
    }
    // Called through JavaScript for its promise, so a refusal is caught rather than
    // reported as an unhandled rejection.
    let request = js_sys::Reflect::get(el, &"requestFullscreen".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(promise) = request
        .and_then(|f| f.call0(el).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    {
        // Kept for the promise's life: one small closure per press of the button.
        let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
        let _ = promise.catch(&ignore);
        ignore.forget();
    }
}

/// Whether anything in the page is on the whole screen.
pub fn is_full_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.fullscreen_element().is_some())
}
