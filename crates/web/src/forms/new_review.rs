//! A review started from nothing: no themes, districts, matrix or focus areas yet,
//! the PESTELO headings for the horizon scan, and a plan of the chosen kind.

use horizon_model::{default_categories, Meta, Plan, PlanKind, Scenario, SCHEMA_VERSION};

/// The title a new review starts with (the task list asks for a real one).
pub const NEW_TITLE: &str = "New review";
/// The plan's name until the user gives one.
pub const NEW_PLAN: &str = "Community safety plan";

/// An empty scenario whose plan is of `kind`.
pub fn blank_scenario(kind: PlanKind) -> Scenario {
    Scenario {
        schema_version: SCHEMA_VERSION,
        meta: Meta {
            title: NEW_TITLE.into(),
            geography: String::new(),
            period: String::new(),
            provenance: Vec::new(),
        },
        categories: default_categories(),
        groups: Vec::new(),
        themes: Vec::new(),
        districts: Vec::new(),
        matrix: Vec::new(),
        plan: Plan {
            name: NEW_PLAN.into(),
            kind,
            district: None,
            focus_areas: Vec::new(),
            cross_cutting_themes: Vec::new(),
        },
        horizon: Vec::new(),
        partner_priorities: Vec::new(),
        legislation: Vec::new(),
        consultation: Vec::new(),
        votes: Vec::new(),
    }
}

/// The kinds a new review may be, with their words.
pub const KINDS: [(PlanKind, &str, &str, &str); 2] = [
    (
        PlanKind::DistrictPlan,
        "district-plan",
        "A district or unitary community safety plan",
        "One partnership's own plan; you choose its district once you have added districts.",
    ),
    (
        PlanKind::CountyAgreement,
        "county-agreement",
        "A county community safety agreement",
        "A county-wide agreement drawing on every district's priorities.",
    ),
];
