//! Writing: appending a line only where the store still owns the files, and writing the
//! whole state back when the data directory, journal or state file was deleted, replaced or
//! written by someone else, or after a failed write; the rescue file when nothing else can
//! be saved.

use super::*;

/// A timestamp for file names: `20250601T100000`.
pub(super) fn compact_stamp() -> String {
    now_rfc3339()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(15)
        .collect()
}

impl Store {
    /// Appends one durable line, or explains why it was not saved. A failed write switches
    /// the store to memory-only mode: later lines must not follow a missing one.
    pub(super) fn append(&mut self, line: &[u8]) -> Saved {
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

    pub(super) fn not_saved(&mut self, why: String) -> Saved {
        self.unsaved += 1;
        Saved::NotSaved(why)
    }

    pub(super) fn degrade(&mut self, why: String) -> Saved {
        self.journal = None;
        self.mode = Mode::MemoryOnly;
        self.reason = Some(why.clone());
        self.retry_after = Some(Instant::now() + RETRY);
        self.not_saved(why)
    }

    pub(super) fn saved_again(&mut self) {
        self.mode = Mode::ReadWrite;
        self.reason = None;
        self.unsaved = 0;
        self.retry_after = None;
    }

    /// For a store that fell back to memory after a failed write while it held the lock:
    /// tries (at most every few seconds) to write the whole state again.
    pub(super) fn try_resume(&mut self) -> bool {
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
    pub(super) fn files_are_ours(&self) -> bool {
        self.dir.as_deref().is_some_and(|d| {
            self.dir_is_ours(d) && self.journal_problem(d).is_none() && !self.snapshot_gone(d)
        })
    }

    /// `state.json` was deleted: the journal alone no longer holds the state.
    pub(super) fn snapshot_gone(&self, dir: &Path) -> bool {
        self.has_snapshot && fs::symlink_metadata(dir.join(SNAPSHOT_FILE)).is_err()
    }

    pub(super) fn dir_is_ours(&self, dir: &Path) -> bool {
        match &self.locks {
            Some(l) => Identity::of_path(dir) == Some(l.dir_id),
            None => false,
        }
    }

    pub(super) fn journal_problem(&self, dir: &Path) -> Option<Problem> {
        match &self.journal {
            Some(j) => j.check(&dir.join(JOURNAL_FILE)).err(),
            None => Some(Problem::Gone),
        }
    }

    /// Makes the data directory and journal ours again and writes the whole state there:
    /// after the directory or journal was deleted, replaced or written by someone else, and
    /// after a failed write. Never overwrites triage data it did not write.
    pub(super) fn recover(&mut self) -> Result<(), String> {
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
    pub(super) fn write_snapshots(&mut self, dir: &Path) -> Result<(), (PathBuf, io::Error)> {
        let state_path = dir.join(SNAPSHOT_FILE);
        let state = StateOut {
            format: FORMAT,
            seq: self.seq,
            articles: self.states.map(),
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
    pub(super) fn write_rescue(&self) -> Option<PathBuf> {
        let name = format!(
            "state.unsaved-{}-{}.json",
            compact_stamp(),
            std::process::id()
        );
        let state = StateOut {
            format: FORMAT,
            seq: self.seq,
            articles: self.states.map(),
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
}
