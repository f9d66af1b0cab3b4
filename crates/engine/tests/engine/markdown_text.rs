//! The Markdown reports carry user text as text: whatever a title, a name or a
//! rule's rationale holds, a Markdown viewer shows those characters and makes no
//! HTML, link, image, emphasis, heading or list of them. Each report is parsed with
//! pulldown-cmark, as a viewer would, and its events checked.

use horizon_engine::report::{self, md_text};
use horizon_engine::{evaluate, Limits, Settings};
use horizon_model::Scenario;
use pulldown_cmark::{Event, Parser, Tag};

use super::{kent, pack_with};

const IMG: &str = "<img src=x onerror=alert(1)>";
const LINK: &str = "[x](javascript:alert(1))";

/// Kent with hostile text wherever a user types it: every horizon item's title, a
/// theme, a district, a focus area, the plan and the review's title.
fn hostile() -> Scenario {
    let mut s = kent();
    for (i, h) in s.horizon.iter_mut().enumerate() {
        h.title = if i % 2 == 0 {
            format!("{IMG} {i}")
        } else {
            format!("{LINK} {i}")
        };
    }
    s.meta.title = format!("{IMG} review");
    s.themes[0].name = format!("{LINK} theme");
    s.districts[0].name = "*Dover* <script>alert(1)</script>".into();
    let plan = s.plans.iter_mut().find(|p| p.id == s.under_review).unwrap();
    plan.name = "# Plan | with ~~pipes~~".into();
    plan.focus_areas[0].name = "1. `code` _under_ ![i](x.png)".into();
    assert!(
        horizon_model::validate(&s).is_empty(),
        "{:?}",
        horizon_model::validate(&s)
    );
    s
}

/// What a viewer would make of `md`: the HTML it would pass through, the links and
/// images it would make, and the text it would show.
fn rendered(md: &str) -> (Vec<String>, Vec<String>, String) {
    let (mut html, mut links, mut text) = (Vec::new(), Vec::new(), String::new());
    let options =
        pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => html.push(h.to_string()),
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(_) => text.push('\n'),
            _ => {}
        }
    }
    (html, links, text)
}

fn assert_inert(what: &str, md: &str, must_show: &[&str]) {
    let (html, links, text) = rendered(md);
    assert!(html.is_empty(), "{what}: HTML from user text: {html:?}");
    assert!(links.is_empty(), "{what}: links from user text: {links:?}");
    for s in must_show {
        assert!(
            text.contains(s),
            "{what}: a viewer should show {s:?} as text:\n{text}"
        );
    }
}

#[test]
fn the_review_report_shows_hostile_titles_as_text_with_no_html_or_link() {
    let s = hostile();
    // A rule whose rationale is markup too, citing a hostile horizon item.
    let pack = pack_with(
        "let h = review.horizon_items()[0].id; suggest(#{ kind: \"retain\", focus_areas: [review.focus_areas()[0].id], score: 50, rationale: \"<b>bold</b> [go](https://example.com) **now**\", evidence: [horizon_item(h)] });",
    );
    let eval = evaluate(&s, &pack, &Settings::default(), &Limits::default());
    let md = report::markdown(&eval, &s);
    assert!(!md.contains("<img"), "no raw <img in:\n{md}");
    assert!(
        !md.replace("\\]", "").contains("](javascript:"),
        "no live link (an unescaped bracket) in:\n{md}"
    );
    assert_inert(
        "review",
        &md,
        &[
            &format!("{IMG} review"),
            &format!("{IMG} 0"),
            "# Plan | with ~~pipes~~",
            "1. `code` _under_ ![i](x.png)",
            "<b>bold</b> [go](https://example.com) **now**",
        ],
    );
}

#[test]
fn the_comparison_alignment_and_event_sections_show_user_text_as_text() {
    let a = kent();
    let b = hostile();
    let pack = horizon_engine::shipped_pack();
    let (ea, eb) = (
        evaluate(&a, &pack, &Settings::default(), &Limits::default()),
        evaluate(&b, &pack, &Settings::default(), &Limits::default()),
    );
    let c = horizon_engine::Comparison::new(&ea, &a, &eb, &b);
    let side = |label, scenario, evaluation| report::Side {
        label,
        scenario,
        evaluation,
    };
    let md = report::comparison_markdown(&c, &side("before.json", &a, &ea), &side(LINK, &b, &eb));
    assert_inert(
        "comparison",
        &md,
        &[LINK, "*Dover* <script>alert(1)</script>"],
    );
    let county = horizon_engine::county_view(&b).expect("Kent has a county agreement");
    assert_inert(
        "county view",
        &county.markdown(&b),
        &["*Dover* <script>alert(1)</script>"],
    );
}

#[test]
fn markdown_escaping_keeps_letters_and_neutralises_every_active_character() {
    assert_eq!(md_text("Café Ynys Môn – “Tŷ”"), "Café Ynys Môn – “Tŷ”");
    assert_eq!(md_text("a & b < c > d"), "a & b &lt; c &gt; d");
    assert_eq!(md_text("&amp; &#60;"), "&amp;amp; &amp;\\#60;");
    assert_eq!(md_text(LINK), "\\[x\\](javascript:alert(1))");
    assert_eq!(md_text("- item"), "\\- item");
    assert_eq!(md_text("12. item"), "12\\. item");
    assert_eq!(md_text("2024 figures"), "2024 figures");
    // Line breaks become spaces (a cell or a heading stays whole); hidden characters show.
    assert_eq!(md_text("one\n\n# two"), "one  \\# two");
    assert_eq!(md_text("Anti\u{202E}social"), "Anti\\u{202e}social");
    for hostile in [
        IMG,
        LINK,
        "    indented code",
        "> quote",
        "---",
        "===",
        "<https://x.test>",
        "&lt;",
        "&#x3C;b&#62;",
        "AT&T",
        "\\*",
    ] {
        let (html, links, text) = rendered(&md_text(hostile));
        assert!(html.is_empty() && links.is_empty(), "{hostile:?}");
        assert_eq!(
            text.trim(),
            hostile.trim_start(),
            "{hostile:?} renders as itself"
        );
    }
}
