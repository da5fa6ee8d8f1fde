//! Export of a view (the articles a query and filters selected) with their triage state, as
//! CSV, JSON, JSON Lines or a Markdown brief. The first three write [`crate::report`] rows,
//! the same rows `warta list` writes; the brief is here.
//!
//! Every format records the query and filters that produced the view, so an exported file
//! says where it came from: CSV and JSONL repeat them on every row (a leading comment would
//! not be valid CSV), JSON puts them in the enclosing object.
//!
//! With groups of syndicated copies known ([`export_team`]), every record carries a
//! `cluster`: the article id of its story's representative (the earliest copy), empty
//! (`null` in JSON) for an article without copies; the Markdown brief lists copies under
//! their story instead of as stories of their own.

use std::io::{self, Write};
use std::path::Path;

use super::output::{OutputMode, write_output};
use super::state::{ArticleState, Decision};
use super::store::Store;
use crate::cluster::Clusters;
use crate::corpus::Corpus;
use crate::model::{DateSource, Meta};
use crate::report::{CsvReport, Part, Row, TeamColumns, TeamFields, Text, TriageFields};

pub use crate::report::{ExportContext, neutralise};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Json,
    Jsonl,
    Markdown,
}

impl ExportFormat {
    /// By extension (case-insensitive): `.csv`, `.json`, `.jsonl`, `.md`.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(ExportFormat::Csv),
            "json" => Some(ExportFormat::Json),
            "jsonl" => Some(ExportFormat::Jsonl),
            "md" => Some(ExportFormat::Markdown),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Markdown => "md",
        }
    }
}

/// Writes the articles at `indices` (in that order) with their triage state.
pub fn export(
    w: &mut dyn Write,
    format: ExportFormat,
    corpus: &Corpus,
    indices: &[usize],
    store: &Store,
    context: &ExportContext,
) -> io::Result<()> {
    export_team(w, format, corpus, indices, store, context, None, None)
}

/// [`export()`] with the corpus's groups of copies (computed for `corpus`), which fill the
/// `cluster` field and nest copies in the Markdown brief, and with a team's columns (who
/// decided, whether analysts agree, each analyst's decision) when `team` is given; `store`
/// then holds the state the team shows.
#[expect(
    clippy::too_many_arguments,
    reason = "export's, plus copies and the team"
)]
pub fn export_team(
    w: &mut dyn Write,
    format: ExportFormat,
    corpus: &Corpus,
    indices: &[usize],
    store: &Store,
    context: &ExportContext,
    clusters: Option<&Clusters>,
    team: Option<&dyn TeamColumns>,
) -> io::Result<()> {
    // Clusters of another corpus would name wrong representatives: leave them out.
    let clusters = clusters.filter(|c| c.articles() == corpus.len());
    if let Some(&bad) = indices.iter().find(|&&i| i >= corpus.len()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("no article at index {bad} (corpus has {})", corpus.len()),
        ));
    }
    let x = Exported {
        corpus,
        indices,
        store,
        ctx: context,
        clusters,
        team,
    };
    match format {
        ExportFormat::Csv => export_csv(w, &x),
        ExportFormat::Json => export_json(w, &x),
        ExportFormat::Jsonl => export_jsonl(w, &x),
        ExportFormat::Markdown => export_markdown(w, &x),
    }
}

/// What an export writes.
struct Exported<'a> {
    corpus: &'a Corpus,
    indices: &'a [usize],
    store: &'a Store,
    ctx: &'a ExportContext,
    clusters: Option<&'a Clusters>,
    team: Option<&'a dyn TeamColumns>,
}

impl Exported<'_> {
    fn cluster(&self, index: usize) -> Option<&str> {
        self.clusters?.export_id(index, self.corpus.metas())
    }
}

/// [`export()`] into `path` as a command writes it (see [`write_output`]): a regular file is
/// replaced atomically (temp file → fsync → rename → fsync dir), so an interrupted export never
/// leaves a half-written file under the final name; a FIFO or a device is written in place.
pub fn export_to_path(
    path: &Path,
    format: ExportFormat,
    corpus: &Corpus,
    indices: &[usize],
    store: &Store,
    context: &ExportContext,
) -> io::Result<()> {
    export_to_path_clustered(
        path,
        OutputMode::Command,
        format,
        corpus,
        indices,
        store,
        context,
        None,
    )
}

