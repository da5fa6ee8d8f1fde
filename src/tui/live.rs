//! A live corpus: the watcher's bursts of changes become reloads, one at a time, patched
//! in place when the watcher named the paths.

use super::*;

/// What a reload found, compared with the corpus it started from.
pub(super) struct Reload {
    pub(super) report: LoadReport,
    /// [`Corpus::identity`] of the corpus the diff is against.
    pub(super) base: u64,
    pub(super) diff: CorpusDiff,
    /// Same articles from the same files in the same order: nothing to install.
    pub(super) same: bool,
    /// For a patched corpus, how it was made from the base.
    pub(super) lineage: Option<Arc<Lineage>>,
}

/// The live corpus: the watcher and the reloads it asks for.
pub(super) struct Live {
    pub(super) inputs: Vec<Input>,
    pub(super) options: LoadOptions,
    pub(super) tx: Sender<Msg>,
    /// Kept here so watching lasts as long as the loop.
    pub(super) watch: Option<Watch>,
    pub(super) reloading: bool,
    /// Changes not reloaded yet. Those that come while a load or reload runs make one
    /// more reload when it is over, however many events came meanwhile.
    pub(super) pending: Pending,
    /// What happened to a corpus folder ("… was replaced"), said with the result of the
    /// reload it asked for: the next one to start, then the one running.
    pub(super) root_note: Option<String>,
    pub(super) reload_note: Option<String>,
}

/// What changed since the last reload started.
#[derive(Debug, Default)]
pub(super) enum Pending {
    #[default]
    Nothing,
    /// Only these paths: the corpus on screen is patched (see [`loader::patch`]).
    Paths(std::collections::BTreeSet<PathBuf>),
    /// Events were lost, or a path needs it: every file is checked again.
    Everything,
}

impl Pending {
    pub(super) fn add(&mut self, paths: Option<Vec<PathBuf>>) {
        *self = match (std::mem::take(self), paths) {
            (Pending::Everything, _) | (_, None) => Pending::Everything,
            (Pending::Nothing, Some(p)) => Pending::Paths(p.into_iter().collect()),
            (Pending::Paths(mut have), Some(p)) => {
                have.extend(p);
                Pending::Paths(have)
            }
        };
    }

    pub(super) fn is_nothing(&self) -> bool {
        matches!(self, Pending::Nothing)
    }
}

/// Starts the watcher on a thread of its own (setting up recursive watches walks every
/// directory) and hands it to the loop, or says why it could not start.
pub(super) fn spawn_watch(
    paths: &[PathBuf],
    options: &LoadOptions,
    data_dir: Option<PathBuf>,
    tx: Sender<Msg>,
) {
    let paths = paths.to_vec();
    // The reload writes the cache and triage writes the data dir: when they live inside a
    // watched directory, their writes must not look like new articles.
    let mut ignore: Vec<PathBuf> = data_dir
        .or_else(crate::triage::default_data_dir)
        .into_iter()
        .collect();
    if let loader::CacheMode::Dir(dir) = &options.cache {
        ignore.push(dir.clone());
    }
    let started = thread::Builder::new()
        .name("warta-watch-start".into())
        .spawn({
            let tx = tx.clone();
            move || {
                let notes = tx.clone();
                let msg = match Watch::start(&paths, &ignore, watch::DEBOUNCE, move |note| {
                    notes.send(Msg::Watch(note)).is_ok()
                }) {
                    Ok(w) => Msg::Watching(w),
                    Err(reason) => Msg::WatchFailed(reason),
                };
                let _ = tx.send(msg);
            }
        });
    if let Err(e) = started {
        let _ = tx.send(Msg::WatchFailed(format!("cannot start a thread: {e}")));
    }
}

/// Reloads the watched corpus in the background, unless a load or reload is running: then
/// one more runs when it is over.
pub(super) fn start_reload(app: &mut App, ctx: &mut Ctx<'_>) {
    let Some(live) = ctx.live.as_mut() else {
        return;
    };
    if live.reloading || ctx.load.running || live.pending.is_nothing() {
        return;
    }
    let todo = std::mem::take(&mut live.pending);
    live.reload_note = live.root_note.take();
    let inputs = live.inputs.clone();
    let options = live.options.clone();
    let base = app.corpus.clone();
    let tx = live.tx.clone();
    let started = thread::Builder::new()
        .name("warta-reload".into())
        .spawn(move || {
            // Patching costs the changed files plus a pass over the metadata; a full reload
            // finds unchanged files in the cache, but walks and checks every one of them.
            let patched = match &todo {
                Pending::Paths(paths) => {
                    let paths: Vec<PathBuf> = paths.iter().cloned().collect();
                    loader::patch::reload_paths(&base, &inputs, &paths)
                }
                Pending::Nothing | Pending::Everything => None,
            };
            let reload = match patched {
                Some(p) => Reload {
                    diff: watch::diff_patched(
                        &base,
                        &p.report.corpus,
                        &p.removed,
                        &p.lineage.added,
                    ),
                    same: p.removed.is_empty() && p.lineage.added.is_empty(),
                    report: p.report,
                    base: base.identity(),
                    lineage: Some(Arc::new(p.lineage)),
                },
                None => {
                    let report = loader::load(&inputs, &options);
                    let same = base.len() == report.corpus.len()
                        && base
                            .metas()
                            .iter()
                            .zip(report.corpus.metas())
                            .all(|(a, b)| a.id == b.id && a.source_path == b.source_path);
                    Reload {
                        diff: watch::diff(&base, &report.corpus),
                        same,
                        report,
                        base: base.identity(),
                        lineage: None,
                    }
                }
            };
            let _ = tx.send(Msg::Reloaded(Box::new(reload)));
        });
    match started {
        Ok(_) => live.reloading = true,
        Err(e) => app.set_message(format!("cannot reload the corpus: {e}"), MessageKind::Error),
    }
}

/// Shows what a reload found: the cursor stays on its article, new ids are counted.
pub(super) fn on_reloaded(app: &mut App, ctx: &mut Ctx<'_>, reload: Reload) {
    let Some(live) = ctx.live.as_mut() else {
        return;
    };
    live.reloading = false;
    let queued = !live.pending.is_nothing();
    let note = live.reload_note.take();
    let Reload {
        report,
        base,
        diff,
        same,
        lineage,
    } = reload;
    // Reloads run one at a time after the first load, so the base is the corpus on screen;
    // if it is not, the diff is taken again rather than trusted.
    let diff = if base == app.corpus.identity() {
        diff
    } else {
        watch::diff(&app.corpus, &report.corpus)
    };
    // A lineage is only good against the corpus it was made from.
    let lineage = lineage.filter(|_| base == app.corpus.identity());
    if !(same && base == app.corpus.identity()) {
        if ctx
            .work_tx
            .send(Work::Corpus(report.corpus.clone(), lineage.clone(), false))
            .is_err()
        {
            app.set_message(
                "search worker stopped; results are stale",
                MessageKind::Error,
            );
        } else {
            let old = app.corpus.clone();
            let req = match &lineage {
                Some(l) => app.reload_patched(report.corpus, &diff, &l.moved),
                None => app.reload_corpus(report.corpus, &diff),
            };
            drop_later(old);
            hand_over_clusters(app, ctx);
            send_search(app, ctx, req);
        }
    }
    if let Some(note) = note {
        let what = match &app.message {
            Some(m) if !diff.is_empty() => m.text.clone(),
            _ => "reloaded, nothing changed".to_string(),
        };
        app.set_message(format!("{note}; {what}"), MessageKind::Info);
    }
    if queued {
        start_reload(app, ctx);
    }
}
