//! The detail pane's content, laid out once per (article, width, query) and cached in the
//! app, so scrolling a long article never re-wraps it and `n`/`N` know where matches are.
//! Lines carry semantic span kinds; the theme turns kinds into styles at render time.

use std::ops::Range;

use crate::corpus::Corpus;
use crate::triage::{ArticleState, Decision};
use crate::ui::wrap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Text,
    Title,
    Label,
    Heading,
    Quote,
    /// The bar that sets a quotation apart.
    QuoteBar,
    /// A query term found in the text.
    Match,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocLine {
    pub spans: Vec<(String, SpanKind)>,
    /// Web addresses on this line, for terminals that make them clickable (OSC 8).
    pub links: Vec<Link>,
}

/// A piece of a web address shown on one line (an address wrapped over several lines has a
/// piece on each, all with the whole address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Byte range in the line's [`DocLine::text`].
    pub range: Range<usize>,
    /// The whole address, checked by [`crate::external::web_url`]: `http(s)`, printable
    /// ASCII only, so it can sit inside an escape sequence.
    pub url: String,
}

impl DocLine {
    pub fn text(&self) -> String {
        self.spans.iter().map(|(s, _)| s.as_str()).collect()
    }

    pub fn has_match(&self) -> bool {
        self.spans.iter().any(|(_, k)| *k == SpanKind::Match)
    }
}

/// An article laid out for one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailDoc {
    pub index: usize,
    pub width: usize,
    pub query: String,
    /// The triage state shown in the header (a change re-lays the document out).
    pub state: ArticleState,
    pub lines: Vec<DocLine>,
    /// Line numbers holding at least one highlighted term, ascending.
    pub matches: Vec<usize>,
}

/// Width of the label column in the header ("Published  2024-04-10").
const LABEL: usize = 11;

pub fn build(
    corpus: &Corpus,
    index: usize,
    width: usize,
    query: &str,
    terms: &[String],
    state: &ArticleState,
    ascii: bool,
) -> DetailDoc {
    let glyphs = super::layout::glyphs(ascii);
    let mut out = Builder {
        glyphs,
        lines: Vec::new(),
        width,
        terms,
    };
    if index < corpus.len() {
        fill(&mut out, corpus, index, state);
    }
    let matches = out
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.has_match())
        .map(|(i, _)| i)
        .collect();
    DetailDoc {
        index,
        width,
        query: query.to_string(),
        state: state.clone(),
        lines: out.lines,
        matches,
    }
}

/// `2025-06-01T10:00:00Z` as `2025-06-01 10:00 UTC`; anything else as it is.
fn when(at: Option<&str>, sep: &str) -> String {
    match at {
        Some(t) if t.len() >= 16 && t.is_char_boundary(10) && t.is_char_boundary(16) => {
            format!(" {sep} {} {} UTC", &t[..10], &t[11..16])
        }
        Some(t) => format!(" {sep} {t}"),
        None => String::new(),
    }
}

/// The triage fields of the header; only what was set.
fn triage_fields(st: &ArticleState, sep: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if st.decision != Decision::Undecided {
        out.push((
            "Decision",
            format!("{}{}", st.decision, when(st.decided_at.as_deref(), sep)),
        ));
    }
    if st.starred {
        out.push((
            "Starred",
            format!("yes{}", when(st.starred_at.as_deref(), sep)),
        ));
    }
    if !st.labels.is_empty() {
        let labels: Vec<&str> = st.labels.iter().map(String::as_str).collect();
        out.push((
            "Labels",
            format!(
                "{}{}",
                labels.join(", "),
                when(st.labels_at.as_deref(), sep)
            ),
        ));
    }
    if let Some(note) = &st.note {
        out.push((
            "Note",
            format!("{note}{}", when(st.note_at.as_deref(), sep)),
        ));
    }
    out
}

