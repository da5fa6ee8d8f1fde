//! Team triage: an office's analysts sharing decisions through a PostgreSQL server.
//!
//! Domain code: no terminal imports. The local triage store stays the first and durable
//! home of every action; the team server is where copies of them meet:
//!
//! 1. an action is applied to the local [`Store`] (journal fsync'd), then
//! 2. the fields it changed become [`Event`]s with fresh ids, appended to the [`Outbox`]
//!    (fsync'd), then
//! 3. [`flush`] sends the outbox in one transaction and removes what the server committed.
//!
//! A server that is away only delays step 3; the outbox is sent when it is back, and the
//! server keeps one copy of each event id, so resending after a crash stores nothing twice.
//!
//! The client is the synchronous `postgres` crate: warta has no async code, and a blocking
//! call on a worker thread is all a send needs. All SQL is in [`sql`]. Passwords never
//! reach a message: see [`redact`].

pub mod event;
pub mod listen;
pub mod outbox;
pub mod pgpass;
pub mod redact;
pub mod replica;
pub mod sender;
pub mod shown;
pub mod sql;
pub mod tls;
pub mod view;

use std::collections::HashSet;
use std::fmt;
use std::time::Duration;

use postgres::{Client, NoTls};

pub use event::{Action, Event};
pub use listen::{Heard, Listener};
pub use outbox::{OUTBOX_FILE, Outbox, Pending};
pub use redact::{Redactor, redact_url};
pub use replica::Replica;
pub use sender::Sender;
pub use shown::Shown;
pub use sql::SCHEMA_VERSION;
pub use view::{Agreement, Mode, TeamView, Verdict};

use crate::triage::{ArticleState, Op, Saved, Store, StoreError, Summary};

/// How long to wait for a server before calling it away.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Which server, and who is deciding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamConfig {
    /// A `postgres://` URL; may hold a password, so never print it: use [`TeamConfig::shown`].
    pub url: String,
    pub analyst: String,
}

impl TeamConfig {
    /// The URL as it may be shown: without its password.
    pub fn shown(&self) -> String {
        redact_url(&self.url)
    }

    fn redactor(&self) -> Redactor {
        Redactor::for_url(&self.url, std::env::var("PGPASSWORD").ok().as_deref())
    }
}

/// The analyst's name when none is configured: the login name, from the environment (ssh
/// and login shells set it) or else the password file's entry for this user (a service or
/// `env -i` may leave the environment empty), "analyst" only when neither says.
pub fn login_name() -> String {
    ["USER", "LOGNAME"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .map(|v| v.trim().to_string())
        .find(|v| !v.is_empty())
        .or_else(passwd_name)
        .unwrap_or_else(|| "analyst".to_string())
}

/// This process's user name in `/etc/passwd`, found by the owner of `/proc/self`.
fn passwd_name() -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let uid = std::fs::metadata("/proc/self").ok()?.uid();
        let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
        name_of_uid(&passwd, uid)
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The name of `uid` in a password file's text.
fn name_of_uid(passwd: &str, uid: u32) -> Option<String> {
    passwd.lines().find_map(|line| {
        let mut f = line.split(':');
        let name = f.next()?.trim();
        let id: u32 = f.nth(1)?.parse().ok()?;
        (id == uid && !name.is_empty() && !name.starts_with('#')).then(|| name.to_string())
    })
}

/// A team operation that failed; the message is safe to show (no password in it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamError(pub String);

impl fmt::Display for TeamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TeamError {}

/// A connection to a team server.
pub struct Team {
    client: Client,
    cfg: TeamConfig,
    redactor: Redactor,
}

/// What `warta team init` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InitOutcome {
    Created,
    Upgraded { from: i32 },
    AlreadyCurrent,
}

/// What the server holds, for `warta team status`.
#[derive(Debug, Clone, Default)]
pub struct Status {
    pub schema: Option<i32>,
    /// Name, events sent, articles decided, last event (UTC).
    pub analysts: Vec<sql::AnalystRow>,
    pub decisions: Vec<(String, i64)>,
    pub conflicts: i64,
}

