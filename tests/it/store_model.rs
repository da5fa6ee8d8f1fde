//! Property tests of the triage store against models: random actions, undo, redo, reopen,
//! close and compaction give the state and the undo behaviour of a store that never touched
//! the disk; replaying the files always gives exactly the live state; and a read-only store
//! following a writer sees exactly the writer's state after every refresh.

use crate::common;
use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use warta::triage::{ArticleState, Decision, Mode, Op, Refresh, Saved, Store, StoreOptions};

const IDS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];
const LABELS: [&str; 5] = ["Banjir", "BANJIR", "gempa", " x\ty ", "\u{1b}[31mmerah"];
const NOTES: [&str; 5] = ["", "cek lagi", "a\tb", "\u{202e}balik", "  baris\nbaru  "];

#[derive(Debug, Clone)]
enum Step {
    Apply {
        kind: u8,
        ids: Vec<usize>,
        arg: u8,
    },
    Undo,
    Redo,
    /// Dropped without close, as after a crash.
    Reopen,
    CloseReopen,
    Compact,
    /// Another program deletes or changes one of the store's files, then a change follows.
    Interfere(u8),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0u8..6, prop::collection::vec(0usize..IDS.len(), 1..5), any::<u8>())
            .prop_map(|(kind, ids, arg)| Step::Apply { kind, ids, arg }),
        3 => Just(Step::Undo),
        2 => Just(Step::Redo),
        1 => Just(Step::Reopen),
        1 => Just(Step::CloseReopen),
        1 => Just(Step::Compact),
    ]
}

fn interfering_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        8 => step(),
        1 => (0u8..7).prop_map(Step::Interfere),
    ]
}

/// What another program does to the store's files in `dir`.
fn interfere(dir: &Path, what: u8) {
    use std::fs;
    use warta::triage::store::{HISTORY_FILE, JOURNAL_FILE, LOCK_FILE, SNAPSHOT_FILE};
    let _ = match what {
        0 => fs::remove_file(dir.join(JOURNAL_FILE)),
        1 => fs::remove_dir_all(dir),
        2 => fs::remove_file(dir.join(LOCK_FILE)),
        3 => fs::remove_file(dir.join(HISTORY_FILE)),
        4 => fs::OpenOptions::new()
            .append(true)
            .open(dir.join(JOURNAL_FILE))
            .and_then(|mut f| std::io::Write::write_all(&mut f, b"{\"seq\":99999}\n")),
        5 => fs::OpenOptions::new()
            .write(true)
            .open(dir.join(JOURNAL_FILE))
            .and_then(|f| f.set_len(0)),
        _ => fs::remove_file(dir.join(SNAPSHOT_FILE)),
    };
}

fn op(kind: u8, idx: &[usize], arg: u8) -> Op {
    let ids: Vec<String> = idx.iter().map(|&i| IDS[i].to_string()).collect();
    let a = arg as usize;
    match kind {
        0 => Op::SetRead {
            ids,
            read: arg.is_multiple_of(2),
        },
        1 => Op::SetStar {
            ids,
            star: arg.is_multiple_of(2),
        },
        2 => Op::Decide {
            ids,
            decision: [
                Decision::Undecided,
                Decision::Relevant,
                Decision::Irrelevant,
                Decision::Maybe,
            ][a % 4],
            mark_read: false,
        },
        3 => Op::AddLabel {
            ids,
            label: LABELS[a % LABELS.len()].into(),
        },
        4 => Op::RemoveLabel {
            ids,
            label: LABELS[a % LABELS.len()].into(),
        },
        _ => Op::SetNote {
            ids,
            note: NOTES[a % NOTES.len()].into(),
        },
    }
}

/// The whole state, timestamps included.
fn state(s: &Store) -> BTreeMap<String, ArticleState> {
    s.ids().map(|id| (id.to_string(), s.state(id))).collect()
}

