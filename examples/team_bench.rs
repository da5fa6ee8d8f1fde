//! Team triage timings against a server (scripts/bench-team.sh starts a throwaway one):
//!
//! 1. Delivery: one decision from the key to the server's commit — the local journal
//!    (fsync), the outbox (intent and events, fsync'd), and one send transaction — on an open
//!    connection, as the browser's sender has. Median and 95th percentile of 200.
//! 2. Opening: the triage state of a 100k-article corpus with 50k decided (and so read)
//!    articles, read from the local store versus from the team (connect, the whole state
//!    table, this machine's queue on top, the store the commands read). The corpus itself
//!    loads the same either way, so the difference is what a team adds to opening it.
//!    Twice: reading the server's whole state (a first open, or one without a cache), and
//!    from this machine's copy of the team's view (`team::Replica`) with
//!    `WARTA_BENCH_SINCE` (default 500) events stored since the copy was saved.
//!
//! Usage: `cargo run --release --example team_bench -- postgres://…` (the database must be
//! empty). `WARTA_BENCH_STATES` changes the 50k; `WARTA_BENCH_IDS=FILE` takes the decided
//! articles' ids from a file (one per line, e.g. `warta list --format ids` of a corpus) and
//! `WARTA_BENCH_KEEP=DIR` keeps the local store there, so `warta list` can be timed on the
//! same states with and without the team. `WARTA_BENCH_REOPEN=1` measures only the
//! opening, on a database an earlier run loaded (for profiling it).

use std::time::{Duration, Instant};

use warta::team::{self, Outbox, Recorder, Replica, Shown, Team, TeamConfig};
use warta::triage::{ArticleState, Decision, Op, Store};

