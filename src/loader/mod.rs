//! Turning files and directories into a [`Corpus`]: discovery, decoding, format dispatch,
//! parallel parsing and the parsed-article cache.

pub mod discover;
pub mod formats;
pub mod parse;
pub mod patch;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cache::{BodyFile, CachedFile, FileStamp, FreshFile, LoadedBodies, RootCache, Writer};
use crate::corpus::Corpus;
use crate::model::{Article, Body, Format, Meta};
pub use crate::skip::{SkipReason, Skipped, human_bytes};
use crate::text::{DecodeError, decode};

/// One input given on the command line, or the corpus embedded in the binary.
#[derive(Debug, Clone)]
pub enum Input {
    Path(PathBuf),
    /// A file compiled into the binary: (file name, bytes).
    Embedded(&'static str, &'static [u8]),
}

/// The five seed articles in `data/`, compiled in so `warta` works from any directory.
pub const EMBEDDED: &[(&str, &[u8])] = &[
    (
        "000_4c0f888a8b7f48f0.txt",
        include_bytes!("../../data/000_4c0f888a8b7f48f0.txt"),
    ),
    (
        "001_2701c3b0c1794c03.txt",
        include_bytes!("../../data/001_2701c3b0c1794c03.txt"),
    ),
    (
        "002_e1615265fd42e33b.txt",
        include_bytes!("../../data/002_e1615265fd42e33b.txt"),
    ),
    (
        "003_750af5ede4df2d6f.txt",
        include_bytes!("../../data/003_750af5ede4df2d6f.txt"),
    ),
    (
        "004_2693d6224899cf9b.txt",
        include_bytes!("../../data/004_2693d6224899cf9b.txt"),
    ),
];

pub fn embedded_inputs() -> Vec<Input> {
    EMBEDDED
        .iter()
        .map(|(name, bytes)| Input::Embedded(name, bytes))
        .collect()
}

/// An article file (`.txt` or anything read as text) is read up to this many bytes; the rest
/// is dropped with a note in the load report. News articles are a few KiB; 16 MiB is
/// thousands of pages, so only a broken scrape (a whole site in one file, a log) gets cut,
/// and the parser then never holds more than a few copies of 16 MiB.
pub const MAX_ARTICLE_BYTES: u64 = 16 << 20;
/// JSON, JSONL and CSV files larger than this are skipped: cutting them would break their
/// syntax, and a JSON document is parsed whole into memory (several times its size).
pub const MAX_STRUCTURED_BYTES: u64 = 1 << 30;
/// A line (paragraph) longer than this is cut, ending with [`LINE_CUT_MARK`]: a minified
/// page or a base64 blob is no paragraph anyone reads, and wrapping it costs every frame.
pub const MAX_LINE_BYTES: usize = 256 << 10;
/// What ends a line that was cut at [`MAX_LINE_BYTES`], so the reader sees it was cut.
pub const LINE_CUT_MARK: &str = " [\u{2026} line cut by warta: longer than 256 KiB]";

/// Cuts every line longer than [`MAX_LINE_BYTES`] at a character boundary and marks the cut
/// with [`LINE_CUT_MARK`]. Borrowed when no line is that long (the usual case).
pub fn cap_lines(text: &str) -> Cow<'_, str> {
    let long = text.split('\n').any(|l| l.len() > MAX_LINE_BYTES);
    if !long {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(8 * MAX_LINE_BYTES));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.len() > MAX_LINE_BYTES {
            let mut cut = MAX_LINE_BYTES;
            while !line.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&line[..cut]);
            out.push_str(LINE_CUT_MARK);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// Where to cut an article file's bytes to at most `max`: after the last line break in the
