//! The page's state and every change to it, as a pure reducer.
//!
//! Nothing here touches storage, the clock, randomness or the DOM, so every
//! transition is tested on the host (`crates/web/tests/web.rs`). Evaluation itself
//! runs at the edge (the app root, debounced and timed) and comes back as
//! [`Action::Evaluated`]; the reducer only records it.
//!
//! The web crate makes no domain decisions: what to suggest is horizon-engine's;
//! what a scenario may contain is horizon-model's. What lives here is the page's
//! bookkeeping: which view is open, what changed, what to tell the user.

use std::rc::Rc;

use horizon_engine::{
    parse_rules, shipped_rule_files, Evaluation, Kind, ParamValue, RuleFile, RuleSource, Settings,
};
use horizon_model::{Edit, HorizonCategory, HorizonItem, Level, Scenario, TimeHorizon};
use serde::{Deserialize, Serialize};
use yew::Reducible;

pub use crate::shared::Shared;

/// The five views, in the order the navigation lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    #[default]
    Review,
    Plan,
    Matrix,
    Horizon,
    Context,
    Rules,
    Data,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Review,
        View::Plan,
        View::Matrix,
        View::Horizon,
        View::Context,
        View::Rules,
        View::Data,
    ];

    /// The id used in links and saved work.
    pub fn slug(self) -> &'static str {
        match self {
            View::Review => "review",
            View::Plan => "plan",
            View::Matrix => "matrix",
            View::Horizon => "horizon",
            View::Context => "context",
            View::Rules => "rules",
            View::Data => "data",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            View::Review => "Review",
            View::Plan => "Plan",
            View::Matrix => "Matrix",
            View::Horizon => "Horizon scan",
            View::Context => "Partners and law",
            View::Rules => "Rules",
            View::Data => "Data",
        }
    }
}

/// How soon the edge should re-evaluate after a change: at once for a click,
/// after a pause for typing (so each keystroke stays smooth).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Now,
    AfterTyping,
}

impl Urgency {
    /// The debounce delay the edge waits before evaluating.
    pub fn delay_ms(self) -> u32 {
        match self {
            Urgency::Now => 0,
            Urgency::AfterTyping => 250,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MatrixSort {
    /// The seed's order: most districts first.
    #[default]
    ByCount,
    ByName,
}

/// A banner across the top of every view: something the user must know about
/// their saved work, which stays until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub title: String,
    pub text: String,
    /// The localStorage key of a kept-aside save the banner offers to download.
    pub kept_aside: Option<String>,
}

/// Why the last file could not be opened: every problem, for the Data view.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub file_name: String,
    pub problems: Vec<String>,
}

/// One suggestion as a line of the summary that tracks how suggestions move.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionLine {
    pub kind: Kind,
    pub headline: String,
    pub score: f64,
}

/// How one suggestion moved between two evaluations.
#[derive(Debug, Clone, PartialEq)]
pub enum Movement {
    New {
        headline: String,
        score: f64,
    },
    Gone {
        headline: String,
        score: f64,
    },
    Rescored {
        headline: String,
        from: f64,
        to: f64,
    },
}

impl Movement {
    pub fn describe(&self) -> String {
        match self {
            Movement::New { headline, score } => format!("new: {headline} ({score:.1})"),
            Movement::Gone { headline, score } => {
                format!("no longer suggested: {headline} (was {score:.1})")
            }
            Movement::Rescored { headline, from, to } => format!("{headline} {from:.1} → {to:.1}"),
        }
    }
}

/// One evaluation and what it was run on, so views show names from the same
/// scenario the engine saw even while a newer edit is waiting to be evaluated.
#[derive(Debug)]
pub struct Evaluated {
    pub revision: u64,
    pub scenario: Shared<Scenario>,
    pub evaluation: Evaluation,
    pub millis: f64,
    pub lines: Vec<SuggestionLine>,
}

/// Whether autosave may write: it stops rather than overwrite a save it could not keep aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Autosave {
    On,
    Off(String),
}

