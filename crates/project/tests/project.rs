//! The project crate's one integration-test binary: changes to the work, the undo
//! history, snapshots and the project file, as the page and the command line use them.

use horizon_engine::{shipped_rule_files, ParamValue, RuleFile};
use horizon_model::{Edit, Level, Scenario};
use horizon_project::history::{CHECKPOINT, LIMIT};
use horizon_project::work::rule_differences;
use horizon_project::{open, Change, History, Opened, Project, ProjectFile, Snapshot, Work};

fn kent() -> Scenario {
    horizon_model::example("kent-2016").unwrap().scenario()
}

fn cell(district: &str, level: Option<Level>) -> Change {
    Change::Scenario(Edit::SetCell {
        district: district.into(),
        theme: "domestic-abuse".into(),
        level,
    })
}

/// Makes `change` on `work` and records it, as the page does.
fn record(h: &mut History, work: &mut Work, change: Change) {
    let said = work.apply(&change).expect("the change is made");
    h.record(change, said, work);
}

#[path = "project/files.rs"]
mod files;

#[test]
fn rule_changes_are_judged_here_and_said_in_the_rules_words() {
    let mut w = Work::of(kent());
    let said = w
        .apply(&Change::SetParam {
            rule: "retain-supported-focus-areas".into(),
            name: "min_support".into(),
            value: Some(ParamValue::Number(0.6)),
        })
        .unwrap();
    assert_eq!(
        said,
        "“Weighted share of districts at which retaining it starts to count” in rule “Retain focus areas the districts still name” is now 0.6."
    );
    let r = w
        .apply(&Change::RuleText {
            file: "nowhere.rhai".into(),
            text: String::new(),
        })
        .unwrap_err();
    assert_eq!(r.message, "there is no rule file nowhere.rhai");
    let r = w
        .apply(&Change::AddRule(RuleFile {
            name: shipped_rule_files()[0].name.clone(),
            text: String::new(),
        }))
        .unwrap_err();
    assert!(r.message.starts_with("there is already a rule file"));
    // Deleting a rule file takes its settings with it.
    let file = w
        .rules
        .iter()
        .find(|f| f.name.starts_with("retain-supported"))
        .unwrap()
        .name
        .clone();
    w.apply(&Change::DeleteRule { file }).unwrap();
    assert!(w.settings.params.is_empty());
}

#[test]
fn rule_differences_name_files_switches_and_settings() {
    let before = Work::of(kent());
    let mut after = before.clone();
    after
        .apply(&Change::SetRuleEnabled {
            rule: "watch-emerging-issues".into(),
            enabled: false,
        })
        .unwrap();
    after
        .apply(&Change::AddRule(RuleFile {
            name: "mine.rhai".into(),
            text: "//! id: mine\n//! title: Mine\n".into(),
        }))
        .unwrap();
    let d = rule_differences(&before, &after);
    assert_eq!(
        d,
        [
            "Rule file mine.rhai added.",
            "Rule “Watch emerging issues not yet backed by data” switched off."
        ]
    );
    assert!(rule_differences(&after, &after).is_empty());
}

#[test]
fn the_history_replays_from_checkpoints_and_folds_past_its_limit() {
    let mut work = Work::of(kent());
    let mut h = History::new(work.clone());
    let mut states = vec![work.clone()];
    for i in 0..LIMIT + CHECKPOINT + 3 {
        let level = if i % 2 == 0 { None } else { Some(Level::Issue) };
        let district = ["swale", "dover", "ashford"][i % 3];
        record(&mut h, &mut work, cell(district, level));
        states.push(work.clone());
    }
    assert!(h.steps.len() >= LIMIT && h.steps.len() < LIMIT + CHECKPOINT);
    // Every undo gives exactly the work as it was at that step.
    let kept = h.steps.len();
    for back in 1..=kept {
        let (w, _) = h.undo().unwrap();
        assert!(
            w.same_as(&states[states.len() - 1 - back]),
            "{back} steps back"
        );
    }
    assert!(h.undo().is_none());
    // Saved and read back, the history replays to the same work without checkpoints.
    let text = serde_json::to_string(&h).unwrap();
    let mut again: History = serde_json::from_str(&text).unwrap();
    again.cursor = 10;
    h.cursor = 10;
    assert!(again.replay().same_as(&h.replay()));
}

