//! Suggestions, their evidence, and how the engine combines what several rules say.

use std::fmt;
use std::str::FromStr;

use horizon_model::Scenario;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub(crate) use crate::conflict::conflicts;
pub use crate::conflict::{Conflict, Unlisted};

use crate::kind::{Draft, Kind};

/// What a suggestion is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "type", content = "id", rename_all = "snake_case")]
pub enum Target {
    FocusArea(String),
    Theme(String),
}

impl Target {
    pub fn id(&self) -> &str {
        match self {
            Target::FocusArea(id) | Target::Theme(id) => id,
        }
    }

    /// The target's name in the scenario, falling back to its id.
    pub fn name<'a>(&'a self, s: &'a Scenario) -> &'a str {
        match self {
            Target::FocusArea(id) => s.focus_area(id).map(|f| f.name.as_str()).unwrap_or(id),
            Target::Theme(id) => s.theme(id).map(|t| t.name.as_str()).unwrap_or(id),
        }
    }
}

pub use crate::evidence::Evidence;

/// Which rule (and which version of it) contributed to a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleRef {
    pub id: String,
    /// The rule's title, as people should be told which rule it was.
    #[serde(default)]
    pub title: String,
    /// A content hash of the rule file: which version of the rule made this.
    pub version: String,
}

/// One rule's reason for a suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub rule: String,
    pub score: f64,
    pub text: String,
    /// What the score is made of, in the rule's words: "districts naming it: 36.4
    /// of 60 points". Empty when the rule gave a score alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<ScorePart>,
}

/// One part of a rule's score: `points` of at most `of` for what `label` names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScorePart {
    pub label: String,
    pub points: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<f64>,
}

/// A suggested change to the plan, with its reasons and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub kind: Kind,
    /// For `add` the first theme is the new focus area's lead theme; for
    /// `consolidate` the focus areas are merged and any themes taken in.
    pub targets: Vec<Target>,
    /// For `split`, the new focus areas and the themes in each, when the rule says
    /// (its themes are among `targets` too); see [`Suggestion::split_parts`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub split_into: Vec<crate::split_part::SplitPart>,
    /// The name proposed for a new, merged or renamed focus area.
    pub proposed_name: Option<String>,
    /// 0 to 100. Several rules agreeing raise it: 100 × (1 − Π(1 − sᵢ/100)) over the
    /// distinct rules, each at its highest score for this change.
    pub score: f64,
    /// The strongest reason, as a sentence a council report could print.
    pub rationale: String,
    /// Every contributing rule's reason, strongest first.
    pub reasons: Vec<Reason>,
    pub evidence: Vec<Evidence>,
    pub rules: Vec<RuleRef>,
    /// Suggestions this one takes in, which say nothing it does not (a watch on a
    /// theme this add takes in): shown under it as what it also covers, highest
    /// score first, and not listed on their own (`coherence.rs`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_covers: Vec<Suggestion>,
}

impl Suggestion {
    pub fn focus_areas(&self) -> impl Iterator<Item = &str> {
        self.targets.iter().filter_map(|t| match t {
            Target::FocusArea(id) => Some(id.as_str()),
            Target::Theme(_) => None,
        })
    }

    pub fn themes(&self) -> impl Iterator<Item = &str> {
        self.targets.iter().filter_map(|t| match t {
            Target::Theme(id) => Some(id.as_str()),
            Target::FocusArea(_) => None,
        })
    }

    /// What makes this suggestion the change it is: its kind and identifying
    /// targets. Two suggestions with the same id are the same change and are
    /// merged; the id stays the same however the scenario's names or the scores move.
    pub fn id(&self) -> SuggestionId {
        SuggestionId {
            kind: self.kind,
            targets: self.kind.spec().identity_of(&self.targets),
        }
    }

    /// A one-line headline: "Consolidate Violent Crime and Acquisitive Crime into Serious & Organised Crime".
    pub fn headline(&self, s: &Scenario) -> String {
        (self.kind.spec().headline)(self, s)
    }
}

