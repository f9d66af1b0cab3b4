//! The page's reducer and save format, on the host: every transition the views
//! rely on, without a browser.

use horizon_engine::{evaluate, Kind, Limits, ParamValue, RuleStatus};
use horizon_model::{Collection, Edit, HorizonCategory, HorizonItem, Item, Scenario, TimeHorizon};
use horizon_web::state::*;
use horizon_web::storage::{self, Found};

#[path = "web/charts.rs"]
mod charts;
#[path = "web/embed.rs"]
mod embed;
#[path = "web/history.rs"]
mod history;
#[path = "web/matrix_window.rs"]
mod matrix_window;
#[path = "web/present.rs"]
mod present;
#[path = "web/rule_tests.rs"]
mod rule_tests;

fn kent() -> AppState {
    AppState::new(Start::fresh())
}

/// Runs the evaluation the edge would run and feeds it back, as the app root does.
fn evaluated(state: AppState) -> AppState {
    let evaluation = evaluate(
        state.scenario(),
        &state.pack,
        &state.project.work.settings,
        &Limits::default(),
    );
    let revision = state.review.revision;
    let scenario = state.scenario().clone();
    state.apply(Action::Evaluated {
        revision,
        scenario,
        evaluation: Box::new(evaluation),
        millis: 1.5,
    })
}

fn headlines(state: &AppState) -> Vec<String> {
    state
        .review
        .evaluated
        .as_ref()
        .expect("evaluated")
        .lines
        .iter()
        .map(|l| l.headline.clone())
        .collect()
}

fn score_of(state: &AppState, headline: &str) -> Option<f64> {
    state
        .review
        .evaluated
        .as_ref()?
        .lines
        .iter()
        .find(|l| l.headline == headline)
        .map(|l| l.score)
}

fn add_item(item: HorizonItem) -> Action {
    Action::edit(Edit::Add(Item::HorizonItem(item)))
}

fn rule_change(change: Change) -> Action {
    Action::Change(change)
}

fn item(title: &str) -> HorizonItem {
    HorizonItem {
        id: String::new(),
        category: "social".into(),
        title: title.into(),
        detail: String::new(),
        time_horizon: TimeHorizon::Now,
        likelihood: 3,
        impact: 4,
        themes: vec!["safeguarding".into()],
        source: String::new(),
        district: None,
    }
}

#[test]
fn starts_from_kent_and_its_suggestions_come_back_through_the_reducer() {
    let s = kent();
    assert_eq!(s.session.route.view, View::Review);
    assert!(
        !s.is_current(),
        "nothing is evaluated until the edge runs the engine"
    );
    let s = evaluated(s);
    assert!(s.is_current());
    let h = headlines(&s);
    for expected in [
        "Consolidate Violent Crime and Acquisitive Crime into Serious & Organised Crime",
        "Add Safeguarding",
        "Retain Domestic Abuse",
        "Retain Anti-Social Behaviour",
        "Retain Substance Misuse",
        "Retain Road Safety",
    ] {
        assert!(
            h.iter().any(|x| x == expected),
            "missing {expected:?} in {h:?}"
        );
    }
    assert!(
        s.session.status.contains("suggested changes"),
        "{}",
        s.session.status
    );
}

#[test]
fn cycling_a_cell_walks_the_levels_and_marks_a_change_to_evaluate_at_once() {
    let mut s = kent();
    let start = s.scenario().level("ashford", "domestic-abuse");
    let mut seen = vec![start];
    for _ in 0..4 {
        let before = s.review.revision;
        s = s.apply(Action::CycleCell {
            district: "ashford".into(),
            theme: "domestic-abuse".into(),
        });
        assert_eq!(s.review.revision, before + 1);
        assert_eq!(s.review.urgency, Urgency::Now);
        seen.push(s.scenario().level("ashford", "domestic-abuse"));
    }
    assert_eq!(
        seen.first(),
        seen.last(),
        "four steps come back to where they started"
    );
    let distinct: std::collections::BTreeSet<_> = seen.iter().collect();
    assert_eq!(
        distinct.len(),
        4,
        "none, main, subsidiary and issue each appear: {seen:?}"
    );
    assert!(
        s.session
            .status
            .starts_with("Ashford — Domestic Abuse: now"),
        "{}",
        s.session.status
    );
}