/// second half if there is one (a clean paragraph end), else at a UTF-8 character boundary,
/// so the cut cannot turn a UTF-8 file into "invalid UTF-8" read as Windows-1252. UTF-16
/// files are cut at an even length.
fn cut_point(bytes: &[u8], max: usize) -> usize {
    if bytes.len() <= max {
        return bytes.len();
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return max & !1;
    }
    if let Some(p) = memchr::memrchr(b'\n', &bytes[max / 2..max]) {
        return max / 2 + p + 1;
    }
    let mut cut = max;
    // At most three continuation bytes precede a character's end.
    while cut > max.saturating_sub(3) && cut > 0 && (bytes[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}

/// What reading one file gave: its (possibly cut) bytes and notes for the load report.
struct ReadFile {
    bytes: Vec<u8>,
    notes: Vec<String>,
    /// The file changed between discovery and the end of the read: do not cache it under
    /// the stamp taken at discovery.
    changed: bool,
}

/// Reads a file within the bounds above. Reads through a handle (never mmap: a file cut
/// short while mapped kills the process with SIGBUS) and never more than the limit plus one
/// byte, whatever the file claims to be.
fn read_bounded(
    path: &Path,
    shown: &str,
    format: Format,
    stamp: &FileStamp,
) -> Result<ReadFile, Outcome> {
    use std::io::Read;
    let unreadable =
        |e: &std::io::Error| Outcome::Failed(SkipReason::Unreadable(discover::reason(e)));
    let limit = match format {
        Format::Txt => MAX_ARTICLE_BYTES,
        Format::Json | Format::Jsonl | Format::Csv => {
            if stamp.size > MAX_STRUCTURED_BYTES {
                return Err(Outcome::Rejected(SkipReason::TooLarge {
                    size: stamp.size,
                    limit: MAX_STRUCTURED_BYTES,
                }));
            }
            MAX_STRUCTURED_BYTES
        }
    };
    let file = std::fs::File::open(path).map_err(|e| unreadable(&e))?;
    let mut bytes = Vec::with_capacity(stamp.size.min(limit + 1) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    let mut notes = Vec::new();
    let mut changed = false;
    if bytes.len() as u64 > limit {
        let size = std::fs::metadata(path).map_or(stamp.size, |m| m.len());
        if format != Format::Txt {
            return Err(Outcome::Failed(SkipReason::TooLarge { size, limit }));
        }
        let cut = cut_point(&bytes, limit as usize);
        bytes.truncate(cut);
        bytes.shrink_to_fit();
        notes.push(format!(
            "{shown}: only the first {} of {} loaded (articles are cut at {})",
            human_bytes(cut as u64),
            human_bytes(size),
            human_bytes(limit)
        ));
    } else if bytes.len() as u64 != stamp.size
        || std::fs::metadata(path).is_ok_and(|m| discover::mtime_ns(&m) != stamp.mtime_ns)
    {
        changed = true;
        notes.push(format!(
            "{shown}: changed while being loaded; showing what was read, re-read next time"
        ));
    }
    Ok(ReadFile {
        bytes,
        notes,
        changed,
    })
}

/// Reads one file for `warta parse` within the same bounds as a load: the bytes and any
/// note about what was cut, or why it cannot be read.
pub fn read_one(path: &Path, format: Format) -> Result<(Vec<u8>, Vec<String>), SkipReason> {
    let meta = std::fs::metadata(path).map_err(|e| SkipReason::Unreadable(discover::reason(&e)))?;
    let shown = crate::text::escape_path(&path.to_string_lossy()).into_owned();
    let stamp = FileStamp {
        path: shown.clone(),
        size: meta.len(),
        mtime_ns: discover::mtime_ns(&meta),
    };
    match read_bounded(path, &shown, format, &stamp) {
        Ok(read) => Ok((read.bytes, read.notes)),
        Err(Outcome::Rejected(reason) | Outcome::Failed(reason)) => Err(reason),
        Err(Outcome::Parsed(..)) => unreachable!("reading never parses"),
    }
}

/// Whether the parser had to cut a line of these articles.
fn has_cut_lines(articles: &[Article]) -> bool {
    articles.iter().any(|a| {
        a.meta.title.ends_with(LINE_CUT_MARK)
            || a.body
                .body
                .iter()
                .chain(&a.body.boilerplate)
                .any(|p| p.ends_with(LINE_CUT_MARK))
    })
}

/// One article-shaped record from a JSON, JSONL or CSV file, with common field names already
/// mapped (title/judul/headline, body/content/text/isi/isi_berita/main, date/published/tanggal,
/// source/outlet/media, url/link/tautan, author/penulis). Strings are already sanitised.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub title: Option<String>,
    pub body: Option<String>,
    /// The date as written in the record (ISO, `M/D/YYYY HH:MM`, Indonesian...).
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub authors: Vec<String>,
}

/// Whether and where [`load`] keeps its parsed-article cache.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CacheMode {
    /// Parse everything, write nothing.
    #[default]
    Disabled,
    /// Use (and create) the cache under this directory.
    Dir(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadOptions {
    pub cache: CacheMode,
}

/// What [`load`] produced and what it had to leave out.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub corpus: Corpus,
    /// Files found (embedded inputs included).
    pub files_seen: usize,
    /// Files that gave at least one article.
    pub files_loaded: usize,
    /// Skipped files and skipped records, ordered by path.
    pub skipped: Vec<Skipped>,
    /// Problems that did not stop the load (a rebuilt or unwritable cache, duplicate ids, a
    /// file cut at a size limit or changed while it was read).
    pub warnings: Vec<String>,
    /// Files whose articles came from the cache.
    pub cache_hits: usize,
    /// Files that were parsed although a cache was in use.
    pub cache_misses: usize,
    /// Articles whose id another article already has. Both rows are kept: analysts do have
    /// copies of the same article in two files, and hiding one would make a file look empty;
    /// triage state is keyed on the id, so the copies share it, which is what they want.
    pub duplicate_ids: usize,
    /// Bytes of input files read and parsed (not counting the cache).
    pub bytes_read: u64,
    /// Of the files found, those new or changed since the cache was written (every file
    /// without one); never more than `files_seen`.
    pub files_changed: usize,
    /// Files in the cache that were not found any more (deleted, or renamed: the new name
    /// is one of `files_changed`).
    pub files_gone: usize,
    pub elapsed: Duration,
}

impl LoadReport {
    /// `checked 4,061 files: 12 changed, 1,389 gone`: the files found, the changed ones
    /// among them, and apart from them the files the cache had that are gone, so that no
    /// count exceeds the files checked.
    pub fn checked(&self) -> String {
        let mut text = format!(
            "checked {} files: {} changed",
            thousands(self.files_seen as u64),
            thousands(self.files_changed as u64)
        );
        if self.files_gone > 0 {
            text.push_str(&format!(", {} gone", thousands(self.files_gone as u64)));
        }
        text
    }

    /// One line, e.g. `loaded 909 articles from 909 files (3 skipped: 2 binary, 1 empty);
    /// cache: 905 hits, 4 misses`.
    pub fn summary(&self) -> String {
        let mut s = format!(
            "loaded {} articles from {} files",
            self.corpus.len(),
            self.files_loaded
        );
        if !self.skipped.is_empty() {
            let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
            for sk in &self.skipped {
                *kinds.entry(sk.reason.kind()).or_default() += 1;
            }
            let mut kinds: Vec<(&str, usize)> = kinds.into_iter().collect();
            kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let parts: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
            s.push_str(&format!(
                " ({} skipped: {})",
                self.skipped.len(),
                parts.join(", ")
            ));
        }
        if self.cache_hits + self.cache_misses > 0 {
            s.push_str(&format!(
                "; cache: {} hits, {} misses",
                self.cache_hits, self.cache_misses
            ));
        }
        s
    }
}

/// Decodes and parses one file's bytes. A file that is not text, or not its format at all,
/// is `Err`; records that fail inside a good file come back as [`Skipped`] entries named
/// `<path> (record <i>)`, `i` counting from 0 like [`Meta::record`].
pub fn parse_bytes(
    path: &str,
    bytes: &[u8],
    format: Format,
) -> Result<(Vec<Article>, Vec<Skipped>), SkipReason> {
    // Structured formats are decoded without sanitising: a removed control character next
    // to a quote could break the syntax, and their parsers sanitise every field they extract.
    let decoded = match format {
        Format::Txt => decode(bytes).map(Cow::Owned),
        Format::Json | Format::Jsonl | Format::Csv => crate::text::decode_raw(bytes),
    };
    let text = decoded.map_err(|e| match e {
        DecodeError::Empty => SkipReason::Empty,
        DecodeError::Binary => SkipReason::Binary,
    })?;
    let to_article = |i: usize, rec: formats::RecordResult| match rec {
        Ok(rec) => Ok(parse::from_record(&rec, path, Some(i), format)),
        Err(e) => Err(Skipped {
            path: format!("{path} (record {i})"),
            reason: SkipReason::Malformed(e),
        }),
    };
    // One big JSONL or CSV file is common (a whole scrape in one file), so its records are
    // parsed in parallel too; the indexed collect keeps record order.
    let parsed: Vec<Result<Article, Skipped>> = match format {
        Format::Txt => {
            let text = cap_lines(&text);
            return Ok((vec![parse::parse_text(&text, path)], Vec::new()));
        }
        // Each line goes straight to an article on any core: no whole file of intermediate
        // records (as big again as the text) is held, and the JSON is decoded in parallel.
        Format::Jsonl => formats::jsonl_lines(&text)
            .collect::<Vec<_>>()
            .into_par_iter()
            .enumerate()
            .map(|(i, (line_no, line))| to_article(i, formats::parse_jsonl_line(line, line_no)))
            .collect(),
        Format::Json | Format::Csv => {
            let records = match format {
                Format::Json => formats::parse_json(&text),
                _ => formats::parse_csv(&text),
            }
            .map_err(SkipReason::Malformed)?;
            records
                .into_par_iter()
                .enumerate()
                .map(|(i, rec)| to_article(i, rec))
                .collect()
        }
    };
    let mut articles = Vec::with_capacity(parsed.len());
    let mut skipped = Vec::new();
    for p in parsed {
        match p {
            Ok(a) => articles.push(a),
            Err(s) => skipped.push(s),
        }
    }
    Ok((articles, skipped))
}

/// The shape of [`parse_bytes`]: `(source path, file bytes, format)` to articles.
pub type ParseFn =
    dyn Fn(&str, &[u8], Format) -> Result<(Vec<Article>, Vec<Skipped>), SkipReason> + Sync;

/// The parser behind a panic guard: a parser bug must not cost the user the rest of the
/// corpus. `Err(None)` is a panic (the default hook has already reported it on stderr).
fn parse_guarded(
    parse: &ParseFn,
    path: &str,
    bytes: &[u8],
    format: Format,
) -> Result<(Vec<Article>, Vec<Skipped>), Option<SkipReason>> {
    match catch_unwind(AssertUnwindSafe(|| parse(path, bytes, format))) {
        Ok(r) => r.map_err(Some),
        Err(_) => Err(None),
    }
}

fn internal_error() -> SkipReason {
    SkipReason::Malformed("internal parser error".into())
}

/// One file's contribution to the corpus, before the global ordering.
#[derive(Clone)]
struct Unit {
    path: String,
    metas: Vec<Meta>,
    bodies: Vec<PendingBody>,
}

#[derive(Clone)]
enum PendingBody {
    Mem(Arc<Body>),
    /// In the load's body file number `file`.
    Disk {
        file: u32,
        at: u64,
        len: u64,
        h: u64,
    },
}

impl Unit {
    fn from_articles(path: String, articles: Vec<Article>) -> Unit {
        let (metas, bodies) = articles
            .into_iter()
            .map(|a| (a.meta, PendingBody::Mem(Arc::new(a.body))))
            .unzip();
        Unit {
            path,
            metas,
            bodies,
        }
    }

    fn from_fresh(f: FreshFile) -> Unit {
        Unit {
            path: f.stamp.path,
            metas: f.metas,
            bodies: f.bodies.into_iter().map(PendingBody::Mem).collect(),
        }
    }

    /// A copy of a file parsed during this load, for a snapshot.
    fn copy_fresh(f: &FreshFile) -> Unit {
        Unit {
            path: f.stamp.path.clone(),
            metas: f.metas.clone(),
            bodies: f.bodies.iter().cloned().map(PendingBody::Mem).collect(),
        }
    }

    fn from_cached(
        f: CachedFile,
        file: u32,
        new_at: &mut Option<std::slice::Iter<'_, u64>>,
    ) -> Unit {
        let mut metas = Vec::with_capacity(f.articles.len());
        let mut bodies = Vec::with_capacity(f.articles.len());
        for a in f.articles {
            let at = new_at
                .as_mut()
                .and_then(|it| it.next().copied())
                .unwrap_or(a.at);
            bodies.push(PendingBody::Disk {
                file,
                at,
                len: a.len,
                h: a.h,
            });
            metas.push(a.m);
        }
        Unit {
            path: f.path,
            metas,
            bodies,
        }
    }

    /// A copy of a cached file's articles, for a corpus shown before the load is over.
    fn copy_cached(f: &CachedFile, file: u32) -> Unit {
        Unit {
            path: f.path.clone(),
            metas: f.articles.iter().map(|a| a.m.clone()).collect(),
            bodies: f
                .articles
                .iter()
                .map(|a| PendingBody::Disk {
                    file,
                    at: a.at,
                    len: a.len,
                    h: a.h,
                })
                .collect(),
        }
    }
}

/// Orders units (by source path, then record), drops a file reached through two inputs, and
/// joins them into a corpus. Returns the corpus and how many files gave articles.
fn assemble(mut units: Vec<Unit>, files: &[Arc<BodyFile>]) -> (Corpus, usize) {
    // Deterministic order whatever the input order or thread timing.
    units.sort_by(|a, b| a.path.cmp(&b.path));
    units.dedup_by(|b, a| a.path == b.path);
    let mut bodies = LoadedBodies::new();
    for f in files {
        bodies.add_file(Arc::clone(f));
    }
    let mut files_loaded = 0;
    let mut metas = Vec::with_capacity(units.iter().map(|u| u.metas.len()).sum());
    for u in units {
        if !u.metas.is_empty() {
            files_loaded += 1;
        }
        metas.extend(u.metas);
        for b in u.bodies {
            match b {
                PendingBody::Mem(body) => bodies.push_mem(body),
                PendingBody::Disk { file, at, len, h } => bodies.push_disk(file, at, len, h),
            }
        }
    }
    (Corpus::new(metas, Arc::new(bodies)), files_loaded)
}

/// What a load is doing, for a progress line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Phase {
    /// Reading the cache's metadata.
    #[default]
    ReadingCache,
    /// Walking the inputs and looking at every file's size and time.
    Walking,
    /// Reading and parsing new or changed files.
    Parsing,
    /// Writing what was parsed to the cache.
    Saving,
}

/// How far a load has got; counters only grow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    /// Files found by walking so far.
    pub files_seen: usize,
    /// Of those, files that have to be parsed (all of them without a cache).
    pub to_parse: usize,
    /// Files parsed so far (or skipped while trying).
    pub parsed: usize,
    /// Bytes of input read so far.
    pub bytes_read: u64,
    /// Articles parsed so far (not counting those taken from the cache).
    pub articles: usize,
    /// Time since the load started.
    pub elapsed: Duration,
}

