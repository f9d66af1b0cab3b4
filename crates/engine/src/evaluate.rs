//! One evaluation's inputs and outputs, the sandbox and `evaluate`: every enabled
//! rule run in its own sandboxed pass over the same tables, then merged, checked for
//! conflicts and turned into a proposed plan (the run itself is in `evaluator.rs`).

use std::collections::BTreeMap;

use horizon_model::Scenario;
use rhai::{Dynamic, Engine, Map};
use serde::{Deserialize, Serialize};

use crate::bounds::Notes;
use crate::contain;
use crate::why_not::NearMiss;
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::rule::{ParamValue, Rule};
use crate::suggestion::{Conflict, ProposedPlan, Unlisted, Suggestion, SuggestionId};

/// Every sandbox limit, set on purpose: Rhai is unlimited by default. A limit
/// missing from saved JSON takes its default, so older saves still read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// Per rule, per evaluation. About 10 ms of work in a browser per million.
    pub max_operations: u64,
    /// Per rule, per evaluation, in milliseconds of wall-clock time: one operation can
    /// be slow (copying a large list), so operations alone do not bound time. A pack
    /// can set its own ([`Settings::time_limit_ms`]).
    pub time_limit_ms: u64,
    /// How deep lists and maps may be put inside one another: deeper values would
    /// overflow the stack when copied, compared, printed or dropped.
    pub max_nesting: usize,
    pub max_call_depth: usize,
    pub max_expr_depth: usize,
    pub max_function_expr_depth: usize,
    pub max_string_size: usize,
    pub max_array_size: usize,
    pub max_map_size: usize,
    pub max_variables: usize,
    pub max_functions: usize,
    /// The most suggestions one rule keeps per evaluation (500): past it the rest are
    /// counted, not kept, and the rule gets one diagnostic ("This rule made 1,000,000
    /// suggestions; only the first 500 are kept."). Bounds what merging holds.
    pub max_suggestions: usize,
    /// The longest text kept, in characters (2,000): a rationale, a proposed name and
    /// any other text a suggestion carries, and every diagnostic message (a thrown
    /// 512 KB message included). Longer text is cut with "…".
    pub max_text_chars: usize,
    /// The most evidence items one suggestion (or one part of a split) keeps from one
    /// rule (5,000: a shipped rule cites 541 for one group of themes over the
    /// benchmark's 350 districts, and a scenario may have 2,000). The rest are not
    /// read; the rule gets one diagnostic.
    pub max_evidence: usize,
    /// The most diagnostics one rule gets (20); past it one more says how many were
    /// left out ("and 9,990 more problems like these").
    pub max_diagnostics: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_operations: 2_000_000,
            time_limit_ms: DEFAULT_TIME_LIMIT_MS,
            max_nesting: 64,
            max_call_depth: 32,
            max_expr_depth: 64,
            max_function_expr_depth: 32,
            // Rhai sums sizes over a whole nested value, so these must hold a
            // national scenario's tables (1,000 horizon items, 350 districts) while
            // still stopping runaway growth at a few megabytes.
            max_string_size: 1_000_000,
            max_array_size: 200_000,
            max_map_size: 100_000,
            max_variables: 500,
            max_functions: 64,
            max_suggestions: 500,
            max_text_chars: 2_000,
            max_evidence: 5_000,
            max_diagnostics: 20,
        }
    }
}

/// Each rule's time limit unless the pack sets its own: a quarter of a second.
pub const DEFAULT_TIME_LIMIT_MS: u64 = 250;

/// The longest time limit a pack may set: one minute per rule.
pub const MAX_TIME_LIMIT_MS: u64 = 60_000;

impl Limits {
    /// These limits with the pack's own settings applied (its time limit, if it
    /// sets one, kept between 1 ms and [`MAX_TIME_LIMIT_MS`]).
    pub fn for_pack(&self, settings: &Settings) -> Limits {
        let mut l = self.clone();
        if let Some(ms) = settings.time_limit_ms {
            l.time_limit_ms = ms;
        }
        l.time_limit_ms = l.time_limit_ms.clamp(1, MAX_TIME_LIMIT_MS);
        l
    }
}

/// What a user changed about the pack without touching code: rules switched
/// off, parameter values and the pack's time limit. Absent entries mean "as shipped".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Settings {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub disabled: BTreeMap<String, bool>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, BTreeMap<String, ParamValue>>,
    /// Each rule's time limit in milliseconds, for this pack (default 250, at most
    /// 60,000); a rule past it stops with a diagnostic naming the limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_ms: Option<u64>,
}

