//! Two tabs of one browser share one save. When another tab saves different work,
//! this tab stops saving (so it overwrites nothing) and asks: take up the other
//! tab's work, or take it up and keep this tab's work beside it as a snapshot. The
//! other tab hears that this one stopped, and says so too. Nothing is overwritten
//! without the user choosing.
//!
//! The edge listens for the browser's `storage` events (they reach every other tab
//! of the same origin, the one-file page from disk included) and dispatches
//! [`Action::OtherTabSaved`] and [`Action::OtherTabStopped`]; deciding what they
//! mean is here, pure and tested on the host.

use std::rc::Rc;

use super::{check_snapshot_name, AppState, Notice, Offer, Project, Snapshot, Urgency};
use crate::storage::{self, Arrived};

/// Whether another tab has changed the saved work under this one.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum OtherTab {
    /// Nothing seen: this tab's work is the saved work.
    #[default]
    Quiet,
    /// Another tab saved different work (its save, as written): this tab does not
    /// save until the user chooses.
    Changed(Rc<String>),
}

/// The name of the snapshot that keeps this tab's work when the user takes up the
/// other tab's.
pub const KEPT_FROM_THIS_TAB: &str = "Work kept from a second tab";

pub const OTHER_TAB_STOPPED_TITLE: &str = "This work is also open in another tab";

impl AppState {
    /// Whether autosave may write now: it is on, and no other tab's newer work would
    /// be overwritten.
    pub fn may_autosave(&self) -> bool {
        self.session.autosave == super::Autosave::On && self.session.other_tab == OtherTab::Quiet
    }

    /// Another tab wrote `text` to the save.
    pub(super) fn other_tab_saved(&mut self, text: Rc<String>) {
        match storage::arrived(&text, self) {
            // The same work (another tab moved between views, or took up this
            // tab's work): nothing to ask.
            Arrived::Same => self.session.other_tab = OtherTab::Quiet,
            // The same work, with snapshots the other tab kept or removed: taken up
            // quietly, as this tab's next save would otherwise undo them.
            Arrived::Snapshots(project) => {
                self.adopt_snapshots(*project);
                self.session.other_tab = OtherTab::Quiet;
            }
            Arrived::Different => self.session.other_tab = OtherTab::Changed(text),
        }
    }

    /// Another tab stopped saving because of this tab's changes: say so, once.
    pub(super) fn other_tab_stopped(&mut self) {
        if self
            .session
            .notices
            .iter()
            .any(|n| n.title == OTHER_TAB_STOPPED_TITLE)
        {
            return;
        }
        self.session.notices.push(Notice {
            title: OTHER_TAB_STOPPED_TITLE.into(),
            text: "Your changes here are saved in this browser, and another tab showing Horizon had \
                   older work open. That tab has stopped saving, so that it does not overwrite your \
                   changes, and offers to take them up. Close it, or use only one tab, to keep \
                   things simple."
                .into(),
            offer: Offer::Nothing,
        });
    }

    /// Takes up the other tab's work in place of this tab's; with `keep`, this tab's
    /// work stays beside it as a snapshot (named [`KEPT_FROM_THIS_TAB`], taken at
    /// `taken`), to compare or restore.
    pub(super) fn take_other_tab(&mut self, keep: bool, taken: Option<String>) {
        let OtherTab::Changed(text) = &self.session.other_tab else {
            return;
        };
        let start = match storage::decode(text) {
            Ok(start) => start,
            Err(reason) => {
                self.session.status = format!(
                    "The other tab's work could not be taken up: {reason}. This tab's work is unchanged and is still not being saved."
                );
                return;
            }
        };
        let mine = self.project.work.clone();
        let mut project = start.project;
        let mut said = "This tab now shows the work saved by the other tab.".to_string();
        if keep {
            let name = kept_name(&project);
            let id = project.next_snapshot;
            project.next_snapshot += 1;
            project.snapshots.update(|s| {
                s.push(Snapshot {
                    id,
                    name: name.clone(),
                    work: mine,
                    taken,
                })
            });
            said = format!(
                "This tab now shows the work saved by the other tab; its own work is kept as the snapshot “{name}”."
            );
        }
        self.replace_project(project, said);
        self.session.other_tab = OtherTab::Quiet;
    }

    /// Puts a whole project (work, history, snapshots) in place of this one: what
    /// the suggestions depend on may have changed, so they are worked out again.
    fn replace_project(&mut self, project: Project, said: String) {
        let work = project.work.clone();
        self.project.history = project.history.clone();
        self.adopt_snapshots(project);
        self.compare_with_first();
        self.set_work(work, Urgency::Now, said.clone());
        self.opened("the other tab's work".into());
        self.session.status = said;
    }
}

/// [`KEPT_FROM_THIS_TAB`], numbered if the project already has a snapshot of that name.
fn kept_name(project: &Project) -> String {
    (1..)
        .map(|n| match n {
            1 => KEPT_FROM_THIS_TAB.to_string(),
            n => format!("{KEPT_FROM_THIS_TAB} ({n})"),
        })
        .find(|name| check_snapshot_name(project, name, None).is_ok())
        .unwrap_or_default()
}
