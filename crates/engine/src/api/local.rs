//! What a rule needs to judge a plan as its own partnership would: whose plan it
//! is, the district's own column of the matrix, the county agreement a district
//! plan is read against, which county priority each focus area serves, and which
//! existing focus area a theme the plan leaves out would sit in most naturally.
//!
//! The county facts come from [`crate::align`], so a rule and the alignment view
//! never disagree about what is covered.

use horizon_model::{Level, Plan, PlanKind};
use rhai::{Array, Dynamic};

use super::{ids, map, s};
use crate::align::{self, Alignment, Standing};
use crate::index::ReviewIndex;

/// One existing focus area a theme could be folded into, and why.
#[derive(Clone)]
pub(super) struct Near {
    /// Index into the plan's focus areas.
    pub focus_area: usize,
    /// The focus area already covers a theme of the same group.
    pub same_group: bool,
    /// How many of its themes are of that group.
    pub group_themes: usize,
    /// Evidence items (kind, id) that link the theme with one of the focus area's
    /// themes: horizon items and partner priorities read for this plan, legislation.
    pub shared: Vec<(&'static str, String)>,
}

pub(super) struct Local<'s> {
    ix: &'s ReviewIndex<'s>,
    /// The plan's own district (index), for a district or unitary plan that names one.
    own: Option<usize>,
    /// The plan under review read against the county agreement (district plans).
    alignment: Option<Alignment>,
    /// Per theme: the county priorities (focus area or cross-cutting theme ids of the
    /// county agreement) that carry it.
    county_of_theme: Vec<Vec<String>>,
}