impl Settings {
    pub fn is_enabled(&self, rule: &str) -> bool {
        !self.disabled.get(rule).copied().unwrap_or(false)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleStatus {
    Fired,
    DidNotFire,
    Failed,
    Disabled,
}

/// What one rule did in one evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleTrace {
    pub rule: String,
    pub title: String,
    pub version: String,
    pub status: RuleStatus,
    /// Suggestions it emitted (before merging).
    pub suggestions: usize,
    /// What it printed with `print` or `debug`.
    pub printed: Vec<String>,
    pub operations: u64,
    pub diagnostics: Vec<Diagnostic>,
    /// The changes it considered and did not suggest, and why (`not_suggested`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_suggested: Vec<NearMiss>,
}

/// Everything one evaluation produces. It round-trips through JSON unchanged: the
/// page evaluates in a Web Worker and receives it as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Merged suggestions, highest score first.
    pub suggestions: Vec<Suggestion>,
    /// The first [`crate::MAX_CONFLICTS_LISTED`] pairs that cannot both be accepted.
    pub conflicts: Vec<Conflict>,
    /// Conflicts past those listed.
    #[serde(default, skip_serializing_if = "Unlisted::is_none")]
    pub conflicts_unlisted: Unlisted,
    pub proposed: ProposedPlan,
    pub trace: Vec<RuleTrace>,
    /// Look-ups by suggestion id, built on first use.
    #[serde(skip)]
    pub(crate) lookup: Lookup,
}

/// Where each suggestion stands, by id, among `suggestions` and among those set
/// aside: built once per evaluation on first use, so a page or report that asks
/// for every suggestion by id does not search the list each time. Not serialised,
/// and never part of comparing two evaluations. `suggestions` and `proposed` are
/// not changed after an evaluation is made, so it cannot go stale.
#[derive(Default, Clone)]
pub(crate) struct Lookup(std::cell::OnceCell<LookupMaps>);

#[derive(Clone)]
struct LookupMaps {
    suggestions: std::collections::HashMap<SuggestionId, usize>,
    set_aside: std::collections::HashMap<SuggestionId, usize>,
}

impl PartialEq for Lookup {
    fn eq(&self, _: &Lookup) -> bool {
        true
    }
}

impl std::fmt::Debug for Lookup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lookup")
    }
}

impl Evaluation {
    fn lookup(&self) -> &LookupMaps {
        self.lookup.0.get_or_init(|| LookupMaps {
            suggestions: self.suggestions.iter().enumerate().map(|(i, s)| (s.id(), i)).collect(),
            set_aside: self.proposed.set_aside.iter().cloned().enumerate().map(|(i, s)| (s, i)).collect(),
        })
    }

    /// The suggestion with this id, if this evaluation made it.
    pub fn suggestion(&self, id: &SuggestionId) -> Option<&Suggestion> {
        self.position(id).and_then(|i| self.suggestions.get(i))
    }

    /// Where the suggestion with this id stands in `suggestions` (0 is the highest score).
    pub fn position(&self, id: &SuggestionId) -> Option<usize> {
        self.lookup().suggestions.get(id).copied()
    }

    /// Whether the proposed plan leaves this suggestion out (see [`Evaluation::why_set_aside`]).
    pub fn is_set_aside(&self, id: &SuggestionId) -> bool {
        self.lookup().set_aside.contains_key(id)
    }

    /// The accepted suggestion the proposed plan leaves this one out for, if it does.
    pub(crate) fn set_aside_for(&self, id: &SuggestionId) -> Option<&SuggestionId> {
        let n = *self.lookup().set_aside.get(id)?;
        self.proposed.set_aside_for.get(n)
    }

    /// Every diagnostic of every rule, in rule order.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.trace.iter().flat_map(|t| t.diagnostics.iter())
    }
}

/// A rule as the engine holds it: parsed, or the diagnostic that stopped it.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleSource {
    Parsed(Rule),
    /// The file's name (or id) and the header problem.
    Broken {
        name: String,
        source: String,
        diagnostic: Diagnostic,
    },
}

