//! A project or scenario file's bytes: a byte-order mark accepted, bytes that are
//! not UTF-8 refused at their byte and line, an empty file said to be empty.

use horizon_model::Scenario;
use horizon_project::{open, open_bytes, Opened, Project, ProjectFile};

fn kent() -> Scenario {
    horizon_model::example("kent-2016").unwrap().scenario()
}

fn project_json() -> String {
    ProjectFile::of(&Project::opened(horizon_project::Work::of(kent()))).to_json()
}

#[test]
fn a_project_or_scenario_with_a_byte_order_mark_opens() {
    for json in [project_json(), kent().to_json()] {
        let mut bytes = horizon_model::UTF8_BOM.to_vec();
        bytes.extend(json.as_bytes());
        let opened = open_bytes(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
        let scenario = match opened {
            Opened::Project(p) => (*p.work.scenario).clone(),
            Opened::Scenario(s) => *s,
        };
        assert_eq!(scenario, kent());
        // The text with its mark (as a browser's reader may leave it) opens too.
        assert!(open(&format!("\u{feff}{json}")).is_ok());
    }
}

#[test]
fn a_project_that_is_not_utf8_is_refused_at_its_byte_and_line_and_an_empty_one_as_empty() {
    let mut bytes = project_json().into_bytes();
    let at = bytes.iter().position(|b| *b == b'K').unwrap();
    bytes[at] = 0x80;
    let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
    assert_eq!(
        open_bytes(&bytes).unwrap_err(),
        vec![format!(
            "Not UTF-8 text at byte {} (line {line}); save the file as UTF-8.",
            horizon_model::thousands(at as u64 + 1)
        )]
    );
    for empty in [&b""[..], b"\n \n", b"\xEF\xBB\xBF"] {
        assert_eq!(
            open_bytes(empty).unwrap_err(),
            vec!["The file is empty.".to_string()]
        );
    }
    let e = open("{\n").unwrap_err();
    assert!(!e[0].contains("column 0"), "{e:?}");
}
