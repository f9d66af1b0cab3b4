//! The app root: owns the reducer and every browser effect (debounced evaluation,
//! autosave, focus on navigation), and lays out the page around the open view.

use horizon_engine::{Limits, ParamValue};
use horizon_model::{HorizonItem, Scenario};
use yew::prelude::*;

use crate::components::context_view::ContextView;
use crate::components::data_view::DataView;
use crate::components::horizon_view::HorizonView;
use crate::components::matrix_view::MatrixView;
use crate::components::nav::ViewNav;
use crate::components::notices::Notices;
use crate::components::plan_view::PlanView;
use crate::components::review_view::ReviewView;
use crate::components::rules_view::RulesView;
use crate::state::{Action, AppState, Autosave, ImportReport, MatrixSort, Notice, Start, View};
use crate::storage::{self, Found, SAVE_KEY};
use crate::timing::{self, Timeout};
use crate::words;

/// The state a session starts from: the work saved in this browser, or the Kent
/// example. An unreadable save is copied aside before anything can overwrite it.
fn startup() -> AppState {
    let found = storage::read(SAVE_KEY).map(storage::interpret);
    match found {
        Ok(Found::Work(start)) => AppState::new(*start),
        Ok(Found::Nothing) => AppState::new(Start::fresh()),
        Ok(Found::Unreadable { text, reason }) => {
            let state = AppState::new(Start::fresh());
            match storage::keep_aside(&text) {
                Ok(key) => state.apply(Action::AddNotice(Notice {
                    title: "Your saved work could not be read".into(),
                    text: format!(
                        "Horizon found work saved in this browser, but {reason}. It has been kept aside, unchanged, \
                         under the name “{key}”, and Horizon has started again from the Kent 2016 example. \
                         You can download the kept copy to inspect or repair it."
                    ),
                    kept_aside: Some(key),
                })),
                Err(why) => state
                    .apply(Action::AddNotice(Notice {
                        title: "Your saved work could not be read".into(),
                        text: format!(
                            "Horizon found work saved in this browser, but {reason}. It could not be copied aside \
                             ({why}), so Horizon will not save over it: this session starts from the Kent 2016 \
                             example and is not saved in the browser."
                        ),
                        kept_aside: None,
                    }))
                    .apply(Action::AutosaveFailed("Autosave is off so that the unreadable save is not overwritten.".into())),
            }
        }
        Err(why) => AppState::new(Start::fresh()).apply(Action::AutosaveFailed(why)),
    }
}

