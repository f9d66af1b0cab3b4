//! A stakeholder vote count as its table cell holds it.

/// "12", " 1,204 ", "" (none) → the count; or what to say when it is not a whole number.
pub fn parse_votes(text: &str) -> Result<u32, String> {
    if text.trim().is_empty() {
        return Ok(0);
    }
    super::whole_number(text).ok_or_else(|| {
        "Enter the number of votes as a whole number, like 12, or 0 for none".to_string()
    })
}

/// The count as its cell shows it: blank for none.
pub fn votes_text(votes: u32) -> String {
    if votes == 0 {
        String::new()
    } else {
        votes.to_string()
    }
}
