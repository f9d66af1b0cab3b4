//! The project: the work, its undo history and its named snapshots, and the project
//! file that saves them together (`docs/project-format.md`).
//!
//! Opening a file accepts a project or a bare scenario. A file that cannot be used
//! is reported with every problem (line and column, or the JSON path inside the
//! file), and nothing changes: decoding is pure and returns a new project or errors.

use horizon_model::{validate, Scenario, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};

use crate::history::History;
use crate::shared::Shared;
use crate::work::Work;

/// The project file format this build writes, and the newest it reads. Format 2
/// added the rule tests to the work (`work.tests`); a format-1 file reads with the
/// shipped tests.
pub const PROJECT_FORMAT: u32 = 2;

/// A named copy of the work to come back to or compare against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Stable within the project: never reused, so a comparison keeps its sides.
    pub id: u32,
    pub name: String,
    pub work: Work,
    /// When it was taken, as the computer that took it said the date and time
    /// ("23 Nov 2026, 20:52"): for people reading the list, never compared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken: Option<String>,
}

/// The name of the snapshot taken when data is opened.
pub const BASELINE: &str = "Baseline";

/// Which snapshot or the working copy, for compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Working,
    Snapshot(u32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub work: Work,
    pub history: Shared<History>,
    pub snapshots: Shared<Vec<Snapshot>>,
    /// The snapshot the working copy was started from (opened, or restored).
    pub started_from: Option<u32>,
    pub next_snapshot: u32,
}

impl Project {
    /// A project whose work is `work`, kept as its Baseline snapshot.
    pub fn opened(work: Work) -> Project {
        Project {
            history: Shared::new(History::new(work.clone())),
            snapshots: Shared::new(vec![Snapshot {
                id: 1,
                name: BASELINE.into(),
                work: work.clone(),
                taken: None,
            }]),
            work,
            started_from: Some(1),
            next_snapshot: 2,
        }
    }

    pub fn snapshot(&self, id: u32) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    /// The work on one side of a comparison.
    pub fn side(&self, side: Side) -> Option<&Work> {
        match side {
            Side::Working => Some(&self.work),
            Side::Snapshot(id) => self.snapshot(id).map(|s| &s.work),
        }
    }

    /// The snapshot the work started from, and whether the work has changed since.
    pub fn started(&self) -> Option<(&Snapshot, bool)> {
        let s = self.snapshot(self.started_from?)?;
        Some((s, !s.work.same_as(&self.work)))
    }
}

/// The project as a file: what "Save project" writes and "Open" reads.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    pub horizon_project: u32,
    /// The working copy.
    pub work: Work,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_from: Option<u32>,
}

