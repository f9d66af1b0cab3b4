//! The worker's answer, a rule the page had to stop, and a safe start.

use horizon_engine::{evaluate, DiagnosticKind, Limits, RuleStatus};
use horizon_web::state::*;
use horizon_web::worker::{answer, keep_latest, read_answer, read_evaluation, Answer, Held, Request, RulesSent, ScenarioSent};

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
fn after_an_edit_the_worker_is_sent_the_edit_and_after_an_undo_nothing_and_answers_as_if_sent_the_whole() {
    let s = kent();
    let settings = &s.project.work.settings;
    let limits = &Limits::default();
    let whole_len = first_len(&s);
    // The page's record of what the worker keeps, kept by the worker's own rule.
    let mut held: Vec<Held> = Vec::new();
    let ask = |held: &mut Vec<Held>, state: &AppState, version: u64| {
        let request = Request::building_on(
            held,
            version,
            state.scenario(),
            state.review.step.as_ref(),
            state.rule_files(),
            settings,
            limits,
        );
        let sent = (request.from, matches!(request.scenario, ScenarioSent::Edited(_)), matches!(request.rules, RulesSent::Kept));
        let json = request.to_json();
        let got = read_evaluation(&answer(&json, &mut |_| {})).unwrap();
        keep_latest(held, Held { version, scenario: state.scenario().clone(), rules: state.rule_files().clone() });
        (sent, json.len(), got)
    };
    let ((from, _, _), len, got) = ask(&mut held, &s, 1);
    assert_eq!(from, None, "the first request is whole");
    assert!(len > whole_len, "{len} bytes");
    assert_eq!(got, evaluate(s.scenario(), &s.pack, settings, limits));

    // The reducer records the edit a cell click made, and the scenario it was made to;
    // the worker is sent the edit and makes it with the model.
    let (district, theme) = (s.scenario().districts[0].id.clone(), s.scenario().matrix[0].theme.clone());
    let edited = s.clone().apply(Action::CycleCell { district, theme });
    let step = edited.review.step.clone().expect("a cell edit is one step");
    assert!(step.from.same(s.scenario()));
    let (sent, len, got) = ask(&mut held, &edited, 2);
    assert_eq!(sent, (Some(1), true, true), "the edit, on version 1, with the rules kept");
    assert!(len * 20 < whole_len, "the edit is a small part of the scenario: {len} of {whole_len} bytes");
    let want = evaluate(edited.scenario(), &edited.pack, settings, limits);
    assert_eq!(got, want);
    assert_ne!(got, evaluate(s.scenario(), &s.pack, settings, limits), "the edit changed the suggestions");

    // A request that builds on what the worker does not hold is answered "out of step"
    // (the page then sends the whole), and changes nothing the worker holds.
    let stale = Request { version: 9, from: Some(99), scenario: ScenarioSent::Kept, rules: RulesSent::Kept, settings, limits };
    assert!(matches!(read_answer(&answer(&stale.to_json(), &mut |_| {})), Answer::OutOfStep));

    // A second edit, then an undo: the history replays the first edit onto the base,
    // a new copy equal to version 2, which the worker still holds, so it is sent
    // nothing of the scenario.
    let (district, theme) = (s.scenario().districts[1].id.clone(), s.scenario().matrix[1].theme.clone());
    let twice = edited.clone().apply(Action::CycleCell { district, theme });
    let (sent, _, _) = ask(&mut held, &twice, 3);
    assert_eq!(sent, (Some(2), true, true));
    let undone = twice.apply(Action::Undo);
    assert!(undone.review.step.is_none() && !undone.scenario().same(edited.scenario()));
    let (sent, len, got) = ask(&mut held, &undone, 4);
    assert_eq!(sent, (Some(2), false, true), "version 2 again, nothing sent");
    assert!(len * 20 < whole_len, "{len} of {whole_len} bytes");
    assert_eq!(got, want);
    // A redo makes the same edit again, to the scenario undone.
    let redone = undone.clone().apply(Action::Redo);
    let again = redone.review.step.as_ref().expect("a redone cell edit is one step");
    assert!(again.from.same(undone.scenario()));
    let (sent, _, got) = ask(&mut held, &redone, 5);
    assert_eq!(sent, (Some(4), true, true));
    assert_eq!(got, evaluate(redone.scenario(), &redone.pack, settings, limits));
    // Different data opened goes whole; the worker keeps two versions, so the first
    // is no longer held.
    let other = s.clone().apply(Action::LoadScenario {
        scenario: Box::new(horizon_model::example("thanet-2017-20").unwrap().scenario()),
        source: "an example".into(),
    });
    let ((from, _, _), len, _) = ask(&mut held, &other, 6);
    assert_eq!(from, None);
    assert!(len > whole_len / 2, "{len} bytes");
    assert_eq!(held.iter().map(|h| h.version).collect::<Vec<_>>(), vec![5, 6]);
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
