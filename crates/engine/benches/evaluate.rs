//! One full evaluation of the shipped pack: on the Kent March 2016 data, and on a
//! generated national-scale scenario (350 districts × 60 themes × 1,000 horizon
//! items) to see how the time grows; the `growth` group takes it to twice and four
//! times national (`national(700, 60, 2000)`, `national(1400, 60, 4000)`).

use std::collections::BTreeMap;

use criterion::{criterion_group, criterion_main, Criterion};
use horizon_engine::{evaluate, parse_rules, shipped_pack, Limits, RuleFile, RuleSource, Settings};
use horizon_model::*;

/// A small deterministic generator (xorshift), so every run measures the same scenario.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn national(districts: usize, themes: usize, items: usize) -> Scenario {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let groups: Vec<ThemeGroup> = (0..10)
        .map(|g| ThemeGroup {
            id: format!("g{g}"),
            name: format!("Group {g}"),
        })
        .collect();
    let theme_list: Vec<Theme> = (0..themes)
        .map(|t| Theme {
            id: format!("t{t}"),
            name: format!("Theme {t}"),
            group: format!("g{}", t % 10),
            aliases: vec![],
            description: None,
        })
        .collect();
    let district_list: Vec<District> = (0..districts)
        .map(|d| District {
            id: format!("d{d}"),
            name: format!("District {d}"),
            aliases: Vec::new(),
        })
        .collect();
    let mut matrix = Vec::new();
    for (t, theme) in theme_list.iter().enumerate() {
        // Popular themes first, like the seed's table.
        let popularity = 90 - (t as u64 * 85 / themes as u64);
        let mut cells = BTreeMap::new();
        for d in &district_list {
            if rng.below(100) < popularity {
                let level = match rng.below(3) {
                    0 => Level::Main,
                    1 => Level::Subsidiary,
                    _ => Level::Issue,
                };
                cells.insert(d.id.clone(), level);
            }
        }
        if !cells.is_empty() {
            matrix.push(MatrixRow {
                theme: theme.id.clone(),
                cells,
            });
        }
    }
    let pick = |rng: &mut Rng, n: usize| -> Vec<String> {
        let mut v: Vec<String> = (0..n)
            .map(|_| format!("t{}", rng.below(themes as u64)))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let focus_areas = (0..8)
        .map(|f| FocusArea {
            id: format!("f{f}"),
            name: format!("Focus area {f}"),
            themes: vec![format!("t{}", f * 3)],
            serves: vec![],
        })
        .collect();
    let cross_cutting_themes = (0..4)
        .map(|c| CrossCuttingTheme {
            id: format!("c{c}"),
            name: format!("Cross-cutting {c}"),
            themes: vec![format!("t{}", 30 + c)],
        })
        .collect();
    let categories = default_categories();
    let horizon = (0..items)
        .map(|i| HorizonItem {
            id: format!("h{i}"),
            category: categories[i % categories.len()].id.clone(),
            title: format!("Horizon item {i}"),
            detail: String::new(),
            time_horizon: TimeHorizon::ALL[i % 4],
            likelihood: 1 + rng.below(4) as u8,
            impact: 1 + rng.below(4) as u8,
            themes: pick(&mut rng, 1 + (i % 3)),
            source: String::new(),
            district: None,
        })
        .collect();
    let partner_priorities = (0..100)
        .map(|p| PartnerPriority {
            id: format!("p{p}"),
            partner: format!("Partner {}", p % 12),
            priority: format!("Priority {p}"),
            themes: pick(&mut rng, 2),
            district: None,
        })
        .collect();
    let legislation = (0..30)
        .map(|l| Legislation {
            id: format!("l{l}"),
            title: format!("Act {l}"),
            year: Some(2010 + l as u16 % 10),
            status: [
                LegislationStatus::Enacted,
                LegislationStatus::Incoming,
                LegislationStatus::Proposed,
            ][l % 3],
            creates_duty: l % 2 == 0,
            duty: None,
            themes: pick(&mut rng, 2),
        })
        .collect();
    let consultation = (0..8)
        .map(|f| ConsultationResult {
            focus_area: Some(format!("f{f}")),
            responses: 300 + f as u32 * 40,
            share_agreeing: 0.5 + f as f64 * 0.05,
        })
        .collect();
    let s = Scenario {
        schema_version: SCHEMA_VERSION,
        meta: Meta {
            title: "Generated national scenario".into(),
            geography: "England".into(),
            period: "2026-27".into(),
            provenance: vec![],
        },
        categories,
        groups,
        themes: theme_list,
        districts: district_list,
        matrix,
        plans: vec![Plan {
            id: "national".into(),
            name: "National plan".into(),
            kind: PlanKind::CountyAgreement,
            district: None,
            focus_areas,
            cross_cutting_themes,
            consultation,
        }],
        under_review: "national".into(),
        horizon,
        partner_priorities,
        legislation,
        votes: vec![],
        events: vec![],
    };
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    s
}

