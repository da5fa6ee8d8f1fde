//! `warta.log` in the data directory: what warta would otherwise drop without a word (a cache
//! file that could not be removed, a signature memo that could not be saved, a watcher
//! error after the first), for when something looks wrong later.
//!
//! Code logs through the `log` facade (`log::warn!` and friends), which notify already uses,
//! so the watcher's own warnings land in the same file. [`init`] installs [`FileLog`] as the
//! logger. The file is only ever written, never the terminal: while the browser runs, a
//! byte on stderr would land in the middle of the screen.
//!
//! Each record is one line, `2025-06-02T08:00:00Z WARN  [4711] warta::cache: text`, the pid
//! telling apart the browser and a `warta export` writing at the same time. Messages are
//! sanitised: they quote paths and text from the corpus, and the log is read with `cat`.
//! The file is opened, appended to and closed per record (records are rare: warnings by
//! default), so every process sees the other's rotation. Past [`MAX_BYTES`] it becomes
//! `warta.log.1`, replacing the previous one, so the log never holds more than about
//! twice that. Nothing is created until there is something to write.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ::log::{Level, LevelFilter, Log, Metadata, Record};

/// The log's file name in the data directory.
pub const LOG_FILE: &str = "warta.log";
/// The previous log, after a rotation.
pub const OLD_LOG_FILE: &str = "warta.log.1";
/// Size at which the log is rotated.
pub const MAX_BYTES: u64 = 1 << 20;

/// A logger appending to `<dir>/warta.log`.
pub struct FileLog {
    dir: PathBuf,
    level: LevelFilter,
    max_bytes: u64,
    /// One record at a time from this process, so a rotation is not raced by its own
    /// threads.
    writing: Mutex<()>,
}

impl FileLog {
    pub fn new(dir: &Path, level: LevelFilter) -> FileLog {
        FileLog::with_limit(dir, level, MAX_BYTES)
    }

    /// With another rotation size (tests).
    pub fn with_limit(dir: &Path, level: LevelFilter, max_bytes: u64) -> FileLog {
        FileLog {
            dir: dir.to_path_buf(),
            level,
            max_bytes,
            writing: Mutex::new(()),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(LOG_FILE)
    }

    /// Appends one record, rotating first when the file is full. Errors are returned for
    /// tests; [`Log::log`] drops them, since there is nowhere left to report them.
    pub fn write(
        &self,
        level: Level,
        target: &str,
        message: &fmt::Arguments<'_>,
    ) -> io::Result<()> {
        let line = format_line(
            &crate::triage::time::now_rfc3339(),
            level,
            target,
            &message.to_string(),
        );
        let _one = self.writing.lock().unwrap_or_else(|e| e.into_inner());
        let path = self.path();
        let append = OpenOptions::new().append(true).create(true).clone();
        // The data directory may not exist yet (a first run's `warta list`).
        fs::create_dir_all(&self.dir)?;
        // Through safe_read: a FIFO planted at the log's path must not block a write.
        let (mut file, meta) = crate::safe_read::open_own_with(&path, &append)?;
        if meta.len() >= self.max_bytes {
            drop(file);
            fs::rename(&path, self.dir.join(OLD_LOG_FILE))?;
            file = crate::safe_read::open_own_with(&path, &append)?.0;
        }
        // One write per record: appends from two processes then do not interleave.
        file.write_all(line.as_bytes())
    }
}

/// One record as a line: sanitised (no escape sequence, bidi control or invisible character
/// reaches the terminal of whoever reads the log) and on one line.
fn format_line(time: &str, level: Level, target: &str, message: &str) -> String {
    let message = crate::text::sanitize(message).replace('\n', " ");
    let target = crate::text::sanitize(target);
    format!(
        "{time} {:<5} [{}] {target}: {message}\n",
        level.as_str(),
        std::process::id()
    )
}

impl Log for FileLog {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= self.level
    }

    fn log(&self, record: &Record<'_>) {
        if self.enabled(record.metadata()) {
            // A full disk or a read-only data directory costs the record, nothing else.
            let _ = self.write(record.level(), record.target(), record.args());
        }
    }

    fn flush(&self) {}
}

