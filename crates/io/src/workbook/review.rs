//! The review sheet: the review's details and the plan's name and kind, one per row
//! under the headers "Field" and "Value", then one row per provenance note. The row
//! labels and the plan kinds' words are here, once, for the writer and the reader.

use horizon_model::{name_key, PlanKind, Scenario};

use super::{header, text};
use crate::grid::Cell;

/// The header of the labels' column.
pub const FIELD: &str = "Field";
/// The header of the values' column.
pub const VALUE: &str = "Value";

pub const TITLE: &str = "Title";
pub const GEOGRAPHY: &str = "Geography";
pub const PERIOD: &str = "Period";
pub const PLAN_NAME: &str = "Plan name";
pub const PLAN_KIND: &str = "Plan kind";
/// For a district plan, the district whose plan it is, by name.
pub const PLAN_DISTRICT: &str = "Plan's district";
/// One row per note, in order.
pub const PROVENANCE: &str = "Provenance";

/// Every row label, in the order Horizon writes them.
pub const LABELS: [&str; 7] = [
    TITLE,
    GEOGRAPHY,
    PERIOD,
    PLAN_NAME,
    PLAN_KIND,
    PLAN_DISTRICT,
    PROVENANCE,
];

/// What Horizon writes for a plan's kind.
pub fn plan_kind_word(kind: PlanKind) -> &'static str {
    kind.label()
}

/// A plan's kind from what people write ("County agreement", "Community Safety
/// Agreement", "district plan", "CSA"…); `None` when it is neither.
pub fn plan_kind(text: &str) -> Option<PlanKind> {
    let k = name_key(&text.replace(['-', '_'], " "));
    match k.as_str() {
        "county agreement"
        | "county"
        | "agreement"
        | "community safety agreement"
        | "county community safety agreement"
        | "csa" => Some(PlanKind::CountyAgreement),
        "district plan"
        | "district"
        | "plan"
        | "community safety plan"
        | "district community safety plan"
        | "csp" => Some(PlanKind::DistrictPlan),
        "unitary plan" | "unitary" | "unitary authority plan" | "unitary authority" => {
            Some(PlanKind::UnitaryPlan)
        }
        _ => None,
    }
}

pub(super) fn rows(s: &Scenario) -> Vec<Vec<Cell>> {
    let district = s
        .plan()
        .district
        .as_deref()
        .map(|id| s.district(id).map_or(id, |d| &d.name))
        .unwrap_or("");
    let mut rows = vec![
        header([FIELD, VALUE]),
        vec![text(TITLE), text(&s.meta.title)],
        vec![text(GEOGRAPHY), text(&s.meta.geography)],
        vec![text(PERIOD), text(&s.meta.period)],
        vec![text(PLAN_NAME), text(&s.plan().name)],
        vec![text(PLAN_KIND), text(plan_kind_word(s.plan().kind))],
        vec![text(PLAN_DISTRICT), text(district)],
    ];
    rows.extend(
        s.meta
            .provenance
            .iter()
            .map(|note| vec![text(PROVENANCE), text(note)]),
    );
    rows
}
