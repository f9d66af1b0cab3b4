//! A partnership's work as a document, shared by the page and the command line.
//!
//! * [`work`]: the scenario, the rule files and their settings ([`Work`]), and every
//!   change to them as data ([`Change`]): scenario changes are the model's `Edit`s,
//!   rule and setting changes are judged here.
//! * [`history`]: undo and redo as a base and the changes since, capped.
//! * [`file`]: snapshots, the [`Project`], and the project file (`docs/project-format.md`):
//!   reading one (or a bare scenario) reports every problem and changes nothing.
//! * [`shared`]: [`Shared`], the reference-counted handle the work's parts are kept in.
//!
//! Nothing here knows of the browser, files on disk or a terminal.

pub mod file;
pub mod history;
pub mod shared;
pub mod work;

pub use file::{open, open_bytes, Opened, Project, ProjectFile, Side, Snapshot, BASELINE, PROJECT_FORMAT};
pub use history::History;
pub use shared::Shared;
pub use work::{Change, Work};

/// The JSON Schema of the project file format, pretty-printed.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ProjectFile);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}
