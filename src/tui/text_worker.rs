//! The full-text index behind the browser: each whole corpus the search worker gets is
//! synced into the index on this thread (a cold build the first time), and the search
//! worker is handed a view of it once it covers the corpus. Until then the search scans, and
//! the status line says how far the index is.

use super::*;
use crate::index::{IndexStore, Progress};

/// How often a running build's progress is sent to the status line.
const TICK: Duration = Duration::from_millis(300);

/// Starts the index thread for the index in `dir`; corpora sent to it are synced, the
/// newest first (`latest` names it, and a sync of an older one stops at its next batch).
pub(super) fn spawn_text_worker(
    dir: PathBuf,
    latest: Arc<AtomicU64>,
    work_tx: Sender<Work>,
    tx: Sender<Msg>,
    drawn: Gate,
) -> Option<Sender<Corpus>> {
    let (to, from) = mpsc::channel::<Corpus>();
    let spawned = thread::Builder::new()
        .name("warta-index".into())
        .spawn(move || {
            let mut store: Option<IndexStore> = None;
            while let Ok(first) = from.recv() {
                // Opening and syncing would share the cores with the first frame.
                drawn.wait(GATE_MAX);
                let Some(corpus) = std::iter::once(first).chain(from.try_iter()).last() else {
                    continue;
                };
                let identity = corpus.identity();
                if latest.load(Ordering::SeqCst) != identity {
                    continue;
                }
                if store.is_none() {
                    match IndexStore::open(&dir) {
                        Ok((s, warning)) => {
                            store = Some(s);
                            if warning.is_some() {
                                let _ = tx.send(Msg::Indexing(identity, None, warning));
                            }
                        }
                        Err(e) => {
                            // The search scans; the next corpus tries again.
                            log::warn!("{}: {e}", dir.display());
                            continue;
                        }
                    }
                }
                let Some(s) = store.as_mut() else { continue };
                let progress = Progress::default();
                // Dropped when the sync ends, which wakes the ticker at once: a sync with
                // nothing to do is not held up by a sleeping tick.
                let (done_tx, done_rx) = mpsc::channel::<()>();
                let ticker = {
                    let (progress, tx) = (progress.clone(), tx.clone());
                    thread::Builder::new()
                        .name("warta-index-tick".into())
                        .spawn(move || {
                            while let Err(mpsc::RecvTimeoutError::Timeout) =
                                done_rx.recv_timeout(TICK)
                            {
                                let p = progress.get();
                                if p.done < p.total {
                                    let _ = tx.send(Msg::Indexing(identity, Some(p), None));
                                }
                            }
                        })
                        .ok()
                };
                let stale = || latest.load(Ordering::SeqCst) != identity;
                let synced = s.sync(&corpus, &progress, &stale);
                drop(done_tx);
                if let Some(t) = ticker {
                    let _ = t.join();
                }
                match synced {
                    Ok(_) if !stale() => match s.view(&corpus) {
                        Ok(v) if v.complete() => {
                            let _ = work_tx.send(Work::Text(identity, Arc::new(v)));
                        }
                        Ok(_) => {}
                        Err(e) => log::warn!("{}: {e}", dir.display()),
                    },
                    Ok(_) => {}
                    Err(e) => log::warn!("{}: {e}", dir.display()),
                }
                let _ = tx.send(Msg::Indexing(identity, None, None));
            }
        });
    match spawned {
        Ok(_) => Some(to),
        Err(e) => {
            log::warn!("cannot start the index thread: {e}");
            None
        }
    }
}