impl Team {
    /// Connects, or says why not (without the password).
    pub fn connect(cfg: &TeamConfig) -> Result<Team, TeamError> {
        let mut redactor = cfg.redactor();
        let fail = |r: &Redactor, what: &str, e: &dyn fmt::Display| {
            TeamError(r.scrub(&format!("team server {}: {what}: {e}", cfg.shown())))
        };
        let (url, verify) = tls::strip_verify(&cfg.url);
        let mut pg: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| fail(&redactor, "not a usable postgres:// URL", &e))?;
        if pg.get_password().is_none()
            && let Ok(pw) = std::env::var("PGPASSWORD")
        {
            pg.password(pw);
        }
        if pg.get_password().is_none() {
            match password_file_entry(&pg) {
                Ok(Some(pw)) => {
                    redactor.add_secret(&pw);
                    pg.password(pw);
                }
                Ok(None) => {}
                Err(warning) => log::warn!("team: {warning}"),
            }
        }
        if pg.get_connect_timeout().is_none() {
            pg.connect_timeout(CONNECT_TIMEOUT);
        }
        pg.application_name("warta");
        let connected = match pg.get_ssl_mode() {
            postgres::config::SslMode::Disable => pg.connect(NoTls),
            _ => {
                let tls = tls::connector(verify).map_err(|e| fail(&redactor, "TLS", &e))?;
                pg.connect(tls)
            }
        };
        let client = connected.map_err(|e| fail(&redactor, "cannot connect", &error_text(&e)))?;
        Ok(Team {
            client,
            cfg: cfg.clone(),
            redactor,
        })
    }

    fn err(&self, what: &str, e: &postgres::Error) -> TeamError {
        TeamError(self.redactor.scrub(&format!(
            "team server {}: {what}: {}",
            self.cfg.shown(),
            error_text(e)
        )))
    }

    fn read_err(&self, what: &str, e: sql::ReadError) -> TeamError {
        match e {
            sql::ReadError::Server(e) => self.err(what, &e),
            sql::ReadError::Stream(text) => TeamError(
                self.redactor
                    .scrub(&format!("team server {}: {what}: {text}", self.cfg.shown())),
            ),
        }
    }

    /// Creates the schema, or upgrades an older one. Refuses a newer one.
    pub fn init(&mut self) -> Result<InitOutcome, TeamError> {
        let result = (|| {
            let mut tx = self.client.transaction()?;
            let r = sql::migrate(&mut tx)?;
            if r.is_ok() {
                tx.commit()?;
            }
            Ok(r)
        })();
        match result {
            Ok(Ok(None)) => Ok(InitOutcome::Created),
            Ok(Ok(Some(v))) if v == SCHEMA_VERSION => Ok(InitOutcome::AlreadyCurrent),
            Ok(Ok(Some(v))) => Ok(InitOutcome::Upgraded { from: v }),
            Ok(Err(newer)) => Err(self.newer(newer)),
            Err(e) => Err(self.err("cannot create the tables", &e)),
        }
    }

    fn newer(&self, v: i32) -> TeamError {
        TeamError(format!(
            "team server {}: its tables are at schema version {v}, newer than this warta \
             understands ({SCHEMA_VERSION}); nothing was written. Upgrade warta on this \
             machine to work with this team",
            self.cfg.shown()
        ))
    }

    /// Ok when this warta may write: the schema is exactly the version it knows.
    pub fn check_writable(&mut self) -> Result<(), TeamError> {
        match self.refusal()? {
            Some(refused) => Err(refused),
            None => Ok(()),
        }
    }

    /// Why this warta may not write to the server's tables (`None`: it may): they are
    /// newer or older than it knows, or not there. `Err` only when the server could not
    /// be asked, so a refusal, which waiting will not cure, is told from an outage.
    pub fn refusal(&mut self) -> Result<Option<TeamError>, TeamError> {
        Ok(match sql::schema_version(&mut self.client) {
            Ok(Some(v)) if v == SCHEMA_VERSION => None,
            Ok(Some(v)) if v > SCHEMA_VERSION => Some(self.newer(v)),
            Ok(Some(v)) => Some(TeamError(format!(
                "team server {}: its tables are at schema version {v}, older than this warta's \
                 ({SCHEMA_VERSION}); run `warta team init` to upgrade them",
                self.cfg.shown()
            ))),
            Ok(None) => Some(TeamError(format!(
                "team server {}: no warta tables there; run `warta team init URL` once to create them",
                self.cfg.shown()
            ))),
            Err(e) => return Err(self.err("cannot read the schema version", &e)),
        })
    }

    /// Stores `events` in one transaction; returns how many were new (the rest had been
    /// sent before).
    pub fn send(&mut self, events: &[Event]) -> Result<usize, TeamError> {
        self.check_writable()?;
        // Every sender locks state rows in one order (article, analyst, field), so two
        // offices' batches over the same articles wait for each other instead of
        // deadlocking. The state does not depend on the order events are stored in.
        let mut ordered: Vec<&Event> = events.iter().collect();
        ordered.sort_by_cached_key(|e| {
            (
                e.article.clone(),
                e.analyst.clone(),
                e.action.field(e.value.as_deref()),
                e.at_us,
            )
        });
        let mut tries = 0;
        loop {
            let result = (|| {
                let mut tx = self.client.transaction()?;
                let mut new = 0;
                for e in &ordered {
                    if sql::insert_event(&mut tx, e)? {
                        new += 1;
                    }
                }
                tx.commit()?;
                Ok(new)
            })();
            match result {
                // Two senders inserting the same event ids can still deadlock (one data
                // directory sent from two machines): the server rolled back, so try again.
                Err(e) if tries < 3 && is_retryable(&e) => tries += 1,
                r => return r.map_err(|e| self.err("cannot store the events", &e)),
            }
        }
    }

    pub fn status(&mut self) -> Result<Status, TeamError> {
        let c = &mut self.client;
        let schema = sql::schema_version(c).map_err(|e| (e, "schema"));
        let r = (|| {
            let schema = schema?;
            if schema != Some(SCHEMA_VERSION) {
                return Ok(Status {
                    schema,
                    ..Status::default()
                });
            }
            Ok(Status {
                schema,
                analysts: sql::analysts(c).map_err(|e| (e, "analysts"))?,
                decisions: sql::decision_counts(c).map_err(|e| (e, "decisions"))?,
                conflicts: sql::conflicts(c).map_err(|e| (e, "conflicts"))?,
            })
        })();
        r.map_err(|(e, what)| self.err(&format!("cannot read the {what}"), &e))
    }

    /// Whether the connection is encrypted, for `warta team status`.
    pub fn uses_tls(&mut self) -> Result<bool, TeamError> {
        sql::uses_tls(&mut self.client).map_err(|e| self.err("cannot read the connection", &e))
    }

    /// How the team decides. A server without the setting (schema 1) is shared.
    pub fn mode(&mut self) -> Result<Mode, TeamError> {
        let stored =
            sql::mode(&mut self.client).map_err(|e| self.err("cannot read the mode", &e))?;
        Ok(stored.as_deref().and_then(Mode::parse).unwrap_or_default())
    }

    /// Sets how the team decides; open browsers hear it at once, the others when they
    /// next connect.
    pub fn set_mode(&mut self, mode: Mode) -> Result<(), TeamError> {
        self.check_writable()?;
        sql::set_mode(&mut self.client, mode.as_str())
            .map_err(|e| self.err("cannot set the mode", &e))
    }

    /// Everything the team has decided, as `me` sees it, and the server's time (for the
    /// next [`Team::events_since`]): the server's whole state.
    pub fn view(&mut self, me: &str) -> Result<(TeamView, i64), TeamError> {
        let (view, head) = self.read_all(me)?;
        Ok((view, head.now_us))
    }

    fn read_all(&mut self, me: &str) -> Result<(TeamView, sql::Head), TeamError> {
        let mode = self.mode()?;
        let mut view = TeamView::at(mode, me, 0);
        let head = sql::all_state(&mut self.client, |row| view.put_row(row))
            .map_err(|e| self.read_err("cannot read the state", e))?;
        view.seq = head.seq;
        Ok((view, head))
    }

    /// [`Team::view`], starting from this machine's copy of it in `replica` when the server
    /// confirms the copy is of its log, and catching up from there: a few events read
    /// instead of every state. Without a usable copy it reads everything and saves the copy
    /// (also when the catch-up was long). A copy that cannot be saved costs nothing but the
    /// next open's time, so it is logged, not reported.
    pub fn view_from(
        &mut self,
        me: &str,
        replica: Option<&Replica>,
    ) -> Result<(TeamView, i64), TeamError> {
        let Some(replica) = replica else {
            return self.view(me);
        };
        if let Some(caught_up) = self.catch_up_copy(me, replica)? {
            return Ok(caught_up);
        }
        let (view, head) = self.read_all(me)?;
        if let Err(e) = replica.save(&view, &head) {
            log::warn!("team: cannot save {}: {e}", replica.path().display());
        }
        Ok((view, head.now_us))
    }

    /// The saved copy brought up to date, or `None` when there is no copy the server
    /// vouches for.
    fn catch_up_copy(
        &mut self,
        me: &str,
        replica: &Replica,
    ) -> Result<Option<(TeamView, i64)>, TeamError> {
        let Some(mut saved) = replica.load(Mode::default(), me) else {
            return Ok(None);
        };
        let Some(since) = sql::changes_since(&mut self.client, &saved.head)
            .map_err(|e| self.err("cannot read new events", &e))?
        else {
            log::info!("team: the saved copy is of another log; reading the whole state");
            return Ok(None);
        };
        let view = &mut saved.view;
        view.mode = since
            .mode
            .as_deref()
            .and_then(Mode::parse)
            .unwrap_or_default();
        for (seq, e) in &since.events {
            view.apply(*seq, e);
        }
        view.seq = view.seq.max(since.head.seq);
        if i64::try_from(view.cells_len()) != Ok(since.state_rows) {
            log::warn!(
                "team: the saved copy has {} cells after catching up, the server {} rows; \
                 reading the whole state",
                view.cells_len(),
                since.state_rows
            );
            return Ok(None);
        }
        if replica::worth_saving(since.events.len())
            && let Err(e) = replica.save(view, &since.head)
        {
            log::warn!("team: cannot save {}: {e}", replica.path().display());
        }
        Ok(Some((saved.view, since.head.now_us)))
    }

    /// Events after log position `after` or arrived since `recent_us`, the server's time,
    /// and the team's mode now.
    pub fn events_since(
        &mut self,
        after: i64,
        recent_us: i64,
    ) -> Result<(sql::Logged, i64, Mode), TeamError> {
        let (events, now, mode) = sql::events_since(&mut self.client, after, recent_us)
            .map_err(|e| self.err("cannot read new events", &e))?;
        let mode = mode.as_deref().and_then(Mode::parse).unwrap_or_default();
        Ok((events, now, mode))
    }

    /// Asks the server to say when events are stored (see [`Team::wait`]).
    pub fn listen(&mut self) -> Result<(), TeamError> {
        self.client
            .batch_execute(&format!("LISTEN {}", sql::CHANNEL))
            .map_err(|e| self.err("cannot listen for changes", &e))
    }

    /// Blocks until the server says events were stored, or the connection fails. Waiting
    /// sends nothing: an idle browser costs the server nothing.
    pub fn wait(&mut self) -> Result<(), TeamError> {
        use postgres::fallible_iterator::FallibleIterator;
        let first = {
            let mut notes = self.client.notifications();
            let first = notes.blocking_iter().next().map(|n| n.is_some());
            // A burst of commits is one fetch.
            while let Ok(Some(_)) = notes.iter().next() {}
            first
        };
        match first {
            Ok(true) => Ok(()),
            Err(e) => Err(self.err("lost the connection", &e)),
            Ok(false) => Err(TeamError(format!(
                "team server {}: the connection closed",
                self.cfg.shown()
            ))),
        }
    }

    /// Every analyst's current value of every field of `article`.
    pub fn article(
        &mut self,
        article: &str,
    ) -> Result<Vec<(String, String, Option<String>)>, TeamError> {
        sql::article_state(&mut self.client, article)
            .map_err(|e| self.err("cannot read the article", &e))
    }
}

