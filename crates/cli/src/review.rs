//! `horizon review`: the suggested changes as text, JSON, Markdown or a Word report,
//! to standard output or a file.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use horizon_engine::{evaluate, firmness_all, report, Limits};

use crate::{align, load_scenario, word, Failure, PackArgs};

/// What `review` writes: the three text formats, or a Word report.
#[derive(Clone, Copy, ValueEnum)]
pub enum ReviewFormat {
    Text,
    Json,
    Markdown,
    /// A Word report (.docx): to the file -o names, or to standard output when that is a file or a pipe.
    Docx,
}

/// Run the rules over a scenario and print the suggested changes.
#[derive(clap::Args)]
pub struct ReviewArgs {
    /// A scenario JSON file (default: the embedded Kent March 2016 review).
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Review this plan (by id) instead of the one the file has under review.
    #[arg(long)]
    pub plan: Option<String>,
    #[command(flatten)]
    pub pack: PackArgs,
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReviewFormat,
    /// Write the report to this file instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A scenario the report is compared with: the Word report's title block says
    /// how the inputs differ from it (a what-if against its baseline).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// The Word report's date, as YYYY-MM-DD (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Say for each suggestion what would have to change for it to go or to move
    /// (re-evaluates changed copies: takes a few seconds).
    #[arg(long)]
    pub firmness: bool,
}

pub fn run(args: ReviewArgs) -> Result<ExitCode, Failure> {
    let ReviewArgs {
        scenario,
        plan,
        pack,
        format,
        output,
        baseline,
        date,
        firmness,
    } = args;
    if !matches!(format, ReviewFormat::Docx | ReviewFormat::Markdown)
        && (baseline.is_some() || date.is_some())
    {
        return Err(Failure(
            "--baseline and --date are for the Word and Markdown reports: add --format docx or --format markdown".into(),
        ));
    }
    let mut sc = load_scenario(scenario.as_deref())?;
    align::choose_plan(&mut sc, plan.as_deref())?;
    let base = match &baseline {
        Some(path) => {
            let mut b = load_scenario(Some(path))?;
            align::choose_plan(&mut b, plan.as_deref())?;
            Some(b)
        }
        None => None,
    };
    let date = match date.as_deref() {
        Some(d) => Some(word::parse_date(d)?),
        None => None,
    };
    let (pack, settings) = pack.load()?;
    let eval = evaluate(&sc, &pack, &settings, &Limits::default());
    let firm = if firmness {
        firmness_all(&sc, &pack, &settings, &Limits::default())
    } else {
        Vec::new()
    };
    let context = || {
        word::context(
            date.unwrap_or_else(word::today),
            scenario.as_deref(),
            &sc,
            baseline.as_deref().zip(base.as_ref()),
        )
    };
    let out = match format {
        ReviewFormat::Text => report::text_with(&eval, &sc, &firm),
        ReviewFormat::Json => report::json_with(&eval, &sc, &firm),
        ReviewFormat::Markdown => horizon_docx::markdown(&horizon_docx::ReportInput {
            scenario: &sc,
            evaluation: &eval,
            rules: &pack,
            settings: &settings,
            context: &context(),
            firmness: &firm,
        }),
        ReviewFormat::Docx => {
            word::write(&sc, &eval, &pack, &settings, &context(), &firm, output.as_deref())?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    // Read on a terminal or pasted: user text's escape sequences and direction
    // overrides are shown, never obeyed (in JSON as `\uXXXX`, the same JSON).
    let out = match format {
        ReviewFormat::Json => horizon_model::json_for_terminal(&out).into_owned(),
        _ => horizon_model::for_terminal(&out).into_owned(),
    };
    match &output {
        Some(path) => std::fs::write(path, format!("{out}\n"))
            .map_err(|e| Failure(format!("cannot write {}: {e}", crate::shown(path))))?,
        // A closed pipe (`| head`) ends the output quietly, as other tools do.
        None => {
            use std::io::Write;
            let _ = writeln!(std::io::stdout(), "{out}");
        }
    }
    let broken = eval.diagnostics().count();
    if broken > 0 && matches!(format, ReviewFormat::Text) {
        eprintln!("horizon: {broken} rule diagnostic(s); see the Rules section above");
    }
    Ok(ExitCode::SUCCESS)
}
