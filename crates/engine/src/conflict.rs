//! Suggestions that cannot both be accepted, and why: two kinds that do not
//! coexist on one focus area, or one theme sent to two places.
//!
//! Two questions, answered separately so neither grows with the square of the
//! suggestions: the proposed plan asks "does this one clash with any already
//! accepted?" ([`Accepted`], a look-up per focus area and theme), and the list
//! for people asks "which pairs clash?" ([`conflicts`]), which keeps the first
//! [`MAX_CONFLICTS_LISTED`] pairs and counts the rest, judging at most
//! [`MAX_PAIRS_JUDGED`] pairs.

use std::collections::{HashMap, HashSet};

use horizon_model::Scenario;
use serde::{Deserialize, Serialize};

use crate::diagnostic::thousands;
use crate::kind::Kind;
use crate::suggestion::{Suggestion, SuggestionId};

/// The most conflicts an evaluation lists; past it they are counted
/// ([`Unlisted`]). More pairs than this are past what a reader can weigh.
pub const MAX_CONFLICTS_LISTED: usize = 1_000;

/// The most pairs of suggestions judged when listing and counting conflicts. Only
/// pairs that share a focus area or a theme are judged, so a real review judges a
/// few dozen; rules that make thousands of suggestions on one theme reach it.
pub const MAX_PAIRS_JUDGED: usize = 2_000_000;

/// Two suggestions that cannot both be accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The higher-scored of the two (or, at equal scores, the first in the evaluation's order).
    pub a: SuggestionId,
    pub b: SuggestionId,
    pub reason: String,
}

/// The conflicts an evaluation does not list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unlisted {
    /// Conflicts found past the first [`MAX_CONFLICTS_LISTED`].
    pub count: usize,
    /// Whether judging stopped at [`MAX_PAIRS_JUDGED`] pairs, so there may be more.
    pub stopped: bool,
}

impl Unlisted {
    pub fn is_none(&self) -> bool {
        self.count == 0 && !self.stopped
    }

    /// The sentence a reader is shown under the listed conflicts, if any are unlisted:
    /// "12,497,500 more conflicts are not listed here: only the first 1,000 are."
    pub fn words(&self) -> Option<String> {
        let more = |n: usize| {
            format!(
                "{} more {}",
                thousands(n as u64),
                if n == 1 { "conflict" } else { "conflicts" }
            )
        };
        match (self.count, self.stopped) {
            (0, false) => None,
            (n, false) => Some(format!(
                "{} {} not listed here: only the first {} are.",
                more(n),
                if n == 1 { "is" } else { "are" },
                thousands(MAX_CONFLICTS_LISTED as u64)
            )),
            (0, true) => Some(format!(
                "There may be more conflicts than these: Horizon stopped looking after checking {} pairs of suggestions.",
                thousands(MAX_PAIRS_JUDGED as u64)
            )),
            (n, true) => Some(format!(
                "At least {} {} not listed here: only the first {} are, and Horizon stopped looking after checking {} pairs of suggestions.",
                more(n),
                if n == 1 { "is" } else { "are" },
                thousands(MAX_CONFLICTS_LISTED as u64),
                thousands(MAX_PAIRS_JUDGED as u64)
            )),
        }
    }
}

/// Where a suggestion would put the themes it names: in a new focus area
/// (`Some(None)`), in its own focus area (`Some(Some(id))`), or nowhere (`None`).
type Home<'a> = Option<Option<&'a str>>;

/// What two suggestions are judged on, read once per suggestion: its kind, its
/// focus areas and themes (each in the order named, and sorted for look-up), and
/// where it puts its themes.
struct Keys<'a> {
    kind: Kind,
    focus_areas: Vec<&'a str>,
    focus_areas_sorted: Vec<&'a str>,
    themes: Vec<&'a str>,
    themes_sorted: Vec<&'a str>,
    home: Home<'a>,
}

