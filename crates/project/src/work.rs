//! The user's work: a scenario, the rule files and their settings, and every change
//! to them as data ([`Change`]).
//!
//! Scenario changes are the model's [`Edit`]s, judged by the model. Rule and setting
//! changes are judged here, the one place that knows what a rule file is to the page.
//! Every change either happens, returning what it did in words, or is refused and
//! changes nothing. Undo, redo, snapshots and compare are all built on this.
//!
//! The four parts are [`Shared`], so copying a `Work` (into a snapshot, the undo
//! history's base) costs four reference counts, and a change gives a fresh
//! allocation only to the part it touched.

use horizon_engine::{shipped_rule_files, shipped_test_files, ParamValue, RuleFile, Settings};
use horizon_model::{Edit, ProblemKind, Refusal, Scenario};
use serde::{Deserialize, Serialize};

use crate::shared::Shared;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Work {
    pub scenario: Shared<Scenario>,
    /// Left out of saves when it is the shipped pack, unchanged.
    #[serde(default = "shipped_rules", skip_serializing_if = "is_shipped")]
    pub rules: Shared<Vec<RuleFile>>,
    #[serde(default)]
    pub settings: Shared<Settings>,
    /// The rule tests (`rules/AUTHORING.md`): the shipped ones and any the user made.
    /// Left out of saves when they are the shipped tests, unchanged.
    #[serde(default = "shipped_tests", skip_serializing_if = "is_shipped_tests")]
    pub tests: Shared<Vec<RuleFile>>,
}

fn shipped_rules() -> Shared<Vec<RuleFile>> {
    Shared::new(shipped_rule_files())
}

fn is_shipped(rules: &Shared<Vec<RuleFile>>) -> bool {
    horizon_engine::is_shipped_pack(rules)
}

fn shipped_tests() -> Shared<Vec<RuleFile>> {
    Shared::new(shipped_test_files())
}

fn is_shipped_tests(tests: &Shared<Vec<RuleFile>>) -> bool {
    horizon_engine::is_shipped_tests(tests)
}

/// One change to the work, as the undo history records it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// A change to the scenario, judged by the model.
    Scenario(Edit),
    /// A rule file's new text.
    RuleText {
        file: String,
        text: String,
    },
    AddRule(RuleFile),
    DeleteRule {
        file: String,
    },
    /// A rule test added (one made from the review); its name is `tests/….json`.
    AddTest(RuleFile),
    DeleteTest {
        file: String,
    },
    /// The shipped rule pack and its tests, every setting as shipped.
    ResetRules,
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
    /// Everything at once: a file opened, an example, a snapshot restored.
    Replace {
        work: Box<Work>,
        what: String,
    },
}

impl Change {
    /// Whether this change and `next` are one burst of typing in the same place, so
    /// undo takes them back together.
    pub fn continues(&self, next: &Change) -> bool {
        match (self, next) {
            (Change::RuleText { file: a, .. }, Change::RuleText { file: b, .. }) => a == b,
            (
                Change::SetParam {
                    rule: a, name: n, ..
                },
                Change::SetParam {
                    rule: b, name: m, ..
                },
            ) => a == b && n == m,
            _ => false,
        }
    }
}

fn not_found(what: &str) -> Refusal {
    Refusal {
        path: "rules".into(),
        kind: ProblemKind::NotFound,
        message: format!("there is no rule file {what}"),
        more: Vec::new(),
    }
}

impl Work {
    pub fn new(scenario: Scenario, rules: Vec<RuleFile>, settings: Settings) -> Work {
        Work {
            scenario: Shared::new(scenario),
            rules: Shared::new(rules),
            settings: Shared::new(settings),
            tests: shipped_tests(),
        }
    }

    /// A scenario with the shipped rules, every setting as shipped.
    pub fn of(scenario: Scenario) -> Work {
        Work::new(scenario, shipped_rule_files(), Settings::default())
    }

