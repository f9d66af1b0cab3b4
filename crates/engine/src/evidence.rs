//! Evidence: a typed reference to one fact in the scenario behind a suggestion,
//! how it reads in a report, and whether it is there.

use std::collections::{BTreeMap, HashMap, HashSet};

use horizon_model::{Level, Scenario};
use serde::{Deserialize, Serialize};

/// A typed reference to one fact in the scenario behind a suggestion. Every
/// reference is checked against the scenario before it is reported.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Evidence {
    /// A district names a theme in its own plan.
    MatrixCell {
        district: String,
        theme: String,
        level: Level,
    },
    HorizonItem {
        id: String,
    },
    Legislation {
        id: String,
    },
    PartnerPriority {
        id: String,
    },
    Consultation {
        focus_area: String,
    },
    /// The public consultation on the plan as a whole.
    PlanConsultation,
    StakeholderVotes {
        theme: String,
    },
}

impl Evidence {
    /// The evidence in a sentence fragment a council report could print.
    pub fn describe(&self, s: &Scenario) -> String {
        match self {
            Evidence::MatrixCell {
                district,
                theme,
                level,
            } => format!(
                "{} names {} {}",
                s.district(district).map_or(district.as_str(), |d| &d.name),
                s.theme(theme).map_or(theme.as_str(), |t| &t.name),
                match level {
                    Level::Main => "as a main priority",
                    Level::Subsidiary => "as a subsidiary priority or cross-cutting theme",
                    Level::Issue => "as an issue within a broader theme",
                }
            ),
            Evidence::HorizonItem { id } => match s.horizon.iter().find(|h| &h.id == id) {
                Some(h) => format!(
                    "Horizon scan ({}): {} — likelihood {} × impact {} = {}",
                    s.category(&h.category)
                        .map_or(h.category.as_str(), |c| &c.name),
                    h.title,
                    h.likelihood,
                    h.impact,
                    h.grade()
                ),
                None => id.clone(),
            },
            Evidence::Legislation { id } => match s.legislation.iter().find(|l| &l.id == id) {
                Some(l) => {
                    let duty = if l.creates_duty {
                        ", creating a statutory duty"
                    } else {
                        ""
                    };
                    format!("{} ({}{duty})", l.title, l.status.as_str())
                }
                None => id.clone(),
            },
            Evidence::PartnerPriority { id } => {
                match s.partner_priorities.iter().find(|p| &p.id == id) {
                    Some(p) => format!("{}: {}", p.partner, p.priority),
                    None => id.clone(),
                }
            }
            Evidence::Consultation { focus_area } => {
                match s
                    .plan()
                    .consultation
                    .iter()
                    .find(|c| c.focus_area.as_deref() == Some(focus_area))
                {
                    Some(c) => format!(
                        "Public consultation on {}: {:.0} % of {} respondents agree",
                        s.focus_area(focus_area)
                            .map_or(focus_area.as_str(), |f| &f.name),
                        c.share_agreeing * 100.0,
                        c.responses
                    ),
                    None => focus_area.clone(),
                }
            }
            Evidence::PlanConsultation => match s.plan().overall_consultation() {
                Some(c) => format!(
                    "Public consultation on {}: {:.0} % of {} respondents support its focus areas",
                    s.plan().name,
                    c.share_agreeing * 100.0,
                    c.responses
                ),
                None => "Public consultation on the plan".to_string(),
            },
            Evidence::StakeholderVotes { theme } => {
                let votes: u32 = s
                    .votes
                    .iter()
                    .filter(|v| &v.theme == theme)
                    .map(|v| v.votes)
                    .sum();
                format!(
                    "Stakeholder event: {} for {}",
                    horizon_model::count(votes as usize, "vote", "votes"),
                    s.theme(theme).map_or(theme.as_str(), |t| &t.name)
                )
            }
        }
    }
}

impl Evidence {
    /// The evidence as a rule cited it, for a rule author's diagnostic: "the matrix
    /// cell for district \"swale\" and theme \"gangs\" at level main", "horizon item \"x\"".
    pub(crate) fn as_cited(&self) -> String {
        match self {
            Evidence::MatrixCell {
                district,
                theme,
                level,
            } => format!(
                "the matrix cell for district \"{district}\" and theme \"{theme}\" at level {}",
                level.as_str()
            ),
            Evidence::HorizonItem { id } => format!("horizon item \"{id}\""),
            Evidence::Legislation { id } => format!("legislation \"{id}\""),
            Evidence::PartnerPriority { id } => format!("partner priority \"{id}\""),
            Evidence::Consultation { focus_area } => {
                format!("the consultation result for focus area \"{focus_area}\"")
            }
            Evidence::PlanConsultation => "the consultation result for the plan".to_string(),
            Evidence::StakeholderVotes { theme } => {
                format!("stakeholder votes for theme \"{theme}\"")
            }
        }
    }
}

/// A fast hash for the scenario's ids and what rules make of them, where SipHash was
/// a tenth of a national evaluation: ahash with fixed keys, rhai's own, so it adds
/// nothing to the page. (What it guards against, hostile keys flooding a server's
/// table, cannot happen in one user's own browser.)
pub(crate) type Fast = std::hash::BuildHasherDefault<ahash::AHasher>;
pub(crate) type FastSet<T> = HashSet<T, Fast>;
pub(crate) type FastMap<K, V> = HashMap<K, V, Fast>;

/// What evidence can cite in one scenario, gathered once per evaluation so that
/// checking a citation is a lookup, not a search of the scenario: a national review
/// cites thousands of cells and hundreds of horizon items.
pub(crate) struct Citable<'s> {
    scenario: &'s Scenario,
    rows: FastMap<&'s str, &'s BTreeMap<String, Level>>,
    horizon: FastSet<&'s str>,
    legislation: FastSet<&'s str>,
    partners: FastSet<&'s str>,
    votes: FastSet<&'s str>,
}

impl<'s> Citable<'s> {
    pub(crate) fn new(s: &'s Scenario) -> Citable<'s> {
        let mut rows = FastMap::with_capacity_and_hasher(s.matrix.len(), Default::default());
        for r in &s.matrix {
            // The first row for a theme is the one the scenario reads.
            rows.entry(r.theme.as_str()).or_insert(&r.cells);
        }
        Citable {
            scenario: s,
            rows,
            horizon: s.horizon_read().map(|h| h.id.as_str()).collect(),
            legislation: s.legislation.iter().map(|l| l.id.as_str()).collect(),
            partners: s.partner_priorities_read().map(|p| p.id.as_str()).collect(),
            votes: s.votes.iter().map(|v| v.theme.as_str()).collect(),
        }
    }

    /// Whether the fact `e` cites is in the scenario (a rule may cite something that is not there).
    pub(crate) fn has(&self, e: &Evidence) -> bool {
        match e {
            Evidence::MatrixCell {
                district,
                theme,
                level,
            } => self
                .rows
                .get(theme.as_str())
                .and_then(|cells| cells.get(district))
                == Some(level),
            Evidence::HorizonItem { id } => self.horizon.contains(id.as_str()),
            Evidence::Legislation { id } => self.legislation.contains(id.as_str()),
            Evidence::PartnerPriority { id } => self.partners.contains(id.as_str()),
            Evidence::Consultation { focus_area } => self
                .scenario
                .plan()
                .consultation
                .iter()
                .any(|c| c.focus_area.as_deref() == Some(focus_area)),
            Evidence::PlanConsultation => self.scenario.plan().overall_consultation().is_some(),
            Evidence::StakeholderVotes { theme } => self.votes.contains(theme.as_str()),
        }
    }
}
