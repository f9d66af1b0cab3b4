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
mod lookup;
mod migrate;
mod scenario;
pub mod size;
pub mod sort;
mod text;
mod validate;
mod validate_plans;
mod validate_text;

pub use diff::{diff, Difference, Section};
pub use edit::{
    capitalised, count, field_of, join_and, sentence, Applied, Collection, Edit, EventEdit, Item,
    Refusal,
};
pub use event::{
    rating_summary, Event, EventId, RatingSummary, Round, RoundId, RoundOption, Scale,
    ScreenChoice, Standing, Subject, Way,
};
pub use examples::{example, Example, EXAMPLES};
pub use ids::{slug, unique_id};
pub use scenario::*;
pub use text::{
    for_terminal, hidden_words, is_bidi_control, is_hidden, json_for_terminal, nonempty_text,
    one_line, thousands, utf8_text, TextError, UTF8_BOM,
};
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
    /// The bytes are not text (not UTF-8), or there are none.
    #[error("{0}")]
    Text(#[from] TextError),
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
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        size::check_bytes(text.len())?;
        if text.trim().is_empty() {
            return Err(TextError::Empty.into());
        }
        // Read as the file's fields first, so that a problem with its shape as a
        // whole (which serde could give no line) is one at the field it is about.
        let file: migrate::ScenarioFile =
            serde_json::from_str(text).map_err(|e| LoadError::Json {
                line: e.line(),
                // serde_json says column 0 at the very start of a line (an end of file
                // just after a line break); people count from 1.
                column: e.column().max(1),
                message: json_message(&e),
            })?;
        let scenario = migrate::convert(file).map_err(|p| LoadError::Invalid(vec![p]))?;
        size::check_counts(&scenario)?;
        let problems = validate(&scenario);
        if problems.is_empty() {
            Ok(scenario)
        } else {
            Err(LoadError::Invalid(problems))
        }
    }

    /// Parses and validates a scenario file's bytes: a byte-order mark is dropped,
    /// and bytes that are not UTF-8 are an error at their byte and line.
    pub fn from_bytes(bytes: &[u8]) -> Result<Scenario, LoadError> {
        Scenario::from_json(utf8_text(bytes)?)
    }

    /// The scenario as pretty-printed JSON, the form users save and edit.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scenario always serialises")
    }
}

/// serde_json's message without its trailing " at line L column C" (its callers
/// report those separately, the column never 0), on one line: the one home of a JSON
/// error's words for scenario, project, edit and rule-test files.
pub fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => &text[..i],
        None => &text,
    };
    one_line(text).into_owned()
}
