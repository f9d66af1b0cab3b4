//! The three readers of the files people bring, fuzzed: the scenario reader
//! (`Scenario::from_bytes`), the rule header parser (`parse_rule_bytes`) and the
//! project reader (`open_bytes`). Each gets 10,000 cases: a real file (the Kent
//! example as a scenario and as a project; a shipped rule) with bytes changed,
//! inserted, removed or cut off, and now and then arbitrary bytes. Whatever the
//! bytes, nothing panics, and every refusal says where: a byte and line, a line and
//! column, a JSON path, or that the file is empty, on one line.
//!
//! They live here because this crate's tests see all three crates.

use std::sync::OnceLock;

use horizon_engine::{parse_rule_bytes, shipped_rule_files, RuleSource};
use horizon_model::{LoadError, Scenario, TextError};
use horizon_project::{open_bytes, ProjectFile};
use proptest::prelude::*;

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// One change to a file's bytes, at a place given as a fraction of its length.
#[derive(Debug, Clone)]
enum Change {
    Replace(f64, u8),
    Insert(f64, Vec<u8>),
    Remove(f64, usize),
    CutAt(f64),
}

fn change() -> impl Strategy<Value = Change> {
    // Bytes that matter to JSON, to rule headers and to UTF-8, more often than others.
    // Mostly printable ASCII, so that many cases get past UTF-8 and JSON syntax to
    // the checks behind them.
    let byte = prop_oneof![
        6 => 0x20..0x7fu8,
        3 => prop::sample::select(b"{}[]\",:\\/!\n0-9e.#ntf ".to_vec()),
        1 => any::<u8>(),
    ];
    prop_oneof![
        (0.0..1.0f64, byte.clone()).prop_map(|(at, b)| Change::Replace(at, b)),
        (0.0..1.0f64, prop::collection::vec(byte, 1..8)).prop_map(|(at, b)| Change::Insert(at, b)),
        (0.0..1.0f64, 1..40usize).prop_map(|(at, n)| Change::Remove(at, n)),
        (0.0..1.0f64).prop_map(Change::CutAt),
    ]
}

/// A value put in place of another in a file's JSON: the shapes and values a
/// hand-edited or hostile file holds.
fn value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{json, Value};
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        prop::sample::select(vec![0.0, -1.0, 0.5, 1.5, 1e300, -1e-300]).prop_map(|n| json!(n)),
        "[a-z-]{0,12}".prop_map(Value::String),
        "\\PC{0,30}".prop_map(Value::String),
        prop::sample::select(vec!["\u{202e}Gangs", "line\nbreak", "\u{1b}[31m", "", " "])
            .prop_map(|s| Value::String(s.to_string())),
        Just(json!([])),
        Just(json!({})),
    ]
}

/// Every place in a JSON value, as JSON pointers.
fn places(v: &serde_json::Value, at: String, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                places(item, format!("{at}/{i}"), out);
            }
        }
        serde_json::Value::Object(fields) => {
            for (k, item) in fields {
                places(item, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// A JSON file's value and every place in it, worked out once per file.
fn parsed(base: &'static [u8]) -> &'static (serde_json::Value, Vec<String>) {
    static SCENARIO: OnceLock<(serde_json::Value, Vec<String>)> = OnceLock::new();
    static PROJECT: OnceLock<(serde_json::Value, Vec<String>)> = OnceLock::new();
    let cell = if std::ptr::eq(base, project_bytes()) { &PROJECT } else { &SCENARIO };
    cell.get_or_init(|| {
        let json: serde_json::Value = serde_json::from_slice(base).unwrap();
        let mut all = Vec::new();
        places(&json, String::new(), &mut all);
        (json, all)
    })
}

/// A file's JSON with a value replaced or removed here and there: well-formed, so the
/// checks behind the syntax get the cases.
fn json_mutated(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec((0.0..1.0f64, prop::option::weighted(0.8, value())), 1..4).prop_map(
        move |changes| {
            // The file read once, with its places; a place a change removed is skipped.
            let parsed = parsed(base);
            let (mut json, all) = (parsed.0.clone(), &parsed.1);
            for (f, new) in changes {
                let at = all[((f * all.len() as f64) as usize).min(all.len() - 1)].clone();
                match (new, at.rsplit_once('/')) {
                    (Some(v), _) => {
                        if let Some(slot) = json.pointer_mut(&at) {
                            *slot = v;
                        }
                    }
                    (None, Some((parent, key))) => match json.pointer_mut(parent) {
                        Some(serde_json::Value::Object(m)) => {
                            m.remove(&key.replace("~1", "/").replace("~0", "~"));
                        }
                        Some(serde_json::Value::Array(a)) => {
                            if let Ok(i) = key.parse::<usize>() {
                                if i < a.len() {
                                    a.remove(i);
                                }
                            }
                        }
                        _ => {}
                    },
                    (None, None) => {}
                }
            }
            serde_json::to_vec_pretty(&json).unwrap()
        },
    )
}

/// A file's bytes after `changes`, its JSON changed (for JSON files), or (for about
/// one case in 16) arbitrary bytes.
fn mutated(base: &'static [u8]) -> impl Strategy<Value = Vec<u8>> {
    let is_json = base.first() == Some(&b'{');
    let json_weight = if is_json { 8 } else { 0 };
    prop_oneof![
        json_weight => json_mutated(if is_json { base } else { scenario_bytes() }),
        8 => prop::collection::vec(change(), 1..6).prop_map(move |changes| {
            let mut bytes = base.to_vec();
            for c in changes {
                let at = |f: f64, len: usize| ((f * len as f64) as usize).min(len);
                match c {
                    Change::Replace(f, b) if !bytes.is_empty() => {
                        let i = at(f, bytes.len() - 1);
                        bytes[i] = b;
                    }
                    Change::Replace(..) => {}
                    Change::Insert(f, b) => {
                        let i = at(f, bytes.len());
                        bytes.splice(i..i, b);
                    }
                    Change::Remove(f, n) => {
                        let i = at(f, bytes.len());
                        bytes.drain(i..(i + n).min(bytes.len()));
                    }
                    Change::CutAt(f) => bytes.truncate(at(f, bytes.len())),
                }
            }
            bytes
        }),
        1 => prop::collection::vec(any::<u8>(), 0..200),
    ]
}

fn kent() -> Scenario {
    horizon_model::example("kent-2016").unwrap().scenario()
}

fn scenario_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| kent().to_json().into_bytes())
}

fn project_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let work = horizon_project::Work::of(kent());
        ProjectFile::of(&horizon_project::Project::opened(work))
            .to_json()
            .into_bytes()
    })
}

