//! The alignment and the county view in words: sentences as a council report would
//! print them, and Markdown tables. Every alignment message's wording lives here.

use crate::report::md_text;
use horizon_model::{count, join_and, Scenario};

use super::{Alignment, ColumnTheme, CountyView, DistrictRow, How, LocalFocusArea, Standing};

impl Alignment {
    /// The focus areas of the plan (quoted names) that take in a theme of its column.
    pub fn in_plan_names(&self, s: &Scenario, c: &ColumnTheme) -> Vec<String> {
        let plan = s.plan_by_id(&self.plan);
        c.in_plan
            .iter()
            .filter_map(|id| plan?.focus_areas.iter().find(|f| &f.id == id))
            .map(|f| format!("“{}”", f.name))
            .collect()
    }

    /// The names of the county priorities a local focus area serves.
    pub fn serves_names(&self, f: &LocalFocusArea) -> Vec<String> {
        f.serves
            .iter()
            .filter_map(|id| self.priorities.iter().find(|p| &p.id == id))
            .map(|p| p.name.clone())
            .collect()
    }
}

impl Alignment {
    /// The alignment in plain sentences, as a council report would print them.
    pub fn sentences(&self, s: &Scenario) -> Vec<String> {
        let theme = |id: &str| s.theme(id).map_or(id.to_string(), |t| t.name.clone());
        let whose = self
            .district
            .as_deref()
            .and_then(|d| s.district(d))
            .map_or("The district".to_string(), |d| d.name.clone());
        let mut out = Vec::new();
        let Some(county) = &self.county_name else {
            out.push(format!(
                "The scenario has no county agreement for “{}” to align with.",
                self.plan_name
            ));
            return out;
        };
        let (covered, named, absent) =
            self.priorities
                .iter()
                .fold((0, 0, 0), |n, p| match p.standing {
                    Standing::Covered { .. } => (n.0 + 1, n.1, n.2),
                    Standing::NamedLocally { .. } => (n.0, n.1 + 1, n.2),
                    Standing::NotAddressed => (n.0, n.1, n.2 + 1),
                });
        out.push(format!(
            "Of the {} of {county}, {} covered by {whose}'s plan, {} named in {whose}'s column of the matrix only, and {} not addressed locally.",
            count(self.priorities.len(), "priority and cross-cutting theme", "priorities and cross-cutting themes"),
            count(covered, "is", "are"),
            named,
            absent
        ));
        for p in &self.priorities {
            let what = if p.cross_cutting {
                format!("{} (a cross-cutting theme)", p.name)
            } else {
                p.name.clone()
            };
            out.push(match &p.standing {
                Standing::Covered { by } => {
                    let parts: Vec<String> = by
                        .iter()
                        .map(|c| match c.how {
                            How::Directly => format!("directly by “{}”", c.name),
                            How::Within => format!("within the broader focus area “{}”", c.name),
                            How::CrossCutting => format!("by the cross-cutting theme “{}”", c.name),
                        })
                        .collect();
                    format!("{what}: covered {}.", join_and(&parts))
                }
                Standing::NamedLocally { level, themes } => {
                    let names: Vec<String> = themes.iter().map(|t| theme(t)).collect();
                    format!(
                        "{what}: {whose}'s column of the matrix names {} as {}, but no focus \
                         area of the plan takes it in.",
                        join_and(&names),
                        as_level(*level)
                    )
                }
                Standing::NotAddressed => format!("{what}: not addressed locally."),
            });
        }
        for f in &self.focus_areas {
            let serves = self.serves_names(f);
            let distinctive: Vec<String> = f.distinctive.iter().map(|t| theme(t)).collect();
            let mut line = if serves.is_empty() {
                format!("“{}” serves none of the county's priorities", f.name)
            } else {
                format!("“{}” serves {}", f.name, join_and(&serves))
            };
            if !distinctive.is_empty() {
                line.push_str(&format!(
                    "; distinctive to {whose}: {}, which the county agreement does not carry",
                    join_and(&distinctive)
                ));
            }
            line.push('.');
            out.push(line);
        }
        out
    }
}

