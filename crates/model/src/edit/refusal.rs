//! What an edit did, or why it was not made.

use crate::validate::{Problem, ProblemKind};

/// What an edit did, in words for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// One or two sentences: what changed, and what went with it.
    pub summary: String,
    /// The id of the item an [`Edit::Add`] made.
    pub id: Option<String>,
}

/// Why an edit was not made. Nothing changed. The first problem is the one to show
/// beside the field; `more` holds any others, for an error summary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct Refusal {
    /// A JSON path into the scenario as it would have been, e.g. `themes[25].name`.
    pub path: String,
    pub kind: ProblemKind,
    pub message: String,
    pub more: Vec<Problem>,
}

impl Refusal {
    pub(super) fn new(
        path: impl Into<String>,
        kind: ProblemKind,
        message: impl Into<String>,
    ) -> Refusal {
        let (path, message) = (path.into(), message.into());
        Refusal {
            path: crate::one_line(&path).into_owned(),
            kind,
            message: crate::one_line(&message).into_owned(),
            more: Vec::new(),
        }
    }

    pub(super) fn from_problems(mut problems: Vec<Problem>) -> Refusal {
        let first = problems.remove(0);
        Refusal {
            path: first.path,
            kind: first.kind,
            message: first.message,
            more: problems,
        }
    }

    /// Every problem, the first one first.
    pub fn problems(&self) -> Vec<Problem> {
        let mut all = vec![Problem {
            path: self.path.clone(),
            kind: self.kind,
            message: self.message.clone(),
        }];
        all.extend(self.more.iter().cloned());
        all
    }

    /// The first problem as a sentence, for a form ("The theme has no name.").
    pub fn sentence(&self) -> String {
        sentence(&self.message)
    }

    /// The last field of the path (`name`, `likelihood`), for a form to place the
    /// message beside its control.
    pub fn field(&self) -> &str {
        field_of(&self.path)
    }
}

/// A problem message as a sentence: capital first letter, full stop.
pub fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut out: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '?', '!']) {
        out.push('.');
    }
    out
}

/// The last field name of a JSON path: `horizon[3].themes[1]` → `themes`.
pub fn field_of(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}
