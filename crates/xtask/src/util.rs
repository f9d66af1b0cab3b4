//! Small helpers: the repository root, running commands loudly, counting test results.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (this crate lives in `crates/xtask`).
pub fn root() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    dir.canonicalize().unwrap_or(dir)
}

/// The cargo that started us (`cargo xtask …` sets `CARGO`), so a toolchain override is kept.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// `program arg arg`, quoting arguments that need it, for echoing what runs.
pub fn describe(cmd: &Command) -> String {
    let mut words = vec![Path::new(cmd.get_program())
        .file_name()
        .unwrap_or(cmd.get_program())
        .to_string_lossy()
        .into_owned()];
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        if arg.is_empty() || arg.contains(|c: char| c.is_whitespace() || c == '\'' || c == '"') {
            words.push(format!("'{}'", arg.replace('\'', r"'\''")));
        } else {
            words.push(arg.into_owned());
        }
    }
    words.join(" ")
}

/// Runs a command with inherited stdio, after echoing it; fails on a non-zero exit.
pub fn run(cmd: &mut Command) -> Result {
    let what = describe(cmd);
    println!("$ {what}");
    flush();
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{what}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// Runs a command quietly and returns its stdout, or `None` if it could not run or failed.
pub fn stdout_of(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

pub fn flush() {
    let _ = std::io::stdout().flush();
}

/// Test results counted from runners' summary lines.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub passed: u64,
    pub failed: u64,
    /// Whether any summary line was seen.
    pub seen: bool,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.seen |= other.seen;
    }

    /// Reads one output line: cargo's `test result: ok. 3 passed; 0 failed; …`, node's
    /// spec/TAP `ℹ pass 3` / `# fail 0`, or a plain `[word:] 3 passed, 0 failed[, …]`.
    pub fn scan(&mut self, line: &str) {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("test result: ") {
            if let (Some(p), Some(f)) = (
                number_before(rest, " passed;"),
                number_before(rest, " failed;"),
            ) {
                self.passed += p;
                self.failed += f;
                self.seen = true;
            }
            return;
        }
        for prefix in ["ℹ ", "# "] {
            if let Some(rest) = line.strip_prefix(prefix) {
                if let Some(n) = rest
                    .strip_prefix("pass ")
                    .and_then(|n| n.trim().parse::<u64>().ok())
                {
                    self.passed += n;
                    self.seen = true;
                } else if let Some(n) = rest
                    .strip_prefix("fail ")
                    .and_then(|n| n.trim().parse::<u64>().ok())
                {
                    self.failed += n;
                    self.seen = true;
                }
                return;
            }
        }
        // Plain closing line, optionally after one word and a colon.
        let body = match line.split_once(": ") {
            Some((word, rest)) if !word.contains(' ') => rest,
            _ => line,
        };
        let mut parts = body.split(", ");
        let (Some(p), Some(f)) = (parts.next(), parts.next()) else {
            return;
        };
        let rest_ok = parts.all(|x| x.ends_with(" skipped"));
        if let (Some(p), Some(f), true) = (
            p.strip_suffix(" passed")
                .and_then(|n| n.parse::<u64>().ok()),
            f.strip_suffix(" failed")
                .and_then(|n| n.parse::<u64>().ok()),
            rest_ok,
        ) {
            self.passed += p;
            self.failed += f;
            self.seen = true;
        }
    }
}

/// In `"ok. 12 passed; 0 failed;"`, the number just before `marker`.
fn number_before(text: &str, marker: &str) -> Option<u64> {
    let end = text.find(marker)?;
    let start = text[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    text[start..end].parse().ok()
}

/// Like [`run`], but echoes stdout line by line and counts test results in it.
pub fn run_counting(cmd: &mut Command) -> Result<Counts> {
    let what = describe(cmd);
    println!("$ {what}");
    flush();
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{what}`: {e}"))?;
    let mut counts = Counts::default();
    let stdout = child.stdout.take().expect("piped stdout");
    let mut reader = BufReader::new(stdout);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {
                let line = String::from_utf8_lossy(&buf);
                print!("{line}");
                flush();
                counts.scan(&line);
            }
            Err(e) => return Err(format!("reading the output of `{what}`: {e}")),
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("waiting for `{what}`: {e}"))?;
    if status.success() {
        Ok(counts)
    } else {
        Err(format!("`{what}` failed ({status})"))
    }
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counted(lines: &[&str]) -> (u64, u64, bool) {
        let mut c = Counts::default();
        for l in lines {
            c.scan(l);
        }
        (c.passed, c.failed, c.seen)
    }

    #[test]
    fn reads_runner_summaries() {
        assert_eq!(
            counted(&["test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s"]),
            (12, 0, true)
        );
        assert_eq!(
            counted(&["ℹ tests 5", "ℹ pass 4", "ℹ fail 1"]),
            (4, 1, true)
        );
        assert_eq!(counted(&["# pass 3", "# fail 0"]), (3, 0, true));
        assert_eq!(counted(&["rules: 7 passed, 0 failed"]), (7, 0, true));
        assert_eq!(counted(&["7 passed, 1 failed, 2 skipped"]), (7, 1, true));
        assert_eq!(counted(&["nothing here", "3 passed"]), (0, 0, false));
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
