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
    // Open browsers hear it as they hear events, and read the mode again.
    c.execute("SELECT pg_notify($1, 'mode')", &[&CHANNEL])?;
    Ok(())
}

/// One row of `warta_state`, borrowed from the bytes the server sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateRow<'a> {
    pub article: &'a str,
    pub analyst: &'a str,
    pub field: &'a str,
    pub value: Option<&'a str>,
    pub at_us: i64,
    pub event_id: &'a str,
}

const AT_US: &str = "(extract(epoch FROM at) * 1000000)::bigint";

/// Why the state could not be read.
#[derive(Debug)]
pub enum ReadError {
    Server(postgres::Error),
    /// The stream broke, or a row was not what the query asks for.
    Stream(String),
}

impl From<postgres::Error> for ReadError {
    fn from(e: postgres::Error) -> ReadError {
        ReadError::Server(e)
    }
}

/// Where the log stood when the state was read: its last position and that event's id
/// (which tells this log from another that reached the same position), and the server's
/// time. Events after that position, or arriving since that time less [`RECENT_US`], may
/// be newer than the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub seq: i64,
    pub last_event: Option<String>,
    pub now_us: i64,
}

/// A `FROM` giving one row, with `last` the log's last event (its columns NULL when the
/// log is empty): where a [`Head`] is read from.
const FROM_LAST_EVENT: &str = "FROM (SELECT 1) one
           LEFT JOIN (SELECT seq, event_id FROM warta_events ORDER BY seq DESC LIMIT 1) last
                  ON true";

/// The whole current state, row by row to `each`, and where the log stood ([`Head`]).
/// Read in one snapshot so they agree.
///
/// Read with a binary `COPY … TO STDOUT` rather than a query: at 100k rows the server's
/// formatting of times as text, and the extended protocol's per-column strings, cost more
/// than the rows themselves, and opening a team's corpus waits on this. Measured on the
/// server alone: 106 ms for text with the time as a number, 52 ms binary.
pub fn all_state(
    c: &mut postgres::Client,
    mut each: impl FnMut(StateRow<'_>),
) -> Result<Head, ReadError> {
    use std::io::Read;
    let mut tx = c
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?;
    let head = tx.query_one(
        &format!(
            "SELECT coalesce(last.seq, 0), last.event_id,
                    (extract(epoch FROM clock_timestamp()) * 1000000)::bigint,
                    current_setting('server_encoding') IN ('UTF8', 'SQL_ASCII')
               {FROM_LAST_EVENT}"
        ),
        &[],
    )?;
    let utf8: bool = head.get(3);
    let head = Head {
        seq: head.get(0),
        last_event: head.get(1),
        now_us: head.get(2),
    };
    // Binary text is in the server's encoding: any other than UTF-8 is converted there.
    let text = |col: &str| {
        if utf8 {
            col.to_string()
        } else {
            format!("convert_to({col}, 'UTF8')")
        }
    };
    let query = format!(
        "COPY (SELECT {}, {}, {}, {}, at, {} FROM warta_state) TO STDOUT WITH (FORMAT binary)",
        text("article_id"),
        text("analyst"),
        text("field"),
        text("value"),
        text("event_id")
    );
    let mut bytes = Vec::new();
    tx.copy_out(&query)?
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Stream(e.to_string()))?;
    tx.commit()?;
    read_binary_state(&bytes, &mut each).map_err(ReadError::Stream)?;
    Ok(head)
}

/// What changed since a state read at `since` ([`Head`]): the events a view at `since`
/// lacks (those of [`events_since`]), where the log stands now, the team's mode, and how
/// many rows the current state has (a view brought up to date has one cell per row).
/// `None` when the log is not the one `since` was read from: its event at that position
/// is another, or gone (the team's tables were made again).
pub struct Since {
    pub events: Logged,
    pub head: Head,
    pub mode: Option<String>,
    pub state_rows: i64,
}

