//! The tables: which parts of a scenario a spreadsheet can hold, and each table's
//! columns with the headers people write for them. Reading and writing both use this,
//! so a workbook Horizon writes is one Horizon reads (`docs/spreadsheets.md`).

use horizon_model::name_key;

mod columns;
mod events;
pub use columns::*;
pub use events::*;

/// A part of a scenario that one sheet (or one CSV file) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// Themes down the side, districts across the top.
    Matrix,
    Horizon,
    Partners,
    Legislation,
    /// Focus areas and cross-cutting themes: of the plan under review when imported
    /// alone, of every plan (each row naming its plan) in a whole workbook.
    Plan,
    Consultation,
    Votes,
    /// Only in a whole workbook: the review's details.
    Review,
    /// Only in a whole workbook: the plans read over the matrix, and which is under review.
    Plans,
    Categories,
    Groups,
    Themes,
    Districts,
    /// Only in a whole workbook: the stakeholder events, one to a row.
    Events,
    /// Only in a whole workbook: the events' vote rounds, one row per option (or per
    /// grade of a rating round).
    Rounds,
    /// Only in a whole workbook: the suggestions before and after each round's results.
    Results,
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
    pub const WORKBOOK: [Part; 16] = [
        Part::Review,
        Part::Plans,
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
        Part::Events,
        Part::Rounds,
        Part::Results,
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
            Part::Plans => "plans",
            Part::Categories => "categories",
            Part::Groups => "groups",
            Part::Themes => "themes",
            Part::Districts => "districts",
            Part::Events => "events",
            Part::Rounds => "rounds",
            Part::Results => "results",
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
            Part::Plans => "Plans",
            Part::Categories => "Categories",
            Part::Groups => "Theme groups",
            Part::Themes => "Themes",
            Part::Districts => "Districts",
            Part::Events => "Events",
            Part::Rounds => "Vote rounds",
            Part::Results => "Event results",
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
            Part::Plans => "the plans",
            Part::Categories => "horizon categories",
            Part::Groups => "theme groups",
            Part::Themes => "themes",
            Part::Districts => "districts",
            Part::Events => "stakeholder events",
            Part::Rounds => "the events' vote rounds",
            Part::Results => "the suggestions before and after each round's results",
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
            Part::Plans => PLANS,
            Part::Consultation => CONSULTATION,
            Part::Votes => VOTES,
            Part::Categories => CATEGORIES,
            Part::Groups => GROUPS,
            Part::Themes => THEMES,
            Part::Districts => DISTRICTS,
            Part::Events => EVENTS,
            Part::Rounds => ROUNDS,
            Part::Results => RESULTS,
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
    /// Which plan a row belongs to, by name.
    Plan,
    /// A district focus area's county priorities, by name.
    Serves,
    /// A district, by name: a plan's own, or the district an item is scoped to.
    District,
    /// A plan's kind, in words.
    Kind,
    /// Whether a plan is the one under review.
    UnderReview,
    /// An event, by name.
    Event,
    /// An event's ID, beside its name where rows refer to it.
    EventId,
    Date,
    Venue,
    Participants,
    /// The presentation's screens, in order, in one cell.
    Screens,
    /// A vote round's ID.
    Round,
    Question,
    /// How a round is counted: tally, ballots or rating.
    Way,
    /// A ballots round: how many options each person may choose.
    Most,
    /// A ballots round: how many were cast.
    Ballots,
    Revealed,
    /// A round's option (or a rating round's horizon item), by name.
    Option,
    /// The option's theme or horizon item ID.
    OptionId,
    /// What the option is called now, if not what it was; written, never read.
    Now,
    /// A rating round's grade, 1 to 4.
    Grade,
    /// A rating round: how many gave the grade, for likelihood.
    LikelihoodRatings,
    /// A rating round: how many gave the grade, for impact.
    ImpactRatings,
    /// Before or after a round's results.
    When,
    Place,
    /// A suggestion's headline.
    Suggestion,
    /// A suggestion's id as the engine writes it.
    SuggestionId,
    Score,
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
pub(crate) use horizon_model::capitalised;
