//! The report's body in reading order: title block, summary, suggested changes,
//! conflicts, changes not suggested, then (from `event`, `matrix` and `appendix`) any
//! stakeholder events, the matrix and the appendix.
//! Sentences about suggestions, evidence and the proposed plan are the engine's
//! (`headline`, `rationale`, reasons, `Evidence::describe`, `report::change_phrase`,
//! `evidence_summary`); only the report's own framing is written here.

use horizon_engine::report::{change_phrase, cross_cutting_words, not_suggested_lines, removal_words};
use horizon_engine::{evidence_summary, Evaluation, Suggestion, SuggestionId};
use horizon_model::{join_and, Scenario};

use crate::blocks::{bold, bullet, labelled, para, plain, Block, Orientation, Table};
use crate::{appendix, event, matrix, ReportContext, ReportInput};

/// The document's title: "Suggested changes to Kent Community Safety Agreement 2014-17".
pub(crate) fn title(s: &Scenario) -> String {
    format!("Suggested changes to {}", s.plan().name)
}

pub(crate) use horizon_model::capitalised;

/// A score as the page shows it: "97.6".
pub(crate) fn score(x: f64) -> String {
    format!("{x:.1}")
}

/// "1. Add Safeguarding": the suggestion's number in score order and its headline.
pub(crate) fn numbered(i: usize, sug: &Suggestion, s: &Scenario) -> String {
    format!("{}. {}", i + 1, sug.headline(s))
}

