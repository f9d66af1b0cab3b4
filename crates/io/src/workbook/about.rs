//! The workbook's first sheet: what the workbook is, how to edit it and import it
//! back, and what each of the other sheets holds, column by column. Column meanings
//! come from [`layout`](crate::layout)'s help texts and nowhere else.
//!
//! Two columns: a label (a topic, a sheet's name or a column's header) and its
//! explanation. Each sheet's part starts after an empty row with the sheet's name.

use horizon_model::Scenario;

use super::{or_list, review, text};
use crate::grid::{Cell, Sheet};
use crate::layout::{Part, DISTRICT_COUNT_HEADER, MATRIX_THEME_HEADER};
use crate::words::{level_word, plan_kind_word};
use horizon_model::Level;

/// The first sheet's name.
pub const ABOUT_SHEET: &str = "About this workbook";

pub(super) fn sheet(s: &Scenario) -> Sheet {
    let mut rows: Vec<Vec<Cell>> = vec![
        row(ABOUT_SHEET, &s.meta.title),
        row(
            "What it holds",
            &format!(
                "This workbook holds the priority review “{}” ({}, {}) as Horizon wrote it. \
                 Each sheet after this one holds one part of the review; they are described \
                 below, column by column.",
                s.meta.title, s.meta.geography, s.meta.period
            ),
        ),
        row(
            "Editing it",
            "You can change any cell, add rows and delete rows, then import the workbook \
             back into Horizon. Horizon shows every change it would make, and changes \
             nothing until you accept them. Keep each sheet's name and the headings in its \
             first row. Columns may be in any order, and a column may be left out unless \
             it is marked Required below.",
        ),
        row(
            "ID column",
            "Several sheets start with an ID column: Horizon's own reference for each row. \
             Leave it as it is in rows that are already there, so that Horizon knows them \
             again, and leave it blank in new rows.",
        ),
        row(
            "Names",
            "A cell that refers to something on another sheet (a theme, a theme group, a \
             category, a focus area or a district) gives its name as written on that sheet.",
        ),
        row(
            "Lists in a cell",
            "Where a cell holds several items, such as the themes a horizon item bears on, \
             they are separated by semicolons: “Domestic Abuse; Substance Misuse”. Items may \
             also go on separate lines within the cell. Commas do not separate items, \
             because some names contain them.",
        ),
        row(
            "Matrix levels",
            "Each cell of the Matrix sheet says how a district's own plan names a theme:",
        ),
    ];
    rows.extend(Level::ALL.map(|l| row(level_word(l), level_meaning(l))));
    rows.push(row(
        "(blank)",
        "the district's plan does not name the theme.",
    ));
    for part in Part::WORKBOOK {
        rows.push(Vec::new());
        rows.push(row(part.sheet_name(), &describe(part)));
        rows.extend(part.columns().iter().map(|c| {
            let need = if c.required { "Required." } else { "Optional." };
            row(c.header, &format!("{need} {}", c.help))
        }));
    }
    Sheet {
        name: ABOUT_SHEET.to_string(),
        rows,
    }
}

fn row(label: &str, explanation: &str) -> Vec<Cell> {
    vec![text(label), text(explanation)]
}

/// What a matrix level means, as the About sheet explains it.
fn level_meaning(level: Level) -> &'static str {
    match level {
        Level::Main => "a named main priority.",
        Level::Subsidiary => "a subsidiary priority, a cross-cutting theme or a key enabler.",
        Level::Issue => "an issue named within a broader theme.",
    }
}

/// What a sheet holds, in a sentence or two.
fn describe(part: Part) -> String {
    match part {
        Part::Review => {
            let fields = review::LABELS[..review::LABELS.len() - 1].join(", ");
            format!(
                "The review's details, one to a row: the {} column names each ({}) and the \
                 {} column holds it. Each note on where the figures came from has a row of \
                 its own labelled {}.",
                review::FIELD,
                fields,
                review::VALUE,
                review::PROVENANCE,
            )
        }
        Part::Plans => format!(
            "The plans read over the one matrix, one to a row: the county agreement and any \
             district or unitary plans. The kind is {}; a district or unitary plan names its \
             own district. The plan under review says Yes.",
            or_list(&horizon_model::PlanKind::ALL.map(plan_kind_word)),
        ),
        Part::Matrix => format!(
            "The priority matrix: one row per theme, one column per district. The first \
             column, {MATRIX_THEME_HEADER}, names the theme; each district's cell holds a \
             level ({}) or is blank, as explained above. The last column, \
             {DISTRICT_COUNT_HEADER}, counts the districts naming the theme; Horizon works \
             it out itself, so it need not be kept up to date.",
            or_list(&Level::ALL.map(level_word)),
        ),
        Part::Themes => "The rows of the matrix: the crime and disorder themes, each in a \
                         theme group."
            .into(),
        Part::Districts => "The columns of the matrix: the districts and boroughs.".into(),
        Part::Groups => "Families of themes, such as crime or safeguarding.".into(),
        Part::Plan => "Every plan's focus areas and cross-cutting themes, each row naming its \
                       plan, with the matrix themes each covers and, in a district plan, the \
                       county agreement's priorities each serves."
            .into(),
        Part::Horizon => "The horizon scan: what is coming that may bear on community \
                          safety, under PESTELO headings, scored for likelihood and impact."
            .into(),
        Part::Categories => "The headings the horizon scan uses.".into(),
        Part::Partners => "Priorities that partner organisations hold, such as the police's \
                           control strategy, and the themes they bear on."
            .into(),
        Part::Legislation => "Acts, Bills and guidance, and whether each places a duty on \
                              the partners."
            .into(),
        Part::Consultation => "Public consultation results, each row naming its plan: how \
                               many people responded and the percentage who agreed, for \
                               each focus area or for the plan overall."
            .into(),
        Part::Votes => "Votes given to themes at a stakeholder event.".into(),
        Part::Events => "The stakeholder events, one to a row: when and where each was held, \
                         how many took part and the screens its presentation showed."
            .into(),
        Part::Rounds => "Each event's vote rounds: one row for each theme or horizon item \
                         voted on, with its votes, or for a rating round one row for each \
                         grade from 1 to 4, with how many gave it. A round's details are \
                         repeated on each of its rows. Ballots are anonymous: only the totals \
                         are kept."
            .into(),
        Part::Results => "The suggestions just before each round's results were revealed \
                          and once they were taken in, in order of score."
            .into(),
    }
}
