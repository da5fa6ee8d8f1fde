//! Walking the inputs to find article files.
//!
//! Discovery only looks at metadata: it never opens a file, so a FIFO or a device found here can
//! never block the loader, and a million-file tree costs one `stat` per entry. Files that turn
//! out to be unreadable are reported when the loader reads them.
use std::collections::HashSet;
use std::io;
#[cfg(target_os = "linux")]
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{SkipReason, Skipped};
use crate::model::Format;
use crate::own_dirs::OwnDirs;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileEntry {
    pub path: PathBuf,
    pub size: u64,
    /// Modification time in nanoseconds since the Unix epoch (0 when unknown).
    pub mtime_ns: i128,
}

/// Extensions taken from directory walks (compared case-insensitively).
pub const EXTENSIONS: &[&str] = &["txt", "json", "jsonl", "ndjson", "csv"];

/// The format a file is read as, from its extension; anything unknown is read as text.
pub fn format_for(path: &Path) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("json") => Format::Json,
        Some("jsonl" | "ndjson") => Format::Jsonl,
        Some("csv") => Format::Csv,
        _ => Format::Txt,
    }
}

fn has_supported_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Whether a directory walk takes the file at `path` (judging by its name only).
pub fn walked(path: &Path) -> bool {
    has_supported_extension(path) && !is_hidden(path)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.as_encoded_bytes().first() == Some(&b'.'))
}

/// An I/O error as a short message a user can act on ("permission denied", not
/// "Permission denied (os error 13)").
pub(crate) fn reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(p) => s[..p].to_lowercase(),
                None => s,
            }
        }
    }
}

/// Why an I/O error skipped a path: a symlink pointing to itself (or a chain of links that
/// never ends) is a loop, not an unreadable file.
fn io_skip(e: &io::Error) -> SkipReason {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return SkipReason::SymlinkLoop;
    }
    SkipReason::Unreadable(reason(e))
}

/// What a path that is neither a file nor a folder is, for the skip line.
fn not_a_file(kind: std::fs::FileType) -> SkipReason {
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            "a FIFO (named pipe)"
        } else if kind.is_char_device() {
            "a character device"
        } else if kind.is_block_device() {
            "a block device"
        } else if kind.is_socket() {
            "a socket"
        } else {
            ""
        }
    };
    #[cfg(not(unix))]
    let what = {
        let _ = kind;
        ""
    };
    SkipReason::NotAFile(what.to_string())
}

pub(crate) fn mtime_ns(meta: &std::fs::Metadata) -> i128 {
    match meta.modified() {
        Ok(t) => match t.duration_since(UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        },
        Err(_) => 0,
    }
}

/// What identifies a file regardless of the path it was reached by.
#[cfg(unix)]
fn identity(_path: &Path, meta: &std::fs::Metadata) -> (u64, u64, PathBuf) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino(), PathBuf::new())
}

#[cfg(not(unix))]
fn identity(path: &Path, _meta: &std::fs::Metadata) -> (u64, u64, PathBuf) {
    let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    (0, 0, canon)
}

struct Found {
    entry: FileEntry,
    id: (u64, u64, PathBuf),
}

fn found(path: PathBuf, meta: &std::fs::Metadata) -> Found {
    Found {
        id: identity(&path, meta),
        entry: FileEntry {
            path,
            size: meta.len(),
            mtime_ns: mtime_ns(meta),
        },
    }
}

fn skipped(path: &Path, reason: SkipReason) -> Skipped {
    Skipped {
        // Skip lines go to stderr and the status line: a file name is untrusted text too.
        path: crate::text::escape_path(&path.display().to_string()).into_owned(),
        reason,
    }
}

/// Finds every supported file under `paths` (files taken as given, directories walked
/// recursively), in a deterministic order; problems come back as [`Skipped`] entries.
///
/// A file named explicitly is taken whatever its extension; walks take only regular files with
/// a supported extension, skip hidden entries and folders that look like warta's own cache
/// or data ([`crate::own_dirs`]) and follow symlinks (reporting loops). FIFOs, sockets and
/// devices are reported (when a walk would have taken their name), never opened. The result
/// is sorted by path, and a file reachable by
/// several paths (symlinks, hard links, overlapping arguments) is listed once, under the first
/// path in that order.
pub fn discover(paths: &[PathBuf]) -> (Vec<FileEntry>, Vec<Skipped>) {
    discover_skipping(paths, &OwnDirs::default())
}

