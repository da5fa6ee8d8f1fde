//! One row per article for every plain report: `warta list` (table, CSV, JSON, JSON Lines)
//! and `warta export` (CSV, JSON, JSON Lines; its Markdown brief is prose, in
//! the triage export module).
//!
//! A [`Row`] is the article's fields, then its triage state, then the view it was exported
//! from, then its story's cluster, each part present when the report has it. JSON is the
//! row as serde writes it; CSV is the same fields in the same order ([`COLUMNS`]), so a
//! column of `warta list --format csv` sits where the same column of an export does. The
//! lists a CSV cell cannot hold (authors, tags, labels) are joined with `; `.
//!
//! This module knows nothing of the triage store or the corpus: the callers fill the parts,
//! so the dependencies point one way (triage and commands use the report).

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::model::{Body, Date, DateSource, Format, Meta};

/// One article in a report. JSON drops the parts that are `None`; CSV writes the columns
/// of the parts it was asked for ([`CsvReport::new`]).
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    #[serde(flatten)]
    pub article: ArticleFields<'a>,
    #[serde(flatten)]
    pub triage: Option<TriageFields<'a>>,
    /// Where the article is about (regions and their provinces).
    #[serde(flatten)]
    pub place: Option<PlaceFields<'a>>,
    /// Where an export came from. A JSON export states it once, around its rows.
    #[serde(flatten)]
    pub view: Option<&'a ExportContext>,
    /// `Some(None)` (JSON `null`): the report has clusters and the article has no copies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<Option<&'a str>>,
    /// Who on a team decided, and how their decisions compare (exports with a team).
    #[serde(flatten)]
    pub team: Option<TeamFields>,
    /// The rest of what the parser found in the metadata (JSON only).
    #[serde(flatten)]
    pub parsed: Option<ParsedFields>,
    /// The text (JSON only).
    #[serde(flatten)]
    pub text: Option<Text>,
}

impl<'a> Row<'a> {
    /// The article's fields alone; set the other parts as the report needs.
    pub fn new(m: &'a Meta) -> Row<'a> {
        Row {
            article: ArticleFields::from(m),
            triage: None,
            place: Some(PlaceFields {
                provinces: &m.provinces,
                regions: &m.regions,
                regions_passing: &m.regions_passing,
            }),
            view: None,
            cluster: None,
            team: None,
            parsed: None,
            text: None,
        }
    }
}

/// The metadata every report carries, in column order.
#[derive(Debug, Serialize)]
pub struct ArticleFields<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub dateline: Option<&'a str>,
    pub published: Option<Date>,
    /// Where `published` came from (`text`, `url`, `record`, `inferred-year`).
    pub date_source: Option<DateSource>,
    pub authors: &'a [String],
    pub editor: Option<&'a str>,
    pub tags: &'a [String],
    pub url: Option<&'a str>,
    pub source_path: &'a str,
    pub word_count: usize,
}

impl<'a> From<&'a Meta> for ArticleFields<'a> {
    fn from(m: &'a Meta) -> Self {
        ArticleFields {
            id: &m.id,
            title: &m.title,
            outlet: m.outlet.as_deref(),
            dateline: m.dateline.as_deref(),
            published: m.published,
            date_source: m.date_source,
            authors: &m.authors,
            editor: m.editor.as_deref(),
            tags: &m.tags,
            url: m.url.as_deref(),
            source_path: &m.source_path,
            word_count: m.word_count,
        }
    }
}

/// The places an article is about: its provinces and regions (regencies and cities), the
/// values of the `prov:` and `region:` facets, and the regions it names only in passing.
#[derive(Debug, Serialize)]
pub struct PlaceFields<'a> {
    pub provinces: &'a [String],
    pub regions: &'a [String],
    pub regions_passing: &'a [String],
}

/// An article's triage state, every field always present so that every record has the
/// same keys (filled from the store by the triage export).
#[derive(Debug, Default, Serialize)]
pub struct TriageFields<'a> {
    pub read: bool,
    pub read_at: Option<&'a str>,
    pub starred: bool,
    pub starred_at: Option<&'a str>,
    /// `undecided`, `relevant`, `irrelevant` or `maybe`.
    pub decision: &'static str,
    pub decided_at: Option<&'a str>,
    pub labels: Vec<&'a str>,
    pub labels_at: Option<&'a str>,
    pub note: Option<&'a str>,
    pub note_at: Option<&'a str>,
}

