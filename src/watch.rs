//! A live corpus: watching the corpus paths for files that scrapers add, rewrite or delete,
//! and telling what a reload changed.
//!
//! ```text
//!  notify (inotify/FSEvents/kqueue thread) ──raw events──> debounce thread ──> on(Note)
//!                                                           first relevant event opens a
//!                                                           window; one Note per window
//! ```
//! Nothing polls: with no file activity both threads sleep in the kernel. A burst (a scraper
//! writing 50 files) opens one window after its first event, which closes [`QUIET`] after
//! the last event or [`DEBOUNCE`] after the first, and ends as one [`Note::Changed`] naming
//! the paths, so it costs one reload (of those files only), not 50.
//!
//! Events are filtered before they open a window: hidden files and directories (names
//! starting with `.`), editor and download temporaries (`x~`, `#x#`, `.swp`, `.part`,
//! `.tmp`, vim's `4913` probe), and anything under warta's own directories inside a watched
//! one ([`crate::own_dirs`], the rule the loader follows too: the reload writes the cache,
//! which must not trigger another reload). Opening and reading files (the reload itself) is
//! ignored too.
//!
//! [`diff`] compares two corpora by article id, which is a hash of the article's text: a
//! rewritten file whose text is unchanged keeps its id (and so its triage state).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, Weak};
use std::thread;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, ModifyKind};
use notify::{Event, RecommendedWatcher, RecursiveMode, Watcher};

use crate::corpus::Corpus;
use crate::model::Meta;
use crate::own_dirs::{OwnDirs, resolve};

mod roots;
use roots::Root;
pub use roots::RootChange;

/// The longest events are collected after the first one before a reload is asked for: a
/// scraper's steady stream of files makes one reload per window, not one per file.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// A window closes early once no relevant event came for this long: a single file (or a
/// quick burst) is reloaded at once, so it shows up well within a second (this, plus
/// patching the corpus and searching it again: 0.5–0.9 s at 100k articles on two cores).
pub const QUIET: Duration = Duration::from_millis(60);

/// What the watcher reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// Files changed; `events` relevant events were collected in the window. `paths` are
    /// the paths they named (files, or directories created, moved or removed whole), or
    /// `None` when events may have been lost and everything has to be looked at again.
    Changed {
        events: usize,
        paths: Option<Vec<PathBuf>>,
    },
    /// A corpus folder given on the command line (`path`, as given) was replaced, is gone or
    /// is back ([`RootChange`]). A replaced or returning folder is followed by a
    /// [`Note::Changed`] without paths: everything is read again.
    Root { path: String, change: RootChange },
    /// The watcher hit a problem after it started (a new subdirectory could not be watched,
    /// the event queue overflowed); reported once, watching goes on where it can.
    Problem(String),
}

/// A running watcher. Dropping it stops watching and ends the debounce thread, which holds
/// the watcher only weakly (to move the watch of a replaced folder).
pub struct Watch {
    _watcher: Arc<Mutex<RecommendedWatcher>>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watch")
    }
}

