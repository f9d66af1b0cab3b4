//! "How firm is this?" on a suggestion card: a button that asks the edge to work out
//! what would make the suggestion go or move, and the engine's sentences in place.
//!
//! The card stays as it was but for one element: what the panel needs (the answers,
//! whether the suggestions shown are current, and the callbacks) comes through a
//! [`FirmnessContext`] the app root provides around the Review view. Focus stays on
//! the button (it is never disabled or replaced); the answer arrives in a live region
//! that is always in the page, so a screen reader reads it when it appears.

use horizon_engine::{Limits, SuggestionId};
use yew::prelude::*;

use crate::state::{Action, AppState, FirmnessAnswer, FirmnessShown, Shared};
use crate::timing::{self, Timeout};
use crate::words;

/// What every card's panel shares, from the app root.
#[derive(Clone, PartialEq)]
pub struct FirmnessContext {
    /// The revision of the suggestions shown when they are current; `None` while an
    /// edit waits to be evaluated (an answer then would be about other data).
    pub current: Option<u64>,
    pub shown: FirmnessShown,
    pub on_ask: Callback<SuggestionId>,
    pub on_hide: Callback<SuggestionId>,
}

/// "How firm is this?" at the edge: asked, it is worked out after the page has had
/// a moment to say so (it takes a few hundred milliseconds on the main thread), over
/// the work the suggestions shown were evaluated on, timed, and answered with the
/// revision it is about (an answer for an older revision is dropped by the reducer).
pub fn firmness_context(
    state: &UseReducerHandle<AppState>,
    dispatcher: &UseReducerDispatcher<AppState>,
) -> FirmnessContext {
    let current = state.is_current().then_some(state.review.revision);
    let on_ask = {
        let d = dispatcher.clone();
        let scenario = state.scenario().clone();
        let pack = state.pack.clone();
        let settings = state.project.work.settings.clone();
        Callback::from(move |id: horizon_engine::SuggestionId| {
            let Some(revision) = current else { return };
            d.dispatch(Action::FirmnessAsked(id.clone()));
            let (d, scenario, pack, settings) =
                (d.clone(), scenario.clone(), pack.clone(), settings.clone());
            Timeout::new(40, move || {
                let started = timing::now_ms();
                let result =
                    horizon_engine::firmness(&scenario, &pack, &settings, &Limits::default(), &id);
                let millis = timing::now_ms() - started;
                timing::mark("horizon:firmness");
                let answer = FirmnessAnswer {
                    result: result.map(Shared::new).map_err(|e| match e {
                        horizon_engine::FirmnessError::NotSuggested(_) => {
                            "The rules no longer make this suggestion, so there is nothing to test."
                                .to_string()
                        }
                    }),
                    millis,
                };
                d.dispatch(Action::FirmnessFound {
                    revision,
                    id,
                    answer,
                });
            })
            .forget();
        })
    };
    let d = dispatcher.clone();
    FirmnessContext {
        current,
        shown: state.review.firmness.clone(),
        on_ask,
        on_hide: Callback::from(move |id| d.dispatch(Action::FirmnessHidden(id))),
    }
}

#[derive(Properties, PartialEq)]
pub struct FirmnessPanelProps {
    pub id: SuggestionId,
    /// The card's number, for element ids.
    pub n: usize,
}

#[component]
pub fn FirmnessPanel(props: &FirmnessPanelProps) -> Html {
    let Some(ctx) = use_context::<FirmnessContext>() else {
        return html! {};
    };
    let region = format!("suggestion-{}-firmness", props.n);
    let (working, found) = match ctx.current {
        Some(revision) => (
            ctx.shown.is_working(revision, &props.id),
            ctx.shown.found(revision, &props.id),
        ),
        None => (false, None),
    };
    let open = working || found.is_some();
    let unavailable = ctx.current.is_none();
    let onclick = {
        let id = props.id.clone();
        let (on_ask, on_hide) = (ctx.on_ask.clone(), ctx.on_hide.clone());
        Callback::from(move |_: MouseEvent| {
            if working || unavailable {
                return;
            }
            if open {
                on_hide.emit(id.clone());
            } else {
                on_ask.emit(id.clone());
            }
        })
    };
    let label = if working {
        "Working out how firm this is…"
    } else if found.is_some() {
        "Hide how firm this is"
    } else {
        "How firm is this?"
    };
    let answer = found.map(|f| match &f.result {
        Ok(firmness) => html! {
            <>
                <h4 class="firmness-heading">{ "How firm this is" }</h4>
                <ul class="firmness-sentences">
                    { for firmness.sentences().into_iter().map(|s| html! { <li>{ s }</li> }) }
                </ul>
                <p
                    class="firmness-cost muted"
                    data-ms={format!("{:.3}", f.millis)}
                    data-evaluations={firmness.evaluations.to_string()}
                >
                    { format!(
                        "Found by running the rules {} over changed copies of the matrix and the settings, in {}.",
                        words::count(firmness.evaluations, "time", "times"),
                        words::millis(f.millis)
                    ) }
                </p>
            </>
        },
        Err(why) => html! { <p class="firmness-error">{ why }</p> },
    });
    html! {
        <div class="firmness">
            <button
                type="button"
                id={format!("suggestion-{}-firmness-button", props.n)}
                class="button secondary small-button firmness-button"
                aria-expanded={open.to_string()}
                aria-controls={region.clone()}
                aria-disabled={(working || unavailable).then_some("true")}
                title={unavailable.then_some("Available once the suggestions are up to date")}
                {onclick}
            >
                { label }
            </button>
            <div id={region} class="firmness-result" aria-live="polite">
                if working {
                    <p class="muted">{ "Running the rules again over changed copies of the matrix and the settings…" }</p>
                }
                { for answer }
            </div>
        </div>
    }
}
