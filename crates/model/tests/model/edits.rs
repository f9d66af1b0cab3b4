//! Edits: every variant applied and refused, with the path a form shows its message
//! at; a file and a form agree; removals cascade or are refused as a user expects.

use horizon_model::{
    example, validate, Collection, ConsultationResult, District, Edit, FocusArea, HorizonItem,
    Item, Legislation, LegislationStatus, Level, Meta, PartnerPriority, PlanKind, ProblemKind,
    Refusal, Scenario, Theme, ThemeGroup, TimeHorizon,
};

fn kent() -> Scenario {
    example("kent-2016").unwrap().scenario()
}

fn thanet() -> Scenario {
    example("thanet-2016-17").unwrap().scenario()
}

/// Applies `edit`, which must succeed, and returns the summary.
fn ok(s: &mut Scenario, edit: Edit) -> String {
    match s.apply(&edit) {
        Ok(a) => {
            assert!(validate(s).is_empty(), "{edit:?} left problems");
            a.summary
        }
        Err(r) => panic!("{edit:?} was refused: {r}"),
    }
}

/// Applies `edit`, which must be refused, and checks nothing changed.
fn refused(s: &mut Scenario, edit: Edit) -> Refusal {
    let before = s.clone();
    let r = s
        .apply(&edit)
        .expect_err(&format!("{edit:?} should be refused"));
    assert_eq!(*s, before, "a refused edit changed the scenario");
    r
}

fn theme(name: &str, group: &str) -> Theme {
    Theme {
        id: String::new(),
        name: name.into(),
        group: group.into(),
        aliases: vec![],
        description: None,
    }
}

fn item(title: &str, likelihood: u8) -> HorizonItem {
    HorizonItem {
        id: String::new(),
        category: "social".into(),
        title: title.into(),
        detail: String::new(),
        time_horizon: TimeHorizon::Now,
        likelihood,
        impact: 3,
        themes: vec!["prevent".into()],
        source: String::new(),
        district: None,
    }
}

#[test]
fn a_cell_is_set_and_cleared_with_names_in_the_summary() {
    let mut s = kent();
    let m = ok(
        &mut s,
        Edit::SetCell {
            district: "swale".into(),
            theme: "domestic-abuse".into(),
            level: None,
        },
    );
    assert_eq!(m, "Swale — Domestic Abuse: now not named.");
    assert_eq!(s.level("swale", "domestic-abuse"), None);
    ok(
        &mut s,
        Edit::SetCell {
            district: "swale".into(),
            theme: "gangs".into(),
            level: Some(Level::Subsidiary),
        },
    );
    assert_eq!(s.level("swale", "gangs"), Some(Level::Subsidiary));
    let r = refused(
        &mut s,
        Edit::SetCell {
            district: "medway".into(),
            theme: "gangs".into(),
            level: Some(Level::Main),
        },
    );
    assert_eq!(
        (r.kind, r.path.as_str()),
        (ProblemKind::NotFound, "districts")
    );
}

#[test]
fn added_items_get_ids_from_their_names_unique_in_their_list() {
    let mut s = kent();
    let a = s
        .apply(&Edit::Add(Item::Theme(theme("Hate Crime", "crime"))))
        .unwrap();
    assert_eq!(a.id.as_deref(), Some("hate-crime"));
    assert_eq!(a.summary, "Theme “Hate Crime” added.");
    // A horizon item whose title makes an id already taken gets the next free one.
    let first = s
        .apply(&Edit::Add(Item::HorizonItem(item("Cuts", 2))))
        .unwrap();
    let second = s
        .apply(&Edit::Add(Item::HorizonItem(item("Cuts!", 2))))
        .unwrap();
    assert_eq!(first.id.as_deref(), Some("cuts"));
    assert_eq!(second.id.as_deref(), Some("cuts-2"));
    // Names are trimmed.
    let d = s
        .apply(&Edit::Add(Item::District(District {
            id: String::new(),
            name: "  Medway ".into(),
            aliases: Vec::new(),
        })))
        .unwrap();
    assert_eq!(s.district(d.id.as_deref().unwrap()).unwrap().name, "Medway");
}