/// What a session starts from: restored from the browser or a fresh example.
#[derive(Debug, Clone)]
pub struct Start {
    pub scenario: Scenario,
    pub rule_files: Vec<RuleFile>,
    pub settings: Settings,
    pub view: View,
    pub selected_rule: usize,
}

impl Start {
    /// The Kent 2016 example, the shipped rule pack, every setting as shipped.
    pub fn fresh() -> Start {
        Start {
            scenario: horizon_model::EXAMPLES[0].scenario(),
            rule_files: shipped_rule_files(),
            settings: Settings::default(),
            view: View::Review,
            selected_rule: 0,
        }
    }
}

#[derive(Debug, Clone)]
pub struct AppState {
    pub scenario: Shared<Scenario>,
    /// Rules as editable files: name and text. What the user edits.
    pub rule_files: Shared<Vec<RuleFile>>,
    /// The same files with their headers read (titles, parameters, header errors).
    pub pack: Shared<Vec<RuleSource>>,
    /// Rules switched off and parameter values, kept apart from the files so that
    /// "reset to the shipped pack" is clean.
    pub settings: Shared<Settings>,
    pub view: View,
    /// Counts the user's choices of view (the same view again included), so the edge
    /// can move focus to the heading each time.
    pub navigations: u64,
    pub selected_rule: usize,
    pub matrix_sort: MatrixSort,
    /// The matrix's row order, fixed when the user sorts (not on every cell edit,
    /// which would move the row under the pointer).
    pub matrix_order: Shared<Vec<String>>,
    /// Bumped by every change the suggestions depend on.
    pub revision: u64,
    pub urgency: Urgency,
    pub evaluated: Option<Shared<Evaluated>>,
    /// How the latest evaluation moved the suggestions, against the one before.
    pub movements: Vec<Movement>,
    /// The revision at which a different scenario was loaded: evaluations from before
    /// it are not compared with those after (they are about other data).
    pub baseline: u64,
    /// What the user last did, in words (the start of the next status message).
    pub last_edit: Option<String>,
    /// The latest status message, read out by the page's live region.
    pub status: String,
    pub notices: Vec<Notice>,
    pub import_problems: Option<ImportReport>,
    pub autosave: Autosave,
}

#[derive(Debug)]
pub enum Action {
    Navigate(View),
    /// Any change to the scenario, judged by the model. A refused edit changes
    /// nothing; forms check with `Scenario::check` first to show the message in place.
    Edit(Edit),
    /// Moves a matrix cell one step along none → main → subsidiary → issue → none.
    CycleCell {
        district: String,
        theme: String,
    },
    SortMatrix(MatrixSort),
    /// Adds (`id: None`) or replaces a horizon item, from a checked draft.
    SaveHorizonItem {
        id: Option<String>,
        item: HorizonItem,
    },
    DeleteHorizonItem(String),
    AddCategory(String),
    RenameCategory {
        id: String,
        name: String,
    },
    DeleteCategory(String),
    SelectRule(usize),
    EditRule {
        index: usize,
        text: String,
    },
    SetRuleEnabled {
        rule: String,
        enabled: bool,
    },
    /// `None` puts the parameter back to its default.
    SetParam {
        rule: String,
        name: String,
        value: Option<ParamValue>,
    },
    AddRuleFromTemplate,
    DeleteRule(usize),
    ResetRules,
    /// A scenario read from a file or an example replaces the current one.
    LoadScenario {
        scenario: Box<Scenario>,
        source: String,
    },
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

impl AppState {
    pub fn new(start: Start) -> AppState {
        let order = matrix_order(&start.scenario, MatrixSort::ByCount);
        let pack = parse_rules(&start.rule_files);
        let selected_rule = start
            .selected_rule
            .min(start.rule_files.len().saturating_sub(1));
        AppState {
            scenario: Shared::new(start.scenario),
            rule_files: Shared::new(start.rule_files),
            pack: Shared::new(pack),
            settings: Shared::new(start.settings),
            view: start.view,
            navigations: 0,
            selected_rule,
            matrix_sort: MatrixSort::ByCount,
            matrix_order: Shared::new(order),
            revision: 0,
            urgency: Urgency::Now,
            evaluated: None,
            movements: Vec::new(),
            baseline: 0,
            last_edit: None,
            status: String::new(),
            notices: Vec::new(),
            import_problems: None,
            autosave: Autosave::On,
        }
    }