#[test]
fn an_unknown_cell_changes_nothing() {
    let s = kent();
    let before = s.scenario().clone();
    let s = s.apply(Action::CycleCell {
        district: "atlantis".into(),
        theme: "domestic-abuse".into(),
    });
    assert!(s.scenario().same(&before));
    assert_eq!(s.review.revision, 0);
}

#[test]
fn clearing_safeguarding_across_districts_lowers_or_removes_add_safeguarding() {
    let mut s = evaluated(kent());
    let before = score_of(&s, "Add Safeguarding").expect("Kent suggests adding Safeguarding");
    let districts: Vec<String> = s
        .scenario()
        .districts
        .iter()
        .map(|d| d.id.clone())
        .collect();
    for d in &districts {
        while s.scenario().level(d, "safeguarding").is_some() {
            s = s.apply(Action::CycleCell {
                district: d.clone(),
                theme: "safeguarding".into(),
            });
        }
    }
    assert_eq!(s.scenario().district_count("safeguarding"), 0);
    let s = evaluated(s);
    match score_of(&s, "Add Safeguarding") {
        None => {}
        Some(after) => assert!(after < before, "{after} should be below {before}"),
    }
    assert!(!s.review.movements.is_empty(), "the change is reported");
    assert!(
        s.session.status.contains("Suggestions changed"),
        "{}",
        s.session.status
    );
}

#[test]
fn a_late_evaluation_of_an_older_revision_is_ignored() {
    let s = kent();
    let old_eval = evaluate(
        s.scenario(),
        &s.pack,
        &s.project.work.settings,
        &Limits::default(),
    );
    let old_scenario = s.scenario().clone();
    let s = s.apply(Action::CycleCell {
        district: "ashford".into(),
        theme: "safeguarding".into(),
    });
    let s = evaluated(s);
    let newest = s.review.evaluated.as_ref().unwrap().revision;
    let s = s.apply(Action::Evaluated {
        revision: 0,
        scenario: old_scenario,
        evaluation: Box::new(old_eval),
        millis: 1.0,
    });
    assert_eq!(s.review.evaluated.as_ref().unwrap().revision, newest);
    assert!(s.is_current());
}

#[test]
fn the_matrix_order_stays_put_while_editing_until_sorted_again() {
    let mut s = kent().apply(Action::Navigate(Route::to(View::Matrix)));
    assert_eq!(s.session.matrix_sort, MatrixSort::ByCount);
    let first = s.session.matrix_order[0].clone();
    assert_eq!(
        first, "domestic-abuse",
        "most districts name Domestic Abuse"
    );
    let districts: Vec<String> = s
        .scenario()
        .districts
        .iter()
        .map(|d| d.id.clone())
        .collect();
    for d in &districts {
        while s.scenario().level(d, "domestic-abuse").is_some() {
            s = s.apply(Action::CycleCell {
                district: d.clone(),
                theme: "domestic-abuse".into(),
            });
        }
    }
    assert_eq!(
        s.session.matrix_order[0], "domestic-abuse",
        "rows do not jump under the pointer"
    );
    assert!(s.matrix_order_is_stale());
    let s = s.apply(Action::SortMatrix(MatrixSort::ByCount));
    assert_ne!(s.session.matrix_order[0], "domestic-abuse");
    assert!(!s.matrix_order_is_stale());
    let s = s.apply(Action::SortMatrix(MatrixSort::ByName));
    let names: Vec<String> = s
        .session
        .matrix_order
        .iter()
        .map(|id| s.scenario().theme(id).unwrap().name.to_lowercase())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
}

