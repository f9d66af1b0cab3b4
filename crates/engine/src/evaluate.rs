//! One evaluation: every enabled rule run in its own sandboxed pass over the
//! same index, then merged, checked for conflicts and turned into a proposed plan.

use std::collections::BTreeMap;
use std::rc::Rc;

use horizon_model::{Level, Scenario};
use rhai::{Dynamic, Engine, EvalAltResult, Map, Position, Scope};
use serde::{Deserialize, Serialize};

use crate::api::{self, Review, RunState, Tables, OPERATIONS_TOKEN};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::index::ReviewIndex;
use crate::kind::Kind;
use crate::rule::{ParamValue, Rule};
use crate::suggestion::{
    self, Conflict, Evidence, ProposedPlan, Reason, RuleRef, Suggestion, SuggestionId, Target,
};

/// Every sandbox limit, set on purpose: Rhai is unlimited by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    /// Per rule, per evaluation. About 10 ms of work in a browser per million.
    pub max_operations: u64,
    pub max_call_depth: usize,
    pub max_expr_depth: usize,
    pub max_function_expr_depth: usize,
    pub max_string_size: usize,
    pub max_array_size: usize,
    pub max_map_size: usize,
    pub max_variables: usize,
    pub max_functions: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_operations: 2_000_000,
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
        }
    }
}

/// What a user changed about the pack without touching code: rules switched
/// off and parameter values. Absent entries mean "as shipped".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Settings {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub disabled: BTreeMap<String, bool>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, BTreeMap<String, ParamValue>>,
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
}

/// Everything one evaluation produces.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// Merged suggestions, highest score first.
    pub suggestions: Vec<Suggestion>,
    pub conflicts: Vec<Conflict>,
    pub proposed: ProposedPlan,
    pub trace: Vec<RuleTrace>,
}

impl Evaluation {
    /// The suggestion with this id, if this evaluation made it.
    pub fn suggestion(&self, id: &SuggestionId) -> Option<&Suggestion> {
        self.suggestions.iter().find(|s| s.id() == *id)
    }

    /// Where the suggestion with this id stands in `suggestions` (0 is the highest score).
    pub fn position(&self, id: &SuggestionId) -> Option<usize> {
        self.suggestions.iter().position(|s| s.id() == *id)
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
    e.set_max_operations(limits.max_operations);
    e.set_max_call_levels(limits.max_call_depth);
    e.set_max_expr_depths(limits.max_expr_depth, limits.max_function_expr_depth);
    e.set_max_string_size(limits.max_string_size);
    e.set_max_array_size(limits.max_array_size);
    e.set_max_map_size(limits.max_map_size);
    e.set_max_variables(limits.max_variables);
    e.set_max_functions(limits.max_functions);
    e.set_strict_variables(true);
    e.set_fail_on_invalid_map_property(false);
    e
}

use rhai::packages::Package;

/// Runs `rules` over `scenario`. Never fails: every problem is a diagnostic in the trace.
pub fn evaluate(
    scenario: &Scenario,
    rules: &[RuleSource],
    settings: &Settings,
    limits: &Limits,
) -> Evaluation {
    let index = ReviewIndex::new(scenario);
    let review = Review::new(Tables::build(&index));
    let state = Rc::new(RunState::default());
    let mut engine = sandbox(limits);
    api::register(&mut engine, state.clone());

    let mut raw = Vec::new();
    let mut trace = Vec::new();
    for source in rules {
        let rule = match source {
            RuleSource::Parsed(r) => r,
            RuleSource::Broken {
                name,
                source,
                diagnostic,
            } => {
                trace.push(RuleTrace {
                    rule: name.clone(),
                    title: name.clone(),
                    version: crate::rule::version_of(source),
                    status: RuleStatus::Failed,
                    suggestions: 0,
                    printed: vec![],
                    operations: 0,
                    diagnostics: vec![diagnostic.clone()],
                });
                continue;
            }
        };
        let mut t = RuleTrace {
            rule: rule.id.clone(),
            title: rule.title.clone(),
            version: rule.version(),
            status: RuleStatus::Disabled,
            suggestions: 0,
            printed: vec![],
            operations: 0,
            diagnostics: vec![],
        };
        if !settings.is_enabled(&rule.id) {
            trace.push(t);
            continue;
        }
        let params = params_for(rule, settings, &mut t.diagnostics);
        let mut scope = Scope::new();
        scope.push_constant("review", review.clone());
        scope.push_constant("params", params);
        state.reset(limits.max_operations);

        let run = engine
            .compile_with_scope(&scope, &rule.source)
            .map_err(|e| Diagnostic::from_parse(&rule.id, e.err_type(), e.position(), limits))
            .and_then(|ast| {
                engine
                    .run_ast_with_scope(&mut scope, &ast)
                    .map_err(|e| match *e {
                        EvalAltResult::ErrorTerminated(ref token, pos)
                            if token.to_string() == OPERATIONS_TOKEN =>
                        {
                            Diagnostic::from_rhai(
                                &rule.id,
                                &EvalAltResult::ErrorTooManyOperations(pos),
                                limits,
                            )
                        }
                        ref other => Diagnostic::from_rhai(&rule.id, other, limits),
                    })
            });
        t.operations = state.operations();
        t.printed = std::mem::take(&mut *state.printed.borrow_mut());
        let emitted = std::mem::take(&mut *state.suggestions.borrow_mut());
        match run {
            Ok(()) => {
                for (m, pos) in emitted {
                    if let Some(s) = to_suggestion(rule, m, pos, scenario, &mut t.diagnostics) {
                        t.suggestions += 1;
                        raw.push(s);
                    }
                }
                t.status = if t.suggestions > 0 {
                    RuleStatus::Fired
                } else {
                    RuleStatus::DidNotFire
                };
                if t.diagnostics
                    .iter()
                    .any(|d| d.kind == DiagnosticKind::BadSuggestion)
                    && t.suggestions == 0
                {
                    t.status = RuleStatus::Failed;
                }
            }
            Err(d) => {
                // A rule that fails part-way contributes nothing: half a rule's
                // reasoning would be worse than none.
                t.diagnostics.push(d);
                t.status = RuleStatus::Failed;
            }
        }
        trace.push(t);
    }

    let suggestions = suggestion::merge(raw);
    let conflicts = suggestion::conflicts(&suggestions, scenario);
    let proposed = suggestion::propose(&suggestions, &conflicts, scenario);
    Evaluation {
        suggestions,
        conflicts,
        proposed,
        trace,
    }
}

fn params_for(rule: &Rule, settings: &Settings, diagnostics: &mut Vec<Diagnostic>) -> Map {
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
                    message: format!("{msg}; the default {} was used", p.default),
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
                    message: format!("the rule has no parameter called {name}"),
                });
            }
        }
    }
    m
}