impl Progress {
    /// One line for a status bar, e.g. `parsing 34,120/100,000 files · 78 MB/s`.
    pub fn line(&self) -> String {
        match self.phase {
            Phase::ReadingCache => "reading the cache\u{2026}".to_string(),
            Phase::Walking => format!(
                "looking for files\u{2026} {} found",
                thousands(self.files_seen as u64)
            ),
            Phase::Parsing => {
                let secs = self.elapsed.as_secs_f64();
                let mut s = format!(
                    "parsing {}/{} files",
                    thousands(self.parsed as u64),
                    thousands(self.to_parse as u64)
                );
                if secs > 0.2 && self.bytes_read > 0 {
                    s.push_str(&format!(
                        " \u{b7} {:.0} MB/s",
                        self.bytes_read as f64 / 1e6 / secs
                    ));
                }
                s
            }
            Phase::Saving => format!(
                "saving the cache ({} files parsed)\u{2026}",
                thousands(self.parsed as u64)
            ),
        }
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What a staged load ([`load_staged`]) reports while it runs.
#[derive(Debug)]
pub enum LoadEvent {
    Progress(Progress),
    /// A corpus worth showing now; a later one (or the final report's) replaces it. On a
    /// warm start the first is everything the cache holds, before any file was checked
    /// (`cached`); on a cold one, snapshots of what has been parsed so far.
    Corpus {
        corpus: Corpus,
        cached: bool,
    },
}

/// Parse work is handed to the threads in chunks of this many files (or bytes), so that
/// progress and snapshots can be reported between chunks.
const CHUNK_FILES: usize = 512;
const CHUNK_BYTES: u64 = 16 << 20;
/// Progress events are at most this frequent: each one costs the UI a redraw.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);
/// A snapshot of a cold load is handed over at most this often, and only once the corpus
/// has doubled since the last one: each costs a copy of the metadata and a search, so a
/// geometric schedule keeps their total cost a small multiple of one. None is taken past
/// half of the files to parse: the front end holds a snapshot while the load builds the
/// whole corpus, so a late one would nearly double the peak memory of a cold load.
const SNAPSHOT_EVERY: Duration = Duration::from_millis(250);
/// How often a cold load makes what it has written to the cache durable (at most: see
/// `Engine::stream`).
const CHECKPOINT_EVERY: Duration = Duration::from_secs(10);

/// Loads every input into one corpus. Never fails: unreadable files, bad records, a broken
/// cache and even parser panics end up in the report. Articles are ordered by source path,
/// then record index, whatever the thread timing.
pub fn load(inputs: &[Input], opts: &LoadOptions) -> LoadReport {
    load_with(inputs, opts, &parse_bytes)
}

/// [`load`] with another parser: the seam that lets tests and benches drive the loader and
/// the cache with synthetic articles. The cache only knows [`crate::model::PARSER_VERSION`],
/// so give a substitute parser its own cache directory.
pub fn load_with(inputs: &[Input], opts: &LoadOptions, parse: &ParseFn) -> LoadReport {
    Engine::new(parse, None).run(inputs, opts)
}

/// [`load`] for a front end that shows the corpus while it loads. `on` is called on the
/// calling thread with progress and with corpora worth showing before the end:
///
/// - warm start: first everything the cache holds for the inputs, without looking at a
///   single file, then (after walking and checking every file) the returned report's
///   corpus, which is the same corpus (same [`Corpus::identity`]) when nothing changed;
/// - cold start: snapshots of what has been parsed so far, growing, then the report's.
pub fn load_staged(
    inputs: &[Input],
    opts: &LoadOptions,
    on: &mut dyn FnMut(LoadEvent),
) -> LoadReport {
    load_staged_with(inputs, opts, &parse_bytes, on)
}

/// [`load_staged`] with another parser (see [`load_with`]).
pub fn load_staged_with(
    inputs: &[Input],
    opts: &LoadOptions,
    parse: &ParseFn,
    on: &mut dyn FnMut(LoadEvent),
) -> LoadReport {
    Engine::new(parse, Some(on)).run(inputs, opts)
}

/// The state of a staged load's reporting.
struct Stage<'a> {
    on: &'a mut dyn FnMut(LoadEvent),
    progress: Progress,
    last_progress: Option<Instant>,
    /// Snapshots are taken only while nothing better (the cached corpus) has been shown.
    snapshots: bool,
    last_corpus: Option<(Instant, usize)>,
}

struct Engine<'a> {
    parse: &'a ParseFn,
    start: Instant,
    report: LoadReport,
    units: Vec<Unit>,
    /// Body files the units' [`PendingBody::Disk`] entries point into, by number.
    files: Vec<Arc<BodyFile>>,
    cache_write_failed: bool,
    /// Files found changed or new since the cache was written, over all roots.
    changed: usize,
    /// Cached files not found any more, over all roots.
    gone: usize,
    /// A cache was rewritten (even without a changed file: a parser upgrade, a repair).
    rewritten: bool,
    stage: Option<Stage<'a>>,
}

