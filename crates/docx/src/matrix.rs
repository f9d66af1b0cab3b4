//! The priority matrix as a table: themes down the side, districts across, each cell
//! a one-letter code with its key above (never colour alone), and the number of
//! districts naming each theme. It has landscape pages of its own; a matrix with more
//! districts than fit one table's width is split into several tables, each with the
//! theme column, so no column is ever cut off.

use horizon_model::{Level, Scenario};

use crate::blocks::{para, Block, Table};

/// The most district columns in one table on a landscape A4 page.
pub(crate) const MAX_COLUMNS: usize = 14;

/// The code printed in a cell.
pub(crate) fn code(level: Option<Level>) -> &'static str {
    match level {
        Some(Level::Main) => "M",
        Some(Level::Subsidiary) => "S",
        Some(Level::Issue) => "I",
        None => "",
    }
}

pub(crate) fn blocks(s: &Scenario, out: &mut Vec<Block>) {
    out.push(Block::Heading(1, "Priority matrix".into()));
    let districts = horizon_model::count(s.districts.len(), "district", "districts");
    out.push(para(format!(
        "How each of the {districts} names each theme in its own plan, and how many districts name it; the themes named by most districts come first."
    )));
    let key: Vec<String> = Level::ALL
        .iter()
        .map(|l| format!("{} = {}", code(Some(*l)), l.label()))
        .collect();
    out.push(para(format!(
        "Key: {}; a blank cell = not named.",
        key.join("; ")
    )));
    if s.districts.is_empty() || s.themes.is_empty() {
        out.push(para("The matrix is empty."));
        return;
    }
    let mut themes: Vec<(usize, &horizon_model::Theme)> = s.themes.iter().enumerate().collect();
    // Most districts first, then in the scenario's own order.
    horizon_model::sort::sort_by_key(&mut themes, |(i, t)| {
        (std::cmp::Reverse(s.district_count(&t.id)), *i)
    });
    let own = s.own_district();
    let parts = s.districts.len().div_ceil(MAX_COLUMNS);
    for (part, chunk) in s.districts.chunks(MAX_COLUMNS).enumerate() {
        if parts > 1 {
            out.push(para(format!(
                "Part {} of {parts}: {} to {}.",
                part + 1,
                chunk[0].name,
                chunk[chunk.len() - 1].name
            )));
        }
        let mut header = vec!["Theme".to_string()];
        header.extend(chunk.iter().map(|d| {
            if own == Some(d.id.as_str()) {
                format!("{} (this plan)", d.name)
            } else {
                d.name.clone()
            }
        }));
        header.push("No. of districts".into());
        let rows = themes
            .iter()
            .map(|(_, t)| {
                let mut row = vec![t.name.clone()];
                row.extend(
                    chunk
                        .iter()
                        .map(|d| code(s.level(&d.id, &t.id)).to_string()),
                );
                row.push(s.district_count(&t.id).to_string());
                row
            })
            .collect();
        let mut widths = vec![20];
        widths.extend(chunk.iter().map(|_| 9));
        widths.push(9);
        out.push(Block::Table(Table {
            header,
            rows,
            widths,
            compact: true,
        }));
    }
}
