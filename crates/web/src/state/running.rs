//! An evaluation that is taking a while, a rule the page had to stop, and a safe start.
//!
//! The edge runs the rules in a Web Worker (`components/evaluation.rs`). When a run
//! takes longer than a moment it says so ([`Action::EvaluationSlow`], with the rule
//! that is running), so the page can offer Stop. When it stops a rule — the user
//! pressed Stop, the rule was still running long past its time limit, or the rule
//! language trapped — it says which ([`Action::EvaluationStopped`]); the reducer
//! switches that rule off as an ordinary, undoable change, so the others' suggestions
//! are worked out again without it, and keeps a diagnostic for it until it runs again.
//!
//! [`Action::EvaluationSlow`]: super::Action::EvaluationSlow
//! [`Action::EvaluationStopped`]: super::Action::EvaluationStopped

use horizon_engine::{is_shipped_file, Diagnostic, Evaluation, RuleSource, RuleStatus};

use super::{AppState, Change, Notice, Offer, Urgency};
use crate::words;

/// The evaluation the edge said is taking a while.
#[derive(Debug, Clone, PartialEq)]
pub struct Running {
    pub revision: u64,
    /// The id of the rule running now, when the worker has said.
    pub rule: Option<String>,
}

/// Why the page stopped a rule.
#[derive(Debug, Clone, PartialEq)]
pub enum StopReason {
    /// The user pressed Stop, this long after the rule started.
    Asked { after_ms: f64 },
    /// It was still running this long after it started: far past its time limit, in
    /// one step the engine could not interrupt.
    PastTimeLimit { after_ms: f64 },
    /// The rule language stopped with an internal error (its words, for support).
    Crashed { detail: String },
}

impl StopReason {
    /// As a clause: "you pressed Stop after 3.2 seconds".
    pub fn clause(&self) -> String {
        match self {
            StopReason::Asked { after_ms } => {
                format!("you pressed Stop after {}", words::millis(*after_ms))
            }
            StopReason::PastTimeLimit { after_ms } => format!(
                "it was still running after {}, far past a rule's time limit",
                words::millis(*after_ms)
            ),
            // The browser's own words when the rule went deeper than its stack:
            // in the browser, that ends the worker rather than the rule.
            StopReason::Crashed { detail } if detail.contains("call stack size") => format!(
                "it went deeper than the browser allows: lists or maps put inside one another \
                 thousands of times, or functions calling one another without end ({})",
                one_line(detail)
            ),
            StopReason::Crashed { detail } => format!(
                "the rule language stopped with an internal error while running it ({})",
                one_line(detail)
            ),
        }
    }
}

/// `text` on one line, at most 200 characters: a browser's error can be long.
fn one_line(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let flat = flat.trim();
    match flat.char_indices().nth(200) {
        Some((i, _)) => format!("{}…", &flat[..i]),
        None => flat.to_string(),
    }
}

/// What the page knows of a rule by its id: its title, or its file name if its
/// header is broken.
pub fn rule_title(pack: &[RuleSource], id: &str) -> String {
    pack.iter()
        .find_map(|r| match r {
            RuleSource::Parsed(rule) if rule.id == id => Some(rule.title.clone()),
            _ => None,
        })
        .unwrap_or_else(|| id.to_string())
}

impl AppState {
    /// Whether the suggestions shown are from an earlier run than the data now shown.
    pub fn is_previous_run(&self) -> bool {
        self.review.evaluated.is_some() && !self.is_current()
    }

    /// The edge says the evaluation of `revision` is taking a while, running `rule`.
    pub(super) fn evaluation_slow(&mut self, revision: u64, rule: Option<String>) {
        let done = self
            .review
            .evaluated
            .as_ref()
            .is_some_and(|e| e.revision >= revision);
        if !done && revision == self.review.revision {
            self.review.running = Some(Running { revision, rule });
        }
    }

