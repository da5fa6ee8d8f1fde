//! Start-up without waiting for the load: replacing the app's corpus while it runs, the
//! search memo across corpora, and the staged loader's events (progress, the cached corpus
//! before validation, snapshots of a cold load).

use std::path::Path;

use warta::app::search::{self, SearchMemo};
use warta::app::{self, Action, App, update};
use warta::corpus::Corpus;
use warta::facets::{Facet, Filters};
use warta::keymap::Keymap;
use warta::loader::{self, CacheMode, Input, LoadEvent, LoadOptions, Phase, Progress};
use warta::model::{Article, Date};
use warta::query::Query;

/// Articles with ids `id-<n>` for each `n`, outlet chosen by `outlet(n)`.
fn corpus_of(ns: &[usize], outlet: impl Fn(usize) -> &'static str) -> Corpus {
    let articles = ns
        .iter()
        .map(|&n| {
            let mut a = Article::default();
            a.meta.id = format!("id-{n}");
            a.meta.title = format!("Berita nomor {n}");
            a.meta.outlet = Some(outlet(n).to_string());
            a.meta.source_path = format!("f/{n:05}.txt");
            a.meta.published = Date::new(2024, 1 + (n % 12) as u8, 1 + (n % 28) as u8);
            a.body.body = vec![format!("Isi berita {n}.")];
            a
        })
        .collect();
    Corpus::from_articles(articles)
}

fn app_on(corpus: Corpus) -> App {
    let mut app = App::new(corpus, Keymap::default().key_help());
    update(&mut app, Action::Resize(120, 40));
    app::search_now(&mut app);
    app
}

fn selected_id(app: &App) -> Option<String> {
    app.selected().map(|i| app.corpus.meta(i).id.clone())
}

fn run_request(app: &mut App, req: &search::SearchRequest) {
    let results = search::execute(&app.corpus, req);
    assert!(app.apply_results(results));
}

#[test]
fn replacing_the_corpus_keeps_the_cursor_article_query_and_filters() {
    let first: Vec<usize> = (0..50).collect();
    let mut app = app_on(corpus_of(&first, |n| {
        if n % 2 == 0 { "Genap" } else { "Ganjil" }
    }));
    app.search.query = Query::parse("berita").expect("valid query");
    app.search.filters.toggle(Facet::Outlet, "Genap");
    app::search_now(&mut app);
    app.list.cursor = 7;
    app.anchor();
    app.fix_view();
    let id = selected_id(&app).expect("a selection");
    let before_detail = app.detail.doc.as_ref().map(|d| d.index);

    // The new corpus has more articles, in another order: every index differs.
    let second: Vec<usize> = (0..80).rev().collect();
    let new = corpus_of(&second, |n| if n % 2 == 0 { "Genap" } else { "Ganjil" });
    let new_identity = new.identity();
    let req = app.replace_corpus(new);
    assert_eq!(app.corpus.identity(), new_identity);
    // Valid at once, before the search has run: the same article under the cursor, and the
    // detail laid out for it in the new corpus.
    assert_eq!(selected_id(&app).as_deref(), Some(id.as_str()));
    let detail = app.detail.doc.as_ref().expect("detail rebuilt").index;
    assert_eq!(app.corpus.meta(detail).id, id);
    assert_ne!(
        Some(detail),
        before_detail,
        "the index moved, the detail follows"
    );
    assert_eq!(req.query.source(), "berita");
    assert!(req.filters.is_selected(Facet::Outlet, "Genap"));
    assert_eq!(req.generation, app.search.generation);

    run_request(&mut app, &req);
    assert_eq!(selected_id(&app).as_deref(), Some(id.as_str()));
    // The filter still applies, now over the larger corpus.
    assert_eq!(app.list.shown.len(), 40);
    assert!(
        app.list
            .shown
            .iter()
            .all(|h| app.corpus.meta(h.index).outlet.as_deref() == Some("Genap"))
    );
}

#[test]
fn a_cursor_article_that_vanished_leaves_the_cursor_on_the_same_row() {
    let mut app = app_on(corpus_of(&(0..30).collect::<Vec<_>>(), |_| "A"));
    app.list.cursor = 10;
    app.anchor();
    app.fix_view();
    let gone = selected_id(&app).expect("a selection");
    let kept: Vec<usize> = (0..30)
        .filter(|n| format!("id-{n}") != gone)
        .collect::<Vec<_>>();
    let req = app.replace_corpus(corpus_of(&kept, |_| "A"));
    run_request(&mut app, &req);
    assert_eq!(app.list.shown.len(), 29);
    assert_eq!(app.list.cursor, 10);
    assert_ne!(selected_id(&app).as_deref(), Some(gone.as_str()));
    assert!(app.detail.doc.is_some());

    // Shrinking below the cursor clamps it to the last row.
    let req = app.replace_corpus(corpus_of(&[1, 2, 3], |_| "A"));
    run_request(&mut app, &req);
    assert_eq!(app.list.cursor, 2);
    // An empty corpus empties the view without panicking.
    let req = app.replace_corpus(Corpus::default());
    assert!(app.list.shown.is_empty() && app.selected().is_none() && app.detail.doc.is_none());
    run_request(&mut app, &req);
    assert!(app.list.shown.is_empty());
}

