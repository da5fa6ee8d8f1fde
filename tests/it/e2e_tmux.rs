//! End-to-end: the real `warta` binary in a real terminal (tmux on a private socket), driven
//! with `send-keys` and observed with `capture-pane`. Polls with a timeout; never sleeps a
//! fixed time. Skips (passes) when tmux is not installed.

use crate::common;

use std::path::Path;

use common::{Tmux, have_tmux, status_line};

/// `warta` with an isolated environment in a `width`x`height` window.
fn start(width: u16, height: u16) -> Tmux {
    Tmux::start_warta(width, height, None, "")
}

#[test]
fn search_open_and_quit() {
    if !have_tmux() {
        return;
    }
    assert!(Path::new(env!("CARGO_BIN_EXE_warta")).exists());
    let t = start(120, 40);
    t.wait("5/5 in the status line", |s| {
        status_line(s).starts_with(" 5/5")
    });
    t.keys(&["/"]);
    t.literal("tiktok");
    t.keys(&["Enter"]);
    let s = t.wait("the Palembang article first", |s| {
        // Row 0 is the search bar, row 1 the list's top border, row 2 its first row.
        s.lines()
            .nth(2)
            .is_some_and(|row| row.contains("2023-06-09") && row.contains("Viral di media"))
    });
    assert!(s.contains("/ tiktok"), "{s}");
    assert!(s.contains("Grow Media"), "{s}");
    t.keys(&["Enter"]);
    t.wait("the detail focused", |s| s.contains("BKPSDM"));
    t.quit();
}

#[test]
fn filter_changes_the_count() {
    if !have_tmux() {
        return;
    }
    let t = start(120, 40);
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["f"]);
    // Past the triage facets (decision: undecided, read: unread) to the first outlet.
    t.keys(&["j", "j"]);
    t.keys(&["Space"]);
    let s = t.wait("1/5 after toggling an outlet", |s| {
        status_line(s).starts_with(" 1/5")
    });
    assert!(s.contains("[x]"), "{s}");
    t.keys(&["c"]);
    t.wait("5/5 after clearing", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["C-c"]);
    t.wait_exit(0);
}

#[test]
fn narrow_terminal_uses_the_filter_overlay() {
    if !have_tmux() {
        return;
    }
    let t = start(80, 24);
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["f"]);
    t.wait_for("Filters");
    t.keys(&["j", "j", "j", "Space"]);
    t.wait("1/5", |s| status_line(s).starts_with(" 1/5"));
    // Esc and q in one burst would read as alt-q; wait for the overlay to close first.
    t.keys(&["Escape"]);
    t.wait("the overlay closed", |s| s.contains("Articles 1/5"));
    t.quit();
}

/// Row `n` of the article list in the 120-column layout (filters | list | detail): the list
/// is the second bordered pane on the line.
fn list_row(screen: &str, n: usize) -> String {
    let line = screen.lines().nth(2 + n).unwrap_or_default();
    line.split('│').nth(3).unwrap_or_default().to_string()
}

#[test]
fn triage_marks_survive_a_restart() {
    if !have_tmux() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    {
        let t = Tmux::start_warta(120, 40, Some(data.path()), "");
        t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
        t.keys(&["s"]);
        t.wait("the star", |s| list_row(s, 0).contains("★"));
        // r decides row 0 and moves on to row 1; m decides row 1.
        t.keys(&["r"]);
        t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
        t.keys(&["m"]);
        let s = t.wait("maybe 1", |s| {
            status_line(s).contains("triaged 2/5 · relevant 1 · maybe 1")
        });
        // Deciding marked both read: no unread dot left on them.
        assert!(list_row(&s, 0).starts_with("  ★R"), "{s}");
        assert!(list_row(&s, 1).starts_with("   M"), "{s}");
        t.quit();
    }
    let t = Tmux::start_warta(120, 40, Some(data.path()), "");
    let s = t.wait("the marks after a restart", |s| {
        status_line(s).contains("triaged 2/5")
    });
    assert!(list_row(&s, 0).starts_with("  ★R"), "{s}");
    assert!(list_row(&s, 1).starts_with("   M"), "{s}");
    assert!(
        list_row(&s, 2).starts_with(" •    "),
        "undecided, unread: {s}"
    );
    t.quit();
}

#[test]
fn export_from_the_browser_writes_csv_rows() {
    if !have_tmux() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("view.csv");
    let t = start(120, 40);
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["r"]);
    t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    t.keys(&["e"]);
    t.wait_for("export to");
    t.keys(&["C-u"]);
    t.literal(&file.display().to_string());
    t.keys(&["Enter"]);
    t.wait_for("exported 5 articles to");
    let text = std::fs::read_to_string(&file).expect("the export");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    let decision = headers.iter().position(|h| h == "decision").unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 5, "{text}");
    let relevant = rows.iter().filter(|r| &r[decision] == "relevant").count();
    assert_eq!(relevant, 1, "{text}");
    t.quit();
}

#[test]
fn a_batch_decision_is_undone_in_one_step() {
    if !have_tmux() {
        return;
    }
    let t = start(120, 40);
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["Space", "Space"]);
    t.wait_for("2 selected");
    t.keys(&["r"]);
    let s = t.wait("relevant 2", |s| status_line(s).contains("relevant 2"));
    assert!(
        list_row(&s, 0).starts_with("▸  R") && list_row(&s, 1).starts_with("▸  R"),
        "{s}"
    );
    t.keys(&["u"]);
    let s = t.wait("the batch undone", |s| {
        status_line(s).contains("undone: marked 2 articles relevant")
    });
    assert!(status_line(&s).contains("triaged 0/5"), "{s}");
    // Still selected, no decision mark any more.
    assert!(
        list_row(&s, 0).starts_with("▸•    ") && list_row(&s, 1).starts_with("▸•    "),
        "{s}"
    );
    // V selects the whole view; one undo reverts all five.
    t.keys(&["V"]);
    t.wait_for("5 selected");
    t.keys(&["i"]);
    t.wait("triaged 5/5", |s| status_line(s).contains("triaged 5/5"));
    t.keys(&["u"]);
    t.wait("all undone", |s| status_line(s).contains("triaged 0/5"));
    t.quit();
}

#[test]
fn triage_times_and_the_export_name_are_local() {
    if !have_tmux() {
        return;
    }
    // A POSIX rule needs no zone database: WIT is UTC+9, so its date and hour are not UTC's.
    let script = format!("TZ=WIT-9 \"$WARTA\"; {}", common::tmux::SHOW_EXIT);
    let t = Tmux::start_script(120, 40, None, &script);
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["r"]);
    t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    let wit_now = std::process::Command::new("date")
        .env("TZ", "WIT-9")
        .arg("+%Y-%m-%d")
        .output()
        .unwrap();
    let today = String::from_utf8_lossy(&wit_now.stdout).trim().to_string();
    t.keys(&["k"]);
    // The detail's Decision line: local date and zone (the zone may wrap to the next line).
    let s = t.wait_for(" WIT");
    assert!(s.contains(&format!("relevant · {today} ")), "{s}");
    assert!(!s.contains("UTC"), "{s}");
    t.keys(&["e"]);
    t.wait_for(&format!("warta-export-{today}.csv"));
    t.keys(&["Escape"]);
    t.quit();
}