/// Sends the `log` records at `level` and above to `<data_dir>/warta.log`. Without a data
/// directory (no home) or with `LevelFilter::Off` nothing is logged. Only the first call
/// counts.
pub fn init(data_dir: Option<&Path>, level: LevelFilter) {
    let Some(dir) = data_dir.filter(|_| level != LevelFilter::Off) else {
        return;
    };
    if ::log::set_boxed_logger(Box::new(FileLog::new(dir, level))).is_ok() {
        ::log::set_max_level(level);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(path: &Path) -> Vec<String> {
        fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .map(String::from)
            .collect()
    }

    fn log(l: &FileLog, level: Level, msg: &str) {
        l.log(
            &Record::builder()
                .level(level)
                .target("warta::test")
                .args(format_args!("{msg}"))
                .build(),
        );
    }

    #[test]
    fn records_below_the_level_are_not_written() {
        let tmp = tempfile::tempdir().unwrap();
        let l = FileLog::new(tmp.path(), LevelFilter::Warn);
        log(&l, Level::Debug, "detail");
        log(&l, Level::Info, "news");
        assert!(!l.path().exists(), "nothing to write, nothing created");
        log(&l, Level::Warn, "cannot remove x");
        log(&l, Level::Error, "broken");
        let got = lines(&l.path());
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].contains(" WARN  [") && got[0].ends_with("warta::test: cannot remove x"));
        assert!(got[1].contains(" ERROR [") && got[1].ends_with("broken"));

        let l = FileLog::new(tmp.path(), LevelFilter::Debug);
        log(&l, Level::Debug, "detail");
        log(&l, Level::Trace, "noise");
        assert_eq!(lines(&l.path()).len(), 3);
    }

    #[test]
    fn a_full_log_becomes_the_old_one_and_only_one_is_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let l = FileLog::with_limit(tmp.path(), LevelFilter::Info, 200);
        for n in 0..20 {
            log(&l, Level::Warn, &format!("record {n}"));
        }
        let (new, old) = (lines(&l.path()), lines(&tmp.path().join(OLD_LOG_FILE)));
        assert!(!old.is_empty() && !new.is_empty());
        // Nothing lost across the last rotation, and the newest record is in the new file.
        let all: Vec<&String> = old.iter().chain(&new).collect();
        assert!(all.last().unwrap().ends_with("record 19"));
        for w in all.windows(2) {
            let n = |s: &str| s.rsplit(' ').next().unwrap().parse::<u32>().unwrap();
            assert_eq!(n(w[0]) + 1, n(w[1]), "{all:?}");
        }
        // The current file stays near the limit: rotated once it reached it.
        assert!(fs::metadata(l.path()).unwrap().len() < 200 + 100);
        let names: Vec<String> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn a_write_that_fails_returns_an_error_and_logging_it_does_not_panic() {
        let tmp = tempfile::tempdir().unwrap();
        // The data directory's place is taken by a file: nothing can be created in it.
        let blocked = tmp.path().join("data");
        fs::write(&blocked, "not a folder").unwrap();
        let l = FileLog::new(&blocked, LevelFilter::Debug);
        assert!(l.write(Level::Warn, "t", &format_args!("x")).is_err());
        log(&l, Level::Error, "lost, quietly");
        // A FIFO at the log's path: refused at once, never waited on.
        let dir = tmp.path().join("fifo");
        fs::create_dir(&dir).unwrap();
        crate::safe_read::testing::mkfifo(&dir.join(LOG_FILE));
        let l = FileLog::new(&dir, LevelFilter::Debug);
        let err = crate::safe_read::testing::within(move || {
            let err = l.write(Level::Warn, "t", &format_args!("x")).unwrap_err();
            log(&l, Level::Error, "lost, quietly");
            err
        });
        assert!(err.to_string().contains("not a regular file"), "{err}");
    }

    #[test]
    fn a_record_is_one_inert_line() {
        let line = format_line(
            "2025-06-02T08:00:00Z",
            Level::Warn,
            "warta::cache",
            "cannot remove /c/\x1b]0;pwned\x07x\u{202e}.txt\nsecond line",
        );
        assert!(crate::text::is_safe(line.trim_end()), "{line:?}");
        assert_eq!(line.matches('\n').count(), 1);
        assert!(line.starts_with("2025-06-02T08:00:00Z WARN  ["), "{line:?}");
        assert!(line.ends_with(" second line\n"), "{line:?}");
    }
}
