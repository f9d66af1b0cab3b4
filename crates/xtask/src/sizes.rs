//! What the page costs to send: the pre-compressed copies `cargo xtask dist` writes beside
//! each served file (`.br`, brotli at its best setting, and `.gz`, gzip by zopfli), the
//! size table it prints, the share of the wasm's code by crate, and the budget CI checks.
//!
//! The share by crate is read from the wasm as rustc built it, before wasm-bindgen and
//! wasm-opt (whose output has no names): each function's body is counted to the crate
//! that defines it (for a trait impl, the crate of the type), so generic code from
//! `core` and `alloc` instantiated for our types counts to `core` and `alloc`. wasm-opt
//! shrinks the whole by about a quarter; the shares are what to cut first.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::util::{thousands, Result};

/// The file opened from disk, not served: it is not pre-compressed.
pub const ONE_FILE: &str = "horizon.html";

/// Past these the size check fails: the figures of the last change that moved them,
/// with about 2 % room, so a change that adds weight says so and updates them on purpose.
pub const BUDGET: Budget = Budget {
    served_brotli: 1_487_000,
    served_gzip: 1_891_000,
    first_brotli: 1_021_000,
    one_file_raw: 2_627_000,
};

/// The goals of issue 12, printed beside the figures until they are reached.
pub const GOAL: Budget = Budget {
    served_brotli: 350_000,
    served_gzip: 450_000,
    first_brotli: 350_000,
    one_file_raw: 1_600_000,
};

/// The file formats module (crates/formats): served, but fetched only once the app has
/// started, so not part of what a browser waits for before the first suggestions.
pub const AFTER_START: &str = "horizon_formats_bg.wasm";

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Every served file's `.br`, summed: what a browser downloads from a server that
    /// sends the pre-compressed copies.
    pub served_brotli: u64,
    pub served_gzip: u64,
    /// The same without [`AFTER_START`]: what a browser downloads before the first
    /// suggestions.
    pub first_brotli: u64,
    /// horizon.html as it is on disk.
    pub one_file_raw: u64,
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("gzip to memory");
    gz.finish().expect("gzip to memory")
}

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: bytes.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli to memory");
    out
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    for entry in fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files_under(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn is_copy(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

/// gzip as small as zopfli makes it (one iteration): what is sent as `.gz` and what the
/// one-file page inlines. On the wasm it is about 4 % smaller than deflate level 9 and
/// takes seconds, so it is kept in `cache` like the brotli copies ([`compressed`]).
pub fn gzip_smallest(bytes: &[u8]) -> Vec<u8> {
    let options = zopfli::Options { iteration_count: std::num::NonZeroU64::MIN, ..Default::default() };
    let mut out = Vec::new();
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out).expect("gzip to memory");
    out
}

/// `make(bytes)`, kept in `cache` under the SHA-256 of `bytes` and `ext` and reused while
/// they are unchanged; the cache file's path is added to `used`.
pub fn compressed(
    cache: &Path,
    bytes: &[u8],
    ext: &str,
    make: fn(&[u8]) -> Vec<u8>,
    used: &mut std::collections::BTreeSet<PathBuf>,
) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let kept = cache.join(format!("{:x}.{ext}", Sha256::digest(bytes)));
    used.insert(kept.clone());
    if let Ok(packed) = fs::read(&kept) {
        return packed;
    }
    let packed = make(bytes);
    // A cache that cannot be written costs only time next run.
    let _ = fs::create_dir_all(cache).and_then(|()| fs::write(&kept, &packed));
    packed
}

/// Writes `name.br` and `name.gz` beside every served file under `dist`. Brotli at its
/// best setting takes tens of seconds over the wasm, so each copy is kept in `cache`
/// ([`compressed`]); cache files neither this nor `also_used` needs are removed.
pub fn precompress(dist: &Path, cache: &Path, also_used: &std::collections::BTreeSet<PathBuf>) -> Result {
    let mut files = Vec::new();
    files_under(dist, &mut files)?;
    let mut used = also_used.clone();
    for path in files.iter().filter(|p| !is_copy(p) && !p.ends_with(ONE_FILE)) {
        let bytes = fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        let br = compressed(cache, &bytes, "br", brotli, &mut used);
        let gz = compressed(cache, &bytes, "gz", gzip_smallest, &mut used);
        for (ext, packed) in [("br", br), ("gz", gz)] {
            let mut name = path.as_os_str().to_owned();
            name.push(format!(".{ext}"));
            fs::write(&name, packed).map_err(|e| format!("writing {name:?}: {e}"))?;
        }
    }
    // Only this build's copies are kept.
    for old in fs::read_dir(cache).into_iter().flatten().flatten() {
        if !used.contains(&old.path()) {
            let _ = fs::remove_file(old.path());
        }
    }
    Ok(())
}

