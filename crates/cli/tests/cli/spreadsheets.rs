//! `horizon import` and `horizon export`, on small files each test writes.

use std::path::{Path, PathBuf};

use horizon_model::{Level, Scenario};

use crate::{horizon, temp};

/// Seed 004's matrix as a CSV file: a title, a blank row, districts across, a count
/// column, and "Serious Violence", which could be Violent Crime or Serious &
/// Organised Crime.
const SEED_MATRIX: &str = "Local Strategic Assessments (provisional)\r\n\
,,,,\r\n\
,Ashford,Canterbury,Dartford and Gravesham,No. of Districts\r\n\
Domestic Abuse (inc. sexual offences & serious violence),✓,✓,,2\r\n\
Crime / Serious & Organised Crime,,✓,✓,2\r\n\
Serious Violence,✓,,,1\r\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn scenario(p: &Path) -> Scenario {
    Scenario::from_json(&std::fs::read_to_string(p).unwrap()).expect("a valid scenario")
}

#[test]
fn an_unclear_name_stops_the_import_with_its_place_and_candidates() {
    let d = temp("import-unclear");
    let file = write(&d, "kent-matrix.csv", SEED_MATRIX);
    let out = d.join("out.json");
    let o = horizon(&["import", s(&file), "-o", s(&out)]);
    assert!(!o.ok);
    assert!(!out.exists(), "nothing is written");
    assert!(
        o.stderr
            .contains("kent-matrix: read as the priority matrix"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("1 unclear"), "{}", o.stderr);
    let line = o
        .stderr
        .lines()
        .find(|l| l.contains("A6: “Serious Violence” is unclear: "))
        .unwrap_or_else(|| panic!("{}", o.stderr));
    assert!(line.contains("Violent Crime"), "{line}");
    assert!(line.contains("Serious & Organised Crime"), "{line}");
    assert!(line.contains("Use --map \"Serious Violence="), "{line}");
    assert!(line.contains("--new-names add|skip"), "{line}");
}

#[test]
fn map_settles_an_unclear_name_and_the_cells_are_imported() {
    let d = temp("import-map");
    let file = write(&d, "kent-matrix.csv", SEED_MATRIX);
    let out = d.join("out.json");
    let o = horizon(&[
        "import",
        s(&file),
        "--map",
        "Serious Violence=Violent Crime",
        "-o",
        s(&out),
    ]);
    assert!(o.ok, "{}", o.stderr);
    let after = scenario(&out);
    assert_eq!(after.level("ashford", "violent-crime"), Some(Level::Main));
    assert_eq!(
        after.level("dartford-gravesham", "serious-organised-crime"),
        Some(Level::Main)
    );
    // A matched cell the file leaves blank is cleared.
    assert_eq!(after.level("dartford-gravesham", "domestic-abuse"), None);
    // The summary and the changes, in names.
    assert!(
        o.stderr
            .contains("Imported the priority matrix from kent-matrix.csv"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("Priority matrix"), "{}", o.stderr);
    assert!(
        o.stderr.contains("Dartford & Gravesham — Domestic Abuse"),
        "{}",
        o.stderr
    );
    // A count that disagrees with the ticks is said, and does not stop the import.
    let count = write(
        &d,
        "count.csv",
        SEED_MATRIX.replace("Serious Violence,✓,,,1", "Serious Violence,✓,,,3"),
    );
    let o = horizon(&[
        "import",
        s(&count),
        "--map",
        "serious violence=violent-crime",
        "-o",
        s(&d.join("count.json")),
    ]);
    assert!(o.ok, "{}", o.stderr);
    assert!(
        o.stderr.contains("E6: “Serious Violence” has 1 district"),
        "{}",
        o.stderr
    );
}

#[test]
fn tick_sets_the_level_a_plain_tick_writes() {
    let d = temp("import-tick");
    let file = write(&d, "kent-matrix.csv", SEED_MATRIX);
    let out = d.join("out.json");
    let o = horizon(&[
        "import",
        s(&file),
        "--tick",
        "subsidiary",
        "--map",
        "Serious Violence=Violent Crime",
        "-o",
        s(&out),
    ]);
    assert!(o.ok, "{}", o.stderr);
    let after = scenario(&out);
    assert_eq!(
        after.level("ashford", "violent-crime"),
        Some(Level::Subsidiary)
    );
    assert_eq!(
        after.level("canterbury", "domestic-abuse"),
        Some(Level::Subsidiary)
    );
}

#[test]
fn a_new_district_is_an_error_until_new_names_says_add_or_skip() {
    let d = temp("import-new");
    let file = write(
        &d,
        "m.csv",
        "Theme,Ashford,Medway\r\nGangs,Main,Issue\r\nPrevent,,Main\r\n",
    );
    let out = d.join("out.json");
    let o = horizon(&["import", s(&file), "-o", s(&out)]);
    assert!(!o.ok);
    assert!(!out.exists());
    assert!(
        o.stderr
            .contains("C1: “Medway” is a new district. Use --new-names add|skip"),
        "{}",
        o.stderr
    );

    let o = horizon(&["import", s(&file), "--new-names", "add", "-o", s(&out)]);
    assert!(o.ok, "{}", o.stderr);
    let after = scenario(&out);
    let medway = after
        .districts
        .iter()
        .find(|d| d.name == "Medway")
        .expect("added");
    assert_eq!(after.level(&medway.id, "prevent"), Some(Level::Main));
    assert_eq!(after.level("ashford", "gangs"), Some(Level::Main));

    let o = horizon(&["import", s(&file), "--new-names", "skip", "-o", s(&out)]);
    assert!(o.ok, "{}", o.stderr);
    let after = scenario(&out);
    assert!(after.districts.iter().all(|d| d.name != "Medway"));
    assert_eq!(after.level("ashford", "gangs"), Some(Level::Main));
}

#[test]
fn a_bad_map_is_an_error_that_names_it() {
    let d = temp("import-badmap");
    let file = write(&d, "kent-matrix.csv", SEED_MATRIX);
    let out = d.join("out.json");
    let o = horizon(&[
        "import",
        s(&file),
        "--map",
        "Serious Violence=Knife Crime",
        "--map",
        "Burglary=Acquisitive Crime",
        "--map",
        "no equals sign",
        "-o",
        s(&out),
    ]);
    assert!(!o.ok);
    assert!(!out.exists());
    assert!(
        o.stderr.contains(
            "--map \"Serious Violence=Knife Crime\": the scenario has no theme or district called “Knife Crime”"
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(
            "--map \"Burglary=Acquisitive Crime\": kent-matrix.csv has no theme called that"
        ),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("--map \"no equals sign\": expected NAME=THEME OR DISTRICT NAME"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_bad_cell_stops_the_import_with_its_place_and_writes_nothing() {
    let d = temp("import-bad");
    let file = write(
        &d,
        "bad.csv",
        "Theme,Ashford,Dover\r\nGangs,maybe,Main\r\nPrevent,Main,high-ish\r\n",
    );
    let out = d.join("out.json");
    // A grid with levels under district names is a matrix, even with bad cells.
    let o = horizon(&["import", s(&file), "-o", s(&out)]);
    assert!(!o.ok);
    assert!(!out.exists(), "nothing is written");
    assert!(o.stderr.contains("(2 problems)"), "{}", o.stderr);
    assert!(
        o.stderr.contains("  B2: “maybe” is not a level"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains("  C3: “high-ish” is not a level"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("nothing was written"), "{}", o.stderr);
    // A table that is no part Horizon knows: the error says how to name its part.
    let notes = write(
        &d,
        "notes.csv",
        "Minutes,Actions\r\nMet in March,Write the plan\r\n",
    );
    let o = horizon(&["import", s(&notes), "-o", s(&out)]);
    assert!(!o.ok);
    assert!(!out.exists(), "nothing is written");
    assert!(
        o.stderr
            .contains("Nothing in notes.csv could be recognised"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("--part matrix"), "{}", o.stderr);
}

#[test]
fn an_unreadable_file_or_scenario_is_said_plainly() {
    let d = temp("import-unreadable");
    let empty = write(&d, "empty.csv", "");
    let out = d.join("out.json");
    let o = horizon(&["import", s(&empty), "-o", s(&out)]);
    assert!(!o.ok);
    assert!(o.stderr.contains("empty.csv is empty"), "{}", o.stderr);
    let o = horizon(&["import", s(&d.join("missing.csv")), "-o", s(&out)]);
    assert!(!o.ok);
    assert!(o.stderr.contains("cannot read"), "{}", o.stderr);
    let file = write(&d, "m.csv", "Theme,Ashford\r\nGangs,Main\r\n");
    let broken = write(&d, "broken.json", "{ \"meta\": ");
    let o = horizon(&["import", s(&file), "--into", s(&broken), "-o", s(&out)]);
    assert!(!o.ok);
    assert!(o.stderr.contains("broken.json:1:"), "{}", o.stderr);
    assert!(!out.exists());
}

#[test]
fn a_windows_1252_partner_list_keeps_its_pound_signs() {
    let d = temp("import-1252");
    let mut bytes =
        b"Partner,Priority,Themes\r\nKent Police,Spend \xA3100k on gangs,Gangs\r\n".to_vec();
    bytes.extend_from_slice(b"KFRS,Fewer fires,Preventing Fires\r\n");
    let file = write(&d, "partners.csv", bytes);
    let out = d.join("out.json");
    let o = horizon(&["import", s(&file), "--part", "partners", "-o", s(&out)]);
    assert!(o.ok, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("partners: read as partner priorities (2 rows)"),
        "{}",
        o.stderr
    );
    let after = scenario(&out);
    assert_eq!(
        after.partner_priorities.len(),
        2,
        "the file's list replaces it"
    );
    assert_eq!(after.partner_priorities[0].priority, "Spend £100k on gangs");
    assert_eq!(after.partner_priorities[0].themes, ["gangs"]);
}

#[test]
fn into_imports_into_a_scenario_file_and_add_to_lists_keeps_its_items() {
    let d = temp("import-into");
    let start = d.join("start.json");
    let o = horizon(&["example", "kent-2016"]);
    std::fs::write(&start, o.stdout).unwrap();
    let before = scenario(&start).partner_priorities.len();
    let file = write(
        &d,
        "partners.csv",
        "Partner,Priority,Themes\r\nKFRS,Fewer fires,Preventing Fires\r\n",
    );
    let o = horizon(&[
        "import",
        s(&file),
        "--into",
        s(&start),
        "--add-to-lists",
        "-o",
        "-",
    ]);
    assert!(o.ok, "{}", o.stderr);
    let after = Scenario::from_json(&o.stdout).expect("the scenario on stdout");
    assert_eq!(after.partner_priorities.len(), before + 1);
}

#[test]
fn export_csv_has_a_bom_and_needs_a_known_extension() {
    let d = temp("export-csv");
    let kent = d.join("kent.json");
    std::fs::write(&kent, horizon(&["example", "kent-2016"]).stdout).unwrap();
    let csv = d.join("matrix.csv");
    let o = horizon(&["export", s(&kent), "-o", s(&csv)]);
    assert!(o.ok, "{}", o.stderr);
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "a BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("Domestic Abuse"), "{text}");
    assert!(text.contains("Ashford"), "{text}");

    // `-o -` writes it to stdout; --part chooses the part.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_horizon"))
        .args(["export", s(&kent), "--part", "partners", "-o", "-"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"\xEF\xBB\xBF"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Kent Police Control Strategy"));

    // A CSV of the matrix imports back into the scenario it came from, changing nothing.
    let back = d.join("back.json");
    let o = horizon(&["import", s(&csv), "--into", s(&kent), "-o", s(&back)]);
    assert!(o.ok, "{}", o.stderr);
    assert!(o.stderr.contains("nothing changed"), "{}", o.stderr);

    let o = horizon(&["export", s(&kent), "-o", s(&d.join("kent.txt"))]);
    assert!(!o.ok);
    assert!(
        o.stderr.contains(".xlsx") && o.stderr.contains(".csv"),
        "{}",
        o.stderr
    );
    let o = horizon(&["export", s(&kent), "-o", s(&d.join("kent.ods"))]);
    assert!(!o.ok);
    assert!(
        o.stderr.contains("does not write OpenDocument (.ods)"),
        "{}",
        o.stderr
    );
    assert!(!d.join("kent.ods").exists());
}

#[test]
fn export_xlsx_then_import_gives_back_the_same_scenario() {
    let d = temp("export-xlsx");
    let kent = d.join("kent.json");
    std::fs::write(&kent, horizon(&["example", "kent-2016"]).stdout).unwrap();
    let xlsx = d.join("kent.xlsx");
    let o = horizon(&["export", s(&kent), "-o", s(&xlsx)]);
    assert!(o.ok, "{}", o.stderr);
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"), "a zip");

    // Into a different scenario: the whole workbook replaces it.
    let thanet = d.join("thanet.json");
    std::fs::write(&thanet, horizon(&["example", "thanet-2016"]).stdout).unwrap();
    let back = d.join("back.json");
    let o = horizon(&["import", s(&xlsx), "--into", s(&thanet), "-o", s(&back)]);
    assert!(o.ok, "{}", o.stderr);
    assert!(o.stderr.contains("a whole workbook"), "{}", o.stderr);
    assert_eq!(scenario(&back).to_json(), scenario(&kent).to_json());

    // One part's sheet as .xlsx, read back as that part.
    let part = d.join("matrix.xlsx");
    let o = horizon(&["export", s(&kent), "--part", "matrix", "-o", s(&part)]);
    assert!(o.ok, "{}", o.stderr);
    let o = horizon(&["import", s(&part), "--into", s(&kent), "-o", s(&back)]);
    assert!(o.ok, "{}", o.stderr);
    assert!(o.stderr.contains("nothing changed"), "{}", o.stderr);
}