/// A suggestion's stable identity: its kind and the ids of the targets that make
/// it that change (for `add` the lead theme, for `consolidate` the focus areas
/// merged, otherwise every target), sorted. It is what the engine merges on,
/// what conflicts and the proposed plan refer to, and how two evaluations are
/// compared. Written (and serialised) as `kind:id+id`, e.g.
/// `consolidate:acquisitive-crime+violent-crime`, with any `%`, `+` or `:` in an
/// id written `%25`, `%2B`, `%3A`. For programs and links, not for people: say a
/// suggestion's headline to a reader.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SuggestionId {
    kind: Kind,
    targets: Vec<String>,
}

impl SuggestionId {
    /// The id of a change of `kind` identified by `targets` (put in canonical order).
    pub fn new(kind: Kind, targets: impl IntoIterator<Item = impl Into<String>>) -> SuggestionId {
        let mut targets: Vec<String> = targets.into_iter().map(Into::into).collect();
        targets.sort();
        targets.dedup();
        SuggestionId { kind, targets }
    }

    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The identifying target ids, sorted.
    pub fn targets(&self) -> &[String] {
        &self.targets
    }
}

fn escape_id(id: &str) -> String {
    id.replace('%', "%25")
        .replace('+', "%2B")
        .replace(':', "%3A")
}

fn unescape_id(id: &str) -> String {
    id.replace("%3A", ":")
        .replace("%2B", "+")
        .replace("%25", "%")
}

impl fmt::Display for SuggestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let targets: Vec<String> = self.targets.iter().map(|t| escape_id(t)).collect();
        write!(f, "{}:{}", self.kind.as_str(), targets.join("+"))
    }
}

/// Why a text is not a suggestion id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SuggestionIdError {
    #[error(
        "\"{0}\" is not a suggestion id: expected kind:target+target, e.g. retain:domestic-abuse"
    )]
    Shape(String),
    #[error("\"{0}\" is not a kind of change (expected one of add, retain, consolidate, rename, split, demote, retire, watch)")]
    Kind(String),
}

impl FromStr for SuggestionId {
    type Err = SuggestionIdError;

    fn from_str(text: &str) -> Result<SuggestionId, SuggestionIdError> {
        let (kind, targets) = text
            .split_once(':')
            .ok_or_else(|| SuggestionIdError::Shape(text.to_string()))?;
        let kind = Kind::parse(kind).ok_or_else(|| SuggestionIdError::Kind(kind.to_string()))?;
        if targets.is_empty() {
            return Err(SuggestionIdError::Shape(text.to_string()));
        }
        Ok(SuggestionId::new(kind, targets.split('+').map(unescape_id)))
    }
}

impl Serialize for SuggestionId {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SuggestionId {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<SuggestionId, D::Error> {
        let text = String::deserialize(de)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// "a, b and c": the model's, so every sentence lists things alike.
pub(crate) use horizon_model::join_and;

/// Merges suggestions that are the same change: combined evidence, every
/// contributing rule, corroboration raising the score. Highest score first.
/// Linear in what the rules made (each suggestion found by its id in a hash map,
/// each target and evidence item by a set), then one sort.
pub(crate) fn merge(raw: Vec<Suggestion>) -> Vec<Suggestion> {
    use crate::evidence::{FastMap as HashMap, FastSet as HashSet};
    let mut merged: Vec<(SuggestionId, Suggestion)> = Vec::new();
    let mut at: HashMap<SuggestionId, usize> = HashMap::default();
    // The targets and evidence of a suggestion another one has merged into, as sets.
    let mut seen: HashMap<usize, (HashSet<Target>, HashSet<Evidence>)> = HashMap::default();
    for s in raw {
        let id = s.id();
        let Some(&i) = at.get(&id) else {
            at.insert(id.clone(), merged.len());
            merged.push((id, s));
            continue;
        };
        let m = &mut merged[i].1;
        let (targets, evidence) = seen.entry(i).or_insert_with(|| {
            (
                m.targets.iter().cloned().collect(),
                m.evidence.iter().cloned().collect(),
            )
        });
        for t in s.targets {
            if targets.insert(t.clone()) {
                m.targets.push(t);
            }
        }
        for e in s.evidence {
            if evidence.insert(e.clone()) {
                m.evidence.push(e);
            }
        }
        for r in s.rules {
            if !m.rules.contains(&r) {
                m.rules.push(r);
            }
        }
        m.reasons.extend(s.reasons);
        if m.proposed_name.is_none() {
            m.proposed_name = s.proposed_name;
        }
        if m.split_into.is_empty() {
            m.split_into = s.split_into;
        }
    }
    for (_, m) in &mut merged {
        m.reasons.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.rule.cmp(&b.rule))
        });
        // Distinct rules corroborate; one rule saying the same thing twice does not.
        // Each rule at its best, in the order the sorted reasons first name them.
        let mut best: Vec<(&str, f64)> = Vec::new();
        let mut place: HashMap<&str, usize> = HashMap::default();
        for r in &m.reasons {
            match place.get(r.rule.as_str()) {
                Some(&k) => best[k].1 = best[k].1.max(r.score),
                None => {
                    place.insert(&r.rule, best.len());
                    best.push((&r.rule, r.score));
                }
            }
        }
        let keep = 1.0 - best.iter().map(|(_, s)| 1.0 - s / 100.0).product::<f64>();
        m.score = (keep * 1000.0).round() / 10.0;
        if let Some(r) = m.reasons.first() {
            m.rationale = r.text.clone();
        }
        m.evidence.sort();
    }
    merged.sort_by(|(ia, a), (ib, b)| b.score.total_cmp(&a.score).then_with(|| ia.cmp(ib)));
    merged.into_iter().map(|(_, m)| m).collect()
}

