//! A consultation result as its form holds it: responses and the share agreeing,
//! which people write as a percentage ("78", "78 %", "78.5%").

use horizon_model::{ConsultationResult, Edit, Refusal, Scenario};

use super::{checked, from_refusal, whole_number, FieldError, FieldMap, Words};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ConsultationDraft {
    pub responses: String,
    /// A percentage, as typed.
    pub share: String,
}

const FIELDS: [FieldMap; 2] = [
    FieldMap::worded(
        "responses",
        "The number of responses",
        "Enter the number of responses",
    ),
    FieldMap {
        model: "share_agreeing",
        form: "share",
        words: Some(Words {
            label: "The share agreeing",
            empty: "Enter the share agreeing as a percentage",
            out_of_range: Some("Enter the share agreeing as a percentage from 0 to 100, like 78"),
        }),
    },
];

/// "78", "78 %", "78.5%" → 0.78, 0.785. `None` for anything that is not a number.
/// Range is the model's to judge (so "120 %" reads as 1.2, which it refuses).
pub fn percentage(text: &str) -> Option<f64> {
    let t = text.trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
    {
        return None;
    }
    let n: f64 = t.parse().ok()?;
    n.is_finite().then_some(n / 100.0)
}

/// A number between 0 and 1 written as a fraction ("0.31", ".5", no % sign): a share
/// the user most likely meant as a percentage.
pub fn looks_like_a_fraction(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.contains('%') || !t.contains('.') {
        return None;
    }
    t.parse::<f64>().ok().filter(|n| *n > 0.0 && *n < 1.0)
}

/// A share as people read it: 0.31 → "31 %", 0.785 → "78.5 %".
pub fn percent_words(share: f64) -> String {
    let p = format!("{:.1}", share * 100.0);
    let p = p.strip_suffix(".0").unwrap_or(&p);
    format!("{p} %")
}

impl ConsultationDraft {
    pub fn from_result(r: &ConsultationResult) -> ConsultationDraft {
        let p = format!("{:.1}", r.share_agreeing * 100.0);
        ConsultationDraft {
            responses: r.responses.to_string(),
            share: p.strip_suffix(".0").unwrap_or(&p).to_string(),
        }
    }

    /// The result for `focus_area` (or the plan overall), or what could not be read.
    pub fn parse(&self, focus_area: Option<&str>) -> Result<ConsultationResult, Vec<FieldError>> {
        let mut errors = Vec::new();
        let responses = whole_number(&self.responses);
        if responses.is_none() {
            errors.push(FieldError::new(
                "responses",
                if self.responses.trim().is_empty() {
                    "Enter the number of responses"
                } else {
                    "Enter the number of responses as a whole number, like 420"
                },
            ));
        }
        let mut share = percentage(&self.share);
        if let Some(fraction) = looks_like_a_fraction(&self.share) {
            // "0.31" is almost surely 31 % written as a fraction, not a third of 1 %.
            share = None;
            errors.push(FieldError::new(
                "share",
                format!(
                    "Enter the share agreeing as a percentage: for {fraction}, enter {}",
                    percent_words(fraction).trim_end_matches(" %")
                ),
            ));
        } else if share.is_none() {
            errors.push(FieldError::new(
                "share",
                if self.share.trim().is_empty() {
                    "Enter the share agreeing as a percentage"
                } else {
                    "Enter the share agreeing as a percentage, like 78"
                },
            ));
        }
        match (responses, share) {
            (Some(responses), Some(share_agreeing)) => Ok(ConsultationResult {
                focus_area: focus_area.map(str::to_string),
                responses,
                share_agreeing,
            }),
            _ => Err(errors),
        }
    }

    /// The edit setting this result for `focus_area` (or the plan overall), or every problem.
    pub fn to_edit(&self, s: &Scenario, focus_area: Option<&str>) -> Result<Edit, Vec<FieldError>> {
        checked(
            s,
            Edit::SetConsultation(self.parse(focus_area)?),
            &FIELDS,
            "share",
        )
    }

    pub fn refused(r: &Refusal) -> Vec<FieldError> {
        from_refusal(r, &FIELDS, "share")
    }
}
