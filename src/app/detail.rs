//! The detail pane's content, laid out once per (article, width, query) and cached in the
//! app, so scrolling a long article never re-wraps it and `n`/`N` know where matches are.
//! Lines carry semantic span kinds; the theme turns kinds into styles at render time.

use std::ops::Range;

use crate::cluster::Clusters;
use crate::corpus::Corpus;
use crate::lexicon::{Phrase, find_phrases, find_words};
use crate::model::Body;
use crate::query::Word;
use crate::text::wrap;
use crate::triage::{ArticleState, Decision};
use crate::url::find_urls;

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
    /// Byte ranges in [`DocLine::text`] holding a topic keyword ([`Marks::topics`]); each
    /// range covers whole spans, so a span is either in a topic range or outside all of them.
    pub topics: Vec<Range<usize>>,
}

/// A piece of a web address shown on one line (an address wrapped over several lines has a
/// piece on each, all with the whole address).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Byte range in the line's [`DocLine::text`].
    pub range: Range<usize>,
    /// The whole address, checked by [`crate::url::web_url`]: `http(s)`, printable
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

    /// The spans with, for each, whether it is a topic keyword (to be drawn in the topic
    /// style on top of its kind's).
    pub fn pieces(&self) -> impl Iterator<Item = (&str, SpanKind, bool)> + '_ {
        let mut at = 0;
        self.spans.iter().map(move |(text, kind)| {
            let start = at;
            at += text.len();
            let topic = !text.is_empty()
                && self
                    .topics
                    .iter()
                    .any(|r| r.start <= start && start + text.len() <= r.end);
            (text.as_str(), *kind, topic)
        })
    }
}

/// What the detail pane marks up beyond the article itself: the query's terms
/// ([`crate::query::Query::highlight_terms`], found stem-aware as whole words, and the words
/// that matched loosely, [`crate::query::Query::highlight_loose`]: the prefix or typo forms
/// the search widened to, the word being typed), the configured topics' keywords ([`crate::lexicon::Lexicon::all_topic_phrases`]),
/// which are highlighted separately, and the groups of copies, named in the header.
#[derive(Debug, Clone, Copy, Default)]
pub struct Marks<'a> {
    pub terms: &'a [String],
    /// Words marked wherever they accept a text word ([`Word::accepts`]).
    pub loose: &'a [Word],
    pub topics: &'a [Phrase],
    /// The groups of copies computed for the corpus being shown; `None` until clustering has
    /// finished (groups for a corpus of another size are ignored).
    pub clusters: Option<&'a Clusters>,
    /// Where the body comes from.
    pub body: BodyView<'a>,
    /// The pane is short ([`SHORT_PANE`]): the header is one line under the title and the
    /// other fields follow the body, so opening an article shows its text.
    pub short: bool,
}

/// Below this many rows the detail pane lays the header out short (see [`Marks::short`]):
/// the full header (title, blank, up to a dozen fields, blank) would fill it.
pub const SHORT_PANE: usize = 18;

/// The body to lay out under the header.
#[derive(Debug, Clone, Copy, Default)]
pub enum BodyView<'a> {
    /// Read it from the corpus: for bodies held in memory, where that costs no I/O.
    #[default]
    Read,
    /// Loaded off the UI thread (see [`super::bodies`]), or why it could not be.
    Loaded(&'a Result<Body, String>),
    /// Still being loaded: the header is shown, and a line saying so.
    Loading,
}

/// The members of the group of copies that article `index` belongs to, representative first;
/// empty when it has none. This is what the header's copy lines depend on, so the app keeps
/// it in [`DetailDoc::group`] to know when a laid-out document is stale.
pub fn group_of<'a>(corpus: &Corpus, index: usize, clusters: Option<&'a Clusters>) -> &'a [usize] {
    clusters
        .filter(|c| c.articles() == corpus.len())
        .and_then(|c| c.cluster_of(index).map(|id| c.members(id)))
        .unwrap_or(&[])
}

