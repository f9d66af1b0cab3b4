//! The plan's details form: its name, its kind, and for a district plan which
//! district's plan it is.

use horizon_model::{Edit, PlanKind, Scenario};

use super::{checked, FieldError, FieldMap};

/// The form's values as the controls hold them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanDraft {
    pub name: String,
    /// `county_agreement` or `district_plan`, as the radios' values.
    pub kind: String,
    /// A district id, or empty for "none of the matrix's districts".
    pub district: String,
}

pub const COUNTY: &str = "county_agreement";
pub const DISTRICT: &str = "district_plan";

/// A kind of plan in words, as the form and the summary say it.
pub fn kind_words(kind: PlanKind) -> &'static str {
    match kind {
        PlanKind::CountyAgreement => "County community safety agreement",
        PlanKind::DistrictPlan => "District community safety plan",
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
            name: s.plan.name.clone(),
            kind: match s.plan.kind {
                PlanKind::CountyAgreement => COUNTY,
                PlanKind::DistrictPlan => DISTRICT,
            }
            .into(),
            district: s.plan.district.clone().unwrap_or_default(),
        }
    }

    /// Whether the district control should show: only for a district plan.
    pub fn is_district_plan(&self) -> bool {
        self.kind == DISTRICT
    }

    /// The edit the draft describes, or every problem with it in the form's order.
    pub fn to_edit(&self, s: &Scenario) -> Result<Edit, Vec<FieldError>> {
        let kind = match self.kind.as_str() {
            COUNTY => PlanKind::CountyAgreement,
            DISTRICT => PlanKind::DistrictPlan,
            _ => {
                return Err(vec![FieldError {
                    field: "kind".into(),
                    message: "Choose whether the plan is a county agreement or a district plan"
                        .into(),
                }])
            }
        };
        let district = match kind {
            PlanKind::CountyAgreement => None,
            PlanKind::DistrictPlan if self.district.is_empty() => None,
            PlanKind::DistrictPlan => {
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
