//! Reloading only the files a watcher says changed.
//!
//! A full reload walks every input and checks every file against the cache: ~0.8 s at 100k
//! files even when one file is new. When the watcher can name the paths that changed, the
//! corpus on screen is patched instead: articles from those paths (and from anything under
//! them, for a directory moved or deleted) are dropped, the paths that still exist are read
//! and parsed again, and everything else is kept as it is, bodies included. The cost is the
//! changed files plus one pass over the metadata.
//!
//! The cache is not written here: it stays valid (every entry is checked against its file's
//! size and time at the next full load), so the next start reparses only what changed.
//!
//! When a changed path cannot be handled this way (an input root itself changed, a name that
//! is not UTF-8 or has to be escaped for display), [`reload_paths`] says so by returning
//! `None`, and the caller does a full reload.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use super::discover::{self, FileEntry};
use super::{Input, LoadReport, Miss, Outcome, ParseFn, Skipped, parse_bytes, parse_miss};
use crate::cache::FileStamp;
use crate::corpus::{Corpus, Lineage, Piece};
use crate::model::{Article, Meta};

/// `base` with the articles of `changed` paths read again. `inputs` are the inputs `base`
/// was loaded from. `None` when a full reload is needed instead (see the module docs).
///
/// The result orders articles like a full load (by source path, then record), so a full load
/// of the same files gives the same ids in the same order. Paths outside every input are
/// ignored. The report's counts are about the changed paths only.
pub fn reload_paths(base: &Corpus, inputs: &[Input], changed: &[PathBuf]) -> Option<Patched> {
    reload_paths_with(base, inputs, changed, &parse_bytes)
}

/// [`reload_paths`] with another parser (see [`super::load_with`]).
pub fn reload_paths_with(
    base: &Corpus,
    inputs: &[Input],
    changed: &[PathBuf],
    parse: &ParseFn,
) -> Option<Patched> {
    let start = Instant::now();
    let roots = roots(inputs)?;
    let mut report = LoadReport::default();

    // What to drop from the base, and what to read again.
    let mut exact: HashSet<String> = HashSet::new();
    let mut prefixes: Vec<String> = Vec::new();
    let mut found: BTreeMap<PathBuf, FileEntry> = BTreeMap::new();
    let mut changed: Vec<&PathBuf> = changed.iter().collect();
    changed.sort();
    changed.dedup();
    for path in changed {
        let Some(root) = roots.iter().find(|r| r.covers(path)) else {
            // The root itself (created, deleted or replaced), or something no input covers.
            if roots.iter().any(|r| r.path == *path) {
                return None;
            }
            continue;
        };
        let shown = displayable(path)?;
        prefixes.push(format!("{shown}/"));
        exact.insert(shown.to_string());
        // A path that is gone now drops its articles and adds nothing.
        let Ok(meta) = std::fs::metadata(path) else {
            continue;
        };
        if meta.is_file() && root.dir && !discover::walked(path) {
            continue;
        }
        let (entries, skips) = discover::discover(std::slice::from_ref(path));
        report.skipped.extend(skips);
        for e in entries {
            found.insert(e.path.clone(), e);
        }
    }

    let mut misses = Vec::with_capacity(found.len());
    for (path, e) in found {
        // Every file found is under a changed path, so its name is displayable too unless
        // a directory walk found an odd one: leave those to a full reload.
        let shown = displayable(&path)?.to_string();
        exact.insert(shown.clone());
        misses.push(Miss {
            format: discover::format_for(&path),
            stamp: FileStamp {
                path: shown,
                size: e.size,
                mtime_ns: e.mtime_ns,
            },
            path,
            cacheable: true,
        });
    }
    // Every file found under a changed path is read again: all of them count as changed.
    report.files_seen = misses.len();
    report.files_changed = misses.len();
    let read: HashSet<String> = misses.iter().map(|m| m.stamp.path.clone()).collect();
    let parsed: Vec<_> = misses
        .into_par_iter()
        .map(|m| parse_miss(parse, m))
        .collect();
    let mut fresh: Vec<(String, Vec<Article>)> = Vec::new();
    for (m, outcome, n, notes) in parsed {
        report.bytes_read += n;
        report.warnings.extend(notes);
        match outcome {
            Outcome::Parsed(articles, skipped) => {
                report.skipped.extend(skipped);
                if !articles.is_empty() {
                    report.files_loaded += 1;
                    fresh.push((m.stamp.path, articles));
                }
            }
            Outcome::Rejected(reason) | Outcome::Failed(reason) => report.skipped.push(Skipped {
                path: m.stamp.path,
                reason,
            }),
        }
    }
    report.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    report.skipped.dedup();
    // The loader orders by the shown path as a string, which is not `Path`'s order
    // (`a-c` < `a/b` as strings, not as paths).
    fresh.sort_by(|a, b| a.0.cmp(&b.0));

    let gone = |source: &str| {
        exact.contains(source) || prefixes.iter().any(|p| source.starts_with(p.as_str()))
    };
    let metas = base.metas();
    let mut moved: Vec<Option<usize>> = Vec::with_capacity(metas.len());
    let mut removed = Vec::new();
    let mut pieces = Vec::with_capacity(metas.len() + fresh.len());
    let mut added = Vec::new();
    let mut fresh = fresh.into_iter().peekable();
    let mut take = |articles: Vec<Article>, pieces: &mut Vec<Piece>| {
        for a in articles {
            added.push(pieces.len());
            pieces.push(Piece::Fresh(Box::new(a)));
        }
    };
    for (i, m) in metas.iter().enumerate() {
        if gone(&m.source_path) {
            moved.push(None);
            removed.push(i);
            continue;
        }
        while let Some((_, articles)) = fresh.next_if(|(p, _)| p.as_str() < m.source_path.as_str())
        {
            take(articles, &mut pieces);
        }
        moved.push(Some(pieces.len()));
        pieces.push(Piece::Kept(i));
    }
    for (_, articles) in fresh {
        take(articles, &mut pieces);
    }
    // Files whose articles were dropped and that were not found to read again.
    let gone_files: HashSet<&str> = removed
        .iter()
        .map(|&i| metas[i].source_path.as_str())
        .filter(|p| !read.contains(*p))
        .collect();
    report.files_gone = gone_files.len();
    report.corpus = if added.is_empty() && removed.is_empty() {
        // Nothing came or went (a scratch file, an empty file): the very same corpus.
        base.clone()
    } else {
        follow_reread(metas, &pieces, &added, &removed, &mut moved);
        base.patch(pieces).map_metas(super::years::settle)
    };
    report.elapsed = start.elapsed();
    Some(Patched {
        lineage: Lineage {
            base: base.identity(),
            moved,
            added,
        },
        report,
        removed,
    })
}

