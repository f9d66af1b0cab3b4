//! The page's state and every change to it, as a pure reducer, split by concern:
//!
//! - the **project** (the user's document: the work, its undo history, snapshots;
//!   `crate::project`), changed only through [`Change`]s that the model or
//!   `crate::work` judge;
//! - the **session** (where the user is, what the page is telling them; `session`);
//! - the **review** (the latest evaluation and how the suggestions moved; `review`);
//! - the **rule tests** (the runs asked for and their results; `rule_tests`).
//!
//! Nothing here touches storage, the clock, randomness or the DOM, so every
//! transition is tested on the host (`crates/web/tests/web.rs`). Evaluation runs at
//! the edge (the app root, debounced and timed) and comes back as
//! [`Action::Evaluated`]; the reducer only records it.

mod action;
mod firmness;
mod review;
mod rule_tests;
mod running;
mod session;
mod snapshots;
mod tabs;

use std::rc::Rc;

use horizon_engine::ruletest::CaseResult;
use horizon_engine::{parse_rules, Evaluation, RuleFile, RuleSource};
use horizon_model::{Edit, Level, Scenario};
use yew::Reducible;

pub use crate::forms::horizon::HorizonDraft;
pub use crate::forms::FieldError;
pub use crate::project::{Project, Side, Snapshot, BASELINE};
pub use crate::shared::Shared;
pub use crate::work::{Change, Work};
pub use action::Action;
pub use firmness::*;
pub use review::*;
pub use rule_tests::*;
pub use running::{rule_title, Running, StopReason, NO_WORKER_TITLE};
pub use session::*;
pub use snapshots::check_snapshot_name;
pub use tabs::{OtherTab, KEPT_FROM_THIS_TAB, OTHER_TAB_STOPPED_TITLE};

/// What a session starts from: restored from the browser, or the Kent example.
#[derive(Debug, Clone)]
pub struct Start {
    pub project: Project,
    pub route: Route,
}

impl Start {
    /// The Kent 2016 example with the shipped rules, as its own Baseline.
    pub fn fresh() -> Start {
        Start {
            project: Project::opened(Work::of(horizon_model::EXAMPLES[0].scenario())),
            route: Route::default(),
        }
    }
}

/// Where the user is and what the page is telling them.
#[derive(Debug, Clone)]
pub struct Session {
    pub route: Route,
    /// Counts the user's choices of view (the same view again included), so the edge
    /// can move focus to the heading each time.
    pub navigations: u64,
    pub matrix_sort: MatrixSort,
    /// The matrix's row order, fixed when the user sorts (not on every cell edit,
    /// which would move the row under the pointer).
    pub matrix_order: Shared<Vec<String>>,
    /// The latest status message, read out by the page's live region.
    pub status: String,
    pub notices: Vec<Notice>,
    pub import_problems: Option<ImportReport>,
    pub autosave: Autosave,
    /// The two sides the Compare view shows: before, after.
    pub compare: (Side, Side),
    /// Whether another tab changed the saved work under this one (`tabs`).
    pub other_tab: OtherTab,
}

/// One edit and the scenario it was made to.
#[derive(Debug, Clone)]
pub struct EditStep {
    pub from: Shared<Scenario>,
    pub edit: Shared<Edit>,
}

/// The suggestions and how they got here.
#[derive(Debug, Clone)]
pub struct Review {
    /// Bumped by every change the suggestions depend on.
    pub revision: u64,
    /// How this revision's scenario came from the one before, when it was one edit
    /// (so the edge can send the evaluation's worker the edit, not the scenario).
    pub step: Option<EditStep>,
    pub urgency: Urgency,
    pub evaluated: Option<Shared<Evaluated>>,
    /// How the latest evaluation moved the suggestions, against the one before.
    pub movements: Vec<Movement>,
    /// The revision at which different data was opened: evaluations from before it
    /// are not compared with those after (they are about other data).
    pub baseline: u64,
    /// What was opened at `baseline`, in words, for the "last change" panel.
    pub opened: Option<String>,
    /// What the user last did, in words (the start of the next status message).
    pub last_edit: Option<String>,
    /// How firm the suggestions are that the user asked about, for this revision.
    pub firmness: FirmnessShown,
    /// The evaluation running now, once the edge has said it is taking a while.
    pub running: Option<Running>,
    /// Why the page stopped each rule it had to stop (kept while the rule is off).
    pub stopped: Vec<horizon_engine::Diagnostic>,
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub project: Project,
    /// The rule files with their headers read (titles, parameters, header errors).
    pub pack: Shared<Vec<RuleSource>>,
    pub session: Session,
    pub review: Review,
    pub tests: Shared<RuleTests>,
}

