//! Workbooks built in memory, as a reader would give them.

use horizon_io::{Cell, FileKind, Sheet, Workbook};
use horizon_model::{example, Scenario};

pub fn kent() -> Scenario {
    example("kent-2016").expect("the Kent example").scenario()
}

/// A sheet from rows of text ("" is an empty cell).
pub fn sheet(name: &str, rows: &[&[&str]]) -> Sheet {
    Sheet {
        name: name.into(),
        rows: rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|t| {
                        if t.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(t.to_string())
                        }
                    })
                    .collect()
            })
            .collect(),
    }
}

pub fn book(file: &str, kind: FileKind, sheets: Vec<Sheet>) -> Workbook {
    Workbook {
        file: file.into(),
        kind,
        sheets,
    }
}

use horizon_model::{
    Collection, Edit, Event, EventEdit, Round, RoundOption, Scale, ScreenChoice, Standing, Subject,
    Way,
};

fn apply(s: &mut Scenario, e: EventEdit) -> String {
    let a = s
        .apply(&Edit::Event(e))
        .unwrap_or_else(|r| panic!("{}", r.message));
    a.id.unwrap_or_default()
}

fn new_event(s: &mut Scenario, name: &str, date: &str, venue: &str, people: Option<u32>) -> String {
    apply(
        s,
        EventEdit::Save(Event {
            id: String::new(),
            name: name.into(),
            date: date.into(),
            venue: venue.into(),
            participants: people,
            screens: None,
            rounds: vec![],
        }),
    )
}

fn new_round(
    s: &mut Scenario,
    event: &str,
    question: &str,
    way: Way,
    most: Option<u32>,
    themes: &[&str],
) -> String {
    let options = themes
        .iter()
        .map(|t| RoundOption {
            subject: Subject::Theme((*t).into()),
            name: s.theme(t).expect("a Kent theme").name.clone(),
            votes: 0,
        })
        .collect();
    let item = (way == Way::Rating).then(|| RoundOption {
        subject: Subject::Item(s.horizon[0].id.clone()),
        name: s.horizon[0].title.clone(),
        votes: 0,
    });
    let round = Round {
        item,
        ..Round::new(question, way, most, options)
    };
    apply(
        s,
        EventEdit::AddRound {
            event: event.into(),
            round,
        },
    )
}

fn standing(id: &str, headline: &str, score: f64) -> Standing {
    Standing {
        suggestion: id.into(),
        headline: headline.into(),
        score,
    }
}

/// Kent with two stakeholder events of the same name, made through the model's
/// edits: the first with a tally round, a ballots round (revealed, with the
/// suggestions before and after) and a rating round, and its screens chosen; the
/// second with a tally round asking the same question and no screens. Road Safety,
/// voted on in every round of themes, has been removed since.
pub fn kent_with_events() -> Scenario {
    let mut s = kent();
    let themes = ["domestic-abuse", "safeguarding", "road-safety"];
    let a = new_event(
        &mut s,
        "Thanet stakeholder event",
        "7 December 2016",
        "Margate Winter Gardens",
        Some(55),
    );
    let tally = new_round(
        &mut s,
        &a,
        "Which themes matter most?",
        Way::Tally,
        None,
        &themes,
    );
    for (theme, by) in [("road-safety", 12), ("safeguarding", 3)] {
        let subject = Subject::Theme(theme.into());
        apply(
            &mut s,
            EventEdit::Tally {
                event: a.clone(),
                round: tally.clone(),
                subject,
                by,
            },
        );
    }
    let ballots = new_round(
        &mut s,
        &a,
        "Choose up to two themes",
        Way::Ballots,
        Some(2),
        &themes,
    );
    for choices in [
        &["safeguarding", "road-safety"][..],
        &["safeguarding", "road-safety"],
        &["domestic-abuse"],
    ] {
        let choices = choices
            .iter()
            .map(|t| Subject::Theme((*t).into()))
            .collect();
        apply(
            &mut s,
            EventEdit::Ballot {
                event: a.clone(),
                round: ballots.clone(),
                choices,
            },
        );
    }
    apply(
        &mut s,
        EventEdit::Reveal {
            event: a.clone(),
            round: ballots.clone(),
            before: vec![
                standing("retain:domestic-abuse", "Retain Domestic Abuse", 55.25),
                standing("watch:road-safety", "Watch Road Safety", 20.0),
            ],
            after: vec![
                standing("retain:domestic-abuse", "Retain Domestic Abuse", 56.125),
                standing("watch:road-safety", "Watch Road Safety", 34.5),
                standing("add:safeguarding", "Add Safeguarding", 12.3456789),
            ],
        },
    );
    let rating = new_round(
        &mut s,
        &a,
        "How likely is it, and how bad?",
        Way::Rating,
        None,
        &[],
    );
    for (scale, grade, by) in [
        (Scale::Likelihood, 2, 3),
        (Scale::Likelihood, 3, 5),
        (Scale::Impact, 4, 2),
    ] {
        apply(
            &mut s,
            EventEdit::Rate {
                event: a.clone(),
                round: rating.clone(),
                scale,
                grade,
                by,
            },
        );
    }
    let screens = vec![
        ScreenChoice::Title,
        ScreenChoice::Round(ballots),
        ScreenChoice::Matrix,
        ScreenChoice::Grid,
        ScreenChoice::Round(rating),
    ];
    apply(
        &mut s,
        EventEdit::Screens {
            event: a,
            screens: Some(screens),
        },
    );
    let b = new_event(
        &mut s,
        "Thanet stakeholder event",
        "6 December 2017",
        "",
        None,
    );
    let again = new_round(
        &mut s,
        &b,
        "Which themes matter most?",
        Way::Tally,
        None,
        &themes,
    );
    let subject = Subject::Theme("road-safety".into());
    apply(
        &mut s,
        EventEdit::Tally {
            event: b.clone(),
            round: again,
            subject,
            by: 9,
        },
    );
    apply(
        &mut s,
        EventEdit::Screens {
            event: b,
            screens: Some(vec![]),
        },
    );
    s.apply(&Edit::Remove {
        collection: Collection::Themes,
        id: "road-safety".into(),
    })
    .expect("Road Safety removed");
    s
}
