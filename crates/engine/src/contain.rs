//! Running one rule so that nothing it does escapes its own diagnostics: a panic
//! inside the rule language becomes a [`DiagnosticKind::Crashed`] diagnostic, and
//! a value nested too deep is measured and taken apart without recursion, so it can
//! neither be read into a suggestion nor overflow the stack when it is dropped.

use std::panic::{catch_unwind, AssertUnwindSafe};

use std::collections::HashMap;
use std::rc::Rc;

use rhai::{Dynamic, Engine, EvalAltResult, FnPtr, Map, Scope, AST};

use crate::api::{Review, RunState, NESTING_TOKEN};
use crate::diagnostic::{Diagnostic, DiagnosticKind};
use crate::evaluate::Limits;
use crate::rule::Rule;

/// Rules compiled by one engine, by id and text, each kept while evaluations use it
/// (`start` before an evaluation, `finish` after: what it did not use is dropped).
/// Looked up by id, then the text compared: hashing each rule's whole text on every
/// evaluation cost more than the comparison.
#[derive(Default)]
pub(crate) struct Compiled {
    asts: HashMap<String, Vec<Kept>>,
}

struct Kept {
    source: String,
    ast: Rc<Result<AST, Diagnostic>>,
    used: bool,
}

impl Compiled {
    pub fn clear(&mut self) {
        self.asts.clear();
    }

    pub fn start(&mut self) {
        for kept in self.asts.values_mut().flatten() {
            kept.used = false;
        }
    }

    pub fn finish(&mut self) {
        for versions in self.asts.values_mut() {
            versions.retain(|k| k.used);
        }
        self.asts.retain(|_, versions| !versions.is_empty());
    }

    /// `rule` compiled by `engine` with `scope`'s names, compiling it if it is new.
    fn get(&mut self, engine: &Engine, scope: &Scope, rule: &Rule, limits: &Limits) -> Rc<Result<AST, Diagnostic>> {
        let versions = self.asts.entry(rule.id.clone()).or_default();
        let at = match versions.iter().position(|k| k.source == rule.source) {
            Some(at) => at,
            None => {
                let ast = engine
                    .compile_with_scope(scope, &rule.source)
                    .map_err(|e| Diagnostic::from_parse(&rule.id, e.err_type(), e.position(), limits));
                versions.push(Kept { source: rule.source.clone(), ast: Rc::new(ast), used: false });
                versions.len() - 1
            }
        };
        versions[at].used = true;
        versions[at].ast.clone()
    }
}

/// Compiles (or takes from `compiled`) and runs `rule`; what it emits is left in
/// `state`. A panic while it runs is this rule's diagnostic, and whatever it emitted
/// before is cleared.
pub(crate) fn run_rule(
    engine: &Engine,
    state: &RunState,
    review: &Review,
    params: Map,
    rule: &Rule,
    limits: &Limits,
    compiled: &mut Compiled,
) -> Result<(), Diagnostic> {
    guarded(&rule.id, state, || {
        let mut scope = Scope::new();
        scope.push_constant("review", review.clone());
        scope.push_constant("params", params);
        let ast = compiled.get(engine, &scope, rule, limits);
        let run = match &*ast {
            Err(d) => Err(d.clone()),
            Ok(ast) => engine
                .run_ast_with_scope(&mut scope, ast)
                .map_err(|e| Diagnostic::from_rhai(&rule.id, &e, limits)),
        };
        for (_, value, _) in scope {
            drop_flat(value);
        }
        if run.is_ok() && state.too_deep.get() {
            // It printed a value too deep to print and finished before it could be stopped.
            let stop =
                EvalAltResult::ErrorTerminated(NESTING_TOKEN.into(), state.too_deep_at.get());
            return Err(Diagnostic::from_rhai(&rule.id, &stop, limits));
        }
        run
    })
}

/// Runs `f`, turning a panic into a [`DiagnosticKind::Crashed`] diagnostic for
/// `rule` (in host builds; in the browser a panic ends the worker, which the page
/// reports). What the rule emitted before the panic is dropped with it.
pub(crate) fn guarded<T>(
    rule: &str,
    state: &RunState,
    f: impl FnOnce() -> Result<T, Diagnostic>,
) -> Result<T, Diagnostic> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            state.clear_emitted();
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .map(|s| one_line(&s))
                .unwrap_or_default();
            let detail = if what.is_empty() {
                String::new()
            } else {
                format!(" ({what})")
            };
            Err(Diagnostic {
                rule: rule.to_string(),
                kind: DiagnosticKind::Crashed,
                line: None,
                column: None,
                message: format!(
                    "the rule stopped because of an internal error in the rule language{detail}; nothing it suggested was kept, and the other rules still ran"
                ),
            })
        }
    }
}

/// At most 200 characters of `text` on one line (its hidden characters written out).
fn one_line(text: &str) -> String {
    let flat = horizon_model::one_line(text);
    let mut out: String = flat.chars().take(200).collect();
    if flat.chars().count() > 200 {
        out.push('…');
    }
    out
}

