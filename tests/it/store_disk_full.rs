//! The triage store on a full disk, simulated with a file size limit (RLIMIT_FSIZE) in a
//! child process: writes past it fail with EFBIG, as they would with ENOSPC. A change that
//! could not be saved says so and is kept in memory; once there is room the whole state is
//! written again; and nothing acknowledged is ever lost.
#![cfg(unix)]

use crate::common;
use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::{Duration, Instant};

use warta::triage::store::{HISTORY_FILE, JOURNAL_FILE, SNAPSHOT_FILE};
use warta::triage::{Decision, Mode, Op, Saved, Store, StoreError, StoreOptions};

const DIR_ENV: &str = "WARTA_FULL_DIR";

fn digest(s: &Store) -> u64 {
    let mut h = DefaultHasher::new();
    for id in s.ids() {
        id.hash(&mut h);
        s.state(id).hash(&mut h);
    }
    h.finish()
}

fn batch(prefix: &str, n: usize, decision: Decision) -> Op {
    Op::Decide {
        ids: (0..n).map(|i| format!("{prefix}{i:06}")).collect(),
        decision,
        mark_read: false,
    }
}

/// Lets no file grow past `bytes` (`None`: no limit again).
#[expect(
    unsafe_code,
    reason = "std cannot set a resource limit or ignore a signal"
)]
fn limit_files(bytes: Option<u64>) {
    let cur = bytes.unwrap_or(libc::RLIM_INFINITY);
    let lim = libc::rlimit {
        rlim_cur: cur,
        rlim_max: libc::RLIM_INFINITY,
    };
    // SAFETY: plain syscalls on this process; SIGXFSZ is ignored so a write past the limit
    // fails with EFBIG instead of killing the process.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &lim), 0);
    }
}

