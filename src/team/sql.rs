//! Every statement warta sends to a team server, in one place. Values are always bound as
//! parameters, never spliced into the text: labels and notes are whatever analysts typed.
//!
//! The schema (version [`SCHEMA_VERSION`]):
//! - `warta_meta`: key/value; `schema_version` is the version the tables are at.
//! - `warta_events`: the append-only log, one row per [`Event`], `event_id` unique, so a
//!   resent event is stored once (`ON CONFLICT DO NOTHING`).
//! - `warta_state`: the current state per article, analyst and field, maintained from the
//!   log in the same transaction. A row changes only for a later event (by the analyst's
//!   time, then event id), so the state is the same whatever order events arrive in: an
//!   outbox sent after a day offline does not overwrite what was decided since.
//! - `warta_meta.mode` (version 2): how the team decides, `shared` or `independent`.
//! - A statement trigger on `warta_events` (version 2) notifies channel [`CHANNEL`] when a
//!   transaction that stored events commits, so open browsers fetch what is new without
//!   polling; PostgreSQL folds a transaction's identical notifications into one.

use postgres::{GenericClient, Transaction};

use super::event::Event;

/// The schema this warta writes. A server at a newer version is read-only to it.
pub const SCHEMA_VERSION: i32 = 2;

/// The channel a browser LISTENs on for new events.
pub const CHANNEL: &str = "warta_events";

/// Each step takes the schema from the version before it to its index + 1.
const MIGRATIONS: &[&str] = &[
    // 1: the event log and the current state.
    "CREATE TABLE warta_meta (key text PRIMARY KEY, value text NOT NULL);
     CREATE TABLE warta_events (
         seq bigserial PRIMARY KEY,
         event_id text NOT NULL UNIQUE,
         article_id text NOT NULL,
         analyst text NOT NULL,
         action text NOT NULL,
         value text,
         previous text,
         at timestamptz NOT NULL,
         received timestamptz NOT NULL DEFAULT now()
     );
     CREATE INDEX warta_events_article ON warta_events (article_id);
     CREATE TABLE warta_state (
         article_id text NOT NULL,
         analyst text NOT NULL,
         field text NOT NULL,
         value text,
         at timestamptz NOT NULL,
         event_id text NOT NULL,
         PRIMARY KEY (article_id, analyst, field)
     );",
    // 2: the team's mode, and a notification for listening browsers.
    "INSERT INTO warta_meta (key, value) VALUES ('mode', 'shared') ON CONFLICT (key) DO NOTHING;
     CREATE OR REPLACE FUNCTION warta_notify() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
         PERFORM pg_notify('warta_events', '');
         RETURN NULL;
     END $$;
     CREATE TRIGGER warta_events_notify AFTER INSERT ON warta_events
         FOR EACH STATEMENT EXECUTE FUNCTION warta_notify();
     CREATE INDEX warta_events_received ON warta_events (received);",
];

/// Serialises `team init` runs against one database.
const INIT_LOCK: &str = "SELECT pg_advisory_xact_lock(hashtext('warta team schema'))";

/// The schema's version, `None` when warta's tables are not there.
pub fn schema_version(c: &mut impl GenericClient) -> Result<Option<i32>, postgres::Error> {
    let exists: bool = c
        .query_one("SELECT to_regclass('warta_meta') IS NOT NULL", &[])?
        .get(0);
    if !exists {
        return Ok(None);
    }
    let row = c.query_opt(
        "SELECT value FROM warta_meta WHERE key = 'schema_version'",
        &[],
    )?;
    Ok(row.and_then(|r| r.get::<_, String>(0).parse().ok()))
}

