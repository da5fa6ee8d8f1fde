//! warta.log through the real binary: where it goes, the level flag and variable, and a
//! problem that used to be dropped without a word reaching it.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_warta"));
    cmd.args(args)
        .env("WARTA_CACHE_DIR", dir.join("cache"))
        .env("WARTA_DATA_DIR", dir.join("data"))
        .env_remove("WARTA_CONFIG")
        .env_remove("WARTA_LOG")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run warta")
}

fn log_text(dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join("data").join(warta::log::LOG_FILE)).ok()
}

#[test]
fn nothing_is_logged_by_default_until_something_goes_wrong() {
    let tmp = tempfile::tempdir().unwrap();
    let o = warta(&["list"], tmp.path(), &[]);
    assert!(o.status.success());
    assert_eq!(log_text(tmp.path()), None, "a clean run writes no log");

    // A cache that cannot be written: the load warns once on stderr, the log says so too.
    std::fs::write(
        tmp.path().join("cache"),
        "a file where the cache folder goes",
    )
    .unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), "Judul\n\nJAKARTA - Isi berita.\n").unwrap();
    let o = warta(&["list", corpus.to_str().unwrap()], tmp.path(), &[]);
    assert!(o.status.success());
    let log = log_text(tmp.path()).expect("a log");
    assert!(
        log.contains(" WARN  [") && log.contains("cannot write the cache"),
        "{log}"
    );
    assert!(!log.contains(" INFO "), "{log}");
}

#[test]
fn the_flag_beats_the_variable_and_info_records_the_start() {
    let tmp = tempfile::tempdir().unwrap();
    let o = warta(&["list", "-n", "1"], tmp.path(), &[("WARTA_LOG", "info")]);
    assert!(o.status.success());
    let log = log_text(tmp.path()).expect("a log at info");
    assert!(
        log.contains(" INFO ") && log.contains("started: list -n 1"),
        "{log}"
    );
    let lines = log.lines().count();

    let o = warta(
        &["--log-level", "error", "list"],
        tmp.path(),
        &[("WARTA_LOG", "debug")],
    );
    assert!(o.status.success());
    assert_eq!(log_text(tmp.path()).unwrap().lines().count(), lines);

    let o = warta(&["list", "--log-level", "loud"], tmp.path(), &[]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("loud") && err.contains("warn"), "{err}");
}

#[test]
fn an_unwritable_log_costs_nothing_but_the_log() {
    let tmp = tempfile::tempdir().unwrap();
    // The data folder's place is taken by a file: no log can be written, and the command
    // still does its work.
    std::fs::write(tmp.path().join("data"), "not a folder").unwrap();
    std::fs::write(tmp.path().join("cache"), "not a folder either").unwrap();
    let o = warta(&["--log-level", "debug", "list"], tmp.path(), &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 5);
    assert!(!String::from_utf8_lossy(&o.stderr).contains("panick"));
}

#[test]
fn a_command_error_the_user_reads_is_logged_only_at_info() {
    let tmp = tempfile::tempdir().unwrap();
    let o = warta(&["list", "/no/such/place"], tmp.path(), &[]);
    assert!(!o.status.success());
    assert_eq!(log_text(tmp.path()), None);
    assert!(
        !tmp.path().join("data").exists(),
        "no data folder made for it"
    );
    warta(
        &["list", "/no/such/place"],
        tmp.path(),
        &[("WARTA_LOG", "info")],
    );
    let log = log_text(tmp.path()).expect("a log at info");
    assert!(log.contains("failed: /no/such/place"), "{log}");
}
