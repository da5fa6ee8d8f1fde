//! End-to-end: the real browser in tmux sharing triage with a throwaway PostgreSQL server.
//! A decision reaches the server; with the server stopped hard the browser keeps working and
//! says how many actions wait; when it is back they arrive, each once.

use crate::common::pg::Pg;
use crate::common::{self, Tmux, have_tmux, quote, status_line, wait_until};

#[test]
fn decisions_reach_the_server_and_wait_offline_until_it_returns() {
    if !have_tmux() {
        return;
    }
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_team("office", warta::team::Mode::Shared);
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let w = Tmux::start_warta(
        120,
        30,
        Some(&data),
        &format!("--team {} --as ana", quote(&url)),
    );
    w.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    w.keys(&["r"]);
    // A decision marks the article read too: two events, one action.
    wait_until("the decision on the server", common::timeout(), || {
        pg.events("office").len() == 2
    });
    // One send stores a batch in article, analyst and field order (see team::sql).
    let mut first = pg.events("office");
    first.sort();
    assert_eq!(
        first,
        vec![
            ("ana".into(), "decision".into(), Some("relevant".into())),
            ("ana".into(), "read".into(), Some("true".into())),
        ]
    );

    pg.stop_immediate();
    w.keys(&["j", "m"]);
    let log = data.join("warta.log");
    wait_until(
        "the sender to find the server gone",
        common::timeout(),
        || std::fs::read_to_string(&log).is_ok_and(|l| l.contains("team server")),
    );
    w.keys(&["j", "m"]);
    w.wait("offline: 4 to send", |s| {
        status_line(s).contains("offline: 4 to send")
    });

    pg.start_server();
    // The sender retries on its own while actions wait.
    wait_until(
        "the queued decisions on the server",
        common::timeout() * 2,
        || pg.events("office").len() == 6,
    );
    // The status line no longer says the actions wait.
    w.wait("the queue said sent", |s| {
        status_line(s).contains("everything queued is sent") && !status_line(s).contains("offline")
    });
    w.quit();
    let all = pg.events("office");
    let decisions: Vec<_> = all[2..].iter().filter(|e| e.1 == "decision").collect();
    assert!(
        decisions.len() == 2 && decisions.iter().all(|e| e.2.as_deref() == Some("maybe")),
        "{all:?}"
    );
    let outbox = warta::team::Outbox::in_dir(&data);
    assert!(outbox.pending().unwrap().events.is_empty());
}

#[test]
fn a_server_whose_tables_are_newer_says_so_and_keeps_the_queue() {
    if !have_tmux() {
        return;
    }
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_team("newer", warta::team::Mode::Shared);
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let w = Tmux::start_warta(
        200,
        30,
        Some(&data),
        &format!("--team {} --as ana", quote(&url)),
    );
    w.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    let set_version = |v: i32| {
        pg.client("newer")
            .execute(
                "UPDATE warta_meta SET value = $1 WHERE key = 'schema_version'",
                &[&v.to_string()],
            )
            .unwrap();
    };
    set_version(warta::team::SCHEMA_VERSION + 1);
    w.keys(&["r"]);
    let log = data.join("warta.log");
    wait_until(
        "the sender to meet the newer tables",
        common::timeout(),
        || std::fs::read_to_string(&log).is_ok_and(|l| l.contains("newer than this warta")),
    );
    w.keys(&["j", "m"]);
    w.wait("the refusal on the status line", |s| {
        status_line(s).contains("not sent, 4 kept to send")
            && status_line(s).contains("newer than this warta")
    });
    assert!(pg.events("newer").is_empty());
    // The tables back at this warta's version: the sender, still trying, delivers.
    set_version(warta::team::SCHEMA_VERSION);
    wait_until(
        "the kept actions on the server",
        common::timeout() * 2,
        || pg.events("newer").len() == 4,
    );
    w.wait("the refusal replaced", |s| {
        status_line(s).contains("everything queued is sent")
    });
    w.quit();
}

#[test]
fn a_password_on_the_command_line_leaves_the_process_list() {
    if !have_tmux() {
        return;
    }
    let Some(pg) = Pg::start() else { return };
    pg.create_db("locked");
    let secret = "Cmdl1neS3cret";
    // This user must give its password (scram): a decision stored proves it arrived.
    let bare = pg.password_user("dewi", secret, "locked");
    let url = bare.replacen("://dewi@", &format!("://dewi:{secret}@"), 1);
    assert_ne!(url, bare);
    pg.client("locked")
        .batch_execute("ALTER SCHEMA public OWNER TO dewi")
        .unwrap();
    let mut t = warta::team::Team::connect(&warta::team::TeamConfig {
        url: url.clone(),
        analyst: "setup".into(),
    })
    .unwrap();
    t.init().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let script = format!(
        "echo $$ > \"$PIDFILE\"; exec \"$WARTA\" --team {} --as ana",
        quote(&url)
    );
    let w = Tmux::start_script(120, 30, Some(&data), &script);
    let pid = w.pid();
    w.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    let cmdline = String::from_utf8_lossy(&std::fs::read(format!("/proc/{pid}/cmdline")).unwrap())
        .into_owned();
    assert!(
        !cmdline.contains(secret),
        "password in the process list: {cmdline:?}"
    );
    assert!(cmdline.contains("dewi@"), "the URL without it: {cmdline:?}");
    w.keys(&["r"]);
    wait_until("the decision on the server", common::timeout(), || {
        pg.events("locked").len() == 2
    });
    assert!(!w.screen().contains(secret));
    // The script ends with warta itself (exec): it is done when its process is gone.
    w.keys(&["q"]);
    wait_until("warta to quit", common::timeout(), || {
        !std::path::Path::new(&format!("/proc/{pid}")).exists()
    });
}
