//! The horizon charts' layout: sectors, rings, grade bands and mark places.

use horizon_model::{Collection, Edit, Scenario, TimeHorizon};
use horizon_web::charts::{self, Band};

fn kent() -> Scenario {
    (**horizon_web::state::AppState::new(horizon_web::state::Start::fresh()).scenario()).clone()
}

#[test]
fn bands_follow_the_grade() {
    assert_eq!(Band::of(1), Band::Low);
    assert_eq!(Band::of(4), Band::Low);
    assert_eq!(Band::of(5), Band::Medium);
    assert_eq!(Band::of(8), Band::Medium);
    assert_eq!(Band::of(9), Band::High);
    assert_eq!(Band::of(12), Band::High);
    assert_eq!(Band::of(16), Band::Severe);
    let shapes: Vec<_> = Band::ALL.iter().map(|b| b.shape()).collect();
    assert_eq!(
        shapes,
        ["small circle", "square", "triangle", "large diamond"]
    );
}

#[test]
fn sectors_cover_the_circle_for_any_number_of_categories() {
    for n in [1usize, 2, 5, 7, 9] {
        let s = charts::sectors(n);
        assert_eq!(s.len(), n);
        let total: f64 = s.iter().map(|(a, b)| b - a).sum();
        assert!((total - std::f64::consts::TAU).abs() < 1e-9);
        assert!(
            (s[0].0 + std::f64::consts::FRAC_PI_2).abs() < 1e-9,
            "starts at the top"
        );
    }
    assert_eq!(
        charts::sectors(0).len(),
        1,
        "no categories still draws a circle"
    );
}

#[test]
fn rings_run_outward_from_now_and_touch() {
    let mut last = 0.0;
    for t in TimeHorizon::ALL {
        let (inner, outer) = charts::ring(t);
        assert!((inner - last).abs() < 1e-9);
        assert!(outer > inner);
        last = outer;
    }
    assert!((last - charts::RADIUS).abs() < 1e-9);
}

fn in_cell(x: f64, y: f64, (a0, a1): (f64, f64), (r0, r1): (f64, f64)) -> bool {
    let (dx, dy) = (x - charts::CX, y - charts::CY);
    let r = (dx * dx + dy * dy).sqrt();
    let mut a = dy.atan2(dx);
    while a < a0 {
        a += std::f64::consts::TAU;
    }
    r >= r0 - 1e-6 && r <= r1 + 1e-6 && a <= a1 + 1e-6
}

#[test]
fn marks_spread_within_their_cell_without_overlapping() {
    let sector = charts::sectors(8)[2];
    let ring = charts::ring(TimeHorizon::Now);
    for k in [1usize, 2, 5, 12] {
        let places = charts::spread(k, sector, ring);
        assert_eq!(places.len(), k);
        for (i, p) in places.iter().enumerate() {
            assert!(
                in_cell(p.0, p.1, sector, ring),
                "{k} marks: mark {i} is outside its cell"
            );
            for q in &places[i + 1..] {
                let d = ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt();
                assert!(d >= charts::MARK - 1e-6, "{k} marks: two only {d:.1} apart");
            }
        }
    }
}

#[test]
fn kent_marks_are_numbered_once_each_in_a_fixed_order() {
    let s = kent();
    let marks = charts::marks(&s);
    assert_eq!(marks.len(), s.horizon.len());
    let numbers: Vec<_> = marks.iter().map(|m| m.number).collect();
    assert_eq!(numbers, (1..=s.horizon.len()).collect::<Vec<_>>());
    assert_eq!(
        charts::marks(&s),
        marks,
        "the same scenario gives the same places"
    );
    // No two marks anywhere on the radar overlap.
    for (i, a) in marks.iter().enumerate() {
        for b in &marks[i + 1..] {
            let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
            assert!(
                d >= charts::MARK - 1e-6,
                "{} and {} are {d:.1} apart",
                a.title,
                b.title
            );
        }
    }
    // Sectors follow the categories' order.
    let sectors: Vec<_> = marks.iter().map(|m| m.sector).collect();
    assert!(sectors.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn marks_follow_the_categories_when_one_is_removed() {
    let s = kent();
    let unused = s
        .categories
        .iter()
        .find(|c| !s.horizon.iter().any(|h| h.category == c.id));
    if let Some(c) = unused {
        let (fewer, _) = s
            .with(&Edit::Remove {
                collection: Collection::Categories,
                id: c.id.clone(),
            })
            .expect("an unused category can go");
        assert_eq!(charts::marks(&fewer).len(), s.horizon.len());
    }
    let lines = charts::label_lines("Social / Demographic");
    assert_eq!(lines, ["Social /", "Demographic"]);
}

#[test]
fn one_or_two_categories_still_keep_marks_apart() {
    for n in [1usize, 2] {
        let sector = charts::sectors(n)[0];
        for t in TimeHorizon::ALL {
            let ring = charts::ring(t);
            let places = charts::spread(6, sector, ring);
            assert_eq!(places.len(), 6);
            for (i, p) in places.iter().enumerate() {
                assert!(
                    in_cell(p.0, p.1, sector, ring),
                    "{n} categories, {t:?}: mark {i} outside"
                );
                for q in &places[i + 1..] {
                    let d = ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt();
                    assert!(
                        d >= charts::MARK - 1e-6,
                        "{n} categories, {t:?}: {d:.1} apart"
                    );
                }
            }
        }
    }
}
