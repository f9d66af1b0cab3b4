//! Scores change smoothly with evidence: one district more or less, or naming a
//! theme at another level, moves any suggestion's score by a bounded amount, and a
//! suggestion comes or goes only at a low score (no cliff where a rule switches on).

use horizon_engine::{
    evaluate, shipped_pack, Evaluation, Limits, Settings, Suggestion, SuggestionId,
};
use horizon_model::{Edit, Level, Scenario};

/// Most a single cell of the matrix may move any suggestion's score.
pub const STEP: f64 = 15.0;

fn run(s: &Scenario) -> Evaluation {
    evaluate(s, &shipped_pack(), &Settings::default(), &Limits::default())
}

/// Every suggestion of an evaluation with its score, those folded into
/// another included (a watch an add takes in keeps its own score).
fn scores(e: &Evaluation) -> Vec<(SuggestionId, f64, &Suggestion)> {
    fn walk<'a>(list: &'a [Suggestion], out: &mut Vec<(SuggestionId, f64, &'a Suggestion)>) {
        for s in list {
            out.push((s.id(), s.score, s));
            walk(&s.also_covers, out);
        }
    }
    let mut out = Vec::new();
    walk(&e.suggestions, &mut out);
    out
}

/// A suggestion's score in `e`: by its id, or, when a change of lead theme gave
/// it a new id ("Add Safeguarding" becoming "Add Prevent"), by the suggestion of
/// the same kind about the same focus areas or themes that `before` did not have.
fn score_in(
    x: &Suggestion,
    e: &[(SuggestionId, f64, &Suggestion)],
    before: &[(SuggestionId, f64, &Suggestion)],
) -> f64 {
    if let Some((_, s, _)) = e.iter().find(|(id, _, _)| *id == x.id()) {
        return *s;
    }
    e.iter()
        .filter(|(id, _, y)| {
            y.kind == x.kind
                && !before.iter().any(|(b, _, _)| b == id)
                && y.targets.iter().any(|t| x.targets.contains(t))
        })
        .map(|(_, s, _)| *s)
        .fold(0.0, f64::max)
}

/// The largest movement of any suggestion between two evaluations, counting a
/// suggestion that comes or goes as moving from or to 0, with what moved.
pub fn largest_move(a: &Evaluation, b: &Evaluation) -> (f64, String) {
    let (sa, sb) = (scores(a), scores(b));
    let mut worst = (0.0, String::new());
    for (id, score, x) in &sa {
        let to = score_in(x, &sb, &sa);
        if (score - to).abs() > worst.0 {
            worst = ((score - to).abs(), format!("{id} {score:.1} → {to:.1}"));
        }
    }
    for (id, score, y) in &sb {
        let from = score_in(y, &sa, &sb);
        if (score - from).abs() > worst.0 {
            worst = ((score - from).abs(), format!("{id} {from:.1} → {score:.1}"));
        }
    }
    worst
}

/// Every single-cell edit of the scenario's matrix: each district and theme, set
/// to each level it does not have, or cleared.
pub fn single_cell_edits(s: &Scenario) -> Vec<(String, Scenario)> {
    let mut out = Vec::new();
    for t in &s.themes {
        for d in &s.districts {
            let now = s.level(&d.id, &t.id);
            for to in [
                None,
                Some(Level::Issue),
                Some(Level::Subsidiary),
                Some(Level::Main),
            ] {
                if to == now {
                    continue;
                }
                let edit = Edit::SetCell {
                    district: d.id.clone(),
                    theme: t.id.clone(),
                    level: to,
                };
                if let Ok((next, _)) = s.with(&edit) {
                    out.push((format!("{} / {}: {now:?} → {to:?}", d.name, t.name), next));
                }
            }
        }
    }
    out
}

#[test]
fn one_cell_of_the_kent_matrix_moves_any_score_by_at_most_the_step() {
    let kent = super::kent();
    let base = run(&kent);
    let mut worst = (0.0, String::new(), String::new());
    for (what, s) in single_cell_edits(&kent) {
        let (d, which) = largest_move(&base, &run(&s));
        if d > worst.0 {
            worst = (d, what, which);
        }
    }
    println!(
        "largest single-cell move on Kent: {:.1} ({}: {})",
        worst.0, worst.1, worst.2
    );
    assert!(
        worst.0 <= STEP,
        "{}: {} moves by {:.1}, more than {STEP}",
        worst.1,
        worst.2,
        worst.0
    );
}
