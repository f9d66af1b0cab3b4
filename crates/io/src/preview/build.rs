//! The import as model edits. Each edit is made on a working copy as it is built, so
//! the model judges every one (a name too long, a duplicate) and gives new things
//! their ids; the result is one [`Edit::Batch`] that the page or the command line
//! applies as one step.

use horizon_model::{diff, Difference, District, Edit, Item, Level, Scenario, Theme, ThemeGroup};

use super::{sync, Choices, NameKind, Preview, Read, Resolution};
use crate::grid::{At, Problem};
use crate::layout::Field;
use crate::lists::Rows;
use crate::matching::{is_known_as, loose_key, Entry};
use crate::preview::names::entries;
use crate::tables::Named;
use crate::words::Mark;

pub(super) struct Builder<'a> {
    pub(super) work: Scenario,
    edits: Vec<Edit>,
    pub(super) problems: Vec<Problem>,
    pub(super) notes: Vec<String>,
    p: &'a Preview,
    pub(super) choices: &'a Choices,
}

impl Builder<'_> {
    /// Makes `edit` on the working copy and keeps it; a refusal is a problem at `at`.
    pub(super) fn make(&mut self, edit: Edit, at: Option<&At>) -> Option<String> {
        match self.work.apply(&edit) {
            Ok(applied) => {
                self.edits.push(edit);
                Some(applied.id.unwrap_or_default())
            }
            Err(refusal) => {
                self.problems.push(Problem {
                    at: at.cloned(),
                    message: refusal.message,
                });
                None
            }
        }
    }

    /// The id a name from the file stands for, adding the theme or district if it is
    /// new; `None` if it is left out.
    pub(super) fn resolve(&mut self, kind: NameKind, name: &Named) -> Option<String> {
        let key = loose_key(&name.text);
        let list = match kind {
            NameKind::Theme => &self.p.themes,
            NameKind::District => &self.p.districts,
        };
        let entry = list.iter().find(|n| n.key == key)?;
        match entry.resolution.clone()? {
            Resolution::Skip => None,
            Resolution::To(id) => {
                self.keep_as_alias(kind, &id, &entry.text);
                Some(id)
            }
            Resolution::Add => {
                // Added already (the same name elsewhere in the file)?
                if let Some(e) = entries(&self.work, kind)
                    .into_iter()
                    .find(|e| is_known_as(&entry.text, e))
                {
                    return Some(e.id.to_string());
                }
                let (text, at) = (entry.text.clone(), entry.places[0].clone());
                let item = match kind {
                    NameKind::Theme => Item::Theme(Theme {
                        id: String::new(),
                        name: text,
                        group: self.group_for_new_themes()?,
                        aliases: Vec::new(),
                        description: None,
                    }),
                    NameKind::District => Item::District(District {
                        id: String::new(),
                        name: text,
                        aliases: Vec::new(),
                    }),
                };
                self.make(Edit::Add(item), Some(&at))
            }
        }
    }

    /// A name the file uses for a theme or district is kept among its other names, so
    /// next year's file matches at once.
    fn keep_as_alias(&mut self, kind: NameKind, id: &str, text: &str) {
        let item = match kind {
            NameKind::Theme => {
                let Some(t) = self.work.theme(id) else { return };
                if is_known_as(
                    text,
                    &Entry {
                        id: &t.id,
                        name: &t.name,
                        aliases: &t.aliases,
                    },
                ) {
                    return;
                }
                let mut t = t.clone();
                t.aliases.push(text.trim().to_string());
                Item::Theme(t)
            }
            NameKind::District => {
                let Some(d) = self.work.district(id) else {
                    return;
                };
                let e = Entry {
                    id: &d.id,
                    name: &d.name,
                    aliases: &d.aliases,
                };
                if is_known_as(text, &e) {
                    return;
                }
                let mut d = d.clone();
                d.aliases.push(text.trim().to_string());
                Item::District(d)
            }
        };
        self.make(
            Edit::Update {
                id: id.to_string(),
                item,
            },
            None,
        );
    }

    fn group_for_new_themes(&mut self) -> Option<String> {
        if let Some(g) = self
            .choices
            .group
            .as_ref()
            .filter(|g| self.work.group(g).is_some())
        {
            return Some(g.clone());
        }
        if let Some(g) = self.work.groups.first() {
            return Some(g.id.clone());
        }
        self.make(
            Edit::Add(Item::Group(ThemeGroup {
                id: String::new(),
                name: "Themes".into(),
            })),
            None,
        )
    }

    pub(super) fn themes(&mut self, names: &[Named]) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for n in names {
            if let Some(id) = self.resolve(NameKind::Theme, n) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids
    }
}

