//! "Save as a spreadsheet": the whole review as an Excel workbook (one sheet per
//! part, written by horizon-io, which reads it back), or one table as a CSV file. The
//! file formats module writes both (`crate::formats`).

use horizon_io::workbook::part_sheet;
use horizon_io::Part;
use horizon_model::{slug, Scenario};
use web_sys::HtmlSelectElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::{files, formats};
use crate::forms::import::part_words;
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct SpreadsheetExportProps {
    pub scenario: Shared<Scenario>,
    pub on_status: Callback<String>,
}

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV_MIME: &str = "text/csv;charset=utf-8";

/// The tables one CSV file can hold, in the order a reader looks for them.
pub const CSV_PARTS: [Part; 15] = [
    Part::Matrix,
    Part::Plan,
    Part::Horizon,
    Part::Partners,
    Part::Legislation,
    Part::Consultation,
    Part::Votes,
    Part::Events,
    Part::Rounds,
    Part::Results,
    Part::Themes,
    Part::Districts,
    Part::Groups,
    Part::Categories,
    Part::Review,
];

/// The workbook's file name: `horizon-<the title as a slug>.xlsx`.
pub fn workbook_file_name(s: &Scenario) -> String {
    format!("horizon-{}.xlsx", slug(&s.meta.title, "review"))
}

#[component]
pub fn SpreadsheetExport(props: &SpreadsheetExportProps) -> Html {
    let part = use_state(|| Part::Matrix);

    let save_workbook = {
        let scenario = props.scenario.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |_: MouseEvent| {
            let name = workbook_file_name(&scenario);
            let (scenario, on_status) = (scenario.clone(), on_status.clone());
            spawn_local(async move {
                let said = formats::scenario_xlsx(&scenario)
                    .await
                    .map_err(|e| format!("The workbook could not be made: {e}"))
                    .and_then(|bytes| files::download_bytes(&name, XLSX_MIME, &bytes))
                    .map(|()| format!("Saved the whole review to your downloads as {name}."));
                on_status.emit(said.unwrap_or_else(|e| e));
            });
        })
    };
    let choose = {
        let part = part.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(p) = Part::from_key(&v) {
                part.set(p);
            }
        })
    };
    let save_csv = {
        let scenario = props.scenario.clone();
        let on_status = props.on_status.clone();
        let part = *part;
        Callback::from(move |_: MouseEvent| {
            let name = format!("horizon-{}.csv", part.key());
            let sheet = part_sheet(&scenario, part);
            let on_status = on_status.clone();
            spawn_local(async move {
                let said = formats::csv(&sheet)
                    .await
                    .and_then(|bytes| files::download_bytes(&name, CSV_MIME, &bytes));
                on_status.emit(match said {
                    Ok(()) => format!("Saved {} to your downloads as {name}.", part.noun()),
                    Err(e) => e,
                });
            });
        })
    };

    html! {
        <section aria-labelledby="spreadsheet-heading">
            <h2 id="spreadsheet-heading">{ "Save as a spreadsheet" }</h2>
            <p>{ "To share the review, check it or work on it in Excel or LibreOffice. Open the file here again (Open a file, above) to bring your changes back in: you see what would change first." }</p>
            <h3>{ "The whole review" }</h3>
            <p id="save-xlsx-hint">{ "An Excel workbook with a sheet for each part (the priority matrix, the plan, the horizon scan, partner priorities and the rest) and a first sheet explaining them." }</p>
            <button type="button" id="save-xlsx" class="button" aria-describedby="save-xlsx-hint" onclick={save_workbook}>
                { "Download the workbook (.xlsx)" }
            </button>
            <h3>{ "One table" }</h3>
            <div class="field">
                <label class="label" for="csv-part">{ "Table" }</label>
                <p class="hint" id="csv-part-hint">{ "A CSV file holds one table. Every spreadsheet program opens it." }</p>
                <select id="csv-part" class="select" aria-describedby="csv-part-hint" onchange={choose}>
                    { for CSV_PARTS.iter().map(|p| html! {
                        <option value={p.key()} selected={*p == *part}>{ part_words(Some(*p)) }</option>
                    }) }
                </select>
            </div>
            <button type="button" id="save-csv" class="button secondary" onclick={save_csv}>{ "Download one table as CSV" }</button>
        </section>
    }
}
