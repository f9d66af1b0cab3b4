//! `cargo xtask dist`: builds the browser bundle into dist/, in two forms.
//!
//! * Served form: `index.html`, `boot.js` (with the file formats module's glue in it),
//!   `horizon_web.js` (wasm-bindgen glue), `horizon_web_bg.wasm`, `horizon_formats_bg.wasm`
//!   (fetched once the app has started: `wasm.rs`), and every other file of `www/`
//!   (`style.css`, …), for any static web server, each with `.br` and `.gz` copies for a
//!   server to send in its place (`sizes.rs`).
//! * One-file form: `horizon.html`, the same page with the CSS, both glues and both wasm
//!   modules (gzip'd, as base64, inflated by the browser's `DecompressionStream`) inlined,
//!   which works when opened from disk (`file://`) with no server and no network.
//!
//! `www/index.html` is the template of both: `{{CSP}}` becomes the page's policy and
//! `{{HEAD}}` the stylesheets and scripts.
//!
//! # Content-Security-Policy
//!
//! Both forms carry their policy in a `<meta http-equiv>` tag (the page must work from any
//! static host and from disk, so no response header can be relied on). The aim: once the app
//! is running, the page can send nothing anywhere.
//!
//! One-file form — every directive closed, nothing loaded from anywhere:
//!
//! ```text
//! default-src 'none'; script-src 'sha256-…' 'wasm-unsafe-eval'; style-src 'unsafe-inline';
//! img-src data:; connect-src 'none'; worker-src data:; base-uri 'none'; form-action 'none'
//! ```
//!
//! * `script-src 'sha256-…'`: the hash of the one inline script (glue + wasm + start-up),
//!   computed here; no other script can run, inline or not ('unsafe-inline' is not needed).
//! * `'wasm-unsafe-eval'`: lets the page compile WebAssembly, and nothing else (no `eval`).
//! * `style-src 'unsafe-inline'`: the inlined `<style>` and any `style=""` attributes the app
//!   sets (hashes cannot cover attributes). CSS cannot leak data here: `url()` loads are
//!   governed by img-src/font-src, which allow nothing but data: images.
//!
//! Served form — the page must load its own files from its own origin first:
//!
//! ```text
//! default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline';
//! img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'
//! ```
//!
//! * `connect-src 'self'`: wasm-bindgen's glue `fetch()`es `horizon_web_bg.wasm`, and
//!   connect-src governs fetch, so `'none'` would stop the app loading. The other ways of
//!   getting the wasm without connect-src cost more than they give: shipping it as base64 in
//!   a JS module (script-src) makes the transfer about 30% bigger gzipped (measured: 67.7 KB
//!   → 88.6 KB on the placeholder app) and loses streaming compilation; wasm ES-module
//!   imports are not in browsers yet. `'self'` names no other host: script-src and style-src
//!   already have to allow the page's own origin, so this opens no new destination.
//! * Then `boot.js` closes it: once the wasm is instantiated it adds a second policy,
//!   `connect-src 'none'; img-src data:`. A page enforces every policy it has, and each can
//!   only narrow, so from then on no fetch/XHR/WebSocket/EventSource/beacon can go anywhere,
//!   the page's own server included. The browser tests check this for both forms. Just
//!   before the lock it starts fetching `horizon_formats_bg.wasm` (the file formats module):
//!   a fetch already started goes on under the new policy, so the file arrives, and nothing
//!   is fetched later.
//!
//! Neither policy can stop a top-level navigation (a link or `location = …`): CSP has no
//! directive for that. `base-uri 'none'` and `form-action 'none'` stop a `<base>` or a form
//! post from redirecting to another host.
//!
//! `worker-src`: the rules run in a Web Worker (crates/web/src/worker.rs), started by
//! boot.js. The served form starts it from a Blob URL whose script imports the page's own
//! glue: a module worker's imports count as worker scripts, hence `'self' blob:`. The
//! one-file form starts it from a data: URL holding the glue's text (`data:`): opened from
//! disk the page has an opaque origin, and Chromium refuses a Blob worker there. Either
//! worker inherits the page's policies, the lock included, so it can connect nowhere; the
//! browser tests check that the rules do run in the worker (the page answers a click
//! while a rule runs for seconds). No other worker source is allowed.