fn is_retryable(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    e.code().is_some_and(|c| {
        *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE
    })
}

/// The password file's entry for the server `pg` names (see [`pgpass`]); `Err` is a
/// warning (a file others may read, ignored).
fn password_file_entry(pg: &postgres::Config) -> Result<Option<String>, String> {
    let Some(path) = pgpass::file() else {
        return Ok(None);
    };
    let host = match pg.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        // libpq matches a socket connection as localhost.
        _ => "localhost".to_string(),
    };
    let user = pg.get_user().map_or_else(login_name, str::to_string);
    let database = pg.get_dbname().map_or_else(|| user.clone(), str::to_string);
    let port = pg.get_ports().first().copied().unwrap_or(5432);
    pgpass::lookup(
        &path,
        &pgpass::Target {
            host: &host,
            port,
            database: &database,
            user: &user,
        },
    )
}

/// The warning the password file gives for `url`, if any, for commands to print (the
/// browser logs it instead: its terminal is the screen).
pub fn password_file_warning(url: &str) -> Option<String> {
    let pg: postgres::Config = url.parse().ok()?;
    if pg.get_password().is_some() || std::env::var_os("PGPASSWORD").is_some() {
        return None;
    }
    password_file_entry(&pg).err()
}

/// The client's error with its cause: "error connecting to server: No such file…".
fn error_text(e: &postgres::Error) -> String {
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(cause) = src {
        let c = cause.to_string();
        if !s.contains(&c) {
            s.push_str(": ");
            s.push_str(&c);
        }
        src = cause.source();
    }
    s
}

