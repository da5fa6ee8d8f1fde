//! The terminal front end: setup and restore, the input, search and signal threads, and the
//! blocking single-threaded event loop that feeds [`update()`] and redraws.
//!
//! ```text
//!  input thread (crossterm::event::read) ──┐
//!  search worker (latest request wins) ────┼──> one channel ──> event loop: update(), draw
//!  signal thread (TERM/HUP/INT/…/TSTP/CONT)┤                      │
//!  hang-up watchdog (tty gone?) ───────────┘                      │ Effect::Search
//!                 ^                                               │
//!                 └───────────────── request channel <────────────┘
//! ```
//! Nothing ticks: with no input the loop sleeps in `recv`, uses no CPU and writes nothing.
//! It redraws only after a message changed something. The watchdog wakes a few times a
//! second for one `isatty` check; it never draws or writes.
//!
//! A live corpus: when paths were given, a watcher ([`crate::watch`]) sends one message per
//! debounced burst of file changes; the loop then reloads on a thread of its own (one at a
//! time; changes during a reload queue exactly one more, their paths merged). When the
//! watcher named the paths, the reload patches the corpus on screen with those paths only
//! ([`loader::patch`]) and installs it with [`App::reload_patched`], carrying the cursor,
//! selection and groups of copies over through the patch's lineage; otherwise it loads
//! everything through the cache and installs it with [`App::reload_corpus`]. Either way the
//! new ids are counted. The search worker answers the new corpus first; the cluster worker
//! then extends the groups with the added articles (or regroups after a full reload). The
//! watcher sleeps in the kernel: it adds no wake-ups while nothing changes.
//!
//! Starting: the cached corpus is shown first; the work that follows it (registering the
//! watcher, checking every file against the cache, grouping copies) waits for the first
//! results, so the first frame has both cores (see `Startup`).
//!
//! Leaving: SIGTERM, SIGHUP, SIGINT, SIGQUIT and every other terminating signal that can be
//! caught (see [`exit_signals`]), a hang-up noticed by the watchdog (a dead tty without
//! SIGHUP, which crossterm 0.29 answers by spinning in `event::read`), or a failed terminal
//! read/write all take the same path: close the store, restore what can be restored, exit
//! with 128 + the signal (hang-ups as SIGHUP, 129). An exit asked for from outside the loop
//! (a signal, a hang-up, ctrl-c read by the input thread) that the loop does not take up
//! within a second, because it is stuck in a step or blocked writing to the terminal, is
//! carried out by the watchdog (see [`force_exit`]).
//!
//! Pasting: bracketed paste is on, so a paste arrives as one event and one
//! [`Action::Paste`], never as keys that could be commands; the searches that a burst of
//! queued keys asks for are sent once the burst is handled (see [`flush_search`]).
//!
//! Suspending: ctrl-z (a key in raw mode) and an external SIGTSTP restore the terminal and
//! stop the process with SIGSTOP; on resume the terminal is set up again and fully redrawn.
//! Without a job-control shell to resume it, the app says so instead of freezing.
//!
//! Triage effects run on the loop's thread against the store it owns: each is fsync'd
//! before its outcome reaches the app, so nothing is drawn as done before it is on disk.
//! The store is closed (compacted, lock released) on quit and on signals.
//!
//! Where things are: this file sets everything up, runs the loop and tears down;
//! [`dispatch`] turns one message into app updates and effects (no terminal: its tests feed
//! it messages); [`terminal`] sets the terminal up, restores it and suspends; [`threads`]
//! reads input, signals and the tty's health; [`search_worker`] and [`clusters`] are the two
//! workers; [`load`] shows a background load; [`live`] reloads a watched corpus; [`follow`]
//! keeps a read-only store in step with the writer; [`leave`] knows which signals end warta
//! and forces an exit the loop does not take up.

use std::io::{IsTerminal, Write};
use std::mem::ManuallyDrop;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::Duration;

