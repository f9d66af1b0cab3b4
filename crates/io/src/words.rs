//! The words people write in spreadsheet cells, read as the model's values, and the
//! words Horizon writes back. Each value's spellings live here and nowhere else.

use horizon_model::{
    name_key, Event, LegislationStatus, Level, PlanKind, Round, ScreenChoice, Subject, TimeHorizon,
    Way,
};

/// What a matrix cell says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A level in words or the page's symbols.
    Level(Level),
    /// A plain tick: the preview asks what a tick means.
    Tick,
}

/// What a matrix cell's text means, `Ok(None)` for a blank; `Err(())` when it is
/// none of the words a level or tick is written as.
#[allow(clippy::result_unit_err)]
pub fn mark(text: &str) -> Result<Option<Mark>, ()> {
    let t = text.trim();
    if t.is_empty() || matches!(t, "-" | "–" | "—" | "0") {
        return Ok(None);
    }
    match t {
        "●" | "■" | "★" => return Ok(Some(Mark::Level(Level::Main))),
        "◐" | "◑" | "▲" => return Ok(Some(Mark::Level(Level::Subsidiary))),
        "○" | "□" | "△" => return Ok(Some(Mark::Level(Level::Issue))),
        "✓" | "√" | "✔" | "☑" | "✅" | "x" | "X" | "×" | "✗" | "✘" | "*" | "1" => {
            return Ok(Some(Mark::Tick))
        }
        _ => {}
    }
    let k = name_key(&t.replace(['-', '_', '/', '(', ')', ','], " "));
    let level = match k.as_str() {
        "main"
        | "m"
        | "main priority"
        | "named priority"
        | "named main priority"
        | "named"
        | "priority"
        | "p"
        | "yellow"
        | "high" => Level::Main,
        "subsidiary"
        | "s"
        | "sub"
        | "subsidiary priority"
        | "cross cutting"
        | "cross cutting theme"
        | "crosscutting"
        | "key enabler"
        | "enabler"
        | "orange"
        | "subsidiary priority or cross cutting theme"
        | "secondary"
        | "medium" => Level::Subsidiary,
        "issue"
        | "i"
        | "issue within a broader theme"
        | "within a broader theme"
        | "within broader theme"
        | "grey"
        | "gray"
        | "low"
        | "named within a broader theme" => Level::Issue,
        "y" | "yes" | "tick" | "ticked" | "true" => return Ok(Some(Mark::Tick)),
        "n" | "no" | "none" | "false" | "not named" => return Ok(None),
        _ => return Err(()),
    };
    Ok(Some(Mark::Level(level)))
}

/// What Horizon writes in a matrix cell (and offers in the cell's drop-down).
pub fn level_word(level: Level) -> &'static str {
    match level {
        Level::Main => "Main",
        Level::Subsidiary => "Subsidiary",
        Level::Issue => "Issue",
    }
}

/// The words a level cell may hold, for the error message and the drop-down.
pub const LEVEL_WORDS: [&str; 3] = ["Main", "Subsidiary", "Issue"];

/// A time horizon from what people write: "Now", "within a year", "1-3 years",
/// "In 1 to 3 years", "3+ years", "Beyond", "Short term"…
pub fn time_horizon(text: &str) -> Option<TimeHorizon> {
    let k = name_key(&text.replace(['-', '–', '_', '(', ')'], " "));
    let k = k
        .replace(" to ", " ")
        .replace("yrs", "years")
        .replace("year ", "years ");
    let k = k.trim_end_matches('.').to_string();
    let t = match k.as_str() {
        "now" | "current" | "immediate" | "ongoing" | "already happening" | "present"
        | "existing" => TimeHorizon::Now,
        "within a year" | "within a years" | "within one year" | "within 1 years" | "< 1 years"
        | "<1 years" | "0 1 years" | "under a year" | "under 1 years" | "less than a year"
        | "this year" | "short term" | "short" | "next 12 months" | "within 12 months"
        | "12 months" => TimeHorizon::WithinAYear,
        "1 3 years" | "in 1 3 years" | "one three years" | "in one three years" | "1 3"
        | "medium term" | "medium" | "2 3 years" => TimeHorizon::OneToThreeYears,
        "beyond" | "beyond 3 years" | "3+ years" | "3 + years" | "over 3 years" | "> 3 years"
        | ">3 years" | "more than 3 years" | "long term" | "long" | "3 years +" | "3 years+"
        | "5 years" | "later" => TimeHorizon::Beyond,
        _ => TimeHorizon::ALL
            .into_iter()
            .find(|t| name_key(t.label()) == name_key(text) || t.as_str() == text.trim())?,
    };
    Some(t)
}

