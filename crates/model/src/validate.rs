//! Checks a scenario's internal consistency and reports *every* problem at once,
//! each with the JSON path a user can find in the file.

use std::collections::HashSet;

use serde::Serialize;

use crate::limits::{NAME, TEXT, TITLE};
use crate::scenario::*;

/// What kind of problem a validation found. Tests and the UI match on this;
/// the message is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    UnsupportedSchemaVersion,
    DuplicateId,
    UnknownReference,
    OutOfRange,
    UnknownCategory,
    Empty,
    /// A name, title or text longer than the model allows (see [`limits`](crate::limits)).
    TooLong,
    /// Two items of one list share a name (case and spacing ignored), or a list
    /// names the same thing twice, or two figures are given for one thing.
    DuplicateName,
    /// Only from an edit: the edit names something the scenario does not have.
    NotFound,
    /// Only from an edit: removing the thing would leave other parts pointing at nothing.
    InUse,
    /// A name or title holds a line break, another control character or a
    /// bidirectional control (`validate_text`).
    HiddenCharacter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// A JSON path into the scenario file, e.g. `horizon[3].themes[1]`.
    pub path: String,
    pub kind: ProblemKind,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Default)]
pub(crate) struct Checker<'a> {
    problems: Vec<Problem>,
    themes: HashSet<&'a str>,
}

/// A name as people compare names: case, and runs of spaces, ignored.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'a> Checker<'a> {
    pub(crate) fn push(&mut self, path: String, kind: ProblemKind, message: String) {
        self.problems.push(Problem {
            path,
            kind,
            message,
        });
    }

    /// Checks one item's id: not blank, not already in `seen`.
    pub(crate) fn id(&mut self, seen: &mut HashSet<&'a str>, item: &str, id: &'a str, what: &str) {
        if id.trim().is_empty() {
            self.push(
                format!("{item}.id"),
                ProblemKind::Empty,
                format!("{what} has no id"),
            );
        } else if !seen.insert(id) {
            self.push(
                format!("{item}.id"),
                ProblemKind::DuplicateId,
                format!("another {what} already has the id \"{id}\""),
            );
        }
    }

    /// Checks that a required text field is not blank and not longer than `max` characters.
    pub(crate) fn text(&mut self, item: &str, field: &str, value: &str, what: &str, max: usize) {
        if value.trim().is_empty() {
            self.push(
                format!("{item}.{field}"),
                ProblemKind::Empty,
                format!("the {what} has no {field}"),
            );
        } else {
            self.length(item, field, value, what, max);
        }
    }

    /// Checks that an optional text field is not longer than `max` characters, and
    /// that a name or title (`max` at most [`TITLE`]) is one line of visible text.
    pub(crate) fn length(&mut self, item: &str, field: &str, value: &str, what: &str, max: usize) {
        crate::validate_text::name_or_title(&mut self.problems, item, field, value, what, max);
        let n = value.trim().chars().count();
        if n > max {
            self.push(
                format!("{item}.{field}"),
                ProblemKind::TooLong,
                format!("the {what}'s {field} must be {max} characters or fewer, not {n}"),
            );
        }
    }

    /// Checks that no two items of a list share a name.
    pub(crate) fn unique_name(
        &mut self,
        seen: &mut HashSet<String>,
        item: &str,
        field: &str,
        name: &str,
        what: &str,
    ) {
        if !name.trim().is_empty() && !seen.insert(name_key(name)) {
            self.push(
                format!("{item}.{field}"),
                ProblemKind::DuplicateName,
                format!("another {what} is already called \"{}\"", name.trim()),
            );
        }
    }

    pub(crate) fn theme_refs(&mut self, path: &str, refs: &[ThemeId]) {
        let mut seen = HashSet::new();
        for (j, t) in refs.iter().enumerate() {
            if !self.themes.contains(t.as_str()) {
                self.push(
                    format!("{path}[{j}]"),
                    ProblemKind::UnknownReference,
                    format!("no theme with id \"{t}\""),
                );
            } else if !seen.insert(t.as_str()) {
                self.push(
                    format!("{path}[{j}]"),
                    ProblemKind::DuplicateName,
                    format!("the theme \"{t}\" is listed twice"),
                );
            }
        }
    }

    pub(crate) fn district_ref(&mut self, districts: &HashSet<&str>, item: &str, district: Option<&str>) {
        if let Some(d) = district {
            if !districts.contains(d) {
                self.push(
                    format!("{item}.district"),
                    ProblemKind::UnknownReference,
                    format!("no district with id \"{d}\""),
                );
            }
        }
    }

    pub(crate) fn score(&mut self, path: String, value: u8, what: &str) {
        if !(1..=4).contains(&value) {
            self.push(
                path,
                ProblemKind::OutOfRange,
                format!("{what} must be from 1 to 4, not {value}"),
            );
        }
    }
}

