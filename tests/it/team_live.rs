//! The team's view and what a listening browser hears, against a real PostgreSQL server:
//! another analyst's action arrives within a second, nothing stored while the server was
//! away or committed out of order is missed, and the schema upgrades from version 1.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use warta::team::{self, Heard, InitOutcome, Listener, Mode, Team, TeamConfig, TeamView};
use warta::triage::{ArticleState, Decision};

use crate::common::pg::Pg;

fn cfg(url: &str, analyst: &str) -> TeamConfig {
    TeamConfig {
        url: url.to_string(),
        analyst: analyst.to_string(),
    }
}

fn decision(analyst: &str, article: &str, d: Decision) -> Vec<team::Event> {
    let after = ArticleState {
        decision: d,
        ..ArticleState::default()
    };
    team::event::diff(analyst, article, &ArticleState::default(), &after)
}

fn listen(url: &str, me: &str) -> mpsc::Receiver<Heard> {
    let (tx, rx) = mpsc::channel();
    Listener::start(cfg(url, me), None, move |h| tx.send(h).is_ok()).unwrap();
    rx
}

/// The next delivery, skipping none; panics after `within`.
fn next(rx: &mpsc::Receiver<Heard>, within: Duration) -> Heard {
    rx.recv_timeout(within)
        .unwrap_or_else(|_| panic!("nothing heard within {within:?}"))
}

fn first_view(rx: &mpsc::Receiver<Heard>) -> TeamView {
    match next(rx, Duration::from_secs(20)) {
        Heard::View(v) => *v,
        other => panic!("expected the team's view first, got {other:?}"),
    }
}

/// Applies deliveries to `view` until `done` holds; panics after `within`.
fn until(
    rx: &mpsc::Receiver<Heard>,
    view: &mut TeamView,
    within: Duration,
    done: impl Fn(&TeamView) -> bool,
) -> Duration {
    let start = Instant::now();
    while !done(view) {
        let left = within.saturating_sub(start.elapsed());
        match next(rx, left) {
            Heard::Events(evs) => {
                for (seq, e) in &evs {
                    view.apply(*seq, e);
                }
            }
            Heard::View(v) => *view = *v,
            Heard::Mode(m) => view.mode = m,
            Heard::Offline(_) => {}
        }
    }
    start.elapsed()
}

#[test]
fn a_mode_set_from_the_command_line_reaches_an_open_browser() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("mode");
    let mut admin = Team::connect(&cfg(&url, "admin")).unwrap();
    admin.init().unwrap();
    let rx = listen(&url, "ana");
    let mut view = first_view(&rx);
    assert_eq!(view.mode, Mode::Shared);
    admin.set_mode(Mode::Independent).unwrap();
    let took = until(&rx, &mut view, Duration::from_secs(5), |v| {
        v.mode == Mode::Independent
    });
    assert!(took < Duration::from_secs(1), "heard after {took:?}");
    // Setting the same mode again is no news.
    admin.set_mode(Mode::Independent).unwrap();
    admin
        .send(&decision("admin", "a1", Decision::Relevant))
        .unwrap();
    match next(&rx, Duration::from_secs(5)) {
        Heard::Events(evs) => assert_eq!(evs.len(), 1),
        other => panic!("expected only the event, got {other:?}"),
    }
}

#[test]
fn another_analysts_decision_is_heard_within_a_second() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("live");
    let mut budi = Team::connect(&cfg(&url, "budi")).unwrap();
    budi.init().unwrap();
    budi.set_mode(Mode::Independent).unwrap();
    budi.send(&decision("budi", "a0", Decision::Maybe)).unwrap();

    let rx = listen(&url, "ana");
    let mut view = first_view(&rx);
    assert_eq!(view.mode, Mode::Independent);
    assert_eq!(view.me, "ana");
    assert_eq!(view.state_of("a0", "budi").decision, Decision::Maybe);

    for (i, d) in [Decision::Relevant, Decision::Irrelevant, Decision::Relevant]
        .into_iter()
        .enumerate()
    {
        let article = format!("a{}", i + 1);
        budi.send(&decision("budi", &article, d)).unwrap();
        let took = until(&rx, &mut view, Duration::from_secs(5), |v| {
            v.state_of(&article, "budi").decision == d
        });
        assert!(took < Duration::from_secs(1), "heard after {took:?}");
    }
    // Ana disagrees on a1: a conflict the view sees once her event is back from the server.
    let mut ana = Team::connect(&cfg(&url, "ana")).unwrap();
    ana.send(&decision("ana", "a1", Decision::Irrelevant))
        .unwrap();
    until(&rx, &mut view, Duration::from_secs(5), |v| {
        v.agreement("a1") == team::Agreement::Conflict
    });
    assert_eq!(view.analysts().collect::<Vec<_>>(), vec!["ana", "budi"]);
}

