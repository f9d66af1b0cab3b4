//! The model crate's integration tests: the shipped examples, the file format's
//! promises (every problem reported with a path, JSON errors with a line), and the
//! small editing helpers the UI relies on.
//!
//! Broken scenarios are built from the Kent example, cut down and patched as JSON
//! values, so each test says only what it changes.

use std::collections::{BTreeMap, BTreeSet};

use horizon_model::{
    default_categories, example, validate, Level, LoadError, ProblemKind, Scenario, Section,
    TimeHorizon, EXAMPLES,
};
use serde_json::{json, Value};

#[path = "model/edits.rs"]
mod edits;
#[path = "model/events.rs"]
mod events;
#[path = "model/plans.rs"]
mod plans;
#[path = "model/text.rs"]
mod text;
#[path = "model/size.rs"]
mod size;
#[path = "model/sort.rs"]
mod sort;

// ---------------------------------------------------------------------------
// Helpers

fn kent() -> Scenario {
    example("kent-2016")
        .expect("kent-2016 is shipped")
        .scenario()
}

fn thanet() -> Scenario {
    example("thanet-2016-17")
        .expect("thanet-2016 is shipped")
        .scenario()
}

fn kent_value() -> Value {
    serde_json::from_str(example("kent-2016").unwrap().json).unwrap()
}

const SMALL_THEMES: [&str; 3] = ["domestic-abuse", "safeguarding", "substance-misuse"];
const SMALL_DISTRICTS: [&str; 3] = ["ashford", "canterbury", "thanet"];

