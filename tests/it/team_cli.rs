//! The command line with a team: `warta team mode/status`, and `list`, `search` and
//! `export` reading the team's state (with this machine's queue on top), or the local store
//! with a warning when the server is away.

use std::path::Path;
use std::process::{Command, Output};

use warta::team::{self, Event, Mode, Outbox, Team, TeamConfig};
use warta::triage::{ArticleState, Decision};

use crate::common::pg::Pg;
use crate::common::stderr;

fn cfg(url: &str, analyst: &str) -> TeamConfig {
    TeamConfig {
        url: url.to_string(),
        analyst: analyst.to_string(),
    }
}

/// `warta` on the bundled corpus, with the data directory and home in `dir` and no
/// team unless the arguments name one.
pub fn warta(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .current_dir(dir)
        .env("WARTA_CACHE_DIR", dir.join("cache"))
        .env("WARTA_DATA_DIR", dir.join("data"))
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("TZ", "Asia/Jakarta")
        .env_remove("WARTA_CONFIG")
        .env_remove("WARTA_TEAM_URL")
        .env_remove("PGPASSWORD")
        .env_remove("PGPASSFILE")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run warta")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn decision(analyst: &str, article: &str, d: Decision) -> Vec<Event> {
    let after = ArticleState {
        decision: d,
        ..ArticleState::default()
    };
    team::event::diff(analyst, article, &ArticleState::default(), &after)
}

