//! Loading behind the browser: progress in the status line, the cached corpus first, growing
//! snapshots of a cold load, and the start-up work held back until the first results.

use super::*;

/// Start-up work that waits for the first results to be drawn. Registering the watcher walks
/// every folder, checking the cache stats every file, grouping copies reads 26 MB of
/// signatures and opening the text index compares every file with it: each keeps a core
/// busy for tens to hundreds of ms at 100k files, and the first frame (cache decode, facet
/// index, first search, the draw itself) wants both cores.
pub(super) struct Startup {
    /// The watcher to start; the loader's check of the files waits until it is registered,
    /// so a file written in between is seen by one or the other.
    pub(super) watch: Option<WatchArgs>,
    /// Holds the loader between showing the cached corpus and checking the files.
    pub(super) gate: Gate,
    /// Holds the grouping and text index workers until the first results are on screen.
    pub(super) drawn: Gate,
}

pub(super) struct WatchArgs {
    pub(super) paths: Vec<PathBuf>,
    pub(super) options: LoadOptions,
    pub(super) data_dir: Option<PathBuf>,
    pub(super) tx: Sender<Msg>,
}

/// Starts what [`Startup`] held back (once).
pub(super) fn start_deferred(ctx: &mut Ctx<'_>) {
    let Some(startup) = ctx.startup.take() else {
        return;
    };
    startup.drawn.open();
    match startup.watch {
        Some(w) => {
            // Opened when the watcher reports in (`Msg::Watching`/`Msg::WatchFailed`).
            ctx.watch_gate = Some(startup.gate);
            spawn_watch(&w.paths, &w.options, w.data_dir, w.tx);
        }
        None => startup.gate.open(),
    }
}

/// A one-way gate between threads: closed until opened, never closed again.
#[derive(Clone, Default)]
pub(super) struct Gate(Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    pub(super) fn open(&self) {
        let (open, cv) = &*self.0;
        *open.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cv.notify_all();
    }

    /// Waits until the gate is opened, or `at_most`: a gate nobody opens (the loop died)
    /// only delays.
    pub(super) fn wait(&self, at_most: Duration) {
        let (open, cv) = &*self.0;
        let guard = open.lock().unwrap_or_else(|e| e.into_inner());
        let _ = cv.wait_timeout_while(guard, at_most, |open| !*open);
    }
}

/// What the status line shows about the background load.
#[derive(Default)]
pub(super) struct LoadUi {
    pub(super) running: bool,
    /// The progress text last put in the status line: replaced by newer progress, while a
    /// message set by anything else is left alone.
    pub(super) line: Option<String>,
    /// The cached corpus was shown before the files were checked.
    pub(super) shown_cached: bool,
    /// A saved session was restored at start (said in the final summary).
    pub(super) restored: bool,
}

/// Puts a progress line in the status line unless something else is being said there.
pub(super) fn show_progress(app: &mut App, load: &mut LoadUi, text: String) {
    let ours = match &app.message {
        None => true,
        Some(m) => load.line.as_deref() == Some(m.text.as_str()),
    };
    if ours {
        app.set_progress(text.clone());
        load.line = Some(text);
    }
}

/// Shows `corpus` from now on: the worker gets it first, then the search for it.
pub(super) fn install_corpus(app: &mut App, ctx: &mut Ctx<'_>, corpus: Corpus, partial: bool) {
    if ctx
        .work_tx
        .send(Work::Corpus(corpus.clone(), None, partial))
        .is_err()
    {
        app.set_message(
            "search worker stopped; results are stale",
            MessageKind::Error,
        );
        return;
    }
    let old = app.corpus.clone();
    let req = app.replace_corpus(corpus);
    drop_later(old);
    hand_over_clusters(app, ctx);
    send_search(app, ctx, req);
}

/// Lets go of a replaced corpus on another thread: when the UI holds the last reference,
/// freeing 100k articles' metadata would otherwise cost it ~0.1 s.
pub(super) fn drop_later(corpus: Corpus) {
    let _ = thread::Builder::new()
        .name("warta-drop".into())
        .spawn(move || drop(corpus));
}

