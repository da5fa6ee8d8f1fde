//! The quick answer of `warta search` and `warta list`: for a query that reads no more of an
//! article than its headline (id, title, outlet, date) and its words, and a root whose
//! headline snapshot ([`crate::cache::headlines`]) says its files are unchanged, the corpus
//! comes from the snapshot and the words from the text index, and the metadata cache is not
//! decoded at all.
//!
//! The snapshot is mapped, not read: the search sees articles with only the strings its
//! query reads (often none: words come from the index, order from stored dates and ranks),
//! and only the rows printed are decoded in full. The check that the files are unchanged
//! (a stat of every folder the snapshot names and of the files that were young when it was
//! written, or of every file with [`Check::Files`]; see [`Headlines::unchanged`]) is
//! most of a quick answer's work, so it starts first, as soon as the snapshot is mapped,
//! and everything else (the snapshot's checksum, its articles, the text index, the search,
//! the printed rows) is done beside it; the answer is given only once it agrees. Anything else (no usable
//! snapshot, a file changed, added, removed or renamed, an index that does not cover the
//! corpus exactly, an index that fails to answer) takes the full load, which then writes
//! the snapshot again from a walk made before it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

pub use crate::cache::headlines::Check;
use crate::cache::headlines::{self, FolderStamp, Headlines, Needs};
use crate::corpus::Corpus;
use crate::index::{IndexStore, IndexView};
use crate::loader::discover::FileEntry;
use crate::loader::{CacheMode, LoadReport};
use crate::query::{Hit, Query, Sort, TextHit, TextIndex, TextQuery};

/// Why there is no quick answer: what to write the next snapshot from after the full load
/// (a walk made before it, when there is one), and a warning when a snapshot that was there
/// could not be used.
pub struct Fallback {
    pub walked: Option<Walked>,
    pub warning: Option<String>,
}

impl Fallback {
    /// The full load, with no snapshot to write after it.
    pub fn none() -> Fallback {
        Fallback {
            walked: None,
            warning: None,
        }
    }
}

/// A walk of a root made before loading it, to write its snapshot from.
pub struct Walked {
    root_dir: PathBuf,
    root: PathBuf,
    walk: Vec<FileEntry>,
    folders: Vec<FolderStamp>,
}

/// A quick answer: the printed rows only (hits numbered from 0 in their order), and what a
/// full load would have said for the summary line.
pub struct Answer {
    pub rows: Corpus,
    pub hits: Vec<Hit>,
    pub report: LoadReport,
}

/// Answers `query` in `sort` order over `paths` from the root's headline snapshot, when its
/// files turn out unchanged (as far as `check` looks): runs `search` over the snapshot's articles while the check
/// that they are unchanged runs beside it (and beside opening the snapshot's articles and
/// text index: the check is most of a quick answer's work, so it starts first), keeps the
/// first `limit` hits and decodes their rows. Only one root with a cache qualifies (the
/// snapshot and the index are per root), and only queries that
/// [`Query::reads_headlines_only`]. `Err` when the full load must answer: no usable
/// snapshot, the files changed, or the text index is incomplete or declined a word.
pub fn answer(
    paths: &[PathBuf],
    cache: &CacheMode,
    query: &Query,
    sort: Sort,
    search: impl FnOnce(&Corpus, Option<&dyn TextIndex>) -> Vec<Hit> + Send,
    limit: Option<usize>,
    check: Check,
) -> Result<Answer, Fallback> {
    let (CacheMode::Dir(cache_dir), [path]) = (cache, paths) else {
        return Err(Fallback::none());
    };
    if !query.reads_headlines_only() {
        return Err(Fallback::none());
    }
    // Canonical, as the loader walks it and keys its cache.
    let Ok(root) = std::fs::canonicalize(path) else {
        return Err(Fallback::none());
    };
    let root_dir = crate::cache::root_dir(cache_dir, &root);
    let fallback = |warning: Option<String>| Fallback {
        walked: walk(root_dir.clone(), root.clone(), cache_dir),
        warning,
    };
    let unusable = |why: String| {
        let warning = format!("headline snapshot not used ({why}); loading in full");
        log::warn!("{}: {warning}", root_dir.display());
        fallback(Some(warning))
    };
    let snapshot = match Headlines::open_unverified(&root_dir, &root) {
        Ok(Some(s)) => s,
        Ok(None) => return Err(fallback(None)),
        Err(why) => return Err(unusable(why)),
    };
    let stop = AtomicBool::new(false);
    let (unchanged, found) = rayon::join(
        || snapshot.unchanged_unless(check, &stop),
        || {
            let found = match snapshot.verify() {
                Ok(()) => search_snapshot(&snapshot, &root_dir, query, sort, search, limit),
                Err(why) => Err(Some(why)),
            };
            if found.is_err() {
                stop.store(true, Ordering::Relaxed);
            }
            found
        },
    );
    finish(&snapshot, unchanged, found, &root_dir, fallback, unusable)
}

