//! The report's "Stakeholder events" section, when the scenario has events: each
//! event's details, and for each round its question, how it was counted, the totals
//! (ballots are anonymous), any ratings and how the suggestions moved. The sentences
//! are the engine's (`event_summaries`), as in the text, Markdown and JSON reports.

use horizon_engine::event_summaries;
use horizon_model::Scenario;

use crate::blocks::{bold, bullet, para, plain, Block, Table};

pub(crate) fn blocks(s: &Scenario, out: &mut Vec<Block>) {
    let events = event_summaries(s);
    if events.is_empty() {
        return;
    }
    out.push(Block::Heading(1, "Stakeholder events".into()));
    out.push(para(
        "What the room said at each event, as counted. Ballots are anonymous: only the totals are kept.",
    ));
    for e in events {
        out.push(Block::Heading(2, e.name.clone()));
        out.push(para(&e.details));
        for (i, r) in e.rounds.iter().enumerate() {
            out.push(Block::Para(vec![
                bold(format!("Round {}. {} ", i + 1, r.question)),
                plain(&r.counted),
            ]));
            if !r.results.is_empty() {
                out.push(Block::Table(Table {
                    header: vec!["Option".into(), "Votes".into()],
                    rows: r
                        .results
                        .iter()
                        .map(|o| vec![o.name.clone(), o.votes.to_string()])
                        .collect(),
                    widths: vec![80, 20],
                    compact: false,
                }));
            }
            for l in &r.ratings {
                out.push(bullet(format!("{l}.")));
            }
            out.push(para(&r.moved_heading));
            for m in &r.moved {
                out.push(bullet(m));
            }
            if let Some(more) = &r.moved_more {
                out.push(bullet(more));
            }
        }
    }
}