use anyhow::{Context, bail};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::layout::Rect;
use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGSTOP, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::action::{MouseInput, MouseKind};
use crate::app::search::{self as app_search, SearchMemo};
use crate::app::triage as app_triage;
use crate::app::{Action, App, Effect, MessageKind, SearchRequest, SearchResults, session, update};
use crate::cli::BrowseOpts;
use crate::cluster::Clusters;
use crate::config;
use crate::corpus::{Corpus, Lineage};
use crate::keymap::Keymap;
use crate::loader::{self, Input, LoadEvent, LoadOptions, LoadReport, Phase};
use crate::triage::Store;
use crate::ui;
use crate::watch::{self, CorpusDiff, Note, RootChange, Watch};

mod body_worker;
mod clusters;
mod dispatch;
mod follow;
mod leave;
mod live;
mod load;
mod search_worker;
mod terminal;
mod text_worker;
mod threads;

use body_worker::*;
use clusters::*;
use dispatch::*;
use leave::{Leaving, exit_signals, force_exit, is_interrupt_key};
use live::*;
use load::*;
use search_worker::*;
use terminal::*;
use text_worker::*;
use threads::*;

pub struct TuiOptions {
    /// Config file given on the command line; else `$WARTA_CONFIG`, else the platform path.
    pub config_path: Option<PathBuf>,
    /// The triage store, opened by the caller (see [`open_store`]).
    pub store: Store,
    /// Command-line switches; they override the config file's options.
    pub browse: BrowseOpts,
    /// The corpus paths as given (they key the saved session).
    pub paths: Vec<PathBuf>,
    /// `--data-dir`/`WARTA_DATA_DIR`, where the session is saved next to triage state.
    pub data_dir: Option<PathBuf>,
    /// Load these inputs in the background, showing each corpus the loader hands over
    /// (the cached one at once on a warm start, growing snapshots on a cold one); `None`
    /// when the corpus given to [`run`] is all there is.
    pub load: Option<BackgroundLoad>,
    /// Watch `paths` and reload when files are added, changed or removed (a live corpus;
    /// see [`crate::watch`]). Needs `load`, whose inputs and options the reloads reuse.
    pub watch: bool,
    /// The team server to share triage with (`--team`, `WARTA_TEAM_URL`, `[team] url`).
    pub team: Option<crate::team::TeamConfig>,
}

/// A load that runs while the browser is already on screen.
pub struct BackgroundLoad {
    pub inputs: Vec<Input>,
    pub options: LoadOptions,
}

/// The store for `data_dir` (from `--data-dir` / `WARTA_DATA_DIR`), else the platform data
/// dir, else a memory-only store that says why nothing is saved.
pub fn open_store(data_dir: Option<PathBuf>) -> Store {
    match crate::paths::data_dir(data_dir.as_deref()) {
        Some(dir) => Store::open(&dir),
        None => Store::in_memory(
            "no data directory (no home directory?); use --data-dir or WARTA_DATA_DIR",
        ),
    }
}

/// How the loop ended.
enum Exit {
    Quit,
    Signal(i32),
}