impl<'s> Local<'s> {
    pub(super) fn new(ix: &'s ReviewIndex<'s>) -> Local<'s> {
        let sc = ix.scenario;
        let plan = sc.plan();
        let own = sc
            .own_district()
            .and_then(|d| ix.district_pos.get(d).copied());
        let county: Option<&Plan> = match plan.kind {
            PlanKind::CountyAgreement => Some(plan),
            PlanKind::DistrictPlan => sc.county_agreement(),
            PlanKind::UnitaryPlan => None,
        };
        let mut county_of_theme = vec![Vec::new(); sc.themes.len()];
        for (id, _, themes, _) in county.map(align::county_priorities).unwrap_or_default() {
            for t in themes {
                if let Some(&t) = ix.theme_pos.get(t.as_str()) {
                    county_of_theme[t].push(id.to_string());
                }
            }
        }
        Local {
            ix,
            own,
            alignment: align::align(sc, &plan.id).ok(),
            county_of_theme,
        }
    }

    fn own_level(&self, t: usize) -> Option<Level> {
        self.own.and_then(|d| self.ix.levels[t][d])
    }

    fn level_word(&self, level: Option<Level>) -> Dynamic {
        match self.own {
            None => Dynamic::UNIT,
            Some(_) => s(level.map_or("", Level::as_str)),
        }
    }

    /// `own`, `in_agreement` and `county_priorities` of a theme.
    pub(super) fn theme_fields(&self, t: usize) -> Vec<(&'static str, Dynamic)> {
        vec![
            ("own", self.level_word(self.own_level(t))),
            (
                "in_agreement",
                Dynamic::from_bool(!self.county_of_theme[t].is_empty()),
            ),
            (
                "county_priorities",
                ids(self.county_of_theme[t].iter().map(String::as_str)),
            ),
        ]
    }

    /// `own`, `own_themes`, `serves` and `distinctive` of a focus area of the plan.
    pub(super) fn focus_fields(&self, f: usize, themes: &[usize]) -> Vec<(&'static str, Dynamic)> {
        let sc = self.ix.scenario;
        let mut named: Vec<(Level, usize)> = themes
            .iter()
            .filter_map(|&t| self.own_level(t).map(|l| (l, t)))
            .collect();
        // Strongest first, then in the focus area's own order.
        horizon_model::sort::sort_by(&mut named, |a, b| b.0.cmp(&a.0));
        let local = self.alignment.as_ref().and_then(|a| a.focus_areas.get(f));
        vec![
            ("own", self.level_word(named.first().map(|n| n.0))),
            (
                "own_themes",
                ids(named.iter().map(|&(_, t)| sc.themes[t].id.as_str())),
            ),
            (
                "serves",
                ids(local
                    .into_iter()
                    .flat_map(|l| l.serves.iter().map(String::as_str))),
            ),
            (
                "distinctive",
                ids(local
                    .into_iter()
                    .flat_map(|l| l.distinctive.iter().map(String::as_str))),
            ),
        ]
    }

    /// `review.plan()`: whose plan this is.
    pub(super) fn plan(&self) -> Dynamic {
        let sc = self.ix.scenario;
        let plan = sc.plan();
        let overall = plan.overall_consultation().map_or(Dynamic::UNIT, |c| {
            map(vec![
                ("responses", Dynamic::from_int(c.responses as i64)),
                ("share_agreeing", Dynamic::from_float(c.share_agreeing)),
            ])
        });
        let county = match (plan.kind, sc.county_agreement()) {
            (PlanKind::DistrictPlan, Some(c)) => map(vec![("id", s(&c.id)), ("name", s(&c.name))]),
            _ => Dynamic::UNIT,
        };
        let (district, district_name) = match self.own {
            Some(d) => (s(&sc.districts[d].id), s(&sc.districts[d].name)),
            None => (Dynamic::UNIT, Dynamic::UNIT),
        };
        // Whose plan it is, for a sentence: the district's name, or the plan's.
        let who = match self.own {
            Some(d) => s(&sc.districts[d].name),
            None => s(&plan.name),
        };
        map(vec![
            ("who", who),
            ("id", s(&plan.id)),
            ("name", s(&plan.name)),
            ("kind", s(plan.kind.as_str())),
            ("local", Dynamic::from_bool(plan.kind.is_local())),
            ("district", district),
            ("district_name", district_name),
            ("consultation", overall),
            ("county_agreement", county),
        ])
    }

    /// `review.county_priorities()`: each priority and cross-cutting theme of the
    /// county agreement, as the district plan under review meets it. Empty for the
    /// county agreement itself and for a plan with no county agreement above it.
    pub(super) fn county_priorities(&self) -> Array {
        let Some(a) = &self.alignment else {
            return Array::new();
        };
        let county = self.ix.scenario.county_agreement();
        a.priorities
            .iter()
            .map(|p| {
                let themes = county
                    .and_then(|c| {
                        align::county_priorities(c)
                            .into_iter()
                            .find(|(id, ..)| *id == p.id)
                            .map(|(_, _, t, _)| t.to_vec())
                    })
                    .unwrap_or_default();
                let (standing, covered_by, level, named): (
                    &str,
                    Vec<&str>,
                    Option<Level>,
                    &[String],
                ) = match &p.standing {
                    Standing::Covered { by } => (
                        "covered",
                        by.iter().map(|c| c.id.as_str()).collect(),
                        None,
                        &[],
                    ),
                    Standing::NamedLocally { level, themes } => {
                        ("named_locally", Vec::new(), Some(*level), themes.as_slice())
                    }
                    Standing::NotAddressed => ("not_addressed", Vec::new(), None, &[]),
                };
                map(vec![
                    ("id", s(&p.id)),
                    ("name", s(&p.name)),
                    ("cross_cutting", Dynamic::from_bool(p.cross_cutting)),
                    ("themes", ids(themes.iter().map(String::as_str))),
                    ("standing", s(standing)),
                    ("covered_by", ids(covered_by.into_iter())),
                    ("level", s(level.map_or("", Level::as_str))),
                    ("named_themes", ids(named.iter().map(String::as_str))),
                ])
            })
            .collect()
    }

    /// Per theme: the focus areas of the plan under review it could be folded into
    /// (those that do not cover it already), with why.
    pub(super) fn near(&self) -> Vec<Vec<Near>> {
        let ix = self.ix;
        let sc = ix.scenario;
        // Every evidence item read for this plan, with the themes it links.
        let mut items: Vec<(&'static str, &str, Vec<usize>)> = Vec::new();
        let pos = |themes: &[String]| -> Vec<usize> {
            themes
                .iter()
                .filter_map(|t| ix.theme_pos.get(t.as_str()).copied())
                .collect()
        };
        for h in sc.horizon_read() {
            items.push(("horizon_item", &h.id, pos(&h.themes)));
        }
        for p in sc.partner_priorities_read() {
            items.push(("partner_priority", &p.id, pos(&p.themes)));
        }
        for l in &sc.legislation {
            items.push(("legislation", &l.id, pos(&l.themes)));
        }
        let focus: Vec<Vec<usize>> = sc
            .plan()
            .focus_areas
            .iter()
            .map(|f| pos(&f.themes))
            .collect();
        (0..sc.themes.len())
            .map(|t| {
                let group = &sc.themes[t].group;
                focus
                    .iter()
                    .enumerate()
                    .filter(|(_, fts)| !fts.contains(&t))
                    .filter_map(|(f, fts)| {
                        let group_themes = fts
                            .iter()
                            .filter(|&&x| &sc.themes[x].group == group)
                            .count();
                        let same_group = group_themes > 0;
                        let shared: Vec<(&'static str, String)> = items
                            .iter()
                            .filter(|(_, _, its)| {
                                its.contains(&t) && its.iter().any(|x| fts.contains(x))
                            })
                            .map(|(kind, id, _)| (*kind, id.to_string()))
                            .collect();
                        (same_group || !shared.is_empty()).then_some(Near {
                            focus_area: f,
                            same_group,
                            group_themes,
                            shared,
                        })
                    })
                    .collect()
            })
            .collect()
    }
}

/// The focus area (of `near`'s per-theme lists, for the themes given) that the
/// themes would sit in most naturally: one that already covers a theme of the same
/// group first, then the one sharing the most evidence, then the one with most
/// themes of that group, then by name (`names`, indexed like the plan's focus
/// areas), so that neither ids nor the plan's order decide.
pub(super) fn nearest(near: &[&[Near]], names: &[(String, String)]) -> Option<Near> {
    let mut merged: Vec<Near> = Vec::new();
    for list in near {
        for n in list.iter() {
            match merged.iter_mut().find(|m| m.focus_area == n.focus_area) {
                Some(m) => {
                    m.same_group |= n.same_group;
                    m.group_themes += n.group_themes;
                    for e in &n.shared {
                        if !m.shared.contains(e) {
                            m.shared.push(e.clone());
                        }
                    }
                }
                None => merged.push(n.clone()),
            }
        }
    }
    merged.into_iter().min_by(|a, b| {
        b.same_group
            .cmp(&a.same_group)
            .then(b.shared.len().cmp(&a.shared.len()))
            .then(b.group_themes.cmp(&a.group_themes))
            .then_with(|| names[a.focus_area].1.cmp(&names[b.focus_area].1))
    })
}
