//! End-to-end: syndicated copies grouped in the real `warta` binary in tmux. A folder holds
//! the five seeds and two copies of seed 000 under new headlines; the list shows one row for
//! the story with "+2 copies", `z` lists the copies under it, and `r` on the collapsed row
//! marks all three relevant (checked in the status line and with `warta list`). Polls with
//! a timeout, never sleeps a fixed time; skips when tmux is missing.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{Tmux, have_tmux, quote, status_line};

/// The seeds plus two edited copies of seed 000 in `dir`.
fn write_corpus(dir: &Path) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut seed0 = None;
    for entry in std::fs::read_dir(&data).expect("data dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().expect("name");
            std::fs::copy(&path, dir.join(name)).expect("copy seed");
            if name.to_string_lossy().starts_with("000_") {
                seed0 = Some(std::fs::read_to_string(&path).expect("read seed 000"));
            }
        }
    }
    let seed0 = seed0.expect("seed 000");
    for (n, headline) in [
        "Heboh Siaran Langsung Pegawai Pemkab Muratara",
        "Kabag Prokopim Muratara Minta Maaf Soal Live",
    ]
    .iter()
    .enumerate()
    {
        let mut lines: Vec<&str> = seed0.lines().collect();
        lines[0] = headline;
        let text = format!("{}\n\nDikutip dari Sripoku.com\n", lines.join("\n"));
        std::fs::write(dir.join(format!("copy_{n}.txt")), text).expect("write copy");
    }
}

#[test]
fn copies_are_grouped_expanded_and_triaged_together() {
    if !have_tmux() {
        return;
    }
    let corpus = tempfile::tempdir().expect("tempdir");
    write_corpus(corpus.path());
    let args = quote(&corpus.path().display().to_string());
    let t = Tmux::start_warta(120, 40, None, &args);
    let s = t.wait("the story grouped", |s| s.contains("+2 copies"));
    assert!(s.contains("Articles 7/7 · 1 group"), "{s}");
    assert!(status_line(&s).starts_with(" 7/7"), "{s}");
    // Newest first: the Blora article, then the Muratara story (row 3 of the screen).
    let row = s.lines().nth(3).unwrap_or_default().to_string();
    assert!(row.contains("+2 copies"), "{s}");
    t.keys(&["j", "z"]);
    t.wait("the copies listed under the story", |s| {
        s.matches("   └ ").count() == 2
    });
    t.keys(&["z"]);
    t.wait("the group collapsed", |s| !s.contains("   └ "));
    t.keys(&["r"]);
    let s = t.wait("three articles relevant", |s| {
        status_line(s).contains("relevant 3")
    });
    assert!(status_line(&s).contains("triaged 3/7"), "{s}");
    t.quit();

    // The decisions are in the store: `warta list` finds the three copies relevant.
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .arg("list")
        .arg(corpus.path())
        .args(["--query", "is:relevant"])
        .env("WARTA_DATA_DIR", t.path("data"))
        .env("WARTA_CACHE_DIR", t.path("cache"))
        .env("WARTA_CONFIG", t.path("config.toml"))
        .env("HOME", t.home.path())
        .output()
        .expect("run warta list");
    assert!(out.status.success(), "{out:?}");
    let listed = String::from_utf8_lossy(&out.stdout);
    let rows = listed.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(rows, 3, "{listed}");
    assert!(listed.contains("Heboh Siaran Langsung"), "{listed}");
    assert!(listed.contains("Kabag Prokopim Muratara"), "{listed}");
}