#[test]
fn a_project_file_opens_with_every_problem_listed_or_not_at_all() {
    let mut p = Project::opened(Work::of(kent()));
    p.snapshots.update(|s| {
        s.push(Snapshot {
            id: 2,
            name: "What if".into(),
            work: Work::of(kent()),
            taken: Some("23 Nov 2026, 20:52".into()),
        })
    });
    let text = ProjectFile::of(&p).to_json();
    assert!(
        !text.contains("\"rules\""),
        "the shipped rules are not written out"
    );
    let mut edited = p.clone();
    let file = edited.work.rules[0].name.clone();
    edited
        .work
        .apply(&Change::RuleText {
            file,
            text: "//! id: mine\n".into(),
        })
        .unwrap();
    assert!(
        ProjectFile::of(&edited).to_json().contains("\"rules\""),
        "an edited pack is written out"
    );
    let Ok(opened @ Opened::Project(_)) = open(&text) else {
        panic!("the project did not open");
    };
    let q = opened.into_project();
    assert_eq!(q.snapshots.len(), 2);
    assert!(q.work.same_as(&p.work));

    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["snapshots"][1]["id"] = 1.into();
    v["snapshots"][1]["name"] = " ".into();
    v["work"]["scenario"]["districts"][0]["name"] = "Dover".into();
    let problems = open(&v.to_string()).unwrap_err();
    assert_eq!(
        problems,
        [
            "work.scenario.districts[3].name: another district is already called \"Dover\"",
            "snapshots[1].id: another snapshot already has the id 1",
            "snapshots[1].name: the snapshot has no name",
        ]
    );
    v["mystery"] = 1.into();
    let problems = open(&v.to_string()).unwrap_err();
    assert!(
        problems[0].contains("unknown field `mystery`"),
        "{problems:?}"
    );
}

#[test]
fn rule_tests_are_kept_with_the_rules_and_a_format_1_file_opens_with_the_shipped_tests() {
    let mut w = Work::of(kent());
    assert!(horizon_engine::is_shipped_tests(&w.tests));
    let test = RuleFile {
        name: "tests/my-test.json".into(),
        text: "{}".into(),
    };
    let said = w.apply(&Change::AddTest(test.clone())).unwrap();
    assert_eq!(said, "Rule test tests/my-test.json added.");
    let again = w.apply(&Change::AddTest(test)).unwrap_err();
    assert_eq!(
        again.message,
        "there is already a rule test tests/my-test.json"
    );
    assert_eq!(
        rule_differences(&Work::of(kent()), &w),
        ["Rule test tests/my-test.json added."]
    );

    // Saved and opened again, the test is there; the shipped ones are left out of a
    // file that has none of its own.
    let p = Project::opened(w.clone());
    let text = ProjectFile::of(&p).to_json();
    assert!(text.contains("\"horizon_project\": 2"));
    assert!(text.contains("tests/my-test.json"));
    let Ok(opened @ Opened::Project(_)) = open(&text) else {
        panic!("the project did not open")
    };
    assert!(opened.into_project().work.same_as(&w));
    let plain = ProjectFile::of(&Project::opened(Work::of(kent()))).to_json();
    assert!(!plain.contains("\"tests\""));

    // A format-1 file, from before tests were kept, opens with the shipped tests.
    let mut v: serde_json::Value = serde_json::from_str(&plain).unwrap();
    v["horizon_project"] = 1.into();
    let Ok(old @ Opened::Project(_)) = open(&v.to_string()) else {
        panic!("a format-1 project did not open")
    };
    let old = old.into_project();
    assert_eq!(*old.work.tests, horizon_engine::shipped_test_files());

    // Deleting the test, and resetting the pack, put the shipped tests back.
    let said = w
        .apply(&Change::DeleteTest {
            file: "tests/my-test.json".into(),
        })
        .unwrap();
    assert_eq!(said, "Rule test tests/my-test.json deleted.");
    assert!(horizon_engine::is_shipped_tests(&w.tests));
    w.apply(&Change::AddTest(RuleFile {
        name: "tests/other.json".into(),
        text: "{}".into(),
    }))
    .unwrap();
    w.apply(&Change::ResetRules).unwrap();
    assert!(horizon_engine::is_shipped_tests(&w.tests));
}

