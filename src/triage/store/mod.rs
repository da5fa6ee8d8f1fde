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
//! with a message that says what to do ([`repair()`] keeps every readable line). Only a torn
//! LAST line (a write cut short by a crash, never acknowledged) is dropped, with a warning.
//! What editors do to a text file is not damage: CRLF line ends, a byte order mark, blank
//! lines, and a last line without its newline (which is kept, and ended before appending).
//!
//! Opening never fails: problems turn into a [`Mode`] plus a message ([`Store::status`])
//! that the UI must show, because refusing to start would lose more than it protects.

mod files;
mod follow;
mod history;
mod journal;
mod load;
mod lock;
mod recover;
mod repair;
mod states;

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::state::{ArticleState, InvalidOp, Op, Progress, StateLookup};
use super::time::now_rfc3339;
use crate::fsutil::{is_temp_for, write_atomic};

pub use files::{FORMAT, HISTORY_FILE, JOURNAL_FILE, LOCK_FILE, MAX_SEQ, SNAPSHOT_FILE};
pub use lock::wait_until_free;
pub use repair::{RepairReport, repair};

use files::{HistoryOut, Identity, StateOut};
use follow::FollowPos;
use history::{Action, Bounds, History, Prior};
use journal::{EntryOut, Journal, Line, Problem, Reader};
use load::{apply_step, redo_in_place};
use lock::{Locks, lock_is_free, lock_new_dir, read_pid};
use recover::compact_stamp;
use states::States;

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
        self.states.is_empty()
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
    states: States,
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
    /// the journal, a history newer or older than the state): a read without the lock tries
    /// again.
    unsteady: bool,
    /// The journal's last line lacks its newline (see [`Store::load`]).
    unterminated: bool,
    /// `state.json` was read or written, so the journal continues it.
    has_snapshot: bool,
    /// What trimming forgot while replaying, for undo lines that do not carry their action
    /// (see [`Store::commit`]); emptied once the journal is read.
    attic: Vec<Action>,
    follow: Option<FollowPos>,
    /// Which action the last apply, undo or redo changed: see [`Store::last_changed`].
    last: Last,
}

/// The action whose ids the last change touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Last {
    #[default]
    None,
    /// The newest action on the undo stack (applied or redone).
    Done,
    /// The newest action on the redo stack (undone).
    Undone,
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
            states: States::default(),
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
            last: Last::None,
        }
    }

    /// A store in memory holding `states` and nothing to undo: what a team server holds, for
    /// the commands that read it as they read a local store. `reason` says why nothing is
    /// saved.
    pub fn from_states(
        reason: impl Into<String>,
        states: impl IntoIterator<Item = (String, ArticleState)>,
    ) -> Store {
        let mut s = Store::in_memory(reason);
        s.states = States::from_map(
            states
                .into_iter()
                .filter(|(_, st)| !st.is_default())
                .collect(),
        );
        s
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
        let lock_file = files::open_lock_file(data_dir);
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

    /// The ids whose state the last [`Store::apply`], [`Store::undo`] or [`Store::redo`]
    /// changed (or may have: a batch lists every id it was given), so a view can update just
    /// those. Empty when nothing changed.
    pub fn last_changed(&self) -> &[String] {
        let action = match self.last {
            Last::None => None,
            Last::Done => self.history.undo.back(),
            Last::Undone => self.history.redo.last(),
        };
        action.map_or(&[], |a| a.op.ids())
    }

    /// The ids the next [`Store::undo`] (or with `redo`, [`Store::redo`]) would change, so a
    /// caller can see their states before and after it.
    pub fn next_step_ids(&self, redo: bool) -> &[String] {
        let action = if redo {
            self.history.redo.last()
        } else {
            self.history.undo.back()
        };
        action.map_or(&[], |a| a.op.ids())
    }

    /// The state of `id`; the default (unread, undecided, …) when it was never touched.
    pub fn state(&self, id: &str) -> ArticleState {
        self.states.get(id).cloned().unwrap_or_default()
    }

    /// Like [`Store::state`] without a copy; `None` means the default state.
    pub fn get(&self, id: &str) -> Option<&ArticleState> {
        self.states.get(id)
    }

    /// Every id with a non-default state, including ids no longer in the corpus.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.states.map().keys().map(String::as_str)
    }

    /// All labels with the number of articles carrying each, most used first (ties by name).
    /// Spellings that differ only in case are counted together under one spelling.
    pub fn labels(&self) -> Vec<(String, usize)> {
        self.states.labels()
    }

    pub fn progress<'a>(&self, ids: impl Iterator<Item = &'a str>) -> Progress {
        let default = ArticleState::default();
        let mut p = Progress::default();
        for id in ids {
            p.add(self.states.get(id).unwrap_or(&default));
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
            .all(|id| !op.changes(self.states.get(id).unwrap_or(&history::DEFAULT)));
        if unchanged {
            self.last = Last::None;
            return Ok(Saved::Unchanged);
        }
        let seq = self.next_seq()?;
        let prior = Prior::capture(&op, |id| self.states.get(id));
        let action = Action { seq, at, op, prior };
        let saved = match EntryOut::action(&action).encode() {
            Ok(line) => self.append(&line),
            Err(e) => self.not_saved(format!("cannot encode the change: {e}")),
        };
        self.commit(action, false);
        self.last = Last::Done;
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
        self.last = if redo { Last::Done } else { Last::Undone };
        let description =
            apply_step(&mut self.states, &mut self.history, redo, target, None).unwrap_or_default();
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
        redo_in_place(&mut self.states, &action);
        self.seq = action.seq;
        self.history.push(action);
        let attic = replaying.then_some(&mut self.attic);
        self.history.trim_into(self.opts.bounds(), attic);
    }
}
