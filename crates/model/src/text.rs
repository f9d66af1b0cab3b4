//! User text at the edges: a file's bytes as text (a UTF-8 byte-order mark dropped,
//! anything that is not UTF-8 located by byte and line, never replaced), and user
//! text shown where a hidden character would mislead (control characters and
//! bidirectional controls written out as `\n`, `\u{202e}`).
//!
//! Every reader of a user's file (scenario, edits, rules, rule tests, project) goes
//! through [`utf8_text`], and every one-line message and terminal output through
//! [`one_line`] or [`for_terminal`], so the answers agree everywhere.

use std::borrow::Cow;

/// The byte-order mark some editors (and Excel) put at the start of a UTF-8 file.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a file's bytes are not text Horizon can read. Displayed after the file's
/// name: "kent.json: not UTF-8 text at byte 1,234 (line 5); …".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    /// Nothing in the file (or only spaces and line breaks).
    #[error("the file is empty")]
    Empty,
    /// The bytes stop being UTF-8 at `byte` (1-based, counted from the start of the
    /// file, byte-order mark included), which is on `line` (1-based).
    #[error("not UTF-8 text at byte {} (line {}); save the file as UTF-8", thousands(*.byte as u64), thousands(*.line as u64))]
    NotUtf8 { byte: usize, line: usize },
}

/// A user file's bytes as text: a UTF-8 byte-order mark at the start is dropped;
/// bytes that are not UTF-8 are an error at the first such byte and its line.
/// Nothing is ever replaced with U+FFFD. An empty file is not an error here (a
/// reader says what an empty file means for it; see [`TextError::Empty`]).
pub fn utf8_text(bytes: &[u8]) -> Result<&str, TextError> {
    let (skipped, rest) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (UTF8_BOM.len(), rest),
        None => (0, bytes),
    };
    std::str::from_utf8(rest).map_err(|e| {
        let at = e.valid_up_to();
        let line = rest[..at].iter().filter(|b| **b == b'\n').count() + 1;
        TextError::NotUtf8 {
            byte: skipped + at + 1,
            line,
        }
    })
}

/// [`utf8_text`] for a file that must hold something: only spaces and line breaks
/// is [`TextError::Empty`].
pub fn nonempty_text(bytes: &[u8]) -> Result<&str, TextError> {
    let text = utf8_text(bytes)?;
    if text.trim().is_empty() {
        Err(TextError::Empty)
    } else {
        Ok(text)
    }
}

/// Whether `c` is a bidirectional control: it changes the order in which the text
/// around it is shown (U+202A–U+202E embeddings and overrides, U+2066–U+2069
/// isolates, the marks U+200E, U+200F and U+061C) without being seen itself.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` is hidden in a way that can mislead a reader: a control character
/// (C0, DEL, C1: a newline, a tab, a terminal's ESC), a line or paragraph separator
/// (U+2028, U+2029), or a bidirectional control. Letters of any script are not.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') || is_bidi_control(c)
}

/// What a hidden character is, in words for a message: "a hidden right-to-left
/// override character (U+202E)", "a line break (U+000A)".
pub fn hidden_words(c: char) -> String {
    let what = match c {
        '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => "a line break",
        '\t' => "a tab",
        '\u{1b}' => "a hidden terminal control character (escape)",
        '\u{202E}' => "a hidden right-to-left override character",
        '\u{202D}' => "a hidden left-to-right override character",
        '\u{202A}' | '\u{202B}' => "a hidden text-direction embedding character",
        '\u{202C}' => "a hidden text-direction pop character",
        '\u{2066}'..='\u{2069}' => "a hidden text-direction isolate character",
        '\u{200E}' | '\u{200F}' | '\u{061C}' => "a hidden text-direction mark",
        _ => "a hidden control character",
    };
    format!("{what} (U+{:04X})", c as u32)
}

/// `text` with every [hidden](is_hidden) character written out as an escape
/// (`\n`, `\t`, `\r`, else `\u{1b}`), so a one-line message stays on one line and
/// shows what is really there: for diagnostics, validation refusals and the CLI's
/// errors. Ordinary letters (é, ŵ, Arabic) are left as they are.
pub fn one_line(text: &str) -> Cow<'_, str> {
    escape_if(text, is_hidden)
}

/// `text` for a terminal: as [`one_line`], but line breaks (`\n`) are kept, so a
/// report prints as lines while an escape sequence, a carriage return or a
/// direction override in user text is shown, never obeyed.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    escape_if(text, |c| c != '\n' && is_hidden(c))
}

/// JSON text for a terminal: every [hidden](is_hidden) character a JSON writer
/// left as it is (a C1 control such as U+009B, which some terminals obey as an
/// escape; a direction override) written as a JSON `\uXXXX` escape, so the JSON
/// means exactly the same and shows what is there. Outside strings JSON is ASCII,
/// and every hidden character is below U+10000, so one `\uXXXX` each suffices.
pub fn json_for_terminal(json: &str) -> Cow<'_, str> {
    let hide = |c: char| c != '\n' && is_hidden(c);
    if !json.chars().any(hide) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        if hide(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn escape_if(text: &str, hide: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&hide) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !hide(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// A count as people write it: 2000000 → "2,000,000".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
