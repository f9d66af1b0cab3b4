//! Files at the edge: reading a chosen file's text or bytes, offering text or bytes
//! as a download, and copying text to the clipboard. Nothing is uploaded: a download is a Blob URL
//! made in this page and clicked in this page.

use gloo_file::{Blob, ObjectUrl};
use gloo_timers::callback::Timeout;
use wasm_bindgen::{JsCast, JsValue};

fn failed(what: &str) -> impl Fn(JsValue) -> String + '_ {
    move |_| format!("The browser could not {what}.")
}

/// Offers `text` as a file called `file_name` (the browser's own download).
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    offer(file_name, Blob::new_with_options(text, Some(mime)))
}

/// The name the whole project is saved under, from Data and from a banner.
pub const PROJECT_FILE_NAME: &str = "horizon-project.json";

/// Offers the whole project (`text`, its saved form) as [`PROJECT_FILE_NAME`], and
/// says how that went, for the status line.
pub fn save_project(text: &str) -> String {
    match download(PROJECT_FILE_NAME, "application/json", text) {
        Ok(()) => format!("The project was saved to your downloads as {PROJECT_FILE_NAME}."),
        Err(e) => e,
    }
}

/// Offers `bytes` (a spreadsheet) as a file called `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    offer(file_name, Blob::new_with_options(bytes, Some(mime)))
}

fn offer(file_name: &str, blob: Blob) -> Result<(), String> {
    let window = web_sys::window().ok_or("There is no browser window.")?;
    let document = window.document().ok_or("There is no document.")?;
    let url = ObjectUrl::from(blob);
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed("start the download"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body().ok_or("There is no page body.")?;
    body.append_child(&link)
        .map_err(failed("start the download"))?;
    link.click();
    link.remove();
    // The browser has the file once the click is handled; dropping the last `ObjectUrl`
    // revokes it, a little later.
    Timeout::new(10_000, move || drop(url)).forget();
    Ok(())
}

/// The bytes of a file the user picked or dropped.
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    gloo_file::futures::read_as_bytes(&Blob::from(file))
        .await
        .map_err(|_| "The browser could not read the file.".to_string())
}

/// Copies `text` to the clipboard, where the browser allows it.
pub async fn copy(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("There is no browser window.")?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined())
        .ok_or("This browser does not let pages copy to the clipboard.")?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("This browser does not let pages copy to the clipboard.")?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or("The browser refused to copy.")?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "The browser refused to copy.".to_string())
}
