//! What differs between two scenarios' inputs: a baseline and a what-if.
//!
//! Everything is matched by id, so a renamed theme is one "renamed" difference,
//! not a removal and an addition. Each [`Difference`] is described in the words a
//! council report would use, with names, never ids: "Swale — Domestic Abuse: named
//! main priority → not named". Where a name changed, the later name is used.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::scenario::{
    ConsultationResult, HorizonItem, Legislation, Level, PartnerPriority, PlanKind, Scenario,
};

/// Which part of a scenario a difference is in, in the order of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Meta,
    Categories,
    Groups,
    Themes,
    Districts,
    Matrix,
    Plan,
    Horizon,
    PartnerPriorities,
    Legislation,
    Consultation,
    Votes,
}

impl Section {
    /// A heading for a reader.
    pub fn label(self) -> &'static str {
        match self {
            Section::Meta => "About the review",
            Section::Categories => "Horizon-scanning categories",
            Section::Groups => "Theme groups",
            Section::Themes => "Themes",
            Section::Districts => "Districts",
            Section::Matrix => "Priority matrix",
            Section::Plan => "Plan under review",
            Section::Horizon => "Horizon scan",
            Section::PartnerPriorities => "Partner priorities",
            Section::Legislation => "Legislation",
            Section::Consultation => "Public consultation",
            Section::Votes => "Stakeholder votes",
        }
    }
}

/// One way two scenarios differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Difference {
    pub section: Section,
    /// A sentence a council report could print, using names.
    pub description: String,
}

/// Everything that differs from `a` to `b`, by section in file order; within a
/// section, what was removed (in `a`'s order), then what changed and what was
/// added (in `b`'s order). Empty when the inputs are the same.
pub fn diff(a: &Scenario, b: &Scenario) -> Vec<Difference> {
    let mut d = Differ {
        a,
        b,
        out: Vec::new(),
    };
    d.meta();
    d.categories();
    d.groups();
    d.themes();
    d.districts();
    d.matrix();
    d.plan();
    d.horizon();
    d.partners();
    d.legislation();
    d.consultation();
    d.votes();
    d.out
}

struct Differ<'a> {
    a: &'a Scenario,
    b: &'a Scenario,
    out: Vec<Difference>,
}

/// Items of two lists matched by key: removed (in `a`'s order), then (before,
/// after) pairs and added items in `b`'s order.
enum Match<'x, T> {
    Removed(&'x T),
    Both(&'x T, &'x T),
    Added(&'x T),
}

fn matched<'x, T, K: PartialEq>(
    a: &'x [T],
    b: &'x [T],
    key: impl Fn(&T) -> K,
) -> Vec<Match<'x, T>> {
    let mut out: Vec<Match<'x, T>> = a
        .iter()
        .filter(|x| !b.iter().any(|y| key(y) == key(x)))
        .map(Match::Removed)
        .collect();
    for y in b {
        out.push(match a.iter().find(|x| key(x) == key(y)) {
            Some(x) => Match::Both(x, y),
            None => Match::Added(y),
        });
    }
    out
}

fn quoted(s: &str) -> String {
    format!("\u{201c}{s}\u{201d}")
}

fn level_words(l: Option<Level>) -> &'static str {
    l.map_or("not named", Level::label)
}

fn plan_kind_words(k: &PlanKind) -> &'static str {
    match k {
        PlanKind::CountyAgreement => "county agreement",
        PlanKind::DistrictPlan => "district plan",
    }
}