impl Watch {
    /// Watches `inputs` (directories recursively; for a file, its directory, reporting only
    /// that file) and calls `on` from a thread of its own once per debounce `window` in
    /// which something relevant happened. `ignore` lists directories whose changes never
    /// count (the cache and the data directory). `on` returns false to stop.
    ///
    /// Blocks while the watches are set up: on Linux that walks every directory below the
    /// inputs, so call it off the UI thread. Fails, with a reason for the status line, when
    /// the platform's watcher cannot start or an input cannot be watched (the inotify
    /// watch limit, a file system without notifications).
    pub fn start(
        inputs: &[PathBuf],
        ignore: &[PathBuf],
        window: Duration,
        on: impl FnMut(Note) -> bool + Send + 'static,
    ) -> Result<Watch, String> {
        let filter = Filter::new(inputs, ignore);
        let (raw_tx, raw_rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(move |e| {
            // The debounce thread is gone only when it was told to stop.
            let _ = raw_tx.send(e);
        })
        .map_err(|e| describe(&e))?;
        for (path, mode) in filter.watches() {
            watcher
                .watch(&path, mode)
                .map_err(|e| format!("{}: {}", path.display(), describe(&e)))?;
        }
        // Without these only a replaced folder goes unnoticed: worth a word, not a failure.
        let problem = filter.parent_watches().into_iter().find_map(|parent| {
            let e = watcher.watch(&parent, RecursiveMode::NonRecursive).err()?;
            Some(format!(
                "cannot watch {} ({}), so a corpus folder replaced in it goes unnoticed",
                parent.display(),
                describe(&e)
            ))
        });
        let watcher = Arc::new(Mutex::new(watcher));
        let weak = Arc::downgrade(&watcher);
        let mut filter = filter;
        thread::Builder::new()
            .name("warta-watch".into())
            .spawn(move || {
                let mut on = on;
                if problem.is_some_and(|p| !on(Note::Problem(p))) {
                    return;
                }
                debounce(&raw_rx, &mut filter, &weak, window, on);
            })
            .map_err(|e| format!("cannot start the watch thread: {e}"))?;
        Ok(Watch { _watcher: watcher })
    }
}

/// A notify error as a reason a person can act on.
fn describe(e: &notify::Error) -> String {
    match &e.kind {
        notify::ErrorKind::MaxFilesWatch => {
            "the system's limit on watched directories is reached (raise fs.inotify.max_user_watches)"
                .to_string()
        }
        notify::ErrorKind::Io(io) if io.raw_os_error() == Some(24) => {
            "too many watchers open (raise fs.inotify.max_user_instances)".to_string()
        }
        notify::ErrorKind::Io(io) => crate::loader::discover::reason(io),
        notify::ErrorKind::PathNotFound => "not found".to_string(),
        _ => e.to_string(),
    }
}

/// Collects events into windows: blocks for the first relevant event, then takes what
/// arrives until `window` after it, then reports once.
fn debounce(
    rx: &Receiver<notify::Result<Event>>,
    filter: &mut Filter,
    watcher: &Weak<Mutex<RecommendedWatcher>>,
    window: Duration,
    mut on: impl FnMut(Note) -> bool,
) {
    let mut problem_reported = false;
    // Classifies one raw event, adding what it names to `paths` (or noting that a corpus
    // folder itself must be looked at): Some(true) relevant, Some(false) not, None a
    // problem already handled and a reason to stop.
    let mut classify = |filter: &Filter,
                        raw: notify::Result<Event>,
                        paths: &mut Option<BTreeSet<PathBuf>>,
                        roots: &mut Option<BTreeSet<usize>>,
                        on: &mut dyn FnMut(Note) -> bool| {
        match raw {
            Ok(ev) => match filter.relevant(&ev) {
                Relevant::No => Some(false),
                Relevant::Paths(named) => {
                    if let Some(p) = paths.as_mut() {
                        p.extend(named);
                    }
                    Some(true)
                }
                Relevant::Root(lost) => {
                    roots.get_or_insert_default().extend(lost);
                    Some(true)
                }
                Relevant::Rescan => {
                    *paths = None;
                    Some(true)
                }
            },
            Err(e) => {
                // The status line shows the first; the log has them all.
                log::warn!("watching the corpus: {}", describe(&e));
                if !problem_reported {
                    problem_reported = true;
                    if !on(Note::Problem(describe(&e))) {
                        return None;
                    }
                }
                // An error can mean lost events (a queue overflow): reloading everything
                // is the safe side.
                *paths = None;
                Some(true)
            }
        }
    };
    loop {
        let Ok(raw) = rx.recv() else {
            return;
        };
        let mut paths = Some(BTreeSet::new());
        // Corpus folders to look at again (`Some`), and which of them lost their entry.
        let mut roots = None;
        match classify(filter, raw, &mut paths, &mut roots, &mut on) {
            None => return,
            Some(false) => continue,
            Some(true) => {}
        }
        let deadline = Instant::now() + window;
        let mut quiet_from = Instant::now() + QUIET.min(window);
        let mut events = 1;
        let mut closed = false;
        loop {
            let left = deadline
                .min(quiet_from)
                .saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match rx.recv_timeout(left) {
                Ok(raw) => match classify(filter, raw, &mut paths, &mut roots, &mut on) {
                    None => return,
                    Some(true) => {
                        events += 1;
                        quiet_from = Instant::now() + QUIET.min(window);
                    }
                    Some(false) => {}
                },
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => {
                    closed = true;
                    break;
                }
            }
        }
        if let Some(lost) = roots {
            let Some(watcher) = watcher.upgrade() else {
                return;
            };
            let mut watcher = watcher.lock().unwrap_or_else(|e| e.into_inner());
            for note in filter.recheck_roots(&mut *watcher, &lost, &mut paths) {
                if !on(note) {
                    return;
                }
            }
        }
        let changed = paths.as_ref().is_none_or(|p| !p.is_empty());
        let paths = paths.map(|p| p.into_iter().collect());
        if (changed && !on(Note::Changed { events, paths })) || closed {
            return;
        }
    }
}

/// What an event means for the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Relevant {
    No,
    /// These paths may have new, changed or no articles now.
    Paths(Vec<PathBuf>),
    /// A corpus folder itself was moved, deleted, created or its name relinked; these (by
    /// index) lost their entry, moved or deleted, and with it their watch.
    Root(Vec<usize>),
    /// Events were lost: look at everything.
    Rescan,
}

