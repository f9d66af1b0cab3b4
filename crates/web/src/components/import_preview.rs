//! The import preview: what a spreadsheet holds and what importing it would change,
//! before anything changes. The user says which part each sheet is, what each unclear
//! or new name is, and answers the questions the file raises; "Import" makes the one
//! edit the preview built (undone in one step), "Cancel" leaves everything as it was.
//!
//! The file read and the user's choices live here, in the component: they are not
//! part of the work, so they are neither autosaved nor in the undo history.

use std::rc::Rc;

use horizon_io::{Choices, Preview, Workbook};
use horizon_model::{Edit, Scenario};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::import_names::ImportNames;
use crate::components::import_questions::ImportQuestions;
use crate::forms::import::{self, Choice};
use crate::forms::FieldError;
use crate::state::Shared;
use crate::words;

#[derive(Properties, PartialEq)]
pub struct ImportPreviewProps {
    pub book: Shared<Workbook>,
    pub scenario: Shared<Scenario>,
    /// The import's edit (one batch), once the user has chosen Import and it may be
    /// made; `None` when it would change nothing.
    pub on_import: Callback<Option<Edit>>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn ImportPreview(props: &ImportPreviewProps) -> Html {
    let choices = use_state(Choices::default);
    // Whether Import has been pressed while something stood in its way, and how often
    // (the error summary takes focus each time).
    let attempt = use_state(|| 0u32);
    let refusal = use_state(|| None::<String>);
    let preview: Rc<Preview> = use_memo(
        (
            props.book.clone(),
            props.scenario.clone(),
            (*choices).clone(),
        ),
        |(book, scenario, choices)| horizon_io::preview(book, scenario, choices),
    );

    // The heading takes focus as the preview opens, so a screen reader user hears it.
    use_effect_with((), |_| {
        crate::dom::focus_id("import-heading");
    });

    let on_choose = {
        let choices = choices.clone();
        let refusal = refusal.clone();
        Callback::from(move |c: Choice| {
            refusal.set(None);
            choices.set(c.apply((*choices).clone()));
        })
    };

    let mut errors: Vec<FieldError> = if *attempt > 0 {
        import::blockers(&preview)
    } else {
        Vec::new()
    };
    if let Some(r) = &*refusal {
        errors.push(FieldError {
            field: import::PROBLEMS.into(),
            message: r.clone(),
        });
    }

    let on_import = {
        let preview = preview.clone();
        let scenario = props.scenario.clone();
        let attempt = attempt.clone();
        let refusal = refusal.clone();
        let on_import = props.on_import.clone();
        Callback::from(move |_: MouseEvent| {
            let blocked = !import::blockers(&preview).is_empty();
            match (&preview.edit, blocked) {
                // Nothing to change: no step in the history that does nothing.
                (Some(_), false) if preview.changes.is_empty() => on_import.emit(None),
                (Some(edit), false) => match scenario.check(edit) {
                    Ok(_) => on_import.emit(Some(edit.clone())),
                    Err(r) => {
                        refusal.set(Some(r.sentence()));
                        attempt.set(*attempt + 1);
                    }
                },
                _ => attempt.set(*attempt + 1),
            }
        })
    };
    let on_cancel = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| on_cancel.emit(()))
    };

    let p = &*preview;
    let waiting = p.undecided().count();
    let (shown, more) = import::changes_shown(p);
    let show_names = !p.whole && (!p.themes.is_empty() || !p.districts.is_empty());

    html! {
        <section id="import-preview" class="import-preview" aria-labelledby="import-heading">
            <h2 id="import-heading" tabindex="-1">{ format!("Check the import from {}", p.file) }</h2>
            <p>{ "Nothing has changed yet. Check what Horizon found in the file and what importing it would change, then choose Import at the end. Cancel leaves everything as it is." }</p>
            <ErrorSummary errors={errors} id_prefix="import" attempt={*attempt} />

            <h3>{ "What the file holds" }</h3>
            if p.whole {
                <p>{ "This is a whole workbook saved by Horizon: importing it replaces the whole scenario with what the workbook holds. Your rules and snapshots stay as they are." }</p>
            }
            { sheets_table(p, &choices, &on_choose) }

            if !p.problems.is_empty() {
                <div id={format!("import-{}", import::PROBLEMS)} class="error-box" tabindex="-1">
                    <h3>{ format!("The file has {}", words::count(p.problems.len(), "problem", "problems")) }</h3>
                    <p>{ if p.problems.len() == 1 {
                        "Nothing can be imported until it is put right. Correct it in the spreadsheet and open the file again."
                    } else {
                        "Nothing can be imported until they are put right. Correct them in the spreadsheet and open the file again."
                    } }
                    if !p.whole {
                        { " If Horizon has read a sheet as the wrong part, choose the right one under “Read as” above, or leave the sheet out." }
                    }</p>
                    <ul class="problem-list">
                        { for p.problems.iter().map(|x| html! { <li>{ x.to_string() }</li> }) }
                    </ul>
                </div>
            }

            if show_names {
                <h3>{ "Names" }</h3>
                <p>{ "Horizon matches the theme and district names in the file to this review's. Check the ones it could not match, and say what each is." }</p>
                <ImportNames kind={horizon_io::NameKind::Theme} preview={preview.clone()}
                    scenario={props.scenario.clone()} show_errors={*attempt > 0} on_choose={on_choose.clone()} />
                <ImportNames kind={horizon_io::NameKind::District} preview={preview.clone()}
                    scenario={props.scenario.clone()} show_errors={*attempt > 0} on_choose={on_choose.clone()} />
            }

            <ImportQuestions preview={preview.clone()} choices={(*choices).clone()}
                scenario={props.scenario.clone()} on_choose={on_choose.clone()} />

            if !p.count_mismatches.is_empty() {
                <h3>{ "Counts that do not add up" }</h3>
                <p>{ "The file's count column disagrees with the cells filled in on these rows. The cells are what Horizon imports." }</p>
                <ul class="problem-list">{ for p.count_mismatches.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            }
            if !p.notes.is_empty() {
                <h3>{ "Worth knowing" }</h3>
                <ul class="problem-list">{ for p.notes.iter().map(|m| html! { <li>{ m }</li> }) }</ul>
            }

            <h3 id="import-changes-heading">{ "What will change" }</h3>
            <div id="import-changes">
                { changes(p, shown, more, waiting) }
            </div>

            if waiting > 0 || !p.problems.is_empty() {
                <p class="hint" id="import-confirm-hint">{ blocked_hint(p, waiting) }</p>
            }
            <div class="button-row">
                <button type="button" id="import-confirm" class="button" onclick={on_import}
                    aria-describedby={(waiting > 0 || !p.problems.is_empty()).then_some("import-confirm-hint")}>
                    { "Import" }
                </button>
                <button type="button" id="import-cancel" class="button secondary" onclick={on_cancel}>{ "Cancel" }</button>
            </div>
        </section>
    }
}

