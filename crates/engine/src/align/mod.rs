//! Alignment: how a district's plan stands to the county agreement and to the
//! district's own column of the matrix, and how every district stands to the
//! agreement (the county view).
//!
//! These are facts read from the scenario, not rule output: the same for every
//! rule pack. Each county priority (a focus area or cross-cutting theme of the
//! agreement) is *covered* by a local focus area that says it serves it or that
//! covers one of its themes (*directly* when the local focus area is about nothing
//! else, *within* a broader one otherwise), *named locally* when the district's
//! column names one of its themes but no focus area takes it in, or *not
//! addressed*. Everything is matched by id; the words are made here, once.

use horizon_model::{Level, Plan, PlanKind, Scenario};
use serde::Serialize;

mod county;
mod words;

pub use county::{county_view, CountyView, DistrictRow};

/// How one local focus area takes in a county priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// The focus area is about this priority and nothing the agreement holds elsewhere.
    Directly,
    /// The priority is one part of a broader local focus area.
    Within,
    /// The plan's cross-cutting theme takes it in.
    CrossCutting,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cover {
    /// A focus area (or cross-cutting theme) of the district's plan.
    pub id: String,
    pub name: String,
    pub how: How,
}

/// Where a county priority stands in one district.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Standing {
    /// Taken in by the district's plan.
    Covered { by: Vec<Cover> },
    /// Named in the district's column of the matrix, not taken in by a plan (none, or
    /// not the district's plan): the strongest level it is named at.
    NamedLocally { level: Level, themes: Vec<String> },
    /// Neither in the plan nor in the district's column.
    NotAddressed,
}

impl Standing {
    /// A short word for a table cell, never colour alone.
    pub fn label(&self) -> &'static str {
        match self {
            Standing::Covered { .. } => "Covered",
            Standing::NamedLocally { .. } => "Named locally only",
            Standing::NotAddressed => "Not addressed",
        }
    }
}

/// One priority or cross-cutting theme of the county agreement, as a district meets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountyPriority {
    pub id: String,
    pub name: String,
    pub cross_cutting: bool,
    pub standing: Standing,
}

/// One focus area of the district's plan: which county priorities it serves, and
/// which of its themes the agreement does not carry at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocalFocusArea {
    pub id: String,
    pub name: String,
    /// County priorities (ids) it serves.
    pub serves: Vec<String>,
    /// Its themes (ids) that no county priority or cross-cutting theme carries.
    pub distinctive: Vec<String>,
}

/// One theme the district names in its own column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnTheme {
    pub theme: String,
    pub level: Level,
    /// The district's focus areas (ids) covering it.
    pub in_plan: Vec<String>,
    /// Whether the county agreement carries it (in a priority or cross-cutting theme).
    pub in_agreement: bool,
}

/// A district plan read against the county agreement and its own column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    pub plan: String,
    pub plan_name: String,
    pub district: Option<String>,
    pub county: Option<String>,
    pub county_name: Option<String>,
    pub priorities: Vec<CountyPriority>,
    pub focus_areas: Vec<LocalFocusArea>,
    pub column: Vec<ColumnTheme>,
}

/// Why a plan has no alignment to show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoAlignment {
    #[error(
        "“{0}” is the county agreement: choose a district's plan to see how it aligns with it"
    )]
    County(String),
    #[error("“{0}” is a unitary authority's plan, with no county agreement above it")]
    Unitary(String),
    #[error("there is no plan with id “{0}”")]
    NoSuchPlan(String),
}

/// The county agreement's priorities then its cross-cutting themes: (id, name, themes, cross-cutting).
pub(super) fn county_priorities(county: &Plan) -> Vec<(&str, &str, &[String], bool)> {
    county
        .focus_areas
        .iter()
        .map(|f| (f.id.as_str(), f.name.as_str(), f.themes.as_slice(), false))
        .chain(
            county
                .cross_cutting_themes
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str(), c.themes.as_slice(), true)),
        )
        .collect()
}

