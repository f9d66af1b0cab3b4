//! `dist/horizon-widget.js` and `dist/horizon-widget.css`: Horizon as a widget in another
//! page (the `<horizon-review>` element, `widget.js`; its Rust side is
//! `crates/web/src/embed.rs`). The script is the widget's code after the import of the
//! glue and boot.js's helpers. The stylesheet is the page's, for a shadow root: what the
//! page styles on `:root` and `body` is styled on the element itself and on the box the
//! app is drawn in.

use std::path::Path;

/// The widget's script file and stylesheet, in `dist/`.
pub const SCRIPT: &str = "horizon-widget.js";
pub const STYLE: &str = "horizon-widget.css";

const WIDGET_JS: &str = include_str!("widget.js");

/// What the widget adds to the page's styles: its own box, and the problems it shows
/// when a host gives it a scenario it cannot open.
const WIDGET_CSS: &str = "\
/* Horizon as a widget (crates/xtask/src/widget.rs): the page's styles, for a shadow root. */
:host { display: block; text-align: left; --horizon-rem: 16px; }
:host([hidden]) { display: none; }
.horizon-widget-problems { border: 4px solid var(--red); padding: 0.75rem 1rem; margin: 0 0 1rem; }
.horizon-widget-problems-title { font-weight: 700; margin: 0 0 0.5rem; }
.horizon-widget-problems ul { margin: 0; padding-left: 1.25rem; }
.horizon-widget-loading { padding: 1rem 1.5rem; }
";

/// The files the widget's script names or holds.
pub struct Files<'a> {
    /// The page module's glue and wasm, beside the script.
    pub glue: &'a str,
    pub wasm: &'a str,
    /// The file formats module's glue (pasted into the script) and wasm (beside it).
    pub formats_glue: &'a str,
    pub formats_wasm: &'a str,
    /// The page module's wasm size, for the loading line's progress.
    pub wasm_bytes: u64,
}

/// The widget's script: `boot` (boot.js) supplies the wasm's compiling, the
/// evaluation's worker and the file formats module's loading, as for the served page.
pub fn script(files: &Files, boot: &str) -> String {
    let Files { glue, wasm, formats_glue, formats_wasm, wasm_bytes } = files;
    format!(
        "import __horizonInit, {{ mount_widget, review_scenario, review_request, review_from_answer, example_scenario }} from './{glue}';\n\
         const __horizonWasmFile = '{wasm}';\n\
         const __horizonWasmBytes = {wasm_bytes};\n\
         const __horizonGlueFile = '{glue}';\n\
         const __horizonFormatsFile = '{formats_wasm}';\n\
         const __horizonWidgetStyle = '{STYLE}';\n\
         {formats_glue}\n{boot}\n{WIDGET_JS}"
    )
}

/// The widget's stylesheet from the page's (`(file name, text)`, in the order the page
/// links them).
pub fn style(sheets: &[(String, String)]) -> String {
    let mut out = String::from(WIDGET_CSS);
    for (name, text) in sheets {
        out += &format!("\n/* {name} */\n{}", for_shadow_root(text));
    }
    // The page's `:root { font-size: 100% }` became the element's: 100 % of the host page's.
    out += "\n/* The widget's own base size, whatever the host page's. */\n:host { font-size: var(--horizon-rem); }\n";
    rem_from_widget(&out)
}

