//! Writing to a path a user named (`warta export -o PATH`, the browser's export) without harming
//! what is already there.
//!
//! Only a regular file, or a name not taken yet, is replaced, atomically ([`write_atomic`]).
//! Renaming over anything else does harm: as root it turns /dev/null into a regular file; it
//! replaces a FIFO a reader is waiting on, and a symlink instead of the file it points to; and
//! /dev/stdout or a shell's `>(cmd)` cannot be renamed over at all. Those are written in place,
//! the way a shell redirection writes them.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::fsutil::{parent_dir, temp_owner, write_atomic};

/// How [`write_output`] treats the targets that can stall or garble a full-screen program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputMode {
    /// A command: like a shell redirection, it waits for a reader to open a FIFO, and writes to
    /// a terminal.
    Command,
    /// The browser: a FIFO nothing reads yet would freeze the screen until one does, and a
    /// terminal is the screen itself, so both are refused.
    Browser,
}

/// What a path names once its symlinks are followed.
#[derive(Debug)]
enum Target {
    /// A regular file or a free name: replaced atomically.
    Replace(PathBuf),
    /// A FIFO, a device, a socket or an open descriptor: written in place.
    InPlace(PathBuf, fs::Metadata),
}

/// Links followed before giving up, as the kernel does (MAXSYMLINKS is 40 on Linux).
const MAX_LINKS: usize = 40;