    /// Whether two works hold the same content (not only the same allocations).
    pub fn same_as(&self, other: &Work) -> bool {
        (self.scenario.same(&other.scenario) || *self.scenario == *other.scenario)
            && (self.rules.same(&other.rules) || *self.rules == *other.rules)
            && (self.settings.same(&other.settings) || *self.settings == *other.settings)
            && (self.tests.same(&other.tests) || *self.tests == *other.tests)
    }

    /// Makes `change`, or changes nothing and says why.
    pub fn apply(&mut self, change: &Change) -> Result<String, Refusal> {
        match change {
            Change::Scenario(edit) => {
                let (next, applied) = self.scenario.with(edit)?;
                self.scenario = Shared::new(next);
                Ok(applied.summary)
            }
            Change::RuleText { file, text } => {
                let pos = self
                    .rules
                    .iter()
                    .position(|f| &f.name == file)
                    .ok_or_else(|| not_found(file))?;
                self.rules.update(|r| r[pos].text.clone_from(text));
                Ok(format!("Rule file {file} edited."))
            }
            Change::AddRule(rule) => {
                if self.rules.iter().any(|f| f.name == rule.name) {
                    return Err(Refusal {
                        path: "rules".into(),
                        kind: ProblemKind::DuplicateId,
                        message: format!("there is already a rule file {}", rule.name),
                        more: Vec::new(),
                    });
                }
                self.rules.update(|r| r.push(rule.clone()));
                Ok(format!(
                    "Rule file {} added from the template: edit its code below.",
                    rule.name
                ))
            }
            Change::DeleteRule { file } => {
                let pos = self
                    .rules
                    .iter()
                    .position(|f| &f.name == file)
                    .ok_or_else(|| not_found(file))?;
                let gone = horizon_engine::Rule::parse(&self.rules[pos].text)
                    .ok()
                    .map(|r| r.id);
                self.rules.update(|r| {
                    r.remove(pos);
                });
                // The rule's settings go with it, unless another file has its id.
                if let Some(id) = gone.filter(|id| self.parsed(id).is_none()) {
                    self.settings.update(|s| {
                        s.disabled.remove(&id);
                        s.params.remove(&id);
                    });
                }
                Ok(format!("Rule file {file} deleted."))
            }
            Change::AddTest(test) => {
                if self.tests.iter().any(|f| f.name == test.name) {
                    return Err(Refusal {
                        path: "tests".into(),
                        kind: ProblemKind::DuplicateId,
                        message: format!("there is already a rule test {}", test.name),
                        more: Vec::new(),
                    });
                }
                self.tests.update(|t| t.push(test.clone()));
                Ok(format!("Rule test {} added.", test.name))
            }
            Change::DeleteTest { file } => {
                let pos = self
                    .tests
                    .iter()
                    .position(|f| &f.name == file)
                    .ok_or_else(|| Refusal {
                        path: "tests".into(),
                        kind: ProblemKind::NotFound,
                        message: format!("there is no rule test {file}"),
                        more: Vec::new(),
                    })?;
                self.tests.update(|t| {
                    t.remove(pos);
                });
                Ok(format!("Rule test {file} deleted."))
            }
            Change::ResetRules => {
                self.rules = shipped_rules();
                self.settings = Shared::new(Settings::default());
                self.tests = shipped_tests();
                Ok(
                    "Rules and their tests reset to the shipped pack, every setting as shipped."
                        .into(),
                )
            }
            Change::SetRuleEnabled { rule, enabled } => {
                self.settings.update(|s| {
                    if *enabled {
                        s.disabled.remove(rule);
                    } else {
                        s.disabled.insert(rule.clone(), true);
                    }
                });
                Ok(format!(
                    "Rule “{}” switched {}.",
                    self.rule_title(rule),
                    if *enabled { "on" } else { "off" }
                ))
            }
            Change::SetParam { rule, name, value } => {
                self.settings.update(|s| match value {
                    Some(v) => {
                        s.params
                            .entry(rule.clone())
                            .or_default()
                            .insert(name.clone(), v.clone());
                    }
                    None => {
                        if let Some(p) = s.params.get_mut(rule) {
                            p.remove(name);
                            if p.is_empty() {
                                s.params.remove(rule);
                            }
                        }
                    }
                });
                let now = value
                    .as_ref()
                    .map_or_else(|| "its default".to_string(), |v| v.to_string());
                let label = self
                    .parsed(rule)
                    .and_then(|r| r.params.into_iter().find(|p| &p.name == name))
                    .map_or_else(|| name.clone(), |p| p.label);
                Ok(format!(
                    "“{label}” in rule “{}” is now {now}.",
                    self.rule_title(rule)
                ))
            }
            Change::Replace { work, what } => {
                *self = (**work).clone();
                Ok(format!("Opened {what}."))
            }
        }
    }