/// How a focus area in the proposed set came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// No suggestion concerned it.
    Unchanged,
    /// A suggestion says to keep it.
    Retained,
    Renamed,
    Added,
    Consolidated,
    Split,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedFocusArea {
    pub name: String,
    pub themes: Vec<String>,
    pub change: Change,
    /// The current focus areas it comes from (none for an added one).
    pub from: Vec<String>,
    /// The suggestion behind the change.
    pub suggestion: Option<SuggestionId>,
    /// Themes an accepted retain folded into it, which the plan now leaves out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub taken_in: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Removal {
    Retired,
    Demoted,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RemovedFocusArea {
    pub id: String,
    pub name: String,
    pub why: Removal,
    pub suggestion: SuggestionId,
}

/// The focus-area set after accepting every suggestion that does not conflict
/// with a higher-scored one, as a diff against the current plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposedPlan {
    pub focus_areas: Vec<ProposedFocusArea>,
    pub removed: Vec<RemovedFocusArea>,
    /// Current cross-cutting themes, then any focus areas demoted to one.
    pub cross_cutting_themes: Vec<String>,
    /// Suggestions left out because a higher-scored one conflicts with them.
    pub set_aside: Vec<SuggestionId>,
    /// For each of `set_aside`, in the same order, the accepted suggestion it
    /// conflicts with (the highest-scored, if several).
    #[serde(default)]
    pub set_aside_for: Vec<SuggestionId>,
}

pub(crate) fn propose(suggestions: &[Suggestion], s: &Scenario) -> ProposedPlan {
    let mut judged = crate::conflict::Accepted::default();
    let mut accepted: Vec<(&Suggestion, SuggestionId)> = Vec::new();
    let mut set_aside = Vec::new();
    let mut set_aside_for = Vec::new();
    for sug in suggestions {
        match judged.take(sug) {
            Some(n) => {
                set_aside.push(sug.id());
                set_aside_for.push(accepted[n].1.clone());
            }
            None => accepted.push((sug, sug.id())),
        }
    }
    let mut plan = Draft {
        focus_areas: s
            .plan()
            .focus_areas
            .iter()
            .map(|f| ProposedFocusArea {
                name: f.name.clone(),
                themes: f.themes.clone(),
                change: Change::Unchanged,
                from: vec![f.id.clone()],
                suggestion: None,
                taken_in: vec![],
            })
            .collect(),
        removed: Vec::new(),
        cross_cutting: s
            .plan()
            .cross_cutting_themes
            .iter()
            .map(|c| c.name.clone())
            .collect(),
    };
    // Accept in score order; `accepted` is already sorted that way.
    for (sug, id) in &accepted {
        (sug.kind.spec().accept)(sug, id, &mut plan, s);
    }
    ProposedPlan {
        focus_areas: plan.focus_areas,
        removed: plan.removed,
        cross_cutting_themes: plan.cross_cutting,
        set_aside,
        set_aside_for,
    }
}