/// How deep lists and maps are put inside one another in `value` (a plain value
/// is 0, `[1]` is 1, `[[1]]` is 2), or `None` once it passes `limit`: the walk
/// never goes more than `limit` levels down, so it cannot overflow the stack itself.
pub(crate) fn nesting_within(value: &Dynamic, limit: usize) -> Option<usize> {
    if let Ok(a) = value.as_array_ref() {
        items_within(&mut a.iter(), limit)
    } else if let Ok(m) = value.as_map_ref() {
        items_within(&mut m.values(), limit)
    } else {
        Some(0)
    }
}

/// [`nesting_within`] of a list or map whose items are `items`.
pub(crate) fn items_within(
    items: &mut dyn Iterator<Item = &Dynamic>,
    limit: usize,
) -> Option<usize> {
    let below = limit.checked_sub(1)?;
    let mut deepest = 0;
    for v in items {
        deepest = deepest.max(nesting_within(v, below)?);
    }
    Some(deepest + 1)
}

/// Drops `value` one level at a time, so a deeply nested list, map or chain of
/// closures cannot overflow the stack on the way out. Only for values whose rule
/// has finished: a value shared with a closure is emptied, not copied.
pub(crate) fn drop_flat(value: Dynamic) {
    let mut stack = vec![value];
    while let Some(mut v) = stack.pop() {
        if v.is_shared() {
            let inner = v
                .write_lock::<Dynamic>()
                .map(|mut d| std::mem::take(&mut *d));
            stack.extend(inner);
        } else if v.is_array() {
            if let Ok(items) = v.into_array() {
                stack.extend(items);
            }
        } else if v.is_map() {
            if let Some(m) = v.try_cast::<Map>() {
                stack.extend(m.into_values());
            }
        } else if let Some(mut f) = v.try_cast::<FnPtr>() {
            stack.extend(f.iter_curry_mut().map(std::mem::take));
        }
    }
}

/// The stack an evaluation runs on in host builds: deep enough for everything a
/// rule can build within its operations limit (a chain of 500,000 closures is
/// dropped by Rhai one level per frame), reserved but only used as it is touched.
#[cfg(not(target_arch = "wasm32"))]
const STACK: usize = 1 << 30;

/// Runs `f` on a thread of its own with a [`STACK`]-sized stack, so a value a rule
/// nests deeply (inside a function, where Rhai drops it) cannot overflow the
/// caller's stack. If no such thread can be made, `f` runs here.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn on_big_stack<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    let task = std::sync::Mutex::new(Some(f));
    let take = || task.lock().ok().and_then(|mut t| t.take());
    let ran = std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("horizon-evaluate".into())
            .stack_size(STACK)
            .spawn_scoped(scope, || take().map(|f| f()));
        match spawned.map(|handle| handle.join()) {
            Ok(Ok(out)) => out,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(_) => None,
        }
    });
    match ran {
        Some(out) => out,
        None => match take() {
            Some(f) => f(),
            None => unreachable!("the evaluation either ran on its thread or is still here"),
        },
    }
}

/// In the browser the worker's stack is what it is: `f` runs here.
#[cfg(target_arch = "wasm32")]
pub(crate) fn on_big_stack<T>(f: impl FnOnce() -> T) -> T {
    f()
}

// The rule language has no panic a corpus rule can reach (the corpus tries the known
// ones: a sort that is not a total order, NaN in a sort, overflowing indexes), so
// the guard itself is tested here, with a panic of its own.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_the_rules_crashed_diagnostic_and_what_it_emitted_is_dropped() {
        let state = RunState::default();
        state
            .suggestions
            .borrow_mut()
            .push((Map::new(), rhai::Position::NONE));
        let out: Result<(), Diagnostic> = guarded("crasher", &state, || {
            panic!("user-provided comparison function does not correctly implement a total order\nsecond line")
        });
        let d = out.expect_err("a panic is a diagnostic");
        assert_eq!(d.kind, DiagnosticKind::Crashed);
        assert_eq!(d.rule, "crasher");
        assert_eq!(
            d.message,
            "the rule stopped because of an internal error in the rule language (user-provided comparison function does not correctly implement a total order\\nsecond line); nothing it suggested was kept, and the other rules still ran"
        );
        assert!(state.suggestions.borrow().is_empty());
    }

    #[test]
    fn nesting_is_measured_without_going_past_the_limit_and_deep_values_drop_flat() {
        let mut v = Dynamic::from_array(vec![]);
        for _ in 0..200_000 {
            v = Dynamic::from_array(vec![v]);
        }
        assert_eq!(nesting_within(&v, 64), None);
        drop_flat(v);
        let flat = Dynamic::from_array(vec![Dynamic::from_int(1), Dynamic::from_array(vec![])]);
        assert_eq!(nesting_within(&flat, 64), Some(2));
        assert_eq!(nesting_within(&Dynamic::from_int(1), 0), Some(0));
    }
}
