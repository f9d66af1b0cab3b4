//! Spreadsheets in and out: the priority matrix and every list of a scenario as
//! Excel (.xlsx, .xls), OpenDocument (.ods) and CSV files.
//!
//! Reading goes file → [`Workbook`] (sheets of cells, whatever the format; `read`)
//! → tables recognised and parsed (`matrix`, `lists`) → names matched to the
//! scenario's themes and districts (`matching`) → a [`preview::Preview`] the user
//! confirms → one [`horizon_model::Edit`] (a batch) that the model judges like any
//! other edit. Nothing changes until that edit is applied, and a file that cannot be
//! read yields every problem at once, each at its place (`Matrix!D7`).
//!
//! Writing goes scenario → [`Workbook`] ([`workbook::to_workbook`]: an explanation,
//! then one sheet per part, laid out by `layout`) → .xlsx or CSV bytes (`export`:
//! [`export::scenario_xlsx`], [`export::csv()`]). The model and the engine know nothing
//! of any of this.

pub mod export;
pub mod grid;
pub mod layout;
pub mod lists;
pub mod matching;
pub mod matrix;
pub mod preview;
pub mod read;
pub mod tables;
pub mod whole;
pub mod words;
pub mod workbook;

pub use export::ExportError;
pub use grid::{At, Cell, FileKind, Problem, Sheet, Workbook};
pub use layout::Part;
pub use preview::{preview, Choices, ListMode, NameKind, Preview, Resolution};
pub use read::{read, read_with, FileError, Limits};