/// How `district` (with its plan, if the scenario has one) stands to one county priority.
pub(super) fn standing(
    s: &Scenario,
    district: Option<&str>,
    plan: Option<&Plan>,
    (id, themes): (&str, &[String]),
) -> Standing {
    let mut by = Vec::new();
    if let Some(plan) = plan {
        for f in &plan.focus_areas {
            let shared = f.themes.iter().any(|t| themes.contains(t));
            if shared || f.serves.iter().any(|x| x == id) {
                // Directly: the focus area covers this priority's themes and nothing
                // else; otherwise the priority is one part of a broader focus area.
                let how = if shared && f.themes.iter().all(|t| themes.contains(t)) {
                    How::Directly
                } else {
                    How::Within
                };
                by.push(Cover {
                    id: f.id.clone(),
                    name: f.name.clone(),
                    how,
                });
            }
        }
        for c in &plan.cross_cutting_themes {
            if c.themes.iter().any(|t| themes.contains(t)) {
                by.push(Cover {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    how: How::CrossCutting,
                });
            }
        }
    }
    if !by.is_empty() {
        return Standing::Covered { by };
    }
    let named: Vec<(Level, &String)> = district
        .map(|d| {
            themes
                .iter()
                .filter_map(|t| s.level(d, t).map(|l| (l, t)))
                .collect()
        })
        .unwrap_or_default();
    match named.iter().map(|(l, _)| *l).max() {
        Some(level) => Standing::NamedLocally {
            level,
            themes: named.into_iter().map(|(_, t)| t.clone()).collect(),
        },
        None => Standing::NotAddressed,
    }
}

/// The alignment of the plan `plan_id` (a district plan) with the county agreement.
pub fn align(s: &Scenario, plan_id: &str) -> Result<Alignment, NoAlignment> {
    let plan = s
        .plan_by_id(plan_id)
        .ok_or_else(|| NoAlignment::NoSuchPlan(plan_id.to_string()))?;
    match plan.kind {
        PlanKind::CountyAgreement => return Err(NoAlignment::County(plan.name.clone())),
        PlanKind::UnitaryPlan => return Err(NoAlignment::Unitary(plan.name.clone())),
        PlanKind::DistrictPlan => {}
    }
    let county = s.county_agreement();
    let list = county.map(county_priorities).unwrap_or_default();
    let county_themes: Vec<&str> = list
        .iter()
        .flat_map(|(_, _, t, _)| t.iter().map(String::as_str))
        .collect();
    let district = plan.district.as_deref();
    let priorities = list
        .iter()
        .map(|&(id, name, themes, cross_cutting)| CountyPriority {
            id: id.to_string(),
            name: name.to_string(),
            cross_cutting,
            standing: standing(s, district, Some(plan), (id, themes)),
        })
        .collect::<Vec<_>>();
    let focus_areas = plan
        .focus_areas
        .iter()
        .map(|f| LocalFocusArea {
            id: f.id.clone(),
            name: f.name.clone(),
            serves: priorities
                .iter()
                .filter(|p| match &p.standing {
                    Standing::Covered { by } => by.iter().any(|c| c.id == f.id),
                    _ => false,
                })
                .map(|p| p.id.clone())
                .collect(),
            distinctive: f
                .themes
                .iter()
                .filter(|t| !county_themes.contains(&t.as_str()))
                .cloned()
                .collect(),
        })
        .collect();
    let column = district
        .map(|d| {
            s.themes
                .iter()
                .filter_map(|t| {
                    s.level(d, &t.id).map(|level| ColumnTheme {
                        theme: t.id.clone(),
                        level,
                        in_plan: plan
                            .focus_areas
                            .iter()
                            .filter(|f| f.themes.contains(&t.id))
                            .map(|f| f.id.clone())
                            .collect(),
                        in_agreement: county_themes.contains(&t.id.as_str()),
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(Alignment {
        plan: plan.id.clone(),
        plan_name: plan.name.clone(),
        district: plan.district.clone(),
        county: county.map(|c| c.id.clone()),
        county_name: county.map(|c| c.name.clone()),
        priorities,
        focus_areas,
        column,
    })
}
