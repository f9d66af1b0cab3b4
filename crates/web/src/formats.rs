//! Spreadsheet and Word files in and out, through the page's file formats module
//! (crates/formats: its readers and writers are a wasm module of their own, fetched
//! once the app has started, so nobody waits for them to see the suggestions).
//!
//! boot.js (and the widget's script) define `__horizonFormats()`: a promise of the
//! module, compiled and started the first time it is asked for. What crosses is JSON
//! text and bytes; a refusal comes back as the module's sentence, which names the
//! file. This is the page's one way to the module.

use horizon_docx::ReportParts;
use horizon_io::{Sheet, Workbook};
use horizon_model::Scenario;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = globalThis, js_name = "__horizonFormats")]
    fn module() -> Result<js_sys::Promise, JsValue>;
}

/// Why the module is not there, in words, from what the browser said.
fn unavailable(why: JsValue) -> String {
    let why = why
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| why.as_string())
        .unwrap_or_else(|| "it did not start".into());
    format!(
        "Horizon could not load the part of it that reads and writes spreadsheet and Word files ({}). Reload the page and try again.",
        horizon_model::one_line(&why)
    )
}

/// Calls the module's function `name` with `args`; its refusal is its own sentence.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let module = JsFuture::from(module().map_err(unavailable)?).await.map_err(unavailable)?;
    let f: js_sys::Function = js_sys::Reflect::get(&module, &name.into())
        .map_err(unavailable)?
        .dyn_into()
        .map_err(|_| unavailable(JsValue::from_str(&format!("it has no {name}"))))?;
    let args: js_sys::Array = args.iter().collect();
    f.apply(&JsValue::NULL, &args).map_err(|e| match e.as_string() {
        Some(sentence) => sentence,
        None => unavailable(e),
    })
}

fn bytes(value: JsValue) -> Vec<u8> {
    js_sys::Uint8Array::new(&value).to_vec()
}

/// The cells of a file the user chose (horizon-io's `read`).
pub async fn read_workbook(file: &str, data: &[u8]) -> Result<Workbook, String> {
    let json = call("read_workbook", &[file.into(), js_sys::Uint8Array::from(data).into()]).await?;
    let json = json.as_string().unwrap_or_default();
    serde_json::from_str(&json).map_err(|e| format!("{file}’s cells could not be read back: {e}"))
}

/// The whole scenario as an Excel workbook: laid out here, written by the module.
pub async fn scenario_xlsx(scenario: &Scenario) -> Result<Vec<u8>, String> {
    let book = horizon_io::workbook::to_workbook(scenario);
    let json = serde_json::to_string(&book).map_err(|e| format!("the workbook could not be written: {e}"))?;
    call("workbook_xlsx", &[json.into()]).await.map(bytes)
}

/// One table as a CSV file.
pub async fn csv(sheet: &Sheet) -> Result<Vec<u8>, String> {
    let json = serde_json::to_string(sheet).map_err(|e| format!("the table could not be written: {e}"))?;
    call("sheet_csv", &[json.into()]).await.map(bytes)
}

/// The written report packed as a Word file.
pub async fn docx(parts: &ReportParts) -> Result<Vec<u8>, String> {
    call(
        "docx",
        &[parts.document.as_str().into(), parts.title.as_str().into(), parts.date.as_str().into()],
    )
    .await
    .map(bytes)
}