impl AppState {
    pub fn new(start: Start) -> AppState {
        let order = matrix_order(&start.project.work.scenario, MatrixSort::ByCount);
        let pack = parse_rules(&start.project.work.rules);
        AppState {
            project: start.project,
            pack: Shared::new(pack),
            session: Session {
                route: start.route,
                navigations: 0,
                matrix_sort: MatrixSort::ByCount,
                matrix_order: Shared::new(order),
                status: String::new(),
                notices: Vec::new(),
                import_problems: None,
                autosave: Autosave::On,
                compare: (Side::Snapshot(1), Side::Working),
                other_tab: OtherTab::Quiet,
            },
            review: Review {
                revision: 0,
                step: None,
                urgency: Urgency::Now,
                evaluated: None,
                movements: Vec::new(),
                baseline: 0,
                opened: None,
                last_edit: None,
                firmness: FirmnessShown::default(),
                running: None,
                stopped: Vec::new(),
            },
            tests: Shared::default(),
        }
    }

    pub fn scenario(&self) -> &Shared<Scenario> {
        &self.project.work.scenario
    }

    pub fn rule_files(&self) -> &Shared<Vec<RuleFile>> {
        &self.project.work.rules
    }

    /// Whether the suggestions shown are for the current data (false while an edit waits).
    pub fn is_current(&self) -> bool {
        self.review
            .evaluated
            .as_ref()
            .is_some_and(|e| e.revision == self.review.revision)
    }

    /// The index in the pack of the rule the route names (the first rule otherwise).
    pub fn selected_rule(&self) -> usize {
        self.session
            .route
            .rule
            .as_ref()
            .and_then(|id| self.pack.iter().position(|r| r.id() == id))
            .unwrap_or(0)
    }

    /// Whether the matrix rows are no longer in the chosen order (counts changed since sorting).
    pub fn matrix_order_is_stale(&self) -> bool {
        *self.session.matrix_order != matrix_order(self.scenario(), self.session.matrix_sort)
    }

    /// Puts `work` in place of the working copy, re-reading the rules if they changed,
    /// and records a change the suggestions depend on.
    fn set_work(&mut self, work: Work, urgency: Urgency, said: String) {
        if !work.rules.same(&self.project.work.rules) {
            self.pack = Shared::new(parse_rules(&work.rules));
        }
        let old = &self.project.work;
        let only_tests = work.scenario.same(&old.scenario)
            && work.rules.same(&old.rules)
            && work.settings.same(&old.settings);
        self.project.work = work;
        if only_tests {
            // A rule test added or deleted: the suggestions do not depend on it.
            self.session.status = said;
            return;
        }
        self.review.revision += 1;
        self.review.step = None;
        self.review.firmness = FirmnessShown::default();
        self.review.urgency = urgency;
        self.session.status = said.clone();
        self.review.last_edit = Some(said);
    }

    /// The step from the working copy to `work`, which `change` made from it, when
    /// that is one edit of the scenario (`Review::step`).
    fn step_to(&self, work: &Work, change: &Change) -> Option<EditStep> {
        match change {
            Change::Scenario(edit) if !work.scenario.same(self.scenario()) => Some(EditStep {
                from: self.scenario().clone(),
                edit: Shared::new(edit.clone()),
            }),
            _ => None,
        }
    }

    /// Makes `change` and records it for undo; a refusal is said and changes nothing.
    fn change(&mut self, change: Change, urgency: Urgency) -> bool {
        let mut work = self.project.work.clone();
        match work.apply(&change) {
            Ok(said) => {
                let step = self.step_to(&work, &change);
                self.project
                    .history
                    .update(|h| h.record(change, said.clone(), &work));
                self.set_work(work, urgency, said);
                self.review.step = step;
                true
            }
            Err(refusal) => {
                self.session.status = refusal.sentence();
                false
            }
        }
    }

    /// Different data was opened: suggestions are not compared across it.
    fn opened(&mut self, what: String) {
        self.session.matrix_order =
            Shared::new(matrix_order(self.scenario(), self.session.matrix_sort));
        self.session.import_problems = None;
        self.review.baseline = self.review.revision;
        self.review.opened = Some(what);
    }

