//! The matrix side of firmness: how many districts would have to change what they
//! name for a suggestion to go, or to move in the list.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use horizon_model::{Edit, Level, Scenario};

use super::{bisect, strongest, Direction, DistrictFirmness, Probe, RankShift, Shift};
use crate::kind::Identity;
use crate::suggestion::Suggestion;

/// The themes whose cells a suggestion rests on, and their name in a sentence: the
/// themes that make it the change it is and that its focus areas do not already hold
/// (an added focus area's lead theme, a watched theme, a theme a retain folds in);
/// otherwise the themes of the focus areas it concerns.
pub(crate) fn subject(s: &Scenario, sug: &Suggestion) -> Option<(Vec<String>, String)> {
    let areas: Vec<&horizon_model::FocusArea> = sug
        .focus_areas()
        .filter_map(|id| s.focus_area(id))
        .collect();
    let held = |t: &str| areas.iter().any(|fa| fa.themes.iter().any(|x| x == t));
    let identifying: Vec<&str> = match sug.kind.spec().identity {
        Identity::LeadTheme => sug.themes().take(1).collect(),
        Identity::FocusAreas => Vec::new(),
        Identity::AllTargets => sug.themes().filter(|t| !held(t)).collect(),
    };
    let mut themes: Vec<String> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for t in identifying {
        if let Some(theme) = s.theme(t) {
            themes.push(t.to_string());
            names.push(theme.name.clone());
        }
    }
    if themes.is_empty() {
        for fa in &areas {
            names.push(fa.name.clone());
            for t in &fa.themes {
                if !themes.contains(t) {
                    themes.push(t.clone());
                }
            }
        }
    }
    (!themes.is_empty()).then(|| (themes, join_or(&names)))
}

/// "a, b or c".
fn join_or(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

pub(crate) fn search(
    probe: &mut Probe,
    sug: &Suggestion,
    position: usize,
) -> Option<DistrictFirmness> {
    let s = probe.scenario;
    let (themes, subject) = subject(s, sug)?;
    if s.districts.is_empty() {
        return None;
    }
    let level = |d: &str| strongest(s, d, &themes);
    let naming = s
        .districts
        .iter()
        .filter(|d| level(&d.id).is_some())
        .count();
    let naming_main = s
        .districts
        .iter()
        .filter(|d| level(&d.id) == Some(Level::Main))
        .count();
    let fewer = shift(probe, &themes, Direction::Fewer, position);
    let more = shift(probe, &themes, Direction::More, position);
    Some(DistrictFirmness {
        themes,
        subject,
        districts: s.districts.len(),
        naming,
        naming_main,
        fewer,
        more,
    })
}

/// The districts a direction changes, in the order that moves support fastest: a
/// district plan's own district first (its column is the plan's own evidence), then
/// the strongest namers first when taking naming away, those leaving it blank first
/// when adding it as a main priority; ties by name, then id, so the order is fixed.
fn candidates(s: &Scenario, themes: &[String], direction: Direction) -> Vec<(String, String)> {
    let own = s.own_district();
    let mut found: Vec<(bool, Option<Level>, &str, &str)> = s
        .districts
        .iter()
        .map(|d| {
            let level = strongest(s, &d.id, themes);
            (
                own != Some(d.id.as_str()),
                level,
                d.name.as_str(),
                d.id.as_str(),
            )
        })
        .filter(|(_, l, _, _)| match direction {
            Direction::Fewer => l.is_some(),
            Direction::More => *l != Some(Level::Main),
        })
        .collect();
    match direction {
        Direction::Fewer => {
            horizon_model::sort::sort_by_key(&mut found, |&(other, l, name, id)| {
                (other, Reverse(l), name, id)
            })
        }
        Direction::More => horizon_model::sort::sort_by_key(&mut found, |&(other, l, name, id)| {
            (other, l, name, id)
        }),
    }
    found
        .into_iter()
        .map(|(_, _, name, id)| (id.to_string(), name.to_string()))
        .collect()
}

/// The edits that change `districts` in `direction`, as the matrix editor makes them.
pub fn edits(
    s: &Scenario,
    themes: &[String],
    direction: Direction,
    districts: &[String],
) -> Vec<Edit> {
    let mut out = Vec::new();
    for d in districts {
        match direction {
            Direction::Fewer => {
                for t in themes.iter().filter(|t| s.level(d, t).is_some()) {
                    out.push(Edit::SetCell {
                        district: d.clone(),
                        theme: t.clone(),
                        level: None,
                    });
                }
            }
            Direction::More => {
                if let Some(t) = themes.first() {
                    out.push(Edit::SetCell {
                        district: d.clone(),
                        theme: t.clone(),
                        level: Some(Level::Main),
                    });
                }
            }
        }
    }
    out
}

fn shift(
    probe: &mut Probe,
    themes: &[String],
    direction: Direction,
    position: usize,
) -> Option<Shift> {
    let s = probe.scenario;
    let order = candidates(s, themes, direction);
    let n = order.len();
    if n == 0 {
        return None;
    }
    let ids: Vec<String> = order.iter().map(|(id, _)| id.clone()).collect();
    // Where the suggestion stands with the first k districts changed; `Err` if the
    // model refused the change (then nothing is claimed for this direction).
    let mut seen: BTreeMap<usize, Result<Option<usize>, ()>> = BTreeMap::new();
    seen.insert(0, Ok(Some(position)));
    let mut at = |probe: &mut Probe, k: usize| -> Result<Option<usize>, ()> {
        if let Some(r) = seen.get(&k) {
            return *r;
        }
        let edit = Edit::Batch {
            summary: "How firm is this?".into(),
            edits: edits(s, themes, direction, &ids[..k]),
        };
        let r = match s.with(&edit) {
            Ok((changed, _)) => {
                let settings = probe.settings;
                Ok(probe.position(&changed, settings))
            }
            Err(_) => Err(()),
        };
        seen.insert(k, r);
        r
    };
    let all = at(probe, n).ok()?;
    let mut refused = false;
    let gone_after = all.is_none().then(|| {
        bisect(0, n, |k| match at(probe, k) {
            Ok(p) => p.is_some(),
            Err(()) => {
                refused = true;
                true
            }
        })
    });
    // The first change of place while still suggested: bisected up to where it goes
    // (or over every district, when it holds but ends elsewhere).
    let limit = gone_after.unwrap_or(n);
    let moves = gone_after.is_some() || all != Some(position);
    let rank = if moves {
        let k = bisect(0, limit, |k| match at(probe, k) {
            Ok(p) => p == Some(position),
            Err(()) => {
                refused = true;
                true
            }
        });
        match at(probe, k) {
            Ok(Some(p)) if p != position => Some(RankShift {
                after: k,
                from: position + 1,
                to: p + 1,
            }),
            _ => None,
        }
    } else {
        None
    };
    if refused {
        return None;
    }
    let keep = gone_after.unwrap_or(n).max(rank.map_or(0, |r| r.after));
    Some(Shift {
        direction,
        order: ids[..keep].to_vec(),
        names: order[..keep].iter().map(|(_, name)| name.clone()).collect(),
        gone_after,
        rank,
    })
}
