//! Embeds the shipped rule pack. Rules and their tests go into separate statics
//! so that a binary which never runs the rule tests (the browser app) links only
//! the rules. Cargo watches the folder, so an edited or added rule rebuilds.

use std::fmt::Write as _;
use std::path::Path;

fn list(dir: &Path, ext: &str) -> String {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from("&[\n");
    for f in files {
        let name = f
            .strip_prefix(dir.parent().unwrap_or(dir))
            .unwrap_or(&f)
            .display()
            .to_string();
        let name = name.strip_prefix("rules/").unwrap_or(&name).to_string();
        let abs = f.canonicalize().expect("readable rule file");
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push(']');
    out
}

fn main() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    println!("cargo:rerun-if-changed={}", rules.display());
    println!("cargo:rerun-if-changed={}", rules.join("tests").display());
    let code = format!(
        "/// The shipped `rules/*.rhai`: (file name, text).\npub(crate) static SHIPPED_RULES: &[(&str, &str)] = {};\n\n/// The shipped `rules/tests/*.json`: (file name, text).\npub(crate) static SHIPPED_TESTS: &[(&str, &str)] = {};\n",
        list(&rules, "rhai"),
        list(&rules.join("tests"), "json"),
    );
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("shipped.rs");
    std::fs::write(out, code).expect("write shipped.rs");
}