/// Points each removed article at its copy among the `added` pieces, when it was read again
/// (a file rewritten with the same text, or moved): what pointed at it (the cursor, a
/// selection) follows it. The same file first, else the same id anywhere. Each piece is
/// followed by one article at most: copies of one text (same id) in a moved folder each
/// follow their own copy.
fn follow_reread(
    metas: &[Meta],
    pieces: &[Piece],
    added: &[usize],
    removed: &[usize],
    moved: &mut [Option<usize>],
) {
    let mut fresh_at: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut fresh_id: HashMap<&str, Vec<usize>> = HashMap::new();
    // Reversed, so `pop` hands out the pieces in corpus order.
    for &j in added.iter().rev() {
        if let Piece::Fresh(a) = &pieces[j] {
            fresh_at
                .entry((a.meta.id.as_str(), a.meta.source_path.as_str()))
                .or_default()
                .push(j);
            fresh_id.entry(a.meta.id.as_str()).or_default().push(j);
        }
    }
    let mut taken = vec![false; pieces.len()];
    let mut unclaimed = |list: Option<&mut Vec<usize>>| {
        let list = list?;
        while let Some(j) = list.pop() {
            if !std::mem::replace(&mut taken[j], true) {
                return Some(j);
            }
        }
        None
    };
    // Every article read again from its own file is matched before any is matched by id
    // alone, so a moved copy cannot take the piece of one that stayed.
    for &i in removed {
        let m = &metas[i];
        moved[i] = unclaimed(fresh_at.get_mut(&(m.id.as_str(), m.source_path.as_str())));
    }
    for &i in removed {
        if moved[i].is_none() {
            moved[i] = unclaimed(fresh_id.get_mut(metas[i].id.as_str()));
        }
    }
}

/// A corpus patched by [`reload_paths`], and how it relates to the one it was made from.
#[derive(Debug)]
pub struct Patched {
    /// The new corpus and what reading the changed paths ran into.
    pub report: LoadReport,
    /// How the new corpus relates to the base. Its `added` are the articles read from the
    /// changed paths, and its `moved` maps an article dropped with its path to the same
    /// article read again, when it still exists (a rewritten file, a moved one).
    pub lineage: Lineage,
    /// Indices of the base's articles that were dropped (their paths changed), ascending.
    pub removed: Vec<usize>,
}

/// An input root as the loader walks it.
struct Root {
    path: PathBuf,
    dir: bool,
}

impl Root {
    /// Whether a change at `path` is this root's to reload: a file root's own path, or a
    /// path strictly inside a directory root.
    fn covers(&self, path: &Path) -> bool {
        if self.dir {
            path != self.path && path.starts_with(&self.path)
        } else {
            path == self.path
        }
    }
}

/// The inputs' roots, canonical like the loader's; `None` when one cannot be resolved (it was
/// removed: a full reload reports that).
fn roots(inputs: &[Input]) -> Option<Vec<Root>> {
    inputs
        .iter()
        .filter_map(|input| match input {
            Input::Path(p) => Some(p),
            Input::Embedded(..) => None,
        })
        .map(|p| {
            let path = std::fs::canonicalize(p).ok()?;
            let dir = path.is_dir();
            Some(Root { path, dir })
        })
        .collect()
}

/// The path as the loader shows it, when that is the path itself (UTF-8, nothing escaped).
fn displayable(path: &Path) -> Option<&str> {
    let s = path.to_str()?;
    match crate::text::escape_path(s) {
        Cow::Borrowed(_) => Some(s),
        Cow::Owned(_) => None,
    }
}
