//! The lists beside the matrix, read from their tables as rows of values and names:
//! names (themes, focus areas, categories, groups) are matched to the scenario later,
//! by whoever imports them (`preview` for one part, `workbook::read` for a whole
//! workbook Horizon wrote).

use horizon_model::{limits, LegislationStatus, PlanKind, TimeHorizon};

use crate::grid::{At, Cell, FileKind, Problem, Sheet};
use crate::layout::{Field, Part};
use crate::tables::{Named, Table};
use crate::words;

#[derive(Debug, Clone, PartialEq)]
pub struct HorizonRow {
    pub at: At,
    pub id: Option<String>,
    pub category: Named,
    pub title: String,
    pub detail: String,
    pub time_horizon: TimeHorizon,
    pub likelihood: u8,
    pub impact: u8,
    pub themes: Vec<Named>,
    pub source: String,
    /// The district whose own scan it is; `None`: county-wide (or no District column).
    pub district: Option<Named>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartnerRow {
    pub at: At,
    pub id: Option<String>,
    pub partner: String,
    pub priority: String,
    pub themes: Vec<Named>,
    /// A local partner's district; `None`: read for every plan (or no District column).
    pub district: Option<Named>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LawRow {
    pub at: At,
    pub id: Option<String>,
    pub title: String,
    pub year: Option<u16>,
    pub status: LegislationStatus,
    pub creates_duty: bool,
    pub duty: Option<String>,
    pub themes: Vec<Named>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub at: At,
    pub id: Option<String>,
    /// The plan it belongs to; `None`: the plan under review (or no Plan column).
    pub plan: Option<Named>,
    pub cross_cutting: bool,
    pub name: Named,
    pub themes: Vec<Named>,
    /// The county agreement's priorities a district focus area serves.
    pub serves: Vec<Named>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConsultationRow {
    pub at: At,
    /// The plan consulted on; `None`: the plan under review (or no Plan column).
    pub plan: Option<Named>,
    /// `None`: the plan overall.
    pub focus_area: Option<Named>,
    pub responses: u32,
    /// 0 to 1.
    pub share_agreeing: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VoteRow {
    pub at: At,
    pub theme: Named,
    pub votes: u32,
}

/// A row of the Plans sheet of a whole workbook.
#[derive(Debug, Clone, PartialEq)]
pub struct PlansRow {
    pub at: At,
    pub id: Option<String>,
    pub name: Named,
    pub kind: PlanKind,
    /// A district or unitary plan's own district.
    pub district: Option<Named>,
    pub under_review: bool,
    /// Where its Under review cell is, for a problem about it.
    pub under_review_at: At,
}

/// A row of a names table of a whole workbook (categories, groups, themes, districts).
#[derive(Debug, Clone, PartialEq)]
pub struct NameRow {
    pub at: At,
    pub id: Option<String>,
    pub name: Named,
    /// A theme's group.
    pub group: Option<Named>,
    pub aliases: Vec<String>,
    pub description: Option<String>,
}

/// A list part's rows.
#[derive(Debug, Clone, PartialEq)]
pub enum Rows {
    Horizon(Vec<HorizonRow>),
    Partners(Vec<PartnerRow>),
    Legislation(Vec<LawRow>),
    Plan(Vec<PlanRow>),
    Consultation(Vec<ConsultationRow>),
    Votes(Vec<VoteRow>),
    Names(Vec<NameRow>),
    Plans(Vec<PlansRow>),
}

impl Rows {
    pub fn len(&self) -> usize {
        match self {
            Rows::Horizon(v) => v.len(),
            Rows::Partners(v) => v.len(),
            Rows::Legislation(v) => v.len(),
            Rows::Plan(v) => v.len(),
            Rows::Consultation(v) => v.len(),
            Rows::Votes(v) => v.len(),
            Rows::Names(v) => v.len(),
            Rows::Plans(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A list part read from a sheet: its rows, the headers left out, and every problem.
#[derive(Debug, Clone, PartialEq)]
pub struct ListSheet {
    pub part: Part,
    pub rows: Rows,
    /// The fields the table has a column for.
    pub fields: Vec<Field>,
    pub ignored_columns: Vec<String>,
    pub problems: Vec<Problem>,
}

/// Reads `sheet` as `part`'s table (not the matrix or the review sheet). A table with
/// no header row gives one problem and no rows; otherwise every row that can be read
/// is kept and every cell that cannot is a problem at its place.
pub fn read_list(sheet: &Sheet, kind: FileKind, part: Part) -> ListSheet {
    let table = match Table::find(sheet, kind, part) {
        Ok(t) => t,
        Err(problem) => {
            return ListSheet {
                part,
                rows: empty_rows(part),
                fields: Vec::new(),
                ignored_columns: Vec::new(),
                problems: vec![problem],
            }
        }
    };
    let mut problems = Vec::new();
    let rows = match part {
        Part::Horizon => Rows::Horizon(each(&table, &mut problems, horizon_row)),
        Part::Partners => Rows::Partners(each(&table, &mut problems, partner_row)),
        Part::Legislation => Rows::Legislation(each(&table, &mut problems, law_row)),
        Part::Plan => Rows::Plan(each(&table, &mut problems, plan_row)),
        Part::Consultation => {
            let fractions = share_column_is_fractions(&table);
            Rows::Consultation(each(&table, &mut problems, |r| {
                consultation_row(r, fractions)
            }))
        }
        Part::Votes => Rows::Votes(each(&table, &mut problems, vote_row)),
        Part::Categories | Part::Groups | Part::Themes | Part::Districts => {
            Rows::Names(each(&table, &mut problems, name_row))
        }
        Part::Plans => Rows::Plans(each(&table, &mut problems, plans_row)),
        // Read on their own by `whole::events`.
        Part::Matrix | Part::Review | Part::Events | Part::Rounds | Part::Results => {
            empty_rows(part)
        }
    };
    let fields = part
        .columns()
        .iter()
        .map(|c| c.field)
        .filter(|&f| table.has(f))
        .collect();
    ListSheet {
        part,
        rows,
        fields,
        ignored_columns: table.ignored.clone(),
        problems,
    }
}

fn empty_rows(part: Part) -> Rows {
    match part {
        Part::Horizon => Rows::Horizon(Vec::new()),
        Part::Partners => Rows::Partners(Vec::new()),
        Part::Legislation => Rows::Legislation(Vec::new()),
        Part::Plan => Rows::Plan(Vec::new()),
        Part::Consultation => Rows::Consultation(Vec::new()),
        Part::Votes => Rows::Votes(Vec::new()),
        Part::Plans => Rows::Plans(Vec::new()),
        _ => Rows::Names(Vec::new()),
    }
}

/// Each data row read by `read`; a row with any problem is left out (its problems say why).
fn each<T>(
    table: &Table,
    problems: &mut Vec<Problem>,
    read: impl Fn(&mut crate::tables::RowReader) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for row in table.rows() {
        let before = problems.len();
        let mut reader = table.row(row, problems);
        let value = read(&mut reader);
        if let (Some(v), true) = (value, problems.len() == before) {
            out.push(v);
        }
    }
    out
}

type Reader<'t, 'a> = crate::tables::RowReader<'t, 'a>;

fn id(r: &mut Reader) -> Option<String> {
    r.optional(Field::Id, limits::NAME)
}

fn horizon_row(r: &mut Reader) -> Option<HorizonRow> {
    let id = id(r);
    let category = r.named(Field::Category);
    let title = r.required(Field::Title, limits::TITLE);
    let detail = r.text(Field::Detail, limits::TEXT);
    let time_horizon = r.choice(
        Field::TimeHorizon,
        words::time_horizon,
        "a time horizon: now, within a year, 1-3 years or beyond 3 years",
        None,
    );
    let likelihood = r.whole(Field::Likelihood, 1, 4, true);
    let impact = r.whole(Field::Impact, 1, 4, true);
    let themes = r.names(Field::Themes);
    let source = r.text(Field::Source, limits::TEXT);
    let district = r.name_if_any(Field::District);
    Some(HorizonRow {
        at: r.table.row_at(r.row),
        id,
        category: category?,
        title: title?,
        detail,
        time_horizon: time_horizon?,
        likelihood: likelihood? as u8,
        impact: impact? as u8,
        themes,
        source,
        district,
    })
}

fn partner_row(r: &mut Reader) -> Option<PartnerRow> {
    let id = id(r);
    let partner = r.required(Field::Partner, limits::TITLE);
    let priority = r.required(Field::Priority, limits::TITLE);
    let themes = r.names(Field::Themes);
    let district = r.name_if_any(Field::District);
    Some(PartnerRow {
        at: r.table.row_at(r.row),
        id,
        partner: partner?,
        priority: priority?,
        themes,
        district,
    })
}

fn law_row(r: &mut Reader) -> Option<LawRow> {
    let id = id(r);
    let title = r.required(Field::Title, limits::TITLE);
    let year = r.whole(Field::Year, 1000, 9999, false);
    let status = r.choice(
        Field::Status,
        words::status,
        "a status: enacted, incoming or proposed",
        None,
    );
    let creates_duty = r.choice(Field::CreatesDuty, words::yes_no, "yes or no", Some(false));
    let duty = r.optional(Field::Duty, limits::TEXT);
    let themes = r.names(Field::Themes);
    Some(LawRow {
        at: r.table.row_at(r.row),
        id,
        title: title?,
        year: year.map(|y| y as u16),
        status: status?,
        creates_duty: creates_duty?,
        duty,
        themes,
    })
}

fn plan_row(r: &mut Reader) -> Option<PlanRow> {
    let id = id(r);
    let plan = r.name_if_any(Field::Plan);
    let cross_cutting = r.choice(
        Field::Type,
        words::cross_cutting,
        "a type: focus area or cross-cutting theme",
        Some(false),
    );
    let name = r.named(Field::Name);
    let themes = r.names(Field::Themes);
    let serves = r.names(Field::Serves);
    Some(PlanRow {
        at: r.table.row_at(r.row),
        id,
        plan,
        cross_cutting: cross_cutting?,
        name: name?,
        themes,
        serves,
    })
}

fn consultation_row(r: &mut Reader, fractions: bool) -> Option<ConsultationRow> {
    let plan = r.name_if_any(Field::Plan);
    let at = r.at(Field::FocusArea);
    let text = r.text(Field::FocusArea, limits::NAME);
    let focus_area = (!words::is_plan_overall(&text)).then_some(Named { text, at });
    let responses = r.whole(Field::Responses, 0, u32::MAX, true);
    let share = r.share(Field::ShareAgreeing, fractions);
    Some(ConsultationRow {
        at: r.table.row_at(r.row),
        plan,
        focus_area,
        responses: responses?,
        share_agreeing: share?,
    })
}

/// Whether every figure in the share column is a number of 1 or less: a column
/// formatted as percentages, which stores 31 % as 0.31.
fn share_column_is_fractions(table: &Table) -> bool {
    let mut any = false;
    for row in table.rows() {
        match table.cell(row, Field::ShareAgreeing) {
            Cell::Number(n) if *n <= 1.0 => any = true,
            Cell::Number(_) => return false,
            _ => {}
        }
    }
    any
}

fn vote_row(r: &mut Reader) -> Option<VoteRow> {
    let theme = r.named(Field::Theme);
    let votes = r.whole(Field::Votes, 0, 1_000_000, true);
    Some(VoteRow {
        at: r.table.row_at(r.row),
        theme: theme?,
        votes: votes?,
    })
}

fn name_row(r: &mut Reader) -> Option<NameRow> {
    let id = id(r);
    let name = r.named(Field::Name);
    let group = if r.table.part == Part::Themes {
        Some(r.named(Field::Group)?)
    } else {
        None
    };
    let aliases = words::list(&r.text(Field::Aliases, limits::TEXT));
    let description = r.optional(Field::Description, limits::TEXT);
    Some(NameRow {
        at: r.table.row_at(r.row),
        id,
        name: name?,
        group,
        aliases,
        description,
    })
}

fn plans_row(r: &mut Reader) -> Option<PlansRow> {
    let id = id(r);
    let name = r.named(Field::Name);
    let kind = r.choice(
        Field::Kind,
        words::plan_kind,
        "a plan kind: County agreement, District plan or Unitary authority plan",
        None,
    );
    let district = r.name_if_any(Field::District);
    let under_review = r.choice(Field::UnderReview, words::yes_no, "yes or no", Some(false));
    Some(PlansRow {
        at: r.table.row_at(r.row),
        id,
        name: name?,
        kind: kind?,
        district,
        under_review: under_review?,
        under_review_at: r.at(Field::UnderReview),
    })
}