fn size(p: &Path) -> u64 {
    fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

/// Runs `name` in a child process on `dir`; it must succeed.
fn run_child(name: &str, dir: &Path) -> String {
    common::child_passes(common::this_test(module_path!(), name).env(DIR_ENV, dir))
}

/// The digest the child printed last (`digest N`).
fn printed_digest(text: &str) -> u64 {
    text.lines()
        .rev()
        .find_map(|l| l.split("digest ").nth(1))
        .expect("a digest")
        .trim()
        .parse()
        .unwrap()
}

#[track_caller]
fn not_saved(r: Result<Saved, StoreError>) -> String {
    match r.unwrap() {
        Saved::NotSaved(why) => why,
        other => panic!("claimed {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------

fn child_journal_full(dir: std::ffi::OsString) {
    let dir = Path::new(&dir);
    let mut s = Store::open(dir);
    assert_eq!(
        s.apply(batch("a", 50, Decision::Relevant)).unwrap(),
        Saved::Durable
    );
    let journal = dir.join(JOURNAL_FILE);
    let before = size(&journal);
    limit_files(Some(before + 200));
    // A batch line of several KiB: cut by the limit part way.
    let why = not_saved(s.apply(batch("b", 300, Decision::Maybe)));
    assert!(why.contains("NOT saved"), "{why}");
    assert_eq!(s.mode(), Mode::MemoryOnly);
    assert_eq!(size(&journal), before, "the partial line is cut off");
    not_saved(s.apply(batch("c", 10, Decision::Irrelevant)));
    assert!(matches!(
        s.undo().unwrap().unwrap().saved,
        Saved::NotSaved(_)
    ));
    assert_eq!(s.unsaved(), 3);
    // Room again: quitting writes the whole state.
    limit_files(None);
    println!("digest {}", digest(&s));
    s.close().unwrap();
}

#[test]
fn a_full_journal_keeps_changes_in_memory_and_quitting_with_room_saves_them() {
    // Run as its own child (see `common::this_test`): this process plays the other side.
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return child_journal_full(dir);
    }
    let dir = tempfile::tempdir().unwrap();
    let text = run_child(
        "a_full_journal_keeps_changes_in_memory_and_quitting_with_room_saves_them",
        dir.path(),
    );
    let s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_eq!(digest(&s), printed_digest(&text));
    assert_eq!(s.state("b000299").decision, Decision::Maybe);
    assert_eq!(s.state("c000000").decision, Decision::Undecided, "undone");
}

fn child_still_full_at_quit(dir: std::ffi::OsString) {
    let dir = Path::new(&dir);
    let mut s = Store::open(dir);
    assert_eq!(
        s.apply(batch("a", 50, Decision::Relevant)).unwrap(),
        Saved::Durable
    );
    limit_files(Some(size(&dir.join(JOURNAL_FILE)) + 100));
    not_saved(s.apply(batch("b", 300, Decision::Maybe)));
    // Room for a rescue file of the whole state, not for the journal's history of it.
    match s.close() {
        Err(StoreError::Unsaved {
            changes: 1, rescue, ..
        }) => {
            println!("rescue {rescue:?}");
            // Beside the data or in the temp dir; either way the test's to clean.
            if let Some(r) = rescue {
                let _ = fs::remove_file(r);
            }
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn quitting_on_a_full_disk_is_an_error_that_names_what_was_not_saved() {
    // Run as its own child (see `common::this_test`): this process plays the other side.
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return child_still_full_at_quit(dir);
    }
    let dir = tempfile::tempdir().unwrap();
    let text = run_child(
        "quitting_on_a_full_disk_is_an_error_that_names_what_was_not_saved",
        dir.path(),
    );
    assert!(text.contains("rescue"), "{text}");
    let s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert_eq!(
        s.state("a000049").decision,
        Decision::Relevant,
        "saved before"
    );
}

fn child_compaction_full(dir: std::ffi::OsString) {
    let dir = Path::new(&dir);
    let opts = StoreOptions {
        compact_every: 2,
        ..StoreOptions::default()
    };
    let mut s = Store::open_with(dir, opts);
    // state.json grows past the limit, each journal line stays under it.
    limit_files(Some(40_000));
    for (i, p) in ["a", "b", "c", "d"].into_iter().enumerate() {
        let r = s.apply(batch(p, 700, Decision::Relevant));
        assert_eq!(r.unwrap(), Saved::Durable, "step {i}: {:?}", s.status());
    }
    assert!(size(&dir.join(SNAPSHOT_FILE)) < 40_000);
    assert!(
        s.warnings().iter().any(|w| w.contains("compaction failed")),
        "{:?}",
        s.warnings()
    );
    assert_eq!(s.mode(), Mode::ReadWrite);
    println!("digest {}", digest(&s));
    // The journal holds everything; quitting says the compaction failed.
    assert!(matches!(s.close(), Err(StoreError::Io { .. })));
}

#[test]
fn a_compaction_that_does_not_fit_loses_nothing() {
    // Run as its own child (see `common::this_test`): this process plays the other side.
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return child_compaction_full(dir);
    }
    let dir = tempfile::tempdir().unwrap();
    let text = run_child("a_compaction_that_does_not_fit_loses_nothing", dir.path());
    let s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_eq!(digest(&s), printed_digest(&text));
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp-")), "{names:?}");
}

fn child_history_full(dir: std::ffi::OsString) {
    let dir = Path::new(&dir);
    let mut s = Store::open(dir);
    // Many batches: the history is far larger than the state.
    for i in 0..30 {
        let d = [Decision::Relevant, Decision::Maybe][i % 2];
        assert_eq!(s.apply(batch("a", 400, d)).unwrap(), Saved::Durable);
    }
    s.compact().unwrap();
    let state_len = size(&dir.join(SNAPSHOT_FILE));
    assert!(size(&dir.join(HISTORY_FILE)) > state_len * 2);
    limit_files(Some(state_len + 4096));
    let r = s.compact();
    assert!(r.is_ok(), "{r:?}");
    assert!(
        s.warnings()
            .iter()
            .any(|w| w.contains("undo history could not be saved")),
        "{:?}",
        s.warnings()
    );
    limit_files(None);
    println!("digest {}", digest(&s));
}

#[test]
fn history_that_does_not_fit_costs_undo_steps_only() {
    // Run as its own child (see `common::this_test`): this process plays the other side.
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return child_history_full(dir);
    }
    let dir = tempfile::tempdir().unwrap();
    let text = run_child(
        "history_that_does_not_fit_costs_undo_steps_only",
        dir.path(),
    );
    assert!(!dir.path().join(HISTORY_FILE).exists());
    let s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert_eq!(digest(&s), printed_digest(&text));
    assert_eq!(s.undo_depth(), 0);
}

fn child_room_again(dir: std::ffi::OsString) {
    let dir = Path::new(&dir);
    let mut s = Store::open(dir);
    assert_eq!(
        s.apply(batch("a", 50, Decision::Relevant)).unwrap(),
        Saved::Durable
    );
    limit_files(Some(size(&dir.join(JOURNAL_FILE)) + 100));
    not_saved(s.apply(batch("b", 300, Decision::Maybe)));
    limit_files(None);
    // Saving resumes on its own within a few seconds, with the whole state.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut n = 0;
    loop {
        n += 1;
        let r = s
            .apply(batch(&format!("c{n}_"), 1, Decision::Maybe))
            .unwrap();
        if r == Saved::Durable {
            break;
        }
        assert!(Instant::now() < deadline, "never saved again: {r:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(s.mode(), Mode::ReadWrite);
    assert_eq!(s.unsaved(), 0);
    let notice = s.take_notice().expect("the user is told");
    assert!(notice.contains("saving again"), "{notice}");
    println!("digest {}", digest(&s));
    // Dropped without close: the journal and snapshot alone must hold it all.
}

#[test]
fn saving_resumes_by_itself_once_there_is_room() {
    // Run as its own child (see `common::this_test`): this process plays the other side.
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return child_room_again(dir);
    }
    let dir = tempfile::tempdir().unwrap();
    let text = run_child("saving_resumes_by_itself_once_there_is_room", dir.path());
    let s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_eq!(digest(&s), printed_digest(&text));
    assert_eq!(s.state("b000299").decision, Decision::Maybe);
}
