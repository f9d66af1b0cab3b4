//! Export of the review as Markdown (horizon-engine's report), to paste into a
//! council report: download it, copy it, or select it from the page.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::files;
use crate::state::{Evaluated, Shared};

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub evaluated: Shared<Evaluated>,
    pub on_status: Callback<String>,
}

#[component]
pub fn Export(props: &ExportProps) -> Html {
    // The report is written when it is asked for (a click, or opening the text), not on
    // every render of the Review view.
    let report = {
        let evaluated = props.evaluated.clone();
        move || horizon_engine::report::markdown(&evaluated.evaluation, &evaluated.scenario)
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
            <p>{ "The suggestions, their reasons and evidence, and the proposed focus areas, as Markdown for a report." }</p>
            <div class="button-row">
                <button type="button" id="export-download" class="button" onclick={download}>{ "Download the report" }</button>
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
