//! The writer's locks: the data directory itself (so deleting a file cannot admit a second
//! writer) and the `lock` file older builds use, and waiting for them to free.

use super::*;

/// The locks a writer holds for its lifetime; the OS releases them if the process dies.
#[derive(Debug)]
pub(super) struct Locks {
    pub(super) _dir: File,
    pub(super) dir_id: Identity,
    /// The `lock` file, which older builds lock instead of the directory.
    pub(super) _file: Option<File>,
}

/// Locks a data directory that replaced ours; `Err` when another warta holds it.
pub(super) fn lock_new_dir(dir: &Path) -> Result<Locks, String> {
    let shown = dir.display();
    let taken = |e: String| {
        format!(
            "the data directory {shown} was replaced and {e}; triage changes are kept in memory \
             only and NOT saved (they are written to a rescue file when you quit)"
        )
    };
    let f = files::open_dir(dir).map_err(|e| taken(format!("cannot be opened ({e})")))?;
    match files::try_lock_briefly(&f) {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => return Err(taken("another warta now uses it".into())),
        Err(fs::TryLockError::Error(e)) => return Err(taken(format!("cannot be locked ({e})"))),
    }
    let dir_id = f
        .metadata()
        .map(|m| Identity::of(&m))
        .map_err(|e| taken(e.to_string()))?;
    let mut file = files::open_lock_file(dir).ok();
    if let Some(lf) = &mut file {
        if let Err(fs::TryLockError::WouldBlock) = files::try_lock_briefly(lf) {
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
pub(super) fn lock_is_free(dir: &Path) -> bool {
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

pub(super) fn read_pid(path: &Path) -> Option<u32> {
    let mut text = String::new();
    files::open_for_reading(path)
        .ok()?
        .take(64)
        .read_to_string(&mut text)
        .ok()?;
    text.trim().parse().ok()
}
