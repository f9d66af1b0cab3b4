//! Everything that can happen to the page's state: what the user does, and what the
//! edges (the worker, storage, other tabs, files) report back. The reducer in
//! `mod.rs` takes each in turn.

use super::*;

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
    /// Saves the working copy as a named snapshot; `taken` is the date and time in
    /// words, from the edge (the reducer has no clock).
    SaveSnapshot {
        name: String,
        taken: Option<String>,
    },
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
    /// Runs the rule tests against the rules as they are now: every test, or those
    /// naming one rule.
    RunRuleTests(Option<String>),
    /// After adding the test `file`: runs the tests of `rule` (every test for `None`)
    /// if the test is there (it was not refused).
    RunRuleTestsIfAdded {
        file: String,
        rule: Option<String>,
    },
    /// What the edge found running them, with the pack it ran; `untested` only
    /// from a run of every test.
    RuleTestsRan {
        serial: u64,
        pack: Shared<Vec<RuleSource>>,
        cases: Vec<CaseResult>,
        untested: Option<Vec<String>>,
        /// From the click to the results.
        millis: f64,
        /// Running tests, without the pauses that keep the page answering.
        working_millis: f64,
    },
    /// How far a run has got (tests done, of how many).
    RuleTestsProgress {
        serial: u64,
        done: usize,
        of: usize,
    },
    ImportFailed(ImportReport),
    DismissImportProblems,
    Evaluated {
        revision: u64,
        scenario: Shared<Scenario>,
        evaluation: Box<Evaluation>,
        millis: f64,
    },
    /// The evaluation of `revision` is taking a while; it is running `rule` (an id).
    EvaluationSlow {
        revision: u64,
        rule: Option<String>,
    },
    /// The edge stopped the evaluation of `revision` while it ran `rule`.
    EvaluationStopped {
        revision: u64,
        rule: Option<String>,
        why: StopReason,
    },
    /// "How firm is this?": the edge works it out and answers with `FirmnessFound`.
    FirmnessAsked(horizon_engine::SuggestionId),
    FirmnessFound {
        revision: u64,
        id: horizon_engine::SuggestionId,
        answer: FirmnessAnswer,
    },
    FirmnessHidden(horizon_engine::SuggestionId),
    AddNotice(Notice),
    DismissNotice(usize),
    /// A message from an effect at the edge ("Saved scenario.json").
    Status(String),
    AutosaveFailed(String),
    /// The browser could not start the evaluation's worker: the rules run on the
    /// page's own thread from now on.
    NoWorker,
    /// Another tab of this browser wrote this save.
    OtherTabSaved(std::rc::Rc<String>),
    /// Another tab stopped saving, because this tab changed the work under it.
    OtherTabStopped,
    /// Takes up the other tab's work in place of this tab's; `keep` keeps this tab's
    /// work beside it as a snapshot, taken at `taken` (the edge's clock).
    TakeOtherTab {
        keep: bool,
        taken: Option<String>,
    },
}

impl Action {
    /// A scenario edit, as a change to the work.
    pub fn edit(edit: Edit) -> Action {
        Action::Change(Change::Scenario(edit))
    }
}