/// PESTELO category words as people abbreviate them, to the shipped category's id:
/// "Soc" → social, "Legislative" → legislation, "Tech" → technological.
pub fn category_id(text: &str) -> Option<&'static str> {
    let k = name_key(&text.replace(['/', '-', '(', ')', ':', '.'], " "));
    let first = k.split(' ').next().unwrap_or("");
    let id = match first {
        "p" | "pol" | "political" | "politics" => "political",
        "e" | "econ" | "eco" | "economic" | "economy" | "economical" => "economic",
        "s" | "soc" | "social" | "society" | "demographic" | "demographics" => "social",
        "t" | "tech" | "technological" | "technology" | "technical" => "technological",
        "env" | "environmental" | "environment" => "environmental",
        "l" | "leg" | "legal" | "legislative" | "legislation" | "law" => "legislation",
        "o" | "org" | "organisational" | "organizational" | "organisation" | "organization" => {
            "organisational"
        }
        _ => return None,
    };
    Some(id)
}

/// "Enacted", "in force", "incoming", "Bill", "proposed"…
pub fn status(text: &str) -> Option<LegislationStatus> {
    let k = name_key(&text.replace(['-', '_'], " "));
    Some(match k.as_str() {
        "enacted" | "in force" | "act" | "law" | "current" | "passed" | "royal assent" => {
            LegislationStatus::Enacted
        }
        "incoming"
        | "coming"
        | "commencing"
        | "due"
        | "not yet in force"
        | "awaiting commencement" => LegislationStatus::Incoming,
        "proposed" | "bill" | "draft" | "consultation" | "planned" | "white paper"
        | "green paper" => LegislationStatus::Proposed,
        _ => return None,
    })
}

/// What Horizon writes for a status.
pub fn status_word(s: LegislationStatus) -> &'static str {
    match s {
        LegislationStatus::Enacted => "Enacted",
        LegislationStatus::Incoming => "Incoming",
        LegislationStatus::Proposed => "Proposed",
    }
}

/// Yes or no in words, ticks or 1/0; `None` when it is neither.
pub fn yes_no(text: &str) -> Option<bool> {
    match name_key(text).as_str() {
        "yes" | "y" | "true" | "1" | "✓" | "√" | "✔" | "x" | "duty" | "statutory" => {
            Some(true)
        }
        "no" | "n" | "false" | "0" | "" | "-" | "none" => Some(false),
        _ => None,
    }
}

pub fn yes_no_word(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

/// A list in one cell: semicolons or line breaks (commas are part of theme names,
/// as in "Acquisitive Crime (burglary, vehicle, shoplifting)").
pub fn list(text: &str) -> Vec<String> {
    text.split([';', '\n', '\r', '|'])
        .map(|s| {
            s.trim()
                .trim_start_matches(['•', '-', '·'])
                .trim()
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// How Horizon writes a list in one cell.
pub fn list_text(items: &[String]) -> String {
    items.join("; ")
}

/// Whether a plan table's "Type" says cross-cutting theme (`Some(true)`), focus area
/// (`Some(false)`, also for a blank), or neither.
pub fn cross_cutting(text: &str) -> Option<bool> {
    let k = name_key(&text.replace('-', " "));
    match k.as_str() {
        "" | "focus area" | "focus" | "priority" | "fa" => Some(false),
        "cross cutting theme"
        | "cross cutting"
        | "crosscutting"
        | "cct"
        | "cross cutting themes" => Some(true),
        _ => None,
    }
}

pub fn plan_type_word(cross_cutting: bool) -> &'static str {
    if cross_cutting {
        "Cross-cutting theme"
    } else {
        "Focus area"
    }
}

/// The words for the plan as a whole in a consultation table's focus-area column.
pub fn is_plan_overall(text: &str) -> bool {
    matches!(
        name_key(text).as_str(),
        "" | "plan overall" | "overall" | "the plan overall" | "whole plan" | "all" | "plan"
    )
}

pub const PLAN_OVERALL: &str = "Plan overall";

/// What Horizon writes for a plan's kind.
pub fn plan_kind_word(kind: PlanKind) -> &'static str {
    kind.label()
}

/// A plan's kind from what people write ("County agreement", "Community Safety
/// Agreement", "district plan", "CSA", "Unitary"…); `None` when it is none of them.
pub fn plan_kind(text: &str) -> Option<PlanKind> {
    let k = name_key(&text.replace(['-', '_'], " "));
    match k.as_str() {
        "county agreement"
        | "county"
        | "agreement"
        | "community safety agreement"
        | "county community safety agreement"
        | "county agreement plan"
        | "csa" => Some(PlanKind::CountyAgreement),
        "district plan"
        | "district"
        | "plan"
        | "community safety plan"
        | "district community safety plan"
        | "csp" => Some(PlanKind::DistrictPlan),
        "unitary plan" | "unitary" | "unitary authority plan" | "unitary authority" => {
            Some(PlanKind::UnitaryPlan)
        }
        _ => None,
    }
}

/// How a vote round is counted, from what people write.
pub fn way(text: &str) -> Option<Way> {
    match name_key(&text.replace(['-', '_'], " ")).as_str() {
        "tally" | "count" | "counts" | "show of hands" | "hands" | "dots" => Some(Way::Tally),
        "ballots" | "ballot" | "laptop" | "votes cast" => Some(Way::Ballots),
        "rating" | "ratings" | "rate" | "rated" => Some(Way::Rating),
        _ => None,
    }
}

pub fn way_word(way: Way) -> &'static str {
    way.label()
}

/// What a round's option is: `Some(true)` a horizon item, `Some(false)` a theme
/// (also for a blank).
pub fn is_item(text: &str) -> Option<bool> {
    match name_key(&text.replace(['-', '_'], " ")).as_str() {
        "" | "theme" | "matrix theme" => Some(false),
        "horizon item" | "item" | "horizon" | "horizon scan" | "horizon scan item" => Some(true),
        _ => None,
    }
}

pub fn subject_word(s: &Subject) -> &'static str {
    match s {
        Subject::Theme(_) => "Theme",
        Subject::Item(_) => "Horizon item",
    }
}

