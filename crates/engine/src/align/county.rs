//! The county view: every district × the agreement's priorities and cross-cutting
//! themes, and how far each district drifts from the agreement.

use horizon_model::{Level, Scenario};
use serde::Serialize;

use super::{county_priorities, standing, Standing};

/// One district in the county view: how it stands to each county priority (in the
/// agreement's order) and how far it drifts from the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DistrictRow {
    pub district: String,
    /// The district's own plan in the scenario, if there is one.
    pub plan: Option<String>,
    pub cells: Vec<Standing>,
    /// County priorities the district neither covers nor names.
    pub not_addressed: Vec<String>,
    /// Themes the district names as main priorities that the agreement does not carry.
    pub own_priorities: Vec<String>,
}

impl DistrictRow {
    /// How far the district drifts from the agreement: priorities it does not address
    /// plus main priorities of its own the agreement does not carry.
    pub fn divergence(&self) -> usize {
        self.not_addressed.len() + self.own_priorities.len()
    }
}

/// The county view: every district × the agreement's priorities and cross-cutting
/// themes. Rows stay in the matrix's district order; sort by `divergence` to rank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountyView {
    pub county: String,
    /// (id, name, cross-cutting) of each column.
    pub priorities: Vec<(String, String, bool)>,
    pub districts: Vec<DistrictRow>,
}

/// The county view, or `None` when the scenario has no county agreement.
pub fn county_view(s: &Scenario) -> Option<CountyView> {
    let county = s.county_agreement()?;
    let list = county_priorities(county);
    let county_themes: Vec<&str> = list
        .iter()
        .flat_map(|(_, _, t, _)| t.iter().map(String::as_str))
        .collect();
    let districts = s
        .districts
        .iter()
        .map(|d| {
            let plan = s
                .plans
                .iter()
                .find(|p| p.kind.is_local() && p.district.as_deref() == Some(d.id.as_str()));
            let cells: Vec<Standing> = list
                .iter()
                .map(|&(id, _, themes, _)| standing(s, Some(&d.id), plan, (id, themes)))
                .collect();
            DistrictRow {
                district: d.id.clone(),
                plan: plan.map(|p| p.id.clone()),
                not_addressed: list
                    .iter()
                    .zip(&cells)
                    .filter(|(_, c)| **c == Standing::NotAddressed)
                    .map(|((id, ..), _)| id.to_string())
                    .collect(),
                own_priorities: s
                    .themes
                    .iter()
                    .filter(|t| {
                        s.level(&d.id, &t.id) == Some(Level::Main)
                            && !county_themes.contains(&t.id.as_str())
                    })
                    .map(|t| t.id.clone())
                    .collect(),
                cells,
            }
        })
        .collect();
    Some(CountyView {
        county: county.name.clone(),
        priorities: list
            .iter()
            .map(|&(id, name, _, cc)| (id.to_string(), name.to_string(), cc))
            .collect(),
        districts,
    })
}