/// Brings the schema to [`SCHEMA_VERSION`]; returns the version found (`None`: created).
/// The caller has checked the schema is not newer; this checks again under the lock.
pub fn migrate(tx: &mut Transaction<'_>) -> Result<Result<Option<i32>, i32>, postgres::Error> {
    tx.batch_execute(INIT_LOCK)?;
    let found = schema_version(tx)?;
    let from = found.unwrap_or(0);
    if from > SCHEMA_VERSION {
        return Ok(Err(from));
    }
    for step in MIGRATIONS.iter().skip(usize::try_from(from).unwrap_or(0)) {
        tx.batch_execute(step)?;
    }
    tx.execute(
        "INSERT INTO warta_meta (key, value) VALUES ('schema_version', $1)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        &[&SCHEMA_VERSION.to_string()],
    )?;
    Ok(Ok(found))
}

/// Stores `e` unless an event with its id is there; true when it was new.
pub fn insert_event(tx: &mut Transaction<'_>, e: &Event) -> Result<bool, postgres::Error> {
    let inserted = tx.execute(
        "INSERT INTO warta_events (event_id, article_id, analyst, action, value, previous, at)
         VALUES ($1, $2, $3, $4, $5, $6,
                 'epoch'::timestamptz + $7::bigint * interval '1 microsecond')
         ON CONFLICT (event_id) DO NOTHING",
        &[
            &e.id,
            &e.article,
            &e.analyst,
            &e.action.as_str(),
            &e.value,
            &e.previous,
            &e.at_us,
        ],
    )?;
    if inserted == 0 {
        return Ok(false);
    }
    let field = e.action.field(e.value.as_deref());
    let value = e.action.state_value(e.value.as_deref());
    tx.execute(
        "INSERT INTO warta_state AS s (article_id, analyst, field, value, at, event_id)
         VALUES ($1, $2, $3, $4,
                 'epoch'::timestamptz + $5::bigint * interval '1 microsecond', $6)
         ON CONFLICT (article_id, analyst, field) DO UPDATE
             SET value = EXCLUDED.value, at = EXCLUDED.at, event_id = EXCLUDED.event_id
             WHERE (s.at, s.event_id) < (EXCLUDED.at, EXCLUDED.event_id)",
        &[&e.article, &e.analyst, &field, &value, &e.at_us, &e.id],
    )?;
    Ok(true)
}

/// One analyst on the server: name, events sent, articles decided, last event (UTC).
pub type AnalystRow = (String, i64, i64, Option<String>);

/// Per analyst: events sent, articles with a decision, and the last event's time.
pub fn analysts(c: &mut impl GenericClient) -> Result<Vec<AnalystRow>, postgres::Error> {
    let rows = c.query(
        "SELECT e.analyst, count(*),
                (SELECT count(*) FROM warta_state s
                  WHERE s.analyst = e.analyst AND s.field = 'decision'
                    AND s.value IS DISTINCT FROM 'undecided'),
                to_char(max(e.at) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
           FROM warta_events e GROUP BY e.analyst ORDER BY e.analyst",
        &[],
    )?;
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect())
}

/// Articles per current decision, over every analyst's latest decision on each.
pub fn decision_counts(c: &mut impl GenericClient) -> Result<Vec<(String, i64)>, postgres::Error> {
    let rows = c.query(
        "SELECT value, count(*) FROM warta_state
          WHERE field = 'decision' AND value IS DISTINCT FROM 'undecided'
          GROUP BY value ORDER BY value",
        &[],
    )?;
    Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
}

/// Articles on which analysts' current decisions differ.
pub fn conflicts(c: &mut impl GenericClient) -> Result<i64, postgres::Error> {
    c.query_one(
        "SELECT count(*) FROM (
             SELECT article_id FROM warta_state
              WHERE field = 'decision' AND value IS DISTINCT FROM 'undecided'
              GROUP BY article_id HAVING count(DISTINCT value) > 1) c",
        &[],
    )
    .map(|r| r.get(0))
}

/// Every analyst's current value of every field of `article`, oldest change first.
pub fn article_state(
    c: &mut impl GenericClient,
    article: &str,
) -> Result<Vec<(String, String, Option<String>)>, postgres::Error> {
    let rows = c.query(
        "SELECT analyst, field, value FROM warta_state WHERE article_id = $1
          ORDER BY at, event_id",
        &[&article],
    )?;
    Ok(rows
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect())
}

