//! The review's details (title, area, period, where the figures come from) as their
//! form holds them: one row per provenance note.

use horizon_model::{field_of, Edit, Meta, ProblemKind, Refusal, Scenario};

use super::{from_refusal, message, too_long, FieldError, FieldMap};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MetaDraft {
    pub title: String,
    pub geography: String,
    pub period: String,
    /// One note per row; blank rows are dropped on saving.
    pub notes: Vec<String>,
}

const FIELDS: [FieldMap; 3] = [
    FieldMap::worded("title", "The title", "Enter a title for the review"),
    FieldMap::worded("geography", "The area", "Enter the area the review covers"),
    FieldMap::worded("period", "The period", "Enter the period the plan covers"),
];

impl MetaDraft {
    pub fn from_meta(m: &Meta) -> MetaDraft {
        MetaDraft {
            title: m.title.clone(),
            geography: m.geography.clone(),
            period: m.period.clone(),
            notes: m.provenance.clone(),
        }
    }

    /// The rows that hold a note, with their places in the form.
    fn kept(&self) -> Vec<(usize, &str)> {
        self.notes
            .iter()
            .enumerate()
            .filter(|(_, n)| !n.trim().is_empty())
            .map(|(i, n)| (i, n.trim()))
            .collect()
    }

    pub fn parse(&self) -> Result<Meta, Vec<FieldError>> {
        Ok(Meta {
            title: self.title.trim().to_string(),
            geography: self.geography.trim().to_string(),
            period: self.period.trim().to_string(),
            provenance: self
                .kept()
                .into_iter()
                .map(|(_, n)| n.to_string())
                .collect(),
        })
    }

    /// The edit setting the review's details, or every problem.
    pub fn to_edit(&self, s: &Scenario) -> Result<Edit, Vec<FieldError>> {
        let edit = Edit::SetMeta(self.parse()?);
        match s.check(&edit) {
            Ok(_) => Ok(edit),
            Err(r) => Err(self.refused(&r)),
        }
    }

    /// The model's refusal beside this form's controls; a note's problem goes beside
    /// its own row (`note-N`, counting the rows the user sees).
    pub fn refused(&self, r: &Refusal) -> Vec<FieldError> {
        let kept = self.kept();
        let mut out = Vec::new();
        for p in r.problems() {
            let last = p.path.rsplit('.').next().unwrap_or(&p.path);
            if field_of(&p.path) == "provenance" {
                let n: Option<usize> = last
                    .strip_prefix("provenance[")
                    .and_then(|x| x.strip_suffix(']'))
                    .and_then(|x| x.parse().ok());
                if let Some(&(row, _)) = n.and_then(|n| kept.get(n)) {
                    let words = match p.kind {
                        ProblemKind::TooLong => too_long(&format!("Note {}", row + 1), &p.message),
                        _ => message(&p.message),
                    };
                    out.push(FieldError::new(format!("note-{row}"), words));
                    continue;
                }
            }
            let single = Refusal {
                path: p.path.clone(),
                kind: p.kind,
                message: p.message.clone(),
                more: Vec::new(),
            };
            for e in from_refusal(&single, &FIELDS, "title") {
                if !out.iter().any(|x: &FieldError| x.field == e.field) {
                    out.push(e);
                }
            }
        }
        out
    }
}