/// What [`flush`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flushed {
    /// Events the server committed (and the outbox dropped).
    pub sent: usize,
    /// Of those, how many it had not seen before.
    pub new: usize,
    /// Events still queued (sending failed), and lines that cannot be read.
    pub left: usize,
}

/// Sends the outbox, removing what the server committed. On failure everything stays
/// queued and the error says why.
pub fn flush(team: &mut Team, outbox: &Outbox) -> Result<Flushed, TeamError> {
    let io = |e: std::io::Error| TeamError(format!("{}: {e}", outbox.path().display()));
    let pending = outbox.pending().map_err(io)?;
    if pending.events.is_empty() {
        return Ok(Flushed {
            left: pending.unreadable.len(),
            ..Flushed::default()
        });
    }
    let new = team.send(&pending.events)?;
    let sent: HashSet<String> = pending.events.iter().map(|e| e.id.clone()).collect();
    outbox.remove(&sent).map_err(io)?;
    Ok(Flushed {
        sent: sent.len(),
        new,
        left: pending.unreadable.len(),
    })
}

/// Turns triage actions into queued events: the local store first, then the outbox.
#[derive(Debug, Clone)]
pub struct Recorder {
    pub analyst: String,
    pub outbox: Outbox,
}

impl Recorder {
    /// Applies `op` to `store` and, once it is durable there, queues its events. A failure
    /// to queue does not undo the local action; it comes back as a message to show.
    pub fn apply(&self, store: &mut Store, op: Op) -> Result<(Saved, Queued), StoreError> {
        let ids = op.ids().to_vec();
        self.record(store, &ids, |s| s.apply(op))
    }

