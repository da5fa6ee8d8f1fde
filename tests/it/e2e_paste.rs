//! End-to-end: pasting into the real `warta` binary in tmux (private socket). tmux's
//! `paste-buffer -p` sends a bracketed paste when the application asked for it, as a
//! terminal does. Polls with timeouts; never sleeps a fixed time. Skips (passes) when tmux
//! is not installed.

use crate::common;

use std::time::{Duration, Instant};

use common::{Tmux, have_tmux, scaled, status_line};

/// A 50 KB paste (lines, tabs, an escape sequence) lands in the search bar as one line cut
/// to the limit, searched once, and ctrl-c then quits at once. Before bracketed paste and a
/// linear search bar this froze the screen for minutes, ctrl-c included.
#[test]
fn a_50_kb_paste_is_searched_at_once_and_ctrl_c_quits_promptly() {
    if !have_tmux() {
        return;
    }
    let t = Tmux::start_warta(120, 40, None, "");
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    let mut text = String::from("\x1b[31m");
    while text.len() < 50 * 1024 {
        // tmux sends each line end as CR, as a terminal does; warta makes it a space.
        text.push_str("Viral ASN\tMuratara\n");
    }
    let file = t.path("paste.txt");
    std::fs::write(&file, &text).unwrap();
    let out = t.tmux(&["load-buffer", "-b", "big", &file.display().to_string()]);
    assert!(out.status.success(), "load-buffer: {out:?}");
    // From the list: the paste opens the search bar (as keys, `r` and `m` would triage).
    let start = Instant::now();
    let out = t.tmux(&["paste-buffer", "-p", "-b", "big", "-t", "0"]);
    assert!(out.status.success(), "paste-buffer: {out:?}");
    let s = t.wait("the cut paste and its one hit", |s| {
        let status = status_line(s);
        status.starts_with(" 1/5") && status.contains("pasted text cut to 4,000")
    });
    println!("50 KB paste searched after {:?}", start.elapsed());
    let bar = s.lines().next().unwrap_or_default();
    assert!(
        bar.contains("Viral ASN Muratara Viral"),
        "one line, tabs as spaces: {bar}"
    );
    assert!(!s.contains("[31m"), "the escape sequence went whole: {s}");
    // Keys still answer at once: the line is full, and one more character says so.
    t.keys(&["x"]);
    t.wait("the full line", |s| {
        status_line(s).contains("the line is full")
    });
    let start = Instant::now();
    t.keys(&["C-c"]);
    t.wait_exit(0);
    let took = start.elapsed();
    println!("ctrl-c quit after {took:?}");
    // Minutes before the fix; seconds at most on a loaded machine.
    let limit = scaled(Duration::from_secs(5));
    assert!(took < limit, "ctrl-c took {took:?}, more than {limit:?}");
}