/// The state without timestamps: what two stores doing the same things at different
/// moments agree on.
fn stripped(s: &Store) -> BTreeMap<String, ArticleState> {
    let mut m = state(s);
    for st in m.values_mut() {
        st.read_at = None;
        st.starred_at = None;
        st.decided_at = None;
        st.labels_at = None;
        st.note_at = None;
    }
    m
}

fn saved(r: Saved) -> bool {
    matches!(r, Saved::Durable | Saved::Unchanged)
}

const UNBOUNDED: StoreOptions = StoreOptions {
    compact_every: 1_000_000,
    compact_bytes: 1 << 40,
    history_limit: 1_000_000,
    history_bytes: 1 << 40,
};

fn options() -> impl Strategy<Value = StoreOptions> {
    prop_oneof![
        Just(UNBOUNDED),
        (1usize..4).prop_map(|n| StoreOptions {
            compact_every: n,
            ..UNBOUNDED
        }),
        (100u64..600).prop_map(|b| StoreOptions {
            compact_bytes: b,
            ..UNBOUNDED
        }),
        (0usize..4, 1usize..6).prop_map(|(h, c)| StoreOptions {
            history_limit: h,
            compact_every: c,
            ..UNBOUNDED
        }),
        (200usize..1500, 1usize..6).prop_map(|(b, c)| StoreOptions {
            history_bytes: b,
            compact_every: c,
            ..UNBOUNDED
        }),
    ]
}

fn bounded(o: &StoreOptions) -> bool {
    o.history_limit < UNBOUNDED.history_limit || o.history_bytes < UNBOUNDED.history_bytes
}

/// Reopens and checks that nothing visible changed: the state exactly, what can be
/// redone, and (without bounds) what can be undone.
fn reopen(dir: &Path, s: Store, opts: StoreOptions, close: bool, interfered: bool) -> Store {
    let before = state(&s);
    let (depth, redo, bytes) = (s.undo_depth(), s.can_redo(), s.history_bytes());
    if close {
        s.close().unwrap();
    } else {
        drop(s);
    }
    let s = Store::open_with(dir, opts);
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_eq!(state(&s), before, "reopen changed the state");
    if !interfered {
        assert_eq!(s.can_redo(), redo, "reopen changed what can be redone");
        assert_eq!(s.undo_depth(), depth, "reopen changed what can be undone");
        assert_eq!(s.history_bytes(), bytes, "reopen changed the history");
    }
    s
}