    /// [`Store::undo`] (or with `redo`, [`Store::redo`]), with its events queued: an undo is
    /// recorded as the changes it makes, and touches only this analyst's decisions.
    pub fn step(
        &self,
        store: &mut Store,
        redo: bool,
    ) -> Result<(Option<Summary>, Queued), StoreError> {
        self.step_guarded(store, redo, &|_, _| true)
            .map(|(summary, queued, _)| (summary, queued))
    }

    /// [`Recorder::step`], sending only the events `keep` allows (given the article's state
    /// before the step): a shared team's undo must not overwrite what another analyst set
    /// since. Also returns the articles with an event held back, which the local store
    /// has undone alone.
    pub fn step_guarded(
        &self,
        store: &mut Store,
        redo: bool,
        keep: &dyn Fn(&ArticleState, &Event) -> bool,
    ) -> Result<(Option<Summary>, Queued, Vec<String>), StoreError> {
        let ids = store.next_step_ids(redo).to_vec();
        let mut held = Vec::new();
        let (summary, queued) = self.record_kept(
            store,
            &ids,
            |s| if redo { s.redo() } else { s.undo() },
            &mut |before, e| {
                let k = keep(before, e);
                if !k && held.last() != Some(&e.article) {
                    held.push(e.article.clone());
                }
                k
            },
        )?;
        Ok((summary, queued, held))
    }

    fn record<T: Durable>(
        &self,
        store: &mut Store,
        ids: &[String],
        change: impl FnOnce(&mut Store) -> Result<T, StoreError>,
    ) -> Result<(T, Queued), StoreError> {
        self.record_kept(store, ids, change, &mut |_, _| true)
    }

