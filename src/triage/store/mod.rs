//! The durable triage store: a state snapshot, an undo-history snapshot and an fsync'd
//! append-only journal.
//!
//! Files in the data directory:
//! - `journal.jsonl` ([`journal`]): one line per action, undo or redo, appended and
//!   `sync_data`'d before [`Store::apply`] returns.
//! - `state.json`: `{"format":2,"seq":S,"articles":{…}}`, the current state only. It is
//!   written atomically (temp → fsync → rename → fsync dir) when the journal reaches
//!   [`StoreOptions::compact_every`] lines or [`StoreOptions::compact_bytes`] bytes, and on
//!   [`Store::close`]; afterwards the journal is truncated. Replay skips journal lines with
//!   `seq <= S`, so a crash between the two steps neither loses nor double-applies an action.
//! - `history.json`: the undo and redo stacks as of some `seq`, written right after
//!   `state.json`. History is bounded by [`StoreOptions::history_limit`] actions and
//!   [`StoreOptions::history_bytes`] (see [`history`]), and it is never needed to read the
//!   state: undo and redo lines carry the action they undo, so a missing, stale or damaged
//!   history file costs undo steps, never decisions.
//! - `lock`: names the writer's pid for the message a second browser shows.
//!
//! One writer: the data directory itself is locked (`flock` on the directory), plus the
//! `lock` file for older builds; deleting a file cannot let a second writer in. Before every
//! append the store checks that the directory and the journal at their paths are still the
//! ones it locked and opened, that nobody else appended, and that `state.json` is still
//! there; when the directory, the journal or the state file was deleted it writes the whole
//! state back (creating the directory again), and what it cannot save it says, keeps in
//! memory, and at [`Store::close`] writes to a rescue file.
//!
//! Damage is never overwritten: a journal line that is invalid before the last one, a
//! snapshot that does not parse, or a snapshot from a newer format makes the store read-only
//! with a message that says what to do ([`repair`] keeps every readable line). Only a torn
//! LAST line (a write cut short by a crash, never acknowledged) is dropped, with a warning.
//! What editors do to a text file is not damage: CRLF line ends, a byte order mark, blank
//! lines, and a last line without its newline (which is kept, and ended before appending).
//!
//! Opening never fails: problems turn into a [`Mode`] plus a message ([`Store::status`])
//! that the UI must show, because refusing to start would lose more than it protects.

mod files;
mod history;
mod journal;
mod repair;

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::fsutil::{is_temp_for, write_atomic};
use super::state::{ArticleState, InvalidOp, Op, Progress, StateLookup};
use super::time::now_rfc3339;

pub use files::{FORMAT, HISTORY_FILE, JOURNAL_FILE, LOCK_FILE, MAX_SEQ, SNAPSHOT_FILE};
pub use repair::{RepairReport, repair};

use files::{HistoryOut, Identity, StateOut};
use history::{Action, Bounds, History, Prior};
use journal::{EntryOut, Journal, Line, Problem, Reader};

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
    /// Compact (snapshot + truncate the journal) once the journal holds this many lines…
    pub compact_every: usize,
    /// …or this many bytes (batches over a whole corpus make long lines).
    pub compact_bytes: u64,
    /// How many actions can be undone; older ones are forgotten.
    pub history_limit: usize,
    /// About how many bytes of undo history to keep; the oldest actions are forgotten
    /// beyond it, except the newest, which can always be undone.
    pub history_bytes: usize,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            compact_every: 1000,
            compact_bytes: 32 << 20,
            history_limit: 500,
            history_bytes: 16 << 20,
        }
    }
}

impl StoreOptions {
    fn bounds(&self) -> Bounds {
        Bounds {
            actions: self.history_limit,
            bytes: self.history_bytes,
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

/// What [`Store::refresh`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refresh {
    /// Nothing new.
    Unchanged,
    /// Another instance's changes were read; still read-only.
    Updated,
    /// The writer has gone: this store now writes.
    Writable,
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
    /// Changes were made that are not on disk in the data directory.
    #[error("{changes} triage change(s) were NOT saved ({reason}){}", rescue_note(.rescue.as_deref()))]
    Unsaved {
        changes: usize,
        reason: String,
        /// Where the whole state was written instead, if anywhere.
        rescue: Option<PathBuf>,
    },
    #[error("{0}")]
    Exhausted(String),
}

fn rescue_note(rescue: Option<&Path>) -> String {
    match rescue {
        Some(p) => format!(
            "; the whole triage state was written to {}. To use it, quit every warta and \
             rename it to state.json in the data directory (after moving the old state.json \
             and journal.jsonl aside)",
            p.display()
        ),
        None => String::new(),
    }
}

/// The locks a writer holds for its lifetime; the OS releases them if the process dies.
#[derive(Debug)]
struct Locks {
    _dir: File,
    dir_id: Identity,
    /// The `lock` file, which older builds lock instead of the directory.
    _file: Option<File>,
}

/// Where a read-only store's view of the files stands, to read only what is new.
#[derive(Debug, Clone, PartialEq)]
struct FollowPos {
    state: Option<(Identity, u64, Option<SystemTime>)>,
    journal: Option<Identity>,
    offset: u64,
}

#[derive(Debug)]
pub struct Store {
    dir: Option<PathBuf>,
    opts: StoreOptions,
    mode: Mode,
    reason: Option<String>,
    warnings: Vec<String>,
    /// Said once by [`Store::take_notice`]: something the store did on its own, such as
    /// writing the whole state back after the data directory was deleted.
    notice: Option<String>,
    articles: BTreeMap<String, ArticleState>,
    history: History,
    seq: u64,
    /// The sequence number the loaded history stands at (see [`Store::replay`]).
    history_seq: u64,
    journal: Option<Journal>,
    locks: Option<Locks>,
    /// Changes applied in memory that are not on disk.
    unsaved: usize,
    /// When saving last failed, so a failing disk is retried now and then, not on every key.
    retry_after: Option<Instant>,
    /// What loading found in the journal: bytes of complete lines, and their count.
    scanned: Option<(u64, usize)>,
    /// The last load met what a writer compacting at the same moment would cause (a gap in
    /// the journal, a history newer than the state): a read without the lock tries again.
    unsteady: bool,
    /// The journal's last line lacks its newline (see [`Store::load`]).
    unterminated: bool,
    /// `state.json` was read or written, so the journal continues it.
    has_snapshot: bool,
    /// What trimming forgot while replaying, for undo lines that do not carry their action
    /// (see [`Store::commit`]); emptied once the journal is read.
    attic: Vec<Action>,
    follow: Option<FollowPos>,
}

/// How long to wait before trying again to save after a failure.
const RETRY: Duration = Duration::from_secs(5);

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
            notice: None,
            articles: BTreeMap::new(),
            history: History::default(),
            seq: 0,
            history_seq: 0,
            journal: None,
            locks: None,
            unsaved: 0,
            retry_after: None,
            scanned: None,
            unsteady: false,
            unterminated: false,
            has_snapshot: false,
            attic: Vec::new(),
            follow: None,
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
            ..opts
        };
        s.dir = Some(data_dir.to_path_buf());
        let shown = data_dir.display();

