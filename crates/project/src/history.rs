//! Undo and redo: the work as a base and the changes made since, in order.
//!
//! The history holds changes, not copies of the work, so 200 steps of a county's
//! review cost a few kilobytes in the autosave. Undo replays the changes before the
//! cursor onto the base; redo makes the change at the cursor again. When the
//! history is longer than [`LIMIT`] steps, the oldest are folded into the base, so
//! it never grows without bound. In memory (not in saves), the work every
//! [`CHECKPOINT`] steps is kept, so an undo replays at most that many changes.

use serde::{Deserialize, Serialize};

use crate::work::{Change, Work};

/// How many steps can be undone, at least.
pub const LIMIT: usize = 250;
/// Steps between the in-memory copies of the work that undo starts from; also how
/// many of the oldest steps are folded into the base at once past the limit.
pub const CHECKPOINT: usize = 16;

/// One change and what it did, in words ("Undo: Swale — Domestic Abuse: now not named.").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub change: Change,
    pub said: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct History {
    /// The work before the first step.
    pub base: Work,
    pub steps: Vec<Step>,
    /// How many steps are in effect: `steps[..cursor]` are done, the rest undone.
    pub cursor: usize,
    /// The work after `k` steps, for some `k` that are multiples of [`CHECKPOINT`].
    /// Copies of the work share what did not change, so these are cheap.
    #[serde(skip)]
    checkpoints: std::collections::BTreeMap<usize, Work>,
}

impl History {
    pub fn new(base: Work) -> History {
        History {
            base,
            steps: Vec::new(),
            cursor: 0,
            checkpoints: Default::default(),
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

    /// Records a change just made, with the work it made. Steps that were undone are
    /// dropped; a change that continues the last one (typing in the same rule) joins it.
    pub fn record(&mut self, change: Change, said: String, work: &Work) {
        self.steps.truncate(self.cursor);
        let cursor = self.cursor;
        self.checkpoints.retain(|&k, _| k < cursor);
        match self.steps.last_mut() {
            Some(last) if last.change.continues(&change) => {
                *last = Step { change, said };
                return;
            }
            _ => self.steps.push(Step { change, said }),
        }
        self.cursor = self.steps.len();
        if self.cursor.is_multiple_of(CHECKPOINT) {
            self.checkpoints.insert(self.cursor, work.clone());
        }
        if self.steps.len() >= LIMIT + CHECKPOINT {
            // Fold the oldest steps into the base: from the checkpoint if there is one.
            self.base = match self.checkpoints.remove(&CHECKPOINT) {
                Some(w) => w,
                None => self.replay_to(CHECKPOINT),
            };
            self.steps.drain(..CHECKPOINT);
            self.cursor -= CHECKPOINT;
            self.checkpoints = std::mem::take(&mut self.checkpoints)
                .into_iter()
                .filter(|&(k, _)| k > CHECKPOINT)
                .map(|(k, w)| (k - CHECKPOINT, w))
                .collect();
        }
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
        self.replay_to(self.cursor)
    }

    /// The work after the first `n` steps, from the nearest checkpoint before it.
    fn replay_to(&self, n: usize) -> Work {
        let (from, mut work) = self
            .checkpoints
            .range(..=n)
            .next_back()
            .map_or((0, self.base.clone()), |(&k, w)| (k, w.clone()));
        for step in &self.steps[from..n] {
            // Each step was made on exactly this work before, so it succeeds again.
            let _ = work.apply(&step.change);
        }
        work
    }
}