    /// The pure transition: this state after `action`.
    pub fn apply(mut self, action: Action) -> AppState {
        match action {
            Action::Navigate(route) => {
                if route.view == View::Matrix && self.session.route.view != View::Matrix {
                    // Coming back to the matrix, rows are sorted afresh.
                    self.session.matrix_order =
                        Shared::new(matrix_order(self.scenario(), self.session.matrix_sort));
                }
                self.session.route = route;
                self.session.navigations += 1;
            }
            // A whole new scenario (a new review, an import) is opened, not edited.
            Action::Change(Change::Scenario(Edit::Replace(scenario))) => {
                let source = format!("“{}”", scenario.meta.title);
                self.load(*scenario, source)
            }
            Action::Change(change) => {
                let urgency = match change {
                    Change::RuleText { .. } | Change::SetParam { .. } => Urgency::AfterTyping,
                    _ => Urgency::Now,
                };
                self.change(change, urgency);
            }
            Action::CycleCell { district, theme } => {
                let level = Level::cycle(self.scenario().level(&district, &theme));
                self.change(
                    Change::Scenario(Edit::SetCell {
                        district,
                        theme,
                        level,
                    }),
                    Urgency::Now,
                );
            }
            Action::Undo => {
                let mut history = (*self.project.history).clone();
                match history.undo() {
                    Some((work, said)) => {
                        self.project.history = Shared::new(history);
                        self.set_work(work, Urgency::Now, format!("Undone: {said}"));
                    }
                    None => self.session.status = "There is nothing to undo.".into(),
                }
            }
            Action::Redo => {
                let mut history = (*self.project.history).clone();
                match history.redo(&self.project.work) {
                    Some((work, said)) => {
                        let redone = history.cursor.checked_sub(1).and_then(|i| history.steps.get(i));
                        let step = redone.and_then(|s| self.step_to(&work, &s.change));
                        self.project.history = Shared::new(history);
                        self.set_work(work, Urgency::Now, format!("Redone: {said}"));
                        self.review.step = step;
                    }
                    None => self.session.status = "There is nothing to redo.".into(),
                }
            }
            Action::SaveSnapshot { name, taken } => self.save_snapshot(&name, taken),
            Action::RestoreSnapshot(id) => self.restore_snapshot(id),
            Action::RenameSnapshot { id, name } => self.rename_snapshot(id, &name),
            Action::DeleteSnapshot(id) => self.delete_snapshot(id),
            Action::Compare(a, b) => self.session.compare = (a, b),
            Action::LoadScenario { scenario, source } => self.load(*scenario, source),
            Action::OpenProject { project, source } => self.open_project(*project, source),
            Action::SortMatrix(sort) => {
                self.session.matrix_sort = sort;
                self.session.matrix_order = Shared::new(matrix_order(self.scenario(), sort));
                self.session.status = match sort {
                    MatrixSort::ByCount => {
                        "Themes sorted by number of districts, most first.".into()
                    }
                    MatrixSort::ByName => "Themes sorted by name.".into(),
                };
            }
            Action::AddRuleFromTemplate => {
                let taken = |c: &str| {
                    self.pack.iter().any(|r| r.id() == c)
                        || self
                            .rule_files()
                            .iter()
                            .any(|f| f.name == format!("{c}.rhai"))
                };
                let mut n = 1;
                while taken(&format!("my-rule-{n}")) {
                    n += 1;
                }
                let id = format!("my-rule-{n}");
                let file = RuleFile {
                    name: format!("{id}.rhai"),
                    text: crate::work::rule_template(&id, n),
                };
                if self.change(Change::AddRule(file), Urgency::Now) {
                    self.session.route = Route {
                        view: View::Rules,
                        rule: Some(id),
                        round: None,
                    };
                }
            }
            Action::RunRuleTests(rule) => self.run_tests(rule),
            Action::RunRuleTestsIfAdded { file, rule } => {
                if self.project.work.tests.iter().any(|f| f.name == file) {
                    let said = self.session.status.clone();
                    self.run_tests(rule);
                    self.session.status = format!("{said} {}", self.session.status);
                }
            }
            Action::RuleTestsRan {
                serial,
                pack,
                cases,
                untested,
                millis,
                working_millis,
            } => self.tests_ran(serial, &pack, cases, untested, (millis, working_millis)),
            Action::RuleTestsProgress { serial, done, of } => self.tests_progress(serial, done, of),
            Action::ImportFailed(report) => {
                self.session.status = format!(
                    "{} could not be opened: {}. Your current work is unchanged.",
                    report.file_name,
                    crate::words::count(report.problems.len(), "problem", "problems")
                );
                self.session.import_problems = Some(report);
            }
            Action::DismissImportProblems => self.session.import_problems = None,
            Action::Evaluated {
                revision,
                scenario,
                evaluation,
                millis,
            } => self.evaluated(revision, scenario, *evaluation, millis),
            Action::EvaluationSlow { revision, rule } => self.evaluation_slow(revision, rule),
            Action::EvaluationStopped {
                revision,
                rule,
                why,
            } => self.evaluation_stopped(revision, rule, why),
            Action::FirmnessAsked(id) => self.firmness_asked(id),
            Action::FirmnessFound {
                revision,
                id,
                answer,
            } => self.firmness_found(revision, id, answer),
            Action::FirmnessHidden(id) => self.firmness_hidden(&id),
            Action::AddNotice(notice) => self.session.notices.push(notice),
            Action::DismissNotice(i) => {
                if i < self.session.notices.len() {
                    self.session.notices.remove(i);
                }
            }
            Action::Status(text) => self.session.status = text,
            Action::AutosaveFailed(reason) => {
                if self.session.autosave == Autosave::On {
                    self.session.notices.push(Notice {
                        title: "Your work is not being saved in this browser".into(),
                        text: format!(
                            "{reason} Save the project to a file to keep everything (the scenario, your rules and their settings, and your snapshots) on your computer; you can open it again here or on another computer."
                        ),
                        offer: Offer::SaveProject,
                    });
                }
                self.session.autosave = Autosave::Off(reason);
            }
            Action::NoWorker => self.no_worker(),
            Action::OtherTabSaved(text) => self.other_tab_saved(text),
            Action::OtherTabStopped => self.other_tab_stopped(),
            Action::TakeOtherTab { keep, taken } => self.take_other_tab(keep, taken),
        }
        self
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