/// The shipped rule whose header has the most fields, to give the parser the most
/// to get wrong.
fn rule_bytes() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        shipped_rule_files()
            .into_iter()
            .max_by_key(|f| f.text.lines().filter(|l| l.starts_with("//!")).count())
            .unwrap()
            .text
            .into_bytes()
    })
}

fn one_line(message: &str) {
    assert!(!message.trim().is_empty(), "an empty message");
    assert!(!message.contains('\n') && !message.contains('\r'), "{message:?} is not on one line");
    assert!(!message.contains("column 0"), "{message:?} counts columns from 0");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_scenario_reader_never_panics_and_every_refusal_says_where(bytes in mutated(scenario_bytes())) {
        match Scenario::from_bytes(&bytes) {
            Ok(s) => prop_assert!(horizon_model::validate(&s).is_empty()),
            Err(LoadError::Text(TextError::NotUtf8 { line, .. })) => prop_assert!(line >= 1),
            Err(LoadError::Text(TextError::Empty)) => {
                let blank = std::str::from_utf8(&bytes)
                    .is_ok_and(|t| t.trim_start_matches('\u{feff}').trim().is_empty());
                prop_assert!(blank, "a file with something in it was called empty");
            }
            Err(LoadError::Json { line, column, message }) => {
                prop_assert!(line >= 1 && column >= 1);
                one_line(&message);
            }
            Err(LoadError::TooLarge(e)) => one_line(&e.to_string()),
            Err(LoadError::Invalid(problems)) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert!(!p.path.is_empty(), "a problem with no place: {}", p.message);
                    one_line(&p.to_string());
                }
            }
        }
    }

    #[test]
    fn the_rule_header_parser_never_panics_says_where_and_never_lends_an_id(bytes in mutated(rule_bytes())) {
        let mut files: Vec<(String, Vec<u8>)> = shipped_rule_files()
            .into_iter()
            .map(|f| (f.name, f.text.into_bytes()))
            .collect();
        files.push(("my-rule.rhai".to_string(), bytes));
        let sources = parse_rule_bytes(&files);
        prop_assert_eq!(sources.len(), files.len());
        // The shipped rules still read, whatever the user's file claims.
        for s in &sources[..files.len() - 1] {
            prop_assert!(matches!(s, RuleSource::Parsed(_)), "a shipped rule was lost: {:?}", s);
        }
        let mut ids = std::collections::HashSet::new();
        for s in &sources {
            match s {
                RuleSource::Parsed(rule) => prop_assert!(ids.insert(rule.id.clone()), "two rules run as {}", rule.id),
                RuleSource::Broken { name, diagnostic, .. } => {
                    prop_assert_eq!(name, "my-rule.rhai");
                    one_line(&diagnostic.message);
                    let empty = diagnostic.message.to_lowercase().contains("empty");
                    prop_assert!(diagnostic.line.is_some_and(|l| l >= 1) || empty, "no line: {}", diagnostic.message);
                }
            }
        }
    }

    #[test]
    fn the_project_reader_never_panics_and_every_refusal_says_where(bytes in mutated(project_bytes())) {
        if let Err(problems) = open_bytes(&bytes) {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                one_line(p);
                let located = p.starts_with("Line ")
                    || p.contains(" at byte ")
                    || p.to_lowercase().contains("empty")
                    || p.split(':').next().is_some_and(|place| !place.contains(' ') || place.contains('['));
                prop_assert!(located, "{:?} does not say where", p);
            }
        }
    }
}