/// An article's decisions across a team. The keys are the same in every row of one report
/// (every analyst the team has, in name order), so a CSV's columns and a JSON record's keys
/// never depend on the row.
#[derive(Debug, Default, Serialize)]
pub struct TeamFields {
    /// Who made the decision shown (shared mode), or who decided (independent mode, `; `
    /// between names); `None` while undecided.
    pub analyst: Option<String>,
    /// `undecided`, `one analyst`, `agreed` or `conflict`.
    pub conflict: &'static str,
    /// `decision:NAME` → that analyst's decision, for every analyst of the team.
    #[serde(flatten)]
    pub decisions: std::collections::BTreeMap<String, &'static str>,
}

/// Fills the team columns of a report: implemented by the team module, so this one needs
/// to know nothing of servers.
pub trait TeamColumns {
    /// Every analyst, in the order of their `decision:NAME` columns.
    fn analysts(&self) -> &[String];
    fn fields(&self, id: &str) -> TeamFields;
}

/// The name of the column holding `analyst`'s decision.
pub fn decision_column(analyst: &str) -> String {
    format!("decision:{analyst}")
}

/// Where an export came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ExportContext {
    /// The query text as typed.
    pub query: String,
    /// The active facet filters, described for humans.
    pub filters: String,
    /// RFC 3339 UTC.
    pub exported_at: String,
}

/// The metadata a list's JSON adds beyond the columns, so that it keeps every field the
/// parser found.
#[derive(Debug, Serialize)]
pub struct ParsedFields {
    pub title_derived: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<usize>,
    pub format: Format,
}

impl From<&Meta> for ParsedFields {
    fn from(m: &Meta) -> Self {
        ParsedFields {
            title_derived: m.title_derived,
            record: m.record,
            format: m.format,
        }
    }
}

/// An article's text in a JSON report.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// The body's paragraphs and the source record's unmapped fields (an export).
    Paragraphs {
        body: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        source_fields: Option<serde_json::Map<String, serde_json::Value>>,
    },
    /// Everything the parser found in the text: paragraphs, dates, quotes, related
    /// headlines, boilerplate (a list).
    Whole(Body),
    /// Why the body could not be read (e.g. the cache file vanished): the row is still
    /// written rather than failing the whole report.
    Unreadable { body_error: String },
}

/// The parts of a [`Row`] a CSV report has columns for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Article,
    Triage,
    Place,
    View,
    Cluster,
    /// The source record's unmapped fields as one JSON object (exports only).
    Source,
}

impl Part {
    /// An export's columns.
    pub const ALL: [Part; 6] = [
        Part::Article,
        Part::Triage,
        Part::Place,
        Part::View,
        Part::Cluster,
        Part::Source,
    ];
    /// `warta list`'s: the article, its triage state and places (a list has no view to
    /// record and groups copies only when asked to), so a list's columns are the first of
    /// an export's.
    pub const LIST: [Part; 3] = [Part::Article, Part::Triage, Part::Place];
}

/// A CSV column: its header, the part of the row it reads, and its cell.
pub struct Column {
    pub name: &'static str,
    pub part: Part,
    cell: Cell,
}

type Cell = for<'r> fn(&'r Row<'_>) -> Cow<'r, str>;

const fn col(name: &'static str, part: Part, cell: Cell) -> Column {
    Column { name, part, cell }
}

fn plain(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

fn opt(s: Option<&str>) -> Cow<'_, str> {
    Cow::Borrowed(s.unwrap_or(""))
}

fn flag(b: bool) -> Cow<'static, str> {
    Cow::Borrowed(if b { "true" } else { "false" })
}

fn joined<S: AsRef<str>>(items: &[S]) -> Cow<'static, str> {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    Cow::Owned(items.join("; "))
}

/// A triage cell, empty for a row without triage state.
fn triage<'r>(
    r: &'r Row<'_>,
    f: impl FnOnce(&'r TriageFields<'_>) -> Cow<'r, str>,
) -> Cow<'r, str> {
    r.triage.as_ref().map_or(Cow::Borrowed(""), f)
}

fn place<'r>(r: &'r Row<'_>, f: impl FnOnce(&'r PlaceFields<'_>) -> Cow<'r, str>) -> Cow<'r, str> {
    r.place.as_ref().map_or(Cow::Borrowed(""), f)
}

