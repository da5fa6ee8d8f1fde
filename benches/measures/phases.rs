//! Where one search's time goes, phase by phase, as the browser's search worker runs it:
//! the corpus read through the cache, the full-text index opened read-only beside it (never
//! built, synced or repaired here), one memo across requests. Each query is typed after an
//! empty one, a key at a time, and the phases of its last key are recorded
//! ([`warta::query::phases`]); then the same query from scratch (no earlier result to
//! narrow). Prints the median of each phase over the repetitions, the median wall time of a
//! request and the process's CPU time per request (all threads: the machine may be shared,
//! and CPU time moves less with other load than wall time).
//!
//! `WARTA_CACHE_DIR`: the cache (and index) to read; `WARTA_BENCH_REPS` repetitions
//! (default 15); `WARTA_BENCH_QUERIES` comma-separated queries.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use warta::app::search::{self, SearchMemo, SearchRequest};
use warta::facets::Filters;
use warta::index::IndexStore;
use warta::loader::{CacheMode, Input, LoadOptions, load};
use warta::query::{Query, Sort, TextIndex, phases};

const QUERIES: &[&str] = &["asn medsos", "presiden", "p", "pr", "body:v", "kpk"];

/// User and system time of this process so far, from `/proc/self/stat` (clock ticks of
/// 10 ms; meaningful over many requests, not one).
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(") ").map_or("", |(_, r)| r);
    let f: Vec<u64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    let ticks = f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

fn request(text: &str, generation: u64) -> Option<SearchRequest> {
    let query = Query::parse(text).ok()?;
    let sort = if query.has_score() {
        Sort::Relevance
    } else {
        Sort::DateDesc
    };
    Some(SearchRequest {
        generation,
        query,
        filters: Filters::default(),
        sort,
        triage: Default::default(),
    })
}

fn median(xs: &mut [Duration]) -> Duration {
    xs.sort();
    xs.get(xs.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1000.0)
}

pub fn phases(paths: &[PathBuf]) {
    let Some(cache) = std::env::var_os("WARTA_CACHE_DIR").map(PathBuf::from) else {
        eprintln!("phases: set WARTA_CACHE_DIR to the cache that holds the index");
        return;
    };
    let reps: usize = std::env::var("WARTA_BENCH_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let queries: Vec<String> = match std::env::var("WARTA_BENCH_QUERIES") {
        Ok(q) => q.split(',').map(str::to_string).collect(),
        Err(_) => QUERIES.iter().map(|q| q.to_string()).collect(),
    };
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::Path).collect();
    let opts = LoadOptions {
        cache: CacheMode::Dir(cache),
    };
    let t = Instant::now();
    let corpus = load(&inputs, &opts).corpus;
    println!(
        "{} articles read in {} ms; {} threads",
        corpus.len(),
        t.elapsed().as_millis(),
        rayon::current_num_threads()
    );
    let Some(store) = open_index(&opts, paths) else {
        return;
    };
    let view = || -> Option<Arc<dyn TextIndex>> {
        let v = store.view(&corpus).ok().filter(|v| v.complete())?;
        Some(Arc::new(v))
    };
    let Some(mut text) = view() else {
        eprintln!("phases: the index does not cover the corpus; nothing measured");
        return;
    };
    let mut memo = SearchMemo::default();
    memo.set_text(corpus.identity(), Arc::clone(&text));
    let mut generation = 0;
    let mut run = |memo: &mut SearchMemo, text: &str| -> Option<usize> {
        generation += 1;
        let req = request(text, generation)?;
        Some(search::execute_with(&corpus, &req, memo).hits.len())
    };
    // The facet index is built on the first search; that is a start-up cost, not a query's.
    let _ = run(&mut memo, "");
    for mode in ["typed", "fresh"] {
        println!();
        println!("## {mode}: {reps} repetitions; median ms per phase of the query's last request");
        let mut columns: Vec<(String, BTreeMap<&'static str, Duration>, Duration, Duration)> =
            Vec::new();
        let mut order: Vec<&'static str> = Vec::new();
        for q in &queries {
            let mut laps: BTreeMap<&'static str, Vec<Duration>> = BTreeMap::new();
            let mut walls = Vec::new();
            let mut cpu = Duration::ZERO;
            let mut found = 0;
            for _ in 0..reps {
                let _ = run(&mut memo, "");
                if mode == "typed" {
                    let chars: Vec<char> = q.chars().collect();
                    for n in 1..chars.len() {
                        let _ = run(&mut memo, &chars[..n].iter().collect::<String>());
                    }
                } else {
                    // Nothing to narrow, and a new view of the index: no answer kept from
                    // the last repetition.
                    memo.forget_last();
                    if let Some(v) = view() {
                        text = v;
                        memo.set_text(corpus.identity(), Arc::clone(&text));
                    }
                }
                let _ = phases::take();
                phases::record(true);
                let c = cpu_time();
                let t = Instant::now();
                let parsed = Instant::now();
                let req = request(q, 0);
                let parse = parsed.elapsed();
                if let Some(req) = req {
                    found = search::execute_with(&corpus, &req, &mut memo).hits.len();
                }
                walls.push(t.elapsed());
                cpu += cpu_time().saturating_sub(c);
                phases::record(false);
                laps.entry("parse").or_default().push(parse);
                let mut sums: BTreeMap<&'static str, Duration> = BTreeMap::new();
                for (name, d) in phases::take() {
                    *sums.entry(name).or_default() += d;
                    if !order.contains(&name) {
                        order.push(name);
                    }
                }
                for (name, d) in sums {
                    laps.entry(name).or_default().push(d);
                }
            }
            let medians = laps
                .into_iter()
                .map(|(name, mut ds)| (name, median(&mut ds)))
                .collect();
            columns.push((
                format!("`{q}` ({found})"),
                medians,
                median(&mut walls),
                cpu / reps as u32,
            ));
        }
        if !order.contains(&"parse") {
            order.insert(0, "parse");
        } else {
            order.retain(|n| *n != "parse");
            order.insert(0, "parse");
        }
        print!("| phase |");
        for (name, ..) in &columns {
            print!(" {name} |");
        }
        println!();
        println!("|---|{}", "---:|".repeat(columns.len()));
        for name in &order {
            print!("| {name} |");
            for (_, m, ..) in &columns {
                print!(" {} |", m.get(name).map_or("–".into(), |d| ms(*d)));
            }
            println!();
        }
        print!("| **request, wall** |");
        for (_, _, wall, _) in &columns {
            print!(" **{}** |", ms(*wall));
        }
        println!();
        print!("| request, CPU (all threads) |");
        for (.., cpu) in &columns {
            print!(" {} |", ms(*cpu));
        }
        println!();
    }
}

/// The index beside the cache, opened read-only.
fn open_index(opts: &LoadOptions, paths: &[PathBuf]) -> Option<IndexStore> {
    let dir = warta::index::index_dir(&opts.cache, paths)?;
    let store = IndexStore::open_read_only(Path::new(&dir))
        .map_err(|e| eprintln!("{}: {e}", dir.display()))
        .ok()?;
    println!("index {}", dir.display());
    Some(store)
}
