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
        if self.fold_ballots(&change, work) {
            self.steps.push(Step { change, said });
            self.cursor = self.steps.len();
            return;
        }
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

    /// Ballots are anonymous, in the history too: when a ballot follows another in
    /// the same round, the earlier one (with any totals step before it) becomes one
    /// step setting the round's totals as they were before this ballot; revealing
    /// the round folds in the last ballot the same way. Undo still takes back the last
    /// ballot exactly; no saved history holds more than one person's choices, and
    /// none once the round is revealed. True if it folded (the caller pushes the new step).
    fn fold_ballots(&mut self, change: &Change, work: &Work) -> bool {
        use horizon_model::{Edit, EventEdit};
        // The round, and the choices to take off the work's totals to get the totals
        // before `change` (none for a reveal, which changes no count).
        let (event, round, choices) = match change {
            Change::Scenario(Edit::Event(EventEdit::Ballot { event, round, choices })) => (event, round, choices.as_slice()),
            Change::Scenario(Edit::Event(EventEdit::Reveal { event, round, .. })) => (event, round, &[][..]),
            _ => return false,
        };
        let same_round = |c: &Change| match c {
            Change::Scenario(Edit::Event(
                EventEdit::Ballot { event: e, round: r, .. } | EventEdit::Counts { event: e, round: r, .. },
            )) => e == event && r == round,
            _ => false,
        };
        let is_ballot = |c: &Change| matches!(c, Change::Scenario(Edit::Event(EventEdit::Ballot { .. })));
        match self.steps.last() {
            Some(last) if is_ballot(&last.change) && same_round(&last.change) => {}
            _ => return false,
        }
        let Some(r) = work.scenario.event(event).and_then(|e| e.round(round)) else {
            return false;
        };
        let votes: Vec<u32> = r
            .options
            .iter()
            .map(|o| o.votes.saturating_sub(u32::from(choices.contains(&o.subject))))
            .collect();
        let ballots = r.ballots.saturating_sub(u32::from(!choices.is_empty()));
        let counts = Step {
            change: Change::Scenario(Edit::Event(EventEdit::Counts {
                event: event.clone(),
                round: round.clone(),
                votes,
                ballots,
            })),
            said: format!("Votes cast: {} so far.", horizon_model::count(ballots as usize, "ballot", "ballots")),
        };
        self.steps.pop();
        let before_counts = self.steps.len().checked_sub(1).filter(|&k| {
            matches!(&self.steps[k].change, Change::Scenario(Edit::Event(EventEdit::Counts { .. }))) && same_round(&self.steps[k].change)
        });
        if before_counts.is_some() {
            self.steps.pop();
        }
        let first = self.steps.len();
        self.checkpoints.retain(|&k, _| k <= first);
        self.steps.push(counts);
        true
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
