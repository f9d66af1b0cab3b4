//! The import preview's choices: what the user says about a spreadsheet before it
//! changes anything (which part each sheet is, what each name from the file is, what
//! a tick means, which way round the matrix is, whether lists are replaced), and the
//! words and control values the preview shows for them.
//!
//! Everything here is pure: a [`Choice`] updates horizon-io's [`Choices`], and
//! `horizon_io::preview` (also pure) says again what importing would do. What may be
//! imported is horizon-io's and the model's; nothing is decided here. Tested on the
//! host (`crates/web/tests/web/import.rs`).

use horizon_io::matching::Found;
use horizon_io::preview::FileName;
use horizon_io::{Choices, ListMode, NameKind, Part, Preview, Resolution};
use horizon_model::{count, Difference, Level, Scenario};

use super::FieldError;

/// Whether a chosen file is a project or scenario (JSON) rather than a spreadsheet:
/// by its name, or, whatever its name, by starting with `{`.
pub fn is_json(file_name: &str, bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    file_name.to_ascii_lowercase().ends_with(".json")
        || bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|&b| b == b'{')
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One thing the user chose on the preview.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    /// Read the sheet as this part; `None` leaves it out.
    Part {
        sheet: String,
        part: Option<Part>,
    },
    /// What a name from the file is; `None` takes the choice back (the preview asks
    /// again, or uses the name's match).
    Name {
        kind: NameKind,
        key: String,
        resolution: Option<Resolution>,
    },
    Tick(Level),
    /// The matrix has districts down the side.
    Transposed(bool),
    Mode(ListMode),
    /// The theme group new themes join.
    Group(String),
}

impl Choice {
    /// `choices` with this choice made.
    pub fn apply(self, mut choices: Choices) -> Choices {
        match self {
            Choice::Part { sheet, part } => {
                choices.parts.insert(sheet, part);
            }
            Choice::Name {
                kind,
                key,
                resolution: Some(r),
            } => {
                choices.names.insert((kind, key), r);
            }
            Choice::Name {
                kind,
                key,
                resolution: None,
            } => {
                choices.names.remove(&(kind, key));
            }
            Choice::Tick(level) => choices.tick = level,
            Choice::Transposed(t) => choices.transposed = Some(t),
            Choice::Mode(m) => choices.mode = m,
            Choice::Group(g) => choices.group = Some(g),
        }
        choices
    }
}

/// The value of a sheet's "Read as" select for `part` ("none": left out).
pub fn part_value(part: Option<Part>) -> &'static str {
    part.map_or(LEFT_OUT, Part::key)
}

const LEFT_OUT: &str = "none";

/// A "Read as" select's value as a part (`Some(None)`: left out); `None` if unknown.
pub fn parse_part(value: &str) -> Option<Option<Part>> {
    if value == LEFT_OUT {
        return Some(None);
    }
    Part::from_key(value).map(Some)
}

/// The "Read as" select's options: every part a sheet can be imported as, then
/// leaving it out, as (value, words).
pub fn part_options() -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = Part::IMPORTABLE
        .into_iter()
        .map(|p| (p.key(), capitalised(p.noun())))
        .collect();
    v.push((LEFT_OUT, "Leave this sheet out".into()));
    v
}

/// The part a sheet was read as, in words ("The priority matrix", "Left out").
pub fn part_words(part: Option<Part>) -> String {
    part.map_or("Left out".into(), |p| capitalised(p.noun()))
}

/// The value of a name's select for its resolution ("": not chosen yet).
pub fn resolution_value(r: Option<&Resolution>) -> String {
    match r {
        None => String::new(),
        Some(Resolution::To(id)) => format!("to:{id}"),
        Some(Resolution::Add) => "add".into(),
        Some(Resolution::Skip) => "skip".into(),
    }
}

/// A name's select value as a resolution; `None` for "" (not chosen).
pub fn parse_resolution(value: &str) -> Option<Resolution> {
    match value {
        "add" => Some(Resolution::Add),
        "skip" => Some(Resolution::Skip),
        v => v
            .strip_prefix("to:")
            .filter(|id| !id.is_empty())
            .map(|id| Resolution::To(id.to_string())),
    }
}

/// A name's select: the likely matches (for an unclear name), every other theme or
/// district, then adding it and leaving it out; each as (value, words).
#[derive(Debug, Clone, PartialEq)]
pub struct NameOptions {
    pub likely: Vec<(String, String)>,
    pub others: Vec<(String, String)>,
    pub add: (String, String),
    pub skip: (String, String),
}

pub fn name_options(name: &FileName, s: &Scenario) -> NameOptions {
    let likely: Vec<(String, String)> = name
        .candidates(s)
        .into_iter()
        .map(|(id, n)| (format!("to:{id}"), format!("Match to {n}")))
        .collect();
    let all: Vec<(&str, &str)> = match name.kind {
        NameKind::Theme => s
            .themes
            .iter()
            .map(|t| (t.id.as_str(), t.name.as_str()))
            .collect(),
        NameKind::District => s
            .districts
            .iter()
            .map(|d| (d.id.as_str(), d.name.as_str()))
            .collect(),
    };
    let mut others: Vec<(String, String)> = all
        .into_iter()
        .map(|(id, n)| (format!("to:{id}"), format!("Match to {n}")))
        .filter(|(v, _)| !likely.iter().any(|(l, _)| l == v))
        .collect();
    horizon_model::sort::sort_by_key(&mut others, |(_, words)| words.to_lowercase());
    NameOptions {
        likely,
        others,
        add: ("add".into(), format!("Add as a new {}", name.kind.noun(1))),
        skip: ("skip".into(), "Leave it out".into()),
    }
}

