//! Suggestions, their evidence, and how the engine combines what several rules say.

use std::collections::BTreeSet;

use horizon_model::{Level, Scenario};
use serde::{Deserialize, Serialize};

/// The kinds of change a review makes (DOMAIN.md, "Kinds of change a review makes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Add,
    Retain,
    Consolidate,
    Rename,
    Split,
    Demote,
    Retire,
    Watch,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Add,
        Kind::Retain,
        Kind::Consolidate,
        Kind::Rename,
        Kind::Split,
        Kind::Demote,
        Kind::Retire,
        Kind::Watch,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Add => "add",
            Kind::Retain => "retain",
            Kind::Consolidate => "consolidate",
            Kind::Rename => "rename",
            Kind::Split => "split",
            Kind::Demote => "demote",
            Kind::Retire => "retire",
            Kind::Watch => "watch",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A capitalised verb for headings ("Consolidate").
    pub fn label(self) -> &'static str {
        match self {
            Kind::Add => "Add",
            Kind::Retain => "Retain",
            Kind::Consolidate => "Consolidate",
            Kind::Rename => "Rename",
            Kind::Split => "Split",
            Kind::Demote => "Demote",
            Kind::Retire => "Retire",
            Kind::Watch => "Watch",
        }
    }
}

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

/// A typed reference to one fact in the scenario behind a suggestion. Every
/// reference is checked against the scenario before it is reported.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Evidence {
    /// A district names a theme in its own plan.
    MatrixCell {
        district: String,
        theme: String,
        level: Level,
    },
    HorizonItem {
        id: String,
    },
    Legislation {
        id: String,
    },
    PartnerPriority {
        id: String,
    },
    Consultation {
        focus_area: String,
    },
    StakeholderVotes {
        theme: String,
    },
}

impl Evidence {
    /// The evidence in a sentence fragment a council report could print.
    pub fn describe(&self, s: &Scenario) -> String {
        match self {
            Evidence::MatrixCell {
                district,
                theme,
                level,
            } => format!(
                "{} names {} {}",
                s.district(district).map_or(district.as_str(), |d| &d.name),
                s.theme(theme).map_or(theme.as_str(), |t| &t.name),
                match level {
                    Level::Main => "as a main priority",
                    Level::Subsidiary => "as a subsidiary priority or cross-cutting theme",
                    Level::Issue => "as an issue within a broader theme",
                }
            ),
            Evidence::HorizonItem { id } => match s.horizon.iter().find(|h| &h.id == id) {
                Some(h) => format!(
                    "Horizon scan ({}): {} — likelihood {} × impact {} = {}",
                    s.category(&h.category)
                        .map_or(h.category.as_str(), |c| &c.name),
                    h.title,
                    h.likelihood,
                    h.impact,
                    h.grade()
                ),
                None => id.clone(),
            },
            Evidence::Legislation { id } => match s.legislation.iter().find(|l| &l.id == id) {
                Some(l) => {
                    let duty = if l.creates_duty {
                        ", creating a statutory duty"
                    } else {
                        ""
                    };
                    format!("{} ({}{duty})", l.title, l.status.as_str())
                }
                None => id.clone(),
            },
            Evidence::PartnerPriority { id } => {
                match s.partner_priorities.iter().find(|p| &p.id == id) {
                    Some(p) => format!("{}: {}", p.partner, p.priority),
                    None => id.clone(),
                }
            }
            Evidence::Consultation { focus_area } => {
                match s
                    .consultation
                    .iter()
                    .find(|c| c.focus_area.as_deref() == Some(focus_area))
                {
                    Some(c) => format!(
                        "Public consultation on {}: {:.0} % of {} respondents agree",
                        s.focus_area(focus_area)
                            .map_or(focus_area.as_str(), |f| &f.name),
                        c.share_agreeing * 100.0,
                        c.responses
                    ),
                    None => focus_area.clone(),
                }
            }
            Evidence::StakeholderVotes { theme } => {
                let votes: u32 = s
                    .votes
                    .iter()
                    .filter(|v| &v.theme == theme)
                    .map(|v| v.votes)
                    .sum();
                format!(
                    "Stakeholder event: {votes} votes for {}",
                    s.theme(theme).map_or(theme.as_str(), |t| &t.name)
                )
            }
        }
    }

