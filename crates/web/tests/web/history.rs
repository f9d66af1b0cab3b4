//! Undo and redo, snapshots, compare, the project file and the autosave, through the
//! reducer as the page drives them.

use horizon_engine::{evaluate, Comparison, Limits, ParamValue};
use horizon_model::{Collection, District, Edit, Item, Level};
use horizon_web::history::{CHECKPOINT, LIMIT};
use horizon_web::project::{self, Opened, ProjectFile};
use horizon_web::state::*;
use horizon_web::storage;

fn kent() -> AppState {
    AppState::new(Start::fresh())
}

fn set(district: &str, theme: &str, level: Option<Level>) -> Action {
    Action::edit(Edit::SetCell {
        district: district.into(),
        theme: theme.into(),
        level,
    })
}

/// A mixed sequence: cells, a new district, a focus area removed, a rule switched
/// off, a parameter moved, a rule file edited.
fn mixed(s: AppState) -> AppState {
    let file = s.rule_files()[0].name.clone();
    let text = s.rule_files()[0].text.clone() + "\n// a note\n";
    s.apply(set("swale", "domestic-abuse", None))
        .apply(Action::edit(Edit::Add(Item::District(District {
            id: String::new(),
            name: "Medway".into(),
            aliases: Vec::new(),
        }))))
        .apply(set("medway", "gangs", Some(Level::Main)))
        .apply(Action::edit(Edit::Remove {
            collection: Collection::FocusAreas,
            id: "road-safety".into(),
        }))
        .apply(Action::Change(Change::SetRuleEnabled {
            rule: "watch-emerging-issues".into(),
            enabled: false,
        }))
        .apply(Action::Change(Change::SetParam {
            rule: "retain-supported-focus-areas".into(),
            name: "min_support".into(),
            value: Some(ParamValue::Number(0.6)),
        }))
        .apply(Action::Change(Change::RuleText { file, text }))
}

#[test]
fn undo_over_mixed_edits_returns_exactly_the_earlier_work_and_redo_comes_back() {
    let start = kent();
    let before = start.project.work.clone();
    let s = mixed(start);
    let after = s.project.work.clone();
    assert_eq!(s.project.history.steps.len(), 7);
    assert!(!after.same_as(&before));
    let mut s = s;
    for _ in 0..7 {
        s = s.apply(Action::Undo);
    }
    assert!(
        s.project.work.same_as(&before),
        "seven undos return to Kent"
    );
    assert!(
        s.session
            .status
            .starts_with("Undone: Swale — Domestic Abuse"),
        "{}",
        s.session.status
    );
    let s = s.apply(Action::Undo);
    assert_eq!(s.session.status, "There is nothing to undo.");
    let mut s = s;
    for _ in 0..7 {
        s = s.apply(Action::Redo);
    }
    assert!(
        s.project.work.same_as(&after),
        "seven redos make every change again"
    );
    assert_eq!(*s.project.work.settings, *after.settings);
    // Undoing three then making a new change drops what was undone.
    let s = s
        .apply(Action::Undo)
        .apply(Action::Undo)
        .apply(Action::Undo)
        .apply(set("dover", "gangs", Some(Level::Issue)));
    assert_eq!(s.project.history.steps.len(), 5);
    assert!(!s.project.history.can_redo());
}

#[test]
fn each_undo_marks_a_change_to_evaluate_and_rereads_changed_rules() {
    let s = kent().apply(Action::AddRuleFromTemplate);
    let n = s.pack.len();
    let r = s.review.revision;
    let s = s.apply(Action::Undo);
    assert_eq!(s.review.revision, r + 1);
    assert_eq!(
        s.pack.len(),
        n - 1,
        "the template rule is gone from the pack too"
    );
}

#[test]
fn typing_in_one_rule_is_one_undo_step() {
    let s = kent();
    let file = s.rule_files()[0].name.clone();
    let base = s.rule_files()[0].text.clone();
    let mut s = s;
    for i in 1..=20 {
        s = s.apply(Action::Change(Change::RuleText {
            file: file.clone(),
            text: format!("{base}{}", "x".repeat(i)),
        }));
    }
    assert_eq!(s.project.history.steps.len(), 1);
    let s = s.apply(Action::Undo);
    assert_eq!(s.rule_files()[0].text, base);
}

