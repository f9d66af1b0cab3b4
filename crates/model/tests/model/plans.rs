//! Many plans over one matrix: the county agreement and district plans side by
//! side, which one is under review, files of schema version 1, and what each plan
//! reads of the scenario's evidence.

use horizon_model::{
    example, validate, Collection, Edit, LoadError, PlanKind, ProblemKind, Scenario,
};
use serde_json::{json, Value};

fn kent_value() -> Value {
    serde_json::from_str(example("kent-2016").unwrap().json).unwrap()
}

fn problems(v: &Value) -> Vec<(ProblemKind, String)> {
    let s: Scenario = serde_json::from_value(v.clone()).expect("the scenario's shape");
    validate(&s).into_iter().map(|p| (p.kind, p.path)).collect()
}

/// Kent's file as schema version 1 wrote it: one `plan`, its `consultation` beside it.
fn version_1() -> Value {
    let mut v = kent_value();
    let o = v.as_object_mut().unwrap();
    let mut plans = o.remove("plans").unwrap();
    o.remove("under_review");
    let mut plan = plans[0].take();
    plan.as_object_mut().unwrap().remove("id");
    let consultation = plan
        .as_object_mut()
        .unwrap()
        .remove("consultation")
        .unwrap();
    o.insert("schema_version".into(), json!(1));
    o.insert("plan".into(), plan);
    o.insert(
        "consultation".into(),
        json!([{ "focus_area": "road-safety", "responses": 400, "share_agreeing": 0.45 }]),
    );
    assert_eq!(consultation, json!([]));
    // Version 1 had no district-scoped horizon items.
    let horizon = o["horizon"].as_array_mut().unwrap();
    horizon.retain(|h| h.get("district").is_none());
    v
}

#[test]
fn a_version_1_file_opens_as_one_plan_under_review_with_its_consultation() {
    let s = Scenario::from_json(&version_1().to_string()).expect("a version 1 file opens");
    assert_eq!(s.schema_version, 2);
    assert_eq!(s.plans.len(), 1);
    let plan = s.plan();
    assert_eq!(plan.name, "Kent Community Safety Agreement 2014-17");
    assert_eq!(plan.id, "kent-community-safety-agreement-2014-17");
    assert_eq!(s.under_review, plan.id);
    assert_eq!(plan.consultation.len(), 1);
    assert_eq!(
        plan.consultation[0].focus_area.as_deref(),
        Some("road-safety")
    );
    // Saved again, it is a version 2 file that opens to the same scenario.
    let text = s.to_json();
    assert!(text.contains("\"schema_version\": 2") && text.contains("\"plans\""));
    assert!(!text.contains("\"plan\":"));
    assert_eq!(Scenario::from_json(&text).unwrap(), s);
}

#[test]
fn version_1_and_2_fields_do_not_mix() {
    let mut v = version_1();
    v["plans"] = json!([]);
    let e = Scenario::from_json(&v.to_string()).unwrap_err();
    // A problem with the file's shape as a whole is at the field it is about (serde
    // could give it no line).
    match &e {
        LoadError::Invalid(problems) => assert_eq!(problems[0].path, "plans", "{e}"),
        _ => panic!("not at its field: {e}"),
    }
    assert!(e.to_string().contains("version 1"), "{e}");

    let mut v = kent_value();
    v["plan"] = v["plans"][0].clone();
    let e = Scenario::from_json(&v.to_string()).unwrap_err();
    assert!(
        e.to_string()
            .contains("\"plan\" is schema version 1's field"),
        "{e}"
    );

    let mut v = kent_value();
    v.as_object_mut().unwrap().remove("under_review");
    let e = Scenario::from_json(&v.to_string()).unwrap_err();
    assert!(e.to_string().contains("does not say which"), "{e}");
}