/// [`export_to_path`] for a command or the browser (see [`OutputMode`]), with groups of copies
/// (see [`export_team`]).
#[expect(
    clippy::too_many_arguments,
    reason = "export_team's, plus where and how"
)]
pub fn export_to_path_clustered(
    path: &Path,
    mode: OutputMode,
    format: ExportFormat,
    corpus: &Corpus,
    indices: &[usize],
    store: &Store,
    context: &ExportContext,
    clusters: Option<&Clusters>,
) -> io::Result<()> {
    write_output(path, mode, &mut |w| {
        export_team(w, format, corpus, indices, store, context, clusters, None)
    })
}

impl<'a> From<&'a ArticleState> for TriageFields<'a> {
    fn from(st: &'a ArticleState) -> Self {
        TriageFields {
            read: st.read,
            read_at: st.read_at.as_deref(),
            starred: st.starred,
            starred_at: st.starred_at.as_deref(),
            decision: st.decision.as_str(),
            decided_at: st.decided_at.as_deref(),
            labels: st.labels.iter().map(String::as_str).collect(),
            labels_at: st.labels_at.as_deref(),
            note: st.note.as_deref(),
            note_at: st.note_at.as_deref(),
        }
    }
}

/// The body's paragraphs, or why they could not be read.
fn paragraphs(corpus: &Corpus, index: usize) -> Text {
    match corpus.body(index) {
        Ok(b) => Text::Paragraphs {
            body: b.body,
            source_fields: b.source_fields,
        },
        Err(body_error) => Text::Unreadable { body_error },
    }
}

impl Exported<'_> {
    /// The report row of the article at `index` with its state `st`: every part but the
    /// view and the text.
    fn row<'r>(&'r self, index: usize, st: &'r ArticleState) -> Row<'r> {
        Row {
            triage: Some(TriageFields::from(st)),
            cluster: Some(self.cluster(index)),
            team: self.team.map(|t| t.fields(&self.corpus.meta(index).id)),
            ..Row::new(self.corpus.meta(index))
        }
    }
}

/// Keeps an I/O error's kind (a closed pipe stays a closed pipe); serde's own errors are
/// "other".
fn json_err(e: serde_json::Error) -> io::Error {
    io::Error::from(e)
}

fn export_json(w: &mut dyn Write, x: &Exported<'_>) -> io::Result<()> {
    let (corpus, indices, store, ctx) = (x.corpus, x.indices, x.store, x.ctx);
    // Streamed one record at a time so bodies are never all in memory at once.
    w.write_all(b"{\"query\":")?;
    serde_json::to_writer(&mut *w, &ctx.query).map_err(json_err)?;
    w.write_all(b",\"filters\":")?;
    serde_json::to_writer(&mut *w, &ctx.filters).map_err(json_err)?;
    w.write_all(b",\"exported_at\":")?;
    serde_json::to_writer(&mut *w, &ctx.exported_at).map_err(json_err)?;
    w.write_all(b",\"articles\":[")?;
    for (n, &i) in indices.iter().enumerate() {
        w.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        let st = store.state(&corpus.meta(i).id);
        let row = Row {
            text: Some(paragraphs(corpus, i)),
            ..x.row(i, &st)
        };
        serde_json::to_writer(&mut *w, &row).map_err(json_err)?;
    }
    w.write_all(b"\n]}\n")?;
    w.flush()
}

fn export_jsonl(w: &mut dyn Write, x: &Exported<'_>) -> io::Result<()> {
    let (corpus, indices, store, ctx) = (x.corpus, x.indices, x.store, x.ctx);
    for &i in indices {
        let st = store.state(&corpus.meta(i).id);
        let row = Row {
            view: Some(ctx),
            text: Some(paragraphs(corpus, i)),
            ..x.row(i, &st)
        };
        crate::report::write_jsonl(w, &row)?;
    }
    w.flush()
}

