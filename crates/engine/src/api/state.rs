//! The state one rule's run shares with the host functions: what it emitted and
//! printed, and its budget of operations, time and nesting.

use std::cell::{Cell, RefCell};
use std::time::Duration;

use rhai::{Dynamic, EvalAltResult, Map, Position};
use web_time::Instant;

use super::{s, R};

/// Per-rule run state shared with the host functions.
#[derive(Default)]
pub(crate) struct RunState {
    pub suggestions: RefCell<Vec<(Map, Position)>>,
    pub not_suggested: RefCell<Vec<(Dynamic, Position)>>,
    pub printed: RefCell<Vec<String>>,
    pub printed_chars: Cell<usize>,
    /// Operations charged by host calls, on top of Rhai's own count.
    pub host_cost: Cell<u64>,
    /// Rhai's operations so far (progress reports).
    pub ops: Cell<u64>,
    pub max_operations: Cell<u64>,
    /// When the running rule's time is up.
    pub deadline: Cell<Option<Instant>>,
    /// Set once the deadline has passed: every later check stops the rule at once.
    pub out_of_time: Cell<bool>,
    /// Rhai's operation count at which the clock is next read.
    pub next_clock: Cell<u64>,
    /// Set when the rule asked to print a value nested past the nesting limit: it
    /// is stopped at its next operation.
    pub too_deep: Cell<bool>,
    /// Where it asked.
    pub too_deep_at: Cell<Position>,
    /// What was cut from the rule's output past the engine's bounds (`bounds.rs`).
    pub cuts: crate::bounds::Cuts,
}

const MAX_PRINTED_LINES: usize = 200;
const MAX_PRINTED_CHARS: usize = 20_000;

/// How many of Rhai's operations pass between two readings of the clock: reading
/// it costs about as much as a few operations, and a single operation is rarely
/// slower than a few microseconds (a copy of a large list is the slow case; the
/// library functions that scan or copy whole values also read the clock, below).
pub(super) const CLOCK_EVERY: u64 = 16;

impl RunState {
    pub fn reset(&self, limits: &crate::Limits) {
        self.clear_emitted();
        self.printed.borrow_mut().clear();
        self.printed_chars.set(0);
        self.host_cost.set(0);
        self.ops.set(0);
        self.max_operations.set(limits.max_operations);
        self.out_of_time.set(false);
        self.too_deep.set(false);
        self.next_clock.set(0);
        self.deadline.set(Some(
            Instant::now() + Duration::from_millis(limits.time_limit_ms),
        ));
    }

    /// Forgets what the running rule suggested (a rule that stops part-way adds nothing).
    pub fn clear_emitted(&self) {
        self.suggestions.borrow_mut().clear();
        self.not_suggested.borrow_mut().clear();
        self.cuts.reset();
    }

    /// Keeps one `suggest` map, cut to the bounds, unless the rule has already made
    /// `max_suggestions`: then it is only counted.
    pub(super) fn keep_suggestion(&self, mut m: Map, pos: Position, limits: &crate::Limits) {
        let calls = &self.cuts.suggest_calls;
        calls.set(calls.get().saturating_add(1));
        if calls.get() > limits.max_suggestions {
            return;
        }
        self.cuts.trim(&mut m, limits);
        self.suggestions.borrow_mut().push((m, pos));
    }

    /// Keeps one `not_suggested` value unless the rule has already recorded `max`:
    /// then it is only counted.
    pub(super) fn keep_near_miss(&self, d: Dynamic, pos: Position, max: usize) {
        let calls = &self.cuts.near_miss_calls;
        calls.set(calls.get().saturating_add(1));
        if calls.get() <= max {
            self.not_suggested.borrow_mut().push((d, pos));
        }
    }

    pub fn operations(&self) -> u64 {
        self.ops.get() + self.host_cost.get()
    }

    /// Whether the running rule's time is up, reading the clock.
    pub fn past_deadline(&self) -> bool {
        if self.out_of_time.get() {
            return true;
        }
        if self.deadline.get().is_some_and(|d| Instant::now() >= d) {
            self.out_of_time.set(true);
        }
        self.out_of_time.get()
    }

    /// Charges a host call (or a library call over a whole value) `cost` operations,
    /// and stops the rule if that passes its operations or its time limit.
    pub(super) fn charge(&self, cost: usize, pos: Position) -> R<()> {
        self.host_cost
            .set(self.host_cost.get().saturating_add(cost as u64 + 1));
        if self.operations() > self.max_operations.get() {
            return Err(EvalAltResult::ErrorTooManyOperations(pos).into());
        }
        if self.too_deep.get() {
            return Err(EvalAltResult::ErrorTerminated(s(NESTING_TOKEN), pos).into());
        }
        if self.past_deadline() {
            return Err(EvalAltResult::ErrorTerminated(s(TIME_TOKEN), pos).into());
        }
        Ok(())
    }

    /// For a host call working through a long list: every 1,024th item (`i`), stops
    /// the rule if its time is up, so one call cannot run far past the time limit.
    pub(super) fn on_the_way(&self, i: usize, pos: Position) -> R<()> {
        if i % 1024 == 1023 && self.past_deadline() {
            return Err(EvalAltResult::ErrorTerminated(s(TIME_TOKEN), pos).into());
        }
        Ok(())
    }

    /// Stops the rule when a value it passed is nested past the limit (`depth` is
    /// `None` then, from [`crate::contain::nesting_within`]).
    pub(super) fn shallow(&self, depth: Option<usize>, pos: Position) -> R<()> {
        if depth.is_none() {
            self.too_deep.set(true);
            return Err(EvalAltResult::ErrorTerminated(s(NESTING_TOKEN), pos).into());
        }
        Ok(())
    }

    pub(super) fn print(&self, text: &str) {
        let mut printed = self.printed.borrow_mut();
        if printed.len() >= MAX_PRINTED_LINES || self.printed_chars.get() >= MAX_PRINTED_CHARS {
            if printed.last().map(String::as_str) != Some("… (further output not kept)") {
                printed.push("… (further output not kept)".to_string());
            }
            return;
        }
        self.printed_chars
            .set(self.printed_chars.get() + text.len());
        printed.push(text.chars().take(2_000).collect());
    }
}

/// What `on_progress` stops a rule with when host calls used up its budget.
pub(crate) const OPERATIONS_TOKEN: &str = "horizon:operations-limit";
/// What stops a rule past its time limit.
pub(crate) const TIME_TOKEN: &str = "horizon:time-limit";
/// What stops a rule that nests lists or maps past the nesting limit.
pub(crate) const NESTING_TOKEN: &str = "horizon:nesting-limit";