fn run(opts: StoreOptions, steps: &[Step]) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = &tmp.path().join("data");
    let mut s = Store::open_with(dir, opts);
    // The model: the same semantics, never on disk, with room for all the history.
    let mut m = Store::in_memory("model");
    // Undo history may be lost with a deleted file (never the state).
    let mut interfered = false;
    for (i, st) in steps.iter().enumerate() {
        match st {
            Step::Interfere(what) => {
                interfere(dir, *what);
                interfered = true;
                // A change that surely changes something, so the store writes and notices.
                let op = Op::SetStar {
                    ids: vec!["f".into()],
                    star: !s.state("f").starred,
                };
                assert_eq!(s.apply(op.clone()).unwrap(), Saved::Durable, "step {i}");
                assert_eq!(m.apply(op).unwrap(), Saved::NotSaved("model".into()));
            }
            Step::Apply { kind, ids, arg } => {
                let op = op(*kind, ids, *arg);
                let got = s.apply(op.clone()).map(saved);
                let want = m.apply(op).map(|r| !matches!(r, Saved::Unchanged));
                match (got, want) {
                    (Ok(ok), Ok(_)) => assert!(ok, "step {i}: not saved"),
                    (Err(_), Err(_)) => {}
                    (g, w) => panic!("step {i}: store {g:?}, model {w:?}"),
                }
            }
            Step::Undo => match s.undo().unwrap() {
                Some(sum) => {
                    assert!(saved(sum.saved), "step {i}");
                    let want = m.undo().unwrap().expect("the model can undo too");
                    assert_eq!(sum.description, want.description, "step {i}");
                }
                None => assert!(
                    interfered || bounded(&opts) || !m.can_undo(),
                    "step {i}: the store lost undo history"
                ),
            },
            // As for undo: after another program deleted the history file the redo steps may
            // be gone with it (the reopen check allows the same); the state never is.
            Step::Redo => match s.redo().unwrap() {
                Some(g) => {
                    assert!(saved(g.saved), "step {i}");
                    let want = m.redo().unwrap().expect("the model can redo too");
                    assert_eq!(g.description, want.description, "step {i}: redo");
                }
                None => assert!(
                    interfered || !m.can_redo(),
                    "step {i}: the store lost redo history"
                ),
            },
            Step::Reopen => s = reopen(dir, s, opts, false, interfered),
            Step::CloseReopen => s = reopen(dir, s, opts, true, interfered),
            Step::Compact => s.compact().unwrap(),
        }
        assert_eq!(stripped(&s), stripped(&m), "step {i} ({st:?})");
        assert_eq!(s.mode(), Mode::ReadWrite, "step {i}: {:?}", s.status());
        // Bounded history, except the newest action (and what was undone, to redo).
        assert!(s.undo_depth() <= opts.history_limit.max(1), "step {i}");
        assert!(
            s.undo_depth() <= 1 || s.history_bytes() <= opts.history_bytes,
            "step {i}: {} bytes of history",
            s.history_bytes()
        );
        // What a reader sees is exactly the live state.
        let r = Store::open_read_only(dir);
        assert!(r.warnings().is_empty(), "step {i}: {:?}", r.warnings());
        assert_eq!(state(&r), state(&s), "step {i}: replay differs from live");
    }
    reopen(dir, s, opts, true, interfered);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_store_behaves_like_one_that_never_touched_the_disk(
        opts in options(),
        steps in prop::collection::vec(step(), 1..60),
    ) {
        run(opts, &steps);
    }

    #[test]
    #[cfg_attr(not(unix), ignore = "deletes files the store holds open")]
    fn files_deleted_or_changed_by_others_cost_no_state(
        opts in options(),
        steps in prop::collection::vec(interfering_step(), 1..60),
    ) {
        run(opts, &steps);
    }

}

proptest! {
    // Each case waits half a second for the writer's lock (as a second browser would).
    #![proptest_config(ProptestConfig {
        cases: 32,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]
    #[test]
    fn a_follower_sees_exactly_the_writers_state_after_every_refresh(
        opts in options(),
        steps in prop::collection::vec((step(), any::<bool>()), 1..80),
    ) {
        follow(opts, &steps);
    }
}

fn follow(opts: StoreOptions, steps: &[(Step, bool)]) {
    let dir = tempfile::tempdir().unwrap();
    let mut w = Store::open_with(dir.path(), opts);
    let mut f = Store::open_with(dir.path(), opts);
    assert!(f.is_read_only());
    for (i, (st, look)) in steps.iter().enumerate() {
        match st {
            Step::Apply { kind, ids, arg } => {
                let _ = w.apply(op(*kind, ids, *arg));
            }
            Step::Undo => {
                let _ = w.undo().unwrap();
            }
            Step::Redo => {
                let _ = w.redo().unwrap();
            }
            // The writer dies or quits: the follower takes over with exactly its state, and
            // a new follower (a reader that follows) watches it.
            Step::Reopen | Step::CloseReopen => {
                let last = state(&w);
                if matches!(st, Step::CloseReopen) {
                    w.close().unwrap();
                } else {
                    drop(w);
                }
                assert_eq!(take_over(&mut f), Refresh::Writable, "step {i}");
                assert_eq!(state(&f), last, "step {i}: taken over with another state");
                w = f;
                f = Store::open_read_only(dir.path());
                continue;
            }
            Step::Compact | Step::Interfere(_) => w.compact().unwrap(),
        }
        if *look {
            let r = f.refresh();
            assert_ne!(r, Refresh::Writable, "step {i}");
            assert!(f.is_read_only());
            assert_eq!(state(&f), state(&w), "step {i} ({st:?}): follower differs");
        }
    }
    assert_ne!(f.refresh(), Refresh::Writable);
    assert_eq!(state(&f), state(&w), "end: follower differs");
    w.close().unwrap();
    assert_eq!(take_over(&mut f), Refresh::Writable);
}

