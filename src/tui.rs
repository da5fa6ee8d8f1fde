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
use crate::app::search::{self, SearchMemo};
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

mod follow;

mod leave;
use leave::{Leaving, exit_signals, force_exit, is_interrupt_key};

pub struct TuiOptions {
    /// Config file given on the command line; else `$WARTA_CONFIG`, else the platform path.
    pub config_path: Option<PathBuf>,
    /// Shown in the status line at start ("5 articles from 1 input in 12 ms").
    pub load_summary: String,
    /// Loader problems (skipped files); the first is shown at start.
    pub load_warnings: Vec<String>,
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
}

/// A load that runs while the browser is already on screen.
pub struct BackgroundLoad {
    pub inputs: Vec<Input>,
    pub options: LoadOptions,
}

/// The store for `data_dir` (from `--data-dir` / `WARTA_DATA_DIR`), else the platform data
/// dir, else a memory-only store that says why nothing is saved.
pub fn open_store(data_dir: Option<PathBuf>) -> Store {
    match data_dir.or_else(crate::triage::default_data_dir) {
        Some(dir) => Store::open(&dir),
        None => Store::in_memory(
            "no data directory (no home directory?); use --data-dir or WARTA_DATA_DIR",
        ),
    }
}

enum Msg {
    /// Progress or a corpus to show from the background load.
    Load(LoadEvent),
    /// The background load is over.
    Loaded(Box<LoadReport>),
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste), whole.
    Paste(String),
    Mouse(MouseInput),
    Resize(u16, u16),
    Results(SearchResults),
    /// Grouping copies started for the corpus with this identity (only said for corpora
    /// large enough for it to take a noticeable time).
    Grouping(u64),
    /// The groups of copies of the corpus with this identity.
    Clusters(u64, Arc<Clusters>),
    /// A signal, or SIGHUP sent by the watchdog when the terminal is gone.
    Signal(i32),
    /// The terminal cannot be read any more (hang-up): leave instead of spinning.
    InputClosed,
    /// The watcher is running; the loop keeps it alive.
    Watching(Watch),
    /// The watcher could not start, and why.
    WatchFailed(String),
    /// Files changed, or the watcher hit a problem.
    Watch(Note),
    /// A reload of the live corpus is over.
    Reloaded(Box<Reload>),
    /// The files of a read-only store changed, or its lock was freed (see [`follow`]).
    StoreChanged,
}

/// What a reload found, compared with the corpus it started from.
struct Reload {
    report: LoadReport,
    /// [`Corpus::identity`] of the corpus the diff is against.
    base: u64,
    diff: CorpusDiff,
    /// Same articles from the same files in the same order: nothing to install.
    same: bool,
    /// For a patched corpus, how it was made from the base.
    lineage: Option<Arc<Lineage>>,
}

/// What the search worker is sent. One channel for both keeps them in order: a request
/// made right after a corpus was replaced is searched on that corpus.
enum Work {
    /// A corpus to search from now on, how it was patched from the previous one, and
    /// whether it is a snapshot of a load still parsing (searched, but not grouped: the
    /// whole corpus comes soon, and grouping a part would take a core from the parse).
    Corpus(Corpus, Option<Arc<Lineage>>, bool),
    Search(SearchRequest),
    /// The groups of copies of the corpus with this identity, for `has:copies`.
    Clusters(u64, Arc<Clusters>),
}

/// How the loop ended.
enum Exit {
    Quit,
    Signal(i32),
}

/// How often the watchdog checks that the terminal still exists. Bounds both the exit delay
/// after a hang-up without SIGHUP and the CPU crossterm burns spinning until then.
const WATCHDOG_INTERVAL: Duration = Duration::from_millis(250);

/// Whether mouse reporting is on, so a resume after ctrl-z turns it back on.
static MOUSE: AtomicBool = AtomicBool::new(false);

/// Restores the terminal when dropped, so `?` returns leave it usable too (the panic hook
/// installed by `ratatui::try_init` covers panics).
struct RestoreGuard;

