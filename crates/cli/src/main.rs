//! `horizon`: the command line over the same crates as the app, for batch
//! reviews, rule tests and checking scenario files.

mod align;
mod input;
mod review;
mod spreadsheet;
mod word;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use horizon_engine::{
    evaluate, report, ruletest, Comparison, Limits,
    RuleSource, Settings,
};
use horizon_model::{Edit, LoadError, Scenario, EXAMPLES};

pub(crate) use input::{files_in, load_rules, load_scenario, read, read_scenario, settings, shown};

#[derive(Parser)]
#[command(
    name = "horizon",
    version,
    about = "Suggest changes to a community safety plan's focus areas, with reasons and evidence."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
}

/// Which rules run, and how: the same options for every command that evaluates.
#[derive(clap::Args)]
struct PackArgs {
    /// A folder of .rhai rules (default: the shipped pack).
    #[arg(long)]
    rules: Option<PathBuf>,
    /// Change a rule parameter, e.g. --set retain-supported-focus-areas.min_support=0.6
    #[arg(long = "set", value_name = "RULE.PARAM=VALUE")]
    set: Vec<String>,
    /// Switch a rule off by its id.
    #[arg(long = "disable", value_name = "RULE")]
    disable: Vec<String>,
    /// Each rule's time limit in milliseconds (default 250, at most 60000); a rule
    /// past it stops with a diagnostic and the others still run.
    #[arg(long = "time-limit-ms", value_name = "MS", value_parser = clap::value_parser!(u64).range(1..=horizon_engine::MAX_TIME_LIMIT_MS))]
    time_limit_ms: Option<u64>,
}

impl PackArgs {
    /// The rules and their settings.
    fn load(&self) -> Result<(Vec<RuleSource>, Settings), Failure> {
        let pack = load_rules(self.rules.as_deref())?;
        let mut settings = settings(&self.set, &self.disable, &pack)?;
        settings.time_limit_ms = self.time_limit_ms;
        Ok((pack, settings))
    }
}

