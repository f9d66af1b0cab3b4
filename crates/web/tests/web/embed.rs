//! Horizon as a widget (embed.rs): what a host page gives it, read as the page's own
//! files are, with every problem in words; and the headless review.

use horizon_web::embed::{review_json, scenario_from};

#[test]
fn a_widget_starts_from_the_json_it_was_given_then_a_named_example_then_kent() {
    let thanet = horizon_model::example("thanet-2017-20").expect("shipped").scenario();
    let given = scenario_from(Some(&thanet.to_json()), Some("kent-2016")).expect("valid");
    assert_eq!(given.meta.title, thanet.meta.title, "the JSON wins over the example");
    let named = scenario_from(None, Some("medway-2016-20")).expect("shipped");
    assert_eq!(named.meta.title, horizon_model::example("medway-2016-20").unwrap().scenario().meta.title);
    let neither = scenario_from(None, None).expect("kent");
    assert_eq!(neither.meta.title, horizon_model::EXAMPLES[0].scenario().meta.title);
}

#[test]
fn a_broken_scenario_or_an_unknown_example_is_every_problem_in_words_with_where() {
    let syntax = scenario_from(Some("{\n  \"themes\": [}"), None).unwrap_err();
    assert_eq!(syntax.len(), 1);
    assert!(syntax[0].starts_with("line 2, column "), "{syntax:?}");

    let mut kent = horizon_model::EXAMPLES[0].scenario();
    let first = kent.themes[0].id.clone();
    kent.themes[1].id = first;
    kent.districts[0].name = String::new();
    let invalid = scenario_from(Some(&kent.to_json()), None).unwrap_err();
    assert!(invalid.len() >= 2, "each problem on its own: {invalid:?}");

    let unknown = scenario_from(None, Some("kent\u{1b}[31m")).unwrap_err();
    assert_eq!(unknown.len(), 1);
    assert!(unknown[0].starts_with("there is no example called “kent"), "{unknown:?}");
    assert!(!unknown[0].contains('\u{1b}'), "the name is escaped: {unknown:?}");
    assert!(unknown[0].contains("kent-2016") && unknown[0].contains("medway-2016-20"), "{unknown:?}");
}

#[test]
fn the_headless_review_is_the_review_json_of_the_shipped_rules() {
    let kent = horizon_model::EXAMPLES[0].scenario();
    let json: serde_json::Value = serde_json::from_str(&review_json(&kent)).expect("JSON");
    let eval = horizon_engine::evaluate(
        &kent,
        &horizon_engine::shipped_pack(),
        &horizon_engine::Settings::default(),
        &horizon_engine::Limits::default(),
    );
    let ids: Vec<&str> = json["suggestions"].as_array().expect("a list").iter().map(|s| s["id"].as_str().unwrap()).collect();
    let expected: Vec<String> = eval.suggestions.iter().map(|s| s.id().to_string()).collect();
    assert!(!ids.is_empty());
    assert_eq!(ids, expected);
}

#[test]
fn the_headless_review_through_the_worker_is_the_same_review() {
    use horizon_web::embed::{review_from_answer, review_request};
    let json = horizon_model::example("thanet-2017-20").unwrap().scenario().to_json();
    let request = review_request(&json).expect("a request");
    let answer = horizon_web::worker::answer(&request, &mut |_| {});
    let through_worker = review_from_answer(&json, &answer).expect("a review");
    let direct = review_json(&horizon_model::Scenario::from_json(&json).unwrap());
    assert_eq!(through_worker, direct);
    let refused = review_request("{\"themes\": 7}").unwrap_err();
    assert_eq!(refused.len(), 1);
    assert!(refused[0].starts_with("line 1, column "), "{refused:?}");
}
