//! Presentation mode (`#present`): the review on a projector, one idea per screen
//! in large type (the screens are `present::screens`). Presenter keys as clickers
//! send them (Page Down / Page Up, arrows, Space), B or . blanks the screen, F puts it
//! on the whole screen (in a widget too, not only the widget's box), Esc leaves; nothing
//! in the work changes.

use horizon_model::Scenario;
use yew::prelude::*;

use crate::components::horizon_radar::HorizonRadar;
use crate::components::likelihood_impact_grid::LikelihoodImpactGrid;
use crate::components::vote_results::VoteResults;
use crate::present::{self, Key, Screen};
use crate::state::{Evaluated, Shared};
use crate::words;

#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    pub scenario: Shared<Scenario>,
    pub evaluated: Option<Shared<Evaluated>>,
    /// Leaves presentation mode (Esc, or the Leave button).
    pub on_leave: Callback<()>,
}

fn theme_name<'a>(s: &'a Scenario, id: &'a str) -> &'a str {
    s.theme(id).map_or(id, |t| t.name.as_str())
}

fn screen_html(screen: &Screen, ev: &Evaluated) -> Html {
    let (s, e) = (&*ev.scenario, &ev.evaluation);
    match screen {
        Screen::Title => html! {
            <div class="present-title">
                <h1>{ &s.plan().name }</h1>
                <p class="present-lede">{ &s.meta.title }</p>
                <p>{ [s.meta.geography.as_str(), s.meta.period.as_str()].iter().filter(|x| !x.is_empty()).copied().collect::<Vec<_>>().join(" · ") }</p>
                <p>{ horizon_engine::report::summary_line(e) }{ "." }</p>
            </div>
        },
        Screen::Matrix {
            themes,
            page,
            pages,
        } => html! {
            <>
                <h1 class="present-matrix-title">{ "How the districts name each theme" }</h1>
                <table class="present-matrix">
                    <caption>
                        { format!("Themes named by most districts first{}. ", if *pages > 1 { format!(", {} of {pages}", page + 1) } else { String::new() }) }
                        { "● main · ◐ subsidiary · ○ issue" }
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Theme" }</th>
                            { for s.districts.iter().map(|d| html! { <th scope="col" class="present-district">{ &d.name }</th> }) }
                            <th scope="col">{ "Districts" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for themes.iter().map(|t| html! {
                            <tr>
                                <th scope="row">{ theme_name(s, t) }</th>
                                { for s.districts.iter().map(|d| {
                                    let level = s.level(&d.id, t);
                                    html! {
                                        <td class={words::level_class(level)}>
                                            <span aria-hidden="true">{ words::level_symbol(level) }</span>
                                            <span class="visually-hidden">{ words::level_words(level) }</span>
                                        </td>
                                    }
                                }) }
                                <td class="num">{ s.district_count(t) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </>
        },
        Screen::Suggestion(i) => match e.suggestions.get(*i) {
            Some(sug) => html! {
                <>
                    <p class="present-kind">{ sug.kind.label() }{ format!(" · suggestion {} of {}", i + 1, e.suggestions.len()) }</p>
                    <h1>{ sug.headline(s) }</h1>
                    <p class="present-score">{ "Score " }<strong>{ words::score(sug.score) }</strong>{ " of 100" }</p>
                    <p class="present-rationale">{ &sug.rationale }</p>
                    if !sug.also_covers.is_empty() {
                        <p>{ "Also covers: " }{ sug.also_covers.iter().map(|c| c.headline(s)).collect::<Vec<_>>().join("; ") }</p>
                    }
                    if let Some(why) = e.why_set_aside(&sug.id(), s) {
                        <p><strong>{ "Not in the proposed focus areas: " }</strong>{ why }{ "." }</p>
                    }
                </>
            },
            None => html! {},
        },
        Screen::Radar => html! { <HorizonRadar scenario={ev.scenario.clone()} presenting=true /> },
        Screen::Grid => {
            html! { <LikelihoodImpactGrid scenario={ev.scenario.clone()} presenting=true /> }
        }
        Screen::Round(id) => match crate::event::current(s).and_then(|x| x.round(id)) {
            Some(r) if r.revealed => {
                let moved = horizon_engine::movement(&r.before, &r.after);
                html! {
                    <>
                        <h1>{ &r.question }</h1>
                        <VoteResults scenario={ev.scenario.clone()} round={r.clone()} presenting=true />
                        if !moved.is_empty() {
                            <p class="present-moved-title">{ "How the suggestions moved:" }</p>
                            <ul class="present-moved">
                                { for moved.iter().take(3).map(|m| html! { <li>{ m.sentence() }</li> }) }
                            </ul>
                        }
                    </>
                }
            }
            Some(r) => html! {
                <>
                    <h1>{ &r.question }</h1>
                    <p class="present-lede">{ "The results will be shown here once they are revealed." }</p>
                    <p>{ crate::event::entries_words(r) }{ " so far." }</p>
                </>
            },
            None => html! {
                <>
                    <h1>{ "Vote results" }</h1>
                    <p class="present-lede">{ "This vote round has been removed from the event." }</p>
                </>
            },
        },
        Screen::NoneChosen => html! {
            <>
                <h1>{ "No screens are chosen for this presentation" }</h1>
                <p class="present-lede">{ "Press Esc, then tick the screens to present in the Event view, under “Screens to present”." }</p>
            </>
        },
        Screen::Proposed => html! {
            <>
                <h1>{ "Proposed focus areas" }</h1>
                <ol class="present-proposed">
                    { for e.proposed.focus_areas.iter().map(|f| html! {
                        <li>
                            <strong>{ &f.name }</strong>
                            { " — " }{ words::change_words(f.change) }
                        </li>
                    }) }
                </ol>
                if !e.proposed.removed.is_empty() {
                    <p>
                        { "No longer focus areas: " }
                        { e.proposed.removed.iter().map(|r| r.name.as_str()).collect::<Vec<_>>().join(", ") }
                    </p>
                }
            </>
        },
    }
}

#[component]
pub fn Presentation(props: &PresentationProps) -> Html {
    let at = use_state(|| 0usize);
    let blank = use_state(|| false);
    // Whether the presentation is on the whole screen: the browser says, as it goes on and
    // off (F or the button, Esc, or the browser's own controls).
    let full = use_state(crate::dom::is_full_screen);
    let stage = use_node_ref();
    {
        let (stage, full) = (stage.clone(), full.clone());
        use_effect_with((), move |_| {
            let listener = stage.cast::<web_sys::Element>().map(|el| {
                gloo_events::EventListener::new(&el, "fullscreenchange", move |_| {
                    full.set(crate::dom::is_full_screen())
                })
            });
            move || drop(listener)
        });
    }
    // The stage takes the keys, so focus goes to it on entering.
    {
        let stage = stage.clone();
        use_effect_with((), move |_| {
            if let Some(el) = stage.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let Some(ev) = props.evaluated.clone() else {
        return html! {
            <div class="present" tabindex="-1" ref={stage}>
                <p class="present-lede">{ "Working out the suggestions…" }</p>
            </div>
        };
    };
    let screens = present::screens(
        &ev.scenario,
        &ev.evaluation,
        crate::event::current(&ev.scenario),
    );
    let count = screens.len();
    let here = (*at).min(count.saturating_sub(1));
    let press = {
        let (at, blank, on_leave) = (at.clone(), blank.clone(), props.on_leave.clone());
        let stage = stage.clone();
        move |key: Key| match key {
            Key::Blank => blank.set(!*blank),
            Key::FullScreen => {
                if let Some(el) = stage.cast::<web_sys::Element>() {
                    crate::dom::toggle_full_screen(&el);
                }
            }
            Key::Leave => on_leave.emit(()),
            k => {
                blank.set(false);
                at.set(present::step(here, count, k));
            }
        }
    };
    let onkeydown = {
        let press = press.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            // Keys on the controls' buttons stay theirs (Enter and Space press them).
            let on_button = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .is_some_and(|el| el.tag_name() == "BUTTON");
            if on_button && matches!(e.key().as_str(), "Enter" | " ") {
                return;
            }
            if let Some(k) = present::key(&e.key()) {
                e.prevent_default();
                // Esc on the whole screen takes it off, as the browser's own Esc does
                // (where the browser passes the key on at all); the next Esc leaves.
                let k = if k == Key::Leave && crate::dom::is_full_screen() { Key::FullScreen } else { k };
                press(k);
            }
        })
    };
    let button = |label: &'static str, key: Key, id: &'static str| {
        let press = press.clone();
        html! { <button type="button" {id} class="present-button" onclick={Callback::from(move |_| press(key))}>{ label }</button> }
    };
    let label = screens[here].label(&ev.evaluation);
    html! {
        <div class={classes!("present", (*blank).then_some("is-blank"))} id="presentation" tabindex="-1" ref={stage} {onkeydown}
             role="region" aria-roledescription="presentation" aria-label={format!("Presentation: {label}")}>
            <div class="present-screen" id="present-screen" data-screen={here.to_string()} aria-live="polite" hidden={*blank}>
                { screen_html(&screens[here], &ev) }
            </div>
            if *blank {
                <p class="visually-hidden" aria-live="polite">{ "The screen is blank. Press B to show it again." }</p>
            }
            <div class="present-controls">
                { button("Previous", Key::Previous, "present-previous") }
                <p class="present-counter" id="present-counter">{ format!("{} of {count}: {label}", here + 1) }</p>
                { button("Next", Key::Next, "present-next") }
                { button("Blank", Key::Blank, "present-blank") }
                { button(if *full { "Leave full screen" } else { "Full screen" }, Key::FullScreen, "present-full-screen") }
                { button("Leave", Key::Leave, "present-leave") }
            </div>
        </div>
    }
}
