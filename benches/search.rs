//! Per-keystroke search benchmark: `cargo bench --bench search -- <paths...>`.
//!
//! Loads the inputs through the cache (warm after the first run), then types each query one
//! character at a time the way the browser's search worker sees it: every prefix is a
//! request, run with the worker's memo so a query that narrows the last one rescans only its
//! matches. Prints, per query and over all keystrokes, the median, p95 and max time from
//! request to results (matching, ranking, facet counts and the month histogram), and the
//! same for matching and ranking alone, to show where the time goes. Without paths it uses
//! the shared corpora when present. The order is relevance as soon as the query scores (what
//! the browser switches to), or newest first with `WARTA_BENCH_SORT=date`.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use warta::app::search::{self, SearchMemo, SearchRequest};
use warta::app::{App, KeyHelp};
use warta::corpus::Corpus;
use warta::facets::Filters;
use warta::index::{IndexStore, Progress};
use warta::loader::{CacheMode, Input, LoadOptions, load};
use warta::query::{self, Query, Scope, Sort, TextIndex};

const DEFAULTS: &[&str] = &[
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/clickid2019"),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/clickid2019.jsonl"
    ),
];

const QUERIES: &[&str] = &[
    "presiden",
    "asn medsos",
    "kpk",
    "bupati",
    "viral tiktok",
    "hrgbrsnk",
];

// The allocator the binary ships with (src/main.rs), so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        paths = DEFAULTS
            .iter()
            .map(PathBuf::from)
            .filter(|p| p.exists())
            .collect();
    }
    if paths.is_empty() {
        eprintln!("no input: pass paths after `--`");
        return;
    }
    let reps: usize = std::env::var("WARTA_BENCH_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let cache = std::env::var_os("WARTA_CACHE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("warta-bench-cache"));
    // `WARTA_BENCH_SORT=date` keeps newest first while typing, as a reader who chose that
    // order does; fuzzy terms are then tested, not scored.
    let by_date = std::env::var("WARTA_BENCH_SORT").is_ok_and(|s| s == "date");
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::Path).collect();
    let opts = LoadOptions {
        cache: CacheMode::Dir(cache),
    };
    let queries: Vec<String> = match std::env::var("WARTA_BENCH_QUERIES") {
        Ok(q) => q.split(',').map(str::to_string).collect(),
        Err(_) => QUERIES.iter().map(|q| q.to_string()).collect(),
    };
    // The first load may parse and write the cache; the timed one is warm.
    let _ = load(&inputs, &opts);
    let report = load(&inputs, &opts);
    let corpus = report.corpus;
    println!(
        "{} articles, warm load {} ms, {} threads",
        corpus.len(),
        report.elapsed.as_millis(),
        rayon::current_num_threads()
    );
    println!();
    println!(
        "| query | keystrokes | full median ms | full p95 ms | full max ms | match+rank median ms | match+rank p95 ms | install median ms | install p95 ms |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    // The UI thread's share: installing results (cursor, facets rows, counts, the detail).
    let mut app = App::new(corpus.clone(), KeyHelp::default());
    app.width = 120;
    app.height = 40;
    let mut memo = SearchMemo::default();
    // Words are looked up in the full-text index as in the browser once it is built (built
    // here first when it is not); `WARTA_BENCH_INDEX=0` measures the scan instead.
    let index = std::env::var("WARTA_BENCH_INDEX")
        .map_or(true, |v| v != "0")
        .then(|| text_index(&opts, &paths, &corpus))
        .flatten();
    if let Some(t) = &index {
        memo.set_text(corpus.identity(), Arc::clone(t));
    }
    println!(
        "full-text index: {}",
        if index.is_some() { "used" } else { "not used" }
    );
    let mut all_full = Vec::new();
    let mut all_match = Vec::new();
    let mut all_install = Vec::new();
    for q in &queries {
        let mut full = Vec::new();
        let mut matching = Vec::new();
        let mut install = Vec::new();
        for _ in 0..reps {
            // As in the browser: one memo per corpus (its facet index is built once), and
            // each query typed after clearing the last, so its first key scans everything.
            let empty = SearchRequest {
                generation: 0,
                query: Query::default(),
                filters: Filters::default(),
                sort: Sort::DateDesc,
                triage: Default::default(),
            };
            let _ = search::execute_with(&corpus, &empty, &mut memo);
            let chars: Vec<char> = q.chars().collect();
            for n in 1..=chars.len() {
                let text: String = chars[..n].iter().collect();
                let Ok(parsed) = Query::parse(&text) else {
                    continue;
                };
                let sort = if parsed.has_score() && !by_date {
                    Sort::Relevance
                } else {
                    Sort::DateDesc
                };
                let req = SearchRequest {
                    generation: n as u64,
                    query: parsed.clone(),
                    filters: Filters::default(),
                    sort,
                    triage: Default::default(),
                };
                let t = Instant::now();
                let mut r = search::execute_with(&corpus, &req, &mut memo);
                full.push(t.elapsed());
                app.search.generation += 1;
                r.generation = app.search.generation;
                let t = Instant::now();
                app.apply_results(r);
                install.push(t.elapsed());
                let t = Instant::now();
                let hits = query::search(
                    &corpus,
                    &parsed,
                    &Filters::default(),
                    sort,
                    Scope {
                        text: index.as_deref(),
                        ..Scope::default()
                    },
                );
                matching.push(t.elapsed());
                std::hint::black_box(hits);
            }
        }
        println!(
            "| `{q}` | {} | {} | {} | {} | {} | {} | {} | {} |",
            q.chars().count(),
            ms(pct(&mut full, 50)),
            ms(pct(&mut full, 95)),
            ms(pct(&mut full, 100)),
            ms(pct(&mut matching, 50)),
            ms(pct(&mut matching, 95)),
            ms(pct(&mut install, 50)),
            ms(pct(&mut install, 95)),
        );
        all_full.extend(full);
        all_match.extend(matching);
        all_install.extend(install);
    }
    println!(
        "| all | {} | {} | {} | {} | {} | {} | {} | {} |",
        all_full.len(),
        ms(pct(&mut all_full, 50)),
        ms(pct(&mut all_full, 95)),
        ms(pct(&mut all_full, 100)),
        ms(pct(&mut all_match, 50)),
        ms(pct(&mut all_match, 95)),
        ms(pct(&mut all_install, 50)),
        ms(pct(&mut all_install, 95)),
    );
}

/// The corpus's full-text index, synced (built when missing); `None` when it cannot be used.
fn text_index(
    opts: &LoadOptions,
    paths: &[PathBuf],
    corpus: &Corpus,
) -> Option<Arc<dyn TextIndex>> {
    let dir = warta::index::index_dir(&opts.cache, paths)?;
    let (mut store, _) = IndexStore::open(&dir).ok()?;
    store.sync(corpus, &Progress::default(), &|| false).ok()?;
    let view = store.view(corpus).ok().filter(|v| v.complete())?;
    Some(Arc::new(view))
}

fn pct(xs: &mut [Duration], p: usize) -> Duration {
    if xs.is_empty() {
        return Duration::ZERO;
    }
    xs.sort();
    let i = ((xs.len() - 1) * p).div_ceil(100);
    xs[i.min(xs.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}