/// An article laid out for one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailDoc {
    pub index: usize,
    pub width: usize,
    pub query: String,
    /// The words marked loosely ([`Marks::loose`]).
    pub loose: Vec<Word>,
    /// The triage state shown in the header (a change re-lays the document out).
    pub state: ArticleState,
    /// The article's group of copies named in the header ([`group_of`]); empty without one.
    pub group: Vec<usize>,
    pub lines: Vec<DocLine>,
    /// Line numbers holding at least one highlighted term, ascending.
    pub matches: Vec<usize>,
    /// Laid out with the body, not the "loading" line: when it arrives the document is
    /// laid out again.
    pub body_ready: bool,
    /// Laid out for a short pane ([`Marks::short`]).
    pub short: bool,
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
    let marks = Marks {
        terms,
        loose: &[],
        topics: &[],
        clusters: None,
        body: BodyView::Read,
        short: false,
    };
    build_marked(corpus, index, width, query, marks, state, ascii)
}

/// [`build`] with topic keywords highlighted as well.
pub fn build_marked(
    corpus: &Corpus,
    index: usize,
    width: usize,
    query: &str,
    marks: Marks<'_>,
    state: &ArticleState,
    ascii: bool,
) -> DetailDoc {
    let glyphs = super::layout::glyphs(ascii);
    let mut out = Builder {
        glyphs,
        lines: Vec::new(),
        width,
        phrases: marks.terms.iter().filter_map(|t| Phrase::new(t)).collect(),
        loose: marks.loose,
        topics: marks.topics,
    };
    let group = group_of(corpus, index, marks.clusters);
    if index < corpus.len() {
        fill(&mut out, corpus, index, state, group, marks);
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
        loose: marks.loose.to_vec(),
        state: state.clone(),
        group: group.to_vec(),
        lines: out.lines,
        matches,
        body_ready: !matches!(marks.body, BodyView::Loading),
        short: marks.short,
    }
}

/// A stored `2025-06-01T10:00:00Z` in the local zone (`2025-06-01 17:00 WIB`); anything else
/// as it is.
fn when(at: Option<&str>, sep: &str) -> String {
    match at {
        Some(t) => match crate::triage::time::display_local(t) {
            Some(local) => format!(" {sep} {local}"),
            None => format!(" {sep} {t}"),
        },
        None => String::new(),
    }
}

