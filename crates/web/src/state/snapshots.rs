//! The project's snapshots and whole-work replacements: save, restore, rename,
//! delete, open a scenario or a project. Each is a method on [`AppState`] that the
//! reducer calls; restoring and opening are changes to the work, so they can be undone.

use horizon_model::{limits, Scenario};

use super::{AppState, Change, Project, Shared, Side, Snapshot, Urgency, BASELINE};

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
    pub(super) fn save_snapshot(&mut self, name: &str, taken: Option<String>) {
        match check_snapshot_name(&self.project, name, None) {
            Ok(name) => {
                let id = self.project.next_snapshot;
                self.project.next_snapshot += 1;
                let work = self.project.work.clone();
                self.project.snapshots.update(|s| {
                    s.push(Snapshot {
                        id,
                        name: name.clone(),
                        work,
                        taken,
                    })
                });
                self.project.started_from = Some(id);
                self.session.status = format!("Snapshot “{name}” saved.");
            }
            Err(why) => self.session.status = format!("{why}."),
        }
    }

    pub(super) fn restore_snapshot(&mut self, id: u32) {
        let Some(snap) = self.project.snapshot(id).cloned() else {
            return;
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

    pub(super) fn rename_snapshot(&mut self, id: u32, name: &str) {
        match check_snapshot_name(&self.project, name, Some(id)) {
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

    pub(super) fn delete_snapshot(&mut self, id: u32) {
        let Some(name) = self.project.snapshot(id).map(|s| s.name.clone()) else {
            return;
        };
        self.project.snapshots.update(|s| s.retain(|s| s.id != id));
        if self.project.started_from == Some(id) {
            self.project.started_from = None;
        }
        let gone = |s: Side| {
            if s == Side::Snapshot(id) {
                Side::Working
            } else {
                s
            }
        };
        let (a, b) = self.session.compare;
        self.session.compare = (gone(a), gone(b));
        self.session.status = format!("Snapshot “{name}” deleted.");
    }

    /// Takes `project`'s snapshots (and which one the work started from) in place of
    /// this project's; snapshot ids never go back, so none is given out twice.
    pub(super) fn adopt_snapshots(&mut self, project: Project) {
        self.project.snapshots = project.snapshots;
        self.project.started_from = project.started_from;
        self.project.next_snapshot = self.project.next_snapshot.max(project.next_snapshot);
    }

    /// Compare shows the first snapshot (the Baseline, if kept) against the work.
    pub(super) fn compare_with_first(&mut self) {
        let first = self.project.snapshots.first().map(|s| s.id);
        self.session.compare = (first.map_or(Side::Working, Side::Snapshot), Side::Working);
    }

    /// A project file replaces the work (undoably) and the snapshots.
    pub(super) fn open_project(&mut self, project: Project, source: String) {
        if self.change(
            Change::Replace {
                work: Box::new(project.work.clone()),
                what: source.clone(),
            },
            Urgency::Now,
        ) {
            self.adopt_snapshots(project);
            self.compare_with_first();
            self.opened(source);
        }
    }

    /// Opens `scenario` in place of the current one (undoably); it becomes the new
    /// Baseline snapshot, and other snapshots stay.
    pub(super) fn load(&mut self, scenario: Scenario, source: String) {
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
            // The old Baseline is kept, under a name that says what it was: opening
            // can be undone, and nothing the user compared against is lost.
            let kept = self
                .project
                .snapshots
                .iter()
                .find(|s| s.name == BASELINE)
                .map(|s| {
                    (
                        s.id,
                        format!("Baseline before {source}: {}", s.work.scenario.meta.title),
                    )
                });
            self.project.snapshots.update(|s| {
                if let Some((old, name)) = &kept {
                    let mut name: String = name.chars().take(horizon_model::limits::NAME).collect();
                    let mut n = 2;
                    while s
                        .iter()
                        .any(|x| x.id != *old && x.name.eq_ignore_ascii_case(&name))
                    {
                        name = format!(
                            "{} ({n})",
                            name.chars()
                                .take(horizon_model::limits::NAME - 5)
                                .collect::<String>()
                        );
                        n += 1;
                    }
                    if let Some(x) = s.iter_mut().find(|x| x.id == *old) {
                        x.name = name;
                    }
                }
                s.insert(
                    0,
                    Snapshot {
                        id,
                        name: BASELINE.into(),
                        work,
                        taken: None,
                    },
                );
            });
            self.project.started_from = Some(id);
            self.session.compare = (Side::Snapshot(id), Side::Working);
            self.opened(source);
        }
    }
}