#[test]
fn selection_follows_articles_into_the_new_corpus_and_drops_vanished_ones() {
    let mut app = app_on(corpus_of(&(0..20).collect::<Vec<_>>(), |_| "A"));
    let ids: Vec<String> = [2, 5, 9]
        .iter()
        .map(|&row| app.corpus.meta(app.list.shown[row].index).id.clone())
        .collect();
    for row in [2, 5, 9] {
        let index = app.list.shown[row].index;
        app.list.selection.insert(index);
    }
    // Drop the article selected at row 5; reverse the rest.
    let keep: Vec<usize> = (0..20)
        .rev()
        .filter(|n| format!("id-{n}") != ids[1])
        .collect();
    let req = app.replace_corpus(corpus_of(&keep, |_| "A"));
    let selected: Vec<String> = app
        .list
        .selection
        .iter()
        .map(|&i| app.corpus.meta(i).id.clone())
        .collect();
    let mut want = vec![ids[0].clone(), ids[2].clone()];
    let mut got = selected.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want);
    run_request(&mut app, &req);
    assert_eq!(app.list.selection.len(), 2);
}

#[test]
fn the_session_cursor_waits_for_its_article_while_loading() {
    let mut app = App::new(Corpus::default(), Keymap::default().key_help());
    update(&mut app, Action::Resize(120, 40));
    app.arrivals.loading = true;
    app.arrivals.restore_cursor = Some("id-42".into());
    app::search_now(&mut app);
    assert_eq!(
        app.arrivals.restore_cursor.as_deref(),
        Some("id-42"),
        "not loaded yet"
    );
    // A first snapshot without it: still waiting.
    let req = app.replace_corpus(corpus_of(&(0..10).collect::<Vec<_>>(), |_| "A"));
    run_request(&mut app, &req);
    assert_eq!(app.arrivals.restore_cursor.as_deref(), Some("id-42"));
    // The next one has it: the cursor lands there and the wish is spent.
    let req = app.replace_corpus(corpus_of(&(0..60).collect::<Vec<_>>(), |_| "A"));
    run_request(&mut app, &req);
    assert_eq!(selected_id(&app).as_deref(), Some("id-42"));
    assert_eq!(app.arrivals.restore_cursor, None);
    // Once loading is over, an id that never showed up is dropped instead of kept forever.
    app.arrivals.restore_cursor = Some("id-999".into());
    app.arrivals.loading = false;
    app::search_now(&mut app);
    assert_eq!(app.arrivals.restore_cursor, None);
    assert_eq!(selected_id(&app).as_deref(), Some("id-42"));
}

fn outlet_counts(r: &search::SearchResults) -> Vec<(String, usize)> {
    r.facets
        .iter()
        .find(|(f, _)| *f == Facet::Outlet)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

#[test]
fn the_search_memo_is_not_reused_across_corpora_of_the_same_length() {
    let ns: Vec<usize> = (0..40).collect();
    let a = corpus_of(&ns, |n| if n < 30 { "Alpha" } else { "Beta" });
    let b = corpus_of(&ns, |n| if n < 10 { "Gamma" } else { "Delta" });
    assert_eq!(a.len(), b.len());
    assert_ne!(a.identity(), b.identity());
    let req = |q: &str, generation| search::SearchRequest {
        generation,
        query: Query::parse(q).expect("valid query"),
        filters: Filters::default(),
        sort: Default::default(),
        triage: Default::default(),
    };
    let mut memo = SearchMemo::default();
    let on_a = search::execute_with(&a, &req("berita", 1), &mut memo);
    assert_eq!(
        outlet_counts(&on_a),
        vec![("Alpha".to_string(), 30), ("Beta".to_string(), 10)]
    );
    // Same length, other articles: the facet index and the previous matches must not leak.
    let on_b = search::execute_with(&b, &req("berita", 2), &mut memo);
    assert_eq!(
        outlet_counts(&on_b),
        vec![("Delta".to_string(), 30), ("Gamma".to_string(), 10)]
    );
    assert_eq!(on_b, search::execute(&b, &req("berita", 2)));
    // A refining query after a switch searches the new corpus, not the old matches.
    let c = corpus_of(&(100..140).collect::<Vec<_>>(), |_| "Epsilon");
    let narrowed = search::execute_with(&c, &req("berita nomor 10", 3), &mut memo);
    assert_eq!(narrowed, search::execute(&c, &req("berita nomor 10", 3)));
    assert!(!narrowed.hits.is_empty());
}

// ---- the staged loader ----

fn write_articles(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).expect("mkdir");
    for i in 0..n {
        let text = format!(
            "Berita uji nomor {i}\n\nJAKARTA, KOMPAS.com - Isi berita uji nomor {i} untuk \
             memeriksa pemuatan bertahap.\n\nParagraf kedua berita {i}.\n"
        );
        std::fs::write(dir.join(format!("{i:05}.txt")), text).expect("write");
    }
}