use std::fs;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::setup::WASM_TARGET;
use crate::util::{cargo, root, run, stdout_of, Result};
use crate::wasm::{self, FORMATS, PAGE};

const BOOT: &str = "boot.js";
use crate::sizes::{self, ONE_FILE};
use crate::widget;
const BOOT_JS: &str = include_str!("boot.js");

const SERVED_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
    worker-src 'self' blob:; base-uri 'none'; form-action 'none'";

/// The line after the glue in the one-file script: the worker's copy of the glue ends there
/// (boot.js's `__horizonGlueEnd`).
const GLUE_END: &str = "// ---- end of the wasm-bindgen glue ----";

fn one_file_csp(script_hash: &str) -> String {
    format!(
        "default-src 'none'; script-src '{script_hash}' 'wasm-unsafe-eval'; \
         style-src 'unsafe-inline'; img-src data:; connect-src 'none'; \
         worker-src data:; base-uri 'none'; form-action 'none'"
    )
}


fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

fn write(path: &Path, contents: impl AsRef<[u8]>) -> Result {
    fs::write(path, contents).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// Cargo's target directory (honours CARGO_TARGET_DIR and config).
pub fn target_dir() -> Result<PathBuf> {
    let json = stdout_of(cargo().current_dir(root()).args([
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
    ]))
    .ok_or("`cargo metadata` failed")?;
    target_directory_in(&json)
}

/// `target_directory` in `cargo metadata --format-version 1` output.
fn target_directory_in(json: &str) -> Result<PathBuf> {
    #[derive(serde::Deserialize)]
    struct Metadata {
        target_directory: PathBuf,
    }
    let metadata: Metadata =
        serde_json::from_str(json).map_err(|e| format!("reading `cargo metadata` output: {e}"))?;
    Ok(metadata.target_directory)
}

pub fn dist(wasm_bindgen: &Path) -> Result {
    let root = root();
    let published = root.join("dist");
    let www = root.join("www");

    run(cargo().current_dir(&root).args([
        "build",
        "--profile",
        "wasm",
        "--target",
        WASM_TARGET,
        "-p",
        "horizon-web",
        "-p",
        "horizon-formats",
    ]))?;
    let target = target_dir()?;
    let built = |m: &wasm::Module| target.join(WASM_TARGET).join(format!("wasm/{}.wasm", m.lib));

    // Everything is written to a staging folder first and swapped in at the end, so a browser
    // test or a server reading dist/ never sees it half-written (another `cargo xtask dist`
    // may run in the same tree meanwhile).
    let dist = target.join(format!("xtask-dist-staging-{}", std::process::id()));
    if dist.exists() {
        fs::remove_dir_all(&dist).map_err(|e| format!("emptying {}: {e}", dist.display()))?;
    }
    fs::create_dir_all(&dist).map_err(|e| format!("creating {}: {e}", dist.display()))?;

    for module in [&PAGE, &FORMATS] {
        wasm::bindgen_and_opt(module, &built(module), &dist, &target, wasm_bindgen)?;
    }
    let (glue_name, wasm_name) = (PAGE.glue(), PAGE.wasm());
    let wasm = dist.join(&wasm_name);
    // The formats module's glue goes into each start-up script (wasm.rs), not beside them.
    let formats_glue = read(&dist.join(FORMATS.glue()))?.replace("\r\n", "\n");
    fs::remove_file(dist.join(FORMATS.glue())).map_err(|e| format!("removing {}: {e}", FORMATS.glue()))?;
    let formats_wasm = FORMATS.wasm();

    // Static files: everything in www/ but the template.
    copy_dir(&www, &dist, &|p| p == www.join("index.html"))?;
    let mut stylesheets: Vec<String> = fs::read_dir(&www)
        .map_err(|e| format!("reading {}: {e}", www.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The page's own (style.css, style.print.css); embed-example.css is the example host page's.
        .filter(|n| n.starts_with("style") && n.ends_with(".css"))
        .collect();
    stylesheets.sort();

    let template = strip_template_comment(&read(&www.join("index.html"))?);
    for placeholder in ["{{CSP}}", "{{HEAD}}"] {
        if template.matches(placeholder).count() != 1 {
            return Err(format!(
                "www/index.html must contain {placeholder} exactly once"
            ));
        }
    }
    let page = |csp: &str, head: &str| template.replace("{{CSP}}", csp).replace("{{HEAD}}", head);

    // Served form.
    let mut head = String::new();
    for css in &stylesheets {
        head += &format!("<link rel=\"stylesheet\" href=\"{css}\">\n");
    }
    head += &format!("<link rel=\"modulepreload\" href=\"{glue_name}\">\n");
    head += &format!("<link rel=\"preload\" href=\"{wasm_name}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n");
    head += &format!("<script type=\"module\" src=\"{BOOT}\"></script>");
    write(&dist.join("index.html"), page(SERVED_CSP, &head))?;
    // The wasm's size, decoded: the loading line's progress counts decoded bytes.
    let wasm_size = fs::metadata(&wasm).map_err(|e| format!("reading {}: {e}", wasm.display()))?.len();
    write(
        &dist.join(BOOT),
        format!(
            "import __horizonInit from './{glue_name}';\n{formats_glue}\n{BOOT_JS}\nawait __horizonBoot(__horizonInit, new URL('{wasm_name}', import.meta.url), {{ url: new URL('{glue_name}', import.meta.url).href }}, new URL('{formats_wasm}', import.meta.url), {wasm_size});\n"
        ),
    )?;

    // The widget for other pages (widget.rs): its script and the page's styles for a shadow root.
    let sheets = stylesheets
        .iter()
        .map(|css| Ok((css.clone(), read(&www.join(css))?.replace("\r\n", "\n"))))
        .collect::<std::result::Result<Vec<_>, String>>()?;
    widget::write(&dist, &widget::Files { glue: &glue_name, wasm: &wasm_name, formats_glue: &formats_glue, formats_wasm: &formats_wasm, wasm_bytes: wasm_size }, BOOT_JS, &sheets)?;

    // One-file form.
    let glue = read(&dist.join(&glue_name))?.replace("\r\n", "\n");
    let init = default_export(&glue)?;
    let wasm_bytes = fs::read(&wasm).map_err(|e| format!("reading {}: {e}", wasm.display()))?;
    // gzip'd, as the browser's DecompressionStream reads it: base64 of the raw wasm would
    // be four thirds of its size, of the gzip'd wasm about half of it.
    let cache = target.join("xtask-brotli-cache");
    let mut cached = std::collections::BTreeSet::new();
    let mut inline = |bytes: &[u8]| {
        base64::engine::general_purpose::STANDARD.encode(sizes::compressed(&cache, bytes, "gz", sizes::gzip_smallest, &mut cached))
    };
    let wasm_base64 = inline(&wasm_bytes);
    let formats_path = dist.join(&formats_wasm);
    let formats_base64 = inline(&fs::read(&formats_path).map_err(|e| format!("reading {}: {e}", formats_path.display()))?);
    let script = format!(
        "\n{glue}\n{GLUE_END}\n{formats_glue}\n{BOOT_JS}\nawait __horizonBoot({init}, \"{wasm_base64}\", {{ init: '{init}' }}, \"{formats_base64}\");\n"
    );
    check_inline(&script, "script")?;
    let hash = format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()))
    );
    let mut head = String::new();
    for css in &stylesheets {
        let text = read(&www.join(css))?.replace("\r\n", "\n");
        check_inline(&text, "style")?;
        head += &format!("<style>/* {css} */\n{text}</style>\n");
    }
    head += &format!("<script type=\"module\">{script}</script>");
    write(&dist.join(ONE_FILE), page(&one_file_csp(&hash), &head))?;

    sizes::precompress(&dist, &cache, &cached)?;
    publish(&dist, &published, &target)?;
    sizes::report(&published, true)?;
    sizes::report_crates(&built(&PAGE), 12)?;
    println!("dist/ ready: serve it (cargo xtask serve) or open dist/{ONE_FILE} from disk");
    Ok(())
}

