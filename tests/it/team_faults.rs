//! Faults with a team: a warta killed between its journal and its outbox, a browser killed
//! while offline, four processes writing at once, and passwords kept off the process title.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use warta::team::{self, Event, Outbox, Recorder, Team, TeamConfig};
use warta::triage::{ArticleState, Decision, Op, Store};

use crate::common::pg::Pg;
use crate::common::{self, Tmux, have_tmux, quote, status_line, wait_until};

const DIR_ENV: &str = "WARTA_TEAM_CRASH_DIR";
const URL_ENV: &str = "WARTA_TEAM_WRITER_URL";
const WHO_ENV: &str = "WARTA_TEAM_WRITER";
const READY: &str = "CHILD-READY";
const DECISIONS: [Decision; 4] = [
    Decision::Relevant,
    Decision::Irrelevant,
    Decision::Maybe,
    Decision::Undecided,
];

fn cfg(url: &str, analyst: &str) -> TeamConfig {
    TeamConfig {
        url: url.to_string(),
        analyst: analyst.to_string(),
    }
}

fn recorder(dir: &Path) -> Recorder {
    Recorder {
        analyst: "ana".into(),
        outbox: Outbox::in_dir(dir),
    }
}

fn decide(id: &str, d: Decision) -> Op {
    Op::Decide {
        ids: vec![id.to_string()],
        decision: d,
        mark_read: false,
    }
}

/// Each article's decision after the outbox's events, in order.
fn replayed(events: &[Event]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for e in events {
        if e.action == team::Action::Decision {
            out.insert(e.article.clone(), e.value.clone().unwrap_or_default());
        }
    }
    out
}

/// The decisions the store holds, as events would name them.
fn held(store: &Store, ids: impl Iterator<Item = String>) -> BTreeMap<String, String> {
    ids.map(|id| {
        let d = store.state(&id).decision.as_str().to_string();
        (id, d)
    })
    .collect()
}

#[test]
fn an_action_journaled_but_not_queued_is_queued_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let rec = recorder(dir.path());
    let mut store = Store::open(dir.path());
    rec.apply(&mut store, decide("a1", Decision::Maybe))
        .unwrap()
        .1
        .unwrap();
    // What a kill between the two writes leaves: the intent, then the journal, and no events.
    let before = vec![("a2".to_string(), store.state("a2"))];
    rec.outbox.begin("ana", before).unwrap();
    let _ = store.apply(decide("a2", Decision::Relevant)).unwrap();
    // And one killed before the journal: nothing to send for it.
    rec.outbox
        .begin("ana", vec![("a3".to_string(), store.state("a3"))])
        .unwrap();
    drop(store);

    let store = Store::open(dir.path());
    assert_eq!(rec.outbox.pending().unwrap().intents.len(), 2);
    assert_eq!(rec.recover(&store).unwrap(), 1);
    let p = rec.outbox.pending().unwrap();
    assert!(p.intents.is_empty(), "every intent is closed");
    assert_eq!(
        replayed(&p.events),
        BTreeMap::from([
            ("a1".to_string(), "maybe".to_string()),
            ("a2".to_string(), "relevant".to_string())
        ])
    );
    assert_eq!(
        rec.recover(&store).unwrap(),
        0,
        "recovering twice queues once"
    );
    // Sending keeps an open intent, drops closed ones.
    let sent = p.events.iter().map(|e| e.id.clone()).collect();
    rec.outbox.remove(&sent).unwrap();
    assert!(!rec.outbox.path().exists());
}

/// The child of the kill test: decides at random, for ever, through a recorder.
#[test]
fn crash_writer_child() {
    let Some(dir) = std::env::var_os(DIR_ENV) else {
        return;
    };
    let dir = Path::new(&dir);
    let rec = recorder(dir);
    let mut store = Store::open(dir);
    rec.recover(&store).unwrap();
    println!("{READY}");
    let mut x = std::process::id() as u64 | 1;
    loop {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let id = format!("a{}", x % 40);
        let d = DECISIONS[(x >> 8) as usize % 4];
        let (_, queued) = rec.apply(&mut store, decide(&id, d)).unwrap();
        queued.unwrap();
    }
}