fn join_and(v: &[String]) -> String {
    match v {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl<'a> Differ<'a> {
    fn push(&mut self, section: Section, description: String) {
        self.out.push(Difference {
            section,
            description,
        });
    }

    /// A name from `b`, else `a`, else the id itself.
    fn name<'n>(&self, id: &'n str, find: impl Fn(&'a Scenario) -> Option<&'a str>) -> String
    where
        'a: 'n,
    {
        find(self.b)
            .or_else(|| find(self.a))
            .unwrap_or(id)
            .to_string()
    }

    fn theme_name(&self, id: &str) -> String {
        self.name(id, |s| s.theme(id).map(|t| t.name.as_str()))
    }

    fn district_name(&self, id: &str) -> String {
        self.name(id, |s| s.district(id).map(|t| t.name.as_str()))
    }

    fn group_name(&self, id: &str) -> String {
        self.name(id, |s| s.group(id).map(|t| t.name.as_str()))
    }

    fn category_name(&self, id: &str) -> String {
        self.name(id, |s| s.category(id).map(|t| t.name.as_str()))
    }

    fn focus_area_name(&self, id: &str) -> String {
        self.name(id, |s| s.focus_area(id).map(|t| t.name.as_str()))
    }

    fn theme_list(&self, ids: &[&String]) -> String {
        let names: Vec<String> = ids.iter().map(|t| self.theme_name(t)).collect();
        join_and(&names)
    }

    /// "now also covers X", "no longer covers Y" for a list of linked themes.
    fn theme_links(
        &mut self,
        section: Section,
        what: &str,
        verb: &str,
        a: &[String],
        b: &[String],
    ) {
        let gained: Vec<&String> = b.iter().filter(|t| !a.contains(t)).collect();
        let lost: Vec<&String> = a.iter().filter(|t| !b.contains(t)).collect();
        if !gained.is_empty() {
            let list = self.theme_list(&gained);
            self.push(section, format!("{what} now {verb} {list}"));
        }
        if !lost.is_empty() {
            let list = self.theme_list(&lost);
            self.push(section, format!("{what} no longer {verb} {list}"));
        }
    }

    fn field(&mut self, section: Section, what: &str, a: &str, b: &str) {
        if a != b {
            self.push(section, format!("{what}: {} → {}", quoted(a), quoted(b)));
        }
    }

    fn meta(&mut self) {
        let (a, b) = (&self.a.meta, &self.b.meta);
        self.field(Section::Meta, "Title", &a.title, &b.title);
        self.field(Section::Meta, "Geography", &a.geography, &b.geography);
        self.field(Section::Meta, "Period", &a.period, &b.period);
        for n in &a.provenance {
            if !b.provenance.contains(n) {
                self.push(
                    Section::Meta,
                    format!("Provenance note removed: {}", quoted(n)),
                );
            }
        }
        for n in &b.provenance {
            if !a.provenance.contains(n) {
                self.push(
                    Section::Meta,
                    format!("Provenance note added: {}", quoted(n)),
                );
            }
        }
    }

    fn categories(&mut self) {
        for m in matched(&self.a.categories, &self.b.categories, |c| c.id.clone()) {
            match m {
                Match::Removed(c) => self.push(
                    Section::Categories,
                    format!("Horizon-scanning category removed: {}", c.name),
                ),
                Match::Added(c) => self.push(
                    Section::Categories,
                    format!("Horizon-scanning category added: {}", c.name),
                ),
                Match::Both(x, y) if x.name != y.name => self.push(
                    Section::Categories,
                    format!("Horizon-scanning category renamed: {} → {}", x.name, y.name),
                ),
                Match::Both(..) => {}
            }
        }
    }

    fn groups(&mut self) {
        for m in matched(&self.a.groups, &self.b.groups, |g| g.id.clone()) {
            match m {
                Match::Removed(g) => {
                    self.push(Section::Groups, format!("Theme group removed: {}", g.name))
                }
                Match::Added(g) => {
                    self.push(Section::Groups, format!("Theme group added: {}", g.name))
                }
                Match::Both(x, y) if x.name != y.name => self.push(
                    Section::Groups,
                    format!("Theme group renamed: {} → {}", x.name, y.name),
                ),
                Match::Both(..) => {}
            }
        }
    }

    fn themes(&mut self) {
        let named = |s: &Scenario, id: &str| match s.district_count(id) {
            0 => String::new(),
            1 => " (1 district named it)".to_string(),
            n => format!(" ({n} districts named it)"),
        };
        for m in matched(&self.a.themes, &self.b.themes, |t| t.id.clone()) {
            match m {
                Match::Removed(t) => {
                    let n = named(self.a, &t.id);
                    self.push(Section::Themes, format!("Theme removed: {}{n}", t.name))
                }
                Match::Added(t) => {
                    let group = self.group_name(&t.group);
                    self.push(
                        Section::Themes,
                        format!("Theme added: {} (in the {group} group)", t.name),
                    )
                }
                Match::Both(x, y) => {
                    if x.name != y.name {
                        self.push(
                            Section::Themes,
                            format!("Theme renamed: {} → {}", x.name, y.name),
                        );
                    }
                    if x.group != y.group {
                        let (from, to) = (self.group_name(&x.group), self.group_name(&y.group));
                        self.push(
                            Section::Themes,
                            format!("{} moved from the {from} group to the {to} group", y.name),
                        );
                    }
                    if x.aliases != y.aliases {
                        let words = |v: &[String]| {
                            if v.is_empty() {
                                "none".to_string()
                            } else {
                                v.join(", ")
                            }
                        };
                        self.push(
                            Section::Themes,
                            format!(
                                "{}: other names {} → {}",
                                y.name,
                                words(&x.aliases),
                                words(&y.aliases)
                            ),
                        );
                    }
                    if x.description != y.description {
                        self.push(Section::Themes, format!("{}: description changed", y.name));
                    }
                }
            }
        }
    }

    fn districts(&mut self) {
        let named = |s: &Scenario, id: &str| {
            let n = s.matrix.iter().filter(|r| r.cells.contains_key(id)).count();
            match n {
                0 => String::new(),
                1 => " (it named 1 theme)".to_string(),
                n => format!(" (it named {n} themes)"),
            }
        };
        for m in matched(&self.a.districts, &self.b.districts, |d| d.id.clone()) {
            match m {
                Match::Removed(d) => {
                    let n = named(self.a, &d.id);
                    self.push(
                        Section::Districts,
                        format!("District removed: {}{n}", d.name),
                    )
                }
                Match::Added(d) => {
                    let n = named(self.b, &d.id);
                    self.push(Section::Districts, format!("District added: {}{n}", d.name))
                }
                Match::Both(x, y) if x.name != y.name => self.push(
                    Section::Districts,
                    format!("District renamed: {} → {}", x.name, y.name),
                ),
                Match::Both(..) => {}
            }
        }
    }

    /// Cells of themes and districts in both scenarios (an added or removed
    /// theme or district is reported once, with how many cells it had).
    fn matrix(&mut self) {
        let (a, b) = (self.a, self.b);
        for t in b.themes.iter().filter(|t| a.theme(&t.id).is_some()) {
            for d in b.districts.iter().filter(|d| a.district(&d.id).is_some()) {
                let (from, to) = (a.level(&d.id, &t.id), b.level(&d.id, &t.id));
                if from != to {
                    self.push(
                        Section::Matrix,
                        format!(
                            "{} — {}: {} → {}",
                            d.name,
                            t.name,
                            level_words(from),
                            level_words(to)
                        ),
                    );
                }
            }
        }
    }

    fn plan(&mut self) {
        let (a, b) = (&self.a.plan, &self.b.plan);
        self.field(Section::Plan, "Plan name", &a.name, &b.name);
        if a.kind != b.kind {
            self.push(
                Section::Plan,
                format!(
                    "Kind of plan: {} → {}",
                    plan_kind_words(&a.kind),
                    plan_kind_words(&b.kind)
                ),
            );
        }
        if a.district != b.district {
            let words = |d: &Option<String>| {
                d.as_deref()
                    .map_or("none".to_string(), |d| self.district_name(d))
            };
            let text = format!(
                "The plan's own district: {} → {}",
                words(&a.district),
                words(&b.district)
            );
            self.push(Section::Plan, text);
        }
        for m in matched(&a.focus_areas, &b.focus_areas, |f| f.id.clone()) {
            match m {
                Match::Removed(f) => {
                    self.push(Section::Plan, format!("Focus area removed: {}", f.name))
                }
                Match::Added(f) => {
                    let themes = self.theme_list(&f.themes.iter().collect::<Vec<_>>());
                    let covering = if themes.is_empty() {
                        String::new()
                    } else {
                        format!(" (covering {themes})")
                    };
                    self.push(
                        Section::Plan,
                        format!("Focus area added: {}{covering}", f.name),
                    )
                }
                Match::Both(x, y) => {
                    if x.name != y.name {
                        self.push(
                            Section::Plan,
                            format!("Focus area renamed: {} → {}", x.name, y.name),
                        );
                    }
                    let what = format!("Focus area {}", y.name);
                    self.theme_links(Section::Plan, &what, "covers", &x.themes, &y.themes);
                }
            }
        }
        let order = |from: &[crate::FocusArea], other: &[crate::FocusArea]| -> Vec<String> {
            from.iter()
                .filter(|f| other.iter().any(|g| g.id == f.id))
                .map(|f| f.id.clone())
                .collect()
        };
        if order(&a.focus_areas, &b.focus_areas) != order(&b.focus_areas, &a.focus_areas) {
            self.push(
                Section::Plan,
                "The focus areas are in a different order".into(),
            );
        }
        for m in matched(&a.cross_cutting_themes, &b.cross_cutting_themes, |c| {
            c.id.clone()
        }) {
            match m {
                Match::Removed(c) => self.push(
                    Section::Plan,
                    format!("Cross-cutting theme removed: {}", c.name),
                ),
                Match::Added(c) => self.push(
                    Section::Plan,
                    format!("Cross-cutting theme added: {}", c.name),
                ),
                Match::Both(x, y) => {
                    if x.name != y.name {
                        self.push(
                            Section::Plan,
                            format!("Cross-cutting theme renamed: {} → {}", x.name, y.name),
                        );
                    }
                    let what = format!("Cross-cutting theme {}", y.name);
                    self.theme_links(Section::Plan, &what, "carries", &x.themes, &y.themes);
                }
            }
        }
    }

    fn horizon(&mut self) {
        let grade = |h: &HorizonItem| {
            format!(
                "likelihood {} × impact {} = {}",
                h.likelihood,
                h.impact,
                h.grade()
            )
        };
        let (a, b) = (self.a, self.b);
        for m in matched(&a.horizon, &b.horizon, |h| h.id.clone()) {
            match m {
                Match::Removed(h) => self.push(
                    Section::Horizon,
                    format!("Horizon item removed: {}", h.title),
                ),
                Match::Added(h) => {
                    let text = format!(
                        "Horizon item added: {} ({}, {})",
                        h.title,
                        self.category_name(&h.category),
                        grade(h)
                    );
                    self.push(Section::Horizon, text)
                }
                Match::Both(x, y) => {
                    if x.title != y.title {
                        self.push(
                            Section::Horizon,
                            format!("Horizon item renamed: {} → {}", x.title, y.title),
                        );
                    }
                    let what = format!("Horizon item {}", y.title);
                    if x.category != y.category {
                        let text = format!(
                            "{what}: category {} → {}",
                            self.category_name(&x.category),
                            self.category_name(&y.category)
                        );
                        self.push(Section::Horizon, text);
                    }
                    if (x.likelihood, x.impact) != (y.likelihood, y.impact) {
                        self.push(
                            Section::Horizon,
                            format!("{what}: {} → {}", grade(x), grade(y)),
                        );
                    }
                    if x.time_horizon != y.time_horizon {
                        self.push(
                            Section::Horizon,
                            format!(
                                "{what}: when {} → {}",
                                x.time_horizon.label().to_lowercase(),
                                y.time_horizon.label().to_lowercase()
                            ),
                        );
                    }
                    self.theme_links(Section::Horizon, &what, "concerns", &x.themes, &y.themes);
                    if x.detail != y.detail {
                        self.push(Section::Horizon, format!("{what}: detail changed"));
                    }
                    if x.source != y.source {
                        self.field(
                            Section::Horizon,
                            &format!("{what}: source"),
                            &x.source,
                            &y.source,
                        );
                    }
                }
            }
        }
    }

    fn partners(&mut self) {
        let words = |p: &PartnerPriority| format!("{}: {}", p.partner, p.priority);
        let (a, b) = (self.a, self.b);
        for m in matched(&a.partner_priorities, &b.partner_priorities, |p| {
            p.id.clone()
        }) {
            match m {
                Match::Removed(p) => self.push(
                    Section::PartnerPriorities,
                    format!("Partner priority removed: {}", words(p)),
                ),
                Match::Added(p) => self.push(
                    Section::PartnerPriorities,
                    format!("Partner priority added: {}", words(p)),
                ),
                Match::Both(x, y) => {
                    if (&x.partner, &x.priority) != (&y.partner, &y.priority) {
                        self.push(
                            Section::PartnerPriorities,
                            format!("Partner priority reworded: {} → {}", words(x), words(y)),
                        );
                    }
                    let what = format!("Partner priority {}", words(y));
                    self.theme_links(
                        Section::PartnerPriorities,
                        &what,
                        "concerns",
                        &x.themes,
                        &y.themes,
                    );
                }
            }
        }
    }

    fn legislation(&mut self) {
        let words = |l: &Legislation| {
            let duty = if l.creates_duty {
                ", creating a statutory duty"
            } else {
                ""
            };
            format!("{} ({}{duty})", l.title, l.status.as_str())
        };
        let (a, b) = (self.a, self.b);
        for m in matched(&a.legislation, &b.legislation, |l| l.id.clone()) {
            match m {
                Match::Removed(l) => self.push(
                    Section::Legislation,
                    format!("Legislation removed: {}", words(l)),
                ),
                Match::Added(l) => self.push(
                    Section::Legislation,
                    format!("Legislation added: {}", words(l)),
                ),
                Match::Both(x, y) => {
                    if x.title != y.title {
                        self.push(
                            Section::Legislation,
                            format!("Legislation renamed: {} → {}", x.title, y.title),
                        );
                    }
                    let t = &y.title;
                    if x.year != y.year {
                        let year = |y: Option<u16>| y.map_or("none".to_string(), |y| y.to_string());
                        self.push(
                            Section::Legislation,
                            format!("{t}: year {} → {}", year(x.year), year(y.year)),
                        );
                    }
                    if x.status != y.status {
                        self.push(
                            Section::Legislation,
                            format!("{t}: {} → {}", x.status.as_str(), y.status.as_str()),
                        );
                    }
                    if x.creates_duty != y.creates_duty {
                        let text = if y.creates_duty {
                            format!("{t} now creates a statutory duty")
                        } else {
                            format!("{t} no longer creates a statutory duty")
                        };
                        self.push(Section::Legislation, text);
                    } else if x.duty != y.duty {
                        self.push(Section::Legislation, format!("{t}: the duty reworded"));
                    }
                    self.theme_links(Section::Legislation, t, "concerns", &x.themes, &y.themes);
                }
            }
        }
    }

    fn consultation(&mut self) {
        let first = |list: &'a [ConsultationResult]| {
            let mut seen: Vec<&'a ConsultationResult> = Vec::new();
            for c in list {
                if !seen.iter().any(|s| s.focus_area == c.focus_area) {
                    seen.push(c);
                }
            }
            seen.into_iter().cloned().collect::<Vec<_>>()
        };
        let (a, b) = (first(&self.a.consultation), first(&self.b.consultation));
        let figure = |c: &ConsultationResult| {
            format!(
                "{:.0} % of {} respondents agree",
                c.share_agreeing * 100.0,
                c.responses
            )
        };
        for m in matched(&a, &b, |c| c.focus_area.clone()) {
            let about = |c: &ConsultationResult| match &c.focus_area {
                Some(f) => format!("Consultation on {}", self.focus_area_name(f)),
                None => "Consultation on the plan overall".to_string(),
            };
            let text = match m {
                Match::Removed(c) => format!("{} removed (it had {})", about(c), figure(c)),
                Match::Added(c) => format!("{} added: {}", about(c), figure(c)),
                Match::Both(x, y) if figure(x) != figure(y) => {
                    format!("{}: {} → {}", about(y), figure(x), figure(y))
                }
                Match::Both(..) => continue,
            };
            self.push(Section::Consultation, text);
        }
    }

    fn votes(&mut self) {
        let tally = |s: &Scenario| {
            let mut m: BTreeMap<String, u32> = BTreeMap::new();
            for v in &s.votes {
                *m.entry(v.theme.clone()).or_default() += v.votes;
            }
            m
        };
        let (a, b) = (tally(self.a), tally(self.b));
        let order: Vec<&str> = self
            .b
            .themes
            .iter()
            .chain(&self.a.themes)
            .map(|t| t.id.as_str())
            .chain(a.keys().chain(b.keys()).map(String::as_str))
            .collect();
        let mut done: Vec<&str> = Vec::new();
        for t in order {
            if done.contains(&t) {
                continue;
            }
            done.push(t);
            let (x, y) = (a.get(t).copied(), b.get(t).copied());
            if x != y {
                let n = |v: Option<u32>| v.map_or("none".to_string(), |v| v.to_string());
                let text = format!(
                    "Stakeholder votes for {}: {} → {}",
                    self.theme_name(t),
                    n(x),
                    n(y)
                );
                self.push(Section::Votes, text);
            }
        }
    }
}
