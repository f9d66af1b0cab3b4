//! Look-up tables built once per evaluation, so that a rule looping over themes
//! or groups never rescans the matrix, the horizon scan or the plan.

use std::collections::HashMap;

use horizon_model::{Level, Scenario};

/// Weights that turn a district's level into support: a named main priority
/// counts fully, a subsidiary priority or cross-cutting theme 0.6, an issue
/// within a broader theme 0.3. Documented in `rules/AUTHORING.md`.
pub const WEIGHT_MAIN: f64 = 1.0;
pub const WEIGHT_SUBSIDIARY: f64 = 0.6;
pub const WEIGHT_ISSUE: f64 = 0.3;

pub fn weight(level: Level) -> f64 {
    match level {
        Level::Main => WEIGHT_MAIN,
        Level::Subsidiary => WEIGHT_SUBSIDIARY,
        Level::Issue => WEIGHT_ISSUE,
    }
}

/// How the districts name one theme, or a set of themes taken together
/// (then each district counts once, at its strongest level).
#[derive(Debug, Clone, Default)]
pub struct Naming {
    /// District indices (into `scenario.districts`) by level.
    pub main: Vec<usize>,
    pub subsidiary: Vec<usize>,
    pub issue: Vec<usize>,
}

impl Naming {
    fn from_levels(levels: &[Option<Level>]) -> Naming {
        let mut n = Naming::default();
        for (d, l) in levels.iter().enumerate() {
            match l {
                Some(Level::Main) => n.main.push(d),
                Some(Level::Subsidiary) => n.subsidiary.push(d),
                Some(Level::Issue) => n.issue.push(d),
                None => {}
            }
        }
        n
    }

    pub fn count(&self) -> usize {
        self.main.len() + self.subsidiary.len() + self.issue.len()
    }

    /// Weighted share of all districts, 0 to 1.
    pub fn support(&self, districts: usize) -> f64 {
        if districts == 0 {
            return 0.0;
        }
        (self.main.len() as f64 * WEIGHT_MAIN
            + self.subsidiary.len() as f64 * WEIGHT_SUBSIDIARY
            + self.issue.len() as f64 * WEIGHT_ISSUE)
            / districts as f64
    }

    pub fn at(&self, level: Level) -> &[usize] {
        match level {
            Level::Main => &self.main,
            Level::Subsidiary => &self.subsidiary,
            Level::Issue => &self.issue,
        }
    }
}

/// Everything a rule may ask, answered from tables.
pub struct ReviewIndex<'s> {
    pub scenario: &'s Scenario,
    pub theme_pos: HashMap<&'s str, usize>,
    pub group_pos: HashMap<&'s str, usize>,
    pub focus_pos: HashMap<&'s str, usize>,
    pub district_pos: HashMap<&'s str, usize>,
    /// Per theme: each district's level (indexed like `scenario.districts`).
    pub levels: Vec<Vec<Option<Level>>>,
    pub theme_naming: Vec<Naming>,
    /// Per group: its themes, and how districts name any of them.
    pub group_themes: Vec<Vec<usize>>,
    pub group_naming: Vec<Naming>,
    /// Per group: focus areas covering any of its themes.
    pub group_focus_areas: Vec<Vec<usize>>,
    /// Per focus area: how districts name any of its themes.
    pub focus_naming: Vec<Naming>,
    /// Per theme: focus areas covering it, cross-cutting themes carrying it.
    pub theme_focus_areas: Vec<Vec<usize>>,
    pub theme_cross_cutting: Vec<Vec<usize>>,
    /// Per theme: horizon items, legislation and partner priorities linked to it.
    pub theme_horizon: Vec<Vec<usize>>,
    pub theme_legislation: Vec<Vec<usize>>,
    pub theme_partners: Vec<Vec<usize>>,
    pub theme_votes: Vec<u32>,
}