        if let Err(e) = files::create_dir_durably(data_dir) {
            s.reason = Some(format!(
                "cannot create the data directory {shown} ({e}); triage changes are kept in \
                 memory only and NOT saved (use --data-dir or WARTA_DATA_DIR)"
            ));
            return s;
        }
        let dir_file = match files::open_dir(data_dir) {
            Ok(f) => f,
            Err(e) => {
                s.reason = Some(format!(
                    "cannot open the data directory {shown} ({e}); triage changes are kept in \
                     memory only and NOT saved"
                ));
                s.load_for_show(data_dir);
                return s;
            }
        };
        match files::try_lock_briefly(&dir_file) {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                s.open_as_follower(data_dir);
                return s;
            }
            Err(fs::TryLockError::Error(e)) => {
                // Without a lock two writers could interleave (e.g. on NFS), so never write.
                s.set_read_only(format!("cannot lock {shown} ({e}); opened read-only"));
                s.load_read_only(data_dir);
                return s;
            }
        }
        let lock_path = data_dir.join(LOCK_FILE);
        let lock_file = files::open_regular(
            &lock_path,
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false),
        );
        let mut lock_file = match lock_file {
            Ok(f) => f,
            Err(e) => {
                s.reason = Some(format!(
                    "cannot create the lock file {} ({e}); triage changes are kept in memory \
                     only and NOT saved",
                    lock_path.display()
                ));
                s.load_for_show(data_dir);
                return s;
            }
        };
        match files::try_lock_briefly(&lock_file) {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                // An older build, which locks only the file.
                s.open_as_follower(data_dir);
                return s;
            }
            Err(fs::TryLockError::Error(e)) => {
                s.set_read_only(format!(
                    "cannot lock {} ({e}); opened read-only",
                    lock_path.display()
                ));
                s.load_read_only(data_dir);
                return s;
            }
        }
        // Naming the holder is a courtesy for the message above; failure does not matter.
        let _ = lock_file
            .set_len(0)
            .and_then(|()| lock_file.seek(SeekFrom::Start(0)))
            .and_then(|_| writeln!(lock_file, "{}", std::process::id()));
        let dir_id = match dir_file.metadata() {
            Ok(m) => Identity::of(&m),
            Err(e) => {
                s.reason = Some(format!("cannot read {shown} ({e}); NOT saved"));
                return s;
            }
        };
        s.locks = Some(Locks {
            _dir: dir_file,
            dir_id,
            _file: Some(lock_file),
        });

        if let Err(damage) = s.load(data_dir) {
            s.set_read_only(damage);
            // Only writers hold the lock; another instance should see the damage, not us.
            s.locks = None;
            return s;
        }
        s.remove_stale_temps(data_dir);
        let opened = Journal::open(&data_dir.join(JOURNAL_FILE), s.scanned).and_then(|mut j| {
            if s.unterminated {
                j.append(b"\n")?;
            }
            Ok(j)
        });
        match opened {
            Ok(j) => {
                s.journal = Some(j);
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
        if data_dir.is_dir() {
            s.load_read_only(data_dir);
        }
        s
    }

    /// Read-only because another warta writes: says who, and remembers where the files
    /// stood so [`Store::refresh`] reads only what is new.
    fn open_as_follower(&mut self, dir: &Path) {
        let who = match read_pid(&dir.join(LOCK_FILE)) {
            Some(pid) => format!("another warta (pid {pid})"),
            None => "another warta".to_string(),
        };
        self.set_read_only(format!(
            "{who} is using {}; opened read-only (its changes are followed, and this one \
             saves again once it quits)",
            dir.display()
        ));
        self.load_read_only(dir);
    }

    /// Loads without the lock. A writer may compact meanwhile, and a read that overlaps a
    /// compaction can pair an old `state.json` with the truncated journal (changes missing,
    /// or a line cut in two that looks like damage); so the read is done again until the
    /// files held still during it, or it hung together and the snapshots did not change.
    /// Compactions are rare (every [`StoreOptions::compact_every`] lines), so this costs a
    /// few `stat`s.
    fn load_read_only(&mut self, dir: &Path) {
        const TRIES: usize = 10;
        let warned = self.warnings.len();
        let mut attempt = 1;
        let (before, result) = loop {
            let stamps = file_stamps(dir);
            let before = self.follow_pos(dir);
            let result = self.load(dir);
            let after = file_stamps(dir);
            let scanned = self.scanned.map_or(0, |(len, _)| len);
            let held_still = stamps == after;
            let hung_together = result.is_ok()
                && !self.unsteady
                && stamps[..2] == after[..2]
                && stamps[2]
                    .zip(after[2])
                    .is_some_and(|(a, b)| a.0 == b.0 && b.1 >= scanned);
            if held_still || hung_together || attempt == TRIES {
                break (before, result);
            }
            // A moment's pause lets a compaction that is under way finish.
            std::thread::sleep(Duration::from_millis(attempt as u64));
            attempt += 1;
            self.warnings.truncate(warned);
            self.articles.clear();
            self.history.clear();
            self.seq = 0;
            self.scanned = None;
        };
        match result {
            Ok(()) => {
                self.follow = before.map(|mut f| {
                    f.offset = self.scanned.map_or(0, |(len, _)| len);
                    f
                });
            }
            Err(damage) => {
                self.warnings.push(damage.clone());
                self.set_read_only(damage);
            }
        }
    }

    /// Loads what can be shown for a store that will not save.
    fn load_for_show(&mut self, dir: &Path) {
        if let Err(damage) = self.load(dir) {
            self.reason = Some(format!(
                "{}; also: {damage}",
                self.reason.take().unwrap_or_default()
            ));
        }
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

    /// Something the store did on its own that the user should hear about once (it wrote
    /// the whole state back after the data directory was deleted, say).
    pub fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }

    pub fn data_dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// The sequence number of the last journaled entry.
    pub fn seq(&self) -> u64 {
        self.seq
    }

    /// How many changes were applied in memory but not saved.
    pub fn unsaved(&self) -> usize {
        self.unsaved
    }

    /// Roughly the bytes of undo history kept (what [`StoreOptions::history_bytes`] bounds).
    pub fn history_bytes(&self) -> usize {
        self.history.weight()
    }

    /// How many actions can be undone.
    pub fn undo_depth(&self) -> usize {
        self.history.undo.len()
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
        self.mode != Mode::ReadOnly && !self.history.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        self.mode != Mode::ReadOnly && !self.history.redo.is_empty()
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
        let unchanged = op
            .ids()
            .iter()
            .all(|id| !op.changes(self.articles.get(id).unwrap_or(&history::DEFAULT)));
        if unchanged {
            return Ok(Saved::Unchanged);
        }
        let seq = self.next_seq()?;
        let prior = Prior::capture(&op, |id| self.articles.get(id));
        let action = Action { seq, at, op, prior };
        let saved = match EntryOut::action(&action).encode() {
            Ok(line) => self.append(&line),
            Err(e) => self.not_saved(format!("cannot encode the change: {e}")),
        };
        self.commit(action, false);
        self.maybe_compact();
        Ok(saved)
    }

    /// Undoes the last action (a batch is one action). `Ok(None)` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Summary>, StoreError> {
        self.step(false)
    }

    /// Redoes the last undone action. `Ok(None)` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Summary>, StoreError> {
        self.step(true)
    }

    fn step(&mut self, redo: bool) -> Result<Option<Summary>, StoreError> {
        self.check_writable()?;
        let target = if redo {
            self.history.redo.last()
        } else {
            self.history.undo.back()
        };
        let Some(target) = target.map(|a| a.seq) else {
            return Ok(None);
        };
        let seq = self.next_seq()?;
        let at = now_rfc3339();
        let line = {
            let action = if redo {
                self.history.redo.last()
            } else {
                self.history.undo.back()
            };
            action.map(|a| EntryOut::step(seq, &at, redo, a).encode())
        };
        let saved = match line {
            Some(Ok(line)) => self.append(&line),
            Some(Err(e)) => self.not_saved(format!("cannot encode the change: {e}")),
            None => return Ok(None),
        };
        self.seq = seq;
        let description = apply_step(&mut self.articles, &mut self.history, redo, target, None)
            .unwrap_or_default();
        self.maybe_compact();
        Ok(Some(Summary { description, saved }))
    }

    /// Writes the snapshots and truncates the journal (done automatically; exposed for tests
    /// and for an explicit "save" after a write error). On success a store that fell back to
    /// memory after a failed write is read-write again.
    pub fn compact(&mut self) -> Result<(), StoreError> {
        self.check_writable()?;
        let Some(dir) = self.dir.clone().filter(|_| self.locks.is_some()) else {
            return Err(StoreError::Io {
                path: self.dir.clone().unwrap_or_default(),
                source: io::Error::other(self.reason.clone().unwrap_or_default()),
            });
        };
        if !self.files_are_ours() {
            return self.recover().map_err(|reason| StoreError::Io {
                path: dir.clone(),
                source: io::Error::other(reason),
            });
        }
        self.write_snapshots(&dir)
            .map_err(|(path, source)| StoreError::Io { path, source })?;
        let journal_path = dir.join(JOURNAL_FILE);
        let io_err = |source| StoreError::Io {
            path: journal_path.clone(),
            source,
        };
        match &mut self.journal {
            Some(j) => j.truncate().map_err(io_err)?,
            None => self.journal = Some(Journal::open(&journal_path, None).map_err(io_err)?),
        }
        self.saved_again();
        Ok(())
    }

    /// Compacts (if anything was journaled) and releases the lock. Changes that could not be
    /// saved are an error, after one last attempt; the whole state is then written to a
    /// rescue file, which the error names, so they are not lost with the process.
    pub fn close(mut self) -> Result<(), StoreError> {
        let pending = self.journal.as_ref().is_some_and(|j| j.lines > 0 || j.torn);
        if self.mode == Mode::ReadWrite && (pending || !self.files_are_ours()) {
            match self.compact() {
                Ok(()) => return Ok(()),
                // The journal still holds every change; the next start replays it.
                Err(e) if self.files_are_ours() => return Err(e),
                // The directory or journal went with this session's changes, and writing
                // them back failed: only the rescue file below keeps them.
                Err(e) => {
                    self.reason = Some(match e {
                        StoreError::Io { source, .. } => source.to_string(),
                        other => other.to_string(),
                    });
                    let lines = self.journal.as_ref().map_or(0, |j| j.lines);
                    self.unsaved = self.unsaved.max(lines).max(1);
                }
            }
        }
        if self.unsaved == 0 {
            return Ok(());
        }
        if self.locks.is_some() {
            self.retry_after = None;
            if self.try_resume() {
                return Ok(());
            }
        }
        let reason = self.reason.clone().unwrap_or_default();
        let rescue = self.write_rescue();
        Err(StoreError::Unsaved {
            changes: self.unsaved,
            reason,
            rescue,
        })
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

    /// For a read-only store: reads what another instance appended since the last look,
    /// rereads everything when it compacted, and takes over as the writer once the lock is
    /// free. Cheap when nothing changed (a few `stat`s), so it can run on every file event.
    pub fn refresh(&mut self) -> Refresh {
        let Some(dir) = self.dir.clone().filter(|_| self.mode == Mode::ReadOnly) else {
            return Refresh::Unchanged;
        };
        let Some(was) = self.follow.clone() else {
            // Read-only because of damage: read it all again, as it may have been repaired.
            let reason = self.reason.clone();
            *self = Store::open_with(&dir, self.opts);
            return match self.mode {
                Mode::ReadOnly if self.reason == reason => Refresh::Unchanged,
                Mode::ReadOnly => Refresh::Updated,
                _ => Refresh::Writable,
            };
        };
        if lock_is_free(&dir) {
            *self = Store::open_with(&dir, self.opts);
            return if self.mode == Mode::ReadOnly {
                Refresh::Updated
            } else {
                Refresh::Writable
            };
        }
        let now = self.follow_pos(&dir);
        match now {
            Some(now) if now.state == was.state && now.journal == was.journal => {
                match self.follow_journal(&dir, was.offset) {
                    Ok(0) => Refresh::Unchanged,
                    Ok(_) => Refresh::Updated,
                    Err(()) => self.reread(&dir),
                }
            }
            _ => self.reread(&dir),
        }
    }

    /// Reads everything again as a follower.
    fn reread(&mut self, dir: &Path) -> Refresh {
        let opts = self.opts;
        *self = Store::in_memory("");
        self.opts = opts;
        self.dir = Some(dir.to_path_buf());
        self.open_as_follower(dir);
        Refresh::Updated
    }

    /// Replays journal lines after `offset`; the number of lines read, or `Err` when the
    /// journal no longer fits what was read before (then everything is read again).
    fn follow_journal(&mut self, dir: &Path, offset: u64) -> Result<usize, ()> {
        let read = self.follow_lines(dir, offset);
        self.attic = Vec::new();
        read
    }

    fn follow_lines(&mut self, dir: &Path, offset: u64) -> Result<usize, ()> {
        let file = files::open_for_reading(&dir.join(JOURNAL_FILE)).map_err(|_| ())?;
        let len = file.metadata().map_err(|_| ())?.len();
        if len < offset {
            return Err(());
        }
        if len == offset {
            return Ok(0);
        }
        let mut rd = Reader::new(file, offset).map_err(|_| ())?;
        let mut n = 0;
        let mut good = offset;
        while let Some(raw) = rd.next_line().map_err(|_| ())? {
            if !raw.complete {
                // Being written right now; read it next time.
                break;
            }
            let line = journal::parse(&raw.bytes).map_err(|_| ())?;
            // The writer compacted and wrote the journal anew past our offset: what is
            // there now does not follow what was read.
            if line.seq() != self.seq + 1 {
                return Err(());
            }
            let snap = self.seq;
            self.replay(line, snap, &mut None).map_err(|_| ())?;
            good = rd.offset;
            n += 1;
        }
        if let Some(f) = &mut self.follow {
            f.offset = good;
        }
        Ok(n)
    }

    fn follow_pos(&self, dir: &Path) -> Option<FollowPos> {
        let state = fs::metadata(dir.join(SNAPSHOT_FILE))
            .ok()
            .map(|m| (Identity::of(&m), m.len(), m.modified().ok()));
        let journal = Identity::of_path(&dir.join(JOURNAL_FILE));
        Some(FollowPos {
            state,
            journal,
            offset: 0,
        })
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        match self.mode {
            Mode::ReadOnly => Err(StoreError::ReadOnly(
                self.reason.clone().unwrap_or_else(|| "read-only".into()),
            )),
            _ => Ok(()),
        }
    }

    fn next_seq(&self) -> Result<u64, StoreError> {
        self.seq
            .checked_add(1)
            .filter(|s| *s <= MAX_SEQ)
            .ok_or_else(|| {
                StoreError::Exhausted(format!(
                    "the triage journal's sequence number is at its limit ({}); nothing more \
                     can be recorded. Run `warta repair` after restoring a backup",
                    self.seq
                ))
            })
    }

    /// Appends one durable line, or explains why it was not saved. A failed write switches
    /// the store to memory-only mode: later lines must not follow a missing one.
    fn append(&mut self, line: &[u8]) -> Saved {
        if self.mode == Mode::MemoryOnly && !self.try_resume() {
            return self.not_saved(self.reason.clone().unwrap_or_default());
        }
        let Some(dir) = self.dir.clone() else {
            return self.not_saved(self.reason.clone().unwrap_or_default());
        };
        if !self.files_are_ours()
            && let Err(why) = self.recover()
        {
            return self.degrade(why);
        }
        let Some(j) = &mut self.journal else {
            return self.not_saved(self.reason.clone().unwrap_or_default());
        };
        match j.append(line) {
            Ok(()) => Saved::Durable,
            Err(e) => {
                let path = dir.join(JOURNAL_FILE);
                self.degrade(format!(
                    "writing {} failed ({e}); triage changes are now kept in memory only and \
                     NOT saved",
                    path.display()
                ))
            }
        }
    }

    fn not_saved(&mut self, why: String) -> Saved {
        self.unsaved += 1;
        Saved::NotSaved(why)
    }

    fn degrade(&mut self, why: String) -> Saved {
        self.journal = None;
        self.mode = Mode::MemoryOnly;
        self.reason = Some(why.clone());
        self.retry_after = Some(Instant::now() + RETRY);
        self.not_saved(why)
    }

    fn saved_again(&mut self) {
        self.mode = Mode::ReadWrite;
        self.reason = None;
        self.unsaved = 0;
        self.retry_after = None;
    }

    /// For a store that fell back to memory after a failed write while it held the lock:
    /// tries (at most every few seconds) to write the whole state again.
    fn try_resume(&mut self) -> bool {
        if self.locks.is_none() || self.retry_after.is_some_and(|t| Instant::now() < t) {
            return false;
        }
        let unsaved = self.unsaved;
        match self.recover() {
            Ok(()) => {
                if unsaved > 0 {
                    self.notice = Some(format!(
                        "saving again: the whole triage state is written to {}",
                        self.dir.as_deref().unwrap_or(Path::new("")).display()
                    ));
                }
                true
            }
            Err(why) => {
                self.reason = Some(why);
                self.retry_after = Some(Instant::now() + RETRY);
                false
            }
        }
    }

    /// Whether the data directory and the journal at their paths are still the ones this
    /// store locked and writes, and the state snapshot the journal continues is still there.
    fn files_are_ours(&self) -> bool {
        self.dir.as_deref().is_some_and(|d| {
            self.dir_is_ours(d) && self.journal_problem(d).is_none() && !self.snapshot_gone(d)
        })
    }

    /// `state.json` was deleted: the journal alone no longer holds the state.
    fn snapshot_gone(&self, dir: &Path) -> bool {
        self.has_snapshot && fs::symlink_metadata(dir.join(SNAPSHOT_FILE)).is_err()
    }

    fn dir_is_ours(&self, dir: &Path) -> bool {
        match &self.locks {
            Some(l) => Identity::of_path(dir) == Some(l.dir_id),
            None => false,
        }
    }

    fn journal_problem(&self, dir: &Path) -> Option<Problem> {
        match &self.journal {
            Some(j) => j.check(&dir.join(JOURNAL_FILE)).err(),
            None => Some(Problem::Gone),
        }
    }

    /// Makes the data directory and journal ours again and writes the whole state there:
    /// after the directory or journal was deleted, replaced or written by someone else, and
    /// after a failed write. Never overwrites triage data it did not write.
    fn recover(&mut self) -> Result<(), String> {
        let dir = self.dir.clone().ok_or("no data directory")?;
        let shown = dir.display();
        let journal_path = dir.join(JOURNAL_FILE);
        let mut notice = None;
        if !self.dir_is_ours(&dir) {
            let existed = dir.exists();
            files::create_dir_durably(&dir).map_err(|e| {
                format!(
                    "the data directory {shown} was deleted and cannot be created again ({e}); \
                     triage changes are kept in memory only and NOT saved"
                )
            })?;
            let locks = lock_new_dir(&dir)?;
            if files::holds_state(&dir) {
                return Err(format!(
                    "the data directory {shown} was replaced by one holding other triage data; \
                     warta does not overwrite it, so changes are kept in memory only and NOT \
                     saved (they are written to a rescue file when you quit)"
                ));
            }
            self.locks = Some(locks);
            self.journal = None;
            notice = Some(if existed {
                format!(
                    "the data directory {shown} was replaced while warta ran; saved the whole \
                     triage state in the new one"
                )
            } else {
                format!(
                    "the data directory {shown} was deleted while warta ran; created it again \
                     and saved the whole triage state"
                )
            });
        } else if self.snapshot_gone(&dir) && self.journal_problem(&dir).is_none() {
            notice = Some(format!(
                "{} was deleted while warta ran; saved the whole triage state again",
                dir.join(SNAPSHOT_FILE).display()
            ));
        } else if let Some(problem) = self.journal_problem(&dir) {
            self.journal = None;
            match problem {
                Problem::Gone if self.mode != Mode::MemoryOnly => {
                    notice = Some(format!(
                        "{} was deleted while warta ran; saved the whole triage state again",
                        journal_path.display()
                    ));
                }
                Problem::Gone => {}
                Problem::Replaced | Problem::Foreign => {
                    // Someone else's lines may be in it: keep them for the user.
                    let aside = dir.join(format!(
                        "{JOURNAL_FILE}.set-aside-{}-{}",
                        compact_stamp(),
                        std::process::id()
                    ));
                    fs::rename(&journal_path, &aside).map_err(|e| {
                        format!(
                            "{} was changed by another program and cannot be set aside ({e}); \
                             triage changes are kept in memory only and NOT saved",
                            journal_path.display()
                        )
                    })?;
                    notice = Some(format!(
                        "{} was changed by another program; it is kept as {} and the whole \
                         triage state was saved again",
                        journal_path.display(),
                        aside.display()
                    ));
                }
            }
        }
        self.write_snapshots(&dir).map_err(|(path, e)| {
            format!(
                "writing {} failed ({e}); triage changes are kept in memory only and NOT saved",
                path.display()
            )
        })?;
        let j = Journal::open(&journal_path, None).map_err(|e| {
            format!(
                "cannot open {} ({e}); triage changes are kept in memory only and NOT saved",
                journal_path.display()
            )
        })?;
        self.journal = Some(j);
        self.saved_again();
        if notice.is_some() {
            self.notice = notice;
        }
        Ok(())
    }

    /// Writes `state.json` and then `history.json`. The state must be written; history that
    /// cannot be is dropped (the old file removed, so it is not taken for current) with a
    /// warning, because the state never depends on it.
    fn write_snapshots(&mut self, dir: &Path) -> Result<(), (PathBuf, io::Error)> {
        let state_path = dir.join(SNAPSHOT_FILE);
        let state = StateOut {
            format: FORMAT,
            seq: self.seq,
            articles: &self.articles,
        };
        write_atomic(&state_path, &mut |w| {
            serde_json::to_writer(&mut *w, &state).map_err(io::Error::other)?;
            w.write_all(b"\n")
        })
        .map_err(|e| (state_path.clone(), e))?;
        self.has_snapshot = true;
        let history_path = dir.join(HISTORY_FILE);
        let history = HistoryOut {
            format: FORMAT,
            seq: self.seq,
            undo: self.history.undo.iter().collect(),
            redo: &self.history.redo,
        };
        let written = write_atomic(&history_path, &mut |w| {
            serde_json::to_writer(&mut *w, &history).map_err(io::Error::other)?;
            w.write_all(b"\n")
        });
        if let Err(e) = written {
            let _ = fs::remove_file(&history_path);
            self.warnings.push(format!(
                "the undo history could not be saved to {} ({e}); the triage state was \
                 saved, but earlier steps cannot be undone after a restart",
                history_path.display()
            ));
        }
        Ok(())
    }

    /// Writes the whole state to a new file next to the data (or in the temp dir), for
    /// changes that could not be saved.
    fn write_rescue(&self) -> Option<PathBuf> {
        let name = format!(
            "state.unsaved-{}-{}.json",
            compact_stamp(),
            std::process::id()
        );
        let state = StateOut {
            format: FORMAT,
            seq: self.seq,
            articles: &self.articles,
        };
        let dirs = self
            .dir
            .iter()
            .cloned()
            .chain(std::iter::once(std::env::temp_dir()));
        for dir in dirs {
            let path = dir.join(&name);
            let ok = write_atomic(&path, &mut |w| {
                serde_json::to_writer(&mut *w, &state).map_err(io::Error::other)?;
                w.write_all(b"\n")
            });
            if ok.is_ok() {
                return Some(path);
            }
        }
        None
    }

    fn maybe_compact(&mut self) {
        let due = self.journal.as_ref().is_some_and(|j| {
            j.lines >= self.opts.compact_every || j.valid_len >= self.opts.compact_bytes
        });
        if due && let Err(e) = self.compact() {
            // The journal is still complete, so nothing is lost; try again next time.
            self.warnings.push(format!("compaction failed: {e}"));
        }
    }

    /// Applies a new (or replayed) action to the state and pushes it on the history, which
    /// it then trims. Replay trims exactly as the live store did, so a restart neither
    /// brings back undo steps the session had forgotten nor exceeds the bounds; what it
    /// forgets goes to the attic for an older journal's undo lines, which name their action
    /// without carrying it.
    fn commit(&mut self, action: Action, replaying: bool) {
        redo_in_place(&mut self.articles, &action);
        self.seq = action.seq;
        self.history.push(action);
        let attic = replaying.then_some(&mut self.attic);
        self.history.trim_into(self.opts.bounds(), attic);
    }

    /// Loads the snapshots and replays the journal. `Err` carries the read-only reason; the
    /// state loaded up to the damage stays visible.
    fn load(&mut self, dir: &Path) -> Result<(), String> {
        let loaded = self.load_files(dir);
        self.attic = Vec::new();
        loaded
    }

    fn load_files(&mut self, dir: &Path) -> Result<(), String> {
        self.unsteady = false;
        self.unterminated = false;
        let snap_seq = self.load_snapshots(dir)?;
        let journal_path = dir.join(JOURNAL_FILE);
        let file = match files::open_for_reading(&journal_path) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.scanned = Some((0, 0));
                return Ok(());
            }
            Err(e) => {
                return Err(format!(
                    "cannot read {} ({e}); opened read-only",
                    journal_path.display()
                ));
            }
        };
        let mut hist_seq = Some(self.history_seq);
        let read_err = |e: io::Error| {
            format!(
                "cannot read {} ({e}); opened read-only",
                journal_path.display()
            )
        };
        let mut rd = Reader::new(file, 0).map_err(read_err)?;
        let (mut good, mut lines) = (rd.offset, 0);
        while let Some(raw) = rd.next_line().map_err(read_err)? {
            let parsed = journal::parse(&raw.bytes).map_err(|e| match raw.complete {
                true => format!("is not valid ({e})"),
                false => "is incomplete".to_string(),
            });
            // A last line whole but for its newline (an editor that drops the final one) is
            // a change like any other; the newline is added before anything is appended.
            let parsed = match parsed {
                Ok(line) if !raw.complete => self
                    .replay(line, snap_seq, &mut hist_seq)
                    .map(|()| None)
                    .map_err(|_| "is incomplete".to_string()),
                other => other.map(Some),
            };
            let line = match parsed {
                Ok(Some(l)) => l,
                Ok(None) => {
                    good = rd.offset + raw.bytes.len() as u64;
                    lines += 1;
                    self.unterminated = true;
                    break;
                }
                Err(why) if raw.last => {
                    // Without the lock it may also be a line read across a truncation.
                    self.unsteady = true;
                    self.warnings.push(format!(
                        "the last line of {} {why}: a write cut short by a crash; it was never \
                         confirmed and is ignored",
                        journal_path.display()
                    ));
                    break;
                }
                Err(why) => return Err(damaged_line(&journal_path, rd.line_no, &why)),
            };
            self.replay(line, snap_seq, &mut hist_seq)
                .map_err(|why| damaged_line(&journal_path, rd.line_no, &why))?;
            good = rd.offset;
            lines += 1;
        }
        self.settle_history(&mut hist_seq, snap_seq);
        self.history.trim(self.opts.bounds());
        self.scanned = Some((good, lines));
        Ok(())
    }

    /// Reads `state.json` and `history.json`; returns the state's sequence number.
    fn load_snapshots(&mut self, dir: &Path) -> Result<u64, String> {
        self.history_seq = 0;
        self.has_snapshot = false;
        let Some(snap) = files::read_state(&dir.join(SNAPSHOT_FILE))? else {
            return Ok(0);
        };
        self.has_snapshot = true;
        self.articles = snap.articles;
        self.seq = snap.seq;
        if snap.format < 2 {
            // Format 1 kept the history in the state file.
            let convert = |v: Vec<history::ActionRepr>| -> Result<Vec<Action>, String> {
                v.into_iter()
                    .map(|a| a.into_action_upto(snap.seq))
                    .collect()
            };
            match convert(snap.history).and_then(|u| Ok((u, convert(snap.redo)?))) {
                Ok((undo, redo)) => self.history = History::new(undo, redo),
                Err(e) => self.warnings.push(format!(
                    "the undo history in {} could not be read ({}); undo history starts \
                     afresh (the triage state is not affected)",
                    dir.join(SNAPSHOT_FILE).display(),
                    files::quoted(&e)
                )),
            }
            self.history_seq = snap.seq;
            return Ok(snap.seq);
        }
        match files::read_history(&dir.join(HISTORY_FILE)) {
            Ok(Some(h)) if h.seq <= snap.seq => {
                self.history = History::new(h.undo, h.redo);
                self.history_seq = h.seq;
            }
            Ok(Some(_)) => {
                self.unsteady = true;
                self.warnings.push(format!(
                    "{} is newer than {}; undo history starts afresh",
                    dir.join(HISTORY_FILE).display(),
                    dir.join(SNAPSHOT_FILE).display()
                ));
            }
            Ok(None) => {}
            Err(why) => self.warnings.push(format!(
                "{why}; undo history starts afresh (the triage state is not affected)"
            )),
        }
        Ok(snap.seq)
    }

    /// Applies one journal line. Lines the state snapshot already covers only rebuild the
    /// history (when it is at the line before); newer lines change the state too.
    /// `hist_seq` is the sequence number the history stands at, while that is known.
    fn replay(
        &mut self,
        line: Line,
        snap_seq: u64,
        hist_seq: &mut Option<u64>,
    ) -> Result<(), String> {
        let seq = line.seq();
        if seq <= snap_seq {
            if let Some(h) = *hist_seq
                && seq > h
            {
                let fits = seq == h + 1 && self.history_only(line);
                *hist_seq = fits.then_some(seq);
                if !fits {
                    self.history.clear();
                }
            }
            return Ok(());
        }
        self.settle_history(hist_seq, snap_seq);
        if seq <= self.seq {
            return Err(format!("it repeats sequence number {seq}"));
        }
        if seq != self.seq + 1 {
            self.unsteady = true;
            self.warnings.push(format!(
                "the journal skips from entry {} to {seq}; some changes may be missing",
                self.seq
            ));
        }
        match line {
            Line::Act(a) => self.commit(a, true),
            Line::Step {
                redo,
                target,
                action,
                ..
            } => {
                let action = action.or_else(|| self.take_from_attic(redo, target));
                if apply_step(&mut self.articles, &mut self.history, redo, target, action).is_none()
                {
                    return Err(format!(
                        "it {} action {target}, which is not in the undo history",
                        if redo { "redoes" } else { "undoes" }
                    ));
                }
                self.seq = seq;
            }
        }
        *hist_seq = None;
        Ok(())
    }

    /// Replays a line the state already holds onto the history alone, trimming as the live
    /// store did; false when the history does not fit it.
    fn history_only(&mut self, line: Line) -> bool {
        let history = &mut self.history;
        match line {
            Line::Act(a) => {
                history.push(a);
                history.trim_into(self.opts.bounds(), Some(&mut self.attic));
                true
            }
            Line::Step { redo, target, .. } => {
                if redo {
                    history.take_redo(target).is_some()
                } else {
                    history.take_undo(target).is_some()
                }
            }
        }
    }

    /// For an undo or redo line that does not carry its action: the action, when trimming
    /// during replay forgot it (an older build kept more history).
    fn take_from_attic(&mut self, redo: bool, target: u64) -> Option<Action> {
        let top = if redo {
            self.history.redo.last()
        } else {
            self.history.undo.back()
        };
        if top.is_some_and(|a| a.seq == target) {
            return None;
        }
        let i = self.attic.iter().rposition(|a| a.seq == target)?;
        Some(self.attic.remove(i))
    }

    /// Once the journal has passed the state snapshot, the history must stand where the
    /// state does. One that stopped short (a `history.json` older than `state.json`, with
    /// no journal lines between them) has for its newest action something other than the
    /// last change, and undoing it would take back the wrong one: it is dropped.
    fn settle_history(&mut self, hist_seq: &mut Option<u64>, snap_seq: u64) {
        let Some(h) = hist_seq.take() else {
            return;
        };
        if h == snap_seq {
            *hist_seq = Some(h);
            return;
        }
        if !self.history.undo.is_empty() || !self.history.redo.is_empty() {
            let dir = self.dir.clone().unwrap_or_default();
            self.warnings.push(format!(
                "{} is older than {}; undo history starts afresh (the triage state is not \
                 affected)",
                dir.join(HISTORY_FILE).display(),
                dir.join(SNAPSHOT_FILE).display()
            ));
        }
        self.history.clear();
    }

    fn remove_stale_temps(&self, dir: &Path) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            // We hold the lock, so no live writer owns these.
            if is_temp_for(&name, SNAPSHOT_FILE) || is_temp_for(&name, HISTORY_FILE) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Applies `action`'s op to each of its ids' states where they are.
