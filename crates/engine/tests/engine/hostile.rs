//! The hostile corpus: every file in `tests/hostile/` is one rule a careless or
//! hostile author might write, with what must become of it in its header:
//!
//! ```text
//! // expect: time_limit | operations_limit
//! // time_limit_ms: default
//! // max_operations: 50000000
//! // says: only the first 500 are kept
//! ```
//!
//! `expect` names the diagnostic kind the rule must get (any one of several, where
//! which limit is reached first depends on the machine's speed), or `ok` for a rule
//! that is contained by design and gets none. Each `says` line is text one of its
//! diagnostics must hold. Each case runs beside the shipped pack over the Kent
//! example: the shipped rules must still suggest exactly what they suggest without
//! it, every reason they give must still be there, and no diagnostic may be longer
//! than the engine's text bound or more numerous than its diagnostics bound. The
//! corpus runs with a 200 ms time limit per rule unless a case asks for the default
//! (`time_limit_ms: default`) or its own, and with the default operations limit
//! unless it raises it (`max_operations`), to reach the bounds outside the sandbox.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use horizon_engine::{
    evaluate, parse_rules, shipped_pack, shipped_rule_files, DiagnosticKind, Evaluation, Limits,
    RuleFile, RuleStatus, RuleTrace, Settings,
};

use super::kent;

/// The corpus's own time limit: long enough for any shipped rule on a busy machine,
/// short enough that sixty runaway rules finish in seconds.
const CORPUS_TIME_LIMIT_MS: u64 = 200;

/// A safety net only: a case that takes this long has escaped its limits.
const NO_CASE_TAKES: Duration = Duration::from_secs(30);

struct Case {
    name: String,
    text: String,
    expect: Vec<Option<DiagnosticKind>>,
    time_limit_ms: Option<u64>,
    max_operations: Option<u64>,
    says: Vec<String>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn kind_named(word: &str) -> Result<Option<DiagnosticKind>, String> {
    if word == "ok" {
        return Ok(None);
    }
    serde_json::from_value(serde_json::Value::String(word.to_string()))
        .map(Some)
        .map_err(|_| format!("\"{word}\" is not a diagnostic kind"))
}

/// The header comment `// name: value`, if the file has one.
fn field<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    fields(text, name).into_iter().next()
}

/// Every header comment `// name: value`.
fn fields<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    text.lines().filter_map(|l| {
        l.strip_prefix("//")
            .filter(|r| !r.starts_with('!'))
            .and_then(|r| r.trim().strip_prefix(name))
            .and_then(|r| r.trim_start().strip_prefix(':'))
            .map(str::trim)
    })
    .collect()
}

