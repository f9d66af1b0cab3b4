//! "Open a file": a project or scenario (.json) opens at once (every problem listed,
//! the current work untouched if it cannot be used); a spreadsheet (.xlsx, .xls,
//! .ods, .csv) is read and shown in an [`ImportPreview`] first, and changes nothing
//! until the user chooses Import. A file can be chosen or dragged onto the section.

use horizon_io::Workbook;
use horizon_model::{Edit, Scenario};
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::components::import_preview::ImportPreview;
use crate::dom;
use crate::files;
use crate::forms::import;
use crate::project::{self, Opened, Project};
use crate::state::{ImportReport, Shared, View};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    pub scenario: Shared<Scenario>,
    pub import_problems: Option<ImportReport>,
    /// (scenario, where it came from in words)
    pub on_load: Callback<(Scenario, String)>,
    /// (project, where it came from in words)
    pub on_open_project: Callback<(Project, String)>,
    pub on_import_failed: Callback<ImportReport>,
    pub on_dismiss_problems: Callback<()>,
    pub on_status: Callback<String>,
    pub on_edit: Callback<Edit>,
    pub on_navigate: Callback<View>,
}

/// What the file input accepts: projects and scenarios, spreadsheets and CSV.
const ACCEPT: &str = ".json,application/json,.xlsx,.xls,.ods,.csv,.txt,text/csv";

/// Clears "Reading …" when the file's reading ends, however it ends.
struct Done(UseStateHandle<Option<String>>);

impl Drop for Done {
    fn drop(&mut self) {
        self.0.set(None);
    }
}

/// A spreadsheet being previewed: a number that changes with each file (so the
/// preview starts afresh) and the workbook read.
type Previewing = Option<(u32, Shared<Workbook>)>;