/// Replaces `dist` by `staging`: two renames, or a copy if they are on different file systems.
fn publish(staging: &Path, dist: &Path, target: &Path) -> Result {
    let old = target.join(format!("xtask-dist-old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&old);
    if dist.exists() && fs::rename(dist, &old).is_err() {
        fs::remove_dir_all(dist).map_err(|e| format!("removing {}: {e}", dist.display()))?;
    }
    if fs::rename(staging, dist).is_err() {
        fs::create_dir_all(dist).map_err(|e| format!("creating {}: {e}", dist.display()))?;
        copy_dir(staging, dist, &|_| false)?;
        let _ = fs::remove_dir_all(staging);
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Drops the template's own explanatory comment: the first `<!-- … -->` before `<html`.
fn strip_template_comment(template: &str) -> String {
    let html = template.find("<html").unwrap_or(template.len());
    match (template[..html].find("<!--"), template[..html].find("-->")) {
        (Some(start), Some(end)) if start < end => {
            let end = end + "-->".len();
            let end = end + template[end..].len()
                - template[end..].trim_start_matches(['\r', '\n']).len();
            format!("{}{}", &template[..start], &template[end..])
        }
        _ => template.to_string(),
    }
}

/// The local name the glue exports as default (its async init function).
fn default_export(glue: &str) -> Result<String> {
    for (i, _) in glue.match_indices("export {") {
        let body = &glue[i + "export {".len()..];
        let Some(end) = body.find('}') else { continue };
        for item in body[..end].split(',') {
            if let Some(local) = item.trim().strip_suffix(" as default") {
                return Ok(local.trim().to_string());
            }
        }
    }
    if let Some(i) = glue.find("export default ") {
        let rest = &glue[i + "export default ".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
            .collect();
        if !name.is_empty() {
            return Ok(name);
        }
    }
    Err(format!(
        "cannot find the default export (the init function) in the page's glue: has wasm-bindgen's output changed?"
    ))
}

/// Text that the HTML parser would not hand to the element unchanged cannot be inlined
/// (and its CSP hash would not match).
fn check_inline(text: &str, element: &str) -> Result {
    let lower = text.to_ascii_lowercase();
    for bad in [
        format!("</{element}"),
        "<!--".to_string(),
        "<script".to_string(),
        "\0".to_string(),
    ] {
        if lower.contains(&bad) {
            return Err(format!(
                "cannot inline into <{element}>: the text contains {bad:?}"
            ));
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path, skip: &dyn Fn(&Path) -> bool) -> Result {
    let entries = fs::read_dir(from).map_err(|e| format!("reading {}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let src = entry.path();
        if skip(&src) {
            continue;
        }
        let dst = to.join(entry.file_name());
        if src.is_dir() {
            fs::create_dir_all(&dst).map_err(|e| format!("creating {}: {e}", dst.display()))?;
            copy_dir(&src, &dst, skip)?;
        } else {
            fs::copy(&src, &dst).map_err(|e| format!("copying {}: {e}", src.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_target_directory() {
        let json = r#"{"packages":[],"workspace_members":[],"target_directory":"/w/target","version":1,"workspace_root":"/w"}"#;
        assert_eq!(
            target_directory_in(json).unwrap(),
            PathBuf::from("/w/target")
        );
        // Escapes are JSON's, all of them (a Windows path, a quote in a folder name).
        let json = r#"{"target_directory":"C:\\a \"b\"\\target","workspace_root":"C:\\a"}"#;
        assert_eq!(
            target_directory_in(json).unwrap(),
            PathBuf::from(r#"C:\a "b"\target"#)
        );
        assert!(target_directory_in(r#"{"workspace_root":"/w"}"#).is_err());
        assert!(target_directory_in("warning: no JSON").is_err());
    }

    #[test]
    fn finds_the_default_export() {
        assert_eq!(
            default_export("function a(){}\nexport { initSync, __wbg_init as default };\n")
                .unwrap(),
            "__wbg_init"
        );
        assert_eq!(default_export("export default init;").unwrap(), "init");
        assert!(default_export("export { initSync };").is_err());
    }

    #[test]
    fn strips_only_the_template_comment() {
        let t = "<!doctype html>\n<!--\n  about {{CSP}}\n-->\n<html><!-- kept --></html>\n";
        assert_eq!(
            strip_template_comment(t),
            "<!doctype html>\n<html><!-- kept --></html>\n"
        );
        assert_eq!(
            strip_template_comment("<html><!-- kept --></html>"),
            "<html><!-- kept --></html>"
        );
    }

    #[test]
    fn refuses_text_the_parser_would_change() {
        assert!(check_inline("let a = '</SCRIPT>';", "script").is_err());
        assert!(check_inline("a <!-- b", "script").is_err());
        assert!(check_inline("p { color: red }", "style").is_ok());
    }
}
