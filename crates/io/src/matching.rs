//! Names from a file matched to the scenario's themes, districts or focus areas: by
//! name, by another name (alias), or not at all; where a name could be one of several
//! (“Serious Violence”: Violent Crime or Serious & Organised Crime?) it is unclear and
//! the user says which. The rules are the same for the page and the command line.

/// Something a name can match: its id, its name and its other names.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub aliases: &'a [String],
}

/// How a name from a file was matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// The same name (ignoring case, spacing, punctuation, "&" for "and", and a note
    /// in brackets).
    Name(String),
    /// One of the thing's other names.
    Alias(String),
    /// Could be any of these (best first); the user chooses.
    Unclear(Vec<String>),
    /// Nothing like it.
    New,
}

/// Words that say little about which theme is meant.
const COMMON: [&str; 19] = [
    "and",
    "the",
    "of",
    "inc",
    "incl",
    "including",
    "other",
    "than",
    "within",
    "a",
    "an",
    "to",
    "for",
    "in",
    "on",
    "crime",
    "priority",
    "issues",
    "people",
];

/// A name as compared: lower case, "&" and "+" as "and", punctuation as spaces.
pub fn loose_key(name: &str) -> String {
    let mut s = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            '&' | '+' => s.push_str(" and "),
            c if c.is_alphanumeric() => s.push(c),
            _ => s.push(' '),
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name without notes in brackets: "Violent Crime (other than DA)" → "violent crime".
fn base_key(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    loose_key(&out)
}

/// The words that carry meaning, cut to their first five letters so that "violent"
/// and "violence" meet.
fn stems(name: &str) -> Vec<String> {
    let mut v: Vec<String> = loose_key(name)
        .split(' ')
        .filter(|w| !w.is_empty() && !COMMON.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect();
    horizon_model::sort::sort(&mut v);
    v.dedup();
    v
}

/// Matches `name` against `entries`.
pub fn find(name: &str, entries: &[Entry]) -> Found {
    let (key, base) = (loose_key(name), base_key(name));
    if key.is_empty() {
        return Found::New;
    }
    // Exactly (as compared) first, then without notes in brackets; a name before
    // another name at each step.
    let exact = |a: &str| loose_key(a) == key;
    let loose = |a: &str| !base.is_empty() && base_key(a) == base;
    for same in [&exact as &dyn Fn(&str) -> bool, &loose] {
        let by_name: Vec<&Entry> = entries.iter().filter(|e| same(e.name)).collect();
        match by_name.as_slice() {
            [one] => return Found::Name(one.id.to_string()),
            [_, ..] => return Found::Unclear(by_name.iter().map(|e| e.id.to_string()).collect()),
            [] => {}
        }
        let by_alias: Vec<&Entry> = entries
            .iter()
            .filter(|e| e.aliases.iter().any(|a| same(a)))
            .collect();
        match by_alias.as_slice() {
            [one] => return Found::Alias(one.id.to_string()),
            [_, ..] => return Found::Unclear(by_alias.iter().map(|e| e.id.to_string()).collect()),
            [] => {}
        }
    }
    // Alike: sharing a meaningful word with the name or one of its other names.
    let mine = stems(name);
    if mine.is_empty() {
        return Found::New;
    }
    let mut scored: Vec<(f64, &str)> = entries
        .iter()
        .filter_map(|e| {
            let best = std::iter::once(e.name)
                .chain(e.aliases.iter().map(String::as_str))
                .map(|n| likeness(&mine, &stems(n)))
                .fold(0.0, f64::max);
            (best > 0.0).then_some((best, e.id))
        })
        .collect();
    horizon_model::sort::sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0));
    scored.truncate(3);
    if scored.is_empty() {
        Found::New
    } else {
        Found::Unclear(scored.into_iter().map(|(_, id)| id.to_string()).collect())
    }
}

/// Shared words over all words (0 to 1).
fn likeness(a: &[String], b: &[String]) -> f64 {
    let shared = a.iter().filter(|w| b.contains(w)).count();
    let all = a.len() + b.len() - shared;
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

/// Whether `name` is already the thing's name or one of its other names, exactly as
/// compared (so it need not be kept as another name).
pub fn is_known_as(name: &str, entry: &Entry) -> bool {
    let key = loose_key(name);
    loose_key(entry.name) == key || entry.aliases.iter().any(|a| loose_key(a) == key)
}
