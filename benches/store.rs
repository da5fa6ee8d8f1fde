//! Triage store at scale: `cargo bench --bench store`.
//!
//! The adversarial case that once made a store warta could not read back: select-all batches
//! (`V` then `r`/`i`) over a 100k-article corpus, 100 of them, alternating decisions, with
//! 50k articles already read so prior states differ. Prints the time per batch (median and
//! max, compactions included), the largest journal, the files' sizes after quitting, the
//! quit (close) time and the reopen time, as a Markdown table.
//!
//! `WARTA_BENCH_ARTICLES` and `WARTA_BENCH_BATCHES` change the scale.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use warta::triage::store::{HISTORY_FILE, JOURNAL_FILE, SNAPSHOT_FILE};
use warta::triage::{Decision, Mode, Op, Saved, Store};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn size(path: &Path) -> u64 {
    fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn mb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1e6)
}

fn ms(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1e3)
}

fn main() {
    let n = env_usize("WARTA_BENCH_ARTICLES", 100_000);
    let batches = env_usize("WARTA_BENCH_BATCHES", 100);
    let dir = tempfile::tempdir().expect("tempdir");
    // Ids as the loader makes them: 16 hex digits.
    let ids: Vec<String> = (0..n as u64)
        .map(|i| format!("{:016x}", i.wrapping_mul(0x9E37_79B9_7F4A_7C15)))
        .collect();

    let mut store = Store::open(dir.path());
    assert_eq!(store.mode(), Mode::ReadWrite);
    let read = Op::SetRead {
        ids: ids.iter().step_by(2).cloned().collect(),
        read: true,
    };
    assert_eq!(store.apply(read).expect("read"), Saved::Durable);

    let mut times = Vec::with_capacity(batches);
    let mut journal_max = 0;
    for b in 0..batches {
        let decision = [Decision::Relevant, Decision::Irrelevant, Decision::Maybe][b % 3];
        let op = Op::Decide {
            ids: ids.clone(),
            decision,
            // As the browser sends it (decide_marks_read on by default).
            mark_read: true,
        };
        let t = Instant::now();
        let saved = store.apply(op).expect("apply");
        times.push(t.elapsed());
        assert_eq!(saved, Saved::Durable);
        journal_max = journal_max.max(size(&dir.path().join(JOURNAL_FILE)));
    }
    let undo_depth = store.undo_depth();
    let history_bytes = store.history_bytes();
    let t = Instant::now();
    store.close().expect("close");
    let quit = t.elapsed();

    let t = Instant::now();
    let reopened = Store::open(dir.path());
    let reopen = t.elapsed();
    assert_eq!(reopened.mode(), Mode::ReadWrite, "{:?}", reopened.status());
    assert_eq!(reopened.ids().count(), n, "every decision is back");
    assert_eq!(reopened.undo_depth(), undo_depth);

    times.sort();
    let median = times[times.len() / 2];
    let max = times[times.len() - 1];
    let state = size(&dir.path().join(SNAPSHOT_FILE));
    let history = size(&dir.path().join(HISTORY_FILE));
    println!(
        "| articles | batches | batch ms (median / max) | journal max MB | state.json MB | history.json MB | undo depth | history kept MB | quit ms | reopen ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    println!(
        "| {n} | {batches} | {} / {} | {} | {} | {} | {undo_depth} | {} | {} | {} |",
        ms(median),
        ms(max),
        mb(journal_max),
        mb(state),
        mb(history),
        mb(history_bytes as u64),
        ms(quit),
        ms(reopen),
    );
}