fn view<'r>(r: &'r Row<'_>, f: impl FnOnce(&'r ExportContext) -> &'r str) -> Cow<'r, str> {
    Cow::Borrowed(r.view.map_or("", f))
}

/// Every CSV column, in the order of [`Row`]'s JSON keys (a test holds the two together).
/// `cluster` came last when it was added, so columns of earlier exports kept their places;
/// `provinces` and `regions` follow the triage columns, so a list's columns stay the first
/// of an export's.
pub const COLUMNS: &[Column] = &[
    col("id", Part::Article, |r| plain(r.article.id)),
    col("title", Part::Article, |r| plain(r.article.title)),
    col("outlet", Part::Article, |r| opt(r.article.outlet)),
    col("dateline", Part::Article, |r| opt(r.article.dateline)),
    col("published", Part::Article, |r| {
        r.article
            .published
            .map_or(Cow::Borrowed(""), |d| d.to_string().into())
    }),
    col("date_source", Part::Article, |r| {
        r.article
            .date_source
            .map_or(Cow::Borrowed(""), |s| s.name().into())
    }),
    col("authors", Part::Article, |r| joined(r.article.authors)),
    col("editor", Part::Article, |r| opt(r.article.editor)),
    col("tags", Part::Article, |r| joined(r.article.tags)),
    col("url", Part::Article, |r| opt(r.article.url)),
    col("source_path", Part::Article, |r| {
        plain(r.article.source_path)
    }),
    col("word_count", Part::Article, |r| {
        r.article.word_count.to_string().into()
    }),
    col("read", Part::Triage, |r| triage(r, |t| flag(t.read))),
    col("read_at", Part::Triage, |r| triage(r, |t| opt(t.read_at))),
    col("starred", Part::Triage, |r| triage(r, |t| flag(t.starred))),
    col("starred_at", Part::Triage, |r| {
        triage(r, |t| opt(t.starred_at))
    }),
    col("decision", Part::Triage, |r| {
        triage(r, |t| plain(t.decision))
    }),
    col("decided_at", Part::Triage, |r| {
        triage(r, |t| opt(t.decided_at))
    }),
    col("labels", Part::Triage, |r| triage(r, |t| joined(&t.labels))),
    col("labels_at", Part::Triage, |r| {
        triage(r, |t| opt(t.labels_at))
    }),
    col("note", Part::Triage, |r| triage(r, |t| opt(t.note))),
    col("note_at", Part::Triage, |r| triage(r, |t| opt(t.note_at))),
    col("provinces", Part::Place, |r| {
        place(r, |p| joined(p.provinces))
    }),
    col("regions", Part::Place, |r| place(r, |p| joined(p.regions))),
    col("regions_passing", Part::Place, |r| {
        place(r, |p| joined(p.regions_passing))
    }),
    col("query", Part::View, |r| view(r, |v| &v.query)),
    col("filters", Part::View, |r| view(r, |v| &v.filters)),
    col("exported_at", Part::View, |r| view(r, |v| &v.exported_at)),
    col("cluster", Part::Cluster, |r| opt(r.cluster.flatten())),
    col("source_fields", Part::Source, |r| match &r.text {
        Some(Text::Paragraphs {
            source_fields: Some(f),
            ..
        }) => serde_json::to_string(f).map_or(Cow::Borrowed(""), Cow::Owned),
        _ => Cow::Borrowed(""),
    }),
];

/// The header of a CSV report with `parts`.
pub fn columns(parts: &[Part]) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .filter(|c| parts.contains(&c.part))
        .map(|c| c.name)
        .collect()
}

/// A spreadsheet treats a cell starting with `=`, `+`, `-`, `@`, tab or CR as a formula
/// (CSV injection), so such cells get a leading `'`, which spreadsheets hide.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A CSV cell that is inert both in a spreadsheet and when the file is `cat` to a terminal:
/// sanitised (everything here should already be, but the query and filters are typed text
/// and the cost is one scan), then neutralised. Sanitising first matters: `\x1b[0m=1+1`
/// would otherwise start with `=` only after a viewer dropped the escape.
fn csv_cell(cell: &str) -> String {
    let clean = crate::text::sanitize_cow(cell);
    neutralise(&clean).into_owned()
}