fn export_csv(w: &mut dyn Write, x: &Exported<'_>) -> io::Result<()> {
    let (corpus, indices, store, ctx) = (x.corpus, x.indices, x.store, x.ctx);
    let mut out = CsvReport::with_team(w, &Part::ALL, x.team.map(|t| t.analysts()))?;
    for &i in indices {
        let st = store.state(&corpus.meta(i).id);
        // The text is read for the source record's fields; CSV writes no body.
        out.row(&Row {
            view: Some(ctx),
            text: Some(paragraphs(corpus, i)),
            ..x.row(i, &st)
        })?;
    }
    out.finish()
}

/// Article text made inert for Markdown, escaping only what Markdown would act on where the
/// text goes (inside a line, never at its start): sanitised, on one line (a newline could
/// start a new block), with a backslash before what opens code, emphasis, links, HTML or
/// strikethrough. An intraword `_` (`004_2693`) opens nothing, nor does `!` once `[` is
/// escaped, nor `&` unless it starts an entity (`&amp;`, `&#x202E;`), nor `>` or `|`
/// inside a line; those stay as written.
fn md_text(s: &str) -> String {
    let clean = crate::text::sanitize(s);
    let mut out = String::with_capacity(clean.len());
    for (n, word) in clean.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        let chars: Vec<char> = word.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let alnum = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_alphanumeric())
            };
            let escape = match c {
                '\\' | '`' | '*' | '[' | ']' | '<' | '~' => true,
                '_' => !(alnum(i.checked_sub(1)) && alnum(Some(i + 1))),
                '&' => starts_entity(&chars[i + 1..]),
                _ => false,
            };
            if escape {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Whether the text after a `&` makes it an entity reference (`amp;`, `#169;`, `#x202E;`).
fn starts_entity(rest: &[char]) -> bool {
    let n = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    n > 0 && rest.get(n) == Some(&';')
}

/// [`md_text`] for text that starts a line (a continuation line of a list item), where
/// `#`, `>`, `-`, `+`, `*`, `=` or `1.` would start a heading, a quote or a list.
fn md_line(s: &str) -> String {
    let text = md_text(s);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let list_number = digits > 0 && matches!(text[digits..].chars().next(), Some('.' | ')'));
    match text.chars().next() {
        Some('#' | '>' | '-' | '+' | '=') => format!("\\{text}"),
        _ if list_number => format!("{}\\{}", &text[..digits], &text[digits..]),
        _ => text,
    }
}

/// The lede of a brief's entry: the body's first paragraph, cut near this many characters
/// at a word boundary.
const LEDE_CHARS: usize = 280;

/// The first paragraph, cut at a word boundary with `…` when long; `None` without a body.
fn lede(corpus: &Corpus, index: usize) -> Option<String> {
    let body = corpus.body(index).ok()?.body;
    let first = body.iter().map(|p| p.trim()).find(|p| !p.is_empty())?;
    if first.chars().count() <= LEDE_CHARS {
        return Some(first.to_string());
    }
    let cut: String = first.chars().take(LEDE_CHARS).collect();
    let at = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    Some(format!("{}…", cut[..at].trim_end()))
}

/// Where an article is about: its regions, then their provinces
/// (`Lubuk Linggau, Musi Rawas Utara (Sumatera Selatan)`); the dateline when no region is known.
fn md_place(m: &Meta) -> Option<String> {
    let regions = m.regions.join(", ");
    let provinces = m.provinces.join(", ");
    match (regions.is_empty(), provinces.is_empty()) {
        (false, false) => Some(format!("{regions} ({provinces})")),
        (false, true) => Some(regions),
        (true, false) => Some(match m.dateline.as_deref() {
            Some(d) if !d.trim().is_empty() => format!("{d} ({provinces})"),
            _ => provinces,
        }),
        (true, true) => m.dateline.clone().filter(|d| !d.trim().is_empty()),
    }
}

/// An autolink for plain http(s) URLs ([`crate::url::markdown_autolink`]); anything else
/// (spaces, angle brackets, other schemes such as `javascript:`) is shown as inert text.
fn md_link(url: &str) -> String {
    crate::url::markdown_autolink(url).unwrap_or_else(|| md_text(url))
}

/// One article of the brief: title, outlet and date, link (or file).
fn md_entry(m: &Meta, st: &ArticleState) -> String {
    let star = if st.starred { "★ " } else { "" };
    let mut line = format!("{star}**{}**", md_text(&m.title));
    let mut where_when = Vec::new();
    if let Some(o) = m.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        where_when.push(md_text(o));
    }
    where_when.push(match (m.published, m.date_source) {
        // A guessed year is said so: a brief must not state it as fact.
        (Some(d), Some(DateSource::InferredYear | DateSource::CorpusYear)) => {
            format!("{d} (year inferred)")
        }
        (Some(d), Some(DateSource::FileTime)) => format!("{d} (file's date)"),
        (Some(d), _) => d.to_string(),
        (None, _) => "undated".to_string(),
    });
    if let Some(place) = md_place(m) {
        where_when.push(md_text(&place));
    }
    line.push_str(" — ");
    line.push_str(&where_when.join(", "));
    line.push_str(" — ");
    match m.url.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(u) => line.push_str(&md_link(u)),
        None => line.push_str(&md_text(&m.source_path)),
    }
    line
}

