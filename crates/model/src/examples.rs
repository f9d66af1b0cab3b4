//! The example scenarios shipped inside every binary, so the app and the CLI
//! work with no file at hand.

use crate::Scenario;

/// One embedded example: a scenario file, and which of its plans it opens under review.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The short name used on the command line and in the UI (`kent-2016`).
    pub name: &'static str,
    pub description: &'static str,
    pub json: &'static str,
    /// The plan the example opens under review; `None`: the file's own choice.
    pub under_review: Option<&'static str>,
}

/// Kent's March 2016 review holds the county agreement and Thanet's 2016-17 plan
/// over one matrix: two examples, one file.
static KENT_2016: &str = include_str!("../../../scenarios/kent-2016.json");

/// Thanet's 2017-20 plan over the same Kent matrix and agreement.
static THANET_2017_20: &str = include_str!("../../../scenarios/thanet-2017-20.json");

/// Thanet's 2020-23 plan: its own horizon scan and Leadership Group, over the Kent matrix.
static THANET_2020_23: &str = include_str!("../../../scenarios/thanet-2020-23.json");

/// Medway's 2016-20 plan: a unitary authority outside the Kent agreement, on its own.
static MEDWAY_2016_20: &str = include_str!("../../../scenarios/medway-2016-20.json");

/// A `static`, not a `const`: each use of a `const` would embed its own copy of
/// the JSON in the binary (about 80 KB each in the browser build).
pub static EXAMPLES: &[Example] = &[
    Example {
        name: "kent-2016",
        description: "Kent Community Safety Agreement 2014-17: the March 2016 annual review",
        json: KENT_2016,
        under_review: None,
    },
    Example {
        name: "thanet-2016-17",
        description: "Thanet Community Safety Plan 2016-17, read against the Kent agreement",
        json: KENT_2016,
        under_review: Some("thanet"),
    },
    Example {
        name: "thanet-2017-20",
        description: "Thanet Community Safety Plan 2017-20 (\"community confidence\" reworded to \"community reassurance\"), read against the Kent agreement",
        json: THANET_2017_20,
        under_review: None,
    },
    Example {
        name: "thanet-2020-23",
        description: "Thanet Community Safety Plan 2020-23: its own horizon scan, perception survey and Leadership Group partners, read against the Kent agreement",
        json: THANET_2020_23,
        under_review: None,
    },
    Example {
        name: "medway-2016-20",
        description: "Medway Community Safety Plan 2016-20: a unitary authority outside the Kent agreement, reviewed on its own",
        json: MEDWAY_2016_20,
        under_review: None,
    },
];

impl Example {
    /// The parsed scenario, with this example's plan under review. The examples are
    /// checked by the test suite, so this cannot fail in a released build.
    pub fn scenario(&self) -> Scenario {
        let mut s = Scenario::from_json(self.json)
            .unwrap_or_else(|e| panic!("embedded example {} is invalid: {e}", self.name));
        if let Some(plan) = self.under_review {
            s.under_review = plan.to_string();
        }
        s
    }
}

/// The example with this name (`thanet-2016`, the name before 2016-17's plan joined
/// Kent's file, still opens it).
pub fn example(name: &str) -> Option<&'static Example> {
    let name = if name == "thanet-2016" {
        "thanet-2016-17"
    } else {
        name
    };
    EXAMPLES.iter().find(|e| e.name == name)
}
