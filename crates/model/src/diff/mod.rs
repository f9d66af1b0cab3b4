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
    Events,
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
            Section::Events => "Stakeholder events",
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
    d.events();
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

fn plan_kind_words(k: &PlanKind) -> String {
    k.label().to_lowercase()
}

mod lists;

use crate::edit::join_and;

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
                        self.push(
                            Section::Themes,
                            other_names(&y.name, &x.aliases, &y.aliases),
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
                Match::Both(x, y) => {
                    if x.name != y.name {
                        self.push(
                            Section::Districts,
                            format!("District renamed: {} → {}", x.name, y.name),
                        );
                    }
                    if x.aliases != y.aliases {
                        self.push(
                            Section::Districts,
                            other_names(&y.name, &x.aliases, &y.aliases),
                        );
                    }
                }
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
}

/// "Thanet: other names none → Isle of Thanet".
fn other_names(name: &str, before: &[String], after: &[String]) -> String {
    let words = |v: &[String]| {
        if v.is_empty() {
            "none".to_string()
        } else {
            v.join(", ")
        }
    };
    format!("{name}: other names {} → {}", words(before), words(after))
}
