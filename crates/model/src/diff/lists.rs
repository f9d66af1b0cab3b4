//! The plan and the lists beside the matrix: focus areas and cross-cutting themes,
//! horizon items, partner priorities, legislation, consultation and votes.

use super::*;
use crate::count;

impl<'a> Differ<'a> {
    pub(super) fn plan(&mut self) {
        // The other plans, by id: which were added or removed.
        for m in matched(&self.a.plans, &self.b.plans, |p| p.id.clone()) {
            match m {
                Match::Removed(p) => self.push(Section::Plan, format!("Plan removed: {}", p.name)),
                Match::Added(p) => self.push(Section::Plan, format!("Plan added: {}", p.name)),
                Match::Both(..) => {}
            }
        }
        let (a, b) = (self.a.plan(), self.b.plan());
        if a.id != b.id && self.a.plan_by_id(&b.id).is_some() {
            self.push(
                Section::Plan,
                format!("Plan under review: {} → {}", a.name, b.name),
            );
        }
        self.field(Section::Plan, "Plan name", &a.name, &b.name);
        if a.kind != b.kind {
            self.push(
                Section::Plan,
                format!(
                    "Kind of plan: {} → {}",
                    plan_kind_words(&a.kind),
                    plan_kind_words(&b.kind)
                ),
            );
        }
        if a.district != b.district {
            let words = |d: &Option<String>| {
                d.as_deref()
                    .map_or("none".to_string(), |d| self.district_name(d))
            };
            let text = format!(
                "The plan's own district: {} → {}",
                words(&a.district),
                words(&b.district)
            );
            self.push(Section::Plan, text);
        }
        for m in matched(&a.focus_areas, &b.focus_areas, |f| f.id.clone()) {
            match m {
                Match::Removed(f) => {
                    self.push(Section::Plan, format!("Focus area removed: {}", f.name))
                }
                Match::Added(f) => {
                    let themes = self.theme_list(&f.themes.iter().collect::<Vec<_>>());
                    let covering = if themes.is_empty() {
                        String::new()
                    } else {
                        format!(" (covering {themes})")
                    };
                    self.push(
                        Section::Plan,
                        format!("Focus area added: {}{covering}", f.name),
                    )
                }
                Match::Both(x, y) => {
                    if x.name != y.name {
                        self.push(
                            Section::Plan,
                            format!("Focus area renamed: {} → {}", x.name, y.name),
                        );
                    }
                    let what = format!("Focus area {}", y.name);
                    self.theme_links(Section::Plan, &what, "covers", &x.themes, &y.themes);
                }
            }
        }
        let order = |from: &[crate::FocusArea], other: &[crate::FocusArea]| -> Vec<String> {
            from.iter()
                .filter(|f| other.iter().any(|g| g.id == f.id))
                .map(|f| f.id.clone())
                .collect()
        };
        if order(&a.focus_areas, &b.focus_areas) != order(&b.focus_areas, &a.focus_areas) {
            self.push(
                Section::Plan,
                "The focus areas are in a different order".into(),
            );
        }
        for m in matched(&a.cross_cutting_themes, &b.cross_cutting_themes, |c| {
            c.id.clone()
        }) {
            match m {
                Match::Removed(c) => self.push(
                    Section::Plan,
                    format!("Cross-cutting theme removed: {}", c.name),
                ),
                Match::Added(c) => self.push(
                    Section::Plan,
                    format!("Cross-cutting theme added: {}", c.name),
                ),
                Match::Both(x, y) => {
                    if x.name != y.name {
                        self.push(
                            Section::Plan,
                            format!("Cross-cutting theme renamed: {} → {}", x.name, y.name),
                        );
                    }
                    let what = format!("Cross-cutting theme {}", y.name);
                    self.theme_links(Section::Plan, &what, "carries", &x.themes, &y.themes);
                }
            }
        }
    }