impl<'a> Keys<'a> {
    fn of(x: &'a Suggestion) -> Keys<'a> {
        fn ordered<'a>(it: impl Iterator<Item = &'a str>) -> (Vec<&'a str>, Vec<&'a str>) {
            let mut seen = HashSet::new();
            let order: Vec<&str> = it.filter(|v| seen.insert(*v)).collect();
            let mut sorted = order.clone();
            sorted.sort_unstable();
            (order, sorted)
        }
        let (focus_areas, focus_areas_sorted) = ordered(x.focus_areas());
        let (themes, themes_sorted) = ordered(x.themes());
        let spec = x.kind.spec();
        let home = if spec.builds_focus_area {
            Some(None)
        } else if spec.folds_themes {
            focus_areas.first().map(|f| Some(*f))
        } else {
            None
        };
        Keys {
            kind: x.kind,
            focus_areas,
            focus_areas_sorted,
            themes,
            themes_sorted,
            home,
        }
    }

    /// Whether this kind can clash on a focus area at all (a watch cannot).
    fn clashes_on_focus_areas(&self) -> bool {
        !Kind::ALL.iter().all(|k| self.kind.coexists_with(*k))
    }
}

/// Why two suggestions cannot both be accepted, before it is put in words.
enum Clash<'a> {
    /// Both concern this focus area, and their kinds do not coexist.
    FocusArea(&'a str),
    /// Both place this theme, in different places or each in a new focus area.
    Theme(&'a str),
}

/// Whether `a` and `b` clash: first on a focus area both name (the first `b`
/// names), then on a theme both would place.
fn clash<'a>(a: &Keys<'a>, b: &Keys<'a>) -> Option<Clash<'a>> {
    if !a.kind.coexists_with(b.kind) {
        if let Some(f) = b
            .focus_areas
            .iter()
            .find(|f| a.focus_areas_sorted.binary_search(f).is_ok())
        {
            return Some(Clash::FocusArea(f));
        }
    }
    let (Some(home_a), Some(home_b)) = (a.home, b.home) else {
        return None;
    };
    if home_a.is_some() && home_a == home_b {
        return None;
    }
    b.themes
        .iter()
        .find(|t| a.themes_sorted.binary_search(t).is_ok())
        .map(|t| Clash::Theme(t))
}

/// The reason a reader is shown for a clash between `a` (the higher-scored) and `b`.
fn reason(clash: &Clash, a: &Keys, b: &Keys, s: &Scenario) -> String {
    match *clash {
        Clash::FocusArea(f) => {
            let name = s.focus_area(f).map_or(f, |x| &x.name);
            if a.kind == b.kind {
                format!(
                    "both would {}, in different ways; only one can be accepted",
                    a.kind.spec().does.replacen(" it", &format!(" {name}"), 1)
                )
            } else {
                format!(
                    "both concern {name}: one would {}, the other would {}; only one can be accepted",
                    a.kind.spec().does,
                    b.kind.spec().does
                )
            }
        }
        Clash::Theme(t) => {
            let name = s.theme(t).map_or(t, |x| &x.name);
            let into = |h: Home| match h.flatten() {
                None => "a new focus area".to_string(),
                Some(f) => s.focus_area(f).map_or(f.to_string(), |x| x.name.clone()),
            };
            if a.home == Some(None) && b.home == Some(None) {
                format!("both would put {name} in a new focus area; only one can be accepted")
            } else {
                format!(
                    "one would put {name} in {}, the other in {}; only one can be accepted",
                    into(a.home),
                    into(b.home)
                )
            }
        }
    }
}

/// Why `a` and `b` cannot both be accepted, if they cannot.
pub(crate) fn conflict_reason(a: &Suggestion, b: &Suggestion, s: &Scenario) -> Option<String> {
    let (ka, kb) = (Keys::of(a), Keys::of(b));
    clash(&ka, &kb).map(|c| reason(&c, &ka, &kb, s))
}

/// The pairs that cannot both be accepted, in the order of `suggestions` (by the
/// first of the pair, then the second): the first [`MAX_CONFLICTS_LISTED`], and how
/// many more. Two suggestions conflict only if they share a focus area or a theme,
/// so only the pairs an index of those finds are judged (a watch, which coexists
/// with everything and places no theme, is in no pair), each once, and at most
/// [`MAX_PAIRS_JUDGED`] of them.
pub(crate) fn conflicts(suggestions: &[Suggestion], s: &Scenario) -> (Vec<Conflict>, Unlisted) {
    let keys: Vec<Keys> = suggestions.iter().map(Keys::of).collect();
    // Who names each focus area (among kinds that can clash on one) and who places
    // each theme, in the order of `suggestions`.
    let mut sharing: HashMap<(bool, &str), Vec<usize>> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        if k.clashes_on_focus_areas() {
            for f in &k.focus_areas {
                sharing.entry((true, f)).or_default().push(i);
            }
        }
        if k.home.is_some() {
            for t in &k.themes {
                sharing.entry((false, t)).or_default().push(i);
            }
        }
    }
    let mut listed = Vec::new();
    let mut unlisted = Unlisted::default();
    let mut judged = 0usize;
    // `seen[j] == i + 1` once `j` is a candidate partner of `i`.
    let mut seen = vec![0usize; suggestions.len()];
    let mut partners = Vec::new();
    'all: for (i, k) in keys.iter().enumerate() {
        partners.clear();
        let fa = k.clashes_on_focus_areas().then_some(&k.focus_areas);
        let th = k.home.is_some().then_some(&k.themes);
        let shared = fa
            .into_iter()
            .flatten()
            .map(|f| (true, *f))
            .chain(th.into_iter().flatten().map(|t| (false, *t)));
        for key in shared {
            let list = &sharing[&key];
            let later = &list[list.partition_point(|&j| j <= i)..];
            for &j in later {
                judged += 1;
                if judged > MAX_PAIRS_JUDGED {
                    unlisted.stopped = true;
                    break 'all;
                }
                if seen[j] != i + 1 {
                    seen[j] = i + 1;
                    partners.push(j);
                }
            }
        }
        partners.sort_unstable();
        for &j in &partners {
            let Some(c) = clash(k, &keys[j]) else { continue };
            if listed.len() < MAX_CONFLICTS_LISTED {
                listed.push(Conflict {
                    a: suggestions[i].id(),
                    b: suggestions[j].id(),
                    reason: reason(&c, k, &keys[j], s),
                });
            } else {
                unlisted.count += 1;
            }
        }
    }
    (listed, unlisted)
}