#[test]
fn horizon_items_are_added_edited_and_deleted_with_fresh_unique_ids() {
    let s = kent();
    let n = s.scenario().horizon.len();
    let s = s.apply(add_item(item("County lines")));
    let s = s.apply(add_item(item("County lines")));
    assert_eq!(s.scenario().horizon.len(), n + 2);
    let ids: Vec<&str> = s.scenario().horizon[n..]
        .iter()
        .map(|h| h.id.as_str())
        .collect();
    assert_eq!(ids, ["county-lines", "county-lines-2"]);
    assert!(horizon_model::validate(s.scenario()).is_empty());

    let mut edited = item("County lines drug dealing");
    edited.impact = 2;
    let s = s.apply(Action::edit(Edit::Update {
        id: "county-lines".into(),
        item: Item::HorizonItem(edited),
    }));
    let h = s
        .scenario()
        .horizon
        .iter()
        .find(|h| h.id == "county-lines")
        .unwrap();
    assert_eq!(
        (h.title.as_str(), h.impact),
        ("County lines drug dealing", 2)
    );

    let r = s.review.revision;
    let s = s.apply(Action::edit(Edit::Remove {
        collection: Collection::Horizon,
        id: "county-lines-2".into(),
    }));
    assert_eq!(s.scenario().horizon.len(), n + 1);
    assert_eq!(s.review.revision, r + 1);
}

#[test]
fn an_item_that_is_not_valid_is_refused_by_the_reducer_too() {
    let s = kent();
    let mut bad = item("Out of range");
    bad.likelihood = 9;
    let s = s.apply(add_item(bad));
    assert_eq!(s.review.revision, 0);
}

#[test]
fn a_hostile_title_is_kept_as_plain_text() {
    let title = "<img src=x onerror=alert(1)>";
    let s = kent().apply(add_item(item(title)));
    let h = s.scenario().horizon.last().unwrap();
    assert_eq!(h.title, title);
    assert_eq!(h.id, "img-src-x-onerror-alert-1");
}

#[test]
fn the_form_draft_reports_every_problem_in_words() {
    let s = kent();
    let draft = HorizonDraft {
        category: "nowhere".into(),
        time_horizon: "soon".into(),
        likelihood: "7".into(),
        ..Default::default()
    };
    // Text that cannot be read is the form's to report, and what may stand in the
    // scenario the model's: every problem at once, in the form's order.
    let errors = draft.to_edit(s.scenario(), None).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        ["title", "category", "time-horizon", "likelihood", "impact"]
    );
    assert_eq!(errors[0].message, "The horizon item has no title.");
    assert!(errors[2].message.starts_with("Choose when"));
    assert!(
        errors[3].message.contains("from 1 to 4, not 7"),
        "{}",
        errors[3].message
    );

    let mut ok = HorizonDraft::blank(s.scenario(), None);
    ok.title = "  Online fraud  ".into();
    ok.likelihood = "3".into();
    ok.impact = "2".into();
    ok.themes = vec!["digital-crime".into(), "acquisitive-crime".into()];
    let item = match ok.to_edit(s.scenario(), None).unwrap() {
        Edit::Add(Item::HorizonItem(item)) => item,
        other => panic!("{other:?}"),
    };
    assert_eq!(item.title, "Online fraud");
    assert_eq!(item.category, "political");
    assert_eq!(
        item.themes,
        ["acquisitive-crime", "digital-crime"],
        "in the scenario's order"
    );
}

#[test]
fn categories_can_be_added_renamed_and_deleted_only_when_empty() {
    let s = kent();
    use horizon_web::forms::category_edit;
    assert!(category_edit(s.scenario(), "  ", None).is_err());
    assert_eq!(
        category_edit(s.scenario(), "political", None).unwrap_err(),
        "Another horizon category is already called \"political\".",
        "names are unique, ignoring case"
    );
    let add = category_edit(s.scenario(), "Resilience", None).unwrap();
    let s = s.apply(Action::edit(add));
    let c = s.scenario().categories.last().unwrap().clone();
    assert_eq!(
        (c.id.as_str(), c.name.as_str()),
        ("resilience", "Resilience")
    );
    let s = s.apply(Action::edit(Edit::Update {
        id: c.id.clone(),
        item: Item::Category(HorizonCategory {
            id: c.id.clone(),
            name: "Resilience and recovery".into(),
        }),
    }));
    assert_eq!(
        s.scenario().category("resilience").unwrap().name,
        "Resilience and recovery"
    );

    let r = s.review.revision;
    let s = s.apply(Action::edit(Edit::Remove {
        collection: Collection::Categories,
        id: "political".into(),
    }));
    assert!(
        s.scenario().category("political").is_some(),
        "political still holds items"
    );
    assert_eq!(s.review.revision, r);
    let s = s.apply(Action::edit(Edit::Remove {
        collection: Collection::Categories,
        id: "resilience".into(),
    }));
    assert!(s.scenario().category("resilience").is_none());
    assert!(horizon_model::validate(s.scenario()).is_empty());
}