/// [`Since`], read in one snapshot so the events and the count agree.
pub fn changes_since(
    c: &mut postgres::Client,
    since: &Head,
) -> Result<Option<Since>, postgres::Error> {
    let mut tx = c
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?;
    let row = tx.query_one(
        &format!(
            "SELECT (SELECT event_id FROM warta_events WHERE seq = $1),
                    (SELECT count(*) FROM warta_state),
                    coalesce(last.seq, 0), last.event_id
               {FROM_LAST_EVENT}"
        ),
        &[&since.seq],
    )?;
    let at_since: Option<String> = row.get(0);
    if at_since != since.last_event {
        return Ok(None);
    }
    let (events, now_us, mode) = events_since(&mut tx, since.seq, since.now_us - RECENT_US)?;
    tx.commit()?;
    Ok(Some(Since {
        events,
        head: Head {
            seq: row.get(2),
            last_event: row.get(3),
            now_us,
        },
        mode,
        state_rows: row.get(1),
    }))
}

/// PostgreSQL's binary times count microseconds from 2000-01-01.
const PG_EPOCH_US: i64 = 946_684_800 * 1_000_000;

/// The rows of a binary COPY of the state (see [`all_state`]'s column order).
fn read_binary_state(bytes: &[u8], each: &mut impl FnMut(StateRow<'_>)) -> Result<(), String> {
    const SIGNATURE: &[u8] = b"PGCOPY\n\xff\r\n\0";
    let mut r = Cursor { bytes, at: 0 };
    if r.take(SIGNATURE.len())? != SIGNATURE {
        return Err("not a binary copy".into());
    }
    let _flags = r.i32()?;
    let extension = r.i32()?;
    r.take(usize::try_from(extension).map_err(|_| "bad header")?)?;
    loop {
        match r.i16()? {
            -1 => return Ok(()),
            6 => {}
            n => return Err(format!("a state row of {n} columns")),
        }
        let article = r.text()?.ok_or("a state row without its article")?;
        let analyst = r.text()?.ok_or("a state row without its analyst")?;
        let field = r.text()?.ok_or("a state row without its field")?;
        let value = r.text()?;
        let at = r.field()?.ok_or("a state row without its time")?;
        let at: [u8; 8] = at.try_into().map_err(|_| "a time of the wrong size")?;
        let event_id = r.text()?.ok_or("a state row without its event")?;
        each(StateRow {
            article,
            analyst,
            field,
            value,
            at_us: i64::from_be_bytes(at) + PG_EPOCH_US,
            event_id,
        });
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("the state ended early")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn i16(&mut self) -> Result<i16, String> {
        Ok(i16::from_be_bytes(self.array()?))
    }

    fn i32(&mut self) -> Result<i32, String> {
        Ok(i32::from_be_bytes(self.array()?))
    }

    /// One column: `None` for NULL.
    fn field(&mut self) -> Result<Option<&'a [u8]>, String> {
        match self.i32()? {
            -1 => Ok(None),
            n => Ok(Some(
                self.take(usize::try_from(n).map_err(|_| "bad length")?)?,
            )),
        }
    }

    fn text(&mut self) -> Result<Option<&'a str>, String> {
        self.field()?
            .map(|b| std::str::from_utf8(b).map_err(|e| format!("text not in UTF-8: {e}")))
            .transpose()
    }
}

/// Events with their log positions.
pub type Logged = Vec<(i64, Event)>;

/// How far back [`events_since`] re-reads by arrival time: longer than a send transaction
/// lasts, an import of a large store included.
pub const RECENT_US: i64 = 120 * 1_000_000;

/// Events stored after sequence number `after`, or that arrived since `recent_us` (server
/// time, microseconds since 1970), in log order; and the server's time now, for the next
/// call's `recent_us` (less [`RECENT_US`]); and the team's mode as stored now.
///
/// Sequence numbers are taken when a transaction inserts, not when it commits: a long
/// transaction (an import) can commit low numbers after higher ones were read. Re-reading
/// what arrived recently catches those; the view ignores what it already has.
pub fn events_since(
    c: &mut impl GenericClient,
    after: i64,
    recent_us: i64,
) -> Result<(Logged, i64, Option<String>), postgres::Error> {
    let head = c.query_one(
        "SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint,
                (SELECT value FROM warta_meta WHERE key = 'mode')",
        &[],
    )?;
    let (now, mode): (i64, Option<String>) = (head.get(0), head.get(1));
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
    Ok((events, now, mode))
}

