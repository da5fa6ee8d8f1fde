//! The quick answer of `warta search` and `warta list`: for a query that reads no more of an
//! article than its headline (id, title, outlet, date) and its words, and a root whose
//! headline snapshot ([`crate::cache::headlines`]) matches a fresh walk of its files, the
//! corpus comes from the snapshot and the words from the text index, and the metadata cache
//! is not decoded at all.
//!
//! The walk is the check a full load makes before trusting its cache (every file's size and
//! modification time), run beside the snapshot's decoding and the index's opening; the answer
//! is given only once the walk agrees with the snapshot. Anything else (no snapshot, a file
//! changed, added or removed, a file the walk skips, an index that does not cover the corpus
//! exactly, an index that fails to answer) takes the full load, which then writes the
//! snapshot again from a walk made before it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::cache::headlines::{self, Headlines};
use crate::corpus::Corpus;
use crate::index::{IndexStore, IndexView};
use crate::loader::discover::FileEntry;
use crate::loader::{CacheMode, LoadReport};
use crate::query::{Query, TextHit, TextIndex, TextQuery};

/// What a command does before searching.
pub enum Prepared {
    /// The snapshot matches the files: search this corpus (and index, for word terms).
    Fresh {
        corpus: Corpus,
        text: Option<IndexView>,
        /// What a full load would have said (files and cache hits) for the summary line.
        report: LoadReport,
    },
    /// Load in full; afterwards [`remember`] the walk, when there is one.
    Load(Option<Walked>),
}

/// A walk of a root made before loading it, to write its snapshot from.
pub struct Walked {
    root_dir: PathBuf,
    root: PathBuf,
    walk: Vec<FileEntry>,
}

/// Looks for a quick answer to `query` over `paths`. Only one root with a cache qualifies
/// (the snapshot and the index are per root), and only queries that
/// [`Query::reads_headlines_only`].
pub fn prepare(paths: &[PathBuf], cache: &CacheMode, query: &Query) -> Prepared {
    let (CacheMode::Dir(cache_dir), [path]) = (cache, paths) else {
        return Prepared::Load(None);
    };
    if !query.reads_headlines_only() {
        return Prepared::Load(None);
    }
    // Canonical, as the loader walks it and keys its cache.
    let Ok(root) = std::fs::canonicalize(path) else {
        return Prepared::Load(None);
    };
    let root_dir = crate::cache::root_dir(cache_dir, &root);
    let walk = || crate::loader::walk_root(&root, Some(cache_dir));
    let Some(snapshot) = Headlines::read(&root_dir, &root) else {
        let (walk, skipped) = walk();
        return Prepared::Load(skipped.is_empty().then_some(Walked {
            root_dir,
            root,
            walk,
        }));
    };
    let ((walk, skipped), answer) = rayon::join(walk, || {
        let corpus = snapshot.corpus()?;
        let text = if query.has_words() {
            Some(complete_index(&root_dir, &corpus)?)
        } else {
            None
        };
        Some((corpus, text))
    });
    if !skipped.is_empty() {
        // Skips are reported by a full load.
        return Prepared::Load(None);
    }
    match answer {
        Some((corpus, text)) if snapshot.matches(stamps(&walk)) => {
            let report = LoadReport {
                files_seen: walk.len(),
                files_loaded: corpus
                    .metas()
                    .chunk_by(|a, b| a.source_path == b.source_path)
                    .count(),
                cache_hits: walk.len(),
                corpus: corpus.clone(),
                ..LoadReport::default()
            };
            Prepared::Fresh {
                corpus,
                text,
                report,
            }
        }
        _ => Prepared::Load(Some(Walked {
            root_dir,
            root,
            walk,
        })),
    }
}

/// The root's text index when it holds exactly the corpus's articles (every one, and no
/// other live document, so its word statistics are those a sync would leave). A warning on
/// opening (a rebuilt index) is left for the full load to give.
fn complete_index(root_dir: &Path, corpus: &Corpus) -> Option<IndexView> {
    let (store, warning) = IndexStore::open(root_dir).ok()?;
    if warning.is_some() {
        return None;
    }
    let view = store.view(corpus).ok()?;
    (view.complete() && view.docs() == corpus.len() as u64).then_some(view)
}

/// Writes the snapshot of a root loaded in full, when the load had nothing to report (its
/// skips and warnings are said by full loads only). A failure costs only speed.
pub fn remember(walked: Walked, report: &LoadReport) {
    if !report.skipped.is_empty() || !report.warnings.is_empty() {
        return;
    }
    if let Err(e) = headlines::write(
        &walked.root_dir,
        &walked.root,
        stamps(&walked.walk),
        &report.corpus,
    ) {
        log::info!(
            "{}: headline snapshot not written: {e}",
            walked.root_dir.display()
        );
    }
}

fn stamps(walk: &[FileEntry]) -> impl ExactSizeIterator<Item = headlines::Stamp<'_>> {
    walk.iter().map(|e| (e.path.as_path(), e.size, e.mtime_ns))
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