#[test]
fn a_syntax_error_in_one_rule_leaves_the_others_suggesting() {
    let s = kent();
    let i = s
        .pack
        .iter()
        .position(|r| r.id() == "retain-supported-focus-areas")
        .unwrap();
    let text = s.rule_files()[i].text.replace(
        "for fa in review.focus_areas() {",
        "for fa in review.focus_areas() {{",
    );
    let file = s.rule_files()[i].name.clone();
    let s = s.apply(rule_change(Change::RuleText { file, text }));
    assert_eq!(
        s.review.urgency,
        Urgency::AfterTyping,
        "typing waits for a pause"
    );
    let s = evaluated(s);
    let e = &s.review.evaluated.as_ref().unwrap().evaluation;
    let t = &e.trace[i];
    assert_eq!(t.status, RuleStatus::Failed);
    let d = &t.diagnostics[0];
    assert!(d.line.is_some() && d.column.is_some(), "{d:?}");
    assert!(
        headlines(&s).iter().any(|h| h == "Add Safeguarding"),
        "the other rules still suggest"
    );
    assert!(!headlines(&s).iter().any(|h| h.starts_with("Retain")));
}

#[test]
fn a_rule_added_from_the_template_works_and_a_loop_is_stopped() {
    let s = kent().apply(Action::AddRuleFromTemplate);
    let i = s.rule_files().len() - 1;
    assert_eq!(s.selected_rule(), i);
    assert_eq!(s.pack[i].id(), "my-rule-1");
    let s = evaluated(s);
    let t = &s.review.evaluated.as_ref().unwrap().evaluation.trace[i];
    assert!(
        t.diagnostics.is_empty(),
        "the template is a working rule: {:?}",
        t.diagnostics
    );
    assert_ne!(t.status, RuleStatus::Failed);

    let s = s.apply(Action::AddRuleFromTemplate);
    assert_eq!(s.pack[i + 1].id(), "my-rule-2");

    let looping = s.rule_files()[i].text.clone() + "\nloop {}\n";
    let file = s.rule_files()[i].name.clone();
    let s = evaluated(s.apply(rule_change(Change::RuleText {
        file,
        text: looping,
    })));
    let t = &s.review.evaluated.as_ref().unwrap().evaluation.trace[i];
    assert_eq!(t.status, RuleStatus::Failed);
    assert_eq!(
        t.diagnostics[0].kind,
        horizon_engine::DiagnosticKind::OperationsLimit
    );
    assert!(headlines(&s).iter().any(|h| h == "Add Safeguarding"));
}