/// Which paths are watched and which events count.
#[derive(Debug)]
struct Filter {
    /// Directories watched recursively.
    dirs: Vec<PathBuf>,
    /// Files given one by one; their directories are watched without recursion.
    files: Vec<PathBuf>,
    /// The directories given, by their names, to notice one replaced; `dir` indexes `dirs`.
    roots: Vec<Root>,
    /// The cache and data directories, whose writes (the reload's own) are no news.
    own: OwnDirs,
}

impl Filter {
    fn new(inputs: &[PathBuf], ignore: &[PathBuf]) -> Filter {
        let mut dirs = Vec::new();
        let mut files = Vec::new();
        let mut roots = Vec::new();
        for given in inputs {
            let p = resolve(given);
            if p.is_dir() {
                roots.push(Root::new(given, &p, dirs.len()));
                dirs.push(p);
            } else {
                files.push(p);
            }
        }
        Filter {
            dirs,
            files,
            roots,
            own: OwnDirs::new(ignore),
        }
    }

    /// What to hand the watcher: each directory once, a file's directory only when no
    /// recursive watch covers it already.
    fn watches(&self) -> Vec<(PathBuf, RecursiveMode)> {
        let mut out: Vec<(PathBuf, RecursiveMode)> = self
            .dirs
            .iter()
            .map(|d| (d.clone(), RecursiveMode::Recursive))
            .collect();
        for f in &self.files {
            let parent = f
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let covered = self.dirs.iter().any(|d| parent.starts_with(d));
            if !covered && !out.iter().any(|(p, _)| *p == parent) {
                out.push((parent, RecursiveMode::NonRecursive));
            }
        }
        out
    }

    /// The folders holding the corpus folders, to watch without recursion for their
    /// entries: those no recursive watch covers already, each once.
    fn parent_watches(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = Vec::new();
        let watched: Vec<PathBuf> = self.watches().into_iter().map(|(p, _)| p).collect();
        for parent in self.roots.iter().filter_map(Root::parent) {
            let covered = self.dirs.iter().any(|d| parent.starts_with(d));
            if !covered && !watched.iter().chain(&out).any(|p| p == parent) {
                out.push(parent.to_path_buf());
            }
        }
        out
    }

    /// Looks at every corpus folder again after an event named one (see [`roots`]): notes
    /// what happened to each, and fixes up `paths`: everything is read again after a
    /// replacement, and paths under a folder that is gone are left out, so that its
    /// articles stay listed.
    fn recheck_roots(
        &mut self,
        watcher: &mut impl Watcher,
        lost: &BTreeSet<usize>,
        paths: &mut Option<BTreeSet<PathBuf>>,
    ) -> Vec<Note> {
        let mut notes = Vec::new();
        for (i, root) in self.roots.iter_mut().enumerate() {
            let watched = &mut self.dirs[root.dir];
            let Some((change, problem)) = root.recheck(watched, lost.contains(&i), watcher) else {
                continue;
            };
            notes.push(Note::Root {
                path: root.shown.clone(),
                change,
            });
            notes.extend(problem.map(Note::Problem));
            match change {
                RootChange::Replaced | RootChange::Back => *paths = None,
                RootChange::Gone => {
                    if let Some(p) = paths.as_mut() {
                        let gone = &self.dirs[root.dir];
                        p.retain(|path| !path.starts_with(gone) && *path != root.entry);
                    }
                }
            }
        }
        notes
    }

