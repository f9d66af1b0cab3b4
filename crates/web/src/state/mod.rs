//! The page's state and every change to it, as a pure reducer, split by concern:
//!
//! - the **project** (the user's document: the work, its undo history, snapshots;
//!   `crate::project`), changed only through [`Change`]s that the model or
//!   `crate::work` judge;
//! - the **session** (where the user is, what the page is telling them; `session`);
//! - the **review** (the latest evaluation and how the suggestions moved; `review`).
//!
//! Nothing here touches storage, the clock, randomness or the DOM, so every
//! transition is tested on the host (`crates/web/tests/web.rs`). Evaluation runs at
//! the edge (the app root, debounced and timed) and comes back as
//! [`Action::Evaluated`]; the reducer only records it.

mod review;
mod session;

use std::rc::Rc;

use horizon_engine::{parse_rules, Evaluation, RuleFile, RuleSource};
use horizon_model::{limits, Edit, Level, Scenario};
use yew::Reducible;

pub use crate::forms::horizon::HorizonDraft;
pub use crate::forms::FieldError;
pub use crate::project::{Project, Side, Snapshot, BASELINE};
pub use crate::shared::Shared;
pub use crate::work::{Change, Work};
pub use review::*;
pub use session::*;

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
}

/// The suggestions and how they got here.
#[derive(Debug, Clone)]
pub struct Review {
    /// Bumped by every change the suggestions depend on.
    pub revision: u64,
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
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub project: Project,
    /// The rule files with their headers read (titles, parameters, header errors).
    pub pack: Shared<Vec<RuleSource>>,
    pub session: Session,
    pub review: Review,
}

#[derive(Debug)]
pub enum Action {
    /// The user chose a place in the page (a link, a button).
    Navigate(Route),
    /// Any change to the work: recorded for undo, then re-evaluated.
    Change(Change),
    /// Moves a matrix cell one step along none → main → subsidiary → issue → none.
    CycleCell {
        district: String,
        theme: String,
    },
    Undo,
    Redo,
    /// Saves the working copy as a named snapshot.
    SaveSnapshot(String),
    RestoreSnapshot(u32),
    RenameSnapshot {
        id: u32,
        name: String,
    },
    DeleteSnapshot(u32),
    /// Chooses what the Compare view compares: before, after.
    Compare(Side, Side),
    /// A scenario from a file or an example replaces the current one (undoable); it
    /// becomes the Baseline snapshot.
    LoadScenario {
        scenario: Box<Scenario>,
        source: String,
    },
    /// A project file replaces the work (undoable) and the snapshots.
    OpenProject {
        project: Box<Project>,
        source: String,
    },
    SortMatrix(MatrixSort),
    AddRuleFromTemplate,
    ImportFailed(ImportReport),
    DismissImportProblems,
    Evaluated {
        revision: u64,
        scenario: Shared<Scenario>,
        evaluation: Box<Evaluation>,
        millis: f64,
    },
    AddNotice(Notice),
    DismissNotice(usize),
    /// A message from an effect at the edge ("Saved scenario.json").
    Status(String),
    AutosaveFailed(String),
}

impl Action {
    /// A scenario edit, as a change to the work.
    pub fn edit(edit: Edit) -> Action {
        Action::Change(Change::Scenario(edit))
    }
}

