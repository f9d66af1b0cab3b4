//! Firmness in plain English: the one home of its wording. Names, never ids; numbers
//! agree with their nouns; UK spelling.

use super::{Direction, DistrictFirmness, Firmness, ParamFirmness, ParamOutcome, Shift};
use crate::rule::ParamValue;
use crate::explain::ordinal;
use horizon_model::{count, join_and};

/// A value as its setting shows it: 2 decimals for a number on the search's grid
/// (every value it finds), a number off it as written, whole numbers exactly.
pub fn value(v: &ParamValue) -> String {
    match v {
        ParamValue::Number(n) if ((n * 100.0).round() - n * 100.0).abs() < 1e-6 => {
            format!("{n:.2}")
        }
        other => other.to_string(),
    }
}

pub(super) fn sentences(f: &Firmness) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(d) = &f.districts {
        out.extend(districts(d));
    }
    out.extend(params(&f.params));
    if out.is_empty() {
        out.push(
            "Nothing in the matrix or in the settings of the rules behind it bears on it."
                .to_string(),
        );
    }
    out
}

/// "(for example Ashford, Canterbury and Dover)" for a few districts, else nothing.
fn example(names: &[String]) -> String {
    if names.is_empty() || names.len() > 5 {
        String::new()
    } else {
        format!(" (for example {})", join_and(names))
    }
}

/// The condition "k districts change", in the tense the sentence needs.
fn condition(d: &DistrictFirmness, shift: &Shift, k: usize, past: bool) -> String {
    let s = &d.subject;
    match shift.direction {
        Direction::Fewer => {
            let (stop, stops) = if past {
                ("stopped", "stopped")
            } else {
                ("stop", "stops")
            };
            if k == d.naming && k == 1 {
                format!("the one district naming {s} {stops} naming it")
            } else if k == d.naming {
                format!("all {k} districts naming {s} {stop} naming it")
            } else {
                let verb = if k == 1 { stops } else { stop };
                format!(
                    "{k} of the {} districts naming {s} {verb} naming it",
                    d.naming
                )
            }
        }
        Direction::More => {
            let verb = match (past, k) {
                (true, _) => "named",
                (false, 1) => "names",
                (false, _) => "name",
            };
            if k == d.districts - d.naming_main && d.naming_main == 0 {
                format!("every district {verb} {s} as a main priority")
            } else {
                format!(
                    "{} {verb} {s} as a main priority",
                    count(k, "more district", "more districts")
                )
            }
        }
    }
}

fn districts(d: &DistrictFirmness) -> Vec<String> {
    let shifts: Vec<&Shift> = [&d.fewer, &d.more].into_iter().flatten().collect();
    // (districts changed, 0 for going and 1 for moving, the sentence)
    let mut goes: Vec<(usize, u8, String)> = Vec::new();
    let mut held: Vec<Direction> = Vec::new();
    for shift in &shifts {
        if let Some(r) = shift.rank {
            let verb = if r.to > r.from { "Falls" } else { "Rises" };
            goes.push((
                r.after,
                1,
                format!(
                    "{verb} from {} to {} if {}{}.",
                    ordinal(r.from),
                    ordinal(r.to),
                    condition(d, shift, r.after, false),
                    if r.after == d.naming && shift.direction == Direction::Fewer {
                        String::new()
                    } else {
                        example(&shift.names[..r.after.min(shift.names.len())])
                    }
                ),
            ));
        }
        match shift.gone_after {
            Some(k) => {
                let names = &shift.names[..k.min(shift.names.len())];
                let example = if k == d.naming && shift.direction == Direction::Fewer {
                    String::new()
                } else {
                    example(names)
                };
                goes.push((
                    k,
                    0,
                    match shift.direction {
                        Direction::Fewer => {
                            format!("Holds unless {}{example}.", condition(d, shift, k, false))
                        }
                        Direction::More => {
                            format!("Would go if {}{example}.", condition(d, shift, k, true))
                        }
                    },
                ));
            }
            None => held.push(shift.direction),
        }
    }
    // Fewest changes first, so the nearest way to lose it leads; going before moving.
    horizon_model::sort::sort_by_key(&mut goes, |(k, moving, _)| (*k, *moving));
    let mut out: Vec<String> = goes.into_iter().map(|(_, _, s)| s).collect();
    let s = &d.subject;
    if held.len() == 2 {
        out.push(format!("Holds whatever the districts name for {s}."));
    } else {
        for direction in held {
            out.push(match direction {
                Direction::Fewer => format!("Holds even if no district named {s}."),
                Direction::More => {
                    format!("Holds even if every district named {s} as a main priority.")
                }
            });
        }
    }
    out
}

