//! The appendix, "How this was worked out": each suggestion's evidence in full, in
//! the groups the page shows, and the rules used (title, id, version, what each did
//! and its parameters as set). The only part of the report that names rule ids and
//! versions.

use horizon_engine::{EvidenceGroup, ParamValue, RuleSource, RuleStatus, RuleTrace};

use crate::blocks::{bold, bullet, para, plain, Block, Table};
use crate::content::numbered;
use crate::ReportInput;

fn evidence(input: &ReportInput, out: &mut Vec<Block>) {
    let (s, e) = (input.scenario, input.evaluation);
    out.push(Block::Heading(2, "Evidence in full".into()));
    if e.suggestions.is_empty() {
        out.push(para("There are no suggestions, so no evidence is cited."));
    }
    for (i, sug) in e.suggestions.iter().enumerate() {
        out.push(Block::Heading(3, numbered(i, sug, s)));
        if sug.evidence.is_empty() {
            out.push(para("No evidence is cited."));
        }
        for group in EvidenceGroup::ALL {
            let items: Vec<String> = sug
                .evidence
                .iter()
                .filter(|x| x.group() == group)
                .map(|x| x.describe(s))
                .collect();
            if items.is_empty() {
                continue;
            }
            out.push(Block::Para(vec![bold(format!(
                "{} ({})",
                group.label(),
                items.len()
            ))]));
            out.extend(items.into_iter().map(bullet));
        }
        let rules: Vec<String> = sug
            .rules
            .iter()
            .map(|r| format!("{} ({}, version {})", rule_title(e, &r.id), r.id, r.version))
            .collect();
        out.push(Block::Para(vec![
            bold(if rules.len() == 1 {
                "Rule: "
            } else {
                "Rules: "
            }),
            plain(rules.join("; ")),
        ]));
    }
}

fn rule_title<'a>(e: &'a horizon_engine::Evaluation, id: &'a str) -> &'a str {
    e.trace
        .iter()
        .find(|t| t.rule == id)
        .map_or(id, |t| t.title.as_str())
}

fn what_it_did(t: &RuleTrace) -> String {
    match t.status {
        RuleStatus::Fired => format!(
            "Made {}",
            horizon_model::count(t.suggestions, "suggestion", "suggestions")
        ),
        RuleStatus::DidNotFire => "Made no suggestion".into(),
        RuleStatus::Failed => match t.diagnostics.first() {
            Some(d) => format!("Failed: {}", d.message),
            None => "Failed".into(),
        },
        RuleStatus::Disabled => "Switched off".into(),
    }
}

/// A parameter's value in words: "yes" and "no" for a switch.
fn value(v: &ParamValue) -> String {
    match v {
        ParamValue::Boolean(true) => "yes".into(),
        ParamValue::Boolean(false) => "no".into(),
        v => v.to_string(),
    }
}

fn parameters(input: &ReportInput, rule: &str) -> String {
    let Some(RuleSource::Parsed(r)) = input.rules.iter().find(|x| x.id() == rule) else {
        return String::new();
    };
    if r.params.is_empty() {
        return "None".into();
    }
    let set = input.settings.params.get(rule);
    r.params
        .iter()
        .map(|p| match set.and_then(|m| m.get(&p.name)) {
            Some(v) if *v != p.default => {
                format!(
                    "{}: {} (changed from {})",
                    p.label,
                    value(v),
                    value(&p.default)
                )
            }
            _ => format!("{}: {}", p.label, value(&p.default)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn rules(input: &ReportInput, out: &mut Vec<Block>) {
    let e = input.evaluation;
    out.push(Block::Heading(2, "Rules used".into()));
    out.push(para(format!(
        "The suggestions come from {}, each a short documented program that can be read and changed in Horizon. The version is a fingerprint of the rule's text: the same version always means the same rule.",
        horizon_model::count(e.trace.len(), "rule", "rules")
    )));
    let rows = e
        .trace
        .iter()
        .map(|t| {
            vec![
                t.title.clone(),
                t.rule.clone(),
                t.version.clone(),
                what_it_did(t),
                parameters(input, &t.rule),
            ]
        })
        .collect();
    out.push(Block::Table(Table {
        header: vec![
            "Rule".into(),
            "Id".into(),
            "Version".into(),
            "What it did".into(),
            "Parameters as set".into(),
        ],
        rows,
        widths: vec![24, 20, 15, 15, 26],
        compact: true,
    }));
}

pub(crate) fn blocks(input: &ReportInput, out: &mut Vec<Block>) {
    out.push(Block::Heading(
        1,
        "Appendix: how this was worked out".into(),
    ));
    evidence(input, out);
    rules(input, out);
}
