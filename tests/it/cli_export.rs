//! `warta export -o` into places other than a plain file: standard output, /dev/stdout, a
//! FIFO, a shell's `>(cmd)`, a symlink; and the temp files a killed export leaves.
#![cfg(unix)]

use crate::common;
use crate::common::{stderr, warta_in as warta};

use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The bundled corpus as CSV: a header and five rows.
fn assert_csv(text: &str) {
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&rows.headers().unwrap()[0], "id", "{text}");
    assert_eq!(rows.records().count(), 5, "{text}");
}

/// Names in `dir` other than the cache and data folders.
fn entries(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "cache" && n != "data")
        .collect();
    v.sort();
    v
}

#[test]
fn dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let o = warta(&["export", "-o", "-"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_csv(&String::from_utf8_lossy(&o.stdout));
    assert!(entries(dir.path()).is_empty(), "{:?}", entries(dir.path()));

    let o = warta(&["export", "-o", "-", "--format", "jsonl"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 5);
}

#[test]
fn dev_stdout_is_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    // Standard output is a pipe here, as in `warta export -o /dev/stdout | …`.
    let o = warta(&["export", "-o", "/dev/stdout"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_csv(&String::from_utf8_lossy(&o.stdout));

    let o = warta(
        &["export", "-o", "/dev/stdout", "--format", "md"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("# Triage brief"));

    // Redirected to a file with `>>`: appended to, not replaced.
    let log = dir.path().join("log.csv");
    std::fs::write(&log, "earlier line\n").unwrap();
    let file = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["export", "-o", "/dev/stdout", "--quiet"])
        .env("WARTA_CACHE_DIR", dir.path().join("cache"))
        .env("WARTA_DATA_DIR", dir.path().join("data"))
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .stdout(file)
        .status()
        .unwrap();
    assert!(status.success());
    let text = std::fs::read_to_string(&log).unwrap();
    let rest = text.strip_prefix("earlier line\n").expect(&text);
    assert_csv(rest);
}

#[test]
fn a_fifo_gets_the_export_and_stays_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()));
    let (tx, rx) = mpsc::channel();
    let reader = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read_to_string(&reader));
    });
    // No extension: CSV, as on standard output.
    let o = warta(&["export", "-o", "pipe"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    // Replaced instead, the FIFO would never get a writer and its reader would wait forever.
    let got = rx
        .recv_timeout(common::scaled(Duration::from_secs(30)))
        .expect("the reader got nothing");
    assert_csv(&got.unwrap());
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo());
}

#[test]
fn process_substitution_is_written_in_place() {
    if Command::new("bash").arg("-c").arg("true").status().is_err() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("got.csv");
    let script = format!(
        "'{}' export --quiet -o >(cat > '{}'); wait $!",
        env!("CARGO_BIN_EXE_warta"),
        out.display()
    );
    let o = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .env("WARTA_CACHE_DIR", dir.path().join("cache"))
        .env("WARTA_DATA_DIR", dir.path().join("data"))
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_csv(&std::fs::read_to_string(&out).unwrap());
}

