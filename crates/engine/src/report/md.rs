//! User text in Markdown: the one escaping function every Markdown report uses for
//! every piece of text it did not write itself (names, titles, rationales, and the
//! sentences that quote them), so a title such as `<img src=x onerror=alert(1)>` or
//! `[click](javascript:alert(1))` renders as those characters, never as HTML or a link.

use horizon_model::is_hidden;

/// `text` as Markdown that renders as exactly that text, on one line, safe in a
/// paragraph, a heading, a list item or a table cell:
///
/// - `<` and `>` become entities, and so does `&` where it could begin one (`&amp;`,
///   `&#60;`; a lone `&`, as in "Serious & Organised Crime", is text as it is), so no
///   HTML tag, autolink or entity comes from user text;
/// - the characters that make emphasis, links, images, code, headings, tables and
///   strikethrough (`\` `` ` `` `*` `_` `[` `]` `#` `|` `~`) are escaped with `\`;
/// - a leading `-`, `+` or `=`, or digits then `.` or `)`, which would start a list
///   or underline a heading at the start of a line, is escaped too, and leading
///   spaces (which could make a code block) are dropped;
/// - line breaks become spaces (as Markdown shows a single line break) and any
///   other hidden character is written out (`\u{202e}`), as in every one-line message.
pub fn md_text(text: &str) -> String {
    let text = text.trim_start();
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    // At the start: a list marker or a heading underline.
    match chars.peek() {
        Some('-' | '+' | '=') => out.push('\\'),
        Some(c) if c.is_ascii_digit() => {
            while let Some(&d) = chars.peek().filter(|c| c.is_ascii_digit()) {
                out.push(d);
                chars.next();
            }
            if matches!(chars.peek(), Some('.' | ')')) {
                out.push('\\');
            }
        }
        _ => {}
    }
    while let Some(c) = chars.next() {
        match c {
            '&' if chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#') =>
            {
                out.push_str("&amp;")
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push(' '),
            c if is_hidden(c) => out.push_str(&horizon_model::one_line(&c.to_string())),
            c => out.push(c),
        }
    }
    out
}