/// [`discover`], leaving out warta's own directories (this run's cache and data directories
/// in `own`, and any that looks like one) wherever a walk meets them.
pub fn discover_skipping(paths: &[PathBuf], own: &OwnDirs) -> (Vec<FileEntry>, Vec<Skipped>) {
    let (files, skips, _) = discover_with_folders(paths, own);
    (files, skips)
}

/// [`discover_skipping`], also giving every folder the walks went into (named as the walks
/// reached them, in walk order): what the headline snapshot stats to see files added.
pub fn discover_with_folders(
    paths: &[PathBuf],
    own: &OwnDirs,
) -> (Vec<FileEntry>, Vec<Skipped>, Vec<PathBuf>) {
    let mut folders = Vec::new();
    let mut files = Vec::new();
    let mut skips = Vec::new();
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                skips.push(skipped(root, io_skip(&e)));
                continue;
            }
        };
        if meta.is_file() {
            files.push(found(root.clone(), &meta));
        } else if meta.is_dir() {
            walk(root, own, &mut files, &mut skips, &mut folders);
        } else {
            skips.push(skipped(root, not_a_file(meta.file_type())));
        }
    }
    files.sort_by(|a, b| a.entry.path.cmp(&b.entry.path));
    let mut seen = HashSet::new();
    let files = files
        .into_iter()
        .filter(|f| seen.insert(f.id.clone()))
        .map(|f| f.entry)
        .collect();
    skips.sort_by(|a, b| a.path.cmp(&b.path));
    skips.dedup();
    (files, skips, folders)
}

fn walk(
    root: &Path,
    own: &OwnDirs,
    files: &mut Vec<Found>,
    skips: &mut Vec<Skipped>,
    walked: &mut Vec<PathBuf>,
) {
    let walker = WalkDir::new(root)
        .follow_links(true)
        // Names in order within each folder make the walk come out in path order already, so
        // the sort in `discover` has nothing left to move.
        .sort_by(|a, b| name_of(a.path()).cmp(name_of(b.path())))
        .into_iter()
        // The root itself was named by the user, so it is walked even if hidden or warta's.
        // Judged by the entry's own name (see `name_of`).
        .filter_entry(|e| {
            e.depth() == 0
                || !(is_hidden(Path::new(name_of(e.path())))
                    || (e.file_type().is_dir() && own.is_own(e.path())))
        });
    let mut paths = Vec::new();
    for item in walker {
        match item {
            Ok(entry) => {
                // With follow_links the file type is the link target's: FIFOs, sockets and
                // devices are not files and are never opened, but said to be skipped when
                // their name looks like an article's.
                let kind = entry.file_type();
                if kind.is_dir() {
                    walked.push(entry.into_path());
                    continue;
                }
                if !has_supported_extension(Path::new(name_of(entry.path()))) {
                    continue;
                }
                if kind.is_file() {
                    paths.push(entry.into_path());
                } else {
                    skips.push(skipped(entry.path(), not_a_file(kind)));
                }
            }
            Err(e) => {
                let path = e.path().unwrap_or(root).to_path_buf();
                if e.loop_ancestor().is_some() {
                    skips.push(skipped(&path, SkipReason::SymlinkLoop));
                    continue;
                }
                // Errors bypass `filter_entry`, so apply the walk's own rules here: a hidden
                // entry or a dangling link to a file we would not read is not worth a warning.
                if path != root
                    && (is_hidden(&path) || (!path.is_dir() && !has_supported_extension(&path)))
                {
                    continue;
                }
                let why = e
                    .io_error()
                    .map_or_else(|| SkipReason::Unreadable(e.to_string()), io_skip);
                skips.push(skipped(&path, why));
            }
        }
    }
    // One stat per file is most of a walk (100k files: ~0.25 s of system time), and stats
    // of different files do not wait on each other, so they run on every core, a folder at
    // a time (the walk gives each folder's files together).
    let mut folders: Vec<Vec<PathBuf>> = Vec::new();
    for path in paths {
        match folders.last_mut() {
            Some(f) if f.first().is_some_and(|p| folder_of(p) == folder_of(&path)) => f.push(path),
            _ => folders.push(vec![path]),
        }
    }
    let stated: Vec<Result<Found, Skipped>> =
        folders.into_par_iter().flat_map_iter(stat_folder).collect();
    for s in stated {
        match s {
            Ok(f) => files.push(f),
            Err(s) => skips.push(s),
        }
    }
}