#[test]
fn the_kent_file_holds_the_agreement_and_thanets_plan_over_one_matrix() {
    let kent = example("kent-2016").unwrap().scenario();
    let thanet = example("thanet-2016-17").unwrap().scenario();
    assert_eq!(kent.plan().kind, PlanKind::CountyAgreement);
    assert_eq!(thanet.plan().kind, PlanKind::DistrictPlan);
    assert_eq!(thanet.plan().district.as_deref(), Some("thanet"));
    assert_eq!(kent.matrix, thanet.matrix, "one matrix, not a copy");
    assert_eq!(
        thanet.county_agreement().map(|c| c.id.as_str()),
        Some("kent-csa")
    );
    assert_eq!(
        kent.own_district(),
        None,
        "a county agreement has no own district"
    );
    assert_eq!(thanet.own_district(), Some("thanet"));
    // Thanet's consultation is its own plan's.
    let c = &thanet.plan().consultation;
    assert_eq!((c[0].responses, c[0].share_agreeing), (350, 0.78));
    assert!(kent.plan().consultation.is_empty());
}

#[test]
fn a_districts_own_evidence_is_read_for_its_plan_only() {
    let kent = example("kent-2016").unwrap().scenario();
    let thanet = example("thanet-2016-17").unwrap().scenario();
    let own = |s: &Scenario| s.horizon.iter().filter(|h| h.district.is_some()).count();
    assert!(own(&kent) > 0);
    assert_eq!(kent.horizon_read().count(), kent.horizon.len() - own(&kent));
    assert_eq!(thanet.horizon_read().count(), thanet.horizon.len());
    assert!(thanet
        .horizon_read()
        .any(|h| h.id == "th-online-safeguarding-prevent"));
    assert!(!kent
        .horizon_read()
        .any(|h| h.id == "th-online-safeguarding-prevent"));
}

#[test]
fn plans_that_contradict_each_other_are_problems_at_their_paths() {
    use ProblemKind::*;
    type Patch = fn(&mut Value);
    let cases: &[(&str, Patch, ProblemKind, &str)] = &[
        (
            "a district plan naming a district not in the matrix",
            |v| v["plans"][1]["district"] = json!("medway"),
            UnknownReference,
            "plans[1].district",
        ),
        (
            "a county agreement missing",
            |v| {
                let thanet = v["plans"][1].clone();
                v["plans"] = json!([thanet]);
                v["under_review"] = json!("thanet");
            },
            UnknownReference,
            "plans[0].kind",
        ),
        (
            "two plans with one id",
            |v| v["plans"][1]["id"] = json!("kent-csa"),
            DuplicateId,
            "plans[1].id",
        ),
        (
            "a focus area serving a county priority that does not exist",
            |v| v["plans"][1]["focus_areas"][0]["serves"] = json!(["violent-crime", "nowhere"]),
            UnknownReference,
            "plans[1].focus_areas[0].serves[1]",
        ),
        (
            "a county focus area that says it serves something",
            |v| v["plans"][0]["focus_areas"][0]["serves"] = json!(["road-safety"]),
            OutOfRange,
            "plans[0].focus_areas[0].serves[0]",
        ),
        (
            "two county agreements",
            |v| {
                v["plans"][1]["kind"] = json!("county_agreement");
                v["plans"][1].as_object_mut().unwrap().remove("district");
            },
            DuplicateName,
            "plans[1].kind",
        ),
        (
            "a county agreement naming a district",
            |v| v["plans"][0]["district"] = json!("swale"),
            OutOfRange,
            "plans[0].district",
        ),
        (
            "the plan under review missing",
            |v| v["under_review"] = json!("medway"),
            UnknownReference,
            "under_review",
        ),
        (
            "a horizon item from a district not in the matrix",
            |v| v["horizon"][0]["district"] = json!("medway"),
            UnknownReference,
            "horizon[0].district",
        ),
        (
            "a consultation figure for another plan's focus area",
            |v| {
                v["plans"][1]["consultation"] =
                    json!([{ "focus_area": "road-safety", "responses": 10, "share_agreeing": 0.5 }])
            },
            UnknownReference,
            "plans[1].consultation[0].focus_area",
        ),
    ];
    for (what, patch, kind, path) in cases {
        let mut v = kent_value();
        patch(&mut v);
        assert_eq!(problems(&v), vec![(*kind, path.to_string())], "{what}");
    }
    // A unitary authority's plan needs no county agreement.
    let mut v = kent_value();
    let mut medway = v["plans"][1].clone();
    medway["kind"] = json!("unitary_plan");
    v["plans"] = json!([medway]);
    v["under_review"] = json!("thanet");
    assert_eq!(problems(&v), vec![]);
}