/// A small, valid scenario: the Kent example cut down to three themes and three
/// districts, with one consultation figure and one vote so that every list has
/// at least one entry to break.
fn small() -> Value {
    let k = kent_value();
    let keep_theme = |t: &Value| SMALL_THEMES.contains(&t.as_str().unwrap());
    let themes_ok = |v: &Value| v["themes"].as_array().unwrap().iter().all(keep_theme);
    let filter = |list: &Value, f: &dyn Fn(&Value) -> bool| -> Value {
        Value::Array(
            list.as_array()
                .unwrap()
                .iter()
                .filter(|x| f(x))
                .cloned()
                .collect(),
        )
    };
    let matrix: Vec<Value> = k["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| keep_theme(&r["theme"]))
        .map(|r| {
            let cells: serde_json::Map<String, Value> = r["cells"]
                .as_object()
                .unwrap()
                .iter()
                .filter(|(d, _)| SMALL_DISTRICTS.contains(&d.as_str()))
                .map(|(d, l)| (d.clone(), l.clone()))
                .collect();
            json!({ "theme": r["theme"], "cells": cells })
        })
        .collect();
    // Items keep only the small scenario's themes; those left with none are dropped.
    let narrow = |list: &Value, take: usize| -> Value {
        let items = list.as_array().unwrap().iter().filter_map(|x| {
            let themes: Vec<Value> = x["themes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|t| keep_theme(t))
                .cloned()
                .collect();
            (!themes.is_empty()).then(|| {
                let mut x = x.clone();
                x["themes"] = Value::Array(themes);
                x
            })
        });
        Value::Array(items.take(take).collect())
    };
    json!({
        "schema_version": 2,
        "meta": { "title": "Small test scenario", "geography": "Kent", "period": "2016-17", "provenance": [] },
        "categories": k["categories"],
        "groups": k["groups"],
        "themes": filter(&k["themes"], &|t| keep_theme(&t["id"])),
        "districts": filter(&k["districts"], &|d| SMALL_DISTRICTS.contains(&d["id"].as_str().unwrap())),
        "matrix": matrix,
        "plans": [{
            "id": "small",
            "name": "Small plan",
            "kind": "county_agreement",
            "focus_areas": filter(&k["plans"][0]["focus_areas"], &themes_ok),
            "cross_cutting_themes": [],
            "consultation": [{ "focus_area": "domestic-abuse", "responses": 120, "share_agreeing": 0.8 }],
        }],
        "under_review": "small",
        "horizon": narrow(&k["horizon"], 2),
        "partner_priorities": narrow(&k["partner_priorities"], 2),
        "legislation": narrow(&k["legislation"], 2),
        "votes": [{ "theme": "safeguarding", "votes": 14 }],
    })
}

/// Deserialises without validating (so tests can look at `validate` directly).
fn parse(v: &Value) -> Scenario {
    serde_json::from_value(v.clone())
        .unwrap_or_else(|e| panic!("the test scenario is not of the scenario's shape: {e}"))
}

fn problems(v: &Value) -> Vec<(ProblemKind, String)> {
    validate(&parse(v))
        .into_iter()
        .map(|p| (p.kind, p.path))
        .collect()
}

fn push(v: &mut Value, list: &str, item: Value) {
    v.pointer_mut(list)
        .unwrap()
        .as_array_mut()
        .unwrap()
        .push(item);
}

// ---------------------------------------------------------------------------
// The shipped examples

#[test]
fn every_example_loads_and_validates_with_no_problems() {
    assert!(EXAMPLES.len() >= 2);
    for e in EXAMPLES {
        let s = Scenario::from_json(e.json)
            .unwrap_or_else(|err| panic!("example {} does not load: {err}", e.name));
        assert!(
            validate(&s).is_empty(),
            "example {}: {:?}",
            e.name,
            validate(&s)
        );
        assert!(
            !s.meta.provenance.is_empty(),
            "example {} must say where its figures came from",
            e.name
        );
        assert!(!e.description.is_empty());
        assert_eq!(example(e.name).map(|x| x.name), Some(e.name));
        let mut opened = s.clone();
        if let Some(plan) = e.under_review {
            opened.under_review = plan.into();
        }
        assert_eq!(e.scenario(), opened);
        assert!(
            e.scenario()
                .plan_by_id(&e.scenario().under_review)
                .is_some(),
            "example {} opens a plan it has",
            e.name
        );
    }
    let names: BTreeSet<_> = EXAMPLES.iter().map(|e| e.name).collect();
    assert_eq!(names.len(), EXAMPLES.len(), "example names must be unique");
    assert!(example("no-such-example").is_none());
}

#[test]
fn shipped_examples_are_saved_in_canonical_form() {
    // Saving an unchanged example must not produce a diff.
    for e in EXAMPLES {
        let s = Scenario::from_json(e.json).unwrap();
        assert_eq!(
            s.to_json().trim_end(),
            e.json.trim_end(),
            "example {} is not in the form to_json writes",
            e.name
        );
    }
}

#[test]
fn examples_round_trip_losslessly() {
    for e in EXAMPLES {
        let s = e.scenario();
        let again = Scenario::from_json(&s.to_json()).unwrap();
        assert_eq!(again, s, "example {}", e.name);
    }
}

#[test]
fn optional_fields_round_trip() {
    let mut v = small();
    v["plans"][0]["kind"] = json!("unitary_plan");
    v["plans"][0]["district"] = json!("thanet");
    v["themes"][0]["aliases"] = json!(["DA"]);
    v["themes"][0]["description"] = json!("Abuse at home.");
    v["plans"][0]["consultation"] = json!([
        { "focus_area": "domestic-abuse", "responses": 120, "share_agreeing": 0.8 },
        { "responses": 350, "share_agreeing": 0.78 }
    ]);
    let s = Scenario::from_json(&v.to_string()).unwrap();
    assert_eq!(s.plan().district.as_deref(), Some("thanet"));
    assert_eq!(s.plan().consultation[1].focus_area, None);
    let again = Scenario::from_json(&s.to_json()).unwrap();
    assert_eq!(again, s);

    // Optional fields left empty are left out of the saved file.
    let mut bare = s.clone();
    bare.plan_mut().district = None;
    bare.themes[0].aliases.clear();
    bare.themes[0].description = None;
    let text = bare.to_json();
    assert!(!text.contains("\"district\""));
    assert!(!text.contains("\"aliases\": []"));
    assert_eq!(Scenario::from_json(&text).unwrap(), bare);
}

/// The printed row totals of the review's table ("R": reconstructed, no total
/// printed) and the level mix each row must have (main / subsidiary / issue).
const KENT_ROWS: &[(&str, usize, bool, [usize; 3])] = &[
    ("domestic-abuse", 10, true, [8, 1, 1]),
    ("safeguarding", 9, true, [7, 2, 0]),
    ("substance-misuse", 9, true, [6, 2, 1]),
    ("serious-organised-crime", 4, false, [3, 1, 0]),
    ("violent-crime", 9, true, [2, 2, 5]),
    ("acquisitive-crime", 5, false, [1, 1, 3]),
    ("asb-environmental", 8, true, [5, 2, 1]),
    ("road-safety", 8, true, [5, 2, 1]),
    ("prevent", 7, true, [1, 3, 3]),
    ("child-abuse-exploitation", 7, true, [1, 2, 4]),
    ("offenders-reoffending", 6, true, [3, 2, 1]),
    ("human-trafficking-modern-slavery", 6, true, [0, 2, 4]),
    ("community-confidence", 5, true, [2, 2, 1]),
    ("victims-vulnerable-people", 5, true, [1, 2, 2]),
    ("gangs", 4, true, [0, 2, 2]),
    ("early-intervention", 4, true, [0, 2, 2]),
    ("young-people", 3, true, [0, 1, 2]),
    ("troubled-families", 3, true, [0, 1, 2]),
    ("clean-green-safer", 2, true, [0, 1, 1]),
    ("health-wellbeing", 2, true, [0, 1, 1]),
    ("night-time-economy", 2, true, [0, 1, 1]),
    ("digital-crime", 2, true, [0, 0, 2]),
    ("emerging-communities", 1, true, [0, 0, 1]),
    ("supporting-county-initiatives", 1, true, [0, 1, 0]),
    ("preventing-fires", 1, true, [0, 0, 1]),
];

fn level_mix(s: &Scenario, theme: &str) -> [usize; 3] {
    let mut mix = [0; 3];
    for d in &s.districts {
        match s.level(&d.id, theme) {
            Some(Level::Main) => mix[0] += 1,
            Some(Level::Subsidiary) => mix[1] += 1,
            Some(Level::Issue) => mix[2] += 1,
            None => {}
        }
    }
    mix
}

#[test]
fn kent_matrix_matches_the_reviews_row_totals_and_level_mixes() {
    let s = kent();
    let themes: Vec<&str> = s.themes.iter().map(|t| t.id.as_str()).collect();
    let table: Vec<&str> = KENT_ROWS.iter().map(|r| r.0).collect();
    assert_eq!(
        themes, table,
        "the Kent themes are the review's rows, in its order"
    );
    let counts = s.district_counts();
    for &(theme, total, _printed, mix) in KENT_ROWS {
        assert_eq!(s.district_count(theme), total, "row total of {theme}");
        assert_eq!(counts.get(theme).copied().unwrap_or(0), total, "all row totals at once: {theme}");
        assert_eq!(
            level_mix(&s, theme),
            mix,
            "main/subsidiary/issue mix of {theme}"
        );
    }
    assert_eq!(s.matrix.len(), KENT_ROWS.len(), "one matrix row per theme");
    let districts: Vec<&str> = s.districts.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        districts,
        [
            "ashford",
            "canterbury",
            "dartford-gravesham",
            "dover",
            "maidstone",
            "sevenoaks",
            "shepway",
            "swale",
            "thanet",
            "tonbridge-malling",
            "tunbridge-wells"
        ]
    );
    // The reconstructed rows are said to be reconstructed.
    let provenance = s.meta.provenance.join("\n");
    for &(theme, _, printed, _) in KENT_ROWS {
        if !printed {
            let name = &s.theme(theme).unwrap().name;
            assert!(
                provenance.contains(name.as_str()),
                "provenance must explain the reconstructed total of {name}"
            );
        }
    }
}

#[test]
fn kent_consolidated_crime_reaches_the_top_six() {
    // The review: consolidated into one 'crime' category it ranks within the top six.
    let s = kent();
    let crime: BTreeSet<&str> = s
        .matrix
        .iter()
        .filter(|r| s.theme(&r.theme).unwrap().group == "crime")
        .flat_map(|r| r.cells.keys().map(String::as_str))
        .collect();
    assert!(
        crime.len() >= 9,
        "crime group covers only {} districts",
        crime.len()
    );
    let sixth = {
        let mut totals: Vec<usize> = KENT_ROWS.iter().map(|r| r.1).collect();
        totals.sort_unstable_by(|a, b| b.cmp(a));
        totals[5]
    };
    assert!(crime.len() >= sixth);
}

#[test]
fn kent_thanet_column_agrees_with_thanets_plan() {
    let s = kent();
    let thanet: BTreeMap<&str, Level> = s
        .matrix
        .iter()
        .filter_map(|r| r.cells.get("thanet").map(|l| (r.theme.as_str(), *l)))
        .collect();
    let mains: BTreeSet<&str> = thanet
        .iter()
        .filter(|(_, l)| **l == Level::Main)
        .map(|(t, _)| *t)
        .collect();
    assert_eq!(
        mains,
        BTreeSet::from([
            "community-confidence",
            "offenders-reoffending",
            "safeguarding"
        ])
    );
    for named in [
        "violent-crime",
        "asb-environmental",
        "child-abuse-exploitation",
        "human-trafficking-modern-slavery",
        "domestic-abuse",
        "gangs",
        "prevent",
        "substance-misuse",
        "road-safety",
    ] {
        assert!(
            matches!(thanet.get(named), Some(Level::Issue | Level::Subsidiary)),
            "Thanet names {named} within its broader themes, not {:?}",
            thanet.get(named)
        );
    }
}

#[test]
fn kent_plan_is_the_2014_17_agreement_without_the_themes_the_review_adds() {
    let s = kent();
    assert_eq!(s.plan().kind, horizon_model::PlanKind::CountyAgreement);
    let focus: Vec<&str> = s.plan().focus_areas.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        focus,
        [
            "domestic-abuse",
            "anti-social-behaviour",
            "substance-misuse",
            "road-safety",
            "violent-crime",
            "acquisitive-crime"
        ]
    );
    assert_eq!(s.plan().cross_cutting_themes.len(), 4);
    // The review recommends adding Safeguarding and Serious & Organised Crime because
    // the agreement does not yet reference them: the plan must not link them.
    let linked: BTreeSet<&str> = s
        .plan()
        .focus_areas
        .iter()
        .flat_map(|f| &f.themes)
        .chain(s.plan().cross_cutting_themes.iter().flat_map(|c| &c.themes))
        .map(String::as_str)
        .collect();
    for absent in [
        "safeguarding",
        "prevent",
        "human-trafficking-modern-slavery",
        "serious-organised-crime",
        "gangs",
        "health-wellbeing",
    ] {
        assert!(
            !linked.contains(absent),
            "the 2014-17 agreement does not cover {absent}"
        );
    }
}