fn redo_in_place(articles: &mut BTreeMap<String, ArticleState>, action: &Action) {
    let op = &action.op;
    for id in op.ids() {
        match articles.get_mut(id) {
            Some(st) if op.changes(st) => {
                *st = op.apply_to(st, &action.at);
                if st.is_default() {
                    articles.remove(id);
                }
            }
            Some(_) => {}
            None => {
                let st = op.apply_to(&history::DEFAULT, &action.at);
                if !st.is_default() {
                    articles.insert(id.clone(), st);
                }
            }
        }
    }
}

/// Undoes or redoes the action `target` on the state, moving it between the stacks. The
/// action comes from the journal line when it carries one, else from the history. A history
/// that does not have it on top is out of step and is cleared (the state is still right).
/// Returns the action's description, or `None` when the action is nowhere to be found.
fn apply_step(
    articles: &mut BTreeMap<String, ArticleState>,
    history: &mut History,
    redo: bool,
    target: u64,
    carried: Option<Action>,
) -> Option<String> {
    let found = if redo {
        history.take_redo(target).is_some()
    } else {
        history.take_undo(target).is_some()
    };
    let owned;
    let action = if found {
        // take_* moved it to the top of the other stack.
        if redo {
            history.undo.back()?
        } else {
            history.redo.last()?
        }
    } else {
        owned = carried?;
        history.clear();
        &owned
    };
    if redo {
        redo_in_place(articles, action);
    } else {
        let op = &action.op;
        for (id, prior) in op.ids().iter().zip(action.prior.iter()) {
            match articles.get_mut(id) {
                Some(st) => {
                    *st = history::restore(op, st, prior);
                    if st.is_default() {
                        articles.remove(id);
                    }
                }
                None => {
                    let st = history::restore(op, &history::DEFAULT, prior);
                    if !st.is_default() {
                        articles.insert(id.clone(), st);
                    }
                }
            }
        }
    }
    Some(action.op.describe())
}

