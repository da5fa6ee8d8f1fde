//! What the commands say about files they skip: every message that points at `warta stats`
//! must find the full list there, special files included.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn warta(args: &[&str], cache: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(args)
        .env("WARTA_CACHE_DIR", cache)
        .env_remove("WARTA_CONFIG")
        .stdin(Stdio::null())
        .output()
        .expect("run warta")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// 25 empty files: more than the other commands print one by one.
fn folder_of_empty_files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..25 {
        std::fs::write(dir.path().join(format!("kosong{i:02}.txt")), "").unwrap();
    }
    dir
}

#[test]
fn stats_lists_every_skipped_file_even_when_nothing_loaded() {
    let cache = tempfile::tempdir().unwrap();
    let dir = folder_of_empty_files();
    let d = dir.path().to_str().unwrap();

    let o = warta(&["list", d], cache.path());
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("... and 5 more skipped (`warta stats` on the same paths lists them all)"),
        "{err}"
    );

    let o = warta(&["stats", d], cache.path());
    assert_eq!(
        o.status.code(),
        Some(1),
        "nothing loaded is still a failure"
    );
    let out = text(&o.stdout);
    for i in 0..25 {
        let line = format!("kosong{i:02}.txt: empty file; skipped");
        assert!(out.contains(&line), "{line} missing from\n{out}");
    }
    assert!(out.contains("skipped       25"), "{out}");
    // stdout has the list; stderr only says why the command failed, once.
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("all 25 files were skipped (25 empty)"),
        "{err}"
    );
}

#[test]
fn stats_with_some_articles_lists_the_skipped_on_stdout_only() {
    let cache = tempfile::tempdir().unwrap();
    let dir = folder_of_empty_files();
    std::fs::write(
        dir.path().join("berita.txt"),
        "Banjir di Palembang\n\nAir setinggi lutut merendam jalan.\n",
    )
    .unwrap();
    let o = warta(&["stats", dir.path().to_str().unwrap()], cache.path());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains("articles      1"), "{out}");
    assert_eq!(out.matches("empty file; skipped").count(), 25, "{out}");
    let err = text(&o.stderr);
    assert_eq!(
        err.lines().count(),
        1,
        "only the summary, no skip lines:\n{err}"
    );
    assert!(err.starts_with("loaded 1 article from 1 file"), "{err}");
}

#[cfg(unix)]
#[test]
fn special_files_and_endless_links_are_listed_with_a_reason() {
    let cache = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("berita.txt"), "Judul\n\nIsi berita.\n").unwrap();
    std::os::unix::fs::symlink("sendiri.txt", root.join("sendiri.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/null", root.join("kosong.txt")).unwrap();
    let made = Command::new("mkfifo")
        .arg(root.join("pipa.jsonl"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(made);
    let o = warta(&["stats", root.to_str().unwrap()], cache.path());
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    for line in [
        "kosong.txt: a character device, not a regular file; skipped",
        "pipa.jsonl: a FIFO (named pipe), not a regular file; skipped",
        "sendiri.txt: symlink loop; skipped",
    ] {
        assert!(out.contains(line), "{line} missing from\n{out}");
    }
    assert!(out.contains("skipped       3"), "{out}");
}
