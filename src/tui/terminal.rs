//! The terminal itself: raw mode and the alternate screen, restoring them on every way out,
//! job control (ctrl-z, SIGTSTP, `fg`), and telling a live terminal from a hung-up one.

use super::*;

/// Whether mouse reporting is on, so a resume after ctrl-z turns it back on.
pub(super) static MOUSE: AtomicBool = AtomicBool::new(false);

/// Restores the terminal when dropped, so `?` returns leave it usable too (the panic hook
/// installed by `ratatui::try_init` covers panics).
pub(super) struct RestoreGuard;

impl Drop for RestoreGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Undoes everything [`enter_terminal`] and drawing did, step by step, ignoring failures:
/// on a hung-up tty every step fails, and one failure must not skip the rest. Unlike
/// `ratatui::restore` it reports nothing, because `eprintln!` panics when stderr is a
/// dead tty. Mouse reporting and bracketed paste are turned off unconditionally: a shell
/// left with them on receives escape sequences for every click and around every paste.
pub(super) fn restore_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Raw mode and the alternate screen, as `ratatui::try_init` sets them up, bracketed paste,
/// and mouse reporting when it is on.
pub(super) fn enter_terminal() -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), EnterAlternateScreen)?;
    // Without it a paste still arrives, as keys.
    let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
    if MOUSE.load(Ordering::SeqCst) {
        crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Whether we run in an ssh session: then `o` copies instead of opening a browser on the
/// server.
pub(super) fn over_ssh() -> bool {
    ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()))
}

/// True once the terminal we were started on has been hung up: the kernel then swaps the
/// file's operations for ones that fail every ioctl, so `isatty` turns false on the very
/// descriptors that were terminals at start.
pub(super) fn terminal_gone(watch_stdin: bool) -> bool {
    !std::io::stdout().is_terminal() || (watch_stdin && !std::io::stdin().is_terminal())
}

/// Restores the terminal, stops the whole process and, once continued, sets the terminal up
/// again and repaints it. SIGSTOP rather than SIGTSTP: a self-raised SIGTSTP is discarded
/// when the process group is orphaned (parent shell gone), which would leave the terminal
/// restored under a still-running app. `raise` returns once SIGCONT arrives (`fg`/`bg`).
pub(super) fn suspend(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
) -> anyhow::Result<()> {
    restore_terminal();
    signal_hook::low_level::raise(SIGSTOP).context("cannot suspend")?;
    if terminal_gone(false) {
        // Hung up while stopped: the next draw fails and takes the hang-up exit.
        return Ok(());
    }
    enter_terminal().context("cannot set up the terminal again")?;
    repaint(terminal, app)
}

/// Whether a job-control shell can resume us after a stop: our parent is in our session but
/// put us in a process group of our own, which only a shell doing job control does. Without
/// one (run by `sh -c`, as the session leader of `ssh host warta`, under a non-interactive
/// wrapper) a SIGSTOP would freeze the app for good, since nothing would ever send SIGCONT;
/// the kernel discards terminal stop signals for such orphaned groups for the same reason.
/// Where `/proc` cannot tell (not Linux), suspend as other terminal programs do.
pub(super) fn job_control() -> bool {
    let parent = std::os::unix::process::parent_id().to_string();
    match (
        proc_group_and_session("self"),
        proc_group_and_session(&parent),
    ) {
        (Some((pgrp, sid)), Some((parent_pgrp, parent_sid))) => {
            sid == parent_sid && pgrp != parent_pgrp
        }
        _ => true,
    }
}

/// Process group and session of `pid` from `/proc/<pid>/stat`. The command name may hold
/// spaces and parentheses, so fields are counted from its last `)`.
pub(super) fn proc_group_and_session(pid: &str) -> Option<(u32, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    // state ppid pgrp session ...
    let mut fields = rest.split_whitespace().skip(2);
    let pgrp = fields.next()?.parse().ok()?;
    let session = fields.next()?.parse().ok()?;
    Some((pgrp, session))
}

/// Clears the screen and forgets what ratatui believes is on it, so the next draw writes
/// every cell. `Terminal::resize` does both without `Terminal::clear`'s cursor-position
/// query, which would wait for a reply the input thread is busy reading (and that a
/// terminal over a slow link may never send). Also picks up a resize that happened while
/// the app was stopped.
pub(super) fn repaint(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
) -> anyhow::Result<()> {
    let Ok(size) = terminal.size() else {
        // No size means no terminal; the watchdog or the next draw handles the hang-up.
        return Ok(());
    };
    let _ = terminal.resize(Rect::new(0, 0, size.width, size.height));
    if (size.width, size.height) != (app.width, app.height) {
        update(app, Action::Resize(size.width, size.height));
    }
    Ok(())
}