/// Whether this connection is encrypted (false on a Unix socket).
pub fn uses_tls(c: &mut impl GenericClient) -> Result<bool, postgres::Error> {
    let row = c.query_opt(
        "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
        &[],
    )?;
    Ok(row.is_some_and(|r| r.get(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A binary COPY as the server writes it: a row is its column count, then each column's
    /// length (-1 for NULL) and bytes.
    fn copy(rows: &[[Option<&[u8]>; 6]]) -> Vec<u8> {
        let mut b = b"PGCOPY\n\xff\r\n\0".to_vec();
        b.extend(0i32.to_be_bytes());
        b.extend(0i32.to_be_bytes());
        for row in rows {
            b.extend(6i16.to_be_bytes());
            for col in row {
                match col {
                    None => b.extend((-1i32).to_be_bytes()),
                    Some(v) => {
                        b.extend((v.len() as i32).to_be_bytes());
                        b.extend(*v);
                    }
                }
            }
        }
        b.extend((-1i16).to_be_bytes());
        b
    }

    /// A row as "article/analyst/field", value, time and event id.
    type Row = (String, Option<String>, i64, String);

    fn read(bytes: &[u8]) -> Result<Vec<Row>, String> {
        let mut out = Vec::new();
        read_binary_state(bytes, &mut |r: StateRow<'_>| {
            out.push((
                format!("{}/{}/{}", r.article, r.analyst, r.field),
                r.value.map(str::to_string),
                r.at_us,
                r.event_id.to_string(),
            ))
        })?;
        Ok(out)
    }

    #[test]
    fn binary_state_rows_come_back_as_stored() {
        // 2025-10-21T00:00:00Z is 814,320,000 s after PostgreSQL's epoch.
        let at = (814_320_000i64 * 1_000_000 + 7).to_be_bytes();
        let note = "cek\tlagi\n\\ 'x'); DROP TABLE warta_state; --".as_bytes();
        let bytes = copy(&[
            [
                Some(b"a1"),
                Some(b"ana"),
                Some(b"note"),
                Some(note),
                Some(&at),
                Some(b"e1"),
            ],
            [
                Some(b"a2"),
                Some(b"budi"),
                Some(b"label:banjir"),
                None,
                Some(&at),
                Some(b"e2"),
            ],
        ]);
        let rows = read(&bytes).unwrap();
        let us = 1_761_004_800 * 1_000_000 + 7;
        assert_eq!(
            rows,
            vec![
                (
                    "a1/ana/note".into(),
                    Some(String::from_utf8(note.to_vec()).unwrap()),
                    us,
                    "e1".into()
                ),
                ("a2/budi/label:banjir".into(), None, us, "e2".into()),
            ]
        );
    }

    #[test]
    fn a_damaged_copy_is_an_error_not_a_short_state() {
        let at = 0i64.to_be_bytes();
        let row: [Option<&[u8]>; 6] = [
            Some(b"a1"),
            Some(b"ana"),
            Some(b"read"),
            Some(b"true"),
            Some(&at),
            Some(b"e1"),
        ];
        let good = copy(&[row]);
        assert_eq!(read(&good).unwrap().len(), 1);
        for cut in [5, 20, good.len() - 1] {
            assert!(read(&good[..cut]).is_err(), "cut at {cut}");
        }
        let mut no_article = row;
        no_article[0] = None;
        assert!(read(&copy(&[no_article])).is_err());
        let mut short_time = row;
        short_time[4] = Some(b"1234");
        assert!(read(&copy(&[short_time])).is_err());
        let mut bad_text = row;
        bad_text[1] = Some(b"\xff\xfe");
        assert!(read(&copy(&[bad_text])).unwrap_err().contains("UTF-8"));
        assert!(read(b"COPY 1\n").is_err());
    }
}
