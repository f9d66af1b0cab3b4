//! The app root: owns the reducer and every browser effect (debounced evaluation,
//! autosave, focus on navigation), and lays out the page around the open view.

use horizon_engine::{ParamValue, RuleFile};
use std::rc::Rc;

use horizon_model::Scenario;
use yew::prelude::*;

use crate::components::alignment_view::AlignmentView;
use crate::components::compare_view::CompareView;
use crate::components::context_view::ContextView;
use crate::components::data_view::DataView;
use crate::components::evaluation::use_evaluation;
use crate::components::evaluation_status::EvaluationStatus;
use crate::components::event_view::EventView;
use crate::components::firmness_panel::{firmness_context, FirmnessContext};
use crate::components::full_screen::full_screen;
use crate::components::history_bar::HistoryBar;
use crate::components::horizon_view::HorizonView;
use crate::components::matrix_view::MatrixView;
use crate::components::nav::ViewNav;
use crate::components::notices::Notices;
use crate::components::other_tab_banner::OtherTabBanner;
use crate::components::other_tabs::use_other_tabs;
use crate::components::plan_view::PlanView;
use crate::components::review_view::ReviewView;
use crate::components::rule_test_runner::use_rule_test_runner;
use crate::components::rules_view::RulesView;
use crate::components::autosave::use_autosave;
use crate::components::undo_keys::use_undo_keys;
use crate::dom;
use crate::embed::Embed;
use crate::project::{Project, ProjectFile};
use crate::state::{
    Action, Autosave, Change, ImportReport, MatrixSort, OtherTab, Route, Side, View,
};
use crate::timing;