/// Moves keyboard focus to the open view's main heading, so a screen reader user
/// hears where they are after choosing a view.
fn focus_heading() {
    use wasm_bindgen::JsCast;
    let heading = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("#main h1").ok().flatten())
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        let _ = h.focus();
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(startup);
    let dispatcher = state.dispatcher();

    // Evaluate after every change the suggestions depend on: at once after a click,
    // 250 ms after the last keystroke while typing. A newer change cancels the wait.
    {
        let state = state.clone();
        let dispatcher = dispatcher.clone();
        use_effect_with(state.revision, move |&revision| {
            let scenario = state.scenario.clone();
            let pack = state.pack.clone();
            let settings = state.settings.clone();
            let timer = Timeout::new(state.urgency.delay_ms(), move || {
                let started = timing::now_ms();
                let evaluation =
                    horizon_engine::evaluate(&scenario, &pack, &settings, &Limits::default());
                let millis = timing::now_ms() - started;
                dispatcher.dispatch(Action::Evaluated {
                    revision,
                    scenario,
                    evaluation: Box::new(evaluation),
                    millis,
                });
            });
            move || drop(timer)
        });
    }

    // Autosave whenever the work or the open view changes.
    {
        let state = state.clone();
        let dispatcher = dispatcher.clone();
        let deps = (
            state.scenario.clone(),
            state.rule_files.clone(),
            state.settings.clone(),
            state.view,
            state.selected_rule,
        );
        use_effect_with(deps, move |_| {
            if state.autosave == Autosave::On {
                if let Err(why) = storage::write(SAVE_KEY, &storage::encode(&state)) {
                    dispatcher.dispatch(Action::AutosaveFailed(why));
                }
            }
        });
    }

    // Focus the heading each time the user chooses a view (not on the first render).
    use_effect_with(state.navigations, move |&n| {
        if n > 0 {
            focus_heading();
        }
    });

    // Mark the moment the first suggestions are on screen (the browser tests read it).
    {
        let marked = use_mut_ref(|| false);
        let has = state.evaluated.is_some();
        use_effect_with(has, move |&has| {
            if has && !std::mem::replace(&mut *marked.borrow_mut(), true) {
                timing::mark("horizon:first-suggestions");
            }
        });
    }

    let send = |make: fn(()) -> Action| {
        let d = dispatcher.clone();
        Callback::from(move |_| d.dispatch(make(())))
    };
    let on_navigate = {
        let d = dispatcher.clone();
        Callback::from(move |v: View| d.dispatch(Action::Navigate(v)))
    };
    let on_status = {
        let d = dispatcher.clone();
        Callback::from(move |s: String| d.dispatch(Action::Status(s)))
    };

    let on_edit = {
        let d = dispatcher.clone();
        Callback::from(move |e: horizon_model::Edit| d.dispatch(Action::Edit(e)))
    };

    let view = match state.view {
        View::Plan => html! {
            <PlanView scenario={state.scenario.clone()} on_edit={on_edit.clone()} />
        },
        View::Context => html! {
            <ContextView scenario={state.scenario.clone()} on_edit={on_edit.clone()} />
        },
        View::Review => {
            let d = dispatcher.clone();
            let on_open_rule = Callback::from(move |i: usize| {
                d.dispatch(Action::SelectRule(i));
                d.dispatch(Action::Navigate(View::Rules));
            });
            html! {
                <ReviewView
                    scenario={state.scenario.clone()}
                    evaluated={state.evaluated.clone()}
                    pending={!state.is_current()}
                    {on_open_rule}
                    on_status={on_status.clone()}
                    on_navigate={on_navigate.clone()}
                />
            }
        }
        View::Matrix => {
            let d = dispatcher.clone();
            let on_cycle = Callback::from(move |(district, theme): (String, String)| {
                d.dispatch(Action::CycleCell { district, theme })
            });
            let d = dispatcher.clone();
            let on_sort = Callback::from(move |s: MatrixSort| d.dispatch(Action::SortMatrix(s)));
            html! {
                <MatrixView
                    scenario={state.scenario.clone()}
                    order={state.matrix_order.clone()}
                    sort={state.matrix_sort}
                    stale={state.matrix_order_is_stale()}
                    show_changes={state.evaluated.as_ref().is_some_and(|e| e.revision > 0)}
                    movements={state.movements.clone()}
                    pending={!state.is_current()}
                    {on_cycle}
                    {on_sort}
                />
            }
        }
        View::Horizon => {
            let d = dispatcher.clone();
            let on_save = Callback::from(move |(id, item): (Option<String>, HorizonItem)| {
                d.dispatch(Action::SaveHorizonItem { id, item })
            });
            let d = dispatcher.clone();
            let on_delete =
                Callback::from(move |id: String| d.dispatch(Action::DeleteHorizonItem(id)));
            let d = dispatcher.clone();
            let on_add_category =
                Callback::from(move |name: String| d.dispatch(Action::AddCategory(name)));
            let d = dispatcher.clone();
            let on_rename_category = Callback::from(move |(id, name): (String, String)| {
                d.dispatch(Action::RenameCategory { id, name })
            });
            let d = dispatcher.clone();
            let on_delete_category =
                Callback::from(move |id: String| d.dispatch(Action::DeleteCategory(id)));
            html! {
                <HorizonView
                    scenario={state.scenario.clone()}
                    {on_save}
                    {on_delete}
                    {on_add_category}
                    {on_rename_category}
                    {on_delete_category}
                />
            }
        }
        View::Rules => {
            let d = dispatcher.clone();
            let on_select = Callback::from(move |i: usize| d.dispatch(Action::SelectRule(i)));
            let d = dispatcher.clone();
            let on_edit = Callback::from(move |(index, text): (usize, String)| {
                d.dispatch(Action::EditRule { index, text })
            });
            let d = dispatcher.clone();
            let on_enable = Callback::from(move |(rule, enabled): (String, bool)| {
                d.dispatch(Action::SetRuleEnabled { rule, enabled })
            });
            let d = dispatcher.clone();
            let on_param = Callback::from(
                move |(rule, name, value): (String, String, Option<ParamValue>)| {
                    d.dispatch(Action::SetParam { rule, name, value })
                },
            );
            let d = dispatcher.clone();
            let on_delete = Callback::from(move |i: usize| d.dispatch(Action::DeleteRule(i)));
            html! {
                <RulesView
                    pack={state.pack.clone()}
                    files={state.rule_files.clone()}
                    settings={state.settings.clone()}
                    selected={state.selected_rule}
                    evaluated={state.evaluated.clone()}
                    pending={!state.is_current()}
                    {on_select}
                    {on_edit}
                    {on_enable}
                    {on_param}
                    on_add={send(|_| Action::AddRuleFromTemplate)}
                    {on_delete}
                    on_reset={send(|_| Action::ResetRules)}
                    on_status={on_status.clone()}
                />
            }
        }
        View::Data => {
            let d = dispatcher.clone();
            let on_load = Callback::from(move |(scenario, source): (Scenario, String)| {
                d.dispatch(Action::LoadScenario {
                    scenario: Box::new(scenario),
                    source,
                })
            });
            let d = dispatcher.clone();
            let on_import_failed =
                Callback::from(move |r: ImportReport| d.dispatch(Action::ImportFailed(r)));
            html! {
                <DataView
                    scenario={state.scenario.clone()}
                    import_problems={state.import_problems.clone()}
                    autosave={state.autosave.clone()}
                    {on_load}
                    {on_import_failed}
                    on_dismiss_problems={send(|_| Action::DismissImportProblems)}
                    on_status={on_status.clone()}
                    on_edit={on_edit.clone()}
                    on_navigate={on_navigate.clone()}
                />
            }
        }
    };

    let on_dismiss_notice = {
        let d = dispatcher.clone();
        Callback::from(move |i: usize| d.dispatch(Action::DismissNotice(i)))
    };

    let evaluated_revision = state.evaluated.as_ref().map(|e| e.revision);
    let eval_text = match (&state.evaluated, state.is_current()) {
        (None, _) => "Working out the suggestions…".to_string(),
        (Some(e), true) => format!("Last evaluated in {}", words::millis(e.millis)),
        (Some(e), false) => format!(
            "Updating the suggestions… (last evaluated in {})",
            words::millis(e.millis)
        ),
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to main content" }</a>
            <header class="masthead">
                <div class="masthead-inner">
                    <p class="brand">
                        <span class="brand-name">{ "Horizon" }</span>
                        <span class="brand-tag">{ "Community safety priority review" }</span>
                    </p>
                    <p class="masthead-scenario">{ &state.scenario.meta.title }</p>
                </div>
            </header>
            <ViewNav current={state.view} {on_navigate} />
            <div class="statusbar">
                <div class="statusbar-inner">
                    <p
                        id="eval-time"
                        class={classes!("eval-time", (!state.is_current()).then_some("pending"))}
                        data-revision={state.revision.to_string()}
                        data-evaluated-revision={evaluated_revision.map(|r| r.to_string())}
                        data-ms={state.evaluated.as_ref().map(|e| format!("{:.3}", e.millis))}
                        data-pending={(!state.is_current()).to_string()}
                    >
                        { eval_text }
                    </p>
                    <p id="status" class="status" role="status" aria-live="polite">{ &state.status }</p>
                </div>
            </div>
            <Notices notices={state.notices.clone()} on_dismiss={on_dismiss_notice} on_status={on_status.clone()} />
            <main id="main" class="page" tabindex="-1" data-view={state.view.slug()}>
                { view }
            </main>
            <footer class="footer">
                <div class="footer-inner">
                    <p>
                        { "Horizon runs entirely in this browser: nothing you enter is sent anywhere. " }
                        { match &state.autosave {
                            Autosave::On => "Your work is saved in this browser automatically; use Data to save a copy to your computer.",
                            Autosave::Off(_) => "Your work is not being saved in this browser; use Data to save a copy to your computer.",
                        } }
                    </p>
                </div>
            </footer>
        </>
    }
}