/// The triage fields of the header; only what was set.
fn triage_fields(st: &ArticleState, sep: &str) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let team = st.team.as_deref();
    let decided_by = team.and_then(|t| t.decided_by.as_deref());
    if st.decision != Decision::Undecided {
        // A shared team's decision says who made it, and when they did.
        let at = decided_by
            .and_then(|who| team?.verdicts.iter().find(|v| v.analyst == who))
            .map(|v| crate::triage::time::format_us(v.at_us))
            .or_else(|| st.decided_at.clone());
        let by = decided_by.map_or(String::new(), |who| format!(" {sep} {who}"));
        out.push((
            "Decision",
            format!("{}{by}{}", st.decision, when(at.as_deref(), sep)),
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
    if let Some(t) = team {
        out.extend(team_fields(t, sep));
    }
    out
}

/// Every analyst's decision with its time, under where they stand (`Team  conflict`); the
/// others who only read, starred, labelled or noted it are named after.
fn team_fields(t: &crate::triage::TeamMarks, sep: &str) -> Vec<(&'static str, String)> {
    let mut out = vec![("Team", t.agreement.as_str().to_string())];
    for v in &t.verdicts {
        let at = crate::triage::time::format_us(v.at_us);
        out.push((
            "",
            format!("{}: {}{}", v.analyst, v.decision, when(Some(&at), sep)),
        ));
    }
    let others: Vec<&str> = t
        .analysts
        .iter()
        .filter(|a| !t.verdicts.iter().any(|v| &v.analyst == *a))
        .map(String::as_str)
        .collect();
    if !others.is_empty() {
        out.push(("", format!("also marked by: {}", others.join(", "))));
    }
    out
}

/// At most this many other copies are named in the `Copies` line; a wire story run by dozens
/// of sites would otherwise push the body off the screen.
const MAX_COPIES_NAMED: usize = 8;

/// "Sripoku.com 2025-06-23": where and when a copy ran. Without an outlet the file name
/// stands in, since that is what tells two unattributed copies apart.
fn copy_place(meta: &crate::model::Meta) -> String {
    let outlet = meta.outlet.clone().unwrap_or_else(|| {
        let path = meta.source_path.as_str();
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        match meta.record {
            Some(r) => format!("{name} #{r}"),
            None => name.to_string(),
        }
    });
    match meta.published {
        Some(d) => format!("{outlet} {d}"),
        None => outlet,
    }
}

/// The header's copy lines: a representative names its copies (`Copies  +2: …`), a copy
/// names the story's earliest run (`Copy of  …`). `group` is representative first, then
/// earliest first, so the named copies come in date order.
fn copy_fields(corpus: &Corpus, index: usize, group: &[usize]) -> Vec<(&'static str, String)> {
    let metas = corpus.metas();
    let mut out = Vec::new();
    match group.split_first() {
        Some((&rep, others)) if rep == index => {
            let named: Vec<String> = others
                .iter()
                .filter_map(|&i| metas.get(i))
                .take(MAX_COPIES_NAMED)
                .map(copy_place)
                .collect();
            let more = others.len().saturating_sub(named.len());
            let mut line = format!("+{}: {}", others.len(), named.join(", "));
            if more > 0 {
                line.push_str(&format!(" and {more} more"));
            }
            out.push(("Copies", line));
        }
        Some((&rep, _)) => {
            if let Some(m) = metas.get(rep) {
                out.push(("Copy of", format!("{}, {}", copy_place(m), m.title)));
            }
        }
        None => {}
    }
    out
}

fn fill(
    out: &mut Builder<'_>,
    corpus: &Corpus,
    index: usize,
    state: &ArticleState,
    group: &[usize],
    marks: Marks<'_>,
) {
    let glyphs = out.glyphs;
    let meta = corpus.meta(index);
    out.paragraph(&meta.title, "", SpanKind::Title);
    if marks.short {
        // Outlet, place and date in one line; the rest after the body.
        let summary: Vec<String> = [
            meta.outlet.clone(),
            meta.dateline.clone(),
            meta.published.map(|d| d.to_string()),
        ]
        .into_iter()
        .flatten()
        .filter(|v| !v.is_empty())
        .collect();
        if !summary.is_empty() {
            out.paragraph(
                &summary.join(&format!(" {} ", glyphs.sep)),
                "",
                SpanKind::Label,
            );
        }
        out.blank();
        if body_part(out, corpus, index, marks.body) {
            out.blank();
            header_fields(out, corpus, index, state, group);
        }
        return;
    }
    out.blank();
    header_fields(out, corpus, index, state, group);
    out.blank();
    body_part(out, corpus, index, marks.body);
}

/// The fields under the title: outlet, place, dates, source, id, tags, copies, triage.
fn header_fields(
    out: &mut Builder<'_>,
    corpus: &Corpus,
    index: usize,
    state: &ArticleState,
    group: &[usize],
) {
    let glyphs = out.glyphs;
    let meta = corpus.meta(index);
    // Where the date came from, so a stated date can be told from a guess.
    let date = meta.published.map(|d| {
        let at = meta
            .published_time
            .map(|t| format!(" {:02}:{:02}", t / 60, t % 60))
            .unwrap_or_default();
        match meta.date_source {
            Some(s) => format!("{d}{at} ({s})"),
            None => format!("{d}{at}"),
        }
    });
    let source = meta.url.clone().unwrap_or_else(|| match meta.record {
        Some(r) => format!("{} #{r}", meta.source_path),
        None => meta.source_path.clone(),
    });
    let fields: [(&str, Option<String>); 11] = [
        ("Outlet", meta.outlet.clone()),
        ("Dateline", meta.dateline.clone()),
        (
            "Regions",
            (!meta.regions.is_empty()).then(|| meta.regions.join(", ")),
        ),
        (
            "In passing",
            (!meta.regions_passing.is_empty()).then(|| meta.regions_passing.join(", ")),
        ),
        (
            "Provinces",
            (!meta.provinces.is_empty()).then(|| meta.provinces.join(", ")),
        ),
        ("Published", date),
        (
            "Authors",
            (!meta.authors.is_empty()).then(|| meta.authors.join(", ")),
        ),
        ("Editor", meta.editor.clone()),
        ("Source", Some(source)),
        // What `warta show` and `warta list` name the article by.
        ("Id", Some(meta.id.clone())),
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
    for (label, value) in copy_fields(corpus, index, group) {
        out.field(label, &value);
    }
    // The state file can be edited by hand: never echo a control character from it.
    for (label, value) in triage_fields(state, glyphs.sep) {
        out.field(label, &crate::text::sanitize(&value));
    }
}

/// The body, or the line saying it is loading (then false).
fn body_part(out: &mut Builder<'_>, corpus: &Corpus, index: usize, body: BodyView<'_>) -> bool {
    let glyphs = out.glyphs;
    let read;
    let body = match body {
        BodyView::Loading => {
            out.paragraph("loading the article\u{2026}", "", SpanKind::Label);
            return false;
        }
        BodyView::Loaded(b) => b,
        BodyView::Read => {
            read = corpus.body(index);
            &read
        }
    };
    match body {
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
    true
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
    /// The query's words as stem-aware phrases, so `viral` also marks "diviralkan".
    phrases: Vec<Phrase>,
    /// Words that matched as a prefix or with a typo: every text word they accept is marked,
    /// as in the list's titles.
    loose: &'a [Word],
    topics: &'a [Phrase],
}

impl Builder<'_> {
    /// Byte ranges of query matches and of topic keywords in `text`.
    fn marks(&self, text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
        let mut hits = find_phrases(text, &self.phrases);
        if !self.loose.is_empty() {
            hits.extend(find_words(text, |w| {
                self.loose.iter().any(|l| l.accepts(w))
            }));
        }
        (
            crate::text::merge_ranges(hits),
            find_phrases(text, self.topics),
        )
    }

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
        let (hits, topics) = self.marks(text);
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
            push_highlighted(&mut line, text, range, &hits, &topics, kind);
            self.lines.push(line);
        }
    }

    fn field(&mut self, label: &str, value: &str) {
        if self.width < LABEL * 2 {
            let text = if label.is_empty() {
                value.to_string()
            } else {
                format!("{label}: {value}")
            };
            self.paragraph(&text, "", SpanKind::Text);
            return;
        }
        let (hits, topics) = self.marks(value);
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
            push_highlighted(&mut line, value, range, &hits, &topics, SpanKind::Text);
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

/// Splits `text[range]` into plain and highlighted spans (query `hits` become
/// [`SpanKind::Match`]) and records the parts inside `topics` in [`DocLine::topics`]. Both
/// lists are sorted and non-overlapping.
fn push_highlighted(
    line: &mut DocLine,
    text: &str,
    range: Range<usize>,
    hits: &[Range<usize>],
    topics: &[Range<usize>],
    kind: SpanKind,
) {
    let clip = |r: &Range<usize>| {
        let (s, e) = (r.start.max(range.start), r.end.min(range.end));
        (s < e).then_some(s..e)
    };
    let hits: Vec<Range<usize>> = hits.iter().filter_map(clip).collect();
    let topics: Vec<Range<usize>> = topics.iter().filter_map(clip).collect();
    let mut cuts: Vec<usize> = vec![range.start, range.end];
    for r in hits.iter().chain(&topics) {
        cuts.extend([r.start, r.end]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let base = line.spans.iter().map(|(s, _)| s.len()).sum::<usize>();
    let inside =
        |rs: &[Range<usize>], s: usize, e: usize| rs.iter().any(|r| r.start <= s && e <= r.end);
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let k = if inside(&hits, s, e) {
            SpanKind::Match
        } else {
            kind
        };
        // Both lists are merged, so neighbouring pieces always differ in kind or topic.
        line.spans.push((text[s..e].to_string(), k));
        if inside(&topics, s, e) {
            let at = base + s - range.start;
            match line.topics.last_mut() {
                Some(t) if t.end == at => t.end = at + (e - s),
                _ => line.topics.push(at..at + (e - s)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article with `title`, read from `a.txt`.
    fn titled(title: &str) -> crate::model::Article {
        let mut a = crate::model::Article::default();
        a.meta.title = title.into();
        a.meta.source_path = "a.txt".into();
        a
    }

    #[test]
    fn a_wrapped_address_is_linked_on_every_line() {
        let mut a = titled("Judul");
        a.meta.url = Some("https://news.example.id/read/2025/06/03/panjang-sekali".into());
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
    fn regions_named_in_passing_have_their_own_row_under_the_articles_places() {
        let mut a = titled("Banjir");
        a.meta.regions = vec!["Kerinci".into()];
        a.meta.regions_passing = vec!["Pekanbaru".into(), "Medan".into()];
        let corpus = Corpus::from_articles(vec![a]);
        let doc = build(&corpus, 0, 80, "", &[], &ArticleState::default(), false);
        let lines: Vec<String> = doc.lines.iter().map(DocLine::text).collect();
        let at = |start: &str| lines.iter().position(|l| l.starts_with(start));
        assert!(
            lines.contains(&"Regions    Kerinci".to_string()),
            "{lines:#?}"
        );
        assert!(
            lines.contains(&"In passing Pekanbaru, Medan".to_string()),
            "{lines:#?}"
        );
        assert_eq!(at("In passing"), at("Regions").map(|r| r + 1));
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
            &[],
            SpanKind::Text,
        );
        assert_eq!(line.text(), text);
        assert!(line.has_match());
        assert_eq!(line.spans[1], ("TikTok".to_string(), SpanKind::Match));
        assert!(line.topics.is_empty());
        // A topic range overlapping a match: pieces split at every boundary, and the topic
        // range (in line coordinates, after the prefix span) covers whole pieces.
        let mut line = DocLine::default();
        line.spans.push(("> ".to_string(), SpanKind::QuoteBar));
        let (hit, topic) = (5..11, 8..18);
        push_highlighted(
            &mut line,
            text,
            5..18,
            std::slice::from_ref(&hit),
            std::slice::from_ref(&topic),
            SpanKind::Quote,
        );
        let pieces: Vec<(&str, SpanKind, bool)> = line.pieces().collect();
        assert_eq!(
            pieces,
            [
                ("> ", SpanKind::QuoteBar, false),
                ("Tik", SpanKind::Match, false),
                ("Tok", SpanKind::Match, true),
                (" sambil", SpanKind::Quote, true),
            ]
        );
        assert_eq!(line.topics, vec![5..15_usize]);
    }

    /// `n` articles with one body, published on successive days from June 1st, outlets
    /// "Outlet 0", "Outlet 1", … (the last has no outlet, so its file name stands in).
    fn syndicated(n: usize) -> Corpus {
        let body: Vec<String> = vec![
            (0..60)
                .map(|w| format!("kata{w}"))
                .collect::<Vec<_>>()
                .join(" "),
        ];
        let articles = (0..n)
            .map(|i| {
                let mut a = crate::model::Article::default();
                a.meta.id = format!("id{i:02}");
                a.meta.title = format!("Judul {i}");
                a.meta.source_path = format!("dir/copy{i}.txt");
                a.meta.outlet = (i + 1 < n).then(|| format!("Outlet {i}"));
                a.meta.published = crate::model::Date::new(2025, 6, 1 + i as u8);
                a.body.body = body.clone();
                a
            })
            .collect();
        Corpus::from_articles(articles)
    }

    fn header(doc: &DetailDoc) -> Vec<String> {
        doc.lines.iter().map(DocLine::text).collect()
    }

    #[test]
    fn a_story_names_its_copies_earliest_first_and_a_copy_names_the_story() {
        let corpus = syndicated(11);
        let sigs = crate::cluster::corpus_signatures(&corpus);
        let metas = corpus.metas();
        let clusters = Clusters::build(&sigs, |i| crate::cluster::earliest_first(&metas[i]));
        let marks = Marks {
            clusters: Some(&clusters),
            ..Marks::default()
        };
        let st = ArticleState::default();
        let doc = build_marked(&corpus, 0, 400, "", marks, &st, false);
        assert_eq!(doc.group, (0..11).collect::<Vec<_>>());
        let copies: Vec<String> = header(&doc)
            .into_iter()
            .filter(|l| l.starts_with("Copies"))
            .collect();
        assert_eq!(
            copies,
            [
                "Copies     +10: Outlet 1 2025-06-02, Outlet 2 2025-06-03, Outlet 3 2025-06-04, \
              Outlet 4 2025-06-05, Outlet 5 2025-06-06, Outlet 6 2025-06-07, Outlet 7 2025-06-08, \
              Outlet 8 2025-06-09 and 2 more"
            ]
        );

        let doc = build_marked(&corpus, 10, 400, "", marks, &st, false);
        let lines = header(&doc);
        assert!(lines.contains(&"Copy of    Outlet 0 2025-06-01, Judul 0".to_string()));
        assert!(!lines.iter().any(|l| l.starts_with("Copies")), "{lines:#?}");

        // The unattributed copy is named by its file.
        let doc = build_marked(&syndicated(2), 0, 400, "", Marks::default(), &st, false);
        assert!(doc.group.is_empty(), "no clusters, no group");
        let two = syndicated(2);
        let sigs = crate::cluster::corpus_signatures(&two);
        let pair = Clusters::build(&sigs, |i| i);
        let marks = Marks {
            clusters: Some(&pair),
            ..Marks::default()
        };
        let doc = build_marked(&two, 0, 400, "", marks, &st, false);
        assert!(header(&doc).contains(&"Copies     +1: copy1.txt 2025-06-02".to_string()));

        // Clusters computed for another corpus are ignored rather than naming wrong articles.
        let doc = build_marked(&corpus, 0, 400, "", marks, &st, false);
        assert!(doc.group.is_empty());
        assert!(!header(&doc).iter().any(|l| l.starts_with("Cop")));
    }

    #[test]
    fn query_terms_match_inflections_and_topics_are_marked_apart() {
        let mut a = titled("Video viral");
        a.body.body = vec!["Ia diviralkan lalu ditegur oleh Inspektorat.".into()];
        let corpus = Corpus::from_articles(vec![a]);
        let lex = crate::lexicon::Lexicon::default();
        let topics = lex.topic_phrases("disiplin").expect("built-in topic");
        let terms = ["viral".to_string()];
        let marks = Marks {
            terms: &terms,
            loose: &[],
            topics: &topics,
            clusters: None,
            body: BodyView::Read,
            short: false,
        };
        let doc = build_marked(
            &corpus,
            0,
            80,
            "viral",
            marks,
            &ArticleState::default(),
            false,
        );
        let body = doc
            .lines
            .iter()
            .find(|l| l.text().starts_with("Ia "))
            .expect("body line");
        let matched: Vec<&str> = body
            .pieces()
            .filter(|p| p.1 == SpanKind::Match)
            .map(|p| p.0)
            .collect();
        assert_eq!(matched, ["diviralkan"]);
        let topical: Vec<&str> = body.pieces().filter(|p| p.2).map(|p| p.0).collect();
        assert_eq!(topical, ["ditegur", "Inspektorat"]);
        // Topic keywords are not query matches: n/N only visits the title and this line.
        assert_eq!(doc.matches.len(), 2);
        let plain = build(&corpus, 0, 80, "", &[], &ArticleState::default(), false);
        assert!(
            plain
                .lines
                .iter()
                .all(|l| l.topics.is_empty() && !l.has_match())
        );
    }

    /// What a line marks for a query, as the words marked.
    fn marked(corpus: &Corpus, query: &str) -> Vec<String> {
        let q = crate::query::Query::parse(query).expect("query");
        let scope = crate::query::Scope::default();
        let none = crate::facets::Filters::default();
        let (_, forms) =
            crate::query::matches(corpus, &q, &none, crate::query::Sort::Relevance, scope);
        let (terms, loose) = (q.highlight_terms(), q.highlight_loose(&forms));
        let marks = Marks {
            terms: &terms,
            loose: &loose,
            ..Marks::default()
        };
        let doc = build_marked(corpus, 0, 80, query, marks, &ArticleState::default(), false);
        doc.lines
            .iter()
            .flat_map(|l| {
                l.pieces()
                    .filter(|p| p.1 == SpanKind::Match)
                    .map(|p| p.0.to_string())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn whole_words_are_marked_and_a_word_typed_halfway_marks_what_it_begins() {
        let mut a = titled("Bupati dan Asnawi");
        a.body.body = vec!["Para ASN menemui bupatinya.".into()];
        let corpus = Corpus::from_articles(vec![a]);
        // "asn" is a word here: "Asnawi" is not marked.
        assert_eq!(marked(&corpus, "asn"), ["ASN"]);
        // Nothing holds "bupa" whole: the words it begins are.
        assert_eq!(marked(&corpus, "bupa"), ["Bupati", "bupatinya"]);
        assert_eq!(marked(&corpus, "asn bupa"), ["Bupati", "ASN", "bupatinya"]);
        // A word held whole is marked whole, never as the start of longer words.
        assert_eq!(marked(&corpus, "bupati"), ["Bupati", "bupatinya"]);
    }
}
