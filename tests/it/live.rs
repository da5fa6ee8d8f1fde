//! A live corpus (issue 7): what a reload changes in the app (new ids, `is:new`, the status
//! line, the cursor, triage marks) and the watcher's debouncing in a real directory.

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::{self, Action, App, KeyHelp, search};
use warta::corpus::Corpus;
use warta::loader::{self, Input, LoadOptions};
use warta::query::Query;
use warta::triage::{ArticleState, Decision};
use warta::ui;
use warta::watch::{self, Note, Watch};

/// A made-up article (not corpus text) in the seeds' plain-text shape.
const NEW_ARTICLE: &str = "Warga Gotong Royong Bersihkan Sungai Kelingi Jelang Musim Hujan\n\n\
LUBUKLINGGAU - Ratusan warga Kelurahan Taba Jemekeh bergotong royong membersihkan aliran \
Sungai Kelingi, Minggu (14/9/2025), untuk mencegah banjir saat musim hujan tiba.\n\n\
Lurah setempat mengatakan sampah plastik dan ranting yang menumpuk di bawah jembatan \
membuat air meluap ke permukiman setiap kali hujan deras turun.\n\n\
Kegiatan serupa akan digelar setiap bulan bersama Dinas Lingkungan Hidup.\n";

fn seeds_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    for e in std::fs::read_dir(&data).expect("data dir") {
        let path = e.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            let name = path.file_name().expect("name");
            std::fs::copy(&path, dir.path().join(name)).expect("copy seed");
        }
    }
    dir
}

fn load(dir: &Path) -> Corpus {
    let report = loader::load(&[Input::Path(dir.to_path_buf())], &LoadOptions::default());
    report.corpus
}

/// An app showing `corpus` as after its first load, with results installed.
fn app_on(corpus: Corpus) -> App {
    let mut a = App::new(corpus, KeyHelp::default());
    a.width = 120;
    a.height = 30;
    app::search_now(&mut a);
    a
}

/// Installs a reload of `dir` the way the terminal front end does, running the search.
fn reload(a: &mut App, dir: &Path) -> watch::CorpusDiff {
    let corpus = load(dir);
    let diff = watch::diff(&a.corpus, &corpus);
    let req = a.reload_corpus(corpus, &diff);
    let results = search::execute(&a.corpus, &req);
    assert!(a.apply_results(results));
    diff
}

fn selected_id(a: &App) -> String {
    let i = a.selected().expect("a selected article");
    a.corpus.meta(i).id.clone()
}

fn status_line(a: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(a.width, a.height)).expect("terminal");
    term.draw(|f| ui::render(f, a)).expect("draw");
    let buf = term.backend().buffer();
    let y = a.height - 1;
    (0..a.width).map(|x| buf[(x, y)].symbol()).collect()
}

fn search(a: &mut App, q: &str) {
    app::update_sync(a, Action::StartSearch);
    app::update_sync(a, Action::ClearQuery);
    for c in q.chars() {
        app::update_sync(a, Action::Insert(c));
    }
    app::update_sync(a, Action::Submit);
}

#[test]
fn a_new_file_is_counted_new_listed_by_is_new_and_the_cursor_stays() {
    let dir = seeds_dir();
    let mut a = app_on(load(dir.path()));
    assert_eq!(a.list.shown.len(), 5);
    assert!(a.arrivals.new_ids.is_empty());
    assert!(!status_line(&a).contains(" new"));
    app::update_sync(&mut a, Action::MoveDown);
    app::update_sync(&mut a, Action::MoveDown);
    let before = selected_id(&a);

    std::fs::write(dir.path().join("100_new.txt"), NEW_ARTICLE).expect("write");
    let diff = reload(&mut a, dir.path());
    assert_eq!((diff.new, diff.changed, diff.removed), (1, 0, 0));
    assert_eq!(a.list.shown.len(), 6);
    assert_eq!(selected_id(&a), before, "the cursor stays on its article");
    assert_eq!(a.arrivals.new_ids.len(), 1);
    let status = status_line(&a);
    assert!(status.contains("1 new"), "{status}");
    assert!(
        a.message
            .as_ref()
            .is_some_and(|m| m.text.starts_with("corpus updated: 1 new;")),
        "{:?}",
        a.message
    );

    search(&mut a, "is:new");
    assert_eq!(a.list.shown.len(), 1);
    let new = a.corpus.meta(a.list.shown[0].index);
    assert!(new.source_path.ends_with("100_new.txt"), "{new:?}");
    assert!(new.title.starts_with("Warga Gotong Royong"), "{new:?}");
    search(&mut a, "!is:new");
    assert_eq!(a.list.shown.len(), 5);
}

