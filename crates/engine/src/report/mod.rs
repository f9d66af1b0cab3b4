//! An evaluation written out for people (text, Markdown) and programs (JSON).
//!
//! The JSON shape is stable and documented in `docs/review-json.md`: suggestions
//! carry `kind`, `targets`, `proposed_name`, `score`, `rationale`, `evidence` and
//! `rules`, with names resolved so that a reader needs no second file.

use horizon_model::Scenario;

use crate::evaluate::{Evaluation, RuleStatus};
use crate::firmness::Firmness;
use crate::suggestion::{Change, ProposedFocusArea, Removal};

fn change_words(c: Change) -> &'static str {
    match c {
        Change::Unchanged => "unchanged (no suggestion)",
        Change::Retained => "retained",
        Change::Renamed => "renamed",
        Change::Added => "new",
        Change::Consolidated => "consolidated",
        Change::Split => "split",
    }
}

/// "retained", or "retained, taking in Substance Misuse" when themes were folded in.
pub fn change_phrase(f: &ProposedFocusArea, sc: &Scenario) -> String {
    let word = change_words(f.change);
    if f.taken_in.is_empty() {
        word.to_string()
    } else {
        let names: Vec<&str> = f
            .taken_in
            .iter()
            .map(|t| sc.theme(t).map_or(t.as_str(), |x| &x.name))
            .collect();
        format!("{word}, taking in {}", horizon_model::join_and(&names))
    }
}

pub fn cross_cutting_words(names: &[String]) -> String {
    if names.is_empty() {
        "none".to_string()
    } else {
        names.join("; ")
    }
}

fn theme_names(themes: &[String], sc: &Scenario) -> String {
    themes
        .iter()
        .map(|t| sc.theme(t).map_or(t.as_str(), |x| &x.name))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn removal_words(r: Removal) -> &'static str {
    match r {
        Removal::Retired => "retired",
        Removal::Demoted => "demoted to a cross-cutting theme",
    }
}

/// "9 suggested changes from 6 of 11 rules": the one summary line of an evaluation.
pub fn summary_line(eval: &Evaluation) -> String {
    let fired = eval
        .trace
        .iter()
        .filter(|t| t.status == RuleStatus::Fired)
        .count();
    let on = eval
        .trace
        .iter()
        .filter(|t| t.status != RuleStatus::Disabled)
        .count();
    match (eval.suggestions.len(), on) {
        (_, 0) => "No suggested changes: no rule is switched on".to_string(),
        (0, 1) => "No suggested changes from the one rule".to_string(),
        (0, on) => format!("No suggested changes from the {on} rules"),
        (n, on) => format!(
            "{} from {fired} of {}",
            horizon_model::count(n, "suggested change", "suggested changes"),
            horizon_model::count(on, "rule", "rules")
        ),
    }
}

/// Rules that suggested nothing, each with why, and the plan's focus areas no
/// suggestion concerns, each with why nothing is suggested for it.
pub fn not_suggested_lines(eval: &Evaluation, sc: &Scenario) -> (Vec<String>, Vec<String>) {
    let rules = eval
        .trace
        .iter()
        .filter_map(|t| t.why_quiet(sc).map(|w| format!("{}: {w}", t.title)))
        .collect();
    let focus_areas = eval
        .unchanged_focus_areas(sc)
        .into_iter()
        .map(|(name, why)| {
            if why.is_empty() {
                format!("{name}: no rule in the pack judged it.")
            } else {
                let reasons: Vec<String> = why.into_iter().map(|(_, w)| w).collect();
                format!("{name}: {}", reasons.join(" "))
            }
        })
        .collect();
    (rules, focus_areas)
}

/// A Markdown section a council report could paste in: the proposed focus areas
/// first, then each suggestion, conflicts, what was not suggested, and how it was
/// worked out.
pub fn markdown(eval: &Evaluation, sc: &Scenario) -> String {
    markdown_with(eval, sc, &[])
}

