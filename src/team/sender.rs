//! Sends the outbox from a thread of its own, so a slow or absent server never holds up a
//! key: the browser queues an action and [`Sender::wake`]s it.
//!
//! While events wait and the server is away, the thread tries again every few seconds;
//! with nothing queued it sleeps until woken (no polling while idle). What it last saw is
//! in [`Sender::report`], for the status line.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::{Outbox, Team, TeamConfig, flush};

/// How long to wait before trying an absent server again.
pub const RETRY: Duration = Duration::from_secs(5);

/// What the sender last found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Events still queued on this machine.
    pub queued: usize,
    /// Why the last send failed (no password in it); `None` after a success.
    pub offline: Option<String>,
    /// The server answers but this warta may not write there (its tables are of another
    /// version, or missing): waiting will not help, someone must act. `None` otherwise.
    pub refused: Option<String>,
    /// Events delivered since start.
    pub sent: usize,
}

pub struct Sender {
    wake: mpsc::Sender<()>,
    report: Arc<Mutex<Report>>,
}

impl Sender {
    /// Starts the thread; it sends what an earlier run left queued at once. `on_back` is
    /// called when a send succeeds after failing (the server was away, or refused this
    /// warta): what the status line said about the queue is then out of date.
    pub fn start(cfg: TeamConfig, outbox: Outbox, on_back: impl Fn() + Send + 'static) -> Sender {
        let (wake, rx) = mpsc::channel();
        let report = Arc::new(Mutex::new(Report::default()));
        let shared = Arc::clone(&report);
        let spawned = std::thread::Builder::new()
            .name("team-sender".into())
            .spawn(move || run(&cfg, &outbox, &rx, &shared, &on_back));
        if let Err(e) = spawned
            && let Ok(mut r) = report.lock()
        {
            r.offline = Some(format!("cannot start the team sender: {e}"));
        }
        let _ = wake.send(());
        Sender { wake, report }
    }

    /// Something was queued: send it now.
    pub fn wake(&self) {
        let _ = self.wake.send(());
    }

    pub fn report(&self) -> Report {
        self.report.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

fn run(
    cfg: &TeamConfig,
    outbox: &Outbox,
    rx: &mpsc::Receiver<()>,
    report: &Mutex<Report>,
    on_back: &dyn Fn(),
) {
    let mut conn: Option<Team> = None;
    let mut waiting = false;
    loop {
        let woke = if waiting {
            rx.recv_timeout(RETRY)
        } else {
            rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        };
        match woke {
            Ok(()) | Err(RecvTimeoutError::Timeout) => {}
            // The browser has quit: what is queued stays for the next start.
            Err(RecvTimeoutError::Disconnected) => return,
        }
        // A burst of actions wakes once.
        while rx.try_recv().is_ok() {}
        let result = match conn.as_mut() {
            Some(t) => flush(t, outbox),
            None => Team::connect(cfg).and_then(|mut t| {
                let r = flush(&mut t, outbox);
                conn = Some(t);
                r
            }),
        };
        let queued = outbox.pending().map(|p| p.events.len()).unwrap_or(0);
        let Ok(mut r) = report.lock() else { return };
        r.queued = queued;
        let back = result.is_ok() && (r.offline.is_some() || r.refused.is_some());
        match result {
            Ok(f) => {
                r.sent += f.sent;
                r.offline = None;
                r.refused = None;
            }
            Err(e) => {
                log::warn!("team: {e}");
                match conn.as_mut().map(Team::refusal) {
                    // Still tried every few seconds: an upgrade of this warta or of the
                    // tables is what it waits for.
                    Some(Ok(Some(refused))) => {
                        // The status line has room for the reason, not the server's URL.
                        let prefix = format!("team server {}: ", cfg.shown());
                        let why = refused.0.strip_prefix(&prefix).unwrap_or(&refused.0);
                        r.refused = Some(format!("the team server: {why}"));
                        r.offline = None;
                    }
                    _ => {
                        r.offline = Some(e.0);
                        r.refused = None;
                        // A broken connection is not reused.
                        conn = None;
                    }
                }
            }
        }
        drop(r);
        if back {
            on_back();
        }
        waiting = queued > 0;
    }
}