#[test]
fn rewritten_and_deleted_files_are_told_apart_and_leave_is_new() {
    let dir = seeds_dir();
    let mut a = app_on(load(dir.path()));
    let added = dir.path().join("100_new.txt");
    std::fs::write(&added, NEW_ARTICLE).expect("write");
    reload(&mut a, dir.path());
    assert_eq!(a.arrivals.new_ids.len(), 1);

    // The new file is rewritten: its id changes, the file is the same.
    std::fs::write(&added, NEW_ARTICLE.replace("Ratusan", "Puluhan")).expect("rewrite");
    let diff = reload(&mut a, dir.path());
    assert_eq!((diff.new, diff.changed, diff.removed), (0, 1, 0));
    assert_eq!(
        a.arrivals.new_ids.len(),
        1,
        "the old version left is:new, the new joined"
    );
    search(&mut a, "is:new");
    assert_eq!(a.list.shown.len(), 1);
    assert!(
        a.corpus
            .meta(a.list.shown[0].index)
            .title
            .starts_with("Warga Gotong")
    );

    // A seed is deleted and the new file too.
    std::fs::remove_file(dir.path().join("000_4c0f888a8b7f48f0.txt")).expect("rm seed");
    std::fs::remove_file(&added).expect("rm new");
    let diff = reload(&mut a, dir.path());
    assert_eq!((diff.new, diff.changed, diff.removed), (0, 0, 2));
    assert!(a.arrivals.new_ids.is_empty());
    assert_eq!(a.corpus.len(), 4);
    assert!(
        a.list.shown.is_empty(),
        "is:new lists nothing once the new one is gone"
    );
    assert!(
        a.message
            .as_ref()
            .is_some_and(|m| m.text == "corpus updated: 2 removed")
    );
    assert!(!status_line(&a).contains(" new "));
}

#[test]
fn a_file_rewritten_with_the_same_text_keeps_its_id_and_its_mark() {
    let dir = seeds_dir();
    let mut a = app_on(load(dir.path()));
    let target = a.selected().expect("selected");
    let id = a.corpus.meta(target).id.clone();
    let path = PathBuf::from(&a.corpus.meta(target).source_path);
    let mut states = (*a.triage.states).clone();
    states.insert(
        id.clone(),
        ArticleState {
            decision: Decision::Relevant,
            ..ArticleState::default()
        },
    );
    a.triage.states = std::sync::Arc::new(states);

    let text = std::fs::read(&path).expect("read");
    std::fs::remove_file(&path).expect("rm");
    std::fs::write(&path, &text).expect("write back");
    let diff = reload(&mut a, dir.path());
    assert!(diff.is_empty(), "{diff:?}");
    assert!(a.arrivals.new_ids.is_empty());
    assert_eq!(selected_id(&a), id);
    let i = a.selected().expect("selected");
    assert_eq!(a.state_of(i).decision, Decision::Relevant);
}

#[test]
fn is_new_never_refines_and_matches_only_the_ids_it_is_given() {
    let new = Query::parse("is:new").expect("valid");
    let narrower = Query::parse("is:new banjir").expect("valid");
    let plain = Query::parse("banjir").expect("valid");
    assert!(new.has_new() && narrower.has_new() && !plain.has_new());
    assert!(!narrower.refines(&new));
    assert!(!Query::parse("banjirx").unwrap().refines(&narrower));
    assert!(Query::parse("is:NEW").unwrap().has_new());
    let err = Query::parse("is:neww").unwrap_err().message;
    assert!(err.contains("new"), "{err}");

    let dir = seeds_dir();
    let corpus = load(dir.path());
    let chosen = corpus.meta(3).id.clone();
    let run = |q: &Query| {
        let req = app::SearchRequest {
            generation: 1,
            query: q.clone(),
            filters: Default::default(),
            sort: warta::query::Sort::DateDesc,
            triage: Default::default(),
        };
        search::execute(&corpus, &req).hits
    };
    // Unbound (`warta list --query is:new`): nothing arrived while it ran.
    assert!(run(&new).is_empty());
    let ids = std::sync::Arc::new(std::iter::once(chosen.clone()).collect());
    let hits = run(&new.with_new_ids(&ids));
    assert_eq!(hits.len(), 1);
    assert_eq!(corpus.meta(hits[0].index).id, chosen);
}