/// Before (`Some(false)`) or after (`Some(true)`) a round's results.
pub fn after(text: &str) -> Option<bool> {
    match name_key(text).as_str() {
        "before" | "before the results" | "before results" | "before reveal" => Some(false),
        "after" | "after the results" | "after results" | "after reveal" => Some(true),
        _ => None,
    }
}

pub fn after_word(after: bool) -> &'static str {
    if after {
        "After"
    } else {
        "Before"
    }
}

/// What a Screens cell writes for a round's results, before its question.
pub const RESULTS_PREFIX: &str = "Results:";

/// The word a Screens cell writes for no screens at all.
pub const NO_SCREENS: &str = "None";

/// One screen of an event's presentation, from what a Screens cell says: a standard
/// screen by its label or a short word ("matrix"), or "Results: " and a round's
/// question (when no other round asks the same) or its ID.
pub fn screen(text: &str, event: &Event) -> Option<ScreenChoice> {
    let t = text.trim();
    let prefix = t.get(..RESULTS_PREFIX.len());
    if prefix.is_some_and(|p| p.eq_ignore_ascii_case(RESULTS_PREFIX)) {
        let rest = t[RESULTS_PREFIX.len()..].trim();
        let key = name_key(rest);
        let asked: Vec<&Round> = event
            .rounds
            .iter()
            .filter(|r| name_key(&r.question) == key)
            .collect();
        return match asked.as_slice() {
            [one] => Some(ScreenChoice::Round(one.id.clone())),
            _ => event
                .rounds
                .iter()
                .find(|r| r.id == rest)
                .map(|r| ScreenChoice::Round(r.id.clone())),
        };
    }
    let key = name_key(&t.replace(|c: char| !c.is_alphanumeric(), " "));
    let key = key.strip_prefix("the ").unwrap_or(&key);
    let standard = match key {
        "title" | "title screen" => ScreenChoice::Title,
        "matrix" | "priority matrix" | "heat map" => ScreenChoice::Matrix,
        "radar" | "horizon scan radar" | "horizon scan" => ScreenChoice::Radar,
        "grid" | "likelihood impact grid" | "likelihood x impact grid" => ScreenChoice::Grid,
        "suggestions" | "each suggestion" => ScreenChoice::Suggestions,
        "proposed" | "proposed focus areas" | "proposed plan" => ScreenChoice::Proposed,
        _ => return None,
    };
    Some(standard)
}

/// What a Screens cell writes for one screen: its label, and for a round's results
/// the question, or the round's ID where the question would not be read back as
/// this round (another round asks the same, or it holds a semicolon).
pub fn screen_word(choice: &ScreenChoice, event: &Event) -> String {
    let ScreenChoice::Round(id) = choice else {
        return choice.label(event);
    };
    let by_question = event
        .round(id)
        .map(|r| format!("{RESULTS_PREFIX} {}", r.question));
    match by_question {
        Some(t) if list(&t) == [t.clone()] && screen(&t, event).as_ref() == Some(choice) => t,
        _ => format!("{RESULTS_PREFIX} {id}"),
    }
}

/// A presentation's screens in one cell: blank for every screen in the usual order.
pub fn screens_text(screens: &Option<Vec<ScreenChoice>>, event: &Event) -> String {
    match screens {
        None => String::new(),
        Some(v) if v.is_empty() => NO_SCREENS.to_string(),
        Some(v) => {
            let words: Vec<String> = v.iter().map(|c| screen_word(c, event)).collect();
            list_text(&words)
        }
    }
}
