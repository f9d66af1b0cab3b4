//! The plan, theme, group and district forms' drafts: text into edits, the model's
//! refusals onto the right fields, and the words of their confirmations.

use horizon_model::{Collection, Edit, Item, PlanKind, Scenario};
use horizon_web::forms::merge::{self, MergeDraft};
use horizon_web::forms::name::{self, NameDraft};
use horizon_web::forms::plan::PlanDraft;

const COUNTY: &str = PlanKind::CountyAgreement.as_str();
const DISTRICT: &str = PlanKind::DistrictPlan.as_str();
use horizon_web::forms::plan_item::{self, PlanItemDraft};
use horizon_web::forms::theme::{self, ThemeDraft};
use horizon_web::forms::{removal, theme_names};

fn kent() -> Scenario {
    horizon_model::EXAMPLES[0].scenario()
}

fn apply(s: &mut Scenario, edit: Edit) {
    s.apply(&edit).expect("the edit is made");
}

fn fields(errors: &[horizon_web::forms::FieldError]) -> Vec<&str> {
    errors.iter().map(|e| e.field.as_str()).collect()
}

#[test]
fn plan_draft_round_trips_and_saves_a_district_plan() {
    let mut s = kent();
    let mut d = PlanDraft::from_scenario(&s);
    assert_eq!(d.kind, COUNTY);
    assert!(!d.is_district_plan());
    d.name = "Thanet Community Safety Plan".into();
    d.kind = DISTRICT.into();
    d.district = "thanet".into();
    // Kent's agreement is the only county agreement: it cannot become a district plan.
    let errors = d.to_edit(&s).unwrap_err();
    assert_eq!(fields(&errors), ["kind"]);
    assert!(errors[0]
        .message
        .contains("read against the county agreement"));
    // Thanet's plan, under review, is saved as a district plan (of another district).
    apply(
        &mut s,
        Edit::Review {
            plan: "thanet".into(),
        },
    );
    let mut d = PlanDraft::from_scenario(&s);
    assert!(d.is_district_plan());
    d.name = "Swale Community Safety Plan".into();
    d.district = "swale".into();
    let edit = d.to_edit(&s).expect("a valid plan");
    apply(&mut s, edit);
    assert_eq!(s.plan().kind, PlanKind::DistrictPlan);
    assert_eq!(s.plan().district.as_deref(), Some("swale"));
    assert_eq!(PlanDraft::from_scenario(&s), d);
}

