//! `cargo xtask setup`: installs what the build and the tests need, idempotently.
//! Each check is fast when the tool is already there; each line says what happened.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use crate::util::{cargo, root, run, stdout_of, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian packages for the tests: the browser (chromium-driver for
/// wasm-bindgen-test-runner) and python3, whose standard library reads the Word report back.
const BROWSER_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "python3"];
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
    let lib = Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .join("lib");
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
        cmd.current_dir(root())
            .args(["metadata", "--format-version", "1", "--quiet"]);
        cmd.stdout(std::process::Stdio::null());
        run(&mut cmd)?;
    }
    let lock = fs::read_to_string(&lock_path)
        .map_err(|e| format!("reading {}: {e}", lock_path.display()))?;
    match versions_in_lock("wasm-bindgen", &lock)?.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err("Cargo.lock has no `wasm-bindgen` package: does crates/web depend on it?".into()),
        many => Err(format!(
            "Cargo.lock has several wasm-bindgen versions ({}); wasm-bindgen-cli must match exactly one",
            many.join(", ")
        )),
    }
}

/// Cargo.lock, as far as we read it: every `[[package]]`'s name and version.
#[derive(Deserialize)]
struct Lock {
    #[serde(default)]
    package: Vec<LockedPackage>,
}

#[derive(Deserialize)]
struct LockedPackage {
    name: String,
    version: String,
}

/// Every version of the package `name` in the text of a Cargo.lock, in file order.
fn versions_in_lock(name: &str, lock: &str) -> Result<Vec<String>> {
    let lock: Lock = toml::from_str(lock).map_err(|e| format!("reading Cargo.lock: {e}"))?;
    Ok(lock
        .package
        .into_iter()
        .filter(|p| p.name == name)
        .map(|p| p.version)
        .collect())
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

/// `npm ci` for wasm-opt (binaryen), playwright-core, axe-core (the browser tests' accessibility
/// checks) and json-rules-engine (bench/rules-engine), unless node_modules matches the lock.
pub fn npm_packages() -> Result {
    let root = root();
    let node = stdout_of(Command::new("node").arg("--version"))
        .ok_or("node is not installed (Debian: apt-get install nodejs npm)")?;
    let major: u32 = node
        .trim()
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        return Err(format!(
            "node {} is too old: playwright-core needs node 20 or later",
            node.trim()
        ));
    }
    let read = |name: &str| fs::read(root.join(name)).map_err(|e| format!("reading {name}: {e}"));
    let mut wanted = read("package.json")?;
    wanted.extend(read("package-lock.json")?);
    let stamp = root.join("node_modules/.horizon-npm-ci-stamp");
    let present = root.join("node_modules/.bin/wasm-opt").exists()
        && root
            .join("node_modules/playwright-core/package.json")
            .exists()
        && root.join("node_modules/axe-core/axe.min.js").exists()
        && root.join("node_modules/json-rules-engine/package.json").exists();
    if present && fs::read(&stamp).ok().as_deref() == Some(wanted.as_slice()) {
        say(
            "npm packages (binaryen, playwright-core, axe-core, json-rules-engine)",
            "already installed",
        );
        return Ok(());
    }
    say(
        "npm packages (binaryen, playwright-core, axe-core, json-rules-engine)",
        "installing (npm ci)",
    );
    run(Command::new("npm")
        .current_dir(&root)
        .args(["ci", "--no-audit", "--no-fund"]))?;
    fs::write(&stamp, wanted).map_err(|e| format!("writing {}: {e}", stamp.display()))
}

fn debian_installed(package: &str) -> bool {
    stdout_of(Command::new("dpkg-query").args(["-W", "-f=${Status}", package]))
        .is_some_and(|s| s.trim() == "install ok installed")
}

/// Debian's chromium, chromium-driver and python3 (never a downloaded browser).
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

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
# This file is automatically @generated by Cargo.
# It is not intended for manual editing.
version = 4

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "0123"
dependencies = [
 "cfg-if",
 "wasm-bindgen-macro",
]

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.131"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "xtask"
version = "0.1.0"
"#;

    #[test]
    fn finds_exact_names_and_their_versions() {
        assert_eq!(versions_in_lock("wasm-bindgen", LOCK).unwrap(), ["0.2.130"]);
        assert_eq!(
            versions_in_lock("wasm-bindgen-macro", LOCK).unwrap(),
            ["0.2.131"]
        );
        assert!(versions_in_lock("wasm", LOCK).unwrap().is_empty());
        let two = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.100\"\n");
        assert_eq!(
            versions_in_lock("wasm-bindgen", &two).unwrap(),
            ["0.2.130", "0.2.100"]
        );
    }

    #[test]
    fn key_order_and_layout_do_not_matter() {
        let lock = "version = 4\n[[package]]\nsource = \"registry\"\nversion = \"0.2.99\"\nname = 'wasm-bindgen'\n";
        assert_eq!(versions_in_lock("wasm-bindgen", lock).unwrap(), ["0.2.99"]);
        assert!(versions_in_lock("wasm-bindgen", "version = 4\n")
            .unwrap()
            .is_empty());
    }

    #[test]
    fn a_broken_lock_is_an_error() {
        assert!(versions_in_lock("wasm-bindgen", "[[package]\n")
            .unwrap_err()
            .starts_with("reading Cargo.lock"));
        assert!(versions_in_lock("wasm-bindgen", "[[package]]\nname = \"x\"\n").is_err());
    }
}
