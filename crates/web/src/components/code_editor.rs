//! A rule's code: a plain textarea with line numbers beside it, the lines with
//! problems marked, and the problems listed above it with line and column and a
//! button that puts the cursor on the line.
//!
//! A textarea keeps everything a user expects (undo, selection, their browser's
//! keys, screen readers); Tab still moves focus on, so the page never traps the keyboard.

use horizon_engine::Diagnostic;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::words;

#[derive(Properties, PartialEq)]
pub struct CodeEditorProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// The text changed since the diagnostics were found.
    pub pending: bool,
    pub on_change: Callback<String>,
}

/// The UTF-16 offsets (what the DOM counts in) of a line's start and end, 1-based line.
fn line_span(text: &str, line: usize) -> (u32, u32) {
    let mut start = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if i + 1 == line {
            return (start, start + len);
        }
        start += len + 1;
    }
    (start, start)
}

#[component]
pub fn CodeEditor(props: &CodeEditorProps) -> Html {
    let area = use_node_ref();
    let lines = props.text.split('\n').count().max(1);
    let bad: Vec<usize> = props
        .diagnostics
        .iter()
        .filter_map(|d| d.line)
        .filter(|&l| l <= lines)
        .collect();
    let problems_id = format!("{}-problems", props.id);

    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: InputEvent| {
            on_change.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };

    let problems = if props.diagnostics.is_empty() {
        html! {
            <p id={problems_id.clone()} class="no-problems">
                if props.pending { { "Checking…" } } else { { "No problems found in the last evaluation." } }
            </p>
        }
    } else {
        html! {
            <div id={problems_id.clone()} class="problems" role="group" aria-label="Problems">
                <ul class="diagnostics">
                    { for props.diagnostics.iter().map(|d| {
                        let place = match (d.line, d.column) {
                            (Some(l), Some(c)) => format!("Line {l}, column {c}: "),
                            (Some(l), None) => format!("Line {l}: "),
                            _ => String::new(),
                        };
                        let go = d.line.map(|line| {
                            let area = area.clone();
                            let text = props.text.clone();
                            let column = d.column.unwrap_or(1);
                            Callback::from(move |_: MouseEvent| {
                                if let Some(t) = area.cast::<HtmlTextAreaElement>() {
                                    let (start, end) = line_span(&text, line);
                                    let at = (start + column.saturating_sub(1) as u32).min(end);
                                    let _ = t.focus();
                                    let _ = t.set_selection_range(at, at);
                                    // Bring the line into view: the textarea grows with its text,
                                    // so the page scrolls, not the textarea.
                                    if let Some(row) = crate::dom::by_id(&format!("code-line-{line}")) {
                                        row.scroll_into_view_with_bool(false);
                                    }
                                }
                            })
                        });
                        html! {
                            <li class="diagnostic" data-kind={format!("{:?}", d.kind)} data-line={d.line.map(|l| l.to_string())} data-column={d.column.map(|c| c.to_string())}>
                                <strong class="diagnostic-kind">{ words::diagnostic_kind_words(d.kind) }</strong>
                                { " " }{ place }{ &d.message }
                                if let Some(go) = go {
                                    { " " }
                                    <button type="button" class="link-button" onclick={go}>
                                        { format!("Go to line {}", d.line.unwrap_or(1)) }
                                    </button>
                                }
                            </li>
                        }
                    }) }
                </ul>
                if props.pending {
                    <p class="muted">{ "These were found before your latest change; checking again…" }</p>
                }
            </div>
        }
    };

    html! {
        <div class="code">
            <h3>{ "Problems" }</h3>
            { problems }
            <label class="label code-label" for={props.id.clone()}>{ &props.label }</label>
            <div class="code-editor">
                <div class="code-gutter" aria-hidden="true">
                    { for (1..=lines).map(|n| html! {
                        <span id={format!("code-line-{n}")} class={classes!("code-line-number", bad.contains(&n).then_some("bad"))}>
                            { if bad.contains(&n) { format!("▶{n}") } else { n.to_string() } }
                        </span>
                    }) }
                </div>
                <div class="code-area">
                    { for bad.iter().map(|&n| html! {
                        <div class="code-mark" aria-hidden="true" style={format!("top: calc({} * var(--code-line) + var(--code-pad))", n - 1)}></div>
                    }) }
                    <textarea
                        id={props.id.clone()}
                        ref={area}
                        class="code-text"
                        rows={(lines + 1).to_string()}
                        wrap="off"
                        spellcheck="false"
                        autocomplete="off"
                        autocapitalize="off"
                        value={props.text.clone()}
                        {oninput}
                        aria-describedby={problems_id}
                        aria-invalid={(!props.diagnostics.is_empty()).then_some("true")}
                    />
                </div>
            </div>
        </div>
    }
}