#[test]
fn every_list_can_be_added_to_updated_moved_and_removed_from() {
    let mut s = kent();
    let items = [
        Item::Plan(horizon_model::Plan {
            id: String::new(),
            name: "Medway Community Safety Plan".into(),
            kind: horizon_model::PlanKind::UnitaryPlan,
            district: None,
            focus_areas: Vec::new(),
            cross_cutting_themes: Vec::new(),
            consultation: Vec::new(),
        }),
        Item::Group(ThemeGroup {
            id: String::new(),
            name: "Hate".into(),
        }),
        Item::Theme(theme("Hate Crime", "crime")),
        Item::District(District {
            id: String::new(),
            name: "Medway".into(),
            aliases: Vec::new(),
        }),
        Item::FocusArea(FocusArea {
            id: String::new(),
            name: "Keeping people safe".into(),
            themes: vec!["safeguarding".into(), "prevent".into()],
            serves: Vec::new(),
        }),
        Item::CrossCuttingTheme(horizon_model::CrossCuttingTheme {
            id: String::new(),
            name: "Digital".into(),
            themes: vec!["digital-crime".into()],
        }),
        Item::Category(horizon_model::HorizonCategory {
            id: String::new(),
            name: "Justice".into(),
        }),
        Item::HorizonItem(item("A new duty", 3)),
        Item::PartnerPriority(PartnerPriority {
            id: String::new(),
            partner: "Kent Fire and Rescue".into(),
            priority: "Fewer house fires".into(),
            themes: vec!["preventing-fires".into()],
            district: None,
        }),
        Item::Legislation(Legislation {
            id: String::new(),
            title: "Serious Violence Duty".into(),
            year: Some(2022),
            status: LegislationStatus::Incoming,
            creates_duty: true,
            duty: Some("Partners must plan together to prevent serious violence.".into()),
            themes: vec!["violent-crime".into()],
        }),
    ];
    for it in items {
        let c = it.collection();
        let id = s.apply(&Edit::Add(it.clone())).unwrap().id.unwrap();
        // Update: rename it.
        let renamed = match it {
            Item::Plan(mut x) => {
                x.name = "Medway Community Safety Plan 2016-20".into();
                Item::Plan(x)
            }
            Item::Group(mut x) => {
                x.name = "Hate and prejudice".into();
                Item::Group(x)
            }
            Item::Theme(mut x) => {
                x.name = "Hate Incidents".into();
                Item::Theme(x)
            }
            Item::District(mut x) => {
                x.name = "Medway Council".into();
                Item::District(x)
            }
            Item::FocusArea(mut x) => {
                x.name = "Protecting people".into();
                Item::FocusArea(x)
            }
            Item::CrossCuttingTheme(mut x) => {
                x.name = "Online".into();
                Item::CrossCuttingTheme(x)
            }
            Item::Category(mut x) => {
                x.name = "Vulnerability".into();
                Item::Category(x)
            }
            Item::HorizonItem(mut x) => {
                x.title = "A newer duty".into();
                Item::HorizonItem(x)
            }
            Item::PartnerPriority(mut x) => {
                x.priority = "Fewer fires".into();
                Item::PartnerPriority(x)
            }
            Item::Legislation(mut x) => {
                x.title = "Police, Crime, Sentencing and Courts Act 2022".into();
                Item::Legislation(x)
            }
        };
        let m = ok(
            &mut s,
            Edit::Update {
                id: id.clone(),
                item: renamed,
            },
        );
        assert!(m.contains("renamed to"), "{c:?}: {m}");
        let m = ok(
            &mut s,
            Edit::Move {
                collection: c,
                id: id.clone(),
                to: 0,
            },
        );
        assert!(m.ends_with("moved to position 1."), "{c:?}: {m}");
        let m = ok(
            &mut s,
            Edit::Remove {
                collection: c,
                id: id.clone(),
            },
        );
        assert!(m.contains("removed"), "{c:?}: {m}");
        // And a second removal names what is missing.
        let r = refused(&mut s, Edit::Remove { collection: c, id });
        assert_eq!(r.kind, ProblemKind::NotFound, "{c:?}");
        assert_eq!(r.path, c.path(&s));
    }
    assert_eq!(
        s,
        kent(),
        "add, rename, move and remove leave Kent as it was"
    );
}

