//! `cargo xtask <command>`: Horizon's build, serve and test automation (`cargo xtask help`).

mod dist;
mod setup;
mod sizes;
mod util;
mod wasm;
mod widget;

use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use util::{cargo, flush, root, run, run_counting, Counts, Result};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup               install what building and testing need (idempotent): the rust target
                      wasm32-unknown-unknown, wasm-bindgen-cli at Cargo.lock's version,
                      npm packages (wasm-opt, playwright-core, axe-core), Debian chromium + chromium-driver
  dist                build the page into dist/: index.html + boot.js + glue + wasm + www files
                      (served form) and horizon.html (one self-contained file for file://)
  serve [--port N]    dist, then serve dist/ on http://127.0.0.1:N/ (default 8080)
  test                every test, stopping at the first failure: setup, cargo test --workspace,
                      the engine for wasm32, dist, the size budget, rule tests, browser tests
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(),
        Some("dist") => setup::build_tools().and_then(|wb| dist::dist(&wb)),
        Some("serve") => serve(&args[1..]),
        Some("test") => test(),
        Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
        None => Err(format!("no command given\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            flush();
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: &[String]) -> Result {
    let port = match args {
        [] => 8080,
        [flag, port] if flag == "--port" => port
            .parse::<u16>()
            .map_err(|_| format!("bad port `{port}`"))?,
        _ => return Err(format!("usage: cargo xtask serve [--port N]\n\n{USAGE}")),
    };
    let wasm_bindgen = setup::build_tools()?;
    dist::dist(&wasm_bindgen)?;
    println!("serving dist/ on http://127.0.0.1:{port}/ (Ctrl-C stops)");
    run(Command::new("node")
        .current_dir(root())
        .args([
            "tests/browser/static-server.mjs",
            "--root",
            "dist",
            "--port",
        ])
        .arg(port.to_string()))
}

type StepFn = Box<dyn FnOnce() -> Result<Counts>>;

/// Runs each step in turn, stops at the first failure, and prints how long each took.
fn test() -> Result {
    let root = root();
    let no_counts = |r: Result| r.map(|()| Counts::default());
    let steps: Vec<(&str, StepFn)> = vec![
        ("setup", Box::new(move || no_counts(setup::all()))),
        (
            "cargo test --workspace",
            Box::new({
                let root = root.clone();
                move || run_counting(cargo().current_dir(&root).args(["test", "--workspace"]))
            }),
        ),
        (
            "cargo check -p horizon-engine --target wasm32-unknown-unknown",
            Box::new({
                let root = root.clone();
                move || {
                    no_counts(run(cargo().current_dir(&root).args([
                        "check",
                        "-p",
                        "horizon-engine",
                        "--target",
                        setup::WASM_TARGET,
                    ])))
                }
            }),
        ),
        (
            // The benchmarks are not run in CI (timings are not deterministic), but they
            // must keep compiling, or the figures they give cannot be reproduced.
            "cargo check -p horizon-engine --benches",
            Box::new({
                let root = root.clone();
                move || {
                    no_counts(run(cargo()
                        .current_dir(&root)
                        .args(["check", "-p", "horizon-engine", "--benches"])))
                }
            }),
        ),
        (
            "dist",
            Box::new(move || no_counts(setup::wasm_bindgen().and_then(|wb| dist::dist(&wb)))),
        ),
        (
            // Sizes are deterministic: a change that adds weight fails here until it
            // updates the budget on purpose. The figures and the goals are printed.
            "size budget (dist/ against crates/xtask/src/sizes.rs)",
            Box::new({
                let root = root.clone();
                move || no_counts(sizes::report(&root.join("dist"), false).and_then(|s| sizes::check(&s)))
            }),
        ),
        (
            "rule tests (horizon test-rules)",
            Box::new({
                let root = root.clone();
                move || {
                    run_counting(cargo().current_dir(&root).args([
                        "run",
                        "--release",
                        "--bin",
                        "horizon",
                        "--",
                        "test-rules",
                    ]))
                }
            }),
        ),
        (
            // The release binary the rule tests just built writes the Word report;
            // Python's standard library reads it back, as an independent reader.
            "Word report read back (python3 tests/docx/check_report.py)",
            Box::new({
                let root = root.clone();
                move || {
                    let horizon = dist::target_dir()?.join("release").join("horizon");
                    run_counting(
                        Command::new("python3")
                            .current_dir(&root)
                            .arg("tests/docx/check_report.py")
                            .arg(horizon),
                    )
                }
            }),
        ),
        (
            "browser tests (node --test tests/browser/)",
            Box::new({
                let root = root.clone();
                move || {
                    run_counting(Command::new("node").current_dir(&root).args([
                        "--test",
                        "--test-reporter=spec",
                        "tests/browser/",
                    ]))
                }
            }),
        ),
    ];

    let total = steps.len();
    let started = Instant::now();
    let mut done: Vec<(&str, Duration)> = Vec::new();
    let mut counts = Counts::default();
    for (i, (name, step)) in steps.into_iter().enumerate() {
        println!("\n=== xtask test: step {}/{total}: {name}", i + 1);
        flush();
        let t = Instant::now();
        let outcome = step();
        let took = t.elapsed();
        match outcome {
            Ok(c) => {
                counts.add(c);
                done.push((name, took));
            }
            Err(e) => {
                summary(&done, Some((name, took)), started.elapsed());
                return Err(format!(
                    "xtask test FAILED at step {}/{total} `{name}` after {:.1} s: {e}",
                    i + 1,
                    took.as_secs_f64()
                ));
            }
        }
    }
    summary(&done, None, started.elapsed());
    if counts.failed > 0 {
        return Err(format!("{} test(s) failed", counts.failed));
    }
    if !counts.seen || counts.passed == 0 {
        return Err("the test runners reported no test at all".into());
    }
    println!("tests: {} passed, {} failed", counts.passed, counts.failed);
    Ok(())
}

fn summary(done: &[(&str, Duration)], failed: Option<(&str, Duration)>, total: Duration) {
    println!("\n=== xtask test summary");
    for (name, took) in done {
        println!("  ok      {:>7.1} s  {name}", took.as_secs_f64());
    }
    if let Some((name, took)) = failed {
        println!("  FAILED  {:>7.1} s  {name}", took.as_secs_f64());
    }
    println!("  total   {:>7.1} s", total.as_secs_f64());
    flush();
}
