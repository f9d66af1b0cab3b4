//! A scenario past the model's size limits is refused in a moment, saying what is
//! over and the limit, by every command that reads one.

use crate::{horizon, temp};

#[test]
fn a_scenario_past_the_size_limits_is_refused_saying_what_is_over() {
    let d = temp("sizes");
    let kent: serde_json::Value =
        serde_json::from_str(&horizon(&["example", "kent-2016"]).stdout).unwrap();
    let mut many = kent.clone();
    let item = many["horizon"][0].clone();
    many["horizon"] = serde_json::Value::Array(vec![item; 25_000]);
    let f = d.join("many-items.json");
    std::fs::write(&f, many.to_string()).unwrap();
    let said = "This scenario has 25,000 horizon items; Horizon handles at most 20,000.";
    let o = horizon(&["validate", f.to_str().unwrap()]);
    assert!(!o.ok);
    assert_eq!(o.stdout.trim(), format!("{}: {said}", f.display()));
    let o = horizon(&["review", "--scenario", f.to_str().unwrap()]);
    assert!(!o.ok);
    assert!(o.stderr.contains(said), "{}", o.stderr);

    let big = d.join("big.json");
    std::fs::write(&big, " ".repeat(60_000_000)).unwrap();
    let o = horizon(&["review", "--scenario", big.to_str().unwrap()]);
    assert!(!o.ok);
    assert!(
        o.stderr
            .contains("big.json: This scenario file is 60 MB; Horizon handles at most 50 MB."),
        "{}",
        o.stderr
    );
    let _ = std::fs::remove_dir_all(&d);
}
