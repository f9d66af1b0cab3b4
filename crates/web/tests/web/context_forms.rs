//! The Partners-and-law, "About this review" and "New review" forms on the host:
//! their drafts read text the way people type it, the model's refusals land beside
//! the right control in the form's words, the task list follows the scenario, and
//! the engine copes with an empty review.

use horizon_engine::{Evidence, RuleStatus};
use horizon_model::{
    validate, Collection, ConsultationResult, Edit, Item, LegislationStatus, PlanKind, Scenario,
};
use horizon_web::components::task_list::{is_incomplete, tasks, TaskStatus};
use horizon_web::forms::consultation::{percent_words, percentage, ConsultationDraft};
use horizon_web::forms::law::LawDraft;
use horizon_web::forms::meta::MetaDraft;
use horizon_web::forms::new_review::{blank_scenario, NEW_TITLE};
use horizon_web::forms::partner::PartnerDraft;
use horizon_web::forms::votes::parse_votes;
use horizon_web::forms::FieldError;
use horizon_web::state::*;

use super::evaluated;

fn kent() -> Scenario {
    horizon_model::EXAMPLES[0].scenario()
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn a_share_is_read_as_a_percentage_however_it_is_written() {
    for (text, share) in [
        ("78", 0.78),
        ("78 %", 0.78),
        ("78%", 0.78),
        (" 31 ", 0.31),
        ("78.5", 0.785),
        ("0", 0.0),
        ("100 %", 1.0),
    ] {
        let got = percentage(text).unwrap_or_else(|| panic!("{text:?} reads"));
        assert!((got - share).abs() < 1e-9, "{text:?} → {got}, not {share}");
    }
    for text in ["", "%", "seventy", "78 per cent", "nan", "inf", "1e2"] {
        assert_eq!(percentage(text), None, "{text:?} is not a percentage");
    }
    assert_eq!(percent_words(0.31), "31 %");
    assert_eq!(percent_words(0.785), "78.5 %");
}

#[test]
fn a_consultation_draft_says_what_it_cannot_read_and_keeps_the_text() {
    let draft = ConsultationDraft {
        responses: "about 400".into(),
        share: "most".into(),
    };
    let errors = draft.parse(Some("road-safety")).unwrap_err();
    assert_eq!(fields(&errors), ["responses", "share"]);
    assert_eq!(
        errors[0].message,
        "Enter the number of responses as a whole number, like 420"
    );
    assert_eq!(draft.responses, "about 400", "the user's input is kept");

    let blank = ConsultationDraft::default().parse(None).unwrap_err();
    assert_eq!(blank[1].message, "Enter the share agreeing as a percentage");

    let ok = ConsultationDraft {
        responses: "1,204".into(),
        share: "31 %".into(),
    }
    .parse(Some("road-safety"))
    .unwrap();
    assert_eq!(ok.responses, 1204);
    assert!((ok.share_agreeing - 0.31).abs() < 1e-9);
    assert_eq!(ok.focus_area.as_deref(), Some("road-safety"));
    let back = ConsultationDraft::from_result(&ok);
    assert_eq!(
        (back.responses.as_str(), back.share.as_str()),
        ("1204", "31")
    );
    // "0.31" is refused with what to type instead: it is almost surely 31 %.
    let fraction = ConsultationDraft {
        responses: "412".into(),
        share: "0.31".into(),
    };
    let errors = fraction.parse(None).unwrap_err();
    assert_eq!(
        errors[0].message,
        "Enter the share agreeing as a percentage: for 0.31, enter 31"
    );
    // A fraction of a per cent can still be given, with its % sign.
    let tiny = ConsultationDraft {
        responses: "412".into(),
        share: "0.5 %".into(),
    }
    .parse(None)
    .unwrap();
    assert!((tiny.share_agreeing - 0.005).abs() < 1e-9);
}

#[test]
fn a_share_over_100_percent_is_the_models_to_refuse_and_is_said_in_percent() {
    let s = kent();
    let result = ConsultationDraft {
        responses: "420".into(),
        share: "120".into(),
    }
    .parse(Some("road-safety"))
    .expect("120 is a number");
    let refusal = s.check(&Edit::SetConsultation(result)).unwrap_err();
    assert_eq!(refusal.field(), "share_agreeing");
    let errors = ConsultationDraft::refused(&refusal);
    assert_eq!(fields(&errors), ["share"]);
    assert_eq!(
        errors[0].message,
        "Enter the share agreeing as a percentage from 0 to 100, like 78"
    );
}

#[test]
fn consultation_results_are_set_replaced_and_cleared_through_the_reducer() {
    let state = AppState::new(Start::fresh());
    let set = |share: f64| {
        Action::edit(Edit::SetConsultation(ConsultationResult {
            focus_area: Some("road-safety".into()),
            responses: 420,
            share_agreeing: share,
        }))
    };
    let state = state.apply(set(0.31)).apply(set(0.5));
    assert_eq!(
        state.scenario().plan().consultation.len(),
        1,
        "one figure per focus area"
    );
    assert_eq!(state.scenario().plan().consultation[0].share_agreeing, 0.5);
    let state = state.apply(Action::edit(Edit::ClearConsultation {
        focus_area: Some("road-safety".into()),
    }));
    assert!(state.scenario().plan().consultation.is_empty());
    assert_eq!(
        state.review.last_edit.as_deref(),
        Some("The consultation result for “Road Safety” was removed.")
    );
}

#[test]
fn a_low_consultation_figure_leads_to_a_suggestion_to_review_the_wording() {
    let state = evaluated(AppState::new(Start::fresh()));
    let state = evaluated(
        state.apply(Action::edit(Edit::SetConsultation(ConsultationResult {
            focus_area: Some("road-safety".into()),
            responses: 420,
            share_agreeing: 0.31,
        }))),
    );
    let e = &state.review.evaluated.as_ref().unwrap().evaluation;
    assert!(
        e.suggestions.iter().any(|x| x.evidence.iter().any(
            |ev| matches!(ev, Evidence::Consultation { focus_area } if focus_area == "road-safety")
        )),
        "a suggestion cites the consultation figure"
    );
}

#[test]
fn a_partner_priority_is_added_in_theme_order_and_a_blank_one_is_refused_in_words() {
    let s = kent();
    let draft = PartnerDraft {
        partner: " Kent Fire and Rescue ".into(),
        priority: "Safer homes".into(),
        themes: vec!["preventing-fires".into(), "safeguarding".into()],
    };
    let item = draft.parse(&s).unwrap();
    assert_eq!(item.partner, "Kent Fire and Rescue");
    assert_eq!(
        item.themes,
        ["safeguarding", "preventing-fires"],
        "the scenario's order"
    );
    let applied = s.check(&Edit::Add(Item::PartnerPriority(item))).unwrap();
    assert_eq!(applied.id.as_deref(), Some("safer-homes"));

    let blank = PartnerDraft {
        partner: "Kent Police".into(),
        ..PartnerDraft::default()
    };
    let refusal = s
        .check(&Edit::Add(Item::PartnerPriority(blank.parse(&s).unwrap())))
        .unwrap_err();
    let errors = PartnerDraft::refused(&refusal);
    assert_eq!(errors, [FieldError::new("priority", "Enter the priority")]);

    let long = PartnerDraft {
        priority: "x".repeat(201),
        ..PartnerDraft::default()
    };
    let refusal = s
        .check(&Edit::Add(Item::PartnerPriority(long.parse(&s).unwrap())))
        .unwrap_err();
    assert_eq!(
        PartnerDraft::refused(&refusal)[0].message,
        "The priority must be 200 characters or fewer, not 201"
    );
}

#[test]
fn partner_priorities_move_and_go_through_the_reducer() {
    let state = AppState::new(Start::fresh());
    let first = state.scenario().partner_priorities[0].id.clone();
    let state = state.apply(Action::edit(Edit::Move {
        collection: Collection::PartnerPriorities,
        id: first.clone(),
        to: 1,
    }));
    assert_eq!(state.scenario().partner_priorities[1].id, first);
    let n = state.scenario().partner_priorities.len();
    let state = state.apply(Action::edit(Edit::Remove {
        collection: Collection::PartnerPriorities,
        id: first.clone(),
    }));
    assert_eq!(state.scenario().partner_priorities.len(), n - 1);
    assert!(state
        .review
        .last_edit
        .unwrap()
        .starts_with("Partner priority “"));
}

#[test]
fn a_law_draft_reads_its_year_and_status_and_keeps_a_duty_only_when_there_is_one() {
    let s = kent();
    let mut draft = LawDraft {
        title: "Policing and Crime Act 2017".into(),
        year: "twenty seventeen".into(),
        status: "incoming".into(),
        creates_duty: false,
        duty: "Typed before choosing No".into(),
        themes: vec![],
    };
    let errors = draft.parse(&s).unwrap_err();
    assert_eq!(fields(&errors), ["year"]);
    draft.year = " 2017 ".into();
    let law = draft.parse(&s).unwrap();
    assert_eq!(law.year, Some(2017));
    assert_eq!(law.status, LegislationStatus::Incoming);
    assert_eq!(law.duty, None, "no duty is kept when it creates none");
    draft.year.clear();
    draft.creates_duty = true;
    let law = draft.parse(&s).unwrap();
    assert_eq!(law.year, None);
    assert_eq!(law.duty.as_deref(), Some("Typed before choosing No"));
    draft.status = "rumoured".into();
    assert_eq!(fields(&draft.parse(&s).unwrap_err()), ["status"]);

    let untitled = LawDraft::default();
    let refusal = s
        .check(&Edit::Add(Item::Legislation(untitled.parse(&s).unwrap())))
        .unwrap_err();
    assert_eq!(
        LawDraft::refused(&refusal),
        [FieldError::new(
            "title",
            "Enter the title of the act or bill"
        )]
    );
    let existing = LawDraft::from_item(&s.legislation[0]);
    assert_eq!(existing.year, "2015");
    assert!(existing.creates_duty);
}

#[test]
fn a_new_duty_on_a_theme_no_focus_area_covers_is_suggested_citing_the_law() {
    let state = evaluated(AppState::new(Start::fresh()));
    let draft = LawDraft {
        title: "Health and Wellbeing Duty Act 2016".into(),
        year: "2016".into(),
        status: "enacted".into(),
        creates_duty: true,
        duty: "Partners must plan together for residents' health and wellbeing.".into(),
        themes: vec!["health-wellbeing".into()],
    };
    let law = draft.parse(state.scenario()).unwrap();
    let edit = Edit::Add(Item::Legislation(law));
    let id = state.scenario().check(&edit).unwrap().id.unwrap();
    let state = evaluated(state.apply(Action::edit(edit)));
    let e = &state.review.evaluated.as_ref().unwrap().evaluation;
    let citing = e
        .suggestions
        .iter()
        .find(|x| {
            x.evidence
                .contains(&Evidence::Legislation { id: id.clone() })
        })
        .expect("a suggestion cites the new law");
    assert!(citing
        .rationale
        .contains("Health and Wellbeing Duty Act 2016"));
}

#[test]
fn the_reviews_details_are_read_and_refused_in_the_forms_words() {
    let s = kent();
    let mut draft = MetaDraft::from_meta(&s.meta);
    assert_eq!(draft.notes.len(), s.meta.provenance.len());
    draft.title = "  ".into();
    draft.notes = vec!["First".into(), "   ".into(), "x".repeat(4001)];
    let meta = draft.parse().unwrap();
    assert_eq!(meta.provenance.len(), 2, "blank rows are left out");
    let refusal = s.check(&Edit::SetMeta(meta)).unwrap_err();
    let errors = draft.refused(&refusal);
    assert_eq!(fields(&errors), ["title", "note-2"], "the note's own row");
    assert_eq!(errors[0].message, "Enter a title for the review");
    assert_eq!(
        errors[1].message,
        "Note 3 must be 4000 characters or fewer, not 4001"
    );
}

#[test]
fn a_vote_count_is_a_whole_number_and_blank_is_none() {
    assert_eq!(parse_votes(""), Ok(0));
    assert_eq!(parse_votes(" 12 "), Ok(12));
    assert_eq!(parse_votes("1,204"), Ok(1204));
    for bad in ["-1", "1.5", "twelve"] {
        assert!(parse_votes(bad).is_err(), "{bad:?}");
    }
    let state = AppState::new(Start::fresh()).apply(Action::edit(Edit::SetVotes {
        theme: "road-safety".into(),
        votes: 12,
    }));
    assert_eq!(state.scenario().votes.len(), 1);
    assert_eq!(
        state.review.last_edit.as_deref(),
        Some("Road Safety: 12 stakeholder votes.")
    );
    let state = state.apply(Action::edit(Edit::SetVotes {
        theme: "road-safety".into(),
        votes: 0,
    }));
    assert!(state.scenario().votes.is_empty(), "0 removes the count");
}

#[test]
fn a_new_review_is_empty_valid_and_the_engine_copes_with_it() {
    for kind in [PlanKind::DistrictPlan, PlanKind::CountyAgreement] {
        let blank = blank_scenario(kind);
        assert!(validate(&blank).is_empty(), "{:?}", validate(&blank));
        assert_eq!(blank.meta.title, NEW_TITLE);
        assert_eq!(blank.categories.len(), 7, "PESTELO");
        assert!(blank.themes.is_empty() && blank.districts.is_empty());
        assert!(blank.plan().focus_areas.is_empty() && blank.matrix.is_empty());
    }
    let state = evaluated(AppState::new(Start::fresh()));
    let state = state.apply(Action::edit(Edit::Replace(Box::new(blank_scenario(
        PlanKind::DistrictPlan,
    )))));
    assert_eq!(state.scenario().meta.title, NEW_TITLE);
    let state = evaluated(state);
    let ev = state.review.evaluated.as_ref().unwrap();
    assert!(ev.evaluation.suggestions.is_empty());
    assert!(
        ev.evaluation
            .trace
            .iter()
            .all(|t| t.status != RuleStatus::Failed),
        "no rule fails on an empty review: {:?}",
        ev.evaluation
            .trace
            .iter()
            .filter(|t| t.status == RuleStatus::Failed)
            .map(|t| (&t.title, &t.diagnostics))
            .collect::<Vec<_>>()
    );
    assert!(ev.evaluation.conflicts.is_empty());
}

fn statuses(s: &Scenario) -> Vec<(&'static str, TaskStatus)> {
    tasks(s).into_iter().map(|t| (t.key, t.status)).collect()
}

#[test]
fn the_task_list_follows_the_scenario_from_nothing_to_complete() {
    use TaskStatus::*;
    let mut s = blank_scenario(PlanKind::DistrictPlan);
    assert!(is_incomplete(&s));
    assert_eq!(
        statuses(&s),
        [
            ("name", NotYetStarted),
            ("districts", NotYetStarted),
            ("themes", NotYetStarted),
            ("matrix", CannotStartYet),
            ("plan", CannotStartYet),
            ("horizon", NotYetStarted),
            ("partners", NotYetStarted),
        ]
    );
    let task = tasks(&s).into_iter().find(|t| t.key == "plan").unwrap();
    assert_eq!(task.view, View::Plan);
    assert!(tasks(&s).iter().filter(|t| t.optional).count() == 2);

    s.meta.title = "Swale Community Safety Plan review".into();
    let apply = |s: &mut Scenario, e: Edit| {
        s.apply(&e).unwrap_or_else(|r| panic!("{e:?}: {r}"));
    };
    assert_eq!(statuses(&s)[0], ("name", InProgress));
    s.meta.geography = "Swale".into();
    s.meta.period = "2017-18".into();
    assert_eq!(statuses(&s)[0], ("name", Completed));

    apply(
        &mut s,
        Edit::Add(Item::Group(horizon_model::ThemeGroup {
            id: String::new(),
            name: "Crime".into(),
        })),
    );
    assert_eq!(statuses(&s)[2], ("themes", InProgress));
    for name in ["Violent Crime", "Acquisitive Crime"] {
        apply(
            &mut s,
            Edit::Add(Item::Theme(horizon_model::Theme {
                id: String::new(),
                name: name.into(),
                group: "crime".into(),
                aliases: vec![],
                description: None,
            })),
        );
    }
    assert_eq!(statuses(&s)[2], ("themes", Completed));
    assert_eq!(
        statuses(&s)[3],
        ("matrix", CannotStartYet),
        "no districts yet"
    );
    for name in ["Swale", "Faversham"] {
        apply(
            &mut s,
            Edit::Add(Item::District(horizon_model::District {
                id: String::new(),
                name: name.into(),
                aliases: Vec::new(),
            })),
        );
    }
    assert_eq!(statuses(&s)[3], ("matrix", NotYetStarted));
    apply(
        &mut s,
        Edit::SetCell {
            district: "swale".into(),
            theme: "violent-crime".into(),
            level: Some(horizon_model::Level::Main),
        },
    );
    assert_eq!(
        statuses(&s)[3],
        ("matrix", InProgress),
        "one district of two"
    );
    apply(
        &mut s,
        Edit::SetCell {
            district: "faversham".into(),
            theme: "acquisitive-crime".into(),
            level: Some(horizon_model::Level::Issue),
        },
    );
    assert_eq!(statuses(&s)[3], ("matrix", Completed));

    assert_eq!(statuses(&s)[4], ("plan", NotYetStarted));
    apply(
        &mut s,
        Edit::Add(Item::FocusArea(horizon_model::FocusArea {
            id: String::new(),
            name: "Violence".into(),
            themes: vec![],
            serves: vec![],
        })),
    );
    assert_eq!(
        statuses(&s)[4],
        ("plan", InProgress),
        "a focus area covering no theme"
    );
    apply(
        &mut s,
        Edit::Update {
            id: "violence".into(),
            item: Item::FocusArea(horizon_model::FocusArea {
                id: String::new(),
                name: "Violence".into(),
                themes: vec!["violent-crime".into()],
                serves: vec![],
            }),
        },
    );
    assert_eq!(statuses(&s)[4], ("plan", Completed));
    assert!(!is_incomplete(&s));

    let kent = kent();
    assert!(!is_incomplete(&kent));
    assert!(
        tasks(&kent).iter().all(|t| t.status == Completed),
        "{:?}",
        statuses(&kent)
    );
}