#[test]
fn the_first_load_counts_nothing_as_new() {
    let dir = seeds_dir();
    let mut a = App::new(Corpus::default(), KeyHelp::default());
    // The front end installs the initial load's corpora with replace_corpus.
    let req = a.replace_corpus(load(dir.path()));
    a.apply_results(search::execute(&a.corpus, &req));
    assert_eq!(a.list.shown.len(), 5);
    assert!(a.arrivals.new_ids.is_empty());
}

#[test]
fn an_article_deleted_and_restored_is_back_not_new() {
    let dir = seeds_dir();
    let mut a = app_on(load(dir.path()));
    let seed = dir.path().join("000_4c0f888a8b7f48f0.txt");
    let text = std::fs::read(&seed).expect("read");
    std::fs::remove_file(&seed).expect("rm");
    let diff = reload(&mut a, dir.path());
    assert_eq!((diff.new, diff.changed, diff.removed), (0, 0, 1));

    // Back, beside a file that is really new: only that one counts.
    std::fs::write(&seed, &text).expect("restore");
    std::fs::write(dir.path().join("100_new.txt"), NEW_ARTICLE).expect("write");
    let diff = reload(&mut a, dir.path());
    assert_eq!((diff.new, diff.changed, diff.removed), (2, 0, 0));
    assert_eq!(a.arrivals.new_ids.len(), 1);
    assert_eq!(
        a.message.as_ref().map(|m| m.text.as_str()),
        Some("corpus updated: 1 new, 1 back; search is:new to list what arrived")
    );
    search(&mut a, "is:new");
    assert_eq!(a.list.shown.len(), 1);
    assert!(
        a.corpus
            .meta(a.list.shown[0].index)
            .source_path
            .ends_with("100_new.txt")
    );

    // A start file rewritten, then rewritten back to its first text: new, then not.
    let other = dir.path().join("001_2701c3b0c1794c03.txt");
    let first = std::fs::read_to_string(&other).expect("read");
    std::fs::write(&other, first.replacen('a', "o", 1)).expect("rewrite");
    reload(&mut a, dir.path());
    assert_eq!(a.arrivals.new_ids.len(), 2, "the rewritten text is new");
    std::fs::write(&other, &first).expect("rewrite back");
    let diff = reload(&mut a, dir.path());
    assert_eq!((diff.new, diff.changed, diff.removed), (0, 1, 0));
    assert_eq!(a.arrivals.new_ids.len(), 1, "the first text is not");
    assert_eq!(
        a.message.as_ref().map(|m| m.text.as_str()),
        Some("corpus updated: 1 changed")
    );

    // The only new article deleted and restored stays new: it was not there at the start.
    let added = dir.path().join("100_new.txt");
    std::fs::remove_file(&added).expect("rm");
    reload(&mut a, dir.path());
    assert!(a.arrivals.new_ids.is_empty());
    std::fs::write(&added, NEW_ARTICLE).expect("write again");
    reload(&mut a, dir.path());
    assert_eq!(a.arrivals.new_ids.len(), 1);
    assert!(status_line(&a).contains("1 new"), "{}", status_line(&a));
}

// --- the watcher, in a real directory -------------------------------------------------

/// How long to wait for a note that should come; the watcher's own window is much shorter.
fn wait() -> Duration {
    common::timeout()
}

/// A watcher on `dir` whose notes arrive on the returned channel.
fn watch(dir: &Path, ignore: &[PathBuf], window: Duration) -> (Watch, mpsc::Receiver<Note>) {
    let (tx, rx) = mpsc::channel();
    let w = Watch::start(&[dir.to_path_buf()], ignore, window, move |n| {
        tx.send(n).is_ok()
    })
    .expect("the watcher starts");
    (w, rx)
}

fn next_change(rx: &mpsc::Receiver<Note>, within: Duration) -> Option<usize> {
    match rx.recv_timeout(within) {
        Ok(Note::Changed { events, .. }) => Some(events),
        Ok(Note::Problem(p)) => panic!("watcher problem: {p}"),
        Ok(n @ Note::Root { .. }) => panic!("the corpus folder was not touched: {n:?}"),
        Err(_) => None,
    }
}

