//! The plan's details form: its name, its kind, and for a district plan which
//! district's plan it is.

use horizon_model::{Edit, PlanKind, Scenario};

use super::{checked, FieldError, FieldMap};

/// The form's values as the controls hold them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanDraft {
    pub name: String,
    /// `county_agreement`, `district_plan` or `unitary_plan`, as the radios' values.
    pub kind: String,
    /// A district id, or empty for "none of the matrix's districts".
    pub district: String,
}

/// A kind of plan in words, as the form and the summary say it.
pub fn kind_words(kind: PlanKind) -> &'static str {
    match kind {
        PlanKind::CountyAgreement => "County community safety agreement",
        PlanKind::DistrictPlan => "District community safety plan",
        PlanKind::UnitaryPlan => "Unitary authority community safety plan",
    }
}

impl PlanDraft {
    pub const FIELDS: [FieldMap; 3] = [
        FieldMap::plain("name"),
        FieldMap::plain("kind"),
        FieldMap::plain("district"),
    ];

    pub fn from_scenario(s: &Scenario) -> PlanDraft {
        PlanDraft {
            name: s.plan().name.clone(),
            kind: s.plan().kind.as_str().into(),
            district: s.plan().district.clone().unwrap_or_default(),
        }
    }

    /// Whether the district control should show: only for a district's own plan.
    pub fn is_district_plan(&self) -> bool {
        PlanKind::parse(&self.kind).is_some_and(PlanKind::is_local)
    }

    /// The edit the draft describes, or every problem with it in the form's order.
    pub fn to_edit(&self, s: &Scenario) -> Result<Edit, Vec<FieldError>> {
        let Some(kind) = PlanKind::parse(&self.kind) else {
            return Err(vec![FieldError {
                field: "kind".into(),
                message: "Choose whether the plan is a county agreement, a district plan or a unitary authority's plan"
                    .into(),
            }]);
        };
        let district = match kind {
            PlanKind::CountyAgreement => None,
            _ if self.district.is_empty() => None,
            _ => {
                if s.district(&self.district).is_none() {
                    return Err(vec![FieldError {
                        field: "district".into(),
                        message: "Choose one of the matrix's districts, or none of them".into(),
                    }]);
                }
                Some(self.district.clone())
            }
        };
        checked(
            s,
            Edit::SetPlan {
                name: self.name.clone(),
                kind,
                district,
            },
            &Self::FIELDS,
            "name",
        )
    }
}
