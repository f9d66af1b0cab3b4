//! The plans' part of [`crate::validate`]: each plan's details and lists (focus areas,
//! cross-cutting themes, the priorities a district plan serves), and how the plans stand
//! to one another and to the plan under review.

use std::collections::HashSet;

use crate::limits::NAME;
use crate::scenario::*;
use crate::validate::{Checker, ProblemKind};

impl<'a> Checker<'a> {
    /// Every plan: its own details and lists, then how it stands to the others (one
    /// county agreement at most; a district plan needs one; `serves` names its priorities).
    pub(crate) fn plans(&mut self, s: &'a Scenario, districts: &HashSet<&str>) {
        if s.plans.is_empty() {
            self.push(
                "plans".into(),
                ProblemKind::Empty,
                "the scenario has no plan; add the plan to review".into(),
            );
        }
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        let county = s.county_agreement();
        // What a district focus area may say it serves: the county agreement's
        // focus areas and cross-cutting themes.
        let county_priorities: HashSet<&str> = county
            .into_iter()
            .flat_map(|c| {
                c.focus_areas
                    .iter()
                    .map(|f| f.id.as_str())
                    .chain(c.cross_cutting_themes.iter().map(|x| x.id.as_str()))
            })
            .collect();
        for (k, plan) in s.plans.iter().enumerate() {
            let at = format!("plans[{k}]");
            self.id(&mut ids, &at, &plan.id, "plan");
            self.text(&at, "name", &plan.name, "plan", NAME);
            self.unique_name(&mut names, &at, "name", &plan.name, "plan");
            match (&plan.district, plan.kind.is_local()) {
                (Some(d), _) if !districts.contains(d.as_str()) => self.push(
                    format!("{at}.district"),
                    ProblemKind::UnknownReference,
                    format!("no district with id \"{d}\""),
                ),
                (Some(_), false) => self.push(
                    format!("{at}.district"),
                    ProblemKind::OutOfRange,
                    "a county agreement covers every district and names none; make it a \
                     district plan to name its district"
                        .into(),
                ),
                _ => {}
            }
            match plan.kind {
                PlanKind::CountyAgreement => {
                    if county.is_some_and(|c| !std::ptr::eq(c, plan)) {
                        self.push(
                            format!("{at}.kind"),
                            ProblemKind::DuplicateName,
                            format!(
                                "the scenario already has a county agreement, “{}”; it holds one",
                                county.map_or("", |c| c.name.as_str())
                            ),
                        );
                    }
                }
                PlanKind::DistrictPlan if county.is_none() => self.push(
                    format!("{at}.kind"),
                    ProblemKind::UnknownReference,
                    "a district plan is read against the county agreement, and the scenario \
                     has none: add the county agreement, or make this a unitary authority plan"
                        .into(),
                ),
                _ => {}
            }
            let (mut focus_areas, mut focus_area_names) = (HashSet::new(), HashSet::new());
            for (i, f) in plan.focus_areas.iter().enumerate() {
                let item = format!("{at}.focus_areas[{i}]");
                self.id(&mut focus_areas, &item, &f.id, "focus area");
                self.text(&item, "name", &f.name, "focus area", NAME);
                self.unique_name(&mut focus_area_names, &item, "name", &f.name, "focus area");
                self.theme_refs(&format!("{item}.themes"), &f.themes);
                for (j, p) in f.serves.iter().enumerate() {
                    let path = format!("{item}.serves[{j}]");
                    if !plan.kind.is_local() {
                        self.push(
                            path,
                            ProblemKind::OutOfRange,
                            "only a district's focus area serves the county agreement's priorities"
                                .into(),
                        );
                    } else if county.is_none() {
                        self.push(
                            path,
                            ProblemKind::UnknownReference,
                            format!("the focus area serves “{p}”, but the scenario has no county agreement"),
                        );
                    } else if !county_priorities.contains(p.as_str()) {
                        self.push(
                            path,
                            ProblemKind::UnknownReference,
                            format!(
                                "the county agreement has no priority or cross-cutting theme with id \"{p}\""
                            ),
                        );
                    }
                }
            }
            let (mut cross_cutting, mut cross_cutting_names) = (HashSet::new(), HashSet::new());
            for (i, f) in plan.cross_cutting_themes.iter().enumerate() {
                let item = format!("{at}.cross_cutting_themes[{i}]");
                self.id(&mut cross_cutting, &item, &f.id, "cross-cutting theme");
                self.text(&item, "name", &f.name, "cross-cutting theme", NAME);
                self.unique_name(
                    &mut cross_cutting_names,
                    &item,
                    "name",
                    &f.name,
                    "cross-cutting theme",
                );
                self.theme_refs(&format!("{item}.themes"), &f.themes);
            }
            let mut consulted = HashSet::new();
            for (i, r) in plan.consultation.iter().enumerate() {
                let item = format!("{at}.consultation[{i}]");
                if !consulted.insert(r.focus_area.as_deref()) {
                    self.push(
                        format!("{item}.focus_area"),
                        ProblemKind::DuplicateName,
                        match &r.focus_area {
                            Some(f) => format!(
                                "there is already a consultation result for focus area \"{f}\""
                            ),
                            None => {
                                "there is already a consultation result for the plan overall".into()
                            }
                        },
                    );
                }
                if let Some(f) = &r.focus_area {
                    if !focus_areas.contains(f.as_str()) {
                        self.push(
                            format!("{item}.focus_area"),
                            ProblemKind::UnknownReference,
                            format!("no focus area with id \"{f}\""),
                        );
                    }
                }
                if !(0.0..=1.0).contains(&r.share_agreeing) {
                    self.push(
                        format!("{item}.share_agreeing"),
                        ProblemKind::OutOfRange,
                        format!(
                            "the share agreeing must be from 0 to 1 (0.78 means 78 %), not {}",
                            r.share_agreeing
                        ),
                    );
                }
            }
        }
        if !s.plans.is_empty() && !ids.contains(s.under_review.as_str()) {
            self.push(
                "under_review".into(),
                ProblemKind::UnknownReference,
                format!("no plan with id \"{}\"", s.under_review),
            );
        }
    }
}
