//! Undo and redo: the work as a base and the changes made since, in order.
//!
//! The history holds changes, not copies of the work, so 200 steps of a county's
//! review cost a few kilobytes in the autosave. Undo replays the changes before the
//! cursor onto the base; redo makes the change at the cursor again. When the
//! history is longer than [`LIMIT`] steps, the oldest is folded into the base, so
//! it never grows without bound.

use serde::{Deserialize, Serialize};

use crate::work::{Change, Work};

/// How many steps can be undone.
pub const LIMIT: usize = 250;

/// One change and what it did, in words ("Undo: Swale — Domestic Abuse: now not named.").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub change: Change,
    pub said: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// The work before the first step.
    pub base: Work,
    pub steps: Vec<Step>,
    /// How many steps are in effect: `steps[..cursor]` are done, the rest undone.
    pub cursor: usize,
}

impl History {
    pub fn new(base: Work) -> History {
        History {
            base,
            steps: Vec::new(),
            cursor: 0,
        }
    }

    pub fn can_undo(&self) -> bool {
        self.cursor > 0
    }

    pub fn can_redo(&self) -> bool {
        self.cursor < self.steps.len()
    }

    /// What undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.cursor
            .checked_sub(1)
            .map(|i| self.steps[i].said.as_str())
    }

    /// What redo would make again.
    pub fn redo_label(&self) -> Option<&str> {
        self.steps.get(self.cursor).map(|s| s.said.as_str())
    }

    /// Records a change just made to the work. Steps that were undone are dropped; a
    /// change that continues the last one (typing in the same rule) joins it.
    pub fn record(&mut self, change: Change, said: String) {
        self.steps.truncate(self.cursor);
        if let Some(last) = self.steps.last_mut() {
            if last.change.continues(&change) {
                *last = Step { change, said };
                return;
            }
        }
        self.steps.push(Step { change, said });
        if self.steps.len() > LIMIT {
            let oldest = self.steps.remove(0);
            // The change was made once already; it cannot be refused now.
            let _ = self.base.apply(&oldest.change);
        }
        self.cursor = self.steps.len();
    }

    /// The work with the last step taken back, and what that step was.
    pub fn undo(&mut self) -> Option<(Work, String)> {
        if !self.can_undo() {
            return None;
        }
        self.cursor -= 1;
        Some((self.replay(), self.steps[self.cursor].said.clone()))
    }

    /// `work` with the next undone step made again, and what it was.
    pub fn redo(&mut self, work: &Work) -> Option<(Work, String)> {
        let step = self.steps.get(self.cursor)?.clone();
        let mut next = work.clone();
        next.apply(&step.change).ok()?;
        self.cursor += 1;
        Some((next, step.said))
    }

    /// The base with every step in effect made again.
    pub fn replay(&self) -> Work {
        let mut work = self.base.clone();
        for step in &self.steps[..self.cursor] {
            // Each step was made on exactly this work before, so it succeeds again.
            let _ = work.apply(&step.change);
        }
        work
    }
}