fn fill(out: &mut Builder<'_>, corpus: &Corpus, index: usize, state: &ArticleState) {
    let glyphs = out.glyphs;
    let meta = corpus.meta(index);
    out.paragraph(&meta.title, "", SpanKind::Title);
    out.blank();
    let date = meta.published.map(|d| d.to_string());
    let source = meta.url.clone().unwrap_or_else(|| match meta.record {
        Some(r) => format!("{} #{r}", meta.source_path),
        None => meta.source_path.clone(),
    });
    let fields: [(&str, Option<String>); 7] = [
        ("Outlet", meta.outlet.clone()),
        ("Dateline", meta.dateline.clone()),
        ("Published", date),
        (
            "Authors",
            (!meta.authors.is_empty()).then(|| meta.authors.join(", ")),
        ),
        ("Editor", meta.editor.clone()),
        ("Source", Some(source)),
        (
            "Tags",
            (!meta.tags.is_empty()).then(|| meta.tags.join(", ")),
        ),
    ];
    for (label, value) in fields {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            out.field(label, &v);
        }
    }
    // The state file can be edited by hand: never echo a control character from it.
    for (label, value) in triage_fields(state, glyphs.sep) {
        out.field(label, &crate::text::sanitize(&value));
    }
    out.blank();
    match corpus.body(index) {
        Err(e) => out.paragraph(&format!("cannot load the body: {e}"), "", SpanKind::Error),
        Ok(body) => {
            for (i, p) in body.body.iter().enumerate() {
                if i > 0 {
                    out.blank();
                }
                if is_quote(p) {
                    out.paragraph(p, glyphs.quote_bar, SpanKind::Quote);
                } else {
                    out.paragraph(p, "", SpanKind::Text);
                }
            }
            if !body.related.is_empty() {
                out.blank();
                out.paragraph("Baca juga", "", SpanKind::Heading);
                for r in &body.related {
                    out.paragraph(r, glyphs.bullet, SpanKind::Text);
                }
            }
        }
    }
}

/// A paragraph that opens with a quotation mark is someone speaking; it is set apart.
fn is_quote(p: &str) -> bool {
    p.trim_start().starts_with(['"', '“', '”', '«', '\''])
}

struct Builder<'a> {
    /// Quote bars, bullets and separators, Unicode or ASCII.
    glyphs: &'static super::layout::Glyphs,
    lines: Vec<DocLine>,
    width: usize,
    terms: &'a [String],
}

impl Builder<'_> {
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.lines.push(DocLine::default());
        }
    }

    /// Wraps `text` with a hanging `prefix` (shown on the first line, spaces after).
    fn paragraph(&mut self, text: &str, prefix: &str, kind: SpanKind) {
        let pw = wrap::display_width(prefix);
        let (prefix, pw) = if pw * 2 >= self.width {
            ("", 0)
        } else {
            (prefix, pw)
        };
        let text = text.trim();
        let hits = find_terms(text, self.terms);
        let urls = find_urls(text);
        let bar = kind == SpanKind::Quote;
        for (n, range) in wrap::wrap(text, self.width - pw).into_iter().enumerate() {
            let mut line = DocLine::default();
            if pw > 0 {
                let lead = if n == 0 || bar {
                    prefix.to_string()
                } else {
                    " ".repeat(pw)
                };
                let k = if bar { SpanKind::QuoteBar } else { kind };
                line.spans.push((lead, k));
            }
            push_links(&mut line, &range, &urls);
            push_highlighted(&mut line, text, range, &hits, kind);
            self.lines.push(line);
        }
    }

    fn field(&mut self, label: &str, value: &str) {
        if self.width < LABEL * 2 {
            let text = format!("{label}: {value}");
            self.paragraph(&text, "", SpanKind::Text);
            return;
        }
        let hits = find_terms(value, self.terms);
        let urls = find_urls(value);
        for (n, range) in wrap::wrap(value, self.width - LABEL)
            .into_iter()
            .enumerate()
        {
            let mut line = DocLine::default();
            let lead = if n == 0 {
                format!("{label:<LABEL$}")
            } else {
                " ".repeat(LABEL)
            };
            line.spans.push((lead, SpanKind::Label));
            push_links(&mut line, &range, &urls);
            push_highlighted(&mut line, value, range, &hits, SpanKind::Text);
            self.lines.push(line);
        }
    }
}

/// Records the parts of `urls` (byte ranges in the paragraph, with the address) that fall
/// in `range`, the paragraph's piece about to be appended to `line`.
fn push_links(line: &mut DocLine, range: &Range<usize>, urls: &[(Range<usize>, String)]) {
    let base = line.spans.iter().map(|(s, _)| s.len()).sum::<usize>();
    for (u, url) in urls {
        let (s, e) = (u.start.max(range.start), u.end.min(range.end));
        if s < e {
            line.links.push(Link {
                range: base + s - range.start..base + e - range.start,
                url: url.clone(),
            });
        }
    }
}

/// Web addresses in `text`: `http://` or `https://` at the start of a word, up to the next
/// space, without trailing punctuation (a sentence's full stop, a closing bracket that did
/// not open in the address). Addresses [`crate::external::web_url`] refuses (non-ASCII,
/// over-long) are left as plain text.
pub fn find_urls(text: &str) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("http") {
        let start = from + found;
        from = start + 4;
        let word_start = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let rest = &text[start..];
        let lower = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
        if !word_start || !(lower.starts_with("https://") || lower.starts_with("http://")) {
            continue;
        }
        let mut end = start + rest.find(char::is_whitespace).unwrap_or(rest.len());
        loop {
            let candidate = &text[start..end];
            let Some(last) = candidate.chars().next_back() else {
                break;
            };
            let unbalanced = |open: char, close: char| {
                last == close && candidate.matches(open).count() < candidate.matches(close).count()
            };
            let trailing = matches!(
                last,
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '”' | '’' | '»'
            ) || unbalanced('(', ')')
                || unbalanced('[', ']');
            if !trailing {
                break;
            }
            end -= last.len_utf8();
        }
        if let Some(url) = crate::external::web_url(&text[start..end]) {
            out.push((start..end, url.to_string()));
        }
        from = end.max(from);
    }
    out
}