    /// Whether the fact exists in `s` (a rule may cite something that is not there).
    pub(crate) fn resolves(&self, s: &Scenario) -> bool {
        match self {
            Evidence::MatrixCell {
                district,
                theme,
                level,
            } => s.level(district, theme) == Some(*level),
            Evidence::HorizonItem { id } => s.horizon.iter().any(|h| &h.id == id),
            Evidence::Legislation { id } => s.legislation.iter().any(|l| &l.id == id),
            Evidence::PartnerPriority { id } => s.partner_priorities.iter().any(|p| &p.id == id),
            Evidence::Consultation { focus_area } => s
                .consultation
                .iter()
                .any(|c| c.focus_area.as_deref() == Some(focus_area)),
            Evidence::StakeholderVotes { theme } => s.votes.iter().any(|v| &v.theme == theme),
        }
    }
}

/// Which rule (and which version of it) contributed to a suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleRef {
    pub id: String,
    /// A content hash of the rule file: which version of the rule made this.
    pub version: String,
}

/// One rule's reason for a suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub rule: String,
    pub score: f64,
    pub text: String,
}

/// A suggested change to the plan, with its reasons and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub kind: Kind,
    /// For `add` the first theme is the new focus area's lead theme; for
    /// `consolidate` the focus areas are merged and any themes taken in.
    pub targets: Vec<Target>,
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

    /// Two suggestions with the same key are the same change and are merged.
    fn key(&self) -> (Kind, Vec<String>) {
        let ids: Vec<String> = match self.kind {
            Kind::Add => self.themes().take(1).map(String::from).collect(),
            Kind::Consolidate => {
                let mut v: Vec<String> = self.focus_areas().map(String::from).collect();
                v.sort();
                v
            }
            _ => {
                let mut v: Vec<String> = self.targets.iter().map(|t| t.id().to_string()).collect();
                v.sort();
                v.dedup();
                v
            }
        };
        (self.kind, ids)
    }

    /// A one-line headline: "Consolidate Violent Crime and Acquisitive Crime into Serious & Organised Crime".
    pub fn headline(&self, s: &Scenario) -> String {
        let names = |it: &mut dyn Iterator<Item = &Target>| -> String {
            let v: Vec<&str> = it.map(|t| t.name(s)).collect();
            join_and(&v)
        };
        let fas = names(
            &mut self
                .targets
                .iter()
                .filter(|t| matches!(t, Target::FocusArea(_))),
        );
        let themes = names(
            &mut self
                .targets
                .iter()
                .filter(|t| matches!(t, Target::Theme(_))),
        );
        let all = names(&mut self.targets.iter());
        match (self.kind, &self.proposed_name) {
            (Kind::Add, Some(n)) => format!("Add {n}"),
            (Kind::Add, None) => format!("Add {themes}"),
            (Kind::Consolidate, Some(n)) => format!("Consolidate {fas} into {n}"),
            (Kind::Consolidate, None) => format!("Consolidate {fas}"),
            (Kind::Rename, Some(n)) => format!("Rename {fas} to {n}"),
            (Kind::Rename, None) => format!("Review the wording of {fas}"),
            (Kind::Split, _) => format!("Split {fas} into {themes}"),
            (Kind::Demote, _) => format!("Demote {fas} to a cross-cutting theme"),
            (k, _) => format!("{} {all}", k.label()),
        }
    }
}