#[test]
fn plan_draft_drops_the_district_of_a_county_agreement() {
    let s = kent();
    let d = PlanDraft {
        name: "Kent CSA".into(),
        kind: COUNTY.into(),
        district: "thanet".into(),
    };
    match d.to_edit(&s).unwrap() {
        Edit::SetPlan { district, .. } => assert_eq!(district, None),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn plan_draft_refusals_land_on_their_fields_in_words() {
    let s = kent();
    let blank = PlanDraft {
        name: "  ".into(),
        ..PlanDraft::from_scenario(&s)
    };
    let errors = blank.to_edit(&s).unwrap_err();
    assert_eq!(fields(&errors), ["name"]);
    assert_eq!(errors[0].message, "The plan has no name.");

    let long = PlanDraft {
        name: "x".repeat(101),
        ..PlanDraft::from_scenario(&s)
    };
    let errors = long.to_edit(&s).unwrap_err();
    assert_eq!(fields(&errors), ["name"]);
    assert!(errors[0]
        .message
        .contains("100 characters or fewer, not 101"));

    let unknown = PlanDraft {
        kind: DISTRICT.into(),
        district: "atlantis".into(),
        ..PlanDraft::from_scenario(&s)
    };
    let errors = unknown.to_edit(&s).unwrap_err();
    assert_eq!(fields(&errors), ["district"]);
    assert!(
        !errors[0].message.contains("atlantis"),
        "no ids in messages"
    );

    let no_kind = PlanDraft {
        kind: String::new(),
        ..PlanDraft::from_scenario(&s)
    };
    assert_eq!(fields(&no_kind.to_edit(&s).unwrap_err()), ["kind"]);
}

#[test]
fn a_focus_area_is_added_with_its_themes_in_the_scenarios_order() {
    let mut s = kent();
    let mut d = PlanItemDraft {
        name: "Safeguarding".into(),
        themes: Vec::new(),
    };
    d.set_theme("prevent", true);
    d.set_theme("safeguarding", true);
    d.set_theme("gangs", true);
    d.set_theme("gangs", false);
    let edit = d
        .to_edit(&s, Collection::FocusAreas, None)
        .expect("a new focus area");
    assert_eq!(
        horizon_web::forms::added_id(&s, &edit).as_deref(),
        Some("safeguarding")
    );
    apply(&mut s, edit);
    let fa = s.focus_area("safeguarding").expect("added");
    assert_eq!(fa.themes, ["safeguarding", "prevent"]);
    assert_eq!(theme_names(&s, &fa.themes), "Safeguarding, Prevent");
}

#[test]
fn a_focus_area_is_renamed_and_a_duplicate_name_refused_on_the_name_field() {
    let mut s = kent();
    let mut d = PlanItemDraft::of(&s, Collection::FocusAreas, "road-safety");
    assert_eq!(d.name, "Road Safety");
    assert_eq!(d.themes, ["road-safety"]);
    d.name = "Road and Fire Safety".into();
    d.set_theme("preventing-fires", true);
    let edit = d
        .to_edit(&s, Collection::FocusAreas, Some("road-safety"))
        .unwrap();
    apply(&mut s, edit);
    let fa = s.focus_area("road-safety").unwrap();
    assert_eq!(fa.name, "Road and Fire Safety");
    assert_eq!(fa.themes, ["road-safety", "preventing-fires"]);

    let dup = PlanItemDraft {
        name: "domestic  abuse".into(),
        themes: vec![],
    };
    let errors = dup
        .to_edit(&s, Collection::FocusAreas, Some("road-safety"))
        .unwrap_err();
    assert_eq!(fields(&errors), ["name"]);
    assert_eq!(
        errors[0].message,
        "Another focus area is already called \"domestic  abuse\"."
    );
}

#[test]
fn a_cross_cutting_theme_is_edited_like_a_focus_area() {
    let mut s = kent();
    let d = PlanItemDraft {
        name: "Online safety".into(),
        themes: vec!["digital-crime".into()],
    };
    let edit = d.to_edit(&s, Collection::CrossCuttingThemes, None).unwrap();
    assert!(matches!(&edit, Edit::Add(Item::CrossCuttingTheme(_))));
    apply(&mut s, edit);
    let last = s.plan().cross_cutting_themes.last().unwrap();
    assert_eq!(last.name, "Online safety");
    let d = PlanItemDraft::of(&s, Collection::CrossCuttingThemes, &last.id);
    assert_eq!(d.themes, ["digital-crime"]);
}

#[test]
fn a_theme_removed_since_the_form_opened_is_reported_without_its_id() {
    let s = kent();
    let d = PlanItemDraft {
        name: "New".into(),
        themes: vec!["no-such-theme".into()],
    };
    let errors = d.to_edit(&s, Collection::FocusAreas, None).unwrap_err();
    assert_eq!(fields(&errors), ["themes"]);
    assert!(!errors[0].message.contains("no-such-theme"));
}

#[test]
fn focus_areas_move_one_place_and_not_past_either_end() {
    let mut s = kent();
    assert_eq!(
        plan_item::step(&s, Collection::FocusAreas, "domestic-abuse", -1),
        None
    );
    assert_eq!(
        plan_item::step(&s, Collection::FocusAreas, "acquisitive-crime", 1),
        None
    );
    let edit = plan_item::step(&s, Collection::FocusAreas, "road-safety", -1).unwrap();
    apply(&mut s, edit);
    let names: Vec<&str> = s
        .plan()
        .focus_areas
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Domestic Abuse",
            "Anti-Social Behaviour",
            "Road Safety",
            "Substance Misuse",
            "Violent Crime",
            "Acquisitive Crime"
        ]
    );
}

#[test]
fn removing_a_focus_area_says_its_consultation_result_goes_too() {
    let mut s = kent();
    assert_eq!(
        plan_item::removal_question(&s, Collection::FocusAreas, "road-safety"),
        "Remove the focus area “Road Safety”?"
    );
    apply(
        &mut s,
        Edit::SetConsultation(horizon_model::ConsultationResult {
            focus_area: Some("road-safety".into()),
            responses: 340,
            share_agreeing: 0.78,
        }),
    );
    assert_eq!(
        plan_item::removal_question(&s, Collection::FocusAreas, "road-safety"),
        "Remove the focus area “Road Safety”? Its consultation result goes with it."
    );
    let q = plan_item::removal_question(&s, Collection::CrossCuttingThemes, "reducing-reoffending");
    assert_eq!(q, "Remove the cross-cutting theme “Reducing reoffending”?");
}

