//! The kinds of change a review makes, and what each one means, in one place per
//! kind: the targets it needs, what makes two suggestions the same change (its
//! identity), which kinds it can be accepted alongside, how it reads as a headline,
//! and what accepting it does to the plan.
//!
//! Everything else in the engine asks a kind's [`KindSpec`] rather than matching on
//! [`Kind`] itself, so adding or changing a kind is an edit to one block below.

use horizon_model::Scenario;
use serde::{Deserialize, Serialize};

use crate::suggestion::{
    join_and, Change, ProposedFocusArea, Removal, RemovedFocusArea, Suggestion, SuggestionId,
    Target,
};

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

/// Which of a suggestion's targets make it the change it is. Two suggestions of
/// the same kind with the same identifying targets are one change, and are merged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// The first theme (a new focus area is known by the theme it leads with).
    LeadTheme,
    /// The focus areas, whatever themes are taken in.
    FocusAreas,
    /// Every target, focus area or theme.
    AllTargets,
}

/// What one kind of change means.
pub struct KindSpec {
    pub kind: Kind,
    /// As rules and files write it: "consolidate".
    pub name: &'static str,
    /// A capitalised verb for headings: "Consolidate".
    pub label: &'static str,
    /// What the change means, in a phrase: "merge focus areas into one".
    pub meaning: &'static str,
    /// The fewest focus areas and themes a suggestion of this kind must name.
    pub min_focus_areas: usize,
    pub min_themes: usize,
    /// What a rule is told when a suggestion names too few.
    pub needs: &'static str,
    pub identity: Identity,
    /// Whether accepting it makes a new focus area out of themes (two such
    /// suggestions cannot both put one theme in a new focus area).
    pub builds_focus_area: bool,
    /// Whether the themes it names go into its (existing) focus area: a retain that
    /// takes in a theme the plan left out.
    pub folds_themes: bool,
    /// Whether a suggestion of this kind, on themes another suggestion brings into
    /// the plan, adds nothing of its own and is shown under that one instead
    /// (`coherence.rs`): a watch on a theme an add takes in.
    pub folds_into_takers: bool,
    /// What it would do to a focus area, in a phrase after "one would": "make it a
    /// cross-cutting theme". Conflicts between two kinds on one focus area say this.
    pub does: &'static str,
    /// The kinds it can be accepted alongside when both concern one focus area.
    /// Symmetric (tested).
    pub coexists_with: &'static [Kind],
    pub(crate) headline: fn(&Suggestion, &Scenario) -> String,
    pub(crate) accept: fn(&Suggestion, &SuggestionId, &mut Draft, &Scenario),
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

    pub fn spec(self) -> &'static KindSpec {
        match self {
            Kind::Add => &ADD,
            Kind::Retain => &RETAIN,
            Kind::Consolidate => &CONSOLIDATE,
            Kind::Rename => &RENAME,
            Kind::Split => &SPLIT,
            Kind::Demote => &DEMOTE,
            Kind::Retire => &RETIRE,
            Kind::Watch => &WATCH,
        }
    }

    pub fn as_str(self) -> &'static str {
        self.spec().name
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A capitalised verb for headings ("Consolidate").
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// Whether suggestions of these two kinds can both be accepted when they
    /// concern the same focus area.
    pub fn coexists_with(self, other: Kind) -> bool {
        self.spec().coexists_with.contains(&other)
    }
}

impl KindSpec {
    /// Checks that a suggestion names enough focus areas and themes for this kind;
    /// the error is the sentence a rule author is shown.
    pub fn check_targets(&self, focus_areas: usize, themes: usize) -> Result<(), &'static str> {
        if focus_areas < self.min_focus_areas || themes < self.min_themes {
            Err(self.needs)
        } else {
            Ok(())
        }
    }

    /// The identifying target ids of a suggestion of this kind, in canonical order.
    pub fn identity_of(&self, targets: &[Target]) -> Vec<String> {
        let ids: Vec<String> = match self.identity {
            Identity::LeadTheme => targets
                .iter()
                .find(|t| matches!(t, Target::Theme(_)))
                .map(|t| t.id().to_string())
                .into_iter()
                .collect(),
            Identity::FocusAreas => targets
                .iter()
                .filter(|t| matches!(t, Target::FocusArea(_)))
                .map(|t| t.id().to_string())
                .collect(),
            Identity::AllTargets => targets.iter().map(|t| t.id().to_string()).collect(),
        };
        let mut ids = ids;
        ids.sort();
        ids.dedup();
        ids
    }
}

/// The proposed plan while suggestions are being accepted into it.
pub(crate) struct Draft {
    pub focus_areas: Vec<ProposedFocusArea>,
    pub removed: Vec<RemovedFocusArea>,
    pub cross_cutting: Vec<String>,
}

impl Draft {
    /// Where the current focus area `id` stands, if it is still there unmerged.
    pub(crate) fn position(&self, id: &str) -> Option<usize> {
        self.focus_areas.iter().position(|p| p.from == [id])
    }

