//! The scenario as a file: its details ("About this review", editable), open one
//! from disk or import a spreadsheet (`OpenFile`), save it to disk or as a
//! spreadsheet, start a new review from nothing or again from an example.

use horizon_model::{Edit, Scenario};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::confirm_button::ConfirmButton;
use crate::components::meta_form::MetaForm;
use crate::components::new_review::NewReview;
use crate::components::open_file::OpenFile;
use crate::components::spreadsheet_export::SpreadsheetExport;
use crate::files;
use crate::project::Project;
use crate::state::{Autosave, ImportReport, Shared, View};
use crate::words;
use horizon_model::example;

#[derive(Properties, PartialEq)]
pub struct DataViewProps {
    pub scenario: Shared<Scenario>,
    pub import_problems: Option<ImportReport>,
    pub autosave: Autosave,
    /// (scenario, where it came from in words)
    pub on_load: Callback<(Scenario, String)>,
    /// (project, where it came from in words)
    pub on_open_project: Callback<(Project, String)>,
    /// The project file's text, for "Save the project".
    pub project_json: Callback<(), String>,
    pub on_import_failed: Callback<ImportReport>,
    pub on_dismiss_problems: Callback<()>,
    pub on_status: Callback<String>,
    pub on_edit: Callback<Edit>,
    /// Opens a view (the Review view, after starting a new review).
    pub on_navigate: Callback<View>,
}

/// The name the scenario is saved under (the issue's `scenario.json`).
const FILE_NAME: &str = "scenario.json";
/// The name the project (scenario, rules, settings, snapshots) is saved under.

#[component]
pub fn DataView(props: &DataViewProps) -> Html {
    let s = &*props.scenario;
    let chosen_name = use_state(|| horizon_model::EXAMPLES[0].name.to_string());

    let save = {
        let scenario = props.scenario.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |_: MouseEvent| {
            on_status.emit(
                match files::download(FILE_NAME, "application/json", &scenario.to_json()) {
                    Ok(()) => format!("The scenario was saved to your downloads as {FILE_NAME}."),
                    Err(e) => e,
                },
            )
        })
    };

    let save_project = {
        let project_json = props.project_json.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |_: MouseEvent| {
            on_status.emit(files::save_project(&project_json.emit(())))
        })
    };

    let choose_example = {
        let chosen_name = chosen_name.clone();
        Callback::from(move |e: Event| {
            chosen_name.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let reset = {
        let chosen_name = chosen_name.clone();
        let on_load = props.on_load.clone();
        Callback::from(move |_| {
            if let Some(x) = example(&chosen_name) {
                on_load.emit((x.scenario(), format!("the example “{}”", x.description)));
            }
        })
    };
    let chosen = example(&chosen_name).map_or("", |x| x.description);

    html! {
        <>
            <h1 tabindex="-1">{ "Data" }</h1>
            <p class="lede">
                { "Bring in your own data: spreadsheets are welcome (Excel, OpenDocument or CSV, such as a priority matrix or a horizon scan), as are files saved from Horizon. Everything stays on this computer: files are read and saved by your browser, and nothing is sent anywhere." }
            </p>

            <MetaForm scenario={props.scenario.clone()} on_edit={props.on_edit.clone()} />

            <section aria-labelledby="this-scenario">
                <h2 id="this-scenario">{ "What it holds" }</h2>
                <dl class="summary-list">
                    <div><dt>{ "Plan under review" }</dt><dd>{ &s.plan().name }</dd></div>
                    <div>
                        <dt>{ "Contents" }</dt>
                        <dd>
                            { format!(
                                "{}, {}, {}, {}, {}, {}",
                                words::count(s.themes.len(), "theme", "themes"),
                                words::count(s.districts.len(), "district", "districts"),
                                words::count(s.plan().focus_areas.len(), "focus area", "focus areas"),
                                words::count(s.horizon.len(), "horizon item", "horizon items"),
                                words::count(s.partner_priorities.len(), "partner priority", "partner priorities"),
                                words::count(s.legislation.len(), "piece of legislation", "pieces of legislation"),
                            ) }
                        </dd>
                    </div>
                    <div>
                        <dt>{ "Saved in this browser" }</dt>
                        <dd>{ match &props.autosave {
                            Autosave::On => format!(
                                "Yes, after every change, with the last {} changes or more kept for Undo (older ones are folded in and can no longer be undone) and your snapshots.",
                                crate::history::LIMIT
                            ),
                            Autosave::Off(why) => format!("No: {why}"),
                            Autosave::Host => "No: Horizon is part of another page here, which keeps your work only while it is open. Save a copy below to keep it.".to_string(),
                        } }</dd>
                    </div>
                </dl>
            </section>

            <OpenFile
                scenario={props.scenario.clone()}
                import_problems={props.import_problems.clone()}
                on_load={props.on_load.clone()}
                on_open_project={props.on_open_project.clone()}
                on_import_failed={props.on_import_failed.clone()}
                on_dismiss_problems={props.on_dismiss_problems.clone()}
                on_status={props.on_status.clone()}
                on_edit={props.on_edit.clone()}
                on_navigate={props.on_navigate.clone()}
            />

            <section aria-labelledby="save-heading">
                <h2 id="save-heading">{ "Save this scenario" }</h2>
                <p>{ "Downloads the scenario (matrix, horizon scan and everything else) as scenario.json, to keep, share or open again later." }</p>
                <button type="button" id="save-scenario" class="button" onclick={save}>{ "Save scenario.json" }</button>
            </section>

            <SpreadsheetExport scenario={props.scenario.clone()} on_status={props.on_status.clone()} />

            <section aria-labelledby="save-project-heading">
                <h2 id="save-project-heading">{ "Save the project" }</h2>
                <p>{ format!("Downloads everything as {}: the scenario, your rules and their settings, and your snapshots, to open again here or on another computer.", files::PROJECT_FILE_NAME) }</p>
                <button type="button" id="save-project" class="button" onclick={save_project}>{ format!("Save {}", files::PROJECT_FILE_NAME) }</button>
            </section>

            <NewReview on_edit={props.on_edit.clone()} on_navigate={props.on_navigate.clone()} />

            <section aria-labelledby="example-heading">
                <h2 id="example-heading">{ "Start again from an example" }</h2>
                <p>{ "Replaces the scenario with one of the examples that come with Horizon. Your rules and their settings stay as they are. You can undo this." }</p>
                <div class="field">
                    <label class="label" for="example">{ "Example" }</label>
                    <select id="example" class="select" onchange={choose_example}>
                        { for horizon_model::EXAMPLES.iter().map(|x| html! {
                            <option value={x.name} selected={*chosen_name == x.name}>{ x.description }</option>
                        }) }
                    </select>
                </div>
                <ConfirmButton
                    id="reset-example"
                    label="Replace with this example"
                    question={AttrValue::from(format!("Replace the current scenario with “{chosen}”? You can undo this."))}
                    confirm="Yes, replace it"
                    on_confirm={reset}
                />
            </section>
        </>
    }
}