#[test]
fn kent_horizon_has_every_pestelo_point_of_the_review() {
    let s = kent();
    let mut per_category: BTreeMap<&str, usize> = BTreeMap::new();
    // The county's own scan: Thanet's items are its own plan's.
    for h in s.horizon.iter().filter(|h| h.district.is_none()) {
        *per_category.entry(h.category.as_str()).or_default() += 1;
        assert!(
            !h.detail.is_empty() && !h.source.is_empty(),
            "{} needs the review's words and a source",
            h.id
        );
    }
    let expected: BTreeMap<&str, usize> = [
        ("political", 3),
        ("economic", 2),
        ("social", 12),
        ("technological", 2),
        ("environmental", 3),
        ("legislation", 9),
        ("organisational", 2),
    ]
    .into();
    assert_eq!(per_category, expected);
    // PESTELO, and Thanet's own heading for its scan.
    assert_eq!(s.categories[..7], default_categories()[..]);
    assert_eq!(s.categories[7].name, "Safeguarding");
}

/// Scores the rule pack's thresholds are calibrated against.
const KENT_CALIBRATION: &[(&str, u8, u8, &[&str])] = &[
    ("soc-threat-level", 4, 4, &["prevent", "safeguarding"]),
    (
        "soc-cse",
        4,
        4,
        &["child-abuse-exploitation", "safeguarding"],
    ),
    (
        "soc-mental-health",
        4,
        3,
        &["health-wellbeing", "victims-vulnerable-people"],
    ),
    (
        "soc-organised-crime-groups",
        3,
        4,
        &["serious-organised-crime"],
    ),
    ("soc-street-gangs", 3, 3, &["gangs"]),
    ("soc-psychoactive-substances", 4, 3, &["substance-misuse"]),
    ("tech-cyber-crime", 4, 3, &["digital-crime"]),
    (
        "tech-online-safety",
        4,
        3,
        &["digital-crime", "child-abuse-exploitation", "prevent"],
    ),
    ("env-flooding", 2, 3, &[]),
    ("eco-budget-cuts", 4, 3, &[]),
];

#[test]
fn kent_horizon_scores_are_calibrated() {
    let s = kent();
    for &(id, likelihood, impact, themes) in KENT_CALIBRATION {
        let h = s
            .horizon
            .iter()
            .find(|h| h.id == id)
            .unwrap_or_else(|| panic!("no horizon item {id}"));
        let linked: Vec<&str> = h.themes.iter().map(String::as_str).collect();
        assert_eq!(
            (h.likelihood, h.impact, linked.as_slice()),
            (likelihood, impact, themes),
            "{id}"
        );
        assert_eq!(h.grade(), likelihood * impact);
    }
    let elections = s
        .horizon
        .iter()
        .find(|h| h.id == "pol-pcc-elections")
        .unwrap();
    assert_eq!(elections.time_horizon, TimeHorizon::WithinAYear);
    for h in s.horizon.iter().filter(|h| h.category == "political") {
        assert!(h.impact <= 2, "{} is a low-impact political item", h.id);
        assert!(
            h.themes.iter().all(|t| t == "community-confidence"),
            "{}",
            h.id
        );
    }
}

#[test]
fn kent_partner_priorities_and_legislation() {
    let s = kent();
    let mut per_partner: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &s.partner_priorities {
        *per_partner.entry(p.partner.as_str()).or_default() += 1;
    }
    let expected: BTreeMap<&str, usize> = [
        ("Kent Police Control Strategy 2015/16", 6),
        ("Kent Police and Crime Plan 2016/17", 12),
        ("Medway Community Safety Partnership", 5),
    ]
    .into();
    assert_eq!(per_partner, expected);
    let themes_of = |priority: &str| -> Vec<&str> {
        let p = s
            .partner_priorities
            .iter()
            .find(|p| p.priority == priority)
            .unwrap_or_else(|| panic!("no {priority}"));
        p.themes.iter().map(String::as_str).collect()
    };
    assert_eq!(themes_of("Gangs"), ["gangs"]);
    assert_eq!(
        themes_of("Organised Acquisitive Crime"),
        ["acquisitive-crime", "serious-organised-crime"]
    );
    assert_eq!(
        themes_of("Counter Terrorism and Domestic Extremism"),
        ["prevent"]
    );
    assert_eq!(themes_of("Deliver value for money"), Vec::<&str>::new());
    assert_eq!(
        themes_of("Commitment to safeguarding & improving services"),
        ["safeguarding"]
    );

    use horizon_model::LegislationStatus::*;
    let duties: Vec<(&str, horizon_model::LegislationStatus, bool)> = s
        .legislation
        .iter()
        .map(|l| (l.title.as_str(), l.status, l.creates_duty))
        .collect();
    assert_eq!(
        duties,
        [
            ("Counter-Terrorism and Security Act 2015", Enacted, true),
            ("Modern Slavery Act 2015", Enacted, true),
            ("Serious and Organised Crime Act 2015", Enacted, true),
            ("Offender Rehabilitation Act 2014", Enacted, true),
            ("Psychoactive Substances Act 2016", Incoming, true),
            ("Counter-Extremism Bill", Proposed, false),
            ("Immigration Bill", Proposed, false),
            ("Policing and Criminal Justice Bill", Proposed, false),
            (
                "Cities and Local Government Devolution Act 2016",
                Enacted,
                false
            ),
        ]
    );
    for l in &s.legislation {
        assert_eq!(
            l.creates_duty,
            l.duty.is_some(),
            "{}: a duty needs its sentence, and only a duty",
            l.title
        );
    }
    let prevent = &s.legislation[0];
    assert!(prevent
        .duty
        .as_deref()
        .unwrap()
        .contains("due regard to the need to prevent people being drawn into terrorism"));
    assert!(s.plan().consultation.is_empty() && s.votes.is_empty());
}

#[test]
fn thanet_is_a_district_plan_against_the_county_matrix() {
    let (k, t) = (kent(), thanet());
    assert_eq!(t.plan().kind, horizon_model::PlanKind::DistrictPlan);
    assert_eq!(t.plan().district.as_deref(), Some("thanet"));
    assert_eq!(
        (&t.themes, &t.groups, &t.districts, &t.matrix),
        (&k.themes, &k.groups, &k.districts, &k.matrix)
    );
    assert!(t.plan().cross_cutting_themes.is_empty());
    // Every theme Thanet's focus areas cover is one Thanet's own column names.
    for f in &t.plan().focus_areas {
        for theme in &f.themes {
            assert!(
                t.level("thanet", theme).is_some(),
                "{} covers {theme}, which Thanet's column does not name",
                f.id
            );
        }
    }
    let mains: BTreeSet<&str> = t
        .matrix
        .iter()
        .filter(|r| r.cells.get("thanet") == Some(&Level::Main))
        .map(|r| r.theme.as_str())
        .collect();
    let main_focus: BTreeSet<&str> = t
        .plan()
        .focus_areas
        .iter()
        .map(|f| f.themes[0].as_str())
        .collect();
    assert_eq!(
        mains, main_focus,
        "each focus area leads with one of Thanet's main priorities"
    );
    // The custom Safeguarding heading is a category and is used.
    assert!(t.category("safeguarding").is_some());
    assert!(t.horizon.iter().any(|h| h.category == "safeguarding"));
    assert_eq!(t.plan().consultation.len(), 1);
    let c = &t.plan().consultation[0];
    assert_eq!(
        (c.focus_area.as_deref(), c.responses, c.share_agreeing),
        (None, 350, 0.78)
    );
}

// ---------------------------------------------------------------------------
// Validation: one minimal broken scenario per problem