    fn remove(&mut self, sug: &Suggestion, id: &SuggestionId, why: Removal) {
        for f in sug.focus_areas() {
            if let Some(p) = self.position(f) {
                let gone = self.focus_areas.remove(p);
                if why == Removal::Demoted {
                    self.cross_cutting.push(gone.name.clone());
                }
                self.removed.push(RemovedFocusArea {
                    id: f.to_string(),
                    name: gone.name,
                    why,
                    suggestion: id.clone(),
                });
            }
        }
    }
}

fn names<'a>(it: impl Iterator<Item = &'a Target>, s: &Scenario) -> String {
    let v: Vec<&str> = it.map(|t| t.name(s)).collect();
    join_and(&v)
}

fn focus_area_names(sug: &Suggestion, s: &Scenario) -> String {
    names(
        sug.targets
            .iter()
            .filter(|t| matches!(t, Target::FocusArea(_))),
        s,
    )
}

fn theme_names(sug: &Suggestion, s: &Scenario) -> String {
    names(
        sug.targets.iter().filter(|t| matches!(t, Target::Theme(_))),
        s,
    )
}

fn all_names(sug: &Suggestion, s: &Scenario) -> String {
    names(sug.targets.iter(), s)
}

// ---------------------------------------------------------------- add

const ADD: KindSpec = KindSpec {
    kind: Kind::Add,
    name: "add",
    label: "Add",
    meaning: "a new focus area",
    min_focus_areas: 0,
    min_themes: 1,
    needs: "an add suggestion needs the themes the new focus area would cover",
    identity: Identity::LeadTheme,
    builds_focus_area: true,
    folds_themes: false,
    folds_into_takers: false,
    does: "add it as a new focus area",
    coexists_with: &[Kind::Add, Kind::Watch],
    headline: |sug, s| match &sug.proposed_name {
        Some(n) => format!("Add {n}"),
        None => format!("Add {}", theme_names(sug, s)),
    },
    accept: |sug, id, plan, s| {
        let themes: Vec<String> = sug.themes().map(String::from).collect();
        let name = sug.proposed_name.clone().or_else(|| {
            themes
                .first()
                .and_then(|t| s.theme(t))
                .map(|t| t.name.clone())
        });
        if let Some(name) = name {
            plan.focus_areas.push(ProposedFocusArea {
                name,
                themes,
                change: Change::Added,
                from: vec![],
                suggestion: Some(id.clone()),
                taken_in: vec![],
            });
        }
    },
};

// ---------------------------------------------------------------- retain

const RETAIN: KindSpec = KindSpec {
    kind: Kind::Retain,
    name: "retain",
    label: "Retain",
    meaning: "keep a current focus area, taking in any themes named with it",
    min_focus_areas: 1,
    min_themes: 0,
    needs: "a retain suggestion needs at least one focus area",
    identity: Identity::AllTargets,
    builds_focus_area: false,
    folds_themes: true,
    folds_into_takers: false,
    does: "keep it as a focus area",
    coexists_with: &[Kind::Retain, Kind::Rename, Kind::Watch],
    // Themes named beside the focus area are folded into it: "Retain Reducing
    // Offending and Reoffending, taking in Substance Misuse".
    headline: |sug, s| {
        let themes = theme_names(sug, s);
        if themes.is_empty() {
            format!("Retain {}", focus_area_names(sug, s))
        } else {
            format!("Retain {}, taking in {themes}", focus_area_names(sug, s))
        }
    },
    accept: |sug, id, plan, _| {
        for f in sug.focus_areas() {
            if let Some(p) = plan.position(f) {
                let fa = &mut plan.focus_areas[p];
                if fa.change == Change::Unchanged {
                    fa.change = Change::Retained;
                    fa.suggestion = Some(id.clone());
                }
                for t in sug.themes() {
                    if !fa.themes.iter().any(|x| x == t) {
                        fa.themes.push(t.to_string());
                        fa.taken_in.push(t.to_string());
                    }
                }
            }
        }
    },
};

// ---------------------------------------------------------------- consolidate