/// The bundled corpus's ids, in list order.
fn ids(dir: &Path) -> Vec<String> {
    let o = warta(&["list", "--format", "csv"], dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    r.records().map(|x| x.unwrap()[0].to_string()).collect()
}

/// An export's CSV as a header and rows of (column → cell).
fn csv_rows(text: &str) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            header
                .iter()
                .cloned()
                .zip(rec.iter().map(str::to_string))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn mode_is_shown_set_and_given_at_init() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("modes");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = warta(&["team", "init", &url, "--mode", "independent"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("mode: independent"), "{}", stdout(&o));
    let o = warta(&["--team", &url, "team", "mode"], d);
    assert!(stdout(&o).starts_with("independent:"), "{}", stdout(&o));
    let o = warta(&["--team", &url, "team", "mode", "shared"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("shared:"), "{}", stdout(&o));
    let mut t = Team::connect(&cfg(&url, "x")).unwrap();
    assert_eq!(t.mode().unwrap(), Mode::Shared);
    // Upgrading again keeps the mode unless one is given.
    let o = warta(&["team", "init", &url], d);
    assert!(stdout(&o).contains("mode: shared"), "{}", stdout(&o));
    let o = warta(&["--team", &url, "team", "mode", "dual"], d);
    assert!(!o.status.success(), "an unknown mode is refused");
}

#[test]
fn export_list_and_search_read_the_teams_state_with_the_local_queue_on_top() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("office");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ids = ids(d);
    let (a0, a1, a2) = (&ids[0], &ids[1], &ids[2]);
    let mut t = Team::connect(&cfg(&url, "setup")).unwrap();
    t.init().unwrap();
    t.set_mode(Mode::Independent).unwrap();
    t.send(&decision("budi", a0, Decision::Relevant)).unwrap();
    t.send(&decision("ana", a0, Decision::Irrelevant)).unwrap();
    t.send(&decision("budi", a1, Decision::Maybe)).unwrap();
    t.send(&decision("cici", a1, Decision::Maybe)).unwrap();
    // Queued on this machine, not yet sent: newer than the server's.
    std::fs::create_dir_all(d.join("data")).unwrap();
    let outbox = Outbox::in_dir(&d.join("data"));
    outbox
        .append(&decision("ana", a2, Decision::Relevant))
        .unwrap();

    let team_args = ["--team", url.as_str(), "--as", "ana"];
    let run = |extra: &[&str]| {
        let args: Vec<&str> = team_args
            .iter()
            .copied()
            .chain(extra.iter().copied())
            .collect();
        let o = warta(&args, d);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o)
    };
    let (header, rows) = csv_rows(&run(&["export", "--format", "csv"]));
    let tail: Vec<&str> = header[header.len() - 5..]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(
        tail,
        [
            "analyst",
            "conflict",
            "decision:ana",
            "decision:budi",
            "decision:cici"
        ]
    );
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    // Independent: the decision column is mine; the others are theirs.
    assert_eq!(row(a0)["decision"], "irrelevant");
    assert_eq!(row(a0)["conflict"], "conflict");
    assert_eq!(row(a0)["decision:budi"], "relevant");
    assert_eq!(row(a1)["decision"], "undecided");
    assert_eq!(row(a1)["conflict"], "agreed");
    assert_eq!(row(a1)["analyst"], "budi; cici");
    assert_eq!(row(a2)["decision"], "relevant", "the queue counts");
    assert_eq!(row(a2)["decision:ana"], "relevant");
    assert_eq!(row(&ids[3])["conflict"], "undecided");

    // Every format says the same.
    let jsonl = run(&["export", "--format", "jsonl"]);
    let first: serde_json::Value = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|v| v["id"] == a0.as_str())
        .unwrap();
    assert_eq!(first["conflict"], "conflict");
    assert_eq!(first["decision:budi"], "relevant");
    let md = run(&["export", "--format", "md"]);
    assert!(
        md.contains("Conflict: ana irrelevant, budi relevant"),
        "{md}"
    );

    // Queries see the same state.
    let listed = run(&["list", "--format", "csv", "--query", "is:relevant"]);
    let (_, rows) = csv_rows(&listed);
    assert_eq!(
        rows.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(),
        vec![a2.clone()]
    );
    let found = run(&["search", "is:irrelevant"]);
    assert!(found.starts_with(a0.as_str()), "{found}");

    // The terms about analysts, in every command that takes a query.
    let listed_ids = |q: &str| {
        let (_, rows) = csv_rows(&run(&["list", "--format", "csv", "--query", q]));
        let mut got: Vec<String> = rows.iter().map(|r| r["id"].clone()).collect();
        got.sort();
        got
    };
    let sorted = |v: &[&String]| {
        let mut v: Vec<String> = v.iter().map(|s| s.to_string()).collect();
        v.sort();
        v
    };
    assert_eq!(listed_ids("is:conflict"), sorted(&[a0]));
    assert_eq!(listed_ids("is:agreed"), sorted(&[a1]));
    assert_eq!(listed_ids("by:budi"), sorted(&[a0, a1]));
    assert_eq!(listed_ids("by:CICI"), sorted(&[a1]), "by: ignores case");
    assert_eq!(listed_ids("is:mine"), sorted(&[a0, a2]), "the queue counts");
    assert_eq!(listed_ids("!by:ana is:agreed"), sorted(&[a1]));
    let found = run(&["search", "is:conflict"]);
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(found.starts_with(a0.as_str()), "{found}");
    let (_, rows) = csv_rows(&run(&["export", "--query", "by:cici"]));
    assert_eq!(
        rows.iter().map(|r| r["id"].clone()).collect::<Vec<_>>(),
        vec![a1.clone()]
    );

    // Shared: the latest decision stands, and who made it.
    t.set_mode(Mode::Shared).unwrap();
    let (_, rows) = csv_rows(&run(&["export"]));
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(row(a0)["decision"], "irrelevant");
    assert_eq!(row(a0)["analyst"], "ana");
    assert_eq!(row(a1)["decision"], "maybe");
    assert_eq!(row(a1)["analyst"], "cici");
    assert!(!row(a1)["decided_at"].is_empty());
    assert_eq!(listed_ids("by:budi"), sorted(&[a0, a1]));
    assert_eq!(listed_ids("is:conflict"), sorted(&[a0]));

    // The server away: the local store, said on stderr, and the export still succeeds.
    pg.stop_immediate();
    let args: Vec<&str> = team_args.iter().copied().chain(["export"]).collect();
    let o = warta(&args, d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("showing this machine's triage only"),
        "{}",
        stderr(&o)
    );
    let (header, _) = csv_rows(&stdout(&o));
    assert!(!header.iter().any(|h| h == "conflict"), "{header:?}");
    // A search without a triage term prints no marks: it asks the server nothing, so the
    // absent server goes unmentioned. One with a triage term reads triage and says so.
    let args: Vec<&str> = team_args.iter().copied().chain(["search", "asn"]).collect();
    let o = warta(&args, d);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stdout(&o).is_empty());
    assert!(!stderr(&o).contains("triage only"), "{}", stderr(&o));
    let args: Vec<&str> = team_args
        .iter()
        .copied()
        .chain(["search", "asn is:relevant"])
        .collect();
    let o = warta(&args, d);
    assert!(
        stderr(&o).contains("showing this machine's triage only"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn status_shows_mode_analysts_counts_conflicts_and_the_queue() {
    let Some(pg) = Pg::start() else { return };
    let url = pg.create_db("stat");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut t = Team::connect(&cfg(&url, "setup")).unwrap();
    t.init().unwrap();
    t.set_mode(Mode::Independent).unwrap();
    t.send(&decision("budi", "x1", Decision::Relevant)).unwrap();
    t.send(&decision("ana", "x1", Decision::Irrelevant))
        .unwrap();
    t.send(&decision("ana", "x2", Decision::Maybe)).unwrap();
    std::fs::create_dir_all(d.join("data")).unwrap();
    let outbox = Outbox::in_dir(&d.join("data"));
    outbox
        .append(&decision("ana", "x3", Decision::Maybe))
        .unwrap();
    let o = warta(&["--team", &url, "--as", "ana", "team", "status"], d);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for want in [
        "mode:      independent",
        "conflicts: 1 article(s)",
        "decisions: irrelevant 1, maybe 2 (yours",
        "queue:     1 action(s) on this machine not yet sent, the oldest from ",
        "  ana  2 action(s), 2 article(s) decided, last ",
        "  budi  1 action(s), 1 article(s) decided, last ",
        "WIB",
    ] {
        assert!(out.contains(want), "{want:?} missing from:\n{out}");
    }
    t.set_mode(Mode::Shared).unwrap();
    let out = stdout(&warta(
        &["--team", &url, "--as", "ana", "team", "status"],
        d,
    ));
    assert!(out.contains("mode:      shared"), "{out}");
    assert!(!out.contains("conflicts:"), "{out}");
    // x1: ana's irrelevant is the later; x2, x3 maybe.
    assert!(
        out.contains("decisions: irrelevant 1, maybe 2 (the team's"),
        "{out}"
    );
}

#[test]
fn the_password_file_is_read_when_the_url_has_none_and_ignored_when_others_can_read_it() {
    use std::os::unix::fs::PermissionsExt;
    let Some(pg) = Pg::start() else { return };
    pg.create_db("locked");
    let secret = "PgPassS3cret";
    let url = pg.password_user("dewi", secret, "locked");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let run = |pgpass: Option<&Path>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
        cmd.args(["--team", &url, "team", "status"])
            .env("WARTA_DATA_DIR", d.join("data"))
            .env("HOME", d)
            .env("XDG_CONFIG_HOME", d.join("config"))
            .env_remove("WARTA_TEAM_URL")
            .env_remove("PGPASSWORD")
            .env_remove("PGPASSFILE");
        if let Some(p) = pgpass {
            cmd.env("PGPASSFILE", p);
        }
        let o = cmd.output().unwrap();
        let text = format!("{}{}", stdout(&o), stderr(&o));
        assert!(!text.contains(secret), "password shown:\n{text}");
        (o.status.success(), text)
    };
    // No password anywhere: the server refuses.
    let (ok, text) = run(None);
    assert!(!ok && text.contains("password"), "{text}");
    // ~/.pgpass, private, with escapes and a line for another user first.
    let home_file = d.join(".pgpass");
    std::fs::write(
        &home_file,
        format!("# warta\nlocalhost:*:locked:ana:wrong\nlocalhost:5432:locked:dewi:{secret}\n"),
    )
    .unwrap();
    std::fs::set_permissions(&home_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (ok, text) = run(None);
    assert!(ok && text.contains("schema:    none"), "{text}");
    // Readable by others: ignored, with libpq's advice.
    std::fs::set_permissions(&home_file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (ok, text) = run(None);
    assert!(!ok && text.contains("chmod 600"), "{text}");
    // PGPASSFILE names another file.
    let other = d.join("elsewhere");
    std::fs::write(&other, format!("*:*:*:dewi:{secret}\n")).unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (ok, text) = run(Some(&other));
    assert!(ok, "{text}");
}

#[test]
fn sslmode_is_honoured_require_refuses_a_plain_server_and_verify_full_checks_the_certificate() {
    let Some(pg) = Pg::start() else { return };
    pg.create_db("tls");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let plain = pg.url("tls");
    let o = warta(
        &[
            "--team",
            &format!("{plain}&sslmode=disable"),
            "team",
            "status",
        ],
        d,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("link:      not encrypted"),
        "{}",
        stdout(&o)
    );
    let o = warta(
        &[
            "--team",
            &format!("{plain}&sslmode=require"),
            "team",
            "status",
        ],
        d,
    );
    assert!(!o.status.success());
    assert!(
        stdout(&o).contains("server does not support TLS"),
        "{}",
        stdout(&o)
    );

    let (port, crt) = pg.restart_with_tls();
    let tcp = |host: &str, mode: &str| {
        format!(
            "postgres://{}@{host}:{port}/tls?sslmode={mode}",
            crate::common::pg::SUPERUSER
        )
    };
    for mode in ["require", "prefer"] {
        let o = warta(&["--team", &tcp("127.0.0.1", mode), "team", "status"], d);
        assert!(o.status.success(), "{mode}: {}{}", stdout(&o), stderr(&o));
        assert!(
            stdout(&o).contains("link:      encrypted (TLS)"),
            "{}",
            stdout(&o)
        );
    }
    let o = warta(
        &["--team", &tcp("127.0.0.1", "disable"), "team", "status"],
        d,
    );
    assert!(
        stdout(&o).contains("link:      not encrypted"),
        "{}",
        stdout(&o)
    );
    // verify-full: no root certificate, the wrong one, then the server's own.
    let verify = |root: Option<&Path>, host: &str| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
        cmd.args(["--team", &tcp(host, "verify-full"), "team", "status"])
            .env("WARTA_DATA_DIR", d.join("data"))
            .env("HOME", d)
            .env_remove("PGSSLROOTCERT");
        if let Some(r) = root {
            cmd.env("PGSSLROOTCERT", r);
        }
        let o = cmd.output().unwrap();
        (o.status.success(), format!("{}{}", stdout(&o), stderr(&o)))
    };
    let (ok, text) = verify(None, "localhost");
    assert!(!ok && text.contains("root.crt"), "{text}");
    let other = d.join("other.crt");
    let made = Command::new("openssl")
        .args([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
        ])
        .args(["-subj", "/CN=elsewhere", "-keyout"])
        .arg(d.join("other.key"))
        .arg("-out")
        .arg(&other)
        .output()
        .unwrap();
    assert!(made.status.success());
    let (ok, text) = verify(Some(&other), "localhost");
    assert!(!ok && text.contains("cannot connect"), "{text}");
    let (ok, text) = verify(Some(&crt), "localhost");
    assert!(ok && text.contains("encrypted (TLS)"), "{text}");
}

#[test]
fn a_password_in_the_url_stays_out_of_exports_status_and_errors_and_the_command_line_is_warned_about()
 {
    let Some(pg) = Pg::start() else { return };
    pg.create_db("pw");
    let secret = "Exp0rtSecret";
    let url = pg.url_with_password("pw", secret);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut seen = String::new();
    for args in [
        vec!["team", "init", url.as_str(), "--mode", "independent"],
        vec!["--team", &url, "team", "status"],
        vec!["--team", &url, "team", "mode"],
        vec!["--team", &url, "export", "--format", "json"],
        vec!["--team", &url, "export", "--format", "md"],
        vec!["--team", &url, "list"],
    ] {
        let o = warta(&args, d);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains("process list"), "{}", stderr(&o));
        seen.push_str(&stdout(&o));
        seen.push_str(&stderr(&o));
    }
    pg.stop_immediate();
    for args in [
        vec!["--team", url.as_str(), "export"],
        vec!["--team", &url, "team", "status"],
    ] {
        let o = warta(&args, d);
        seen.push_str(&stdout(&o));
        seen.push_str(&stderr(&o));
    }
    assert!(seen.contains("://warta_test@localhost/pw"), "{seen}");
    assert!(!seen.contains(secret), "password shown:\n{seen}");
}
