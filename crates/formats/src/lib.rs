//! The page's file formats module: spreadsheet and Word file bytes in and out.
//!
//! The readers and writers of .xlsx, .xls, .ods, CSV and .docx (calamine,
//! rust_xlsxwriter, zip, encoding_rs and the rest) were over a quarter of the page's
//! wasm, and nobody needs them to see the suggestions. So they are a wasm module of
//! their own, `horizon_formats_bg.wasm`, fetched once the app has started and compiled
//! the first time a file is read or written (boot.js, `__horizonFormatsLoader`). The
//! page calls it through `crates/web/src/formats.rs`; what crosses is JSON text and
//! bytes, in the shapes of horizon-io's [`Workbook`] and [`Sheet`] and horizon-docx's
//! [`ReportParts`]. The page lays the scenario out as a workbook itself (horizon-io's
//! `to_workbook`), so nothing here reads or checks a scenario.
//!
//! Everything here is the other crates' work: this crate only turns their values into
//! what crosses, and their errors into the sentences the page shows. The command line
//! calls those crates directly.

use horizon_docx::ReportParts;
use horizon_io::{Sheet, Workbook};

/// The file's cells as [`Workbook`] JSON, or why it cannot be read (horizon-io's
/// sentence, naming the file).
pub fn read_workbook(file: &str, bytes: &[u8]) -> Result<String, String> {
    let book = horizon_io::read(file, bytes).map_err(|e| e.to_string())?;
    serde_json::to_string(&book).map_err(|e| format!("{file} could not be passed to the page: {e}"))
}

/// [`read_workbook`]'s answer read back, as the page does (crates/web/src/formats.rs).
pub fn workbook_from_json(json: &str) -> Result<Workbook, String> {
    serde_json::from_str(json).map_err(|e| format!("the file's cells could not be read back: {e}"))
}

/// A workbook ([`Workbook`] JSON, the scenario laid out by `to_workbook`) as an Excel file.
pub fn workbook_xlsx(book: &str) -> Result<Vec<u8>, String> {
    let book: Workbook = serde_json::from_str(book).map_err(|e| format!("the workbook could not be read: {e}"))?;
    horizon_io::export::workbook_xlsx(&book).map_err(|e| e.to_string())
}

/// One sheet ([`Sheet`] JSON) as a CSV file.
pub fn sheet_csv(sheet: &str) -> Result<Vec<u8>, String> {
    let sheet: Sheet = serde_json::from_str(sheet).map_err(|e| format!("the table could not be read: {e}"))?;
    Ok(horizon_io::export::csv(&sheet))
}

/// The written report, packed as a .docx file.
pub fn docx(document: &str, title: &str, date: &str) -> Result<Vec<u8>, String> {
    let parts = ReportParts { document: document.into(), title: title.into(), date: date.into() };
    horizon_docx::pack(&parts).map_err(|e| e.to_string())
}

/// The module's exports, as boot.js and the page call them. An `Err` is thrown as
/// its sentence.
#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    #[wasm_bindgen]
    pub fn read_workbook(file: &str, bytes: &[u8]) -> Result<String, String> {
        super::read_workbook(file, bytes)
    }

    #[wasm_bindgen]
    pub fn workbook_xlsx(book: &str) -> Result<Vec<u8>, String> {
        super::workbook_xlsx(book)
    }

    #[wasm_bindgen]
    pub fn sheet_csv(sheet: &str) -> Result<Vec<u8>, String> {
        super::sheet_csv(sheet)
    }

    #[wasm_bindgen]
    pub fn docx(document: &str, title: &str, date: &str) -> Result<Vec<u8>, String> {
        super::docx(document, title, date)
    }
}
