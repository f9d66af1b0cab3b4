//! wasm-bindgen, then wasm-opt, for each of the page's two wasm modules (`dist.rs`):
//!
//! * [`PAGE`], `horizon_web`: the app, and the evaluation's worker. Its glue is an ES
//!   module (`--target web`) that boot.js imports.
//! * [`FORMATS`], `horizon_formats` (crates/formats): the spreadsheet and Word file
//!   readers and writers, fetched once the app has started and started the first time a
//!   file is read or written. Its glue is a plain script (`--target no-modules`) whose one
//!   name, `horizonFormats`, boot.js uses: so it can be pasted into boot.js, the widget's
//!   script and the one-file page's script without clashing with the page's glue.
//!
//! Both steps take about 40 s for the app; they are skipped when their input, the tools
//! and the flags are what the last run had (a developer's rebuild that changed only
//! www/, or nothing). CI starts from a clean target/, so it always runs them.

use std::fs;
use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::util::{root, run, stdout_of, Result};

pub struct Module {
    /// The crate's lib name, which names wasm-bindgen's output.
    pub lib: &'static str,
    pub bindgen: &'static [&'static str],
}

pub const PAGE: Module = Module { lib: "horizon_web", bindgen: &["--target", "web", "--no-typescript"] };

pub const FORMATS: Module = Module {
    lib: "horizon_formats",
    bindgen: &["--target", "no-modules", "--no-modules-global", "horizonFormats", "--no-typescript"],
};

impl Module {
    /// The glue's file name (`horizon_web.js`).
    pub fn glue(&self) -> String {
        format!("{}.js", self.lib)
    }

    /// The wasm's file name (`horizon_web_bg.wasm`).
    pub fn wasm(&self) -> String {
        format!("{}_bg.wasm", self.lib)
    }
}

/// The WebAssembly features rustc's wasm32-unknown-unknown target emits by default (Rust
/// 1.82+: reference types and multi-value; 1.87+ with LLVM 20: bulk memory and non-trapping
/// float-to-int too). wasm-opt must accept exactly those; every browser since 2023 runs them.
const WASM_FEATURES: &[&str] = &[
    "--enable-mutable-globals",
    "--enable-sign-ext",
    "--enable-nontrapping-float-to-int",
    "--enable-bulk-memory",
    "--enable-bulk-memory-opt",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-call-indirect-overlong",
];

/// Size only: names and producer/feature sections are of no use in the shipped file.
const WASM_OPT_FLAGS: &[&str] = &["--strip-debug", "--strip-producers", "--strip-target-features"];

/// Writes `module`'s glue and optimised wasm into `dist` from `built` (rustc's output),
/// from the cache under `target` when nothing changed.
pub fn bindgen_and_opt(module: &Module, built: &Path, dist: &Path, target: &Path, wasm_bindgen: &Path) -> Result {
    let root = root();
    let (glue, wasm_name) = (module.glue(), module.wasm());
    let cache = target.join("xtask-dist-cache").join(module.lib);
    let key = {
        let mut h = Sha256::new();
        h.update(fs::read(built).map_err(|e| format!("reading {}: {e}", built.display()))?);
        h.update(stdout_of(Command::new(wasm_bindgen).arg("--version")).unwrap_or_default());
        h.update(fs::read(root.join("node_modules/binaryen/package.json")).unwrap_or_default());
        h.update(module.bindgen.join(" "));
        h.update(WASM_FEATURES.join(" "));
        h.update(WASM_OPT_FLAGS.join(" "));
        h.finalize().iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    let wasm = dist.join(&wasm_name);
    let reused = fs::read_to_string(cache.join("key")).ok().as_deref() == Some(key.as_str())
        && [&glue, &wasm_name].iter().all(|name| fs::copy(cache.join(name), dist.join(name)).is_ok());
    if reused {
        println!("wasm-bindgen, wasm-opt ({}): same input as last time, reusing {}", module.lib, cache.display());
        return Ok(());
    }
    run(Command::new(wasm_bindgen).args(module.bindgen).arg("--out-dir").arg(dist).arg(built))?;
    let optimised = dist.join(format!("{}_bg.opt.wasm", module.lib));
    run(Command::new(root.join("node_modules/.bin/wasm-opt"))
        .arg("-Oz")
        .args(WASM_FEATURES)
        .args(WASM_OPT_FLAGS)
        .arg(&wasm)
        .arg("-o")
        .arg(&optimised))?;
    fs::rename(&optimised, &wasm).map_err(|e| format!("renaming {}: {e}", optimised.display()))?;
    let _ = fs::remove_dir_all(&cache);
    let saved = fs::create_dir_all(&cache)
        .and_then(|()| fs::copy(dist.join(&glue), cache.join(&glue)))
        .and_then(|_| fs::copy(&wasm, cache.join(&wasm_name)))
        .and_then(|_| fs::write(cache.join("key"), &key));
    if let Err(e) = saved {
        println!("(could not cache the wasm-opt output in {}: {e})", cache.display());
    }
    Ok(())
}
