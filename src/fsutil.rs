//! Crash-safe file replacement (RELIABILITY.md b3.1), for every file warta replaces: the
//! triage snapshot and history, exports, sessions, the signature memo and the cache's meta
//! file. One function, so one temp-file name to clean up after a crash.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with what `fill` writes, so a crash or power loss leaves either the old or
/// the new file, never a torn one: temp file in the same directory → write → `sync_all` →
/// rename → fsync the directory (rename alone is not durable). The temp file is removed on
/// error. An existing file's permissions carry over to the new one. The temp file is
/// `.NAME.tmp-PID` (see [`is_temp_for`] and [`temp_owner`]).
pub fn write_atomic(
    path: &Path,
    fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = parent_dir(path);
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        // A replaced file keeps its permissions: an export over a private (0600) file must
        // not come out readable by everyone. Set before writing, so no byte is ever exposed.
        if let Ok(old) = fs::metadata(path)
            && old.is_file()
        {
            file.set_permissions(old.permissions())?;
        }
        // Large enough that a serialiser's many small writes cost few system calls; a
        // multi-megabyte chunk bypasses it and goes straight to the file.
        let mut w = BufWriter::with_capacity(1 << 16, file);
        fill(&mut w)?;
        let file = w.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        sync_dir(&dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Removes a file warta no longer needs (a stale temp file, an old cache generation, a
/// marker). Best effort: a file already gone is what was wanted, and any other failure
/// costs disk space, not data, so it goes to the log rather than to the user.
pub fn remove_stale(path: &Path) {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            let shown = crate::text::escape_path(&path.display().to_string()).into_owned();
            log::warn!("cannot remove {shown}: {e}");
        }
        _ => {}
    }
}

/// The directory holding `path` ("." for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename or a new directory entry durable.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        // Windows cannot open a directory as a file; NTFS journals the rename itself.
        let _ = dir;
        Ok(())
    }
}

/// Whether `name` is a temp file left by [`write_atomic`] for `target`: `.TARGET.tmp-PID`,
/// or `.TARGET.PID.tmp`, which the cache's own copy of it wrote before there was one (such
/// files may still sit in users' cache folders).
pub fn is_temp_for(name: &str, target: &str) -> bool {
    let Some(rest) = name.strip_prefix('.').and_then(|n| n.strip_prefix(target)) else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    rest.starts_with(".tmp-")
        || rest
            .strip_prefix('.')
            .and_then(|r| r.strip_suffix(".tmp"))
            .is_some_and(digits)
}

/// The process id in a temp file name made by [`write_atomic`] (`.NAME.tmp-PID`), for
/// cleaning up in a folder no lock guards, where only a dead writer's file may go.
pub fn temp_owner(name: &str) -> Option<u32> {
    let (stem, pid) = name.strip_prefix('.')?.rsplit_once(".tmp-")?;
    if stem.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_and_cleans_up_on_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, "old").unwrap();
        write_atomic(&p, &mut |w| w.write_all(b"new contents")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new contents");
        let err = write_atomic(&p, &mut |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("boom"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read_to_string(&p).unwrap(), "new contents");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec!["a.txt".to_string()]);
        assert!(is_temp_for(".state.json.tmp-12", "state.json"));
        assert!(!is_temp_for("state.json", "state.json"));
    }

    #[test]
    fn temp_names_of_both_schemes_are_recognised() {
        assert!(is_temp_for(".meta.bin.tmp-4711", "meta.bin"));
        assert!(is_temp_for(".meta.bin.4711.tmp", "meta.bin"));
        for other in [
            "meta.bin",
            ".meta.bin",
            ".meta.bin..tmp",
            ".meta.bin.47x1.tmp",
            ".meta.bin.4711.tmp.old",
            ".other.bin.tmp-4711",
            ".meta.binary.4711.tmp",
        ] {
            assert!(!is_temp_for(other, "meta.bin"), "{other}");
        }
        assert_eq!(temp_owner(".june.csv.tmp-4711"), Some(4711));
        assert_eq!(temp_owner(".june.csv.4711.tmp"), None);
        assert_eq!(temp_owner(".tmp-4711"), None);
        assert_eq!(temp_owner(".june.csv.tmp-"), None);
    }

    #[test]
    fn the_temp_file_is_named_for_its_target_and_writer() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("meta.bin");
        let mut seen = Vec::new();
        write_atomic(&p, &mut |w| {
            seen = fs::read_dir(dir.path())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            w.write_all(b"x")
        })
        .unwrap();
        assert_eq!(seen.len(), 1, "{seen:?}");
        assert!(is_temp_for(&seen[0], "meta.bin"), "{seen:?}");
        assert_eq!(temp_owner(&seen[0]), Some(std::process::id()));
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("private.csv");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&p, &mut |w| w.write_all(b"new")).unwrap();
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
}
