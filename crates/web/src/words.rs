//! The page's words for the engine's and model's values, in one place so every view
//! says the same thing the same way. Presentation only: no decisions are made here.

use horizon_engine::{Change, DiagnosticKind, Kind, RuleStatus};
use horizon_model::Level;

/// The matrix symbol for a level: shape, not colour, carries the meaning.
pub fn level_symbol(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Main) => "●",
        Some(Level::Subsidiary) => "◐",
        Some(Level::Issue) => "○",
        None => "",
    }
}

/// A level in the seed's words; "not named" for an empty cell.
pub fn level_words(level: Option<Level>) -> &'static str {
    level.map_or("not named", Level::label)
}

/// The CSS class that colours a cell (a second cue beside the symbol).
pub fn level_class(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Main) => "level-main",
        Some(Level::Subsidiary) => "level-subsidiary",
        Some(Level::Issue) => "level-issue",
        None => "level-none",
    }
}

/// One sentence explaining what each kind of change means, for the tag's tooltip and key.
pub fn kind_meaning(kind: Kind) -> &'static str {
    kind.spec().meaning
}

pub fn change_words(change: Change) -> &'static str {
    match change {
        Change::Unchanged => "Unchanged (no suggestion)",
        Change::Retained => "Retained",
        Change::Renamed => "Renamed",
        Change::Added => "New",
        Change::Consolidated => "Consolidated",
        Change::Split => "Split",
    }
}

pub fn status_words(status: RuleStatus) -> &'static str {
    match status {
        RuleStatus::Fired => "Fired",
        RuleStatus::DidNotFire => "Did not fire",
        RuleStatus::Failed => "Failed",
        RuleStatus::Disabled => "Switched off",
    }
}

pub fn status_class(status: RuleStatus) -> &'static str {
    match status {
        RuleStatus::Fired => "tag tag-fired",
        RuleStatus::DidNotFire => "tag tag-quiet",
        RuleStatus::Failed => "tag tag-failed",
        RuleStatus::Disabled => "tag tag-off",
    }
}

/// What kind of problem a diagnostic is, in a few words.
pub fn diagnostic_kind_words(kind: DiagnosticKind) -> &'static str {
    use DiagnosticKind as K;
    match kind {
        K::Header => "Header problem",
        K::Syntax => "Syntax error",
        K::Forbidden => "Not allowed",
        K::Runtime => "Error while running",
        K::OperationsLimit => "Operations limit reached",
        K::TimeLimit => "Time limit reached",
        K::CallDepthLimit => "Call depth limit reached",
        K::ExpressionDepthLimit => "Expression depth limit reached",
        K::StringSizeLimit => "Text size limit reached",
        K::ArraySizeLimit => "List size limit reached",
        K::MapSizeLimit => "Map size limit reached",
        K::NestingLimit => "Nesting limit reached",
        K::VariablesLimit => "Variables limit reached",
        K::FunctionsLimit => "Functions limit reached",
        K::BadSuggestion => "Unusable suggestion",
        K::BadEvidence => "Evidence left out",
        K::BadParameter => "Parameter problem",
        K::Crashed => "The rule language failed",
        K::Stopped => "Stopped by the page",
    }
}

/// Likelihood on the 4 × 4 grid (the scenarios' stated scale).
pub fn likelihood_words(n: u8) -> &'static str {
    match n {
        1 => "unlikely",
        2 => "possible",
        3 => "likely",
        4 => "almost certain",
        _ => "out of range",
    }
}

/// Impact on the 4 × 4 grid (the scenarios' stated scale).
pub fn impact_words(n: u8) -> &'static str {
    match n {
        1 => "minor",
        2 => "moderate",
        3 => "major",
        4 => "severe",
        _ => "out of range",
    }
}

/// A duration for people: one decimal under 10 ms, whole milliseconds above.
pub fn millis(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{:.1} seconds", ms / 1000.0)
    } else if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// A score as the report prints it (one decimal).
pub fn score(score: f64) -> String {
    format!("{score:.1}")
}

/// "1 item", "3 items".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// A plan as the "Plan under review" drop-down lists it: its name and whose it is.
pub fn plan_option(p: &horizon_model::Plan, s: &horizon_model::Scenario) -> String {
    use horizon_model::PlanKind;
    let district = p
        .district
        .as_deref()
        .and_then(|d| s.district(d))
        .map(|d| d.name.as_str());
    let whose = match (p.kind, district) {
        (PlanKind::CountyAgreement, _) => "county agreement".to_string(),
        (PlanKind::DistrictPlan, Some(d)) => format!("{d}'s district plan"),
        (PlanKind::DistrictPlan, None) => "district plan".to_string(),
        (PlanKind::UnitaryPlan, Some(d)) => format!("{d}'s unitary authority plan"),
        (PlanKind::UnitaryPlan, None) => "unitary authority plan".to_string(),
    };
    format!("{} ({whose})", p.name)
}

/// Where a county priority stands locally, in a table cell's words.
pub fn standing_words(standing: &horizon_engine::Standing) -> &'static str {
    use horizon_engine::Standing as S;
    match standing {
        S::Covered { .. } => "Covered",
        S::NamedLocally { .. } => "Named locally only",
        S::NotAddressed => "Not addressed locally",
    }
}

/// A symbol beside the standing's words (never in place of them).
pub fn standing_symbol(standing: &horizon_engine::Standing) -> &'static str {
    use horizon_engine::Standing as S;
    match standing {
        S::Covered { .. } => "✓",
        S::NamedLocally { .. } => "◇",
        S::NotAddressed => "✗",
    }
}

/// The CSS class that marks a standing (a second cue beside the words).
pub fn standing_class(standing: &horizon_engine::Standing) -> &'static str {
    use horizon_engine::Standing as S;
    match standing {
        S::Covered { .. } => "standing-covered",
        S::NamedLocally { .. } => "standing-named",
        S::NotAddressed => "standing-absent",
    }
}

/// How a local focus area (or cross-cutting theme) takes in a county priority.
pub fn cover_words(c: &horizon_engine::Cover) -> String {
    use horizon_engine::How;
    match c.how {
        How::Directly => format!("directly by “{}”", c.name),
        How::Within => format!("within the broader focus area “{}”", c.name),
        How::CrossCutting => format!("by the cross-cutting theme “{}”", c.name),
    }
}

/// "Domestic Abuse, Road Safety and Prevent"; "none" for an empty list.
pub fn names_or_none(names: &[String]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        horizon_model::join_and(names)
    }
}

/// A short key for a standing, for the page's tests and styles: covered, named, absent.
pub fn standing_key(standing: &horizon_engine::Standing) -> &'static str {
    use horizon_engine::Standing as S;
    match standing {
        S::Covered { .. } => "covered",
        S::NamedLocally { .. } => "named",
        S::NotAddressed => "absent",
    }
}

/// The first letter in capitals: "Not named", "Directly by …".
pub fn capitalise(text: &str) -> String {
    horizon_model::capitalised(text)
}

/// A level in a few words, for a narrow cell: "main priority", "subsidiary", "an issue".
pub fn level_short(level: Level) -> &'static str {
    match level {
        Level::Main => "main priority",
        Level::Subsidiary => "subsidiary",
        Level::Issue => "an issue",
    }
}
