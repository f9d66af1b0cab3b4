//! "Make a test from the current review": the suggestions the user chose to expect
//! or forbid (by suggestion id; the page shows headlines) and the test's name, and
//! the given/expect test file they make, built by the engine's `test_from_review`
//! (so the command line's `horizon test-rules` reads exactly what the page wrote).

use std::collections::BTreeMap;

use horizon_engine::ruletest::{test_from_review, MakeTestError, RuleTest, TestChoice};
use horizon_engine::{RuleFile, Settings, SuggestionId};

use super::FieldError;
use crate::state::Evaluated;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct TestDraft {
    /// What the test checks, in a sentence: its description, and its file name.
    pub name: String,
    pub choices: BTreeMap<SuggestionId, TestChoice>,
}

impl TestDraft {
    /// Expect, forbid, or (`None`) leave out the suggestion `id`.
    pub fn choose(&mut self, id: SuggestionId, choice: Option<TestChoice>) {
        match choice {
            Some(c) => {
                self.choices.insert(id, c);
            }
            None => {
                self.choices.remove(&id);
            }
        }
    }

    /// The test of `rule` this draft makes of the review `evaluated`, as a file in
    /// the pack's tests folder, or the problems placed on the form's fields
    /// (`test-name`, `test-choices`).
    pub fn build(
        &self,
        rule: &str,
        evaluated: &Evaluated,
        settings: &Settings,
    ) -> Result<(RuleFile, RuleTest), Vec<FieldError>> {
        let chosen: Vec<(SuggestionId, TestChoice)> =
            self.choices.iter().map(|(k, v)| (k.clone(), *v)).collect();
        let mut errors = Vec::new();
        if self.name.trim().is_empty() {
            errors.push(FieldError::new(
                "test-name",
                "Say what the test checks, for example “Kent: Domestic Abuse is retained”",
            ));
        }
        if chosen.is_empty() {
            errors.push(FieldError::new(
                "test-choices",
                "Choose at least one suggestion to expect or forbid",
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let test = test_from_review(
            &self.name,
            rule,
            &evaluated.scenario,
            settings,
            &evaluated.evaluation,
            &chosen,
        )
        .map_err(|e| {
            let field = match e {
                MakeTestError::NoName => "test-name",
                _ => "test-choices",
            };
            let mut message = e.to_string();
            if let Some(first) = message.get(0..1) {
                message = first.to_uppercase() + &message[1..];
            }
            vec![FieldError::new(field, message)]
        })?;
        let file = RuleFile {
            name: format!("tests/{}", file_name(rule, &self.name)),
            text: test.to_json(),
        };
        Ok((file, test))
    }
}

/// "retain-supported-focus-areas-kent-domestic-abuse-is-retained.json".
pub fn file_name(rule: &str, name: &str) -> String {
    let slug = horizon_model::slug(name, "");
    let slug: String = slug.chars().take(60).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("{rule}.json")
    } else {
        format!("{rule}-{slug}.json")
    }
}

/// A test file the user chose (one downloaded from here, or written by hand), read as
/// a rule test to keep with the project: the file as `tests/<name>`, and the rule it
/// tests first (its tests are run once it is added), or why it cannot be one.
pub fn read_test_file(name: &str, bytes: &[u8]) -> Result<(RuleFile, Option<String>), String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let text = horizon_model::nonempty_text(bytes)
        .map_err(|e| format!("{base} is not a rule test: {e}"))?;
    let test: RuleTest = serde_json::from_str(text).map_err(|e| {
        let said = e.to_string();
        let said = said
            .rfind(" at line ")
            .map_or(said.as_str(), |i| &said[..i]);
        format!(
            "{base} is not a rule test: line {}, column {}: {said}",
            e.line(),
            e.column()
        )
    })?;
    let file = RuleFile {
        name: format!("tests/{base}"),
        text: text.to_string(),
    };
    Ok((file, test.rules.first().cloned()))
}
