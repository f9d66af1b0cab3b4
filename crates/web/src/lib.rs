//! Horizon in the browser: a thin Yew layer over horizon-engine.
//!
//! * [`work`], [`history`], [`project`]: the user's document (horizon-project): the
//!   work and every change to it as data, undo and redo, snapshots, the project file.
//! * [`state`]: the page's state (project, session, review) and a pure reducer over it
//!   (tested on the host).
//! * [`storage`], [`files`], [`timing`]: the browser at the edge (localStorage, file
//!   reading and downloads, timers and the clock).
//! * [`report`]: what the Word report says it was made from (snapshot, baseline).
//! * [`forms`]: the drafts of the plan, theme, group and district forms (plain
//!   structs that parse text into an `Edit`; the model judges it), tested on the host.
//! * [`components`]: one Yew component per file; the app root wires effects
//!   (debounced evaluation, autosave, focus) to the reducer.
//!
//! All reasoning about priorities is horizon-engine's; this crate only shows it and
//! turns clicks and keystrokes into actions.

pub mod charts;
pub mod components;
mod dom;
pub mod embed;
pub mod event;
pub mod files;
pub mod formats;
pub mod matrix_window;
pub mod forms;
pub mod present;
pub mod report;
pub mod state;
pub mod storage;
pub mod startup;
pub mod timing;
pub mod words;
pub mod worker;

// The document (work, changes, undo history, snapshots, project file) is
// horizon-project's, shared with the command line.
pub use horizon_project::{file as project, history, shared, work};

/// The page's entry point: shows a plain message if the app ever stops, then
/// renders the app into `<body>` (www/index.html has no other mount point).
///
/// The same module starts in the evaluation's Web Worker ([`worker`]), where there
/// is no window: there it renders nothing, and a panic's message is handed to the
/// worker's bootstrap (`__horizonPanic`), which reports it with the trap that follows.
/// (`yew::Renderer::render` would replace a hook set with `std::panic::set_hook`,
/// hence yew's own.)
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    if web_sys::window().is_none() {
        std::panic::set_hook(Box::new(|info| {
            let global = js_sys::global();
            if let Ok(f) = js_sys::Reflect::get(&global, &"__horizonPanic".into()) {
                if let Some(f) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&f) {
                    let _ = f.call1(&global, &info.to_string().into());
                }
            }
        }));
        return;
    }
    yew::set_custom_panic_hook(Box::new(|info| {
        report_crash(&info.to_string());
    }));
    // In another page, each `<horizon-review>` starts its own app (embed.rs).
    if embed::hosted() {
        return;
    }
    yew::Renderer::<components::app::App>::new().render();
}

/// Puts a visible, plain-language alert at the top of the page. With `panic = "abort"`
/// the app cannot continue, but the user must not be left looking at a frozen page.
#[cfg(target_arch = "wasm32")]
fn report_crash(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(p) = document.create_element("p") else {
        return;
    };
    p.set_id("horizon-crash");
    let _ = p.set_attribute("role", "alert");
    p.set_text_content(Some(&format!(
        "Horizon stopped unexpectedly and must be reloaded. Your work up to the last change is saved in this browser. \
         (Details for support: {detail})"
    )));
    if embed::active() {
        embed::report_crash(&p);
    } else if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&p);
    }
}
