//! Loading and grouping a whole corpus, and the region scan over one.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use warta::app::clusters::{SignatureMemo, cluster_with_memo};
use warta::app::{self, App};
use warta::keymap::Keymap;
use warta::loader::parse::parse_text;
use warta::loader::{self, CacheMode, Input, LoadEvent, LoadOptions};
use warta::model::Article;

use crate::corpora;

/// The region scan over every article of `dir` (default: clickid2019), one thread, five
/// passes.
pub fn region_scan(dir: Option<PathBuf>) {
    let dir = dir.unwrap_or_else(|| corpora().join("clickid2019"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: {} absent", dir.display());
        return;
    };
    let articles: Vec<Article> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let text = std::fs::read_to_string(e.path()).ok()?;
            Some(parse_text(&text, "x"))
        })
        .collect();
    let start = std::time::Instant::now();
    let mut with_province = 0;
    for _ in 0..5 {
        with_province = 0;
        for a in &articles {
            let texts = std::iter::once(a.meta.title.as_str())
                .chain(a.body.body.iter().map(String::as_str));
            let found = warta::regions::find(a.meta.dateline.as_deref(), texts);
            if !found.provinces.is_empty() {
                with_province += 1;
            }
        }
    }
    let per_pass = start.elapsed() / 5;
    eprintln!(
        "{} articles: region scan {:.1} ms per pass (one thread), {} with a province",
        articles.len(),
        per_pass.as_secs_f64() * 1000.0,
        with_province
    );
    assert!(with_province > 0);
}

/// Where a staged load of `path` spends its time: the first corpus shown, each phase, the
/// end. `WARTA_CACHE_DIR` picks the cache; without it the load uses none.
pub fn staged_load(path: &Path) {
    let cache = match std::env::var_os("WARTA_CACHE_DIR") {
        Some(d) => CacheMode::Dir(d.into()),
        None => CacheMode::Disabled,
    };
    let start = Instant::now();
    let mut first_corpus = None;
    let mut phases = Vec::new();
    let report = loader::load_staged(
        &[Input::Path(path.to_path_buf())],
        &LoadOptions { cache },
        &mut |e| match e {
            LoadEvent::Corpus { corpus: c, .. } if first_corpus.is_none() => {
                first_corpus = Some((start.elapsed(), c.len()));
            }
            LoadEvent::Progress(p) if phases.last().is_none_or(|(q, _)| *q != p.phase) => {
                phases.push((p.phase, start.elapsed()));
            }
            _ => {}
        },
    );
    println!("first corpus: {first_corpus:?}");
    println!("phases: {phases:?}");
    println!(
        "done: {:?}, {} articles, {} changed",
        start.elapsed(),
        report.corpus.len(),
        report.files_changed
    );
}

/// The cost of grouping copies in the background on the corpus at `dir`, on a one-thread
/// pool as the browser does on two cores, then again with the signature memo a reloaded
/// corpus finds, then installing the groups in the app. The first run builds the cache
/// under `target/`, later runs load warm.
pub fn grouping(dir: &Path) {
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cluster-bench-cache");
    let start = Instant::now();
    let report = loader::load(
        &[Input::Path(dir.to_path_buf())],
        &LoadOptions {
            cache: CacheMode::Dir(cache),
        },
    );
    let corpus = report.corpus;
    println!("load: {} articles in {:?}", corpus.len(), start.elapsed());
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let mut memo = SignatureMemo::default();
    let start = Instant::now();
    let clusters = pool
        .install(|| cluster_with_memo(&corpus, &mut memo, &|| false))
        .expect("not cancelled");
    println!(
        "grouping (1 thread): {:?}; {}; {:?}",
        start.elapsed(),
        warta::app::clusters::summary(&clusters),
        clusters.stats()
    );
    let start = Instant::now();
    let again = pool
        .install(|| cluster_with_memo(&corpus, &mut memo, &|| false))
        .expect("not cancelled");
    println!("regrouping with the memo: {:?}", start.elapsed());
    assert_eq!(again.len(), clusters.len());
    let mut app = App::new(corpus.clone(), Keymap::default().key_help());
    app::search_now(&mut app);
    let start = Instant::now();
    assert!(app.install_clusters(corpus.identity(), Arc::new(clusters)));
    println!(
        "install + regroup {} matches into {} rows: {:?}",
        app.list.matches.len(),
        app.list.shown.len(),
        start.elapsed()
    );
}
