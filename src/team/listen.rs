//! Hears what other analysts do: a thread that reads the team's state once, then waits for
//! the server's notifications and fetches each batch of new events, so another analyst's
//! decision reaches an open browser within a second without polling while idle.
//!
//! What it hears goes to a callback (the browser sends it on to its event loop); the
//! thread ends when the callback says nobody is listening any more. A lost connection is
//! said once, then retried every [`RETRY`]; on return the thread
//! catches up from where it was, so nothing stored meanwhile is missed.

use super::event::Event;
use super::sender::RETRY;
use super::sql::RECENT_US;
use super::{Mode, Replica, Team, TeamConfig, TeamError, TeamView};

/// What the listener hears.
#[derive(Debug, Clone)]
pub enum Heard {
    /// The whole team state, on first connecting.
    View(Box<TeamView>),
    /// Events stored since the last delivery, in log order (some may be known already:
    /// [`TeamView::apply`] ignores those).
    Events(Vec<(i64, Event)>),
    /// The team's mode changed (`warta team mode`) since the view was read.
    Mode(Mode),
    /// The server cannot be reached, or the connection broke; the message has no password.
    Offline(TeamError),
}

pub struct Listener;

impl Listener {
    /// Starts the thread. `deliver` returns false once nobody wants more. The first read
    /// starts from this machine's copy of the view in `replica`, when there is one.
    pub fn start(
        cfg: TeamConfig,
        replica: Option<Replica>,
        deliver: impl FnMut(Heard) -> bool + Send + 'static,
    ) -> std::io::Result<Listener> {
        std::thread::Builder::new()
            .name("team-listener".into())
            .spawn(move || run(&cfg, replica.as_ref(), deliver))?;
        Ok(Listener)
    }
}

/// Where the listener is: the log position and server time reached, and the mode the
/// browser was last told; `None` until the first full read.
type Reached = Option<(i64, i64, Mode)>;

fn run(cfg: &TeamConfig, replica: Option<&Replica>, mut deliver: impl FnMut(Heard) -> bool) {
    let mut at: Reached = None;
    let mut was_offline = false;
    loop {
        match session(cfg, replica, &mut at, &mut deliver) {
            Ok(()) => return,
            Err(e) => {
                if !was_offline && !deliver(Heard::Offline(e)) {
                    return;
                }
                was_offline = true;
            }
        }
        std::thread::sleep(RETRY);
        was_offline = was_offline && at.is_some();
    }
}

/// One connection's life: `Ok` when the receiver is gone, `Err` when the server is.
fn session(
    cfg: &TeamConfig,
    replica: Option<&Replica>,
    at: &mut Reached,
    deliver: &mut impl FnMut(Heard) -> bool,
) -> Result<(), TeamError> {
    let mut team = Team::connect(cfg)?;
    // Listening before reading means a change committed in between is heard, not lost.
    team.listen()?;
    match *at {
        None => {
            let (view, now) = team.view_from(&cfg.analyst, replica)?;
            *at = Some((view.seq, now, view.mode));
            if !deliver(Heard::View(Box::new(view))) {
                return Ok(());
            }
        }
        Some(_) => {
            if !catch_up(&mut team, at, deliver)? {
                return Ok(());
            }
        }
    }
    loop {
        team.wait()?;
        if !catch_up(&mut team, at, deliver)? {
            return Ok(());
        }
    }
}

/// Fetches and delivers what is new; false when the receiver is gone.
fn catch_up(
    team: &mut Team,
    at: &mut Reached,
    deliver: &mut impl FnMut(Heard) -> bool,
) -> Result<bool, TeamError> {
    let (seq, now, was) = at.unwrap_or((0, 0, Mode::default()));
    let (events, server_now, mode) = team.events_since(seq, now - RECENT_US)?;
    let top = events.iter().map(|(s, _)| *s).max().unwrap_or(seq).max(seq);
    *at = Some((top, server_now, mode));
    if mode != was && !deliver(Heard::Mode(mode)) {
        return Ok(false);
    }
    if events.is_empty() {
        return Ok(true);
    }
    Ok(deliver(Heard::Events(events)))
}