    pub(super) fn horizon(&mut self) {
        let grade = |h: &HorizonItem| {
            format!(
                "likelihood {} × impact {} = {}",
                h.likelihood,
                h.impact,
                h.grade()
            )
        };
        let (a, b) = (self.a, self.b);
        for m in matched(&a.horizon, &b.horizon, |h| h.id.clone()) {
            match m {
                Match::Removed(h) => self.push(
                    Section::Horizon,
                    format!("Horizon item removed: {}", h.title),
                ),
                Match::Added(h) => {
                    let text = format!(
                        "Horizon item added: {} ({}, {})",
                        h.title,
                        self.category_name(&h.category),
                        grade(h)
                    );
                    self.push(Section::Horizon, text)
                }
                Match::Both(x, y) => {
                    if x.title != y.title {
                        self.push(
                            Section::Horizon,
                            format!("Horizon item renamed: {} → {}", x.title, y.title),
                        );
                    }
                    let what = format!("Horizon item {}", y.title);
                    if x.category != y.category {
                        let text = format!(
                            "{what}: category {} → {}",
                            self.category_name(&x.category),
                            self.category_name(&y.category)
                        );
                        self.push(Section::Horizon, text);
                    }
                    if (x.likelihood, x.impact) != (y.likelihood, y.impact) {
                        self.push(
                            Section::Horizon,
                            format!("{what}: {} → {}", grade(x), grade(y)),
                        );
                    }
                    if x.time_horizon != y.time_horizon {
                        self.push(
                            Section::Horizon,
                            format!(
                                "{what}: when {} → {}",
                                x.time_horizon.label().to_lowercase(),
                                y.time_horizon.label().to_lowercase()
                            ),
                        );
                    }
                    self.theme_links(Section::Horizon, &what, "concerns", &x.themes, &y.themes);
                    if x.detail != y.detail {
                        self.push(Section::Horizon, format!("{what}: detail changed"));
                    }
                    if x.source != y.source {
                        self.field(
                            Section::Horizon,
                            &format!("{what}: source"),
                            &x.source,
                            &y.source,
                        );
                    }
                }
            }
        }
    }

    pub(super) fn partners(&mut self) {
        let words = |p: &PartnerPriority| format!("{}: {}", p.partner, p.priority);
        let (a, b) = (self.a, self.b);
        for m in matched(&a.partner_priorities, &b.partner_priorities, |p| {
            p.id.clone()
        }) {
            match m {
                Match::Removed(p) => self.push(
                    Section::PartnerPriorities,
                    format!("Partner priority removed: {}", words(p)),
                ),
                Match::Added(p) => self.push(
                    Section::PartnerPriorities,
                    format!("Partner priority added: {}", words(p)),
                ),
                Match::Both(x, y) => {
                    if (&x.partner, &x.priority) != (&y.partner, &y.priority) {
                        self.push(
                            Section::PartnerPriorities,
                            format!("Partner priority reworded: {} → {}", words(x), words(y)),
                        );
                    }
                    let what = format!("Partner priority {}", words(y));
                    self.theme_links(
                        Section::PartnerPriorities,
                        &what,
                        "concerns",
                        &x.themes,
                        &y.themes,
                    );
                }
            }
        }
    }

    pub(super) fn legislation(&mut self) {
        let words = |l: &Legislation| {
            let duty = if l.creates_duty {
                ", creating a statutory duty"
            } else {
                ""
            };
            format!("{} ({}{duty})", l.title, l.status.as_str())
        };
        let (a, b) = (self.a, self.b);
        for m in matched(&a.legislation, &b.legislation, |l| l.id.clone()) {
            match m {
                Match::Removed(l) => self.push(
                    Section::Legislation,
                    format!("Legislation removed: {}", words(l)),
                ),
                Match::Added(l) => self.push(
                    Section::Legislation,
                    format!("Legislation added: {}", words(l)),
                ),
                Match::Both(x, y) => {
                    if x.title != y.title {
                        self.push(
                            Section::Legislation,
                            format!("Legislation renamed: {} → {}", x.title, y.title),
                        );
                    }
                    let t = &y.title;
                    if x.year != y.year {
                        let year = |y: Option<u16>| y.map_or("none".to_string(), |y| y.to_string());
                        self.push(
                            Section::Legislation,
                            format!("{t}: year {} → {}", year(x.year), year(y.year)),
                        );
                    }
                    if x.status != y.status {
                        self.push(
                            Section::Legislation,
                            format!("{t}: {} → {}", x.status.as_str(), y.status.as_str()),
                        );
                    }
                    if x.creates_duty != y.creates_duty {
                        let text = if y.creates_duty {
                            format!("{t} now creates a statutory duty")
                        } else {
                            format!("{t} no longer creates a statutory duty")
                        };
                        self.push(Section::Legislation, text);
                    } else if x.duty != y.duty {
                        self.push(Section::Legislation, format!("{t}: the duty reworded"));
                    }
                    self.theme_links(Section::Legislation, t, "concerns", &x.themes, &y.themes);
                }
            }
        }
    }