#[test]
fn the_small_test_scenario_is_valid() {
    let v = small();
    assert!(problems(&v).is_empty(), "{:?}", problems(&v));
    let s = parse(&v);
    assert_eq!((s.themes.len(), s.districts.len()), (3, 3));
    assert!(
        !s.horizon.is_empty()
            && !s.plan().focus_areas.is_empty()
            && !s.partner_priorities.is_empty()
            && !s.legislation.is_empty()
    );
}

type Patch = fn(&mut Value);

/// (what is broken, the patch, the one problem it must produce).
const BROKEN: &[(&str, Patch, ProblemKind, &str)] = {
    use ProblemKind::*;
    &[
        (
            "wrong schema version",
            |v| v["schema_version"] = json!(3),
            UnsupportedSchemaVersion,
            "schema_version",
        ),
        (
            "schema version 0",
            |v| v["schema_version"] = json!(0),
            UnsupportedSchemaVersion,
            "schema_version",
        ),
        (
            "blank title",
            |v| v["meta"]["title"] = json!("  "),
            Empty,
            "meta.title",
        ),
        (
            "empty theme name",
            |v| v["themes"][0]["name"] = json!(""),
            Empty,
            "themes[0].name",
        ),
        (
            "empty district name",
            |v| v["districts"][2]["name"] = json!(" "),
            Empty,
            "districts[2].name",
        ),
        (
            "empty group name",
            |v| v["groups"][1]["name"] = json!(""),
            Empty,
            "groups[1].name",
        ),
        (
            "empty category name",
            |v| v["categories"][6]["name"] = json!(""),
            Empty,
            "categories[6].name",
        ),
        (
            "empty plan name",
            |v| v["plans"][0]["name"] = json!(""),
            Empty,
            "plans[0].name",
        ),
        (
            "empty focus area name",
            |v| v["plans"][0]["focus_areas"][0]["name"] = json!(""),
            Empty,
            "plans[0].focus_areas[0].name",
        ),
        (
            "empty horizon title",
            |v| v["horizon"][1]["title"] = json!(""),
            Empty,
            "horizon[1].title",
        ),
        (
            "empty horizon id",
            |v| v["horizon"][0]["id"] = json!(""),
            Empty,
            "horizon[0].id",
        ),
        (
            "empty partner priority",
            |v| v["partner_priorities"][0]["priority"] = json!(""),
            Empty,
            "partner_priorities[0].priority",
        ),
        (
            "empty legislation title",
            |v| v["legislation"][0]["title"] = json!(""),
            Empty,
            "legislation[0].title",
        ),
        (
            "duplicate theme id",
            |v| {
                let mut copy = v["themes"][0].clone();
                copy["name"] = json!("A copy");
                push(v, "/themes", copy)
            },
            DuplicateId,
            "themes[3].id",
        ),
        (
            "duplicate district id",
            |v| {
                push(
                    v,
                    "/districts",
                    json!({ "id": "thanet", "name": "Thanet again" }),
                )
            },
            DuplicateId,
            "districts[3].id",
        ),
        (
            "duplicate category id",
            |v| {
                push(
                    v,
                    "/categories",
                    json!({ "id": "social", "name": "Society" }),
                )
            },
            DuplicateId,
            "categories[8].id",
        ),
        (
            "duplicate group id",
            |v| {
                push(
                    v,
                    "/groups",
                    json!({ "id": "crime", "name": "Crime again" }),
                )
            },
            DuplicateId,
            "groups[8].id",
        ),
        (
            "duplicate focus area id",
            |v| {
                let mut copy = v["plans"][0]["focus_areas"][0].clone();
                copy["name"] = json!("A copy");
                push(v, "/plans/0/focus_areas", copy)
            },
            DuplicateId,
            "plans[0].focus_areas[2].id",
        ),
        (
            "duplicate horizon id",
            |v| {
                let copy = v["horizon"][0].clone();
                push(v, "/horizon", copy)
            },
            DuplicateId,
            "horizon[2].id",
        ),
        (
            "two matrix rows for one theme",
            |v| {
                let copy = v["matrix"][0].clone();
                push(v, "/matrix", copy)
            },
            DuplicateId,
            "matrix[3].theme",
        ),
        (
            "unknown theme in a horizon item",
            |v| v["horizon"][0]["themes"][0] = json!("nowhere"),
            UnknownReference,
            "horizon[0].themes[0]",
        ),
        (
            "unknown group",
            |v| v["themes"][0]["group"] = json!("nowhere"),
            UnknownReference,
            "themes[0].group",
        ),
        (
            "unknown district in a matrix cell",
            |v| v["matrix"][0]["cells"]["nowhere"] = json!("main"),
            UnknownReference,
            "matrix[0].cells.nowhere",
        ),
        (
            "matrix row for an unknown theme",
            |v| v["matrix"][1]["theme"] = json!("nowhere"),
            UnknownReference,
            "matrix[1].theme",
        ),
        (
            "unknown plan district",
            |v| v["plans"][0]["district"] = json!("nowhere"),
            UnknownReference,
            "plans[0].district",
        ),
        (
            "unknown theme in a focus area",
            |v| push(v, "/plans/0/focus_areas/1/themes", json!("nowhere")),
            UnknownReference,
            "plans[0].focus_areas[1].themes[1]",
        ),
        (
            "unknown theme in a cross-cutting theme",
            |v| {
                push(
                    v,
                    "/plans/0/cross_cutting_themes",
                    json!({ "id": "x", "name": "X", "themes": ["domestic-abuse", "nowhere"] }),
                )
            },
            UnknownReference,
            "plans[0].cross_cutting_themes[0].themes[1]",
        ),
        (
            "unknown theme in a partner priority",
            |v| v["partner_priorities"][0]["themes"][0] = json!("nowhere"),
            UnknownReference,
            "partner_priorities[0].themes[0]",
        ),
        (
            "unknown theme in legislation",
            |v| v["legislation"][0]["themes"][0] = json!("nowhere"),
            UnknownReference,
            "legislation[0].themes[0]",
        ),
        (
            "unknown focus area in consultation",
            |v| v["plans"][0]["consultation"][0]["focus_area"] = json!("nowhere"),
            UnknownReference,
            "plans[0].consultation[0].focus_area",
        ),
        (
            "unknown theme in a vote",
            |v| v["votes"][0]["theme"] = json!("nowhere"),
            UnknownReference,
            "votes[0].theme",
        ),
        (
            "likelihood 5",
            |v| v["horizon"][0]["likelihood"] = json!(5),
            OutOfRange,
            "horizon[0].likelihood",
        ),
        (
            "likelihood 0",
            |v| v["horizon"][0]["likelihood"] = json!(0),
            OutOfRange,
            "horizon[0].likelihood",
        ),
        (
            "impact 5",
            |v| v["horizon"][1]["impact"] = json!(5),
            OutOfRange,
            "horizon[1].impact",
        ),
        (
            "impact 0",
            |v| v["horizon"][1]["impact"] = json!(0),
            OutOfRange,
            "horizon[1].impact",
        ),
        (
            "share agreeing 1.5",
            |v| v["plans"][0]["consultation"][0]["share_agreeing"] = json!(1.5),
            OutOfRange,
            "plans[0].consultation[0].share_agreeing",
        ),
        (
            "share agreeing 78 (a percentage)",
            |v| v["plans"][0]["consultation"][0]["share_agreeing"] = json!(78),
            OutOfRange,
            "plans[0].consultation[0].share_agreeing",
        ),
        (
            "negative share agreeing",
            |v| v["plans"][0]["consultation"][0]["share_agreeing"] = json!(-0.1),
            OutOfRange,
            "plans[0].consultation[0].share_agreeing",
        ),
        (
            "unknown category",
            |v| v["horizon"][0]["category"] = json!("weather"),
            UnknownCategory,
            "horizon[0].category",
        ),
        (
            "a 201-character horizon title",
            |v| v["horizon"][0]["title"] = json!("x".repeat(201)),
            TooLong,
            "horizon[0].title",
        ),
        (
            "a 101-character theme name",
            |v| v["themes"][1]["name"] = json!("y".repeat(101)),
            TooLong,
            "themes[1].name",
        ),
        (
            "two districts of one name",
            |v| v["districts"][1]["name"] = json!("  ashford "),
            DuplicateName,
            "districts[1].name",
        ),
        (
            "two themes of one name, in other case",
            |v| {
                v["themes"][2]["name"] = v["themes"][0]["name"]
                    .as_str()
                    .unwrap()
                    .to_uppercase()
                    .into()
            },
            DuplicateName,
            "themes[2].name",
        ),
        (
            "a focus area listing a theme twice",
            |v| {
                let t = v["plans"][0]["focus_areas"][0]["themes"][0].clone();
                push(v, "/plans/0/focus_areas/0/themes", t)
            },
            DuplicateName,
            "plans[0].focus_areas[0].themes[1]",
        ),
        (
            "two consultation results for one focus area",
            |v| {
                let r = v["plans"][0]["consultation"][0].clone();
                push(v, "/plans/0/consultation", r)
            },
            DuplicateName,
            "plans[0].consultation[1].focus_area",
        ),
        (
            "two vote counts for one theme",
            |v| push(v, "/votes", json!({ "theme": "safeguarding", "votes": 3 })),
            DuplicateName,
            "votes[1].theme",
        ),
        (
            "a right-to-left override in a theme's name",
            |v| v["themes"][0]["name"] = "Anti\u{202E}social".into(),
            HiddenCharacter,
            "themes[0].name",
        ),
        (
            "a line break in a district's name",
            |v| v["districts"][0]["name"] = "Dover\nDistrict".into(),
            HiddenCharacter,
            "districts[0].name",
        ),
        (
            "a terminal escape in a horizon item's title",
            |v| v["horizon"][0]["title"] = "Cuts \u{1b}[31mred".into(),
            HiddenCharacter,
            "horizon[0].title",
        ),
        (
            "an isolate in a focus area's name",
            |v| v["plans"][0]["focus_areas"][0]["name"] = "\u{2067}Safer\u{2069}".into(),
            HiddenCharacter,
            "plans[0].focus_areas[0].name",
        ),
        (
            "a C1 control in a horizon category's name",
            |v| v["categories"][0]["name"] = "Political\u{9b}".into(),
            HiddenCharacter,
            "categories[0].name",
        ),
    ]
};