/// Every length in `rem` as a multiple of `--horizon-rem`, which widget.js sets on the
/// element to the browser's own default font size: a host page's root font size (Bootstrap
/// 3's `html { font-size: 10px }`, or 62.5 %) would otherwise shrink everything in the
/// widget. Media queries keep their `rem`: there it is the browser's default already, and a
/// `var()` is not allowed.
fn rem_from_widget(css: &str) -> String {
    css.lines()
        .map(|line| match line.find("@media").and_then(|at| line[at..].find('{').map(|b| at + b)) {
            Some(brace) => format!("{}{}", &line[..brace], rem_to_var(&line[brace..])),
            None if line.trim_start().starts_with("@media") => line.to_string(),
            None => rem_to_var(line),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `1.5rem` → `calc(1.5 * var(--horizon-rem))` in one line of CSS (a leading minus sign
/// goes inside, where a sign belongs).
fn rem_to_var(line: &str) -> String {
    let bytes = line.as_bytes();
    let mut out = String::with_capacity(line.len());
    let mut copied = 0;
    let mut i = 0;
    while let Some(found) = line[i..].find("rem") {
        let at = i + found;
        let end = at + 3;
        i = end;
        let after_ok = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric() && *b != b'-' && *b != b'_');
        let mut start = at;
        while start > copied && (bytes[start - 1].is_ascii_digit() || bytes[start - 1] == b'.') {
            start -= 1;
        }
        if start == at || !after_ok {
            continue;
        }
        if start > 0 && (bytes[start - 1].is_ascii_alphabetic() || bytes[start - 1] == b'_' || bytes[start - 1] == b'#') {
            continue;
        }
        let signed = start > copied
            && bytes[start - 1] == b'-'
            && (start < 2 || matches!(bytes[start - 2], b' ' | b'(' | b':' | b','));
        let from = if signed { start - 1 } else { start };
        out.push_str(&line[copied..from]);
        out.push_str(&format!("calc({} * var(--horizon-rem))", &line[from..at]));
        copied = end;
    }
    out.push_str(&line[copied..]);
    out
}

/// A stylesheet's rules on `:root` and `body` moved to the widget's element and box.
fn for_shadow_root(css: &str) -> String {
    css.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let indent = &line[..line.len() - trimmed.len()];
            if let Some(rest) = trimmed.strip_prefix(":root {") {
                format!("{indent}:host {{{rest}")
            } else if let Some(rest) = trimmed.strip_prefix("body {") {
                format!("{indent}.horizon-widget {{{rest}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Writes both files into `dist`.
pub fn write(dist: &Path, files: &Files, boot: &str, sheets: &[(String, String)]) -> Result<(), String> {
    let put = |name: &str, text: String| {
        std::fs::write(dist.join(name), text).map_err(|e| format!("writing {name}: {e}"))
    };
    put(SCRIPT, script(files, boot))?;
    put(STYLE, style(sheets))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_rules_move_to_the_element_and_its_box() {
        let css = ":root {\n  --text: #000;\n}\nbody { margin: 0; }\n@media (max-width: 40rem) {\n  body { font-size: 1rem; }\n}\n.matrix tbody th { x: y; }\n";
        let out = for_shadow_root(css);
        assert!(out.contains(":host {\n  --text: #000;"));
        assert!(out.contains(".horizon-widget { margin: 0; }"));
        assert!(out.contains("  .horizon-widget { font-size: 1rem; }"));
        assert!(out.contains(".matrix tbody th { x: y; }"), "a rule merely mentioning tbody is kept");
        assert!(!out.contains(":root") && !out.contains("\nbody"));
    }

    #[test]
    fn rem_lengths_follow_the_browsers_default_not_the_host_pages_root() {
        assert_eq!(
            rem_to_var("  margin: 0.5rem -1rem 0 calc(100% - 4rem); transform: translateX(-0.25rem);"),
            "  margin: calc(0.5 * var(--horizon-rem)) calc(-1 * var(--horizon-rem)) 0 calc(100% - calc(4 * var(--horizon-rem))); transform: translateX(calc(-0.25 * var(--horizon-rem)));"
        );
        assert_eq!(rem_to_var(".remove { lorem: 2remx; } #a1rem {}"), ".remove { lorem: 2remx; } #a1rem {}");
        let css = "@media (max-width: 40rem) {\n  h1 { font-size: 1.5rem; }\n}\n@media print { p { margin: 1rem; } }";
        assert_eq!(
            rem_from_widget(css),
            "@media (max-width: 40rem) {\n  h1 { font-size: calc(1.5 * var(--horizon-rem)); }\n}\n@media print { p { margin: calc(1 * var(--horizon-rem)); } }"
        );
    }

    #[test]
    fn the_script_imports_the_glue_and_names_its_files() {
        let files = Files {
            glue: "horizon_web.js",
            wasm: "horizon_web_bg.wasm",
            formats_glue: "let horizonFormats;",
            formats_wasm: "horizon_formats_bg.wasm",
            wasm_bytes: 3_693_771,
        };
        let s = script(&files, "function __horizonCompile() {}");
        assert!(s.starts_with("import __horizonInit, { mount_widget, review_scenario, review_request, review_from_answer, example_scenario } from './horizon_web.js';"));
        assert!(s.contains("const __horizonWasmFile = 'horizon_web_bg.wasm';"));
        assert!(s.contains("const __horizonFormatsFile = 'horizon_formats_bg.wasm';"));
        assert!(s.contains("const __horizonWasmBytes = 3693771;"));
        assert!(s.contains("let horizonFormats;"));
        assert!(s.contains("customElements.define('horizon-review'"));
    }
}
