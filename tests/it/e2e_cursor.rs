//! End-to-end: where the list's cursor is after a query and after a cold load. The real
//! `warta` binary in tmux (private socket), on a folder of generated articles whose file
//! names run from the oldest to the newest, so a cold load parses the newest last. Polls
//! with timeouts, never fixed sleeps; skips when tmux is missing.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{Tmux, have_tmux, quote, scaled, status_line};

const VOCABULARY: [&str; 32] = [
    "warga",
    "kepala",
    "desa",
    "sungai",
    "sawah",
    "pasar",
    "sekolah",
    "jembatan",
    "kantor",
    "rapat",
    "petani",
    "nelayan",
    "hujan",
    "panen",
    "harga",
    "beras",
    "kegiatan",
    "gotong",
    "royong",
    "lurah",
    "camat",
    "dinas",
    "anggaran",
    "musim",
    "kemarau",
    "air",
    "bersih",
    "lampu",
    "listrik",
    "puskesmas",
    "posyandu",
    "masjid",
];

/// Article `i` of a day-by-day run (the higher, the newer); every seventh has "banjir" in
/// its title. Titles are short, so the list shows them whole.
fn write_corpus(dir: &Path, files: usize) {
    std::fs::create_dir_all(dir).expect("mkdir");
    for i in 0..files {
        let (y, m, d) = (2019 + i / 336, 1 + (i / 28) % 12, 1 + i % 28);
        let title = if i % 7 == 0 {
            format!("Banjir #{i:04} rendam desa")
        } else {
            format!("Kabar #{i:04} dari desa")
        };
        let mut text = format!(
            "{title}\n\nPALEMBANG - Warga desa nomor {i} bergotong royong pada Senin \
             ({d}/{m}/{y}).\n\n"
        );
        // Words drawn at random per article, so that no two read alike and none are
        // grouped as copies of one story (a group's row could head the list instead).
        let mut seed = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        for _ in 0..4 {
            for _ in 0..30 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                text.push_str(VOCABULARY[(seed >> 33) as usize % VOCABULARY.len()]);
                text.push(' ');
            }
            text.push_str("\n\n");
        }
        std::fs::write(dir.join(format!("{i:05}.txt")), text).expect("write");
    }
}

/// A debug build parses a few thousand files in seconds.
fn long() -> Duration {
    scaled(Duration::from_secs(120))
}

/// The text of pane `n` (0 filters, 1 list, 2 detail at 120 columns) on screen line `y`.
fn pane_text(screen: &str, y: usize, n: usize) -> String {
    let line = screen.lines().nth(y).unwrap_or_default();
    line.split('│')
        .nth(2 * n + 1)
        .unwrap_or_default()
        .to_string()
}

/// Whether an SGR sequence in `text` turns reverse video on (the list's cursor row).
fn reversed(text: &str) -> bool {
    text.split("\x1b[").skip(1).any(|seq| {
        let Some(params) = seq.split('m').next() else {
            return false;
        };
        let mut it = params.split(';');
        while let Some(p) = it.next() {
            match p {
                "7" => return true,
                // Colours: 38;5;n and 38;2;r;g;b carry numbers that are not attributes.
                "38" | "48" | "58" => match it.next() {
                    Some("5") => {
                        it.next();
                    }
                    Some("2") => {
                        it.nth(2);
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        false
    })
}

/// Screen lines whose list row is drawn in reverse video: the cursor's.
fn cursor_lines(t: &Tmux) -> Vec<usize> {
    t.screen_e()
        .lines()
        .enumerate()
        .filter(|(_, l)| reversed(&pane_text(l, 0, 1)))
        .map(|(y, _)| y)
        .collect()
}

/// The cursor is on the list's first row (screen line 2), showing `number`, and the detail
/// shows that article.
fn assert_first_row_selected(t: &Tmux, screen: &str, number: &str) {
    let first = pane_text(screen, 2, 1);
    assert!(first.contains(number), "first row: {first:?}\n{screen}");
    assert_eq!(cursor_lines(t), [2], "the highlighted row\n{screen}");
    let title = pane_text(screen, 2, 2);
    assert!(title.contains(number), "detail title: {title:?}\n{screen}");
}

#[test]
fn a_cold_load_of_many_files_ends_on_the_newest_article_at_the_top() {
    if !have_tmux() {
        return;
    }
    // Past the loader's first chunk, so the first rows on screen are not the newest.
    let files = 2000;
    let corpus = tempfile::tempdir().expect("tempdir");
    write_corpus(corpus.path(), files);
    let dir = quote(&corpus.path().display().to_string());
    let t = Tmux::start_warta(120, 40, None, &dir);
    let s = t.settled_within(long(), "the whole corpus loaded", |s| {
        status_line(s).contains("loaded 2,000 articles")
    });
    assert!(status_line(&s).starts_with(" 2,000/2,000"), "{s}");
    assert!(
        !s.contains("groups"),
        "no article reads as a copy of another:\n{s}"
    );
    assert_first_row_selected(&t, &s, "#1999");
    t.quit();
}

#[test]
fn a_typed_query_selects_its_first_result_at_the_top_of_the_list() {
    if !have_tmux() {
        return;
    }
    let files = 600;
    let corpus = tempfile::tempdir().expect("tempdir");
    write_corpus(corpus.path(), files);
    let dir = corpus.path().display().to_string();
    let t = Tmux::start_warta(120, 40, None, &quote(&dir));
    t.settled_within(long(), "the corpus loaded", |s| {
        status_line(s).contains("loaded 600 articles")
    });
    // To the bottom of the list: the oldest article, the list scrolled far down.
    t.keys(&["G"]);
    let s = t.settled_within(long(), "the last row", |s| {
        pane_text(s, 2, 2).contains("#0000")
    });
    assert!(!pane_text(&s, 2, 1).contains("#0000"), "scrolled:\n{s}");

    // What the query ranks first, from the command line over the same files.
    let cache = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["list", "-q", "banjir", "--cache-dir"])
        .arg(cache.path())
        .arg(&dir)
        .env("WARTA_CONFIG", cache.path().join("none.toml"))
        .env("WARTA_DATA_DIR", cache.path().join("data"))
        .output()
        .expect("warta list");
    let listed = String::from_utf8_lossy(&out.stdout);
    let best = listed
        .lines()
        .next()
        .and_then(|l| l.split('#').nth(1))
        .map(|n| format!("#{}", &n[..4]))
        .unwrap_or_else(|| panic!("a first hit: {out:?}"));
    assert!(
        listed.lines().count() > 40,
        "more hits than rows:\n{listed}"
    );

    t.keys(&["/"]);
    t.literal("banjir");
    t.keys(&["Enter"]);
    let s = t.settled_within(long(), "the query's results", |s| {
        s.contains("Articles 86/600") && pane_text(s, 2, 1).contains("Banjir")
    });
    assert_first_row_selected(&t, &s, &best);
    t.quit();
}