impl<'a> Engine<'a> {
    fn new(parse: &'a ParseFn, on: Option<&'a mut dyn FnMut(LoadEvent)>) -> Engine<'a> {
        Engine {
            parse,
            start: Instant::now(),
            report: LoadReport::default(),
            units: Vec::new(),
            files: Vec::new(),
            cache_write_failed: false,
            changed: 0,
            gone: 0,
            rewritten: false,
            stage: on.map(|on| Stage {
                on,
                progress: Progress::default(),
                last_progress: None,
                snapshots: true,
                last_corpus: None,
            }),
        }
    }

    fn add_file(&mut self, f: Arc<BodyFile>) -> u32 {
        // Registering the same handle twice would only waste a slot; find it instead.
        if let Some(i) = self.files.iter().position(|g| Arc::ptr_eq(g, &f)) {
            return i as u32;
        }
        self.files.push(f);
        (self.files.len() - 1) as u32
    }

    /// Updates the progress counters with `change` and reports them, at most every
    /// [`PROGRESS_EVERY`] unless the phase changed.
    fn progress(&mut self, change: impl FnOnce(&mut Progress)) {
        let elapsed = self.start.elapsed();
        let Some(st) = self.stage.as_mut() else {
            return;
        };
        let phase = st.progress.phase;
        change(&mut st.progress);
        st.progress.elapsed = elapsed;
        let now = Instant::now();
        let due = st
            .last_progress
            .is_none_or(|t| now.duration_since(t) >= PROGRESS_EVERY);
        if due || st.progress.phase != phase {
            st.last_progress = Some(now);
            (st.on)(LoadEvent::Progress(st.progress.clone()));
        }
    }

    fn run(mut self, inputs: &[Input], opts: &LoadOptions) -> LoadReport {
        let cache_dir = match &opts.cache {
            CacheMode::Disabled => None,
            CacheMode::Dir(d) => Some(d.as_path()),
        };
        // Each root is walked by its canonical path, so the cache recognises its files however
        // the root was spelled (`berita`, `./berita/`, an absolute path, a symlink) and every
        // source path shown or opened later is unambiguous.
        let canonical: Vec<Input> = inputs
            .iter()
            .map(|input| match input {
                Input::Path(root) => {
                    Input::Path(std::fs::canonicalize(root).unwrap_or_else(|_| root.clone()))
                }
                other => other.clone(),
            })
            .collect();
        let inputs = canonical.as_slice();
        let mut opened: Vec<Option<RootCache>> = inputs.iter().map(|_| None).collect();
        let mut shown: Option<Corpus> = None;
        if self.stage.is_some()
            && let Some(dir) = cache_dir
        {
            self.progress(|p| p.phase = Phase::ReadingCache);
            for (slot, input) in opened.iter_mut().zip(inputs) {
                if let Input::Path(root) = input {
                    *slot = open_cache(dir, root);
                }
            }
            shown = self.show_cached(&mut opened);
        }

        for (input, cache) in inputs.iter().zip(opened) {
            match input {
                Input::Embedded(name, bytes) => {
                    let path = format!("data/{name}");
                    self.report.files_seen += 1;
                    self.changed += 1;
                    let format = discover::format_for(Path::new(name));
                    match parse_guarded(self.parse, &path, bytes, format) {
                        Ok((articles, skipped)) => {
                            self.report.skipped.extend(skipped);
                            self.units.push(Unit::from_articles(path, articles));
                        }
                        Err(reason) => self.report.skipped.push(Skipped {
                            path,
                            reason: reason.unwrap_or_else(internal_error),
                        }),
                    }
                }
                Input::Path(root) => self.load_root(root, cache_dir, cache),
            }
        }

        let units = std::mem::take(&mut self.units);
        let (corpus, files_loaded) = assemble(units, &self.files);
        let mut report = self.report;
        report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
        report.skipped.dedup();
        report.files_loaded = files_loaded;
        report.files_changed = self.changed;
        report.files_gone = self.gone;
        // Nothing changed since the cached corpus was shown: hand back that very corpus, so
        // the front end knows it has nothing to replace.
        report.corpus = match shown {
            Some(shown) if self.changed == 0 && self.gone == 0 && !self.rewritten => shown,
            _ => corpus,
        };
        let mut seen: HashSet<&str> = HashSet::with_capacity(report.corpus.len());
        report.duplicate_ids = report
            .corpus
            .metas()
            .iter()
            .filter(|m| !seen.insert(m.id.as_str()))
            .count();
        drop(seen);
        if report.duplicate_ids > 0 {
            report.warnings.push(format!(
                "{} articles have the same text as another article (same id); all are listed and \
                 copies share their triage state",
                report.duplicate_ids
            ));
        }
        report.elapsed = self.start.elapsed();
        report
    }

    /// Hands over everything the opened caches hold, before any file is checked. Returns the
    /// corpus shown, if any.
    ///
    /// The cached metadata is moved into that corpus rather than copied (a copy of a million
    /// metas costs more than the first frame's budget), which empties the opened caches: the
    /// check that follows reads them again, off the critical path.
    fn show_cached(&mut self, opened: &mut [Option<RootCache>]) -> Option<Corpus> {
        let mut cached: Vec<(u32, Vec<CachedFile>)> = Vec::new();
        for slot in opened.iter_mut() {
            let Some(mut cache) = slot.take() else {
                continue;
            };
            let Some(body) = cache.body_file() else {
                *slot = Some(cache);
                continue;
            };
            let file = self.add_file(body);
            cached.push((file, cache.drain_files().collect()));
        }
        if cached
            .iter()
            .all(|(_, files)| files.iter().all(|f| f.articles.is_empty()))
        {
            return None;
        }
        let corpus = match cached.as_slice() {
            // The usual case, one cached root: its entries are stored in path order, so
            // they go straight into the corpus, without the per-file units and the sort
            // that merging several roots needs (~0.2 s at 100k articles).
            [(_, files)] if files.windows(2).all(|w| w[0].path < w[1].path) => {
                let (file, files) = cached.pop()?;
                let n = files.iter().map(|f| f.articles.len()).sum();
                let mut metas = Vec::with_capacity(n);
                let mut bodies = LoadedBodies::with_capacity(n);
                for f in &self.files {
                    bodies.add_file(Arc::clone(f));
                }
                for f in files {
                    for a in f.articles {
                        metas.push(a.m);
                        bodies.push_disk(file, a.at, a.len, a.h);
                    }
                }
                Corpus::new(metas, Arc::new(bodies))
            }
            _ => {
                let units = cached
                    .into_iter()
                    .flat_map(|(file, files)| {
                        files
                            .into_iter()
                            .map(move |f| Unit::from_cached(f, file, &mut None))
                    })
                    .collect();
                assemble(units, &self.files).0
            }
        };
        let st = self.stage.as_mut()?;
        st.snapshots = false;
        (st.on)(LoadEvent::Corpus {
            corpus: corpus.clone(),
            cached: true,
        });
        Some(corpus)
    }

    /// Hands over what has been parsed so far, when a snapshot is due.
    fn snapshot(&mut self, kept: &[CachedFile], kept_file: Option<u32>, sink: &Sink) {
        let Some(st) = self.stage.as_ref() else {
            return;
        };
        if !st.snapshots {
            return;
        }
        // The cheap tests first: this runs after every chunk, and counting the articles
        // walks every file parsed so far.
        if let Some((t, _)) = st.last_corpus
            && (t.elapsed() < SNAPSHOT_EVERY || st.progress.parsed * 2 > st.progress.to_parse)
        {
            return;
        }
        let articles = self.units.iter().map(|u| u.metas.len()).sum::<usize>()
            + kept.iter().map(|f| f.articles.len()).sum::<usize>()
            + sink.written.iter().map(|f| f.articles.len()).sum::<usize>()
            + sink.mem.iter().map(|f| f.metas.len()).sum::<usize>();
        let due = match st.last_corpus {
            None => articles > 0,
            Some((_, n)) => articles >= 2 * n,
        };
        if !due {
            return;
        }
        let mut units: Vec<Unit> = self.units.clone();
        if let Some(file) = kept_file {
            units.par_extend(kept.par_iter().map(|f| Unit::copy_cached(f, file)));
        }
        if let Some(file) = sink.file {
            units.par_extend(sink.written.par_iter().map(|f| Unit::copy_cached(f, file)));
        }
        units.par_extend(sink.mem.par_iter().map(Unit::copy_fresh));
        let (corpus, _) = assemble(units, &self.files);
        let elapsed = self.start.elapsed();
        if let Some(st) = self.stage.as_mut() {
            st.last_corpus = Some((Instant::now(), articles));
            // The counters that go with this corpus, whatever the progress throttle says.
            st.progress.elapsed = elapsed;
            st.last_progress = Some(Instant::now());
            (st.on)(LoadEvent::Progress(st.progress.clone()));
            (st.on)(LoadEvent::Corpus {
                corpus,
                cached: false,
            });
        }
    }

    fn load_root(&mut self, root: &Path, cache_dir: Option<&Path>, opened: Option<RootCache>) {
        self.progress(|p| p.phase = Phase::Walking);
        // The walk spends most of its time waiting on one folder after another, so the
        // cache is decoded beside it rather than after it.
        // The cache and data directories may live inside the corpus: their files are not
        // articles (the cache's bodies are JSON lines, and would come back every start).
        let own = crate::own_dirs::OwnDirs::new(
            cache_dir
                .map(Path::to_path_buf)
                .into_iter()
                .chain(crate::triage::default_data_dir()),
        );
        let ((entries, skips), mut cache) = rayon::join(
            || discover::discover_skipping(&[root.to_path_buf()], &own),
            || opened.or_else(|| cache_dir.and_then(|d| open_cache(d, root))),
        );
        self.report.skipped.extend(skips);
        self.report.files_seen += entries.len();
        if let Some(c) = &cache
            && let Some(why) = &c.problem
        {
            self.report.warnings.push(format!(
                "cache at {} was corrupt ({why}); rebuilt",
                c.dir().display()
            ));
        }
        let kept_file = cache
            .as_ref()
            .and_then(RootCache::body_file)
            .map(|f| self.add_file(f));

        let mut kept: Vec<CachedFile> = Vec::new();
        let mut misses: Vec<Miss> = Vec::new();
        for e in entries {
            // The path is shown (list, detail, skip lines), so it is made display-safe here,
            // once. An escaped or lossy name could collide with a real one in the cache, so
            // such files are re-read every time instead.
            let lossy = e.path.to_string_lossy();
            let shown = crate::text::escape_path(&lossy);
            let cacheable = e.path.to_str().is_some() && matches!(shown, Cow::Borrowed(_));
            let stamp = FileStamp {
                path: shown.into_owned(),
                size: e.size,
                mtime_ns: e.mtime_ns,
            };
            if cacheable
                && let Some(c) = cache.as_mut()
                && let Some(hit) = c.take(&stamp)
            {
                kept.push(hit);
                continue;
            }
            let format = discover::format_for(&e.path);
            misses.push(Miss {
                stamp,
                path: e.path,
                format,
                cacheable,
            });
        }
        if cache.is_some() {
            self.report.cache_hits += kept.len();
            self.report.cache_misses += misses.len();
        }
        // What is left in the cache after every file found took its entry has vanished. Kept
        // apart from the changed files: a file renamed is one of each, and a folder emptied
        // would otherwise report more files changed than there are files.
        self.changed += misses.len();
        self.gone += cache.as_ref().map_or(0, |c| c.files().count());
        let (seen, to_parse) = (self.report.files_seen, misses.len());
        self.progress(|p| {
            p.phase = Phase::Parsing;
            p.files_seen = seen;
            p.to_parse += to_parse;
        });

        let mut sink = Sink {
            cache,
            writer: None,
            file: None,
            off: false,
            written: Vec::new(),
            mem: Vec::new(),
            checkpointed: Instant::now(),
            checkpoint_cost: Duration::ZERO,
        };
        let mut misses = misses.into_iter().peekable();
        loop {
            let mut chunk = Vec::new();
            let mut chunk_bytes = 0;
            while let Some(m) =
                misses.next_if(|_| chunk.len() < CHUNK_FILES && chunk_bytes < CHUNK_BYTES)
            {
                chunk_bytes += m.stamp.size;
                chunk.push(m);
            }
            if chunk.is_empty() {
                break;
            }
            let parse = self.parse;
            let parsed: Vec<(Miss, Outcome, u64, Vec<String>)> = chunk
                .into_par_iter()
                .map(|m| parse_miss(parse, m))
                .collect();
            let (mut files, mut bytes, mut articles) = (0, 0, 0);
            let mut fresh: Vec<FreshFile> = Vec::new();
            for (m, outcome, n, notes) in parsed {
                files += 1;
                bytes += n;
                self.report.bytes_read += n;
                match outcome {
                    Outcome::Parsed(list, skipped) if m.cacheable => {
                        articles += list.len();
                        let (metas, bodies) =
                            list.into_iter().map(|a| (a.meta, Arc::new(a.body))).unzip();
                        fresh.push(FreshFile {
                            stamp: m.stamp,
                            metas,
                            bodies,
                            skipped,
                            notes,
                        });
                    }
                    Outcome::Parsed(list, skipped) => {
                        articles += list.len();
                        self.report.warnings.extend(notes);
                        self.report.skipped.extend(skipped);
                        self.units.push(Unit::from_articles(m.stamp.path, list));
                    }
                    Outcome::Rejected(reason) if m.cacheable => {
                        let skipped = vec![Skipped {
                            path: m.stamp.path.clone(),
                            reason,
                        }];
                        fresh.push(FreshFile {
                            stamp: m.stamp,
                            metas: Vec::new(),
                            bodies: Vec::new(),
                            skipped,
                            notes,
                        });
                    }
                    Outcome::Rejected(reason) | Outcome::Failed(reason) => {
                        self.report.skipped.push(Skipped {
                            path: m.stamp.path,
                            reason,
                        });
                    }
                }
            }
            self.stream(&mut sink, &kept, fresh);
            self.progress(|p| {
                p.parsed += files;
                p.bytes_read += bytes;
                p.articles += articles;
            });
            self.snapshot(&kept, kept_file, &sink);
        }
        // The root's final counts, whatever the throttle let through.
        if let Some(st) = self.stage.as_mut() {
            st.last_progress = None;
        }
        self.progress(|_| {});
        self.store(sink, kept, kept_file);
    }

    /// Sends a chunk of freshly parsed files to the root's cache: their bodies are written
    /// now, so only their metadata stays in memory. Without a cache, or once writing it
    /// has failed, they are kept in memory instead.
    fn stream(&mut self, sink: &mut Sink, kept: &[CachedFile], fresh: Vec<FreshFile>) {
        if fresh.is_empty() {
            return;
        }
        if sink.writer.is_none() && !sink.off {
            match sink.cache.as_mut().map(|c| c.begin(kept)) {
                Some(Ok(w)) => {
                    sink.file = Some(self.add_file(w.body_file()));
                    sink.checkpointed = Instant::now();
                    sink.writer = Some(w);
                }
                Some(Err(e)) => self.write_failed(sink, &e),
                None => sink.off = true,
            }
        }
        let Some(w) = sink.writer.as_mut() else {
            sink.mem.extend(fresh);
            return;
        };
        let result = match w.append(&fresh) {
            Ok(written) => {
                sink.written.extend(written);
                // A load stopped after a checkpoint (a quit, a crash) keeps what it has
                // parsed. Each checkpoint rewrites the whole meta file, so they are spaced
                // to cost at most a tenth of the load.
                let every = CHECKPOINT_EVERY.max(sink.checkpoint_cost * 10);
                if sink.checkpointed.elapsed() < every {
                    return;
                }
                let t = Instant::now();
                let result = w.checkpoint(kept, &sink.written);
                sink.checkpoint_cost = t.elapsed();
                sink.checkpointed = Instant::now();
                result
            }
            Err(e) => {
                sink.mem.extend(fresh);
                Err(e)
            }
        };
        if let Err(e) = result {
            self.write_failed(sink, &e);
        }
    }

    /// Stops writing the root's cache after `e`, warning once per load. What was written
    /// stays readable through the body file's handle; later files stay in memory.
    fn write_failed(&mut self, sink: &mut Sink, e: &std::io::Error) {
        sink.writer = None;
        sink.off = true;
        if !self.cache_write_failed {
            let dir = sink.cache.as_ref().map(|c| c.dir().display().to_string());
            self.report.warnings.push(format!(
                "cannot write the cache at {}: {e}; continuing without it",
                dir.unwrap_or_default()
            ));
            self.cache_write_failed = true;
        }
    }

    /// Finishes the root's cache and turns its files into units pointing at their bodies.
    fn store(&mut self, mut sink: Sink, kept: Vec<CachedFile>, kept_file: Option<u32>) {
        let stored = match (sink.writer.take(), sink.cache.as_mut()) {
            (Some(w), _) => {
                self.progress(|p| p.phase = Phase::Saving);
                w.finish(&kept, &sink.written).map(Some)
            }
            // Nothing parsed to write, but deleted files or a parser upgrade may still call
            // for a rewrite.
            (None, Some(cache)) if !sink.off => cache.store(&kept, &[]),
            _ => Ok(None),
        };
        match stored {
            Ok(Some(s)) => {
                self.rewritten = true;
                let file = self.add_file(s.body);
                let mut new_at = s.kept_at.as_deref().map(|v| v.iter());
                for f in kept {
                    self.cached_unit(f, file, &mut new_at);
                }
            }
            result => {
                if let Err(e) = result {
                    self.write_failed(&mut sink, &e);
                }
                // The meta file was not replaced: hits read the existing body file (intact
                // even after a failed write).
                if let Some(file) = kept_file {
                    for f in kept {
                        self.cached_unit(f, file, &mut None);
                    }
                }
            }
        }
        // Written files point into the writer's body file, whether or not the meta file
        // that names them was replaced (`finish` hands back that same file).
        if let Some(file) = sink.file {
            for f in sink.written {
                self.cached_unit(f, file, &mut None);
            }
        }
        for f in sink.mem {
            self.report.skipped.extend(f.skipped.iter().cloned());
            self.report.warnings.extend(f.notes.iter().cloned());
            self.units.push(Unit::from_fresh(f));
        }
    }

    fn cached_unit(
        &mut self,
        f: CachedFile,
        file: u32,
        new_at: &mut Option<std::slice::Iter<'_, u64>>,
    ) {
        self.report
            .skipped
            .extend(f.skipped.iter().map(|s| s.to_skipped()));
        self.report.warnings.extend(f.notes.iter().cloned());
        self.units.push(Unit::from_cached(f, file, new_at));
    }
}

