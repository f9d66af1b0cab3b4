//! Why a change was not suggested: the near misses rules record with
//! `not_suggested(...)`, read into typed values, and the sentences a reader is
//! shown for a rule that did not fire and for a focus area nothing concerns.

use horizon_model::Scenario;
use rhai::{Dynamic, Map, Position};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::evaluate::{Evaluation, RuleStatus, RuleTrace};
use crate::kind::Kind;
use crate::suggestion::{Suggestion, Target};

/// The most near misses one rule may record, and the longest reason.
pub(crate) const MAX_NEAR_MISSES: usize = 200;
const MAX_REASON: usize = 1_000;

/// A change a rule considered and did not suggest, and why, in one sentence.
/// With no kind, it says why the rule suggested nothing at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NearMiss {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
    pub reason: String,
}

impl NearMiss {
    /// "Retain Acquisitive Crime", or `None` for a rule-wide reason.
    pub fn headline(&self, s: &Scenario) -> Option<String> {
        let kind = self.kind?;
        let probe = Suggestion {
            kind,
            targets: self.targets.clone(),
            split_into: vec![],
            proposed_name: None,
            score: 0.0,
            rationale: String::new(),
            reasons: vec![],
            evidence: vec![],
            rules: vec![],
            also_covers: vec![],
        };
        Some(probe.headline(s))
    }

    /// "Retain Acquisitive Crime: 5 of 11 districts name it (weighted 0.38), below the 0.5 it needs."
    pub fn sentence(&self, s: &Scenario) -> String {
        match self.headline(s) {
            Some(h) => format!("{h}: {}", self.reason),
            None => self.reason.clone(),
        }
    }

    pub fn concerns_focus_area(&self, id: &str) -> bool {
        self.targets
            .iter()
            .any(|t| matches!(t, Target::FocusArea(f) if f == id))
    }
}

/// Reads one `not_suggested(...)` call: a sentence, or a map with `kind`,
/// `focus_areas` and/or `themes`, and `reason`.
pub(crate) fn to_near_miss(
    rule: &str,
    value: Dynamic,
    pos: Position,
    s: &Scenario,
    diags: &mut crate::bounds::Notes,
) -> Option<NearMiss> {
    let bad = |diags: &mut crate::bounds::Notes, msg: String| {
        diags.push(Diagnostic::new(rule, DiagnosticKind::BadSuggestion, pos, msg));
        None
    };
    let one_line = |text: String| -> Option<String> {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!text.is_empty() && text.chars().count() <= MAX_REASON).then_some(text)
    };
    if value.is_string() {
        let Some(reason) = one_line(value.to_string()) else {
            return bad(diags, format!("not_suggested() needs a sentence of 1 to {MAX_REASON} characters"));
        };
        return Some(NearMiss { kind: None, targets: vec![], reason });
    }
    let Some(mut m) = value.try_cast::<Map>() else {
        return bad(diags, "not_suggested() takes a sentence, or #{ kind, focus_areas, themes, reason }".into());
    };
    if let Some(k) = m
        .keys()
        .find(|k| !["kind", "focus_areas", "themes", "reason"].contains(&k.as_str()))
    {
        return bad(diags, format!("not_suggested() got an unknown field \"{k}\" (expected kind, focus_areas, themes, reason)"));
    }
    let kind_text = m.remove("kind").map(|k| k.to_string()).unwrap_or_default();
    let Some(kind) = Kind::parse(&kind_text) else {
        return bad(diags, format!("not_suggested() needs the kind of change it did not suggest; got \"{kind_text}\""));
    };
    let Some(reason) = m.remove("reason").and_then(|r| one_line(r.to_string())) else {
        return bad(diags, format!("not_suggested() needs a reason: one sentence of 1 to {MAX_REASON} characters"));
    };
    let targets = match crate::suggest_map::read_targets(&mut m, s) {
        Ok(t) => t,
        Err(msg) => return bad(diags, format!("not_suggested(): {msg}")),
    };
    if targets.is_empty() {
        return bad(diags, "not_suggested() needs focus_areas or themes: what it did not suggest a change to".into());
    }
    Some(NearMiss {
        kind: Some(kind),
        targets,
        reason,
    })
}

impl RuleTrace {
    /// Why the rule suggested nothing, in one sentence: its own rule-wide reason,
    /// else its first near miss, else that nothing met its conditions.
    pub fn why_quiet(&self, s: &Scenario) -> Option<String> {
        if self.status != RuleStatus::DidNotFire {
            return None;
        }
        Some(
            self.not_suggested
                .iter()
                .find(|n| n.kind.is_none())
                .or_else(|| self.not_suggested.first())
                .map(|n| n.sentence(s))
                .unwrap_or_else(|| "Nothing in this review met its conditions.".to_string()),
        )
    }
}

impl Evaluation {
    /// Whether any suggestion, or any suggestion one takes in, concerns this focus area.
    pub fn concerns_focus_area(&self, id: &str) -> bool {
        fn any(list: &[Suggestion], id: &str) -> bool {
            list.iter()
                .any(|x| x.focus_areas().any(|f| f == id) || any(&x.also_covers, id))
        }
        any(&self.suggestions, id)
    }

    /// For each focus area of the plan that no suggestion concerns, the near misses
    /// that say why nothing is suggested for it (rule title, sentence), in plan order.
    pub fn unchanged_focus_areas<'a>(
        &'a self,
        s: &'a Scenario,
    ) -> Vec<(&'a str, Vec<(&'a str, String)>)> {
        s.plan()
            .focus_areas
            .iter()
            .filter(|f| !self.concerns_focus_area(&f.id))
            .map(|f| {
                let why = self
                    .trace
                    .iter()
                    .flat_map(|t| {
                        t.not_suggested
                            .iter()
                            .filter(|n| n.concerns_focus_area(&f.id))
                            .map(move |n| (t.title.as_str(), n.sentence(s)))
                    })
                    .collect();
                (f.name.as_str(), why)
            })
            .collect()
    }
}