#[test]
fn a_theme_is_added_renamed_with_an_alias_and_moved_to_another_group() {
    let mut s = kent();
    let mut d = ThemeDraft::blank(&s);
    d.name = "Hate Crime".into();
    d.group = "community".into();
    d.description = "  ".into();
    let edit = d.to_edit(&s, None).unwrap();
    apply(&mut s, edit);
    let t = s.theme("hate-crime").expect("added");
    assert_eq!(t.description, None);

    let mut d = ThemeDraft::from_theme(s.theme("gangs").unwrap());
    d.name = "Gangs and county lines".into();
    d.group = "safeguarding".into();
    d.description = "Drug supply lines into the county.".into();
    let edit = d.to_edit(&s, Some("gangs")).unwrap();
    apply(&mut s, edit);
    let t = s.theme("gangs").unwrap();
    assert_eq!(t.name, "Gangs and county lines");
    assert_eq!(t.group, "safeguarding");
    assert_eq!(t.aliases, ["Gangs"]);
    // Renaming again keeps both old names.
    let mut d = ThemeDraft::from_theme(t);
    d.name = "County lines".into();
    let edit = d.to_edit(&s, Some("gangs")).unwrap();
    apply(&mut s, edit);
    assert_eq!(
        s.theme("gangs").unwrap().aliases,
        ["Gangs", "Gangs and county lines"]
    );
}

#[test]
fn theme_refusals_land_on_name_and_group() {
    let s = kent();
    let d = ThemeDraft {
        name: "Road Safety".into(),
        group: "community".into(),
        description: String::new(),
    };
    let errors = d.to_edit(&s, None).unwrap_err();
    assert_eq!(fields(&errors), ["name"]);
    let d = ThemeDraft {
        name: "New".into(),
        group: String::new(),
        description: String::new(),
    };
    let errors = d.to_edit(&s, None).unwrap_err();
    assert_eq!(fields(&errors), ["group"]);
    assert_eq!(errors[0].message, "Choose the theme's group");
    let d = ThemeDraft {
        name: "New".into(),
        group: "community".into(),
        description: "x".repeat(4001),
    };
    assert_eq!(fields(&d.to_edit(&s, None).unwrap_err()), ["description"]);
}

#[test]
fn the_theme_removal_question_counts_what_goes_with_it() {
    let mut s = kent();
    let cells = s
        .matrix
        .iter()
        .find(|r| r.theme == "violent-crime")
        .map_or(0, |r| r.cells.len());
    let q = theme::removal_question(&s, "violent-crime");
    assert!(
        q.starts_with(&format!(
            "Remove the theme “Violent Crime”? Its {cells} matrix cells and its links from 1 focus area"
        )),
        "{q}"
    );
    assert!(q.ends_with(" go with it."), "{q}");

    let d = ThemeDraft {
        name: "Lonely".into(),
        group: "community".into(),
        description: String::new(),
    };
    let edit = d.to_edit(&s, None).unwrap();
    apply(&mut s, edit);
    assert_eq!(
        theme::removal_question(&s, "lonely"),
        "Remove the theme “Lonely”? Nothing else refers to it."
    );
    apply(
        &mut s,
        Edit::SetCell {
            district: "dover".into(),
            theme: "lonely".into(),
            level: Some(horizon_model::Level::Issue),
        },
    );
    assert_eq!(
        theme::removal_question(&s, "lonely"),
        "Remove the theme “Lonely”? Its 1 matrix cell goes with it."
    );
    let edit = removal(&s, Collection::Themes, "lonely").unwrap();
    let applied = s.apply(&edit).unwrap();
    assert_eq!(
        applied.summary,
        "Theme “Lonely” removed, with its 1 matrix cell."
    );
}

