//! The tables: which parts of a scenario a spreadsheet can hold, and each table's
//! columns with the headers people write for them. Reading and writing both use this,
//! so a workbook Horizon writes is one Horizon reads (`docs/spreadsheets.md`).

use horizon_model::name_key;

/// A part of a scenario that one sheet (or one CSV file) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// Themes down the side, districts across the top.
    Matrix,
    Horizon,
    Partners,
    Legislation,
    /// Focus areas and cross-cutting themes of the plan under review.
    Plan,
    Consultation,
    Votes,
    /// Only in a whole workbook: the review's details and the plan's name and kind.
    Review,
    Categories,
    Groups,
    Themes,
    Districts,
}

impl Part {
    /// The parts a single sheet or CSV file can be imported as (`--part`).
    pub const IMPORTABLE: [Part; 7] = [
        Part::Matrix,
        Part::Horizon,
        Part::Partners,
        Part::Legislation,
        Part::Plan,
        Part::Consultation,
        Part::Votes,
    ];

    /// Every sheet of a whole workbook after its first (the explanation), in order.
    pub const WORKBOOK: [Part; 12] = [
        Part::Review,
        Part::Matrix,
        Part::Themes,
        Part::Districts,
        Part::Groups,
        Part::Plan,
        Part::Horizon,
        Part::Categories,
        Part::Partners,
        Part::Legislation,
        Part::Consultation,
        Part::Votes,
    ];

    /// The word for `--part` and for file names (`horizon.csv`).
    pub fn key(self) -> &'static str {
        match self {
            Part::Matrix => "matrix",
            Part::Horizon => "horizon",
            Part::Partners => "partners",
            Part::Legislation => "legislation",
            Part::Plan => "plan",
            Part::Consultation => "consultation",
            Part::Votes => "votes",
            Part::Review => "review",
            Part::Categories => "categories",
            Part::Groups => "groups",
            Part::Themes => "themes",
            Part::Districts => "districts",
        }
    }

    pub fn from_key(key: &str) -> Option<Part> {
        Part::WORKBOOK.into_iter().find(|p| p.key() == key)
    }

    /// The sheet's name in a workbook Horizon writes.
    pub fn sheet_name(self) -> &'static str {
        match self {
            Part::Matrix => "Matrix",
            Part::Horizon => "Horizon scan",
            Part::Partners => "Partner priorities",
            Part::Legislation => "Legislation",
            Part::Plan => "Plan",
            Part::Consultation => "Consultation",
            Part::Votes => "Votes",
            Part::Review => "Review",
            Part::Categories => "Categories",
            Part::Groups => "Theme groups",
            Part::Themes => "Themes",
            Part::Districts => "Districts",
        }
    }

    /// What the part is, in a sentence ("the horizon scan").
    pub fn noun(self) -> &'static str {
        match self {
            Part::Matrix => "the priority matrix",
            Part::Horizon => "the horizon scan",
            Part::Partners => "partner priorities",
            Part::Legislation => "legislation",
            Part::Plan => "the plan's focus areas and cross-cutting themes",
            Part::Consultation => "consultation results",
            Part::Votes => "stakeholder votes",
            Part::Review => "the review's details",
            Part::Categories => "horizon categories",
            Part::Groups => "theme groups",
            Part::Themes => "themes",
            Part::Districts => "districts",
        }
    }

    /// The table's columns; empty for the matrix and the review sheet, which are not
    /// plain tables.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Part::Horizon => HORIZON,
            Part::Partners => PARTNERS,
            Part::Legislation => LEGISLATION,
            Part::Plan => PLAN,
            Part::Consultation => CONSULTATION,
            Part::Votes => VOTES,
            Part::Categories => CATEGORIES,
            Part::Groups => GROUPS,
            Part::Themes => THEMES,
            Part::Districts => DISTRICTS,
            Part::Matrix | Part::Review => &[],
        }
    }
}

/// Which column of a table; the reader looks columns up by this, never by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Id,
    Name,
    Category,
    Title,
    Detail,
    TimeHorizon,
    Likelihood,
    Impact,
    Themes,
    Source,
    Partner,
    Priority,
    Year,
    Status,
    CreatesDuty,
    Duty,
    Type,
    FocusArea,
    Responses,
    ShareAgreeing,
    Theme,
    Votes,
    Group,
    Aliases,
    Description,
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Column {
    pub field: Field,
    /// The header Horizon writes.
    pub header: &'static str,
    /// Other headers people write for it (compared ignoring case and spacing).
    pub also: &'static [&'static str],
    /// Whether a table without this column cannot be read.
    pub required: bool,
    /// What goes in it, for the workbook's first sheet and `docs/spreadsheets.md`.
    pub help: &'static str,
    /// Width in characters when written.
    pub width: f64,
}