/// Per exported position: the position of the story it is listed under, when it is a copy
/// whose story (the earliest exported copy) is exported with the same decision.
fn nesting(x: &Exported<'_>, states: &[ArticleState]) -> Vec<Option<usize>> {
    let mut nested = vec![None; x.indices.len()];
    let Some(clusters) = x.clusters else {
        return nested;
    };
    let position: std::collections::HashMap<usize, usize> =
        x.indices.iter().enumerate().map(|(p, &i)| (i, p)).collect();
    for (p, &i) in x.indices.iter().enumerate() {
        let Some(c) = clusters.cluster_of(i) else {
            continue;
        };
        let head = clusters
            .members(c)
            .iter()
            .find_map(|m| position.get(m).copied());
        if let Some(h) = head
            && h != p
            && states[h].decision == states[p].decision
        {
            nested[p] = Some(h);
        }
    }
    nested
}

/// Who decided, and each analyst's decision when they disagree, for a brief's entry.
fn md_team(t: &TeamFields) -> Option<String> {
    if t.conflict == "conflict" {
        let each: Vec<String> = t
            .decisions
            .iter()
            .filter(|(_, d)| **d != "undecided")
            .map(|(col, d)| {
                let name = col.strip_prefix("decision:").unwrap_or(col);
                format!("{} {d}", md_text(name))
            })
            .collect();
        return Some(format!("Conflict: {}", each.join(", ")));
    }
    t.analyst
        .as_deref()
        .map(|a| format!("Decided by: {}", md_text(a)))
}