    /// Whether the suggestions shown are for the current data (false while an edit waits).
    pub fn is_current(&self) -> bool {
        self.evaluated
            .as_ref()
            .is_some_and(|e| e.revision == self.revision)
    }

    /// The rule at `index` as parsed, if any.
    pub fn rule(&self, index: usize) -> Option<&RuleSource> {
        self.pack.get(index)
    }

    /// Whether the matrix rows are no longer in the chosen order (counts changed since sorting).
    pub fn matrix_order_is_stale(&self) -> bool {
        *self.matrix_order != matrix_order(&self.scenario, self.matrix_sort)
    }

    /// Records a change the suggestions depend on.
    fn changed(&mut self, urgency: Urgency, what: Option<String>) {
        self.revision += 1;
        self.urgency = urgency;
        if let Some(what) = what {
            self.status = what.clone();
            self.last_edit = Some(what);
        }
    }

    fn set_rule_files(&mut self, files: Vec<RuleFile>) {
        self.pack = Shared::new(parse_rules(&files));
        self.rule_files = Shared::new(files);
        self.selected_rule = self
            .selected_rule
            .min(self.rule_files.len().saturating_sub(1));
    }

    /// The pure transition: this state after `action`.
    pub fn apply(mut self, action: Action) -> AppState {
        match action {
            Action::Navigate(view) => {
                if view == View::Matrix && self.view != View::Matrix {
                    // Coming back to the matrix, rows are sorted afresh.
                    self.matrix_order = Shared::new(matrix_order(&self.scenario, self.matrix_sort));
                }
                self.view = view;
                self.navigations += 1;
            }
            Action::CycleCell { district, theme } => {
                let (Some(d), Some(t)) = (
                    self.scenario.district(&district),
                    self.scenario.theme(&theme),
                ) else {
                    return self;
                };
                let next = Level::cycle(self.scenario.level(&district, &theme));
                let what = format!(
                    "{} — {}: now {}.",
                    d.name,
                    t.name,
                    crate::words::level_words(next)
                );
                self.scenario
                    .update(|s| s.set_level(&district, &theme, next));
                self.changed(Urgency::Now, Some(what));
            }
            Action::Edit(edit) => {
                let mut next = (*self.scenario).clone();
                match next.apply(&edit) {
                    Ok(applied) => {
                        self.scenario = Shared::new(next);
                        self.changed(Urgency::Now, Some(applied.summary));
                    }
                    Err(refusal) => self.status = refusal.sentence(),
                }
            }
            Action::SortMatrix(sort) => {
                self.matrix_sort = sort;
                self.matrix_order = Shared::new(matrix_order(&self.scenario, sort));
                self.status = match sort {
                    MatrixSort::ByCount => {
                        "Themes sorted by number of districts, most first.".into()
                    }
                    MatrixSort::ByName => "Themes sorted by name.".into(),
                };
            }
            Action::SaveHorizonItem { id, mut item } => {
                if check_item(&item, &self.scenario).is_err() {
                    return self;
                }
                let what;
                match id.and_then(|id| self.scenario.horizon.iter().position(|h| h.id == id)) {
                    Some(pos) => {
                        item.id = self.scenario.horizon[pos].id.clone();
                        what = format!("Horizon item “{}” saved.", item.title);
                        self.scenario.update(|s| s.horizon[pos] = item);
                    }
                    None => {
                        item.id = unique_id(&slug(&item.title, "item"), |c| {
                            self.scenario.horizon.iter().any(|h| h.id == c)
                        });
                        what = format!("Horizon item “{}” added.", item.title);
                        self.scenario.update(|s| s.horizon.push(item));
                    }
                }
                self.changed(Urgency::Now, Some(what));
            }
            Action::DeleteHorizonItem(id) => {
                let Some(pos) = self.scenario.horizon.iter().position(|h| h.id == id) else {
                    return self;
                };
                let what = format!(
                    "Horizon item “{}” deleted.",
                    self.scenario.horizon[pos].title
                );
                self.scenario.update(|s| {
                    s.horizon.remove(pos);
                });
                self.changed(Urgency::Now, Some(what));
            }
            Action::AddCategory(name) => {
                if check_category_name(&self.scenario, &name, None).is_err() {
                    return self;
                }
                let name = name.trim().to_string();
                let id = unique_id(&slug(&name, "category"), |c| {
                    self.scenario.category(c).is_some()
                });
                let what = format!("Category “{name}” added.");
                self.scenario
                    .update(|s| s.categories.push(HorizonCategory { id, name }));
                self.changed(Urgency::Now, Some(what));
            }
            Action::RenameCategory { id, name } => {
                let Some(pos) = self.scenario.categories.iter().position(|c| c.id == id) else {
                    return self;
                };
                if check_category_name(&self.scenario, &name, Some(&id)).is_err() {
                    return self;
                }
                let name = name.trim().to_string();
                let what = format!(
                    "Category “{}” renamed to “{name}”.",
                    self.scenario.categories[pos].name
                );
                self.scenario.update(|s| s.categories[pos].name = name);
                self.changed(Urgency::Now, Some(what));
            }
            Action::DeleteCategory(id) => {
                let Some(pos) = self.scenario.categories.iter().position(|c| c.id == id) else {
                    return self;
                };
                // A category still holding items stays: deleting it would orphan them.
                if self.scenario.horizon.iter().any(|h| h.category == id) {
                    return self;
                }
                let what = format!("Category “{}” deleted.", self.scenario.categories[pos].name);
                self.scenario.update(|s| {
                    s.categories.remove(pos);
                });
                self.changed(Urgency::Now, Some(what));
            }
            Action::SelectRule(index) => {
                if index < self.rule_files.len() {
                    self.selected_rule = index;
                }
            }
            Action::EditRule { index, text } => {
                if index >= self.rule_files.len() || self.rule_files[index].text == text {
                    return self;
                }
                let mut files = (*self.rule_files).clone();
                files[index].text = text;
                let name = files[index].name.clone();
                self.set_rule_files(files);
                self.changed(Urgency::AfterTyping, None);
                // Said once the edit is evaluated, not on every keystroke.
                self.last_edit = Some(format!("{name} edited."));
            }
            Action::SetRuleEnabled { rule, enabled } => {
                if enabled == self.settings.is_enabled(&rule) {
                    return self;
                }
                self.settings.update(|s| {
                    if enabled {
                        s.disabled.remove(&rule);
                    } else {
                        s.disabled.insert(rule.clone(), true);
                    }
                });
                let title = self
                    .pack
                    .iter()
                    .find_map(|r| match r {
                        RuleSource::Parsed(p) if p.id == rule => Some(p.title.as_str()),
                        _ => None,
                    })
                    .unwrap_or(&rule);
                let what = format!(
                    "Rule “{title}” switched {}.",
                    if enabled { "on" } else { "off" }
                );
                self.changed(Urgency::Now, Some(what));
            }
            Action::SetParam { rule, name, value } => {
                let current = self.settings.params.get(&rule).and_then(|p| p.get(&name));
                if current == value.as_ref() {
                    return self;
                }
                let now = value
                    .as_ref()
                    .map_or_else(|| "its default".to_string(), |v| v.to_string());
                let what = format!("Setting {name} of rule {rule} is now {now}.");
                self.settings.update(|s| match value {
                    Some(v) => {
                        s.params.entry(rule.clone()).or_default().insert(name, v);
                    }
                    None => {
                        if let Some(p) = s.params.get_mut(&rule) {
                            p.remove(&name);
                            if p.is_empty() {
                                s.params.remove(&rule);
                            }
                        }
                    }
                });
                self.changed(Urgency::AfterTyping, None);
                self.last_edit = Some(what);
            }
            Action::AddRuleFromTemplate => {
                let taken = |c: &str| {
                    self.pack.iter().any(|r| r.id() == c)
                        || self
                            .rule_files
                            .iter()
                            .any(|f| f.name == format!("{c}.rhai"))
                };
                let mut n = 1;
                while taken(&format!("my-rule-{n}")) {
                    n += 1;
                }
                let id = format!("my-rule-{n}");
                let mut files = (*self.rule_files).clone();
                files.push(RuleFile {
                    name: format!("{id}.rhai"),
                    text: rule_template(&id, n),
                });
                self.selected_rule = files.len() - 1;
                self.set_rule_files(files);
                self.changed(
                    Urgency::Now,
                    Some(format!(
                        "Rule {id} added from the template: edit its code below."
                    )),
                );
            }
            Action::DeleteRule(index) => {
                if index >= self.rule_files.len() {
                    return self;
                }
                let id = self.pack[index].id().to_string();
                let mut files = (*self.rule_files).clone();
                files.remove(index);
                self.set_rule_files(files);
                if !self.pack.iter().any(|r| r.id() == id) {
                    self.settings.update(|s| {
                        s.disabled.remove(&id);
                        s.params.remove(&id);
                    });
                }
                self.changed(Urgency::Now, Some(format!("Rule {id} deleted.")));
            }
            Action::ResetRules => {
                self.set_rule_files(shipped_rule_files());
                self.settings = Shared::new(Settings::default());
                self.selected_rule = 0;
                self.changed(
                    Urgency::Now,
                    Some("Rules reset to the shipped pack, every setting as shipped.".into()),
                );
            }
            Action::LoadScenario { scenario, source } => {
                self.matrix_order = Shared::new(matrix_order(&scenario, self.matrix_sort));
                self.scenario = Shared::new(*scenario);
                self.import_problems = None;
                self.changed(Urgency::Now, Some(format!("Opened {source}.")));
                self.baseline = self.revision;
            }
            Action::ImportFailed(report) => {
                self.status = format!(
                    "{} could not be opened: {}. Your current work is unchanged.",
                    report.file_name,
                    crate::words::count(report.problems.len(), "problem", "problems")
                );
                self.import_problems = Some(report);
            }
            Action::DismissImportProblems => self.import_problems = None,
            Action::Evaluated {
                revision,
                scenario,
                evaluation,
                millis,
            } => {
                if self
                    .evaluated
                    .as_ref()
                    .is_some_and(|e| e.revision > revision)
                {
                    return self; // an older result arriving late
                }
                let lines = summarise(&evaluation, &scenario);
                let comparable = self.evaluated.as_ref().filter(|previous| {
                    previous.revision >= self.baseline || revision < self.baseline
                });
                let counted = format!(
                    "{} from {}.",
                    crate::words::count(lines.len(), "suggested change", "suggested changes"),
                    crate::words::count(evaluation.trace.len(), "rule", "rules")
                );
                match comparable {
                    Some(previous) => {
                        self.movements = movements(&previous.lines, &lines);
                        if let Some(edit) = self.last_edit.take() {
                            self.status = format!("{edit} {}", describe_movements(&self.movements));
                        }
                    }
                    None => {
                        self.movements = Vec::new();
                        self.status = match self.last_edit.take() {
                            Some(edit) => format!("{edit} {counted}"),
                            None => counted,
                        };
                    }
                }
                self.evaluated = Some(Shared::new(Evaluated {
                    revision,
                    scenario,
                    evaluation: *evaluation,
                    millis,
                    lines,
                }));
            }
            Action::AddNotice(notice) => self.notices.push(notice),
            Action::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::Status(text) => self.status = text,
            Action::AutosaveFailed(reason) => {
                if self.autosave == Autosave::On {
                    self.notices.push(Notice {
                        title: "Your work is not being saved in this browser".into(),
                        text: format!(
                            "{reason} Use Data → Save this scenario to keep a copy on your computer."
                        ),
                        kept_aside: None,
                    });
                }
                self.autosave = Autosave::Off(reason);
            }
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

/// The matrix's theme ids in display order. Ties keep the scenario's own order.
pub fn matrix_order(s: &Scenario, sort: MatrixSort) -> Vec<String> {
    let mut themes: Vec<(usize, &horizon_model::Theme)> = s
        .themes
        .iter()
        .map(|t| (s.district_count(&t.id), t))
        .collect();
    match sort {
        MatrixSort::ByCount => themes.sort_by_key(|(count, _)| std::cmp::Reverse(*count)),
        MatrixSort::ByName => themes.sort_by_key(|(_, t)| t.name.to_lowercase()),
    }
    themes.into_iter().map(|(_, t)| t.id.clone()).collect()
}

/// The suggestions as headline and score, in the engine's order.
pub fn summarise(e: &Evaluation, s: &Scenario) -> Vec<SuggestionLine> {
    e.suggestions
        .iter()
        .map(|x| SuggestionLine {
            kind: x.kind,
            headline: x.headline(s),
            score: x.score,
        })
        .collect()
}

/// What changed between two summaries: new and gone suggestions, and rescored ones.
pub fn movements(before: &[SuggestionLine], after: &[SuggestionLine]) -> Vec<Movement> {
    let mut out = Vec::new();
    for a in after {
        match before.iter().find(|b| b.headline == a.headline) {
            None => out.push(Movement::New {
                headline: a.headline.clone(),
                score: a.score,
            }),
            Some(b) if (b.score - a.score).abs() >= 0.05 => out.push(Movement::Rescored {
                headline: a.headline.clone(),
                from: b.score,
                to: a.score,
            }),
            Some(_) => {}
        }
    }
    for b in before {
        if !after.iter().any(|a| a.headline == b.headline) {
            out.push(Movement::Gone {
                headline: b.headline.clone(),
                score: b.score,
            });
        }
    }
    out
}

/// The movements as one sentence for the status line (at most three, then a count).
pub fn describe_movements(m: &[Movement]) -> String {
    if m.is_empty() {
        return "The suggestions did not change.".into();
    }
    let shown: Vec<String> = m.iter().take(3).map(Movement::describe).collect();
    let more = if m.len() > 3 {
        format!(", and {} more", m.len() - 3)
    } else {
        String::new()
    };
    format!("Suggestions changed: {}{more}.", shown.join("; "))
}

/// A horizon item as the form holds it: text, before it is checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HorizonDraft {
    pub title: String,
    pub detail: String,
    pub category: String,
    pub time_horizon: String,
    pub likelihood: String,
    pub impact: String,
    pub themes: Vec<String>,
    pub source: String,
}

/// A field's problem, said the way GOV.UK forms say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The form control's id suffix ("title", "likelihood"...).
    pub field: &'static str,
    pub message: String,
}

pub const MAX_TITLE: usize = 200;

impl HorizonDraft {
    /// An empty draft in `category`, or the scenario's first category.
    pub fn blank(s: &Scenario, category: Option<&str>) -> HorizonDraft {
        HorizonDraft {
            category: category
                .or(s.categories.first().map(|c| c.id.as_str()))
                .unwrap_or_default()
                .to_string(),
            time_horizon: TimeHorizon::WithinAYear.as_str().into(),
            ..HorizonDraft::default()
        }
    }

