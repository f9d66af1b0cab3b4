//! A rule: one `.rhai` file whose leading `//!` lines say what it is and which
//! parameters a user may change without touching its code.
//!
//! ```text
//! //! id: retain-supported-focus-areas
//! //! title: Retain focus areas the districts still name
//! //! description: A focus area stays when enough districts name its themes.
//! //! param: min_support | number | 0.5 | 0..1 | Weighted share of districts that must name it
//! ```
//!
//! A `param:` line has five fields separated by `|`: name, type (`integer`,
//! `number`, `boolean` or `text`), default, an optional `min..max` range, and the
//! label a user sees.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, DiagnosticKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamType {
    Integer,
    Number,
    Boolean,
    Text,
}

impl ParamType {
    fn parse(s: &str) -> Option<ParamType> {
        Some(match s {
            "integer" => ParamType::Integer,
            "number" => ParamType::Number,
            "boolean" => ParamType::Boolean,
            "text" => ParamType::Text,
            _ => return None,
        })
    }
}

/// A parameter's value. Untagged so that settings files read naturally: `{"min_support": 0.6}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ParamValue {
    Boolean(bool),
    Integer(i64),
    Number(f64),
    Text(String),
}

impl std::fmt::Display for ParamValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParamValue::Boolean(b) => write!(f, "{b}"),
            ParamValue::Integer(i) => write!(f, "{i}"),
            ParamValue::Number(n) => write!(f, "{n}"),
            ParamValue::Text(t) => write!(f, "{t}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamSpec {
    pub name: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: ParamType,
    pub default: ParamValue,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

impl ParamSpec {
    /// Reads `text` as a value of this parameter's type and range, or says why not.
    pub fn parse_value(&self, text: &str) -> Result<ParamValue, String> {
        let text = text.trim();
        let value = match self.kind {
            ParamType::Integer => text
                .parse::<i64>()
                .map(ParamValue::Integer)
                .map_err(|_| format!("\"{text}\" is not a whole number"))?,
            ParamType::Number => text
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(ParamValue::Number)
                .ok_or_else(|| format!("\"{text}\" is not a number"))?,
            ParamType::Boolean => match text {
                "true" | "yes" | "on" => ParamValue::Boolean(true),
                "false" | "no" | "off" => ParamValue::Boolean(false),
                _ => return Err(format!("\"{text}\" is not true or false")),
            },
            ParamType::Text => ParamValue::Text(text.to_string()),
        };
        self.check(&value)?;
        Ok(value)
    }

    /// Whether `value` has this parameter's type and lies in its range.
    pub fn check(&self, value: &ParamValue) -> Result<(), String> {
        let n = match (self.kind, value) {
            (ParamType::Integer, ParamValue::Integer(i)) => *i as f64,
            (ParamType::Number, ParamValue::Number(n)) => *n,
            (ParamType::Number, ParamValue::Integer(i)) => *i as f64,
            (ParamType::Boolean, ParamValue::Boolean(_))
            | (ParamType::Text, ParamValue::Text(_)) => return Ok(()),
            _ => return Err(format!("{} must be {}", self.name, type_words(self.kind))),
        };
        // A saved setting is not parsed from text: NaN and infinities can arrive here.
        if !n.is_finite() {
            return Err(format!("{} must be a finite number, not {n}", self.name));
        }
        if let Some(min) = self.min {
            if n < min {
                return Err(format!("{} must be at least {min}, not {n}", self.name));
            }
        }
        if let Some(max) = self.max {
            if n > max {
                return Err(format!("{} must be at most {max}, not {n}", self.name));
            }
        }
        Ok(())
    }
}

fn type_words(t: ParamType) -> &'static str {
    match t {
        ParamType::Integer => "a whole number",
        ParamType::Number => "a number",
        ParamType::Boolean => "true or false",
        ParamType::Text => "text",
    }
}

/// A rule as written: its header read, its code kept as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub id: String,
    pub title: String,
    pub description: String,
    pub params: Vec<ParamSpec>,
    /// The whole file, header included: line numbers in diagnostics are the file's.
    pub source: String,
    /// [`version_of`] the source, worked out on first use: every evaluation names it
    /// in the trace and in each suggestion, and hashing the file each time was a
    /// tenth of a Kent evaluation in the page.
    #[serde(skip)]
    version: VersionCache,
}

/// A rule's content hash once worked out. Equal whatever it holds: it follows from
/// the source, which the rule compares.
#[derive(Debug, Clone, Default)]
struct VersionCache(std::sync::OnceLock<String>);

impl PartialEq for VersionCache {
    fn eq(&self, _: &VersionCache) -> bool {
        true
    }
}

