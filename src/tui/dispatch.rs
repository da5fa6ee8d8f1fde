//! The dispatch step: one message in, the app updated and its effects carried out, a
//! [`Step`] out. It never touches the terminal, so tests drive it with a list of messages
//! (see the tests below) the way the event loop does with the channel.

use super::*;

pub(super) enum Msg {
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
    /// How far the full-text index of the corpus with this identity is (`None`: ready or
    /// given up), and a warning to show once (a damaged index rebuilt).
    Indexing(u64, Option<crate::query::BuildProgress>, Option<String>),
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
    /// What the team server's listener heard.
    Team(crate::team::Heard),
    /// The team sender delivered after failing: what the status line says of the queue
    /// may be out of date.
    TeamSent,
    /// A body the body worker read for the corpus with `identity`.
    Body {
        identity: u64,
        index: usize,
        body: Box<Result<crate::model::Body, String>>,
    },
}

/// What the loop works with besides the app.
pub(super) struct Ctx<'a> {
    pub(super) keymap: &'a Keymap,
    pub(super) work_tx: &'a Sender<Work>,
    /// The newest request's generation, which the worker polls to abandon stale scans.
    pub(super) latest: &'a AtomicU64,
    pub(super) store: Option<&'a mut Store>,
    pub(super) load: LoadUi,
    /// The corpus paths as given, for the "nothing loaded" message.
    pub(super) paths: &'a [PathBuf],
    /// Reloads of a watched corpus; `None` when nothing is watched.
    pub(super) live: Option<Live>,
    /// Background work held back until the first results are on screen; `None` once
    /// started.
    pub(super) startup: Option<Startup>,
    /// The first results were applied: [`start_deferred`] once they are drawn.
    pub(super) deferred_due: bool,
    /// The loader's gate while the deferred watcher registers.
    pub(super) watch_gate: Option<Gate>,
    /// Where to ask for bodies (see [`super::body_worker`]); `None` in tests without one.
    pub(super) bodies_tx: Option<&'a Sender<BodyRequest>>,
    /// The last request sent to the body worker, so the same one is not sent again.
    pub(super) bodies_asked: Option<(u64, Vec<usize>)>,
    /// Follows the writer while the store is read-only.
    pub(super) follower: Option<follow::Follower>,
    /// The search the messages handled so far ask for, sent once they are all handled: a
    /// burst of queued keys makes one search, not one per key (see [`flush_search`]).
    pub(super) search: Option<SearchRequest>,
    /// The team server this browser shares triage with; `None` without one.
    pub(super) team: Option<TeamLink>,
}

/// Queues every saved action for the team, and the thread that sends the queue.
/// How an action's message says the queue waits (see [`TeamLink::annotate`]); a status
/// line still saying it is out of date once the queue is sent ([`TeamLink::say_sent`]).
const WAITING_OFFLINE: &str = "offline: ";
const WAITING_REFUSED: &str = " kept to send";

pub(super) struct TeamLink {
    pub(super) recorder: crate::team::Recorder,
    pub(super) sender: crate::team::Sender,
}

impl TeamLink {
    /// Says what the sender last found when it could not send: "offline: N to send", or,
    /// when the server refuses this warta's writes, that nothing is sent and why (an error:
    /// it needs someone to act, and the message log keeps the whole reason).
    fn annotate(&self, message: &mut Option<(String, MessageKind)>) {
        let report = self.sender.report();
        if report.offline.is_none() && report.refused.is_none() {
            return;
        }
        let queued = self
            .recorder
            .outbox
            .pending()
            .map_or(report.queued, |p| p.events.len());
        let (note, note_kind) = match &report.refused {
            Some(why) => (
                format!("not sent, {queued}{WAITING_REFUSED}: {why}"),
                MessageKind::Error,
            ),
            None => (
                format!("{WAITING_OFFLINE}{queued} to send"),
                MessageKind::Info,
            ),
        };
        *message = Some(match message.take() {
            Some((text, kind)) => {
                let kind = if note_kind == MessageKind::Error {
                    note_kind
                } else {
                    kind
                };
                (format!("{text} · {note}"), kind)
            }
            None => (note, note_kind),
        });
    }
}