#[derive(Subcommand)]
enum Command {
    /// Run the rules over a scenario and print the suggested changes.
    Review(review::ReviewArgs),
    /// How a district's plan stands to the county agreement and to its own column of
    /// the matrix; for the county agreement, every district side by side.
    Align {
        /// A scenario JSON file (default: the embedded Kent March 2016 review).
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// The plan (by id) to align (default: the plan under review).
        #[arg(long)]
        plan: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Evaluate two scenarios with the same rules and settings and print what
    /// differs in their inputs, then how the suggestions change.
    Compare {
        /// The scenario to compare from (the baseline).
        before: PathBuf,
        /// The scenario to compare with it (the what-if).
        after: PathBuf,
        #[command(flatten)]
        pack: PackArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Apply a list of edits (docs/edits.md) to a scenario and print the result as
    /// JSON. What each edit did goes to stderr; if any edit is refused, every refusal
    /// is reported with its position and nothing is printed.
    Apply {
        /// The scenario to start from.
        scenario: PathBuf,
        /// A JSON file holding a list of edits, applied in order.
        edits: PathBuf,
    },
    /// Import a spreadsheet (.xlsx, .xls, .ods, .csv) into a scenario and write the
    /// result. How each sheet was read goes to stderr; a problem in the file, or a name
    /// that matches nothing or is unclear, is reported with its cell and nothing is
    /// written (docs/spreadsheets.md).
    Import(spreadsheet::ImportArgs),
    /// Write a scenario as an Excel workbook (.xlsx) or one part of it as CSV.
    Export(spreadsheet::ExportArgs),
    /// Print an embedded example scenario as JSON, or list them.
    Example { name: Option<String> },
    /// Run the rule tests (rules/tests/*.json) and print "N passed, N failed".
    TestRules {
        /// A folder of .rhai rules with its tests in a tests/ folder (default: the shipped pack).
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Check a scenario file and print every problem.
    Validate { file: PathBuf },
    /// Print the JSON Schema of the scenario file format (for editors that validate JSON).
    Schema {
        /// The project file's schema instead (docs/project-format.md).
        #[arg(long)]
        project: bool,
    },
}

/// Everything that stops a command, said plainly.
#[derive(Debug)]
struct Failure(String);

impl From<String> for Failure {
    fn from(s: String) -> Failure {
        Failure(s)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("horizon: {}", horizon_model::for_terminal(&message));
            ExitCode::FAILURE
        }
    }
}

/// Prints a text or Markdown report: escape sequences, carriage returns and
/// direction overrides in user text are shown, never obeyed by the terminal.
fn print_text(text: &str) {
    println!("{}", horizon_model::for_terminal(text));
}

/// Prints JSON: the same JSON, with any control or direction character a string
/// holds as a `\uXXXX` escape, so the terminal shows it rather than obeying it.
fn print_json(json: &str) {
    println!("{}", horizon_model::json_for_terminal(json));
}

fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Review(args) => review::run(args),
        Command::Align {
            scenario,
            plan,
            format,
        } => {
            let mut sc = load_scenario(scenario.as_deref())?;
            align::choose_plan(&mut sc, plan.as_deref())?;
            let out = align::run(&sc, format)?;
            match format {
                Format::Json => print_json(out.trim_end()),
                _ => print_text(out.trim_end()),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Compare {
            before,
            after,
            pack,
            format,
        } => {
            let (a, b) = (load_scenario(Some(&before))?, load_scenario(Some(&after))?);
            let (pack, settings) = pack.load()?;
            let limits = Limits::default();
            let (ea, eb) = (
                evaluate(&a, &pack, &settings, &limits),
                evaluate(&b, &pack, &settings, &limits),
            );
            let comparison = Comparison::new(&ea, &a, &eb, &b);
            let (la, lb) = (before.display().to_string(), after.display().to_string());
            let side_a = report::Side {
                label: &la,
                scenario: &a,
                evaluation: &ea,
            };
            let side_b = report::Side {
                label: &lb,
                scenario: &b,
                evaluation: &eb,
            };
            let out = match format {
                Format::Text => report::comparison_text(&comparison, &side_a, &side_b),
                Format::Json => report::comparison_json(&comparison, &side_a, &side_b),
                Format::Markdown => report::comparison_markdown(&comparison, &side_a, &side_b),
            };
            match format {
                Format::Json => print_json(out.trim_end()),
                _ => print_text(out.trim_end()),
            }
            let broken = ea.diagnostics().count() + eb.diagnostics().count();
            if broken > 0 {
                eprintln!(
                    "horizon: {broken} rule diagnostic(s) across the two evaluations; run `horizon review` on each to see them"
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Apply { scenario, edits } => {
            let mut sc = load_scenario(Some(&scenario))?;
            let text = read(&edits)?;
            let list: Vec<serde_json::Value> = serde_json::from_str(&text).map_err(|e| {
                Failure(format!(
                    "{}:{}:{}: {} (the file must be a JSON list of edits; see docs/edits.md)",
                    crate::shown(&edits),
                    e.line(),
                    e.column().max(1),
                    horizon_model::json_message(&e)
                ))
            })?;
            let mut problems = Vec::new();
            let mut said = Vec::new();
            for (i, value) in list.into_iter().enumerate() {
                match serde_json::from_value::<Edit>(value) {
                    Err(e) => problems.push(format!(
                        "edit {i}: not an edit Horizon knows: {}",
                        horizon_model::one_line(&e.to_string())
                    )),
                    Ok(edit) => match sc.apply(&edit) {
                        Ok(applied) => said.push(format!("edit {i}: {}", applied.summary)),
                        Err(refused) => {
                            for p in refused.problems() {
                                problems
                                    .push(format!("edit {i}: refused: {}: {}", p.path, p.message));
                            }
                        }
                    },
                }
            }
            if !problems.is_empty() {
                return Err(Failure(format!(
                    "{} could not be applied to {} ({}); nothing was written:\n{}",
                    crate::shown(&edits),
                    crate::shown(&scenario),
                    horizon_model::count(problems.len(), "problem", "problems"),
                    problems
                        .iter()
                        .map(|p| format!("  {p}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                )));
            }
            for line in &said {
                eprintln!("{}", horizon_model::for_terminal(line));
            }
            print_json(&sc.to_json());
            Ok(ExitCode::SUCCESS)
        }
        Command::Import(args) => {
            spreadsheet::import(args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            spreadsheet::export(args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Example { name: None } => {
            for e in EXAMPLES {
                println!("{:<14} {}", e.name, e.description);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Example { name: Some(name) } => {
            let e = horizon_model::example(&name).ok_or_else(|| {
                let names: Vec<&str> = EXAMPLES.iter().map(|e| e.name).collect();
                Failure(format!(
                    "there is no example called \"{name}\" (there are: {})",
                    names.join(", ")
                ))
            })?;
            // As the example opens: with its plan under review (thanet-2016-17 shares
            // Kent's file), so the printed file reviews and compares as the example does.
            println!("{}", e.scenario().to_json().trim_end());
            Ok(ExitCode::SUCCESS)
        }
        Command::TestRules { rules } => {
            let pack = load_rules(rules.as_deref())?;
            let tests = match &rules {
                None => horizon_engine::shipped_test_files(),
                Some(dir) => files_in(&dir.join("tests"), "json")?,
            };
            let report = ruletest::run_all(&pack, &tests);
            for c in &report.cases {
                let mark = if c.passed() { "ok  " } else { "FAIL" };
                print_text(&format!("{mark} {} — {}", c.file, c.description));
                for f in &c.failures {
                    print_text(&format!("     {}", f.to_string().replace("\n", "\n     ")));
                }
            }
            for r in &report.untested_rules {
                print_text(&format!(
                    "FAIL rule {r} has no test: add one to the tests folder naming it in \"rules\""
                ));
            }
            println!("{} passed, {} failed", report.passed(), report.failed());
            Ok(if report.failed() == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Command::Schema { project } => {
            if project {
                println!("{}", horizon_project::json_schema());
            } else {
                println!("{}", horizon_model::json_schema());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { file } => {
            let text = read_scenario(&file)?;
            match Scenario::from_json(&text) {
                Ok(s) => {
                    println!(
                        "{}: valid ({} themes, {} districts, {} focus areas, {} horizon items)",
                        crate::shown(&file),
                        s.themes.len(),
                        s.districts.len(),
                        s.plan().focus_areas.len(),
                        s.horizon.len()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(LoadError::Json {
                    line,
                    column,
                    message,
                }) => {
                    println!("{}:{line}:{column}: {message}", crate::shown(&file));
                    Ok(ExitCode::FAILURE)
                }
                Err(LoadError::Text(e)) => {
                    println!("{}: {e}", crate::shown(&file));
                    Ok(ExitCode::FAILURE)
                }
                Err(LoadError::TooLarge(e)) => {
                    println!("{}: {e}", file.display());
                    Ok(ExitCode::FAILURE)
                }
                Err(LoadError::Invalid(problems)) => {
                    for p in &problems {
                        println!("{}: {p}", crate::shown(&file));
                    }
                    println!("{} problem(s)", problems.len());
                    Ok(ExitCode::FAILURE)
                }
            }
        }
    }
}
