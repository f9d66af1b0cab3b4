//! A review started from nothing: no themes, districts, matrix or focus areas yet,
//! the PESTELO headings for the horizon scan, and a plan of the chosen kind.

use horizon_model::{
    default_categories, with_county_agreement, Meta, Plan, PlanKind, Scenario, SCHEMA_VERSION,
};

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
        // A district plan is read against the county agreement: an empty one waits
        // beside it for the county's priorities.
        plans: with_county_agreement(vec![Plan::empty(PLAN_ID, NEW_PLAN, kind)]),
        under_review: PLAN_ID.into(),
        horizon: Vec::new(),
        partner_priorities: Vec::new(),
        legislation: Vec::new(),
        votes: Vec::new(),
        events: Vec::new(),
    }
}

const PLAN_ID: &str = "plan";

/// The kinds a new review may be, with their words.
pub const KINDS: [(PlanKind, &str, &str, &str); 3] = [
    (
        PlanKind::DistrictPlan,
        "district-plan",
        "A district community safety plan",
        "One district's own plan, read against its county's agreement (you add the county's priorities too); you choose its district once you have added districts.",
    ),
    (
        PlanKind::UnitaryPlan,
        "unitary-plan",
        "A unitary authority's community safety plan",
        "A partnership with no county agreement above it, such as Medway.",
    ),
    (
        PlanKind::CountyAgreement,
        "county-agreement",
        "A county community safety agreement",
        "A county-wide agreement drawing on every district's priorities.",
    ),
];
