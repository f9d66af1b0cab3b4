//! Export of the review: a Word report to table (horizon-docx), or Markdown
//! (horizon-engine's report) to paste into one: download it, copy it, or select it
//! from the page.

use yew::platform::spawn_local;
use yew::prelude::*;

use horizon_engine::RuleSource;

use crate::components::firmness_panel::FirmnessContext;
use crate::files;
use crate::project::Project;
use crate::state::{Evaluated, Shared};

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub evaluated: Shared<Evaluated>,
    /// For the Word report: which snapshot this is and how it differs from the Baseline.
    pub project: Project,
    /// The rules, for the Word report's "Rules used" (titles and parameters).
    pub pack: Shared<Vec<RuleSource>>,
    pub on_status: Callback<String>,
}

#[component]
pub fn Export(props: &ExportProps) -> Html {
    // The report is written when it is asked for (a click, or opening the text), not on
    // every render of the Review view.
    // The firmness answers the user has asked for, on the suggestions shown, go into
    // both reports; the others are not worked out here (it takes a moment each).
    let firm: Vec<horizon_engine::Firmness> = use_context::<FirmnessContext>()
        .and_then(|c| c.current.map(|rev| (c, rev)))
        .map(|(c, rev)| {
            props
                .evaluated
                .evaluation
                .suggestions
                .iter()
                .filter_map(|s| c.shown.found(rev, &s.id()))
                .filter_map(|a| a.result.as_ref().ok().map(|f| (**f).clone()))
                .collect()
        })
        .unwrap_or_default();
    let firm = std::rc::Rc::new(firm);
    // Both reports from one input, dated by the browser's clock when asked for.
    let with_input = {
        let evaluated = props.evaluated.clone();
        let project = props.project.clone();
        let pack = props.pack.clone();
        move |date, make: &mut dyn FnMut(&horizon_docx::ReportInput)| {
            let context = crate::report::report_context(&project, date);
            make(&horizon_docx::ReportInput {
                scenario: &evaluated.scenario,
                evaluation: &evaluated.evaluation,
                rules: &pack,
                settings: &project.work.settings,
                context: &context,
                firmness: &firm,
            })
        }
    };
    let report = {
        let with_input = with_input.clone();
        move || {
            let mut out = String::new();
            with_input(crate::report::today(), &mut |input| {
                out = horizon_docx::markdown(input)
            });
            out
        }
    };
    let showing = use_state(|| false);

    let download = {
        let report = report.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |_: MouseEvent| {
            on_status.emit(
                match files::download("horizon-review.md", "text/markdown", &report()) {
                    Ok(()) => "The report was downloaded as horizon-review.md.".into(),
                    Err(e) => e,
                },
            )
        })
    };
    // The Word report, written when asked for, dated by the browser's clock.
    let word = {
        let on_status = props.on_status.clone();
        Callback::from(move |_: MouseEvent| {
            let date = crate::report::today();
            let mut parts = None;
            with_input(date, &mut |input| parts = Some(horizon_docx::report_parts(input)));
            let Some(parts) = parts else { return };
            let name = horizon_docx::file_name(&date);
            let on_status = on_status.clone();
            spawn_local(async move {
                on_status.emit(match crate::formats::docx(&parts).await {
                    Ok(bytes) => match files::download_bytes(&name, DOCX_MIME, &bytes) {
                        Ok(()) => format!("The Word report was downloaded as {name}."),
                        Err(e) => e,
                    },
                    Err(e) => format!("{}.", crate::words::capitalise(e.trim_end_matches('.'))),
                })
            });
        })
    };
    let copy = {
        let report = report.clone();
        let on_status = props.on_status.clone();
        Callback::from(move |_: MouseEvent| {
            let text = report();
            let on_status = on_status.clone();
            spawn_local(async move {
                on_status.emit(match files::copy(&text).await {
                    Ok(()) => "The report was copied: paste it into your document.".into(),
                    Err(e) => format!("{e} Open “Show the report text” and copy it from there."),
                })
            });
        })
    };
    let ontoggle = {
        let showing = showing.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::HtmlDetailsElement>()
                .is_some_and(|d| d.open());
            showing.set(open);
        })
    };

    html! {
        <section aria-labelledby="export-heading" class="export">
            <h2 id="export-heading">{ "Export" }</h2>
            <p>{ "A Word report to table: the proposed focus areas, each suggestion with its reasons and evidence, the matrix, and how it was worked out. It says which snapshot it was made from and how it differs from the Baseline." }</p>
            <div class="button-row">
                <button type="button" id="export-docx" class="button" onclick={word}>{ "Download Word report" }</button>
            </div>
            <p>{ "Or the suggestions, their reasons and evidence, and the proposed focus areas, as Markdown to paste into a report." }</p>
            <div class="button-row">
                <button type="button" id="export-download" class="button secondary" onclick={download}>{ "Download the report (Markdown)" }</button>
                <button type="button" id="export-copy" class="button secondary" onclick={copy}>{ "Copy the report" }</button>
            </div>
            <details {ontoggle}>
                <summary>{ "Show the report text" }</summary>
                if *showing {
                    <label class="label" for="export-text">{ "Report (Markdown)" }</label>
                    <textarea id="export-text" class="report-text" readonly=true rows="14" value={report()} />
                }
            </details>
        </section>
    }
}