/// The kinds a file can have (`NotFound` and `InUse` come only from edits, tested in `edits`).
const ALL_KINDS: [ProblemKind; 9] = [
    ProblemKind::UnsupportedSchemaVersion,
    ProblemKind::DuplicateId,
    ProblemKind::UnknownReference,
    ProblemKind::OutOfRange,
    ProblemKind::UnknownCategory,
    ProblemKind::Empty,
    ProblemKind::TooLong,
    ProblemKind::DuplicateName,
    ProblemKind::HiddenCharacter,
];

/// Fails to compile when a kind is added, so ALL_KINDS (and the table) get updated.
#[allow(dead_code)]
fn all_kinds_is_exhaustive(k: ProblemKind) {
    match k {
        ProblemKind::UnsupportedSchemaVersion
        | ProblemKind::DuplicateId
        | ProblemKind::UnknownReference
        | ProblemKind::OutOfRange
        | ProblemKind::UnknownCategory
        | ProblemKind::Empty
        | ProblemKind::TooLong
        | ProblemKind::DuplicateName
        | ProblemKind::NotFound
        | ProblemKind::InUse
        | ProblemKind::HiddenCharacter => {}
    }
}

#[test]
fn each_broken_scenario_reports_exactly_its_problem() {
    for &(what, patch, kind, path) in BROKEN {
        let mut v = small();
        patch(&mut v);
        assert_eq!(problems(&v), vec![(kind, path.to_string())], "{what}");
        // And loading the file refuses it with the same problem.
        match Scenario::from_json(&v.to_string()) {
            Err(LoadError::Invalid(found)) => {
                assert_eq!(found.len(), 1, "{what}");
                assert!(!found[0].message.is_empty(), "{what}");
                assert_eq!(
                    found[0].to_string(),
                    format!("{path}: {}", found[0].message)
                );
            }
            other => panic!("{what}: expected LoadError::Invalid, got {other:?}"),
        }
    }
}

#[test]
fn every_problem_kind_is_produced_by_some_broken_scenario() {
    for kind in ALL_KINDS {
        assert!(
            BROKEN.iter().any(|b| b.2 == kind),
            "no test scenario produces {kind:?}"
        );
    }
}

#[test]
fn problem_messages_name_the_culprit() {
    let message = |patch: Patch| {
        let mut v = small();
        patch(&mut v);
        validate(&parse(&v)).remove(0).message
    };
    let m = message(|v| v["horizon"][0]["themes"][0] = json!("nowhere"));
    assert!(m.contains("\"nowhere\""), "{m}");
    let m = message(|v| v["horizon"][0]["likelihood"] = json!(5));
    assert!(m.contains("1 to 4") && m.contains('5'), "{m}");
    let m = message(|v| v["horizon"][0]["category"] = json!("weather"));
    assert!(
        m.contains("\"weather\"") && m.contains("political"),
        "the message lists the categories there are: {m}"
    );
    let m = message(|v| v["plans"][0]["consultation"][0]["share_agreeing"] = json!(78));
    assert!(m.contains("0.78 means 78 %"), "{m}");
    let m = message(|v| v["schema_version"] = json!(3));
    assert!(m.contains('1') && m.contains('3'), "{m}");
}

#[test]
fn several_problems_are_all_reported_in_file_order() {
    let mut v = small();
    // Broken in reverse file order, to show the report is sorted by the file, not by the edit.
    v["votes"][0]["theme"] = json!("nowhere");
    v["plans"][0]["consultation"][0]["share_agreeing"] = json!(1.5);
    v["horizon"][1]["impact"] = json!(9);
    v["horizon"][1]["title"] = json!("");
    v["horizon"][0]["category"] = json!("weather");
    v["horizon"][0]["likelihood"] = json!(0);
    v["matrix"][0]["cells"]["nowhere"] = json!("issue");
    v["themes"][2]["group"] = json!("nowhere");
    v["themes"][1]["name"] = json!("");
    v["meta"]["title"] = json!("");
    v["schema_version"] = json!(3);
    let expected = [
        "schema_version",
        "meta.title",
        "themes[1].name",
        "themes[2].group",
        "matrix[0].cells.nowhere",
        "plans[0].consultation[0].share_agreeing",
        "horizon[0].category",
        "horizon[0].likelihood",
        "horizon[1].title",
        "horizon[1].impact",
        "votes[0].theme",
    ];
    let found: Vec<String> = problems(&v).into_iter().map(|p| p.1).collect();
    assert_eq!(found, expected);
    match Scenario::from_json(&v.to_string()) {
        Err(e @ LoadError::Invalid(_)) => {
            let text = e.to_string();
            assert!(
                text.starts_with("the scenario has 11 problem(s):"),
                "{text}"
            );
            for path in expected {
                assert!(text.contains(path), "{path} missing from: {text}");
            }
        }
        other => panic!("expected LoadError::Invalid, got {other:?}"),
    }
}