    pub(super) fn consultation(&mut self) {
        let first = |list: &'a [ConsultationResult]| {
            let mut seen: Vec<&'a ConsultationResult> = Vec::new();
            for c in list {
                if !seen.iter().any(|s| s.focus_area == c.focus_area) {
                    seen.push(c);
                }
            }
            seen.into_iter().cloned().collect::<Vec<_>>()
        };
        let (a, b) = (
            first(&self.a.plan().consultation),
            first(&self.b.plan().consultation),
        );
        let figure = |c: &ConsultationResult| {
            format!(
                "{:.0} % of {} respondents agree",
                c.share_agreeing * 100.0,
                c.responses
            )
        };
        for m in matched(&a, &b, |c| c.focus_area.clone()) {
            let about = |c: &ConsultationResult| match &c.focus_area {
                Some(f) => format!("Consultation on {}", self.focus_area_name(f)),
                None => "Consultation on the plan overall".to_string(),
            };
            let text = match m {
                Match::Removed(c) => format!("{} removed (it had {})", about(c), figure(c)),
                Match::Added(c) => format!("{} added: {}", about(c), figure(c)),
                Match::Both(x, y) if figure(x) != figure(y) => {
                    format!("{}: {} → {}", about(y), figure(x), figure(y))
                }
                Match::Both(..) => continue,
            };
            self.push(Section::Consultation, text);
        }
    }

    pub(super) fn votes(&mut self) {
        let tally = |s: &Scenario| {
            let mut m: BTreeMap<String, u32> = BTreeMap::new();
            for v in &s.votes {
                *m.entry(v.theme.clone()).or_default() += v.votes;
            }
            m
        };
        let (a, b) = (tally(self.a), tally(self.b));
        let order: Vec<&str> = self
            .b
            .themes
            .iter()
            .chain(&self.a.themes)
            .map(|t| t.id.as_str())
            .chain(a.keys().chain(b.keys()).map(String::as_str))
            .collect();
        let mut done: Vec<&str> = Vec::new();
        for t in order {
            if done.contains(&t) {
                continue;
            }
            done.push(t);
            let (x, y) = (a.get(t).copied(), b.get(t).copied());
            if x != y {
                let n = |v: Option<u32>| v.map_or("none".to_string(), |v| v.to_string());
                let text = format!(
                    "Stakeholder votes for {}: {} → {}",
                    self.theme_name(t),
                    n(x),
                    n(y)
                );
                self.push(Section::Votes, text);
            }
        }
    }

    /// Events matched by id, then their rounds by id: what was added, removed or
    /// counted since, in the rounds' own words.
    pub(super) fn events(&mut self) {
        let (a, b) = (&self.a.events, &self.b.events);
        for m in matched(a, b, |e| e.id.clone()) {
            match m {
                Match::Removed(e) => self.push(
                    Section::Events,
                    format!("Stakeholder event “{}” removed, with its {}", e.name, count(e.rounds.len(), "vote round", "vote rounds")),
                ),
                Match::Added(e) => self.push(
                    Section::Events,
                    format!("Stakeholder event “{}” added, with {}", e.name, count(e.rounds.len(), "vote round", "vote rounds")),
                ),
                Match::Both(x, y) => {
                    let details = |e: &crate::Event| (e.name.clone(), e.date.clone(), e.venue.clone(), e.participants);
                    if details(x) != details(y) {
                        self.push(Section::Events, format!("Stakeholder event “{}”: its details changed", y.name));
                    }
                    if x.screens != y.screens {
                        self.push(Section::Events, format!("Stakeholder event “{}”: the screens to present changed", y.name));
                    }
                    for r in matched(&x.rounds, &y.rounds, |r| r.id.clone()) {
                        let text = match r {
                            Match::Removed(r) => format!("“{}”: vote round removed ({})", r.question, r.entries_words()),
                            Match::Added(r) => format!("“{}”: vote round added ({})", r.question, r.entries_words()),
                            Match::Both(p, q) if p == q => continue,
                            Match::Both(p, q) if p.entries_words() != q.entries_words() => {
                                format!("“{}”: {} → {}", q.question, p.entries_words(), q.entries_words())
                            }
                            Match::Both(p, q) if p.revealed != q.revealed => {
                                format!("“{}”: the results were {}", q.question, if q.revealed { "revealed" } else { "not yet revealed" })
                            }
                            Match::Both(_, q) => format!("“{}”: the vote round changed", q.question),
                        };
                        self.push(Section::Events, format!("Stakeholder event “{}”, {text}", y.name));
                    }
                }
            }
        }
    }
}
