//! The session: where the user is and what the page is telling them. Not part of
//! the work (an undo never moves the view), but the route is autosaved so a reload
//! opens the same place.

use horizon_model::Scenario;
use serde::{Deserialize, Serialize};

/// The views, in the order the navigation lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    #[default]
    Review,
    Plan,
    Alignment,
    Matrix,
    Horizon,
    Context,
    Rules,
    Compare,
    Data,
    /// The stakeholder event: screens, vote rounds, entries, reveal.
    Event,
    /// Presentation mode: the review on a projector, full screen.
    Present,
    /// The ballot box: one person's ballot at a time, full screen.
    Ballot,
}

impl View {
    pub const ALL: [View; 12] = [
        View::Review,
        View::Plan,
        View::Alignment,
        View::Matrix,
        View::Horizon,
        View::Context,
        View::Rules,
        View::Compare,
        View::Data,
        View::Event,
        View::Present,
        View::Ballot,
    ];

    /// The views the navigation lists: not the ballot box, which the facilitator
    /// opens for a round from the Event view.
    pub fn in_navigation(self) -> bool {
        self != View::Ballot
    }

    /// The id used in links and saved work.
    pub fn slug(self) -> &'static str {
        match self {
            View::Review => "review",
            View::Plan => "plan",
            View::Alignment => "alignment",
            View::Matrix => "matrix",
            View::Horizon => "horizon",
            View::Context => "context",
            View::Rules => "rules",
            View::Compare => "compare",
            View::Data => "data",
            View::Event => "event",
            View::Present => "present",
            View::Ballot => "ballot",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            View::Review => "Review",
            View::Plan => "Plan",
            View::Alignment => "Alignment",
            View::Matrix => "Matrix",
            View::Horizon => "Horizon scan",
            View::Context => "Partners and law",
            View::Rules => "Rules",
            View::Compare => "Compare",
            View::Data => "Data",
            View::Event => "Event",
            View::Present => "Present",
            View::Ballot => "Ballot box",
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
    pub offer: Offer,
}

/// What a banner offers besides dismissing it.
#[derive(Debug, Clone, PartialEq)]
pub enum Offer {
    Nothing,
    /// To download a save kept aside under this localStorage key.
    KeptCopy(String),
    /// To save the whole project (scenario, rules, settings, snapshots) to a file,
    /// when the browser cannot keep it.
    SaveProject,
}

/// Why the last file could not be opened: every problem, for the Data view.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportReport {
    pub file_name: String,
    pub problems: Vec<String>,
}

/// Where the page is: a view and, in Rules, which rule. Its URL fragment is
/// `#matrix`, `#rules/retain-supported-focus-areas`, `#compare`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Route {
    pub view: View,
    /// The rule open in the Rules view, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// The vote round in the ballot box, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round: Option<String>,
}

impl Route {
    pub fn to(view: View) -> Route {
        Route {
            view,
            rule: None,
            round: None,
        }
    }

    /// The ballot box for a round.
    pub fn ballot(round: &str) -> Route {
        Route {
            round: Some(round.to_string()),
            ..Route::to(View::Ballot)
        }
    }

    /// The URL fragment, without the `#`.
    pub fn fragment(&self) -> String {
        match (&self.view, &self.rule, &self.round) {
            (View::Rules, Some(rule), _) => format!("rules/{rule}"),
            (View::Ballot, _, Some(round)) => format!("ballot/{round}"),
            (view, _, _) => view.slug().to_string(),
        }
    }

    /// Reads a URL fragment (with or without its `#`); `None` for one that is not a route.
    pub fn parse(fragment: &str) -> Option<Route> {
        let f = fragment.trim_start_matches('#');
        let (head, tail) = f.split_once('/').unwrap_or((f, ""));
        let view = View::ALL.into_iter().find(|v| v.slug() == head)?;
        let rule = (view == View::Rules && !tail.is_empty()).then(|| tail.to_string());
        let round = (view == View::Ballot && !tail.is_empty()).then(|| tail.to_string());
        Some(Route { view, rule, round })
    }
}

/// Whether autosave may write: it stops rather than overwrite a save it could not keep aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Autosave {
    On,
    Off(String),
    /// Horizon is embedded in another page (a widget), which keeps the work if it
    /// wants to: nothing is saved in the browser, and nothing needs saying.
    Host,
}

/// The matrix's theme ids in display order. Ties keep the scenario's own order.
pub fn matrix_order(s: &Scenario, sort: MatrixSort) -> Vec<String> {
    let counts = s.district_counts();
    let mut themes: Vec<(usize, &horizon_model::Theme)> = s
        .themes
        .iter()
        .map(|t| (counts.get(t.id.as_str()).copied().unwrap_or(0), t))
        .collect();
    match sort {
        MatrixSort::ByCount => {
            horizon_model::sort::sort_by_key(&mut themes, |(count, _)| std::cmp::Reverse(*count))
        }
        MatrixSort::ByName => {
            horizon_model::sort::sort_by_key(&mut themes, |(_, t)| t.name.to_lowercase())
        }
    }
    themes.into_iter().map(|(_, t)| t.id.clone()).collect()
}
