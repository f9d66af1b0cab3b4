//! Alignment as a district officer and a county working group read it: Thanet's
//! 2016-17 plan against the Kent agreement, and the eleven districts side by side.

use horizon_engine::{align, county_view, How, NoAlignment, Standing};
use horizon_model::{example, Edit, Item, Level, Scenario};

fn thanet() -> Scenario {
    example("thanet-2016-17").expect("the example").scenario()
}

/// The standing of the county priority called `name`.
fn standing<'a>(a: &'a horizon_engine::Alignment, name: &str) -> &'a Standing {
    &a.priorities
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no county priority {name}"))
        .standing
}

fn covered_by(st: &Standing) -> Vec<(&str, How)> {
    match st {
        Standing::Covered { by } => by.iter().map(|c| (c.name.as_str(), c.how)).collect(),
        other => panic!("not covered: {other:?}"),
    }
}

#[test]
fn thanets_broad_focus_areas_take_in_the_county_priorities_within_them() {
    let s = thanet();
    let a = align(&s, "thanet").expect("a district plan aligns");
    assert_eq!(
        a.county_name.as_deref(),
        Some("Kent Community Safety Agreement 2014-17")
    );
    assert_eq!(
        a.priorities.len(),
        10,
        "6 priorities and 4 cross-cutting themes"
    );
    assert_eq!(
        covered_by(standing(&a, "Domestic Abuse")),
        [("Safeguarding our most vulnerable people", How::Within)]
    );
    for name in [
        "Violent Crime",
        "Anti-Social Behaviour",
        "Reducing reoffending",
    ] {
        assert_eq!(
            covered_by(standing(&a, name)),
            [("Reducing Offending and Reoffending", How::Within)],
            "{name}"
        );
    }
    // Named in Thanet's column but in none of its three focus areas.
    for name in ["Substance Misuse", "Road Safety"] {
        assert!(
            matches!(
                standing(&a, name),
                Standing::NamedLocally {
                    level: Level::Issue,
                    ..
                }
            ),
            "{name}: {:?}",
            standing(&a, name)
        );
    }
    assert_eq!(*standing(&a, "Acquisitive Crime"), Standing::NotAddressed);

    let community = a
        .focus_areas
        .iter()
        .find(|f| f.id == "community-confidence")
        .unwrap();
    assert!(community.serves.is_empty());
    assert_eq!(
        community.distinctive,
        ["community-confidence", "clean-green-safer"]
    );

    let said = a.sentences(&s).join("\n");
    for line in [
        "Of the 10 priorities and cross-cutting themes of Kent Community Safety Agreement 2014-17, 6 are covered by Thanet's plan, 3 named in Thanet's column of the matrix only, and 1 not addressed locally.",
        "Domestic Abuse: covered within the broader focus area “Safeguarding our most vulnerable people”.",
        "Substance Misuse: Thanet's column of the matrix names Substance Misuse as an issue within a broader theme, but no focus area of the plan takes it in.",
        "Acquisitive Crime: not addressed locally.",
        "“Improving community confidence and agency collaboration” serves none of the county's priorities; distinctive to Thanet: Community Confidence and Clean, Green & Safer / Safer Communities, which the county agreement does not carry.",
    ] {
        assert!(said.contains(line), "missing: {line}\nin:\n{said}");
    }
    assert!(
        !said.contains("kent-csa") && !said.contains("community-confidence"),
        "no ids: {said}"
    );
}

#[test]
fn a_focus_area_that_says_it_serves_a_priority_covers_it_and_a_narrow_one_covers_it_directly() {
    let mut s = thanet();
    let mut fa = s.plan().focus_areas[0].clone();
    fa.serves = vec!["acquisitive-crime".into()];
    s.apply(&Edit::Update {
        id: fa.id.clone(),
        item: Item::FocusArea(fa.clone()),
    })
    .expect("the county priority exists");
    let a = align(&s, "thanet").unwrap();
    assert_eq!(
        covered_by(standing(&a, "Acquisitive Crime")),
        [("Reducing Offending and Reoffending", How::Within)]
    );

    let mut s = thanet();
    s.apply(&Edit::Add(Item::FocusArea(horizon_model::FocusArea {
        id: String::new(),
        name: "Road safety".into(),
        themes: vec!["road-safety".into()],
        serves: Vec::new(),
    })))
    .unwrap();
    let a = align(&s, "thanet").unwrap();
    assert_eq!(
        covered_by(standing(&a, "Road Safety")),
        [("Road safety", How::Directly)]
    );
}