/// Every problem in `s`, in file order (section by section, item by item, and
/// within an item in the order of its fields). An empty list means the scenario
/// is usable.
pub fn validate(s: &Scenario) -> Vec<Problem> {
    let mut c = Checker::default();
    if s.schema_version != SCHEMA_VERSION {
        c.push(
            "schema_version".into(),
            ProblemKind::UnsupportedSchemaVersion,
            format!(
                "this version of Horizon reads schema version {SCHEMA_VERSION} (and version 1, \
                 which it updates), not {}",
                s.schema_version
            ),
        );
    }
    c.text("meta", "title", &s.meta.title, "scenario", TITLE);
    c.length("meta", "geography", &s.meta.geography, "scenario", TITLE);
    c.length("meta", "period", &s.meta.period, "scenario", NAME);
    for (i, note) in s.meta.provenance.iter().enumerate() {
        c.length("meta", &format!("provenance[{i}]"), note, "scenario", TEXT);
    }

    let (mut category_names, mut group_names, mut theme_names, mut district_names) = (
        HashSet::new(),
        HashSet::new(),
        HashSet::new(),
        HashSet::new(),
    );
    let mut categories = HashSet::new();
    for (i, x) in s.categories.iter().enumerate() {
        let item = format!("categories[{i}]");
        c.id(&mut categories, &item, &x.id, "horizon category");
        c.text(&item, "name", &x.name, "horizon category", NAME);
        c.unique_name(
            &mut category_names,
            &item,
            "name",
            &x.name,
            "horizon category",
        );
    }

    let mut groups = HashSet::new();
    for (i, x) in s.groups.iter().enumerate() {
        let item = format!("groups[{i}]");
        c.id(&mut groups, &item, &x.id, "theme group");
        c.text(&item, "name", &x.name, "theme group", NAME);
        c.unique_name(&mut group_names, &item, "name", &x.name, "theme group");
    }

    let mut themes = HashSet::new();
    for (i, t) in s.themes.iter().enumerate() {
        let item = format!("themes[{i}]");
        c.id(&mut themes, &item, &t.id, "theme");
        c.text(&item, "name", &t.name, "theme", NAME);
        c.unique_name(&mut theme_names, &item, "name", &t.name, "theme");
        if let Some(d) = &t.description {
            c.length(&item, "description", d, "theme", TEXT);
        }
        if !groups.contains(t.group.as_str()) {
            c.push(
                format!("{item}.group"),
                ProblemKind::UnknownReference,
                format!("no theme group with id \"{}\"", t.group),
            );
        }
    }
    c.themes = themes;

    let mut districts = HashSet::new();
    for (i, d) in s.districts.iter().enumerate() {
        let item = format!("districts[{i}]");
        c.id(&mut districts, &item, &d.id, "district");
        c.text(&item, "name", &d.name, "district", NAME);
        c.unique_name(&mut district_names, &item, "name", &d.name, "district");
    }

    let mut rows = HashSet::new();
    for (i, row) in s.matrix.iter().enumerate() {
        if !c.themes.contains(row.theme.as_str()) {
            c.push(
                format!("matrix[{i}].theme"),
                ProblemKind::UnknownReference,
                format!("no theme with id \"{}\"", row.theme),
            );
        } else if !rows.insert(row.theme.as_str()) {
            c.push(
                format!("matrix[{i}].theme"),
                ProblemKind::DuplicateId,
                format!("the matrix already has a row for theme \"{}\"", row.theme),
            );
        }
        for d in row.cells.keys() {
            if !districts.contains(d.as_str()) {
                c.push(
                    format!("matrix[{i}].cells.{d}"),
                    ProblemKind::UnknownReference,
                    format!("no district with id \"{d}\""),
                );
            }
        }
    }

    c.plans(s, &districts);

    let mut horizon = HashSet::new();
    for (i, h) in s.horizon.iter().enumerate() {
        let item = format!("horizon[{i}]");
        c.id(&mut horizon, &item, &h.id, "horizon item");
        if !categories.contains(h.category.as_str()) {
            c.push(
                format!("{item}.category"),
                ProblemKind::UnknownCategory,
                format!(
                    "no horizon category with id \"{}\" (the scenario's categories are: {})",
                    h.category,
                    list(s.categories.iter().map(|c| c.id.as_str()))
                ),
            );
        }
        c.text(&item, "title", &h.title, "horizon item", TITLE);
        c.length(&item, "detail", &h.detail, "horizon item", TEXT);
        c.length(&item, "source", &h.source, "horizon item", TITLE);
        c.score(format!("{item}.likelihood"), h.likelihood, "likelihood");
        c.score(format!("{item}.impact"), h.impact, "impact");
        c.theme_refs(&format!("{item}.themes"), &h.themes);
        c.district_ref(&districts, &item, h.district.as_deref());
    }

    let mut partner_priorities = HashSet::new();
    for (i, p) in s.partner_priorities.iter().enumerate() {
        let item = format!("partner_priorities[{i}]");
        c.id(&mut partner_priorities, &item, &p.id, "partner priority");
        c.length(&item, "partner", &p.partner, "partner priority", TITLE);
        c.text(&item, "priority", &p.priority, "partner priority", TITLE);
        c.theme_refs(&format!("{item}.themes"), &p.themes);
        c.district_ref(&districts, &item, p.district.as_deref());
    }

    let mut legislation = HashSet::new();
    for (i, l) in s.legislation.iter().enumerate() {
        let item = format!("legislation[{i}]");
        c.id(&mut legislation, &item, &l.id, "legislation");
        c.text(&item, "title", &l.title, "legislation", TITLE);
        if let Some(d) = &l.duty {
            c.length(&item, "duty", d, "legislation", TEXT);
        }
        c.theme_refs(&format!("{item}.themes"), &l.themes);
    }

    let mut voted = HashSet::new();
    for (i, v) in s.votes.iter().enumerate() {
        if c.themes.contains(v.theme.as_str()) && !voted.insert(v.theme.as_str()) {
            c.push(
                format!("votes[{i}].theme"),
                ProblemKind::DuplicateName,
                format!("there is already a vote count for theme \"{}\"", v.theme),
            );
        }
        if !c.themes.contains(v.theme.as_str()) {
            c.push(
                format!("votes[{i}].theme"),
                ProblemKind::UnknownReference,
                format!("no theme with id \"{}\"", v.theme),
            );
        }
    }
    c.problems.extend(crate::event::problems(s));
    crate::validate_text::on_one_line(&mut c.problems);
    c.problems
}

fn list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().join(", ")
}