/// The cache of `root` under `dir`; `None` when the root cannot be resolved.
fn open_cache(dir: &Path, root: &Path) -> Option<RootCache> {
    let canonical = std::fs::canonicalize(root).ok()?;
    Some(RootCache::open(dir, &canonical))
}

/// Reads and parses one file that the cache could not provide.
fn parse_miss(parse: &ParseFn, mut m: Miss) -> (Miss, Outcome, u64, Vec<String>) {
    let (outcome, n, notes) = match read_bounded(&m.path, &m.stamp.path, m.format, &m.stamp) {
        Err(o) => (o, 0, Vec::new()),
        Ok(read) => {
            let n = read.bytes.len() as u64;
            let mut notes = read.notes;
            if read.changed {
                m.cacheable = false;
            }
            let o = match parse_guarded(parse, &m.stamp.path, &read.bytes, m.format) {
                Ok((a, s)) => {
                    if has_cut_lines(&a) {
                        notes.push(format!(
                            "{}: lines longer than {} were cut",
                            m.stamp.path,
                            human_bytes(MAX_LINE_BYTES as u64)
                        ));
                    }
                    Outcome::Parsed(a, s)
                }
                Err(Some(r)) => Outcome::Rejected(r),
                Err(None) => Outcome::Failed(internal_error()),
            };
            (o, n, notes)
        }
    };
    (m, outcome, n, notes)
}

