//! What is left to do to build a review from nothing, as a GOV.UK task list: each
//! task's name links to the view where it is done, and its status is in words.
//!
//! [`tasks`] works the statuses out from the scenario alone (a pure function,
//! tested on the host); the component only shows them.

use horizon_model::Scenario;
use yew::prelude::*;

use crate::forms::new_review::NEW_TITLE;
use crate::state::{Shared, View};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TaskStatus {
    NotYetStarted,
    InProgress,
    Completed,
    /// It needs an earlier task done first (a matrix needs themes and districts).
    CannotStartYet,
}

impl TaskStatus {
    pub fn words(self) -> &'static str {
        match self {
            TaskStatus::NotYetStarted => "Not yet started",
            TaskStatus::InProgress => "In progress",
            TaskStatus::Completed => "Completed",
            TaskStatus::CannotStartYet => "Cannot start yet",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Task {
    /// A stable name for links and tests ("districts").
    pub key: &'static str,
    pub name: &'static str,
    pub hint: &'static str,
    pub view: View,
    pub status: TaskStatus,
    pub optional: bool,
}

fn status(done: bool, started: bool) -> TaskStatus {
    if done {
        TaskStatus::Completed
    } else if started {
        TaskStatus::InProgress
    } else {
        TaskStatus::NotYetStarted
    }
}

/// The tasks of building a review, in the order they are best done.
pub fn tasks(s: &Scenario) -> Vec<Task> {
    let m = &s.meta;
    let named = !m.title.trim().is_empty() && m.title.trim() != NEW_TITLE;
    let described = [&m.geography, &m.period]
        .iter()
        .filter(|x| !x.trim().is_empty())
        .count();
    let has_themes = !s.themes.is_empty();
    let has_districts = !s.districts.is_empty();
    let districts_naming = s
        .districts
        .iter()
        .filter(|d| s.matrix.iter().any(|r| r.cells.contains_key(&d.id)))
        .count();
    let matrix = if !has_themes || !has_districts {
        TaskStatus::CannotStartYet
    } else {
        status(districts_naming == s.districts.len(), districts_naming > 0)
    };
    let fa = &s.plan().focus_areas;
    let plan = if !has_themes {
        TaskStatus::CannotStartYet
    } else {
        status(
            !fa.is_empty() && fa.iter().all(|f| !f.themes.is_empty()),
            !fa.is_empty(),
        )
    };
    let task = |key, name, hint, view, status, optional| Task {
        key,
        name,
        hint,
        view,
        status,
        optional,
    };
    vec![
        task(
            "name",
            "Name the review",
            "Its title, the area it covers and the period of the plan.",
            View::Data,
            status(named && described == 2, named || described > 0),
            false,
        ),
        task(
            "districts",
            "Add districts",
            "The districts whose own plans make the matrix's columns.",
            View::Matrix,
            status(has_districts, false),
            false,
        ),
        task(
            "themes",
            "Add theme groups and themes",
            "The crime and disorder themes that make the matrix's rows, in groups.",
            View::Matrix,
            status(has_themes, !s.groups.is_empty()),
            false,
        ),
        task(
            "matrix",
            "Fill the matrix",
            "Which themes each district names in its own plan, and how strongly.",
            View::Matrix,
            matrix,
            false,
        ),
        task(
            "plan",
            "Describe the plan",
            "The plan's focus areas now, and the themes each covers.",
            View::Plan,
            plan,
            false,
        ),
        task(
            "horizon",
            "Add horizon items",
            "Emerging issues under PESTELO headings, scored for likelihood and impact.",
            View::Horizon,
            status(!s.horizon.is_empty(), false),
            true,
        ),
        task(
            "partners",
            "Add partner priorities and legislation",
            "Partners' own priorities and the duties new laws place on you.",
            View::Context,
            status(
                !s.partner_priorities.is_empty() && !s.legislation.is_empty(),
                !s.partner_priorities.is_empty() || !s.legislation.is_empty(),
            ),
            true,
        ),
    ]
}

/// Whether the review still lacks what suggestions need: themes, districts or focus areas.
pub fn is_incomplete(s: &Scenario) -> bool {
    s.themes.is_empty() || s.districts.is_empty() || s.plan().focus_areas.is_empty()
}

#[derive(Properties, PartialEq)]
pub struct TaskListProps {
    pub scenario: Shared<Scenario>,
    pub on_navigate: Callback<View>,
}

#[component]
pub fn TaskList(props: &TaskListProps) -> Html {
    let list = tasks(&props.scenario);
    let required: Vec<&Task> = list.iter().filter(|t| !t.optional).collect();
    let done = required
        .iter()
        .filter(|t| t.status == TaskStatus::Completed)
        .count();
    html! {
        <section id="task-list" class="task-list-section" aria-labelledby="task-list-heading">
            <h2 id="task-list-heading">{ "Build your review" }</h2>
            <p id="task-list-summary">
                { format!("You have completed {done} of {} required tasks. ", required.len()) }
                { "Suggestions need themes, districts and the plan's focus areas." }
            </p>
            <ul class="task-list">
                { for list.iter().map(|t| {
                    let status_id = format!("task-{}-status", t.key);
                    let can_start = t.status != TaskStatus::CannotStartYet;
                    let name = if t.optional { format!("{} (optional)", t.name) } else { t.name.to_string() };
                    let go = {
                        let on_navigate = props.on_navigate.clone();
                        let view = t.view;
                        Callback::from(move |e: MouseEvent| { e.prevent_default(); on_navigate.emit(view); })
                    };
                    let status_class = match t.status {
                        TaskStatus::Completed => "task-status",
                        TaskStatus::CannotStartYet => "task-status task-status-cannot",
                        _ => "task-status tag tag-todo",
                    };
                    html! {
                        <li class="task" key={t.key} data-task={t.key} data-status={t.status.words()}>
                            <div class="task-name-and-hint">
                                if can_start {
                                    <a class="task-link" href={format!("#{}", t.view.slug())} aria-describedby={status_id.clone()} onclick={go}>{ name }</a>
                                } else {
                                    <span class="task-name">{ name }</span>
                                }
                                <p class="task-hint">{ t.hint }</p>
                            </div>
                            <div class={status_class} id={status_id}>{ t.status.words() }</div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