fn collect(inputs: &[Input], opts: &LoadOptions) -> (Vec<LoadEvent>, loader::LoadReport) {
    let mut events = Vec::new();
    let report = loader::load_staged(inputs, opts, &mut |e| events.push(e));
    (events, report)
}

fn progress(events: &[LoadEvent]) -> Vec<Progress> {
    events
        .iter()
        .filter_map(|e| match e {
            LoadEvent::Progress(p) => Some(p.clone()),
            LoadEvent::Corpus { .. } => None,
        })
        .collect()
}

fn corpora(events: &[LoadEvent]) -> Vec<Corpus> {
    events
        .iter()
        .filter_map(|e| match e {
            LoadEvent::Corpus { corpus: c, .. } => Some(c.clone()),
            LoadEvent::Progress(_) => None,
        })
        .collect()
}

#[test]
fn a_cold_load_reports_growing_progress_and_snapshots_that_add_up() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let n = 1300;
    write_articles(tmp.path(), n);
    let inputs = [Input::Path(tmp.path().to_path_buf())];
    let (events, report) = collect(&inputs, &LoadOptions::default());
    assert_eq!(report.corpus.len(), n);

    let steps = progress(&events);
    assert!(!steps.is_empty());
    for pair in steps.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(b.parsed >= a.parsed && b.bytes_read >= a.bytes_read);
        assert!(b.articles >= a.articles && b.elapsed >= a.elapsed);
    }
    let last = steps.last().expect("progress");
    assert_eq!(last.phase, Phase::Parsing);
    assert_eq!((last.files_seen, last.to_parse, last.parsed), (n, n, n));
    assert_eq!(last.articles, n);
    assert_eq!(last.bytes_read, report.bytes_read);
    let on_disk: u64 = std::fs::read_dir(tmp.path())
        .expect("read_dir")
        .map(|e| e.expect("entry").metadata().expect("metadata").len())
        .sum();
    assert_eq!(last.bytes_read, on_disk);
    assert!(last.line().starts_with("parsing 1,300/1,300 files"));

    // More than one chunk: a partial snapshot came first, in the final order.
    let shots = corpora(&events);
    let first = shots.first().expect("a snapshot");
    assert!(first.len() < n, "a snapshot of a load in progress");
    for (i, m) in first.metas().iter().enumerate() {
        assert_eq!(
            m.id,
            report.corpus.meta(i).id,
            "snapshots are prefixes here"
        );
    }
    // Their bodies are readable while the load goes on.
    assert!(first.body(0).is_ok());
    assert_eq!(report.files_changed, n);
}

