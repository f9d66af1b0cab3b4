//! Autosave in the browser's localStorage.
//!
//! The save is one JSON document under one key, written whole after every change, so
//! a reload never finds half of one edit. A save that cannot be read is never
//! overwritten: it is copied aside under its own key first, and if even that fails,
//! autosave stops for the session.
//!
//! [`encode`] and [`decode`] are pure (tested on the host); the functions that touch
//! localStorage are at the bottom.

use horizon_engine::{RuleFile, Settings};
use horizon_model::{Scenario, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};

use crate::history::History;
use crate::project::{json_problem, Project, Snapshot};
use crate::shared::Shared;
use crate::state::{AppState, Route, Start, View};
use crate::work::Work;

/// Where the work is saved. (The first save format used the same key.)
pub const SAVE_KEY: &str = "horizon.autosave.v1";
/// While a rule has been running for more than a moment, its id is kept here, and
/// removed when the evaluation ends: found at start, that rule was running when the
/// page closed, and is switched off rather than run again blindly.
pub const RUNNING_KEY: &str = "horizon.running.v1";
/// Written (with the time) when this tab stops saving because another tab changed
/// the work: the other tab hears it and says so.
pub const TABS_KEY: &str = "horizon.tabs.v1";
/// Unreadable saves are kept under this prefix and a number: `horizon.autosave.unreadable.1`.
pub const ASIDE_PREFIX: &str = "horizon.autosave.unreadable.";

const APP: &str = "horizon";
/// Format 2: the project (work, undo history, snapshots) and the route.
const FORMAT: u32 = 2;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Save {
    app: String,
    format: u32,
    #[serde(default)]
    route: Route,
    /// The history's base and steps; the working copy is the history replayed.
    history: History,
    #[serde(default)]
    snapshots: Vec<Snapshot>,
    #[serde(default)]
    started_from: Option<u32>,
    #[serde(default)]
    next_snapshot: u32,
}

/// Format 1, read so that work saved before undo and snapshots is not lost.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SaveV1 {
    #[allow(dead_code)]
    app: String,
    #[allow(dead_code)]
    format: u32,
    #[serde(default)]
    view: View,
    #[serde(default)]
    #[allow(dead_code)]
    selected_rule: usize,
    scenario: Scenario,
    rules: Vec<RuleFile>,
    #[serde(default)]
    settings: Settings,
}

/// The work to save: the project with its history and snapshots, and where the user is.
pub fn encode(state: &AppState) -> String {
    let p = &state.project;
    let save = Save {
        app: APP.into(),
        format: FORMAT,
        route: state.session.route.clone(),
        history: (*p.history).clone(),
        snapshots: (*p.snapshots).clone(),
        started_from: p.started_from,
        next_snapshot: p.next_snapshot,
    };
    serde_json::to_string(&save).unwrap_or_default()
}

fn unreadable(e: &serde_json::Error) -> String {
    format!(
        "it is not a save this version of Horizon can read ({})",
        json_problem(e)
    )
}

/// Reads a save back, or says in words why it cannot be used.
pub fn decode(text: &str) -> Result<Start, String> {
    #[derive(Deserialize)]
    struct Header {
        app: String,
        format: u32,
    }
    let header: Header = serde_json::from_str(text).map_err(|e| unreadable(&e))?;
    if header.app != APP || !(1..=FORMAT).contains(&header.format) {
        return Err(format!(
            "it was written by {} in save format {}, not Horizon's format {FORMAT}",
            header.app, header.format
        ));
    }
    let start = if header.format == 1 {
        let v1: SaveV1 = serde_json::from_str(text).map_err(|e| unreadable(&e))?;
        Start {
            project: Project::opened(Work::new(v1.scenario, v1.rules, v1.settings)),
            route: Route::to(v1.view),
        }
    } else {
        let save: Save = serde_json::from_str(text).map_err(|e| unreadable(&e))?;
        let mut history = save.history;
        history.cursor = history.cursor.min(history.steps.len());
        let work = history.replay();
        let next_snapshot = save
            .next_snapshot
            .max(save.snapshots.iter().map(|s| s.id + 1).max().unwrap_or(1));
        Start {
            project: Project {
                work,
                history: Shared::new(history),
                snapshots: Shared::new(save.snapshots),
                started_from: save.started_from,
                next_snapshot,
            },
            route: save.route,
        }
    };
    let scenarios = std::iter::once(&start.project.work.scenario)
        .chain(start.project.snapshots.iter().map(|s| &s.work.scenario));
    for s in scenarios {
        if s.schema_version != SCHEMA_VERSION {
            return Err(format!(
                "its scenario has schema version {}, not {SCHEMA_VERSION}",
                s.schema_version
            ));
        }
        let problems = horizon_model::validate(s);
        if let Some(first) = problems.first() {
            return Err(format!(
                "its scenario has {} problem(s), the first: {first}",
                problems.len()
            ));
        }
    }
    Ok(start)
}

