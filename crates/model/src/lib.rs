//! The domain model of a community safety priority review.
//!
//! This crate knows nothing of Rhai, the browser or the command line: it holds a
//! [`Scenario`], reads and writes it as JSON, and says what is wrong with it.
//! Everything that suggests changes lives in `horizon-engine`.

mod diff;
mod edit;
mod event;
mod examples;
mod ids;
mod migrate;
mod scenario;
pub mod size;
mod validate;

pub use diff::{diff, Difference, Section};
pub use edit::{capitalised, count, field_of, thousands, join_and, sentence, Applied, Collection, Edit, EventEdit, Item, Refusal};
pub use event::{rating_summary, Event, EventId, RatingSummary, Round, RoundId, RoundOption, Scale, ScreenChoice, Standing, Subject, Way};
pub use examples::{example, Example, EXAMPLES};
pub use ids::{slug, unique_id};
pub use scenario::*;
pub use validate::{name_key, validate, Problem, ProblemKind};

/// How long names and texts may be, in characters. A file and a form are held to
/// the same limits, by [`validate`].
pub mod limits {
    /// Names of themes, districts, groups, focus areas, categories, the plan.
    pub const NAME: usize = 100;
    /// Titles: the review, horizon items, legislation, partner priorities.
    pub const TITLE: usize = 200;
    /// Longer text: a horizon item's detail, a duty, a description, a provenance note.
    pub const TEXT: usize = 4000;
}

/// The JSON Schema of the scenario file format, pretty-printed.
#[cfg(feature = "schema")]
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Scenario);
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}

/// Why a scenario file could not be used. Nothing is half-loaded: a caller that
/// gets an error still has whatever it had before.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The text is not JSON of the scenario's shape (a syntax error, a wrong type,
    /// an unknown field). Line and column are 1-based, as editors show them.
    #[error("line {line}, column {column}: {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// The file or the scenario is past one of Horizon's size limits
    /// ([`size`]), found before any other work was done with it.
    #[error("{0}")]
    TooLarge(#[from] size::TooLarge),
    /// The JSON is well formed but the scenario contradicts itself.
    #[error("the scenario has {} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

impl Scenario {
    /// Parses and validates a scenario file.
    /// A file past the size limits ([`size`]) is refused before it is parsed (too
    /// many bytes) or before it is validated (too many districts, themes or items).
    pub fn from_json(text: &str) -> Result<Scenario, LoadError> {
        size::check_bytes(text.len())?;
        let scenario: Scenario = serde_json::from_str(text).map_err(|e| LoadError::Json {
            line: e.line(),
            column: e.column(),
            message: plain_json_message(&e),
        })?;
        size::check_counts(&scenario)?;
        let problems = validate(&scenario);
        if problems.is_empty() {
            Ok(scenario)
        } else {
            Err(LoadError::Invalid(problems))
        }
    }

    /// The scenario as pretty-printed JSON, the form users save and edit.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario always serialises")
    }
}

/// serde_json's message without its trailing " at line L column C" (we report those separately).
fn plain_json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