#[test]
fn a_writer_killed_at_random_moments_never_leaves_an_action_unqueued() {
    let dir = tempfile::tempdir().unwrap();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..12 {
        let mut child = common::this_test(module_path!(), "crash_writer_child")
            .env(DIR_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains(READY) {
            line.clear();
            assert!(out.read_line(&mut line).unwrap() > 0, "child died");
        }
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        std::thread::sleep(Duration::from_millis(20 + x % 150));
        common::send_signal(child.id(), "KILL");
        let _ = child.wait();

        let store = Store::open(dir.path());
        let rec = recorder(dir.path());
        rec.recover(&store).unwrap();
        let events = rec.outbox.pending().unwrap().events;
        let sent = replayed(&events);
        let ids: Vec<String> = store
            .ids()
            .map(str::to_string)
            .chain(sent.keys().cloned())
            .collect();
        let mut want = held(&store, ids.into_iter());
        // An article never decided has no event; one decided back to undecided has one.
        want.retain(|id, d| d != "undecided" || sent.contains_key(id));
        assert_eq!(
            sent, want,
            "round {round}: the outbox disagrees with the store"
        );
    }
}

/// A child of the concurrency test: `WHO_ENV` names the process; it sends 1,000 decisions
/// by two analysts on 50 articles, a few per transaction, as browsers do.
#[test]
fn concurrent_writer_child() {
    let (Ok(url), Ok(who)) = (std::env::var(URL_ENV), std::env::var(WHO_ENV)) else {
        return;
    };
    let mut t = Team::connect(&cfg(&url, &who)).unwrap();
    let mut x = 0x2545_f491_4f6c_dd1d_u64 ^ who.len() as u64 ^ u64::from(std::process::id());
    let mut batch = Vec::new();
    for n in 0..1000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let analyst = ["ana", "budi"][(x % 2) as usize];
        let after = ArticleState {
            decision: DECISIONS[(x >> 4) as usize % 4],
            starred: x >> 9 & 1 == 1,
            ..ArticleState::default()
        };
        let id = format!("a{}", (x >> 12) % 50);
        batch.extend(team::event::diff(
            analyst,
            &id,
            &ArticleState::default(),
            &after,
        ));
        if n % 7 == 6 {
            t.send(&batch).unwrap();
            batch.clear();
        }
    }
    t.send(&batch).unwrap();
}

#[test]
fn four_writers_at_once_end_as_a_serial_replay_of_the_log() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("busy");
    Team::connect(&cfg(&url, "setup")).unwrap().init().unwrap();
    let children: Vec<_> = (0..4)
        .map(|i| {
            common::this_test(module_path!(), "concurrent_writer_child")
                .env(URL_ENV, &url)
                .env(WHO_ENV, format!("writer{i}"))
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a writer failed");
    }
    let mut c = pg.client("busy");
    let n: i64 = c
        .query_one("SELECT count(DISTINCT event_id) FROM warta_events", &[])
        .unwrap()
        .get(0);
    assert!(n >= 4000, "every action arrived: {n}");
    // The serial replay: every event in (at, event_id) order, the last one per field wins.
    let mut replay: HashMap<(String, String, String), Option<String>> = HashMap::new();
    for r in c
        .query(
            "SELECT article_id, analyst, action, value FROM warta_events ORDER BY at, event_id",
            &[],
        )
        .unwrap()
    {
        let action = team::Action::parse(r.get::<_, &str>(2)).unwrap();
        let value: Option<String> = r.get(3);
        replay.insert(
            (r.get(0), r.get(1), action.field(value.as_deref())),
            action.state_value(value.as_deref()),
        );
    }
    let state: HashMap<(String, String, String), Option<String>> = c
        .query(
            "SELECT article_id, analyst, field, value FROM warta_state",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| ((r.get(0), r.get(1), r.get(2)), r.get(3)))
        .collect();
    assert_eq!(state.len(), replay.len());
    assert!(state == replay, "the state table differs from the replay");
}

fn server_events(pg: &Pg, db: &str) -> i64 {
    pg.client(db)
        .query_one("SELECT count(*) FROM warta_events", &[])
        .unwrap()
        .get(0)
}

#[test]
fn a_browser_killed_while_offline_sends_its_queue_when_started_again() {
    if !have_tmux() {
        return;
    }
    let Some(pg) = Pg::start() else { return };
    pg.create_db("office");
    let secret = "Kill3dSecretPw";
    let url = pg.url_with_password("office", secret);
    Team::connect(&cfg(&url, "setup")).unwrap().init().unwrap();
    pg.stop_immediate();
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    // The URL from the environment keeps the password off the command line.
    let script = format!(
        "echo $$ > \"$PIDFILE\"; exec env WARTA_TEAM_URL={} \"$WARTA\" --as ana",
        quote(&url)
    );
    let w = Tmux::start_script(120, 30, Some(&data), &script);
    let pid = w.pid();
    w.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    w.keys(&["r", "j", "m", "j", "i"]);
    // Three decisions, each with the read mark it sets: six events.
    w.wait("offline: 6 to send", |s| {
        status_line(s).contains("offline: 6 to send")
    });
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    assert!(
        !String::from_utf8_lossy(&cmdline).contains(secret),
        "password on the command line"
    );
    assert!(!w.screen().contains(secret));
    common::send_signal(pid, "KILL");
    let outbox = Outbox::in_dir(&data);
    assert_eq!(outbox.pending().unwrap().events.len(), 6);

    pg.start_server();
    let w = Tmux::start_script(120, 30, Some(&data), &script);
    wait_until("the queue on the server", common::timeout() * 2, || {
        server_events(&pg, "office") == 6
    });
    w.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    assert!(!w.screen().contains(secret));
    w.keys(&["q"]);
    assert!(outbox.pending().unwrap().events.is_empty());
}
