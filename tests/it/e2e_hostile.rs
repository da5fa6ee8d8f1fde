//! End-to-end, hostile input in a real terminal (tmux on a private socket): an article whose
//! title and body carry every kind of escape sequence renders as inert text; an unusable or
//! full data directory is reported in the status line; a flag leaves no half glyph behind.
//! (Signals are in `e2e_signals.rs`.) Skips (passes) with a printed line when tmux is
//! missing.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use common::{POLL, SHOW_EXIT, Tmux, have_tmux, quote, status_line, timeout};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// The ordinary article's file name, with a set-title and a clear-screen sequence in it.
const EVIL_NAME: &str = "biasa\x1b]2;NAMA\x07\x1b[2J.txt";

/// A corpus of the escape-laden article and one ordinary article with a hostile file name.
fn hostile_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixtures().join("escapes.txt"),
        dir.path().join("escapes.txt"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join(EVIL_NAME),
        "Pasar murah digelar di Lubuklinggau\n\nLUBUKLINGGAU - Pasar murah digelar Selasa \
         (4/6/2024) di halaman kantor wali kota.\n",
    )
    .unwrap();
    dir
}

/// The paste buffers tmux holds (an OSC 52 write with `set-clipboard on` makes one).
fn buffers(t: &Tmux) -> String {
    let out = t.tmux(&["list-buffers"]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// What the hostile article would do to the terminal if printed raw.
const INJECTED_COLOURS: [&str; 2] = ["38;5;201", "48;2;1;2;3"];

#[test]
fn an_escape_laden_article_renders_as_inert_text() {
    if !have_tmux() {
        return;
    }
    let corpus = hostile_corpus();
    // warta waits for `go`, so the terminal options below are set before it draws anything.
    let script = format!(
        r#"while [ ! -e "$HOME/go" ]; do sleep 0.05; done; "$WARTA" {}; {SHOW_EXIT}"#,
        quote(&corpus.path().display().to_string())
    );
    let t = Tmux::start_script(200, 40, None, &script);
    let out = t.tmux(&["set-option", "-s", "set-clipboard", "on"]);
    assert!(out.status.success(), "{out:?}");
    let title_before = t.pane("#{pane_title}");
    assert!(buffers(&t).trim().is_empty());
    std::fs::write(t.path("go"), "").unwrap();

    let s = t.wait("2/2", |s| status_line(s).starts_with(" 2/2"));
    assert!(s.contains("Bupati Musi Rawas resmikan jembatan"), "{s}");
    // The newest article is shown first; its file name comes out escaped, visibly.
    assert!(s.contains("biasa\\x1b]2;NAMA\\x07\\x1b[2J.txt"), "{s}");
    assert_eq!(t.pane("#{pane_title}"), title_before);
    t.keys(&["/"]);
    t.literal("jembatan");
    t.keys(&["Enter"]);
    t.wait("one hit", |s| status_line(s).starts_with(" 1/2"));
    t.keys(&["Enter"]);
    let s = t.wait("the body", |s| s.contains("Tautan resmi dibagikan."));

    // No cleared screen: the list, its border and the status line are all still there.
    assert!(s.contains("Articles"), "{s}");
    assert!(status_line(&s).starts_with(" 1/2"), "{s}");
    assert!(s.contains("Kode DCS, APC, PM selesai."), "{s}");
    // Inert: no payload residue anywhere on the screen.
    for residue in [
        "PWNED",
        "[2J",
        "]0;",
        "]52",
        "cHduZWQK",
        "evil.example",
        "8;;",
    ] {
        assert!(!s.contains(residue), "{residue} on screen:\n{s}");
    }
    let styled = t.screen_e();
    for colour in INJECTED_COLOURS {
        assert!(
            !styled.contains(colour),
            "injected colour {colour}:\n{styled:?}"
        );
    }
    // No set title, no clipboard write.
    assert_eq!(t.pane("#{pane_title}"), title_before);
    assert!(buffers(&t).trim().is_empty(), "{}", buffers(&t));

    t.keys(&["q"]);
    t.quit();

    // The control: the same file printed raw does all of the above in this terminal, so the
    // checks above would have seen it.
    let out = t.tmux(&[
        "respawn-pane",
        "-k",
        "-t",
        "0",
        &format!(
            "cat {}; sleep 30",
            quote(&fixtures().join("escapes.txt").display().to_string())
        ),
    ]);
    assert!(out.status.success(), "{out:?}");
    let start = Instant::now();
    while t.pane("#{pane_title}") == title_before && start.elapsed() < timeout() {
        std::thread::sleep(POLL);
    }
    // OSC 0/2 and (in tmux) APC set the pane title; which one is seen last depends on timing.
    let raw_title = t.pane("#{pane_title}");
    assert!(
        raw_title.starts_with("PWNED-"),
        "raw output sets the title: {raw_title}"
    );
    assert!(
        !buffers(&t).trim().is_empty(),
        "raw output writes the clipboard"
    );
    assert!(t.screen_e().contains("38;5;201"), "raw output colours");
}

/// A data directory that cannot exist (a path under a regular file: this fails even for
/// root, unlike a read-only directory): warta runs, and the status line says nothing is saved.
#[test]
fn an_unusable_data_dir_is_reported_in_the_status_line() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let t = Tmux::start_warta(120, 40, Some(&file.join("warta")), "");
    let s = t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    println!("unusable data dir: {}", status_line(&s));
    assert!(status_line(&s).contains("not saved"), "{s}");
    t.keys(&["r"]);
    let s = t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    assert!(status_line(&s).contains("not saved"), "{s}");
}

/// A full disk, on a 64 KiB tmpfs mounted for the test (needs root and mount rights; skips
/// with a printed reason otherwise): the decision is refused durability and the status line
/// says it was NOT saved.
#[test]
fn a_full_disk_is_reported_and_nothing_claims_to_be_saved() {
    if !have_tmux() {
        return;
    }
    let mnt = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(mnt.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !mounted {
        println!("cannot mount a tmpfs here (not root or not permitted); full-disk check skipped");
        return;
    }
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let _guard = Unmount(mnt.path().to_path_buf());
    let data = mnt.path().join("data");
    std::fs::create_dir(&data).unwrap();
    // Fill the disk: write until the file system refuses.
    {
        use std::io::Write;
        let mut f = std::fs::File::create(mnt.path().join("filler")).unwrap();
        let chunk = [b'x'; 4096];
        while f.write_all(&chunk).and_then(|()| f.sync_data()).is_ok() {}
    }
    let t = Tmux::start_warta(120, 40, Some(&data), "");
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["r"]);
    let s = t.wait("the not-saved message", |s| {
        let l = status_line(s);
        l.contains("NOT saved") || l.contains("not saved")
    });
    println!("full disk: {}", status_line(&s));
    assert!(status_line(&s).contains("relevant 1"), "{s}");
}

/// A flag is two regional indicators that tmux 3.3a draws in two cells of its own, while
/// ratatui keeps one wide cell: moving from an article with a flag in its text to one with
/// a narrow letter and a space in its place must leave no half flag in the detail pane. A
/// lone indicator is shown as U+FFFD.
#[test]
fn moving_off_a_flag_leaves_no_stale_glyph() {
    if !have_tmux() {
        return;
    }
    let corpus = tempfile::tempdir().unwrap();
    let flag = "\u{1F1EE}\u{1F1E9}";
    for (name, title, day) in [
        ("plain.txt", "Berita biasa tanpa bendera".to_string(), 4),
        ("flag.txt", format!("Bendera {flag} berkibar di Jakarta"), 3),
        ("twin.txt", "Bendera X berkibar di Jakarta".to_string(), 2),
        (
            "lone.txt",
            "Huruf \u{1F1EE} sendiri di judul".to_string(),
            1,
        ),
    ] {
        let text = format!("{title}\n\nJAKARTA - {title}, Senin ({day}/6/2024).\n");
        std::fs::write(corpus.path().join(name), text).unwrap();
    }
    // Wide enough for the body's first line to hold the flag unwrapped.
    let t = Tmux::start_warta(140, 40, None, &quote(&corpus.path().display().to_string()));
    let s = t.wait("4/4", |s| status_line(s).starts_with(" 4/4"));
    assert!(s.contains("Huruf \u{FFFD} sendiri"), "{s}");
    // The detail pane is the part of each row after the list's right border.
    let detail = |s: &str| -> String {
        s.lines()
            .map(|l| l.rsplit("││").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n")
    };
    t.keys(&["j"]);
    t.wait("the flag's body", |s| {
        detail(s).contains(&format!("Bendera {flag} berkibar di Jakarta, Senin"))
    });
    t.keys(&["j"]);
    let s = t.wait("the twin's body", |s| detail(s).contains("(2/6/2024)"));
    let shown = detail(&s);
    assert!(
        !shown.chars().any(warta::text::is_regional_indicator),
        "a half flag is left in the detail pane:\n{shown}"
    );
    t.quit();
}
