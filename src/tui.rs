//! The terminal front end: setup and restore, the input, search and signal threads, and the
//! blocking single-threaded event loop that feeds [`update`] and redraws.
//!
//! ```text
//!  input thread (crossterm::event::read) ──┐
//!  search worker (latest request wins) ────┼──> one channel ──> event loop: update(), draw
//!  signal thread (TERM/HUP/INT) ───────────┘                      │
//!                 ^                                               │ Effect::Search
//!                 └───────────────── request channel <────────────┘
//! ```
//! Nothing ticks: with no input the loop sleeps in `recv`, uses no CPU and writes nothing.
//! It redraws only after a message changed something.
//!
//! Triage effects run on the loop's thread against the store it owns: each is fsync'd
//! before its outcome reaches the app, so nothing is drawn as done before it is on disk.
//! The store is closed (compacted, lock released) on quit and on signals.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use anyhow::{Context, bail};
use crossterm::event::{self, Event, KeyEvent};
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::search::{self, SearchMemo};
use crate::app::triage as app_triage;
use crate::app::{Action, App, Effect, MessageKind, SearchRequest, SearchResults, update};
use crate::config;
use crate::corpus::Corpus;
use crate::keymap::Keymap;
use crate::triage::Store;
use crate::ui;

pub struct TuiOptions {
    /// Config file given on the command line; else `$WARTA_CONFIG`, else the platform path.
    pub config_path: Option<PathBuf>,
    /// Shown in the status line at start ("5 articles from 1 input in 12 ms").
    pub load_summary: String,
    /// Loader problems (skipped files); the first is shown at start.
    pub load_warnings: Vec<String>,
    /// The triage store, opened by the caller (see [`open_store`]).
    pub store: Store,
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
    Key(KeyEvent),
    Resize(u16, u16),
    Results(SearchResults),
    Signal(i32),
    /// The terminal cannot be read any more (hang-up): leave instead of spinning.
    InputClosed,
}

/// How the loop ended.
enum Exit {
    Quit,
    Signal(i32),
}

/// Restores the terminal when dropped, so `?` returns leave it usable too (the panic hook
/// installed by `ratatui::try_init` covers panics).
struct RestoreGuard;

impl Drop for RestoreGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// Runs the browser until the user quits. On SIGTERM/SIGHUP/SIGINT the terminal is restored
/// and the process exits with 128 + the signal number.
pub fn run(corpus: Corpus, mut opts: TuiOptions) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        bail!("not a terminal; use 'warta list' for plain output");
    }
    let cfg = config::load(opts.config_path.as_deref());
    let mut app = App::new(corpus.clone(), cfg.keymap.key_help());
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
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
    } else if !opts.load_summary.is_empty() {
        app.set_message(opts.load_summary.clone(), MessageKind::Info);
    }

    let (tx, rx) = mpsc::channel::<Msg>();
    let (req_tx, req_rx) = mpsc::channel::<SearchRequest>();
    spawn_search_worker(corpus, req_rx, tx.clone())?;
    let signals =
        Signals::new([SIGTERM, SIGHUP, SIGINT]).context("cannot install signal handlers")?;
    let signal_handle = signals.handle();
    spawn_signal_thread(signals, tx.clone())?;

    let exit = {
        let mut terminal = ratatui::try_init().context("cannot set up the terminal")?;
        let _guard = RestoreGuard;
        spawn_input_thread(tx)?;
        let size = terminal.size().context("cannot read the terminal size")?;
        update(&mut app, Action::Resize(size.width, size.height));
        let req = app.request();
        // The worker lives as long as `req_rx`; a send error means it died, which the loop
        // reports as a message rather than a crash.
        let _ = req_tx.send(req);
        let mut ctx = Ctx {
            keymap: &cfg.keymap,
            req_tx: &req_tx,
            store: store.as_mut(),
        };
        event_loop(&mut terminal, &mut app, &mut ctx, &rx)
    };
    signal_handle.close();
    // Compact and release the lock before leaving, also after a signal or a draw error.
    let closed = store.take().map(Store::close);
    let exit = exit?;
    if let Some(Err(e)) = closed {
        eprintln!("warta: {e}");
    }
    match exit {
        Exit::Quit => Ok(()),
        Exit::Signal(sig) => std::process::exit(128 + sig),
    }
}

/// What the loop works with besides the app.
struct Ctx<'a> {
    keymap: &'a Keymap,
    req_tx: &'a Sender<SearchRequest>,
    store: Option<&'a mut Store>,
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
            terminal
                .draw(|frame| ui::render(frame, app))
                .context("cannot draw to the terminal")?;
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
            }
            next = rx.try_recv().ok();
        }
    }
}

enum Step {
    Continue(bool),
    Exit(Exit),
}

fn handle(app: &mut App, ctx: &mut Ctx<'_>, msg: Msg) -> Step {
    let action = match msg {
        Msg::Signal(sig) => return Step::Exit(Exit::Signal(sig)),
        Msg::InputClosed => return Step::Exit(Exit::Quit),
        Msg::Results(r) => return Step::Continue(app.apply_results(r)),
        Msg::Resize(w, h) => Action::Resize(w, h),
        Msg::Key(key) => match ctx.keymap.resolve(app.mode, app.focus, key) {
            Some(a) => a,
            None => return Step::Continue(false),
        },
    };
    let mut effect = update(app, action);
    loop {
        effect = match effect {
            Effect::Quit => return Step::Exit(Exit::Quit),
            Effect::Search(req) => {
                send_search(app, ctx.req_tx, req);
                return Step::Continue(true);
            }
            Effect::None => return Step::Continue(true),
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

fn send_search(app: &mut App, req_tx: &Sender<SearchRequest>, req: SearchRequest) {
    if req_tx.send(req).is_err() {
        app.searching = false;
        app.set_message(
            "search worker stopped; results are stale",
            MessageKind::Error,
        );
    }
}

/// Runs searches off the UI thread. Requests that queued up while one ran are skipped in
/// favour of the newest, so typing fast never builds a backlog.
fn spawn_search_worker(
    corpus: Corpus,
    requests: Receiver<SearchRequest>,
    tx: Sender<Msg>,
) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-search".into())
        .spawn(move || {
            let mut memo = SearchMemo::default();
            while let Ok(mut req) = requests.recv() {
                while let Ok(newer) = requests.try_recv() {
                    req = newer;
                }
                let results = search::execute_with(&corpus, &req, &mut memo);
                if tx.send(Msg::Results(results)).is_err() {
                    return;
                }
            }
        })
        .context("cannot start the search thread")?;
    Ok(())
}

fn spawn_signal_thread(mut signals: Signals, tx: Sender<Msg>) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                let _ = tx.send(Msg::Signal(sig));
            }
        })
        .context("cannot start the signal thread")?;
    Ok(())
}

fn spawn_input_thread(tx: Sender<Msg>) -> anyhow::Result<()> {
    thread::Builder::new()
        .name("warta-input".into())
        .spawn(move || {
            loop {
                let msg = match event::read() {
                    Ok(Event::Key(k)) => Msg::Key(k),
                    Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                    Ok(_) => continue,
                    Err(_) => {
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
