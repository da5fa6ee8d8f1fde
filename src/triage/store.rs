//! The durable triage store: a snapshot plus an fsync'd append-only journal.
//!
//! Files in the data directory:
//! - `journal.jsonl`: one JSON object per line, appended and `sync_data`'d before
//!   [`Store::apply`] returns. An action line is `{"seq":N,"at":"…","op":{…},"before":{id:
//!   state}}` (the prior state of every id it touched, so undo is exact); undo and redo are
//!   lines of their own, `{"seq":N,"at":"…","undo":M}` / `{"seq":N,"at":"…","redo":M}`, so
//!   replaying the journal rebuilds both stacks and undo survives a restart.
//! - `state.json`: the snapshot `{"format":1,"seq":S,"articles":{…},"history":[…],"redo":[…]}`
//!   written atomically (temp → fsync → rename → fsync dir) every
//!   [`StoreOptions::compact_every`] journal lines and on [`Store::close`]; afterwards the
//!   journal is truncated. Replay skips journal lines with `seq <= S`, so a crash between the
//!   two steps neither loses nor double-applies an action.
//! - `lock`: an advisory lock (`File::try_lock`) naming the holder's pid. A second instance
//!   opens read-only.
//!
//! Damage is never overwritten: a journal line that is invalid before the last one, a
//! snapshot that does not parse, or a snapshot from a newer format makes the store read-only
//! with a message that says what to do. Only a torn LAST line (a write cut short by a crash,
//! never acknowledged) is dropped, with a warning.
//!
//! Opening never fails: problems turn into a [`Mode`] plus a message ([`Store::status`])
//! that the UI must show, because refusing to start would lose more than it protects.

use std::collections::{BTreeMap, VecDeque};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::fsutil::{is_temp_for, sync_dir, write_atomic};
use super::state::{ArticleState, InvalidOp, Op, Progress, StateLookup};
use super::time::now_rfc3339;

/// Takes the lock, waiting up to about half a second when it is held: a warta that is just
/// exiting, or a process forked by this one that has not yet reached `exec` (it briefly holds
/// a copy of the lock's descriptor), releases it within milliseconds, and opening read-only
/// for such a moment would cost the whole session's writes.
fn try_lock_briefly(lock: &File) -> Result<(), fs::TryLockError> {
    const ATTEMPTS: u32 = 25;
    for _ in 1..ATTEMPTS {
        match lock.try_lock() {
            Err(fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
    lock.try_lock()
}

/// The snapshot format this build writes; newer snapshots are opened read-only.
pub const FORMAT: u32 = 1;
pub const JOURNAL_FILE: &str = "journal.jsonl";
pub const SNAPSHOT_FILE: &str = "state.json";
pub const LOCK_FILE: &str = "lock";
/// State files larger than this are refused rather than read into memory.
const MAX_FILE_BYTES: u64 = 1 << 30;

/// The triage data directory: `$WARTA_DATA_DIR`, else the platform data dir
/// (`~/.local/share/warta` on Linux).
pub fn default_data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("WARTA_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("", "", "warta").map(|p| p.data_dir().to_path_buf())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreOptions {
    /// Compact (snapshot + truncate the journal) once the journal holds this many lines.
    pub compact_every: usize,
    /// How many actions can be undone; older ones are forgotten.
    pub history_limit: usize,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            compact_every: 1000,
            history_limit: 500,
        }
    }
}

/// What the store can do with changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Changes are journaled and fsync'd before `apply` returns.
    ReadWrite,
    /// Changes are refused (another instance holds the lock, or a file is damaged or newer).
    ReadOnly,
    /// Changes are applied in memory but NOT saved (no usable data directory, or a write
    /// failed); [`Store::status`] says why.
    MemoryOnly,
}

/// The durability of a change that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "a change that was not saved must be reported to the user"]
pub enum Saved {
    /// On disk (fsync'd).
    Durable,
    /// The op changed nothing, so nothing was recorded (and there is nothing to undo).
    Unchanged,
    /// Applied in memory only; the message says why and must be shown.
    NotSaved(String),
}

