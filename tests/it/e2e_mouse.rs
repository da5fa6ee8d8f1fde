//! End-to-end mouse and ASCII mode: the real `warta` binary in tmux (a private socket).
//! Mouse events are injected as the raw SGR sequences a terminal sends once the app has
//! asked for mouse reporting (`ESC [ < button ; column ; row M`, 1-based): `send-keys -l`
//! writes them to the pane's input as they are. Polls with a timeout; never sleeps a fixed
//! time. Skips (passes) when tmux is not installed.

use crate::common;

use common::{Tmux, have_tmux, status_line};

/// SGR button codes: left press, wheel up, wheel down.
const LEFT: u8 = 0;
const WHEEL_DOWN: u8 = 65;

fn start(width: u16, height: u16, args: &str) -> Tmux {
    let t = Tmux::start_warta(width, height, None, args);
    t.wait("5/5 in the status line", |s| {
        status_line(s).starts_with(" 5/5")
    });
    t
}

impl Tmux {
    /// A mouse event at 0-based screen cell (`col`, `row`).
    fn mouse(&self, button: u8, col: u16, row: u16) {
        self.literal(&format!("\x1b[<{button};{};{}M", col + 1, row + 1));
        if button == LEFT {
            self.literal(&format!("\x1b[<{button};{};{}m", col + 1, row + 1));
        }
    }
}

/// The text inside pane number `n` (0-based, left to right) on screen line `y`, in a
/// layout whose panes are drawn side by side with `sep` borders.
fn pane_text(screen: &str, y: usize, n: usize, sep: char) -> String {
    let line = screen.lines().nth(y).unwrap_or_default();
    line.split(sep)
        .nth(2 * n + 1)
        .unwrap_or_default()
        .to_string()
}

/// At 120x40: filters (0), list (1), detail (2). Row 0 is the search bar, row 1 the top
/// borders, row 2 the first list row and the detail's first line (the title).
#[test]
fn click_selects_a_row_and_the_wheel_scrolls_the_detail_under_the_pointer() {
    if !have_tmux() {
        return;
    }
    let t = start(120, 40, "");
    assert_eq!(
        t.pane("#{mouse_sgr_flag}"),
        "1",
        "warta asked for SGR mouse"
    );
    let s = t.screen();
    let third = pane_text(&s, 4, 1, '│');
    assert!(third.contains("Pemkab OKI"), "{s}");
    assert!(pane_text(&s, 2, 2, '│').starts_with("ASN Dibatasi"), "{s}");
    // Column 50 is inside the list (26..77); row 4 its third row.
    t.mouse(LEFT, 50, 4);
    let s = t.wait("the third article in the detail", |s| {
        pane_text(s, 2, 2, '│').starts_with("Pemkab OKI")
    });
    assert!(s.contains("Article · 1-36/"), "{s}");
    // The wheel over the detail scrolls it by 3; the list keeps the focus (its title is
    // the focused one) and the cursor stays on the third row.
    t.mouse(WHEEL_DOWN, 100, 10);
    let s = t.wait("the detail scrolled", |s| s.contains("Article · 4-39/"));
    assert!(!pane_text(&s, 2, 2, '│').starts_with("Pemkab OKI"), "{s}");
    t.mouse(WHEEL_DOWN, 100, 10);
    t.wait("scrolled again", |s| s.contains("Article · 7-42/"));
    // A second click on the cursor row opens it, like enter: opening marks it read, so
    // its unread mark goes.
    t.mouse(LEFT, 50, 4);
    t.wait("the article marked read", |s| {
        pane_text(s, 4, 1, '│').starts_with("      2024-06-19")
    });
    t.quit();
}

#[test]
fn ascii_mode_draws_no_box_drawing() {
    if !have_tmux() {
        return;
    }
    let t = start(120, 40, "--ascii");
    let s = t.screen();
    // The detail's inside (columns 78-118 of rows 2-38) shows the article as it is, with
    // the quote bars and bullets app::detail lays out: everything else is the frame.
    let boxy: Vec<(usize, usize, char)> = s
        .lines()
        .enumerate()
        .flat_map(|(y, line)| line.chars().enumerate().map(move |(x, c)| (x, y, c)))
        .filter(|&(x, y, _)| !((2..=38).contains(&y) && (78..=118).contains(&x)))
        .filter(|&(_, _, c)| ('\u{2500}'..='\u{259f}').contains(&c) || "▸•★·…".contains(c))
        .collect();
    assert!(boxy.is_empty(), "{boxy:?}\n{s}");
    assert!(s.contains("+ Filters ---"), "{s}");
    assert!(s.contains("++ Articles 5/5 | newest ---"), "{s}");
    assert!(
        pane_text(&s, 2, 1, '|').starts_with(" *    2025-09-10"),
        "{s}"
    );
    // The chart: the month label and ASCII bars.
    assert!(s.contains("|Per month 2023-10..2025~|"), "{s}");
    assert!(s.contains("|      # #           #  #|"), "{s}");
    t.quit();
}

/// With `--no-mouse` warta does not ask the terminal for mouse reports, so a real click
/// reaches it as nothing at all.
#[test]
fn no_mouse_leaves_the_terminal_mouse_off() {
    if !have_tmux() {
        return;
    }
    let t = start(120, 40, "--no-mouse");
    for flag in ["mouse_any_flag", "mouse_sgr_flag", "mouse_button_flag"] {
        assert_eq!(t.pane(&format!("#{{{flag}}}")), "0", "{flag}");
    }
    t.quit();
    // After a normal exit mouse reporting is off again.
    assert_eq!(t.pane("#{mouse_sgr_flag}"), "0");
}

/// Stray mouse bytes with `--no-mouse` (a terminal left in mouse mode by a crashed program,
/// or this injection) must not act as keys: `[`, `<`, digits, `;` and `M` would otherwise
/// be typed into the panes. crossterm parses them as a mouse report, so none of them is a
/// key: no search starts, nothing is triaged, warta keeps running.
#[test]
fn no_mouse_stray_mouse_bytes_trigger_no_keys() {
    if !have_tmux() {
        return;
    }
    let t = start(120, 40, "--no-mouse");
    t.mouse(LEFT, 50, 4);
    t.mouse(WHEEL_DOWN, 100, 10);
    // `S` after the bytes: once its effect shows, the bytes before it have been read.
    t.keys(&["S"]);
    let s = t.wait("sorted by oldest", |s| {
        status_line(s).contains("sorted by oldest")
    });
    assert!(status_line(&s).starts_with(" 5/5 · triaged 0/5"), "{s}");
    assert!(s.contains("type / to search"), "not in the search bar: {s}");
    assert!(!s.contains("WARTA-EXITED"), "{s}");
    t.quit();
}

/// With `--no-mouse` a mouse report that arrives anyway is dropped, so a click moves
/// nothing. Today src/tui.rs forwards every parsed mouse event whatever the switch (the
/// click below selects the third article); the fix is there, not in the app.
#[test]
fn no_mouse_ignores_a_click() {
    if !have_tmux() {
        return;
    }
    let t = start(120, 40, "--no-mouse");
    t.mouse(LEFT, 50, 4);
    // A key after the click that says something and moves nothing: once its message is
    // on screen, the click before it has been handled.
    t.keys(&["z"]);
    let s = t.wait("z's answer", |s| status_line(s).contains("copies"));
    // The cursor stayed on the first article.
    assert!(pane_text(&s, 2, 2, '│').starts_with("ASN Dibatasi"), "{s}");
}
