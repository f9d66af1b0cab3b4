//! Each table's columns: the header Horizon writes, the other headers people write,
//! whether it is required, what goes in it and how wide it is written.

use super::{Column, Field};

pub(super) const fn col(
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

pub(super) const ID: Column = col(
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

/// The plan a row belongs to, in a table that may hold several plans' rows.
const PLAN_COL: Column = col(
    Field::Plan,
    "Plan",
    &["plan name", "which plan"],
    false,
    "The plan the row belongs to, by name as the Plans sheet gives it; blank for the plan under review.",
    36.0,
);
/// The district an item of evidence is scoped to.
const fn scope(help: &'static str) -> Column {
    col(
        Field::District,
        "District",
        &["district only", "for district", "scope", "borough"],
        false,
        help,
        20.0,
    )
}

pub const PLANS: &[Column] = &[
    ID,
    col(
        Field::Name,
        "Name",
        &["plan", "plan name", "title"],
        true,
        "The plan's name as it prints it (“Thanet Community Safety Plan 2016-17”).",
        44.0,
    ),
    col(
        Field::Kind,
        "Kind",
        &["plan kind", "type", "kind of plan"],
        true,
        "County agreement, District plan or Unitary authority plan.",
        24.0,
    ),
    col(
        Field::District,
        "District",
        &["borough", "partnership", "csp", "plan's district"],
        false,
        "For a district or unitary plan, its own district, by name; blank for the county agreement.",
        20.0,
    ),
    col(
        Field::UnderReview,
        "Under review",
        &["reviewed", "review", "plan under review"],
        false,
        "Yes for the one plan under review (if no row says yes, the first plan is).",
        13.0,
    ),
];

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
    scope("The district whose own scan it comes from, by name (read only for that district's plan); blank for the county-wide scan, read for every plan."),
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
    scope("For a local partner, its district, by name (read only for that district's plan); blank when it is read for every plan."),
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
    PLAN_COL,
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
    col(
        Field::Serves,
        "Serves",
        &["serves county priorities", "county priorities", "county priority", "serves county"],
        false,
        "In a district plan, the county agreement's focus areas and cross-cutting themes this focus area serves, by name, separated by semicolons.",
        40.0,
    ),
];

pub const CONSULTATION: &[Column] = &[
    PLAN_COL,
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