#[test]
fn choosing_another_plan_changes_what_the_forms_edit() {
    let mut s = example("kent-2016").unwrap().scenario();
    let a = s
        .apply(&Edit::Review {
            plan: "thanet".into(),
        })
        .unwrap();
    assert_eq!(
        a.summary,
        "Now reviewing “Thanet Community Safety Plan 2016-17”."
    );
    assert_eq!(s.plan().id, "thanet");
    s.apply(&Edit::Remove {
        collection: Collection::FocusAreas,
        id: "community-confidence".into(),
    })
    .unwrap();
    assert_eq!(s.plan_by_id("thanet").unwrap().focus_areas.len(), 2);
    assert_eq!(s.plan_by_id("kent-csa").unwrap().focus_areas.len(), 6);
    let r = s
        .apply(&Edit::Review {
            plan: "medway".into(),
        })
        .unwrap_err();
    assert_eq!(r.kind, ProblemKind::NotFound);
}

#[test]
fn removals_keep_plans_whole() {
    let mut s = example("kent-2016").unwrap().scenario();
    // The plan under review cannot go; another can.
    let r = s
        .apply(&Edit::Remove {
            collection: Collection::Plans,
            id: "kent-csa".into(),
        })
        .unwrap_err();
    assert_eq!((r.kind, r.path.as_str()), (ProblemKind::InUse, "plans[0]"));
    // A district whose own plan is in the scenario cannot go.
    let r = s
        .apply(&Edit::Remove {
            collection: Collection::Districts,
            id: "thanet".into(),
        })
        .unwrap_err();
    assert_eq!(r.kind, ProblemKind::InUse);
    assert!(
        r.message.contains("Thanet Community Safety Plan 2016-17"),
        "{}",
        r.message
    );
    // Removing a county priority takes the district focus areas' links to it.
    let mut linked = s.clone();
    let thanet = linked.plans.iter_mut().find(|p| p.id == "thanet").unwrap();
    thanet.focus_areas[0].serves = vec!["violent-crime".into()];
    assert!(validate(&linked).is_empty());
    let a = linked
        .apply(&Edit::Remove {
            collection: Collection::FocusAreas,
            id: "violent-crime".into(),
        })
        .unwrap();
    assert!(
        a.summary.contains("1 link from district focus areas"),
        "{}",
        a.summary
    );
    assert!(linked.plan_by_id("thanet").unwrap().focus_areas[0]
        .serves
        .is_empty());
    // With Thanet's plan removed, the district can go (its own horizon items are refused first).
    s.apply(&Edit::Remove {
        collection: Collection::Plans,
        id: "thanet".into(),
    })
    .unwrap();
    let r = s
        .apply(&Edit::Remove {
            collection: Collection::Districts,
            id: "thanet".into(),
        })
        .unwrap_err();
    assert!(r.message.contains("horizon items"), "{}", r.message);
}

#[test]
fn themes_removed_or_merged_leave_every_plan() {
    let mut s = example("kent-2016").unwrap().scenario();
    s.apply(&Edit::MergeThemes {
        from: "clean-green-safer".into(),
        into: "asb-environmental".into(),
    })
    .unwrap();
    let thanet = s.plan_by_id("thanet").unwrap();
    let confidence = thanet
        .focus_areas
        .iter()
        .find(|f| f.id == "community-confidence")
        .unwrap();
    assert!(confidence.themes.contains(&"asb-environmental".to_string()));
    assert!(!confidence.themes.contains(&"clean-green-safer".to_string()));
    s.apply(&Edit::Remove {
        collection: Collection::Themes,
        id: "domestic-abuse".into(),
    })
    .unwrap();
    assert!(s
        .plans
        .iter()
        .flat_map(|p| &p.focus_areas)
        .all(|f| !f.themes.contains(&"domestic-abuse".to_string())));
}
