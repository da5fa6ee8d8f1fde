//! Team triage against a real PostgreSQL server (a throwaway cluster per test, see
//! tests/common/pg.rs): the schema and its versions, idempotent sending, the outbox across a
//! restart and a server crash, hostile text, and passwords kept out of every output.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

use warta::team::{self, Event, InitOutcome, Outbox, Recorder, Team, TeamConfig};
use warta::triage::{Decision, Op, Saved, Store};

use crate::common::pg::Pg;

fn cfg(url: &str, analyst: &str) -> TeamConfig {
    TeamConfig {
        url: url.to_string(),
        analyst: analyst.to_string(),
    }
}

fn team(url: &str) -> Team {
    let mut t = Team::connect(&cfg(url, "ana")).expect("connect");
    t.init().expect("init");
    t
}

fn count(pg: &Pg, db: &str, sql: &str) -> i64 {
    pg.client(db).query_one(sql, &[]).unwrap().get(0)
}

fn decide(id: &str, d: Decision) -> Op {
    Op::Decide {
        ids: vec![id.to_string()],
        decision: d,
        mark_read: false,
    }
}

#[test]
fn init_creates_then_upgrades_nothing_and_a_newer_schema_refuses_to_be_written() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("schema");
    let mut t = Team::connect(&cfg(&url, "ana")).unwrap();
    assert!(t.check_writable().unwrap_err().0.contains("team init"));
    assert_eq!(t.init().unwrap(), InitOutcome::Created);
    assert_eq!(t.init().unwrap(), InitOutcome::AlreadyCurrent);
    t.check_writable().unwrap();

    // A newer warta has upgraded the tables: this one must neither write nor "upgrade".
    pg.client("schema")
        .execute(
            "UPDATE warta_meta SET value = '99' WHERE key = 'schema_version'",
            &[],
        )
        .unwrap();
    let ev = team::event::diff(
        "ana",
        "a1",
        &Default::default(),
        &warta::triage::ArticleState {
            starred: true,
            ..Default::default()
        },
    );
    let err = t.send(&ev).unwrap_err().0;
    assert!(
        err.contains("schema version 99") && err.contains("Upgrade warta"),
        "{err}"
    );
    let err = t.init().unwrap_err().0;
    assert!(err.contains("newer than this warta"), "{err}");
    assert_eq!(count(&pg, "schema", "SELECT count(*) FROM warta_events"), 0);
    let v: String = pg
        .client("schema")
        .query_one(
            "SELECT value FROM warta_meta WHERE key = 'schema_version'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(v, "99", "init must not downgrade a newer schema");
}

#[test]
fn resending_stores_each_event_once_and_state_follows_the_latest_action() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("resend");
    let mut t = team(&url);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path());
    let rec = Recorder {
        analyst: "ana".into(),
        outbox: Outbox::in_dir(dir.path()),
    };
    let (saved, queued) = rec
        .apply(&mut store, decide("a1", Decision::Relevant))
        .unwrap();
    assert_eq!((saved, queued), (Saved::Durable, Ok(1)));
    let (saved, queued) = rec
        .apply(&mut store, decide("a1", Decision::Irrelevant))
        .unwrap();
    assert_eq!((saved, queued), (Saved::Durable, Ok(1)));
    let events = rec.outbox.pending().unwrap().events;
    assert_eq!(events.len(), 2);
    assert_eq!(t.send(&events).unwrap(), 2);
    // The same events again, and in the opposite order: nothing new, the state unchanged.
    let reversed: Vec<Event> = events.iter().rev().cloned().collect();
    assert_eq!(t.send(&reversed).unwrap(), 0);
    assert_eq!(t.send(&events).unwrap(), 0);
    assert_eq!(count(&pg, "resend", "SELECT count(*) FROM warta_events"), 2);
    let state = t.article("a1").unwrap();
    assert_eq!(
        state,
        vec![("ana".into(), "decision".into(), Some("irrelevant".into()))]
    );
    // Undo is recorded as the change it makes.
    let (summary, queued) = rec.step(&mut store, false).unwrap();
    assert!(summary.is_some());
    assert_eq!(queued, Ok(1));
    team::flush(&mut t, &rec.outbox).unwrap();
    let state = t.article("a1").unwrap();
    assert_eq!(state[0].2.as_deref(), Some("relevant"));
    assert_eq!(
        count(
            &pg,
            "resend",
            "SELECT count(*) FROM warta_events WHERE action = 'decision' AND previous = 'irrelevant'"
        ),
        1
    );
}

