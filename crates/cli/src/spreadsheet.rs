//! `horizon import` and `horizon export`: spreadsheets in and out, through the same
//! preview (`horizon_io::preview`) the page uses, so both give the same answer.
//!
//! Import never asks: a name the file uses that matches nothing, or could be one of
//! several, is an error that says where it is and what to pass (`--map`,
//! `--new-names`), and nothing is written until every name is settled and the file has
//! no problem.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use horizon_io::export::{csv, scenario_xlsx, xlsx, Layout};
use horizon_io::matching::{find, loose_key, Found};
use horizon_io::preview::{entries, FileName};
use horizon_io::workbook::part_sheet;
use horizon_io::{Choices, FileKind, ListMode, NameKind, Part, Preview, Resolution, Workbook};
use horizon_model::{Level, Scenario};

use crate::{load_scenario, Failure};

/// `--part`: a part a sheet can be read as, by the word `docs/spreadsheets.md` gives it.
fn part_arg() -> impl clap::builder::TypedValueParser<Value = Part> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Part::IMPORTABLE.map(Part::key))
        .map(|key| Part::from_key(&key).unwrap_or(Part::Matrix))
}

/// What a plain tick in a matrix means (`--tick`).
#[derive(Clone, Copy, ValueEnum)]
pub enum TickArg {
    Main,
    Subsidiary,
    Issue,
}

/// What happens to a name that matches nothing or is unclear (`--new-names`).
#[derive(Clone, Copy, ValueEnum)]
pub enum NewNamesArg {
    /// Add it as a new theme or district.
    Add,
    /// Leave its row, column or link out.
    Skip,
}

/// `horizon import`'s options.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// The spreadsheet: .xlsx, .xls, .ods or .csv (recognised by its contents).
    file: PathBuf,
    /// Read every sheet as this part (default: each sheet recognised from its headers;
    /// a whole workbook Horizon wrote replaces the scenario).
    #[arg(long, value_parser = part_arg())]
    part: Option<Part>,
    /// The scenario to import into (default: the embedded Kent March 2016 review, as
    /// for `review`).
    #[arg(long, value_name = "SCENARIO.json")]
    into: Option<PathBuf>,
    /// What a plain tick (✓, x, yes) in the matrix means.
    #[arg(long, value_enum, default_value = "main")]
    tick: TickArg,
    /// Add or skip every name that matches nothing or is unclear (default: each one is
    /// an error, to settle with --map).
    #[arg(long, value_enum)]
    new_names: Option<NewNamesArg>,
    /// The matrix has districts down the side and themes across the top (default: as
    /// detected from the names).
    #[arg(long)]
    districts_down: bool,
    /// Rows of a list are added to the scenario's list (matching rows update it);
    /// without it the file's list replaces the scenario's.
    #[arg(long)]
    add_to_lists: bool,
    /// Take a name in the file to be a theme or district of the scenario, e.g.
    /// --map "Serious Violence=Violent Crime". Repeatable.
    #[arg(long = "map", value_name = "NAME=THEME OR DISTRICT NAME")]
    map: Vec<String>,
    /// Where to write the scenario after the import (`-` for stdout).
    #[arg(short = 'o', long = "output", value_name = "OUT.json")]
    output: PathBuf,
}

/// `horizon export`'s options.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// The scenario to write out.
    scenario: PathBuf,
    /// FILE.xlsx (the whole workbook, or one part's sheet with --part) or FILE.csv (one
    /// part; `-` writes CSV to stdout).
    #[arg(short = 'o', long = "output", value_name = "FILE.xlsx|FILE.csv")]
    output: PathBuf,
    /// The part to write (CSV: default matrix; .xlsx: default the whole workbook).
    #[arg(long, value_parser = part_arg())]
    part: Option<Part>,
}

/// One `--map` option: the file's name, the kind of thing it is taken to be, its id.
struct Mapping {
    option: String,
    kind: NameKind,
    key: String,
    id: String,
}

/// The name of a theme or district by id.
fn name_of(s: &Scenario, kind: NameKind, id: &str) -> String {
    entries(s, kind)
        .into_iter()
        .find(|e| e.id == id)
        .map_or_else(|| id.to_string(), |e| e.name.to_string())
}