#[test]
fn the_listener_catches_up_after_the_server_was_away() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("away");
    Team::connect(&cfg(&url, "budi")).unwrap().init().unwrap();
    let rx = listen(&url, "ana");
    let mut view = first_view(&rx);

    pg.stop_immediate();
    match next(&rx, Duration::from_secs(10)) {
        Heard::Offline(e) => assert!(e.0.contains("team server"), "{e}"),
        other => panic!("expected offline, got {other:?}"),
    }
    pg.start_server();
    // Stored while the listener was cut off: it must arrive once it reconnects.
    let mut budi = Team::connect(&cfg(&url, "budi")).unwrap();
    budi.send(&decision("budi", "a9", Decision::Relevant))
        .unwrap();
    until(&rx, &mut view, Duration::from_secs(20), |v| {
        v.state_of("a9", "budi").decision == Decision::Relevant
    });
}

#[test]
fn an_event_committed_after_a_later_one_is_not_missed() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("order");
    let mut budi = Team::connect(&cfg(&url, "budi")).unwrap();
    budi.init().unwrap();
    let rx = listen(&url, "ana");
    let mut view = first_view(&rx);

    // A long transaction takes the lower sequence number first…
    let mut slow = pg.client("order");
    let mut tx = slow.transaction().unwrap();
    for e in decision("cici", "slow", Decision::Maybe) {
        team::sql::insert_event(&mut tx, &e).unwrap();
    }
    // …a quick one commits a higher number and is heard…
    budi.send(&decision("budi", "quick", Decision::Relevant))
        .unwrap();
    until(&rx, &mut view, Duration::from_secs(5), |v| {
        v.state_of("quick", "budi").decision == Decision::Relevant
    });
    // …then the slow one commits its lower number: still heard.
    tx.commit().unwrap();
    until(&rx, &mut view, Duration::from_secs(5), |v| {
        v.state_of("slow", "cici").decision == Decision::Maybe
    });
}

#[test]
fn a_version_1_schema_upgrades_to_the_mode_and_notifications() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("upgrade");
    let mut t = Team::connect(&cfg(&url, "ana")).unwrap();
    t.init().unwrap();
    // Take the tables back to what version 1 created.
    pg.client("upgrade")
        .batch_execute(
            "DROP TRIGGER warta_events_notify ON warta_events;
             DROP FUNCTION warta_notify();
             DROP INDEX warta_events_received;
             DELETE FROM warta_meta WHERE key = 'mode';
             UPDATE warta_meta SET value = '1' WHERE key = 'schema_version';",
        )
        .unwrap();
    assert!(t.check_writable().unwrap_err().0.contains("older"));
    assert_eq!(
        t.mode().unwrap(),
        Mode::Shared,
        "no setting reads as shared"
    );
    assert_eq!(t.init().unwrap(), InitOutcome::Upgraded { from: 1 });
    assert_eq!(t.mode().unwrap(), Mode::Shared);
    t.set_mode(Mode::Independent).unwrap();
    assert_eq!(t.init().unwrap(), InitOutcome::AlreadyCurrent);
    assert_eq!(t.mode().unwrap(), Mode::Independent, "init keeps the mode");
    let rx = listen(&url, "ana");
    let mut view = first_view(&rx);
    t.send(&decision("ana", "a1", Decision::Relevant)).unwrap();
    until(&rx, &mut view, Duration::from_secs(5), |v| {
        v.state_of("a1", "ana").decision == Decision::Relevant
    });
}
