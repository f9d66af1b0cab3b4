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

use crate::state::{AppState, Start, View};

/// Where the work is saved.
pub const SAVE_KEY: &str = "horizon.autosave.v1";
/// Unreadable saves are kept under this prefix and a number: `horizon.autosave.unreadable.1`.
pub const ASIDE_PREFIX: &str = "horizon.autosave.unreadable.";

const APP: &str = "horizon";
const FORMAT: u32 = 1;

#[derive(Serialize)]
struct SaveOut<'a> {
    app: &'static str,
    format: u32,
    view: View,
    selected_rule: usize,
    scenario: &'a Scenario,
    rules: &'a [RuleFile],
    settings: &'a Settings,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SaveIn {
    app: String,
    format: u32,
    #[serde(default)]
    view: View,
    #[serde(default)]
    selected_rule: usize,
    scenario: Scenario,
    rules: Vec<RuleFile>,
    #[serde(default)]
    settings: Settings,
}

/// The work to save: scenario, rule files, settings and the open view.
pub fn encode(state: &AppState) -> String {
    let save = SaveOut {
        app: APP,
        format: FORMAT,
        view: state.view,
        selected_rule: state.selected_rule,
        scenario: &state.scenario,
        rules: &state.rule_files,
        settings: &state.settings,
    };
    serde_json::to_string(&save).unwrap_or_default()
}

/// Reads a save back, or says in words why it cannot be used.
pub fn decode(text: &str) -> Result<Start, String> {
    let save: SaveIn = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map_or(message.as_str(), |i| &message[..i])
            .to_string();
        format!(
            "it is not a save this version of Horizon can read (line {}, column {}: {message})",
            e.line(),
            e.column()
        )
    })?;
    if save.app != APP || save.format != FORMAT {
        return Err(format!(
            "it was written by {} in save format {}, not Horizon's format {FORMAT}",
            save.app, save.format
        ));
    }
    if save.scenario.schema_version != SCHEMA_VERSION {
        return Err(format!(
            "its scenario has schema version {}, not {SCHEMA_VERSION}",
            save.scenario.schema_version
        ));
    }
    let problems = horizon_model::validate(&save.scenario);
    if let Some(first) = problems.first() {
        return Err(format!(
            "its scenario has {} problem(s), the first: {first}",
            problems.len()
        ));
    }
    Ok(Start {
        scenario: save.scenario,
        rule_files: save.rules,
        settings: save.settings,
        view: save.view,
        selected_rule: save.selected_rule,
    })
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

pub use browser::{keep_aside, read, write};
