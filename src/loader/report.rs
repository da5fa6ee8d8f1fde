//! What a load says: its report (articles, skipped files, cache use, time) and the progress
//! events a front end shows while it runs.

use super::*;
pub use crate::skip::{count, thousands};

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
            "checked {}: {} changed",
            count(self.files_seen as u64, "file", "files"),
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
            "loaded {} from {}",
            count(self.corpus.len() as u64, "article", "articles"),
            count(self.files_loaded as u64, "file", "files")
        );
        if !self.skipped.is_empty() {
            let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
            for sk in &self.skipped {
                *kinds.entry(sk.reason.kind()).or_default() += 1;
            }
            let mut kinds: Vec<(&str, usize)> = kinds.into_iter().collect();
            kinds.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let parts: Vec<String> = kinds
                .iter()
                .map(|(k, n)| format!("{} {k}", thousands(*n as u64)))
                .collect();
            s.push_str(&format!(
                " ({} skipped: {})",
                thousands(self.skipped.len() as u64),
                parts.join(", ")
            ));
        }
        if self.cache_hits + self.cache_misses > 0 {
            s.push_str(&format!(
                "; cache: {}, {}",
                count(self.cache_hits as u64, "hit", "hits"),
                count(self.cache_misses as u64, "miss", "misses")
            ));
        }
        s
    }
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
    /// Bytes of the files to parse, all told.
    pub bytes_to_parse: u64,
    /// Bytes that the files being parsed right now have got through (one big JSONL file
    /// is a whole load's work: this is how far into it the load is).
    pub bytes_in_flight: u64,
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
                // Bytes say how far a few big files are, which a file count cannot.
                let done = (self.bytes_read + self.bytes_in_flight).min(self.bytes_to_parse);
                if self.bytes_to_parse >= 1_000_000 && self.parsed < self.to_parse {
                    s.push_str(&format!(
                        " \u{b7} {} of {} MB",
                        thousands(done / 1_000_000),
                        thousands(self.bytes_to_parse.div_ceil(1_000_000))
                    ));
                }
                let done = self.bytes_read + self.bytes_in_flight;
                if secs > 0.2 && done > 0 {
                    s.push_str(&format!(" \u{b7} {:.0} MB/s", done as f64 / 1e6 / secs));
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