    pub fn from_item(h: &HorizonItem) -> HorizonDraft {
        HorizonDraft {
            title: h.title.clone(),
            detail: h.detail.clone(),
            category: h.category.clone(),
            time_horizon: h.time_horizon.as_str().into(),
            likelihood: h.likelihood.to_string(),
            impact: h.impact.to_string(),
            themes: h.themes.clone(),
            source: h.source.clone(),
        }
    }

    /// The item the draft describes (its id left empty for the reducer to give), or
    /// every problem with it, in the form's order.
    pub fn check(&self, s: &Scenario) -> Result<HorizonItem, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field, message: String| errors.push(FieldError { field, message });
        let title = self.title.trim();
        if title.is_empty() {
            err("title", "Enter a title for the horizon item".into());
        } else if title.chars().count() > MAX_TITLE {
            err(
                "title",
                format!("The title must be {MAX_TITLE} characters or fewer"),
            );
        }
        if s.category(&self.category).is_none() {
            err("category", "Choose a category".into());
        }
        let time_horizon = TimeHorizon::parse(&self.time_horizon);
        if time_horizon.is_none() {
            err("time-horizon", "Choose when it is expected".into());
        }
        let score = |text: &str| {
            text.trim()
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=4).contains(n))
        };
        let likelihood = score(&self.likelihood);
        if likelihood.is_none() {
            err(
                "likelihood",
                "Choose how likely it is, from 1 (unlikely) to 4 (almost certain)".into(),
            );
        }
        let impact = score(&self.impact);
        if impact.is_none() {
            err(
                "impact",
                "Choose its impact, from 1 (minor) to 4 (severe)".into(),
            );
        }
        if let Some(t) = self.themes.iter().find(|t| s.theme(t).is_none()) {
            err("themes", format!("The theme “{t}” is not in this scenario"));
        }
        match (time_horizon, likelihood, impact) {
            (Some(time_horizon), Some(likelihood), Some(impact)) if errors.is_empty() => {
                // Themes in the scenario's order, whatever order they were ticked in.
                let themes = s
                    .themes
                    .iter()
                    .filter(|t| self.themes.contains(&t.id))
                    .map(|t| t.id.clone())
                    .collect();
                Ok(HorizonItem {
                    id: String::new(),
                    category: self.category.clone(),
                    title: title.to_string(),
                    detail: self.detail.trim().to_string(),
                    time_horizon,
                    likelihood,
                    impact,
                    themes,
                    source: self.source.trim().to_string(),
                })
            }
            _ => Err(errors),
        }
    }
}

