//! A read-only browser following the one that writes: it shows the writer's changes as they
//! are journaled and becomes the writer once the other has quit.
//!
//! Two sources wake the loop, neither of which polls: a watcher on the data directory (the
//! writer appends to `journal.jsonl`, compaction replaces `state.json`), and a thread
//! blocked on the directory's lock, which returns the moment the writer exits, also when it
//! was killed and wrote nothing on the way out. Each wakes the loop with one
//! [`Msg::StoreChanged`](super::Msg) at a time; [`crate::triage::Store::refresh`] then reads only what is
//! new.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

use crate::triage::store::{HISTORY_FILE, JOURNAL_FILE, SNAPSHOT_FILE};

use super::Msg;

/// Keeps the watcher and the lock waiter of a read-only store.
pub(super) struct Follower {
    dir: PathBuf,
    tx: Sender<Msg>,
    /// A change message is in the channel; more events until it is handled add nothing.
    queued: Arc<AtomicBool>,
    /// The lock waiter is still blocked.
    waiting: Arc<AtomicBool>,
    _watcher: Option<RecommendedWatcher>,
}

impl Follower {
    /// Starts following the store in `dir`. Without a watcher (inotify limits) the lock
    /// waiter still hands over writing when the other browser quits.
    pub(super) fn start(dir: &Path, tx: Sender<Msg>) -> Follower {
        let queued = Arc::new(AtomicBool::new(false));
        let watcher = {
            let (tx, queued) = (tx.clone(), Arc::clone(&queued));
            notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
                let ours = e.is_ok_and(|e| {
                    e.paths.iter().any(|p| {
                        p.file_name().is_some_and(|n| {
                            n == JOURNAL_FILE || n == SNAPSHOT_FILE || n == HISTORY_FILE
                        })
                    })
                });
                if ours && !queued.swap(true, Ordering::SeqCst) {
                    let _ = tx.send(Msg::StoreChanged);
                }
            })
            .and_then(|mut w| w.watch(dir, RecursiveMode::NonRecursive).map(|()| w))
            .ok()
        };
        let mut f = Follower {
            dir: dir.to_path_buf(),
            tx,
            queued,
            waiting: Arc::new(AtomicBool::new(false)),
            _watcher: watcher,
        };
        f.wait_for_lock();
        f
    }

    /// Blocks a thread on the directory's lock, unless one already is.
    pub(super) fn wait_for_lock(&mut self) {
        if self.waiting.swap(true, Ordering::SeqCst) {
            return;
        }
        let (dir, tx, waiting, queued) = (
            self.dir.clone(),
            self.tx.clone(),
            Arc::clone(&self.waiting),
            Arc::clone(&self.queued),
        );
        let spawned = std::thread::Builder::new()
            .name("warta-store-lock".into())
            .spawn(move || {
                let freed = crate::triage::store::wait_until_free(&dir).is_ok();
                waiting.store(false, Ordering::SeqCst);
                if freed {
                    queued.store(true, Ordering::SeqCst);
                    let _ = tx.send(Msg::StoreChanged);
                }
            });
        if spawned.is_err() {
            self.waiting.store(false, Ordering::SeqCst);
        }
    }

    /// The change message was taken from the channel: the next event sends another.
    pub(super) fn handled(&self) {
        self.queued.store(false, Ordering::SeqCst);
    }
}
