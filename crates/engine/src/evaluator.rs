//! Evaluating again and again: an [`Evaluator`] keeps what one evaluation builds that
//! the next can use unchanged, so a page re-evaluating after each edit, or the
//! firmness search running the rules dozens of times, does not rebuild it.
//!
//! * The sandboxed engine with the review API registered, while the limits are the same.
//! * Each rule compiled, by its id and text, while the engine is the same. Only the
//!   rules of the last evaluation are kept, so editing a rule does not pile up versions.
//! * The review tables a rule reads, while the scenario is equal to the one they were
//!   built from (compared whole: cheaper than building them).
//! * The rule files read ([`Evaluator::evaluate_files`]), while they are the same
//!   files: reading a header and hashing the text for its version was a tenth of a
//!   kept evaluation of Kent in the page.
//!
//! What a rule emits, its diagnostics and the time and operations it is allowed are
//! per run, as they are for [`crate::evaluate`], whose result is the same.

use std::rc::Rc;

use horizon_model::Scenario;
use rhai::Engine;

use crate::api::{self, Review, RunState, Tables};
use crate::bounds::Notes;
use crate::coherence;
use crate::contain::{self, Compiled};
use crate::diagnostic::DiagnosticKind;
use crate::evidence::Citable;
use crate::evaluate::{params_for, sandbox, Evaluation, Limits, RuleSource, RuleStatus, RuleTrace, Settings};
use crate::index::ReviewIndex;
use crate::suggest_map::to_suggestion;
use crate::suggestion;
use crate::why_not::{to_near_miss, MAX_NEAR_MISSES};
use crate::{parse_rules, RuleFile};

/// Evaluations that share what they can (see the module documentation). Not `Send`:
/// keep one per thread (the page's worker keeps one for its life).
#[derive(Default)]
pub struct Evaluator {
    /// The engine, its run state and the limits it was built for.
    engine: Option<(Engine, Rc<RunState>, Limits)>,
    compiled: Compiled,
    tables: Option<(Scenario, Review)>,
    pack: Option<(Vec<RuleFile>, Rc<[RuleSource]>)>,
}

impl Evaluator {
    /// As [`Evaluator::evaluate`], from the rule files as written: they are read as
    /// [`crate::parse_rules`] reads them, again only when they differ from the last.
    pub fn evaluate_files(
        &mut self,
        scenario: &Scenario,
        files: &[RuleFile],
        settings: &Settings,
        limits: &Limits,
        starting: &mut dyn FnMut(&str),
    ) -> Evaluation {
        let pack = match &self.pack {
            Some((kept, pack)) if kept.as_slice() == files => pack.clone(),
            _ => {
                let pack: Rc<[RuleSource]> = parse_rules(files).into();
                self.pack = Some((files.to_vec(), pack.clone()));
                pack
            }
        };
        self.evaluate(scenario, &pack, settings, limits, starting)
    }

    /// Runs `rules` over `scenario`, as [`crate::evaluate_watched`] does.
    pub fn evaluate(
        &mut self,
        scenario: &Scenario,
        rules: &[RuleSource],
        settings: &Settings,
        limits: &Limits,
        starting: &mut dyn FnMut(&str),
    ) -> Evaluation {
        let limits = &limits.for_pack(settings);
        if self.engine.as_ref().is_none_or(|(_, _, l)| l != limits) {
            let state = Rc::new(RunState::default());
            let mut engine = sandbox(limits);
            api::register(&mut engine, state.clone(), limits);
            self.engine = Some((engine, state, limits.clone()));
            self.compiled.clear();
        }
        if self.tables.as_ref().is_none_or(|(s, _)| s != scenario) {
            let review = Review::new(Tables::build(&ReviewIndex::new(scenario)));
            self.tables = Some((scenario.clone(), review));
        }
        let (Some((engine, state, _)), Some((_, review))) = (&self.engine, &self.tables) else {
            unreachable!("both were made above")
        };
        let review = review.clone();
        let facts = Citable::new(scenario);
        self.compiled.start();

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
                        not_suggested: vec![],
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
                not_suggested: vec![],
            };
            if !settings.is_enabled(&rule.id) {
                trace.push(t);
                continue;
            }
            starting(&rule.id);
            let mut notes = Notes::new(limits);
            let params = params_for(rule, settings, &mut notes);
            state.reset(limits);
            let run = contain::run_rule(engine, state, &review, params, rule, limits, &mut self.compiled);
            t.operations = state.operations();
            t.printed = std::mem::take(&mut *state.printed.borrow_mut());
            let emitted = std::mem::take(&mut *state.suggestions.borrow_mut());
            let missed = std::mem::take(&mut *state.not_suggested.borrow_mut());
            // Reading what the rule emitted is guarded too (`suggest` has already
            // refused values nested past the limit).
            let run = run.and_then(|()| {
                contain::guarded(&rule.id, &state, || {
                    let (mut made, mut near) = (Vec::new(), Vec::new());
                    for (m, pos) in missed.into_iter().take(MAX_NEAR_MISSES) {
                        if let Some(n) = to_near_miss(&rule.id, m, pos, scenario, &mut notes) {
                            near.push(n);
                        }
                    }
                    for (m, pos) in emitted {
                        if let Some(s) = to_suggestion(rule, m, pos, scenario, &facts, &mut notes) {
                            made.push(s);
                        }
                    }
                    Ok((made, near))
                })
            });
            match run {
                Ok((made, near)) => {
                    // What was cut past a bound is said once, whatever else was said.
                    t.diagnostics = notes.finish(&rule.id, None);
                    t.diagnostics
                        .extend(state.cuts.diagnostics(&rule.id, limits, MAX_NEAR_MISSES));
                    t.not_suggested = near;
                    t.suggestions = made.len();
                    raw.extend(made);
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
                    t.diagnostics = notes.finish(&rule.id, Some(d));
                    t.status = RuleStatus::Failed;
                }
            }
            trace.push(t);
        }

        let suggestions = coherence::fold(suggestion::merge(raw));
        let (conflicts, conflicts_unlisted) = suggestion::conflicts(&suggestions, scenario);
        let proposed = suggestion::propose(&suggestions, scenario);
        let evaluation = Evaluation {
            suggestions,
            conflicts,
            conflicts_unlisted,
            proposed,
            trace,
            lookup: Default::default(),
        };
        self.compiled.finish();
        evaluation
    }
}