impl Drop for RestoreGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Undoes everything [`enter_terminal`] and drawing did, step by step, ignoring failures:
/// on a hung-up tty every step fails, and one failure must not skip the rest. Unlike
/// `ratatui::restore` it reports nothing, because `eprintln!` panics when stderr is a
/// dead tty. Mouse reporting and bracketed paste are turned off unconditionally: a shell
/// left with them on receives escape sequences for every click and around every paste.
fn restore_terminal() {
    let _ = crossterm::terminal::disable_raw_mode();
    let _ = crossterm::execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Raw mode and the alternate screen, as `ratatui::try_init` sets them up, bracketed paste,
/// and mouse reporting when it is on.
fn enter_terminal() -> std::io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(std::io::stdout(), EnterAlternateScreen)?;
    // Without it a paste still arrives, as keys.
    let _ = crossterm::execute!(std::io::stdout(), EnableBracketedPaste);
    if MOUSE.load(Ordering::SeqCst) {
        crossterm::execute!(std::io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Whether we run in an ssh session: then `o` copies instead of opening a browser on the
/// server.
fn over_ssh() -> bool {
    ["SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|v| !v.is_empty()))
}

/// True once the terminal we were started on has been hung up: the kernel then swaps the
/// file's operations for ones that fail every ioctl, so `isatty` turns false on the very
/// descriptors that were terminals at start.
fn terminal_gone(watch_stdin: bool) -> bool {
    !std::io::stdout().is_terminal() || (watch_stdin && !std::io::stdin().is_terminal())
}

/// Runs the browser until the user quits. On SIGTERM, SIGHUP, SIGINT, SIGQUIT and the other
/// signals of [`exit_signals`] the store is closed, the terminal restored and the process
/// exits with 128 + the signal number; a lost terminal counts as SIGHUP (exit 129).
pub fn run(corpus: Corpus, mut opts: TuiOptions) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        bail!("not a terminal; use 'warta list' for plain output");
    }
    let cfg = config::load(opts.config_path.as_deref());
    let mut app = App::new(corpus.clone(), cfg.keymap.key_help());
    app.corpus_loading = opts.load.is_some();
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    app.theme = cfg.theme;
    app.topic_phrases = cfg.lexicon.all_topic_phrases();
    app.lexicon = std::sync::Arc::clone(&cfg.lexicon);
    app.ascii = cfg.options.ascii || opts.browse.ascii;
    app.hyperlinks = cfg.options.hyperlinks;
    app.rank_while_typing = cfg.options.rank_while_typing;
    app.remote = over_ssh();
    let mouse = cfg.options.mouse && !opts.browse.no_mouse;
    let session_path = (cfg.options.restore_session && !opts.browse.no_restore)
        .then(|| {
            opts.data_dir
                .clone()
                .or_else(crate::triage::default_data_dir)
                .map(|dir| session::path_for(&dir, &opts.paths))
        })
        .flatten();
    let restored = match &session_path {
        Some(path) => session::restore(&mut app, path),
        None => Ok(false),
    };
    let store = std::mem::replace(&mut opts.store, Store::in_memory(""));
    app_triage::install_store(&mut app, &store);
    let mut store = Some(store);
    if let Some(w) = cfg.warnings.first() {
        let more = cfg.warnings.len() - 1;
        let text = if more > 0 {
            format!("{w} (+{more} more config problems)")
        } else {
            w.clone()
        };
        app.set_message(text, MessageKind::Error);
    } else if let Some(w) = opts.load_warnings.first() {
        let n = opts.load_warnings.len();
        app.set_message(
            format!("{}; {n} skipped, first: {w}", opts.load_summary),
            MessageKind::Info,
        );
    } else if let Err(e) = &restored {
        app.set_message(format!("session not restored: {e}"), MessageKind::Error);
    } else if !opts.load_summary.is_empty() {
        let text = if restored == Ok(true) {
            format!("{}; last session restored", opts.load_summary)
        } else {
            opts.load_summary.clone()
        };
        app.set_message(text, MessageKind::Info);
    }

    let (tx, rx) = mpsc::channel::<Msg>();
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
    spawn_search_worker(corpus, work_rx, tx.clone(), Arc::clone(&latest), signatures)?;
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
            }),
            watch_gate: None,
            follower,
            search: None,
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
        let _ = writeln!(std::io::stderr(), "warta: session not saved: {e}");
    }
    // Triage that could not be saved makes the exit status say so, whatever ended the loop.
    let unsaved = match closed {
        Some(Err(e)) => {
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

/// What the loop works with besides the app.
struct Ctx<'a> {
    keymap: &'a Keymap,
    work_tx: &'a Sender<Work>,
    /// The newest request's generation, which the worker polls to abandon stale scans.
    latest: &'a AtomicU64,
    store: Option<&'a mut Store>,
    load: LoadUi,
    /// The corpus paths as given, for the "nothing loaded" message.
    paths: &'a [PathBuf],
    /// Reloads of a watched corpus; `None` when nothing is watched.
    live: Option<Live>,
    /// Background work held back until the first results are on screen; `None` once
    /// started.
    startup: Option<Startup>,
    /// The loader's gate while the deferred watcher registers.
    watch_gate: Option<Gate>,
    /// Follows the writer while the store is read-only.
    follower: Option<follow::Follower>,
    /// The search the messages handled so far ask for, sent once they are all handled: a
    /// burst of queued keys makes one search, not one per key (see [`flush_search`]).
    search: Option<SearchRequest>,
}

/// Start-up work that waits for the first results. Registering the watcher walks every
/// folder and checking the cache stats every file: each keeps a core busy for a few hundred
/// ms at 100k files, and the first frame (cache decode, facet index, first search) wants
/// both cores.
struct Startup {
    /// The watcher to start; the loader's check of the files waits until it is registered,
    /// so a file written in between is seen by one or the other.
    watch: Option<WatchArgs>,
    /// Holds the loader between showing the cached corpus and checking the files.
    gate: Gate,
}

struct WatchArgs {
    paths: Vec<PathBuf>,
    options: LoadOptions,
    data_dir: Option<PathBuf>,
    tx: Sender<Msg>,
}

/// Starts what [`Startup`] held back (once).
fn start_deferred(ctx: &mut Ctx<'_>) {
    let Some(startup) = ctx.startup.take() else {
        return;
    };
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
struct Gate(Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>);

impl Gate {
    fn open(&self) {
        let (open, cv) = &*self.0;
        *open.lock().unwrap_or_else(|e| e.into_inner()) = true;
        cv.notify_all();
    }

    /// Waits until the gate is opened, or `at_most`: a gate nobody opens (the loop died)
    /// only delays.
    fn wait(&self, at_most: Duration) {
        let (open, cv) = &*self.0;
        let guard = open.lock().unwrap_or_else(|e| e.into_inner());
        let _ = cv.wait_timeout_while(guard, at_most, |open| !*open);
    }
}

/// The live corpus: the watcher and the reloads it asks for.
struct Live {
    inputs: Vec<Input>,
    options: LoadOptions,
    tx: Sender<Msg>,
    /// Kept here so watching lasts as long as the loop.
    watch: Option<Watch>,
    reloading: bool,
    /// Changes not reloaded yet. Those that come while a load or reload runs make one
    /// more reload when it is over, however many events came meanwhile.
    pending: Pending,
    /// What happened to a corpus folder ("… was replaced"), said with the result of the
    /// reload it asked for: the next one to start, then the one running.
    root_note: Option<String>,
    reload_note: Option<String>,
}

/// What changed since the last reload started.
#[derive(Debug, Default)]
enum Pending {
    #[default]
    Nothing,
    /// Only these paths: the corpus on screen is patched (see [`loader::patch`]).
    Paths(std::collections::BTreeSet<PathBuf>),
    /// Events were lost, or a path needs it: every file is checked again.
    Everything,
}

impl Pending {
    fn add(&mut self, paths: Option<Vec<PathBuf>>) {
        *self = match (std::mem::take(self), paths) {
            (Pending::Everything, _) | (_, None) => Pending::Everything,
            (Pending::Nothing, Some(p)) => Pending::Paths(p.into_iter().collect()),
            (Pending::Paths(mut have), Some(p)) => {
                have.extend(p);
                Pending::Paths(have)
            }
        };
    }

    fn is_nothing(&self) -> bool {
        matches!(self, Pending::Nothing)
    }
}

/// What the status line shows about the background load.
#[derive(Default)]
struct LoadUi {
    running: bool,
    /// The progress text last put in the status line: replaced by newer progress, while a
    /// message set by anything else is left alone.
    line: Option<String>,
    /// The cached corpus was shown before the files were checked.
    shown_cached: bool,
    /// A saved session was restored at start (said in the final summary).
    restored: bool,
}

/// Puts a progress line in the status line unless something else is being said there.
fn show_progress(app: &mut App, load: &mut LoadUi, text: String) {
    let ours = match &app.message {
        None => true,
        Some(m) => load.line.as_deref() == Some(m.text.as_str()),
    };
    if ours {
        app.set_message(text.clone(), MessageKind::Info);
        load.line = Some(text);
    }
}

/// Shows `corpus` from now on: the worker gets it first, then the search for it.
fn install_corpus(app: &mut App, ctx: &mut Ctx<'_>, corpus: Corpus, partial: bool) {
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
fn drop_later(corpus: Corpus) {
    let _ = thread::Builder::new()
        .name("warta-drop".into())
        .spawn(move || drop(corpus));
}

/// Gives the search worker the groups of copies carried over to the corpus just installed,
/// so `has:copies` keeps working until that corpus's own grouping arrives.
fn hand_over_clusters(app: &App, ctx: &Ctx<'_>) {
    if let Some(clusters) = &app.clusters {
        let _ = ctx
            .work_tx
            .send(Work::Clusters(app.corpus.identity(), Arc::clone(clusters)));
    }
}

fn on_load_event(app: &mut App, ctx: &mut Ctx<'_>, event: LoadEvent) {
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

fn on_loaded(app: &mut App, ctx: &mut Ctx<'_>, report: LoadReport) {
    ctx.load.running = false;
    app.corpus_loading = false;
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
    if !replaced && let Some(c) = app.clusters.as_ref().filter(|c| !c.is_empty()) {
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
    }
}

/// Sends the search the handled messages asked for last, if any. Each key of a burst (keys
/// typed faster than they are handled, or a paste without bracketed paste) re-parses the
/// query, but only the last one's search is sent.
fn flush_search(app: &mut App, ctx: &mut Ctx<'_>) {
    if let Some(req) = ctx.search.take() {
        send_search(app, ctx, req);
    }
}

enum Step {
    Continue(bool),
    Exit(Exit),
    /// Give the terminal back to the shell and stop (ctrl-z, SIGTSTP).
    Suspend,
    /// Resumed from outside (SIGCONT): the screen may hold anything, draw all of it.
    Repaint,
}

/// ctrl-z is a fixed binding like ctrl-c (which the keymap hard-wires): raw mode turns off
/// ISIG, so the byte 0x1A arrives as this key instead of the kernel sending SIGTSTP, and
/// job control must keep working whatever the user's keymap says. Checked before the
/// keymap, in every mode, so it also works while typing a search.
fn is_suspend_key(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('z' | 'Z'))
}

fn handle(app: &mut App, ctx: &mut Ctx<'_>, msg: Msg) -> Step {
    let action = match msg {
        Msg::Signal(SIGTSTP) => return Step::Suspend,
        Msg::Signal(SIGCONT) => return Step::Repaint,
        Msg::Signal(sig) => return Step::Exit(Exit::Signal(sig)),
        Msg::InputClosed => return Step::Exit(Exit::Signal(SIGHUP)),
        Msg::Results(r) => {
            let applied = app.apply_results(r);
            // The loader waits on the gate once it showed the cached corpus, even an empty
            // one, so that case must start it too.
            if applied && (!app.corpus.is_empty() || ctx.load.shown_cached) {
                start_deferred(ctx);
            }
            return Step::Continue(applied);
        }
        Msg::Grouping(identity) => {
            let now = identity == app.corpus.identity() && app.clusters.is_none();
            app.grouping |= now;
            return Step::Continue(now);
        }
        Msg::Clusters(identity, clusters) => {
            return Step::Continue(on_clusters(app, ctx, identity, clusters));
        }
        Msg::Load(event) => {
            on_load_event(app, ctx, event);
            return Step::Continue(true);
        }
        Msg::Loaded(report) => {
            start_deferred(ctx);
            on_loaded(app, ctx, *report);
            // Files that changed during the first load are picked up now.
            if ctx.live.as_ref().is_some_and(|l| !l.pending.is_nothing()) {
                start_reload(app, ctx);
            }
            return Step::Continue(true);
        }
        Msg::Watching(w) => {
            if let Some(gate) = ctx.watch_gate.take() {
                gate.open();
            }
            if let Some(live) = ctx.live.as_mut() {
                live.watch = Some(w);
            }
            return Step::Continue(false);
        }
        Msg::WatchFailed(reason) => {
            if let Some(gate) = ctx.watch_gate.take() {
                gate.open();
            }
            app.set_message(
                format!("not watching for new files: {reason}"),
                MessageKind::Error,
            );
            return Step::Continue(true);
        }
        Msg::Watch(Note::Problem(reason)) => {
            app.set_message(
                format!("watching for new files: {reason}; some changes may be missed"),
                MessageKind::Error,
            );
            return Step::Continue(true);
        }
        Msg::Watch(Note::Root { path, change }) => {
            if let Some(live) = ctx.live.as_mut() {
                live.root_note = match change {
                    RootChange::Replaced => Some(format!("corpus folder {path} was replaced")),
                    RootChange::Back => Some(format!("corpus folder {path} is back")),
                    RootChange::Gone => None,
                };
            }
            if change == RootChange::Gone {
                app.set_message(
                    format!("corpus folder {path} is gone; showing what was loaded"),
                    MessageKind::Error,
                );
            }
            return Step::Continue(true);
        }
        Msg::Watch(Note::Changed { paths, .. }) => {
            if let Some(live) = ctx.live.as_mut() {
                live.pending.add(paths);
            }
            start_reload(app, ctx);
            return Step::Continue(false);
        }
        Msg::Reloaded(reload) => {
            on_reloaded(app, ctx, *reload);
            return Step::Continue(true);
        }
        Msg::StoreChanged => {
            let effect = on_store_changed(app, ctx);
            return run_effects(app, ctx, effect);
        }
        Msg::Resize(w, h) => Action::Resize(w, h),
        Msg::Mouse(m) => Action::Mouse(m),
        Msg::Paste(text) => Action::Paste(text),
        Msg::Key(key) if is_suspend_key(&key) => return Step::Suspend,
        Msg::Key(key) => match ctx.keymap.resolve(app.mode, app.focus, key) {
            Some(a) => a,
            None => return Step::Continue(false),
        },
    };
    let effect = update(app, action);
    run_effects(app, ctx, effect)
}

/// Carries out `effect` and whatever it leads to.
fn run_effects(app: &mut App, ctx: &mut Ctx<'_>, mut effect: Effect) -> Step {
    loop {
        effect = match effect {
            Effect::Quit => return Step::Exit(Exit::Quit),
            Effect::Search(req) => {
                ctx.search = Some(req);
                return Step::Continue(true);
            }
            Effect::None => return Step::Continue(true),
            Effect::External(cmd) => {
                match crate::external::execute(&cmd, app.remote) {
                    Ok(done) => app.set_message(done, MessageKind::Info),
                    Err(e) => app.set_message(e, MessageKind::Error),
                }
                return Step::Continue(true);
            }
            Effect::Triage(cmd) => match ctx.store.as_deref_mut() {
                Some(store) => {
                    let outcome = app_triage::execute(store, &app.corpus, cmd);
                    app.apply_outcome(outcome)
                }
                None => return Step::Continue(true),
            },
        };
    }
}

/// Reads a read-only store's new state; once the other browser has quit, this one writes
/// and stops following.
fn on_store_changed(app: &mut App, ctx: &mut Ctx<'_>) -> Effect {
    let (Some(store), Some(follower)) = (ctx.store.as_deref_mut(), ctx.follower.as_mut()) else {
        return Effect::None;
    };
    follower.handled();
    let refresh = store.refresh();
    if store.is_read_only() {
        follower.wait_for_lock();
    } else {
        ctx.follower = None;
    }
    app_triage::follow_store(app, store, refresh)
}

/// Restores the terminal, stops the whole process and, once continued, sets the terminal up
/// again and repaints it. SIGSTOP rather than SIGTSTP: a self-raised SIGTSTP is discarded
/// when the process group is orphaned (parent shell gone), which would leave the terminal
/// restored under a still-running app. `raise` returns once SIGCONT arrives (`fg`/`bg`).
fn suspend(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    restore_terminal();
    signal_hook::low_level::raise(SIGSTOP).context("cannot suspend")?;
    if terminal_gone(false) {
        // Hung up while stopped: the next draw fails and takes the hang-up exit.
        return Ok(());
    }
    enter_terminal().context("cannot set up the terminal again")?;
    repaint(terminal, app)
}

/// Whether a job-control shell can resume us after a stop: our parent is in our session but
/// put us in a process group of our own, which only a shell doing job control does. Without
/// one (run by `sh -c`, as the session leader of `ssh host warta`, under a non-interactive
/// wrapper) a SIGSTOP would freeze the app for good, since nothing would ever send SIGCONT;
/// the kernel discards terminal stop signals for such orphaned groups for the same reason.
/// Where `/proc` cannot tell (not Linux), suspend as other terminal programs do.
fn job_control() -> bool {
    let parent = std::os::unix::process::parent_id().to_string();
    match (
        proc_group_and_session("self"),
        proc_group_and_session(&parent),
    ) {
        (Some((pgrp, sid)), Some((parent_pgrp, parent_sid))) => {
            sid == parent_sid && pgrp != parent_pgrp
        }
        _ => true,
    }
}

/// Process group and session of `pid` from `/proc/<pid>/stat`. The command name may hold
/// spaces and parentheses, so fields are counted from its last `)`.
fn proc_group_and_session(pid: &str) -> Option<(u32, u32)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    // state ppid pgrp session ...
    let mut fields = rest.split_whitespace().skip(2);
    let pgrp = fields.next()?.parse().ok()?;
    let session = fields.next()?.parse().ok()?;
    Some((pgrp, session))
}

/// Clears the screen and forgets what ratatui believes is on it, so the next draw writes
/// every cell. `Terminal::resize` does both without `Terminal::clear`'s cursor-position
/// query, which would wait for a reply the input thread is busy reading (and that a
/// terminal over a slow link may never send). Also picks up a resize that happened while
/// the app was stopped.
fn repaint(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> anyhow::Result<()> {
    let Ok(size) = terminal.size() else {
        // No size means no terminal; the watchdog or the next draw handles the hang-up.
        return Ok(());
    };
    let _ = terminal.resize(Rect::new(0, 0, size.width, size.height));
    if (size.width, size.height) != (app.width, app.height) {
        update(app, Action::Resize(size.width, size.height));
    }
    Ok(())
}

/// Sends `req` now; a search held back for the end of the batch is older, so it is dropped.
fn send_search(app: &mut App, ctx: &mut Ctx<'_>, req: SearchRequest) {
    ctx.search = None;
    ctx.latest.store(req.generation, Ordering::SeqCst);
    if ctx.work_tx.send(Work::Search(req)).is_err() {
        app.searching = false;
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
fn spawn_search_worker(
    mut corpus: Corpus,
    work: Receiver<Work>,
    tx: Sender<Msg>,
    latest: Arc<AtomicU64>,
    signatures: Option<PathBuf>,
) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-search".into())
        .spawn(move || {
            let mut memo = SearchMemo::default();
            // Every corpus the worker gets is also grouped, in the background.
            let cluster_latest = Arc::new(AtomicU64::new(corpus.identity()));
            let to_cluster =
                spawn_cluster_worker(tx.clone(), Arc::clone(&cluster_latest), signatures);
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
                            // Keyed by corpus identity anyway; dropping it frees the old
                            // corpus's facet index now.
                            memo = SearchMemo::default();
                        }
                        Work::Search(r) => request = Some(r),
                        Work::Clusters(identity, c) => memo.set_clusters(identity, c),
                    }
                }
                // The corpus comes a moment before the search for it (the UI thread swaps
                // it in between): grouping waits for that search, not just for the corpus.
                let searched = request.is_some();
                if let Some(req) = request {
                    let generation = req.generation;
                    let stale = || latest.load(Ordering::Relaxed) != generation;
                    if let Some(results) =
                        search::execute_cancellable(&corpus, &req, &mut memo, &stale)
                        && tx.send(Msg::Results(results)).is_err()
                    {
                        return;
                    }
                }
                if ungrouped && searched && !partial {
                    ungrouped = false;
                    cluster(&corpus, lineage.take());
                }
            }
        })
        .context("cannot start the search thread")?;
    Ok(())
}

