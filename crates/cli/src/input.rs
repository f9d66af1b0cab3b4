//! What the commands read: scenario files, rule folders and `--set` / `--disable`
//! settings, each refused with the file (and, for text, the byte and line) it is about.

use std::path::{Path, PathBuf};

use horizon_engine::{RuleFile, RuleSource, Settings};
use horizon_model::{LoadError, Scenario, EXAMPLES};

use crate::Failure;

/// A path as a message shows it: on one line, its hidden characters written out.
pub(crate) fn shown(path: &Path) -> String {
    horizon_model::one_line(&path.display().to_string()).into_owned()
}

/// A user's text file (a scenario, a list of edits): a byte-order mark is dropped;
/// one that is empty or not UTF-8 is refused, at its byte and line.
pub(crate) fn read(path: &Path) -> Result<String, Failure> {
    let text = read_text(path)?;
    if text.trim().is_empty() {
        return Err(Failure(format!(
            "{}: {}",
            shown(path),
            horizon_model::TextError::Empty
        )));
    }
    Ok(text)
}

/// [`read`] for a file that may be empty (a rule test, which then fails on its own).
pub(crate) fn read_text(path: &Path) -> Result<String, Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| Failure(format!("cannot read {}: {e}", shown(path))))?;
    horizon_model::utf8_text(&bytes)
        .map(str::to_string)
        .map_err(|e| Failure(format!("{}: {e}", shown(path))))
}

/// A scenario file's text, refused unread when it is past the model's size limit.
pub(crate) fn read_scenario(path: &Path) -> Result<String, Failure> {
    if let Ok(meta) = std::fs::metadata(path) {
        let bytes = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        horizon_model::size::check_bytes(bytes)
            .map_err(|e| Failure(format!("{}: {e}", path.display())))?;
    }
    read(path)
}

pub(crate) fn load_scenario(path: Option<&Path>) -> Result<Scenario, Failure> {
    let Some(path) = path else {
        return Ok(EXAMPLES[0].scenario());
    };
    let text = read_scenario(path)?;
    Scenario::from_json(&text).map_err(|e| match e {
        LoadError::Json {
            line,
            column,
            message,
        } => Failure(format!("{}:{line}:{column}: {message}", crate::shown(path))),
        LoadError::Text(e) => Failure(format!("{}: {e}", crate::shown(path))),
        LoadError::TooLarge(e) => Failure(format!("{}: {e}", crate::shown(path))),
        LoadError::Invalid(problems) => Failure(format!(
            "{} is not a usable scenario ({} problem(s)):\n{}",
            crate::shown(path),
            problems.len(),
            problems
                .iter()
                .map(|p| format!("  {p}"))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    })
}

/// The paths of the files of one kind in a folder, sorted by name.
pub(crate) fn paths_in(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure(format!("cannot read the folder {}: {e}", crate::shown(dir))))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| Failure(format!("cannot read the folder {}: {e}", crate::shown(dir))))?
            .path();
        if path.extension().is_some_and(|e| e == ext) {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// The files of one kind in a folder, sorted by name.
pub(crate) fn files_in(dir: &Path, ext: &str) -> Result<Vec<RuleFile>, Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure(format!("cannot read the folder {}: {e}", crate::shown(dir))))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| Failure(format!("cannot read the folder {}: {e}", crate::shown(dir))))?
            .path();
        if path.extension().is_some_and(|e| e == ext) {
            files.push(RuleFile {
                name: shown(&path),
                // An empty test file is that test's failure, not the end of the run.
                text: read_text(&path)?,
            });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

pub(crate) fn load_rules(dir: Option<&Path>) -> Result<Vec<RuleSource>, Failure> {
    match dir {
        None => Ok(horizon_engine::shipped_pack()),
        Some(dir) => {
            // Read as bytes: a file that is not UTF-8 is that rule's diagnostic, and
            // the other rules still run.
            let mut files = Vec::new();
            for path in paths_in(dir, "rhai")? {
                let bytes = std::fs::read(&path)
                    .map_err(|e| Failure(format!("cannot read {}: {e}", crate::shown(&path))))?;
                files.push((shown(&path), bytes));
            }
            if files.is_empty() {
                return Err(Failure(format!(
                    "{} has no .rhai rule files",
                    crate::shown(dir)
                )));
            }
            Ok(horizon_engine::parse_rule_bytes(&files))
        }
    }
}

pub(crate) fn settings(
    set: &[String],
    disable: &[String],
    rules: &[RuleSource],
) -> Result<Settings, Failure> {
    let mut s = Settings::default();
    for id in disable {
        if !rules.iter().any(|r| r.id() == id) {
            return Err(Failure(format!(
                "--disable {}: there is no rule with that id",
                horizon_model::one_line(id)
            )));
        }
        s.disabled.insert(id.clone(), true);
    }
    for item in set {
        let said = horizon_model::one_line(item);
        let (key, value) = item
            .split_once('=')
            .ok_or_else(|| Failure(format!("--set {said}: expected RULE.PARAM=VALUE")))?;
        let (rule_id, param) = key
            .rsplit_once('.')
            .ok_or_else(|| Failure(format!("--set {said}: expected RULE.PARAM=VALUE")))?;
        let rule = rules
            .iter()
            .find_map(|r| match r {
                RuleSource::Parsed(p) if p.id == rule_id => Some(p),
                _ => None,
            })
            .ok_or_else(|| {
                Failure(format!(
                    "--set {said}: there is no rule \"{}\"",
                    horizon_model::one_line(rule_id)
                ))
            })?;
        let spec = rule.param(param).ok_or_else(|| {
            let names: Vec<&str> = rule.params.iter().map(|p| p.name.as_str()).collect();
            Failure(format!(
                "--set {said}: rule {rule_id} has no parameter \"{}\" (it has: {})",
                horizon_model::one_line(param),
                names.join(", ")
            ))
        })?;
        let v = spec
            .parse_value(value)
            .map_err(|m| Failure(format!("--set {said}: {m}")))?;
        s.params
            .entry(rule_id.to_string())
            .or_default()
            .insert(param.to_string(), v);
    }
    Ok(s)
}