/// Follows `path`'s symlinks one at a time, so that the file finally replaced is the link's
/// target, in the target's own directory (a rename over the link would turn it into a file).
fn resolve(path: &Path) -> io::Result<Target> {
    let mut cur = path.to_path_buf();
    for _ in 0..=MAX_LINKS {
        // A descriptor path links to what the descriptor is open on ("pipe:[123]", or a file
        // the shell opened for `>>`): the descriptor is the target, not that name.
        if is_descriptor_path(&cur) {
            let meta = fs::metadata(&cur)?;
            return Ok(Target::InPlace(cur, meta));
        }
        let meta = match fs::symlink_metadata(&cur) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Target::Replace(cur)),
            other => other?,
        };
        let kind = meta.file_type();
        if kind.is_symlink() {
            // Relative to the link's directory; an absolute target replaces the whole path.
            cur = parent_dir(&cur).join(fs::read_link(&cur)?);
        } else if kind.is_file() {
            return Ok(Target::Replace(cur));
        } else if kind.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a folder; name a file in it",
            ));
        } else {
            return Ok(Target::InPlace(cur, meta));
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// `/dev/fd/N`, `/proc/self/fd/N` (what /dev/stdout and bash's `>(cmd)` lead to) and the like.
fn is_descriptor_path(p: &Path) -> bool {
    let (Some(parent), Some(name)) = (p.parent(), p.file_name()) else {
        return false;
    };
    if name.to_str().is_none_or(|n| n.parse::<u32>().is_err()) {
        return false;
    }
    parent == Path::new("/dev/fd")
        || (parent.file_name() == Some("fd".as_ref())
            && fs::canonicalize(parent).is_ok_and(|c| c.starts_with("/proc")))
}

/// Whether `path` is written in place rather than replaced (see [`write_output`]): such a
/// target has no extension to tell a format by, so commands default to CSV as on stdout.
pub fn writes_in_place(path: &Path) -> bool {
    matches!(resolve(path), Ok(Target::InPlace(..)))
}

/// The regular file an export to `path` would replace (through any symlinks), if there is one
/// already: an export asks before replacing it. A free name, a FIFO or a device is `None`,
/// since writing to those loses nothing.
pub fn existing_file(path: &Path) -> Option<PathBuf> {
    match resolve(path) {
        Ok(Target::Replace(target)) if target.is_file() => Some(target),
        _ => None,
    }
}

/// `~` or `~/…` at the start of a name a user typed, as a shell would expand it (the browser's
/// prompt has no shell in front of it). Without a home directory the name stays as typed.
pub fn expand_home(typed: &str) -> PathBuf {
    let rest = match typed.strip_prefix('~') {
        Some("") => "",
        Some(r) if r.starts_with('/') || r.starts_with(std::path::MAIN_SEPARATOR) => &r[1..],
        _ => return PathBuf::from(typed),
    };
    match directories::BaseDirs::new() {
        Some(b) if rest.is_empty() => b.home_dir().to_path_buf(),
        Some(b) => b.home_dir().join(rest),
        None => PathBuf::from(typed),
    }
}

/// Writes what `fill` produces to `path`, as a user naming an output expects:
///
/// - a regular file or a new name is replaced atomically, keeping the file's permissions; a
///   symlink is followed and its final target replaced, so the link stays a link;
/// - a FIFO, a character device (/dev/null, a terminal) or a descriptor path (/dev/stdout,
///   /dev/fd/N, /proc/self/fd/N, a shell's `>(cmd)`) is opened for writing in place: never
///   created, truncated or replaced; a regular file behind a descriptor is appended to, as the
///   descriptor the shell opened would be;
/// - a folder, a block device (a disk) and a socket are refused.
///
/// Before a replace, temp files that killed writers left in the target's folder are removed.
pub fn write_output(
    path: &Path,
    mode: OutputMode,
    fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    match resolve(path)? {
        Target::Replace(target) => {
            remove_stale_temps(&parent_dir(&target));
            write_atomic(&target, fill)
        }
        Target::InPlace(target, meta) => {
            let mut w = BufWriter::new(open_in_place(&target, &meta, mode)?);
            fill(&mut w)?;
            w.flush()
        }
    }
}

#[cfg(unix)]
fn open_in_place(path: &Path, meta: &fs::Metadata, mode: OutputMode) -> io::Result<File> {
    use std::io::IsTerminal;
    use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
    let kind = meta.file_type();
    let refuse = |why: &str| Err(io::Error::new(io::ErrorKind::InvalidInput, why.to_string()));
    if kind.is_block_device() {
        return refuse("is a disk (a block device); an export is never written over one");
    }
    if kind.is_socket() {
        return refuse("is a socket; export to a file, a FIFO or standard output");
    }
    let mut opts = OpenOptions::new();
    opts.write(true);
    if meta.is_file() {
        opts.append(true);
    }
    // Opening a FIFO for writing waits for a reader; without blocking it fails at once
    // (ENXIO) when there is none, and is made blocking afterwards so writes wait for the
    // reader instead of failing when the pipe is full.
    let nonblocking = mode == OutputMode::Browser && kind.is_fifo();
    if nonblocking {
        opts.custom_flags(libc::O_NONBLOCK);
    }
    let file = match opts.open(path) {
        Err(e) if nonblocking && e.raw_os_error() == Some(libc::ENXIO) => {
            return Err(io::Error::new(
                io::ErrorKind::WouldBlock,
                "is a FIFO that nothing reads yet; start its reader first",
            ));
        }
        other => other?,
    };
    if nonblocking {
        set_blocking(&file)?;
    }
    if mode == OutputMode::Browser && file.is_terminal() {
        return refuse("is a terminal; the export would be written over the screen");
    }
    Ok(file)
}

#[cfg(unix)]
#[expect(
    unsafe_code,
    reason = "std has no fcntl; the descriptor is borrowed from a live File"
)]
fn set_blocking(file: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` is open for as long as `file` is borrowed; F_GETFL/F_SETFL only read and
    // set its status flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(not(unix))]
fn open_in_place(path: &Path, _meta: &fs::Metadata, _mode: OutputMode) -> io::Result<File> {
    OpenOptions::new().write(true).open(path)
}

/// Removes the temp files ([`write_atomic`]'s `.NAME.tmp-PID`) that writers killed before
/// their rename (`kill -9`, a crash, power loss) left in `dir`: those whose process is gone.
/// A process on another machine sharing the folder cannot be checked, so on a network folder
/// two machines exporting at the same moment could lose one temp file; the export whose temp
/// file went fails cleanly.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let Some(pid) = e.file_name().to_str().and_then(temp_owner) else {
            continue;
        };
        if pid != std::process::id()
            && !process_alive(pid)
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            crate::fsutil::remove_stale(&e.path());
        }
    }
}

#[cfg(unix)]
#[expect(
    unsafe_code,
    reason = "std cannot ask whether a process exists (kill with signal 0)"
)]
fn process_alive(pid: u32) -> bool {
    match libc::pid_t::try_from(pid) {
        // 0 would ask about our own process group; keep what cannot be judged.
        Ok(0) => true,
        // SAFETY: signal 0 sends nothing; it only checks that the process exists.
        Ok(p) => {
            let r = unsafe { libc::kill(p, 0) };
            r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
        }
        Err(_) => false,
    }
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

#[cfg(all(test, unix))]
#[expect(
    unsafe_code,
    reason = "fixtures std cannot make: a FIFO, a pty, the effective uid"
)]
mod tests {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
    use std::sync::mpsc;
    use std::time::Duration;

    use super::*;

    fn write(path: &Path, mode: OutputMode, text: &str) -> io::Result<()> {
        write_output(path, mode, &mut |w| w.write_all(text.as_bytes()))
    }

    fn c_path(p: &Path) -> CString {
        CString::new(p.as_os_str().as_bytes()).unwrap()
    }

    fn mkfifo(p: &Path) {
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path(p).as_ptr(), 0o600) }, 0);
    }

    fn is_root() -> bool {
        // SAFETY: no arguments, no side effects.
        unsafe { libc::geteuid() == 0 }
    }

    fn mknod(p: &Path, kind: libc::mode_t, major: u32, minor: u32) {
        // SAFETY: a valid NUL-terminated path; only root gets here.
        let r = unsafe {
            libc::mknod(
                c_path(p).as_ptr(),
                kind | 0o666,
                libc::makedev(major, minor),
            )
        };
        assert_eq!(r, 0, "{}", io::Error::last_os_error());
    }

    #[test]
    fn a_fifo_is_written_to_its_reader_and_stays_a_fifo() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.csv");
        mkfifo(&fifo);
        let (tx, rx) = mpsc::channel();
        let reader = fifo.clone();
        std::thread::spawn(move || {
            let _ = tx.send(fs::read_to_string(&reader));
        });
        write(&fifo, OutputMode::Command, "id,title\n").unwrap();
        // A replaced FIFO never gets a writer, and its reader would wait forever.
        let got = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("reader got nothing");
        assert_eq!(got.unwrap(), "id,title\n");
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn the_browser_refuses_a_fifo_nothing_reads_instead_of_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("out.csv");
        mkfifo(&fifo);
        let err = write(&fifo, OutputMode::Browser, "x").unwrap_err();
        assert!(err.to_string().contains("nothing reads"), "{err}");
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    }

    #[test]
    fn a_symlink_stays_a_link_and_its_target_gets_the_contents() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("real")).unwrap();
        let target = dir.path().join("real/out.csv");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
        // A chain of two links, the first one relative.
        let hop = dir.path().join("hop.csv");
        std::os::unix::fs::symlink(&target, &hop).unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink("hop.csv", &link).unwrap();
        write(&link, OutputMode::Command, "new").unwrap();
        for l in [&link, &hop] {
            assert!(fs::symlink_metadata(l).unwrap().file_type().is_symlink());
        }
        assert_eq!(fs::read_link(&link).unwrap(), Path::new("hop.csv"));
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        // The replaced file keeps its permissions, and no temp file is left beside it.
        assert_eq!(fs::metadata(&target).unwrap().mode() & 0o777, 0o600);
        assert_eq!(fs::read_dir(dir.path().join("real")).unwrap().count(), 1);

        // A dangling link gets its target created, as a shell redirection would.
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink("real/brief.md", &dangling).unwrap();
        write(&dangling, OutputMode::Command, "# brief").unwrap();
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("real/brief.md")).unwrap(),
            "# brief"
        );
    }

    #[test]
    fn a_character_device_is_written_in_place_and_stays_a_device() {
        let dir = tempfile::tempdir().unwrap();
        // As root a rename over /dev/null succeeds, so a failing test would break the
        // machine's /dev/null: root tests a null device of its own instead.
        let null = if is_root() {
            let p = dir.path().join("null");
            mknod(&p, libc::S_IFCHR, 1, 3);
            p
        } else {
            PathBuf::from("/dev/null")
        };
        write(&null, OutputMode::Command, "id,title\n").unwrap();
        write(&null, OutputMode::Browser, "id,title\n").unwrap();
        assert!(
            fs::symlink_metadata(&null)
                .unwrap()
                .file_type()
                .is_char_device()
        );
        assert_eq!(fs::read_to_string(&null).unwrap(), "");
    }

    #[test]
    fn a_block_device_is_refused() {
        if !is_root() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let disk = dir.path().join("disk");
        // A loop device number no loop device uses: refused before any open anyway.
        mknod(&disk, libc::S_IFBLK, 7, 250);
        let err = write(&disk, OutputMode::Command, "x").unwrap_err();
        assert!(err.to_string().contains("block device"), "{err}");
        assert!(
            fs::symlink_metadata(&disk)
                .unwrap()
                .file_type()
                .is_block_device()
        );
    }

    #[test]
    fn a_descriptor_path_writes_through_the_descriptor() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("log.csv");
        let mut f = File::create(&p).unwrap();
        f.write_all(b"earlier\n").unwrap();
        let ino = fs::metadata(&p).unwrap().ino();
        use std::os::fd::AsRawFd;
        for alias in [
            format!("/dev/fd/{}", f.as_raw_fd()),
            format!("/proc/self/fd/{}", f.as_raw_fd()),
        ] {
            assert!(writes_in_place(Path::new(&alias)), "{alias}");
            write(Path::new(&alias), OutputMode::Command, "more\n").unwrap();
        }
        // Appended to the same file, as `>>` would; not replaced.
        assert_eq!(fs::read_to_string(&p).unwrap(), "earlier\nmore\nmore\n");
        assert_eq!(fs::metadata(&p).unwrap().ino(), ino);
        assert!(!writes_in_place(&p));
        assert!(!writes_in_place(&dir.path().join("new.csv")));
    }

    #[test]
    fn the_browser_refuses_a_terminal() {
        // A pseudo-terminal of our own stands in for the one the browser draws on.
        let master = OpenOptions::new().read(true).write(true).open("/dev/ptmx");
        let Ok(master) = master else { return };
        use std::os::fd::AsRawFd;
        let fd = master.as_raw_fd();
        let mut name = [0 as libc::c_char; 128];
        // SAFETY: `fd` is an open pty master; `name` is a writable buffer of the given size.
        let ok = unsafe {
            libc::grantpt(fd) == 0
                && libc::unlockpt(fd) == 0
                && libc::ptsname_r(fd, name.as_mut_ptr(), name.len()) == 0
        };
        assert!(ok, "{}", io::Error::last_os_error());
        // SAFETY: ptsname_r wrote a NUL-terminated string.
        let slave = unsafe { std::ffi::CStr::from_ptr(name.as_ptr()) };
        let slave = Path::new(std::ffi::OsStr::from_bytes(slave.to_bytes()));
        let err = write(slave, OutputMode::Browser, "x").unwrap_err();
        assert!(err.to_string().contains("terminal"), "{err}");
        assert!(
            fs::symlink_metadata(slave)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }

    #[test]
    fn a_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = write(dir.path(), OutputMode::Command, "x").unwrap_err();
        assert!(err.to_string().contains("folder"), "{err}");
    }

    #[test]
    fn temp_files_of_killed_writers_are_removed_by_the_next_export() {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let mut sleeper = std::process::Command::new("sleep")
            .arg("60")
            .spawn()
            .unwrap();
        let alive = sleeper.id();
        let stale = [
            format!(".out.csv.tmp-{dead}"),
            format!(".other.json.tmp-{dead}"),
        ];
        let kept = [
            format!(".out.csv.tmp-{alive}"),
            ".notes.tmp-x".to_string(),
            ".tmp-1".to_string(),
        ];
        for name in stale.iter().chain(&kept) {
            fs::write(dir.path().join(name), "partial").unwrap();
        }
        write(&dir.path().join("out.csv"), OutputMode::Command, "done").unwrap();
        let _ = sleeper.kill();
        let _ = sleeper.wait();
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut want: Vec<String> = kept.to_vec();
        want.push("out.csv".to_string());
        want.sort();
        assert_eq!(names, want);
        assert_eq!(temp_owner(".state.json.tmp-12"), Some(12));
        assert_eq!(temp_owner(".tmp-12"), None);
        assert_eq!(temp_owner(".a.tmp-"), None);
    }
}
