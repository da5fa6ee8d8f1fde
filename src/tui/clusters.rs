//! The copy-grouping worker: groups a corpus once it is whole, extends the groups when a
//! live reload adds articles, and hands them to the app and the search worker.

use super::*;

/// Gives the search worker the groups of copies carried over to the corpus just installed,
/// so `has:copies` keeps working until that corpus's own grouping arrives.
pub(super) fn hand_over_clusters(app: &App, ctx: &Ctx<'_>) {
    if let Some(clusters) = &app.copies.clusters {
        let _ = ctx
            .work_tx
            .send(Work::Clusters(app.corpus.identity(), Arc::clone(clusters)));
    }
}

/// Corpora with at least this many articles say "grouping copies…" while they are grouped;
/// smaller ones are grouped within a frame or two, and a flash of text would only distract.
pub(super) const ANNOUNCE_GROUPING: usize = 2_000;

/// Groups syndicated copies on a thread and a rayon pool of its own (all cores but one), so
/// neither the event loop nor a search ever waits for it: at 100k articles grouping takes
/// seconds, mostly reading bodies, while searches on the global pool stay interactive.
/// Corpora that queued up while one was grouped are skipped for the newest, and grouping
/// stops early once a newer corpus is sent (`latest` changes); signatures computed so far
/// are kept by article id, so the next corpus only signs articles it has not seen.
/// Returns the sender for corpora, or `None` when the thread cannot start (the browser then
/// simply shows no groups).
/// With `signatures`, the signature memo starts from that file and is saved back after each
/// grouping that computed new ones (a failed save costs only the next start's time).
pub(super) fn spawn_cluster_worker(
    tx: Sender<Msg>,
    latest: Arc<AtomicU64>,
    signatures: Option<PathBuf>,
    drawn: Gate,
) -> Option<Sender<ToGroup>> {
    let (corpus_tx, corpora) = mpsc::channel::<ToGroup>();
    let threads = thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("warta-cluster-{i}"))
        .build()
        .ok()?;
    thread::Builder::new()
        .name("warta-cluster".into())
        .spawn(move || {
            // Read when the first real corpus comes (after its first results): reading 26 MB
            // of signatures at start would compete with the first frame.
            let mut memo: Option<crate::app::clusters::SignatureMemo> = None;
            // The last corpus grouped, and its groups: a corpus patched from it only has
            // its new articles joined to them.
            let mut last: Option<(u64, Arc<Clusters>)> = None;
            // A corpus received but not grouped (a newer one was on its way): the next
            // one's lineage is chained through it.
            let mut held: Option<ToGroup> = None;
            while let Ok(first) = corpora.recv() {
                let mut job = held.take();
                for next in
                    std::iter::once(first).chain(std::iter::from_fn(|| corpora.try_recv().ok()))
                {
                    job = Some(match job {
                        None => next,
                        Some(prev) => ToGroup {
                            lineage: chain(prev.lineage, &prev.corpus, next.lineage, true),
                            corpus: next.corpus,
                        },
                    });
                }
                let Some(job) = job else {
                    continue;
                };
                let identity = job.corpus.identity();
                // The empty corpus the browser starts with has nothing to group, and grouping
                // it would leave the memo with only its (no) signatures.
                if latest.load(Ordering::SeqCst) != identity || job.corpus.is_empty() {
                    held = Some(job);
                    continue;
                }
                // Reading the signatures and grouping would share the cores with the first
                // frame; the gate stays open once opened.
                drawn.wait(GATE_MAX);
                let corpus = &job.corpus;
                let memo = memo.get_or_insert_with(|| {
                    signatures
                        .as_deref()
                        .map(crate::app::clusters::SignatureMemo::load)
                        .unwrap_or_default()
                });
                let carried = match (&job.lineage, &last) {
                    (Some(l), Some((base, clusters)))
                        if l.base == *base && l.added.len() <= crate::app::clusters::MAX_ADDED =>
                    {
                        Some((
                            clusters.remap(corpus.len(), |i| l.moved.get(i).copied().flatten()),
                            l,
                        ))
                    }
                    _ => None,
                };
                let grouped = match carried {
                    Some((carried, l)) => Some(pool.install(|| {
                        crate::app::clusters::cluster_added(corpus, memo, &carried, &l.added)
                    })),
                    None => {
                        if corpus.len() >= ANNOUNCE_GROUPING
                            && tx.send(Msg::Grouping(identity)).is_err()
                        {
                            return;
                        }
                        let stale = || latest.load(Ordering::Relaxed) != identity;
                        let known = memo.len();
                        let grouped = pool.install(|| {
                            crate::app::clusters::cluster_with_memo(corpus, memo, &stale)
                        });
                        // Saved after full groupings only: the few articles a live
                        // corpus adds are signed again at the next start in no time.
                        // A failed save costs the next start a re-read of every body.
                        if grouped.is_some()
                            && memo.len() != known
                            && let Some(path) = &signatures
                            && let Err(e) = memo.save(path)
                        {
                            log::warn!("copy signatures not saved to {}: {e}", path.display());
                        }
                        grouped
                    }
                };
                if let Some(clusters) = grouped {
                    let clusters = Arc::new(clusters);
                    last = Some((identity, Arc::clone(&clusters)));
                    if tx.send(Msg::Clusters(identity, clusters)).is_err() {
                        return;
                    }
                }
            }
        })
        .ok()?;
    Some(corpus_tx)
}

