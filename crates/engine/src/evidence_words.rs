//! Evidence in groups, and a suggestion's evidence in one short phrase
//! ("9 districts, 2 statutory duties, 3 partner priorities and 4 horizon items"):
//! one home for both, read by the page's suggestion cards and the Word report.

use std::collections::BTreeSet;

use horizon_model::Scenario;

use crate::suggestion::Evidence;

/// The kinds of evidence, in the order a report discusses them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EvidenceGroup {
    /// Districts naming themes in their own plans (matrix cells).
    Districts,
    HorizonScan,
    Legislation,
    PartnerPriorities,
    Consultation,
    StakeholderEvent,
}

impl EvidenceGroup {
    pub const ALL: [EvidenceGroup; 6] = [
        EvidenceGroup::Districts,
        EvidenceGroup::HorizonScan,
        EvidenceGroup::Legislation,
        EvidenceGroup::PartnerPriorities,
        EvidenceGroup::Consultation,
        EvidenceGroup::StakeholderEvent,
    ];

    /// The group's heading: "Districts’ own plans", "Horizon scan", …
    pub fn label(self) -> &'static str {
        match self {
            EvidenceGroup::Districts => "Districts’ own plans",
            EvidenceGroup::HorizonScan => "Horizon scan",
            EvidenceGroup::Legislation => "Legislation and duties",
            EvidenceGroup::PartnerPriorities => "Partner priorities",
            EvidenceGroup::Consultation => "Public consultation",
            EvidenceGroup::StakeholderEvent => "Stakeholder event",
        }
    }
}

impl Evidence {
    pub fn group(&self) -> EvidenceGroup {
        match self {
            Evidence::MatrixCell { .. } => EvidenceGroup::Districts,
            Evidence::HorizonItem { .. } => EvidenceGroup::HorizonScan,
            Evidence::Legislation { .. } => EvidenceGroup::Legislation,
            Evidence::PartnerPriority { .. } => EvidenceGroup::PartnerPriorities,
            Evidence::Consultation { .. } | Evidence::PlanConsultation => {
                EvidenceGroup::Consultation
            }
            Evidence::StakeholderVotes { .. } => EvidenceGroup::StakeholderEvent,
        }
    }
}

fn counted(n: usize, one: &str, many: &str) -> Option<String> {
    (n > 0).then(|| horizon_model::count(n, one, many))
}

/// The evidence counted by kind, in words: "9 districts, 2 statutory duties,
/// 3 partner priorities and 4 horizon items". Districts are counted once however
/// many of their themes are cited; kinds with nothing are left out, and no
/// evidence at all is "no evidence cited".
pub fn evidence_summary(evidence: &[Evidence], s: &Scenario) -> String {
    let districts: BTreeSet<&str> = evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::MatrixCell { district, .. } => Some(district.as_str()),
            _ => None,
        })
        .collect();
    let of = |g: EvidenceGroup| evidence.iter().filter(|e| e.group() == g).count();
    let (duties, other_law) = evidence
        .iter()
        .filter_map(|e| match e {
            Evidence::Legislation { id } => s.legislation.iter().find(|l| &l.id == id),
            _ => None,
        })
        .fold((0, 0), |(d, o), l| {
            if l.creates_duty {
                (d + 1, o)
            } else {
                (d, o + 1)
            }
        });
    let parts: Vec<String> = [
        counted(districts.len(), "district", "districts"),
        counted(duties, "statutory duty", "statutory duties"),
        if duties > 0 {
            counted(
                other_law,
                "other piece of legislation",
                "other pieces of legislation",
            )
        } else {
            counted(other_law, "piece of legislation", "pieces of legislation")
        },
        counted(
            of(EvidenceGroup::PartnerPriorities),
            "partner priority",
            "partner priorities",
        ),
        counted(
            of(EvidenceGroup::HorizonScan),
            "horizon item",
            "horizon items",
        ),
        counted(
            of(EvidenceGroup::Consultation),
            "consultation result",
            "consultation results",
        ),
        counted(
            of(EvidenceGroup::StakeholderEvent),
            "stakeholder vote count",
            "stakeholder vote counts",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        "no evidence cited".to_string()
    } else {
        horizon_model::join_and(&parts)
    }
}
