//! The threads that feed the channel besides the workers: terminal input, signals and the
//! hang-up watchdog.

use super::*;

/// How often the watchdog checks that the terminal still exists. Bounds both the exit delay
/// after a hang-up without SIGHUP and the CPU crossterm burns spinning until then.
pub(super) const WATCHDOG_INTERVAL: Duration = Duration::from_millis(250);

pub(super) fn spawn_signal_thread(
    mut signals: Signals,
    tx: Sender<Msg>,
    leaving: Arc<Leaving>,
) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if sig != SIGTSTP && sig != SIGCONT {
                    leaving.ask(sig);
                }
                if tx.send(Msg::Signal(sig)).is_err() {
                    return;
                }
            }
        })
        .context("cannot start the signal thread")?;
    Ok(())
}

/// Notices a hang-up that brings no SIGHUP (the session leader ignores it and so never
/// passes it on, or a wrapper swallows it) and reports it as SIGHUP. Without this the app
/// would never leave: crossterm 0.29's reader spins on the dead tty (crossterm#793) and
/// neither returns an error nor lets `event::read` return. Polls `isatty`, which needs no
/// FFI; `poll(2)` for POLLHUP on the tty fd would be the event-driven alternative but needs
/// `libc`/`rustix`. Ends when `stop` is dropped.
///
/// It also ends the process when the loop does not take up an exit asked for (a hang-up,
/// ctrl-c, a signal) within [`super::leave::EXIT_GRACE`]: see [`force_exit`].
pub(super) fn spawn_watchdog(
    stop: Receiver<()>,
    tx: Sender<Msg>,
    leaving: Arc<Leaving>,
) -> anyhow::Result<()> {
    let watch_stdin = std::io::stdin().is_terminal();
    thread::Builder::new()
        .name("warta-watchdog".into())
        .spawn(move || {
            let mut hung_up = false;
            while let Err(RecvTimeoutError::Timeout) = stop.recv_timeout(WATCHDOG_INTERVAL) {
                if !hung_up && terminal_gone(watch_stdin) {
                    hung_up = true;
                    leaving.ask(SIGHUP);
                    let _ = tx.send(Msg::Signal(SIGHUP));
                }
                if let Some(sig) = leaving.overdue(Instant::now()) {
                    force_exit(sig);
                }
            }
        })
        .context("cannot start the watchdog thread")?;
    Ok(())
}

pub(super) fn spawn_input_thread(tx: Sender<Msg>, leaving: Arc<Leaving>) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-input".into())
        .spawn(move || {
            loop {
                let msg = match event::read() {
                    Ok(Event::Key(k)) => {
                        // ctrl-c always quits (the keymap hard-wires it): it must work even
                        // when the loop is stuck behind other work.
                        if is_interrupt_key(&k) {
                            leaving.ask(SIGINT);
                        }
                        Msg::Key(k)
                    }
                    Ok(Event::Paste(text)) => Msg::Paste(text),
                    Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                    // Reports that arrive with the mouse off (a terminal left in mouse mode
                    // by another program) must not act.
                    Ok(Event::Mouse(_)) if !MOUSE.load(Ordering::SeqCst) => continue,
                    Ok(Event::Mouse(m)) => {
                        // Only what the app acts on: motion and drags would wake the loop
                        // for nothing.
                        let kind = match m.kind {
                            MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                            MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                            MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                            _ => continue,
                        };
                        Msg::Mouse(MouseInput {
                            kind,
                            column: m.column,
                            row: m.row,
                        })
                    }
                    Ok(_) => continue,
                    Err(_) => {
                        leaving.ask(SIGHUP);
                        let _ = tx.send(Msg::InputClosed);
                        return;
                    }
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
        })
        .context("cannot start the input thread")?;
    Ok(())
}
