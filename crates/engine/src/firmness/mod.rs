//! How firm a suggestion is: what would have to change for it to go, or to change
//! rank, found by evaluating modified copies of the inputs.
//!
//! Two kinds of change are tried, the same for every rule pack (nothing here knows a
//! rule, theme or district by name):
//!
//! - **Districts** (`districts.rs`): the matrix cells of the suggestion's subject (the
//!   themes of the focus areas it concerns, or for a suggestion about themes alone the
//!   themes that identify it), changed one district at a time in both directions:
//!   districts stop naming it (strongest first), or more districts name it as a main
//!   priority (those leaving it blank first). The fewest districts that make it go,
//!   and the fewest that move it in the ranking, are found by bisection over that order.
//! - **Settings** (`params.rs`): each parameter of each rule behind the suggestion,
//!   tried at the ends of its declared range and, where an end makes it go, bisected
//!   to the last value at which it holds (2 decimals for numbers, whole numbers for
//!   integers); switches are tried the other way.
//!
//! Bisection keeps one value at which the suggestion holds and one at which it does
//! not, each evaluated, so every figure stated is true of the evaluation at that
//! figure and one step past it, whether or not the rules behave monotonically.
//!
//! **Cost**, in evaluations of the whole pack, for a matrix of `D` districts and rules
//! behind the suggestion with numeric parameters whose ranges hold `Nᵢ` steps (0.01
//! for numbers, 1 for integers): at most
//! `1 + 2 × (1 + 2⌈log₂ D⌉) + Σᵢ (2 + 2⌈log₂ Nᵢ⌉) + switches` (tested). For Kent's
//! 11 districts the matrix part is at most 19; a 0..1 number adds at most 16, a 0..100
//! number at most 30. In practice a setting that holds at both ends costs 2, and each
//! of Kent's suggestions takes 17 to 30 evaluations ([`Firmness::evaluations`]): about
//! 0.2 s in the page for its top suggestion (10 ms an evaluation), 1.4 s in a debug
//! build for all nine.
//!
//! [`Firmness::sentences`] is the one home of the wording (`words.rs`).

mod districts;
mod params;
mod words;

pub(crate) use words::{json, markdown, text, JsonFirmness};

use horizon_model::{Level, Scenario};
use serde::{Deserialize, Serialize};

use crate::evaluate::{evaluate_watched, Limits, RuleSource, Settings};
use crate::rule::{ParamType, ParamValue};
use crate::suggestion::SuggestionId;

/// How firm one suggestion is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Firmness {
    pub suggestion: SuggestionId,
    /// Its place in the list now, 1 for the highest score.
    pub rank: usize,
    /// How many suggestions the list holds.
    pub of: usize,
    /// What changes in the matrix would do; `None` when it has no subject in the matrix.
    pub districts: Option<DistrictFirmness>,
    /// What changing each setting of the rules behind it would do.
    pub params: Vec<ParamFirmness>,
    /// How many evaluations the search took.
    pub evaluations: usize,
}

/// The matrix cells a suggestion rests on, and what changing them does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistrictFirmness {
    /// The themes whose cells are changed (ids).
    pub themes: Vec<String>,
    /// Their name in a sentence: "Safeguarding", "Violent Crime or Acquisitive Crime".
    pub subject: String,
    /// Districts in the matrix.
    pub districts: usize,
    /// Districts naming the subject now, at any level.
    pub naming: usize,
    /// Districts naming it as a main priority now.
    pub naming_main: usize,
    /// Districts stop naming it; `None` when no district names it.
    pub fewer: Option<Shift>,
    /// More districts name it as a main priority; `None` when all already do.
    pub more: Option<Shift>,
}

/// Which way the matrix is changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A district stops naming the subject: every cell of its themes is cleared.
    Fewer,
    /// A district names the subject as a main priority: the first of its themes is set
    /// to main.
    More,
}

/// One direction of change to the matrix, made district by district in `order`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shift {
    pub direction: Direction,
    /// The districts changed, in the order tried (ids), and their names.
    pub order: Vec<String>,
    pub names: Vec<String>,
    /// The fewest districts (the first of `order`) whose change makes it go; `None`
    /// when it holds with every district in `order` changed.
    pub gone_after: Option<usize>,
    /// The fewest whose change moves it to another place while it is still suggested.
    pub rank: Option<RankShift>,
}

/// A change of place in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RankShift {
    /// How many districts (the first of the shift's order) are changed.
    pub after: usize,
    /// 1-based places before and after.
    pub from: usize,
    pub to: usize,
}

/// What changing one setting of a rule behind the suggestion does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamFirmness {
    pub rule: String,
    pub rule_title: String,
    pub param: String,
    /// The label a user sees beside the control (the header's last field).
    pub label: String,
    #[serde(rename = "type")]
    pub kind: ParamType,
    pub current: ParamValue,
    pub outcome: ParamOutcome,
}