/// The title block's lines, label and value, then the differences from the
/// baseline: one home for the Word report's title block and the Markdown's.
pub fn title_lines(s: &Scenario, ctx: &ReportContext) -> (Vec<(&'static str, String)>, Vec<String>) {
    let plan = s.plan();
    let mut lines = vec![
        ("Area", s.meta.geography.clone()),
        (
            "Plan under review",
            format!("{} ({})", plan.name, plan.kind.label().to_lowercase()),
        ),
    ];
    if let Some(county) = s.county_agreement().filter(|c| c.id != plan.id) {
        lines.push(("Read against", county.name.clone()));
    }
    lines.push(("Review", format!("{}, for {}", s.meta.title, s.meta.period)));
    lines.push(("Date of this report", ctx.date.to_string()));
    lines.push(("Made from", ctx.made_from.clone()));
    let baseline = match (&ctx.baseline, ctx.differences.len()) {
        (None, _) => "none given, so this report does not say how its inputs differ from any other"
            .to_string(),
        (Some(b), 0) => format!("the inputs are the same as {b}"),
        (Some(b), 1) => format!("the inputs differ from {b} in one way:"),
        (Some(b), n) => format!("the inputs differ from {b} in {n} ways:"),
    };
    lines.push(("Baseline", baseline));
    let differences = if ctx.baseline.is_some() {
        ctx.differences.clone()
    } else {
        Vec::new()
    };
    (lines, differences)
}

fn title_block(input: &ReportInput, out: &mut Vec<Block>) {
    out.push(Block::Title(title(input.scenario)));
    let (lines, differences) = title_lines(input.scenario, input.context);
    for (label, value) in lines {
        out.push(labelled(label, value));
    }
    out.extend(differences.iter().map(bullet));
}

fn score_of(e: &Evaluation, id: Option<&SuggestionId>) -> String {
    id.and_then(|id| e.suggestion(id))
        .map_or_else(String::new, |x| score(x.score))
}

fn summary(input: &ReportInput, out: &mut Vec<Block>) {
    let (s, e) = (input.scenario, input.evaluation);
    out.push(Block::Heading(1, "Summary".into()));
    let n = e.suggestions.len();
    out.push(para(match n {
        0 => "The rules suggest no changes to the plan's focus areas.".to_string(),
        1 => "The rules make 1 suggestion. Accepting it would give these focus areas:".to_string(),
        n => format!(
            "The rules make {n} suggestions. Accepting every one that does not conflict with a higher-scored one would give these focus areas:"
        ),
    }));
    let mut rows: Vec<Vec<String>> = Vec::new();
    for f in &e.proposed.focus_areas {
        let from: Vec<&str> = f
            .from
            .iter()
            .map(|id| s.focus_area(id).map_or(id.as_str(), |x| &x.name))
            .collect();
        let current = if from.is_empty() {
            "(none: a new focus area)".to_string()
        } else {
            join_and(&from)
        };
        rows.push(vec![
            current,
            f.name.clone(),
            capitalised(&change_phrase(f, s)),
            score_of(e, f.suggestion.as_ref()),
        ]);
    }
    for r in &e.proposed.removed {
        rows.push(vec![
            r.name.clone(),
            "(none)".into(),
            capitalised(removal_words(r.why)),
            score_of(e, Some(&r.suggestion)),
        ]);
    }
    out.push(Block::Table(Table {
        header: vec![
            "Current focus area".into(),
            "Proposed focus area".into(),
            "Change".into(),
            "Score (of 100)".into(),
        ],
        rows,
        widths: vec![30, 30, 28, 12],
        compact: false,
    }));
    out.push(labelled(
        "Cross-cutting themes",
        capitalised(&cross_cutting_words(&e.proposed.cross_cutting_themes)),
    ));
    if !e.proposed.set_aside.is_empty() {
        out.push(Block::Para(vec![bold("Left out of the proposed focus areas:")]));
        for id in &e.proposed.set_aside {
            if let (Some(x), Some(why)) = (e.suggestion(id), e.why_set_aside(id, s)) {
                out.push(bullet(format!("{}: {why}.", x.headline(s))));
            }
        }
    }
}

fn suggestions(input: &ReportInput, out: &mut Vec<Block>) {
    let (s, e) = (input.scenario, input.evaluation);
    out.push(Block::Heading(1, "Suggested changes".into()));
    if e.suggestions.is_empty() {
        out.push(para("There are no suggested changes."));
        return;
    }
    out.push(para(
        "Highest score first. A score is out of 100: each rule builds its score from parts, shown under each suggestion, and several rules agreeing on a change raise it.",
    ));
    for (i, sug) in e.suggestions.iter().enumerate() {
        out.push(Block::Heading(2, numbered(i, sug, s)));
        out.push(labelled("Score", format!("{} of 100", score(sug.score))));
        if let Some(why) = e.why_set_aside(&sug.id(), s) {
            out.push(Block::Para(vec![
                bold("Not in the proposed focus areas: "),
                plain(format!("{why}.")),
            ]));
        }
        out.push(para(&sug.rationale));
        let first = sug.reasons.first().map(|r| r.rule.as_str());
        let mut others: Vec<&str> = Vec::new();
        for r in sug.reasons.iter().skip(1) {
            if Some(r.rule.as_str()) != first && !others.contains(&r.rule.as_str()) {
                others.push(&r.rule);
                out.push(bullet(format!("Also: {}", r.text)));
            }
        }
        if !sug.split_into.is_empty() {
            for p in sug.split_parts() {
                out.push(bullet(format!("Split into {}.", p.sentence(s))));
            }
        }
        if !sug.also_covers.is_empty() {
            let covered: Vec<String> = sug.also_covers.iter().map(|c| c.headline(s)).collect();
            out.push(labelled("Also covers", format!("{}.", covered.join("; "))));
        }
        out.push(Block::Para(vec![bold("How the score is made up:")]));
        for line in sug.score_explained() {
            out.push(bullet(line));
        }
        let firm = input
            .firmness
            .iter()
            .find(|f| f.suggestion == sug.id())
            .map(|f| f.sentences())
            .unwrap_or_default();
        if !firm.is_empty() {
            out.push(Block::Para(vec![bold("How firm it is:")]));
            for line in firm {
                out.push(bullet(line));
            }
        }
        out.push(labelled(
            "Evidence",
            format!(
                "{}. The evidence in full is in the appendix.",
                capitalised(&evidence_summary(&sug.evidence, s))
            ),
        ));
    }
}

fn conflicts(input: &ReportInput, out: &mut Vec<Block>) {
    let (s, e) = (input.scenario, input.evaluation);
    out.push(Block::Heading(1, "Conflicts".into()));
    if e.conflicts.is_empty() {
        out.push(para("No two suggestions conflict."));
        return;
    }
    out.push(para(
        "These pairs of suggestions cannot both be accepted. The proposed focus areas take the higher-scored of each pair.",
    ));
    for c in &e.conflicts {
        let name = |id: &SuggestionId| {
            e.position(id)
                .and_then(|i| e.suggestions.get(i).map(|x| numbered(i, x, s)))
                .unwrap_or_default()
        };
        out.push(bullet(format!(
            "{} / {}: {}.",
            name(&c.a),
            name(&c.b),
            c.reason
        )));
    }
    if let Some(more) = e.conflicts_unlisted.words() {
        out.push(para(&more));
    }
}

fn not_suggested(input: &ReportInput, out: &mut Vec<Block>) {
    let (rules, focus_areas) = not_suggested_lines(input.evaluation, input.scenario);
    out.push(Block::Heading(1, "Changes not suggested".into()));
    if rules.is_empty() && focus_areas.is_empty() {
        out.push(para("Every rule made a suggestion, and a suggestion concerns every focus area."));
        return;
    }
    if !focus_areas.is_empty() {
        out.push(Block::Heading(2, "Focus areas with no suggestion".into()));
        for l in focus_areas {
            out.push(bullet(l));
        }
    }
    if !rules.is_empty() {
        out.push(Block::Heading(2, "Rules that suggested nothing".into()));
        for l in rules {
            out.push(bullet(l));
        }
    }
}

/// Every block of the report, in order.
pub(crate) fn blocks(input: &ReportInput) -> Vec<Block> {
    let mut out = Vec::new();
    title_block(input, &mut out);
    summary(input, &mut out);
    suggestions(input, &mut out);
    conflicts(input, &mut out);
    not_suggested(input, &mut out);
    event::blocks(input.scenario, &mut out);
    // The matrix has a landscape section of its own.
    out.push(Block::SectionEnd(Orientation::Portrait));
    matrix::blocks(input.scenario, &mut out);
    out.push(Block::SectionEnd(Orientation::Landscape));
    appendix::blocks(input, &mut out);
    out
}
