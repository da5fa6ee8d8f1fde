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