/// Locks a data directory that replaced ours; `Err` when another warta holds it.
fn lock_new_dir(dir: &Path) -> Result<Locks, String> {
    let shown = dir.display();
    let taken = |e: String| {
        format!(
            "the data directory {shown} was replaced and {e}; triage changes are kept in memory \
             only and NOT saved (they are written to a rescue file when you quit)"
        )
    };
    let f = files::open_dir(dir).map_err(|e| taken(format!("cannot be opened ({e})")))?;
    match f.try_lock() {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => return Err(taken("another warta now uses it".into())),
        Err(fs::TryLockError::Error(e)) => return Err(taken(format!("cannot be locked ({e})"))),
    }
    let dir_id = f
        .metadata()
        .map(|m| Identity::of(&m))
        .map_err(|e| taken(e.to_string()))?;
    let mut file = files::open_regular(
        &dir.join(LOCK_FILE),
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
    )
    .ok();
    if let Some(lf) = &mut file {
        if let Err(fs::TryLockError::WouldBlock) = lf.try_lock() {
            return Err(taken("another warta now uses it".into()));
        }
        let _ = lf
            .set_len(0)
            .and_then(|()| lf.seek(SeekFrom::Start(0)))
            .and_then(|_| writeln!(lf, "{}", std::process::id()));
    }
    Ok(Locks {
        _dir: f,
        dir_id,
        _file: file,
    })
}

