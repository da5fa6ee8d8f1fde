//! A read-only store following the writer: reading only what it appended, everything again
//! after a compaction, and taking over once the lock is free.

use super::*;

/// Where a read-only store's view of the files stands, to read only what is new.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FollowPos {
    pub(super) state: Option<(Identity, u64, Option<SystemTime>)>,
    pub(super) journal: Option<Identity>,
    pub(super) offset: u64,
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

    pub(super) fn load_read_only(&mut self, dir: &Path) {
        let before = self.follow_pos(dir);
        match self.load(dir) {
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