/// The answer, once the search found one and the check agrees that the files are those
/// the snapshot was made from.
fn finish(
    snapshot: &Headlines,
    unchanged: bool,
    found: Result<Found, Option<String>>,
    root_dir: &Path,
    fallback: impl FnOnce(Option<String>) -> Fallback,
    unusable: impl FnOnce(String) -> Fallback,
) -> Result<Answer, Fallback> {
    let Found { corpus, rows, hits } = match found {
        Ok(found) => found,
        Err(Some(why)) => return Err(unusable(why)),
        Err(None) => return Err(fallback(None)),
    };
    if !unchanged {
        return Err(fallback(None));
    }
    log::debug!(
        "{}: answered from the headline snapshot",
        root_dir.display()
    );
    let (files, sources) = snapshot.file_counts();
    let report = LoadReport {
        files_seen: files,
        files_loaded: sources,
        cache_hits: files,
        corpus,
        ..LoadReport::default()
    };
    Ok(Answer { rows, hits, report })
}

/// What a search of the snapshot found: its articles (with only the strings the search
/// read), the first hits' rows, and those hits numbered in `rows`.
struct Found {
    corpus: Corpus,
    rows: Corpus,
    hits: Vec<Hit>,
}

/// The first `limit` hits of `search` over the snapshot's articles, with the strings
/// `query` and `sort` read and the root's text index when the query has words, and their
/// rows. `Err` when the text index cannot answer for the snapshot, or the snapshot is
/// damaged.
fn search_snapshot(
    snapshot: &Headlines,
    root_dir: &Path,
    query: &Query,
    sort: Sort,
    search: impl FnOnce(&Corpus, Option<&dyn TextIndex>) -> Vec<Hit>,
    limit: Option<usize>,
) -> Result<Found, Option<String>> {
    let (id, title, outlet) = query.reads_strings();
    let needs = Needs {
        id,
        title: title || sort == Sort::Title,
        outlet: outlet || sort == Sort::Outlet,
        file: false,
    };
    let (corpus, text) = rayon::join(
        || snapshot.corpus(needs),
        || {
            if query.has_words() {
                complete_index(root_dir, snapshot).map(Some)
            } else {
                Some(None)
            }
        },
    );
    let (Some(corpus), Some(text)) = (corpus, text) else {
        return Err(None);
    };
    let watched = text.as_ref().map(Watched::new);
    let mut hits = search(&corpus, watched.as_ref().map(|w| w as &dyn TextIndex));
    // Without bodies a search the index declined would have scanned nothing.
    if watched.as_ref().is_some_and(Watched::declined) {
        return Err(None);
    }
    if let Some(n) = limit {
        hits.truncate(n);
    }
    // Decoded before the files are known to be unchanged: beside their check, not after.
    let rows = snapshot.rows(hits.iter().map(|h| h.index)).ok_or(None)?;
    let hits = hits
        .iter()
        .enumerate()
        .map(|(index, h)| Hit {
            index,
            score: h.score,
        })
        .collect();
    Ok(Found { corpus, rows, hits })
}

/// A walk of `root` with its folders' stamps, when it found nothing to skip (skips are
/// reported by full loads, which a snapshot would silence).
fn walk(root_dir: PathBuf, root: PathBuf, cache_dir: &Path) -> Option<Walked> {
    let started = SystemTime::now();
    let (walk, skipped, folders) = crate::loader::walk_root_with_folders(&root, Some(cache_dir));
    skipped.is_empty().then(|| Walked {
        root_dir,
        root,
        walk,
        folders: headlines::stamp_folders(folders, started),
    })
}

/// The root's text index when it holds exactly the snapshot's articles (every one, and no
/// other live document, so its word statistics are those a sync would leave). A warning on
/// opening (a rebuilt index) is left for the full load to give.
fn complete_index(root_dir: &Path, snapshot: &Headlines) -> Option<IndexView> {
    let (store, warning) = IndexStore::open(root_dir).ok()?;
    if warning.is_some() {
        return None;
    }
    let view = store.view_keys(&snapshot.keys()?, snapshot.len()).ok()?;
    (view.complete() && view.docs() == snapshot.len() as u64).then_some(view)
}

/// Writes the snapshot of a root loaded in full, when the load had nothing to report (its
/// skips and warnings are said by full loads only). A failure costs only speed.
pub fn remember(walked: Walked, report: &LoadReport) {
    if !report.skipped.is_empty() || !report.warnings.is_empty() {
        return;
    }
    let walk: Vec<headlines::Stamp<'_>> = walked
        .walk
        .iter()
        .map(|e| (e.path.as_path(), e.size, e.mtime_ns))
        .collect();
    if let Err(e) = headlines::write(
        &walked.root_dir,
        &walked.root,
        &walked.folders,
        &walk,
        &report.corpus,
        &crate::index::article_key,
    ) {
        log::info!(
            "{}: headline snapshot not written: {e}",
            walked.root_dir.display()
        );
    }
}

/// A text index that remembers whether it ever declined to answer: a search over a snapshot
/// has no bodies to scan instead, so its answer is then thrown away for a full load's.
pub struct Watched<'a> {
    view: &'a IndexView,
    declined: AtomicBool,
}

impl<'a> Watched<'a> {
    pub fn new(view: &'a IndexView) -> Watched<'a> {
        Watched {
            view,
            declined: AtomicBool::new(false),
        }
    }

    pub fn declined(&self) -> bool {
        self.declined.load(Ordering::SeqCst)
    }
}

impl TextIndex for Watched<'_> {
    fn find(&self, query: &TextQuery) -> Option<Vec<TextHit>> {
        let found = self.view.find(query);
        if found.is_none() {
            self.declined.store(true, Ordering::SeqCst);
        }
        found
    }
}