#[component]
pub fn OpenFile(props: &OpenFileProps) -> Html {
    // What is being read, in words, while it is: shown until the file is read and
    // checked, which for a national-scale file takes a moment on the page's thread.
    let reading = use_state(|| None::<String>);
    let dragging = use_state(|| false);
    let previewing = use_state(|| Previewing::None);
    let serial = use_mut_ref(|| 0u32);
    // The import just made, in words, shown (and focused) until the next file.
    let imported = use_state(|| None::<String>);

    {
        let done = imported.is_some();
        use_effect_with(done, |&done| {
            if done {
                dom::focus_id("import-done");
            }
        });
    }

    let open = {
        let on_load = props.on_load.clone();
        let on_open_project = props.on_open_project.clone();
        let on_import_failed = props.on_import_failed.clone();
        let on_dismiss_problems = props.on_dismiss_problems.clone();
        let on_status = props.on_status.clone();
        let (reading, previewing, imported) =
            (reading.clone(), previewing.clone(), imported.clone());
        Callback::from(move |file: web_sys::File| {
            let name = file.name();
            let on_load = on_load.clone();
            let on_open_project = on_open_project.clone();
            let on_import_failed = on_import_failed.clone();
            let on_dismiss_problems = on_dismiss_problems.clone();
            let on_status = on_status.clone();
            let (reading, previewing, imported) =
                (reading.clone(), previewing.clone(), imported.clone());
            let next = {
                let mut n = serial.borrow_mut();
                *n += 1;
                *n
            };
            let size = file.size() as usize;
            reading.set(Some(format!(
                "Reading {} ({})…{}",
                horizon_model::one_line(&name),
                horizon_model::size::megabytes(size),
                if size >= 5_000_000 { " A file this large takes a few seconds." } else { "" }
            )));
            imported.set(None);
            previewing.set(None);
            spawn_local(async move {
                let bytes = files::read_bytes(file).await;
                // The message is on screen before the work that may hold the page up.
                crate::timing::after_paint().await;
                let _clear = Done(reading);
                let failed = |problems: Vec<String>| {
                    on_import_failed.emit(ImportReport {
                        file_name: name.clone(),
                        problems,
                    })
                };
                let bytes = match bytes {
                    Ok(b) => b,
                    Err(why) => return failed(vec![why]),
                };
                if !import::is_json(&name, &bytes) {
                    match crate::formats::read_workbook(&name, &bytes).await {
                        Ok(book) => {
                            on_dismiss_problems.emit(());
                            on_status.emit(format!(
                                "Read {name}. Nothing has changed yet: check what importing it would change."
                            ));
                            previewing.set(Some((next, Shared::new(book))));
                        }
                        Err(why) => failed(vec![why]),
                    }
                    return;
                }
                // The one reader of a project or scenario file's bytes, as the command
                // line's: a byte order mark dropped, bytes that are not UTF-8 refused at
                // their byte and line (never replaced), an empty file called empty.
                match project::open_bytes(&bytes) {
                    Ok(Opened::Scenario(scenario)) => {
                        let source = format!("{name} ({})", scenario.meta.title);
                        on_load.emit((*scenario, source))
                    }
                    Ok(opened @ Opened::Project(_)) => {
                        let project = opened.into_project();
                        let source = format!("{name} ({})", project.work.scenario.meta.title);
                        on_open_project.emit((project, source))
                    }
                    Err(problems) => failed(problems),
                }
            });
        })
    };

    let on_change = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            // Clear the choice so that choosing the same file again (after fixing it) reads it again.
            input.set_value("");
            open.emit(file);
        })
    };
    // Dragging a file onto the section: the browser must be told the drop is wanted
    // (prevent its default of opening the file in the tab).
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Moving over the section's own text and controls is not leaving it.
            let node = |t: Option<web_sys::EventTarget>| {
                t.and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            };
            let inside = node(e.current_target())
                .zip(node(e.related_target()))
                .is_some_and(|(zone, to)| zone.contains(Some(&to)));
            if !inside {
                dragging.set(false);
            }
        })
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                open.emit(file);
            }
        })
    };

    let on_import = {
        let on_edit = props.on_edit.clone();
        let (previewing, imported) = (previewing.clone(), imported.clone());
        let on_status = props.on_status.clone();
        Callback::from(move |edit: Option<Edit>| {
            let Some(edit) = edit else {
                previewing.set(None);
                on_status.emit(
                    "Nothing was imported: the file holds what this review holds already.".into(),
                );
                dom::focus_id("open-file");
                return;
            };
            let said = match &edit {
                Edit::Batch { summary, .. } => summary.clone(),
                _ => "The file was imported.".into(),
            };
            on_edit.emit(edit);
            previewing.set(None);
            imported.set(Some(said));
        })
    };
    let on_cancel = {
        let previewing = previewing.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |_: ()| {
            previewing.set(None);
            on_status.emit("Import cancelled: nothing has changed.".into());
            dom::focus_id("open-file");
        })
    };

    let problems = props.import_problems.as_ref().map(|r| {
        let dismiss = props.on_dismiss_problems.clone();
        html! {
            <div id="import-problems" class="error-summary" role="alert" aria-labelledby="import-problems-title">
                <h3 id="import-problems-title">
                    { format!("{} could not be opened: {}", r.file_name, words::count(r.problems.len(), "problem", "problems")) }
                </h3>
                <p>{ "Your current work is unchanged. Fix the file and open it again." }</p>
                <ul class="problem-list">
                    { for r.problems.iter().map(|p| html! { <li>{ p }</li> }) }
                </ul>
                <button type="button" class="button secondary" onclick={move |_| dismiss.emit(())}>{ "Dismiss" }</button>
            </div>
        }
    });

    let done = imported.as_ref().map(|said| {
        let on_navigate = props.on_navigate.clone();
        html! {
            <div id="import-done" class="success-box" tabindex="-1" aria-labelledby="import-done-title">
                <h3 id="import-done-title">{ "Imported" }</h3>
                <p>{ said }</p>
                <p>{ "Undo, at the top of the page, takes the whole import back in one step." }</p>
                <button type="button" id="import-see-suggestions" class="button secondary"
                    onclick={move |_| on_navigate.emit(View::Review)}>{ "See the suggestions" }</button>
            </div>
        }
    });

    html! {
        <>
        <section aria-labelledby="open-heading"
            class={classes!("drop-zone", dragging.then_some("is-dragging"))}
            ondragover={on_drag_over} ondragenter={Callback::from(|e: DragEvent| e.prevent_default())}
            ondragleave={on_drag_leave} ondrop={on_drop}>
            <h2 id="open-heading">{ "Open a file" }</h2>
            <p>{ "A spreadsheet (Excel .xlsx or .xls, OpenDocument .ods, or CSV) with a priority matrix or one of the lists, a workbook saved from Horizon, or a project or scenario file (.json). For a spreadsheet you see what it holds and what it would change before anything changes. If a file has problems, they are all listed and your current work stays as it is. Opening a file can be undone." }</p>
            { for problems }
            { for done }
            <div class="field">
                <label class="label" for="open-file">{ "Spreadsheet, project or scenario file" }</label>
                <p class="hint" id="open-file-hint">{ "Choose a file, or drag one onto this section." }</p>
                <input type="file" id="open-file" class="file-input" accept={ACCEPT}
                    aria-describedby="open-file-hint" onchange={on_change} />
                <p id="open-file-reading" class="muted" role="status" aria-live="polite">
                    { reading.as_deref().unwrap_or_default() }
                </p>
            </div>
        </section>
        if let Some((n, book)) = &*previewing {
            <ImportPreview key={*n} book={book.clone()} scenario={props.scenario.clone()}
                {on_import} {on_cancel} />
        }
        </>
    }
}