fn ms(d: Duration) -> String {
    format!("{:.1}", d.as_secs_f64() * 1e3)
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let url = std::env::args()
        .nth(1)
        .expect("usage: team_bench postgres://…");
    let states: usize = std::env::var("WARTA_BENCH_STATES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let cfg = TeamConfig {
        url: url.clone(),
        analyst: "ana".into(),
    };
    let mut t = Team::connect(&cfg).expect("connect");
    t.init().expect("init");

    // 1. Delivery.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(dir.path());
    let outbox = Outbox::in_dir(dir.path());
    let rec = Recorder {
        analyst: "ana".into(),
        outbox: outbox.clone(),
    };
    let decisions = [Decision::Relevant, Decision::Irrelevant, Decision::Maybe];
    let mut total = Vec::new();
    let mut send = Vec::new();
    let reopen = std::env::var_os("WARTA_BENCH_REOPEN").is_some();
    for i in 0..if reopen { 0 } else { 200 } {
        let start = Instant::now();
        let op = Op::Decide {
            ids: vec![format!("d{}", i % 20)],
            decision: decisions[i % 3],
            // As the browser sends it: the first decision on an article also marks it read,
            // two events in one send.
            mark_read: true,
        };
        rec.apply(&mut store, op).expect("apply").1.expect("queued");
        let sending = Instant::now();
        let f = team::flush(&mut t, &outbox).expect("send");
        assert!(f.sent >= 1);
        send.push(sending.elapsed());
        total.push(start.elapsed());
    }
    drop(store);
    println!("| measure | median ms | p95 ms |");
    println!("|---|---:|---:|");
    if !reopen {
        println!(
            "| decision: key → server commit (journal, outbox, send) | {} | {} |",
            ms(percentile(&mut total, 0.5)),
            ms(percentile(&mut total, 0.95))
        );
        println!(
            "| of which the send transaction | {} | {} |",
            ms(percentile(&mut send, 0.5)),
            ms(percentile(&mut send, 0.95))
        );
    }

    // 2. Opening with `states` decided articles, locally and from the team.
    let ids: Vec<String> = match std::env::var_os("WARTA_BENCH_IDS") {
        Some(file) => std::fs::read_to_string(file)
            .expect("ids file")
            .lines()
            .take(states)
            .map(str::to_string)
            .collect(),
        None => (0..states).map(|i| format!("a{i:06}")).collect(),
    };
    let kept = std::env::var_os("WARTA_BENCH_KEEP").map(std::path::PathBuf::from);
    let temp = tempfile::tempdir().expect("temp dir");
    let local = kept.as_deref().unwrap_or(temp.path());
    {
        let mut s = Store::open(local);
        let ids = &ids;
        for chunk in ids.chunks(5_000) {
            let _ = s
                .apply(Op::Decide {
                    ids: chunk.to_vec(),
                    decision: Decision::Relevant,
                    mark_read: true,
                })
                .expect("apply");
        }
        s.close().expect("close");
    }
    let analysts = ["ana", "budi", "cici"];
    let events: Vec<team::Event> = (0..ids.len())
        .flat_map(|i| {
            // Deciding marks read, so a decided article has two fields on the server.
            let after = ArticleState {
                decision: decisions[i % 3],
                read: true,
                ..ArticleState::default()
            };
            team::event::diff(analysts[i % 3], &ids[i], &ArticleState::default(), &after)
        })
        .collect();
    for chunk in events.chunks(1_000).filter(|_| !reopen) {
        t.send(chunk).expect("load the server");
    }
    // The states were stored long before: a copy saved now re-reads only what arrives
    // after it (a copy saved within two minutes of a send re-reads that send too).
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    raw.batch_execute("UPDATE warta_events SET received = received - interval '1 hour'")
        .expect("age the events");
    // This machine's copy, saved now; then others go on deciding.
    let cache = tempfile::tempdir().expect("temp dir");
    let replica = Replica::in_cache(cache.path(), &cfg.shown());
    Team::connect(&cfg)
        .and_then(|mut t| t.view_from("ana", Some(&replica)))
        .expect("save the copy");
    let since: usize = std::env::var("WARTA_BENCH_SINCE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(500);
    let later: Vec<team::Event> = ids
        .iter()
        .take(since)
        .flat_map(|id| {
            let before = ArticleState {
                decision: Decision::Relevant,
                read: true,
                ..ArticleState::default()
            };
            let after = ArticleState {
                decision: Decision::Maybe,
                ..before.clone()
            };
            team::event::diff("dewi", id, &before, &after)
        })
        .collect();
    t.send(&later).expect("events since the copy");
    let mut local_open = Vec::new();
    let mut opens: [Vec<Duration>; 2] = Default::default();
    let mut phases: [[Vec<Duration>; 3]; 2] = Default::default();
    for _ in 0..7 {
        let start = Instant::now();
        let s = Store::open_read_only(local);
        assert!(s.ids().count() >= ids.len());
        local_open.push(start.elapsed());

        for (i, copy) in [None, Some(&replica)].into_iter().enumerate() {
            let start = Instant::now();
            let mut t = Team::connect(&cfg).expect("connect");
            let connected = start.elapsed();
            let (view, _) = t.view_from("ana", copy).expect("view");
            let viewed = start.elapsed();
            let shown = Shown::new(view, &outbox.pending().expect("outbox").events);
            let s = shown.store(false);
            assert!(s.ids().count() >= ids.len());
            let done = start.elapsed();
            opens[i].push(done);
            phases[i][0].push(connected);
            phases[i][1].push(viewed - connected);
            phases[i][2].push(done - viewed);
        }
    }
    let l = percentile(&mut local_open, 0.5);
    println!("| open {states} states: local store | {} | |", ms(l));
    for ((how, read), (open, phases)) in [
        ("the whole state", "read the state table into the view"),
        (
            "this machine's copy",
            "load the copy, catch up from the log",
        ),
    ]
    .iter()
    .zip(opens.iter_mut().zip(phases.iter_mut()))
    {
        let m = percentile(open, 0.5);
        println!(
            "| open {states} states: team from {how} (connect, read, queue, store) | {} | |",
            ms(m)
        );
        for (name, v) in ["connect", read, "queue and store"]
            .iter()
            .zip(phases.iter_mut())
        {
            println!("| — {name} | {} | |", ms(percentile(v, 0.5)));
        }
        println!(
            "| team from {how} minus local | {} | |",
            ms(m.saturating_sub(l))
        );
    }
}