/// How a name was matched, in words ("Unclear: could be Violent Crime or Serious &
/// Organised Crime").
pub fn found_words(name: &FileName, s: &Scenario) -> String {
    let noun = name.kind.noun(1);
    let named = |id: &str| match name.kind {
        NameKind::Theme => s.theme(id).map(|t| t.name.clone()),
        NameKind::District => s.district(id).map(|d| d.name.clone()),
    };
    match &name.found {
        Found::Name(id) => format!(
            "Matched by name to {}",
            named(id).unwrap_or_else(|| id.clone())
        ),
        Found::Alias(id) => format!(
            "Matched by another name to {}",
            named(id).unwrap_or_else(|| id.clone())
        ),
        Found::Unclear(_) => {
            let names: Vec<String> = name
                .candidates(s)
                .into_iter()
                .map(|(_, n)| n.to_string())
                .collect();
            format!("Unclear: could be {}", join_or(&names))
        }
        Found::New if name.empty => {
            format!("New: not a {noun} in this review, and nothing is filled in for it")
        }
        Found::New => format!("New: not a {noun} in this review"),
    }
}

/// Where the file writes a name: "Matrix!A6", "A6 and 2 other places".
pub fn places_words(name: &FileName) -> String {
    let Some(first) = name.places.first() else {
        return String::new();
    };
    match name.places.len() {
        1 => first.to_string(),
        n => format!(
            "{first} and {}",
            count(n - 1, "other place", "other places")
        ),
    }
}

/// The control id (within the preview, after `import-`) of the select for the
/// `index`th name of its kind: "theme-3", "district-0".
pub fn name_control(kind: NameKind, index: usize) -> String {
    match kind {
        NameKind::Theme => format!("theme-{index}"),
        NameKind::District => format!("district-{index}"),
    }
}

/// Names from the file with their index in the preview's list of their kind.
pub type Indexed<'a> = Vec<(usize, &'a FileName)>;

/// The preview's names of `kind` with their index, in two lists: those that need a
/// look (unclear first, then new) and those matched by name or another name.
pub fn names_by_attention(p: &Preview, kind: NameKind) -> (Indexed<'_>, Indexed<'_>) {
    let list = match kind {
        NameKind::Theme => &p.themes,
        NameKind::District => &p.districts,
    };
    let indexed = || list.iter().enumerate();
    let mut attention: Vec<(usize, &FileName)> = indexed()
        .filter(|(_, n)| matches!(n.found, Found::Unclear(_)))
        .collect();
    attention.extend(indexed().filter(|(_, n)| n.found == Found::New));
    let matched = indexed()
        .filter(|(_, n)| matches!(n.found, Found::Name(_) | Found::Alias(_)))
        .collect();
    (attention, matched)
}

/// The control id of the preview's list of problems in the file.
pub const PROBLEMS: &str = "file-problems";

/// Why Import cannot go ahead yet, as an error summary's lines: each name still
/// waiting for a choice (linked to its select), and the file's problems (linked to
/// their list). Empty when the import can be made.
pub fn blockers(p: &Preview) -> Vec<FieldError> {
    let mut out = Vec::new();
    for kind in [NameKind::Theme, NameKind::District] {
        let list = match kind {
            NameKind::Theme => &p.themes,
            NameKind::District => &p.districts,
        };
        for (i, n) in list.iter().enumerate() {
            if n.resolution.is_some() {
                continue;
            }
            let message = match n.found {
                Found::Unclear(_) => format!("Choose which {} “{}” is", kind.noun(1), n.text),
                _ => format!("Choose what to do with “{}”", n.text),
            };
            out.push(FieldError {
                field: name_control(kind, i),
                message,
            });
        }
    }
    if !p.problems.is_empty() {
        out.push(FieldError {
            field: PROBLEMS.into(),
            message: format!(
                "Correct {} in the file, then open it again",
                if p.problems.len() == 1 {
                    "the problem".to_string()
                } else {
                    format!("the {} problems", p.problems.len())
                }
            ),
        });
    } else if out.is_empty() && p.edit.is_none() {
        out.push(FieldError {
            field: PROBLEMS.into(),
            message: "Nothing in the file can be imported".into(),
        });
    }
    out
}

/// How many of the changes the preview lists before "and N more".
pub const CHANGES_SHOWN: usize = 30;

/// The changes to list, and how many more there are.
pub fn changes_shown(p: &Preview) -> (&[Difference], usize) {
    let n = p.changes.len().min(CHANGES_SHOWN);
    (&p.changes[..n], p.changes.len() - n)
}

/// Whether a sheet is read as the matrix (so the "down the side" question applies).
pub fn has_matrix(p: &Preview) -> bool {
    !p.whole && p.sheets.iter().any(|s| s.part == Some(Part::Matrix))
}

/// Whether a sheet is read as a list (so replace-or-add applies).
pub fn has_list(p: &Preview) -> bool {
    !p.whole
        && p.sheets
            .iter()
            .any(|s| s.part.is_some_and(|x| x != Part::Matrix))
}

/// Whether any theme from the file would be added as new (so the group question applies).
pub fn adds_themes(p: &Preview) -> bool {
    p.themes
        .iter()
        .any(|n| n.resolution == Some(Resolution::Add))
}

/// What a tick means, as a radio's words: the model's label, capitalised.
pub fn tick_words(level: Level) -> String {
    capitalised(level.label())
}

use horizon_model::capitalised;

/// "a, b or c".
fn join_or(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
