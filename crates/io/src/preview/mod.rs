//! Preview before anything changes: what a file holds, how its names match the
//! scenario's, what the user has chosen for each unclear or new name, and the one
//! edit ([`Edit::Batch`]) that importing would make, with what it would change in
//! words. The page and the command line both ask this module, so they agree.

mod build;
mod names;
mod sync;

use std::collections::BTreeMap;

use horizon_model::{diff, Difference, Edit, GroupId, Level, Scenario};

use crate::grid::{Problem, Workbook};
use crate::layout::Part;
use crate::lists::{read_list, ListSheet};
use crate::matrix::{read_matrix, MatrixSheet};
use crate::tables::Table;

pub use names::{entries, FileName, NameKind, Resolution};

/// Whether rows of a list replace the scenario's list or are added to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListMode {
    /// The file's list becomes the list: rows matching an item (by ID, or by title or
    /// name) update it, others are added, and items the file does not have are removed.
    #[default]
    Replace,
    /// Rows matching an item update it and the rest are added; nothing is removed.
    Add,
}

/// What the user has said about the import. Starts from [`Choices::default`] (the
/// page) or from command-line options.
#[derive(Debug, Clone, PartialEq)]
pub struct Choices {
    /// What a plain tick means.
    pub tick: Level,
    /// `Some(true)`: the matrix has districts down the side. `None`: as detected.
    pub transposed: Option<bool>,
    pub mode: ListMode,
    /// Each sheet's part by sheet name; `None` leaves the sheet out. Sheets not
    /// listed are recognised from their headers.
    pub parts: BTreeMap<String, Option<Part>>,
    /// What each name (by kind and [`crate::matching::loose_key`]) is taken to be.
    pub names: BTreeMap<(NameKind, String), Resolution>,
    /// For a new name with no choice: `None` asks (the import waits for an answer).
    pub new_names: Option<Resolution>,
    /// For an unclear name with no choice: `None` asks.
    pub unclear_names: Option<Resolution>,
    /// The theme group new themes join; `None`: the first group.
    pub group: Option<GroupId>,
}

impl Default for Choices {
    /// The page's starting point: a tick is a named main priority, new names are added,
    /// unclear names are asked about.
    fn default() -> Choices {
        Choices {
            tick: Level::Main,
            transposed: None,
            mode: ListMode::Replace,
            parts: BTreeMap::new(),
            names: BTreeMap::new(),
            new_names: Some(Resolution::Add),
            unclear_names: None,
            group: None,
        }
    }
}

/// One sheet as the import reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetPreview {
    pub sheet: String,
    /// `None`: left out (not recognised, or the user chose to leave it out).
    pub part: Option<Part>,
    /// How many rows (themes of a matrix, items of a list) it holds.
    pub rows: usize,
    /// Columns that were not read, in words.
    pub ignored: Vec<String>,
}

/// Everything the page shows before "Import", and the edit "Import" makes.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    pub file: String,
    /// A whole workbook Horizon wrote: it replaces the scenario (names match by ID).
    pub whole: bool,
    pub sheets: Vec<SheetPreview>,
    /// The matrix has districts down the side (as read, or as chosen).
    pub transposed: bool,
    /// The matrix has plain ticks, so the tick question applies.
    pub ticks: bool,
    pub themes: Vec<FileName>,
    pub districts: Vec<FileName>,
    /// Rows whose count column disagrees with their ticks, in words.
    pub count_mismatches: Vec<String>,
    /// Things worth knowing that do not stop the import (a new horizon category).
    pub notes: Vec<String>,
    /// What stops the import: every problem in the file at once.
    pub problems: Vec<Problem>,
    /// The edit "Import" makes, when nothing stops it.
    pub edit: Option<Edit>,
    /// What the edit changes, in words.
    pub changes: Vec<Difference>,
}

impl Preview {
    /// Names still waiting for the user's choice.
    pub fn undecided(&self) -> impl Iterator<Item = &FileName> {
        self.themes
            .iter()
            .chain(&self.districts)
            .filter(|n| n.resolution.is_none())
    }

    /// "23 themes matched (19 by name, 4 by another name), 2 new, 1 unclear".
    pub fn matched_words(&self, kind: NameKind) -> String {
        let list = match kind {
            NameKind::Theme => &self.themes,
            NameKind::District => &self.districts,
        };
        names::matched_words(kind, list)
    }
}