#[test]
fn a_district_may_add_its_own_horizon_categories() {
    let mut v = small();
    push(
        &mut v,
        "/categories",
        json!({ "id": "resilience", "name": "Community resilience" }),
    );
    v["horizon"][0]["category"] = json!("resilience");
    assert!(problems(&v).is_empty(), "{:?}", problems(&v));
}

#[test]
fn categories_default_to_pestelo_when_left_out() {
    let mut v = small();
    v.as_object_mut().unwrap().remove("categories");
    let s = Scenario::from_json(&v.to_string()).unwrap();
    assert_eq!(s.categories, default_categories());
    let ids: Vec<&str> = s.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "political",
            "economic",
            "social",
            "technological",
            "environmental",
            "legislation",
            "organisational"
        ]
    );
}

#[test]
fn optional_lists_may_be_left_out() {
    let mut v = small();
    for key in [
        "matrix",
        "horizon",
        "partner_priorities",
        "legislation",
        "votes",
    ] {
        v.as_object_mut().unwrap().remove(key);
    }
    v["plans"][0]
        .as_object_mut()
        .unwrap()
        .remove("consultation");
    v["meta"].as_object_mut().unwrap().remove("provenance");
    v["plans"][0]
        .as_object_mut()
        .unwrap()
        .remove("cross_cutting_themes");
    let s = Scenario::from_json(&v.to_string()).unwrap();
    assert!(
        s.matrix.is_empty()
            && s.horizon.is_empty()
            && s.votes.is_empty()
            && s.meta.provenance.is_empty()
    );
}

// ---------------------------------------------------------------------------
// JSON errors: line and column, as an editor shows them

fn json_error(text: &str) -> (usize, usize, String) {
    match Scenario::from_json(text) {
        Err(LoadError::Json {
            line,
            column,
            message,
        }) => (line, column, message),
        other => panic!("expected LoadError::Json, got {other:?}"),
    }
}

/// 1-based line of the first line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle is in the text")
        + 1
}

#[test]
fn invalid_json_reports_line_and_column() {
    let text = "{\n  \"schema_version\": 1,\n  \"meta\": {\n    \"title\": \"Broken\",,\n";
    let (line, column, message) = json_error(text);
    assert_eq!((line, column), (4, 23), "{message}");
    assert!(
        !message.contains(" at line "),
        "line and column are reported separately: {message}"
    );

    // A missing comma deep inside a real file.
    let kent = example("kent-2016").unwrap().json;
    let target = "\"title\": \"Police and Crime Commissioner elections\",";
    let broken = kent.replacen(target, target.trim_end_matches(','), 1);
    let (line, column, _) = json_error(&broken);
    assert_eq!(
        line,
        line_of(&broken, "Police and Crime Commissioner elections\"") + 1
    );
    let next = broken.lines().nth(line - 1).unwrap();
    assert_eq!(
        column,
        next.find('"').unwrap() + 1,
        "the column points at the next field: {next}"
    );

    // The Display form carries both for the command line.
    let e = Scenario::from_json("{\n  \"schema_version\": one\n}").unwrap_err();
    assert!(e.to_string().starts_with("line 2, column "), "{e}");
}

#[test]
fn an_unknown_field_is_an_error_with_its_line() {
    let kent = example("kent-2016").unwrap().json;
    // A typo in a hand-edited file: "likelyhood" for "likelihood".
    let broken = kent.replacen("\"likelihood\": 4,", "\"likelyhood\": 4,", 1);
    let (line, _, message) = json_error(&broken);
    assert_eq!(line, line_of(&broken, "likelyhood"));
    assert!(message.contains("unknown field `likelyhood`"), "{message}");

    // An extra field at the top level is refused too.
    let mut v = small();
    v["colour"] = json!("red");
    let (_, _, message) = json_error(&serde_json::to_string_pretty(&v).unwrap());
    assert!(message.contains("colour"), "{message}");
}

#[test]
fn wrong_types_and_values_are_json_errors() {
    let mut v = small();
    v["matrix"][0]["cells"]["ashford"] = json!("major");
    let (_, _, message) = json_error(&v.to_string());
    assert!(
        message.contains("major") && message.contains("main"),
        "{message}"
    );

    let mut v = small();
    v["horizon"][0]["likelihood"] = json!("high");
    let (_, _, message) = json_error(&v.to_string());
    assert!(message.contains("high"), "{message}");

    let mut v = small();
    v["horizon"][0]["time_horizon"] = json!("soon");
    let (_, _, message) = json_error(&v.to_string());
    assert!(
        message.contains("within_a_year"),
        "the message lists the allowed values: {message}"
    );

    let mut v = small();
    v["horizon"][0]["likelihood"] = json!(300);
    json_error(&v.to_string());
}

// ---------------------------------------------------------------------------
// Editing helpers

#[test]
fn level_cycles_none_main_subsidiary_issue_none() {
    let mut level = None;
    let mut seen = vec![];
    for _ in 0..4 {
        level = Level::cycle(level);
        seen.push(level);
    }
    assert_eq!(
        seen,
        [
            Some(Level::Main),
            Some(Level::Subsidiary),
            Some(Level::Issue),
            None
        ]
    );
}

#[test]
fn level_and_time_horizon_names_parse_back() {
    for l in Level::ALL {
        assert_eq!(Level::parse(l.as_str()), Some(l));
        assert_eq!(serde_json::to_value(l).unwrap(), json!(l.as_str()));
        assert!(!l.label().is_empty());
    }
    assert_eq!(Level::parse("Main"), None);
    for t in TimeHorizon::ALL {
        assert_eq!(TimeHorizon::parse(t.as_str()), Some(t));
        assert_eq!(serde_json::to_value(t).unwrap(), json!(t.as_str()));
    }
    assert_eq!(TimeHorizon::parse("soon"), None);
}

#[test]
fn set_level_adds_changes_and_removes_cells_and_rows() {
    let mut s = parse(&small());
    let rows = s.matrix.len();
    assert_eq!(s.level("ashford", "nowhere-yet"), None);

    // A new theme needs a new row.
    s.themes.push(horizon_model::Theme {
        id: "gangs".into(),
        name: "Gangs".into(),
        group: "crime".into(),
        aliases: vec![],
        description: None,
    });
    s.set_level("thanet", "gangs", None);
    assert_eq!(
        s.matrix.len(),
        rows,
        "clearing an absent cell creates no row"
    );
    s.set_level("thanet", "gangs", Some(Level::Issue));
    assert_eq!(s.matrix.len(), rows + 1);
    assert_eq!(s.level("thanet", "gangs"), Some(Level::Issue));
    assert_eq!(s.district_count("gangs"), 1);
    s.set_level("ashford", "gangs", Some(Level::Main));
    s.set_level("thanet", "gangs", Some(Level::Subsidiary));
    assert_eq!(
        (s.level("thanet", "gangs"), s.district_count("gangs")),
        (Some(Level::Subsidiary), 2)
    );
    assert_eq!(s.matrix.len(), rows + 1, "still one row per theme");
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));

    s.set_level("thanet", "gangs", None);
    s.set_level("ashford", "gangs", None);
    assert_eq!(s.matrix.len(), rows, "the last cleared cell drops the row");
    assert_eq!(s.district_count("gangs"), 0);

    // Cycling a cell through every level and back leaves the scenario as it was.
    let before = s.clone();
    let mut level = s.level("canterbury", "safeguarding");
    for _ in 0..4 {
        level = Level::cycle(level);
        s.set_level("canterbury", "safeguarding", level);
        assert_eq!(s.level("canterbury", "safeguarding"), level);
    }
    assert_eq!(s, before);
}