/// `--map NAME=TARGET`: the target looked up among the themes, then the districts, by
/// id, name or other name.
fn mapping(option: &str, s: &Scenario) -> Result<Mapping, String> {
    let Some((name, target)) = option.split_once('=') else {
        return Err(format!(
            "--map \"{option}\": expected NAME=THEME OR DISTRICT NAME"
        ));
    };
    let (name, target) = (name.trim(), target.trim());
    if loose_key(name).is_empty() || target.is_empty() {
        return Err(format!(
            "--map \"{option}\": expected NAME=THEME OR DISTRICT NAME"
        ));
    }
    let mut alike = Vec::new();
    for kind in [NameKind::Theme, NameKind::District] {
        let list = entries(s, kind);
        if let Some(e) = list.iter().find(|e| e.id == target) {
            return Ok(Mapping {
                option: option.into(),
                kind,
                key: loose_key(name),
                id: e.id.to_string(),
            });
        }
        match find(target, &list) {
            Found::Name(id) | Found::Alias(id) => {
                return Ok(Mapping {
                    option: option.into(),
                    kind,
                    key: loose_key(name),
                    id,
                })
            }
            Found::Unclear(ids) => alike.extend(ids.iter().map(|id| name_of(s, kind, id))),
            Found::New => {}
        }
    }
    let mut message =
        format!("--map \"{option}\": the scenario has no theme or district called “{target}”");
    if !alike.is_empty() {
        message += &format!(" (perhaps: {})", alike.join(", "));
    }
    Err(message)
}

/// Where a name is written: its first place, and how many more.
fn places(n: &FileName) -> String {
    let first = n.places[0].to_string();
    match n.places.len() {
        1 => first,
        k => format!("{first} (and {} more)", k - 1),
    }
}

/// What to say about a name still waiting for a choice.
fn undecided_message(n: &FileName, s: &Scenario) -> String {
    let what = match n.kind {
        NameKind::Theme => "THEME",
        NameKind::District => "DISTRICT",
    };
    match &n.found {
        Found::Unclear(_) => {
            let names: Vec<&str> = n.candidates(s).into_iter().map(|(_, name)| name).collect();
            format!(
                "{}: “{}” is unclear: {}. Use --map \"{}={}\", or --new-names add|skip.",
                places(n),
                n.text,
                names.join(", "),
                n.text,
                names.first().copied().unwrap_or(what)
            )
        }
        _ => format!(
            "{}: “{}” is a new {}. Use --new-names add|skip, or --map \"{}={what} NAME\".",
            places(n),
            n.text,
            n.kind.noun(1),
            n.text
        ),
    }
}

/// The file name an import is known by in summaries ("kent-matrix.csv").
fn file_label(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    )
}

/// Lines saying how the file was read: each sheet, the names, count mismatches, notes.
fn report(p: &Preview) -> Vec<String> {
    let mut out = Vec::new();
    if p.whole {
        out.push(format!(
            "{}: a whole workbook Horizon wrote; it replaces the scenario",
            p.file
        ));
    }
    for sheet in &p.sheets {
        let rows = horizon_model::count(sheet.rows, "row", "rows");
        let read_as = match sheet.part {
            None if p.whole => "not read (it explains the others)".to_string(),
            None => "left out (not recognised as a table Horizon reads)".to_string(),
            Some(Part::Matrix) if p.transposed && !p.whole => format!(
                "read as {}, districts down the side ({rows})",
                Part::Matrix.noun()
            ),
            Some(part) => format!("read as {} ({rows})", part.noun()),
        };
        out.push(format!("{}: {read_as}", sheet.sheet));
        if !sheet.ignored.is_empty() {
            out.push(format!("  not read: {}", sheet.ignored.join("; ")));
        }
    }
    if !p.themes.is_empty() {
        out.push(format!("  {}", p.matched_words(NameKind::Theme)));
    }
    if !p.districts.is_empty() {
        out.push(format!("  {}", p.matched_words(NameKind::District)));
    }
    out.extend(p.count_mismatches.iter().map(|m| format!("  {m}")));
    out.extend(p.notes.iter().map(|n| format!("  note: {n}")));
    out
}

