//! The scenario size limits: a file past them is refused with what is over and the
//! limit, before it is parsed (bytes) or validated (counts).

use horizon_model::size::{self, TooLarge};
use horizon_model::{example, LoadError, Scenario};

fn kent_json() -> serde_json::Value {
    serde_json::from_str(&example("kent-2016").unwrap().scenario().to_json()).unwrap()
}

fn refusal(text: &str) -> String {
    match Scenario::from_json(text) {
        Err(LoadError::TooLarge(e)) => e.to_string(),
        other => panic!("expected TooLarge, got {other:?}"),
    }
}

#[test]
fn too_many_districts_themes_or_items_are_refused_before_validation_naming_the_limit() {
    let kent = kent_json();
    for (list, n, words) in [
        (
            "districts",
            2_001,
            "This scenario has 2,001 districts; Horizon handles at most 2,000.",
        ),
        (
            "themes",
            2_500,
            "This scenario has 2,500 themes; Horizon handles at most 2,000.",
        ),
        (
            "horizon",
            25_000,
            "This scenario has 25,000 horizon items; Horizon handles at most 20,000.",
        ),
    ] {
        let mut v = kent.clone();
        let first = v[list][0].clone();
        // Copies with the same id: validation would find thousands of problems, but
        // the count is checked first, so it never runs.
        v[list] = serde_json::Value::Array(vec![first; n]);
        assert_eq!(refusal(&v.to_string()), words, "{list}");
    }
}

#[test]
fn a_scenario_at_the_limits_is_within_them() {
    let mut s = example("kent-2016").unwrap().scenario();
    let d = s.districts[0].clone();
    s.districts = vec![d; size::MAX_DISTRICTS];
    assert_eq!(size::check_counts(&s), Ok(()));
    s.districts.push(s.districts[0].clone());
    assert_eq!(
        size::check_counts(&s),
        Err(TooLarge::Count {
            what: "districts",
            count: 2_001,
            limit: 2_000
        })
    );
    assert_eq!(size::check_bytes(size::MAX_BYTES), Ok(()));
}

#[test]
fn a_file_past_50_mb_is_refused_before_it_is_parsed() {
    // Not even JSON: the size is the first thing said.
    let big = " ".repeat(60_000_000);
    assert_eq!(
        refusal(&big),
        "This scenario file is 60 MB; Horizon handles at most 50 MB."
    );
    let just_over = " ".repeat(size::MAX_BYTES + 1);
    assert_eq!(
        refusal(&just_over),
        "This scenario file is 50,000,001 bytes; Horizon handles at most 50,000,000 bytes."
    );
    // Kent itself is far below every limit.
    let kent = example("kent-2016").unwrap().scenario();
    assert!(Scenario::from_json(&kent.to_json()).is_ok());
}