/// A CSV report being written: the header goes out at once, then one line per [`row`].
///
/// [`row`]: CsvReport::row
pub struct CsvReport<W: Write> {
    out: csv::Writer<W>,
    columns: Vec<&'static Column>,
    /// The team's analysts, when the report has team columns.
    team: Option<Vec<String>>,
}

impl<W: Write> CsvReport<W> {
    /// Starts a report with the columns of `parts`.
    pub fn new(w: W, parts: &[Part]) -> io::Result<CsvReport<W>> {
        CsvReport::with_team(w, parts, None)
    }

    /// [`CsvReport::new`] with the team columns after all others (`analyst`, `conflict`,
    /// then `decision:NAME` per analyst), so the columns of a report without a team keep
    /// their places.
    pub fn with_team(
        w: W,
        parts: &[Part],
        analysts: Option<&[String]>,
    ) -> io::Result<CsvReport<W>> {
        let columns: Vec<&Column> = COLUMNS.iter().filter(|c| parts.contains(&c.part)).collect();
        let mut out = csv::Writer::from_writer(w);
        let mut header: Vec<String> = columns.iter().map(|c| c.name.to_string()).collect();
        if let Some(names) = analysts {
            header.push("analyst".into());
            header.push("conflict".into());
            header.extend(names.iter().map(|a| decision_column(a)));
        }
        out.write_record(header.iter().map(|h| csv_cell(h)))?;
        Ok(CsvReport {
            out,
            columns,
            team: analysts.map(<[String]>::to_vec),
        })
    }

    pub fn row(&mut self, row: &Row<'_>) -> io::Result<()> {
        let mut cells: Vec<String> = self
            .columns
            .iter()
            .map(|c| csv_cell(&(c.cell)(row)))
            .collect();
        if let Some(names) = &self.team {
            let t = row.team.as_ref();
            cells.push(csv_cell(t.and_then(|t| t.analyst.as_deref()).unwrap_or("")));
            cells.push(csv_cell(t.map_or("", |t| t.conflict)));
            for a in names {
                let d = t.and_then(|t| t.decisions.get(&decision_column(a)).copied());
                cells.push(csv_cell(d.unwrap_or("")));
            }
        }
        self.out.write_record(cells)?;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A pretty-printed JSON array written one row at a time, so that a list of 100k articles
/// never holds every body at once; the bytes are those of the whole array pretty-printed.
pub struct JsonArray<W: Write> {
    out: W,
    rows: usize,
    buf: Vec<u8>,
}

impl<W: Write> JsonArray<W> {
    pub fn new(out: W) -> JsonArray<W> {
        JsonArray {
            out,
            rows: 0,
            buf: Vec::new(),
        }
    }

    pub fn item(&mut self, row: &Row<'_>) -> io::Result<()> {
        self.out
            .write_all(if self.rows == 0 { b"[\n" } else { b",\n" })?;
        self.rows += 1;
        self.buf.clear();
        serde_json::to_writer_pretty(&mut self.buf, row).map_err(io::Error::from)?;
        // JSON escapes the newlines inside strings: every one here is between tokens.
        for (k, line) in self.buf.split(|&b| b == b'\n').enumerate() {
            self.out.write_all(if k == 0 { b"  " } else { b"\n  " })?;
            self.out.write_all(line)?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out
            .write_all(if self.rows == 0 { b"[]\n" } else { b"\n]\n" })
    }
}

/// One JSON Lines record.
pub fn write_jsonl(w: &mut dyn Write, row: &Row<'_>) -> io::Result<()> {
    serde_json::to_writer(&mut *w, row).map_err(io::Error::from)?;
    w.write_all(b"\n")
}

/// One line of `warta list`'s table: id prefix, date, outlet, title.
pub fn write_table_line(w: &mut dyn Write, row: &Row<'_>) -> io::Result<()> {
    let a = &row.article;
    let date = a
        .published
        .map_or_else(|| "----------".to_string(), |d| d.to_string());
    writeln!(
        w,
        "{}  {}  {}  {}",
        &a.id[..a.id.len().min(8)],
        date,
        fit(a.outlet.unwrap_or("-"), 18),
        a.title
    )
}

/// Pads or cuts `s` to exactly `width` terminal columns.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let needs_cut = s.width() > width;
    let budget = if needs_cut {
        width.saturating_sub(1)
    } else {
        width
    };
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > budget {
            break;
        }
        out.push(c);
        used += w;
    }
    if needs_cut && width > 0 {
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests;