#[test]
fn the_history_is_capped_and_says_nothing_is_lost_from_the_work() {
    let mut s = kent();
    for i in 0..LIMIT + 30 {
        let level = if i % 2 == 0 { None } else { Some(Level::Main) };
        s = s.apply(set("swale", "gangs", level));
    }
    let kept = s.project.history.steps.len();
    assert!(
        (LIMIT..LIMIT + CHECKPOINT).contains(&kept),
        "{kept} steps kept"
    );
    let latest = s.project.work.clone();
    assert!(
        s.project.history.replay().same_as(&latest),
        "the base absorbed the oldest steps"
    );
    for _ in 0..kept {
        s = s.apply(Action::Undo);
    }
    assert!(!s.project.history.can_undo());
    assert!(s.project.work.same_as(&s.project.history.base));
}

#[test]
fn a_refused_edit_is_said_and_changes_nothing() {
    let s = kent();
    let r = s.review.revision;
    let s = s.apply(Action::edit(Edit::Add(Item::District(District {
        id: String::new(),
        name: "swale".into(),
        aliases: Vec::new(),
    }))));
    assert_eq!(s.review.revision, r);
    assert_eq!(
        s.session.status,
        "Another district is already called \"swale\"."
    );
    assert!(s.project.history.steps.is_empty());
}

#[test]
fn snapshots_are_saved_restored_renamed_and_deleted_and_the_baseline_is_kept() {
    let s = kent();
    assert_eq!(s.project.snapshots.len(), 1);
    assert_eq!(s.project.snapshots[0].name, BASELINE);
    assert_eq!(
        s.project.started().map(|(x, c)| (x.name.as_str(), c)),
        Some((BASELINE, false))
    );
    let s = s.apply(set("swale", "domestic-abuse", None));
    assert_eq!(
        s.project.started().map(|(_, c)| c),
        Some(true),
        "changed since the Baseline"
    );
    let s = s.apply(Action::SaveSnapshot {
        name: "What if Swale drops DA".into(),
        taken: None,
    });
    assert_eq!(s.project.snapshots.len(), 2);
    assert_eq!(
        s.project.started().map(|(x, c)| (x.name.as_str(), c)),
        Some(("What if Swale drops DA", false))
    );
    let refused = s.clone().apply(Action::SaveSnapshot {
        name: "  what if swale DROPS da ".into(),
        taken: None,
    });
    assert_eq!(refused.project.snapshots.len(), 2);
    assert!(refused
        .session
        .status
        .starts_with("There is already a snapshot called"));
    let s = s.apply(Action::RestoreSnapshot(1));
    assert!(
        s.project.work.same_as(&kent().project.work),
        "the Baseline is Kent"
    );
    assert_eq!(s.project.started_from, Some(1));
    let s = s.apply(Action::Undo);
    assert_eq!(
        s.scenario().level("swale", "domestic-abuse"),
        None,
        "restoring can be undone"
    );
    let id = s.project.snapshots[1].id;
    let s = s.apply(Action::RenameSnapshot {
        id,
        name: "Swale without DA".into(),
    });
    assert_eq!(s.project.snapshots[1].name, "Swale without DA");
    let s = s.apply(Action::Compare(Side::Snapshot(id), Side::Working));
    let s = s.apply(Action::DeleteSnapshot(id));
    assert_eq!(s.project.snapshots.len(), 1);
    assert_eq!(
        s.session.compare.0,
        Side::Working,
        "a deleted snapshot leaves the comparison"
    );
}

#[test]
fn comparing_the_baseline_with_a_what_if_names_the_score_change() {
    let s = kent()
        .apply(set("swale", "domestic-abuse", None))
        .apply(set("dover", "domestic-abuse", None));
    let run = |w: &Work| {
        evaluate(
            &w.scenario,
            &horizon_engine::parse_rules(&w.rules),
            &w.settings,
            &Limits::default(),
        )
    };
    let base = s.project.side(Side::Snapshot(1)).unwrap().clone();
    let now = s.project.side(Side::Working).unwrap().clone();
    let (a, b) = (run(&base), run(&now));
    let c = Comparison::new(&a, &base.scenario, &b, &now.scenario);
    let said: Vec<String> = c.suggestions.iter().map(|x| x.describe()).collect();
    assert_eq!(said.len(), 1, "only Retain Domestic Abuse moves: {said:?}");
    assert!(
        said[0].starts_with("Retain Domestic Abuse falls from 64.9 to "),
        "{said:?}"
    );
    assert_eq!(c.differences.len(), 2, "two cells differ");
    assert!(horizon_web::work::rule_differences(&base, &now).is_empty());
}

