//! Leaving: which signals end warta, and the exit the watchdog carries out when the event
//! loop does not take up one it was asked for.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

/// The signals that end warta through the same path as SIGTERM (store closed, terminal
/// restored, exit 128 + the signal): every signal whose default action ends the process and
/// that can be caught safely. Left at their defaults: SIGKILL and SIGSTOP (cannot be caught);
/// SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP and SIGSYS, which the kernel raises for the
/// instruction or call that faulted, so a handler that returns runs into the fault again or
/// hides it; SIGABRT, which `abort` raises again after any handler and whose core dump is
/// the point; SIGPIPE, which the Rust runtime ignores so that a closed pipe is an error.
pub(super) fn exit_signals() -> Vec<i32> {
    use signal_hook::consts::signal::{
        SIGALRM, SIGIO, SIGPROF, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU, SIGXFSZ,
    };
    let common = [
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGIO,
        SIGXCPU, SIGXFSZ,
    ];
    // SIGPOLL is SIGIO under another name.
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let platform: Vec<i32> = [libc::SIGPWR, libc::SIGSTKFLT]
        .into_iter()
        .chain(libc::SIGRTMIN()..=libc::SIGRTMAX())
        .collect();
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let platform: Vec<i32> = Vec::new();
    common.into_iter().chain(platform).collect()
}

/// ctrl-c, which quits in every mode whatever the keymap says (see [`crate::keymap`]).
pub(super) fn is_interrupt_key(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('c' | 'C'))
}

/// How long the loop has to take up an exit asked for from outside it: far longer than any
/// step it takes normally, short enough that ctrl-c still works when it is stuck.
pub(super) const EXIT_GRACE: Duration = Duration::from_secs(1);

/// How long a forced exit waits for the terminal to take the sequences that restore it.
const RESTORE_MAX: Duration = Duration::from_millis(500);

/// An exit asked for from outside the loop (ctrl-c read by the input thread, a signal, a
/// hang-up), which the loop must take up within [`EXIT_GRACE`].
#[derive(Default)]
pub(super) struct Leaving {
    /// The signal to exit with, and when it was asked for; the first one counts.
    asked: Mutex<Option<(i32, Instant)>>,
    /// The loop has returned and the terminal is restored.
    answered: AtomicBool,
}

impl Leaving {
    pub(super) fn ask(&self, sig: i32) {
        self.ask_at(sig, Instant::now());
    }

    fn ask_at(&self, sig: i32, now: Instant) {
        let mut asked = self.asked.lock().unwrap_or_else(|e| e.into_inner());
        asked.get_or_insert((sig, now));
    }

    pub(super) fn answer(&self) {
        self.answered.store(true, Ordering::SeqCst);
    }

    /// The signal to leave with when an exit asked for [`EXIT_GRACE`] ago or more is still
    /// not taken up at `now`.
    pub(super) fn overdue(&self, now: Instant) -> Option<i32> {
        if self.answered.load(Ordering::SeqCst) {
            return None;
        }
        let asked = *self.asked.lock().unwrap_or_else(|e| e.into_inner());
        asked.and_then(|(sig, at)| (now.saturating_duration_since(at) >= EXIT_GRACE).then_some(sig))
    }
}

/// Ends the process for a loop that did not take up an exit in time: stuck in a long step,
/// or blocked writing to a terminal that takes no output (ctrl-c waited minutes behind a
/// paste that took that long to draw). Nothing is lost: every triage action was fsync'd to
/// the journal before it was shown, and the store reads the journal back without the
/// compaction skipped here. The terminal is restored from a thread of its own, given
/// [`RESTORE_MAX`], because a terminal that takes no output blocks that too. `_exit`, not
/// `process::exit`: the latter flushes stdout's buffer, which can block the same way.
#[expect(
    unsafe_code,
    reason = "_exit, not exit: exit flushes stdout first, which blocks on the stuck terminal"
)]
pub(super) fn force_exit(sig: i32) -> ! {
    let (done, restored) = mpsc::channel();
    let _ = thread::Builder::new()
        .name("warta-restore".into())
        .spawn(move || {
            super::restore_terminal();
            let _ = done.send(());
        });
    let _ = restored.recv_timeout(RESTORE_MAX);
    // SAFETY: `_exit` ends the process at once; nothing runs after it.
    unsafe { libc::_exit(128 + sig) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every signal is either caught to leave cleanly, handled otherwise (stop, continue),
    /// harmless by default, or left alone for a stated reason (see `exit_signals`).
    #[cfg(target_os = "linux")]
    #[test]
    fn every_terminating_signal_that_can_be_caught_is_caught() {
        use libc::*;
        let caught = exit_signals();
        let ignored_by_default = [SIGCHLD, SIGURG, SIGWINCH];
        let stops_or_continues = [SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGCONT];
        let left_alone = [
            SIGKILL, SIGILL, SIGFPE, SIGSEGV, SIGBUS, SIGTRAP, SIGSYS, SIGABRT, SIGPIPE,
        ];
        for sig in 1..=SIGRTMAX() {
            // Between SIGSYS and SIGRTMIN: reserved by the C library's threads.
            let reserved = sig > SIGSYS && sig < SIGRTMIN();
            let expected = !(ignored_by_default.contains(&sig)
                || stops_or_continues.contains(&sig)
                || left_alone.contains(&sig)
                || reserved);
            assert_eq!(caught.contains(&sig), expected, "signal {sig}");
        }
        for sig in signal_hook::consts::FORBIDDEN {
            assert!(!caught.contains(sig), "forbidden {sig}");
        }
        // 128 + the largest still fits an exit status.
        assert!(caught.iter().all(|&s| (1..128).contains(&s)));
    }

    #[test]
    fn an_exit_not_taken_up_in_time_is_overdue() {
        let leaving = Leaving::default();
        let t0 = Instant::now();
        assert_eq!(
            leaving.overdue(t0 + Duration::from_secs(60)),
            None,
            "nothing asked"
        );
        leaving.ask_at(SIGINT, t0);
        // The first exit asked for is the one taken.
        leaving.ask_at(SIGHUP, t0 + Duration::from_millis(1));
        assert_eq!(leaving.overdue(t0 + EXIT_GRACE / 2), None);
        assert_eq!(leaving.overdue(t0 + EXIT_GRACE), Some(SIGINT));
        leaving.answer();
        assert_eq!(leaving.overdue(t0 + Duration::from_secs(60)), None);
    }
}