fn read_case(path: &Path) -> Result<Case, String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
    let expect = field(&text, "expect")
        .ok_or_else(|| format!("{name}: no `// expect: KIND` line"))?
        .split('|')
        .map(|w| kind_named(w.trim()).map_err(|e| format!("{name}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let time_limit_ms = match field(&text, "time_limit_ms") {
        None => Some(CORPUS_TIME_LIMIT_MS),
        Some("default") => None,
        Some(ms) => Some(
            ms.parse()
                .map_err(|_| format!("{name}: time_limit_ms: {ms}?"))?,
        ),
    };
    let max_operations = field(&text, "max_operations")
        .map(|n| n.parse().map_err(|_| format!("{name}: max_operations: {n}?")))
        .transpose()?;
    let says = fields(&text, "says").into_iter().map(String::from).collect();
    Ok(Case {
        name,
        expect,
        time_limit_ms,
        max_operations,
        says,
        text,
    })
}

fn cases() -> Vec<Case> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("the corpus folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "rhai"))
        .collect();
    paths.sort();
    let (cases, problems): (Vec<_>, Vec<_>) =
        paths.iter().map(|p| read_case(p)).partition(Result::is_ok);
    let problems: Vec<String> = problems.into_iter().filter_map(Result::err).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    cases.into_iter().filter_map(Result::ok).collect()
}

/// What a shipped rule did, as a reader of the report would see it.
fn seen(t: &RuleTrace) -> String {
    format!(
        "{} {:?} {} suggestion(s) {:?} {:?}",
        t.rule, t.status, t.suggestions, t.diagnostics, t.not_suggested
    )
}

fn shipped_traces(e: &Evaluation) -> Vec<String> {
    e.trace
        .iter()
        .filter(|t| t.rule != "hostile")
        .map(seen)
        .collect()
}

/// Every reason a rule other than the hostile one gives, with the suggestion it is
/// for (listed or folded under another), as the reports would show them.
fn shipped_reasons(e: &Evaluation) -> Vec<String> {
    fn walk(x: &horizon_engine::Suggestion, out: &mut Vec<String>) {
        for r in x.reasons.iter().filter(|r| r.rule != "hostile") {
            out.push(format!("{} {} {} {}", x.id(), r.rule, r.score, r.text));
        }
        for y in &x.also_covers {
            walk(y, out);
        }
    }
    let mut out = Vec::new();
    for x in &e.suggestions {
        walk(x, &mut out);
    }
    out.sort();
    out
}

fn settings(time_limit_ms: Option<u64>) -> Settings {
    Settings {
        time_limit_ms,
        ..Settings::default()
    }
}

#[test]
fn every_hostile_rule_gets_its_diagnostic_and_the_shipped_rules_are_untouched() {
    let s = kent();
    let cases = cases();
    assert!(cases.len() >= 60, "the corpus has {} cases", cases.len());
    assert!(
        cases.iter().any(|c| c.time_limit_ms.is_none()),
        "at least one case runs with the default time limit"
    );
    let baseline = evaluate(
        &s,
        &shipped_pack(),
        &settings(Some(CORPUS_TIME_LIMIT_MS)),
        &Limits::default(),
    );
    assert_eq!(
        baseline.diagnostics().count(),
        0,
        "the shipped pack runs cleanly"
    );
    let mut failures = Vec::new();
    for case in &cases {
        let mut files = shipped_rule_files();
        files.push(RuleFile {
            name: format!("zz-{}", case.name),
            text: case.text.clone(),
        });
        let limits = Limits {
            max_operations: case.max_operations.unwrap_or(Limits::default().max_operations),
            ..Limits::default()
        };
        let started = Instant::now();
        let eval = evaluate(&s, &parse_rules(&files), &settings(case.time_limit_ms), &limits);
        let took = started.elapsed();
        // Shown with --nocapture: the time to containment of each case.
        eprintln!("{:>8.1} ms  {}", took.as_secs_f64() * 1000.0, case.name);
        let Some(hostile) = eval.trace.iter().find(|t| t.rule == "hostile") else {
            failures.push(format!("{}: the rule did not run", case.name));
            continue;
        };
        let got: Vec<DiagnosticKind> = hostile.diagnostics.iter().map(|d| d.kind).collect();
        let as_expected = case.expect.iter().any(|want| match want {
            None => got.is_empty() && hostile.status != RuleStatus::Failed,
            Some(kind) => got.contains(kind),
        });
        if !as_expected {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name,
                case.expect,
                hostile
                    .diagnostics
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
            ));
        }
        let judged_after = |k: &Option<DiagnosticKind>| {
            matches!(
                k,
                None | Some(DiagnosticKind::BadEvidence | DiagnosticKind::BadSuggestion)
            )
        };
        if !case.expect.iter().any(judged_after)
            && (hostile.status != RuleStatus::Failed || hostile.suggestions > 0)
        {
            failures.push(format!(
                "{}: a stopped rule must fail and add nothing",
                case.name
            ));
        }
        for want in &case.says {
            if !hostile.diagnostics.iter().any(|d| d.message.contains(want.as_str())) {
                failures.push(format!(
                    "{}: no diagnostic says \"{want}\": {:?}",
                    case.name,
                    hostile.diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>()
                ));
            }
        }
        if let Some(d) = hostile
            .diagnostics
            .iter()
            .find(|d| d.message.chars().count() > limits.max_text_chars)
        {
            failures.push(format!(
                "{}: a diagnostic of {} characters",
                case.name,
                d.message.chars().count()
            ));
        }
        // The diagnostics kept, the one saying how many more, one per bound passed
        // and what stopped the rule.
        if hostile.diagnostics.len() > limits.max_diagnostics + 6 {
            failures.push(format!("{}: {} diagnostics", case.name, hostile.diagnostics.len()));
        }
        if hostile.suggestions > limits.max_suggestions {
            failures.push(format!("{}: {} suggestions kept", case.name, hostile.suggestions));
        }
        if shipped_reasons(&eval) != shipped_reasons(&baseline) {
            failures.push(format!(
                "{}: the shipped rules' reasons changed beside it",
                case.name
            ));
        }
        if shipped_traces(&eval) != shipped_traces(&baseline) {
            failures.push(format!(
                "{}: the shipped rules did something else beside it",
                case.name
            ));
        }
        if hostile.suggestions == 0 && eval.suggestions != baseline.suggestions {
            failures.push(format!("{}: the suggestions changed", case.name));
        }
        if took > NO_CASE_TAKES {
            failures.push(format!("{}: took {took:?}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn a_case_without_an_expectation_is_refused() {
    let dir = std::env::temp_dir().join(format!("horizon-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("no-expectation.rhai");
    std::fs::write(&path, "//! id: hostile\n//! title: Hostile\nloop {}\n").unwrap();
    let said = read_case(&path).err().unwrap_or_default();
    assert!(said.contains("no `// expect: KIND` line"), "{said}");
    std::fs::write(
        &path,
        "//! id: hostile\n//! title: Hostile\n// expect: on_fire\n",
    )
    .unwrap();
    let said = read_case(&path).err().unwrap_or_default();
    assert!(
        said.contains("\"on_fire\" is not a diagnostic kind"),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Saved settings are not typed in: a parameter of NaN or infinity reaches the
/// engine as a number, and is refused there like any out-of-range value.
#[test]
fn a_parameter_of_nan_or_infinity_is_refused_and_the_default_used() {
    use horizon_engine::ParamValue;
    let s = kent();
    let baseline = evaluate(
        &s,
        &shipped_pack(),
        &Settings::default(),
        &Limits::default(),
    );
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let mut settings = Settings::default();
        settings.params.insert(
            "retain-supported-focus-areas".into(),
            [("min_support".to_string(), ParamValue::Number(bad))].into(),
        );
        let eval = evaluate(&s, &shipped_pack(), &settings, &Limits::default());
        let said: Vec<String> = eval.diagnostics().map(|d| d.to_string()).collect();
        assert!(
            eval.diagnostics()
                .any(|d| d.kind == DiagnosticKind::BadParameter
                    && d.message.contains("must be a finite number")
                    && d.message.contains("the default 0.25 was used")),
            "{bad}: {said:?}"
        );
        assert_eq!(eval.suggestions, baseline.suggestions, "{bad}");
    }
}

/// Saved projects and the page's worker carry limits and settings as JSON: what was
/// saved before the time limit existed still reads, with the default time limit.
#[test]
fn limits_and_settings_saved_without_a_time_limit_still_read() {
    let old: Limits = serde_json::from_str(r#"{"max_operations": 5000}"#).unwrap();
    assert_eq!(old.max_operations, 5000);
    assert_eq!(old.time_limit_ms, horizon_engine::DEFAULT_TIME_LIMIT_MS);
    let old: Settings = serde_json::from_str(r#"{"disabled": {"x": true}}"#).unwrap();
    assert_eq!(old.time_limit_ms, None);
    assert_eq!(
        serde_json::to_string(&old).unwrap(),
        r#"{"disabled":{"x":true}}"#
    );
    let set = settings(Some(1000));
    let back: Settings = serde_json::from_str(&serde_json::to_string(&set).unwrap()).unwrap();
    assert_eq!(back, set);
    assert_eq!(Limits::default().for_pack(&set).time_limit_ms, 1000);
    assert_eq!(
        Limits::default().for_pack(&settings(Some(0))).time_limit_ms,
        1
    );
    assert_eq!(
        Limits::default()
            .for_pack(&settings(Some(u64::MAX)))
            .time_limit_ms,
        horizon_engine::MAX_TIME_LIMIT_MS
    );
}