pub(super) fn on_load_event(app: &mut App, ctx: &mut Ctx<'_>, event: LoadEvent) {
    match event {
        LoadEvent::Progress(p) => {
            let text = match p.phase {
                Phase::Walking if ctx.load.shown_cached => {
                    "checking files for changes\u{2026}".to_string()
                }
                _ => p.line(),
            };
            show_progress(app, &mut ctx.load, text);
        }
        LoadEvent::Corpus { corpus, cached } => {
            // The cache's corpus is whole; any other shown during a load is a snapshot.
            if cached {
                ctx.load.shown_cached = true;
            }
            install_corpus(app, ctx, corpus, !cached);
        }
    }
}

pub(super) fn on_loaded(app: &mut App, ctx: &mut Ctx<'_>, report: LoadReport) {
    ctx.load.running = false;
    app.arrivals.loading = false;
    if report.corpus.is_empty() {
        let text = crate::commands::nothing_loaded(ctx.paths, &report);
        app.set_message(text, MessageKind::Error);
        ctx.load.line = None;
    }
    let replaced = report.corpus.identity() != app.corpus.identity();
    if replaced {
        install_corpus(app, ctx, report.corpus.clone(), false);
    } else {
        // Nothing to replace; a session cursor not found by now never will be.
        app.fix_view();
    }
    if report.corpus.is_empty() {
        return;
    }
    let mut text = report.summary();
    if ctx.load.shown_cached {
        text = format!("{}; {text}", report.checked());
    }
    // Groups found while the files were checked were not said over the progress; a corpus
    // that stays is grouped already, so they are said here.
    if !replaced && let Some(c) = app.copies.clusters.as_ref().filter(|c| !c.is_empty()) {
        text = format!("{text}; {}", crate::app::clusters::summary(c));
    }
    let mut warnings = report.warnings.clone();
    warnings.extend(report.skipped.iter().map(|s| s.to_string()));
    if let Some(w) = warnings.first() {
        text = format!("{text}; {} skipped, first: {w}", warnings.len());
    } else if ctx.load.restored {
        text.push_str("; last session restored");
    }
    // The line stays the load's, so that the groups of copies found next are added to it
    // rather than replacing it.
    show_progress(app, &mut ctx.load, text);
}

/// Runs the background load, forwarding its events to the loop, and the report at the end.
/// If the app has quit meanwhile, the sends fail and the load just finishes unseen.
/// How long the loader holds the check of every file back for the first results (see
/// [`Startup`]); only a stuck loop makes it wait this long.
pub(super) const GATE_MAX: Duration = Duration::from_secs(5);

pub(super) fn spawn_loader(
    load: BackgroundLoad,
    tx: Sender<Msg>,
    gate: Gate,
) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-loader".into())
        .spawn(move || {
            let events = tx.clone();
            let report = loader::load_staged(&load.inputs, &load.options, &mut |event| {
                let cached = matches!(event, LoadEvent::Corpus { cached: true, .. });
                let _ = events.send(Msg::Load(event));
                // The cached corpus is on its way to the screen: checking the files can
                // wait until it is there.
                if cached {
                    gate.wait(GATE_MAX);
                }
            });
            let _ = tx.send(Msg::Loaded(Box::new(report)));
        })
        .context("cannot start the loader thread")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_gate_holds_until_opened_and_only_delays_when_never_opened() {
        let gate = Gate::default();
        let waiter = {
            let gate = gate.clone();
            thread::spawn(move || {
                let t = Instant::now();
                gate.wait(Duration::from_secs(30));
                t.elapsed()
            })
        };
        thread::sleep(Duration::from_millis(50));
        assert!(!waiter.is_finished(), "passed a closed gate");
        gate.open();
        let waited = waiter.join().expect("waiter");
        assert!(waited < Duration::from_secs(30), "opening let it through");
        // Once open it stays open.
        let t = Instant::now();
        gate.wait(Duration::from_secs(30));
        assert!(t.elapsed() < Duration::from_secs(1));
        // A gate nobody opens gives up after its time.
        let shut = Gate::default();
        let t = Instant::now();
        shut.wait(Duration::from_millis(30));
        assert!(t.elapsed() >= Duration::from_millis(30));
    }
}
