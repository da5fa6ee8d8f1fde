//! Load-time benchmark: `cargo bench --bench load -- <paths...>`.
//!
//! For each input: a load without cache, a cold load (fresh cache dir, so parse + write the
//! cache) and a warm load (cache populated), each repeated; prints a Markdown table with the
//! median and min in ms. Without paths it uses the shared corpora when present.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use warta::loader::{CacheMode, Input, LoadOptions, LoadReport, load};

const DEFAULTS: &[&str] = &[
    concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/clickid2019"),
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/clickid2019.jsonl"
    ),
];

// The allocator the binary ships with (src/main.rs), so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // cargo passes `--bench`; anything that is not a flag is an input path.
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
        .unwrap_or(5);

    println!(
        "| input | articles | files | input MB | no cache ms (median / min) | cold ms (median / min) | cold MB/s | warm ms (median / min) | cache MB |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for path in &paths {
        bench_one(path, reps);
    }
}

fn bench_one(path: &Path, reps: usize) {
    let inputs = [Input::Path(path.to_path_buf())];
    let mut last: Option<LoadReport> = None;

    let no_cache: Vec<Duration> = (0..reps)
        .map(|_| {
            let r = load(&inputs, &LoadOptions::default());
            let t = r.elapsed;
            last = Some(r);
            t
        })
        .collect();
    let Some(base) = last.take() else { return };

    let mut input_bytes = 0;
    let cold: Vec<Duration> = (0..reps)
        .map(|_| {
            let Ok(tmp) = tempfile::tempdir() else {
                return Duration::ZERO;
            };
            let opts = LoadOptions {
                cache: CacheMode::Dir(tmp.path().to_path_buf()),
            };
            let t = Instant::now();
            let r = load(&inputs, &opts);
            let t = t.elapsed();
            input_bytes = r.bytes_read;
            t
        })
        .collect();

    let Ok(tmp) = tempfile::tempdir() else { return };
    let opts = LoadOptions {
        cache: CacheMode::Dir(tmp.path().to_path_buf()),
    };
    let first = load(&inputs, &opts);
    let warm: Vec<Duration> = (0..reps)
        .map(|_| {
            let t = Instant::now();
            let r = load(&inputs, &opts);
            let t = t.elapsed();
            assert_eq!(r.cache_misses, 0, "warm load re-parsed files");
            assert_eq!(r.corpus.len(), first.corpus.len());
            t
        })
        .collect();
    let cache_bytes = warta::cache::info(tmp.path()).total_bytes;

    let mb = input_bytes as f64 / 1e6;
    let cold_med = median(&cold);
    println!(
        "| `{}` | {} | {} | {:.1} | {} | {} | {:.0} | {} | {:.1} |",
        path.display(),
        base.corpus.len(),
        base.files_seen,
        mb,
        fmt(&no_cache),
        fmt(&cold),
        mb / cold_med.as_secs_f64().max(1e-9),
        fmt(&warm),
        cache_bytes as f64 / 1e6,
    );
}

fn median(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn fmt(v: &[Duration]) -> String {
    let min = v.iter().min().copied().unwrap_or_default();
    format!(
        "{:.1} / {:.1}",
        median(v).as_secs_f64() * 1e3,
        min.as_secs_f64() * 1e3
    )
}
