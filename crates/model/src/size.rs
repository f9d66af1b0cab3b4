//! How large a scenario Horizon takes on: generous enough for a national review
//! (the benchmark's 350 districts and 1,000 horizon items, several times over), small
//! enough that a file past them is refused in a moment rather than read for half a
//! minute into gigabytes. Every reader checks the bytes before it parses
//! ([`check_bytes`]) and the counts straight after, before validation or any other
//! work ([`check_counts`]); [`crate::Scenario::from_json`] does both.

use crate::Scenario;

/// The most districts a scenario may have (a national review has about 350).
pub const MAX_DISTRICTS: usize = 2_000;
/// The most themes a scenario may have.
pub const MAX_THEMES: usize = 2_000;
/// The most horizon items a scenario may have (a national scan has about 1,000).
pub const MAX_HORIZON_ITEMS: usize = 20_000;
/// The largest scenario (or project) file read, in bytes: 50 MB. A national scenario
/// is a few megabytes.
pub const MAX_BYTES: usize = 50_000_000;

/// A scenario past one of the size limits, and which.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TooLarge {
    /// The file has `bytes` bytes, more than [`MAX_BYTES`].
    #[error("This scenario file is {}; Horizon handles at most {}.", sizes(*bytes, *limit).0, sizes(*bytes, *limit).1)]
    Bytes { bytes: usize, limit: usize },
    /// The scenario has `count` of `what` (a plural noun: "horizon items"), more than `limit`.
    #[error("This scenario has {} {what}; Horizon handles at most {}.", crate::thousands(*count as u64), crate::thousands(*limit as u64))]
    Count {
        what: &'static str,
        count: usize,
        limit: usize,
    },
}

/// Refuses a file of more than [`MAX_BYTES`], before it is parsed.
pub fn check_bytes(bytes: usize) -> Result<(), TooLarge> {
    if bytes > MAX_BYTES {
        return Err(TooLarge::Bytes {
            bytes,
            limit: MAX_BYTES,
        });
    }
    Ok(())
}

/// Refuses a parsed scenario with more districts, themes or horizon items than
/// Horizon handles, before anything else is done with it (the first that is over).
pub fn check_counts(s: &Scenario) -> Result<(), TooLarge> {
    for (what, count, limit) in [
        ("districts", s.districts.len(), MAX_DISTRICTS),
        ("themes", s.themes.len(), MAX_THEMES),
        ("horizon items", s.horizon.len(), MAX_HORIZON_ITEMS),
    ] {
        if count > limit {
            return Err(TooLarge::Count { what, count, limit });
        }
    }
    Ok(())
}

/// A file's size and the limit in words a person can compare: in megabytes, or in
/// bytes when the megabytes would read the same ("50,000,001 bytes").
fn sizes(bytes: usize, limit: usize) -> (String, String) {
    let (a, b) = (megabytes(bytes), megabytes(limit));
    if a != b {
        return (a, b);
    }
    let exact = |n: usize| format!("{} bytes", crate::thousands(n as u64));
    (exact(bytes), exact(limit))
}

/// Bytes as a person reads a file size: "50 MB", "110.4 MB", "2.5 KB".
pub fn megabytes(bytes: usize) -> String {
    let (n, unit) = if bytes >= 1_000_000 {
        (bytes as f64 / 1e6, "MB")
    } else {
        (bytes as f64 / 1e3, "KB")
    };
    let text = format!("{n:.1}");
    format!("{} {unit}", text.strip_suffix(".0").unwrap_or(&text))
}