#[test]
fn a_file_and_a_form_give_the_same_answer_on_lengths_and_scores() {
    // The form: an edit adding a 201-character title.
    let mut s = kent();
    let long = "x".repeat(201);
    let r = refused(&mut s, Edit::Add(Item::HorizonItem(item(&long, 2))));
    assert_eq!(r.kind, ProblemKind::TooLong);
    assert_eq!(r.path, format!("horizon[{}].title", s.horizon.len()));
    assert_eq!(r.field(), "title");
    // The file: the same item written into the JSON.
    let mut file = kent();
    let mut h = item(&long, 2);
    h.id = "long".into();
    file.horizon.push(h);
    let problems = validate(&file);
    assert_eq!(problems.len(), 1);
    assert_eq!(
        (problems[0].path.as_str(), &problems[0].message),
        (r.path.as_str(), &r.message)
    );
    assert!(
        r.sentence()
            .starts_with("The horizon item's title must be 200 characters or fewer"),
        "{}",
        r.sentence()
    );
    // 200 characters are fine in both.
    ok(
        &mut s,
        Edit::Add(Item::HorizonItem(item(&"x".repeat(200), 2))),
    );
    // Scores 1–4, in both.
    let r = refused(&mut s, Edit::Add(Item::HorizonItem(item("Big", 5))));
    assert_eq!((r.kind, r.field()), (ProblemKind::OutOfRange, "likelihood"));
    // Names must be unique, whatever their case or spacing.
    let r = refused(
        &mut s,
        Edit::Add(Item::Theme(theme("domestic  abuse", "crime"))),
    );
    assert_eq!(r.kind, ProblemKind::DuplicateName);
    assert_eq!(
        r.sentence(),
        "Another theme is already called \"domestic  abuse\"."
    );
    // A theme in an unknown group.
    let r = refused(
        &mut s,
        Edit::Add(Item::Theme(theme("Hate Crime", "nowhere"))),
    );
    assert_eq!(
        (r.kind, r.field()),
        (ProblemKind::UnknownReference, "group")
    );
    // A blank name.
    let r = refused(&mut s, Edit::Add(Item::Theme(theme("  ", "crime"))));
    assert_eq!((r.kind, r.field()), (ProblemKind::Empty, "name"));
}

#[test]
fn removing_a_theme_takes_its_cells_links_and_votes_and_says_so() {
    let mut s = kent();
    ok(
        &mut s,
        Edit::SetVotes {
            theme: "prevent".into(),
            votes: 12,
        },
    );
    let cells = s.district_count("prevent");
    assert!(cells > 0);
    let m = ok(
        &mut s,
        Edit::Remove {
            collection: Collection::Themes,
            id: "prevent".into(),
        },
    );
    assert!(m.starts_with("Theme “Prevent” removed, with its "), "{m}");
    assert!(m.contains(&format!("{cells} matrix cells")), "{m}");
    assert!(
        m.contains("horizon item") && m.contains("piece of legislation")
            || m.contains("pieces of legislation"),
        "{m}"
    );
    assert!(m.contains("stakeholder votes"), "{m}");
    assert!(s.theme("prevent").is_none());
    assert!(s.matrix.iter().all(|r| r.theme != "prevent"));
    assert!(s
        .legislation
        .iter()
        .all(|l| !l.themes.contains(&"prevent".to_string())));
    assert!(s.votes.is_empty());
}

#[test]
fn removing_a_district_takes_its_column_unless_the_plan_is_its_own() {
    let mut s = kent();
    let named = s
        .matrix
        .iter()
        .filter(|r| r.cells.contains_key("swale"))
        .count();
    let m = ok(
        &mut s,
        Edit::Remove {
            collection: Collection::Districts,
            id: "swale".into(),
        },
    );
    assert_eq!(
        m,
        format!("District “Swale” removed, with its {named} matrix cells.")
    );
    assert!(s.matrix.iter().all(|r| !r.cells.contains_key("swale")));
    let mut t = thanet();
    let r = refused(
        &mut t,
        Edit::Remove {
            collection: Collection::Districts,
            id: "thanet".into(),
        },
    );
    assert_eq!(r.kind, ProblemKind::InUse);
    assert!(r.message.contains("Thanet's own plan"), "{}", r.message);
}

#[test]
fn a_group_with_themes_and_a_category_in_use_cannot_be_removed() {
    let mut s = kent();
    let r = refused(
        &mut s,
        Edit::Remove {
            collection: Collection::Groups,
            id: "crime".into(),
        },
    );
    assert_eq!((r.kind, r.path.as_str()), (ProblemKind::InUse, "groups[0]"));
    assert!(
        r.message.contains("still holds 5 themes") && r.message.contains("“Violent Crime”"),
        "{}",
        r.message
    );
    let r = refused(
        &mut s,
        Edit::Remove {
            collection: Collection::Categories,
            id: "political".into(),
        },
    );
    assert_eq!(r.kind, ProblemKind::InUse);
    assert!(
        r.message
            .contains("Police and Crime Commissioner elections"),
        "{}",
        r.message
    );
}