pub fn import(args: ImportArgs) -> Result<(), Failure> {
    let bytes = std::fs::read(&args.file)
        .map_err(|e| Failure(format!("cannot read {}: {e}", crate::shown(&args.file))))?;
    let label = file_label(&args.file);
    let book = horizon_io::read(&label, &bytes).map_err(|e| Failure(e.to_string()))?;
    let mut scenario = load_scenario(args.into.as_deref())?;
    let into = args.into.as_ref().map_or_else(
        || "the embedded Kent March 2016 review".to_string(),
        |p| p.display().to_string(),
    );

    let mut problems = Vec::new();
    let mut maps = Vec::new();
    for option in &args.map {
        match mapping(option, &scenario) {
            Ok(m) => maps.push(m),
            Err(message) => problems.push(message),
        }
    }
    let new_names = args.new_names.map(|n| match n {
        NewNamesArg::Add => Resolution::Add,
        NewNamesArg::Skip => Resolution::Skip,
    });
    let choices = Choices {
        tick: match args.tick {
            TickArg::Main => Level::Main,
            TickArg::Subsidiary => Level::Subsidiary,
            TickArg::Issue => Level::Issue,
        },
        transposed: args.districts_down.then_some(true),
        mode: if args.add_to_lists {
            ListMode::Add
        } else {
            ListMode::Replace
        },
        parts: match args.part {
            Some(part) => book
                .sheets
                .iter()
                .map(|s| (s.name.clone(), Some(part)))
                .collect(),
            None => BTreeMap::new(),
        },
        names: maps
            .iter()
            .map(|m| ((m.kind, m.key.clone()), Resolution::To(m.id.clone())))
            .collect(),
        new_names: new_names.clone(),
        unclear_names: new_names,
        group: None,
    };
    let p = horizon_io::preview(&book, &scenario, &choices);
    for line in report(&p) {
        eprintln!("{}", horizon_model::for_terminal(&line));
    }
    problems.extend(p.problems.iter().map(ToString::to_string));
    if args.part.is_none() && !p.whole && p.sheets.iter().all(|s| s.part.is_none()) {
        // A table with mistakes in it may not be recognised at all: say how to name it,
        // so its problems are then listed at their cells.
        problems.push(
            "Use --part matrix (or horizon, partners, legislation, plan, consultation, \
             votes) to say what the file holds."
                .into(),
        );
    }
    if !p.whole {
        for m in &maps {
            let names = match m.kind {
                NameKind::Theme => &p.themes,
                NameKind::District => &p.districts,
            };
            if !names.iter().any(|n| n.key == m.key) {
                problems.push(format!(
                    "--map \"{}\": {} has no {} called that",
                    m.option,
                    p.file,
                    m.kind.noun(1)
                ));
            }
        }
    }
    problems.extend(p.undecided().map(|n| undecided_message(n, &scenario)));
    let edit = match (&p.edit, problems.is_empty()) {
        (Some(edit), true) => edit,
        (None, true) => {
            return Err(Failure(format!(
                "{} could not be imported; nothing was written",
                p.file
            )))
        }
        (_, false) => {
            return Err(Failure(format!(
                "{} could not be imported into {into} ({}); nothing was written:\n{}",
                p.file,
                horizon_model::count(problems.len(), "problem", "problems"),
                problems
                    .iter()
                    .map(|p| format!("  {p}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )))
        }
    };
    let applied = scenario.apply(edit).map_err(|refused| {
        Failure(format!(
            "{} could not be imported into {into}; nothing was written:\n{}",
            p.file,
            refused
                .problems()
                .iter()
                .map(|x| format!("  refused: {}: {}", x.path, x.message))
                .collect::<Vec<_>>()
                .join("\n")
        ))
    })?;
    let json = scenario.to_json();
    write_out(&args.output, format!("{}\n", horizon_model::json_for_terminal(&json)).as_bytes())?;
    eprintln!("{}", horizon_model::for_terminal(&applied.summary));
    if p.changes.is_empty() {
        eprintln!("  nothing changed");
    }
    let mut section = None;
    for d in &p.changes {
        if section != Some(d.section) {
            eprintln!("  {}", d.section.label());
            section = Some(d.section);
        }
        eprintln!("    {}", horizon_model::one_line(&d.description));
    }
    Ok(())
}

/// Writes `bytes` to `path`, or to stdout for `-`.
fn write_out(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| Failure(format!("cannot write to stdout: {e}")));
    }
    std::fs::write(path, bytes)
        .map_err(|e| Failure(format!("cannot write {}: {e}", crate::shown(path))))
}

/// How an export is written, from the output's name.
#[derive(Clone, Copy)]
enum Format {
    Xlsx,
    Csv,
}

fn format_of(path: &Path) -> Result<Format, Failure> {
    if path == Path::new("-") {
        return Ok(Format::Csv);
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "xlsx" => Ok(Format::Xlsx),
        "csv" => Ok(Format::Csv),
        "ods" => Err(Failure(format!(
            "{}: Horizon does not write OpenDocument (.ods) files; write .xlsx (LibreOffice opens it) or .csv",
            crate::shown(path)
        ))),
        _ => Err(Failure(format!(
            "{}: cannot tell which kind of file to write; name it .xlsx (the whole workbook, or one part with --part) or .csv (one part; `-o -` for stdout)",
            crate::shown(path)
        ))),
    }
}

pub fn export(args: ExportArgs) -> Result<(), Failure> {
    let format = format_of(&args.output)?;
    let scenario = load_scenario(Some(&args.scenario))?;
    let part = args.part;
    let bytes = match format {
        Format::Csv => csv(&part_sheet(&scenario, part.unwrap_or(Part::Matrix))),
        Format::Xlsx => match part {
            None => scenario_xlsx(&scenario),
            Some(part) => xlsx(
                &Workbook {
                    file: file_label(&args.output),
                    kind: FileKind::Xlsx,
                    sheets: vec![part_sheet(&scenario, part)],
                },
                &[Layout::Part(part)],
            ),
        }
        .map_err(|e| Failure(format!("{}: {e}", crate::shown(&args.output))))?,
    };
    write_out(&args.output, &bytes)?;
    if args.output != Path::new("-") {
        let what = match (format, part) {
            (Format::Xlsx, None) => "the whole scenario".to_string(),
            (_, part) => part.unwrap_or(Part::Matrix).noun().to_string(),
        };
        eprintln!("Wrote {what} to {}", crate::shown(&args.output));
    }
    Ok(())
}