#[test]
fn opening_a_scenario_is_undoable_makes_a_new_baseline_and_is_said() {
    let s = kent().apply(Action::SaveSnapshot {
        name: "Kent as it was".into(),
        taken: None,
    });
    let thanet = horizon_model::example("thanet-2016").unwrap().scenario();
    let s = s.apply(Action::LoadScenario {
        scenario: Box::new(thanet.clone()),
        source: "thanet.json".into(),
    });
    assert_eq!(**s.scenario(), thanet);
    let names: Vec<&str> = s
        .project
        .snapshots
        .iter()
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            BASELINE,
            "Baseline before thanet.json: Kent Community Safety Agreement 2014-17: annual review, March 2016",
            "Kent as it was"
        ],
        "the earlier Baseline is kept under a name that says what it was"
    );
    assert_eq!(
        s.project.started().map(|(x, c)| (x.name.as_str(), c)),
        Some((BASELINE, false))
    );
    assert_eq!(s.review.opened.as_deref(), Some("thanet.json"));
    let s = s.apply(Action::Undo);
    assert_eq!(s.scenario().meta.title, kent().scenario().meta.title);
}

#[test]
fn the_autosave_keeps_history_snapshots_and_place_and_reads_an_old_save() {
    let s = mixed(kent())
        .apply(Action::SaveSnapshot {
            name: "What-if".into(),
            taken: Some("23 Nov 2026, 20:52".into()),
        })
        .apply(Action::Undo)
        .apply(Action::Navigate(Route {
            view: View::Rules,
            rule: Some("watch-emerging-issues".into()),
            round: None,
        }));
    let text = storage::encode(&s);
    let start = storage::decode(&text).expect("a save reads back");
    assert!(start.project.work.same_as(&s.project.work));
    let json = |h: &horizon_web::history::History| serde_json::to_string(h).unwrap();
    assert_eq!(json(&start.project.history), json(&s.project.history));
    assert_eq!(start.project.snapshots.len(), 2);
    assert_eq!(
        start.project.snapshots[1].taken.as_deref(),
        Some("23 Nov 2026, 20:52"),
        "when a snapshot was taken is kept"
    );
    assert_eq!(start.route.fragment(), "rules/watch-emerging-issues");
    let restored = AppState::new(start).apply(Action::Redo);
    assert!(restored.project.history.steps.len() == 7 && !restored.project.history.can_redo());

    // A save from before undo and snapshots (format 1) opens as its own Baseline.
    let old = serde_json::json!({
        "app": "horizon", "format": 1, "view": "matrix", "selected_rule": 0,
        "scenario": serde_json::from_str::<serde_json::Value>(horizon_model::example("thanet-2016").unwrap().json).unwrap(),
        "rules": horizon_engine::shipped_rule_files(),
        "settings": {}
    });
    let start = storage::decode(&old.to_string()).expect("format 1 still reads");
    assert_eq!(start.route.view, View::Matrix);
    assert_eq!(start.project.snapshots[0].name, BASELINE);
}