/// The team's mode as stored (`shared` or `independent`); `None` before version 2.
pub fn mode(c: &mut impl GenericClient) -> Result<Option<String>, postgres::Error> {
    let row = c.query_opt("SELECT value FROM warta_meta WHERE key = 'mode'", &[])?;
    Ok(row.map(|r| r.get(0)))
}

pub fn set_mode(c: &mut impl GenericClient, mode: &str) -> Result<(), postgres::Error> {
    c.execute(
        "INSERT INTO warta_meta (key, value) VALUES ('mode', $1)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
        &[&mode],
    )?;
    Ok(())
}

/// One row of `warta_state`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StateRow {
    pub article: String,
    pub analyst: String,
    pub field: String,
    pub value: Option<String>,
    pub at_us: i64,
    pub event_id: String,
}

const AT_US: &str = "(extract(epoch FROM at) * 1000000)::bigint";

/// The whole current state, the log position it reflects and the server's time: events
/// after that position, or arriving since that time less [`RECENT_US`], may be newer.
/// Read in one snapshot so they agree.
pub fn all_state(c: &mut postgres::Client) -> Result<(Vec<StateRow>, i64, i64), postgres::Error> {
    let mut tx = c
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?;
    let head = tx.query_one(
        "SELECT coalesce(max(seq), 0),
                (extract(epoch FROM clock_timestamp()) * 1000000)::bigint
           FROM warta_events",
        &[],
    )?;
    let (seq, now): (i64, i64) = (head.get(0), head.get(1));
    let rows = tx.query(
        &format!("SELECT article_id, analyst, field, value, {AT_US}, event_id FROM warta_state"),
        &[],
    )?;
    tx.commit()?;
    let rows = rows
        .iter()
        .map(|r| StateRow {
            article: r.get(0),
            analyst: r.get(1),
            field: r.get(2),
            value: r.get(3),
            at_us: r.get(4),
            event_id: r.get(5),
        })
        .collect();
    Ok((rows, seq, now))
}

/// How far back [`events_since`] re-reads by arrival time: longer than a send transaction
/// lasts, an import of a large store included.
pub const RECENT_US: i64 = 120 * 1_000_000;

/// Events stored after sequence number `after`, or that arrived since `recent_us` (server
/// time, microseconds since 1970), in log order; and the server's time now, for the next
/// call's `recent_us` (less [`RECENT_US`]).
///
/// Sequence numbers are taken when a transaction inserts, not when it commits: a long
/// transaction (an import) can commit low numbers after higher ones were read. Re-reading
/// what arrived recently catches those; the view ignores what it already has.
pub fn events_since(
    c: &mut impl GenericClient,
    after: i64,
    recent_us: i64,
) -> Result<(Vec<(i64, Event)>, i64), postgres::Error> {
    let now: i64 = c
        .query_one(
            "SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint",
            &[],
        )?
        .get(0);
    let rows = c.query(
        &format!(
            "SELECT seq, event_id, article_id, analyst, action, value, previous, {AT_US}
               FROM warta_events
              WHERE seq > $1
                 OR received >= 'epoch'::timestamptz + $2::bigint * interval '1 microsecond'
              ORDER BY seq"
        ),
        &[&after, &recent_us],
    )?;
    let events = rows
        .iter()
        .filter_map(|r| {
            let action: String = r.get(4);
            Some((
                r.get(0),
                Event {
                    id: r.get(1),
                    article: r.get(2),
                    analyst: r.get(3),
                    action: super::event::Action::parse(&action)?,
                    value: r.get(5),
                    previous: r.get(6),
                    at_us: r.get(7),
                },
            ))
        })
        .collect();
    Ok((events, now))
}

/// Whether this connection is encrypted (false on a Unix socket).
pub fn uses_tls(c: &mut impl GenericClient) -> Result<bool, postgres::Error> {
    let row = c.query_opt(
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        &[],
    )?;
    Ok(row.is_some_and(|r| r.get(0)))
}
