//! `horizon align` and `horizon review --plan`: a district officer's view from the
//! command line.

use crate::horizon;

#[test]
fn align_shows_thanets_plan_against_the_kent_agreement() {
    let o = horizon(&["align", "--plan", "thanet"]);
    assert!(o.ok, "{}", o.stderr);
    assert!(
        o.stdout
            .starts_with("Thanet Community Safety Plan 2016-17\n"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains(
        "Domestic Abuse: covered within the broader focus area “Safeguarding our most vulnerable people”."
    ));

    let md = horizon(&["align", "--plan", "thanet", "--format", "markdown"]);
    assert!(md.ok, "{}", md.stderr);
    assert!(
        md.stdout
            .contains("| Acquisitive Crime | Priority | Not addressed |"),
        "{}",
        md.stdout
    );
    assert!(md.stdout.contains("| Improving community confidence and agency collaboration | none | Community Confidence and Clean, Green & Safer / Safer Communities |"), "{}", md.stdout);

    let json = horizon(&["align", "--plan", "thanet", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v["priorities"][0]["standing"]["status"], "covered");
    assert_eq!(v["priorities"][0]["standing"]["by"][0]["how"], "within");
}

#[test]
fn align_on_the_county_agreement_shows_the_districts_side_by_side() {
    let o = horizon(&["align"]);
    assert!(o.ok, "{}", o.stderr);
    assert!(
        o.stdout
            .starts_with("11 districts are read against Kent Community Safety Agreement 2014-17;"),
        "{}",
        o.stdout
    );
    assert!(
        o.stdout.contains("Furthest from the agreement: "),
        "{}",
        o.stdout
    );
    assert_eq!(
        o.stdout.lines().filter(|l| l.contains("(drift ")).count(),
        11
    );
}

#[test]
fn a_plan_the_scenario_does_not_have_is_refused_with_the_plans_it_has() {
    for cmd in ["align", "review"] {
        let o = horizon(&[cmd, "--plan", "swale"]);
        assert!(!o.ok);
        assert!(
            o.stderr.contains("--plan swale: the scenario has no such plan; its plans are kent-csa (Kent Community Safety Agreement 2014-17) and thanet (Thanet Community Safety Plan 2016-17)"),
            "{}",
            o.stderr
        );
    }
}

#[test]
fn review_with_a_plan_judges_that_plan() {
    let o = horizon(&["review", "--plan", "thanet", "--format", "json"]);
    assert!(o.ok, "{}", o.stderr);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).expect("JSON");
    let text = v.to_string();
    assert!(
        text.contains("Thanet Community Safety Plan 2016-17"),
        "{text}"
    );
}