#[test]
fn switching_rules_off_changing_parameters_deleting_and_resetting() {
    let s = kent();
    let s = s.apply(rule_change(Change::SetRuleEnabled {
        rule: "retain-supported-focus-areas".into(),
        enabled: false,
    }));
    assert!(!s
        .project
        .work
        .settings
        .is_enabled("retain-supported-focus-areas"));
    let s = evaluated(s);
    assert!(!headlines(&s).iter().any(|h| h.starts_with("Retain")));

    let s = s.apply(rule_change(Change::SetRuleEnabled {
        rule: "retain-supported-focus-areas".into(),
        enabled: true,
    }));
    let s = s.apply(rule_change(Change::SetParam {
        rule: "retain-supported-focus-areas".into(),
        name: "min_support".into(),
        value: Some(ParamValue::Number(0.99)),
    }));
    assert_eq!(s.review.urgency, Urgency::AfterTyping);
    let s = evaluated(s);
    assert!(
        !headlines(&s).iter().any(|h| h == "Retain Road Safety"),
        "a high bar retains less"
    );

    let s = s.apply(rule_change(Change::SetParam {
        rule: "retain-supported-focus-areas".into(),
        name: "min_support".into(),
        value: None,
    }));
    assert!(
        s.project.work.settings.params.is_empty(),
        "back to the default leaves no setting behind"
    );

    let n = s.rule_files().len();
    let s = s.apply(rule_change(Change::SetRuleEnabled {
        rule: "too-many-priorities".into(),
        enabled: false,
    }));
    let i = s
        .pack
        .iter()
        .position(|r| r.id() == "too-many-priorities")
        .unwrap();
    let file = s.rule_files()[i].name.clone();
    let s = s.apply(rule_change(Change::DeleteRule { file }));
    assert_eq!(s.rule_files().len(), n - 1);
    assert!(
        s.project.work.settings.disabled.is_empty(),
        "the deleted rule's settings go with it"
    );

    let s = s
        .apply(Action::AddRuleFromTemplate)
        .apply(rule_change(Change::ResetRules));
    assert_eq!(**s.rule_files(), horizon_engine::shipped_rule_files());
    assert_eq!(
        *s.project.work.settings,
        horizon_engine::Settings::default()
    );
}

#[test]
fn loading_a_scenario_replaces_it_and_a_failed_import_changes_nothing() {
    let s = evaluated(kent());
    let before = s.scenario().clone();
    let report = ImportReport {
        file_name: "bad.json".into(),
        problems: vec!["Line 1, column 2: oops".into()],
    };
    let s = s.apply(Action::ImportFailed(report.clone()));
    assert!(s.scenario().same(&before));
    assert_eq!(s.review.revision, 0);
    assert_eq!(s.session.import_problems, Some(report));
    assert!(s.session.status.contains("unchanged"));

    let thanet = horizon_model::example("thanet-2016-17").unwrap().scenario();
    let s = s.apply(Action::LoadScenario {
        scenario: Box::new(thanet),
        source: "thanet.json".into(),
    });
    assert_eq!(
        s.scenario().plan().name,
        "Thanet Community Safety Plan 2016-17"
    );
    assert!(s.session.import_problems.is_none());
    assert_eq!(s.review.revision, 1);
    assert_eq!(s.session.status, "Opened thanet.json.");
    // The suggestions for Thanet are not reported as changes to Kent's.
    let s = evaluated(s);
    assert!(s.review.movements.is_empty());
    assert!(
        s.session.status.starts_with("Opened thanet.json. "),
        "{}",
        s.session.status
    );
    assert!(
        s.session.status.ends_with(&format!(
            " of {} rules.",
            horizon_engine::shipped_rule_files().len()
        )),
        "{}",
        s.session.status
    );
}

#[test]
fn malformed_json_is_reported_with_line_and_column() {
    let err = Scenario::from_json("{\n  \"schema_version\": 1,\n  oops\n}").unwrap_err();
    let problems = horizon_web::project::problems_of(&err);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("Line 3, column 3:"), "{problems:?}");
}

#[test]
fn the_save_round_trips_scenario_rules_settings_and_view() {
    let s = kent()
        .apply(Action::CycleCell {
            district: "ashford".into(),
            theme: "gangs".into(),
        })
        .apply(Action::AddRuleFromTemplate)
        .apply(rule_change(Change::SetRuleEnabled {
            rule: "watch-emerging-issues".into(),
            enabled: false,
        }))
        .apply(Action::Navigate(Route::to(View::Rules)));
    let text = storage::encode(&s);
    let start = storage::decode(&text).expect("a save reads back");
    assert!(start.project.work.same_as(&s.project.work));
    assert_eq!(start.route.view, View::Rules);
    let restored = AppState::new(start);
    assert_eq!(
        restored.scenario().level("ashford", "gangs"),
        s.scenario().level("ashford", "gangs")
    );
    assert_ne!(
        restored.scenario().level("ashford", "gangs"),
        kent().scenario().level("ashford", "gangs"),
        "the edit is in the save"
    );
}