    fn parsed(&self, rule: &str) -> Option<horizon_engine::Rule> {
        horizon_engine::parse_rules(&self.rules)
            .into_iter()
            .find_map(|r| match r {
                horizon_engine::RuleSource::Parsed(p) if p.id == rule => Some(p),
                _ => None,
            })
    }

    /// A rule's title from its file's header, or its id if the header is broken.
    fn rule_title(&self, rule: &str) -> String {
        self.parsed(rule)
            .map_or_else(|| rule.to_string(), |r| r.title)
    }
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

/// What differs between two works' rules and settings, in words: rule files added,
/// removed or edited; rules switched on or off; settings changed.
pub fn rule_differences(before: &Work, after: &Work) -> Vec<String> {
    let mut out = Vec::new();
    if !before.rules.same(&after.rules) {
        for f in after.rules.iter() {
            match before.rules.iter().find(|b| b.name == f.name) {
                None => out.push(format!("Rule file {} added.", f.name)),
                Some(b) if b.text != f.text => out.push(format!("Rule file {} edited.", f.name)),
                Some(_) => {}
            }
        }
        for b in before.rules.iter() {
            if !after.rules.iter().any(|f| f.name == b.name) {
                out.push(format!("Rule file {} removed.", b.name));
            }
        }
    }
    if !before.tests.same(&after.tests) {
        for f in after.tests.iter() {
            match before.tests.iter().find(|b| b.name == f.name) {
                None => out.push(format!("Rule test {} added.", f.name)),
                Some(b) if b.text != f.text => out.push(format!("Rule test {} edited.", f.name)),
                Some(_) => {}
            }
        }
        for b in before.tests.iter() {
            if !after.tests.iter().any(|f| f.name == b.name) {
                out.push(format!("Rule test {} removed.", b.name));
            }
        }
    }
    if !before.settings.same(&after.settings) {
        let (a, b) = (&*before.settings, &*after.settings);
        let rules: std::collections::BTreeSet<&String> = a
            .disabled
            .keys()
            .chain(b.disabled.keys())
            .chain(a.params.keys())
            .chain(b.params.keys())
            .collect();
        for rule in rules {
            let title = after.rule_title(rule);
            if a.is_enabled(rule) != b.is_enabled(rule) {
                out.push(format!(
                    "Rule “{title}” switched {}.",
                    if b.is_enabled(rule) { "on" } else { "off" }
                ));
            }
            let empty = Default::default();
            let (pa, pb) = (
                a.params.get(rule).unwrap_or(&empty),
                b.params.get(rule).unwrap_or(&empty),
            );
            let names: std::collections::BTreeSet<&String> = pa.keys().chain(pb.keys()).collect();
            for name in names {
                if pa.get(name) != pb.get(name) {
                    let label = after
                        .parsed(rule)
                        .and_then(|r| r.params.into_iter().find(|p| &p.name == name))
                        .map_or_else(|| name.clone(), |p| p.label);
                    let show = |v: Option<&ParamValue>| {
                        v.map_or_else(|| "its default".to_string(), |v| v.to_string())
                    };
                    out.push(format!(
                        "“{label}” in rule “{title}”: {} → {}.",
                        show(pa.get(name)),
                        show(pb.get(name))
                    ));
                }
            }
        }
    }
    out
}
