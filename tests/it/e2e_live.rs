//! End-to-end live corpus (issue 7): warta watches the folder it was given; a file written
//! into it shows up without a restart, counted "1 new" and listed by `is:new`, with the
//! cursor left on its article; a deleted file leaves; a file rewritten with the same text
//! keeps its triage mark. The real binary in tmux (private socket), polled with timeouts,
//! never fixed sleeps; skips when tmux is missing.

use crate::common;

use std::path::Path;

use common::{Tmux, have_tmux, quote, status_line};

/// A made-up article (not corpus text), dated after every seed so it sorts first.
const NEW_ARTICLE: &str = "Warga Gotong Royong Bersihkan Sungai Kelingi\n\n\
LUBUKLINGGAU - Ratusan warga bergotong royong membersihkan aliran Sungai Kelingi, Minggu \
(14/9/2025), untuk mencegah banjir saat musim hujan.\n\n\
Kegiatan serupa akan digelar setiap bulan bersama Dinas Lingkungan Hidup.\n";

/// The file of the article in the detail pane (its "Source" line), i.e. the cursor's.
fn source(screen: &str) -> Option<String> {
    screen.lines().find_map(|l| {
        let rest = l.split("Source").nth(1)?;
        Some(rest.trim().trim_end_matches('│').trim().to_string())
    })
}

fn copy_seeds(to: &Path) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for e in std::fs::read_dir(&data).expect("data dir") {
        let path = e.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            std::fs::copy(&path, to.join(path.file_name().expect("name"))).expect("copy");
        }
    }
}

#[test]
fn files_added_removed_and_rewritten_show_up_live() {
    if !have_tmux() {
        return;
    }
    let corpus = tempfile::tempdir().expect("tempdir");
    copy_seeds(corpus.path());
    let dir = quote(&corpus.path().display().to_string());
    let t = Tmux::start_warta(160, 40, None, &dir);
    t.wait("the five seeds loaded", |s| {
        let st = status_line(s);
        st.starts_with(" 5/5") && st.contains("loaded 5 articles")
    });

    // Mark the first (newest) article relevant; the cursor moves on to the next one.
    let s = t.screen();
    let marked = source(&s).expect("a Source line");
    t.keys(&["r"]);
    let s = t.wait("the mark saved", |s| {
        status_line(s).contains("relevant 1") && source(s).is_some_and(|p| p != marked)
    });
    let cursor = source(&s).expect("a Source line");

    // A scraper drops a new article into the folder.
    std::fs::write(corpus.path().join("100_new.txt"), NEW_ARTICLE).expect("write");
    let s = t.wait("the new article counted", |s| {
        let st = status_line(s);
        st.starts_with(" 6/6") && st.contains("1 new")
    });
    assert!(s.contains("Warga Gotong Royong"), "{s}");
    assert_eq!(
        source(&s).as_deref(),
        Some(cursor.as_str()),
        "cursor moved:\n{s}"
    );
    assert!(status_line(&s).contains("relevant 1"), "{s}");

    // is:new lists just the new one.
    t.keys(&["/"]);
    t.literal("is:new");
    t.keys(&["Enter"]);
    let s = t.wait("is:new", |s| status_line(s).starts_with(" 1/6"));
    assert!(
        source(&s).is_some_and(|p| p.ends_with("100_new.txt")),
        "{s}"
    );
    t.keys(&["/", "C-u", "Enter"]);
    let s = t.wait("the whole corpus again", |s| {
        status_line(s).starts_with(" 6/6")
    });
    // The cursor stayed on the new article when the query was cleared.
    let cursor = source(&s).expect("a Source line");
    assert!(cursor.ends_with("100_new.txt"), "{s}");

    // The marked article's file is written again with the same text while another file is
    // deleted: one reload, the count drops, the mark stays (same text, same id).
    let marked_path = Path::new(&marked);
    let text = std::fs::read(marked_path).expect("read the marked file");
    std::fs::remove_file(marked_path).expect("rm marked");
    std::fs::write(marked_path, &text).expect("write the marked file back");
    let other = std::fs::read_dir(corpus.path())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .find(|p| p.as_path() != marked_path && p.as_os_str().to_string_lossy() != cursor)
        .expect("another seed");
    std::fs::remove_file(&other).expect("rm other");
    let s = t.wait("the deleted file gone", |s| {
        let st = status_line(s);
        st.starts_with(" 5/5") && st.contains("1 removed")
    });
    assert!(status_line(&s).contains("relevant 1"), "{s}");
    assert!(status_line(&s).contains("1 new"), "{s}");
    assert_eq!(
        source(&s).as_deref(),
        Some(cursor.as_str()),
        "cursor moved:\n{s}"
    );
    t.quit();
}

