//! End-to-end: the corpus folder itself replaced while warta watches it (`mv root root.old;
//! mkdir root`, a prepared folder renamed into place, `rm -rf` and a new one, a symlink
//! switched with `ln -sfn`). The list shows the new folder's articles with a message, and
//! files written into the new folder keep showing up; a folder that is gone leaves what
//! was loaded on screen and says so. The real binary in tmux (private socket), polled with
//! timeouts, never fixed sleeps; skips when tmux is missing.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{Tmux, have_tmux, quote, status_line};

/// Made-up articles (not corpus text), each with a title of its own.
fn article(n: usize) -> String {
    format!(
        "Warga Kelurahan {n} Gotong Royong Bersihkan Saluran\n\n\
         LUBUKLINGGAU - Ratusan warga Kelurahan {n} membersihkan saluran air, Minggu \
         (14/9/2025), untuk mencegah banjir.\n"
    )
}

fn fill(dir: &Path, from: usize, count: usize) {
    std::fs::create_dir_all(dir).expect("mkdir");
    for n in from..from + count {
        std::fs::write(dir.join(format!("{n:03}.txt")), article(n)).expect("write");
    }
}

/// warta on `path`, once its `count` articles are listed.
fn browse(path: &Path, count: usize) -> Tmux {
    let t = Tmux::start_warta(160, 40, None, &quote(&path.display().to_string()));
    let shown = format!(" {0}/{0}", warta::loader::thousands(count as u64));
    t.wait("the first load", |s| {
        let st = status_line(s);
        st.starts_with(&shown) && st.contains("loaded")
    });
    t
}

/// Waits for `n` articles listed and a status line holding `text`.
fn wait_for(t: &Tmux, n: usize, text: &str) -> String {
    let shown = format!(" {0}/{0}", warta::loader::thousands(n as u64));
    t.wait(&format!("{n} articles and {text:?}"), |s| {
        let st = status_line(s);
        st.starts_with(&shown) && st.contains(text)
    })
}

#[test]
fn a_folder_moved_away_and_made_again_is_read_anew() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("berita");
    fill(&root, 0, 5);
    let t = browse(&root, 5);
    std::fs::rename(&root, tmp.path().join("berita.old")).expect("mv");
    fill(&root, 100, 2);
    wait_for(&t, 2, "was replaced");
    // The new folder is the one watched now.
    fill(&root, 200, 1);
    wait_for(&t, 3, "1 new");
    t.quit();
}

#[test]
fn a_prepared_folder_renamed_into_place_is_read_anew() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("berita");
    fill(&root, 0, 5);
    let prepared = tmp.path().join(".berita.new");
    fill(&prepared, 100, 3);
    let t = browse(&root, 5);
    std::fs::rename(&root, tmp.path().join("berita.old")).expect("mv root away");
    std::fs::rename(&prepared, &root).expect("mv prepared into place");
    let s = wait_for(&t, 3, "was replaced");
    assert!(s.contains("Kelurahan 100"), "{s}");
    fill(&root, 200, 1);
    wait_for(&t, 4, "1 new");
    t.quit();
}

#[test]
fn a_folder_deleted_keeps_the_list_and_one_made_again_is_read() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("berita");
    fill(&root, 0, 5);
    let t = browse(&root, 5);
    std::fs::remove_dir_all(&root).expect("rm -rf");
    let s = wait_for(&t, 5, "is gone; showing what was loaded");
    assert!(s.contains("berita"), "{s}");
    fill(&root, 100, 1);
    wait_for(&t, 1, "is back");
    fill(&root, 200, 1);
    wait_for(&t, 2, "1 new");
    t.quit();
}

#[test]
fn a_symlinked_folder_switched_elsewhere_is_followed() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().expect("tempdir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    fill(&a, 0, 5);
    fill(&b, 100, 1);
    let link = tmp.path().join("current");
    std::os::unix::fs::symlink(&a, &link).expect("ln -s");
    let t = browse(&link, 5);
    let ok = Command::new("ln")
        .arg("-sfn")
        .arg(&b)
        .arg(&link)
        .status()
        .expect("run ln")
        .success();
    assert!(ok, "ln -sfn");
    wait_for(&t, 1, "was replaced");
    // The old folder is no longer watched; the new one is.
    fill(&a, 300, 1);
    fill(&b, 200, 1);
    let s = wait_for(&t, 2, "1 new");
    assert!(!s.contains("Kelurahan 300"), "{s}");
    t.quit();
}