/// The reducer's own check of an item it is given (the form has checked it already).
fn check_item(item: &HorizonItem, s: &Scenario) -> Result<(), ()> {
    let ok = !item.title.trim().is_empty()
        && s.category(&item.category).is_some()
        && (1..=4).contains(&item.likelihood)
        && (1..=4).contains(&item.impact)
        && item.themes.iter().all(|t| s.theme(t).is_some());
    if ok {
        Ok(())
    } else {
        Err(())
    }
}

/// Whether `name` can name a category (`except` is the one being renamed).
pub fn check_category_name(s: &Scenario, name: &str, except: Option<&str>) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Enter a name for the category".into());
    }
    if name.chars().count() > 60 {
        return Err("The name must be 60 characters or fewer".into());
    }
    if s.categories
        .iter()
        .any(|c| Some(c.id.as_str()) != except && c.name.trim().eq_ignore_ascii_case(name))
    {
        return Err(format!("There is already a category called “{name}”"));
    }
    Ok(())
}

/// An id from a title: lower-case letters, digits and dashes, at most 40 characters.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `base`, or `base-2`, `base-3`… whichever is free.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .unwrap_or_default()
}

/// A small working rule to start from: a header with a parameter, a loop over the
/// review, one kind of suggestion with evidence.
pub fn rule_template(id: &str, n: usize) -> String {
    format!(
        r#"//! id: {id}
//! title: My rule {n}: watch themes many districts name but the plan leaves out
//! description: An example to start from. It suggests watching any theme that at least
//! description: min_districts districts name in their own plans but that no focus area
//! description: or cross-cutting theme addresses yet.
//! param: min_districts | integer | 8 | 1..30 | Districts that must name a theme
//! param: score | number | 30 | 0..100 | Score of each suggestion

for t in review.themes() {{
    if t.addressed || t.count < params.min_districts {{
        continue;
    }}
    print(`${{t.name}}: named by ${{t.count}} districts`);
    suggest(#{{
        kind: "watch",
        themes: [t.id],
        score: params.score,
        rationale: `${{t.count}} of ${{review.district_count()}} districts name ${{t.name}}, but the plan does not address it.`,
        evidence: review.cells(t.id),
    }});
}}
"#
    )
}
