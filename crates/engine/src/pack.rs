//! A rule pack: the rules a review runs, in file-name order.

use crate::evaluate::RuleSource;
use crate::rule::Rule;

include!(concat!(env!("OUT_DIR"), "/shipped.rs"));

/// A rule file as found on disk or in the app: its name and its text.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RuleFile {
    pub name: String,
    pub text: String,
}

/// The shipped `rules/*.rhai` files, sorted by name.
pub fn shipped_rule_files() -> Vec<RuleFile> {
    to_files(SHIPPED_RULES)
}

/// Whether `files` are the shipped rule files, unchanged, compared without copying
/// them (saves leave such a pack out, and save after every change).
pub fn is_shipped_pack(files: &[RuleFile]) -> bool {
    files.len() == SHIPPED_RULES.len()
        && files
            .iter()
            .zip(SHIPPED_RULES)
            .all(|(f, (name, text))| f.name == *name && f.text == *text)
}

/// Whether `file` is one of the shipped rule files, unchanged (a `#safe` start runs
/// only these).
pub fn is_shipped_file(file: &RuleFile) -> bool {
    SHIPPED_RULES
        .iter()
        .any(|(name, text)| file.name == *name && file.text == *text)
}

/// Whether `files` are the shipped rule tests, unchanged (saves leave them out).
pub fn is_shipped_tests(files: &[RuleFile]) -> bool {
    files.len() == SHIPPED_TESTS.len()
        && files
            .iter()
            .zip(SHIPPED_TESTS)
            .all(|(f, (name, text))| f.name == *name && f.text == *text)
}

/// The shipped `rules/tests/*.json` rule tests, sorted by name.
pub fn shipped_test_files() -> Vec<RuleFile> {
    to_files(SHIPPED_TESTS)
}

fn to_files(list: &[(&str, &str)]) -> Vec<RuleFile> {
    list.iter()
        .map(|(name, text)| RuleFile {
            name: name.to_string(),
            text: text.to_string(),
        })
        .collect()
}

/// Reads each file's header. A file whose header is broken stays in the pack as
/// [`RuleSource::Broken`], so its diagnostic is shown and nothing is lost. Two files
/// never run under one id: the shipped rule keeps its id (a file named as a shipped
/// one), else the first file by name, and every other file claiming it is broken,
/// with a diagnostic under its own file name saying whose id it took.
pub fn parse_rules(files: &[RuleFile]) -> Vec<RuleSource> {
    let parsed: Vec<Result<Rule, crate::Diagnostic>> =
        files.iter().map(|f| Rule::parse(&f.text)).collect();
    let shipped = |i: usize| SHIPPED_RULES.iter().any(|(name, _)| *name == files[i].name);
    let mut keeper: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, p) in parsed.iter().enumerate() {
        if let Ok(rule) = p {
            keeper
                .entry(rule.id.as_str())
                .and_modify(|k| {
                    if shipped(i) && !shipped(*k) {
                        *k = i;
                    }
                })
                .or_insert(i);
        }
    }
    let mut out: Vec<RuleSource> = Vec::with_capacity(files.len());
    for (i, (f, p)) in files.iter().zip(&parsed).enumerate() {
        let checked = match p {
            Ok(rule) => match keeper.get(rule.id.as_str()) {
                Some(&k) if k != i => Err(crate::Diagnostic {
                    rule: f.name.clone(),
                    kind: crate::DiagnosticKind::Header,
                    line: Some(header_line(&f.text, "id")),
                    column: Some(1),
                    message: crate::diagnostic::one_line(format!(
                        "the id \"{}\" is already the id of {} in {}; give this rule an id of its own",
                        rule.id,
                        match &parsed[k] {
                            Ok(other) => format!("“{}”", other.title),
                            Err(_) => "another rule".to_string(),
                        },
                        files[k].name
                    )),
                }),
                _ => Ok(rule.clone()),
            },
            Err(d) => Err(d.clone()),
        };
        out.push(match checked {
            Ok(rule) => RuleSource::Parsed(rule),
            Err(mut diagnostic) => {
                if diagnostic.rule.is_empty() {
                    diagnostic.rule = f.name.clone();
                }
                RuleSource::Broken {
                    name: f.name.clone(),
                    source: f.text.clone(),
                    diagnostic,
                }
            }
        });
    }
    out
}

/// The 1-based line of the header field `field` (`//! id: …`), or 1.
fn header_line(text: &str, field: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix("//!")
                .is_some_and(|r| r.trim_start().strip_prefix(field).is_some_and(|r| r.trim_start().starts_with(':')))
        })
        .map_or(1, |i| i + 1)
}

/// Rule files as read from disk: each one's name and bytes. A file that is not
/// UTF-8 text is that rule's diagnostic (the line and byte where it stops being
/// text), never the end of the review; a UTF-8 byte-order mark is dropped. The
/// others are read by [`parse_rules`], in the same order.
pub fn parse_rule_bytes(files: &[(String, Vec<u8>)]) -> Vec<RuleSource> {
    let decoded: Vec<Result<RuleFile, RuleSource>> = files
        .iter()
        .map(|(name, bytes)| {
            match horizon_model::utf8_text(bytes) {
                Ok(text) => Ok(RuleFile {
                    name: name.clone(),
                    text: text.to_string(),
                }),
                Err(e) => {
                    let line = match e {
                        horizon_model::TextError::NotUtf8 { line, .. } => Some(line),
                        horizon_model::TextError::Empty => None,
                    };
                    Err(RuleSource::Broken {
                        name: name.clone(),
                        // Kept so the file can still be shown and mended; the
                        // diagnostic says where it stops being text.
                        source: String::from_utf8_lossy(bytes).into_owned(),
                        diagnostic: crate::Diagnostic {
                            rule: name.clone(),
                            kind: crate::DiagnosticKind::Header,
                            line,
                            column: None,
                            message: e.to_string(),
                        },
                    })
                }
            }
        })
        .collect();
    let good: Vec<RuleFile> = decoded.iter().filter_map(|d| d.as_ref().ok().cloned()).collect();
    let mut parsed = parse_rules(&good).into_iter();
    decoded
        .into_iter()
        .filter_map(|d| match d {
            Ok(_) => parsed.next(),
            Err(broken) => Some(broken),
        })
        .collect()
}

/// The shipped pack, parsed.
pub fn shipped_pack() -> Vec<RuleSource> {
    parse_rules(&shipped_rule_files())
}
