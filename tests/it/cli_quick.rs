//! `warta search` and `warta list` answered from the headline snapshot: never stale. Each
//! change below leaves the folder's own modification time as it was, as an edit in place
//! does, so only a check of every file can see it.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime};

fn warta(args: &[&str], cache: &Path) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_CACHE_DIR", cache)
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run warta");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    for e in std::fs::read_dir(data).expect("data") {
        let p = e.expect("entry").path();
        std::fs::copy(&p, dir.path().join(p.file_name().expect("name"))).expect("copy");
    }
    dir
}

fn has_snapshot(cache: &Path) -> bool {
    walkdir::WalkDir::new(cache)
        .into_iter()
        .flatten()
        .any(|e| e.file_name() == "headlines.bin")
}

/// Runs `change` on the corpus folder, then puts the folder's modification time back.
fn behind_the_folders_back(dir: &Path, change: impl FnOnce()) {
    let before = std::fs::metadata(dir)
        .and_then(|m| m.modified())
        .expect("mtime");
    change();
    File::open(dir)
        .and_then(|f| f.set_modified(before))
        .expect("folder time put back");
    let after = std::fs::metadata(dir)
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(before, after);
}

#[test]
fn a_file_edited_in_place_between_two_searches_is_seen_by_the_second() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = corpus();
    let d = dir.path().to_str().expect("utf-8");

    let first = out(&warta(&["search", "muratara", d, "--quiet"], cache.path()));
    assert_eq!(first.lines().count(), 1, "{first}");
    assert!(
        has_snapshot(cache.path()),
        "the full load wrote the snapshot"
    );
    // Answered again from the snapshot: the same rows.
    assert_eq!(
        out(&warta(&["search", "muratara", d, "--quiet"], cache.path())),
        first
    );
    assert!(out(&warta(&["search", "zebralut", d, "--quiet"], cache.path())).is_empty());

    // The title rewritten in place, to the same length, with a later modification time.
    let file = dir.path().join("000_4c0f888a8b7f48f0.txt");
    behind_the_folders_back(dir.path(), || {
        let text = std::fs::read_to_string(&file).expect("read");
        let edited = text.replacen(
            "Viral ASN di Muratara Live",
            "Viral ASN di Zebralut Live",
            1,
        );
        assert_eq!(edited.len(), text.len());
        std::fs::write(&file, edited).expect("write");
        File::options()
            .write(true)
            .open(&file)
            .and_then(|f| f.set_modified(SystemTime::now() + Duration::from_secs(5)))
            .expect("touch");
    });
    let found = out(&warta(&["search", "zebralut", d, "--quiet"], cache.path()));
    assert_eq!(found.lines().count(), 1, "{found}");
    assert!(found.contains("Zebralut"), "{found}");
    let listed = out(&warta(
        &["list", d, "--query", "zebralut", "--quiet"],
        cache.path(),
    ));
    assert!(listed.contains("Zebralut"), "{listed}");

    // A file removed is gone from the next answer too.
    behind_the_folders_back(dir.path(), || std::fs::remove_file(&file).expect("rm"));
    assert!(out(&warta(&["search", "zebralut", d, "--quiet"], cache.path())).is_empty());
    let all = out(&warta(&["list", d, "--quiet"], cache.path()));
    assert_eq!(all.lines().count(), 4, "{all}");
}

#[test]
fn the_summary_line_is_the_full_loads_when_answered_from_the_snapshot() {
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = corpus();
    let d = dir.path().to_str().expect("utf-8");
    let full = warta(&["list", d], cache.path());
    let quick = warta(&["list", d], cache.path());
    assert!(has_snapshot(cache.path()));
    assert_eq!(out(&quick), out(&full));
    let said = String::from_utf8_lossy(&quick.stderr).into_owned();
    assert!(
        said.contains("loaded 5 articles from 5 files; cache: 5 hits, 0 misses"),
        "{said}"
    );
}

/// Records carry a time of day: one day's articles come newest first by it, from a full
/// load and from the snapshot alike, and `warta parse` shows it.
#[test]
fn one_days_records_are_ordered_by_their_time_from_the_cache_and_the_snapshot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    // Ids are content hashes, so the titles' alphabetical order says nothing of id order;
    // the times are chosen against the file order too.
    let lines = [
        ("Pagi hari bupati meninjau banjir", "2025-10-21T07:05"),
        ("Malam hari warga mengungsi dari banjir", "2025-10-21T20:43"),
        ("Siang hari bantuan banjir tiba", "2025-10-21T12:30"),
        ("Sehari sebelumnya hujan deras", "2025-10-20T23:59"),
    ];
    let body: String = lines
        .iter()
        .map(|(t, d)| {
            format!(
                "{}\n",
                serde_json::json!({"title": t, "date": d, "body": format!("{t}. Isi berita tentang banjir.")})
            )
        })
        .collect();
    std::fs::write(dir.path().join("hari.jsonl"), body).expect("write");
    let root = dir.path().to_str().expect("utf-8");
    let titles = |o: &Output| -> Vec<String> {
        out(o)
            .lines()
            .map(|l| l.rsplit("  ").next().unwrap_or("").trim().to_string())
            .collect()
    };
    let want = vec![
        "Malam hari warga mengungsi dari banjir",
        "Siang hari bantuan banjir tiba",
        "Pagi hari bupati meninjau banjir",
        "Sehari sebelumnya hujan deras",
    ];
    assert!(!has_snapshot(cache.path()));
    let full = warta(
        &["list", root, "--query", "banjir", "--sort", "date"],
        cache.path(),
    );
    assert_eq!(titles(&full), want, "from a full load: {}", out(&full));
    assert!(has_snapshot(cache.path()));
    let listed = warta(&["list", root], cache.path());
    assert_eq!(titles(&listed), want, "from the snapshot: {}", out(&listed));
    let parsed = warta(&["parse", &format!("{root}/hari.jsonl")], cache.path());
    assert!(
        out(&parsed).contains(r#""published_time": "20:43""#),
        "{}",
        out(&parsed)
    );
}
