//! The word being typed in the real browser (issue 18): typed letter by letter into the
//! search bar in tmux, each letter narrows the list (the count never goes up), and Enter
//! reads the query precisely, the status line saying why the count changed. Polls with a
//! timeout; never sleeps a fixed time. Skips (passes) when tmux is not installed.

use std::path::Path;

use crate::common::{Tmux, have_tmux, quote, status_line, timeout};

/// Twelve short articles: one with "korup" itself, three with "korupsi", one "Koran", one
/// "Korban", six with no word starting with "k".
fn write_corpus(dir: &Path) {
    let titles = [
        "Pejabat korup ditangkap polisi".to_string(),
        "Kasus korupsi dana desa Sukamaju".to_string(),
        "Dugaan korupsi proyek jalan tol".to_string(),
        "Sidang korupsi bansos digelar".to_string(),
        "Koran pagi terbit lagi".to_string(),
        "Korban banjir mengungsi".to_string(),
    ]
    .into_iter()
    .chain((6..12).map(|i| format!("Berita desa nomor {i}")));
    for (i, title) in titles.enumerate() {
        let text = format!(
            "{title}\n\nPALEMBANG - Warga nomor {i} bergotong royong pada Senin ({}/3/2024).\n\n\
             Acara nomor {i} berlangsung sampai sore.\n",
            i + 1
        );
        std::fs::write(dir.join(format!("{i:02}.txt")), text).expect("write");
    }
}

/// The count the status line starts with (" 4/12 · …").
fn count(screen: &str) -> usize {
    let line = status_line(screen);
    line.trim_start()
        .split('/')
        .next()
        .and_then(|n| n.trim().replace(',', "").parse().ok())
        .unwrap_or_else(|| panic!("a count in {line:?}"))
}

fn bar_shows(screen: &str, typed: &str) -> bool {
    screen
        .lines()
        .next()
        .is_some_and(|l| l.trim_end().ends_with(&format!("/ {typed}")))
}

#[test]
fn each_letter_narrows_the_list_and_enter_gives_the_precise_set() {
    if !have_tmux() {
        return;
    }
    let corpus = tempfile::tempdir().expect("tempdir");
    write_corpus(corpus.path());
    let t = Tmux::start_warta(100, 30, None, &quote(&corpus.path().display().to_string()));
    t.settled_within(timeout(), "the corpus loaded", |s| {
        status_line(s).starts_with(" 12/12")
    });
    t.keys(&["/"]);
    let mut counts = Vec::new();
    let mut typed = String::new();
    for c in "korup".chars() {
        typed.push(c);
        t.literal(&c.to_string());
        let s = t.settled_within(timeout(), &format!("the results for {typed}"), |s| {
            bar_shows(s, &typed)
        });
        counts.push(count(&s));
    }
    assert!(
        counts.windows(2).all(|w| w[1] <= w[0]),
        "each letter narrows or keeps the list: {counts:?}"
    );
    // k, ko, kor: the six articles with such a word; koru, korup: "korup" and "korupsi".
    assert_eq!(counts, [6, 6, 6, 4, 4]);
    // Enter: "korup" is a word one article uses, and now matches only that.
    t.keys(&["Enter"]);
    let s = t.settled_within(timeout(), "the confirmed query's results", |s| {
        status_line(s).starts_with(" 1/12")
    });
    assert!(s.contains("Pejabat korup"), "{s}");
    assert!(
        status_line(&s).contains("korup: whole words now, 1 article (4 while typing"),
        "{s}"
    );
    // Typing on widens the last word again: "korups" and "korupsi" are the three articles
    // using "korupsi"; Enter keeps a count that is already right.
    t.keys(&["/"]);
    for (typed, want) in [("korups", 3), ("korupsi", 3)] {
        t.literal(&typed[typed.len() - 1..]);
        let s = t.settled_within(timeout(), &format!("the results for {typed}"), |s| {
            bar_shows(s, typed)
        });
        assert_eq!(count(&s), want, "{typed}: {s}");
    }
    t.keys(&["Enter"]);
    let s = t.settled_within(timeout(), "the confirmed query's results", |s| {
        bar_shows(s, "korupsi")
    });
    assert_eq!(count(&s), 3, "{s}");
    t.quit();
}