    /// The corpus folders `path` names itself (by their entry, or the folder watched).
    fn roots_named<'a>(&'a self, path: &'a Path) -> impl Iterator<Item = usize> + 'a {
        self.roots
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.entry == path || self.dirs[r.dir] == path)
            .map(|(i, _)| i)
    }

    /// Whether `ev` can change the corpus.
    #[cfg(test)]
    fn wants(&self, ev: &Event) -> bool {
        self.relevant(ev) != Relevant::No
    }

    /// Whether `ev` can change the corpus, and which of its paths.
    fn relevant(&self, ev: &Event) -> Relevant {
        if ev.need_rescan() {
            return Relevant::Rescan;
        }
        let kind_counts = match ev.kind {
            // Opening and reading (the reload itself does both) change nothing; a file
            // closed after writing is the moment its content is complete.
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            // Times and permissions: a touched file parses to the same articles.
            EventKind::Modify(ModifyKind::Metadata(_)) => false,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
            EventKind::Any | EventKind::Other => true,
        };
        if !kind_counts {
            return Relevant::No;
        }
        let mut named = ev.paths.iter().flat_map(|p| self.roots_named(p)).peekable();
        if named.peek().is_some() {
            // A move or a deletion drops the folder's watch even when the same folder is
            // back by the end of the window; a creation alone does not.
            let lost = !matches!(ev.kind, EventKind::Create(_));
            return Relevant::Root(named.filter(|_| lost).collect());
        }
        let paths: Vec<PathBuf> = ev
            .paths
            .iter()
            .filter(|p| self.path_counts(p))
            .cloned()
            .collect();
        match (paths.is_empty(), ev.kind) {
            (true, _) => Relevant::No,
            // An event of no known kind may say anything about its paths' neighbours.
            (false, EventKind::Any | EventKind::Other) => Relevant::Rescan,
            (false, _) => Relevant::Paths(paths),
        }
    }

    fn path_counts(&self, path: &Path) -> bool {
        if self.files.iter().any(|f| f == path) {
            return !self.own.contains(path, path);
        }
        // The loader leaves the same folders out (see `own_dirs`).
        self.dirs.iter().any(|d| {
            path.strip_prefix(d)
                .is_ok_and(|rel| !rel.as_os_str().is_empty() && !hidden_or_temporary(rel))
                && !self.own.contains(d, path)
        })
    }
}

/// True for a path (relative to a watched directory) that no scraper means as an article:
/// anything inside a hidden directory, hidden files, and files that are still being written
/// or are an editor's scratch copy.
fn hidden_or_temporary(rel: &Path) -> bool {
    let hidden = rel.components().any(|c| match c {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => false,
    });
    if hidden {
        return true;
    }
    let Some(name) = rel.file_name().map(|n| n.to_string_lossy().to_lowercase()) else {
        return false;
    };
    const TEMP_SUFFIXES: &[&str] = &[
        "~",
        ".part",
        ".partial",
        ".tmp",
        ".temp",
        ".swp",
        ".swo",
        ".swx",
        ".crdownload",
    ];
    TEMP_SUFFIXES.iter().any(|s| name.ends_with(s))
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        // vim creates and deletes this file to test whether it may write in a directory.
        || name == "4913"
}

/// What a reload changed, by article id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusDiff {
    /// Ids in the new corpus that the old one lacked, in the new corpus's order.
    pub added: Vec<String>,
    /// For each of `added`: whether it replaces a gone article of the same file (counted in
    /// `changed`, else in `new`).
    pub replaces: Vec<bool>,
    /// Ids of the old corpus the new one lacks.
    pub gone: Vec<String>,
    /// Added articles from files that had none of the gone ones.
    pub new: usize,
    /// Added articles that replace a gone one from the same file (the file was rewritten
    /// with a different text).
    pub changed: usize,
    /// Gone articles not replaced within their file.
    pub removed: usize,
}