const fn col(
    field: Field,
    header: &'static str,
    also: &'static [&'static str],
    required: bool,
    help: &'static str,
    width: f64,
) -> Column {
    Column {
        field,
        header,
        also,
        required,
        help,
        width,
    }
}

const ID: Column = col(
    Field::Id,
    "ID",
    &["identifier", "ref", "reference"],
    false,
    "Horizon's own reference; leave blank for a new row and one is made from the name.",
    14.0,
);
const THEMES_COL: Column = col(
    Field::Themes,
    "Themes",
    &["linked themes", "related themes", "matrix themes", "theme"],
    false,
    "Matrix themes it bears on, separated by semicolons or on separate lines.",
    40.0,
);

pub const HORIZON: &[Column] = &[
    ID,
    col(Field::Category, "Category", &["pestelo", "pestelo category", "heading", "type"], true,
        "PESTELO heading: Political, Economic, Social, Technological, Environmental, Legislative, Organisational (or one of your own).", 16.0),
    col(Field::Title, "Title", &["item", "issue", "horizon item", "event", "emerging issue"], true,
        "The item in a line.", 44.0),
    col(Field::Detail, "Detail", &["details", "description", "notes", "comments"], false,
        "More about it.", 50.0),
    col(Field::TimeHorizon, "Time horizon", &["when", "timescale", "time scale", "timeframe", "time frame"], true,
        "Now, within a year, 1-3 years or beyond 3 years.", 16.0),
    col(Field::Likelihood, "Likelihood", &["probability"], true,
        "1 (unlikely) to 4 (almost certain).", 11.0),
    col(Field::Impact, "Impact", &["severity"], true, "1 (minor) to 4 (severe).", 9.0),
    THEMES_COL,
    col(Field::Source, "Source", &["sources", "reference", "link"], false,
        "Where it came from.", 30.0),
];

pub const PARTNERS: &[Column] = &[
    ID,
    col(
        Field::Partner,
        "Partner",
        &["organisation", "agency", "partner organisation", "who"],
        true,
        "Who holds the priority (\"Kent Police Control Strategy\").",
        32.0,
    ),
    col(
        Field::Priority,
        "Priority",
        &["partner priority", "their priority", "strategic priority"],
        true,
        "The priority as the partner words it.",
        44.0,
    ),
    THEMES_COL,
];

pub const LEGISLATION: &[Column] = &[
    ID,
    col(
        Field::Title,
        "Title",
        &["legislation", "act", "law", "bill", "name"],
        true,
        "The Act, Bill or guidance.",
        44.0,
    ),
    col(
        Field::Year,
        "Year",
        &[],
        false,
        "The year it was passed or is expected.",
        8.0,
    ),
    col(
        Field::Status,
        "Status",
        &["stage"],
        true,
        "Enacted, incoming or proposed.",
        12.0,
    ),
    col(
        Field::CreatesDuty,
        "Creates a duty",
        &["duty?", "statutory duty", "creates duty", "places a duty"],
        false,
        "Yes if it places a statutory duty on the partners.",
        14.0,
    ),
    col(
        Field::Duty,
        "Duty",
        &["the duty", "duty wording"],
        false,
        "The duty in a sentence.",
        44.0,
    ),
    THEMES_COL,
];

pub const PLAN: &[Column] = &[
    ID,
    col(
        Field::Type,
        "Type",
        &["kind"],
        false,
        "Focus area (the default) or cross-cutting theme.",
        20.0,
    ),
    col(
        Field::Name,
        "Name",
        &["focus area", "priority", "cross-cutting theme"],
        true,
        "The focus area's name as the plan prints it.",
        36.0,
    ),
    THEMES_COL,
];

pub const CONSULTATION: &[Column] = &[
    col(
        Field::FocusArea,
        "Focus area",
        &["priority", "question", "name"],
        false,
        "The focus area asked about; blank (or \"Plan overall\") for the plan as a whole.",
        36.0,
    ),
    col(
        Field::Responses,
        "Responses",
        &["respondents", "number of responses", "count"],
        true,
        "How many people answered.",
        11.0,
    ),
    col(
        Field::ShareAgreeing,
        "Agreeing (%)",
        &[
            "agreeing",
            "share agreeing",
            "agree",
            "% agreeing",
            "percentage agreeing",
            "agree %",
        ],
        true,
        "The percentage who agreed, 0 to 100 (31 or 31%).",
        13.0,
    ),
];