/// Splits `text[range]` into plain and highlighted spans.
fn push_highlighted(
    line: &mut DocLine,
    text: &str,
    range: Range<usize>,
    hits: &[Range<usize>],
    kind: SpanKind,
) {
    let mut pos = range.start;
    for h in hits {
        let (s, e) = (h.start.max(range.start), h.end.min(range.end));
        if s >= e {
            continue;
        }
        if pos < s {
            line.spans.push((text[pos..s].to_string(), kind));
        }
        line.spans.push((text[s..e].to_string(), SpanKind::Match));
        pos = e;
    }
    if pos < range.end {
        line.spans.push((text[pos..range.end].to_string(), kind));
    }
}

/// Byte ranges of case-insensitive occurrences of `terms` in `text`, sorted, not overlapping.
pub fn find_terms(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    // One lowered char per source char keeps positions aligned with the original text.
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, lower(c))).collect();
    let mut found: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let t: Vec<char> = term.chars().map(lower).collect();
        if t.is_empty() || t.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - t.len() {
            if chars[start..start + t.len()]
                .iter()
                .map(|(_, c)| *c)
                .eq(t.iter().copied())
            {
                let s = chars[start].0;
                let e = chars.get(start + t.len()).map_or(text.len(), |(i, _)| *i);
                found.push(s..e);
            }
        }
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in found {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_terms_case_insensitively_and_merges() {
        let t = "TikTok dan tiktokan";
        assert_eq!(find_terms(t, &["tiktok".into()]), vec![0..6, 11..17]);
        assert_eq!(
            find_terms(t, &["tik".into(), "tiktok".into()]),
            vec![0..6, 11..17]
        );
        assert!(find_terms(t, &[String::new()]).is_empty());
    }

    #[test]
    fn finds_web_addresses_without_trailing_punctuation() {
        let t = "Lihat https://a.id/x?y=1. Juga (http://b.id/c_(d)) dan xhttps://no.id, \
                 https://c.id/ü serta https://d.id/e\u{1b}]8 ";
        let urls: Vec<String> = find_urls(t).into_iter().map(|(_, u)| u).collect();
        assert_eq!(urls, ["https://a.id/x?y=1", "http://b.id/c_(d)"]);
        let (r, u) = &find_urls(t)[0];
        assert_eq!(&t[r.clone()], u);
        assert!(find_urls("http:// kosong").is_empty());
    }

    #[test]
    fn a_wrapped_address_is_linked_on_every_line() {
        let mut a = crate::model::Article::default();
        a.meta.title = "Judul".into();
        a.meta.url = Some("https://news.example.id/read/2025/06/03/panjang-sekali".into());
        a.meta.source_path = "a.txt".into();
        a.body.body = vec!["Sumber: https://b.id/x.".into()];
        let corpus = Corpus::from_articles(vec![a]);
        let doc = build(&corpus, 0, 30, "", &[], &ArticleState::default(), false);
        let linked: Vec<(String, String)> = doc
            .lines
            .iter()
            .flat_map(|l| {
                let text = l.text();
                l.links
                    .iter()
                    .map(move |k| (text[k.range.clone()].to_string(), k.url.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let header: String = linked
            .iter()
            .filter(|(_, u)| u.starts_with("https://news"))
            .map(|(piece, _)| piece.as_str())
            .collect();
        assert_eq!(
            header,
            "https://news.example.id/read/2025/06/03/panjang-sekali"
        );
        assert!(
            linked
                .iter()
                .filter(|(_, u)| u.starts_with("https://news"))
                .count()
                > 1
        );
        assert!(linked.contains(&("https://b.id/x".into(), "https://b.id/x".into())));
    }

    #[test]
    fn highlighted_spans_cover_the_line() {
        let mut line = DocLine::default();
        let text = "live TikTok sambil";
        push_highlighted(
            &mut line,
            text,
            0..text.len(),
            std::slice::from_ref(&(5..11)),
            SpanKind::Text,
        );
        assert_eq!(line.text(), text);
        assert!(line.has_match());
        assert_eq!(line.spans[1], ("TikTok".to_string(), SpanKind::Match));
    }
}
