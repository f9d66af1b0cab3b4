//! The worker's answer, a rule the page had to stop, and a safe start.

use horizon_engine::{evaluate, DiagnosticKind, Limits, RuleStatus};
use horizon_web::state::*;
use horizon_web::worker::{answer, read_answer, Request};

use super::{evaluated, kent};

#[test]
fn the_worker_answers_exactly_what_the_page_would_work_out_and_names_each_rule_it_starts() {
    let s = kent();
    let request = Request {
        scenario: s.scenario(),
        rules: s.rule_files(),
        settings: &s.project.work.settings,
        limits: &Limits::default(),
    }
    .to_json();
    let mut started = Vec::new();
    let got = read_answer(&answer(&request, &mut |id| started.push(id.to_string()))).unwrap();
    let want = evaluate(s.scenario(), &s.pack, &s.project.work.settings, &Limits::default());
    assert_eq!(got, want);
    let ran: Vec<String> = want
        .trace
        .iter()
        .filter(|t| t.status != RuleStatus::Disabled)
        .map(|t| t.rule.clone())
        .collect();
    assert_eq!(started, ran);
    assert!(read_answer(&answer("{not json", &mut |_| {})).is_err());
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