#[test]
fn a_symlink_stays_a_link_and_stale_temp_files_go() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/june.csv"), "old").unwrap();
    std::os::unix::fs::symlink("reports/june.csv", dir.path().join("latest.csv")).unwrap();
    // What a `kill -9` during an earlier export left behind.
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let stale = format!(".june.csv.tmp-{dead}");
    std::fs::write(dir.path().join("reports").join(&stale), "partial").unwrap();

    let o = warta(&["export", "-o", "latest.csv", "--force"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let link = std::fs::symlink_metadata(dir.path().join("latest.csv")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_csv(&std::fs::read_to_string(dir.path().join("reports/june.csv")).unwrap());
    assert_eq!(entries(&dir.path().join("reports")), vec!["june.csv"]);
}

#[test]
fn an_existing_file_is_kept_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("relevan.csv");
    std::fs::write(&out, "finished").unwrap();
    let o = warta(&["export", "-o", "relevan.csv"], dir.path());
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("relevan.csv exists; pass --force to replace it"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "finished");
    // Through a symlink too.
    std::os::unix::fs::symlink("relevan.csv", dir.path().join("latest.csv")).unwrap();
    let o = warta(&["export", "-o", "latest.csv"], dir.path());
    assert!(!o.status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "finished");

    let o = warta(&["export", "-o", "relevan.csv", "--force"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert_csv(&std::fs::read_to_string(&out).unwrap());
    // A new name needs no --force.
    let o = warta(&["export", "-o", "baru.csv"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn the_brief_and_its_times_are_local() {
    let dir = tempfile::tempdir().unwrap();
    let brief = |tz: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(["export", "--format", "md"])
            .current_dir(dir.path())
            .env("WARTA_CACHE_DIR", dir.path().join("cache"))
            .env("WARTA_DATA_DIR", dir.path().join("data"))
            .env("TZ", tz)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        let text = String::from_utf8(o.stdout).unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix("- Exported: "))
            .unwrap_or_else(|| panic!("{text}"))
            .to_string()
    };
    // A POSIX rule needs no zone database: WIT is UTC+9.
    let (utc, wit) = (brief("UTC0"), brief("WIT-9"));
    assert!(utc.ends_with(" UTC"), "{utc}");
    assert!(wit.ends_with(" WIT"), "{wit}");
    let minutes = |s: &str| {
        let hm = &s[11..16];
        hm[..2].parse::<i32>().unwrap() * 60 + hm[3..].parse::<i32>().unwrap()
    };
    // Nine hours apart (around midnight the minute may also have turned).
    let diff = (minutes(&wit) - minutes(&utc)).rem_euclid(24 * 60);
    assert!((9 * 60..=9 * 60 + 1).contains(&diff), "{utc} vs {wit}");
    if std::path::Path::new("/usr/share/zoneinfo/Asia/Makassar").exists() {
        assert!(brief("Asia/Makassar").ends_with(" WITA"));
    }
}

#[test]
fn a_closed_pipe_ends_every_format_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["export"][..],
        &["export", "--format", "json"],
        &["export", "--format", "jsonl"],
        &["export", "--format", "md"],
        &["list", "--format", "csv"],
        &["list", "--format", "jsonl"],
    ] {
        // `| head -1` once the reader has gone: the pipe is closed before warta writes.
        let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
            .args(args)
            .arg("--quiet")
            .env("WARTA_CACHE_DIR", dir.path().join("cache"))
            .env("WARTA_DATA_DIR", dir.path().join("data"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
}

#[test]
fn bom_is_asked_for_and_only_for_csv() {
    let dir = tempfile::tempdir().unwrap();
    const BOM: &[u8] = "\u{feff}".as_bytes();
    let o = warta(&["export"], dir.path());
    assert!(!o.stdout.starts_with(BOM), "no BOM unless asked");
    let o = warta(&["export", "--bom"], dir.path());
    assert!(o.stdout.starts_with(BOM));
    assert_csv(std::str::from_utf8(&o.stdout[BOM.len()..]).unwrap());
    let o = warta(&["export", "--bom", "-o", "excel.csv"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read(dir.path().join("excel.csv"))
            .unwrap()
            .starts_with(BOM)
    );
    let o = warta(&["list", "--format", "csv", "--bom"], dir.path());
    assert!(o.stdout.starts_with(BOM));
    assert!(o.stdout[BOM.len()..].starts_with(b"id,"));
    for args in [
        &["export", "--bom", "--format", "md"][..],
        &["list", "--bom"],
    ] {
        let o = warta(args, dir.path());
        assert!(!o.status.success(), "{args:?}");
        assert!(stderr(&o).contains("--bom is for"), "{}", stderr(&o));
    }
}

#[test]
fn a_records_own_fields_are_exported_to_join_back() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("set.jsonl"),
        concat!(
            r#"{"id": 41, "category": "news", "title": "Banjir di Palembang", "body": "Banjir melanda."}"#,
            "\n",
            r#"{"id": 42, "category": "sport", "title": "Sepak bola", "body": "Pertandingan."}"#,
            "\n"
        ),
    )
    .unwrap();
    let o = warta(&["export", "set.jsonl", "--format", "jsonl"], dir.path());
    assert!(o.status.success(), "{}", stderr(&o));
    let rows: Vec<serde_json::Value> = String::from_utf8(o.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let banjir = rows
        .iter()
        .find(|r| r["title"] == "Banjir di Palembang")
        .unwrap();
    assert_eq!(banjir["source_fields"]["id"], 41);
    assert_eq!(banjir["source_fields"]["category"], "news");
    // warta's own id stays its own.
    assert_ne!(banjir["id"], 41);

    let o = warta(&["export", "set.jsonl"], dir.path());
    let mut csv = csv::Reader::from_reader(&o.stdout[..]);
    let headers = csv.headers().unwrap().clone();
    let col = headers.iter().position(|h| h == "source_fields").unwrap();
    let cells: Vec<String> = csv.records().map(|r| r.unwrap()[col].to_string()).collect();
    assert!(
        cells.contains(&r#"{"category":"sport","id":42}"#.to_string()),
        "{cells:?}"
    );

    let o = warta(&["list", "set.jsonl", "--format", "json"], dir.path());
    let all: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        all.iter().any(|a| a["source_fields"]["id"] == 42),
        "{all:?}"
    );
}