const SUGGESTION_KEYS: [&str; 8] = [
    "kind",
    "focus_areas",
    "themes",
    "proposed_name",
    "score",
    "rationale",
    "evidence",
    "split_into",
];

/// Reads one `suggest(#{...})` call, checking every field against the scenario.
fn to_suggestion(
    rule: &Rule,
    mut m: Map,
    pos: Position,
    s: &Scenario,
    diags: &mut Vec<Diagnostic>,
) -> Option<Suggestion> {
    let bad = |diags: &mut Vec<Diagnostic>, msg: String| {
        diags.push(Diagnostic::new(
            &rule.id,
            DiagnosticKind::BadSuggestion,
            pos,
            msg,
        ));
        None
    };
    if let Some(k) = m.keys().find(|k| !SUGGESTION_KEYS.contains(&k.as_str())) {
        return bad(
            diags,
            format!(
                "suggest() got an unknown field \"{k}\" (expected {})",
                SUGGESTION_KEYS.join(", ")
            ),
        );
    }
    let text = |m: &mut Map, key: &str| {
        m.remove(key)
            .filter(|v| !v.is_unit())
            .map(|v| v.to_string())
    };
    let kind_text = text(&mut m, "kind").unwrap_or_default();
    let Some(kind) = Kind::parse(&kind_text) else {
        return bad(
            diags,
            format!(
                "suggest() needs a kind, one of {}; got \"{kind_text}\"",
                Kind::ALL
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    };
    let score = match m.remove("score") {
        Some(v) if v.is_float() => v.as_float().unwrap_or(f64::NAN),
        Some(v) if v.is_int() => v.as_int().unwrap_or(0) as f64,
        _ => {
            return bad(
                diags,
                "suggest() needs a score, a number from 0 to 100".into(),
            )
        }
    };
    if !(0.0..=100.0).contains(&score) {
        return bad(
            diags,
            format!("the score must be from 0 to 100, not {score}"),
        );
    }
    let rationale = text(&mut m, "rationale").unwrap_or_default();
    if rationale.trim().is_empty() {
        return bad(
            diags,
            "suggest() needs a rationale: a sentence saying why".into(),
        );
    }
    let mut targets = Vec::new();
    for (key, make) in [
        ("focus_areas", Target::FocusArea as fn(String) -> Target),
        ("themes", Target::Theme),
    ] {
        let Some(list) = m.remove(key) else { continue };
        let Some(list) = list.try_cast::<rhai::Array>() else {
            return bad(diags, format!("{key} must be a list of ids"));
        };
        for id in list {
            let id = id.to_string();
            let known = match key {
                "focus_areas" => s.focus_area(&id).is_some(),
                _ => s.theme(&id).is_some(),
            };
            if !known {
                let what = if key == "themes" {
                    "theme"
                } else {
                    "focus area"
                };
                return bad(diags, format!("there is no {what} with id \"{id}\""));
            }
            let t = make(id);
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
    }
    let split_into = match m.remove("split_into").filter(|v| !v.is_unit()) {
        None => Vec::new(),
        Some(_) if kind != Kind::Split => {
            return bad(diags, "split_into is for a split suggestion only".into())
        }
        Some(v) => {
            let mut ev_diags = Vec::new();
            let read = crate::split_part::read_parts(v, s, |d| {
                read_evidence(d, rule, pos, s, &mut ev_diags)
            });
            diags.extend(ev_diags);
            match read {
                Ok(p) => p,
                Err(msg) => return bad(diags, msg),
            }
        }
    };
    for p in &split_into {
        for t in &p.themes {
            let t = Target::Theme(t.clone());
            if !targets.contains(&t) {
                targets.push(t);
            }
        }
    }
    if targets.is_empty() {
        return bad(
            diags,
            "suggest() needs focus_areas or themes: what the change is about".into(),
        );
    }
    let fa_count = targets
        .iter()
        .filter(|t| matches!(t, Target::FocusArea(_)))
        .count();
    if let Err(needs) = kind
        .spec()
        .check_targets(fa_count, targets.len() - fa_count)
    {
        return bad(diags, needs.to_string());
    }
    let proposed_name = text(&mut m, "proposed_name").filter(|n| !n.trim().is_empty());
    let mut evidence = match m.remove("evidence") {
        Some(list) => read_evidence(list, rule, pos, s, diags),
        None => Vec::new(),
    };
    for p in &split_into {
        for e in &p.evidence {
            if !evidence.contains(e) {
                evidence.push(e.clone());
            }
        }
    }
    let version = rule.version();
    Some(Suggestion {
        kind,
        targets,
        split_into,
        proposed_name,
        score,
        rationale: rationale.clone(),
        reasons: vec![Reason {
            rule: rule.id.clone(),
            score,
            text: rationale,
        }],
        evidence,
        rules: vec![RuleRef {
            id: rule.id.clone(),
            version,
        }],
    })
}

/// Reads an evidence list (or one item, or lists of lists), keeping what resolves in
/// the scenario and reporting the rest.
fn read_evidence(
    list: Dynamic,
    rule: &Rule,
    pos: Position,
    s: &Scenario,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Evidence> {
    let mut evidence = Vec::new();
    let items = if list.is_array() {
        list.cast::<rhai::Array>()
    } else {
        vec![list]
    };
    for item in items.into_iter().flat_map(|d| {
        if d.is_array() {
            d.cast::<rhai::Array>()
        } else {
            vec![d]
        }
    }) {
        if item.is_unit() {
            diags.push(Diagnostic::new(
                &rule.id,
                DiagnosticKind::BadEvidence,
                pos,
                "an evidence item is () (nothing): review.cell() gives () for a district that does not name the theme, so there is no cell to cite; it was left out",
            ));
            continue;
        }
        match to_evidence(item) {
            Some(e) if e.resolves(s) => {
                if !evidence.contains(&e) {
                    evidence.push(e)
                }
            }
            Some(e) => diags.push(Diagnostic::new(
                &rule.id,
                DiagnosticKind::BadEvidence,
                pos,
                format!("evidence {e:?} is not in the scenario; it was left out"),
            )),
            None => diags.push(Diagnostic::new(
                &rule.id,
                DiagnosticKind::BadEvidence,
                pos,
                "an evidence item is not one made by cell(), cells(), horizon_item(), law(), partner_priority(), consultation_figure(), plan_consultation() or votes_for(); it was left out",
            )),
        }
    }
    evidence
}

fn to_evidence(d: Dynamic) -> Option<Evidence> {
    let m = d.try_cast::<Map>()?;
    let get = |k: &str| m.get(k).map(|v| v.to_string());
    Some(match get("type")?.as_str() {
        "matrix_cell" => Evidence::MatrixCell {
            district: get("district")?,
            theme: get("theme")?,
            level: Level::parse(&get("level")?)?,
        },
        "horizon_item" => Evidence::HorizonItem { id: get("id")? },
        "legislation" => Evidence::Legislation { id: get("id")? },
        "partner_priority" => Evidence::PartnerPriority { id: get("id")? },
        "consultation" => Evidence::Consultation {
            focus_area: get("focus_area")?,
        },
        "plan_consultation" => Evidence::PlanConsultation,
        "stakeholder_votes" => Evidence::StakeholderVotes {
            theme: get("theme")?,
        },
        _ => return None,
    })
}
