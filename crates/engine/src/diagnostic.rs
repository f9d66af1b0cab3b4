//! Diagnostics: every problem a rule can have, as a value with a place.
//!
//! A broken or hostile rule never fails an evaluation: its problems come back
//! here, and the other rules' suggestions still stand.

use rhai::{EvalAltResult, ParseErrorType, Position};
use serde::{Deserialize, Serialize};

/// What went wrong. Tests and the UI match on this; the message is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// The `//!` header is missing or malformed.
    Header,
    /// The code does not parse.
    Syntax,
    /// The code uses something the sandbox forbids (`eval`, `import`).
    Forbidden,
    /// An error while running: an unknown function, a wrong type, `throw`…
    Runtime,
    OperationsLimit,
    /// The rule ran past its time limit (`Limits::time_limit_ms`, or the pack's own).
    TimeLimit,
    CallDepthLimit,
    ExpressionDepthLimit,
    StringSizeLimit,
    ArraySizeLimit,
    MapSizeLimit,
    /// A list or map was nested inside itself deeper than the nesting limit.
    NestingLimit,
    VariablesLimit,
    FunctionsLimit,
    /// `suggest(...)` was called with something that is not a usable suggestion, or the
    /// rule's output went past one of the engine's bounds (`bounds.rs`: more
    /// suggestions, near misses or longer text than are kept; the message says what was cut).
    BadSuggestion,
    /// A suggestion cites evidence the scenario does not have, or more evidence items
    /// than are kept (the message says so).
    BadEvidence,
    /// A parameter setting was out of range or of the wrong type; the default was used.
    BadParameter,
    /// The rule language itself failed (a panic inside Rhai or the engine) while this
    /// rule ran; the rule is stopped and the other rules still run.
    Crashed,
    /// The page stopped the rule from outside the engine: the user pressed Stop, it
    /// was still running long past its time limit (one step the engine cannot
    /// interrupt), or the rule language stopped with an internal error. The message says
    /// which; the page switches the rule off so the other rules can run.
    Stopped,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The id of the rule it concerns.
    pub rule: String,
    pub kind: DiagnosticKind,
    /// 1-based line in the rule file, when known.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{} line {l}, column {c}: {}", self.rule, self.message),
            (Some(l), None) => write!(f, "{} line {l}: {}", self.rule, self.message),
            _ => write!(f, "{}: {}", self.rule, self.message),
        }
    }
}

impl Diagnostic {
    /// The page stopped `rule` (see [`DiagnosticKind::Stopped`]); `why` is a clause
    /// such as "you pressed Stop after 3.2 seconds".
    pub fn stopped(rule: &str, why: &str) -> Diagnostic {
        Diagnostic {
            rule: rule.to_string(),
            kind: DiagnosticKind::Stopped,
            line: None,
            column: None,
            message: one_line(format!("the rule was stopped before it finished: {why}")),
        }
    }