impl CountyView {
    /// The districts that drift furthest from the agreement, most first, in sentences.
    pub fn divergence_sentences(&self, s: &Scenario, top: usize) -> Vec<String> {
        let mut rows: Vec<&DistrictRow> = self.districts.iter().collect();
        horizon_model::sort::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.divergence()));
        let name = |id: &str| s.district(id).map_or(id.to_string(), |d| d.name.clone());
        let priority = |id: &str| {
            self.priorities
                .iter()
                .find(|p| p.0 == id)
                .map_or(id.to_string(), |p| p.1.clone())
        };
        let theme = |id: &str| s.theme(id).map_or(id.to_string(), |t| t.name.clone());
        rows.into_iter()
            .take(top)
            .filter(|r| r.divergence() > 0)
            .map(|r| {
                let mut parts = Vec::new();
                if !r.not_addressed.is_empty() {
                    let names: Vec<String> = r.not_addressed.iter().map(|p| priority(p)).collect();
                    parts.push(format!("does not address {}", join_and(&names)));
                }
                if !r.own_priorities.is_empty() {
                    let names: Vec<String> = r.own_priorities.iter().map(|t| theme(t)).collect();
                    parts.push(format!(
                        "names {} as {} the agreement does not carry",
                        join_and(&names),
                        if names.len() == 1 {
                            "a main priority"
                        } else {
                            "main priorities"
                        }
                    ));
                }
                format!("{} {}.", name(&r.district), join_and(&parts))
            })
            .collect()
    }
}

/// A level with its article: "a named main priority", "an issue within a broader theme".
fn as_level(level: horizon_model::Level) -> String {
    let label = level.label();
    let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {label}")
}

/// A Markdown table: a header row, then the rows, `|` in cells escaped.
fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let cell = |c: &str| md_text(c);
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(headers.iter().map(|h| cell(h)).collect());
    out += &line(headers.iter().map(|_| "---".to_string()).collect());
    for r in rows {
        out += &line(r.iter().map(|c| cell(c)).collect());
    }
    out
}

/// How a covered priority is taken in, in words: "within “Safeguarding…”".
fn covers(by: &[super::Cover]) -> String {
    let parts: Vec<String> = by
        .iter()
        .map(|c| match c.how {
            How::Directly => format!("directly by “{}”", c.name),
            How::Within => format!("within “{}”", c.name),
            How::CrossCutting => format!("by the cross-cutting theme “{}”", c.name),
        })
        .collect();
    join_and(&parts)
}

impl Alignment {
    /// The alignment as a report section: the sentences, then three tables.
    pub fn markdown(&self, s: &Scenario) -> String {
        let theme = |id: &str| s.theme(id).map_or(id.to_string(), |t| t.name.clone());
        let names = |ids: &[String]| {
            let v: Vec<String> = ids.iter().map(|t| theme(t)).collect();
            if v.is_empty() {
                "none".to_string()
            } else {
                join_and(&v)
            }
        };
        let mut out = format!("## {}: alignment\n\n", md_text(&self.plan_name));
        for line in self.sentences(s) {
            out += &format!("- {}\n", md_text(&line));
        }
        if self.county_name.is_none() {
            return out;
        }
        out += &format!(
            "\n### The county agreement's priorities\n\n{}",
            table(
                &["County priority", "Kind", "Where it stands", "How"],
                &self
                    .priorities
                    .iter()
                    .map(|p| {
                        let how = match &p.standing {
                            Standing::Covered { by } => covers(by),
                            Standing::NamedLocally { level, themes } => {
                                format!("{}, as {}", names(themes), as_level(*level))
                            }
                            Standing::NotAddressed => String::new(),
                        };
                        vec![
                            p.name.clone(),
                            if p.cross_cutting {
                                "Cross-cutting theme"
                            } else {
                                "Priority"
                            }
                            .into(),
                            p.standing.label().into(),
                            how,
                        ]
                    })
                    .collect::<Vec<_>>(),
            )
        );
        out += &format!(
            "\n### The plan's focus areas\n\n{}",
            table(
                &["Focus area", "Serves", "Distinctive (not in the agreement)"],
                &self
                    .focus_areas
                    .iter()
                    .map(|f| {
                        let serves = self.serves_names(f);
                        vec![
                            f.name.clone(),
                            if serves.is_empty() {
                                "none".into()
                            } else {
                                join_and(&serves)
                            },
                            names(&f.distinctive),
                        ]
                    })
                    .collect::<Vec<_>>(),
            )
        );
        out += &format!(
            "\n### The district's own column of the matrix\n\n{}",
            table(
                &["Theme", "Level", "In the plan", "In the agreement"],
                &self
                    .column
                    .iter()
                    .map(|c| {
                        let in_plan = self.in_plan_names(s, c);
                        vec![
                            theme(&c.theme),
                            c.level.label().into(),
                            if in_plan.is_empty() {
                                "No".into()
                            } else {
                                join_and(&in_plan)
                            },
                            if c.in_agreement { "Yes" } else { "No" }.into(),
                        ]
                    })
                    .collect::<Vec<_>>(),
            )
        );
        out
    }
}

