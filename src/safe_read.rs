//! Opening warta's own files (the config, sessions, the cache, copy signatures) without
//! trusting what sits at their paths.
//!
//! Those paths are fixed, so anything can occupy them: a FIFO blocks `open` until a writer
//! appears, which at start-up means forever, and a symlink to `/dev/zero` (or a huge file)
//! is read until memory runs out. Every own file is therefore opened with `O_NONBLOCK`
//! (opening a FIFO returns at once; a regular file ignores the flag, so it stays set),
//! checked to be a regular file with `fstat` on the open handle (a swap after a check by
//! path cannot slip through), and read up to a limit. Errors name the path and say what is
//! there instead: `/x/config.toml is not a regular file (a FIFO)`.

use std::fs::{File, FileType, Metadata, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Opens `path` for reading if it is a regular file (symlinks followed), without blocking.
pub fn open_own_file(path: &Path) -> io::Result<File> {
    open_own_with(path, OpenOptions::new().read(true)).map(|(f, _)| f)
}

/// Opens `path` with `opts` (for reading, appending or creating) if it is, or becomes, a
/// regular file, without blocking; also returns its metadata.
pub fn open_own_with(path: &Path, opts: &OpenOptions) -> io::Result<(File, Metadata)> {
    let mut opts = opts.clone();
    opts.custom_flags(libc::O_NONBLOCK);
    let file = opts.open(path).map_err(|e| match std::fs::metadata(path) {
        // A FIFO with no reader refuses a non-blocking open for writing (ENXIO), which
        // says nothing useful; what is there says it all.
        Ok(meta) if !meta.is_file() => not_regular(path, meta.file_type()),
        _ => with_path(path, &e),
    })?;
    let meta = file.metadata().map_err(|e| with_path(path, &e))?;
    if !meta.is_file() {
        return Err(not_regular(path, meta.file_type()));
    }
    Ok((file, meta))
}

/// The whole of `path`, a regular file of at most `max_bytes`.
pub fn read_own_file(path: &Path, max_bytes: u64) -> io::Result<Vec<u8>> {
    let (file, meta) = open_own_with(path, OpenOptions::new().read(true))?;
    if meta.len() > max_bytes {
        return Err(too_large(path, meta.len(), max_bytes));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // A file growing while it is read, or a regular file that reports size 0 but has
    // text (as in /proc), still stops at the limit.
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| with_path(path, &e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(path, bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

fn shown(path: &Path) -> String {
    crate::text::escape_path(&path.display().to_string()).into_owned()
}

/// `e` with the path in its message; the kind is kept (callers tell a missing file apart).
fn with_path(path: &Path, e: &io::Error) -> io::Error {
    io::Error::new(
        e.kind(),
        format!(
            "cannot read {}: {}",
            shown(path),
            crate::loader::discover::reason(e)
        ),
    )
}

fn not_regular(path: &Path, t: FileType) -> io::Error {
    let (kind, what) = if t.is_dir() {
        (io::ErrorKind::IsADirectory, "a directory")
    } else if t.is_fifo() {
        (io::ErrorKind::InvalidInput, "a FIFO")
    } else if t.is_char_device() {
        (io::ErrorKind::InvalidInput, "a character device")
    } else if t.is_block_device() {
        (io::ErrorKind::InvalidInput, "a block device")
    } else if t.is_socket() {
        (io::ErrorKind::InvalidInput, "a socket")
    } else {
        (io::ErrorKind::InvalidInput, "a special file")
    };
    io::Error::new(
        kind,
        format!("{} is not a regular file ({what})", shown(path)),
    )
}

fn too_large(path: &Path, size: u64, limit: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        format!(
            "{} is too large ({}; at most {})",
            shown(path),
            crate::loader::human_bytes(size),
            crate::loader::human_bytes(limit)
        ),
    )
}

/// Helpers for tests of the readers that use this module.
#[cfg(test)]
pub(crate) mod testing {
    use std::path::Path;
    use std::sync::mpsc;
    use std::time::Duration;

    pub fn mkfifo(path: &Path) {
        let ok = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .expect("run mkfifo")
            .success();
        assert!(ok, "mkfifo {}", path.display());
    }

    /// `f` on a thread of its own, failing the test if it takes longer than a few seconds:
    /// a reader blocked on a FIFO would otherwise hang the test run.
    pub fn within<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(f());
        });
        rx.recv_timeout(Duration::from_secs(5))
            .expect("blocked on a special file")
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{mkfifo, within};
    use super::*;

    #[test]
    fn a_fifo_is_refused_at_once_for_reading_and_for_writing() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("config.toml");
        mkfifo(&fifo);
        let p = fifo.clone();
        let e = within(move || read_own_file(&p, 1 << 20)).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        let text = e.to_string();
        assert!(
            text.contains("config.toml is not a regular file (a FIFO)"),
            "{text}"
        );
        let p = fifo.clone();
        let e = within(move || {
            open_own_with(&p, OpenOptions::new().write(true).create(true)).map(|_| ())
        })
        .unwrap_err();
        assert!(e.to_string().contains("(a FIFO)"), "{e}");
    }

    #[test]
    fn devices_directories_and_oversized_files_are_refused_with_their_path() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("meta.bin");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        let e = read_own_file(&zero, 1 << 20).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("meta.bin is not a regular file (a character device)"),
            "{e}"
        );
        let e = read_own_file(dir.path(), 1 << 20).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::IsADirectory);

        let big = dir.path().join("s.json");
        std::fs::write(&big, vec![b'x'; 2048]).unwrap();
        let e = read_own_file(&big, 1024).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        assert!(e.to_string().contains("s.json is too large"), "{e}");
        assert_eq!(read_own_file(&big, 2048).unwrap().len(), 2048);

        let e = read_own_file(&dir.path().join("none"), 10).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::NotFound);
        assert!(e.to_string().contains("none: no such file"), "{e}");
    }

    #[test]
    fn a_file_that_reports_no_size_still_stops_at_the_limit() {
        // Regular and of size 0, with text on read: the limit holds without trusting the size.
        let p = Path::new("/proc/self/status");
        if p.exists() {
            assert!(read_own_file(p, 1 << 20).is_ok());
            let e = read_own_file(p, 8).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::FileTooLarge);
        }
    }
}