#[test]
fn a_project_file_round_trips_and_a_broken_one_lists_every_problem() {
    let s = kent()
        .apply(set("swale", "gangs", Some(Level::Main)))
        .apply(Action::SaveSnapshot {
            name: "Swale gangs".into(),
            taken: None,
        });
    let text = ProjectFile::of(&s.project).to_json();
    match project::open(&text) {
        Ok(o @ Opened::Project(_)) => {
            let p = o.into_project();
            assert!(p.work.same_as(&s.project.work));
            assert_eq!(p.snapshots.len(), 2);
            assert_eq!(p.next_snapshot, 3);
        }
        _ => panic!("the project did not open"),
    }
    // A bare scenario still opens.
    assert!(matches!(
        project::open(horizon_model::example("kent-2016").unwrap().json),
        Ok(Opened::Scenario(_))
    ));
    // Newer, broken and corrupt files say what and where; nothing opens.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["horizon_project"] = 9.into();
    let e = project::open(&v.to_string()).unwrap_err();
    assert!(e[0].contains("newer version of Horizon"), "{e:?}");
    v["horizon_project"] = 1.into();
    v["work"]["scenario"]["horizon"][0]["likelihood"] = 7.into();
    v["snapshots"][1]["work"]["scenario"]["themes"][0]["name"] = "".into();
    let e = project::open(&v.to_string()).unwrap_err();
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e[0].starts_with("work.scenario.horizon[0].likelihood:"),
        "{e:?}"
    );
    assert!(
        e[1].starts_with("snapshots[1].work.scenario.themes[0].name:"),
        "{e:?}"
    );
    let e = project::open("{\"horizon_project\": 1,\n \"work\": ").unwrap_err();
    assert!(e[0].starts_with("Line 2, column"), "{e:?}");
}

#[test]
fn routes_are_url_fragments() {
    for (fragment, view, rule) in [
        ("matrix", View::Matrix, None),
        ("#compare", View::Compare, None),
        (
            "rules/retain-supported-focus-areas",
            View::Rules,
            Some("retain-supported-focus-areas"),
        ),
        ("plan", View::Plan, None),
    ] {
        let r = Route::parse(fragment).expect(fragment);
        assert_eq!((r.view, r.rule.as_deref()), (view, rule));
        assert_eq!(Route::parse(&r.fragment()), Some(r));
    }
    assert_eq!(Route::parse("nowhere"), None);
    assert_eq!(Route::parse(""), None);
    let s = kent().apply(Action::Navigate(Route::to(View::Compare)));
    assert_eq!(s.session.navigations, 1);
    assert_eq!(s.review.revision, 0, "moving is not a change");
}

#[test]
fn kent_with_ten_snapshots_and_two_hundred_steps_fits_the_browsers_storage() {
    let mut s = kent();
    let districts: Vec<String> = s
        .scenario()
        .districts
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let themes: Vec<String> = s.scenario().themes.iter().map(|t| t.id.clone()).collect();
    for i in 0..200 {
        let (d, t) = (&districts[i % districts.len()], &themes[i % themes.len()]);
        s = s.apply(Action::CycleCell {
            district: d.clone(),
            theme: t.clone(),
        });
        if i % 20 == 19 {
            s = s.apply(Action::SaveSnapshot {
                name: format!("What-if {}", i / 20 + 1),
                taken: None,
            });
        }
    }
    assert_eq!(s.project.history.steps.len(), 200);
    assert_eq!(
        s.project.snapshots.len(),
        11,
        "the Baseline and ten what-ifs"
    );
    let bytes = storage::encode(&s).len();
    // localStorage holds about 5 million characters per site; leave room for the
    // kept-aside copy of an unreadable save.
    println!("autosave of Kent with 10 snapshots and 200 steps: {bytes} bytes");
    assert!(bytes < 2_500_000, "{bytes} bytes");
}

#[test]
fn starting_a_new_review_opens_it_as_the_baseline_and_can_be_undone() {
    let blank =
        horizon_web::forms::new_review::blank_scenario(horizon_model::PlanKind::DistrictPlan);
    let s = kent().apply(Action::edit(Edit::Replace(Box::new(blank.clone()))));
    assert_eq!(**s.scenario(), blank);
    assert_eq!(s.project.snapshots[0].name, BASELINE);
    assert!(s.project.snapshots[0].work.same_as(&s.project.work));
    assert!(
        s.review.opened.is_some(),
        "said as opened, not as an edit to Kent"
    );
    let s = s.apply(Action::Undo);
    assert_eq!(s.scenario().meta.title, kent().scenario().meta.title);
    // A scenario that is not valid is not opened at all.
    let mut bad = blank;
    bad.meta.title.clear();
    let r = kent().apply(Action::edit(Edit::Replace(Box::new(bad))));
    assert!(
        r.session.status.contains("could not be opened"),
        "{}",
        r.session.status
    );
    assert!(r.project.history.steps.is_empty());
}