fn export_markdown(w: &mut dyn Write, x: &Exported<'_>) -> io::Result<()> {
    let (corpus, indices, store, ctx) = (x.corpus, x.indices, x.store, x.ctx);
    let order = [
        (Decision::Relevant, "Relevant"),
        (Decision::Maybe, "Maybe"),
        (Decision::Undecided, "Undecided"),
        (Decision::Irrelevant, "Irrelevant"),
    ];
    let states: Vec<ArticleState> = indices
        .iter()
        .map(|&i| store.state(&corpus.meta(i).id))
        .collect();
    let count = |d: Decision| states.iter().filter(|s| s.decision == d).count();
    let nested = nesting(x, &states);

    // A brief is read by people: its date and time are local (the files keep UTC).
    let tz = crate::triage::time::local_zone();
    let date = crate::triage::time::date_in(&ctx.exported_at, &tz).unwrap_or_else(|| {
        ctx.exported_at
            .get(..10)
            .unwrap_or(&ctx.exported_at)
            .to_string()
    });
    let exported = crate::triage::time::display_in(&ctx.exported_at, &tz)
        .unwrap_or_else(|| ctx.exported_at.clone());
    writeln!(w, "# Triage brief — {}", md_text(&date))?;
    writeln!(w)?;
    let or_none = |s: &str| {
        if s.trim().is_empty() {
            "(none)".to_string()
        } else {
            md_text(s)
        }
    };
    writeln!(w, "- Query: {}", or_none(&ctx.query))?;
    writeln!(w, "- Filters: {}", or_none(&ctx.filters))?;
    writeln!(w, "- Exported: {}", md_text(&exported))?;
    writeln!(
        w,
        "- Articles: {} (relevant {} · maybe {} · undecided {} · irrelevant {})",
        indices.len(),
        count(Decision::Relevant),
        count(Decision::Maybe),
        count(Decision::Undecided),
        count(Decision::Irrelevant)
    )?;

    for (decision, heading) in order {
        let n = count(decision);
        if n == 0 {
            continue;
        }
        writeln!(w)?;
        writeln!(w, "## {heading} ({n})")?;
        writeln!(w)?;
        for (p, (&i, st)) in indices.iter().zip(&states).enumerate() {
            if st.decision != decision || nested[p].is_some() {
                continue;
            }
            writeln!(w, "- {}", md_entry(corpus.meta(i), st))?;
            // The story's copies with the same decision, under it.
            for (q, &j) in indices.iter().enumerate() {
                if nested[q] == Some(p) {
                    writeln!(w, "  - copy: {}", md_entry(corpus.meta(j), &states[q]))?;
                }
            }
            if let Some(lede) = lede(corpus, i) {
                writeln!(w, "  {}", md_line(&lede))?;
            }
            let mut extra = Vec::new();
            if !st.labels.is_empty() {
                let labels: Vec<String> = st.labels.iter().map(|l| md_text(l)).collect();
                extra.push(format!("Labels: {}", labels.join(", ")));
            }
            if let Some(note) = &st.note {
                extra.push(format!("Note: {}", md_text(note)));
            }
            if let Some(t) = x.team {
                extra.extend(md_team(&t.fields(&corpus.meta(i).id)));
            }
            if !extra.is_empty() {
                writeln!(w, "  {}", extra.join(" · "))?;
            }
        }
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        for (p, f) in [
            ("a.csv", Some(ExportFormat::Csv)),
            ("a.JSON", Some(ExportFormat::Json)),
            ("dir/a.jsonl", Some(ExportFormat::Jsonl)),
            ("a.md", Some(ExportFormat::Markdown)),
            ("a.txt", None),
            ("csv", None),
        ] {
            assert_eq!(ExportFormat::from_path(Path::new(p)), f, "{p}");
        }
    }

    #[test]
    fn neutralises_formula_cells() {
        for c in ["=1+1", "+62", "-x", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(c), format!("'{c}"));
        }
        assert_eq!(neutralise("Banjir"), "Banjir");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn a_brief_says_which_dates_are_guesses() {
        let st = ArticleState::default();
        let at = |source: Option<DateSource>| {
            let m = Meta {
                title: "Judul".into(),
                published: "2025-10-13".parse().ok().filter(|_| source.is_some()),
                date_source: source,
                ..Meta::default()
            };
            md_entry(&m, &st)
        };
        assert!(at(Some(DateSource::Text)).contains("2025-10-13 —"));
        assert!(at(Some(DateSource::CorpusYear)).contains("2025-10-13 (year inferred)"));
        assert!(at(Some(DateSource::FileTime)).contains("2025-10-13 (file's date)"));
        assert!(at(None).contains("undated"));
    }

    #[test]
    fn markdown_text_is_inert() {
        assert_eq!(
            md_text("[click](http://evil) <b>x</b> &#x202E; ![img](x)"),
            "\\[click\\](http://evil) \\<b>x\\</b> \\&#x202E; !\\[img\\](x)"
        );
        // Only what would act: no backslash before an intraword _, a ! or a plain &.
        assert_eq!(
            md_text("Wow! PT A&B di data/004_2693.txt, 3 > 2 | _miring_ *tebal*"),
            "Wow! PT A&B di data/004_2693.txt, 3 > 2 | \\_miring\\_ \\*tebal\\*"
        );
        assert_eq!(md_text("&amp; &copy; a&b;"), "\\&amp; \\&copy; a\\&b;");
        // At a line's start, block syntax is escaped too.
        assert_eq!(md_line("# Bukan judul"), "\\# Bukan judul");
        assert_eq!(md_line("- bukan daftar"), "\\- bukan daftar");
        assert_eq!(md_line("2024. Tahun"), "2024\\. Tahun");
        assert_eq!(md_line("2024 tahun"), "2024 tahun");
        assert_eq!(md_text("a\n\n# b"), "a # b");
        assert_eq!(md_link("https://ex.com/a_b"), "<https://ex.com/a_b>");
        assert_eq!(md_link("javascript:alert(1)"), "javascript:alert(1)");
        assert_eq!(md_link("https://a.com/<x>"), "https://a.com/\\<x>");
    }
}
