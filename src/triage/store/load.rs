//! Reading a store: the snapshots, then the journal replayed on top, line by line.

use super::*;

/// Applies `action`'s op to each of its ids' states where they are.
pub(super) fn redo_in_place(states: &mut States, action: &Action) {
    let op = &action.op;
    for id in op.ids() {
        states.update(id, |st| op.changes(st).then(|| op.apply_to(st, &action.at)));
    }
}

/// Undoes or redoes the action `target` on the state, moving it between the stacks. The
/// action comes from the journal line when it carries one, else from the history. A history
/// that does not have it on top is out of step and is cleared (the state is still right).
/// Returns the action's description, or `None` when the action is nowhere to be found.
pub(super) fn apply_step(
    states: &mut States,
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
        redo_in_place(states, action);
    } else {
        let op = &action.op;
        for (id, prior) in op.ids().iter().zip(action.prior.iter()) {
            states.update(id, |st| Some(history::restore(op, st, prior)));
        }
    }
    Some(action.op.describe())
}

pub(super) fn damaged_line(path: &Path, line: usize, why: &str) -> String {
    format!(
        "{} is damaged at line {line} ({why}); opened read-only so it is not overwritten (the \
         state up to line {} is shown). Run `warta repair` to keep every readable change and \
         set the damaged file aside",
        path.display(),
        line.saturating_sub(1)
    )
}

impl Store {
    /// Loads the snapshots and replays the journal. `Err` carries the read-only reason; the
    /// state loaded up to the damage stays visible.
    pub(super) fn load(&mut self, dir: &Path) -> Result<(), String> {
        let loaded = self.load_files(dir);
        self.attic = Vec::new();
        loaded
    }

    pub(super) fn load_files(&mut self, dir: &Path) -> Result<(), String> {
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
    pub(super) fn load_snapshots(&mut self, dir: &Path) -> Result<u64, String> {
        self.history_seq = 0;
        self.has_snapshot = false;
        let Some(snap) = files::read_state(&dir.join(SNAPSHOT_FILE))? else {
            return Ok(0);
        };
        self.has_snapshot = true;
        self.states = States::from_map(snap.articles);
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
    pub(super) fn replay(
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
                if apply_step(&mut self.states, &mut self.history, redo, target, action).is_none() {
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
    pub(super) fn history_only(&mut self, line: Line) -> bool {
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
    pub(super) fn take_from_attic(&mut self, redo: bool, target: u64) -> Option<Action> {
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
    pub(super) fn settle_history(&mut self, hist_seq: &mut Option<u64>, snap_seq: u64) {
        let Some(h) = hist_seq.take() else {
            return;
        };
        if h == snap_seq {
            *hist_seq = Some(h);
            return;
        }
        if !self.history.undo.is_empty() || !self.history.redo.is_empty() {
            // A writer compacting at this moment has renamed the state but not yet the
            // history: a read without the lock reads again rather than warn.
            self.unsteady = true;
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

    pub(super) fn remove_stale_temps(&self, dir: &Path) {
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
