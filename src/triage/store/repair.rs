//! `warta repair`: keeps every readable change of a damaged journal.
//!
//! A journal damaged in the middle (a bad disk block, a hand edit, a sync tool's conflict)
//! opens read-only, showing the state up to the damage. Repair replays every line that can
//! be read, skips the ones that cannot, writes the result as a new snapshot and moves the
//! damaged journal aside (never deletes it), so the lines after the damage are kept too.

use std::fs;
use std::path::{Path, PathBuf};

use super::journal::{self, Journal, Reader};
use super::{JOURNAL_FILE, Store, compact_stamp, files, lock_new_dir};

/// What [`repair`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepairReport {
    /// Journal lines whose changes are kept.
    pub kept: usize,
    /// Line numbers (from 1) that could not be read or did not fit, and were skipped.
    pub damaged: Vec<usize>,
    /// Where the damaged journal now is; `None` when nothing needed repairing.
    pub set_aside: Option<PathBuf>,
    /// Articles with a triage state after the repair.
    pub articles: usize,
}

/// Repairs the store in `dir`. Refuses while another warta holds it, and never touches a
/// damaged `state.json` (the message says what to do with it).
pub fn repair(dir: &Path) -> Result<RepairReport, String> {
    if !dir.is_dir() {
        return Err(format!("{} is not a directory", dir.display()));
    }
    let mut s = Store::in_memory("");
    s.dir = Some(dir.to_path_buf());
    let locks = lock_new_dir(dir).map_err(|_| {
        format!(
            "another warta is using {}; quit it first, then run `warta repair` again",
            dir.display()
        )
    })?;
    s.locks = Some(locks);
    let snap_seq = s.load_snapshots(dir)?;
    let journal_path = dir.join(JOURNAL_FILE);
    let file = match files::open_for_reading(&journal_path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(RepairReport {
                kept: 0,
                damaged: Vec::new(),
                set_aside: None,
                articles: s.states.len(),
            });
        }
        Err(e) => return Err(format!("cannot read {} ({e})", journal_path.display())),
    };
    let read_err = |e: std::io::Error| format!("cannot read {} ({e})", journal_path.display());
    let mut rd = Reader::new(file, 0).map_err(read_err)?;
    let mut hist_seq = Some(s.history_seq);
    let (mut kept, mut damaged) = (0, Vec::new());
    while let Some(raw) = rd.next_line().map_err(read_err)? {
        // A last line without its newline counts when it is whole, as when opening.
        let replayed =
            journal::parse(&raw.bytes).and_then(|line| s.replay(line, snap_seq, &mut hist_seq));
        match replayed {
            Ok(()) => kept += 1,
            Err(_) => damaged.push(rd.line_no),
        }
    }
    s.settle_history(&mut hist_seq, snap_seq);
    let articles = s.states.len();
    if damaged.is_empty() {
        return Ok(RepairReport {
            kept,
            damaged,
            set_aside: None,
            articles,
        });
    }
    s.history.trim(s.opts.bounds());
    let aside = dir.join(format!(
        "{JOURNAL_FILE}.damaged-{}-{}",
        compact_stamp(),
        std::process::id()
    ));
    // The snapshot first: until it is on disk the damaged journal stays where it is, so a
    // failure here leaves the store exactly as it was.
    s.write_snapshots(dir)
        .map_err(|(p, e)| format!("cannot write {} ({e}); nothing was changed", p.display()))?;
    fs::rename(&journal_path, &aside).map_err(|e| {
        format!(
            "cannot move {} aside ({e}); the repaired state was written, but remove or rename \
             the journal before starting warta",
            journal_path.display()
        )
    })?;
    Journal::open(&journal_path, None)
        .map_err(|e| format!("cannot create {} ({e})", journal_path.display()))?;
    Ok(RepairReport {
        kept,
        damaged,
        set_aside: Some(aside),
        articles,
    })
}