/// Refreshes until the follower holds the lock, or ten (scaled) seconds pass.
fn take_over(f: &mut Store) -> Refresh {
    // Another test's child may hold a copy of the lock until it execs: the browser's lock
    // waiter wakes it again then, which this loop stands for.
    let deadline = std::time::Instant::now() + common::scaled(std::time::Duration::from_secs(10));
    let mut r = f.refresh();
    while r != Refresh::Writable && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
        r = f.refresh();
    }
    r
}

// ---------------------------------------------------------------------------------------
// Concurrency: a writer thread compacting all the time, readers reading at any moment.

type Seen = Vec<(u64, BTreeMap<String, ArticleState>, Vec<String>)>;

fn concurrent(reader: impl Fn(&Path, &mut Option<Store>) -> Store + Send + 'static) {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().unwrap();
    let opts = StoreOptions {
        compact_every: 3,
        history_limit: 5,
        ..UNBOUNDED
    };
    let mut w = Store::open_with(dir.path(), opts);
    let states: Arc<Mutex<BTreeMap<u64, BTreeMap<String, ArticleState>>>> = Arc::default();
    states.lock().unwrap().insert(0, BTreeMap::new());
    let done = Arc::new(AtomicBool::new(false));
    let seen: Arc<Mutex<Seen>> = Arc::default();
    let r = {
        let (path, done, seen) = (dir.path().to_path_buf(), done.clone(), seen.clone());
        std::thread::spawn(move || {
            let mut keep = None;
            while !done.load(Ordering::SeqCst) {
                let s = reader(&path, &mut keep);
                let warn = s.warnings().to_vec();
                seen.lock().unwrap().push((s.seq(), state(&s), warn));
                keep = Some(s);
            }
        })
    };
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    // Enough writes, and enough reads among them (the follower first waits for the lock).
    let mut n = 0;
    while (n < 800 || seen.lock().unwrap().len() < 50) && n < 200_000 {
        n += 1;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let ids: Vec<usize> = (0..1 + x as usize % 3)
            .map(|k| (x as usize >> (8 + k * 3)) % 6)
            .collect();
        match x % 7 {
            0 => {
                let _ = w.undo().unwrap();
            }
            1 => {
                let _ = w.redo().unwrap();
            }
            k => {
                let _ = w.apply(op(k as u8, &ids, (x >> 32) as u8));
            }
        }
        states.lock().unwrap().insert(w.seq(), state(&w));
    }
    done.store(true, Ordering::SeqCst);
    r.join().unwrap();
    let states = states.lock().unwrap();
    let seen = seen.lock().unwrap();
    assert!(seen.len() > 20, "the reader barely read: {}", seen.len());
    let mut bad = Vec::new();
    for (i, (seq, st, warn)) in seen.iter().enumerate() {
        if !warn.is_empty() {
            bad.push(format!("read {i} at {seq}: {warn:?}"));
        }
        if Some(st) != states.get(seq) {
            bad.push(format!("read {i}: not the writer's state at {seq}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} reads wrong: {:#?}",
        bad.len(),
        seen.len(),
        &bad[..bad.len().min(8)]
    );
}

#[test]
fn a_reader_never_sees_a_state_the_writer_did_not_have() {
    concurrent(|dir, _| Store::open_read_only(dir));
}

#[test]
fn a_follower_never_sees_a_state_the_writer_did_not_have() {
    concurrent(|dir, keep| match keep.take() {
        Some(mut f) => {
            f.refresh();
            assert!(f.is_read_only());
            f
        }
        None => {
            let f = Store::open(dir);
            assert!(f.is_read_only());
            f
        }
    });
}

/// Stars one article: the smallest action, for the follower tests below.
fn star(id: &str) -> Op {
    Op::SetStar {
        ids: vec![id.to_string()],
        star: true,
    }
}

/// A follower that opens while a writer's files never hold still (here a history newer than
/// the state, rewritten without pause, as a compaction under way leaves it for a moment)
/// warns of nothing: it is the writer at work, not damage. Once the files settle, a refresh
/// reads them whole.
#[cfg(unix)]
#[test]
fn a_follower_does_not_warn_of_files_a_live_writer_keeps_moving() {
    use std::fs;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use warta::triage::store::HISTORY_FILE;
    let dir = tempfile::tempdir().unwrap();
    let mut w = Store::open_with(dir.path(), UNBOUNDED);
    for i in 0..4 {
        assert_eq!(w.apply(star(&format!("s{i}"))).unwrap(), Saved::Durable);
    }
    w.compact().unwrap();
    let history = dir.path().join(HISTORY_FILE);
    let settled = fs::read(&history).unwrap();
    let mut newer: serde_json::Value = serde_json::from_slice(&settled).unwrap();
    newer["seq"] = serde_json::json!(w.seq() + 1);
    let newer = serde_json::to_vec(&newer).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let churn = {
        let (dir, stop) = (dir.path().to_path_buf(), stop.clone());
        std::thread::spawn(move || {
            let mut k = 0u64;
            while !stop.load(Ordering::SeqCst) {
                k += 1;
                let tmp = dir.join(format!("h{}", k % 2));
                fs::write(&tmp, &newer).unwrap();
                fs::rename(&tmp, dir.join(HISTORY_FILE)).unwrap();
            }
        })
    };
    let mut f = Store::open_with(dir.path(), UNBOUNDED);
    stop.store(true, Ordering::SeqCst);
    churn.join().unwrap();
    assert!(f.is_read_only());
    assert!(f.warnings().is_empty(), "{:?}", f.warnings());
    assert_eq!(f.seq(), w.seq());

    fs::write(&history, &settled).unwrap();
    assert_eq!(w.apply(star("late")).unwrap(), Saved::Durable);
    assert_eq!(f.refresh(), Refresh::Updated);
    assert!(f.warnings().is_empty(), "{:?}", f.warnings());
    assert_eq!(f.seq(), w.seq());
    assert!(f.state("late").starred);
}

/// ext4 hands a freed inode straight to the next new file and stamps files with a coarse
/// clock, so two quick compactions can leave a `state.json` with the inode, size and time
/// the follower saw before. Simulated here with a hard link; the journal it then reads from
/// its old offset is a new one, and must not be taken for the rest of the old.
#[cfg(unix)]
#[test]
fn a_follower_is_not_fooled_by_a_state_file_that_looks_unchanged() {
    use std::fs;
    use warta::triage::store::{JOURNAL_FILE, SNAPSHOT_FILE};
    let dir = tempfile::tempdir().unwrap();
    let mut w = Store::open_with(dir.path(), UNBOUNDED);
    for i in 0..10 {
        assert_eq!(w.apply(star(&format!("s{i}"))).unwrap(), Saved::Durable);
    }
    w.compact().unwrap();
    let mut f = Store::open_with(dir.path(), UNBOUNDED);
    assert!(f.is_read_only());
    assert_eq!(w.apply(star("z")).unwrap(), Saved::Durable); // 11
    w.undo().unwrap().unwrap(); // 12
    assert_eq!(f.refresh(), Refresh::Updated);
    let state_path = dir.path().join(SNAPSHOT_FILE);
    let seen = fs::metadata(&state_path).unwrap();
    let pinned = dir.path().join("pinned");
    fs::hard_link(&state_path, &pinned).unwrap();

    // The state at 12 is the state at 10: the same size.
    w.compact().unwrap();
    w.redo().unwrap().unwrap(); // 13, as long as the undo line 12
    assert_eq!(w.apply(star("w")).unwrap(), Saved::Durable); // 14, as long as line 11
    assert_eq!(w.apply(star("v")).unwrap(), Saved::Durable); // 15: at the follower's offset
    let now = fs::read(&state_path).unwrap();
    assert_eq!(now.len() as u64, seen.len());
    fs::write(&pinned, &now).unwrap();
    fs::rename(&pinned, &state_path).unwrap();
    fs::File::options()
        .write(true)
        .open(&state_path)
        .unwrap()
        .set_modified(seen.modified().unwrap())
        .unwrap();
    assert!(fs::metadata(dir.path().join(JOURNAL_FILE)).unwrap().len() > 0);

    f.refresh();
    assert_eq!(state(&f), state(&w), "the follower missed changes");
}

/// Replaying the journal trims the history as the live store did: a restart must not bring
/// back an undo step the session had already forgotten, nor hold more than the bound.
#[test]
fn a_restart_does_not_bring_back_forgotten_undo_steps() {
    let dir = tempfile::tempdir().unwrap();
    let opts = StoreOptions {
        history_limit: 1,
        ..UNBOUNDED
    };
    let mut s = Store::open_with(dir.path(), opts);
    assert_eq!(s.apply(star("a")).unwrap(), Saved::Durable);
    s.close().unwrap();
    let mut s = Store::open_with(dir.path(), opts);
    assert_eq!(s.apply(star("b")).unwrap(), Saved::Durable);
    assert_eq!(s.undo_depth(), 1, "starring a is forgotten");
    s.undo().unwrap().unwrap();
    assert!(!s.can_undo());
    drop(s);
    let mut s = Store::open_with(dir.path(), opts);
    assert!(
        !s.can_undo(),
        "after a restart, undo would take back the forgotten star of a"
    );
    s.redo().unwrap().unwrap();
    assert_eq!(s.undo_depth(), 1);
}

/// An older build's undo lines name their action without carrying it; when this build's
/// smaller bound forgot the action during replay, the line must still find it.
#[test]
fn an_older_journal_undoing_past_the_bound_still_reads() {
    use std::fs;
    use warta::triage::store::JOURNAL_FILE;
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"seq":1,"at":"t1","op":{"kind":"set_star","ids":["a"],"star":true},"before":{"a":{}}}"#,
        r#"{"seq":2,"at":"t2","op":{"kind":"set_star","ids":["b"],"star":true},"before":{"b":{}}}"#,
        r#"{"seq":3,"at":"t3","undo":2}"#,
        r#"{"seq":4,"at":"t4","undo":1}"#,
    ];
    fs::write(dir.path().join(JOURNAL_FILE), lines.join("\n") + "\n").unwrap();
    let opts = StoreOptions {
        history_limit: 1,
        ..UNBOUNDED
    };
    let s = Store::open_with(dir.path(), opts);
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert_eq!(s.ids().count(), 0, "both stars undone");
}

/// The case the property test found: a history file deleted by another program, two undos
/// past it, a restart, then a redo the store can no longer offer. The state must still match.
#[test]
fn a_redo_lost_with_a_deleted_history_file_costs_no_state() {
    run(
        UNBOUNDED,
        &[
            Step::Interfere(0),
            Step::CloseReopen,
            Step::Apply {
                kind: 0,
                ids: vec![0],
                arg: 6,
            },
            Step::Undo,
            Step::Interfere(3),
            Step::Undo,
            Step::Undo,
            Step::Reopen,
            Step::Redo,
            Step::Undo,
            Step::Redo,
        ],
    );
}