/// Corpora with at least this many articles say "grouping copies…" while they are grouped;
/// smaller ones are grouped within a frame or two, and a flash of text would only distract.
const ANNOUNCE_GROUPING: usize = 2_000;

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
fn spawn_cluster_worker(
    tx: Sender<Msg>,
    latest: Arc<AtomicU64>,
    signatures: Option<PathBuf>,
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
                        if grouped.is_some()
                            && memo.len() != known
                            && let Some(path) = &signatures
                        {
                            let _ = memo.save(path);
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
struct ToGroup {
    corpus: Corpus,
    lineage: Option<Arc<Lineage>>,
}

/// The lineage of a corpus patched from `current` by `step`, counted from where `current`'s
/// own lineage (`pending`) starts when `current` was `skipped` (never grouped): grouping can
/// then carry the groups of the last corpus it did group. `None` when the chain is broken.
fn chain(
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
fn on_clusters(app: &mut App, ctx: &mut Ctx<'_>, identity: u64, clusters: Arc<Clusters>) -> bool {
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
            Some(m) if m.kind == MessageKind::Error => {}
            // Progress matters more while loading: the load's summary names these groups
            // when it ends, or the corpus it ends with is grouped and says so then.
            Some(_) if load_line && ctx.load.running => {}
            // The load's summary stays, with the groups after it, once: the line is no longer
            // the load's, so the groups of a later corpus (a live change) replace it.
            Some(m) if load_line => {
                let text = format!("{}; {text}", m.text);
                app.set_message(text, MessageKind::Info);
                ctx.load.line = None;
            }
            _ => app.set_message(text, MessageKind::Info),
        }
    }
    if app.query.has_copies_term() {
        let req = app.request();
        send_search(app, ctx, req);
    }
    true
}

/// Starts the watcher on a thread of its own (setting up recursive watches walks every
/// directory) and hands it to the loop, or says why it could not start.
fn spawn_watch(
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
fn start_reload(app: &mut App, ctx: &mut Ctx<'_>) {
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
fn on_reloaded(app: &mut App, ctx: &mut Ctx<'_>, reload: Reload) {
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

/// Runs the background load, forwarding its events to the loop, and the report at the end.
/// If the app has quit meanwhile, the sends fail and the load just finishes unseen.
/// How long the loader holds the check of every file back for the first results (see
/// [`Startup`]); only a stuck loop makes it wait this long.
const GATE_MAX: Duration = Duration::from_secs(5);

fn spawn_loader(load: BackgroundLoad, tx: Sender<Msg>, gate: Gate) -> anyhow::Result<()> {
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

fn spawn_signal_thread(
    mut signals: Signals,
    tx: Sender<Msg>,
    leaving: Arc<Leaving>,
) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                if sig != SIGTSTP && sig != SIGCONT {
                    leaving.ask(sig);
                }
                if tx.send(Msg::Signal(sig)).is_err() {
                    return;
                }
            }
        })
        .context("cannot start the signal thread")?;
    Ok(())
}

/// Notices a hang-up that brings no SIGHUP (the session leader ignores it and so never
/// passes it on, or a wrapper swallows it) and reports it as SIGHUP. Without this the app
/// would never leave: crossterm 0.29's reader spins on the dead tty (crossterm#793) and
/// neither returns an error nor lets `event::read` return. Polls `isatty`, which needs no
/// FFI; `poll(2)` for POLLHUP on the tty fd would be the event-driven alternative but needs
/// `libc`/`rustix`. Ends when `stop` is dropped.
///
/// It also ends the process when the loop does not take up an exit asked for (a hang-up,
/// ctrl-c, a signal) within [`EXIT_GRACE`]: see [`force_exit`].
fn spawn_watchdog(
    stop: Receiver<()>,
    tx: Sender<Msg>,
    leaving: Arc<Leaving>,
) -> anyhow::Result<()> {
    let watch_stdin = std::io::stdin().is_terminal();
    thread::Builder::new()
        .name("warta-watchdog".into())
        .spawn(move || {
            let mut hung_up = false;
            while let Err(RecvTimeoutError::Timeout) = stop.recv_timeout(WATCHDOG_INTERVAL) {
                if !hung_up && terminal_gone(watch_stdin) {
                    hung_up = true;
                    leaving.ask(SIGHUP);
                    let _ = tx.send(Msg::Signal(SIGHUP));
                }
                if let Some(sig) = leaving.overdue(Instant::now()) {
                    force_exit(sig);
                }
            }
        })
        .context("cannot start the watchdog thread")?;
    Ok(())
}

fn spawn_input_thread(tx: Sender<Msg>, leaving: Arc<Leaving>) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-input".into())
        .spawn(move || {
            loop {
                let msg = match event::read() {
                    Ok(Event::Key(k)) => {
                        // ctrl-c always quits (the keymap hard-wires it): it must work even
                        // when the loop is stuck behind other work.
                        if is_interrupt_key(&k) {
                            leaving.ask(SIGINT);
                        }
                        Msg::Key(k)
                    }
                    Ok(Event::Paste(text)) => Msg::Paste(text),
                    Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                    // Reports that arrive with the mouse off (a terminal left in mouse mode
                    // by another program) must not act.
                    Ok(Event::Mouse(_)) if !MOUSE.load(Ordering::SeqCst) => continue,
                    Ok(Event::Mouse(m)) => {
                        // Only what the app acts on: motion and drags would wake the loop
                        // for nothing.
                        let kind = match m.kind {
                            MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                            MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                            MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                            _ => continue,
                        };
                        Msg::Mouse(MouseInput {
                            kind,
                            column: m.column,
                            row: m.row,
                        })
                    }
                    Ok(_) => continue,
                    Err(_) => {
                        leaving.ask(SIGHUP);
                        let _ = tx.send(Msg::InputClosed);
                        return;
                    }
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
        })
        .context("cannot start the input thread")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// A burst of typed keys handled in one batch sends one search, for the last key; a
    /// search sent directly meanwhile (a new corpus) drops the held one, which is older.
    #[test]
    fn a_burst_of_keys_sends_one_search() {
        let corpus = Corpus::from_articles(Vec::new());
        let keymap = Keymap::default();
        let mut app = App::new(corpus.clone(), keymap.key_help());
        update(&mut app, Action::Resize(80, 24));
        let (work_tx, work_rx) = mpsc::channel();
        let latest = AtomicU64::new(0);
        let mut ctx = Ctx {
            keymap: &keymap,
            work_tx: &work_tx,
            latest: &latest,
            store: None,
            load: LoadUi::default(),
            paths: &[],
            live: None,
            startup: None,
            watch_gate: None,
            follower: None,
            search: None,
        };
        let key = |c| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        let searches = |rx: &Receiver<Work>| -> Vec<u64> {
            rx.try_iter()
                .filter_map(|w| match w {
                    Work::Search(r) => Some(r.generation),
                    _ => None,
                })
                .collect()
        };
        for msg in std::iter::once(key('/')).chain("banjir bandang".chars().map(key)) {
            handle(&mut app, &mut ctx, msg);
        }
        assert!(
            searches(&work_rx).is_empty(),
            "held until the batch is handled"
        );
        flush_search(&mut app, &mut ctx);
        assert_eq!(searches(&work_rx), [app.generation]);
        assert_eq!(latest.load(Ordering::SeqCst), app.generation);
        flush_search(&mut app, &mut ctx);
        assert!(searches(&work_rx).is_empty(), "sent once");
        // A paste is one action: one search.
        handle(&mut app, &mut ctx, Msg::Paste("longsor\r\ncianjur".into()));
        flush_search(&mut app, &mut ctx);
        assert_eq!(searches(&work_rx), [app.generation]);
        assert_eq!(app.input, "banjir bandanglongsor cianjur");
        // A new corpus during a burst: its search is the newest, the held one goes.
        handle(&mut app, &mut ctx, key('x'));
        install_corpus(&mut app, &mut ctx, corpus, false);
        flush_search(&mut app, &mut ctx);
        assert_eq!(searches(&work_rx), [app.generation]);
    }

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