#[test]
fn the_outbox_survives_a_restart_and_is_sent_exactly_once() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("outbox");
    drop(team(&url));
    let dir = tempfile::tempdir().unwrap();
    pg.stop_immediate();
    {
        let mut store = Store::open(dir.path());
        let rec = Recorder {
            analyst: "budi".into(),
            outbox: Outbox::in_dir(dir.path()),
        };
        for i in 0..5 {
            let (saved, queued) = rec
                .apply(&mut store, decide(&format!("a{i}"), Decision::Maybe))
                .unwrap();
            assert_eq!((saved, queued), (Saved::Durable, Ok(1)));
        }
        let err = Team::connect(&cfg(&url, "budi"))
            .err()
            .expect("server is down");
        assert!(err.0.contains("cannot connect"), "{err}");
        store.close().unwrap();
    }
    // A new process: the store and the outbox are read back from the data directory.
    pg.start_server();
    let outbox = Outbox::in_dir(dir.path());
    assert_eq!(outbox.pending().unwrap().events.len(), 5);
    let mut t = Team::connect(&cfg(&url, "budi")).unwrap();
    let f = team::flush(&mut t, &outbox).unwrap();
    assert_eq!((f.sent, f.new), (5, 5));
    assert!(outbox.pending().unwrap().events.is_empty());
    assert_eq!(team::flush(&mut t, &outbox).unwrap().sent, 0);
    assert_eq!(count(&pg, "outbox", "SELECT count(*) FROM warta_events"), 5);
}

#[test]
fn a_server_stopped_hard_mid_burst_gets_every_acknowledged_action_once() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("burst");
    drop(team(&url));
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path());
    let rec = Recorder {
        analyst: "citra".into(),
        outbox: Outbox::in_dir(dir.path()),
    };
    let mut conn: Option<Team> = None;
    let mut acknowledged = HashSet::new();
    let decisions = [Decision::Relevant, Decision::Irrelevant, Decision::Maybe];
    for i in 0..120 {
        if i == 40 {
            pg.stop_immediate();
        }
        if i == 80 {
            pg.start_server();
        }
        let op = decide(&format!("a{}", i % 30), decisions[i % 3]);
        let before: HashSet<String> = rec
            .outbox
            .pending()
            .unwrap()
            .events
            .into_iter()
            .map(|e| e.id)
            .collect();
        let (saved, queued) = rec.apply(&mut store, op).unwrap();
        if saved == Saved::Durable {
            assert!(queued.unwrap() > 0);
            for e in rec.outbox.pending().unwrap().events {
                if !before.contains(&e.id) {
                    acknowledged.insert(e.id);
                }
            }
        }
        // The browser's sender: reconnect when needed, keep the queue on any failure.
        if conn.is_none() {
            conn = Team::connect(&cfg(&url, "citra")).ok();
        }
        if let Some(t) = conn.as_mut()
            && team::flush(t, &rec.outbox).is_err()
        {
            conn = None;
        }
    }
    let mut t = Team::connect(&cfg(&url, "citra")).unwrap();
    team::flush(&mut t, &rec.outbox).unwrap();
    assert!(rec.outbox.pending().unwrap().events.is_empty());
    let mut c = pg.client("burst");
    let rows = c
        .query(
            "SELECT event_id, count(*) FROM warta_events GROUP BY event_id",
            &[],
        )
        .unwrap();
    let on_server: HashSet<String> = rows.iter().map(|r| r.get(0)).collect();
    assert!(rows.iter().all(|r| r.get::<_, i64>(1) == 1));
    assert_eq!(
        on_server, acknowledged,
        "every acknowledged action, and only those"
    );
    // The server's current state is the local one.
    for i in 0..30 {
        let id = format!("a{i}");
        let local = store.state(&id).decision.as_str().to_string();
        let remote: String = c
            .query_one(
                "SELECT value FROM warta_state WHERE article_id = $1 AND field = 'decision'",
                &[&id],
            )
            .unwrap()
            .get(0);
        assert_eq!(remote, local, "{id}");
    }
}

