//! Where a search's time goes, for the phase benchmark (`benches/measures` `phases`): each
//! step of [`search`](super::search()) and of the browser's search records how long it took
//! while recording is on. Off (always, outside that benchmark) a step costs one relaxed
//! atomic load.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

static ON: AtomicBool = AtomicBool::new(false);
static LOG: Mutex<Vec<(&'static str, Duration)>> = Mutex::new(Vec::new());

/// Starts (or stops) recording the phases of every search in this process.
pub fn record(on: bool) {
    ON.store(on, Ordering::SeqCst);
}

/// The phases recorded since the last call, in the order they ended.
pub fn take() -> Vec<(&'static str, Duration)> {
    LOG.lock()
        .map(|mut l| std::mem::take(&mut *l))
        .unwrap_or_default()
}

/// Times consecutive phases: each [`Laps::lap`] records the time since the last one.
pub struct Laps(Option<Instant>);

impl Laps {
    pub fn start() -> Laps {
        Laps(ON.load(Ordering::Relaxed).then(Instant::now))
    }

    pub fn lap(&mut self, name: &'static str) {
        if let Some(t) = &mut self.0 {
            let now = Instant::now();
            if let Ok(mut l) = LOG.lock() {
                l.push((name, now - *t));
            }
            *t = now;
        }
    }
}