/// Where a setting makes the suggestion go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ParamOutcome {
    /// It holds at `holds_at` and goes at `goes_at`, one step above.
    GoesAbove {
        holds_at: ParamValue,
        goes_at: ParamValue,
    },
    /// It holds at `holds_at` and goes at `goes_at`, one step below.
    GoesBelow {
        holds_at: ParamValue,
        goes_at: ParamValue,
    },
    /// It goes when the switch is set to `to`.
    GoesWhenSwitched { to: bool },
    /// It holds at both ends of the declared range (or both settings of a switch).
    Holds,
}

/// Why firmness could not be worked out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FirmnessError {
    #[error("the review does not make the suggestion {0}, so there is nothing to test")]
    NotSuggested(SuggestionId),
}

impl Firmness {
    /// What would make it go or move, in plain English: its one home for wording.
    pub fn sentences(&self) -> Vec<String> {
        words::sentences(self)
    }
}

/// Evaluations of changed inputs, each asking where the suggestion stands.
pub(crate) struct Probe<'a> {
    pub scenario: &'a Scenario,
    pub rules: &'a [RuleSource],
    pub settings: &'a Settings,
    pub limits: &'a Limits,
    pub id: &'a SuggestionId,
    pub evaluations: usize,
    /// Each rule compiled once for the whole search; the tables rebuilt only when a
    /// probe changes the scenario.
    pub evaluator: crate::Evaluator,
}

impl Probe<'_> {
    /// The suggestion's 0-based place when the rules run over `scenario` with
    /// `settings`, or `None` if it is not suggested.
    pub fn position(&mut self, scenario: &Scenario, settings: &Settings) -> Option<usize> {
        self.evaluations += 1;
        self.evaluator
            .evaluate(scenario, self.rules, settings, self.limits, &mut |_| {})
            .position(self.id)
    }
}

/// Bisection between `lo`, where `holds` is true, and `hi`, where it is false: the
/// first step after the last `lo` found to hold (so `holds(result - 1)` and
/// `!holds(result)` were both seen, or given).
pub(crate) fn bisect(mut lo: usize, mut hi: usize, mut holds: impl FnMut(usize) -> bool) -> usize {
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if holds(mid) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

/// How firm the suggestion `id` is in the evaluation of `scenario` with `rules` and
/// `settings`. Bounded as the module documentation says; deterministic.
pub fn firmness(
    scenario: &Scenario,
    rules: &[RuleSource],
    settings: &Settings,
    limits: &Limits,
    id: &SuggestionId,
) -> Result<Firmness, FirmnessError> {
    // The probes share one evaluator, on the caller's stack: in host builds, a deep one.
    crate::contain::on_big_stack(|| {
        let base = evaluate_watched(scenario, rules, settings, limits, &mut |_| {});
        firmness_in(scenario, rules, settings, limits, &base, id)
    })
}

/// How firm each suggestion of the evaluation is, in the evaluation's order.
pub fn firmness_all(
    scenario: &Scenario,
    rules: &[RuleSource],
    settings: &Settings,
    limits: &Limits,
) -> Vec<Firmness> {
    crate::contain::on_big_stack(|| {
        let base = evaluate_watched(scenario, rules, settings, limits, &mut |_| {});
        base.suggestions
            .iter()
            .filter_map(|s| firmness_in(scenario, rules, settings, limits, &base, &s.id()).ok())
            .collect()
    })
}

fn firmness_in(
    scenario: &Scenario,
    rules: &[RuleSource],
    settings: &Settings,
    limits: &Limits,
    base: &crate::Evaluation,
    id: &SuggestionId,
) -> Result<Firmness, FirmnessError> {
    let position = base
        .position(id)
        .ok_or_else(|| FirmnessError::NotSuggested(id.clone()))?;
    let suggestion = &base.suggestions[position];
    let mut probe = Probe {
        scenario,
        rules,
        settings,
        limits,
        id,
        evaluations: 1,
        evaluator: crate::Evaluator::default(),
    };
    let districts = districts::search(&mut probe, suggestion, position);
    let params = params::search(&mut probe, suggestion);
    Ok(Firmness {
        suggestion: id.clone(),
        rank: position + 1,
        of: base.suggestions.len(),
        districts,
        params,
        evaluations: probe.evaluations,
    })
}

/// The strongest level at which `district` names any of `themes`.
pub(crate) fn strongest(scenario: &Scenario, district: &str, themes: &[String]) -> Option<Level> {
    themes
        .iter()
        .filter_map(|t| scenario.level(district, t))
        .max()
}