/// The page's own app has no props; a widget's (embed.rs) says what it started from
/// and where its element is.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embed: Option<Rc<Embed>>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let embed = props.embed.clone();
    let state = {
        let embed = embed.clone();
        use_reducer(move || match embed {
            Some(e) => e.take_start(),
            None => crate::startup::startup(),
        })
    };
    let dispatcher = state.dispatcher();
    // The matrix's callbacks keep their identity from one render to the next, so a change
    // outside the matrix (an evaluation coming in, the status line) leaves its table alone:
    // at national scale, building its rows again took some 10 ms each time.
    let on_cycle = use_callback(dispatcher.clone(), |(district, theme): (String, String), d| {
        d.dispatch(Action::CycleCell { district, theme })
    });
    let on_sort = use_callback(dispatcher.clone(), |s: MatrixSort, d| d.dispatch(Action::SortMatrix(s)));
    if let Some(e) = &embed {
        e.connect(dispatcher.clone());
    }
    use_rule_test_runner(&state);

    let on_stop = use_evaluation(&state);
    // Other tabs share the browser's save; a widget does not use it.
    use_other_tabs(&state, embed.is_none());

    // A widget tells its page when the suggestions change.
    {
        let evaluated = state.review.evaluated.clone();
        let embed = embed.clone();
        use_effect_with(evaluated.as_ref().map(|e| e.revision), move |_| {
            if let (Some(embed), Some(e)) = (embed, evaluated) {
                embed.suggestions_changed(&horizon_engine::report::json(&e.evaluation, &e.scenario));
            }
        });
    }

    use_autosave(&state);

    // Focus the heading each time the user chooses a view (not on the first render),
    // so a screen reader user hears where they are.
    use_effect_with(state.session.navigations, move |&n| {
        if n > 0 {
            dom::focus_selector("#main h1");
        }
    });

    // The address bar follows the route: each view has its own fragment, and a new
    // one is a history entry, so Back and Forward move between views.
    // The tab's title names the view, so browser history and screen readers say where.
    // A widget leaves the host page's address and title alone.
    let own_page = embed.is_none();
    use_effect_with(state.session.route.clone(), move |route| {
        dom::push_fragment(&route.fragment());
        if let Some(d) = web_sys::window().and_then(|w| w.document()).filter(|_| own_page) {
            d.set_title(&format!("{} – Horizon", route.view.title()));
        }
    });
    {
        let dispatcher = dispatcher.clone();
        let current = use_mut_ref(Route::default);
        *current.borrow_mut() = state.session.route.clone();
        use_effect_with((), move |_| {
            // The host page's Back and Forward are its own, not a widget's.
            let listener = own_page.then(|| gloo_events::EventListener::new(
                &web_sys::window().expect("a page has a window"),
                "popstate",
                move |_| {
                    if let Some(route) = Route::parse(&dom::fragment()) {
                        if route != *current.borrow() {
                            dispatcher.dispatch(Action::Navigate(route));
                        }
                    }
                },
            ));
            move || drop(listener)
        });
    }

    // Printing opens every collapsed list of evidence and reasons, and closes them after.
    use_effect_with((), move |_| {
        let listeners = dom::open_details_for_print();
        move || drop(listeners)
    });

    use_undo_keys(dispatcher.clone(), embed.as_ref().map(|e| e.host.clone()));

    // Mark the moment the first suggestions are on screen (the browser tests read it).
    {
        let marked = use_mut_ref(|| false);
        let has = state.review.evaluated.is_some();
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
        Callback::from(move |v: View| d.dispatch(Action::Navigate(Route::to(v))))
    };
    let on_status = {
        let d = dispatcher.clone();
        Callback::from(move |s: String| d.dispatch(Action::Status(s)))
    };

    // The whole project as a file: from Data, and from the banner when the browser
    // cannot save it.
    let project_json = {
        let project = state.project.clone();
        Callback::from(move |_: ()| ProjectFile::of(&project).to_json())
    };

    let on_edit = {
        let d = dispatcher.clone();
        Callback::from(move |e: horizon_model::Edit| d.dispatch(Action::edit(e)))
    };

    let scenario = state.scenario().clone();
    let evaluated = state.review.evaluated.clone();
    let pending = !state.is_current();
    // Presentation mode and the ballot box own the whole screen.
    let on_route = {
        let d = dispatcher.clone();
        Callback::from(move |r: Route| d.dispatch(Action::Navigate(r)))
    };
    if let Some(page) = full_screen(
        &state.session.route,
        &scenario,
        &evaluated,
        &on_edit,
        &on_route,
    ) {
        return page;
    }
    let view = match state.session.route.view {
        View::Present | View::Ballot => html! {},
        View::Event => {
            let d = dispatcher.clone();
            let on_present =
                Callback::from(move |()| d.dispatch(Action::Navigate(Route::to(View::Present))));
            let d = dispatcher.clone();
            let on_ballot_box = Callback::from(move |round: String| {
                d.dispatch(Action::Navigate(Route::ballot(&round)))
            });
            html! {
                <EventView scenario={scenario.clone()} evaluated={evaluated.clone()} current={!pending}
                    pack={state.pack.clone()} settings={state.project.work.settings.clone()}
                    last_entry={crate::event::last_entry(&state.project.history).map(|(r, s)| (r.to_string(), s.to_string()))}
                    on_edit={on_edit.clone()} on_undo={send(|_| Action::Undo)} {on_present} {on_ballot_box} />
            }
        }
        View::Plan => html! {
            <PlanView scenario={scenario.clone()} on_edit={on_edit.clone()} />
        },
        View::Alignment => html! {
            <AlignmentView scenario={scenario.clone()} on_edit={on_edit.clone()} />
        },
        View::Context => html! {
            <ContextView scenario={scenario.clone()} on_edit={on_edit.clone()} />
        },
        View::Review => {
            let d = dispatcher.clone();
            let pack = state.pack.clone();
            let on_open_rule = Callback::from(move |i: usize| {
                let rule = pack.get(i).map(|r| r.id().to_string());
                d.dispatch(Action::Navigate(Route {
                    view: View::Rules,
                    rule,
                    round: None,
                }));
            });
            let firmness = firmness_context(&state, &dispatcher);
            html! {
                <ContextProvider<FirmnessContext> context={firmness}>
                    <ReviewView
                        scenario={scenario.clone()}
                        evaluated={evaluated.clone()}
                        {pending}
                        previous_run={pending && state.review.running.is_some()}
                        {on_open_rule}
                        on_status={on_status.clone()}
                        on_navigate={on_navigate.clone()}
                        project={state.project.clone()}
                        pack={state.pack.clone()}
                    />
                </ContextProvider<FirmnessContext>>
            }
        }
        View::Matrix => {
            html! {
                <MatrixView
                    scenario={scenario.clone()}
                    order={state.session.matrix_order.clone()}
                    sort={state.session.matrix_sort}
                    stale={state.matrix_order_is_stale()}
                    show_changes={evaluated.as_ref().is_some_and(|e| e.revision > 0)}
                    movements={state.review.movements.clone()}
                    opened={state.review.opened.clone()}
                    {pending}
                    on_cycle={on_cycle.clone()}
                    on_sort={on_sort.clone()}
                    on_edit={on_edit.clone()}
                />
            }
        }
        View::Horizon => html! {
            <HorizonView scenario={scenario.clone()} on_edit={on_edit.clone()} />
        },
        View::Rules => {
            let d = dispatcher.clone();
            let pack = state.pack.clone();
            let on_select = Callback::from(move |i: usize| {
                let rule = pack.get(i).map(|r| r.id().to_string());
                d.dispatch(Action::Navigate(Route {
                    view: View::Rules,
                    rule,
                    round: None,
                }));
            });
            let d = dispatcher.clone();
            let files = state.rule_files().clone();
            let on_edit_rule = Callback::from(move |(index, text): (usize, String)| {
                if let Some(f) = files.get(index) {
                    if f.text != text {
                        d.dispatch(Action::Change(Change::RuleText {
                            file: f.name.clone(),
                            text,
                        }));
                    }
                }
            });
            let d = dispatcher.clone();
            let on_enable = Callback::from(move |(rule, enabled): (String, bool)| {
                d.dispatch(Action::Change(Change::SetRuleEnabled { rule, enabled }))
            });
            let d = dispatcher.clone();
            let on_param = Callback::from(
                move |(rule, name, value): (String, String, Option<ParamValue>)| {
                    d.dispatch(Action::Change(Change::SetParam { rule, name, value }))
                },
            );
            let d = dispatcher.clone();
            let files = state.rule_files().clone();
            let on_delete = Callback::from(move |i: usize| {
                if let Some(RuleFile { name, .. }) = files.get(i) {
                    d.dispatch(Action::Change(Change::DeleteRule { file: name.clone() }));
                    // The rule's page goes: focus moves to "Add a rule", not <body>.
                    dom::focus_selector("#add-rule");
                }
            });
            let d = dispatcher.clone();
            let on_run_tests =
                Callback::from(move |rule: Option<String>| d.dispatch(Action::RunRuleTests(rule)));
            let d = dispatcher.clone();
            let on_delete_test = Callback::from(move |file: String| {
                d.dispatch(Action::Change(Change::DeleteTest { file }));
                dom::focus_selector("#run-rule-tests");
            });
            let d = dispatcher.clone();
            let on_keep_test = Callback::from(move |(rule, file): (Option<String>, RuleFile)| {
                let name = file.name.clone();
                d.dispatch(Action::Change(Change::AddTest(file)));
                d.dispatch(Action::RunRuleTestsIfAdded { file: name, rule });
            });
            html! {
                <RulesView
                    pack={state.pack.clone()}
                    files={state.rule_files().clone()}
                    settings={state.project.work.settings.clone()}
                    selected={state.selected_rule()}
                    evaluated={evaluated.clone()}
                    {pending}
                    {on_select}
                    on_edit={on_edit_rule}
                    {on_enable}
                    {on_param}
                    on_add={send(|_| Action::AddRuleFromTemplate)}
                    {on_delete}
                    on_reset={send(|_| Action::Change(Change::ResetRules))}
                    on_status={on_status.clone()}
                    tests={state.tests.clone()}
                    {on_run_tests}
                    {on_keep_test}
                    {on_delete_test}
                />
            }
        }
        View::Compare => {
            let d = dispatcher.clone();
            let on_compare =
                Callback::from(move |(a, b): (Side, Side)| d.dispatch(Action::Compare(a, b)));
            let d = dispatcher.clone();
            let on_save = Callback::from(move |name: String| {
                d.dispatch(Action::SaveSnapshot {
                    name,
                    taken: timing::date_time_words(),
                })
            });
            let d = dispatcher.clone();
            let on_restore = Callback::from(move |id: u32| d.dispatch(Action::RestoreSnapshot(id)));
            let d = dispatcher.clone();
            let on_rename = Callback::from(move |(id, name): (u32, String)| {
                d.dispatch(Action::RenameSnapshot { id, name })
            });
            let d = dispatcher.clone();
            let on_delete = Callback::from(move |id: u32| d.dispatch(Action::DeleteSnapshot(id)));
            html! {
                <CompareView
                    project={state.project.clone()}
                    pack={state.pack.clone()}
                    compare={state.session.compare}
                    {on_compare}
                    {on_save}
                    {on_restore}
                    {on_rename}
                    {on_delete}
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
            let on_open_project = Callback::from(move |(project, source): (Project, String)| {
                d.dispatch(Action::OpenProject {
                    project: Box::new(project),
                    source,
                })
            });
            let d = dispatcher.clone();
            let on_import_failed =
                Callback::from(move |r: ImportReport| d.dispatch(Action::ImportFailed(r)));
            html! {
                <DataView
                    scenario={scenario.clone()}
                    import_problems={state.session.import_problems.clone()}
                    autosave={state.session.autosave.clone()}
                    {on_load}
                    {on_open_project}
                    project_json={project_json.clone()}
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

    let running = state.review.running.as_ref().map(|r| {
        r.rule.as_ref().map(|id| crate::state::rule_title(&state.pack, id))
    });

    // In another page the landmarks are the host's: a widget's content is a named
    // region, not a second main, banner or footer, and the host has its own skip link.
    let (main_tag, band_tag, foot_tag) = if own_page { ("main", "header", "footer") } else { ("div", "div", "div") };
    let region = (!own_page).then(|| format!("Horizon: {}", state.session.route.view.title()));
    html! {
        <>
            if own_page {
                <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                    // Focus the content without adding "#main" to the history (Back would
                    // then need two presses).
                    e.prevent_default();
                    dom::focus_selector("#main");
                })}>{ "Skip to main content" }</a>
            }
            <@{band_tag} class="masthead">
                <div class="masthead-inner">
                    <p class="brand">
                        <span class="brand-name">{ "Horizon" }</span>
                        <span class="brand-tag">{ "Community safety priority review" }</span>
                    </p>
                    <p class="masthead-scenario">{ &scenario.meta.title }</p>
                </div>
            </@>
            <ViewNav current={state.session.route.view} {on_navigate} />
            // A named region, so the evaluation time, undo and redo sit in a landmark a
            // screen reader can list and jump to, like the rest of the page.
            <section class="statusbar" aria-label="Undo, redo and status">
                <div class="statusbar-inner">
                    <EvaluationStatus
                        revision={state.review.revision}
                        evaluated_revision={evaluated.as_ref().map(|e| e.revision)}
                        millis={evaluated.as_ref().map(|e| e.millis)}
                        {running}
                        {on_stop}
                    />
                    <HistoryBar
                        history={state.project.history.clone()}
                        started={state.project.started().map(|(s, changed)| (s.name.clone(), changed))}
                        on_undo={send(|_| Action::Undo)}
                        on_redo={send(|_| Action::Redo)}
                        on_compare={let d = dispatcher.clone(); Callback::from(move |_| d.dispatch(Action::Navigate(Route::to(View::Compare))))}
                    />
                    <p id="status" class="status" role="status" aria-live="polite">{ &state.session.status }</p>
                </div>
            </section>
            if matches!(state.session.other_tab, OtherTab::Changed(_)) {
                <OtherTabBanner on_take={let d = dispatcher.clone(); Callback::from(move |keep: bool| d.dispatch(Action::TakeOtherTab { keep, taken: timing::date_time_words() }))} />
            }
            <Notices
                notices={state.session.notices.clone()}
                on_dismiss={on_dismiss_notice}
                on_status={on_status.clone()}
                {project_json}
            />
            <@{main_tag} id="main" class="page" tabindex="-1" data-view={state.session.route.view.slug()} role={region.is_some().then_some("region")} aria-label={region}>
                { view }
            </@>
            <@{foot_tag} class="footer">
                <div class="footer-inner">
                    <p>
                        { "Horizon runs entirely in this browser: nothing you enter is sent anywhere. " }
                        { match &state.session.autosave {
                            Autosave::On if !state.may_autosave() => "Your work is not being saved in this browser while another tab's changes wait for your choice; use Data to save a copy to your computer.",
                            Autosave::On => "Your work is saved in this browser automatically; use Data to save a copy to your computer.",
                            Autosave::Off(_) => "Your work is not being saved in this browser; use Data to save a copy to your computer.",
                            Autosave::Host => "Your work is kept only while this page is open; use Data to save a copy to your computer.",
                        } }
                    </p>
                </div>
            </@>
        </>
    }
}