impl Rule {
    /// Reads a rule file. Problems in the header are diagnostics with a line, so a
    /// user editing it sees exactly which line to fix.
    pub fn parse(source: &str) -> Result<Rule, Diagnostic> {
        // A byte-order mark, as some editors write, is not part of the header.
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let mut fields: BTreeMap<&str, String> = BTreeMap::new();
        let mut params: Vec<ParamSpec> = Vec::new();
        let err = |line: usize, message: String| Diagnostic {
            rule: fields_id(source),
            kind: DiagnosticKind::Header,
            line: Some(line),
            column: Some(1),
            message: crate::diagnostic::one_line(message),
        };
        for (i, raw) in source.lines().enumerate() {
            let line = i + 1;
            let Some(rest) = raw.trim_start().strip_prefix("//!") else {
                if raw.trim().is_empty() {
                    continue;
                }
                break;
            };
            let rest = rest.trim();
            if rest.is_empty() {
                continue;
            }
            let Some((key, value)) = rest.split_once(':') else {
                return Err(err(
                    line,
                    format!("a header line needs \"key: value\", found \"{rest}\""),
                ));
            };
            let (key, value) = (key.trim(), value.trim());
            match key {
                "id" | "title" => {
                    // A title is shown beside the rule everywhere: no hidden
                    // character may reverse or hide part of it.
                    if let Some(c) = value.chars().find(|c| horizon_model::is_hidden(*c)) {
                        return Err(err(
                            line,
                            format!(
                                "the {key} \"{value}\" contains {}; remove it",
                                horizon_model::hidden_words(c)
                            ),
                        ));
                    }
                    if fields.insert(key, value.to_string()).is_some() {
                        return Err(err(line, format!("\"{key}\" is given twice")));
                    }
                }
                "description" => {
                    let d = fields.entry("description").or_default();
                    if !d.is_empty() {
                        d.push(' ');
                    }
                    d.push_str(value);
                }
                "param" => {
                    let p = parse_param(value).map_err(|m| err(line, m))?;
                    if params.iter().any(|q| q.name == p.name) {
                        return Err(err(
                            line,
                            format!("parameter \"{}\" is declared twice", p.name),
                        ));
                    }
                    params.push(p);
                }
                other => {
                    return Err(err(
                        line,
                        format!(
                        "unknown header key \"{other}\" (expected id, title, description or param)"
                    ),
                    ))
                }
            }
        }
        let id = fields.remove("id").unwrap_or_default();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        {
            return Err(err(
                1,
                "the header needs \"//! id: some-rule-id\" (lower-case letters, digits and dashes)"
                    .to_string(),
            ));
        }
        let title = fields.remove("title").unwrap_or_default();
        if title.is_empty() {
            return Err(err(1, "the header needs \"//! title: ...\"".to_string()));
        }
        Ok(Rule {
            id,
            title,
            description: fields.remove("description").unwrap_or_default(),
            params,
            source: source.to_string(),
            version: VersionCache::default(),
        })
    }

    /// A short content hash: which version of a rule made a suggestion.
    pub fn version(&self) -> String {
        self.version.0.get_or_init(|| version_of(&self.source)).clone()
    }

    pub fn param(&self, name: &str) -> Option<&ParamSpec> {
        self.params.iter().find(|p| p.name == name)
    }
}

/// The id from a header even when the rest of it is broken, so errors still say whose they are.
fn fields_id(source: &str) -> String {
    source
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("//!"))
        .filter_map(|l| l.trim().strip_prefix("id:"))
        .map(|v| v.trim().to_string())
        .next()
        .unwrap_or_default()
}

fn parse_param(value: &str) -> Result<ParamSpec, String> {
    let parts: Vec<&str> = value.split('|').map(str::trim).collect();
    let [name, kind, default, range, label] = parts[..] else {
        return Err(format!(
            "a param line needs five fields, name | type | default | min..max | label, found {}",
            parts.len()
        ));
    };
    if name.is_empty()
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        || name.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(format!(
            "\"{name}\" is not a parameter name (letters, digits and _)"
        ));
    }
    let kind = ParamType::parse(kind).ok_or_else(|| {
        format!("parameter {name}: type \"{kind}\" is not one of integer, number, boolean, text")
    })?;
    let (min, max) = if range.is_empty() {
        (None, None)
    } else {
        let (a, b) = range
            .split_once("..")
            .ok_or_else(|| format!("parameter {name}: range \"{range}\" should look like 0..1"))?;
        let num = |s: &str| -> Result<Option<f64>, String> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                match s.trim().parse::<f64>() {
                    Ok(x) if x.is_finite() => Ok(Some(x)),
                    Ok(_) => Err(format!(
                        "parameter {name}: \"{}\" in the range is not a finite number; leave that end blank for no limit",
                        s.trim()
                    )),
                    Err(_) => Err(format!("parameter {name}: \"{s}\" in the range is not a number")),
                }
            }
        };
        let (min, max) = (num(a)?, num(b)?);
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo > hi {
                return Err(format!(
                    "parameter {name}: the range {range} runs backwards; write the smaller number first"
                ));
            }
        }
        (min, max)
    };
    let mut spec = ParamSpec {
        name: name.to_string(),
        label: if label.is_empty() {
            name.to_string()
        } else {
            label.to_string()
        },
        kind,
        default: ParamValue::Boolean(false),
        min,
        max,
    };
    spec.default = spec
        .parse_value(default)
        .map_err(|m| format!("parameter {name}: default {m}"))?;
    Ok(spec)
}

/// The content hash of a rule file's text, also for files whose header is broken.
pub fn version_of(source: &str) -> String {
    let digest = Sha256::digest(source.as_bytes());
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}
