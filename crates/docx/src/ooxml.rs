//! Blocks → `word/document.xml` (WordprocessingML), element order as the schema
//! requires, so Word opens it without repair. Styles are referred to by id; their
//! definitions are in `package`.

use crate::blocks::{Block, Orientation, Run, Table};

pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(crate) const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A4 in twentieths of a point, and the margins (2 cm; 1.5 cm at the foot, for the page number).
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
const MARGIN: u32 = 1134;
const MARGIN_FOOT: u32 = 851;

/// Text escaped for XML. Characters XML 1.0 cannot hold at all (most controls)
/// are dropped: a name pasted from elsewhere must not make the file unreadable.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn runs(out: &mut String, runs: &[Run]) {
    for r in runs {
        out.push_str("<w:r>");
        if r.bold {
            out.push_str("<w:rPr><w:b/></w:rPr>");
        }
        out.push_str("<w:t xml:space=\"preserve\">");
        out.push_str(&escape(&r.text));
        out.push_str("</w:t></w:r>");
    }
}

fn paragraph(out: &mut String, style: Option<&str>, content: &[Run]) {
    out.push_str("<w:p>");
    if let Some(s) = style {
        out.push_str(&format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>"));
    }
    runs(out, content);
    out.push_str("</w:p>");
}

/// The width a section's text may take, in twips.
fn text_width(o: Orientation) -> u32 {
    match o {
        Orientation::Portrait => A4_SHORT - 2 * MARGIN,
        Orientation::Landscape => A4_LONG - 2 * MARGIN,
    }
}

fn table(out: &mut String, t: &Table, width: u32) {
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    let cols: Vec<u32> = t
        .widths
        .iter()
        .map(|w| (u64::from(*w) * u64::from(width) / u64::from(total)) as u32)
        .collect();
    // A compact table (the matrix) has narrow cell margins, so its many columns keep
    // their names whole.
    let margins = if t.compact {
        "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
    } else {
        ""
    };
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"HorizonTable\"/><w:tblW w:w=\"{width}\" w:type=\"dxa\"/>\
         <w:tblLayout w:type=\"fixed\"/>{margins}\
         <w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>\
         </w:tblPr><w:tblGrid>"
    ));
    for w in &cols {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    let style = if t.compact {
        "TableCompact"
    } else {
        "TableText"
    };
    let row = |out: &mut String, cells: &[String], header: bool| {
        // Header rows repeat on every page; no row is split across two pages.
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if header {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        for (i, w) in cols.iter().enumerate() {
            let text = cells.get(i).map_or("", String::as_str);
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
            ));
            paragraph(
                out,
                Some(style),
                &[Run {
                    text: text.to_string(),
                    bold: header,
                }],
            );
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    };
    row(out, &t.header, true);
    for r in &t.rows {
        row(out, r, false);
    }
    out.push_str("</w:tbl>");
}

fn section_properties(o: Orientation) -> String {
    let (w, h, orient) = match o {
        Orientation::Portrait => (A4_SHORT, A4_LONG, ""),
        Orientation::Landscape => (A4_LONG, A4_SHORT, " w:orient=\"landscape\""),
    };
    format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
         <w:type w:val=\"nextPage\"/><w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
         <w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" w:left=\"{MARGIN}\" \
         w:header=\"567\" w:footer=\"{MARGIN_FOOT}\" w:gutter=\"0\"/></w:sectPr>"
    )
}

/// The document part: every block, then the last section's properties.
pub(crate) fn document(blocks: &[Block]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>"
    );
    // Tables are sized for the section they are in, which is known only at its end.
    let orientation_at = |i: usize| {
        blocks[i..]
            .iter()
            .find_map(|b| match b {
                Block::SectionEnd(o) => Some(*o),
                _ => None,
            })
            .unwrap_or(Orientation::Portrait)
    };
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Title(t) => paragraph(&mut out, Some("Title"), &[crate::blocks::plain(t)]),
            Block::Heading(level, t) => paragraph(
                &mut out,
                Some(&format!("Heading{}", level.clamp(&1, &3))),
                &[crate::blocks::plain(t)],
            ),
            Block::Para(r) => paragraph(&mut out, None, r),
            Block::Bullet(r) => paragraph(&mut out, Some("ListBullet"), r),
            Block::Table(t) => {
                table(&mut out, t, text_width(orientation_at(i)));
                // Word needs a paragraph between two tables, and one after a table
                // that ends a section reads better with a little space.
                paragraph(&mut out, Some("AfterTable"), &[]);
            }
            Block::SectionEnd(o) => {
                out.push_str("<w:p><w:pPr>");
                out.push_str(&section_properties(*o));
                out.push_str("</w:pPr></w:p>");
            }
        }
    }
    out.push_str(&section_properties(Orientation::Portrait));
    out.push_str("</w:body></w:document>");
    out
}
