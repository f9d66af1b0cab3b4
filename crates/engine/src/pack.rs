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
/// [`RuleSource::Broken`], so its diagnostic is shown and nothing is lost.
/// A second rule with an id already taken is broken too.
pub fn parse_rules(files: &[RuleFile]) -> Vec<RuleSource> {
    let mut out: Vec<RuleSource> = Vec::with_capacity(files.len());
    for f in files {
        let parsed = Rule::parse(&f.text).and_then(|rule| {
            let taken = out
                .iter()
                .any(|r| matches!(r, RuleSource::Parsed(p) if p.id == rule.id));
            if taken {
                Err(crate::Diagnostic {
                    rule: rule.id.clone(),
                    kind: crate::DiagnosticKind::Header,
                    line: Some(1),
                    column: Some(1),
                    message: format!("another rule already has the id \"{}\"", rule.id),
                })
            } else {
                Ok(rule)
            }
        });
        out.push(match parsed {
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

/// The shipped pack, parsed.
pub fn shipped_pack() -> Vec<RuleSource> {
    parse_rules(&shipped_rule_files())
}
