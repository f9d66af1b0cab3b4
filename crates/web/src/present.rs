//! Presentation mode's screens, worked out from the review: one idea per screen,
//! in the order a facilitator presents them at a stakeholder event. Pure, so the
//! order and the paging are tested on the host.

use horizon_engine::Evaluation;
use horizon_model::{Event, Scenario, ScreenChoice};

use crate::state::{matrix_order, MatrixSort};

/// Matrix rows on one screen: what can be read from the back of a hall.
pub const MATRIX_ROWS: usize = 5;

/// One screen of the presentation.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The review's title, area and period.
    Title,
    /// Themes `themes` of the matrix (most-named first): page `page` of `pages`.
    Matrix {
        themes: Vec<String>,
        page: usize,
        pages: usize,
    },
    /// The suggestion at this place in the evaluation (0 is the highest score).
    Suggestion(usize),
    /// The PESTELO radar of the horizon scan.
    Radar,
    /// The 4 × 4 likelihood × impact grid.
    Grid,
    /// The proposed focus areas.
    Proposed,
    /// A vote round's results, by the round's id (only once it is revealed).
    Round(String),
    /// The facilitator chose no screens: says so, and where to choose them.
    NoneChosen,
}

impl Screen {
    /// What the screen shows, for its counter and the screen reader: "Priority
    /// matrix, 2 of 4", "Suggestion 3 of 8".
    pub fn label(&self, e: &Evaluation) -> String {
        match self {
            Screen::Title => "Title".to_string(),
            Screen::Matrix { page, pages, .. } if *pages > 1 => {
                format!("Priority matrix, {} of {pages}", page + 1)
            }
            Screen::Matrix { .. } => "Priority matrix".to_string(),
            Screen::Suggestion(i) => format!("Suggestion {} of {}", i + 1, e.suggestions.len()),
            Screen::Radar => "Horizon scan radar".to_string(),
            Screen::Grid => "Likelihood × impact grid".to_string(),
            Screen::Proposed => "Proposed focus areas".to_string(),
            Screen::Round(_) => "Vote results".to_string(),
            Screen::NoneChosen => "No screens chosen".to_string(),
        }
    }
}

/// The screens of the presentation, in order: an event's chosen screens (or, with no
/// event, or an event that chose none in particular, the title, the matrix a few rows
/// a screen — themes no district names left out —, the radar, the grid, each
/// suggestion highest score first, and the proposed focus areas). An event that chose
/// nothing at all gets one screen saying so, never a blank page.
pub fn screens(s: &Scenario, e: &Evaluation, event: Option<&Event>) -> Vec<Screen> {
    let chosen = event.map_or_else(|| ScreenChoice::STANDARD.to_vec(), Event::chosen_screens);
    if chosen.is_empty() {
        return vec![Screen::NoneChosen];
    }
    let mut out = Vec::new();
    for c in chosen {
        match c {
            ScreenChoice::Title => out.push(Screen::Title),
            ScreenChoice::Matrix => {
                let themes: Vec<String> = matrix_order(s, MatrixSort::ByCount)
                    .into_iter()
                    .filter(|t| s.district_count(t) > 0)
                    .collect();
                let pages = themes.len().div_ceil(MATRIX_ROWS);
                out.extend(themes.chunks(MATRIX_ROWS).enumerate().map(|(page, rows)| {
                    Screen::Matrix {
                        themes: rows.to_vec(),
                        page,
                        pages,
                    }
                }));
            }
            ScreenChoice::Radar => out.push(Screen::Radar),
            ScreenChoice::Grid => out.push(Screen::Grid),
            ScreenChoice::Suggestions => {
                out.extend((0..e.suggestions.len()).map(Screen::Suggestion))
            }
            ScreenChoice::Proposed => out.push(Screen::Proposed),
            ScreenChoice::Round(id) => out.push(Screen::Round(id)),
        }
    }
    if out.is_empty() {
        out.push(Screen::NoneChosen);
    }
    out
}

/// What a presenter's key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
    Blank,
    /// Puts the presentation on the whole screen, or takes it off (F; Esc also takes it off).
    FullScreen,
    Leave,
}

/// A key as clickers and keyboards send it; `None` for a key presentation mode leaves alone.
pub fn key(name: &str) -> Option<Key> {
    Some(match name {
        "PageDown" | "ArrowRight" | "ArrowDown" | " " | "Spacebar" | "Enter" => Key::Next,
        "PageUp" | "ArrowLeft" | "ArrowUp" | "Backspace" => Key::Previous,
        "Home" => Key::First,
        "End" => Key::Last,
        "b" | "B" | "." => Key::Blank,
        "f" | "F" => Key::FullScreen,
        "Escape" => Key::Leave,
        _ => return None,
    })
}

/// The screen after `key` from `at` of `count` screens (kept in range).
pub fn step(at: usize, count: usize, key: Key) -> usize {
    let last = count.saturating_sub(1);
    match key {
        Key::Next => (at + 1).min(last),
        Key::Previous => at.saturating_sub(1),
        Key::First => 0,
        Key::Last => last,
        Key::Blank | Key::FullScreen | Key::Leave => at.min(last),
    }
}
