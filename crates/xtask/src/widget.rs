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
:host { display: block; text-align: left; }
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
}

/// The widget's script: `boot` (boot.js) supplies the wasm's compiling, the
/// evaluation's worker and the file formats module's loading, as for the served page.
pub fn script(files: &Files, boot: &str) -> String {
    let Files { glue, wasm, formats_glue, formats_wasm } = files;
    format!(
        "import __horizonInit, {{ mount_widget, review_scenario, review_request, review_from_answer, example_scenario }} from './{glue}';\n\
         const __horizonWasmFile = '{wasm}';\n\
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
    fn the_script_imports_the_glue_and_names_its_files() {
        let files = Files {
            glue: "horizon_web.js",
            wasm: "horizon_web_bg.wasm",
            formats_glue: "let horizonFormats;",
            formats_wasm: "horizon_formats_bg.wasm",
        };
        let s = script(&files, "function __horizonCompile() {}");
        assert!(s.starts_with("import __horizonInit, { mount_widget, review_scenario, review_request, review_from_answer, example_scenario } from './horizon_web.js';"));
        assert!(s.contains("const __horizonWasmFile = 'horizon_web_bg.wasm';"));
        assert!(s.contains("const __horizonFormatsFile = 'horizon_formats_bg.wasm';"));
        assert!(s.contains("let horizonFormats;"));
        assert!(s.contains("customElements.define('horizon-review'"));
    }
}