/// Builds the import's edit: the matrix first (it may add themes the lists link to),
/// then the plan, the lists, consultation and votes.
pub(super) fn edit(
    p: &Preview,
    read: &[(String, Read)],
    s: &Scenario,
    choices: &Choices,
) -> Result<(Edit, Vec<Difference>, Vec<String>), Vec<Problem>> {
    let mut b = Builder {
        work: s.clone(),
        edits: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
        p,
        choices,
    };
    let order = |r: &Read| match r {
        Read::Matrix(_) => 0,
        Read::List(l) => match l.rows {
            Rows::Plan(_) => 1,
            Rows::Consultation(_) => 3,
            Rows::Votes(_) => 4,
            _ => 2,
        },
    };
    let mut sorted: Vec<&Read> = read.iter().map(|(_, r)| r).collect();
    horizon_model::sort::sort_by_key(&mut sorted, |r| order(r));
    for r in sorted {
        match r {
            Read::Matrix(m) => matrix(&mut b, m, p.transposed),
            Read::List(l) => match &l.rows {
                Rows::Horizon(v) => sync::horizon(&mut b, v, l.fields.contains(&Field::District)),
                Rows::Partners(v) => sync::partners(&mut b, v, l.fields.contains(&Field::District)),
                Rows::Legislation(v) => sync::legislation(&mut b, v),
                Rows::Plan(v) => sync::plan(&mut b, v, l.fields.contains(&Field::Serves)),
                Rows::Consultation(v) => sync::consultation(&mut b, v),
                Rows::Votes(v) => sync::votes(&mut b, v),
                Rows::Names(_) | Rows::Plans(_) => {}
            },
        }
    }
    if !b.problems.is_empty() {
        return Err(b.problems);
    }
    let changes = diff(s, &b.work);
    let parts: Vec<&str> = p
        .sheets
        .iter()
        .filter_map(|x| x.part.map(|p| p.noun()))
        .collect();
    let summary = format!(
        "Imported {} from {}: {}.",
        horizon_model::join_and(&parts),
        p.file,
        horizon_model::count(changes.len(), "change", "changes")
    );
    Ok((
        Edit::Batch {
            summary,
            edits: b.edits,
        },
        changes,
        b.notes,
    ))
}

fn matrix(b: &mut Builder, m: &crate::matrix::MatrixSheet, transposed: bool) {
    let (theme_names, district_names) = if transposed {
        (&m.columns, &m.rows)
    } else {
        (&m.rows, &m.columns)
    };
    let themes: Vec<Option<String>> = theme_names
        .iter()
        .map(|n| b.resolve(NameKind::Theme, n))
        .collect();
    let districts: Vec<Option<String>> = district_names
        .iter()
        .map(|n| b.resolve(NameKind::District, n))
        .collect();
    twice(b, NameKind::Theme, theme_names, &themes);
    twice(b, NameKind::District, district_names, &districts);
    for (ti, t) in themes.iter().enumerate() {
        let Some(t) = t else { continue };
        for (di, d) in districts.iter().enumerate() {
            let Some(d) = d else { continue };
            let mark = m.marks.iter().find(|x| {
                let (r, c) = if transposed { (di, ti) } else { (ti, di) };
                x.row == r && x.column == c
            });
            let level: Option<Level> = mark.map(|x| match x.mark {
                Mark::Level(l) => l,
                Mark::Tick => b.choices.tick,
            });
            if b.work.level(d, t) != level {
                b.make(
                    Edit::SetCell {
                        district: d.clone(),
                        theme: t.clone(),
                        level,
                    },
                    mark.map(|x| &x.at),
                );
            }
        }
    }
}

/// Two rows (or columns) that are the same theme or district would contradict each other.
fn twice(b: &mut Builder, kind: NameKind, names: &[Named], ids: &[Option<String>]) {
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        if let Some(j) = ids[..i].iter().position(|x| x.as_ref() == Some(id)) {
            b.problems.push(Problem::at(
                names[i].at.clone(),
                format!(
                    "“{}” and “{}” ({}) are the same {}; keep one, or choose another {} for one of them",
                    names[i].text,
                    names[j].text,
                    names[j].at,
                    kind.noun(1),
                    kind.noun(1)
                ),
            ));
        }
    }
}
