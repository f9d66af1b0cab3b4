//! The scenario's look-ups: an item by id, the plan under review, the matrix's cells
//! and how many districts name each theme. The types themselves, which are the file
//! format, are in `scenario.rs`.

use crate::scenario::*;

/// What [`Scenario::plan`] reads when a scenario has no plan at all.
static NO_PLAN: Plan = Plan {
    id: String::new(),
    name: String::new(),
    kind: PlanKind::CountyAgreement,
    district: None,
    focus_areas: Vec::new(),
    cross_cutting_themes: Vec::new(),
    consultation: Vec::new(),
};

impl Scenario {
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }

    pub fn district(&self, id: &str) -> Option<&District> {
        self.districts.iter().find(|d| d.id == id)
    }

    /// The plan under review. Validation ensures it exists; a scenario that has none
    /// (only while it is being checked) reads as an empty plan.
    pub fn plan(&self) -> &Plan {
        self.plans
            .iter()
            .find(|p| p.id == self.under_review)
            .or(self.plans.first())
            .unwrap_or(&NO_PLAN)
    }

    /// The plan under review, to change.
    pub fn plan_mut(&mut self) -> &mut Plan {
        let at = self.plan_index();
        if self.plans.is_empty() {
            self.plans.push(NO_PLAN.clone());
        }
        &mut self.plans[at]
    }

    /// Where the plan under review is in `plans` (0 when none is found).
    pub fn plan_index(&self) -> usize {
        self.plans
            .iter()
            .position(|p| p.id == self.under_review)
            .unwrap_or(0)
    }

    pub fn plan_by_id(&self, id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.id == id)
    }

    /// The county agreement every district plan is read against, if the scenario has one.
    pub fn county_agreement(&self) -> Option<&Plan> {
        self.plans
            .iter()
            .find(|p| p.kind == PlanKind::CountyAgreement)
    }

    /// The district whose own plan is under review; `None` for a county agreement.
    pub fn own_district(&self) -> Option<&str> {
        let plan = self.plan();
        plan.kind
            .is_local()
            .then_some(plan.district.as_deref())
            .flatten()
    }

    /// Whether evidence scoped to `district` (a horizon item from a district's own
    /// scan, a local partner's priority) is read for the plan under review: county-wide
    /// evidence always is; a district's own only for that district's plan.
    pub fn reads(&self, district: Option<&str>) -> bool {
        district.is_none() || district == self.own_district()
    }

    /// The horizon items read for the plan under review.
    pub fn horizon_read(&self) -> impl Iterator<Item = &HorizonItem> {
        self.horizon
            .iter()
            .filter(|h| self.reads(h.district.as_deref()))
    }

    /// The partner priorities read for the plan under review.
    pub fn partner_priorities_read(&self) -> impl Iterator<Item = &PartnerPriority> {
        self.partner_priorities
            .iter()
            .filter(|p| self.reads(p.district.as_deref()))
    }

    /// A focus area of the plan under review.
    pub fn focus_area(&self, id: &str) -> Option<&FocusArea> {
        self.plan().focus_areas.iter().find(|f| f.id == id)
    }

    pub fn category(&self, id: &str) -> Option<&HorizonCategory> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&ThemeGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The level at which `district` names `theme`, if it does.
    pub fn level(&self, district: &str, theme: &str) -> Option<Level> {
        self.matrix
            .iter()
            .find(|r| r.theme == theme)
            .and_then(|r| r.cells.get(district).copied())
    }

    /// Sets (or clears, with `None`) one matrix cell, creating or dropping the row as needed.
    pub fn set_level(&mut self, district: &str, theme: &str, level: Option<Level>) {
        let idx = match self.matrix.iter().position(|r| r.theme == theme) {
            Some(i) => i,
            None => {
                if level.is_none() {
                    return;
                }
                self.matrix.push(MatrixRow {
                    theme: theme.to_string(),
                    cells: Default::default(),
                });
                self.matrix.len() - 1
            }
        };
        let row = &mut self.matrix[idx];
        match level {
            Some(l) => {
                row.cells.insert(district.to_string(), l);
            }
            None => {
                row.cells.remove(district);
            }
        }
        if row.cells.is_empty() {
            self.matrix.remove(idx);
        }
    }

    /// How many districts name `theme` at any level: the seed's last column.
    pub fn district_count(&self, theme: &str) -> usize {
        let ids = self.district_ids();
        self.matrix
            .iter()
            .filter(|r| r.theme == theme)
            .map(|r| named_by(&ids, r))
            .sum()
    }

    /// [`Scenario::district_count`] of every theme at once, by theme id (a theme no
    /// district names may be missing): one pass over the matrix, where asking theme by
    /// theme looks every district up again for each (a national matrix of 21,000
    /// cells is drawn, sorted and listed on every edit).
    pub fn district_counts(&self) -> std::collections::HashMap<&str, usize> {
        let ids = self.district_ids();
        let mut counts = std::collections::HashMap::with_capacity(self.matrix.len());
        for r in &self.matrix {
            *counts.entry(r.theme.as_str()).or_insert(0) += named_by(&ids, r);
        }
        counts
    }

    fn district_ids(&self) -> std::collections::HashSet<&str> {
        self.districts.iter().map(|d| d.id.as_str()).collect()
    }
}

/// How many of `row`'s cells are in the columns of districts `ids`.
fn named_by(ids: &std::collections::HashSet<&str>, row: &MatrixRow) -> usize {
    row.cells.keys().filter(|d| ids.contains(d.as_str())).count()
}