impl StateLookup for Store {
    fn lookup(&self, id: &str) -> Option<&ArticleState> {
        self.get(id)
    }

    fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }
}

/// The result of an undo or redo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// What the undone/redone action did ("marked 3 articles relevant").
    pub description: String,
    pub saved: Saved,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store is read-only; the message says why.
    #[error("triage is read-only: {0}")]
    ReadOnly(String),
    #[error(transparent)]
    Invalid(#[from] InvalidOp),
    #[error("could not save triage data in {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// One undoable action, as journaled and as kept in the snapshot's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Action {
    seq: u64,
    at: String,
    op: Op,
    before: BTreeMap<String, ArticleState>,
}

/// A journal line: exactly one of `op` (with `before`), `undo` or `redo`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    seq: u64,
    at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    op: Option<Op>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before: Option<BTreeMap<String, ArticleState>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    undo: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    redo: Option<u64>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Snapshot {
    format: u32,
    seq: u64,
    articles: BTreeMap<String, ArticleState>,
    #[serde(default)]
    history: Vec<Action>,
    #[serde(default)]
    redo: Vec<Action>,
}

#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// The open journal of a read-write store.
#[derive(Debug)]
struct Journal {
    file: File,
    /// Bytes of complete lines; anything after it is a torn tail to cut before appending.
    valid_len: u64,
    torn: bool,
    /// Lines in the file (including ones already covered by the snapshot).
    lines: usize,
}

#[derive(Debug)]
pub struct Store {
    dir: Option<PathBuf>,
    opts: StoreOptions,
    mode: Mode,
    reason: Option<String>,
    warnings: Vec<String>,
    articles: BTreeMap<String, ArticleState>,
    undo: VecDeque<Action>,
    redo: Vec<Action>,
    seq: u64,
    journal: Option<Journal>,
    /// Held for the store's lifetime; the OS releases it if the process dies.
    lock: Option<File>,
    /// Whether the lock file is ours, so a failed write can later be retried.
    locked: bool,
}

impl Store {
    /// A store that keeps everything in memory, e.g. when there is no data directory.
    /// `reason` says why nothing is saved.
    pub fn in_memory(reason: impl Into<String>) -> Store {
        Store {
            dir: None,
            opts: StoreOptions::default(),
            mode: Mode::MemoryOnly,
            reason: Some(reason.into()),
            warnings: Vec::new(),
            articles: BTreeMap::new(),
            undo: VecDeque::new(),
            redo: Vec::new(),
            seq: 0,
            journal: None,
            lock: None,
            locked: false,
        }
    }

    /// Opens (creating if needed) the store in `data_dir` with default options.
    pub fn open(data_dir: &Path) -> Store {
        Store::open_with(data_dir, StoreOptions::default())
    }