#[test]
fn the_corpus_folder_replaced_gone_and_back_is_told_and_watched_anew() {
    use watch::RootChange::{Back, Gone, Replaced};
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("berita");
    std::fs::create_dir(&root).expect("mkdir");
    let (tx, rx) = mpsc::channel();
    let _w = Watch::start(
        std::slice::from_ref(&root),
        &[],
        watch::DEBOUNCE,
        move |n| tx.send(n).is_ok(),
    )
    .expect("the watcher starts");
    // What happened to the folder, up to the next change of files.
    let until_changed = || {
        let mut seen = Vec::new();
        loop {
            match rx.recv_timeout(wait()).expect("a note") {
                Note::Root { path, change } => {
                    assert_eq!(path, root.display().to_string());
                    seen.push(change);
                }
                Note::Changed { paths, .. } => return (seen, paths),
                Note::Problem(p) => panic!("watcher problem: {p}"),
            }
        }
    };

    std::fs::rename(&root, tmp.path().join("berita.old")).expect("mv");
    std::fs::create_dir(&root).expect("mkdir");
    let (seen, paths) = until_changed();
    // In one window, or in two (gone, then back).
    assert!(seen == [Replaced] || seen == [Gone, Back], "{seen:?}");
    assert_eq!(paths, None, "everything is read again");

    // Gone: said, and nothing to reload; back: read again, and watched.
    std::fs::remove_dir(&root).expect("rmdir");
    std::fs::create_dir(&root).expect("mkdir");
    let (seen, paths) = until_changed();
    assert!(seen == [Gone, Back] || seen == [Replaced], "{seen:?}");
    assert_eq!(paths, None);
    let file = root.join("a.txt");
    std::fs::write(&file, NEW_ARTICLE).expect("write");
    let (seen, paths) = until_changed();
    assert!(seen.is_empty(), "{seen:?}");
    let want = root.canonicalize().expect("canonical").join("a.txt");
    assert_eq!(paths, Some(vec![want]));
}

#[test]
fn a_burst_of_files_is_one_debounced_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Scaled: a loaded machine may take longer to write the burst, and a burst spread over
    // many windows is rightly more than one change.
    let window = common::scaled(Duration::from_millis(300));
    let (_w, rx) = watch(dir.path(), &[], window);
    let start = Instant::now();
    for i in 0..50 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), NEW_ARTICLE).expect("write");
    }
    let events = next_change(&rx, wait()).expect("one change reported");
    assert!(events >= 1);
    // Whatever of the burst fell after the first window makes at most one more change,
    // never one per file.
    let mut changes = 1;
    while next_change(&rx, window * 3).is_some() {
        changes += 1;
    }
    assert!(changes <= 2, "{changes} changes for one burst");
    assert!(start.elapsed() < wait());
}

#[test]
fn reads_scratch_files_and_the_cache_dir_do_not_count() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), NEW_ARTICLE).expect("write");
    let cache = dir.path().join("cache");
    std::fs::create_dir(&cache).expect("mkdir");
    let window = Duration::from_millis(200);
    let (_w, rx) = watch(dir.path(), std::slice::from_ref(&cache), window);
    // A reload reads every file, and editors and downloads write scratch files.
    std::fs::read(dir.path().join("a.txt")).expect("read");
    std::fs::write(dir.path().join(".a.txt.swp"), "x").expect("swp");
    std::fs::write(dir.path().join("b.txt.part"), "x").expect("part");
    std::fs::write(dir.path().join("b.txt~"), "x").expect("backup");
    std::fs::write(cache.join("bodies"), "x").expect("cache write");
    std::fs::create_dir(dir.path().join(".git")).expect("hidden dir");
    assert_eq!(next_change(&rx, window * 4), None);
    // A download finished by renaming counts.
    std::fs::rename(dir.path().join("b.txt.part"), dir.path().join("b.txt")).expect("mv");
    assert!(next_change(&rx, wait()).is_some());
}

#[test]
fn a_single_file_input_reports_only_that_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("feed.jsonl");
    std::fs::write(&file, "{\"title\":\"a\",\"body\":\"b\"}\n").expect("write");
    let (tx, rx) = mpsc::channel();
    let _w = Watch::start(
        std::slice::from_ref(&file),
        &[],
        Duration::from_millis(200),
        move |n| tx.send(n).is_ok(),
    )
    .expect("starts");
    std::fs::write(dir.path().join("other.txt"), "x").expect("sibling");
    assert_eq!(next_change(&rx, Duration::from_millis(800)), None);
    std::fs::write(&file, "{\"title\":\"a\",\"body\":\"c\"}\n").expect("append");
    assert!(next_change(&rx, wait()).is_some());
}

#[test]
fn a_watcher_that_cannot_start_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A file that may appear later is watched through its directory; one whose directory
    // is missing cannot be.
    let gone = dir.path().join("no-such-dir").join("feed.jsonl");
    let err = Watch::start(&[gone], &[], watch::DEBOUNCE, |_| true)
        .expect_err("cannot watch in a missing directory");
    assert!(err.contains("no-such-dir"), "{err}");
}