    fn record_kept<T: Durable>(
        &self,
        store: &mut Store,
        ids: &[String],
        change: impl FnOnce(&mut Store) -> Result<T, StoreError>,
        keep: &mut dyn FnMut(&ArticleState, &Event) -> bool,
    ) -> Result<(T, Queued), StoreError> {
        let before: Vec<ArticleState> = ids.iter().map(|id| store.state(id)).collect();
        // Durable before the journal is written, so a crash between the two writes leaves
        // something for [`Recorder::recover`] to find. Failing here does not stop the
        // action: the events are still appended after it, as before intents existed.
        let intent = if store.mode() == crate::triage::Mode::ReadWrite {
            self.outbox
                .begin(
                    &self.analyst,
                    ids.iter().cloned().zip(before.iter().cloned()).collect(),
                )
                .ok()
        } else {
            None
        };
        let close = |events: &[Event]| match &intent {
            Some(x) => self.outbox.finish(x, events),
            None => self.outbox.append(events),
        };
        let done = match change(store) {
            Ok(done) => done,
            Err(e) => {
                // Nothing reached the journal; an intent left open would find no change.
                let _ = close(&[]);
                return Err(e);
            }
        };
        if !done.durable() {
            let _ = close(&[]);
            return Ok((done, Ok(0)));
        }
        let events: Vec<Event> = ids
            .iter()
            .zip(&before)
            .flat_map(|(id, b)| {
                event::diff(&self.analyst, id, b, &store.state(id))
                    .into_iter()
                    .filter(|e| keep(b, e))
                    .collect::<Vec<_>>()
            })
            .collect();
        let queued = close(&events).map(|()| events.len()).map_err(|e| {
            format!(
                "saved locally, but NOT queued for the team ({}: {e})",
                self.outbox.path().display()
            )
        });
        Ok((done, queued))
    }

    /// Queues what a crash left unqueued: for every intent still open in the outbox, the
    /// events from the states it recorded to the store's states now. Run it once the store
    /// is open for writing and before any new action. Returns the events queued.
    pub fn recover(&self, store: &Store) -> std::io::Result<usize> {
        let open = self.outbox.pending()?.intents;
        let mut queued = 0;
        for x in open {
            let events: Vec<Event> = x
                .before
                .iter()
                .flat_map(|(id, b)| event::diff(&x.analyst, id, b, &store.state(id)))
                .collect();
            self.outbox.finish(&x.intent, &events)?;
            queued += events.len();
        }
        if queued > 0 {
            log::info!("team: queued {queued} event(s) an interrupted run had not");
        }
        Ok(queued)
    }
}

/// How many events an action queued, or why it could not queue them.
pub type Queued = Result<usize, String>;

/// Whether a change reached the local disk: only such changes are sent to the team, so the
/// server never holds what this machine may have lost.
trait Durable {
    fn durable(&self) -> bool;
}

impl Durable for Saved {
    fn durable(&self) -> bool {
        *self == Saved::Durable
    }
}

impl Durable for Option<Summary> {
    fn durable(&self) -> bool {
        self.as_ref().is_some_and(|s| s.saved == Saved::Durable)
    }
}

/// The events that carry a whole local store to a team, with ids derived from their
/// content, so importing the same store twice stores it once.
pub fn import_events(store: &Store, analyst: &str) -> Vec<Event> {
    let mut out = Vec::new();
    let mut ids: Vec<&str> = store.ids().collect();
    ids.sort_unstable();
    for id in ids {
        let state = store.state(id);
        let times = [
            state.read_at.as_deref(),
            state.starred_at.as_deref(),
            state.decided_at.as_deref(),
            state.labels_at.as_deref(),
            state.note_at.as_deref(),
        ];
        for mut e in event::diff(analyst, id, &ArticleState::default(), &state) {
            let at = match e.action {
                Action::Read => times[0],
                Action::Star => times[1],
                Action::Decision => times[2],
                Action::LabelAdd | Action::LabelRemove => times[3],
                Action::Note => times[4],
            };
            if let Some(us) = at.and_then(rfc3339_us) {
                e.at_us = us;
            }
            e.id = event::stable_id(&[
                analyst,
                id,
                e.action.as_str(),
                e.value.as_deref().unwrap_or(""),
                at.unwrap_or(""),
            ]);
            out.push(e);
        }
    }
    out
}

fn rfc3339_us(s: &str) -> Option<i64> {
    let t: jiff::Timestamp = s.parse().ok()?;
    Some(t.as_microsecond())
}

#[cfg(test)]
mod tests {
    use super::name_of_uid;

    #[test]
    fn a_uid_is_named_from_the_password_file() {
        let passwd = "# comment:x:5:5\nroot:x:0:0:root:/root:/bin/bash\n\
                      ana:x:1000:1000:Ana,,,:/home/ana:/bin/bash\nbroken line\n";
        assert_eq!(name_of_uid(passwd, 1000).as_deref(), Some("ana"));
        assert_eq!(name_of_uid(passwd, 0).as_deref(), Some("root"));
        assert_eq!(name_of_uid(passwd, 5), None, "a comment names no one");
        assert_eq!(name_of_uid(passwd, 42), None);
    }
}
