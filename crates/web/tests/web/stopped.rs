//! The worker's answer, a rule the page had to stop, and a safe start.

use horizon_engine::{evaluate, DiagnosticKind, Limits, RuleStatus};
use horizon_web::state::*;
use horizon_web::worker::{answer, read_answer, read_evaluation, Answer, Request, RulesSent, ScenarioSent};

use super::{evaluated, kent};

#[test]
fn the_worker_answers_exactly_what_the_page_would_work_out_and_names_each_rule_it_starts() {
    let s = kent();
    let request = Request::whole(s.scenario(), s.rule_files(), &s.project.work.settings, &Limits::default()).to_json();
    let mut started = Vec::new();
    let got = read_evaluation(&answer(&request, &mut |id| started.push(id.to_string()))).unwrap();
    let want = evaluate(s.scenario(), &s.pack, &s.project.work.settings, &Limits::default());
    assert_eq!(got, want);
    let ran: Vec<String> = want
        .trace
        .iter()
        .filter(|t| t.status != RuleStatus::Disabled)
        .map(|t| t.rule.clone())
        .collect();
    assert_eq!(started, ran);
    assert!(read_evaluation(&answer("{not json", &mut |_| {})).is_err());
}

#[test]
fn after_an_edit_the_worker_is_sent_the_edit_and_answers_as_if_sent_the_whole_scenario() {
    let s = kent();
    let settings = &s.project.work.settings;
    let limits = &Limits::default();
    let ask = |r: Request| answer(&r.to_json(), &mut |_| {});
    let first = Request { version: 7, ..Request::whole(s.scenario(), s.rule_files(), settings, limits) };
    assert!(matches!(read_answer(&ask(first)), Answer::Evaluated(_)));

    // The reducer records the edit a cell click made, and the scenario it was made to.
    let (district, theme) = (s.scenario().districts[0].id.clone(), s.scenario().matrix[0].theme.clone());
    let edited = s.clone().apply(Action::CycleCell { district, theme });
    let step = edited.review.step.clone().expect("a cell edit is one step");
    assert!(step.from.same(s.scenario()));
    let by_edit = Request {
        version: 8,
        from: Some(7),
        scenario: ScenarioSent::Edited(&step.edit),
        rules: RulesSent::Kept,
        settings,
        limits,
    };
    assert!(by_edit.to_json().len() * 20 < first_len(&s), "the edit is a small part of the scenario");
    let got = read_evaluation(&ask(by_edit)).unwrap();
    let want = evaluate(edited.scenario(), &edited.pack, settings, limits);
    assert_eq!(got, want);
    assert_ne!(got, evaluate(s.scenario(), &s.pack, settings, limits), "the edit changed the suggestions");

    // A request that builds on what the worker does not hold is answered "out of step"
    // (the page then sends the whole), and changes nothing the worker holds.
    let stale = Request {
        version: 9,
        from: Some(7),
        scenario: ScenarioSent::Kept,
        rules: RulesSent::Kept,
        settings,
        limits,
    };
    assert!(matches!(read_answer(&ask(stale)), Answer::OutOfStep));
    let same = Request { version: 10, from: Some(8), scenario: ScenarioSent::Kept, rules: RulesSent::Kept, settings, limits };
    assert_eq!(read_evaluation(&ask(same)).unwrap(), want);
    // An undo is not one step: the page sends the whole scenario again. A redo makes
    // the same edit again, to the scenario undone.
    let undone = edited.apply(Action::Undo);
    assert!(undone.review.step.is_none());
    let redone = undone.clone().apply(Action::Redo);
    let again = redone.review.step.as_ref().expect("a redone cell edit is one step");
    assert!(again.from.same(undone.scenario()));
    assert_eq!(*again.edit, *step.edit);
}

fn first_len(s: &AppState) -> usize {
    serde_json::to_string(&**s.scenario()).unwrap().len()
}