#[test]
fn merging_needs_a_chosen_theme_and_says_what_will_happen() {
    let mut s = kent();
    let errors = MergeDraft::default()
        .to_edit(&s, "violent-crime")
        .unwrap_err();
    assert_eq!(fields(&errors), ["into"]);
    assert_eq!(
        errors[0].message,
        "Choose the theme to merge “Violent Crime” into"
    );
    let words = merge::consequences(&s, "violent-crime", "serious-organised-crime");
    assert!(
        words.starts_with("“Violent Crime” will be merged into “Serious & Organised Crime”. Its ")
    );
    assert!(
        words.contains("its links from 1 focus area")
            || words.contains("Its links from 1 focus area")
    );
    assert!(words.ends_with(
        "“Violent Crime” is then removed, and kept as another name for “Serious & Organised Crime”."
    ));
    let d = MergeDraft {
        into: "serious-organised-crime".into(),
    };
    let edit = d.to_edit(&s, "violent-crime").unwrap();
    apply(&mut s, edit);
    assert!(s.theme("violent-crime").is_none());
    assert!(s
        .theme("serious-organised-crime")
        .unwrap()
        .aliases
        .contains(&"Violent Crime".to_string()));
}

#[test]
fn groups_are_added_renamed_and_a_group_holding_themes_is_not_removed() {
    let mut s = kent();
    let d = NameDraft {
        name: "Hate and extremism".into(),
    };
    let edit = d.to_edit(&s, Collection::Groups, None).unwrap();
    apply(&mut s, edit);
    assert!(s.group("hate-and-extremism").is_some());
    let d = NameDraft {
        name: "Extremism".into(),
    };
    let edit = d
        .to_edit(&s, Collection::Groups, Some("hate-and-extremism"))
        .unwrap();
    apply(&mut s, edit);
    assert_eq!(s.group("hate-and-extremism").unwrap().name, "Extremism");
    let d = NameDraft {
        name: "crime".into(),
    };
    let errors = d.to_edit(&s, Collection::Groups, None).unwrap_err();
    assert_eq!(fields(&errors), ["name"]);
    assert_eq!(
        errors[0].message,
        "Another theme group is already called \"crime\"."
    );

    let refused = removal(&s, Collection::Groups, "crime").unwrap_err();
    assert!(
        refused.starts_with("The theme group “Crime” still holds 5 themes: "),
        "{refused}"
    );
    assert!(removal(&s, Collection::Groups, "hate-and-extremism").is_ok());
    assert_eq!(
        name::removal_question(&s, Collection::Groups, "hate-and-extremism"),
        "Remove the theme group “Extremism”?"
    );
}

#[test]
fn a_district_is_added_filled_and_its_removal_counts_its_cells() {
    let mut s = kent();
    let d = NameDraft {
        name: "Medway".into(),
    };
    let edit = d.to_edit(&s, Collection::Districts, None).unwrap();
    assert_eq!(
        horizon_web::forms::added_id(&s, &edit).as_deref(),
        Some("medway")
    );
    apply(&mut s, edit);
    assert_eq!(
        name::removal_question(&s, Collection::Districts, "medway"),
        "Remove the district “Medway”? Its column in the matrix has no filled cells."
    );
    for theme in ["domestic-abuse", "gangs"] {
        apply(
            &mut s,
            Edit::SetCell {
                district: "medway".into(),
                theme: theme.into(),
                level: Some(horizon_model::Level::Main),
            },
        );
    }
    assert_eq!(name::district_cells(&s, "medway"), 2);
    // The list of districts counts every column at once, to the same figures.
    let all = name::cells_by_district(&s);
    for d in &s.districts {
        assert_eq!(all.get(d.id.as_str()).copied().unwrap_or(0), name::district_cells(&s, &d.id), "{}", d.name);
    }
    assert_eq!(
        name::removal_question(&s, Collection::Districts, "medway"),
        "Remove the district “Medway”? Its column in the matrix, with 2 filled cells, goes with it."
    );
    let d = NameDraft { name: "  ".into() };
    let errors = d
        .to_edit(&s, Collection::Districts, Some("medway"))
        .unwrap_err();
    assert_eq!(errors[0].message, "The district has no name.");
}

#[test]
fn the_district_whose_plan_is_under_review_is_not_removed() {
    let mut s = horizon_model::EXAMPLES[1].scenario();
    let own = s
        .plan()
        .district
        .clone()
        .expect("Thanet's plan is a district plan");
    let refused = removal(&s, Collection::Districts, &own).unwrap_err();
    assert!(refused.contains("own plan"), "{refused}");
    // Nothing changed.
    let before = s.clone();
    assert!(s
        .apply(&Edit::Remove {
            collection: Collection::Districts,
            id: own
        })
        .is_err());
    assert_eq!(s, before);
}