/// A second made-up article, for a folder of two.
const OTHER_ARTICLE: &str = "Pemkab Gelar Pelatihan Etika Bermedia Sosial bagi ASN\n\n\
MUARA RUPIT - Pemerintah kabupaten menggelar pelatihan etika bermedia sosial bagi aparatur \
sipil negara, Selasa (16/9/2025), menyusul video siaran langsung pegawai yang viral.\n\n\
Peserta diminta tidak menyiarkan kegiatan kantor tanpa izin atasan.\n";

#[test]
fn a_folder_moved_in_and_then_deleted_shows_up_and_leaves_whole() {
    if !have_tmux() {
        return;
    }
    let corpus = tempfile::tempdir().expect("tempdir");
    copy_seeds(corpus.path());
    // The scraper fills a folder elsewhere, then moves it in whole.
    let outside = tempfile::tempdir().expect("tempdir");
    let batch = outside.path().join("batch-0917");
    std::fs::create_dir(&batch).expect("mkdir");
    std::fs::write(batch.join("a.txt"), NEW_ARTICLE).expect("write");
    std::fs::write(batch.join("b.txt"), OTHER_ARTICLE).expect("write");
    std::fs::write(batch.join("notes.png"), "not an article").expect("write");
    let dir = quote(&corpus.path().display().to_string());
    let t = Tmux::start_warta(160, 40, None, &dir);
    t.wait("the five seeds loaded", |s| {
        let st = status_line(s);
        st.starts_with(" 5/5") && st.contains("loaded 5 articles")
    });
    let moved_in = corpus.path().join("batch-0917");
    std::fs::rename(&batch, &moved_in).expect("move the folder in");
    let s = t.wait("both articles of the folder", |s| {
        let st = status_line(s);
        st.starts_with(" 7/7") && st.contains("2 new")
    });
    assert!(s.contains("Warga Gotong Royong"), "{s}");
    assert!(s.contains("Etika Bermedia"), "{s}");

    std::fs::remove_dir_all(&moved_in).expect("rm -r");
    let s = t.wait("the folder's articles gone", |s| {
        let st = status_line(s);
        st.starts_with(" 5/5") && st.contains("2 removed")
    });
    assert!(!s.contains("Etika Bermedia"), "{s}");
    t.quit();
}

/// Issue 20: the message a live change promises ("corpus updated: …") shows even when the
/// corpus has copies, whose "stories with copies" notice used to take its place, and the
/// message log (`L`) keeps both.
#[test]
fn a_live_change_is_said_over_the_copies_notice_and_logged() {
    if !have_tmux() {
        return;
    }
    let corpus = tempfile::tempdir().expect("tempdir");
    copy_seeds(corpus.path());
    // A syndicated copy of the first seed under another headline: the corpus has a group.
    let seed = std::fs::read_dir(corpus.path())
        .expect("list")
        .map(|e| e.expect("entry").path())
        .min()
        .expect("a seed");
    let text = std::fs::read_to_string(&seed).expect("read seed");
    let body = text.split_once('\n').map_or(text.as_str(), |(_, b)| b);
    std::fs::write(
        corpus.path().join("050_copy.txt"),
        format!("Judul Lain untuk Berita yang Sama\n{body}"),
    )
    .expect("write copy");
    let dir = quote(&corpus.path().display().to_string());
    let t = Tmux::start_warta(160, 40, None, &dir);
    t.wait("the copies grouped", |s| {
        status_line(s).contains("with copies")
    });
    std::fs::write(corpus.path().join("100_new.txt"), NEW_ARTICLE).expect("write");
    t.wait("the change said and shown", |s| {
        status_line(s).contains("corpus updated: 1 new") && s.contains("Warga Gotong Royong")
    });
    // The groups of the reloaded corpus arrive after the reload: they must not replace it.
    t.keys(&["j", "k"]);
    let s = t.screen();
    assert!(status_line(&s).contains("corpus updated"), "{s}");
    t.keys(&["L"]);
    let s = t.wait("the log", |s| s.contains("Messages (newest first)"));
    assert!(s.contains("corpus updated: 1 new"), "{s}");
    assert!(s.contains("with copies"), "{s}");
    t.keys(&["Escape"]);
    t.wait("the log closed", |s| !s.contains("Messages (newest first)"));
    t.quit();
}