    pub(crate) fn new(
        rule: &str,
        kind: DiagnosticKind,
        pos: Position,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            rule: rule.to_string(),
            kind,
            line: pos.line(),
            column: pos.position(),
            message: one_line(message),
        }
    }

    /// Turns a Rhai error into a diagnostic in plain English, naming any sandbox limit hit.
    pub(crate) fn from_rhai(rule: &str, err: &EvalAltResult, limits: &crate::Limits) -> Diagnostic {
        // Errors inside a script function are wrapped; the innermost one has the useful place.
        let mut err = err;
        let mut outer_pos = err.position();
        while let EvalAltResult::ErrorInFunctionCall(_, _, inner, pos) = err {
            if !pos.is_none() {
                outer_pos = *pos;
            }
            err = inner;
        }
        let pos = if err.position().is_none() {
            outer_pos
        } else {
            err.position()
        };
        use DiagnosticKind as K;
        let operations = || {
            (
                K::OperationsLimit,
                format!(
                    "the rule was stopped after {} operations (the operations limit): look for a loop that never ends",
                    thousands(limits.max_operations)
                ),
            )
        };
        let (kind, message) = match err {
            EvalAltResult::ErrorParsing(p, _) => return Diagnostic::from_parse(rule, p, pos, limits),
            EvalAltResult::ErrorTooManyOperations(_) => operations(),
            EvalAltResult::ErrorTerminated(token, _) => match token.clone().into_immutable_string() {
                Ok(t) if t == crate::api::OPERATIONS_TOKEN => operations(),
                Ok(t) if t == crate::api::TIME_TOKEN => (
                    K::TimeLimit,
                    format!(
                        "the rule was stopped after {} ms (the time limit): look for a loop that never ends or work repeated over very large lists",
                        thousands(limits.time_limit_ms)
                    ),
                ),
                Ok(t) if t == crate::api::NESTING_TOKEN => (K::NestingLimit, too_deep(limits)),
                _ => (K::Runtime, "the rule was stopped".to_string()),
            },
            EvalAltResult::ErrorStackOverflow(_) => (
                K::CallDepthLimit,
                format!("functions called each other more than {} deep (the call depth limit): look for runaway recursion", thousands(limits.max_call_depth as u64)),
            ),
            EvalAltResult::ErrorTooManyVariables(_) => {
                (K::VariablesLimit, format!("the rule made more than {} variables (the variables limit)", thousands(limits.max_variables as u64)))
            }
            EvalAltResult::ErrorDataTooLarge(what, _) => {
                let w = what.to_lowercase();
                if w.contains("nesting") {
                    (K::NestingLimit, too_deep(limits))
                } else if w.contains("string") {
                    (K::StringSizeLimit, format!("text grew past {} characters (the text size limit)", thousands(limits.max_string_size as u64)))
                } else if w.contains("array") {
                    (K::ArraySizeLimit, format!("a list grew past {} items (the list size limit)", thousands(limits.max_array_size as u64)))
                } else {
                    (K::MapSizeLimit, format!("a map grew past {} entries (the map size limit)", thousands(limits.max_map_size as u64)))
                }
            }
            EvalAltResult::ErrorFunctionNotFound(sig, _) if sig.starts_with("eval") => {
                (K::Forbidden, "eval is not allowed in rules".to_string())
            }
            EvalAltResult::ErrorFunctionNotFound(sig, _) => {
                (K::Runtime, format!("there is no function {sig}: check its name and the types of its arguments"))
            }
            EvalAltResult::ErrorVariableNotFound(name, _) => (K::Runtime, format!("there is no variable called {name}")),
            EvalAltResult::ErrorRuntime(value, _) => (K::Runtime, format!("the rule stopped with: {value}")),
            other => (K::Runtime, plain(other)),
        };
        Diagnostic::new(rule, kind, pos, message)
    }

    pub(crate) fn from_parse(
        rule: &str,
        err: &ParseErrorType,
        pos: Position,
        limits: &crate::Limits,
    ) -> Diagnostic {
        use DiagnosticKind as K;
        let (kind, message) = match err {
            ParseErrorType::ExprTooDeep => (
                K::ExpressionDepthLimit,
                format!(
                    "an expression is nested more than {} deep (the expression depth limit)",
                    thousands(limits.max_expr_depth as u64)
                ),
            ),
            ParseErrorType::TooManyFunctions => (
                K::FunctionsLimit,
                format!(
                    "the rule defines more than {} functions (the functions limit)",
                    thousands(limits.max_functions as u64)
                ),
            ),
            ParseErrorType::ForbiddenVariable(_) | ParseErrorType::Reserved(_) => {
                (K::Forbidden, plain_parse(err))
            }
            ParseErrorType::LiteralTooLarge(what, _) if what.to_lowercase().contains("string") => (
                K::StringSizeLimit,
                format!(
                    "a piece of text is longer than {} characters (the text size limit)",
                    thousands(limits.max_string_size as u64)
                ),
            ),
            ParseErrorType::LiteralTooLarge(what, _) if what.to_lowercase().contains("array") => (
                K::ArraySizeLimit,
                format!(
                    "a list is longer than {} items (the list size limit)",
                    thousands(limits.max_array_size as u64)
                ),
            ),
            ParseErrorType::LiteralTooLarge(_, _) => (
                K::MapSizeLimit,
                format!(
                    "a map has more than {} entries (the map size limit)",
                    thousands(limits.max_map_size as u64)
                ),
            ),
            other => {
                let text = plain_parse(other);
                if text.contains("eval") || text.contains("import") {
                    (
                        K::Forbidden,
                        format!("{text} (eval and import are not allowed in rules)"),
                    )
                } else {
                    (K::Syntax, text)
                }
            }
        };
        Diagnostic::new(rule, kind, pos, message)
    }
}

/// A diagnostic's message on one line: user text in it (a thrown message, a
/// name) has its line breaks, control and direction characters written out.
pub(crate) fn one_line(message: impl Into<String>) -> String {
    let message = message.into();
    match horizon_model::one_line(&message) {
        std::borrow::Cow::Borrowed(_) => message,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

fn too_deep(limits: &crate::Limits) -> String {
    format!(
        "lists or maps were put inside one another more than {} deep (the nesting limit)",
        thousands(limits.max_nesting as u64)
    )
}

/// Rhai's own message without the " (line L, position P)" it appends; we give those separately.
fn plain(err: &EvalAltResult) -> String {
    strip_position(err.to_string())
}

fn plain_parse(err: &ParseErrorType) -> String {
    strip_position(err.to_string())
}

fn strip_position(text: String) -> String {
    match text.rfind(" (line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A count as people write it: 2000000 → "2,000,000" (the model's, one home).
pub(crate) use horizon_model::thousands;