/// Reads the sizes of `dist` (after [`precompress`]), printing them file by file if `print`.
pub fn report(dist: &Path, print: bool) -> Result<Budget> {
    macro_rules! println {
        ($($t:tt)*) => { if print { std::println!($($t)*) } };
    }
    let mut files = Vec::new();
    files_under(dist, &mut files)?;
    files.sort();
    let len = |p: &Path| fs::metadata(p).map(|m| m.len()).map_err(|e| format!("reading {}: {e}", p.display()));
    println!("dist/ sizes (bytes; brotli at quality 11, gzip by zopfli, as sent by a server):");
    println!("  {:<28} {:>12} {:>12} {:>12}", "file", "raw", "gzip", "brotli");
    let mut total = Budget { served_brotli: 0, served_gzip: 0, first_brotli: 0, one_file_raw: 0 };
    let mut served_raw = 0;
    for path in files.iter().filter(|p| !is_copy(p)) {
        let name = path.strip_prefix(dist).unwrap_or(path).to_string_lossy().into_owned();
        let raw = len(path)?;
        if name == ONE_FILE {
            let bytes = fs::read(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
            println!("  {:<28} {:>12} {:>12} {:>12}", name, thousands(raw), thousands(gzip(&bytes).len() as u64), "(from disk)");
            total.one_file_raw = raw;
            continue;
        }
        let with = |ext: &str| len(&PathBuf::from(format!("{}.{ext}", path.display())));
        let (gz, br) = (with("gz")?, with("br")?);
        // The widget's own files and the example host page are not sent with Horizon's page.
        if name.starts_with("horizon-widget") || name.starts_with("embed-example") {
            println!("  {:<28} {:>12} {:>12} {:>12}  (widget)", name, thousands(raw), thousands(gz), thousands(br));
            continue;
        }
        let after = name == AFTER_START;
        println!("  {:<28} {:>12} {:>12} {:>12}{}", name, thousands(raw), thousands(gz), thousands(br), if after { "  (after start)" } else { "" });
        served_raw += raw;
        total.served_gzip += gz;
        total.served_brotli += br;
        if !after {
            total.first_brotli += br;
        }
    }
    println!(
        "  served form (all but {ONE_FILE} and the widget's): {} bytes raw, {} gzip, {} brotli",
        thousands(served_raw),
        thousands(total.served_gzip),
        thousands(total.served_brotli)
    );
    println!(
        "  before the first suggestions (all but {AFTER_START}, fetched once the app has started): {} brotli",
        thousands(total.first_brotli)
    );
    Ok(total)
}

/// The crate a (mangled) function name belongs to: the first path segment, or for a
/// trait impl `<T as Trait>::f`, the crate of `T`.
fn crate_of(mangled: &str) -> String {
    let name = format!("{:#}", rustc_demangle::demangle(mangled));
    let start = name.trim_start_matches(['<', '&', '*', '(', '[', ' ']);
    let start = start.strip_prefix("mut ").or_else(|| start.strip_prefix("dyn ")).unwrap_or(start);
    let start = start.strip_prefix("const ").unwrap_or(start);
    match start.find("::") {
        Some(i) if start[..i].chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => start[..i].to_string(),
        _ if mangled.starts_with("__wbindgen") || mangled.starts_with("__wbg") => "wasm_bindgen".into(),
        _ => "(other)".into(),
    }
}

/// Code bytes by crate in `wasm` (which must keep its name section), largest first.
pub fn code_by_crate(wasm: &[u8]) -> Result<Vec<(String, u64)>> {
    use wasmparser::{Name, Parser, Payload};
    let mut imported = 0u32;
    let mut bodies: Vec<u64> = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| format!("reading the wasm: {e}"))? {
            Payload::ImportSection(s) => {
                for import in s {
                    let import = import.map_err(|e| e.to_string())?;
                    if matches!(import.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len() as u64),
            Payload::CustomSection(c) => {
                if let wasmparser::KnownCustom::Name(reader) = c.as_known() {
                    for sub in reader {
                        if let Ok(Name::Function(map)) = sub {
                            for n in map.into_iter().flatten() {
                                names.insert(n.index, n.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut by: BTreeMap<String, u64> = BTreeMap::new();
    for (i, size) in bodies.iter().enumerate() {
        let who = names.get(&(imported + i as u32)).map_or("(unnamed)".to_string(), |n| crate_of(n));
        *by.entry(who).or_default() += size;
    }
    let mut out: Vec<(String, u64)> = by.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// Prints the share of the wasm's code by crate: the `top` largest, then the rest.
pub fn report_crates(built: &Path, top: usize) -> Result {
    let wasm = fs::read(built).map_err(|e| format!("reading {}: {e}", built.display()))?;
    let crates = code_by_crate(&wasm)?;
    let total: u64 = crates.iter().map(|c| c.1).sum();
    if total == 0 {
        return Ok(());
    }
    println!("wasm code by crate (before wasm-opt, {} bytes of function bodies):", thousands(total));
    let pct = |n: u64| format!("{:.1} %", n as f64 * 100.0 / total as f64);
    for (name, size) in crates.iter().take(top) {
        println!("  {:<28} {:>12} {:>8}", name, thousands(*size), pct(*size));
    }
    let rest: u64 = crates.iter().skip(top).map(|c| c.1).sum();
    println!("  {:<28} {:>12} {:>8}", format!("{} others", crates.len().saturating_sub(top)), thousands(rest), pct(rest));
    Ok(())
}

/// Compares the sizes with [`BUDGET`] and [`GOAL`], printing each; fails past a budget.
pub fn check(sizes: &Budget) -> Result {
    let rows = [
        ("served form, brotli", sizes.served_brotli, BUDGET.served_brotli, GOAL.served_brotli),
        ("served form, gzip", sizes.served_gzip, BUDGET.served_gzip, GOAL.served_gzip),
        ("to first suggestions, brotli", sizes.first_brotli, BUDGET.first_brotli, GOAL.first_brotli),
        ("horizon.html, raw", sizes.one_file_raw, BUDGET.one_file_raw, GOAL.one_file_raw),
    ];
    println!("size budget (bytes):         {:>12} {:>12} {:>12}", "now", "budget", "goal");
    let mut over = Vec::new();
    for (what, now, budget, goal) in rows {
        let goal_words = if now <= goal { "reached".to_string() } else { format!("{:.2}× the goal", now as f64 / goal as f64) };
        println!("  {what:<28} {:>12} {:>12} {:>12}  {goal_words}", thousands(now), thousands(budget), thousands(goal));
        if now > budget {
            over.push(format!("{what} is {} bytes, over its budget of {}", thousands(now), thousands(budget)));
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}; if the weight is meant, update BUDGET in crates/xtask/src/sizes.rs",
            over.join("; ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_crate_of_a_function_and_of_a_trait_impl() {
        assert_eq!(crate_of("_ZN4core3fmt5write17h0123456789abcdefE"), "core");
        assert_eq!(
            crate_of("_ZN67_$LT$alloc..vec..Vec$LT$T$C$A$GT$$u20$as$u20$core..clone..Clone$GT$5clone17h0123456789abcdefE"),
            "alloc"
        );
        assert_eq!(crate_of("__wbindgen_malloc"), "wasm_bindgen");
        assert_eq!(crate_of("memcpy"), "(other)");
    }

    #[test]
    fn compressed_copies_read_back_as_the_file() {
        let text = "Horizon ".repeat(1000).into_bytes();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &brotli(&text)[..], &mut back).unwrap();
        assert_eq!(back, text);
        let mut back = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gzip(&text)[..]), &mut back).unwrap();
        assert_eq!(back, text);
    }
}