    pub fn open_with(data_dir: &Path, opts: StoreOptions) -> Store {
        let mut s = Store::in_memory("");
        s.opts = StoreOptions {
            compact_every: opts.compact_every.max(1),
            history_limit: opts.history_limit,
        };
        s.dir = Some(data_dir.to_path_buf());
        let shown = data_dir.display();

        if let Err(e) = fs::create_dir_all(data_dir) {
            s.reason = Some(format!(
                "cannot create the data directory {shown} ({e}); triage changes are kept in \
                 memory only and NOT saved (use --data-dir or WARTA_DATA_DIR)"
            ));
            return s;
        }

        let lock_path = data_dir.join(LOCK_FILE);
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path);
        let mut lock = match lock {
            Ok(f) => f,
            Err(e) => {
                s.reason = Some(format!(
                    "cannot create the lock file {} ({e}); triage changes are kept in memory \
                     only and NOT saved",
                    lock_path.display()
                ));
                // The existing state is still worth showing.
                if let Err(damage) = s.load(data_dir) {
                    s.reason = Some(format!("{}; also: {damage}", s.reason.unwrap_or_default()));
                }
                return s;
            }
        };
        match try_lock_briefly(&lock) {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = lock.read_to_string(&mut text);
                let who = match text.trim().parse::<u32>() {
                    Ok(pid) => format!("another warta (pid {pid})"),
                    Err(_) => "another warta".to_string(),
                };
                s.set_read_only(format!("{who} is using {shown}; opened read-only"));
                if let Err(damage) = s.load(data_dir) {
                    s.set_read_only(damage);
                }
                return s;
            }
            Err(fs::TryLockError::Error(e)) => {
                // Without a lock two writers could interleave (e.g. on NFS), so never write.
                s.set_read_only(format!(
                    "cannot lock {} ({e}); opened read-only",
                    lock_path.display()
                ));
                if let Err(damage) = s.load(data_dir) {
                    s.set_read_only(damage);
                }
                return s;
            }
        }
        // Naming the holder is a courtesy for the message above; failure does not matter.
        let _ = lock
            .set_len(0)
            .and_then(|()| lock.seek(SeekFrom::Start(0)))
            .and_then(|_| writeln!(lock, "{}", std::process::id()));
        s.lock = Some(lock);
        s.locked = true;

        if let Err(damage) = s.load(data_dir) {
            s.set_read_only(damage);
            // Only writers hold the lock; another instance should see the damage, not us.
            s.lock = None;
            s.locked = false;
            return s;
        }
        s.remove_stale_temps(data_dir);
        match s.open_journal(data_dir) {
            Ok(()) => {
                s.mode = Mode::ReadWrite;
                s.reason = None;
            }
            Err(e) => {
                s.reason = Some(format!(
                    "cannot open {} ({e}); triage changes are kept in memory only and NOT saved",
                    data_dir.join(JOURNAL_FILE).display()
                ));
            }
        }
        s
    }

    /// Reads the state in `data_dir` without taking the lock and without creating anything:
    /// for readers such as `warta export` and `warta list`, which must work while a browser
    /// holds the store. The result is always read-only. A missing directory is an empty
    /// store. A journal line being appended at this very moment is a torn last line and is
    /// ignored (with a warning), like after a crash.
    pub fn open_read_only(data_dir: &Path) -> Store {
        let mut s = Store::in_memory("");
        s.dir = Some(data_dir.to_path_buf());
        s.set_read_only(format!("{} opened read-only", data_dir.display()));
        if data_dir.is_dir()
            && let Err(damage) = s.load(data_dir)
        {
            s.warnings.push(damage.clone());
            s.set_read_only(damage);
        }
        s
    }

    fn set_read_only(&mut self, reason: String) {
        self.mode = Mode::ReadOnly;
        self.reason = Some(reason);
        self.journal = None;
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn is_read_only(&self) -> bool {
        self.mode == Mode::ReadOnly
    }

    /// Why the store is read-only, if it is.
    pub fn read_only_reason(&self) -> Option<&str> {
        match self.mode {
            Mode::ReadOnly => self.reason.as_deref(),
            _ => None,
        }
    }

    /// What the UI must show permanently: why changes are refused or not saved. `None` when
    /// every change is durable.
    pub fn status(&self) -> Option<&str> {
        match self.mode {
            Mode::ReadWrite => None,
            _ => self.reason.as_deref(),
        }
    }

    /// Non-fatal problems met while opening (e.g. a torn last journal line was dropped).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The sequence number of the last journaled entry.
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// The state of `id`; the default (unread, undecided, …) when it was never touched.
    pub fn state(&self, id: &str) -> ArticleState {
        self.articles.get(id).cloned().unwrap_or_default()
    }

    /// Like [`Store::state`] without a copy; `None` means the default state.
    pub fn get(&self, id: &str) -> Option<&ArticleState> {
        self.articles.get(id)
    }

    /// Every id with a non-default state, including ids no longer in the corpus.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.articles.keys().map(String::as_str)
    }

    /// All labels with the number of articles carrying each, most used first (ties by name).
    /// Spellings that differ only in case are counted together under one spelling.
    pub fn labels(&self) -> Vec<(String, usize)> {
        let mut by_key: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for st in self.articles.values() {
            for l in &st.labels {
                let e = by_key
                    .entry(l.to_lowercase())
                    .or_insert_with(|| (l.clone(), 0));
                if *l < e.0 {
                    e.0 = l.clone();
                }
                e.1 += 1;
            }
        }
        let mut v: Vec<(String, usize)> = by_key.into_values().collect();
        v.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
        });
        v
    }

    pub fn progress<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Progress {
        let default = ArticleState::default();
        let mut p = Progress::default();
        for id in ids {
            p.add(self.articles.get(id).unwrap_or(&default));
        }
        p
    }

    pub fn can_undo(&self) -> bool {
        self.mode != Mode::ReadOnly && !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        self.mode != Mode::ReadOnly && !self.redo.is_empty()
    }

    /// Applies `op` to every id in it as one undoable action. In read-write mode the action
    /// is on disk before this returns `Ok(Saved::Durable)`.
    pub fn apply(&mut self, op: Op) -> Result<Saved, StoreError> {
        self.check_writable()?;
        let mut op = op.normalized()?;
        if let Op::AddLabel { label, .. } = &mut op {
            // One spelling per label across the store, so facets and completion agree.
            let key = label.to_lowercase();
            if let Some((existing, _)) = self
                .labels()
                .into_iter()
                .find(|(l, _)| l.to_lowercase() == key)
            {
                *label = existing;
            }
        }
        let at = now_rfc3339();
        let before: BTreeMap<String, ArticleState> = op
            .ids()
            .iter()
            .map(|id| (id.clone(), self.state(id)))
            .collect();
        if before.iter().all(|(_, st)| op.apply_to(st, &at) == *st) {
            return Ok(Saved::Unchanged);
        }
        let action = Action {
            seq: self.seq + 1,
            at,
            op,
            before,
        };
        let saved = self.append(&Entry {
            seq: action.seq,
            at: action.at.clone(),
            op: Some(action.op.clone()),
            before: Some(action.before.clone()),
            undo: None,
            redo: None,
        });
        self.commit_action(action);
        self.maybe_compact();
        Ok(saved)
    }

    /// Undoes the last action (a batch is one action). `Ok(None)` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Summary>, StoreError> {
        self.check_writable()?;
        let Some(target) = self.undo.back().map(|a| a.seq) else {
            return Ok(None);
        };
        let saved = self.append(&Entry {
            seq: self.seq + 1,
            at: now_rfc3339(),
            op: None,
            before: None,
            undo: Some(target),
            redo: None,
        });
        self.seq += 1;
        let description = self.commit_undo().unwrap_or_default();
        self.maybe_compact();
        Ok(Some(Summary { description, saved }))
    }

    /// Redoes the last undone action. `Ok(None)` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Summary>, StoreError> {
        self.check_writable()?;
        let Some(target) = self.redo.last().map(|a| a.seq) else {
            return Ok(None);
        };
        let saved = self.append(&Entry {
            seq: self.seq + 1,
            at: now_rfc3339(),
            op: None,
            before: None,
            undo: None,
            redo: Some(target),
        });
        self.seq += 1;
        let description = self.commit_redo().unwrap_or_default();
        self.maybe_compact();
        Ok(Some(Summary { description, saved }))
    }

    /// Writes a snapshot and truncates the journal (done automatically; exposed for tests and
    /// for an explicit "save" after a write error). On success a store that fell back to
    /// memory after a failed write is read-write again.
    pub fn compact(&mut self) -> Result<(), StoreError> {
        self.check_writable()?;
        let Some(dir) = self.dir.clone().filter(|_| self.locked) else {
            return Err(StoreError::Io {
                path: self.dir.clone().unwrap_or_default(),
                source: io::Error::other(self.reason.clone().unwrap_or_default()),
            });
        };
        let io_err = |path: PathBuf| move |source| StoreError::Io { path, source };
        let snap = Snapshot {
            format: FORMAT,
            seq: self.seq,
            articles: self.articles.clone(),
            history: self.undo.iter().cloned().collect(),
            redo: self.redo.clone(),
        };
        let snap_path = dir.join(SNAPSHOT_FILE);
        write_atomic(&snap_path, &mut |w| {
            serde_json::to_writer(&mut *w, &snap).map_err(io::Error::other)?;
            w.write_all(b"\n")
        })
        .map_err(io_err(snap_path))?;
        // Only now is the journal redundant: every line in it has seq <= snap.seq.
        let journal_path = dir.join(JOURNAL_FILE);
        if self.journal.is_none() {
            self.open_journal(&dir)
                .map_err(io_err(journal_path.clone()))?;
        }
        if let Some(j) = &mut self.journal {
            j.file
                .set_len(0)
                .and_then(|()| j.file.sync_all())
                .map_err(io_err(journal_path))?;
            j.valid_len = 0;
            j.torn = false;
            j.lines = 0;
        }
        self.mode = Mode::ReadWrite;
        self.reason = None;
        Ok(())
    }

    /// Compacts (if anything was journaled) and releases the lock.
    pub fn close(mut self) -> Result<(), StoreError> {
        let pending = self.journal.as_ref().is_some_and(|j| j.lines > 0 || j.torn);
        // A store that fell back to memory after a failed write gets one last chance to save
        // everything; the error tells the caller it did not work.
        let degraded = self.mode == Mode::MemoryOnly && self.locked;
        if (self.mode == Mode::ReadWrite && pending) || degraded {
            self.compact()?;
        }
        Ok(())
    }

    /// Re-reads the files of a read-only store (to see another instance's changes, or to
    /// become writable once it has exited). Returns false, changing nothing, for other modes.
    pub fn reload(&mut self) -> bool {
        match (&self.dir, self.mode) {
            (Some(dir), Mode::ReadOnly) => {
                let dir = dir.clone();
                *self = Store::open_with(&dir, self.opts);
                true
            }
            _ => false,
        }
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        match self.mode {
            Mode::ReadOnly => Err(StoreError::ReadOnly(
                self.reason.clone().unwrap_or_else(|| "read-only".into()),
            )),
            _ => Ok(()),
        }
    }

    /// Appends one durable line, or explains why it was not saved. A failed write switches
    /// the store to memory-only mode: later lines must not follow a missing one.
    fn append(&mut self, entry: &Entry) -> Saved {
        let Some(j) = &mut self.journal else {
            return Saved::NotSaved(self.reason.clone().unwrap_or_default());
        };
        let mut line = match serde_json::to_vec(entry) {
            Ok(l) => l,
            Err(e) => return Saved::NotSaved(format!("cannot encode the change: {e}")),
        };
        line.push(b'\n');
        let result = (|| {
            if j.torn {
                // The torn tail was never acknowledged; cut it so the new line starts clean.
                j.file.set_len(j.valid_len)?;
                j.torn = false;
            }
            j.file.write_all(&line)?;
            j.file.sync_data()
        })();
        match result {
            Ok(()) => {
                j.valid_len += line.len() as u64;
                j.lines += 1;
                Saved::Durable
            }
            Err(e) => {
                // Best effort: remove a partial line so the file stays replayable.
                let _ = j.file.set_len(j.valid_len);
                let path = self.dir.clone().unwrap_or_default().join(JOURNAL_FILE);
                let msg = format!(
                    "writing {} failed ({e}); triage changes are now kept in memory only and \
                     NOT saved",
                    path.display()
                );
                self.journal = None;
                self.mode = Mode::MemoryOnly;
                self.reason = Some(msg.clone());
                Saved::NotSaved(msg)
            }
        }
    }

    fn maybe_compact(&mut self) {
        let due = self
            .journal
            .as_ref()
            .is_some_and(|j| j.lines >= self.opts.compact_every);
        if due && let Err(e) = self.compact() {
            // The journal is still complete, so nothing is lost; try again next time.
            self.warnings.push(format!("compaction failed: {e}"));
        }
    }

    fn commit_action(&mut self, action: Action) {
        for (id, before) in &action.before {
            let after = action.op.apply_to(before, &action.at);
            self.set_state(id, after);
        }
        self.seq = action.seq;
        self.redo.clear();
        self.undo.push_back(action);
        while self.undo.len() > self.opts.history_limit {
            self.undo.pop_front();
        }
    }

    fn commit_undo(&mut self) -> Option<String> {
        let action = self.undo.pop_back()?;
        for (id, before) in &action.before {
            self.set_state(id, before.clone());
        }
        let d = action.op.describe();
        self.redo.push(action);
        Some(d)
    }

    fn commit_redo(&mut self) -> Option<String> {
        let action = self.redo.pop()?;
        for (id, before) in &action.before {
            // The undo restored exactly `before`, and any new action clears the redo stack,
            // so re-applying with the original timestamp reproduces the original result.
            let after = action.op.apply_to(before, &action.at);
            self.set_state(id, after);
        }
        let d = action.op.describe();
        self.undo.push_back(action);
        Some(d)
    }

    fn set_state(&mut self, id: &str, st: ArticleState) {
        if st.is_default() {
            self.articles.remove(id);
        } else {
            self.articles.insert(id.to_string(), st);
        }
    }

    /// Loads the snapshot and replays the journal. `Err` carries the read-only reason; the
    /// state loaded up to the damage stays visible.
    fn load(&mut self, dir: &Path) -> Result<(), String> {
        let snap_path = dir.join(SNAPSHOT_FILE);
        let snap_seq = match read_snapshot(&snap_path)? {
            Some(snap) => {
                self.articles = snap.articles;
                self.undo = snap.history.into();
                self.redo = snap.redo;
                self.seq = snap.seq;
                snap.seq
            }
            None => 0,
        };

        let journal_path = dir.join(JOURNAL_FILE);
        let bytes = match read_regular_file(&journal_path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => {
                return Err(format!(
                    "cannot read {} ({e}); opened read-only",
                    journal_path.display()
                ));
            }
        };
        let lines = split_lines(&bytes);
        let n = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let last = i + 1 == n;
            let parsed = if line.complete {
                serde_json::from_slice::<Entry>(line.bytes)
                    .map_err(|e| format!("is not valid ({e})"))
            } else {
                Err("is incomplete".to_string())
            };
            let entry = match parsed {
                Ok(e) => e,
                Err(why) if last => {
                    self.warnings.push(format!(
                        "the last line of {} {why}: a write cut short by a crash; it was never \
                         confirmed and is ignored",
                        journal_path.display()
                    ));
                    return Ok(());
                }
                Err(_) => return Err(damaged_line(&journal_path, i + 1)),
            };
            if entry.seq <= snap_seq {
                // Already in the snapshot (a crash hit between snapshot and truncation).
                continue;
            }
            if entry.seq <= self.seq {
                return Err(damaged_line(&journal_path, i + 1));
            }
            if entry.seq != self.seq + 1 {
                self.warnings.push(format!(
                    "{} skips from entry {} to {}; some changes may be missing",
                    journal_path.display(),
                    self.seq,
                    entry.seq
                ));
            }
            if !self.replay(entry) {
                return Err(damaged_line(&journal_path, i + 1));
            }
        }
        Ok(())
    }

    /// Applies one journal entry; false when it does not fit the state (damage).
    fn replay(&mut self, e: Entry) -> bool {
        match (e.op, e.before, e.undo, e.redo) {
            (Some(op), Some(before), None, None) => {
                let ids_match = before.len() == op.ids().len()
                    && op.ids().iter().all(|id| before.contains_key(id));
                if !ids_match {
                    return false;
                }
                self.commit_action(Action {
                    seq: e.seq,
                    at: e.at,
                    op,
                    before,
                });
                true
            }
            (None, None, Some(target), None) => {
                // Undo entries beyond the history limit cannot occur: undo only targets the top.
                if self.undo.back().map(|a| a.seq) != Some(target) {
                    return false;
                }
                self.seq = e.seq;
                self.commit_undo().is_some()
            }
            (None, None, None, Some(target)) => {
                if self.redo.last().map(|a| a.seq) != Some(target) {
                    return false;
                }
                self.seq = e.seq;
                self.commit_redo().is_some()
            }
            _ => false,
        }
    }

    fn open_journal(&mut self, dir: &Path) -> io::Result<()> {
        let path = dir.join(JOURNAL_FILE);
        let existed = path.exists();
        let file = OpenOptions::new().append(true).create(true).open(&path)?;
        if !existed {
            sync_dir(dir)?;
        }
        let bytes = read_regular_file(&path)?;
        let lines = split_lines(&bytes);
        let last_ok = lines
            .last()
            .is_none_or(|l| l.complete && serde_json::from_slice::<Entry>(l.bytes).is_ok());
        let complete = if last_ok {
            lines.len()
        } else {
            lines.len() - 1
        };
        let valid_len = lines[..complete].iter().map(|l| l.len_with_newline()).sum();
        self.journal = Some(Journal {
            file,
            valid_len,
            torn: valid_len != bytes.len() as u64,
            lines: complete,
        });
        Ok(())
    }

    fn remove_stale_temps(&self, dir: &Path) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            // We hold the lock, so no live writer owns these.
            if is_temp_for(&name.to_string_lossy(), SNAPSHOT_FILE) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