#[test]
fn labels_and_notes_that_look_like_sql_are_stored_as_text() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("inject");
    let mut t = team(&url);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path());
    let rec = Recorder {
        analyst: "x'); DROP TABLE warta_state; --".into(),
        outbox: Outbox::in_dir(dir.path()),
    };
    let label = "'); DROP TABLE warta_events; --";
    let note = "$1 \\' ; DELETE FROM warta_meta; /* */ E'\\x00'";
    for op in [
        Op::AddLabel {
            ids: vec!["a1".into()],
            label: label.into(),
        },
        Op::SetNote {
            ids: vec!["a1".into()],
            note: note.into(),
        },
    ] {
        rec.apply(&mut store, op).unwrap().1.unwrap();
    }
    team::flush(&mut t, &rec.outbox).unwrap();
    let mut state = t.article("a1").unwrap();
    state.sort();
    assert_eq!(
        state,
        vec![
            (
                rec.analyst.clone(),
                format!("label:{label}"),
                Some("true".into())
            ),
            (rec.analyst.clone(), "note".into(), Some(note.into())),
        ]
    );
    // Only warta's own settings (schema version and mode): nothing the label smuggled in.
    assert_eq!(count(&pg, "inject", "SELECT count(*) FROM warta_meta"), 2);
}

fn warta(args: &[&str], data: &Path, home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_DATA_DIR", data)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("WARTA_TEAM_URL")
        .env_remove("PGPASSWORD")
        .env("WARTA_LOG", "debug")
        .output()
        .expect("run warta")
}

#[test]
fn a_password_in_the_url_never_reaches_the_output_or_the_log() {
    let Some(pg) = Pg::start() else { return };
    pg.create_db("secret");
    let secret = "Sup3rSecretPw";
    let url = pg.url_with_password("secret", secret);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut seen = String::new();
    let mut run = |args: &[&str]| {
        let out = warta(args, &data, dir.path());
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        seen.push_str(&text);
        (out.status.success(), text)
    };
    let (ok, text) = run(&["team", "init", &url]);
    assert!(ok && text.contains("created the team tables"), "{text}");
    // The password left the URL at start (see main.rs): the server is named without it.
    assert!(text.contains("://warta_test@localhost/secret"), "{text}");
    // Something to import and to send.
    {
        let mut store = Store::open(&data);
        let _ = store.apply(decide("a1", Decision::Relevant)).unwrap();
        store.close().unwrap();
    }
    let (ok, text) = run(&["--team", &url, "--as", "dewi", "team", "import"]);
    assert!(ok && text.contains("1 new"), "{text}");
    let (ok, text) = run(&["--team", &url, "--as", "dewi", "team", "import"]);
    assert!(ok && text.contains("0 new"), "{text}");
    let (ok, text) = run(&["--team", &url, "team", "status"]);
    assert!(ok && text.contains("dewi"), "{text}");
    // Failures name the server too: a stopped one, a wrong database, a URL that does not parse.
    pg.stop_immediate();
    let (ok, text) = run(&["--team", &url, "team", "status"]);
    assert!(!ok && text.contains("cannot be reached"), "{text}");
    assert!(!run(&["--team", &url, "team", "send"]).0);
    pg.start_server();
    let wrong_db = pg.url_with_password("nosuchdb", secret);
    let (ok, text) = run(&["--team", &wrong_db, "team", "send"]);
    assert!(!ok && text.contains("nosuchdb"), "{text}");
    let bad = format!("postgres://u:{secret}@host:notaport/db");
    let (ok, text) = run(&["--team", &bad, "team", "send"]);
    assert!(!ok && text.contains("not a usable"), "{text}");
    let log = std::fs::read_to_string(data.join("warta.log")).unwrap_or_default();
    assert!(log.contains("team"), "the log records the runs: {log}");
    assert!(!seen.contains(secret), "password shown:\n{seen}");
    assert!(!log.contains(secret), "password logged:\n{log}");
}
