//! The parts of a split: the new focus areas a split suggestion makes out of one,
//! which themes go in each, and the evidence for each part.
//!
//! A rule writes them in its `suggest` map as
//! `split_into: [#{ name: "…", themes: [lead, …], evidence: [...] }, …]`; a split
//! without `split_into` makes each theme it names a part of its own (the older form).
//! (Not to be confused with a score's `parts`, what a score is made of.)

use horizon_model::Scenario;
use rhai::{Dynamic, Map};
use serde::{Deserialize, Serialize};

use crate::suggestion::{Change, Evidence, ProposedFocusArea, Suggestion};

/// One new focus area a split makes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitPart {
    /// Its name; when absent, the lead theme's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its themes, lead first.
    pub themes: Vec<String>,
    /// The facts behind this part (also in the suggestion's evidence).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

impl SplitPart {
    /// The part's name: its own, or its lead theme's.
    /// "Violent Crime: Violent Crime and Gangs; evidence: 6 districts": the part in
    /// a line, for the card and every report.
    pub fn sentence(&self, s: &Scenario) -> String {
        let themes: Vec<&str> = self
            .themes
            .iter()
            .map(|t| s.theme(t).map_or(t.as_str(), |x| x.name.as_str()))
            .collect();
        format!(
            "{}: {}; evidence: {}",
            self.name(s),
            horizon_model::join_and(&themes),
            crate::evidence_summary(&self.evidence, s)
        )
    }

    pub fn name(&self, s: &Scenario) -> String {
        self.name.clone().unwrap_or_else(|| {
            self.themes
                .first()
                .map(|t| s.theme(t).map_or(t.clone(), |x| x.name.clone()))
                .unwrap_or_default()
        })
    }
}

impl Suggestion {
    /// The parts a split makes: those the rule gave, or one per theme named.
    pub fn split_parts(&self) -> Vec<SplitPart> {
        if !self.split_into.is_empty() {
            return self.split_into.clone();
        }
        self.themes()
            .map(|t| SplitPart {
                name: None,
                themes: vec![t.to_string()],
                evidence: vec![],
            })
            .collect()
    }
}

/// Reads a `split_into` list: each part's themes checked against the scenario, its
/// evidence read by `read_evidence`. The error is the sentence a rule author is shown.
pub(crate) fn read_parts(
    value: Dynamic,
    s: &Scenario,
    mut read_evidence: impl FnMut(Dynamic) -> Vec<Evidence>,
) -> Result<Vec<SplitPart>, String> {
    let Some(list) = value.try_cast::<rhai::Array>() else {
        return Err("split_into must be a list of maps, each #{ name, themes, evidence }".into());
    };
    let mut parts: Vec<SplitPart> = Vec::new();
    for (i, item) in list.into_iter().enumerate() {
        let n = i + 1;
        let Some(mut m) = item.try_cast::<Map>() else {
            return Err(format!(
                "part {n} must be a map: #{{ name, themes, evidence }}"
            ));
        };
        if let Some(k) = m
            .keys()
            .find(|k| !["name", "themes", "evidence"].contains(&k.as_str()))
        {
            return Err(format!(
                "part {n} has an unknown field \"{k}\" (expected name, themes, evidence)"
            ));
        }
        let name = m
            .remove("name")
            .filter(|v| !v.is_unit())
            .map(|v| v.to_string())
            .filter(|v| !v.trim().is_empty());
        let themes = m
            .remove("themes")
            .and_then(|v| v.try_cast::<rhai::Array>())
            .ok_or_else(|| format!("part {n} needs themes: a list of theme ids, lead first"))?;
        let mut ids = Vec::new();
        for t in themes {
            let id = t.to_string();
            if s.theme(&id).is_none() {
                return Err(format!("there is no theme with id \"{id}\" (part {n})"));
            }
            if parts.iter().any(|p| p.themes.contains(&id)) || ids.contains(&id) {
                return Err(format!(
                    "the theme \"{id}\" is in two parts; each theme goes in one"
                ));
            }
            ids.push(id);
        }
        if ids.is_empty() {
            return Err(format!("part {n} needs at least one theme"));
        }
        let evidence = m
            .remove("evidence")
            .map(&mut read_evidence)
            .unwrap_or_default();
        parts.push(SplitPart {
            name,
            themes: ids,
            evidence,
        });
    }
    Ok(parts)
}

/// What accepting a split does to the proposed plan: the parts stand where the
/// focus area stood, which keeps any themes no part takes (and goes if none are left).
pub(crate) fn accept(
    sug: &Suggestion,
    id: &crate::suggestion::SuggestionId,
    plan: &mut crate::kind::Draft,
    s: &Scenario,
) {
    let Some(f) = sug.focus_areas().next() else {
        return;
    };
    let Some(p) = plan.position(f) else { return };
    let parts = sug.split_parts();
    let split: Vec<&str> = parts
        .iter()
        .flat_map(|x| x.themes.iter().map(String::as_str))
        .collect();
    plan.focus_areas[p]
        .themes
        .retain(|t| !split.contains(&t.as_str()));
    let mut at = p;
    if plan.focus_areas[p].themes.is_empty() {
        plan.focus_areas.remove(p);
    } else {
        plan.focus_areas[p].change = Change::Split;
        plan.focus_areas[p].suggestion = Some(id.clone());
        at += 1;
    }
    for part in &parts {
        plan.focus_areas.insert(
            at,
            ProposedFocusArea {
                name: part.name(s),
                themes: part.themes.clone(),
                change: Change::Split,
                from: vec![f.to_string()],
                suggestion: Some(id.clone()),
                taken_in: vec![],
            },
        );
        at += 1;
    }
}