impl Standing {
    /// The standing in a county-view cell: a word, never colour alone.
    pub fn short(&self) -> &'static str {
        match self {
            Standing::Covered { .. } => "Covered",
            Standing::NamedLocally { .. } => "Named only",
            Standing::NotAddressed => "Absent",
        }
    }
}

impl CountyView {
    /// The county view as a report section: the districts that drift furthest, then
    /// the districts × priorities table.
    pub fn markdown(&self, s: &Scenario) -> String {
        let mut out = format!("## {}: the districts side by side\n\n", md_text(&self.county));
        for line in self.summary(s) {
            out += &format!("- {}\n", md_text(&line));
        }
        let mut headers = vec!["District"];
        headers.extend(self.priorities.iter().map(|p| p.1.as_str()));
        headers.push("Drift");
        let rows: Vec<Vec<String>> = self
            .districts
            .iter()
            .map(|r| {
                let mut row = vec![s
                    .district(&r.district)
                    .map_or(r.district.clone(), |d| d.name.clone())];
                row.extend(r.cells.iter().map(|c| c.short().to_string()));
                row.push(r.divergence().to_string());
                row
            })
            .collect();
        out += &format!(
            "\n{}\nCovered: a focus area of the district's own plan in this scenario takes it in. \
             Named only: the district's column of the matrix names one of its themes. Absent: \
             neither. Drift: priorities absent plus main priorities of the district's own that \
             the agreement does not carry.\n",
            table(&headers, &rows)
        );
        out
    }

    /// The county view's opening sentences: how many districts have a plan in the
    /// scenario, then the districts that drift furthest.
    pub fn summary(&self, s: &Scenario) -> Vec<String> {
        let with_plan = self.districts.iter().filter(|r| r.plan.is_some()).count();
        let mut out = vec![format!(
            "{} read against {}; {} {} its own plan in this scenario, the others are read from their columns of the matrix.",
            count(self.districts.len(), "district is", "districts are"),
            self.county,
            with_plan,
            if with_plan == 1 { "has" } else { "have" },
        )];
        let drift = self.divergence_sentences(s, 3);
        if drift.is_empty() {
            out.push("Every district addresses every county priority.".into());
            return out;
        }
        let mut rows: Vec<&DistrictRow> = self
            .districts
            .iter()
            .filter(|r| r.divergence() > 0)
            .collect();
        horizon_model::sort::sort_by_key(&mut rows, |r| std::cmp::Reverse(r.divergence()));
        let names: Vec<String> = rows
            .iter()
            .take(drift.len())
            .map(|r| {
                s.district(&r.district)
                    .map_or(r.district.clone(), |d| d.name.clone())
            })
            .collect();
        out.push(format!(
            "Furthest from the agreement: {}.",
            join_and(&names)
        ));
        out.extend(drift);
        out
    }
}
