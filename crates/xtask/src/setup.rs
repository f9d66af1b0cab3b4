//! `cargo xtask setup`: installs what the build and the tests need, idempotently.
//! Each check is fast when the tool is already there; each line says what happened.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::{cargo, root, run, stdout_of, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian packages for the browser tests (chromium-driver for wasm-bindgen-test-runner).
const BROWSER_PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Everything: build tools and the browser.
pub fn all() -> Result {
    build_tools()?;
    browser()
}

/// What `cargo xtask dist` needs. Returns the wasm-bindgen to run.
pub fn build_tools() -> Result<PathBuf> {
    rust_target()?;
    let wasm_bindgen = wasm_bindgen()?;
    npm_packages()?;
    Ok(wasm_bindgen)
}

fn say(what: &str, outcome: &str) {
    println!("setup: {what}: {outcome}");
    crate::util::flush();
}

/// `rustup target add wasm32-unknown-unknown`, unless the active toolchain already has it.
pub fn rust_target() -> Result {
    let what = format!("rust target {WASM_TARGET}");
    let sysroot = stdout_of(Command::new("rustc").args(["--print", "sysroot"]))
        .ok_or("`rustc --print sysroot` failed: is Rust installed?")?;
    let lib = Path::new(sysroot.trim()).join("lib/rustlib").join(WASM_TARGET).join("lib");
    if lib.is_dir() {
        say(&what, "already installed");
        return Ok(());
    }
    say(&what, "installing");
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

/// The version of the `wasm-bindgen` package in Cargo.lock (creating the lock file if absent).
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock_path = root().join("Cargo.lock");
    if !lock_path.exists() {
        say("Cargo.lock", "absent, resolving dependencies");
        let mut cmd = cargo();
        cmd.current_dir(root()).args(["metadata", "--format-version", "1", "--quiet"]);
        cmd.stdout(std::process::Stdio::null());
        run(&mut cmd)?;
    }
    let lock = fs::read_to_string(&lock_path).map_err(|e| format!("reading {}: {e}", lock_path.display()))?;
    let mut versions = Vec::new();
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == r#"name = "wasm-bindgen""# {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix(r#"version = ""#))
                .and_then(|v| v.strip_suffix('"'))
            {
                versions.push(v.to_string());
            }
        }
    }
    match versions.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err("Cargo.lock has no `wasm-bindgen` package: does crates/web depend on it?".into()),
        many => Err(format!(
            "Cargo.lock has several wasm-bindgen versions ({}); wasm-bindgen-cli must match exactly one",
            many.join(", ")
        )),
    }
}

fn wasm_bindgen_version(program: &Path) -> Option<String> {
    let out = stdout_of(Command::new(program).arg("--version"))?;
    // "wasm-bindgen 0.2.130"
    out.split_whitespace().nth(1).map(str::to_string)
}

/// wasm-bindgen-cli at exactly the version in Cargo.lock; returns the program to run.
pub fn wasm_bindgen() -> Result<PathBuf> {
    let want = locked_wasm_bindgen_version()?;
    let what = format!("wasm-bindgen-cli {want}");
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let mut candidates = vec![PathBuf::from("wasm-bindgen")];
    if let Some(home) = cargo_home {
        candidates.insert(0, home.join("bin/wasm-bindgen"));
    }
    let find = || {
        candidates
            .iter()
            .find(|p| wasm_bindgen_version(p).as_deref() == Some(want.as_str()))
            .cloned()
    };
    if let Some(found) = find() {
        say(&what, "already installed");
        return Ok(found);
    }
    say(&what, "installing (cargo install, about 2 minutes)");
    // Not --locked: the CLI's own lock file names a crate release this registry lacks.
    run(cargo().args(["install", "wasm-bindgen-cli", "--version", &want]))?;
    find().ok_or_else(|| {
        format!("installed wasm-bindgen-cli {want}, but no wasm-bindgen reports that version; check PATH")
    })
}

/// `npm ci` for wasm-opt (binaryen) and playwright-core, unless node_modules matches the lock.
pub fn npm_packages() -> Result {
    let root = root();
    let node = stdout_of(Command::new("node").arg("--version"))
        .ok_or("node is not installed (Debian: apt-get install nodejs npm)")?;
    let major: u32 = node.trim().trim_start_matches('v').split('.').next().and_then(|m| m.parse().ok()).unwrap_or(0);
    if major < 20 {
        return Err(format!("node {} is too old: playwright-core needs node 20 or later", node.trim()));
    }
    let read = |name: &str| fs::read(root.join(name)).map_err(|e| format!("reading {name}: {e}"));
    let mut wanted = read("package.json")?;
    wanted.extend(read("package-lock.json")?);
    let stamp = root.join("node_modules/.horizon-npm-ci-stamp");
    let present = root.join("node_modules/.bin/wasm-opt").exists()
        && root.join("node_modules/playwright-core/package.json").exists();
    if present && fs::read(&stamp).ok().as_deref() == Some(wanted.as_slice()) {
        say("npm packages (binaryen, playwright-core)", "already installed");
        return Ok(());
    }
    say("npm packages (binaryen, playwright-core)", "installing (npm ci)");
    run(Command::new("npm").current_dir(&root).args(["ci", "--no-audit", "--no-fund"]))?;
    fs::write(&stamp, wanted).map_err(|e| format!("writing {}: {e}", stamp.display()))
}

fn debian_installed(package: &str) -> bool {
    stdout_of(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|s| s.trim() == "install ok installed")
}

/// Debian's chromium and chromium-driver (never a downloaded browser).
pub fn browser() -> Result {
    let what = BROWSER_PACKAGES.join(" + ");
    if BROWSER_PACKAGES.iter().all(|p| debian_installed(p)) && Path::new(CHROMIUM).exists() {
        say(&what, "already installed");
        return Ok(());
    }
    let is_root = stdout_of(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
    if !is_root {
        return Err(format!(
            "{what} missing; install as root: apt-get update && apt-get install -y {}",
            BROWSER_PACKAGES.join(" ")
        ));
    }
    say(&what, "installing (apt-get update, apt-get install)");
    run(Command::new("apt-get").args(["update", "-q"]))?;
    run(Command::new("apt-get")
        .env("DEBIAN_FRONTEND", "noninteractive")
        .args(["install", "-y", "-q"])
        .args(BROWSER_PACKAGES))
}
