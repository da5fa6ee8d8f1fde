//! Turning files and directories into a [`Corpus`]: discovery, decoding, format dispatch,
//! parallel parsing and the parsed-article cache.
//!
//! [`discover`] finds the files, [`read`] reads each within its limits, [`formats`] splits
//! JSON, JSONL and CSV into records, [`parse`] turns text into an article, [`engine`] runs
//! all of it on every core against the cache and streams the bodies into it, [`report`] is
//! what a load says, and [`patch`] re-reads only the files a watcher named.

pub mod discover;
mod engine;
mod file_day;
pub mod formats;
pub mod parse;
pub mod patch;
mod read;
mod report;
pub mod years;

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

use engine::*;
pub use engine::{walk_root, walk_root_with_folders};
use read::*;
pub use read::{
    LINE_CUT_MARK, MAX_ARTICLE_BYTES, MAX_LINE_BYTES, MAX_STRUCTURED_BYTES, cap_lines, read_one,
};
pub use report::{LoadEvent, LoadReport, Phase, Progress, thousands};

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
    /// The record's other fields (a JSON object's keys warta does not map, such as the
    /// dataset's own `id` or `category`), kept so exports can be joined back to the source.
    pub source_fields: Option<serde_json::Map<String, serde_json::Value>>,
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
        Format::Jsonl => {
            let counter = engine::parse_counter();
            formats::jsonl_lines(&text)
                .collect::<Vec<_>>()
                .into_par_iter()
                .enumerate()
                .map(|(i, (line_no, line))| {
                    if let Some(c) = &counter {
                        c.fetch_add(line.len() as u64 + 1, std::sync::atomic::Ordering::Relaxed);
                    }
                    to_article(i, formats::parse_jsonl_line(line, line_no))
                })
                .collect()
        }
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

/// Dates freshly parsed articles with their file's modification time (nanoseconds since the
/// epoch, UTC): see [`parse::settle_date`].
pub fn date_by_file(articles: &mut [Article], mtime_ns: i128) {
    let days = mtime_ns.div_euclid(86_400 * 1_000_000_000);
    let Some(file) = i64::try_from(days)
        .ok()
        .and_then(crate::model::Date::from_days)
    else {
        return;
    };
    for a in articles {
        parse::settle_date(a, file);
    }
}

/// The shape of [`parse_bytes`]: `(source path, file bytes, format)` to articles.
pub type ParseFn =
    dyn Fn(&str, &[u8], Format) -> Result<(Vec<Article>, Vec<Skipped>), SkipReason> + Sync;

thread_local! {
    static GUARDED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether this thread is inside the parser's panic guard: a panic here is caught and
/// logged, and the article skipped, so a panic hook must not treat it as the end of the
/// program (the browser's hook would otherwise restore the terminal under a running app).
pub fn panic_is_caught_here() -> bool {
    GUARDED.with(std::cell::Cell::get)
}

/// The parser behind a panic guard: a parser bug must not cost the user the rest of the
/// corpus. `Err(None)` is a panic (logged; the skip line names the file).
fn parse_guarded(
    parse: &ParseFn,
    path: &str,
    bytes: &[u8],
    format: Format,
) -> Result<(Vec<Article>, Vec<Skipped>), Option<SkipReason>> {
    struct Guard(bool);
    impl Drop for Guard {
        fn drop(&mut self) {
            GUARDED.with(|g| g.set(self.0));
        }
    }
    let _guard = Guard(GUARDED.with(|g| g.replace(true)));
    match catch_unwind(AssertUnwindSafe(|| parse(path, bytes, format))) {
        Ok(r) => r.map_err(Some),
        Err(panic) => {
            // The hook's message may have gone to a screen the browser then redrew.
            let why = panic
                .downcast_ref::<&str>()
                .copied()
                .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
                .unwrap_or("no message");
            log::error!("the parser failed on {path}: {why}");
            Err(None)
        }
    }
}

fn internal_error() -> SkipReason {
    SkipReason::Malformed("internal parser error".into())
}

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

/// [`load`] that reports its progress to `on` (on the calling thread, a few times a
/// second) and nothing else: no corpus is assembled before the end, as a front end that only
/// shows how far along the load is (the command line) has no use for one.
pub fn load_with_progress(
    inputs: &[Input],
    opts: &LoadOptions,
    on: &mut dyn FnMut(LoadEvent),
) -> LoadReport {
    let mut engine = Engine::new(&parse_bytes, Some(on));
    engine.no_snapshots();
    engine.run(inputs, opts)
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
