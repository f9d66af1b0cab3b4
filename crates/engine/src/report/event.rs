//! The "Stakeholder events" section of the text and Markdown reports. Its sentences
//! are `event_words`' (`event_summaries`), which the JSON report and the Word report
//! print too.

use horizon_model::Scenario;

use super::md::md_text;
use super::wrap;
use crate::event_words::summaries;

/// The section for a terminal, or nothing when the scenario has no events.
pub(super) fn text(sc: &Scenario) -> String {
    let events = summaries(sc);
    if events.is_empty() {
        return String::new();
    }
    let mut out = "Stakeholder events:\n".to_string();
    for e in &events {
        out += &wrap(&format!("{}: {}", e.name, e.details), "  - ", "    ");
        for (i, r) in e.rounds.iter().enumerate() {
            out += &wrap(&format!("Round {}. {} {}", i + 1, r.question, r.counted), "    ", "      ");
            let results = r.result_lines();
            if !results.is_empty() {
                out += &wrap(&format!("{}.", results.join("; ")), "      ", "      ");
            }
            for l in &r.ratings {
                out += &wrap(&format!("{l}."), "      ", "      ");
            }
            out += &wrap(&r.moved_heading, "      ", "      ");
            for m in &r.moved {
                out += &wrap(m, "        - ", "          ");
            }
            if let Some(more) = &r.moved_more {
                out += &wrap(more, "        ", "        ");
            }
        }
    }
    out + "\n"
}

/// The section in Markdown, or nothing when the scenario has no events.
pub(super) fn markdown(sc: &Scenario) -> String {
    let events = summaries(sc);
    if events.is_empty() {
        return String::new();
    }
    let mut out = "### Stakeholder events\n\n".to_string();
    for e in &events {
        out += &format!("#### {}\n\n{}\n\n", md_text(&e.name), md_text(&e.details));
        for (i, r) in e.rounds.iter().enumerate() {
            out += &format!(
                "**Round {}. {}** {}\n\n",
                i + 1,
                md_text(&r.question),
                md_text(&r.counted)
            );
            if !r.results.is_empty() {
                out += "| Option | Votes |\n|---|---|\n";
                for o in &r.results {
                    out += &format!("| {} | {} |\n", md_text(&o.name), o.votes);
                }
                out += "\n";
            }
            for l in &r.ratings {
                out += &format!("- {}\n", md_text(l));
            }
            if !r.ratings.is_empty() {
                out += "\n";
            }
            out += &format!("{}\n\n", md_text(&r.moved_heading));
            for m in &r.moved {
                out += &format!("- {}\n", md_text(m));
            }
            if let Some(more) = &r.moved_more {
                out += &format!("- {}\n", md_text(more));
            }
            if !r.moved.is_empty() {
                out += "\n";
            }
        }
    }
    out
}
