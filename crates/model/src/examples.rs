//! The example scenarios shipped inside every binary, so the app and the CLI
//! work with no file at hand.

use crate::Scenario;

/// One embedded example scenario.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The short name used on the command line and in the UI (`kent-2016`).
    pub name: &'static str,
    pub description: &'static str,
    pub json: &'static str,
}

/// A `static`, not a `const`: each use of a `const` would embed its own copy of
/// the JSON in the binary (about 80 KB each in the browser build).
pub static EXAMPLES: &[Example] = &[
    Example {
        name: "kent-2016",
        description: "Kent Community Safety Agreement 2014-17: the March 2016 annual review",
        json: include_str!("../../../scenarios/kent-2016.json"),
    },
    Example {
        name: "thanet-2016",
        description: "Thanet Community Safety Plan 2016-17: a district plan",
        json: include_str!("../../../scenarios/thanet-2016.json"),
    },
];

impl Example {
    /// The parsed scenario. The examples are checked by the test suite, so this
    /// cannot fail in a released build.
    pub fn scenario(&self) -> Scenario {
        Scenario::from_json(self.json)
            .unwrap_or_else(|e| panic!("embedded example {} is invalid: {e}", self.name))
    }
}

/// The example with this name.
pub fn example(name: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.name == name)
}