fn bench(c: &mut Criterion) {
    let pack = shipped_pack();
    let settings = Settings::default();
    let limits = Limits::default();
    let kent = example("kent-2016").expect("kent").scenario();
    let nat = national(350, 60, 1000);
    // The generated scenario must exercise the rules, not fail them.
    let eval = evaluate(&nat, &pack, &settings, &limits);
    assert_eq!(
        eval.diagnostics().count(),
        0,
        "{:?}",
        eval.diagnostics().collect::<Vec<_>>()
    );
    assert!(!eval.suggestions.is_empty());

    let mut g = c.benchmark_group("evaluate");
    g.sample_size(30);
    g.bench_function("kent-2016", |b| {
        b.iter(|| evaluate(&kent, &pack, &settings, &limits))
    });
    g.bench_function("national-350x60x1000", |b| {
        b.iter(|| evaluate(&nat, &pack, &settings, &limits))
    });
    // As the page's worker evaluates: one Evaluator kept, so the rules are compiled
    // once. "same scenario" is a settings change (tables kept too); "edited" alternates
    // two scenarios that differ in one cell, as after an edit (tables rebuilt).
    let mut edited = kent.clone();
    let first = edited.matrix[0].cells.keys().next().cloned().expect("a cell");
    edited.matrix[0].cells.remove(&first);
    for (name, a, b) in [("kent-2016-kept-same-scenario", &kent, &kent), ("kent-2016-kept-edited", &kent, &edited)] {
        let mut evaluator = horizon_engine::Evaluator::default();
        let mut flip = false;
        g.bench_function(name, |bench| {
            bench.iter(|| {
                flip = !flip;
                evaluator.evaluate(if flip { a } else { b }, &pack, &settings, &limits, &mut |_| {})
            })
        });
    }
    g.finish();

    // How the time grows: national, twice and four times over (districts and horizon
    // items doubled; 60 themes throughout, as a national matrix would keep its
    // themes), fresh evaluations. The per-rule time limit is the page's guard, not
    // part of what is measured, so it is raised here; every other limit is the page's.
    let unhurried = Limits { time_limit_ms: 60_000, ..Limits::default() };
    let mut g = c.benchmark_group("growth");
    g.sample_size(10);
    for scale in [1usize, 2, 4] {
        let s = national(350 * scale, 60, 1000 * scale);
        let eval = evaluate(&s, &pack, &settings, &unhurried);
        assert_eq!(eval.diagnostics().count(), 0, "at {scale}x: {:?}", eval.diagnostics().collect::<Vec<_>>());
        g.bench_function(format!("national-x{scale}"), |b| b.iter(|| evaluate(&s, &pack, &settings, &unhurried)));
    }
    g.finish();

    // Merging what many rules say: ten rules of 500 distinct suggestions each (watches
    // on Kent's theme quadruples, none the same change), beside the shipped pack.
    let many = many_distinct(&kent, 10, 500);
    let eval = evaluate(&kent, &many, &settings, &limits);
    assert_eq!(eval.diagnostics().count(), 0);
    assert!(eval.suggestions.len() >= 5_000, "{}", eval.suggestions.len());
    let mut g = c.benchmark_group("merge");
    g.sample_size(10);
    g.bench_function("5000-distinct-suggestions", |b| {
        b.iter(|| evaluate(&kent, &many, &settings, &limits))
    });
    g.finish();
}

/// The shipped pack and `rules` rules, each suggesting `each` watches on distinct
/// sets of four themes (rule `r` takes the quadruples from `r * each`).
fn many_distinct(s: &Scenario, rules: usize, each: usize) -> Vec<RuleSource> {
    assert!(s.themes.len() >= 20, "enough themes for the quadruples");
    let mut files = horizon_engine::shipped_rule_files();
    for r in 0..rules {
        let (from, to) = (r * each, (r + 1) * each);
        files.push(RuleFile {
            name: format!("zz-many-{r}.rhai"),
            text: format!(
                "//! id: many-{r}\n//! title: Many {r}\n\
                 let t = review.themes();\nlet n = t.len();\nlet i = 0;\n\
                 for a in 0..n {{ for b in a+1..n {{ for c in b+1..n {{ for d in c+1..n {{\n\
                 if i >= {from} && i < {to} {{ suggest(#{{ kind: \"watch\", themes: [t[a].id, t[b].id, t[c].id, t[d].id], score: 10, rationale: \"r\" }}); }}\n\
                 i += 1;\n}} }} }} }}\n"
            ),
        });
    }
    parse_rules(&files)
}

criterion_group!(benches, bench);
criterion_main!(benches);
