//! Cost of syndicated-copy detection: `cargo bench --bench cluster -- [paths...]`.
//!
//! Loads the inputs through the cache (the first load may parse and fill it; the timed one is
//! warm, as on a normal start), then times, each on its own:
//! 1. reading every body from the cache (the I/O and deserialisation share),
//! 2. computing every signature (reading included: that is what a start-up would pay),
//! 3. LSH banding, verification and union-find ([`Clusters::build`]),
//!
//! and prints the memory held by the signatures and the clusters, and the process's peak
//! resident memory. Without paths it uses `/tmp/gen100k/txt` (make it with
//! `cargo run --release --example gen_corpus -- --count 100000 --out /tmp/gen100k`).
//! `WARTA_CACHE_DIR` picks the cache directory (default: a temp-dir folder of its own).

// Until Cargo.toml declares this bench with `harness = false`, Cargo's auto-discovery builds
// it with the test harness, which never calls `main`.
#![cfg_attr(test, allow(dead_code))]

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use warta::cluster::{self, Clusters, Signature};
use warta::loader::{CacheMode, Input, LoadOptions, load};

fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn ms(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1000.0)
}

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
        paths.push(PathBuf::from("/tmp/gen100k/txt"));
    }
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        eprintln!(
            "{} not found: pass paths after `--`, or generate /tmp/gen100k with the gen_corpus example",
            missing.display()
        );
        return;
    }
    let cache = std::env::var_os("WARTA_CACHE_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("warta-bench-cluster-cache"));
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::Path).collect();
    let opts = LoadOptions {
        cache: CacheMode::Dir(cache),
    };
    let _ = load(&inputs, &opts);
    let report = load(&inputs, &opts);
    let corpus = report.corpus;
    let n = corpus.len();
    let rss_loaded = rss_mib();
    println!(
        "{n} articles, warm load {} ms (cache hits {}, misses {}), {} threads",
        report.elapsed.as_millis(),
        report.cache_hits,
        report.cache_misses,
        rayon::current_num_threads()
    );

    let t = Instant::now();
    let (bytes, words): (usize, usize) = (0..n)
        .into_par_iter()
        .map(|i| match corpus.body(i) {
            Ok(b) => (
                b.body.iter().map(String::len).sum::<usize>(),
                b.body.iter().map(|p| p.split_whitespace().count()).sum(),
            ),
            Err(_) => (0, 0),
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let read = t.elapsed();

    let t = Instant::now();
    let sigs = cluster::corpus_signatures(&corpus);
    let signing = t.elapsed();

    let t = Instant::now();
    let metas = corpus.metas();
    let clusters = Clusters::build(&sigs, |i| cluster::earliest_first(&metas[i]));
    let building = t.elapsed();
    let stats = clusters.stats();

    // Determinism at scale: a second build gives the same clusters.
    let again = Clusters::build(&sigs, |i| cluster::earliest_first(&metas[i]));
    let same = clusters
        .iter()
        .map(|(_, m)| m)
        .eq(again.iter().map(|(_, m)| m));

    let sig_bytes = sigs.capacity() * std::mem::size_of::<Option<Signature>>();
    let member_total: usize = clusters.iter().map(|(_, m)| m.len()).sum();
    let cluster_bytes = n * 4 + member_total * 8 + clusters.len() * 16;
    let sizes = {
        let mut s = std::collections::BTreeMap::<usize, usize>::new();
        for (_, m) in clusters.iter() {
            *s.entry(m.len()).or_default() += 1;
        }
        s
    };

    println!();
    println!("| step | time ms | notes |");
    println!("|---|---:|---|");
    println!(
        "| read all bodies from the cache | {} | {:.0} MB of body text, {:.0} words/article |",
        ms(read),
        bytes as f64 / 1e6,
        words as f64 / n.max(1) as f64
    );
    println!(
        "| signatures (read + normalise + shingle + MinHash) | {} | {} signed, {} too short |",
        ms(signing),
        stats.signed,
        n - stats.signed
    );
    println!(
        "| LSH + verification + union-find | {} | {} candidate pairs, {} verified |",
        ms(building),
        stats.candidates,
        stats.verified
    );
    println!(
        "| total (signatures + build) | {} | |",
        ms(signing + building)
    );
    println!();
    println!(
        "memory: signatures {:.1} MB ({} bytes each incl. Option), clusters {:.1} MB; RSS after load {:.0} MiB, now {:.0} MiB, peak {:.0} MiB",
        sig_bytes as f64 / 1e6,
        std::mem::size_of::<Option<Signature>>(),
        cluster_bytes as f64 / 1e6,
        rss_loaded.unwrap_or(f64::NAN),
        rss_mib().unwrap_or(f64::NAN),
        peak_rss_mib().unwrap_or(f64::NAN),
    );
    println!(
        "clusters: {} ({} articles in clusters), sizes {:?}; rebuild identical: {same}",
        clusters.len(),
        member_total,
        sizes
    );
}