#[test]
fn a_stopped_rule_is_named_switched_off_undoably_and_its_diagnostic_stays_while_it_is_off() {
    let s = evaluated(kent());
    let rule = s.pack[0].id().to_string();
    let before = s.review.evaluated.as_ref().unwrap().evaluation.suggestions.len();
    // A change whose evaluation is the one that takes a while.
    let other = s.pack[1].id().to_string();
    let s = s.apply(Action::Change(Change::SetRuleEnabled {
        rule: other,
        enabled: false,
    }));
    let revision = s.review.revision;
    let s = s.apply(Action::EvaluationSlow {
        revision,
        rule: Some(rule.clone()),
    });
    assert_eq!(s.review.running.as_ref().and_then(|r| r.rule.clone()), Some(rule.clone()));
    let s = s.apply(Action::EvaluationStopped {
        revision,
        rule: Some(rule.clone()),
        why: StopReason::Asked { after_ms: 3200.0 },
    });
    assert!(s.review.running.is_none());
    assert!(!s.project.work.settings.is_enabled(&rule));
    let notice = s.session.notices.last().unwrap();
    assert!(notice.title.contains('“') && !notice.title.contains(&rule), "{}", notice.title);
    assert!(notice.text.contains("you pressed Stop after 3.2 seconds"), "{}", notice.text);
    // The previous run's suggestions are still shown while the new one runs.
    assert!(s.is_previous_run());
    assert_eq!(s.review.evaluated.as_ref().unwrap().evaluation.suggestions.len(), before);

    let s = evaluated(s);
    let trace = &s.review.evaluated.as_ref().unwrap().evaluation.trace;
    let t = trace.iter().find(|t| t.rule == rule).unwrap();
    assert_eq!(t.status, RuleStatus::Disabled);
    assert!(t.diagnostics.iter().any(|d| d.kind == DiagnosticKind::Stopped));

    let s = evaluated(s.apply(Action::Undo));
    assert!(s.project.work.settings.is_enabled(&rule));
    let t = s.review.evaluated.as_ref().unwrap().evaluation.trace.iter().find(|t| t.rule == rule).unwrap().clone();
    assert!(t.diagnostics.iter().all(|d| d.kind != DiagnosticKind::Stopped), "forgotten once it runs again");
}

#[test]
fn a_start_after_a_rule_was_left_running_switches_it_off_and_safe_switches_off_only_edited_rules() {
    let rule = kent().pack[1].id().to_string();
    let s = kent().safe_start(Some(&rule), false);
    assert!(!s.project.work.settings.is_enabled(&rule));
    assert_eq!(s.session.notices.len(), 1);
    let s = s.apply(Action::Undo);
    assert!(s.project.work.settings.is_enabled(&rule));

    // #safe with only the shipped rules: nothing is switched off, and it says so.
    let s = kent().safe_start(None, true);
    assert!(s.pack.iter().all(|r| s.project.work.settings.is_enabled(r.id())));
    assert!(s.session.notices[0].text.contains("nothing was switched off"));

    // A rule of the user's own is switched off; the shipped ones stay on.
    let s = kent().apply(Action::AddRuleFromTemplate).safe_start(None, true);
    let mine = s.pack.last().unwrap().id().to_string();
    assert!(!s.project.work.settings.is_enabled(&mine));
    assert!(s.pack.iter().filter(|r| r.id() != mine).all(|r| s.project.work.settings.is_enabled(r.id())));
}

#[test]
fn a_rule_that_overflowed_the_browsers_stack_is_explained_in_plain_words() {
    let deep = StopReason::Crashed {
        detail: "RangeError: Maximum call stack size exceeded".into(),
    };
    assert!(deep.clause().contains("lists or maps put inside one another"), "{}", deep.clause());
    let other = StopReason::Crashed {
        detail: "RuntimeError: unreachable".into(),
    };
    assert!(other.clause().contains("internal error"), "{}", other.clause());
}

#[test]
fn a_browser_that_cannot_run_the_worker_is_told_once_what_that_means() {
    let s = kent().apply(Action::NoWorker).apply(Action::NoWorker);
    let titles: Vec<&str> = s.session.notices.iter().map(|n| n.title.as_str()).collect();
    assert_eq!(titles, [NO_WORKER_TITLE]);
    assert!(s.session.notices[0].text.contains("no Stop button"));
}
