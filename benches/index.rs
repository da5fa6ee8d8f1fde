//! Full-text index benchmark: `cargo bench --bench index -- <paths...>` (default
//! `/tmp/c100k`, made by `cargo run --release --example gen_corpus -- --count 100000 --out
//! /tmp/c100k --format txt`).
//!
//! Loads the inputs through the cache (warm after the first run), then builds the index from
//! nothing and reports articles/s and MB/s of title and body text, the size on disk and the
//! peak resident memory of the build (VmHWM, reset before it through
//! `/proc/self/clear_refs`); then a warm open (open + checksum memo + the view's map of
//! documents to articles), and `find` latency for common words, a phrase, a prefix and a typo
//! (median and max over `WARTA_BENCH_REPS`, default 5), with the scan of every body for one
//! word beside it for scale. The index is written under `$WARTA_BENCH_INDEX` (default a
//! temporary directory), which is emptied first.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use warta::index::{IndexStore, Progress};
use warta::lexicon::Phrase;
use warta::loader::{CacheMode, Input, LoadOptions, load};
use warta::query::{Field, TextIndex, TextQuery, Word};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn word(text: &str) -> Word {
    Word::new(text, false)
}

fn status(key: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(key)).map(str::to_string))
        .unwrap_or_else(|| format!("{key} unknown"))
}

fn du(dir: &Path) -> u64 {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return 0;
    };
    rd.flatten()
        .map(|e| {
            let p = e.path();
            if p.is_dir() {
                du(&p)
            } else {
                e.metadata().map_or(0, |m| m.len())
            }
        })
        .sum()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        paths.push(PathBuf::from("/tmp/c100k"));
    }
    if !paths.iter().all(|p| p.exists()) {
        eprintln!("no input: pass paths after `--` (see the module docs)");
        return;
    }
    let reps: usize = std::env::var("WARTA_BENCH_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let cache = std::env::var_os("WARTA_CACHE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("warta-bench-cache"));
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::Path).collect();
    let opts = LoadOptions {
        cache: CacheMode::Dir(cache),
    };
    let _ = load(&inputs, &opts);
    let report = load(&inputs, &opts);
    let corpus = report.corpus;
    println!(
        "{} articles, warm load {} ms, {}",
        corpus.len(),
        report.elapsed.as_millis(),
        status("VmHWM")
    );

    let tmp = tempfile::tempdir().expect("tempdir");
    let root = std::env::var_os("WARTA_BENCH_INDEX")
        .map(PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());
    // `WARTA_BENCH_KEEP=1` with `WARTA_BENCH_INDEX` reuses a built index: warm figures only.
    let keep = std::env::var("WARTA_BENCH_KEEP").is_ok_and(|k| k == "1");
    if !keep {
        let _ = std::fs::remove_dir_all(root.join("index"));
    }
    // Peak memory of the build alone, not of the load before it.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let t = Instant::now();
    let (mut store, _) = IndexStore::open(&root).expect("open");
    store
        .sync(&corpus, &Progress::default(), &|| false)
        .expect("build");
    let build = t.elapsed();
    let hwm = status("VmHWM");
    let size = du(&root.join("index"));
    // Text indexed, counted after the build so as not to warm it.
    let text: u64 = (0..corpus.len())
        .map(|i| {
            let title = corpus.meta(i).title.len() as u64;
            let body: u64 = corpus
                .body(i)
                .map_or(0, |b| b.body.iter().map(|p| p.len() as u64).sum());
            title + body
        })
        .sum();
    let secs = build.as_secs_f64();
    println!(
        "cold build {:.1} s: {:.0} articles/s, {:.1} MB/s of text ({:.0} MB); index {:.0} MB on disk ({:.0}% of the text); build {hwm}",
        secs,
        corpus.len() as f64 / secs,
        text as f64 / 1e6 / secs,
        text as f64 / 1e6,
        size as f64 / 1e6,
        size as f64 * 100.0 / text.max(1) as f64,
    );
    drop(store);

    let t = Instant::now();
    let (mut store, _) = IndexStore::open(&root).expect("reopen");
    let opened = t.elapsed();
    let t = Instant::now();
    let r = store
        .sync(&corpus, &Progress::default(), &|| false)
        .expect("sync");
    let synced = t.elapsed();
    let t = Instant::now();
    let view = store.view(&corpus).expect("view");
    let viewed = t.elapsed();
    assert!(view.complete() && r.added == 0);
    println!(
        "warm: open {}, sync (nothing to do) {}, view {}",
        ms(opened),
        ms(synced),
        ms(viewed)
    );

    let w = |t: &str, prefix: bool, edits: u8| Word {
        prefix,
        edits,
        ..word(t)
    };
    let queries: Vec<(&str, TextQuery)> = vec![
        ("yang (any)", TextQuery::Word(Field::Any, word("yang"))),
        ("bupati (any)", TextQuery::Word(Field::Any, word("bupati"))),
        ("viral (any)", TextQuery::Word(Field::Any, word("viral"))),
        (
            "presiden (title)",
            TextQuery::Word(Field::Title, word("presiden")),
        ),
        (
            "korupsi (body)",
            TextQuery::Word(Field::Body, word("korupsi")),
        ),
        (
            "\"media sosial\"",
            TextQuery::Phrase(Field::Any, vec![word("media"), word("sosial")]),
        ),
        (
            "bup* (prefix)",
            TextQuery::Word(Field::Any, w("bup", true, 0)),
        ),
        (
            "bupatu~1",
            TextQuery::Word(Field::Any, w("bupatu", false, 1)),
        ),
        (
            "anggaram~2",
            TextQuery::Word(Field::Any, w("anggaram", false, 2)),
        ),
        (
            "asn | pns | aparatur sipil negara",
            TextQuery::AnyOf(vec![
                TextQuery::Word(Field::Any, word("asn")),
                TextQuery::Word(Field::Any, word("pns")),
                TextQuery::Phrase(
                    Field::Any,
                    vec![word("aparatur"), word("sipil"), word("negara")],
                ),
            ]),
        ),
    ];
    for (name, q) in &queries {
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..reps.max(1) {
            let t = Instant::now();
            n = view.find(q).expect("complete").len();
            times.push(t.elapsed());
        }
        // The first run after opening faults the mapped pages in.
        let first = times[0];
        times.sort();
        println!(
            "find {name:<36} {n:>7} hits  first {}  median {}  max {}",
            ms(first),
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
    }
    // The scan the index replaces, for scale: every body read and searched.
    let phrase = Phrase::new("bupati").expect("phrase");
    let t = Instant::now();
    let scanned = (0..corpus.len())
        .filter(|&i| {
            phrase.is_in(&warta::text::fold(&corpus.meta(i).title))
                || corpus
                    .body(i)
                    .is_ok_and(|b| b.body.iter().any(|p| phrase.is_in(&warta::text::fold(p))))
        })
        .count();
    println!(
        "scan for bupati (one thread, bodies from the cache): {scanned} hits in {}",
        ms(t.elapsed())
    );
}
