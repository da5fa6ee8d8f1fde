//! This machine's copy of the team's view (`team::Replica`), against a real server: a copy
//! is brought up to date by the log and then equals a full read; a copy of another log, or
//! one that disagrees with the server's state, is never used; a damaged copy costs one
//! full read.

use warta::team::{self, Mode, Replica, Team, TeamConfig, TeamView};
use warta::triage::{ArticleState, Decision};

use crate::common::pg::Pg;

fn cfg(url: &str, analyst: &str) -> TeamConfig {
    TeamConfig {
        url: url.to_string(),
        analyst: analyst.to_string(),
    }
}

fn send(t: &mut Team, analyst: &str, article: &str, after: ArticleState) {
    let events = team::event::diff(analyst, article, &ArticleState::default(), &after);
    t.send(&events).unwrap();
}

fn decided(d: Decision) -> ArticleState {
    ArticleState {
        decision: d,
        ..ArticleState::default()
    }
}

/// Everything the view tells about each article: the same for two views when they hold
/// the same cells.
fn described(v: &TeamView) -> Vec<String> {
    let mut articles: Vec<&str> = v.articles().collect();
    articles.sort_unstable();
    let analysts: Vec<&str> = v.analysts().collect();
    articles
        .iter()
        .map(|a| {
            let per: Vec<String> = analysts
                .iter()
                .map(|who| format!("{who}={:?}", v.state_of(a, who)))
                .collect();
            format!("{a}: {:?} {:?} {per:?}", v.shared_state(a), v.agreement(a))
        })
        .collect()
}

fn fresh(url: &str) -> TeamView {
    Team::connect(&cfg(url, "ana"))
        .unwrap()
        .view("ana")
        .unwrap()
        .0
}

/// A team `name` on `pg` where budi decided `prefix0`..`prefix4` relevant, and ana's copy
/// of it saved in a cache of its own: the URL, the cache (kept alive) and the copy.
fn team_with_a_copy(pg: &Pg, name: &str, prefix: &str) -> (String, tempfile::TempDir, Replica) {
    let url = pg.create_team(name, Mode::Shared);
    let cache = tempfile::tempdir().unwrap();
    let replica = Replica::in_cache(cache.path(), &url);
    let mut t = Team::connect(&cfg(&url, "budi")).unwrap();
    for i in 0..5 {
        send(
            &mut t,
            "budi",
            &format!("{prefix}{i}"),
            decided(Decision::Relevant),
        );
    }
    Team::connect(&cfg(&url, "ana"))
        .unwrap()
        .view_from("ana", Some(&replica))
        .unwrap();
    (url, cache, replica)
}

#[test]
fn a_saved_copy_catches_up_to_what_a_full_read_gives() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_team("replica", Mode::Independent);
    let cache = tempfile::tempdir().unwrap();
    let replica = Replica::in_cache(cache.path(), &url);
    let mut budi = Team::connect(&cfg(&url, "budi")).unwrap();
    for i in 0..20 {
        let d = [Decision::Relevant, Decision::Maybe, Decision::Irrelevant][i % 3];
        send(&mut budi, "budi", &format!("a{i}"), decided(d));
    }
    let mut ana = Team::connect(&cfg(&url, "ana")).unwrap();
    let (first, _) = ana.view_from("ana", Some(&replica)).unwrap();
    assert!(replica.path().exists(), "the first read saves the copy");
    assert_eq!(described(&first), described(&fresh(&url)));

    // Meanwhile: changes to known articles, new ones, a label taken off, a note.
    send(&mut budi, "budi", "a0", decided(Decision::Irrelevant));
    send(&mut budi, "budi", "a20", decided(Decision::Relevant));
    let labelled = ArticleState {
        labels: ["banjir".to_string()].into(),
        note: Some("cek lagi; DROP TABLE warta_state".into()),
        ..ArticleState::default()
    };
    let events = team::event::diff("cici", "a1", &ArticleState::default(), &labelled);
    budi.send(&events).unwrap();
    let events = team::event::diff("cici", "a1", &labelled, &ArticleState::default());
    budi.send(&events).unwrap();

    // The server's state is changed behind the log's back: a full read sees it, a copy
    // brought up to date by the log cannot. That tells which one answered.
    let mut raw = pg.client("replica");
    raw.execute(
        "UPDATE warta_state SET value = 'maybe' WHERE article_id = 'a3' AND analyst = 'budi'
            AND field = 'decision'",
        &[],
    )
    .unwrap();
    let (caught_up, _) = ana.view_from("ana", Some(&replica)).unwrap();
    assert_eq!(
        caught_up.state_of("a3", "budi").decision,
        Decision::Relevant,
        "the copy was not used"
    );
    raw.execute(
        "UPDATE warta_state SET value = 'relevant' WHERE article_id = 'a3' AND analyst = 'budi'
            AND field = 'decision'",
        &[],
    )
    .unwrap();
    let full = fresh(&url);
    assert_eq!(described(&caught_up), described(&full));
    assert_eq!(caught_up.seq, full.seq);
    assert_eq!(caught_up.mode, Mode::Independent);
    assert_eq!(
        caught_up.state_of("a0", "budi").decision,
        Decision::Irrelevant
    );
    assert!(caught_up.state_of("a1", "cici").labels.is_empty());

    // A mode set since is the mode the caught-up view has.
    budi.set_mode(Mode::Shared).unwrap();
    let (again, _) = ana.view_from("ana", Some(&replica)).unwrap();
    assert_eq!(again.mode, Mode::Shared);
}

