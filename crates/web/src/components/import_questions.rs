//! The questions a spreadsheet raises, asked only when they apply: what a plain tick
//! means (a matrix of ticks), whether districts are down the side (a matrix), whether
//! the file's lists replace the review's or are added to them (a list), and which
//! theme group new themes join (a new theme).

use std::rc::Rc;

use horizon_io::{Choices, ListMode, Preview};
use horizon_model::{Level, Scenario};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::forms::import::{self, Choice};
use crate::state::Shared;

#[derive(Properties, PartialEq)]
pub struct ImportQuestionsProps {
    pub preview: Rc<Preview>,
    pub choices: Choices,
    pub scenario: Shared<Scenario>,
    pub on_choose: Callback<Choice>,
}

const MODES: [(ListMode, &str, &str, &str); 2] = [
    (
        ListMode::Replace,
        "replace",
        "Replace the lists with the file's",
        "Rows that match an item update it, new rows are added, and items the file does not have are removed.",
    ),
    (
        ListMode::Add,
        "add",
        "Add the file's rows to the lists",
        "Rows that match an item update it and the rest are added; nothing is removed.",
    ),
];

#[component]
pub fn ImportQuestions(props: &ImportQuestionsProps) -> Html {
    let p = &*props.preview;
    let pick = |make: fn(&Event) -> Option<Choice>| choose(&props.on_choose, make);

    let tick = p.ticks.then(|| html! {
        <fieldset class="fieldset" id="import-tick" aria-describedby="import-tick-hint">
            <legend>{ "What does a tick mean?" }</legend>
            <p class="hint" id="import-tick-hint">
                { "The matrix marks districts' priorities with a plain tick (✓), which does not say how strongly each district names the theme. Every tick is read as the level you choose; cells that give a level in words keep it." }
            </p>
            <div class="radios">
                { for Level::ALL.into_iter().map(|level| {
                    let rid = format!("import-tick-{}", level.as_str());
                    let onchange = choose_with(&props.on_choose, move |e| checked(e).then_some(Choice::Tick(level)));
                    html! {
                        <div class="radio">
                            <input type="radio" name="import-tick" id={rid.clone()} value={level.as_str()}
                                checked={props.choices.tick == level} {onchange} />
                            <label for={rid}>{ import::tick_words(level) }</label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    });

    let transposed = import::has_matrix(p).then(|| {
        let onchange = pick(|e| Some(Choice::Transposed(checked(e))));
        html! {
            <div class="checkbox import-transposed">
                <input type="checkbox" id="import-transposed" checked={p.transposed} {onchange}
                    aria-describedby="import-transposed-hint" />
                <div>
                    <label for="import-transposed">{ "Districts are down the side" }</label>
                    <p class="hint" id="import-transposed-hint">
                        { "Tick this if the matrix lists districts in its first column and themes across the top. Horizon has guessed from the names." }
                    </p>
                </div>
            </div>
        }
    });

    let mode = import::has_list(p).then(|| html! {
        <fieldset class="fieldset" id="import-mode">
            <legend>{ "The file's lists" }</legend>
            <div class="radios">
                { for MODES.iter().map(|&(m, slug, label, hint)| {
                    let rid = format!("import-mode-{slug}");
                    let onchange = choose_with(&props.on_choose, move |e| checked(e).then_some(Choice::Mode(m)));
                    html! {
                        <div class="radio">
                            <input type="radio" name="import-mode" id={rid.clone()} value={slug}
                                checked={props.choices.mode == m} {onchange}
                                aria-describedby={format!("{rid}-hint")} />
                            <label for={rid.clone()}>{ label }</label>
                            <p class="hint radio-hint" id={format!("{rid}-hint")}>{ hint }</p>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    });

    let s = &*props.scenario;
    let group = (import::adds_themes(p) && s.groups.len() > 1).then(|| {
        let current = props
            .choices
            .group
            .clone()
            .or_else(|| s.groups.first().map(|g| g.id.clone()))
            .unwrap_or_default();
        let onchange = pick(|e| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            (!v.is_empty()).then_some(Choice::Group(v))
        });
        html! {
            <div class="field">
                <label class="label" for="import-group">{ "New themes join the group" }</label>
                <select id="import-group" class="select" {onchange}>
                    { for s.groups.iter().map(|g| html! {
                        <option value={g.id.clone()} selected={g.id == current}>{ &g.name }</option>
                    }) }
                </select>
            </div>
        }
    });

    if tick.is_none() && transposed.is_none() && mode.is_none() && group.is_none() {
        return html! {};
    }
    html! {
        <div class="import-questions">
            <h3>{ "How to read the file" }</h3>
            { for tick }
            { for transposed }
            { for mode }
            { for group }
        </div>
    }
}

/// Whether the radio or checkbox an event came from is ticked.
fn checked(e: &Event) -> bool {
    e.target_dyn_into::<HtmlInputElement>()
        .is_some_and(|i| i.checked())
}

/// A control's change event as a choice, when `make` finds one in it.
fn choose(on_choose: &Callback<Choice>, make: fn(&Event) -> Option<Choice>) -> Callback<Event> {
    choose_with(on_choose, make)
}

fn choose_with(
    on_choose: &Callback<Choice>,
    make: impl Fn(&Event) -> Option<Choice> + 'static,
) -> Callback<Event> {
    let on_choose = on_choose.clone();
    Callback::from(move |e: Event| {
        if let Some(c) = make(&e) {
            on_choose.emit(c);
        }
    })
}