/// The Markdown report, each suggestion with how firm it is if it is in `firmness`.
pub fn markdown_with(eval: &Evaluation, sc: &Scenario, firmness: &[Firmness]) -> String {
    let mut out = format!("## Review of {}

", md_text(&sc.plan().name));
    out += &format!("_{}: {}._

", md_text(&sc.meta.title), md_text(&summary_line(eval)));
    out += "### Proposed focus areas

| Focus area | Change | Score | Themes |\n|---|---|---|---|\n";
    let score_of = |id: &Option<crate::SuggestionId>| {
        id.as_ref()
            .and_then(|i| eval.suggestion(i))
            .map_or("—".to_string(), |x| format!("{:.1}", x.score))
    };
    for f in &eval.proposed.focus_areas {
        out += &format!(
            "| {} | {} | {} | {} |\n",
            md_text(&f.name),
            md_text(&change_phrase(f, sc)),
            score_of(&f.suggestion),
            md_text(&theme_names(&f.themes, sc))
        );
    }
    for r in &eval.proposed.removed {
        out += &format!(
            "| ~~{}~~ | {} | {} | |\n",
            md_text(&r.name),
            md_text(removal_words(r.why)),
            score_of(&Some(r.suggestion.clone()))
        );
    }
    out += "\nCross-cutting themes: ";
    out += &md_text(&cross_cutting_words(&eval.proposed.cross_cutting_themes));
    out += "\n\n### Suggested changes\n\n";
    for (i, s) in eval.suggestions.iter().enumerate() {
        out += &format!(
            "#### {}. {} (score {:.1})\n\n{}\n\n",
            i + 1,
            md_text(&s.headline(sc)),
            s.score,
            md_text(&s.rationale)
        );
        if let Some(why) = eval.why_set_aside(&s.id(), sc) {
            out += &format!("**Not in the proposed plan:** {}.\n\n", md_text(&why));
        }
        for r in s.reasons.iter().skip(1).filter(|r| r.rule != s.reasons[0].rule) {
            out += &format!("- Also: {}\n", md_text(&r.text));
        }
        if !s.also_covers.is_empty() {
            let covered: Vec<String> = s.also_covers.iter().map(|c| c.headline(sc)).collect();
            out += &format!("- Also covers: {}\n", md_text(&covered.join("; ")));
        }
        if !s.split_into.is_empty() {
            for p in s.split_parts() {
                out += &format!("- Split into {}\n", md_text(&p.sentence(sc)));
            }
        }
        out += &format!("\n**How the score of {:.1} is made up**\n\n", s.score);
        for line in s.score_explained() {
            out += &format!("- {}\n", md_text(&line));
        }
        let firm = crate::firmness::markdown(firmness, &s.id());
        if !firm.is_empty() {
            out += "\n";
            out += firm.trim_end();
            out += "\n";
        }
        out += &format!(
            "\n**Evidence** ({}):\n\n",
            md_text(&crate::evidence_summary(&s.evidence, sc))
        );
        for e in &s.evidence {
            out += &format!("- {}\n", md_text(&e.describe(sc)));
        }
        out += "\n";
    }
    out += "### Conflicts\n\n";
    if eval.conflicts.is_empty() {
        out += "No two suggestions conflict.\n\n";
    }
    for c in &eval.conflicts {
        let headline = |id| eval.suggestion(id).map(|x| x.headline(sc)).unwrap_or_default();
        out += &format!(
            "- {} / {}: {}.\n",
            md_text(&headline(&c.a)),
            md_text(&headline(&c.b)),
            md_text(&c.reason)
        );
    }
    if let Some(more) = eval.conflicts_unlisted.words() {
        out += &format!("\n{more}\n");
    }
    let (rules, focus_areas) = not_suggested_lines(eval, sc);
    out += "\n### Changes not suggested\n\n";
    for l in focus_areas.iter().chain(&rules) {
        out += &format!("- {}\n", md_text(l));
    }
    if focus_areas.is_empty() && rules.is_empty() {
        out += "Every rule made a suggestion, and a suggestion concerns every focus area.\n";
    }
    let events = event::markdown(sc);
    if !events.is_empty() {
        out += "\n";
        out += events.trim_end();
        out += "\n";
    }
    out += "\n### How this was worked out\n\n| Rule | Id | Version | Result |\n|---|---|---|---|\n";
    for t in &eval.trace {
        out += &format!(
            "| {} | {} | {} | {} |\n",
            md_text(&t.title),
            md_text(&t.rule),
            md_text(&t.version),
            status_words(t)
        );
    }
    out
}

/// "made 4 suggestions", "made none", "failed", "switched off".
pub fn status_words(t: &crate::RuleTrace) -> String {
    match t.status {
        RuleStatus::Fired => format!("made {}", horizon_model::count(t.suggestions, "suggestion", "suggestions")),
        RuleStatus::DidNotFire => "made none".to_string(),
        RuleStatus::Failed => "failed: see its problems".to_string(),
        RuleStatus::Disabled => "switched off".to_string(),
    }
}

/// Plain text for a terminal.
pub fn text(eval: &Evaluation, sc: &Scenario) -> String {
    text_with(eval, sc, &[])
}

/// The text report, each suggestion with how firm it is if it is in `firmness`.
pub fn text_with(eval: &Evaluation, sc: &Scenario, firmness: &[Firmness]) -> String {
    let mut out = format!(
        "{}\nPlan under review: {}\n{}\n\n",
        sc.meta.title,
        sc.plan().name,
        summary_line(eval)
    );
    out += "Proposed focus areas:\n";
    for f in &eval.proposed.focus_areas {
        out += &format!("  - {} ({})\n", f.name, change_phrase(f, sc));
    }
    for r in &eval.proposed.removed {
        out += &format!("  - {} ({})\n", r.name, removal_words(r.why));
    }
    out += &format!(
        "Cross-cutting themes: {}\n\n",
        cross_cutting_words(&eval.proposed.cross_cutting_themes)
    );
    out += "Suggested changes, highest score first:\n\n";
    for (i, s) in eval.suggestions.iter().enumerate() {
        out += &format!("{:>2}. [{:>5.1}] {}\n", i + 1, s.score, s.headline(sc));
        out += &wrap(&s.rationale, "      ", "      ");
        if let Some(why) = eval.why_set_aside(&s.id(), sc) {
            out += &wrap(&format!("Not in the proposed plan: {why}."), "      ", "      ");
        }
        if !s.also_covers.is_empty() {
            let covered: Vec<String> = s.also_covers.iter().map(|c| c.headline(sc)).collect();
            out += &wrap(&format!("Also covers: {}.", covered.join("; ")), "      ", "      ");
        }
        if !s.split_into.is_empty() {
            for p in s.split_parts() {
                out += &wrap(&format!("Split into {}.", p.sentence(sc)), "      ", "        ");
            }
        }
        out += &wrap(&format!("Score: {}", s.score_explained().join(" ")), "      ", "      ");
        out += &crate::firmness::text(firmness, &s.id(), "      ");
        out += &wrap(&format!("Evidence: {}.", crate::evidence_summary(&s.evidence, sc)), "      ", "      ");
        out += "\n";
    }
    if !eval.conflicts.is_empty() {
        out += "Conflicts:\n";
        for c in &eval.conflicts {
            let headline = |id| eval.suggestion(id).map(|x| x.headline(sc)).unwrap_or_default();
            out += &wrap(&format!("{} / {}: {}.", headline(&c.a), headline(&c.b), c.reason), "  - ", "    ");
        }
        if let Some(more) = eval.conflicts_unlisted.words() {
            out += &wrap(&more, "  ", "  ");
        }
        out += "\n";
    }
    let (rules, focus_areas) = not_suggested_lines(eval, sc);
    if !(rules.is_empty() && focus_areas.is_empty()) {
        out += "Changes not suggested:\n";
        for l in focus_areas.iter().chain(&rules) {
            out += &wrap(l, "  - ", "    ");
        }
        out += "\n";
    }
    out += &event::text(sc);
    out += "Rules:\n";
    for t in &eval.trace {
        out += &format!("  - {} ({}): {}, {} operations\n", t.title, t.rule, status_words(t), t.operations);
        for d in &t.diagnostics {
            out += &format!("      {d}\n");
        }
        for p in &t.printed {
            out += &format!("      printed: {}\n", horizon_model::one_line(p));
        }
    }
    out
}

/// Wraps `text` at 90 columns, the first line after `first`, the rest after `rest`.
pub(super) fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    let mut indent = first;
    for word in text.split_whitespace() {
        if !line.is_empty() && indent.len() + line.len() + word.len() + 1 > 94 {
            out += &format!("{indent}{line}\n");
            indent = rest;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out += &format!("{indent}{line}\n");
    }
    out
}

mod compare;
mod event;
mod json;
mod md;

/// The "Stakeholder events" section alone, in Markdown (the event record a
/// facilitator takes away): empty when the scenario has no events.
pub fn events_markdown(sc: &Scenario) -> String {
    event::markdown(sc)
}
pub use compare::*;
pub use json::{json, json_with, REPORT_VERSION};
pub use md::md_text;
