//! End-to-end start-up: the browser is on screen while a cold load is still parsing, shows
//! its progress and then the final count; a warm start shows the whole corpus from the cache
//! and reports the background check; a file changed between runs shows up after that check.
//! The real binary in tmux (private socket), polled with timeouts, never fixed sleeps; skips
//! when tmux is missing.

use crate::common;

use std::path::Path;
use std::time::Duration;

use common::{Tmux, have_tmux, quote, scaled, status_line};

const FILES: usize = 4000;

/// A debug build parses a few thousand files in seconds, so the waits here are longer than
/// the harness's default.
fn wait_long(t: &Tmux, what: &str, ok: impl Fn(&str) -> bool) -> String {
    t.wait_within(scaled(Duration::from_secs(120)), what, ok)
}

/// Small synthetic articles (a dateline, Indonesian words, a few paragraphs), enough of them
/// that parsing takes a noticeable while in a debug build.
fn write_corpus(dir: &Path) {
    std::fs::create_dir_all(dir).expect("mkdir");
    for i in 0..FILES {
        let mut text = format!(
            "Warga desa {i} gotong royong membersihkan saluran air\n\n\
             PALEMBANG, KOMPAS.com - Warga desa nomor {i} bergotong royong pada Senin \
             (3/6/2024).\n\n"
        );
        for p in 0..12 {
            text.push_str(&format!(
                "Paragraf {p}: kepala desa mengatakan kegiatan ini rutin digelar setiap bulan \
                 agar saluran tidak tersumbat saat musim hujan tiba di wilayah {i}.\n\n"
            ));
        }
        std::fs::write(dir.join(format!("{i:05}.txt")), text).expect("write");
    }
}

#[test]
fn cold_start_shows_progress_then_warm_start_shows_the_cache_and_picks_up_a_change() {
    if !have_tmux() {
        return;
    }
    let corpus = tempfile::tempdir().expect("tempdir");
    write_corpus(corpus.path());
    let dir = quote(&corpus.path().display().to_string());
    // Three runs in one pane (one cache dir); each waits for Enter after warta exits, so the
    // test can change a file in between.
    let script =
        format!("for run in 1 2 3; do \"$WARTA\" {dir}; echo WARTA-EXITED-$run-$?; read _; done");
    let t = Tmux::start_script(160, 40, None, &script);
    let files = warta::loader::thousands(FILES as u64);
    let total = format!(" {files}/{files}");

    // Cold: the frame (list border, status line) is there while parsing goes on.
    let s = wait_long(&t, "parsing progress", |s| {
        status_line(s).contains("parsing ") && s.contains("Articles")
    });
    assert!(!status_line(&s).starts_with(&total), "loaded already:\n{s}");
    let s = wait_long(&t, "the final count and summary", |s| {
        let st = status_line(s);
        st.starts_with(&total) && st.contains("loaded 4,000 articles")
    });
    assert!(!status_line(&s).contains("parsing"));
    t.keys(&["q"]);
    t.wait_for("WARTA-EXITED-1-0");
    t.keys(&["Enter"]);

    // Warm: everything from the cache, then the background check finds nothing.
    let s = wait_long(&t, "the warm check", |s| {
        let st = status_line(s);
        st.starts_with(&total) && st.contains("checked 4,000 files: 0 changed")
    });
    assert!(s.contains("Warga desa"), "{s}");
    t.keys(&["q"]);
    t.wait_for("WARTA-EXITED-2-0");

    // One file gets another title (and size): the cached corpus shows first, then the check
    // replaces it, and a search finds the new title.
    std::fs::write(
        corpus.path().join("00042.txt"),
        "Jembatan gantung baru diresmikan bupati\n\nPALEMBANG - Jembatan itu menghubungkan \
         dua kecamatan.\n",
    )
    .expect("rewrite");
    t.keys(&["Enter"]);
    wait_long(&t, "the check finding the change", |s| {
        let st = status_line(s);
        st.starts_with(&total) && st.contains("checked 4,000 files: 1 changed")
    });
    t.keys(&["/"]);
    t.literal("jembatan gantung");
    t.keys(&["Enter"]);
    let s = wait_long(&t, "the changed article found", |s| {
        status_line(s).starts_with(&format!(" 1/{files}"))
    });
    assert!(s.contains("Jembatan gantung baru diresmikan"), "{s}");
    t.keys(&["q"]);
    t.wait_for("WARTA-EXITED-3-0");
}