#[test]
fn the_county_agreement_and_a_unitary_plan_have_no_alignment_of_their_own() {
    let s = thanet();
    let err = align(&s, "kent-csa").unwrap_err();
    assert!(matches!(err, NoAlignment::County(_)));
    assert!(
        err.to_string().contains("choose a district's plan"),
        "{err}"
    );
    assert!(matches!(align(&s, "nope"), Err(NoAlignment::NoSuchPlan(_))));
}

#[test]
fn the_county_view_reads_every_district_and_ranks_who_drifts_furthest() {
    let s = thanet();
    let v = county_view(&s).expect("Kent has an agreement");
    assert_eq!(v.districts.len(), 11);
    assert_eq!(v.priorities.len(), 10);
    let row = |id: &str| v.districts.iter().find(|r| r.district == id).unwrap();
    // Thanet has its plan in the scenario: its cells follow the plan.
    let thanet = row("thanet");
    assert_eq!(thanet.plan.as_deref(), Some("thanet"));
    let da = v
        .priorities
        .iter()
        .position(|p| p.0 == "domestic-abuse")
        .unwrap();
    assert!(matches!(thanet.cells[da], Standing::Covered { .. }));
    // Other districts are read from their column: never "covered".
    for r in v.districts.iter().filter(|r| r.plan.is_none()) {
        assert!(
            r.cells
                .iter()
                .all(|c| !matches!(c, Standing::Covered { .. })),
            "{}",
            r.district
        );
        for (p, c) in v.priorities.iter().zip(&r.cells) {
            let county = s.county_agreement().unwrap();
            let themes = county
                .focus_areas
                .iter()
                .find(|f| f.id == p.0)
                .map(|f| &f.themes)
                .or_else(|| {
                    county
                        .cross_cutting_themes
                        .iter()
                        .find(|x| x.id == p.0)
                        .map(|x| &x.themes)
                })
                .unwrap();
            let named = themes.iter().any(|t| s.level(&r.district, t).is_some());
            assert_eq!(
                named,
                *c != Standing::NotAddressed,
                "{} × {}",
                r.district,
                p.1
            );
        }
    }
    let most = v.districts.iter().max_by_key(|r| r.divergence()).unwrap();
    let said = v.divergence_sentences(&s, 3);
    assert_eq!(said.len(), 3);
    let name = &s.district(&most.district).unwrap().name;
    assert!(
        said[0].starts_with(&format!("{name} does not address")),
        "{said:?}"
    );
    let table = v.markdown(&s);
    assert_eq!(
        table.lines().filter(|l| l.starts_with("| ")).count(),
        2 + 11,
        "a header, its rule and 11 districts: {table}"
    );
}

#[test]
fn alignment_follows_ids_not_names() {
    let s = thanet();
    let before = align(&s, "thanet").unwrap();
    let mut renamed = s.clone();
    let mut fa = renamed.plan().focus_areas[2].clone();
    fa.name = "Improving community reassurance".into();
    renamed
        .apply(&Edit::Update {
            id: fa.id.clone(),
            item: Item::FocusArea(fa),
        })
        .unwrap();
    let mut t = renamed.theme("domestic-abuse").unwrap().clone();
    t.name = "Domestic violence and abuse".into();
    renamed
        .apply(&Edit::Update {
            id: t.id.clone(),
            item: Item::Theme(t),
        })
        .unwrap();
    let after = align(&renamed, "thanet").unwrap();
    let shape = |a: &horizon_engine::Alignment| {
        a.priorities
            .iter()
            .map(|p| (p.id.clone(), p.standing.label()))
            .collect::<Vec<_>>()
    };
    assert_eq!(shape(&before), shape(&after));
    assert!(after
        .sentences(&renamed)
        .join("\n")
        .contains("“Improving community reassurance” serves none"));
}