pub(crate) fn join_and(v: &[&str]) -> String {
    match v {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Merges suggestions that are the same change: combined evidence, every
/// contributing rule, corroboration raising the score. Highest score first.
pub(crate) fn merge(raw: Vec<Suggestion>) -> Vec<Suggestion> {
    let mut merged: Vec<Suggestion> = Vec::new();
    for s in raw {
        match merged.iter_mut().find(|m| m.key() == s.key()) {
            Some(m) => {
                for t in s.targets {
                    if !m.targets.contains(&t) {
                        m.targets.push(t);
                    }
                }
                for e in s.evidence {
                    if !m.evidence.contains(&e) {
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
            }
            None => merged.push(s),
        }
    }
    for m in &mut merged {
        m.reasons.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.rule.cmp(&b.rule))
        });
        // Distinct rules corroborate; one rule saying the same thing twice does not.
        let mut best: Vec<(&str, f64)> = Vec::new();
        for r in &m.reasons {
            match best.iter_mut().find(|(id, _)| *id == r.rule) {
                Some((_, s)) => *s = s.max(r.score),
                None => best.push((&r.rule, r.score)),
            }
        }
        let keep = 1.0 - best.iter().map(|(_, s)| 1.0 - s / 100.0).product::<f64>();
        m.score = (keep * 1000.0).round() / 10.0;
        if let Some(r) = m.reasons.first() {
            m.rationale = r.text.clone();
        }
        m.evidence.sort();
    }
    merged.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.key().cmp(&b.key()))
    });
    merged
}

/// Two suggestions that cannot both be accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// Indices into the evaluation's `suggestions`; `a` scores at least as high as `b`.
    pub a: usize,
    pub b: usize,
    pub reason: String,
}

fn conflict_reason(a: &Suggestion, b: &Suggestion, s: &Scenario) -> Option<String> {
    let fa_a: BTreeSet<&str> = a.focus_areas().collect();
    let shared: Vec<&str> = b.focus_areas().filter(|f| fa_a.contains(f)).collect();
    if let Some(f) = shared.first() {
        let compatible = matches!(
            (a.kind, b.kind),
            (Kind::Retain, Kind::Rename) | (Kind::Rename, Kind::Retain)
        ) || a.kind == Kind::Watch
            || b.kind == Kind::Watch
            || (a.kind == b.kind && a.kind != Kind::Consolidate && a.kind != Kind::Split);
        if !compatible {
            let name = s.focus_area(f).map_or(*f, |x| &x.name);
            return Some(format!(
                "both concern {name}: {} and {} cannot both be accepted",
                a.kind.as_str(),
                b.kind.as_str()
            ));
        }
    }
    let builds = |k: Kind| matches!(k, Kind::Add | Kind::Consolidate | Kind::Split);
    if builds(a.kind) && builds(b.kind) {
        let th_a: BTreeSet<&str> = a.themes().collect();
        if let Some(t) = b.themes().find(|t| th_a.contains(t)) {
            let name = s.theme(t).map_or(t, |x| &x.name);
            return Some(format!("both would put {name} in a new focus area"));
        }
    }
    None
}

pub(crate) fn conflicts(suggestions: &[Suggestion], s: &Scenario) -> Vec<Conflict> {
    let mut out = Vec::new();
    for i in 0..suggestions.len() {
        for j in i + 1..suggestions.len() {
            if let Some(reason) = conflict_reason(&suggestions[i], &suggestions[j], s) {
                out.push(Conflict { a: i, b: j, reason });
            }
        }
    }
    out
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
    /// The suggestion behind the change, an index into `suggestions`.
    pub suggestion: Option<usize>,
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
    pub suggestion: usize,
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
    pub set_aside: Vec<usize>,
}