pub(crate) fn sandbox(limits: &Limits) -> Engine {
    let mut e = Engine::new_raw();
    // Only the parts of Rhai's library a rule needs: the language core, comparisons,
    // strings, maths, lists and maps. No blobs or bit fields (they cost page weight and a
    // rule has no use for them). Rhai has no file or network access; `eval` is the
    // one door left, so it is shut.
    use rhai::packages::{
        BasicArrayPackage, BasicMapPackage, BasicMathPackage, CorePackage, LogicPackage,
        MoreStringPackage,
    };
    e.register_global_module(CorePackage::new().as_shared_module());
    e.register_global_module(LogicPackage::new().as_shared_module());
    e.register_global_module(MoreStringPackage::new().as_shared_module());
    e.register_global_module(BasicMathPackage::new().as_shared_module());
    e.register_global_module(BasicArrayPackage::new().as_shared_module());
    e.register_global_module(BasicMapPackage::new().as_shared_module());
    e.disable_symbol("eval");
    // `f.curry(f)` doubles a function pointer's hidden arguments, which no size
    // limit counts: a rule has no need of it (closures still capture).
    e.disable_symbol("curry");
    e.set_max_operations(limits.max_operations);
    e.set_max_call_levels(limits.max_call_depth);
    e.set_max_expr_depths(limits.max_expr_depth, limits.max_function_expr_depth);
    e.set_max_string_size(limits.max_string_size);
    e.set_max_array_size(limits.max_array_size);
    e.set_max_map_size(limits.max_map_size);
    // Data nested past the nesting limit is refused where it is built (the patched
    // rule language, vendor/rhai), so nothing recursive ever meets a deeper value.
    e.set_max_data_depth(limits.max_nesting);
    e.set_max_variables(limits.max_variables);
    e.set_max_functions(limits.max_functions);
    e.set_strict_variables(true);
    e.set_fail_on_invalid_map_property(false);
    e
}

use rhai::packages::Package;

/// Runs `rules` over `scenario`. Never fails: every problem is a diagnostic in the
/// trace. In host builds it runs on a thread of its own with a deep stack.
pub fn evaluate(
    scenario: &Scenario,
    rules: &[RuleSource],
    settings: &Settings,
    limits: &Limits,
) -> Evaluation {
    contain::on_big_stack(|| evaluate_watched(scenario, rules, settings, limits, &mut |_| {}))
}

/// [`evaluate`], telling `starting` the id of each rule just before it runs (a
/// disabled or broken rule does not run). The page's worker passes this on, so
/// that if a rule never finishes the page can say which one it was. It runs on the
/// caller's stack. To evaluate again and again, keep a [`crate::Evaluator`].
pub fn evaluate_watched(
    scenario: &Scenario,
    rules: &[RuleSource],
    settings: &Settings,
    limits: &Limits,
    starting: &mut dyn FnMut(&str),
) -> Evaluation {
    crate::Evaluator::default().evaluate(scenario, rules, settings, limits, starting)
}

pub(crate) fn params_for(rule: &Rule, settings: &Settings, diagnostics: &mut Notes) -> Map {
    let mut m = Map::new();
    let chosen = settings.params.get(&rule.id);
    for p in &rule.params {
        let mut value = p.default.clone();
        if let Some(v) = chosen.and_then(|c| c.get(&p.name)) {
            match p.check(v) {
                Ok(()) => value = v.clone(),
                Err(msg) => diagnostics.push(Diagnostic {
                    rule: rule.id.clone(),
                    kind: DiagnosticKind::BadParameter,
                    line: None,
                    column: None,
                    message: crate::diagnostic::one_line(format!("{msg}; the default {} was used", p.default)),
                }),
            }
        }
        let d = match value {
            ParamValue::Boolean(b) => Dynamic::from_bool(b),
            ParamValue::Integer(i) if p.kind == crate::rule::ParamType::Number => {
                Dynamic::from_float(i as f64)
            }
            ParamValue::Integer(i) => Dynamic::from_int(i),
            ParamValue::Number(n) => Dynamic::from_float(n),
            ParamValue::Text(t) => Dynamic::from(t),
        };
        m.insert(p.name.as_str().into(), d);
    }
    if let Some(chosen) = chosen {
        for name in chosen.keys() {
            if rule.param(name).is_none() {
                diagnostics.push(Diagnostic {
                    rule: rule.id.clone(),
                    kind: DiagnosticKind::BadParameter,
                    line: None,
                    column: None,
                    message: crate::diagnostic::one_line(format!("the rule has no parameter called {name}")),
                });
            }
        }
    }
    m
}