#[test]
fn an_unreadable_save_is_recognised_not_trusted() {
    assert!(matches!(storage::interpret(None), Found::Nothing));
    for bad in ["{not json", "[]", r#"{"app":"other","format":1}"#, ""] {
        match storage::interpret(Some(bad.into())) {
            Found::Unreadable { text, reason } => {
                assert_eq!(text, bad, "the text is kept exactly, to be set aside");
                assert!(!reason.is_empty());
            }
            _ => panic!("{bad:?} was read as usable"),
        }
    }
    // Well-formed but with a scenario that contradicts itself.
    let mut s = kent();
    s.project
        .history
        .update(|h| h.base.scenario.update(|x| x.horizon[0].likelihood = 9));
    match storage::interpret(Some(storage::encode(&s))) {
        Found::Unreadable { reason, .. } => assert!(reason.contains("likelihood"), "{reason}"),
        _ => panic!("a save with an invalid scenario was read as usable"),
    }
}

#[test]
fn kept_aside_saves_never_share_a_key() {
    let taken = [
        "horizon.autosave.unreadable.1".to_string(),
        "horizon.autosave.unreadable.2".to_string(),
    ];
    let key = storage::aside_key(|k| taken.iter().any(|t| t == k));
    assert_eq!(key, "horizon.autosave.unreadable.3");
    assert_ne!(key, storage::SAVE_KEY);
}

#[test]
fn autosave_failure_raises_one_notice_and_turns_autosave_off() {
    let s = kent()
        .apply(Action::AutosaveFailed("full".into()))
        .apply(Action::AutosaveFailed("still full".into()));
    assert_eq!(s.session.notices.len(), 1);
    assert_eq!(s.session.autosave, Autosave::Off("still full".into()));
    let s = s.apply(Action::DismissNotice(0));
    assert!(s.session.notices.is_empty());
}

#[test]
fn movements_name_new_gone_and_rescored_suggestions() {
    let line = |h: &str, score| SuggestionLine {
        id: horizon_engine::SuggestionId::new(Kind::Add, [h]),
        kind: Kind::Add,
        headline: h.into(),
        score,
    };
    let before = [
        line("Add A", 50.0),
        line("Add B", 40.0),
        line("Add C", 30.0),
    ];
    let after = [
        line("Add A", 50.0),
        line("Add B", 35.5),
        line("Add D", 20.0),
    ];
    let m = movements(&before, &after);
    assert_eq!(
        m,
        [
            Movement::Rescored {
                headline: "Add B".into(),
                from: 40.0,
                to: 35.5
            },
            Movement::New {
                headline: "Add D".into(),
                score: 20.0
            },
            Movement::Gone {
                headline: "Add C".into(),
                score: 30.0
            },
        ]
    );
    assert_eq!(describe_movements(&[]), "The suggestions did not change.");
    assert!(describe_movements(&m).contains("Add B 40.0 → 35.5"));
}

#[test]
fn navigation_keeps_the_work_and_ids_are_slugs() {
    let s = kent().apply(Action::Navigate(Route::to(View::Data)));
    assert_eq!(s.session.route.view, View::Data);
    assert_eq!(
        s.review.revision, 0,
        "changing view is not a change to evaluate"
    );
    use horizon_model::{slug, unique_id};
    assert_eq!(
        slug("Safeguarding & Vulnerability!", "x"),
        "safeguarding-vulnerability"
    );
    assert_eq!(slug("★★★", "item"), "item");
    assert_eq!(unique_id("a", |c| c == "a" || c == "a-2"), "a-3");
}

#[path = "web/plan_forms.rs"]
mod plan_forms;

#[path = "web/context_forms.rs"]
mod context_forms;

#[path = "web/import.rs"]
mod import;

#[path = "web/report.rs"]
mod report;

#[path = "web/alignment.rs"]
mod alignment;

#[path = "web/firmness.rs"]
mod firmness;

#[path = "web/event_forms.rs"]
mod event_forms;

#[path = "web/stopped.rs"]
mod stopped;

#[path = "web/tabs.rs"]
mod tabs;