pub(crate) fn propose(
    suggestions: &[Suggestion],
    conflicts: &[Conflict],
    s: &Scenario,
) -> ProposedPlan {
    let mut accepted: Vec<usize> = Vec::new();
    let mut set_aside = Vec::new();
    for i in 0..suggestions.len() {
        let clash = conflicts.iter().any(|c| {
            (c.b == i && accepted.contains(&c.a)) || (c.a == i && accepted.contains(&c.b))
        });
        if clash {
            set_aside.push(i);
        } else {
            accepted.push(i);
        }
    }
    let mut focus_areas: Vec<ProposedFocusArea> = s
        .plan
        .focus_areas
        .iter()
        .map(|f| ProposedFocusArea {
            name: f.name.clone(),
            themes: f.themes.clone(),
            change: Change::Unchanged,
            from: vec![f.id.clone()],
            suggestion: None,
        })
        .collect();
    let mut removed = Vec::new();
    let mut cross_cutting: Vec<String> = s
        .plan
        .cross_cutting_themes
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let position =
        |fas: &[ProposedFocusArea], id: &str| fas.iter().position(|p| p.from == [id.to_string()]);

    // Accept in score order; `accepted` is already sorted that way.
    for &i in &accepted {
        let sug = &suggestions[i];
        let first_fa = sug.focus_areas().next();
        match sug.kind {
            Kind::Watch => {}
            Kind::Retain => {
                for f in sug.focus_areas() {
                    if let Some(p) = position(&focus_areas, f) {
                        if focus_areas[p].change == Change::Unchanged {
                            focus_areas[p].change = Change::Retained;
                            focus_areas[p].suggestion = Some(i);
                        }
                    }
                }
            }
            Kind::Rename => {
                if let (Some(f), Some(name)) = (first_fa, &sug.proposed_name) {
                    if let Some(p) = position(&focus_areas, f) {
                        focus_areas[p].name = name.clone();
                        focus_areas[p].change = Change::Renamed;
                        focus_areas[p].suggestion = Some(i);
                    }
                }
            }
            Kind::Retire | Kind::Demote => {
                for f in sug.focus_areas() {
                    if let Some(p) = position(&focus_areas, f) {
                        let gone = focus_areas.remove(p);
                        let why = if sug.kind == Kind::Retire {
                            Removal::Retired
                        } else {
                            Removal::Demoted
                        };
                        if why == Removal::Demoted {
                            cross_cutting.push(gone.name.clone());
                        }
                        removed.push(RemovedFocusArea {
                            id: f.to_string(),
                            name: gone.name,
                            why,
                            suggestion: i,
                        });
                    }
                }
            }
            Kind::Add => {
                let themes: Vec<String> = sug.themes().map(String::from).collect();
                let name = sug.proposed_name.clone().or_else(|| {
                    themes
                        .first()
                        .and_then(|t| s.theme(t))
                        .map(|t| t.name.clone())
                });
                if let Some(name) = name {
                    focus_areas.push(ProposedFocusArea {
                        name,
                        themes,
                        change: Change::Added,
                        from: vec![],
                        suggestion: Some(i),
                    });
                }
            }
            Kind::Consolidate => {
                let mut themes = Vec::new();
                let mut from = Vec::new();
                let mut at = None;
                for f in sug.focus_areas() {
                    if let Some(p) = position(&focus_areas, f) {
                        let gone = focus_areas.remove(p);
                        at = Some(at.map_or(p, |a: usize| a.min(p)));
                        themes.extend(gone.themes);
                        from.push(f.to_string());
                    }
                }
                for t in sug.themes() {
                    if !themes.iter().any(|x| x == t) {
                        themes.push(t.to_string());
                    }
                }
                let name = sug.proposed_name.clone().unwrap_or_else(|| {
                    let v: Vec<&str> = sug
                        .focus_areas()
                        .filter_map(|f| s.focus_area(f))
                        .map(|f| f.name.as_str())
                        .collect();
                    join_and(&v)
                });
                let entry = ProposedFocusArea {
                    name,
                    themes,
                    change: Change::Consolidated,
                    from,
                    suggestion: Some(i),
                };
                match at {
                    Some(p) => focus_areas.insert(p.min(focus_areas.len()), entry),
                    None => focus_areas.push(entry),
                }
            }
            Kind::Split => {
                if let Some(f) = first_fa {
                    if let Some(p) = position(&focus_areas, f) {
                        let split: Vec<&str> = sug.themes().collect();
                        focus_areas[p]
                            .themes
                            .retain(|t| !split.contains(&t.as_str()));
                        focus_areas[p].change = Change::Split;
                        focus_areas[p].suggestion = Some(i);
                        for t in split {
                            let name = s.theme(t).map_or(t.to_string(), |x| x.name.clone());
                            focus_areas.push(ProposedFocusArea {
                                name,
                                themes: vec![t.to_string()],
                                change: Change::Split,
                                from: vec![f.to_string()],
                                suggestion: Some(i),
                            });
                        }
                    }
                }
            }
        }
    }
    ProposedPlan {
        focus_areas,
        removed,
        cross_cutting_themes: cross_cutting,
        set_aside,
    }
}