/// With a cache, a cold load writes each chunk's bodies to the body file as it goes: by the
/// first snapshot the file already holds them, and they are read back from there, so memory
/// holds only metadata however big the corpus.
#[test]
fn a_cold_load_streams_bodies_to_the_cache_as_it_parses() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    let n = 1300;
    write_articles(tmp.path(), n);
    let inputs = [Input::Path(tmp.path().to_path_buf())];
    let opts = LoadOptions {
        cache: CacheMode::Dir(cache.path().to_path_buf()),
    };
    let body_bytes = || -> u64 {
        walk(cache.path())
            .iter()
            .filter(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("bodies-")
            })
            .map(|p| std::fs::metadata(p).expect("metadata").len())
            .sum()
    };
    let mut at_first_snapshot = None;
    let mut first = None;
    let report = loader::load_staged(&inputs, &opts, &mut |e| {
        if let LoadEvent::Corpus { corpus: c, .. } = e
            && first.is_none()
        {
            at_first_snapshot = Some(body_bytes());
            first = Some(c);
        }
    });
    let first = first.expect("a snapshot");
    assert!(first.len() < n, "a snapshot of a load in progress");
    let streamed = at_first_snapshot.expect("measured");
    assert!(streamed > 0, "bodies were on disk before the load ended");
    assert!(streamed < body_bytes(), "and more followed");
    for i in [0, first.len() - 1] {
        assert_eq!(
            first.body(i).expect("snapshot body"),
            report.corpus.body(i).expect("final body")
        );
    }
    // A warm start finds every body where the streaming put it.
    let warm = loader::load(&inputs, &opts);
    assert_eq!(warm.cache_hits, n);
    assert_eq!(warm.corpus.body(n - 1), report.corpus.body(n - 1));
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_warm_load_shows_the_cache_first_and_a_second_corpus_only_after_a_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("corpus");
    write_articles(&dir, 40);
    let inputs = [Input::Path(dir.clone())];
    let opts = LoadOptions {
        cache: CacheMode::Dir(cache.path().to_path_buf()),
    };
    let full = loader::load(&inputs, &opts);
    assert_eq!(full.corpus.len(), 40);

    // Unchanged: the cached corpus comes before any file is looked at, and is final.
    let (events, report) = collect(&inputs, &opts);
    let first_corpus = events
        .iter()
        .position(|e| matches!(e, LoadEvent::Corpus { .. }))
        .expect("the cached corpus");
    let first_walk = events
        .iter()
        .position(|e| matches!(e, LoadEvent::Progress(p) if p.phase == Phase::Walking))
        .expect("a walk");
    assert!(first_corpus < first_walk, "shown before validation");
    let shown = corpora(&events);
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].len(), 40);
    assert_eq!(
        report.corpus.identity(),
        shown[0].identity(),
        "nothing to replace"
    );
    assert_eq!((report.files_changed, report.cache_hits), (0, 40));
    assert_eq!(shown[0].body(3), full.corpus.body(3));

    // One file changes size, another vanishes: the cached corpus still comes first (with the
    // old text), then the report's corpus differs.
    std::fs::write(
        dir.join("00007.txt"),
        "Judul yang diperbarui sama sekali\n\nSURABAYA - Teks baru yang lebih panjang.\n",
    )
    .expect("write");
    std::fs::remove_file(dir.join("00011.txt")).expect("remove");
    let (events, report) = collect(&inputs, &opts);
    let shown = corpora(&events);
    assert_eq!(shown.len(), 1, "no snapshots after the cached corpus");
    assert_eq!(shown[0].len(), 40);
    assert!(
        shown[0]
            .metas()
            .iter()
            .any(|m| m.title == "Berita uji nomor 7")
    );
    assert_ne!(report.corpus.identity(), shown[0].identity());
    assert_eq!(report.corpus.len(), 39);
    assert_eq!((report.files_changed, report.files_gone), (1, 1));
    let i = report
        .corpus
        .metas()
        .iter()
        .position(|m| m.title == "Judul yang diperbarui sama sekali")
        .expect("the changed article");
    let body = report.corpus.body(i).expect("body");
    assert!(body.body.concat().contains("Teks baru"));
    assert!(
        !report
            .corpus
            .metas()
            .iter()
            .any(|m| m.title == "Berita uji nomor 11")
    );

    // The next start shows the updated cache and has nothing to change.
    let (events, report) = collect(&inputs, &opts);
    let shown = corpora(&events);
    assert_eq!(shown[0].len(), 39);
    assert_eq!(report.corpus.identity(), shown[0].identity());
}

#[test]
fn without_a_cache_nothing_is_shown_before_parsing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_articles(tmp.path(), 3);
    let inputs = [Input::Path(tmp.path().to_path_buf())];
    let (events, report) = collect(&inputs, &LoadOptions::default());
    assert!(
        !progress(&events)
            .iter()
            .any(|p| p.phase == Phase::ReadingCache)
    );
    assert_eq!(report.corpus.len(), 3);
    // The plain load gives the same articles in the same order.
    let plain = loader::load(&inputs, &LoadOptions::default());
    let ids = |c: &Corpus| c.metas().iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&plain.corpus), ids(&report.corpus));
}

#[test]
fn progress_lines_read_naturally() {
    let p = Progress {
        phase: Phase::Parsing,
        files_seen: 100_000,
        to_parse: 100_000,
        parsed: 34_120,
        bytes_read: 78_000_000,
        articles: 34_120,
        elapsed: std::time::Duration::from_secs(1),
        ..Progress::default()
    };
    assert_eq!(p.line(), "parsing 34,120/100,000 files \u{b7} 78 MB/s");
    // One big file: how far into it, in bytes (issue 20).
    let big = Progress {
        phase: Phase::Parsing,
        to_parse: 1,
        bytes_to_parse: 1_200_000_000,
        bytes_in_flight: 312_000_000,
        elapsed: std::time::Duration::from_secs(4),
        ..Progress::default()
    };
    assert_eq!(
        big.line(),
        "parsing 0/1 files \u{b7} 312 of 1,200 MB \u{b7} 78 MB/s"
    );
    assert_eq!(loader::thousands(0), "0");
    assert_eq!(loader::thousands(999), "999");
    assert_eq!(loader::thousands(1000), "1,000");
    assert_eq!(loader::thousands(1_234_567), "1,234,567");
}
