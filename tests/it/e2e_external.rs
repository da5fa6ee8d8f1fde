//! End-to-end: copy (OSC 52), open over ssh, hyperlinks and session restore, with the real
//! `warta` binary in tmux. tmux with `set-clipboard on` keeps what an application copies
//! with OSC 52 as a paste buffer, so `show-buffer` shows exactly what reached the terminal.
//! Polls with a timeout; never sleeps a fixed time. Skips (passes) when tmux is missing.

use crate::common;

use std::path::Path;
use std::time::Instant;

use common::{POLL, SHOW_EXIT, Tmux, have_tmux, quote, status_line, timeout};

/// Runs `warta` with `args` (already quoted for `sh`) and `env` assignments in front, and
/// keeps the pane open after it exits so the exit marker can be seen.
fn start(data: Option<&Path>, env: &str, args: &str) -> Tmux {
    let script = format!("{env} \"$WARTA\" {args}; {SHOW_EXIT}");
    let t = Tmux::start_script(120, 40, data, &script);
    // tmux's default, `external`, ignores OSC 52 from applications.
    let out = t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    assert!(out.status.success(), "set-clipboard: {out:?}");
    t
}

/// Polls tmux's newest paste buffer until `ok` holds; fails with what it last held.
fn wait_buffer(t: &Tmux, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let out = t.tmux(&["show-buffer"]);
        let buf = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.success() && ok(&buf) {
            return buf;
        }
        assert!(
            start.elapsed() < timeout(),
            "timed out waiting for {what} in the paste buffer; it holds:\n{buf}\nscreen:\n{}",
            t.screen()
        );
        std::thread::sleep(POLL);
    }
}

fn seed(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join(name)
        .display()
        .to_string()
}

const FIRST_TITLE: &str = "ASN Dibatasi Bermedsos, Bupati Blora Melarang Pamer Kemewahan";

#[test]
fn y_copies_the_citation_and_big_y_the_body() {
    if !have_tmux() {
        return;
    }
    let t = start(None, "", "");
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["y"]);
    let buf = wait_buffer(&t, "the citation", |b| b.starts_with(FIRST_TITLE));
    assert_eq!(
        buf,
        format!("{FIRST_TITLE}. Infoku, 2025-09-10. data/004_2693d6224899cf9b.txt")
    );
    t.wait("the confirmation", |s| {
        status_line(s).contains(&format!("copied citation ({} chars)", buf.chars().count()))
    });
    t.keys(&["Y"]);
    let body = wait_buffer(&t, "the body", |b| b.contains("Bupati Blora Arief Rohman"));
    assert!(body.contains(".\n\nDengan tegas Bupati"), "{body}");
    assert!(!body.contains(FIRST_TITLE), "the body only: {body}");
    t.wait("the confirmation", |s| {
        status_line(s).contains("copied body (")
    });
    t.quit();
}

#[test]
fn o_over_ssh_copies_the_path_instead_of_opening() {
    if !have_tmux() {
        return;
    }
    let file = seed("004_2693d6224899cf9b.txt");
    let t = start(
        None,
        "SSH_CONNECTION='10.0.0.1 22 10.0.0.2 22'",
        &quote(&file),
    );
    t.wait("1/1", |s| status_line(s).starts_with(" 1/1"));
    t.keys(&["o"]);
    let want = std::fs::canonicalize(&file).unwrap().display().to_string();
    wait_buffer(&t, "the path", |b| b == want);
    t.wait("the over-ssh message", |s| {
        status_line(s).contains("over ssh: copied the path instead of opening it")
    });
    t.quit();
}

#[test]
fn o_over_ssh_copies_the_url_and_the_linked_url_still_reads_right() {
    if !have_tmux() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let url = "https://berita.example.id/read/2025/06/03/asn-medsos?ref=warta";
    let jsonl = dir.path().join("berita.jsonl");
    let record = serde_json::json!({
        "title": "ASN diminta bijak bermedia sosial",
        "content": format!("Bupati meminta ASN bijak. Sumber: {url} (diakses Juni)."),
        "url": url,
        "date": "2025-06-03",
        "source": "Contoh",
    });
    std::fs::write(&jsonl, format!("{record}\n")).unwrap();
    let t = start(
        None,
        "SSH_CLIENT='10.0.0.1 22 22'",
        &quote(&jsonl.display().to_string()),
    );
    // Hyperlinks are on by default: the address must still read right on screen (tmux
    // either understands OSC 8 or drops it; neither may shift or garble the text).
    let s = t.wait("the detail", |s| s.contains("Sumber: "));
    // Wrapped at the pane's width: the body's copy in two pieces.
    assert!(s.contains("│https://berita.example.id/read/2025/│"), "{s}");
    assert!(s.contains("│06/03/asn-medsos?ref=warta (diakses │"), "{s}");
    assert!(!s.contains("]8;"), "{s}");
    t.keys(&["o"]);
    wait_buffer(&t, "the URL", |b| b == url);
    t.wait("the over-ssh message", |s| {
        status_line(s).contains("over ssh: copied the URL instead of opening it")
    });
    t.quit();
}

/// The second "live" hit's date as the detail pane's header shows it (the list shows
/// dates without the label).
const SECOND_IN_DETAIL: &str = "Published  2025-06-22";

#[test]
fn the_last_session_is_restored_unless_asked_not_to() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    {
        let t = start(Some(data.path()), "", "");
        t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
        t.keys(&["/"]);
        t.literal("live");
        t.keys(&["Enter"]);
        t.wait("2 hits", |s| status_line(s).starts_with(" 2/5"));
        t.keys(&["j"]);
        t.wait("the second hit in the detail", |s| {
            s.contains(SECOND_IN_DETAIL)
        });
        t.quit();
    }
    assert!(data.path().join("sessions/bundled.json").is_file());
    {
        let t = start(Some(data.path()), "", "");
        let s = t.wait("the restored session", |s| {
            status_line(s).contains("last session restored") && status_line(s).starts_with(" 2/5")
        });
        assert!(s.lines().next().unwrap_or("").contains("live"), "{s}");
        // The detail pane shows the cursor article: the second hit.
        assert!(s.contains(SECOND_IN_DETAIL), "{s}");
        t.quit();
    }
    {
        let t = start(Some(data.path()), "", "--no-restore");
        let s = t.wait("a fresh start", |s| status_line(s).starts_with(" 5/5"));
        assert!(!s.lines().next().unwrap_or("").contains("live"), "{s}");
        assert!(!status_line(&s).contains("restored"), "{s}");
        t.quit();
    }
}

#[test]
fn a_damaged_session_is_reported_not_fatal() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(data.path().join("sessions")).unwrap();
    std::fs::write(data.path().join("sessions/bundled.json"), "{not json").unwrap();
    let t = start(Some(data.path()), "", "");
    t.wait("the reason", |s| {
        status_line(s).contains("session not restored:")
    });
    t.quit();
    // Quitting replaced it with a good one.
    let text = std::fs::read_to_string(data.path().join("sessions/bundled.json")).unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_ok(),
        "{text}"
    );
}
