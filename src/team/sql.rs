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

use postgres::{GenericClient, Transaction};

use super::event::Event;

/// The schema this warta writes. A server at a newer version is read-only to it.
pub const SCHEMA_VERSION: i32 = 1;

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
    // A removed label is a row with no value, so an older "add" arriving later loses.
    let value = match e.action {
        super::event::Action::LabelRemove => None,
        super::event::Action::LabelAdd => Some("true".to_string()),
        _ => e.value.clone(),
    };
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