const CONSOLIDATE: KindSpec = KindSpec {
    kind: Kind::Consolidate,
    name: "consolidate",
    label: "Consolidate",
    meaning: "merge focus areas into one",
    min_focus_areas: 2,
    min_themes: 0,
    needs: "a consolidate suggestion needs two or more focus areas",
    identity: Identity::FocusAreas,
    builds_focus_area: true,
    folds_themes: false,
    folds_into_takers: false,
    does: "merge it with other focus areas",
    coexists_with: &[Kind::Watch],
    headline: |sug, s| match &sug.proposed_name {
        Some(n) => format!("Consolidate {} into {n}", focus_area_names(sug, s)),
        None => format!("Consolidate {}", focus_area_names(sug, s)),
    },
    accept: |sug, id, plan, s| {
        let mut themes = Vec::new();
        let mut from = Vec::new();
        let mut at = None;
        for f in sug.focus_areas() {
            if let Some(p) = plan.position(f) {
                let gone = plan.focus_areas.remove(p);
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
            suggestion: Some(id.clone()),
            taken_in: vec![],
        };
        match at {
            Some(p) => plan
                .focus_areas
                .insert(p.min(plan.focus_areas.len()), entry),
            None => plan.focus_areas.push(entry),
        }
    },
};

// ---------------------------------------------------------------- rename

const RENAME: KindSpec = KindSpec {
    kind: Kind::Rename,
    name: "rename",
    label: "Rename",
    meaning: "rename or reword a focus area",
    min_focus_areas: 1,
    min_themes: 0,
    needs: "a rename suggestion needs at least one focus area",
    identity: Identity::AllTargets,
    builds_focus_area: false,
    folds_themes: false,
    folds_into_takers: false,
    does: "rename it",
    coexists_with: &[Kind::Retain, Kind::Rename, Kind::Watch],
    headline: |sug, s| match &sug.proposed_name {
        Some(n) => format!("Rename {} to {n}", focus_area_names(sug, s)),
        None => format!("Review the wording of {}", focus_area_names(sug, s)),
    },
    accept: |sug, id, plan, _| {
        if let (Some(f), Some(name)) = (sug.focus_areas().next(), &sug.proposed_name) {
            if let Some(p) = plan.position(f) {
                plan.focus_areas[p].name = name.clone();
                plan.focus_areas[p].change = Change::Renamed;
                plan.focus_areas[p].suggestion = Some(id.clone());
            }
        }
    },
};

// ---------------------------------------------------------------- split

const SPLIT: KindSpec = KindSpec {
    kind: Kind::Split,
    name: "split",
    label: "Split",
    meaning: "split a focus area in two or more",
    min_focus_areas: 1,
    min_themes: 0,
    needs: "a split suggestion needs at least one focus area",
    identity: Identity::AllTargets,
    builds_focus_area: true,
    folds_themes: false,
    folds_into_takers: false,
    does: "split it into several focus areas",
    coexists_with: &[Kind::Watch],
    headline: |sug, s| {
        let parts: Vec<String> = sug.split_parts().iter().map(|p| p.name(s)).collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        if parts.is_empty() {
            // A near miss names only the focus area it considered splitting.
            format!("Split {}", focus_area_names(sug, s))
        } else {
            format!(
                "Split {} into {}",
                focus_area_names(sug, s),
                join_and(&parts)
            )
        }
    },
    // Each part becomes a focus area where the one split stood; themes no part
    // takes stay in it, and when none stay it is gone, replaced by its parts.
    accept: crate::split_part::accept,
};

// ---------------------------------------------------------------- demote

const DEMOTE: KindSpec = KindSpec {
    kind: Kind::Demote,
    name: "demote",
    label: "Demote",
    meaning: "make a focus area a cross-cutting theme",
    min_focus_areas: 1,
    min_themes: 0,
    needs: "a demote suggestion needs at least one focus area",
    identity: Identity::AllTargets,
    builds_focus_area: false,
    folds_themes: false,
    folds_into_takers: false,
    does: "make it a cross-cutting theme",
    coexists_with: &[Kind::Demote, Kind::Watch],
    headline: |sug, s| {
        format!(
            "Demote {} to a cross-cutting theme",
            focus_area_names(sug, s)
        )
    },
    accept: |sug, id, plan, _| plan.remove(sug, id, Removal::Demoted),
};

// ---------------------------------------------------------------- retire

const RETIRE: KindSpec = KindSpec {
    kind: Kind::Retire,
    name: "retire",
    label: "Retire",
    meaning: "drop a focus area",
    min_focus_areas: 1,
    min_themes: 0,
    needs: "a retire suggestion needs at least one focus area",
    identity: Identity::AllTargets,
    builds_focus_area: false,
    folds_themes: false,
    folds_into_takers: false,
    does: "drop it from the plan",
    coexists_with: &[Kind::Retire, Kind::Watch],
    headline: |sug, s| format!("Retire {}", all_names(sug, s)),
    accept: |sug, id, plan, _| plan.remove(sug, id, Removal::Retired),
};

// ---------------------------------------------------------------- watch

const WATCH: KindSpec = KindSpec {
    kind: Kind::Watch,
    name: "watch",
    label: "Watch",
    meaning: "an emerging issue to keep an eye on",
    min_focus_areas: 0,
    min_themes: 0,
    needs: "a watch suggestion needs focus areas or themes",
    identity: Identity::AllTargets,
    builds_focus_area: false,
    folds_themes: false,
    folds_into_takers: true,
    does: "keep it under watch",
    coexists_with: &Kind::ALL,
    headline: |sug, s| format!("Watch {}", all_names(sug, s)),
    // Kept on the agenda: the plan is unchanged.
    accept: |_, _, _, _| {},
};
