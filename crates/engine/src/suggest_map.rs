//! Reading what a rule passes to `suggest(#{...})` into a typed [`Suggestion`],
//! checking every field against the scenario: the one place a rule's suggestion
//! map is judged, so every problem is a diagnostic with the rule's line.

use horizon_model::{Level, Scenario};
use rhai::{Dynamic, Map, Position};

use crate::bounds::Notes;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::evidence::{Citable, FastSet};
use crate::kind::Kind;
use crate::rule::Rule;
use crate::suggestion::{Evidence, Reason, RuleRef, ScorePart, Suggestion, Target};

const SUGGESTION_KEYS: [&str; 9] = [
    "kind",
    "focus_areas",
    "themes",
    "proposed_name",
    "score",
    "parts",
    "rationale",
    "evidence",
    "split_into",
];

/// The most parts one score may be made of, and the longest label.
const MAX_PARTS: usize = 12;
const MAX_LABEL: usize = 200;

fn number(v: &Dynamic) -> Option<f64> {
    if v.is_float() {
        v.as_float().ok()
    } else if v.is_int() {
        v.as_int().ok().map(|i| i as f64)
    } else {
        None
    }
}

/// Reads `parts: [#{ label, points, of }]`; the message says what is wrong.
fn to_parts(v: Dynamic) -> Result<Vec<ScorePart>, String> {
    let Some(list) = v.try_cast::<rhai::Array>() else {
        return Err("parts must be a list of #{ label, points, of } maps".into());
    };
    if list.len() > MAX_PARTS {
        return Err(format!(
            "a score can have at most {MAX_PARTS} parts, not {}",
            list.len()
        ));
    }
    let mut out = Vec::new();
    for (i, p) in list.into_iter().enumerate() {
        let n = i + 1;
        let Some(m) = p.try_cast::<Map>() else {
            return Err(format!("part {n} must be a map #{{ label, points, of }}"));
        };
        if let Some(k) = m.keys().find(|k| !["label", "points", "of"].contains(&k.as_str())) {
            return Err(format!(
                "part {n} has an unknown field \"{k}\" (expected label, points, of)"
            ));
        }
        let label = m.get("label").map(|l| l.to_string()).unwrap_or_default();
        if label.trim().is_empty() || label.chars().count() > MAX_LABEL {
            return Err(format!(
                "part {n} needs a label of 1 to {MAX_LABEL} characters saying what it counts"
            ));
        }
        let points = m.get("points").and_then(number).filter(|p| p.is_finite());
        let Some(points) = points else {
            return Err(format!("part {n} ({label}) needs points, a finite number"));
        };
        let of = match m.get("of") {
            None => None,
            Some(v) => match number(v).filter(|o| o.is_finite() && *o >= 0.0) {
                Some(o) => Some(o),
                None => return Err(format!("part {n} ({label}): of must be a number from 0")),
            },
        };
        out.push(ScorePart {
            label: label.trim().to_string(),
            points,
            of,
        });
    }
    Ok(out)
}

/// Reads a map's `focus_areas` and `themes` lists into targets, each checked
/// against the scenario (duplicates dropped); the message says what is wrong.
/// `suggest` and `not_suggested` read their targets alike.
pub(crate) fn read_targets(m: &mut Map, s: &Scenario) -> Result<Vec<Target>, String> {
    let mut targets = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (key, make) in [
        ("focus_areas", Target::FocusArea as fn(String) -> Target),
        ("themes", Target::Theme),
    ] {
        let Some(list) = m.remove(key) else { continue };
        let Some(list) = list.try_cast::<rhai::Array>() else {
            return Err(format!("{key} must be a list of ids"));
        };
        for id in list.into_iter().map(|d| d.to_string()) {
            // Each id is looked up once, however often the list repeats it.
            if !seen.insert((key, id.clone())) {
                continue;
            }
            let (known, what) = if key == "themes" {
                (s.theme(&id).is_some(), "theme")
            } else {
                (s.focus_area(&id).is_some(), "focus area")
            };
            if !known {
                return Err(format!("there is no {what} with id \"{id}\""));
            }
            targets.push(make(id));
        }
    }
    Ok(targets)
}