/// The suggestions accepted so far into the proposed plan, indexed so the next one
/// is judged against them by look-up: per focus area, the first accepted of each
/// kind; per theme, the first accepted that places it (any later one placing it
/// goes to the same place, or it would have clashed).
#[derive(Default)]
pub(crate) struct Accepted<'a> {
    by_focus_area: HashMap<&'a str, Vec<(Kind, usize)>>,
    by_theme: HashMap<&'a str, usize>,
    keys: Vec<Keys<'a>>,
}

impl<'a> Accepted<'a> {
    /// The first accepted suggestion (its place among those accepted) that `x`
    /// clashes with, or `None` after accepting `x`.
    pub fn take(&mut self, x: &'a Suggestion) -> Option<usize> {
        let k = Keys::of(x);
        let mut first: Option<usize> = None;
        let mut note = |n: usize| first = Some(first.map_or(n, |f| f.min(n)));
        if k.clashes_on_focus_areas() {
            for f in &k.focus_areas {
                for &(kind, n) in self.by_focus_area.get(f).into_iter().flatten() {
                    if !kind.coexists_with(k.kind) {
                        note(n);
                    }
                }
            }
        }
        if k.home.is_some() {
            for t in &k.themes {
                if let Some(&n) = self.by_theme.get(t) {
                    if clash(&self.keys[n], &k).is_some() {
                        note(n);
                    }
                }
            }
        }
        if first.is_some() {
            return first;
        }
        let n = self.keys.len();
        if k.clashes_on_focus_areas() {
            for f in &k.focus_areas {
                let kinds = self.by_focus_area.entry(f).or_default();
                if !kinds.iter().any(|(kind, _)| *kind == k.kind) {
                    kinds.push((k.kind, n));
                }
            }
        }
        if k.home.is_some() {
            for t in &k.themes {
                self.by_theme.entry(t).or_insert(n);
            }
        }
        self.keys.push(k);
        None
    }
}

impl crate::Evaluation {
    /// Why the proposed plan leaves this suggestion out, if it does: "it conflicts
    /// with Consolidate …, which scores higher: both concern Violent Crime: …".
    pub fn why_set_aside(&self, id: &SuggestionId, s: &Scenario) -> Option<String> {
        let this = self.suggestion(id)?;
        let other = self.suggestion(self.set_aside_for(id)?)?;
        let reason = conflict_reason(other, this, s)?;
        Some(format!(
            "it conflicts with “{}”, which scores higher: {reason}",
            other.headline(s)
        ))
    }
}