impl CorpusDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.gone.is_empty()
    }

    /// `3 new, 1 changed, 2 removed`, leaving out what is zero; empty when nothing changed.
    pub fn summary(&self) -> String {
        self.summary_with_back(0)
    }

    /// [`CorpusDiff::summary`] when `back` of the `new` articles are not new but back: they
    /// were in the corpus when warta started, and went away since (`3 new, 1 back`).
    pub fn summary_with_back(&self, back: usize) -> String {
        let back = back.min(self.new);
        [
            (self.new - back, "new"),
            (back, "back"),
            (self.changed, "changed"),
            (self.removed, "removed"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// Compares two corpora by id. A changed file is one that lost an id and gained another;
/// an article moved to another file keeps its id and is neither new nor removed.
pub fn diff(old: &Corpus, new: &Corpus) -> CorpusDiff {
    let old_ids: HashSet<&str> = old.metas().iter().map(|m| m.id.as_str()).collect();
    let new_ids: HashSet<&str> = new.metas().iter().map(|m| m.id.as_str()).collect();
    pair_up(
        old.metas().iter(),
        new.metas().iter(),
        |id| new_ids.contains(id),
        |id| old_ids.contains(id),
    )
}

/// [`diff`] for a corpus patched from `old` ([`crate::loader::patch`]): `removed` are the
/// indices of `old` the patch dropped and `added` the indices of `new` it read, both
/// ascending. Gives what [`diff`] gives, but only the few changed ids are hashed into sets;
/// the rest of both corpora is scanned once against them.
pub fn diff_patched(old: &Corpus, new: &Corpus, removed: &[usize], added: &[usize]) -> CorpusDiff {
    let removed_ids: HashSet<&str> = removed.iter().map(|&i| old.meta(i).id.as_str()).collect();
    let added_ids: HashSet<&str> = added.iter().map(|&j| new.meta(j).id.as_str()).collect();
    let present = |corpus: &Corpus, wanted: &HashSet<&str>| -> HashSet<String> {
        if wanted.is_empty() {
            return HashSet::new();
        }
        corpus
            .metas()
            .iter()
            .filter(|m| wanted.contains(m.id.as_str()))
            .map(|m| m.id.clone())
            .collect()
    };
    // Dropped ids the new corpus still has (in a kept file, or read again), and read ids
    // the old corpus already had.
    let still = present(new, &removed_ids);
    let had = present(old, &added_ids);
    pair_up(
        removed.iter().map(|&i| old.meta(i)),
        added.iter().map(|&j| new.meta(j)),
        |id| still.contains(id),
        |id| had.contains(id),
    )
}

/// The diff of `dropped` (old articles that may be gone) and `came` (new articles that may
/// be added), given which ids the new corpus still has and which the old one had: an id gone
/// and another added in the same file is a change, the rest are new or removed.
fn pair_up<'a>(
    dropped: impl Iterator<Item = &'a Meta>,
    came: impl Iterator<Item = &'a Meta>,
    still_there: impl Fn(&str) -> bool,
    was_there: impl Fn(&str) -> bool,
) -> CorpusDiff {
    let mut out = CorpusDiff::default();
    // Gone ids per file they came from, to pair them with ids added to the same file.
    let mut gone_in: HashMap<&str, usize> = HashMap::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for m in dropped {
        if !still_there(&m.id) && seen.insert(m.id.as_str()) {
            out.gone.push(m.id.clone());
            *gone_in.entry(m.source_path.as_str()).or_default() += 1;
        }
    }
    seen.clear();
    for m in came {
        if was_there(&m.id) || !seen.insert(m.id.as_str()) {
            continue;
        }
        out.added.push(m.id.clone());
        let replaces = match gone_in.get_mut(m.source_path.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                out.changed += 1;
                true
            }
            _ => {
                out.new += 1;
                false
            }
        };
        out.replaces.push(replaces);
    }
    out.removed = out.gone.len() - out.changed;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, RemoveKind};

    fn ev(kind: EventKind, path: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from(path))
    }

    fn filter() -> Filter {
        Filter {
            dirs: vec![PathBuf::from("/corpus")],
            files: vec![PathBuf::from("/one/article.txt")],
            roots: Vec::new(),
            own: OwnDirs::new(["/corpus/.cache", "/corpus/data"]),
        }
    }

    #[test]
    fn writes_creates_and_removes_count_reads_and_scratch_files_do_not() {
        let f = filter();
        let create = EventKind::Create(CreateKind::File);
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        assert!(f.wants(&ev(create, "/corpus/a.txt")));
        assert!(f.wants(&ev(write, "/corpus/sub/a.txt")));
        assert!(f.wants(&ev(EventKind::Remove(RemoveKind::File), "/corpus/a.txt")));
        assert!(f.wants(&ev(
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            "/corpus/a.txt"
        )));
        assert!(f.wants(&ev(create, "/one/article.txt")));
        // The reload's own reads.
        assert!(!f.wants(&ev(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            "/corpus/a.txt"
        )));
        assert!(!f.wants(&ev(
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            "/corpus/a.txt"
        )));
        assert!(!f.wants(&ev(
            EventKind::Modify(ModifyKind::Metadata(notify::event::MetadataKind::Any)),
            "/corpus/a.txt"
        )));
        // Cache and data directories inside the corpus, siblings of a single file.
        assert!(!f.wants(&ev(write, "/corpus/.cache/x/bodies")));
        assert!(!f.wants(&ev(write, "/corpus/data/triage.jsonl")));
        assert!(!f.wants(&ev(create, "/one/other.txt")));
        assert!(!f.wants(&ev(create, "/elsewhere/a.txt")));
        for scratch in [
            "/corpus/.a.txt.swp",
            "/corpus/a.txt~",
            "/corpus/a.txt.part",
            "/corpus/A.TXT.PART",
            "/corpus/#a.txt#",
            "/corpus/4913",
            "/corpus/.git/index",
            "/corpus/sub/.hidden/a.txt",
            "/corpus/a.crdownload",
        ] {
            assert!(!f.wants(&ev(create, scratch)), "{scratch}");
        }
        // The scraper's final rename counts: the new name is an article.
        let rename = EventKind::Modify(ModifyKind::Name(notify::event::RenameMode::Both));
        let both = Event::new(rename)
            .add_path(PathBuf::from("/corpus/a.txt.part"))
            .add_path(PathBuf::from("/corpus/a.txt"));
        assert!(f.wants(&both));
        // A lost-events notice means: look again.
        let rescan = Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(f.wants(&rescan));
    }

    #[test]
    fn writes_inside_a_folder_that_looks_like_wartas_own_do_not_count() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let corpus = resolve(tmp.path());
        let cache = corpus.join("other-cache/v2/0123456789abcdef");
        std::fs::create_dir_all(&cache).expect("mkdir");
        std::fs::write(cache.join("meta.bin"), "").expect("meta");
        let f = Filter::new(std::slice::from_ref(&corpus), &[]);
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Content));
        let body = cache.join("bodies-2.jsonl");
        assert!(!f.wants(&ev(write, &body.display().to_string())));
        let article = corpus.join("other-cache/a.txt");
        assert!(f.wants(&ev(write, &article.display().to_string())));
    }

    #[test]
    fn a_file_input_watches_its_directory_unless_a_directory_input_covers_it() {
        let f = Filter {
            dirs: vec![PathBuf::from("/corpus")],
            files: vec![
                PathBuf::from("/corpus/sub/a.jsonl"),
                PathBuf::from("/other/b.csv"),
                PathBuf::from("/other/c.csv"),
            ],
            roots: Vec::new(),
            own: OwnDirs::default(),
        };
        assert_eq!(
            f.watches(),
            vec![
                (PathBuf::from("/corpus"), RecursiveMode::Recursive),
                (PathBuf::from("/other"), RecursiveMode::NonRecursive),
            ]
        );
    }
}
