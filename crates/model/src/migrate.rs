//! Reading files of every schema version this build knows, into today's [`Scenario`].
//!
//! A file is read into [`ScenarioFile`], which accepts the fields of version 1 and
//! version 2 alike (and, denying unknown fields, nothing else), then turned into a
//! [`Scenario`] of the current version. serde reads the whole file this way, so a
//! syntax error or a wrong type keeps its line and column whatever the version.
//!
//! Version 1 held one plan (`plan`) and its consultation beside it (`consultation`).
//! Version 2 holds many plans over one matrix (`plans`, `under_review`), each with
//! its own consultation. A version 1 file becomes one plan, under review, whose id is
//! made from its name, with the file's consultation figures; a version 1 district
//! plan gets an empty county agreement beside it to be read against.

use serde::Deserialize;

use crate::ids::slug;
use crate::scenario::*;
use crate::validate::{Problem, ProblemKind};

/// A scenario file: version 2 (`plans`, `under_review`), or version 1 (`plan`,
/// `consultation`), which is read as one plan under review.
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Scenario"))]
#[serde(deny_unknown_fields)]
pub(crate) struct ScenarioFile {
    /// 2 (1 is read too, and written as 2).
    schema_version: u32,
    meta: Meta,
    /// Horizon-scanning headings. PESTELO by default; districts add their own.
    #[serde(default = "default_categories")]
    categories: Vec<HorizonCategory>,
    /// Families of themes (crime, safeguarding, community…).
    groups: Vec<ThemeGroup>,
    /// The rows of the priority matrix: crime and disorder categories.
    themes: Vec<Theme>,
    /// The columns of the priority matrix.
    districts: Vec<District>,
    /// One row per theme that any district names; cells left out are "not named".
    #[serde(default)]
    matrix: Vec<MatrixRow>,
    /// Version 1: the one plan.
    #[serde(default)]
    plan: Option<Plan>,
    /// Version 2: the plans read over this matrix (at most one county agreement, any
    /// number of district or unitary plans).
    #[serde(default)]
    plans: Option<Vec<Plan>>,
    /// Version 2: the id of the plan under review (may be left out when there is one plan).
    #[serde(default)]
    under_review: Option<PlanId>,
    #[serde(default)]
    horizon: Vec<HorizonItem>,
    #[serde(default)]
    partner_priorities: Vec<PartnerPriority>,
    #[serde(default)]
    legislation: Vec<Legislation>,
    /// Version 1: the plan's consultation figures.
    #[serde(default)]
    consultation: Option<Vec<ConsultationResult>>,
    #[serde(default)]
    votes: Vec<StakeholderVote>,
    /// Stakeholder events: presentations and the room's votes.
    #[serde(default)]
    events: Vec<crate::event::Event>,
}

impl TryFrom<ScenarioFile> for Scenario {
    type Error = String;

    /// serde's way in (a scenario inside a project file): the problem as words.
    fn try_from(f: ScenarioFile) -> Result<Scenario, String> {
        convert(f).map_err(|p| p.message)
    }
}

/// A file's fields as today's scenario, or the one problem with its shape (fields of
/// the other schema version, no plans, no plan under review), at the field it is
/// about: serde gives such a problem no line, so the scenario reader asks here.
pub(crate) fn convert(f: ScenarioFile) -> Result<Scenario, Problem> {
    let shape = |path: &str, kind: ProblemKind, message: &str| Problem {
        path: path.to_string(),
        kind,
        message: message.to_string(),
    };
    use ProblemKind::{Empty, UnsupportedSchemaVersion as Version};
    let (plans, under_review, schema_version) = if f.schema_version == 1 {
        if f.plans.is_some() || f.under_review.is_some() {
            return Err(shape(
                if f.plans.is_some() {
                    "plans"
                } else {
                    "under_review"
                },
                Version,
                "a schema version 1 file has one \"plan\", not \"plans\" or \
                     \"under_review\" (those are version 2's)",
            ));
        }
        let mut plan = f
            .plan
            .ok_or_else(|| shape("plan", Empty, "a schema version 1 file needs its \"plan\""))?;
        if plan.id.trim().is_empty() {
            plan.id = slug(&plan.name, "plan");
        }
        plan.consultation = f.consultation.unwrap_or_default();
        let id = plan.id.clone();
        (with_county_agreement(vec![plan]), id, SCHEMA_VERSION)
    } else {
        if f.plan.is_some() {
            return Err(shape(
                "plan",
                Version,
                &format!(
                    "\"plan\" is schema version 1's field; a version {} file lists \
                         \"plans\" and names the one \"under_review\"",
                    f.schema_version
                ),
            ));
        }
        if f.consultation.is_some() {
            return Err(shape(
                "consultation",
                Version,
                &format!(
                    "\"consultation\" belongs inside each plan in a version {} file",
                    f.schema_version
                ),
            ));
        }
        let plans = f
            .plans
            .ok_or_else(|| shape("plans", Empty, "the scenario needs its \"plans\""))?;
        // One plan needs no choosing: `under_review` may be left out.
        let under_review = match (f.under_review, plans.as_slice()) {
            (Some(id), _) => id,
            (None, [only]) => only.id.clone(),
            (None, _) => {
                return Err(shape(
                    "under_review",
                    Empty,
                    "the scenario has several plans and does not say which is \"under_review\"",
                ))
            }
        };
        (plans, under_review, f.schema_version)
    };
    Ok(Scenario {
        schema_version,
        meta: f.meta,
        categories: f.categories,
        groups: f.groups,
        themes: f.themes,
        districts: f.districts,
        matrix: f.matrix,
        plans,
        under_review,
        horizon: f.horizon,
        partner_priorities: f.partner_priorities,
        legislation: f.legislation,
        votes: f.votes,
        events: f.events,
    })
}
