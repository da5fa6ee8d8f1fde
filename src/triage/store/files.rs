//! The store's files on disk: opening them safely, the directory lock, file identities, and
//! the state and history snapshots.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, Read};
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::super::state::ArticleState;
use super::history::{Action, ActionRepr};

pub const JOURNAL_FILE: &str = "journal.jsonl";
pub const SNAPSHOT_FILE: &str = "state.json";
pub const HISTORY_FILE: &str = "history.json";
pub const LOCK_FILE: &str = "lock";
/// The snapshot format this build writes; newer snapshots are opened read-only. Format 1
/// kept the undo history inside `state.json`; format 2 keeps it in `history.json`.
pub const FORMAT: u32 = 2;
/// Sequence numbers above this are damage (bit rot, a hand edit), never something warta
/// wrote: at one action a millisecond it would take 285,000 years to get there. Refusing them
/// keeps `seq + 1` far from wrapping.
pub const MAX_SEQ: u64 = 1 << 53;
/// A history file larger than this is not read: undo history is a convenience, and the
/// state never depends on it.
const MAX_HISTORY_BYTES: u64 = 512 << 20;

/// Opens `path` without blocking (a FIFO would block `open` itself) and refuses anything but
/// a regular file, so a FIFO, a device or a link to `/dev/zero` is reported, never read.
pub fn open_regular(path: &Path, opts: &OpenOptions) -> io::Result<File> {
    crate::safe_read::open_own_with(path, opts).map(|(f, _)| f)
}

pub fn open_for_reading(path: &Path) -> io::Result<File> {
    open_regular(path, OpenOptions::new().read(true))
}

/// A reader that skips a UTF-8 byte order mark: a file saved by an editor that adds one is
/// still the same JSON.
pub fn without_bom(mut file: File) -> io::Result<impl Read> {
    let mut head = [0u8; 3];
    let mut got = 0;
    while got < 3 {
        match file.read(&mut head[got..])? {
            0 => break,
            n => got += n,
        }
    }
    let keep = if head[..got] == [0xEF, 0xBB, 0xBF] {
        0..0
    } else {
        0..got
    };
    Ok(io::Cursor::new(head[keep].to_vec()).chain(file))
}

/// The identity of a file or directory: a path now naming another inode is another file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    dev: u64,
    ino: u64,
}

impl Identity {
    pub fn of(meta: &fs::Metadata) -> Identity {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Identity {
                dev: meta.dev(),
                ino: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Identity { dev: 0, ino: 0 }
        }
    }

    pub fn of_path(path: &Path) -> Option<Identity> {
        fs::metadata(path).ok().map(|m| Identity::of(&m))
    }
}

/// Links to an open file: 0 once it was deleted.
pub fn link_count(meta: &fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

/// Takes a lock, waiting up to about half a second when it is held: a warta that is just
/// exiting, or a process forked by this one that has not yet reached `exec` (it briefly holds
/// a copy of the lock's descriptor), releases it within milliseconds, and opening read-only
/// for such a moment would cost the whole session's writes.
pub fn try_lock_briefly(lock: &File) -> Result<(), fs::TryLockError> {
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

/// The data directory itself, opened to be locked. Locking the directory rather than only a
/// file in it means deleting a file cannot let a second writer in: the lock lives as long as
/// the directory does, and a directory replaced under a running warta is noticed by identity.
pub fn open_dir(dir: &Path) -> io::Result<File> {
    #[cfg(unix)]
    {
        let f = File::open(dir)?;
        if !f.metadata()?.is_dir() {
            return Err(io::Error::other(format!(
                "{} is not a directory",
                dir.display()
            )));
        }
        Ok(f)
    }
    #[cfg(not(unix))]
    {
        // Windows cannot open a directory as a file; the lock file alone guards it there.
        open_lock_file(dir)
    }
}

/// The `lock` file in `dir`, created when missing, opened to be locked and to name the
/// writer's pid.
pub fn open_lock_file(dir: &Path) -> io::Result<File> {
    open_regular(
        &dir.join(LOCK_FILE),
        OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false),
    )
}

/// `state.json`: the current state at `seq`, without history.
#[derive(Serialize)]
pub struct StateOut<'a> {
    pub format: u32,
    pub seq: u64,
    pub articles: &'a BTreeMap<String, ArticleState>,
}

/// `state.json` as read: format 2, or format 1 with the history inside.
#[derive(Deserialize)]
pub struct StateIn {
    pub format: u32,
    pub seq: u64,
    pub articles: BTreeMap<String, ArticleState>,
    #[serde(default)]
    pub history: Vec<ActionRepr>,
    #[serde(default)]
    pub redo: Vec<ActionRepr>,
}

/// `history.json`: the undo and redo stacks as they were at `seq`.
#[derive(Serialize)]
pub struct HistoryOut<'a> {
    pub format: u32,
    pub seq: u64,
    pub undo: Vec<&'a Action>,
    pub redo: &'a [Action],
}

