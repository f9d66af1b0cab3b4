//! How firm the suggestions are that the user asked about ("How firm is this?"):
//! worked out at the edge on request, never on every edit, and kept only for the
//! revision they were worked out for, so any change to the work clears them.

use std::collections::{BTreeMap, BTreeSet};

use horizon_engine::{Firmness, SuggestionId};

use crate::shared::Shared;

use super::AppState;

/// One suggestion's firmness as worked out, or why it could not be.
#[derive(Debug, Clone, PartialEq)]
pub struct FirmnessAnswer {
    pub result: Result<Shared<Firmness>, String>,
    /// How long the search took in the page.
    pub millis: f64,
}

/// The answers for one revision of the work, by suggestion.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FirmnessShown {
    /// The revision of the work they are about.
    pub revision: u64,
    pub found: BTreeMap<SuggestionId, FirmnessAnswer>,
    /// Asked for and being worked out.
    pub working: BTreeSet<SuggestionId>,
}

impl FirmnessShown {
    /// The answer for `id`, if it was worked out for `revision`.
    pub fn found(&self, revision: u64, id: &SuggestionId) -> Option<&FirmnessAnswer> {
        (self.revision == revision)
            .then(|| self.found.get(id))
            .flatten()
    }

    /// Whether `id` is being worked out for `revision`.
    pub fn is_working(&self, revision: u64, id: &SuggestionId) -> bool {
        self.revision == revision && self.working.contains(id)
    }
}

impl AppState {
    /// The user asked how firm a suggestion is; the edge works it out (only when the
    /// suggestions shown are current, so the answer is about what the user sees).
    pub(super) fn firmness_asked(&mut self, id: SuggestionId) {
        if !self.is_current() {
            return;
        }
        let revision = self.review.revision;
        let shown = &mut self.review.firmness;
        if shown.revision != revision {
            *shown = FirmnessShown {
                revision,
                ..FirmnessShown::default()
            };
        }
        shown.found.remove(&id);
        shown.working.insert(id);
    }

    /// The edge's answer; one about an older revision is dropped.
    pub(super) fn firmness_found(
        &mut self,
        revision: u64,
        id: SuggestionId,
        found: FirmnessAnswer,
    ) {
        let shown = &mut self.review.firmness;
        if revision != self.review.revision || shown.revision != revision {
            return;
        }
        shown.working.remove(&id);
        shown.found.insert(id, found);
    }

    /// The user closed the answer.
    pub(super) fn firmness_hidden(&mut self, id: &SuggestionId) {
        let shown = &mut self.review.firmness;
        shown.found.remove(id);
        shown.working.remove(id);
    }
}