/// The last part of a walked path, found without parsing components: walkdir's
/// `file_name()` parses the path from the end at every call, and sorting each folder by
/// name called it millions of times at 100k files (~10% of a warm `warta search`).
#[cfg(unix)]
fn name_of(path: &Path) -> &std::ffi::OsStr {
    use std::os::unix::ffi::OsStrExt;
    let b = path.as_os_str().as_bytes();
    std::ffi::OsStr::from_bytes(&b[memchr::memrchr(b'/', b).map_or(0, |i| i + 1)..])
}

#[cfg(not(unix))]
fn name_of(path: &Path) -> &std::ffi::OsStr {
    path.file_name().unwrap_or_default()
}

/// The bytes of `path` up to its last separator: its folder, without parsing components.
fn folder_of(path: &Path) -> &[u8] {
    let b = path.as_os_str().as_encoded_bytes();
    &b[..memchr::memrchr(b'/', b).unwrap_or(0)]
}

fn stat_one(path: PathBuf) -> Result<Found, Skipped> {
    match std::fs::metadata(&path) {
        Ok(meta) => Ok(found(path, &meta)),
        Err(e) => Err(skipped(&path, io_skip(&e))),
    }
}

/// Stats files of one folder, following links as `std::fs::metadata` does. On Linux the
/// folder is opened once and each file looked up by name in it: the kernel then resolves
/// one name per file instead of its whole path (~10% of a warm `warta search` at 100k).
#[cfg(target_os = "linux")]
fn stat_folder(paths: Vec<PathBuf>) -> Vec<Result<Found, Skipped>> {
    use rustix::fs::{AtFlags, Mode, OFlags};
    let dir = paths.first().and_then(|p| {
        let folder = std::ffi::OsStr::from_bytes(folder_of(p));
        let flags = OFlags::PATH | OFlags::DIRECTORY | OFlags::CLOEXEC;
        rustix::fs::open(folder, flags, Mode::empty()).ok()
    });
    let Some(dir) = dir else {
        return paths.into_iter().map(stat_one).collect();
    };
    paths
        .into_iter()
        .map(|path| {
            let bytes = path.as_os_str().as_encoded_bytes();
            let Some(slash) = memchr::memrchr(b'/', bytes) else {
                return stat_one(path);
            };
            let name = std::ffi::OsStr::from_bytes(&bytes[slash + 1..]);
            match rustix::fs::statat(&dir, name, AtFlags::empty()) {
                Ok(st) => Ok(Found {
                    id: (st.st_dev, st.st_ino, PathBuf::new()),
                    entry: FileEntry {
                        size: st.st_size.max(0) as u64,
                        mtime_ns: i128::from(st.st_mtime) * 1_000_000_000
                            + i128::from(st.st_mtime_nsec),
                        path,
                    },
                }),
                Err(e) => Err(skipped(&path, io_skip(&e.into()))),
            }
        })
        .collect()
}

#[cfg(not(target_os = "linux"))]
fn stat_folder(paths: Vec<PathBuf>) -> Vec<Result<Found, Skipped>> {
    paths.into_iter().map(stat_one).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        assert_eq!(format_for(Path::new("a/b.JSON")), Format::Json);
        assert_eq!(format_for(Path::new("b.ndjson")), Format::Jsonl);
        assert_eq!(format_for(Path::new("b.jsonl")), Format::Jsonl);
        assert_eq!(format_for(Path::new("b.Csv")), Format::Csv);
        assert_eq!(format_for(Path::new("b.txt")), Format::Txt);
        assert_eq!(format_for(Path::new("b.md")), Format::Txt);
        assert_eq!(format_for(Path::new("README")), Format::Txt);
    }

    #[test]
    fn hidden_and_extensions() {
        assert!(is_hidden(Path::new("a/.git")));
        assert!(!is_hidden(Path::new("a/b.txt")));
        assert!(has_supported_extension(Path::new("x.NDJSON")));
        assert!(!has_supported_extension(Path::new("x.png")));
        assert!(!has_supported_extension(Path::new("txt")));
    }

    #[test]
    fn io_reasons_are_short() {
        let e = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(reason(&e), "no such file or directory");
        let e = io::Error::from_raw_os_error(13);
        assert_eq!(reason(&e), "permission denied");
    }
}