/// Each sheet, the part it is read as (a select, unless the workbook is Horizon's
/// own), its rows and the columns left out.
fn sheets_table(p: &Preview, choices: &Choices, on_choose: &Callback<Choice>) -> Html {
    html! {
        <div class="table-scroll">
            <table class="table import-sheets">
                <caption class="visually-hidden">{ "Sheets in the file" }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Sheet" }</th>
                        <th scope="col">{ "Read as" }</th>
                        <th scope="col" class="num">{ "Rows" }</th>
                        <th scope="col">{ "Columns not read" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for p.sheets.iter().enumerate().map(|(i, s)| {
                        let id = format!("import-sheet-{i}");
                        let read_as = if p.whole {
                            html! { { import::part_words(s.part) } }
                        } else {
                            let sheet = s.sheet.clone();
                            let on_choose = on_choose.clone();
                            let onchange = Callback::from(move |e: Event| {
                                let v = e.target_unchecked_into::<HtmlSelectElement>().value();
                                if let Some(part) = import::parse_part(&v) {
                                    on_choose.emit(Choice::Part { sheet: sheet.clone(), part });
                                }
                            });
                            let current = import::part_value(s.part);
                            // A sheet left out because it was not recognised says so.
                            let unrecognised = s.part.is_none() && !choices.parts.contains_key(&s.sheet);
                            html! {
                                <>
                                    <label class="visually-hidden" for={id.clone()}>{ format!("Read the sheet “{}” as", s.sheet) }</label>
                                    <select id={id.clone()} class="select" {onchange}>
                                        { for import::part_options().into_iter().map(|(v, words)| {
                                            let words = if unrecognised && v == import::part_value(None) {
                                                "Not recognised: left out".to_string()
                                            } else {
                                                words
                                            };
                                            html! { <option value={v} selected={v == current}>{ words }</option> }
                                        }) }
                                    </select>
                                </>
                            }
                        };
                        html! {
                            <tr data-sheet={s.sheet.clone()}>
                                <th scope="row">{ &s.sheet }</th>
                                <td>{ read_as }</td>
                                <td class="num">{ if s.part.is_some() { s.rows.to_string() } else { "–".into() } }</td>
                                <td>{ if s.ignored.is_empty() { "None".to_string() } else { s.ignored.join("; ") } }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The changes the import would make, grouped by section, the first
/// [`import::CHANGES_SHOWN`] with how many more.
fn changes(p: &Preview, shown: &[horizon_model::Difference], more: usize, waiting: usize) -> Html {
    if p.edit.is_none() {
        let why = if !p.problems.is_empty() {
            "Horizon can say what will change once the file's problems are put right."
        } else if waiting > 0 {
            "Horizon can say what will change once you have said what each unclear name is."
        } else {
            "Nothing in the file can be imported."
        };
        return html! { <p>{ why }</p> };
    }
    if shown.is_empty() {
        return html! { <p>{ "Nothing would change: the file holds what this review holds already." }</p> };
    }
    let mut groups: Vec<(horizon_model::Section, Vec<&str>)> = Vec::new();
    for d in shown {
        match groups.last_mut() {
            Some((s, v)) if *s == d.section => v.push(&d.description),
            _ => groups.push((d.section, vec![&d.description])),
        }
    }
    html! {
        <>
            <p>{ format!("Importing makes {}:", words::count(p.changes.len(), "change", "changes")) }</p>
            { for groups.into_iter().map(|(section, lines)| html! {
                <>
                    <h4 class="change-section">{ section.label() }</h4>
                    <ul class="change-list">{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                </>
            }) }
            if more > 0 {
                <p>{ format!("and {more} more {}.", if more == 1 { "change" } else { "changes" }) }</p>
            }
        </>
    }
}

/// Why Import would not go ahead yet, beside the button.
fn blocked_hint(p: &Preview, waiting: usize) -> String {
    let mut why = Vec::new();
    match p.undecided().next() {
        Some(n) if waiting == 1 => why.push(format!("choose what “{}” is", n.text)),
        Some(_) => why.push(format!(
            "choose what the {waiting} names marked “Choose…” are"
        )),
        None => {}
    }
    if !p.problems.is_empty() {
        why.push(format!(
            "put right {} in the file",
            words::count(p.problems.len(), "problem", "problems")
        ));
    }
    format!("Before you can import, {}.", why.join(" and "))
}
