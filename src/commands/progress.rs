//! A cold load's progress on stderr, for the command line: one line redrawn in place while a
//! terminal shows it (as cargo and ripgrep users expect), nothing at all otherwise (a pipe,
//! a file, a cron job's log), so scripts and `2>` captures stay clean.
//!
//! The loader already says how far it is ([`Progress::line`], the browser's status line),
//! throttled to a few times a second; drawing it is a carriage return and an erase to the
//! end of the line, so no progress-bar crate is needed.

use std::io::Write;
use std::time::{Duration, Instant};

use crate::loader::{LoadEvent, Progress};

/// Loads that finish sooner print nothing: a flash of text would only flicker.
const QUIET_FOR: Duration = Duration::from_millis(300);

pub struct StderrProgress<W: Write> {
    out: W,
    started: Instant,
    quiet_for: Duration,
    shown: bool,
}

impl<W: Write> StderrProgress<W> {
    pub fn new(out: W) -> StderrProgress<W> {
        StderrProgress {
            out,
            started: Instant::now(),
            quiet_for: QUIET_FOR,
            shown: false,
        }
    }

    /// Shows every update, however soon (for tests).
    #[cfg(test)]
    pub fn eager(mut self) -> StderrProgress<W> {
        self.quiet_for = Duration::ZERO;
        self
    }

    pub fn on(&mut self, event: LoadEvent) {
        if let LoadEvent::Progress(p) = event {
            self.show(&p);
        }
    }

    fn show(&mut self, p: &Progress) {
        if self.started.elapsed() < self.quiet_for {
            return;
        }
        // The line is the loader's own text (no file names), so it is safe to print.
        let _ = write!(self.out, "\r{}\x1b[K", p.line());
        let _ = self.out.flush();
        self.shown = true;
    }

    /// Erases the progress line, so the summary that follows starts on a clean line.
    pub fn finish(&mut self) {
        if self.shown {
            let _ = write!(self.out, "\r\x1b[K");
            let _ = self.out.flush();
            self.shown = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loader::Phase;

    #[test]
    fn progress_is_redrawn_in_place_and_erased_at_the_end() {
        let mut buf = Vec::new();
        {
            let mut p = StderrProgress::new(&mut buf).eager();
            p.on(LoadEvent::Progress(Progress {
                phase: Phase::Parsing,
                to_parse: 10,
                parsed: 3,
                ..Progress::default()
            }));
            p.on(LoadEvent::Progress(Progress {
                phase: Phase::Parsing,
                to_parse: 10,
                parsed: 7,
                ..Progress::default()
            }));
            p.finish();
        }
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(
            text,
            "\rparsing 3/10 files\x1b[K\rparsing 7/10 files\x1b[K\r\x1b[K"
        );
    }

    #[test]
    fn a_quick_load_prints_nothing() {
        let mut buf = Vec::new();
        {
            let mut p = StderrProgress::new(&mut buf);
            p.on(LoadEvent::Progress(Progress::default()));
            p.finish();
        }
        assert!(buf.is_empty());
    }
}
