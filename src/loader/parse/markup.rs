//! HTML a scraper left in a text file (`<p style="…">`, `<br />`, `<strong>`): paragraph
//! tags part the line where the page parted its paragraphs, inline tags go, and the common
//! entities read as their characters. Only tags with a known name count, so `<5 tahun` or
//! `a < b > c` in prose stay as written.

/// Tags that end a paragraph or a line on the page.
const BREAKS: &[&str] = &[
    "br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "tr",
];
/// Tags inside a paragraph.
const INLINE: &[&str] = &[
    "strong",
    "b",
    "i",
    "em",
    "span",
    "a",
    "u",
    "font",
    "small",
    "sup",
    "sub",
    "img",
    "figure",
    "figcaption",
    "table",
    "tbody",
    "td",
    "blockquote",
];
/// Characters a tag runs to at most (its attributes included).
const MAX_TAG: usize = 400;

/// Whether `line` may hold markup to read ([`lines`]).
pub(super) fn has_markup(line: &str) -> bool {
    // Two single-byte searches run as memchr; a search for either char steps through chars.
    line.contains('<') || line.contains('&')
}

/// The lines `line` holds once its markup is read.
pub(super) fn lines(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = line;
    while let Some(at) = rest.find(['<', '&']) {
        let (before, from) = rest.split_at(at);
        push(&mut out, before);
        if let Some((len, breaks)) = tag(from) {
            if breaks {
                out.push(String::new());
            }
            rest = &from[len..];
        } else if let Some((len, text)) = entity(from) {
            push(&mut out, text);
            rest = &from[len..];
        } else {
            push(&mut out, &from[..1]);
            rest = &from[1..];
        }
    }
    push(&mut out, rest);
    out.retain(|l| !l.trim().is_empty());
    out
}

fn push(out: &mut [String], text: &str) {
    if let Some(last) = out.last_mut() {
        last.push_str(text);
    }
}

/// A tag with a known name at the start of `s`: its length, and whether it parts lines.
fn tag(s: &str) -> Option<(usize, bool)> {
    let inner = s.strip_prefix('<')?;
    // Only the first bytes are searched: a long line of `<` stays linear.
    let end = inner.bytes().take(MAX_TAG + 1).position(|b| b == b'>')?;
    let body = inner[..end].trim_start_matches('/');
    let name: String = body
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let after_name = &body[name.len()..];
    if !(after_name.is_empty() || after_name.starts_with([' ', '/'])) {
        return None;
    }
    let breaks = BREAKS.contains(&name.as_str());
    (breaks || INLINE.contains(&name.as_str())).then_some((end + 2, breaks))
}

/// A common entity at the start of `s`: its length and its text.
fn entity(s: &str) -> Option<(usize, &'static str)> {
    [
        ("&nbsp;", " "),
        ("&amp;", "&"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
    ]
    .iter()
    .find(|(e, _)| s.starts_with(e))
    .map(|&(e, t)| (e.len(), t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_tags_part_lines_and_inline_tags_go() {
        assert_eq!(
            lines(
                "<p style=\"text-align: justify;\">Satu <strong>dua</strong>.<br />Tiga &amp; empat.</p>"
            ),
            ["Satu dua.", "Tiga & empat."]
        );
        assert_eq!(lines("Tanpa markup."), ["Tanpa markup."]);
        // Angle brackets of prose and unknown names stay.
        assert_eq!(
            lines("Anak <5 tahun dan a < b > c serta <kode>."),
            ["Anak <5 tahun dan a < b > c serta <kode>."]
        );
        assert_eq!(lines("Rp 5 &mdash; harga"), ["Rp 5 &mdash; harga"]);
        // Letters of several bytes anywhere around a bracket.
        let long = format!("<{}", "é".repeat(300));
        assert_eq!(lines(&long), vec![long.clone()]);
        assert_eq!(lines("<b>é</b>è<"), ["éè<"]);
    }
}
