//! The import preview's names of one kind (themes or districts): how many matched,
//! then a table of those that need a look (unclear first, then new), each with a
//! select saying what it is, and the matched ones in a collapsed list the user can
//! open to change any match.

use std::rc::Rc;

use horizon_io::preview::FileName;
use horizon_io::{NameKind, Preview};
use horizon_model::Scenario;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::forms::import::{self, Choice};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ImportNamesProps {
    pub kind: NameKind,
    pub preview: Rc<Preview>,
    pub scenario: Shared<Scenario>,
    /// Whether Import was pressed: names still waiting say so beside their select.
    pub show_errors: bool,
    pub on_choose: Callback<Choice>,
}

#[component]
pub fn ImportNames(props: &ImportNamesProps) -> Html {
    let p = &*props.preview;
    let kind = props.kind;
    let (attention, matched) = import::names_by_attention(p, kind);
    if attention.is_empty() && matched.is_empty() {
        return html! {};
    }
    let plural = kind.noun(2);
    let heading = capitalised(plural);
    let slug = match kind {
        NameKind::Theme => "themes",
        NameKind::District => "districts",
    };
    let table = |rows: &[(usize, &FileName)], caption: String| {
        html! {
            <div class="table-scroll">
                <table class="table import-names">
                    <caption>{ caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "In the file" }</th>
                            <th scope="col">{ "Where" }</th>
                            <th scope="col">{ "What Horizon found" }</th>
                            <th scope="col">{ "What to do" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|(i, n)| row(props, *i, n)) }
                    </tbody>
                </table>
            </div>
        }
    };
    html! {
        <div class="import-names-block" id={format!("import-{slug}")}>
            <h4>{ heading.clone() }</h4>
            <p id={format!("import-{slug}-summary")}>{ format!("{}.", p.matched_words(kind)) }</p>
            if !attention.is_empty() {
                { table(&attention, format!("{heading} to check")) }
            }
            if !matched.is_empty() {
                <details class="import-matched">
                    <summary>{ format!("Show the {} matched ({} {})", plural, matched.len(), if matched.len() == 1 { "name" } else { "names" }) }</summary>
                    { table(&matched, format!("{heading} matched")) }
                </details>
            }
        </div>
    }
}

/// One name: as the file writes it, where, how it matched, and the select.
fn row(props: &ImportNamesProps, index: usize, n: &FileName) -> Html {
    let s = &*props.scenario;
    let id = format!("import-{}", import::name_control(n.kind, index));
    let current = import::resolution_value(n.resolution.as_ref());
    let options = import::name_options(n, s);
    let waiting = n.resolution.is_none();
    let error = (waiting && props.show_errors).then(|| format!("{id}-error"));
    let onchange = {
        let on_choose = props.on_choose.clone();
        let (kind, key) = (n.kind, n.key.clone());
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            on_choose.emit(Choice::Name {
                kind,
                key: key.clone(),
                resolution: import::parse_resolution(&v),
            });
        })
    };
    let option = |(v, words): &(String, String)| {
        html! { <option value={v.clone()} selected={*v == current}>{ words }</option> }
    };
    html! {
        <tr data-name={n.key.clone()} class={classes!(waiting.then_some("waiting"))}>
            <th scope="row">{ &n.text }</th>
            <td>{ import::places_words(n) }</td>
            <td>{ import::found_words(n, s) }</td>
            <td class={classes!(error.is_some().then_some("field-has-error"))}>
                <label class="visually-hidden" for={id.clone()}>{ format!("What “{}” is", n.text) }</label>
                if let Some(e) = &error {
                    <p class="field-error" id={e.clone()}>
                        <span class="visually-hidden">{ "Error: " }</span>{ "Choose one" }
                    </p>
                }
                <select id={id.clone()} class="select" {onchange} aria-describedby={error}>
                    if waiting {
                        <option value="" selected=true>{ "Choose…" }</option>
                    }
                    if !options.likely.is_empty() {
                        <optgroup label="Likely">{ for options.likely.iter().map(option) }</optgroup>
                    }
                    <optgroup label={if options.likely.is_empty() { format!("Every {}", n.kind.noun(1)) } else { format!("Every other {}", n.kind.noun(1)) }}>
                        { for options.others.iter().map(option) }
                    </optgroup>
                    <optgroup label="Something else">
                        { option(&options.add) }
                        { option(&options.skip) }
                    </optgroup>
                </select>
            </td>
        </tr>
    }
}

use horizon_model::capitalised;