#[test]
fn a_copy_of_another_log_is_never_used() {
    let Some(pg) = Pg::start() else { return };
    let (url, _cache, replica) = team_with_a_copy(&pg, "remade", "old");

    // The team is made again on the same server and database, and its log reaches the
    // same position with as many states, stored long enough ago that no catch-up would
    // re-read them: only the event at the saved position tells the logs apart.
    let mut raw = pg.client("remade");
    raw.batch_execute("DROP TABLE warta_events, warta_state, warta_meta CASCADE")
        .unwrap();
    let mut t = Team::connect(&cfg(&url, "budi")).unwrap();
    t.init().unwrap();
    for i in 0..5 {
        send(&mut t, "budi", &format!("new{i}"), decided(Decision::Maybe));
    }
    raw.batch_execute("UPDATE warta_events SET received = received - interval '1 hour'")
        .unwrap();
    let (v, _) = Team::connect(&cfg(&url, "ana"))
        .unwrap()
        .view_from("ana", Some(&replica))
        .unwrap();
    assert_eq!(described(&v), described(&fresh(&url)));
    assert!(
        v.articles().all(|a| a.starts_with("new")),
        "an old article came back"
    );
}

#[test]
fn a_copy_that_disagrees_with_the_server_is_read_again() {
    let Some(pg) = Pg::start() else { return };
    let (url, _cache, replica) = team_with_a_copy(&pg, "disagree", "a");
    let mut ana = Team::connect(&cfg(&url, "ana")).unwrap();
    // A row removed behind the log's back: the copy, caught up, has a cell more than the
    // server has rows.
    pg.client("disagree")
        .execute("DELETE FROM warta_state WHERE article_id = 'a2'", &[])
        .unwrap();
    let (v, _) = ana.view_from("ana", Some(&replica)).unwrap();
    assert_eq!(v.state_of("a2", "budi").decision, Decision::Undecided);
    assert_eq!(described(&v), described(&fresh(&url)));
    // And the copy saved by that full read is the server's.
    let saved = replica.load(Mode::Shared, "ana").unwrap();
    assert_eq!(described(&saved.view), described(&v));
}

#[test]
fn a_damaged_copy_costs_one_full_read() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_team("damaged", Mode::Shared);
    let cache = tempfile::tempdir().unwrap();
    let replica = Replica::in_cache(cache.path(), &url);
    let mut t = Team::connect(&cfg(&url, "budi")).unwrap();
    send(&mut t, "budi", "a1", decided(Decision::Maybe));
    let mut ana = Team::connect(&cfg(&url, "ana")).unwrap();
    ana.view_from("ana", Some(&replica)).unwrap();
    let mut bytes = std::fs::read(replica.path()).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 1;
    std::fs::write(replica.path(), &bytes).unwrap();
    assert!(replica.load(Mode::Shared, "ana").is_none());
    let (v, _) = ana.view_from("ana", Some(&replica)).unwrap();
    assert_eq!(v.state_of("a1", "budi").decision, Decision::Maybe);
    assert!(replica.load(Mode::Shared, "ana").is_some(), "saved anew");
}