impl ProjectFile {
    pub fn of(p: &Project) -> ProjectFile {
        ProjectFile {
            horizon_project: PROJECT_FORMAT,
            work: p.work.clone(),
            snapshots: (*p.snapshots).clone(),
            started_from: p.started_from,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// What an opened file held.
#[derive(Debug)]
pub enum Opened {
    Scenario(Box<Scenario>),
    Project(Box<ProjectFile>),
}

/// [`open`] for a file's bytes: a byte-order mark is dropped, and bytes that are
/// not UTF-8 are the one problem, at their byte and line (never replaced).
pub fn open_bytes(bytes: &[u8]) -> Result<Opened, Vec<String>> {
    let text = horizon_model::nonempty_text(bytes)
        .map_err(|e| vec![horizon_model::sentence(&e.to_string())])?;
    open(text)
}

/// Reads a project or a bare scenario file, or says every problem with it.
pub fn open(text: &str) -> Result<Opened, Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Past the size limits nothing is parsed (or, for counts, validated).
    horizon_model::size::check_bytes(text.len()).map_err(|e| vec![e.to_string()])?;
    if text.trim().is_empty() {
        return Err(vec![horizon_model::sentence(
            &horizon_model::TextError::Empty.to_string(),
        )]);
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| vec![json_problem(&e)])?;
    if value.get("horizon_project").is_none() {
        return Scenario::from_json(text)
            .map(|s| Opened::Scenario(Box::new(s)))
            .map_err(|e| problems_of(&e));
    }
    match value.get("horizon_project").and_then(|v| v.as_u64()) {
        Some(n) if n > u64::from(PROJECT_FORMAT) => {
            return Err(vec![format!(
                "horizon_project: this project was saved by a newer version of Horizon (project format {n}); this version reads format {PROJECT_FORMAT}"
            )])
        }
        _ => {}
    }
    let file: ProjectFile = serde_json::from_str(text).map_err(|e| vec![json_problem(&e)])?;
    let too_large: Vec<String> = std::iter::once(&file.work.scenario)
        .chain(file.snapshots.iter().map(|s| &s.work.scenario))
        .filter_map(|s| horizon_model::size::check_counts(s).err())
        .map(|e| e.to_string())
        .take(1)
        .collect();
    if !too_large.is_empty() {
        return Err(too_large);
    }
    let mut problems = Vec::new();
    let mut check = |path: &str, s: &Scenario| {
        if s.schema_version != SCHEMA_VERSION {
            problems.push(format!(
                "{path}.schema_version: this version of Horizon reads schema version {SCHEMA_VERSION}, not {}",
                s.schema_version
            ));
            return;
        }
        problems.extend(
            validate(s)
                .into_iter()
                .map(|p| format!("{path}.{}: {}", p.path, p.message)),
        );
    };
    check("work.scenario", &file.work.scenario);
    for (i, snap) in file.snapshots.iter().enumerate() {
        check(
            &format!("snapshots[{i}].work.scenario"),
            &snap.work.scenario,
        );
    }
    let mut ids = std::collections::HashSet::new();
    for (i, snap) in file.snapshots.iter().enumerate() {
        if !ids.insert(snap.id) {
            problems.push(format!(
                "snapshots[{i}].id: another snapshot already has the id {}",
                snap.id
            ));
        }
        if snap.name.trim().is_empty() {
            problems.push(format!("snapshots[{i}].name: the snapshot has no name"));
        }
    }
    if problems.is_empty() {
        Ok(Opened::Project(Box::new(file)))
    } else {
        Err(problems)
    }
}

impl Opened {
    /// The project to work on: a scenario becomes its own Baseline; a project keeps
    /// its snapshots, with a fresh history.
    pub fn into_project(self) -> Project {
        match self {
            Opened::Scenario(s) => Project::opened(Work::of(*s)),
            Opened::Project(f) => {
                let next_snapshot = f.snapshots.iter().map(|s| s.id).max().unwrap_or(0) + 1;
                let started_from = f
                    .started_from
                    .filter(|id| f.snapshots.iter().any(|s| s.id == *id));
                Project {
                    history: Shared::new(History::new(f.work.clone())),
                    snapshots: Shared::new(f.snapshots),
                    work: f.work,
                    started_from,
                    next_snapshot,
                }
            }
        }
    }
}

/// A JSON syntax or shape error with its line and column.
pub fn json_problem(e: &serde_json::Error) -> String {
    format!(
        "Line {}, column {}: {}",
        e.line(),
        e.column().max(1),
        horizon_model::json_message(e)
    )
}

/// Every problem with a scenario file, in words a user can act on.
pub fn problems_of(e: &horizon_model::LoadError) -> Vec<String> {
    match e {
        horizon_model::LoadError::Json {
            line,
            column,
            message,
        } => vec![format!("Line {line}, column {column}: {message}")],
        horizon_model::LoadError::Text(e) => vec![horizon_model::sentence(&e.to_string())],
        horizon_model::LoadError::TooLarge(e) => vec![e.to_string()],
        horizon_model::LoadError::Invalid(problems) => problems
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect(),
    }
}
