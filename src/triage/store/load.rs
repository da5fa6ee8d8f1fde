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

/// Replays a line the state already holds onto the history alone; false when the history
/// does not fit it.
pub(super) fn history_only(history: &mut History, line: Line) -> bool {
    match line {
        Line::Act(a) => {
            history.push(a);
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
            let parsed = if raw.complete {
                journal::parse(&raw.bytes).map_err(|e| format!("is not valid ({e})"))
            } else {
                Err("is incomplete".to_string())
            };
            let line = match parsed {
                Ok(l) => l,
                Err(why) if raw.last => {
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
        self.history.trim(self.opts.bounds());
        self.scanned = Some((good, lines));
        Ok(())
    }

    /// Reads `state.json` and `history.json`; returns the state's sequence number.
    pub(super) fn load_snapshots(&mut self, dir: &Path) -> Result<u64, String> {
        self.history_seq = 0;
        let Some(snap) = files::read_state(&dir.join(SNAPSHOT_FILE))? else {
            return Ok(0);
        };
        self.states = States::from_map(snap.articles);
        self.seq = snap.seq;
        if snap.format < 2 {
            // Format 1 kept the history in the state file.
            let convert = |v: Vec<history::ActionRepr>| -> Result<Vec<Action>, String> {
                v.into_iter()
                    .map(history::ActionRepr::into_action)
                    .collect()
            };
            match convert(snap.history).and_then(|u| Ok((u, convert(snap.redo)?))) {
                Ok((undo, redo)) => self.history = History::new(undo, redo),
                Err(e) => self.warnings.push(format!(
                    "the undo history in {} could not be read ({e}); the state was",
                    dir.join(SNAPSHOT_FILE).display()
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
            Ok(Some(_)) => self.warnings.push(format!(
                "{} is newer than {}; undo history starts afresh",
                dir.join(HISTORY_FILE).display(),
                dir.join(SNAPSHOT_FILE).display()
            )),
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
                let fits = seq == h + 1 && history_only(&mut self.history, line);
                *hist_seq = fits.then_some(seq);
                if !fits {
                    self.history.clear();
                }
            }
            return Ok(());
        }
        if seq <= self.seq {
            return Err(format!("it repeats sequence number {seq}"));
        }
        if seq != self.seq + 1 {
            self.warnings.push(format!(
                "the journal skips from entry {} to {seq}; some changes may be missing",
                self.seq
            ));
        }
        match line {
            Line::Act(a) => self.commit(a, false),
            Line::Step {
                redo,
                target,
                action,
                ..
            } => {
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
