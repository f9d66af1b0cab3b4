//! The theme and district names a file uses, each matched once however often it
//! appears, with the user's choice for it.

use horizon_model::Scenario;

use super::{Choices, Preview, Read};
use crate::grid::At;
use crate::lists::Rows;
use crate::matching::{find, loose_key, Entry, Found};
use crate::tables::Named;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameKind {
    Theme,
    District,
}

impl NameKind {
    pub fn noun(self, n: usize) -> &'static str {
        match (self, n) {
            (NameKind::Theme, 1) => "theme",
            (NameKind::Theme, _) => "themes",
            (NameKind::District, 1) => "district",
            (NameKind::District, _) => "districts",
        }
    }
}

/// What a name from the file is taken to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// This theme or district (by id).
    To(String),
    /// A new theme or district with this name.
    Add,
    /// Left out: its row or column, and links to it, are not imported.
    Skip,
}

/// One name as the file writes it, where, how it matched, and what it is taken to be.
#[derive(Debug, Clone, PartialEq)]
pub struct FileName {
    pub kind: NameKind,
    /// As first written in the file.
    pub text: String,
    /// The key choices are kept under ([`loose_key`]).
    pub key: String,
    /// Every cell that writes it.
    pub places: Vec<At>,
    pub found: Found,
    /// A matrix row or column with nothing filled in (a note or a key, perhaps).
    pub empty: bool,
    /// `None`: the user must choose.
    pub resolution: Option<Resolution>,
}

impl FileName {
    /// Candidates' names for an unclear name, best first.
    pub fn candidates<'s>(&self, s: &'s Scenario) -> Vec<(&'s str, &'s str)> {
        match &self.found {
            Found::Unclear(ids) => ids
                .iter()
                .filter_map(|id| entries(s, self.kind).into_iter().find(|e| e.id == id))
                .map(|e| (e.id, e.name))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// The scenario's themes or districts as match entries.
pub fn entries(s: &Scenario, kind: NameKind) -> Vec<Entry<'_>> {
    match kind {
        NameKind::Theme => s
            .themes
            .iter()
            .map(|t| Entry {
                id: &t.id,
                name: &t.name,
                aliases: &t.aliases,
            })
            .collect(),
        NameKind::District => s
            .districts
            .iter()
            .map(|d| Entry {
                id: &d.id,
                name: &d.name,
                aliases: &d.aliases,
            })
            .collect(),
    }
}

struct Collector<'a> {
    s: &'a Scenario,
    choices: &'a Choices,
    out: Vec<FileName>,
}

impl Collector<'_> {
    fn add(&mut self, kind: NameKind, name: &Named, empty: bool) {
        let key = loose_key(&name.text);
        if key.is_empty() {
            return;
        }
        if let Some(x) = self.out.iter_mut().find(|x| x.kind == kind && x.key == key) {
            x.places.push(name.at.clone());
            x.empty &= empty;
            return;
        }
        let found = find(&name.text, &entries(self.s, kind));
        self.out.push(FileName {
            kind,
            text: name.text.clone(),
            key,
            places: vec![name.at.clone()],
            found,
            empty,
            resolution: None,
        });
    }

    /// Each name's resolution: the user's choice, else its match, else the defaults.
    fn resolve(&mut self) {
        for n in &mut self.out {
            let chosen = self.choices.names.get(&(n.kind, n.key.clone())).cloned();
            // A choice of a theme or district that is no longer there is no choice.
            let chosen = chosen.filter(|r| match r {
                Resolution::To(id) => entries(self.s, n.kind).iter().any(|e| e.id == id),
                _ => true,
            });
            n.resolution = chosen.or_else(|| match &n.found {
                Found::Name(id) | Found::Alias(id) => Some(Resolution::To(id.clone())),
                Found::Unclear(_) => self.choices.unclear_names.clone(),
                // A row of a matrix with nothing in it (a key, a note) is left out.
                Found::New if n.empty && self.choices.new_names == Some(Resolution::Add) => {
                    Some(Resolution::Skip)
                }
                Found::New => self.choices.new_names.clone(),
            });
        }
    }
}