/// Where a root's freshly parsed files go during a load.
struct Sink {
    cache: Option<RootCache>,
    /// The cache write in progress, started at the first file to write.
    writer: Option<Writer>,
    /// The number of the writer's body file in the load's list: what `written` points
    /// into, readable even after the writer failed.
    file: Option<u32>,
    /// No more writing: there is no cache, or writing it failed.
    off: bool,
    /// Files whose bodies are in the cache's body file.
    written: Vec<CachedFile>,
    /// Files whose bodies are in memory.
    mem: Vec<FreshFile>,
    checkpointed: Instant,
    checkpoint_cost: Duration,
}

/// A file found under a root that has to be read and parsed.
struct Miss {
    stamp: FileStamp,
    path: PathBuf,
    format: Format,
    /// False for paths that are not UTF-8: their lossy name could collide in the cache.
    cacheable: bool,
}

enum Outcome {
    Parsed(Vec<Article>, Vec<Skipped>),
    /// A skip decided by the content (empty, binary, malformed), worth caching.
    Rejected(SkipReason),
    /// A skip that may not last (I/O error, parser panic): not cached.
    Failed(SkipReason),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_points_never_split_a_character() {
        // Short enough: whole.
        assert_eq!(cut_point(b"abc", 10), 3);
        // A line break in the second half wins.
        assert_eq!(cut_point(b"aaaaaa\nbbbbbb", 10), 7);
        // No line break: back off to a UTF-8 boundary ("\u{65e5}" is three bytes).
        let s = "aaaaaaaa\u{65e5}\u{65e5}".as_bytes();
        assert_eq!(cut_point(s, 10), 8);
        assert_eq!(cut_point(s, 11), 11);
        assert!(std::str::from_utf8(&s[..cut_point(s, 9)]).is_ok());
        // UTF-16: an even length.
        assert_eq!(cut_point(b"\xff\xfea\0b\0c\0", 5), 4);
    }

    #[test]
    fn byte_sizes_read_naturally() {
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_bytes(256 << 10), "256 KiB");
        assert_eq!(human_bytes(3 << 19), "1.5 MiB");
        assert_eq!(human_bytes(100 << 20), "100 MiB");
        assert_eq!(human_bytes((1 << 30) + 1), "1 GiB");
    }
}