/// What another tab's save means for this tab.
#[derive(Debug)]
pub enum Arrived {
    /// The same work and snapshots as this tab's (perhaps another place in it).
    Same,
    /// The same work, with different snapshots: the other tab's project.
    Snapshots(Box<Project>),
    /// Different work, or a save this tab cannot read.
    Different,
}

/// Compares another tab's save with this tab's project (the place in it aside).
pub fn arrived(text: &str, state: &AppState) -> Arrived {
    let Ok(start) = decode(text) else {
        return Arrived::Different;
    };
    // Neither the history nor the snapshots are `PartialEq`; their saved form is
    // what both tabs share, so that is what is compared.
    fn json<T: Serialize>(v: &T) -> String {
        serde_json::to_string(v).unwrap_or_default()
    }
    let (theirs, ours) = (&start.project, &state.project);
    if json(&*theirs.history) != json(&*ours.history) {
        return Arrived::Different;
    }
    if json(&*theirs.snapshots) == json(&*ours.snapshots)
        && theirs.started_from == ours.started_from
    {
        Arrived::Same
    } else {
        Arrived::Snapshots(Box::new(start.project))
    }
}


/// What a session finds in the browser at start.
#[derive(Debug)]
pub enum Found {
    Nothing,
    Work(Box<Start>),
    /// A save that cannot be used: its text (to keep aside) and why.
    Unreadable {
        text: String,
        reason: String,
    },
}

/// Interprets whatever the save key held.
pub fn interpret(saved: Option<String>) -> Found {
    match saved {
        None => Found::Nothing,
        Some(text) => match decode(&text) {
            Ok(start) => Found::Work(Box::new(start)),
            Err(reason) => Found::Unreadable { text, reason },
        },
    }
}

/// The first free kept-aside key, given the keys already taken.
pub fn aside_key(taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| format!("{ASIDE_PREFIX}{n}"))
        .find(|k| !taken(k))
        .unwrap_or_default()
}

/// localStorage itself. Every call can fail (storage switched off by policy, full,
/// private browsing): each failure comes back as words for a banner.
mod browser {
    use super::*;

    fn storage() -> Result<web_sys::Storage, String> {
        // A widget's work is its host page's (embed.rs): the browser's save is not.
        if crate::embed::active() {
            return Err("Horizon is part of another page here, which keeps the work.".into());
        }
        let window = web_sys::window().ok_or("There is no browser window.")?;
        match window.local_storage() {
            Ok(Some(s)) => Ok(s),
            _ => Err(
                "This browser does not allow pages to save data (its storage is switched off)."
                    .into(),
            ),
        }
    }

    pub fn read(key: &str) -> Result<Option<String>, String> {
        storage()?.get_item(key).map_err(|_| {
            "The saved work could not be read from this browser's storage.".to_string()
        })
    }

    pub fn write(key: &str, text: &str) -> Result<(), String> {
        storage()?
            .set_item(key, text)
            .map_err(|_| "The browser refused to save (its storage may be full).".to_string())
    }

    pub fn remove(key: &str) {
        if let Ok(s) = storage() {
            let _ = s.remove_item(key);
        }
    }

    /// Copies an unreadable save to the first free kept-aside key and says which.
    pub fn keep_aside(text: &str) -> Result<String, String> {
        let s = storage()?;
        let key = aside_key(|k| s.get_item(k).ok().flatten().is_some());
        s.set_item(&key, text).map_err(|_| {
            "The browser refused to store a copy (its storage may be full).".to_string()
        })?;
        // Read it back: the original is only safe to replace once the copy is certain.
        match s.get_item(&key) {
            Ok(Some(copy)) if copy == text => Ok(key),
            _ => Err("The copy could not be checked.".into()),
        }
    }
}

pub use browser::{keep_aside, read, remove, write};