/// Whether nobody holds `dir`'s lock right now (without waiting).
fn lock_is_free(dir: &Path) -> bool {
    let Ok(d) = files::open_dir(dir) else {
        return false;
    };
    if d.try_lock().is_err() {
        return false;
    }
    let file = files::open_regular(
        &dir.join(LOCK_FILE),
        OpenOptions::new().read(true).write(true),
    );
    match file {
        Ok(f) => f.try_lock().is_ok(),
        Err(_) => true,
    }
}

/// Blocks until no warta writes to `dir`, for a read-only browser waiting to take over. The
/// lock is released again at once; the caller then reopens the store.
pub fn wait_until_free(dir: &Path) -> io::Result<()> {
    let d = files::open_dir(dir)?;
    d.lock()?;
    Ok(())
}

/// `stat` of `state.json`, `history.json` and the journal: equal before and after a read
/// without the lock means no writer changed them meanwhile.
fn file_stamps(dir: &Path) -> [Option<(Identity, u64, Option<SystemTime>)>; 3] {
    [SNAPSHOT_FILE, HISTORY_FILE, JOURNAL_FILE].map(|name| {
        fs::metadata(dir.join(name))
            .ok()
            .map(|m| (Identity::of(&m), m.len(), m.modified().ok()))
    })
}

fn read_pid(path: &Path) -> Option<u32> {
    let mut text = String::new();
    files::open_for_reading(path)
        .ok()?
        .take(64)
        .read_to_string(&mut text)
        .ok()?;
    text.trim().parse().ok()
}

/// A timestamp for file names: `20250601T100000`.
fn compact_stamp() -> String {
    now_rfc3339()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(15)
        .collect()
}

fn damaged_line(path: &Path, line: usize, why: &str) -> String {
    format!(
        "{} is damaged at line {line} ({why}); opened read-only so it is not overwritten (the \
         state up to line {} is shown). Run `warta repair` to keep every readable change and \
         set the damaged file aside",
        path.display(),
        line.saturating_sub(1)
    )
}
