//! The settings side of firmness: for each parameter of each rule behind a
//! suggestion, the value past which it goes.

use horizon_model::Scenario;

use super::{bisect, ParamFirmness, ParamOutcome, Probe};
use crate::evaluate::{RuleSource, Settings};
use crate::rule::{ParamSpec, ParamType, ParamValue, Rule};
use crate::suggestion::Suggestion;

/// The grid a numeric parameter is searched on: hundredths for numbers (the
/// sentences print 2 decimals), whole numbers for integers.
fn step(kind: ParamType) -> f64 {
    match kind {
        ParamType::Integer => 1.0,
        _ => 0.01,
    }
}

fn grid_value(kind: ParamType, i: i64) -> ParamValue {
    match kind {
        ParamType::Integer => ParamValue::Integer(i),
        _ => ParamValue::Number(i as f64 / 100.0),
    }
}

fn as_number(v: &ParamValue) -> Option<f64> {
    match v {
        ParamValue::Integer(i) => Some(*i as f64),
        ParamValue::Number(n) => Some(*n),
        _ => None,
    }
}

/// The value the evaluation used: the user's setting if it is valid, else the default.
fn current(rule: &Rule, p: &ParamSpec, settings: &Settings) -> ParamValue {
    settings
        .params
        .get(&rule.id)
        .and_then(|c| c.get(&p.name))
        .filter(|v| p.check(v).is_ok())
        .cloned()
        .unwrap_or_else(|| p.default.clone())
}

fn with_value(settings: &Settings, rule: &str, name: &str, value: ParamValue) -> Settings {
    let mut s = settings.clone();
    s.params
        .entry(rule.to_string())
        .or_default()
        .insert(name.to_string(), value);
    s
}

pub(crate) fn search(probe: &mut Probe, sug: &Suggestion) -> Vec<ParamFirmness> {
    let rules: Vec<&Rule> = sug
        .rules
        .iter()
        .filter_map(|r| {
            probe.rules.iter().find_map(|source| match source {
                RuleSource::Parsed(rule) if rule.id == r.id => Some(rule),
                _ => None,
            })
        })
        .collect();
    let mut out = Vec::new();
    for rule in rules {
        for p in &rule.params {
            let now = current(rule, p, probe.settings);
            let outcomes = match p.kind {
                ParamType::Integer | ParamType::Number => numeric(probe, rule, p, &now),
                ParamType::Boolean => switch(probe, rule, p, &now),
                ParamType::Text => continue,
            };
            for outcome in outcomes {
                out.push(ParamFirmness {
                    rule: rule.id.clone(),
                    rule_title: rule.title.clone(),
                    param: p.name.clone(),
                    label: p.label.clone(),
                    kind: p.kind,
                    current: now.clone(),
                    outcome,
                });
            }
        }
    }
    out
}

fn present(probe: &mut Probe, rule: &Rule, p: &ParamSpec, value: ParamValue) -> bool {
    let settings = with_value(probe.settings, &rule.id, &p.name, value);
    let scenario: &Scenario = probe.scenario;
    probe.position(scenario, &settings).is_some()
}

fn switch(probe: &mut Probe, rule: &Rule, p: &ParamSpec, now: &ParamValue) -> Vec<ParamOutcome> {
    let ParamValue::Boolean(b) = now else {
        return vec![];
    };
    let to = !*b;
    vec![if present(probe, rule, p, ParamValue::Boolean(to)) {
        ParamOutcome::Holds
    } else {
        ParamOutcome::GoesWhenSwitched { to }
    }]
}

/// Up to the top of the range and down to the bottom, each side bisected when its
/// end makes the suggestion go. A side with no declared end is not searched.
fn numeric(probe: &mut Probe, rule: &Rule, p: &ParamSpec, now: &ParamValue) -> Vec<ParamOutcome> {
    let Some(cur) = as_number(now) else {
        return vec![];
    };
    let step = step(p.kind);
    let here = cur / step;
    let mut out = Vec::new();
    // Upwards: position 0 is the current value, j ≥ 1 the j-th grid value above it.
    if let Some(max) = p.max {
        let first = (here + 1e-9).floor() as i64 + 1;
        let top = (max / step + 1e-9).floor() as i64;
        if top >= first {
            let at = |j: usize| {
                if j == 0 {
                    now.clone()
                } else {
                    grid_value(p.kind, first + j as i64 - 1)
                }
            };
            if let Some((holds_at, goes_at)) = side(probe, rule, p, (top - first + 1) as usize, at)
            {
                out.push(ParamOutcome::GoesAbove { holds_at, goes_at });
            }
        }
    }
    if let Some(min) = p.min {
        let first = (here - 1e-9).ceil() as i64 - 1;
        let bottom = (min / step - 1e-9).ceil() as i64;
        if first >= bottom {
            let at = |j: usize| {
                if j == 0 {
                    now.clone()
                } else {
                    grid_value(p.kind, first - (j as i64 - 1))
                }
            };
            if let Some((holds_at, goes_at)) =
                side(probe, rule, p, (first - bottom + 1) as usize, at)
            {
                out.push(ParamOutcome::GoesBelow { holds_at, goes_at });
            }
        }
    }
    if out.is_empty() {
        out.push(ParamOutcome::Holds);
    }
    out
}

/// Positions 0 (where it holds) to `last` (the end of the range): `None` if it holds
/// at the end too, else the last value at which it holds and the next, where it goes.
fn side(
    probe: &mut Probe,
    rule: &Rule,
    p: &ParamSpec,
    last: usize,
    at: impl Fn(usize) -> ParamValue,
) -> Option<(ParamValue, ParamValue)> {
    if present(probe, rule, p, at(last)) {
        return None;
    }
    let h = bisect(0, last, |j| present(probe, rule, p, at(j)));
    Some((at(h - 1), at(h)))
}