/// Runs the browser until the user quits. On SIGTERM, SIGHUP, SIGINT, SIGQUIT and the other
/// signals of [`exit_signals`] the store is closed, the terminal restored and the process
/// exits with 128 + the signal number; a lost terminal counts as SIGHUP (exit 129).
pub fn run(mut opts: TuiOptions) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        bail!("not a terminal; use 'warta list' for plain output");
    }
    let cfg = config::load(opts.config_path.as_deref());
    // Empty until the background load shows the first corpus.
    let corpus = Corpus::default();
    let mut app = App::new(corpus.clone(), cfg.keymap.key_help());
    app.arrivals.loading = opts.load.is_some();
    app.settings.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    app.settings.theme = cfg.theme;
    app.detail.topic_phrases = cfg.lexicon.all_topic_phrases();
    app.search.lexicon = std::sync::Arc::clone(&cfg.lexicon);
    app.settings.ascii = cfg.options.ascii || opts.browse.ascii;
    app.settings.hyperlinks = cfg.options.hyperlinks;
    app.search.rank_while_typing = cfg.options.rank_while_typing;
    app.triage.decide_marks_read = cfg.options.decide_marks_read;
    app.settings.remote = over_ssh();
    let mouse = cfg.options.mouse && !opts.browse.no_mouse;
    let session_path = (cfg.options.restore_session && !opts.browse.no_restore)
        .then(|| {
            crate::paths::data_dir(opts.data_dir.as_deref())
                .map(|dir| session::path_for(&dir, &opts.paths))
        })
        .flatten();
    let restored = match &session_path {
        Some(path) => session::restore(&mut app, path),
        None => Ok(false),
    };
    let store = std::mem::replace(&mut opts.store, Store::in_memory(""));
    app_triage::install_store(&mut app, &store);
    // Only the writer queues and sends: a read-only browser's actions are refused anyway,
    // and the queue belongs to the data directory's one writer.
    let team_cfg = opts.team.take();
    if let Some(cfg) = &team_cfg {
        // Actions queued in an earlier session are the latest word on their articles
        // until the server echoes them.
        let queued = store
            .data_dir()
            .and_then(|dir| crate::team::Outbox::in_dir(dir).pending().ok())
            .map(|p| p.events)
            .unwrap_or_default();
        crate::app::team::configure(&mut app, &cfg.analyst, &queued);
    }
    let listen_cfg = team_cfg.clone();
    let (tx, rx) = mpsc::channel::<Msg>();
    let team = match (team_cfg, store.data_dir()) {
        (Some(cfg), Some(dir)) if store.mode() == crate::triage::Mode::ReadWrite => {
            let outbox = crate::team::Outbox::in_dir(dir);
            let recorder = crate::team::Recorder {
                analyst: cfg.analyst.clone(),
                outbox: outbox.clone(),
            };
            // Before the sender starts, so what a crash left unqueued goes with the rest.
            if let Err(e) = recorder.recover(&store) {
                log::warn!("team: {}: {e}", outbox.path().display());
            }
            Some(dispatch::TeamLink {
                recorder,
                sender: {
                    let back_tx = tx.clone();
                    crate::team::Sender::start(cfg, outbox, move || {
                        let _ = back_tx.send(Msg::TeamSent);
                    })
                },
            })
        }
        _ => None,
    };
    let mut store = Some(store);
    if let Some(w) = cfg.warnings.first() {
        let more = cfg.warnings.len() - 1;
        let text = if more > 0 {
            format!("{w} (+{more} more config problems)")
        } else {
            w.clone()
        };
        app.set_message(text, MessageKind::Error);
    } else if let Err(e) = &restored {
        app.set_message(format!("session not restored: {e}"), MessageKind::Error);
    }

    if let Some(cfg) = listen_cfg {
        // Every browser of a team hears the others, the read-only one too; it ends when the
        // loop (the channel's receiver) is gone.
        let team_tx = tx.clone();
        let replica = opts.load.as_ref().and_then(|l| match &l.options.cache {
            crate::loader::CacheMode::Dir(dir) => {
                Some(crate::team::Replica::in_cache(dir, &cfg.shown()))
            }
            crate::loader::CacheMode::Disabled => None,
        });
        if let Err(e) = crate::team::Listener::start(cfg, replica, move |heard| {
            team_tx.send(Msg::Team(heard)).is_ok()
        }) {
            app.set_message(
                format!("cannot listen to the team server: {e}"),
                MessageKind::Error,
            );
        }
    }
    let follower = store
        .as_ref()
        .filter(|s| s.is_read_only())
        .and_then(Store::data_dir)
        .map(|dir| follow::Follower::start(dir, tx.clone()));
    let (work_tx, work_rx) = mpsc::channel::<Work>();
    let latest = Arc::new(AtomicU64::new(0));
    // Copy signatures are kept per corpus next to the parsed-article cache, so a warm start
    // groups copies without reading every body again.
    let signatures = opts.load.as_ref().and_then(|l| match &l.options.cache {
        crate::loader::CacheMode::Dir(dir) => Some(dir.join("signatures").join(format!(
            "{}-v{}.bin",
            session::key(&opts.paths),
            crate::cluster::SIGNATURE_VERSION
        ))),
        crate::loader::CacheMode::Disabled => None,
    });
    // The full-text index lives beside the cache too, keyed by the inputs (see
    // `index::index_dir`); the bundled corpus has none.
    let index_dir = opts
        .load
        .as_ref()
        .and_then(|l| crate::index::index_dir(&l.options.cache, &opts.paths));
    // Opened once the first results are drawn (see `Startup`).
    let drawn = Gate::default();
    spawn_search_worker(
        corpus,
        work_rx,
        tx.clone(),
        Arc::clone(&latest),
        signatures,
        index_dir.map(|d| (d, work_tx.clone())),
        drawn.clone(),
    )?;
    let (bodies_tx, bodies_rx) = mpsc::channel::<BodyRequest>();
    spawn_body_worker(bodies_rx, tx.clone())?;
    // Started before the terminal is set up, so the cache is being read while the first
    // (empty) frame is drawn.
    let mut load_ui = LoadUi {
        restored: restored == Ok(true),
        ..LoadUi::default()
    };
    let mut live = None;
    let gate = Gate::default();
    let mut deferred = None;
    if let Some(load) = opts.load.take() {
        if opts.watch && !opts.paths.is_empty() {
            deferred = Some(WatchArgs {
                paths: opts.paths.clone(),
                options: load.options.clone(),
                data_dir: opts.data_dir.clone(),
                tx: tx.clone(),
            });
            live = Some(Live {
                inputs: load.inputs.clone(),
                options: load.options.clone(),
                tx: tx.clone(),
                watch: None,
                reloading: false,
                pending: Pending::Nothing,
                root_note: None,
                reload_note: None,
            });
        }
        spawn_loader(load, tx.clone(), gate.clone())?;
        load_ui.running = true;
        show_progress(&mut app, &mut load_ui, "starting\u{2026}".to_string());
    }
    // SIGTSTP and SIGCONT are caught so an external `kill -TSTP` suspends through the same
    // restore path as ctrl-z, and a resume after an uncatchable SIGSTOP repaints. signal-hook
    // installs its handlers even when the parent left a signal ignored (`trap '' HUP`).
    let signals = Signals::new(exit_signals().into_iter().chain([SIGTSTP, SIGCONT]))
        .context("cannot install signal handlers")?;
    let signal_handle = signals.handle();
    let leaving = Arc::new(Leaving::default());
    spawn_signal_thread(signals, tx.clone(), Arc::clone(&leaving))?;
    // Dropping `_watchdog_stop` at the end of `run` ends the watchdog.
    let (_watchdog_stop, watchdog_stop_rx) = mpsc::channel::<()>();
    spawn_watchdog(watchdog_stop_rx, tx.clone(), Arc::clone(&leaving))?;

    let exit = {
        // Never dropped: `Terminal`'s Drop only re-shows the cursor (RestoreGuard does that)
        // and reports a failure with `eprintln!`, which panics on a hung-up terminal and
        // would turn a clean hang-up exit into a crash.
        let mut terminal =
            ManuallyDrop::new(ratatui::try_init().context("cannot set up the terminal")?);
        keep_caught_panics_quiet();
        let _guard = RestoreGuard;
        if mouse {
            MOUSE.store(true, Ordering::SeqCst);
            // Without mouse reporting the app works as before; not worth failing over.
            let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
        }
        // A paste then comes as one event instead of a key per character (each of which
        // could be a command), and takes one search however long it is.
        let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
        spawn_input_thread(tx, Arc::clone(&leaving))?;
        let size = terminal.size().context("cannot read the terminal size")?;
        update(&mut app, Action::Resize(size.width, size.height));
        let req = app.request();
        latest.store(req.generation, Ordering::SeqCst);
        // The worker lives as long as `req_rx`; a send error means it died, which the loop
        // reports as a message rather than a crash.
        let _ = work_tx.send(Work::Search(req));
        let mut ctx = Ctx {
            keymap: &cfg.keymap,
            work_tx: &work_tx,
            latest: &latest,
            store: store.as_mut(),
            load: load_ui,
            paths: &opts.paths,
            live,
            startup: Some(Startup {
                watch: deferred,
                gate,
                drawn,
            }),
            deferred_due: false,
            watch_gate: None,
            follower,
            search: None,
            team,
            bodies_tx: Some(&bodies_tx),
            bodies_asked: None,
        };
        event_loop(&mut terminal, &mut app, &mut ctx, &rx)
    };
    // The loop is out and the terminal restored: what remains only closes files.
    leaving.answer();
    signal_handle.close();
    // A read-only browser leaves the session to the one that writes, whose file it shares.
    let writer = store.as_ref().is_some_and(|s| !s.is_read_only());
    // Compact and release the lock before leaving, also after a signal or a draw error.
    let closed = store.take().map(Store::close);
    // A session that cannot be saved costs only the next start's convenience.
    let saved = session_path
        .filter(|_| writer)
        .map(|path| session::save(&app, &path));
    let exit = exit?;
    if let Some(Err(e)) = saved {
        log::warn!("session not saved: {e}");
        let _ = writeln!(std::io::stderr(), "warta: session not saved: {e}");
    }
    // Triage that could not be saved makes the exit status say so, whatever ended the loop.
    let unsaved = match closed {
        Some(Err(e)) => {
            log::error!("{e}");
            // Not eprintln!: after a hang-up stderr is a dead tty and eprintln! would panic.
            let _ = writeln!(std::io::stderr(), "warta: {e}");
            true
        }
        _ => false,
    };
    match exit {
        Exit::Quit if unsaved => std::process::exit(1),
        Exit::Quit => Ok(()),
        Exit::Signal(sig) => std::process::exit(128 + sig),
    }
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    ctx: &mut Ctx<'_>,
    rx: &Receiver<Msg>,
) -> anyhow::Result<Exit> {
    let mut dirty = true;
    loop {
        if dirty && app.width > 0 && app.height > 0 {
            if let Err(e) = terminal.draw(|frame| ui::render(frame, app)) {
                // A write to a hung-up tty fails with EIO: that is a hang-up, not a bug.
                if terminal_gone(false) {
                    return Ok(Exit::Signal(SIGHUP));
                }
                return Err(e).context("cannot draw to the terminal");
            }
            dirty = false;
        }
        if std::mem::take(&mut ctx.deferred_due) {
            start_deferred(ctx);
        }
        // Block for one message, then take whatever else is already queued (a burst of
        // typed keys or resizes) before drawing once.
        let Ok(first) = rx.recv() else {
            return Ok(Exit::Quit);
        };
        let mut next = Some(first);
        while let Some(msg) = next {
            match handle(app, ctx, msg) {
                Step::Continue(changed) => dirty |= changed,
                Step::Exit(e) => return Ok(e),
                Step::Suspend if !job_control() => {
                    app.set_message(
                        "not suspended: no job-control shell here to resume warta (fg)",
                        MessageKind::Info,
                    );
                    dirty = true;
                }
                Step::Suspend => {
                    flush_search(app, ctx);
                    request_bodies(app, ctx);
                    suspend(terminal, app)?;
                    dirty = true;
                }
                Step::Repaint => {
                    repaint(terminal, app)?;
                    dirty = true;
                }
            }
            next = rx.try_recv().ok();
        }
        flush_search(app, ctx);
        request_bodies(app, ctx);
    }
}
