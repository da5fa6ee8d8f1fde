//! The search worker: the latest request wins, stale scans are abandoned, and one memo is
//! kept across queries so the next keystroke narrows the last result.

use super::*;

/// What the search worker is sent. One channel for both keeps them in order: a request
/// made right after a corpus was replaced is searched on that corpus.
pub(super) enum Work {
    /// A corpus to search from now on, how it was patched from the previous one, and
    /// whether it is a snapshot of a load still parsing (searched, but not grouped: the
    /// whole corpus comes soon, and grouping a part would take a core from the parse).
    Corpus(Corpus, Option<Arc<Lineage>>, bool),
    Search(SearchRequest),
    /// The groups of copies of the corpus with this identity, for `has:copies`.
    Clusters(u64, Arc<Clusters>),
    /// The full-text index, ready for the corpus with this identity.
    Text(u64, Arc<dyn crate::query::TextIndex>),
}

/// Sends `req` now; a search held back for the end of the batch is older, so it is dropped.
pub(super) fn send_search(app: &mut App, ctx: &mut Ctx<'_>, req: SearchRequest) {
    ctx.search = None;
    ctx.latest.store(req.generation, Ordering::SeqCst);
    if ctx.work_tx.send(Work::Search(req)).is_err() {
        app.search.searching = false;
        app.set_message(
            "search worker stopped; results are stale",
            MessageKind::Error,
        );
    }
}

/// Runs searches off the UI thread. Requests that queued up while one ran are skipped in
/// favour of the newest, and a scan still running when a newer request is sent stops
/// early, so typing fast never builds a backlog: the last keystroke waits only for its own
/// search.
pub(super) fn spawn_search_worker(
    mut corpus: Corpus,
    work: Receiver<Work>,
    tx: Sender<Msg>,
    latest: Arc<AtomicU64>,
    signatures: Option<PathBuf>,
    index: Option<(PathBuf, Sender<Work>)>,
    drawn: Gate,
) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-search".into())
        .spawn(move || {
            let mut memo = SearchMemo::default();
            // Every corpus the worker gets is also grouped, in the background.
            let cluster_latest = Arc::new(AtomicU64::new(corpus.identity()));
            let to_cluster = spawn_cluster_worker(
                tx.clone(),
                Arc::clone(&cluster_latest),
                signatures,
                drawn.clone(),
            );
            // Every whole corpus is indexed too, once grouped: both read every body, and
            // the index only speeds up what the scan already answers.
            let text_latest = Arc::new(AtomicU64::new(corpus.identity()));
            let to_index = index.and_then(|(dir, work_tx)| {
                spawn_text_worker(dir, Arc::clone(&text_latest), work_tx, tx.clone(), drawn)
            });
            let cluster = |c: &Corpus, lineage: Option<Arc<Lineage>>| {
                cluster_latest.store(c.identity(), Ordering::SeqCst);
                if let Some(to) = &to_cluster {
                    let _ = to.send(ToGroup {
                        corpus: c.clone(),
                        lineage,
                    });
                }
            };
            // A new corpus is grouped once its first results are out: grouping keeps a core
            // busy for a second or more at 100k articles, and the list comes first.
            let mut lineage: Option<Arc<Lineage>> = None;
            // The corpus given at start (loaded before the browser opened, or the empty one
            // a background load starts from) is grouped at once.
            cluster(&corpus, None);
            let mut ungrouped = false;
            let mut partial = false;
            while let Ok(first) = work.recv() {
                let mut request = None;
                for w in std::iter::once(first).chain(std::iter::from_fn(|| work.try_recv().ok())) {
                    match w {
                        Work::Corpus(c, l, part) => {
                            // A corpus that was never sent to grouping is skipped: the
                            // next one's lineage then starts where that one's did.
                            lineage = chain(lineage.take(), &corpus, l, ungrouped);
                            corpus = c;
                            ungrouped = true;
                            partial = part;
                            // Grouping an older corpus stops now, not after this search.
                            cluster_latest.store(corpus.identity(), Ordering::SeqCst);
                            text_latest.store(corpus.identity(), Ordering::SeqCst);
                            // Keyed by corpus identity anyway; dropping it frees the old
                            // corpus's facet index now.
                            memo = SearchMemo::default();
                        }
                        Work::Search(r) => request = Some(r),
                        Work::Clusters(identity, c) => memo.set_clusters(identity, c),
                        Work::Text(identity, t) => memo.set_text(identity, t),
                    }
                }
                // The corpus comes a moment before the search for it (the UI thread swaps
                // it in between): grouping waits for that search, not just for the corpus.
                let searched = request.is_some();
                if let Some(req) = request {
                    let generation = req.generation;
                    let stale = || latest.load(Ordering::Relaxed) != generation;
                    if let Some(results) =
                        app_search::execute_cancellable(&corpus, &req, &mut memo, &stale)
                        && tx.send(Msg::Results(results)).is_err()
                    {
                        return;
                    }
                }
                if ungrouped && searched && !partial {
                    ungrouped = false;
                    cluster(&corpus, lineage.take());
                    if let Some(to) = &to_index {
                        let _ = to.send(corpus.clone());
                    }
                }
            }
        })
        .context("cannot start the search thread")?;
    Ok(())
}
