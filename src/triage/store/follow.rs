//! Reading without the lock, and a read-only store following the writer: reading again when
//! a compaction overlapped the read, reading only what the writer appended, and taking over
//! once the lock is free.

use super::*;

/// Where a read-only store's view of the files stands, to read only what is new.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FollowPos {
    pub(super) state: Option<(Identity, u64, Option<SystemTime>)>,
    pub(super) journal: Option<Identity>,
    pub(super) offset: u64,
}

/// `stat` of `state.json`, `history.json` and the journal: equal before and after a read
/// without the lock means no writer changed them meanwhile.
pub(super) fn file_stamps(dir: &Path) -> [Option<(Identity, u64, Option<SystemTime>)>; 3] {
    [SNAPSHOT_FILE, HISTORY_FILE, JOURNAL_FILE].map(|name| {
        fs::metadata(dir.join(name))
            .ok()
            .map(|m| (Identity::of(&m), m.len(), m.modified().ok()))
    })
}

impl Store {
    /// Read-only because another warta writes: says who, and remembers where the files
    /// stood so [`Store::refresh`] reads only what is new.
    pub(super) fn open_as_follower(&mut self, dir: &Path) {
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
    pub(super) fn load_read_only(&mut self, dir: &Path) {
        // A writer compacting back to back on a loaded machine outlasted ten tries (45 ms
        // of pauses) in a test that writes without a pause; thirty wait up to 435 ms, only
        // while compactions keep overlapping the read.
        const TRIES: usize = 30;
        let warned = self.warnings.len();
        let mut attempt = 1;
        let mut first = None;
        let mut moved = false;
        let (before, result) = loop {
            let stamps = file_stamps(dir);
            let before = self.follow_pos(dir);
            let result = self.load(dir);
            let after = file_stamps(dir);
            let scanned = self.scanned.map_or(0, |(len, _)| len);
            let held_still = stamps == after;
            moved |= !held_still || stamps != *first.get_or_insert(stamps);
            let hung_together = result.is_ok()
                && !self.unsteady
                && stamps[..2] == after[..2]
                && stamps[2]
                    .zip(after[2])
                    .is_some_and(|(a, b)| a.0 == b.0 && b.1 >= scanned);
            // Files that held still can still disagree: the writer renamed the state just
            // before the first look and the history just after the last.
            if (held_still && !self.unsteady) || hung_together || attempt == TRIES {
                break (before, result);
            }
            // A moment's pause lets a compaction that is under way finish.
            std::thread::sleep(Duration::from_millis(attempt as u64));
            attempt += 1;
            self.warnings.truncate(warned);
            self.states = States::default();
            self.history.clear();
            self.seq = 0;
            self.scanned = None;
        };
        if attempt == TRIES && moved && (self.unsteady || result.is_err()) {
            // Every try met a change, and the files moved meanwhile: a live writer is behind
            // them, so what looked like damage or a stale history is its work under way
            // (files at rest that disagree on every try are damage, and warned of). With no
            // follow position the next refresh (the writer's next write is a file event)
            // reads everything again.
            self.warnings.truncate(warned);
            self.follow = None;
            return;
        }
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
            // Read-only because of damage, or a first read that met a writer compacting: read
            // it all again, as it may have been repaired or have moved on.
            let (reason, seq) = (self.reason.clone(), self.seq);
            *self = Store::open_with(&dir, self.opts);
            return match self.mode {
                Mode::ReadOnly if self.reason == reason && self.seq == seq => Refresh::Unchanged,
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
    pub(super) fn reread(&mut self, dir: &Path) -> Refresh {
        let opts = self.opts;
        *self = Store::in_memory("");
        self.opts = opts;
        self.dir = Some(dir.to_path_buf());
        self.open_as_follower(dir);
        Refresh::Updated
    }

    /// Replays journal lines after `offset`; the number of lines read, or `Err` when the
    /// journal no longer fits what was read before (then everything is read again).
    pub(super) fn follow_journal(&mut self, dir: &Path, offset: u64) -> Result<usize, ()> {
        let read = self.follow_lines(dir, offset);
        self.attic = Vec::new();
        read
    }

    pub(super) fn follow_lines(&mut self, dir: &Path, offset: u64) -> Result<usize, ()> {
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

    pub(super) fn follow_pos(&self, dir: &Path) -> Option<FollowPos> {
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
}
