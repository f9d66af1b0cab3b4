//! What a rule sees of whose plan it is: the same facts the Alignment view shows,
//! and clear values (not errors) where a county agreement has no district.

use horizon_engine::{evaluate, parse_rules, Limits, RuleFile, Settings};
use horizon_model::Scenario;

fn example(name: &str) -> Scenario {
    horizon_model::example(name).expect("example").scenario()
}

/// Runs one rule that `print`s what it reads; returns the printed lines and the
/// number of diagnostics.
fn printed(s: &Scenario, body: &str) -> (Vec<String>, usize) {
    let pack = parse_rules(&[RuleFile {
        name: "probe.rhai".into(),
        text: format!("//! id: probe\n//! title: Probe\n{body}\n"),
    }]);
    let eval = evaluate(s, &pack, &Settings::default(), &Limits::default());
    let t = eval
        .trace
        .iter()
        .find(|t| t.rule == "probe")
        .expect("probe ran");
    (t.printed.clone(), t.diagnostics.len())
}

const PROBE: &str = r#"
let plan = review.plan();
print(`${plan.kind} local=${plan.local} who=${plan.who} own=${review.own_district() == ()}`);
print(`own level of Offenders=${review.theme("offenders-reoffending").own == ()} cell=${review.own_cell("offenders-reoffending") == ()}`);
for cp in review.county_priorities() {
    print(`${cp.name}: ${cp.standing} ${cp.covered_by} ${cp.level}`);
}
for fa in review.focus_areas() {
    print(`${fa.name}: own=${fa.own} serves=${fa.serves} distinctive=${fa.distinctive}`);
}
let near = review.nearest_focus_area(["acquisitive-crime"]);
print(if near == () { "near: none" } else { `near: ${near.name} same_group=${near.same_group}` });
"#;

#[test]
fn a_county_agreement_has_no_own_district_and_no_county_priorities_but_nothing_fails() {
    let (lines, diagnostics) = printed(&example("kent-2016"), PROBE);
    assert_eq!(diagnostics, 0, "{lines:?}");
    assert_eq!(
        lines[0],
        "county_agreement local=false who=Kent Community Safety Agreement 2014-17 own=true"
    );
    assert_eq!(
        lines[1], "own level of Offenders=true cell=true",
        "() for both on a county plan"
    );
    assert!(!lines
        .iter()
        .any(|l| l.contains(": covered") || l.contains("not_addressed")));
    // Acquisitive Crime is one of Kent's own focus areas; the nearest other is the one
    // covering another crime theme.
    assert_eq!(
        lines.last().map(String::as_str),
        Some("near: Violent Crime same_group=true")
    );
}

#[test]
fn thanets_rules_see_its_column_the_county_priorities_and_what_is_distinctive() {
    let (lines, diagnostics) = printed(&example("thanet-2016-17"), PROBE);
    assert_eq!(diagnostics, 0, "{lines:?}");
    assert_eq!(lines[0], "district_plan local=true who=Thanet own=false");
    assert_eq!(lines[1], "own level of Offenders=false cell=false");
    let has = |want: &str| {
        assert!(
            lines.iter().any(|l| l == want),
            "missing {want:?} in {lines:#?}"
        );
    };
    has("Domestic Abuse: covered [\"safeguarding-vulnerable\"] ");
    has("Substance Misuse: named_locally [] issue");
    has("Acquisitive Crime: not_addressed [] ");
    has("Improving community confidence and agency collaboration: own=main serves=[] distinctive=[\"community-confidence\", \"clean-green-safer\"]");
    has("near: Reducing Offending and Reoffending same_group=true");
}

#[test]
fn the_thanet_review_argues_from_thanets_own_evidence_and_keeps_its_plan_broad() {
    let s = example("thanet-2016-17");
    let eval = evaluate(
        &s,
        &horizon_engine::shipped_pack(),
        &Settings::default(),
        &Limits::default(),
    );
    let heads: Vec<String> = eval.suggestions.iter().map(|x| x.headline(&s)).collect();
    // The three broad focus areas are the top three, each retained on Thanet's own column.
    for (i, name) in [
        "Reducing Offending and Reoffending",
        "Safeguarding our most vulnerable people",
        "Improving community confidence and agency collaboration",
    ]
    .iter()
    .enumerate()
    {
        let at = heads
            .iter()
            .position(|h| h == &format!("Retain {name}"))
            .expect(name);
        assert!(at < 3, "{name} is {at}: {heads:#?}");
        assert!(
            eval.suggestions[i]
                .rationale
                .starts_with("Thanet's own column"),
            "{}",
            eval.suggestions[i].rationale
        );
    }
    assert!(
        !heads.iter().any(|h| h.starts_with("Add ")),
        "no new focus area: {heads:#?}"
    );
    assert_eq!(
        eval.proposed.focus_areas.len(),
        3,
        "the plan stays at three focus areas"
    );
    assert!(heads.contains(
        &"Retain Reducing Offending and Reoffending, taking in Substance Misuse".to_string()
    ));
    assert!(eval.conflicts.is_empty(), "{:?}", eval.conflicts);
    let text = horizon_engine::report::text(&eval, &s);
    assert!(
        text.contains("Reducing Offending and Reoffending (retained, taking in Substance Misuse"),
        "{text}"
    );
}
