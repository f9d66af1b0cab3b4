//! Two parts of an .xls workbook's first section that need more than one record's
//! bytes or a format's meaning: the shared strings (SST and the CONTINUE records it
//! runs on into) and which number formats show dates.

use super::build::Builder;
use super::FileError;

/// The shared strings, from the SST record's bytes and its CONTINUE records'.
/// A list cut short ends there (a cell that refers past it is then damaged).
pub(super) fn shared_strings(b: &Builder<'_>, parts: &[&[u8]]) -> Result<Vec<String>, FileError> {
    let mut parts = Parts {
        parts,
        i: 0,
        pos: 0,
    };
    let mut strings = Vec::new();
    let (Some(_total), Some(unique)) = (parts.u32(), parts.u32()) else {
        return Ok(strings);
    };
    for _ in 0..unique {
        if strings.len() >= b.limits.cells {
            return Err(b.too_large(format!(
                "it holds more than {} different pieces of text and Horizon reads up to \
                 that. Save just the sheet or the rows you need as a new file and import \
                 that.",
                super::thousands(b.limits.cells)
            )));
        }
        match parts.string() {
            Some(s) => strings.push(s),
            None => break,
        }
    }
    Ok(strings)
}

/// Bytes that run on from one record into the next.
struct Parts<'a, 'b> {
    parts: &'b [&'a [u8]],
    i: usize,
    pos: usize,
}

impl Parts<'_, '_> {
    fn byte(&mut self) -> Option<u8> {
        loop {
            let part = self.parts.get(self.i)?;
            if let Some(&b) = part.get(self.pos) {
                self.pos += 1;
                return Some(b);
            }
            self.i += 1;
            self.pos = 0;
        }
    }

    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes([
            self.byte()?,
            self.byte()?,
            self.byte()?,
            self.byte()?,
        ]))
    }

    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            let part = self.parts.get(self.i)?;
            let here = part.len().saturating_sub(self.pos).min(n);
            if here == 0 {
                self.i += 1;
                self.pos = 0;
                continue;
            }
            self.pos += here;
            n -= here;
        }
        Some(())
    }

    /// Whether the current record's bytes are used up.
    fn at_end_of_part(&self) -> bool {
        self.parts
            .get(self.i)
            .is_none_or(|part| self.pos >= part.len())
    }

    /// One XLUnicodeRichExtendedString. Where its characters run on into the next
    /// record, that record starts with one byte saying whether they are one or two
    /// bytes each from there on.
    fn string(&mut self) -> Option<String> {
        let n = self.u16()? as usize;
        let flags = self.byte()?;
        let mut wide = flags & 0x01 != 0;
        let runs = if flags & 0x08 != 0 { self.u16()? } else { 0 };
        let extra = if flags & 0x04 != 0 { self.u32()? } else { 0 };
        let mut s = String::with_capacity(n.min(1024));
        let mut units = Vec::with_capacity(if wide { n.min(1024) } else { 0 });
        for _ in 0..n {
            if self.at_end_of_part() {
                self.i += 1;
                self.pos = 0;
                if !units.is_empty() {
                    s.extend(char::decode_utf16(units.drain(..)).map(|c| c.unwrap_or('\u{FFFD}')));
                }
                wide = self.byte()? & 0x01 != 0;
            }
            if wide {
                units.push(self.u16()?);
            } else {
                if !units.is_empty() {
                    s.extend(char::decode_utf16(units.drain(..)).map(|c| c.unwrap_or('\u{FFFD}')));
                }
                s.push(char::from(self.byte()?));
            }
        }
        s.extend(char::decode_utf16(units.drain(..)).map(|c| c.unwrap_or('\u{FFFD}')));
        self.skip(usize::from(runs) * 4)?;
        self.skip(extra as usize)?;
        Some(s)
    }
}

/// Excel's own number formats that show a date or a time of day (14–22, 45 and 47;
/// 46 is `[h]:mm:ss`, a duration).
pub(super) fn builtin_date(id: u16) -> bool {
    matches!(id, 14..=22 | 45 | 47)
}

/// Whether a number format shows a date or a time of day: it has d, m, y, h or s
/// outside quotes, escapes and brackets. A format with `[h]`, `[m]` or `[s]` is a
/// duration, read as a number.
pub(super) fn is_date_format(code: &str) -> bool {
    let mut date = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c.to_ascii_lowercase() {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inside: String = chars.by_ref().take_while(|&c| c != ']').collect();
                let inside = inside.to_ascii_lowercase();
                if !inside.is_empty() && inside.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    return false;
                }
            }
            'd' | 'm' | 'y' | 'h' | 's' => date = true,
            _ => {}
        }
    }
    date
}