#[test]
fn the_history_keeps_no_ballot_but_the_last_and_undo_takes_back_exactly_that_one() {
    use horizon_model::{Event, EventEdit, Round, Subject, Way};
    let mut s = kent();
    let event = s
        .apply(&Edit::Event(EventEdit::Save(Event::named("Stakeholder event"))))
        .unwrap()
        .id
        .unwrap();
    let themes = ["road-safety", "gangs", "prevent"];
    let round = s
        .apply(&Edit::Event(EventEdit::AddRound {
            event: event.clone(),
            round: Round::new(
                "Which matter most?",
                Way::Ballots,
                Some(2),
                themes.iter().map(|t| s.option(Subject::Theme((*t).into()))).collect(),
            ),
        }))
        .unwrap()
        .id
        .unwrap();
    let mut work = Work::of(s);
    let mut h = History::new(work.clone());
    record(&mut h, &mut work, cell("dover", None));
    let ballot = |picks: &[usize]| {
        Change::Scenario(Edit::Event(EventEdit::Ballot {
            event: event.clone(),
            round: round.clone(),
            choices: picks.iter().map(|&k| Subject::Theme(themes[k].into())).collect(),
        }))
    };
    let ballots: [&[usize]; 5] = [&[0], &[0, 1], &[2], &[1, 2], &[0, 2]];
    for b in ballots {
        record(&mut h, &mut work, ballot(b));
    }
    let votes = |w: &Work| -> Vec<u32> {
        w.scenario.events[0].rounds[0].options.iter().map(|o| o.votes).collect()
    };
    assert_eq!(votes(&work), [3, 2, 3]);
    // The saved history holds one ballot, the last; before it, the totals.
    let saved = serde_json::to_string(&h).unwrap();
    assert_eq!(saved.matches("\"ballot\"").count(), 1, "{saved}");
    assert_eq!(h.steps.len(), 3, "the cell, the totals before the last ballot, the last ballot");
    assert_eq!(*h.replay().scenario, *work.scenario, "replaying the folded history gives the same scenario");
    // Undo takes back exactly the last ballot, then the earlier ones together.
    let (w, said) = h.undo().unwrap();
    assert_eq!(votes(&w), [2, 2, 2]);
    assert_eq!(said, "Vote cast: 5 ballots so far.");
    assert_eq!(w.scenario.events[0].rounds[0].ballots, 4);
    let (w, _) = h.undo().unwrap();
    assert_eq!(votes(&w), [0, 0, 0]);
    assert_eq!(w.scenario.events[0].rounds[0].ballots, 0);
    let (w, _) = h.redo(&w).unwrap();
    assert_eq!(votes(&w), [2, 2, 2]);
    let (w, _) = h.redo(&w).unwrap();
    work = w;
    // Once the round is revealed, the last ballot is folded in too.
    record(
        &mut h,
        &mut work,
        Change::Scenario(Edit::Event(EventEdit::Reveal { event: event.clone(), round: round.clone(), before: vec![], after: vec![] })),
    );
    let saved = serde_json::to_string(&h).unwrap();
    assert_eq!(saved.matches("\"ballot\"").count(), 0, "no ballot once revealed");
    assert_eq!(*h.replay().scenario, *work.scenario);
    let (w, _) = h.undo().unwrap();
    assert_eq!((votes(&w), w.scenario.events[0].rounds[0].revealed), (vec![3, 2, 3], false));
}

#[test]
fn a_project_or_scenario_past_the_size_limits_is_refused_saying_what_is_over() {
    let p = Project::opened(Work::of(kent()));
    let text = ProjectFile::of(&p).to_json();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let district = v["work"]["scenario"]["districts"][0].clone();
    v["snapshots"][0]["work"]["scenario"]["districts"] =
        serde_json::Value::Array(vec![district; 2_001]);
    assert_eq!(
        open(&v.to_string()).unwrap_err(),
        ["This scenario has 2,001 districts; Horizon handles at most 2,000."]
    );
    let mut bare: serde_json::Value = serde_json::from_str(&kent().to_json()).unwrap();
    let theme = bare["themes"][0].clone();
    bare["themes"] = serde_json::Value::Array(vec![theme; 2_001]);
    assert_eq!(
        open(&bare.to_string()).unwrap_err(),
        ["This scenario has 2,001 themes; Horizon handles at most 2,000."]
    );
    assert_eq!(
        open(&" ".repeat(60_000_000)).unwrap_err(),
        ["This scenario file is 60 MB; Horizon handles at most 50 MB."]
    );
}

#[path = "project/fuzz.rs"]
mod fuzz;
