//! The report as a list of blocks a word processor knows: headings, paragraphs,
//! bullets, tables and section ends. `content` builds them from an evaluation;
//! `ooxml` writes them as WordprocessingML. Nothing here knows either side.

/// A stretch of text, bold or not.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Run {
    pub text: String,
    pub bold: bool,
}

pub(crate) fn plain(text: impl Into<String>) -> Run {
    Run {
        text: text.into(),
        bold: false,
    }
}

pub(crate) fn bold(text: impl Into<String>) -> Run {
    Run {
        text: text.into(),
        bold: true,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    Portrait,
    Landscape,
}

/// A table with a header row that repeats on every page it spans.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Each column's share of the text width, in any unit (scaled to fit).
    pub widths: Vec<u32>,
    /// Small type (the matrix), so many columns fit a page.
    pub compact: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Title(String),
    Heading(u8, String),
    Para(Vec<Run>),
    Bullet(Vec<Run>),
    Table(Table),
    /// Ends the section above: everything since the previous end is laid out on
    /// pages of this orientation.
    SectionEnd(Orientation),
}

/// A paragraph of one plain run.
pub(crate) fn para(text: impl Into<String>) -> Block {
    Block::Para(vec![plain(text)])
}

/// "Label: value", the label in bold.
pub(crate) fn labelled(label: &str, value: impl Into<String>) -> Block {
    Block::Para(vec![bold(format!("{label}: ")), plain(value)])
}

pub(crate) fn bullet(text: impl Into<String>) -> Block {
    Block::Bullet(vec![plain(text)])
}