#[test]
fn removing_a_focus_area_takes_its_consultation_result() {
    let mut s = kent();
    ok(
        &mut s,
        Edit::SetConsultation(ConsultationResult {
            focus_area: Some("road-safety".into()),
            responses: 400,
            share_agreeing: 0.31,
        }),
    );
    let m = ok(
        &mut s,
        Edit::Remove {
            collection: Collection::FocusAreas,
            id: "road-safety".into(),
        },
    );
    assert_eq!(
        m,
        "Focus area “Road Safety” removed, with its consultation result."
    );
    assert!(s.plan().consultation.is_empty());
}

#[test]
fn renaming_a_theme_keeps_the_old_name_as_an_alias() {
    let mut s = kent();
    let mut t = s.theme("asb-environmental").unwrap().clone();
    let old = t.name.clone();
    t.name = "Anti-social behaviour and environmental crime".into();
    let m = ok(
        &mut s,
        Edit::Update {
            id: t.id.clone(),
            item: Item::Theme(t),
        },
    );
    assert!(m.contains("the old name is kept as an alias"), "{m}");
    assert!(s.theme("asb-environmental").unwrap().aliases.contains(&old));
}

#[test]
fn merging_themes_combines_cells_links_votes_and_names() {
    let mut s = kent();
    ok(
        &mut s,
        Edit::SetVotes {
            theme: "gangs".into(),
            votes: 5,
        },
    );
    ok(
        &mut s,
        Edit::SetVotes {
            theme: "serious-organised-crime".into(),
            votes: 7,
        },
    );
    let before: Vec<_> = s
        .districts
        .iter()
        .map(|d| {
            s.level(&d.id, "gangs")
                .max(s.level(&d.id, "serious-organised-crime"))
        })
        .collect();
    let m = ok(
        &mut s,
        Edit::MergeThemes {
            from: "gangs".into(),
            into: "serious-organised-crime".into(),
        },
    );
    assert!(
        m.starts_with("Theme “Gangs” merged into “Serious & Organised Crime”"),
        "{m}"
    );
    let after: Vec<_> = s
        .districts
        .iter()
        .map(|d| s.level(&d.id, "serious-organised-crime"))
        .collect();
    assert_eq!(before, after, "the stronger level wins in each district");
    assert!(s.theme("gangs").is_none());
    let soc = s.theme("serious-organised-crime").unwrap();
    assert!(soc.aliases.contains(&"Gangs".to_string()));
    assert_eq!(
        s.votes.iter().find(|v| v.theme == soc.id).unwrap().votes,
        12
    );
    let r = refused(
        &mut s,
        Edit::MergeThemes {
            from: "prevent".into(),
            into: "prevent".into(),
        },
    );
    assert_eq!(r.message, "a theme cannot be merged into itself");
}

#[test]
fn consultation_and_votes_are_one_figure_each() {
    let mut s = kent();
    for share in [0.78, 0.31] {
        ok(
            &mut s,
            Edit::SetConsultation(ConsultationResult {
                focus_area: None,
                responses: 350,
                share_agreeing: share,
            }),
        );
    }
    assert_eq!(s.plan().consultation.len(), 1);
    assert_eq!(s.plan().consultation[0].share_agreeing, 0.31);
    let r = refused(
        &mut s,
        Edit::SetConsultation(ConsultationResult {
            focus_area: None,
            responses: 350,
            share_agreeing: 31.0,
        }),
    );
    assert_eq!(
        (r.kind, r.field()),
        (ProblemKind::OutOfRange, "share_agreeing")
    );
    ok(&mut s, Edit::ClearConsultation { focus_area: None });
    assert!(s.plan().consultation.is_empty());
    refused(&mut s, Edit::ClearConsultation { focus_area: None });
    ok(
        &mut s,
        Edit::SetVotes {
            theme: "prevent".into(),
            votes: 9,
        },
    );
    ok(
        &mut s,
        Edit::SetVotes {
            theme: "prevent".into(),
            votes: 4,
        },
    );
    assert_eq!(s.votes.len(), 1);
    assert_eq!(s.votes[0].votes, 4);
    let m = ok(
        &mut s,
        Edit::SetVotes {
            theme: "prevent".into(),
            votes: 0,
        },
    );
    assert_eq!(m, "Prevent: 0 stakeholder votes.");
    assert!(s.votes.is_empty());
}