#[test]
fn district_count_ignores_cells_of_unknown_districts() {
    let mut v = small();
    v["matrix"][0]["cells"]["nowhere"] = json!("main");
    let s = parse(&v);
    let theme = s.matrix[0].theme.clone();
    assert_eq!(s.district_count(&theme), s.matrix[0].cells.len() - 1);
    assert_eq!(s.district_counts()[theme.as_str()], s.matrix[0].cells.len() - 1);
}

// ---------------------------------------------------------------------------
// The format documentation

fn format_doc() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/scenario-format.md");
    std::fs::read_to_string(path).expect("docs/scenario-format.md exists")
}

#[test]
fn the_documented_complete_example_is_valid() {
    let doc = format_doc();
    let blocks: Vec<&str> = doc
        .split("```json\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    let complete: Vec<&&str> = blocks
        .iter()
        .filter(|b| b.contains("\"schema_version\""))
        .collect();
    assert!(
        !complete.is_empty(),
        "the format page shows a complete example"
    );
    for block in complete {
        let s = Scenario::from_json(block)
            .unwrap_or_else(|e| panic!("the documented example does not load: {e}"));
        assert_eq!(s.categories, default_categories());
    }
    // The fragments are valid JSON too.
    for block in blocks {
        serde_json::from_str::<Value>(block)
            .unwrap_or_else(|e| panic!("a JSON block in the format page is not JSON: {e}"));
    }
}

#[test]
fn the_format_doc_names_every_problem_kind_and_value() {
    let doc = format_doc();
    for kind in ALL_KINDS {
        let name = serde_json::to_value(kind).unwrap();
        assert!(
            doc.contains(&format!("`{}`", name.as_str().unwrap())),
            "docs do not explain {name}"
        );
    }
    for l in Level::ALL {
        assert!(
            doc.contains(&format!("`{}`", l.as_str())),
            "docs do not explain level {}",
            l.as_str()
        );
    }
    for t in TimeHorizon::ALL {
        assert!(
            doc.contains(&format!("`{}`", t.as_str())),
            "docs do not explain time horizon {}",
            t.as_str()
        );
    }
    for c in default_categories() {
        assert!(
            doc.contains(&format!("`{}`", c.id)),
            "docs do not list category {}",
            c.id
        );
    }
}

// ---------------------------------------------------------------------------
// What differs between two scenarios

fn described(a: &Scenario, b: &Scenario) -> Vec<(Section, String)> {
    horizon_model::diff(a, b)
        .into_iter()
        .map(|d| (d.section, d.description))
        .collect()
}

#[test]
fn a_scenario_does_not_differ_from_itself() {
    for e in EXAMPLES {
        let s = e.scenario();
        assert!(described(&s, &s).is_empty(), "{}", e.name);
    }
}

#[test]
fn changed_matrix_cells_are_named_district_theme_from_and_to() {
    let a = kent();
    let mut b = a.clone();
    assert_eq!(a.level("swale", "domestic-abuse"), Some(Level::Main));
    b.set_level("swale", "domestic-abuse", None);
    b.set_level("sevenoaks", "domestic-abuse", Some(Level::Issue));
    assert_eq!(
        described(&a, &b),
        vec![
            (
                Section::Matrix,
                "Sevenoaks — Domestic Abuse: not named → issue within a broader theme".to_string()
            ),
            (
                Section::Matrix,
                "Swale — Domestic Abuse: named main priority → not named".to_string()
            ),
        ]
    );
}

#[test]
fn renames_are_matched_by_id_and_reported_once_in_the_new_names() {
    let a = kent();
    let mut b = a.clone();
    b.themes
        .iter_mut()
        .find(|t| t.id == "domestic-abuse")
        .unwrap()
        .name = "Domestic Violence and Abuse".into();
    b.districts
        .iter_mut()
        .find(|d| d.id == "swale")
        .unwrap()
        .name = "Swale Borough".into();
    b.set_level("swale", "domestic-abuse", Some(Level::Subsidiary));
    assert_eq!(
        described(&a, &b),
        vec![
            (
                Section::Themes,
                "Theme renamed: Domestic Abuse → Domestic Violence and Abuse".to_string()
            ),
            (
                Section::Districts,
                "District renamed: Swale → Swale Borough".to_string()
            ),
            (
                Section::Matrix,
                "Swale Borough — Domestic Violence and Abuse: named main priority → subsidiary priority or cross-cutting theme".to_string()
            ),
        ]
    );
}

#[test]
fn an_added_or_removed_district_or_theme_is_one_difference_with_its_cells_counted() {
    let a = kent();
    let mut b = a.clone();
    let swale_cells = a
        .matrix
        .iter()
        .filter(|r| r.cells.contains_key("swale"))
        .count();
    b.districts.retain(|d| d.id != "swale");
    for r in &mut b.matrix {
        r.cells.remove("swale");
    }
    b.matrix.retain(|r| !r.cells.is_empty());
    b.districts.push(horizon_model::District {
        id: "medway".into(),
        name: "Medway".into(),
        aliases: Vec::new(),
    });
    assert_eq!(
        described(&a, &b),
        vec![
            (
                Section::Districts,
                format!("District removed: Swale (it named {swale_cells} themes)")
            ),
            (Section::Districts, "District added: Medway".to_string()),
        ]
    );
}

#[test]
fn plan_changes_are_described_in_the_plans_words() {
    let a = kent();
    let mut b = a.clone();
    b.plan_mut().name = "Kent Community Safety Agreement 2017-20".into();
    b.plan_mut().focus_areas.retain(|f| f.id != "road-safety");
    let da = b
        .plan_mut()
        .focus_areas
        .iter_mut()
        .find(|f| f.id == "domestic-abuse")
        .unwrap();
    da.name = "Domestic Violence".into();
    da.themes.push("safeguarding".into());
    b.plan_mut().focus_areas.push(horizon_model::FocusArea {
        id: "safeguarding".into(),
        name: "Safeguarding Vulnerable People".into(),
        themes: vec!["safeguarding".into(), "prevent".into()],
        serves: Vec::new(),
    });
    b.plan_mut().cross_cutting_themes.clear();
    let got = described(&a, &b);
    let want = [
        "Plan name: “Kent Community Safety Agreement 2014-17” → “Kent Community Safety Agreement 2017-20”",
        "Focus area removed: Road Safety",
        "Focus area renamed: Domestic Abuse → Domestic Violence",
        "Focus area Domestic Violence now covers Safeguarding",
        "Focus area added: Safeguarding Vulnerable People (covering Safeguarding and Prevent)",
    ];
    for w in want {
        assert!(
            got.contains(&(Section::Plan, w.to_string())),
            "{w} in {got:#?}"
        );
    }
    let removed_cc = a.plan().cross_cutting_themes.len();
    assert_eq!(
        got.iter()
            .filter(|(_, d)| d.starts_with("Cross-cutting theme removed: "))
            .count(),
        removed_cc
    );
    assert!(got.iter().all(|(s, _)| *s == Section::Plan), "{got:#?}");
}

#[test]
fn horizon_legislation_partners_consultation_votes_and_meta_differences() {
    let a = kent();
    let mut b = a.clone();
    b.meta.title = "What if".into();
    b.categories[0].name = "Political and governance".into();
    b.horizon[0].likelihood = 2;
    let gone = b.horizon.remove(1).title;
    let law = &mut b.legislation[0];
    law.status = horizon_model::LegislationStatus::Incoming;
    law.creates_duty = false;
    let law_title = law.title.clone();
    let p = b.partner_priorities[0].clone();
    b.partner_priorities.push(horizon_model::PartnerPriority {
        id: "fire-road-safety".into(),
        partner: "Kent Fire and Rescue".into(),
        priority: "Road safety".into(),
        themes: vec!["road-safety".into()],
        district: None,
    });
    b.plan_mut()
        .consultation
        .push(horizon_model::ConsultationResult {
            focus_area: Some("road-safety".into()),
            responses: 340,
            share_agreeing: 0.31,
        });
    b.votes.push(horizon_model::StakeholderVote {
        theme: "gangs".into(),
        votes: 12,
    });
    let got = described(&a, &b);
    let h0 = &a.horizon[0];
    let want = [
        (
            Section::Meta,
            format!("Title: “{}” → “What if”", a.meta.title),
        ),
        (
            Section::Categories,
            "Horizon-scanning category renamed: Political → Political and governance".into(),
        ),
        (Section::Horizon, format!("Horizon item removed: {gone}")),
        (
            Section::Horizon,
            format!(
                "Horizon item {}: likelihood 4 × impact {} = {} → likelihood 2 × impact {} = {}",
                h0.title,
                h0.impact,
                4 * h0.impact,
                h0.impact,
                2 * h0.impact
            ),
        ),
        (
            Section::Legislation,
            format!("{law_title}: enacted → incoming"),
        ),
        (
            Section::Legislation,
            format!("{law_title} no longer creates a statutory duty"),
        ),
        (
            Section::PartnerPriorities,
            "Partner priority added: Kent Fire and Rescue: Road safety".into(),
        ),
        (
            Section::Consultation,
            "Consultation on Road Safety added: 31 % of 340 respondents agree".into(),
        ),
        (
            Section::Votes,
            "Stakeholder votes for Gangs: none → 12".into(),
        ),
    ];
    for w in &want {
        assert!(got.contains(w), "{w:?} in {got:#?}");
    }
    assert_eq!(got.len(), want.len(), "{got:#?}");
    // Sections come in file order.
    let sections: Vec<Section> = got.iter().map(|(s, _)| *s).collect();
    let mut sorted = sections.clone();
    sorted.sort();
    assert_eq!(sections, sorted);
    assert!(
        !got.iter().any(|(_, d)| d.contains(&p.id)),
        "names, not ids"
    );

    // A consultation figure that moves says from what to what.
    let mut c = b.clone();
    c.plan_mut().consultation[0].share_agreeing = 0.78;
    assert_eq!(
        described(&b, &c),
        vec![(
            Section::Consultation,
            "Consultation on Road Safety: 31 % of 340 respondents agree → 78 % of 340 respondents agree".to_string()
        )]
    );
}

#[test]
fn thanet_2016_17_to_2017_20_shows_community_confidence_reworded_as_a_rename() {
    // Seed 002: "community confidence" is reworded to "community reassurance". The
    // focus area keeps its id across the two examples, so the comparison matches it
    // and reports one rename, not a focus area removed and another added.
    let (a, b) = (thanet(), example("thanet-2017-20").unwrap().scenario());
    assert_eq!(
        (a.under_review.as_str(), b.under_review.as_str()),
        ("thanet", "thanet")
    );
    assert_eq!(
        b.focus_area("community-confidence").unwrap().name,
        "Community Reassurance"
    );
    let plan: Vec<String> = described(&a, &b)
        .into_iter()
        .filter(|(s, _)| *s == Section::Plan)
        .map(|(_, d)| d)
        .collect();
    assert!(
        plan.contains(
            &"Focus area renamed: Improving community confidence and agency collaboration → \
              Community Reassurance"
                .to_string()
        ),
        "{plan:#?}"
    );
    assert!(
        plan.iter()
            .all(|d| !d.starts_with("Focus area added") && !d.starts_with("Focus area removed")),
        "the three focus areas carry over: {plan:#?}"
    );
    assert!(
        plan.contains(
            &"Focus area renamed: Safeguarding our most vulnerable people → Safeguarding Vulnerability"
                .to_string()
        ),
        "{plan:#?}"
    );
    assert!(
        plan.contains(
            &"Plan name: “Thanet Community Safety Plan 2016-17” → “Thanet Community Safety Plan 2017-20”"
                .to_string()
        ),
        "{plan:#?}"
    );
    // The county agreement is the same plan in both files.
    assert!(
        plan.iter()
            .all(|d| !d.starts_with("Plan added") && !d.starts_with("Plan removed")),
        "{plan:#?}"
    );
}

#[test]
fn the_later_thanet_plans_and_medway_carry_their_published_figures() {
    use horizon_model::PlanKind;
    let overall = |s: &Scenario| {
        let c = &s.plan().consultation;
        assert_eq!(c.len(), 1, "{}", s.meta.title);
        assert_eq!(c[0].focus_area, None);
        (c[0].responses, c[0].share_agreeing)
    };
    // Seed 002: 340 responses, 75.9 % agreed; read against the Kent agreement.
    let t17 = example("thanet-2017-20").unwrap().scenario();
    assert_eq!(overall(&t17), (340, 0.759));
    assert_eq!(
        t17.county_agreement().map(|c| c.id.as_str()),
        Some("kent-csa")
    );
    assert_eq!(t17.own_district(), Some("thanet"));

    // Seed 001: 553 responses, 88 %; the scan's own five headings; the Leadership
    // Group's priorities are Thanet's own evidence, read for Thanet's plan only.
    let t20 = example("thanet-2020-23").unwrap().scenario();
    assert_eq!(overall(&t20), (553, 0.88));
    let headings: Vec<&str> = t20.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        headings,
        [
            "Political",
            "Environmental",
            "Social",
            "Safeguarding",
            "Organisational"
        ]
    );
    assert_eq!(
        t20.county_agreement().map(|c| c.id.as_str()),
        Some("kent-csa")
    );
    let names: Vec<&str> = t20
        .plan()
        .focus_areas
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Reducing Offending and Reoffending",
            "Safeguarding Vulnerability",
            "Community Reassurance"
        ]
    );
    let leadership: Vec<_> = t20
        .partner_priorities
        .iter()
        .filter(|p| p.partner.contains("Thanet Leadership Group"))
        .collect();
    assert!(leadership.len() >= 3);
    assert!(leadership
        .iter()
        .all(|p| p.district.as_deref() == Some("thanet")));
    assert!(t20
        .horizon
        .iter()
        .all(|h| h.district.as_deref() == Some("thanet")));
    let mut county_view = t20.clone();
    county_view.under_review = "kent-csa".into();
    assert_eq!(
        county_view.horizon_read().count(),
        0,
        "Thanet's scan is not the county's"
    );

    // Seed 003: a unitary authority outside the Kent agreement, reviewed on its own
    // (no county agreement, none awaited); five priorities; the risk register.
    let m = example("medway-2016-20").unwrap().scenario();
    assert_eq!(m.plans.len(), 1);
    assert_eq!(m.plan().kind, PlanKind::UnitaryPlan);
    assert!(m.county_agreement().is_none());
    assert_eq!(m.own_district(), Some("medway"));
    assert_eq!(m.plan().focus_areas.len(), 5);
    assert!(m.plan().consultation.is_empty(), "no figures are published");
    assert!(m
        .horizon_read()
        .any(|h| h.detail.contains("spread too thin")));
    assert!(m
        .meta
        .provenance
        .iter()
        .any(|n| n.contains("outside the Kent Community Safety Agreement")));
}