#[derive(Deserialize)]
struct HistoryIn {
    format: u32,
    seq: u64,
    undo: Vec<ActionRepr>,
    redo: Vec<ActionRepr>,
}

/// History read back: the stacks and the sequence number they belong to.
pub struct LoadedHistory {
    pub seq: u64,
    pub undo: Vec<Action>,
    pub redo: Vec<Action>,
}

#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

fn format_of(path: &Path) -> Option<u32> {
    let file = open_for_reading(path).ok()?;
    let r = BufReader::new(without_bom(file).ok()?);
    serde_json::from_reader::<_, FormatOnly>(r)
        .ok()
        .map(|f| f.format)
}

/// Reads `state.json`, streaming (it grows with the corpus). `Ok(None)` when there is none;
/// `Err` is the read-only reason.
pub fn read_state(path: &Path) -> Result<Option<StateIn>, String> {
    let shown = path.display();
    let file = match open_for_reading(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {shown} ({e}); opened read-only")),
    };
    let newer = |format: u32| {
        format!(
            "{shown} is from a newer warta (format {format}, this build reads up to {FORMAT}); \
             opened read-only. Use the newer warta"
        )
    };
    let parsed = without_bom(file)
        .map_err(|e| format!("cannot read {shown} ({e}); opened read-only"))
        .and_then(|r| {
            serde_json::from_reader::<_, StateIn>(BufReader::new(r)).map_err(|e| {
                // A newer format may not parse at all; say "newer" rather than "damaged".
                match format_of(path) {
                    Some(f) if f > FORMAT => newer(f),
                    _ => format!(
                        "{shown} is damaged ({}); opened read-only so it is not overwritten. \
                         Restore it from a backup, or move it aside (e.g. rename it to \
                         state.json.damaged) to start over",
                        quoted(&e)
                    ),
                }
            })
        })?;
    if parsed.format > FORMAT {
        return Err(newer(parsed.format));
    }
    if parsed.seq > MAX_SEQ {
        return Err(format!(
            "{shown} is damaged (its sequence number {} is out of range); opened read-only so \
             it is not overwritten. Restore it from a backup",
            parsed.seq
        ));
    }
    Ok(Some(parsed))
}

/// Reads `history.json`. `Ok(None)` when there is none; `Err` says why it was not used (the
/// store then starts with no undo history; the state is not affected).
pub fn read_history(path: &Path) -> Result<Option<LoadedHistory>, String> {
    let shown = path.display();
    let file = match open_for_reading(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("cannot read {shown} ({e})")),
    };
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_HISTORY_BYTES {
        return Err(format!("{shown} is implausibly large ({len} bytes)"));
    }
    let h: HistoryIn = without_bom(file)
        .map_err(|e| e.to_string())
        .and_then(|r| serde_json::from_reader(BufReader::new(r)).map_err(|e| e.to_string()))
        .map_err(|e| format!("{shown} is damaged ({})", quoted(&e)))?;
    if h.format > FORMAT {
        return Err(format!(
            "{shown} is from a newer warta (format {})",
            h.format
        ));
    }
    if h.seq > MAX_SEQ {
        return Err(format!("{shown} has an out-of-range sequence number"));
    }
    let convert = |v: Vec<ActionRepr>| -> Result<Vec<Action>, String> {
        v.into_iter()
            .map(|a| {
                a.into_action_upto(h.seq)
                    .map_err(|e| format!("{shown} is damaged ({})", quoted(&e)))
            })
            .collect()
    };
    Ok(Some(LoadedHistory {
        seq: h.seq,
        undo: convert(h.undo)?,
        redo: convert(h.redo)?,
    }))
}

/// Creates `dir` and any missing parent, and fsyncs the directory holding each one it
/// made (best effort): a change is durable only when every directory on the way to its
/// file is, and a power cut could otherwise take a new data directory with everything
/// saved in it.
pub fn create_dir_durably(dir: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut d = Some(dir);
    while let Some(p) = d.filter(|p| !p.as_os_str().is_empty() && fs::metadata(p).is_err()) {
        missing.push(p);
        d = p.parent();
    }
    fs::create_dir_all(dir)?;
    for made in missing {
        // Best effort: a parent that cannot be opened (no read permission) must not stop
        // the store from working.
        let _ = crate::fsutil::sync_dir(&crate::fsutil::parent_dir(made));
    }
    Ok(())
}

/// An error about a file's content, fit for a message: serde quotes the text it chokes on,
/// and a hostile file's escape sequences must not reach the terminal that way.
pub fn quoted(e: &dyn std::fmt::Display) -> String {
    crate::text::sanitize(&e.to_string())
}

/// Whether `dir` holds triage data (a state file or a journal with anything in it).
pub fn holds_state(dir: &Path) -> bool {
    let nonempty = |name: &str| fs::symlink_metadata(dir.join(name)).is_ok_and(|m| m.len() > 0);
    nonempty(SNAPSHOT_FILE) || nonempty(JOURNAL_FILE)
}