/// A corpus for the grouping thread, and how it was patched from the one sent before it.
pub(super) struct ToGroup {
    pub(super) corpus: Corpus,
    pub(super) lineage: Option<Arc<Lineage>>,
}

/// The lineage of a corpus patched from `current` by `step`, counted from where `current`'s
/// own lineage (`pending`) starts when `current` was `skipped` (never grouped): grouping can
/// then carry the groups of the last corpus it did group. `None` when the chain is broken.
pub(super) fn chain(
    pending: Option<Arc<Lineage>>,
    current: &Corpus,
    step: Option<Arc<Lineage>>,
    skipped: bool,
) -> Option<Arc<Lineage>> {
    let step = step.filter(|s| s.base == current.identity())?;
    if !skipped {
        return Some(step);
    }
    pending.map(|p| Arc::new(p.then(&step)))
}

/// Installs the groups of copies when they are for the corpus on screen, hands them to the
/// search worker for `has:copies`, and re-runs a search that uses it. True when the screen
/// may have changed.
pub(super) fn on_clusters(
    app: &mut App,
    ctx: &mut Ctx<'_>,
    identity: u64,
    clusters: Arc<Clusters>,
) -> bool {
    if !app.install_clusters(identity, Arc::clone(&clusters)) {
        return false;
    }
    let _ = ctx
        .work_tx
        .send(Work::Clusters(identity, Arc::clone(&clusters)));
    if !clusters.is_empty() {
        let text = crate::app::clusters::summary(&clusters);
        let shown = app.message.as_ref();
        let load_line = shown.is_some_and(|m| ctx.load.line.as_deref() == Some(m.text.as_str()));
        match shown {
            // The load's summary stays, with the groups after it, once: the line is no longer
            // the load's, so the groups of a later corpus (a live change) are a notice.
            // While loading, progress matters more: the load's summary names these groups
            // when it ends, or the corpus it ends with is grouped and says so then.
            Some(m) if load_line && !ctx.load.running && m.kind != MessageKind::Error => {
                let text = format!("{}; {text}", m.text);
                app.set_message(text, MessageKind::Info);
                ctx.load.line = None;
            }
            // A notice: it never hides what a key, a live change or an error said (the
            // "corpus updated" line a live change shows is followed by its new groups).
            _ => app.notice(text),
        }
    }
    if app.search.query.has_copies_term() {
        let req = app.request();
        send_search(app, ctx, req);
    }
    true
}