pub const VOTES: &[Column] = &[
    col(
        Field::Theme,
        "Theme",
        &["priority", "category", "name"],
        true,
        "The matrix theme voted for.",
        36.0,
    ),
    col(
        Field::Votes,
        "Votes",
        &["number of votes", "dots", "count"],
        true,
        "How many votes it got.",
        8.0,
    ),
];

pub const CATEGORIES: &[Column] = &[
    ID,
    col(
        Field::Name,
        "Name",
        &["category"],
        true,
        "A horizon-scanning heading.",
        28.0,
    ),
];

pub const GROUPS: &[Column] = &[
    ID,
    col(
        Field::Name,
        "Name",
        &["group", "theme group"],
        true,
        "A family of themes.",
        28.0,
    ),
];

pub const THEMES: &[Column] = &[
    ID,
    col(
        Field::Name,
        "Name",
        &["theme"],
        true,
        "The theme as the matrix names it.",
        40.0,
    ),
    col(
        Field::Group,
        "Group",
        &["theme group", "family"],
        true,
        "Its theme group, by name.",
        20.0,
    ),
    col(
        Field::Aliases,
        "Other names",
        &["aliases", "also known as"],
        false,
        "Other names partnerships use for it, separated by semicolons.",
        36.0,
    ),
    col(
        Field::Description,
        "Description",
        &["notes"],
        false,
        "What it covers.",
        44.0,
    ),
];

pub const DISTRICTS: &[Column] = &[
    ID,
    col(
        Field::Name,
        "Name",
        &["district", "borough", "partnership", "csp"],
        true,
        "The district or borough.",
        28.0,
    ),
    col(
        Field::Aliases,
        "Other names",
        &["aliases", "also known as"],
        false,
        "Other names for it, separated by semicolons.",
        36.0,
    ),
];

/// The header of the matrix's first column, above the themes' names.
pub const MATRIX_THEME_HEADER: &str = "Theme";

/// The matrix's trailing count column, as seed 004 heads it.
pub const DISTRICT_COUNT_HEADER: &str = "No. of districts";

/// Whether `text` heads the matrix's count column ("No. of Districts", "Count",
/// "Number of districts", "Total").
pub fn is_count_header(text: &str) -> bool {
    let k = header_key(text);
    matches!(
        k.as_str(),
        "no of districts"
            | "number of districts"
            | "count"
            | "total"
            | "districts"
            | "no of csps"
            | "number of csps"
            | "no"
            | "n"
    )
}

/// A header as compared: case, punctuation other than `%` and `?`, and spacing ignored.
pub fn header_key(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '%' || c == '?' {
                c
            } else {
                ' '
            }
        })
        .collect();
    name_key(&cleaned)
}

/// Which of `columns` `header` names, if any.
pub fn column_for<'a>(columns: &'a [Column], header: &str) -> Option<&'a Column> {
    let k = header_key(header);
    if k.is_empty() {
        return None;
    }
    columns
        .iter()
        .find(|c| header_key(c.header) == k)
        .or_else(|| {
            columns
                .iter()
                .find(|c| c.also.iter().any(|a| header_key(a) == k))
        })
}

/// The tables' columns as Markdown, for `docs/spreadsheets.md` (kept current by a test).
pub fn reference() -> String {
    let mut out = String::new();
    for part in Part::WORKBOOK {
        let columns = part.columns();
        if columns.is_empty() {
            continue;
        }
        let how = if Part::IMPORTABLE.contains(&part) {
            format!("`--part {}`, sheet “{}”", part.key(), part.sheet_name())
        } else {
            format!("sheet “{}” of a whole workbook", part.sheet_name())
        };
        out.push_str(&format!(
            "### {} ({how})\n\n| Column | Also read as | Required | What goes in it |\n|---|---|---|---|\n",
            capitalised(part.noun()),
        ));
        for c in columns {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                c.header,
                c.also.join(", "),
                if c.required { "yes" } else { "no" },
                c.help
            ));
        }
        out.push('\n');
    }
    out
}

/// The first letter in capitals.
pub(crate) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