fn params(params: &[ParamFirmness]) -> Vec<String> {
    let mut out = Vec::new();
    let mut held: Vec<&ParamFirmness> = Vec::new();
    for p in params {
        let setting = format!("“{}” in the rule “{}”", p.label, p.rule_title);
        match &p.outcome {
            ParamOutcome::GoesAbove { holds_at, .. } => out.push(format!(
                "Would go if {setting} rose above {}.",
                value(holds_at)
            )),
            ParamOutcome::GoesBelow { holds_at, .. } => out.push(format!(
                "Would go if {setting} fell below {}.",
                value(holds_at)
            )),
            ParamOutcome::GoesWhenSwitched { to } => out.push(format!(
                "Would go if {setting} were switched {}.",
                if *to { "on" } else { "off" }
            )),
            ParamOutcome::Holds => held.push(p),
        }
    }
    if !held.is_empty() {
        let other = if held.len() < count_settings(params) {
            "other "
        } else {
            ""
        };
        let mut rules: Vec<&str> = held.iter().map(|p| p.rule.as_str()).collect();
        rules.dedup();
        let of = if rules.len() == 1 {
            "the rule behind it"
        } else {
            "the rules behind it"
        };
        let (settings, are) = if held.len() == 1 {
            (format!("the {other}setting"), "is")
        } else {
            (format!("the {other}{} settings", held.len()), "are")
        };
        out.push(format!(
            "Holds whatever {settings} of {of} {are} set to (each tried at both ends of its range)."
        ));
    }
    out
}

/// How many settings were tried (a setting that goes both ways is listed twice).
fn count_settings(params: &[ParamFirmness]) -> usize {
    let mut seen: Vec<(&str, &str)> = params
        .iter()
        .map(|p| (p.rule.as_str(), p.param.as_str()))
        .collect();
    seen.dedup();
    seen.len()
}

// ---------------------------------------------------------------- in the reports

/// A suggestion's firmness in a JSON report: the sentences, then the figures.
#[derive(serde::Serialize)]
pub(crate) struct JsonFirmness<'a> {
    sentences: Vec<String>,
    #[serde(flatten)]
    figures: &'a Firmness,
}

fn find<'a>(all: &'a [Firmness], id: &super::SuggestionId) -> Option<&'a Firmness> {
    all.iter().find(|f| &f.suggestion == id)
}

/// The `firmness` member of a suggestion in the JSON report, if it was worked out.
pub(crate) fn json<'a>(all: &'a [Firmness], id: &super::SuggestionId) -> Option<JsonFirmness<'a>> {
    find(all, id).map(|f| JsonFirmness {
        sentences: f.sentences(),
        figures: f,
    })
}

/// "How firm:" and a line per sentence, for the text report.
pub(crate) fn text(all: &[Firmness], id: &super::SuggestionId, indent: &str) -> String {
    let Some(f) = find(all, id) else {
        return String::new();
    };
    let mut out = format!("{indent}How firm:\n");
    for s in f.sentences() {
        out += &format!("{indent}  - {s}\n");
    }
    out
}

/// "How firm:" and a bullet per sentence, for the Markdown report.
pub(crate) fn markdown(all: &[Firmness], id: &super::SuggestionId) -> String {
    let Some(f) = find(all, id) else {
        return String::new();
    };
    let mut out = "**How firm it is:**\n\n".to_string();
    for s in f.sentences() {
        out += &format!("- {}\n", crate::report::md_text(&s));
    }
    out + "\n"
}