fn damaged_line(path: &Path, line: usize) -> String {
    format!(
        "{} is damaged at line {line}; opened read-only so it is not overwritten (the state up \
         to line {} is shown). Move the file aside (e.g. rename it to journal.jsonl.damaged) to \
         start saving again",
        path.display(),
        line - 1
    )
}

fn read_snapshot(path: &Path) -> Result<Option<Snapshot>, String> {
    let shown = path.display();
    let bytes = match read_regular_file(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {shown} ({e}); opened read-only")),
    };
    let damaged = |e: serde_json::Error| {
        format!(
            "{shown} is damaged ({e}); opened read-only so it is not overwritten. Restore it \
             from a backup, or move it aside (e.g. rename it to state.json.damaged) to start \
             over"
        )
    };
    let f: FormatOnly = serde_json::from_slice(&bytes).map_err(damaged)?;
    if f.format > FORMAT {
        return Err(format!(
            "{shown} is from a newer warta (format {}, this build reads {FORMAT}); opened \
             read-only. Use the newer warta",
            f.format
        ));
    }
    serde_json::from_slice(&bytes).map(Some).map_err(damaged)
}

/// Reads a state file, refusing special files (a FIFO would block, `/dev/zero` never ends)
/// and implausible sizes.
fn read_regular_file(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = File::open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other("not a regular file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(io::Error::other(format!(
            "implausibly large: {} bytes",
            meta.len()
        )));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

struct Line<'a> {
    bytes: &'a [u8],
    complete: bool,
}

impl Line<'_> {
    fn len_with_newline(&self) -> u64 {
        self.bytes.len() as u64 + u64::from(self.complete)
    }
}

/// Splits on `\n`; a final piece without a newline is an incomplete line (a torn write).
fn split_lines(bytes: &[u8]) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        match memchr::memchr(b'\n', rest) {
            Some(i) => {
                out.push(Line {
                    bytes: &rest[..i],
                    complete: true,
                });
                rest = &rest[i + 1..];
            }
            None => {
                out.push(Line {
                    bytes: rest,
                    complete: false,
                });
                rest = &[];
            }
        }
    }
    out
}