#[test]
fn meta_and_plan_are_edited_and_checked() {
    let mut s = kent();
    let mut meta = s.meta.clone();
    meta.title = "Kent review 2017".into();
    ok(&mut s, Edit::SetMeta(meta.clone()));
    assert_eq!(s.meta.title, "Kent review 2017");
    let r = refused(
        &mut s,
        Edit::SetMeta(Meta {
            title: String::new(),
            ..meta
        }),
    );
    assert_eq!(
        (r.kind, r.path.as_str()),
        (ProblemKind::Empty, "meta.title")
    );
    // Kent's agreement cannot become a district plan: a district plan is read
    // against the county agreement, and it is the only one.
    let r = refused(
        &mut s,
        Edit::SetPlan {
            name: "Swale plan".into(),
            kind: PlanKind::DistrictPlan,
            district: Some("swale".into()),
        },
    );
    assert_eq!(
        (r.kind, r.path.as_str()),
        (ProblemKind::UnknownReference, "plans[0].kind")
    );
    // Thanet's plan, under review, becomes Swale's.
    ok(
        &mut s,
        Edit::Review {
            plan: "thanet".into(),
        },
    );
    ok(
        &mut s,
        Edit::SetPlan {
            name: "Swale plan".into(),
            kind: PlanKind::DistrictPlan,
            district: Some("swale".into()),
        },
    );
    assert_eq!(s.plan().district.as_deref(), Some("swale"));
    let r = refused(
        &mut s,
        Edit::SetPlan {
            name: "Medway plan".into(),
            kind: PlanKind::DistrictPlan,
            district: Some("medway".into()),
        },
    );
    assert_eq!(
        (r.kind, r.path.as_str()),
        (ProblemKind::UnknownReference, "plans[1].district")
    );
}

#[test]
fn a_replacement_is_checked_like_a_file() {
    let mut s = kent();
    let mut other = thanet();
    other.horizon[0].likelihood = 9;
    other.themes[1].name = String::new();
    let r = refused(&mut s, Edit::Replace(Box::new(other)));
    assert_eq!(r.problems().len(), 2, "every problem, not just the first");
    ok(&mut s, Edit::Replace(Box::new(thanet())));
    assert_eq!(s, thanet());
}

#[test]
fn edits_read_and_write_as_json() {
    let text = r#"[
        {"set_cell": {"district": "swale", "theme": "domestic-abuse", "level": null}},
        {"add": {"theme": {"name": "Hate Crime", "group": "crime"}}},
        {"set_votes": {"theme": "hate-crime", "votes": 3}},
        {"remove": {"collection": "focus_areas", "id": "road-safety"}}
    ]"#;
    let edits: Vec<Edit> = serde_json::from_str(text).unwrap();
    let mut s = kent();
    for e in &edits {
        ok(&mut s, e.clone());
    }
    assert!(s.theme("hate-crime").is_some());
    let back: Vec<Edit> = serde_json::from_str(&serde_json::to_string(&edits).unwrap()).unwrap();
    assert_eq!(back, edits);
}

#[test]
fn a_batch_is_one_step_kept_whole_or_not_at_all() {
    let mut s = kent();
    let set = |district: &str, level| Edit::SetCell {
        district: district.into(),
        theme: "gangs".into(),
        level,
    };
    let said = ok(
        &mut s,
        Edit::Batch {
            summary: "Imported the matrix from kent.xlsx: 2 changes.".into(),
            edits: vec![
                set("ashford", Some(Level::Main)),
                set("dover", Some(Level::Issue)),
            ],
        },
    );
    assert_eq!(said, "Imported the matrix from kent.xlsx: 2 changes.");
    assert_eq!(s.level("ashford", "gangs"), Some(Level::Main));
    assert_eq!(s.level("dover", "gangs"), Some(Level::Issue));
    // One edit of the batch refused: none of it is kept, and the refusal says why.
    let r = refused(
        &mut s,
        Edit::Batch {
            summary: "Imported.".into(),
            edits: vec![set("thanet", None), set("medway", Some(Level::Main))],
        },
    );
    assert!(
        r.message.contains("medway") || r.message.contains("district"),
        "{r}"
    );
    // Checked once at the end: a theme added and then used in the same batch is fine.
    ok(
        &mut s,
        Edit::Batch {
            summary: "Imported.".into(),
            edits: vec![
                Edit::Add(Item::Theme(theme("Fraud", "crime"))),
                Edit::SetCell {
                    district: "dover".into(),
                    theme: "fraud".into(),
                    level: Some(Level::Main),
                },
            ],
        },
    );
    assert_eq!(s.level("dover", "fraud"), Some(Level::Main));
}

#[test]
fn a_renamed_district_keeps_its_old_name_as_another_name() {
    let mut s = kent();
    let mut d = s.district("dartford-gravesham").unwrap().clone();
    d.name = "Dartford and Gravesham".into();
    ok(
        &mut s,
        Edit::Update {
            id: d.id.clone(),
            item: Item::District(d),
        },
    );
    let d = s.district("dartford-gravesham").unwrap();
    assert_eq!(d.aliases, ["Dartford & Gravesham"]);
}