/// Gathers every theme and district name of the sheets read into `p`.
pub(super) fn collect(p: &mut Preview, read: &[(String, Read)], s: &Scenario, choices: &Choices) {
    let mut c = Collector {
        s,
        choices,
        out: Vec::new(),
    };
    for (_, r) in read {
        match r {
            Read::Matrix(m) => {
                let transposed = choices.transposed.unwrap_or_else(|| looks_transposed(m, s));
                p.transposed = transposed;
                p.ticks |= m.has_ticks();
                let (themes, districts) = if transposed {
                    (&m.columns, &m.rows)
                } else {
                    (&m.rows, &m.columns)
                };
                // A name down the side with nothing across is perhaps a key or a
                // note under the table; a name across the top is a heading.
                let empty = |i: usize| !m.marks.iter().any(|x| x.row == i);
                for (i, t) in themes.iter().enumerate() {
                    c.add(NameKind::Theme, t, !transposed && empty(i));
                }
                for (i, d) in districts.iter().enumerate() {
                    c.add(NameKind::District, d, transposed && empty(i));
                }
                if !transposed {
                    for (count, counted) in m.count_mismatches() {
                        p.count_mismatches.push(format!(
                            "{}: “{}” has {} but the count column says {}; the cells are kept.",
                            count.at,
                            m.rows[count.row].text,
                            horizon_model::count(counted, "district", "districts"),
                            count.written
                        ));
                    }
                }
            }
            Read::List(l) => {
                let mut themes: Vec<&Named> = Vec::new();
                let mut districts: Vec<&Named> = Vec::new();
                match &l.rows {
                    Rows::Horizon(v) => v.iter().for_each(|r| {
                        themes.extend(&r.themes);
                        districts.extend(&r.district);
                    }),
                    Rows::Partners(v) => v.iter().for_each(|r| {
                        themes.extend(&r.themes);
                        districts.extend(&r.district);
                    }),
                    Rows::Legislation(v) => v.iter().for_each(|r| themes.extend(&r.themes)),
                    Rows::Plan(v) => v.iter().for_each(|r| themes.extend(&r.themes)),
                    Rows::Votes(v) => v.iter().for_each(|r| themes.push(&r.theme)),
                    Rows::Consultation(_) | Rows::Names(_) | Rows::Plans(_) => {}
                }
                for t in themes {
                    c.add(NameKind::Theme, t, false);
                }
                for d in districts {
                    c.add(NameKind::District, d, false);
                }
            }
        }
    }
    c.resolve();
    let (themes, districts): (Vec<FileName>, Vec<FileName>) =
        c.out.into_iter().partition(|n| n.kind == NameKind::Theme);
    p.themes = themes;
    p.districts = districts;
}

/// Whether the names down the side match the scenario's districts better than the
/// names across the top do (a matrix with districts down the side).
fn looks_transposed(m: &crate::matrix::MatrixSheet, s: &Scenario) -> bool {
    let known = |names: &[Named], kind: NameKind| {
        let e = entries(s, kind);
        names
            .iter()
            .filter(|n| matches!(find(&n.text, &e), Found::Name(_) | Found::Alias(_)))
            .count()
    };
    let straight = known(&m.rows, NameKind::Theme) + known(&m.columns, NameKind::District);
    let turned = known(&m.columns, NameKind::Theme) + known(&m.rows, NameKind::District);
    turned > straight
}

/// "23 themes matched (19 by name, 4 by another name), 2 new, 1 unclear".
pub(super) fn matched_words(kind: NameKind, list: &[FileName]) -> String {
    let by = |f: fn(&Found) -> bool| list.iter().filter(|n| f(&n.found)).count();
    let name = by(|f| matches!(f, Found::Name(_)));
    let alias = by(|f| matches!(f, Found::Alias(_)));
    let new = by(|f| matches!(f, Found::New));
    let unclear = by(|f| matches!(f, Found::Unclear(_)));
    let mut parts = vec![format!(
        "{} {} matched",
        name + alias,
        kind.noun(name + alias)
    )];
    match (name, alias) {
        (_, 0) => {}
        (0, _) => parts[0].push_str(" by another name"),
        _ => parts[0].push_str(&format!(" ({name} by name, {alias} by another name)")),
    }
    if new > 0 {
        parts.push(format!("{new} new"));
    }
    if unclear > 0 {
        parts.push(format!("{unclear} unclear"));
    }
    parts.join(", ")
}