impl TeamLink {
    /// After a delivery that followed failures: a status line still saying the queue
    /// waits ("offline: N to send", "not sent, N kept") is replaced by what is true now.
    fn say_sent(&self, app: &mut App) {
        let stale = app
            .message
            .as_ref()
            .is_some_and(|m| m.text.contains(WAITING_OFFLINE) || m.text.contains(WAITING_REFUSED));
        if !stale {
            return;
        }
        let left = self.recorder.outbox.pending().map_or(0, |p| p.events.len());
        let text = match left {
            0 => "team: everything queued is sent".to_string(),
            n => format!("team: server back, {n} still to send"),
        };
        app.set_message(text, MessageKind::Info);
    }
}

/// Sends the search the handled messages asked for last, if any. Each key of a burst (keys
/// typed faster than they are handled, or a paste without bracketed paste) re-parses the
/// query, but only the last one's search is sent.
pub(super) fn flush_search(app: &mut App, ctx: &mut Ctx<'_>) {
    if let Some(req) = ctx.search.take() {
        send_search(app, ctx, req);
    }
}

pub(super) enum Step {
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
pub(super) fn is_suspend_key(key: &KeyEvent) -> bool {
    key.kind != KeyEventKind::Release
        && key.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(key.code, KeyCode::Char('z' | 'Z'))
}

pub(super) fn handle(app: &mut App, ctx: &mut Ctx<'_>, msg: Msg) -> Step {
    let action = match msg {
        Msg::Signal(SIGTSTP) => return Step::Suspend,
        Msg::Signal(SIGCONT) => return Step::Repaint,
        Msg::Signal(sig) => return Step::Exit(Exit::Signal(sig)),
        Msg::InputClosed => return Step::Exit(Exit::Signal(SIGHUP)),
        Msg::Results(r) => {
            let applied = app.apply_results(r);
            // The loader waits on the gate once it showed the cached corpus, even an empty
            // one, so that case must start it too. Started once these results are drawn
            // (see `event_loop`): spawning the watcher and waking the loader and workers
            // before the draw made the first frame share the cores with them.
            if applied && (!app.corpus.is_empty() || ctx.load.shown_cached) {
                ctx.deferred_due = true;
            }
            return Step::Continue(applied);
        }
        Msg::Grouping(identity) => {
            let now = identity == app.corpus.identity() && app.copies.clusters.is_none();
            app.copies.grouping |= now;
            return Step::Continue(now);
        }
        Msg::Indexing(identity, progress, warning) => {
            let mut changed = false;
            if let Some(w) = warning {
                app.set_message(&w, MessageKind::Error);
                changed = true;
            }
            // A sync with nothing to do ends with "not indexing" while nothing was shown: no
            // redraw, which at start-up would land right after the first frame.
            if identity == app.corpus.identity() && app.search.indexing != progress {
                app.search.indexing = progress;
                changed = true;
            }
            return Step::Continue(changed);
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
        Msg::Body {
            identity,
            index,
            body,
        } => {
            return Step::Continue(app.install_body(identity, index, *body));
        }
        Msg::StoreChanged => {
            let effect = on_store_changed(app, ctx);
            return run_effects(app, ctx, effect);
        }
        Msg::Resize(w, h) => Action::Resize(w, h),
        Msg::Mouse(m) => Action::Mouse(m),
        Msg::Paste(text) => Action::Paste(text),
        Msg::Team(heard) => Action::Team(crate::app::team::TeamNews::new(heard)),
        Msg::TeamSent => {
            if let Some(team) = &ctx.team {
                team.say_sent(app);
            }
            return Step::Continue(true);
        }
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
pub(super) fn run_effects(app: &mut App, ctx: &mut Ctx<'_>, mut effect: Effect) -> Step {
    loop {
        effect = match effect {
            Effect::Quit => return Step::Exit(Exit::Quit),
            Effect::Search(req) => {
                ctx.search = Some(req);
                return Step::Continue(true);
            }
            Effect::None => return Step::Continue(true),
            Effect::External(cmd) => {
                match crate::external::execute(&cmd, app.settings.remote) {
                    Ok(done) => app.set_message(done, MessageKind::Info),
                    Err(e) => app.set_message(e, MessageKind::Error),
                }
                return Step::Continue(true);
            }
            Effect::Triage(cmd) => match ctx.store.as_deref_mut() {
                Some(store) => {
                    let recorder = ctx.team.as_ref().map(|t| &t.recorder);
                    let view = app.team.as_ref().filter(|t| t.heard).map(|t| &t.view);
                    let mut outcome =
                        app_triage::execute_with(store, recorder, view, &app.corpus, cmd);
                    if let Some(team) = &ctx.team {
                        if outcome.applied {
                            team.sender.wake();
                        }
                        team.annotate(&mut outcome.message);
                    }
                    app.apply_outcome(outcome)
                }
                None => return Step::Continue(true),
            },
        };
    }
}

/// Reads a read-only store's new state; once the other browser has quit, this one writes
/// and stops following.
pub(super) fn on_store_changed(app: &mut App, ctx: &mut Ctx<'_>) -> Effect {
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

#[cfg(test)]
mod tests {
    //! The dispatch step driven headless: messages in, the app and the work sent to the
    //! workers out, with searches answered on this thread the way the worker answers them.

    use super::*;
    use crate::triage::Decision;
    use signal_hook::consts::signal::SIGTERM;

    impl<'a> Ctx<'a> {
        /// A context with nothing running: no store, load, watcher, follower or body worker.
        fn bare(keymap: &'a Keymap, work_tx: &'a Sender<Work>, latest: &'a AtomicU64) -> Ctx<'a> {
            Ctx {
                keymap,
                work_tx,
                latest,
                store: None,
                load: LoadUi::default(),
                paths: &[],
                live: None,
                startup: None,
                deferred_due: false,
                watch_gate: None,
                follower: None,
                search: None,
                team: None,
                bodies_tx: None,
                bodies_asked: None,
            }
        }
    }

    /// An app with the bundled corpus, a keymap, the worker channel and (optionally) a store:
    /// everything [`Ctx`] borrows.
    struct Harness {
        app: App,
        keymap: Keymap,
        work_tx: Sender<Work>,
        work_rx: Receiver<Work>,
        latest: AtomicU64,
        store: Option<Store>,
    }

    impl Harness {
        fn new(store: Option<Store>) -> Harness {
            let corpus =
                loader::load(&loader::embedded_inputs(), &loader::LoadOptions::default()).corpus;
            let keymap = Keymap::default();
            let mut app = App::new(corpus, keymap.key_help());
            if let Some(s) = &store {
                app_triage::install_store(&mut app, s);
            }
            update(&mut app, Action::Resize(120, 40));
            let (work_tx, work_rx) = mpsc::channel();
            let mut h = Harness {
                app,
                keymap,
                work_tx,
                work_rx,
                latest: AtomicU64::new(0),
                store,
            };
            let req = h.app.request();
            h.answer(req);
            h
        }

        /// Handles `msgs` as one batch (as the loop does between two draws), then answers
        /// the searches they sent. Returns each message's step.
        fn feed(&mut self, msgs: Vec<Msg>) -> Vec<Step> {
            let mut ctx = Ctx {
                store: self.store.as_mut(),
                ..Ctx::bare(&self.keymap, &self.work_tx, &self.latest)
            };
            let steps = msgs
                .into_iter()
                .map(|m| handle(&mut self.app, &mut ctx, m))
                .collect();
            flush_search(&mut self.app, &mut ctx);
            let sent: Vec<Work> = self.work_rx.try_iter().collect();
            for w in sent {
                if let Work::Search(req) = w {
                    self.answer(req);
                }
            }
            steps
        }

        fn answer(&mut self, req: SearchRequest) {
            let results = app_search::execute(&self.app.corpus, &req);
            self.app.apply_results(results);
        }

        fn keys(&mut self, keys: &str) -> Vec<Step> {
            self.feed(keys.chars().map(key).collect())
        }
    }

    fn key(c: char) -> Msg {
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn ctrl(c: char) -> Msg {
        Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
    }

    fn message(app: &App) -> String {
        app.message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }

    fn exit_of(step: &Step) -> Option<i32> {
        match step {
            Step::Exit(Exit::Quit) => Some(0),
            Step::Exit(Exit::Signal(s)) => Some(*s),
            _ => None,
        }
    }

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
            store: None,
            ..Ctx::bare(&keymap, &work_tx, &latest)
        };
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
        assert_eq!(searches(&work_rx), [app.search.generation]);
        assert_eq!(latest.load(Ordering::SeqCst), app.search.generation);
        flush_search(&mut app, &mut ctx);
        assert!(searches(&work_rx).is_empty(), "sent once");
        // A paste is one action: one search.
        handle(&mut app, &mut ctx, Msg::Paste("longsor\r\ncianjur".into()));
        flush_search(&mut app, &mut ctx);
        assert_eq!(searches(&work_rx), [app.search.generation]);
        assert_eq!(app.search.input, "banjir bandanglongsor cianjur");
        // A new corpus during a burst: its search is the newest, the held one goes.
        handle(&mut app, &mut ctx, key('x'));
        install_corpus(&mut app, &mut ctx, corpus, false);
        flush_search(&mut app, &mut ctx);
        assert_eq!(searches(&work_rx), [app.search.generation]);
    }

    #[test]
    fn typing_a_query_narrows_the_list_through_the_worker_channel() {
        let mut h = Harness::new(None);
        assert_eq!(h.app.list.shown.len(), 5);
        h.keys("/tiktok");
        assert_eq!(h.app.search.input, "tiktok");
        assert!(h.app.list.shown.len() < 5 && !h.app.list.shown.is_empty());
        let first = h.app.list.shown[0].index;
        assert!(h.app.corpus.meta(first).title.contains("Viral"));
    }

    #[test]
    fn quit_keys_signals_and_hang_ups_end_the_loop_with_their_status() {
        let mut h = Harness::new(None);
        let steps = h.feed(vec![
            Msg::Signal(SIGTERM),
            Msg::InputClosed,
            Msg::Signal(SIGTSTP),
            ctrl('z'),
        ]);
        assert_eq!(exit_of(&steps[0]), Some(SIGTERM));
        assert_eq!(exit_of(&steps[1]), Some(SIGHUP));
        assert!(matches!(steps[2], Step::Suspend));
        assert!(matches!(steps[3], Step::Suspend));
        assert_eq!(exit_of(&h.keys("q")[0]), Some(0));
    }

    #[test]
    fn a_triage_key_reaches_the_store_before_the_app_shows_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut h = Harness::new(Some(Store::open(dir.path())));
        let id = h.app.corpus.meta(h.app.list.shown[0].index).id.clone();
        h.keys("r");
        let store = h.store.as_ref().expect("store");
        assert_eq!(store.state(&id).decision, Decision::Relevant);
        assert_eq!(
            h.app.triage.states.get(&id).map(|s| s.decision),
            Some(Decision::Relevant)
        );
        assert!(message(&h.app).contains("marked 1 article relevant"));
        h.keys("u");
        assert_eq!(
            h.store.as_ref().expect("store").state(&id).decision,
            Decision::Undecided
        );
    }

    #[test]
    fn a_follower_shows_the_writers_change_and_takes_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut writer = Store::open(dir.path());
        let mut h = Harness::new(Some(Store::open(dir.path())));
        assert!(
            h.app
                .triage
                .store_status
                .as_deref()
                .is_some_and(|s| s.contains("read-only"))
        );
        let id = h.app.corpus.meta(0).id.clone();
        let saved = writer.apply(crate::triage::Op::Decide {
            ids: vec![id.clone()],
            decision: Decision::Maybe,
            mark_read: false,
        });
        assert!(saved.is_ok());
        // Without a follower (none started headless) the message changes nothing.
        h.feed(vec![Msg::StoreChanged]);
        assert!(h.app.triage.states.get(&id).is_none());
        let mut ctx_follower = Some(follow::Follower::start(dir.path(), mpsc::channel().0));
        let mut ctx = Ctx {
            store: h.store.as_mut(),
            follower: ctx_follower.take(),
            ..Ctx::bare(&h.keymap, &h.work_tx, &h.latest)
        };
        handle(&mut h.app, &mut ctx, Msg::StoreChanged);
        assert_eq!(
            h.app.triage.states.get(&id).map(|s| s.decision),
            Some(Decision::Maybe)
        );
        assert!(ctx.follower.is_some(), "still following");
        writer.close().expect("close");
        // A process forked meanwhile by another test holds a copy of the lock until it
        // execs; the app's lock waiter wakes it again then, which this loop stands for.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while ctx.follower.is_some() && std::time::Instant::now() < deadline {
            handle(&mut h.app, &mut ctx, Msg::StoreChanged);
            thread::sleep(Duration::from_millis(10));
        }
        assert!(ctx.follower.is_none(), "writes now");
        assert!(h.app.triage.store_status.is_none());
        assert!(message(&h.app).contains("saved again"));
    }

    #[test]
    fn watcher_problems_are_said_in_the_status_line() {
        let mut h = Harness::new(None);
        h.feed(vec![Msg::WatchFailed("inotify limit".into())]);
        assert!(message(&h.app).contains("not watching for new files: inotify limit"));
        h.feed(vec![Msg::Watch(Note::Problem("queue overflow".into()))]);
        assert!(message(&h.app).contains("queue overflow"));
    }

    #[test]
    fn bodies_on_disk_are_asked_for_and_shown_when_they_arrive() {
        /// Bodies that are "on disk": the app must not read them in update().
        struct Disk;
        impl crate::corpus::BodySource for Disk {
            fn body(&self, i: usize) -> Result<crate::model::Body, String> {
                Ok(crate::model::Body {
                    body: vec![format!("paragraf nomor {i}")],
                    ..Default::default()
                })
            }
        }
        let metas = (0..8)
            .map(|i| crate::model::Meta {
                id: format!("{i:016x}"),
                title: format!("Judul {i}"),
                source_path: format!("{i}.txt"),
                ..Default::default()
            })
            .collect();
        let corpus = Corpus::new(metas, Arc::new(Disk));
        let keymap = Keymap::default();
        let mut app = App::new(corpus.clone(), keymap.key_help());
        update(&mut app, Action::Resize(120, 40));
        crate::app::search_now(&mut app);
        let (work_tx, _work_rx) = mpsc::channel();
        let (bodies_tx, bodies_rx) = mpsc::channel();
        let latest = AtomicU64::new(0);
        let mut ctx = Ctx {
            store: None,
            bodies_tx: Some(&bodies_tx),
            ..Ctx::bare(&keymap, &work_tx, &latest)
        };
        let shown = |app: &App| {
            app.detail
                .doc
                .as_ref()
                .map(|d| {
                    d.lines
                        .iter()
                        .map(|l| l.text())
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .unwrap_or_default()
        };
        assert!(shown(&app).contains("loading the article"));
        let first = app.selected().expect("a cursor");
        request_bodies(&app, &mut ctx);
        let req = bodies_rx.try_recv().expect("asked");
        assert_eq!(req.indices[0], first, "the shown article first");
        assert!(req.indices.len() > 1, "and its neighbours ahead");
        request_bodies(&app, &mut ctx);
        assert!(bodies_rx.try_recv().is_err(), "not asked twice");
        let body = Box::new(req.corpus.body(first));
        let step = handle(
            &mut app,
            &mut ctx,
            Msg::Body {
                identity: corpus.identity(),
                index: first,
                body,
            },
        );
        assert!(matches!(step, Step::Continue(true)));
        assert!(shown(&app).contains(&format!("paragraf nomor {first}")));
        // A body fetched ahead changes nothing on screen: no redraw.
        let ahead = req.indices[1];
        let step = handle(
            &mut app,
            &mut ctx,
            Msg::Body {
                identity: corpus.identity(),
                index: ahead,
                body: Box::new(req.corpus.body(ahead)),
            },
        );
        assert!(matches!(step, Step::Continue(false)));
        assert!(app.body_ready(ahead));
        // A body for a corpus no longer shown is dropped.
        app.install_body(corpus.identity() ^ 1, first, Err("stale".into()));
        assert!(!shown(&app).contains("stale"));
    }
}