impl<'s> ReviewIndex<'s> {
    pub fn new(s: &'s Scenario) -> ReviewIndex<'s> {
        let theme_pos: HashMap<&str, usize> = s
            .themes
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let group_pos: HashMap<&str, usize> = s
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), i))
            .collect();
        let focus_pos: HashMap<&str, usize> = s
            .plan()
            .focus_areas
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.as_str(), i))
            .collect();
        let district_pos: HashMap<&str, usize> = s
            .districts
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let nt = s.themes.len();
        let nd = s.districts.len();

        let mut levels = vec![vec![None; nd]; nt];
        for row in &s.matrix {
            if let Some(&t) = theme_pos.get(row.theme.as_str()) {
                for (d, l) in &row.cells {
                    if let Some(&d) = district_pos.get(d.as_str()) {
                        levels[t][d] = Some(*l);
                    }
                }
            }
        }
        let theme_naming: Vec<Naming> = levels.iter().map(|l| Naming::from_levels(l)).collect();
        // The strongest level per district over a set of themes.
        let combined = |themes: &mut dyn Iterator<Item = usize>| -> Naming {
            let mut best: Vec<Option<Level>> = vec![None; nd];
            for t in themes {
                for (d, l) in levels[t].iter().enumerate() {
                    if l.is_some() && *l > best[d] {
                        best[d] = *l;
                    }
                }
            }
            Naming::from_levels(&best)
        };

        let mut group_themes = vec![Vec::new(); s.groups.len()];
        for (i, t) in s.themes.iter().enumerate() {
            if let Some(&g) = group_pos.get(t.group.as_str()) {
                group_themes[g].push(i);
            }
        }
        let group_naming = group_themes
            .iter()
            .map(|ts| combined(&mut ts.iter().copied()))
            .collect();

        let mut theme_focus_areas = vec![Vec::new(); nt];
        let mut focus_naming = Vec::with_capacity(s.plan().focus_areas.len());
        for (f, fa) in s.plan().focus_areas.iter().enumerate() {
            let ts: Vec<usize> = fa
                .themes
                .iter()
                .filter_map(|t| theme_pos.get(t.as_str()).copied())
                .collect();
            for &t in &ts {
                theme_focus_areas[t].push(f);
            }
            focus_naming.push(combined(&mut ts.into_iter()));
        }
        let mut group_focus_areas = vec![Vec::new(); s.groups.len()];
        for (g, ts) in group_themes.iter().enumerate() {
            for &t in ts {
                for &f in &theme_focus_areas[t] {
                    if !group_focus_areas[g].contains(&f) {
                        group_focus_areas[g].push(f);
                    }
                }
            }
        }
        let mut theme_cross_cutting = vec![Vec::new(); nt];
        for (c, cc) in s.plan().cross_cutting_themes.iter().enumerate() {
            for t in &cc.themes {
                if let Some(&t) = theme_pos.get(t.as_str()) {
                    theme_cross_cutting[t].push(c);
                }
            }
        }
        let link = |lists: &mut dyn Iterator<Item = &Vec<String>>| -> Vec<Vec<usize>> {
            let mut out = vec![Vec::new(); nt];
            for (i, themes) in lists.enumerate() {
                for t in themes {
                    if let Some(&t) = theme_pos.get(t.as_str()) {
                        if out[t].last() != Some(&i) {
                            out[t].push(i);
                        }
                    }
                }
            }
            out
        };
        // Evidence scoped to another district (its own scan, its own partners) is not
        // read for this plan: it links to nothing.
        let none = Vec::new();
        let read = |district: &Option<String>, themes| {
            if s.reads(district.as_deref()) {
                themes
            } else {
                &none
            }
        };
        let theme_horizon = link(&mut s.horizon.iter().map(|h| read(&h.district, &h.themes)));
        let theme_legislation = link(&mut s.legislation.iter().map(|l| &l.themes));
        let theme_partners = link(
            &mut s
                .partner_priorities
                .iter()
                .map(|p| read(&p.district, &p.themes)),
        );
        let mut theme_votes = vec![0u32; nt];
        for v in &s.votes {
            if let Some(&t) = theme_pos.get(v.theme.as_str()) {
                theme_votes[t] = theme_votes[t].saturating_add(v.votes);
            }
        }
        ReviewIndex {
            scenario: s,
            theme_pos,
            group_pos,
            focus_pos,
            district_pos,
            levels,
            theme_naming,
            group_themes,
            group_naming,
            group_focus_areas,
            focus_naming,
            theme_focus_areas,
            theme_cross_cutting,
            theme_horizon,
            theme_legislation,
            theme_partners,
            theme_votes,
        }
    }

    pub fn districts(&self) -> usize {
        self.scenario.districts.len()
    }

    /// A theme is addressed when a focus area covers it, a cross-cutting theme
    /// carries it, or a focus area covers another theme of its group.
    pub fn addressed(&self, t: usize) -> bool {
        if !self.theme_focus_areas[t].is_empty() || !self.theme_cross_cutting[t].is_empty() {
            return true;
        }
        let group = &self.scenario.themes[t].group;
        self.group_pos
            .get(group.as_str())
            .is_some_and(|&g| !self.group_focus_areas[g].is_empty())
    }

    /// The most supported theme of a group that no focus area covers and no
    /// cross-cutting theme carries: the natural lead for a new focus area.
    pub fn lead_theme(&self, g: usize) -> Option<usize> {
        self.group_themes[g]
            .iter()
            .copied()
            .filter(|&t| {
                self.theme_focus_areas[t].is_empty() && self.theme_cross_cutting[t].is_empty()
            })
            .max_by(|&a, &b| {
                let (sa, sb) = (
                    self.theme_naming[a].support(self.districts()),
                    self.theme_naming[b].support(self.districts()),
                );
                sa.total_cmp(&sb)
                    .then_with(|| self.scenario.themes[b].id.cmp(&self.scenario.themes[a].id))
            })
    }
}