/// A sheet's part from its headers (and its name when that settles it): a list part
/// whose header row is found, else a matrix, else the plan (whose one required column,
/// Name, many sheets have).
pub fn recognise(book: &Workbook, sheet: usize) -> Option<Part> {
    let s = &book.sheets[sheet];
    if s.is_blank() {
        return None;
    }
    let found = |part: Part| Table::find(s, book.kind, part).is_ok();
    let by_name = Part::IMPORTABLE.into_iter().find(|p| {
        let n = crate::layout::header_key(&s.name);
        n == crate::layout::header_key(p.sheet_name()) || n == p.key()
    });
    if let Some(p) = by_name {
        if p == Part::Matrix || found(p) {
            return Some(p);
        }
    }
    let lists = [
        Part::Horizon,
        Part::Legislation,
        Part::Partners,
        Part::Consultation,
        Part::Votes,
    ];
    if let Some(p) = lists.into_iter().find(|&p| found(p)) {
        return Some(p);
    }
    // A grid of names with levels under them, even if some cells are wrong (they
    // are then reported at their places, not taken for another kind of table).
    if !read_matrix(s, book.kind).columns.is_empty() {
        return Some(Part::Matrix);
    }
    found(Part::Plan).then_some(Part::Plan)
}

/// Whether `book` is a whole workbook Horizon wrote (its sheets by their names).
pub fn is_whole_workbook(book: &Workbook) -> bool {
    [Part::Review, Part::Themes, Part::Districts, Part::Matrix]
        .iter()
        .all(|p| book.sheets.iter().any(|s| s.name == p.sheet_name()))
}

/// A sheet read as its part.
#[derive(Debug, Clone)]
pub(crate) enum Read {
    Matrix(MatrixSheet),
    List(ListSheet),
}

/// What importing `book` into `scenario` with `choices` would do.
pub fn preview(book: &Workbook, scenario: &Scenario, choices: &Choices) -> Preview {
    let mut p = Preview {
        file: book.file.clone(),
        whole: false,
        sheets: Vec::new(),
        transposed: false,
        ticks: false,
        themes: Vec::new(),
        districts: Vec::new(),
        count_mismatches: Vec::new(),
        notes: Vec::new(),
        problems: Vec::new(),
        edit: None,
        changes: Vec::new(),
    };
    if is_whole_workbook(book) && choices.parts.is_empty() {
        p.whole = true;
        match crate::whole::from_workbook(book) {
            Ok(next) => {
                p.sheets = book
                    .sheets
                    .iter()
                    .map(|s| SheetPreview {
                        sheet: s.name.clone(),
                        part: Part::WORKBOOK
                            .into_iter()
                            .find(|x| x.sheet_name() == s.name),
                        rows: s.rows.len().saturating_sub(1),
                        ignored: Vec::new(),
                    })
                    .collect();
                p.changes = diff(scenario, &next);
                p.edit = Some(Edit::Batch {
                    summary: format!(
                        "Imported the workbook {}: {}.",
                        book.file,
                        horizon_model::count(p.changes.len(), "change", "changes")
                    ),
                    edits: vec![Edit::Replace(Box::new(next))],
                });
            }
            Err(problems) => p.problems = problems,
        }
        return p;
    }

    let mut read: Vec<(String, Read)> = Vec::new();
    for (i, sheet) in book.sheets.iter().enumerate() {
        let part = match choices.parts.get(&sheet.name) {
            Some(chosen) => *chosen,
            None => recognise(book, i),
        };
        let (rows, ignored, r) = match part {
            None => (0, Vec::new(), None),
            Some(Part::Matrix) => {
                let m = read_matrix(sheet, book.kind);
                (m.rows.len(), m.ignored.clone(), Some(Read::Matrix(m)))
            }
            Some(part) => {
                let l = read_list(sheet, book.kind, part);
                (l.rows.len(), l.ignored_columns.clone(), Some(Read::List(l)))
            }
        };
        p.sheets.push(SheetPreview {
            sheet: sheet.name.clone(),
            part,
            rows,
            ignored,
        });
        if let Some(r) = r {
            read.push((sheet.name.clone(), r));
        }
    }
    if read.is_empty() {
        p.problems.push(Problem::general(format!(
            "Nothing in {} could be recognised as a priority matrix or a list Horizon reads. \
             Check that each table has a header row (see the workbook Horizon exports).",
            book.file
        )));
        return p;
    }
    for (_, r) in &read {
        match r {
            Read::Matrix(m) => p.problems.extend(m.problems.iter().cloned()),
            Read::List(l) => p.problems.extend(l.problems.iter().cloned()),
        }
    }
    names::collect(&mut p, &read, scenario, choices);
    if p.problems.is_empty() && p.undecided().next().is_none() {
        match build::edit(&p, &read, scenario, choices) {
            Ok((edit, changes, notes)) => {
                p.edit = Some(edit);
                p.changes = changes;
                p.notes.extend(notes);
            }
            Err(problems) => p.problems.extend(problems),
        }
    }
    horizon_model::sort::sort(&mut p.problems);
    p.problems.dedup();
    p
}