/// Whether `name` can name a new snapshot (`except`: the one being renamed).
pub fn check_snapshot_name(p: &Project, name: &str, except: Option<u32>) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Enter a name for the snapshot".into());
    }
    if name.chars().count() > limits::NAME {
        return Err(format!(
            "The name must be {} characters or fewer",
            limits::NAME
        ));
    }
    if p.snapshots
        .iter()
        .any(|s| Some(s.id) != except && s.name.trim().eq_ignore_ascii_case(name))
    {
        return Err(format!("There is already a snapshot called “{name}”"));
    }
    Ok(name.to_string())
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
            },
            review: Review {
                revision: 0,
                urgency: Urgency::Now,
                evaluated: None,
                movements: Vec::new(),
                baseline: 0,
                opened: None,
                last_edit: None,
            },
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
        self.project.work = work;
        self.review.revision += 1;
        self.review.urgency = urgency;
        self.session.status = said.clone();
        self.review.last_edit = Some(said);
    }

    /// Makes `change` and records it for undo; a refusal is said and changes nothing.
    fn change(&mut self, change: Change, urgency: Urgency) -> bool {
        let mut work = self.project.work.clone();
        match work.apply(&change) {
            Ok(said) => {
                self.project
                    .history
                    .update(|h| h.record(change, said.clone(), &work));
                self.set_work(work, urgency, said);
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
                        self.project.history = Shared::new(history);
                        self.set_work(work, Urgency::Now, format!("Redone: {said}"));
                    }
                    None => self.session.status = "There is nothing to redo.".into(),
                }
            }
            Action::SaveSnapshot(name) => match check_snapshot_name(&self.project, &name, None) {
                Ok(name) => {
                    let id = self.project.next_snapshot;
                    self.project.next_snapshot += 1;
                    let work = self.project.work.clone();
                    self.project.snapshots.update(|s| {
                        s.push(Snapshot {
                            id,
                            name: name.clone(),
                            work,
                        })
                    });
                    self.project.started_from = Some(id);
                    self.session.status = format!("Snapshot “{name}” saved.");
                }
                Err(why) => self.session.status = format!("{why}."),
            },
            Action::RestoreSnapshot(id) => {
                let Some(snap) = self.project.snapshot(id).cloned() else {
                    return self;
                };
                let what = format!("the snapshot “{}”", snap.name);
                if self.change(
                    Change::Replace {
                        work: Box::new(snap.work),
                        what: what.clone(),
                    },
                    Urgency::Now,
                ) {
                    self.project.started_from = Some(id);
                    self.opened(what);
                }
            }
            Action::RenameSnapshot { id, name } => {
                match check_snapshot_name(&self.project, &name, Some(id)) {
                    Ok(name) => {
                        let mut old = String::new();
                        self.project.snapshots.update(|list| {
                            if let Some(s) = list.iter_mut().find(|s| s.id == id) {
                                old = std::mem::replace(&mut s.name, name.clone());
                            }
                        });
                        self.session.status = format!("Snapshot “{old}” renamed to “{name}”.");
                    }
                    Err(why) => self.session.status = format!("{why}."),
                }
            }
            Action::DeleteSnapshot(id) => {
                let Some(name) = self.project.snapshot(id).map(|s| s.name.clone()) else {
                    return self;
                };
                self.project.snapshots.update(|s| s.retain(|s| s.id != id));
                if self.project.started_from == Some(id) {
                    self.project.started_from = None;
                }
                let (a, b) = self.session.compare;
                let gone = |s: Side| {
                    if s == Side::Snapshot(id) {
                        Side::Working
                    } else {
                        s
                    }
                };
                self.session.compare = (gone(a), gone(b));
                self.session.status = format!("Snapshot “{name}” deleted.");
            }
            Action::Compare(a, b) => self.session.compare = (a, b),
            Action::LoadScenario { scenario, source } => self.load(*scenario, source),
            Action::OpenProject { project, source } => {
                let project = *project;
                if self.change(
                    Change::Replace {
                        work: Box::new(project.work.clone()),
                        what: source.clone(),
                    },
                    Urgency::Now,
                ) {
                    self.project.snapshots = project.snapshots;
                    self.project.started_from = project.started_from;
                    self.project.next_snapshot =
                        self.project.next_snapshot.max(project.next_snapshot);
                    let first = self.project.snapshots.first().map(|s| s.id);
                    self.session.compare =
                        (first.map_or(Side::Working, Side::Snapshot), Side::Working);
                    self.opened(source);
                }
            }
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
                    };
                }
            }
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
                            "{reason} Use Data → Save the project to keep a copy on your computer."
                        ),
                        kept_aside: None,
                    });
                }
                self.session.autosave = Autosave::Off(reason);
            }
        }
        self
    }

    /// Opens `scenario` in place of the current one (undoably); it becomes the new
    /// Baseline snapshot, and other snapshots stay.
    fn load(&mut self, scenario: Scenario, source: String) {
        // Checked as the model checks any file: nothing half-valid is opened.
        if let Some(first) = horizon_model::validate(&scenario).first() {
            self.session.status =
                format!("{source} could not be opened: {first}. Your current work is unchanged.");
            return;
        }
        let mut work = self.project.work.clone();
        work.scenario = Shared::new(scenario);
        if self.change(
            Change::Replace {
                work: Box::new(work.clone()),
                what: source.clone(),
            },
            Urgency::Now,
        ) {
            let id = self.project.next_snapshot;
            self.project.next_snapshot += 1;
            self.project.snapshots.update(|s| {
                s.retain(|s| s.name != BASELINE);
                s.insert(
                    0,
                    Snapshot {
                        id,
                        name: BASELINE.into(),
                        work,
                    },
                );
            });
            self.project.started_from = Some(id);
            self.session.compare = (Side::Snapshot(id), Side::Working);
            self.opened(source);
        }
    }

    fn evaluated(
        &mut self,
        revision: u64,
        scenario: Shared<Scenario>,
        evaluation: Evaluation,
        millis: f64,
    ) {
        let review = &mut self.review;
        if review
            .evaluated
            .as_ref()
            .is_some_and(|e| e.revision > revision)
        {
            return; // an older result arriving late
        }
        let lines = summarise(&evaluation, &scenario);
        let comparable = review
            .evaluated
            .as_ref()
            .filter(|previous| previous.revision >= review.baseline || revision < review.baseline);
        let counted = format!(
            "{} from {}.",
            crate::words::count(lines.len(), "suggested change", "suggested changes"),
            crate::words::count(evaluation.trace.len(), "rule", "rules")
        );
        match comparable {
            Some(previous) => {
                review.movements = movements(&previous.lines, &lines);
                review.opened = None;
                if let Some(edit) = review.last_edit.take() {
                    self.session.status =
                        format!("{edit} {}", describe_movements(&review.movements));
                }
            }
            None => {
                review.movements = Vec::new();
                self.session.status = match review.last_edit.take() {
                    Some(edit) => format!("{edit} {counted}"),
                    None => counted,
                };
            }
        }
        review.evaluated = Some(Shared::new(Evaluated {
            revision,
            scenario,
            evaluation,
            millis,
            lines,
        }));
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}