/// Reads one `suggest(#{...})` call, checking every field against the scenario.
pub(crate) fn to_suggestion(
    rule: &Rule,
    mut m: Map,
    pos: Position,
    s: &Scenario,
    facts: &Citable,
    diags: &mut Notes,
) -> Option<Suggestion> {
    let bad = |diags: &mut Notes, msg: String| {
        diags.push(Diagnostic::new(
            &rule.id,
            DiagnosticKind::BadSuggestion,
            pos,
            msg,
        ));
        None
    };
    if let Some(k) = m.keys().find(|k| !SUGGESTION_KEYS.contains(&k.as_str())) {
        return bad(
            diags,
            format!(
                "suggest() got an unknown field \"{k}\" (expected {})",
                SUGGESTION_KEYS.join(", ")
            ),
        );
    }
    let text = |m: &mut Map, key: &str| {
        m.remove(key)
            .filter(|v| !v.is_unit())
            .map(|v| v.to_string())
    };
    let kind_text = text(&mut m, "kind").unwrap_or_default();
    let Some(kind) = Kind::parse(&kind_text) else {
        return bad(
            diags,
            format!(
                "suggest() needs a kind, one of {}; got \"{kind_text}\"",
                Kind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    };
    let parts = match m.remove("parts").filter(|p| !p.is_unit()).map(to_parts) {
        None => Vec::new(),
        Some(Ok(p)) => p,
        Some(Err(msg)) => return bad(diags, msg),
    };
    // With parts, the score is their sum (a score given beside them must agree).
    let sum = (!parts.is_empty()).then(|| parts.iter().map(|p| p.points).sum::<f64>().clamp(0.0, 100.0));
    let score = match (m.remove("score").as_ref().and_then(number), sum) {
        (Some(given), Some(sum)) if (given - sum).abs() > 0.05 => {
            return bad(
                diags,
                format!("the score {given} is not the sum of its parts ({sum:.1}); give one or the other"),
            )
        }
        (_, Some(sum)) => sum,
        (Some(given), None) => given,
        (None, None) => {
            return bad(
                diags,
                "suggest() needs a score, a number from 0 to 100, or parts that add up to it".into(),
            )
        }
    };
    if !(0.0..=100.0).contains(&score) {
        return bad(
            diags,
            format!("the score must be from 0 to 100, not {score}"),
        );
    }
    let rationale = text(&mut m, "rationale").unwrap_or_default();
    if rationale.trim().is_empty() {
        return bad(
            diags,
            "suggest() needs a rationale: a sentence saying why".into(),
        );
    }
    let mut targets = match read_targets(&mut m, s) {
        Ok(t) => t,
        Err(msg) => return bad(diags, msg),
    };
    let split_into = match m.remove("split_into").filter(|v| !v.is_unit()) {
        None => Vec::new(),
        Some(_) if kind != Kind::Split => {
            return bad(diags, "split_into is for a split suggestion only".into())
        }
        Some(v) => {
            let read = crate::split_part::read_parts(v, s, |d| {
                read_evidence(d, rule, pos, facts, diags)
            });
            match read {
                Ok(p) => p,
                Err(msg) => return bad(diags, msg),
            }
        }
    };
    let mut have: std::collections::HashSet<Target> = targets.iter().cloned().collect();
    for p in &split_into {
        for t in &p.themes {
            let t = Target::Theme(t.clone());
            if have.insert(t.clone()) {
                targets.push(t);
            }
        }
    }
    if targets.is_empty() {
        return bad(
            diags,
            "suggest() needs focus_areas or themes: what the change is about".into(),
        );
    }
    let fa_count = targets
        .iter()
        .filter(|t| matches!(t, Target::FocusArea(_)))
        .count();
    if let Err(needs) = kind
        .spec()
        .check_targets(fa_count, targets.len() - fa_count)
    {
        return bad(diags, needs.to_string());
    }
    let proposed_name = text(&mut m, "proposed_name").filter(|n| !n.trim().is_empty());
    let mut evidence = match m.remove("evidence") {
        Some(list) => read_evidence(list, rule, pos, facts, diags),
        None => Vec::new(),
    };
    if !split_into.is_empty() {
        evidence.extend(split_into.iter().flat_map(|p| p.evidence.iter().cloned()));
        first_of_each(&mut evidence);
    }
    let version = rule.version();
    Some(Suggestion {
        kind,
        targets,
        split_into,
        proposed_name,
        score,
        rationale: rationale.clone(),
        reasons: vec![Reason {
            rule: rule.id.clone(),
            score,
            text: rationale,
            parts,
        }],
        evidence,
        rules: vec![RuleRef {
            id: rule.id.clone(),
            title: rule.title.clone(),
            version,
        }],
        also_covers: vec![],
    })
}

/// Reads an evidence list (or one item, or lists of lists), keeping what resolves in
/// the scenario and reporting the rest. At most `diags.max_evidence` items are read
/// (`suggest` has already cut its own evidence list to that; a split part's is cut here).
fn read_evidence(
    list: Dynamic,
    rule: &Rule,
    pos: Position,
    facts: &Citable,
    diags: &mut Notes,
) -> Vec<Evidence> {
    let mut evidence = Vec::new();
    let items = if list.is_array() {
        list.cast::<rhai::Array>()
    } else {
        vec![list]
    };
    for item in items.into_iter().flat_map(|d| {
        if d.is_array() {
            d.cast::<rhai::Array>()
        } else {
            vec![d]
        }
    }).take(diags.max_evidence) {
        if item.is_unit() {
            diags.push(Diagnostic::new(
                &rule.id,
                DiagnosticKind::BadEvidence,
                pos,
                "an evidence item is () (nothing): review.cell() gives () for a district that does not name the theme, so there is no cell to cite; it was left out",
            ));
            continue;
        }
        match to_evidence(item) {
            Some(e) if facts.has(&e) => evidence.push(e),
            Some(e) => diags.push(Diagnostic::new(
                &rule.id,
                DiagnosticKind::BadEvidence,
                pos,
                format!("{} is not in the scenario; it was left out", e.as_cited()),
            )),
            None => diags.push(Diagnostic::new(
                &rule.id,
                DiagnosticKind::BadEvidence,
                pos,
                "an evidence item is not one made by cell(), cells(), horizon_item(), law(), partner_priority(), consultation_figure(), plan_consultation() or votes_for(); it was left out",
            )),
        }
    }
    first_of_each(&mut evidence);
    evidence
}

/// Keeps the first of each item that stands more than once, in order, without
/// copying any (a national rule cites thousands of cells).
fn first_of_each(evidence: &mut Vec<Evidence>) {
    let first: Vec<bool> = {
        let mut seen = FastSet::with_capacity_and_hasher(evidence.len(), Default::default());
        evidence.iter().map(|e| seen.insert(e)).collect()
    };
    let mut first = first.into_iter();
    evidence.retain(|_| first.next().unwrap_or(false));
}

fn to_evidence(d: Dynamic) -> Option<Evidence> {
    let m = d.try_cast::<Map>()?;
    let get = |k: &str| m.get(k).map(|v| v.to_string());
    Some(match get("type")?.as_str() {
        "matrix_cell" => Evidence::MatrixCell {
            district: get("district")?,
            theme: get("theme")?,
            level: Level::parse(&get("level")?)?,
        },
        "horizon_item" => Evidence::HorizonItem { id: get("id")? },
        "legislation" => Evidence::Legislation { id: get("id")? },
        "partner_priority" => Evidence::PartnerPriority { id: get("id")? },
        "consultation" => Evidence::Consultation {
            focus_area: get("focus_area")?,
        },
        "plan_consultation" => Evidence::PlanConsultation,
        "stakeholder_votes" => Evidence::StakeholderVotes {
            theme: get("theme")?,
        },
        _ => return None,
    })
}