    /// The edge stopped the evaluation of `revision` while it ran `rule` (`None`: before
    /// any rule, or after the last).
    pub(super) fn evaluation_stopped(
        &mut self,
        revision: u64,
        rule: Option<String>,
        why: StopReason,
    ) {
        if self.review.running.as_ref().is_some_and(|r| r.revision <= revision) {
            self.review.running = None;
        }
        let Some(id) = rule else {
            self.session.notices.push(Notice {
                title: "The suggestions could not be worked out".into(),
                text: format!(
                    "The evaluation was stopped before it finished: {}. The suggestions shown are from the previous run; \
                     the next change will try again.",
                    why.clause()
                ),
                offer: Offer::Nothing,
            });
            return;
        };
        let title = rule_title(&self.pack, &id);
        self.review.stopped.retain(|d| d.rule != id);
        self.review.stopped.push(Diagnostic::stopped(&id, &why.clause()));
        let enabled = self.project.work.settings.is_enabled(&id);
        let mut text = format!("Horizon stopped the rule “{title}”: {}.", why.clause());
        if enabled {
            text += " It has been switched off so that the other rules can run, and the suggestions are being worked out \
                     again without it (until then, those shown are from the previous run). Undo switches it back on; \
                     its code is unchanged in Rules.";
        }
        self.session.notices.push(Notice {
            title: format!("Horizon stopped the rule “{title}”"),
            text,
            offer: Offer::Nothing,
        });
        if enabled {
            self.change(
                Change::SetRuleEnabled {
                    rule: id,
                    enabled: false,
                },
                Urgency::Now,
            );
        }
    }

    /// Shows, on `evaluation`'s trace, why the page stopped each rule it stopped, for as
    /// long as that rule stays off; a rule that runs again is forgotten.
    pub(super) fn note_stopped(&mut self, evaluation: &mut Evaluation) {
        self.review.stopped.retain(|d| {
            match evaluation.trace.iter_mut().find(|t| t.rule == d.rule) {
                Some(t) if t.status == RuleStatus::Disabled => {
                    t.diagnostics.push(d.clone());
                    true
                }
                Some(_) => false,
                None => false,
            }
        });
    }

    /// A start that does not run blindly what may have stopped the page: the rule that
    /// was still running when the page last closed (`interrupted`, its id) and, for a
    /// `#safe` start, every rule that is not one of the shipped rules unchanged, are
    /// switched off as undoable changes, and a banner says which.
    pub fn safe_start(mut self, interrupted: Option<&str>, safe: bool) -> AppState {
        if let Some(id) = interrupted.filter(|id| self.project.work.settings.is_enabled(id)) {
            let known = self.pack.iter().any(|r| r.id() == id);
            if known {
                let title = rule_title(&self.pack, id);
                self.change(
                    Change::SetRuleEnabled {
                        rule: id.to_string(),
                        enabled: false,
                    },
                    Urgency::Now,
                );
                self.session.notices.push(Notice {
                    title: format!("The rule “{title}” has been switched off"),
                    text: format!(
                        "Last time, the rule “{title}” was still running when the page was closed or reloaded, so \
                         Horizon has switched it off rather than run it again. Undo switches it back on; its code is \
                         unchanged in Rules."
                    ),
                    offer: Offer::Nothing,
                });
            }
        }
        if safe {
            let custom: Vec<String> = self
                .project
                .work
                .rules
                .iter()
                .filter(|f| !is_shipped_file(f))
                .filter_map(|f| {
                    let id = horizon_engine::Rule::parse(&f.text).ok()?.id;
                    self.project.work.settings.is_enabled(&id).then_some(id)
                })
                .collect();
            let titles: Vec<String> = custom
                .iter()
                .map(|id| format!("“{}”", rule_title(&self.pack, id)))
                .collect();
            for id in custom {
                self.change(
                    Change::SetRuleEnabled {
                        rule: id,
                        enabled: false,
                    },
                    Urgency::Now,
                );
            }
            self.session.notices.push(Notice {
                title: "Safe start".into(),
                text: if titles.is_empty() {
                    "This page was opened with #safe, to start with your own rules switched off. All the rules are \
                     Horizon's own, unchanged, so nothing was switched off."
                        .into()
                } else {
                    format!(
                        "This page was opened with #safe, so your own and edited rules are switched off: {}. \
                         Switch them back on in Rules, one at a time, or undo.",
                        horizon_model::join_and(&titles)
                    )
                },
                offer: Offer::Nothing,
            });
        }
        self
    }
}

/// The banner's title when the rules cannot run in the background.
pub const NO_WORKER_TITLE: &str = "The rules are running on this page itself";

impl AppState {
    /// The edge could not start the worker: say once what that means.
    pub(super) fn no_worker(&mut self) {
        if self.session.notices.iter().any(|n| n.title == NO_WORKER_TITLE) {
            return;
        }
        self.session.notices.push(Notice {
            title: NO_WORKER_TITLE.into(),
            text: "This browser would not start the background worker Horizon runs the rules in, so they run \
                   on the page itself. Your work is safe and each rule still stops at its time limit, but \
                   while the rules run the page cannot answer, and there is no Stop button."
                .into(),
            offer: Offer::Nothing,
        });
    }
}
