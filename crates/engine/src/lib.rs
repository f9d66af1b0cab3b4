//! The rule engine: runs user-editable Rhai rules over a scenario in a sandbox
//! and turns what they emit into merged, evidenced suggestions.
//!
//! Knows nothing of Yew, files or the terminal: callers hand it rule texts and a
//! [`horizon_model::Scenario`] and get an [`Evaluation`] back. It builds for
//! `wasm32-unknown-unknown` as well as the host.

mod align;
mod api;
mod bounds;
mod coherence;
mod compare;
mod contain;
mod conflict;
mod diagnostic;
mod evidence;
mod explain;
mod evaluate;
mod evaluator;
mod firmness;
mod evidence_words;
mod event_words;
pub mod index;
mod kind;
mod pack;
pub mod report;
mod rule;
pub mod ruletest;
mod split_part;
mod suggest_map;
mod suggestion;
mod why_not;

pub use align::{
    align, county_view, Alignment, ColumnTheme, CountyPriority, CountyView, Cover, DistrictRow,
    How, LocalFocusArea, NoAlignment, Standing,
};
pub use why_not::NearMiss;
pub use conflict::{MAX_CONFLICTS_LISTED, MAX_PAIRS_JUDGED};
pub use explain::{part_words, points, RulePart};
pub use compare::{compare_suggestions, Comparison, SuggestionChange};
pub use diagnostic::{Diagnostic, DiagnosticKind};
pub use evaluator::Evaluator;
pub use evaluate::{
    evaluate, evaluate_watched, Evaluation, Limits, RuleSource, RuleStatus, RuleTrace, Settings,
    DEFAULT_TIME_LIMIT_MS, MAX_TIME_LIMIT_MS,
};
pub use firmness::{
    firmness, firmness_all, Direction, DistrictFirmness, Firmness, FirmnessError, ParamFirmness,
    ParamOutcome, RankShift, Shift,
};
pub use event_words::{
    movement, standings, summaries as event_summaries, EventSummary, Moved, OptionResult, RoundSummary,
    MOVES_SHOWN,
};
pub use evidence_words::{evidence_summary, EvidenceGroup};
pub use kind::{Identity, Kind, KindSpec};
pub use pack::{
    is_shipped_file, is_shipped_pack, is_shipped_tests, parse_rule_bytes, parse_rules, shipped_pack, shipped_rule_files,
    shipped_test_files, RuleFile,
};
pub use rule::{version_of, ParamSpec, ParamType, ParamValue, Rule};
pub use split_part::SplitPart;
pub use suggestion::{
    Change, Conflict, Evidence, ProposedFocusArea, ProposedPlan, Reason, Removal, RemovedFocusArea,
    RuleRef, ScorePart, Suggestion, SuggestionId, SuggestionIdError, Target, Unlisted,
};

impl RuleSource {
    /// The rule's id, or the file name of a rule whose header is broken.
    pub fn id(&self) -> &str {
        match self {
            RuleSource::Parsed(r) => &r.id,
            RuleSource::Broken { name, .. } => name,
        }
    }

    pub fn source(&self) -> &str {
        match self {
            RuleSource::Parsed(r) => &r.source,
            RuleSource::Broken { source, .. } => source,
        }
    }
}
