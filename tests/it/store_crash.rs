//! Crash tests of the triage store: a child process does random batches, undos and redos
//! (compacting by size nearly every time) or repairs a damaged journal, and is killed with
//! SIGKILL at a random moment. The reopened store must hold exactly the state of the last
//! acknowledged step (or of the one under way when it died), and repair must end the same
//! however often it is interrupted.

use crate::common;
use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use warta::triage::store::JOURNAL_FILE;
use warta::triage::{Decision, Mode, Op, Saved, Store, StoreOptions, repair};

const DIR_ENV: &str = "WARTA_CRASH_DIR";
const SEED_ENV: &str = "WARTA_CRASH_SEED";
const READY: &str = "CHILD-READY";
/// The store compacts by size (batches make lines of several KiB) and the writer compacts
/// besides, after a third of its steps.
const OPTS: StoreOptions = StoreOptions {
    compact_every: 1_000_000,
    compact_bytes: 48 << 10,
    history_limit: 30,
    history_bytes: 64 << 10,
};
const IDS: usize = 3000;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The whole state, timestamps included, as one number.
fn digest(s: &Store) -> u64 {
    let mut h = DefaultHasher::new();
    for id in s.ids() {
        id.hash(&mut h);
        s.state(id).hash(&mut h);
    }
    h.finish()
}

fn random_op(rng: &mut XorShift) -> Op {
    let most = if rng.below(4) == 0 { 400 } else { 8 };
    let n = 1 + rng.below(most) as usize;
    let start = rng.below(IDS as u64) as usize;
    let ids: Vec<String> = (0..n).map(|i| format!("id{}", (start + i) % IDS)).collect();
    let arg = rng.next();
    match rng.below(6) {
        0 => Op::SetRead {
            ids,
            read: !arg.is_multiple_of(3),
        },
        1 => Op::SetStar {
            ids,
            star: arg.is_multiple_of(2),
        },
        2 => Op::Decide {
            ids,
            decision: [
                Decision::Relevant,
                Decision::Irrelevant,
                Decision::Maybe,
                Decision::Undecided,
            ][(arg % 4) as usize],
            mark_read: false,
        },
        3 => Op::AddLabel {
            ids,
            label: ["banjir", "Gempa", "cek"][(arg % 3) as usize].into(),
        },
        4 => Op::RemoveLabel {
            ids,
            label: ["banjir", "gempa"][(arg % 2) as usize].into(),
        },
        _ => Op::SetNote {
            ids,
            note: ["", "cek lagi", "sumber: dinas"][(arg % 3) as usize].into(),
        },
    }
}

/// The writer half; does nothing unless run by the crash test.
fn crash_child_writer(dir: std::ffi::OsString) {
    let seed: u64 = std::env::var(SEED_ENV).unwrap().parse().unwrap();
    let mut rng = XorShift(seed | 1);
    let mut store = Store::open_with(Path::new(&dir), OPTS);
    assert_eq!(store.mode(), Mode::ReadWrite, "{:?}", store.status());
    let mut out = std::io::stdout().lock();
    writeln!(out, "{READY}").unwrap();
    let started = Instant::now();
    // Bounded, so a parent that never kills cannot leave it running.
    while started.elapsed() < Duration::from_secs(20) {
        let mut say = |what: &str| {
            writeln!(out, "try {what}").unwrap();
            out.flush().unwrap();
        };
        let saved = match rng.below(10) {
            0..=2 if store.can_undo() => {
                say("undo");
                store.undo().unwrap().unwrap().saved
            }
            3 | 4 if store.can_redo() => {
                say("redo");
                store.redo().unwrap().unwrap().saved
            }
            _ => {
                let op = random_op(&mut rng);
                say("apply");
                store.apply(op).unwrap()
            }
        };
        assert!(
            matches!(saved, Saved::Durable | Saved::Unchanged),
            "{saved:?}"
        );
        writeln!(out, "ack {} {}", store.seq(), digest(&store)).unwrap();
        out.flush().unwrap();
        if rng.below(3) == 0 {
            store.compact().unwrap();
            writeln!(out, "compacted").unwrap();
            out.flush().unwrap();
        }
    }
}

/// Runs this test binary's `name` test as a child with `dir` and `seed`, and waits until it
/// is ready.
fn spawn(name: &str, dir: &Path, seed: u64) -> (Child, mpsc::Receiver<String>) {
    let mut child = common::this_test(module_path!(), name)
        .env(DIR_ENV, dir)
        .env(SEED_ENV, seed.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let until = Instant::now() + Duration::from_secs(30);
    loop {
        match rx.recv_timeout(until.saturating_duration_since(Instant::now())) {
            Ok(l) if l.ends_with(READY) => return (child, rx),
            Ok(_) => {}
            Err(e) => {
                let _ = child.kill();
                panic!("{name} never became ready ({e})");
            }
        }
    }
}

/// Kills the child after `micros` and returns what it printed.
fn kill_after(mut child: Child, rx: mpsc::Receiver<String>, micros: u64) -> Vec<String> {
    std::thread::sleep(Duration::from_micros(micros));
    child.kill().unwrap();
    let status = child.wait().unwrap();
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            status.signal(),
            Some(9),
            "the child ended by itself: {status:?}"
        );
    }
    let mut lines = Vec::new();
    while let Ok(l) = rx.recv_timeout(Duration::from_secs(5)) {
        lines.push(l);
    }
    lines
}

#[cfg(unix)]
#[test]
fn kill_9_in_batches_undo_redo_and_compaction_loses_no_acknowledged_step() {
    // Run as its own child (see `common::this_test`): this process plays the other side.
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return crash_child_writer(dir);
    }
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let (mut kills, mut acks, mut in_flight) = (0, 0, 0);
    let mut last: Option<(u64, u64)> = None;
    let mut tried = String::new();
    for iter in 0..150u64 {
        if started.elapsed() > Duration::from_secs(40) {
            break;
        }
        kills += 1;
        let mut rng = XorShift(0xA076_1D64_78BD_642F ^ (iter + 1).wrapping_mul(0x9E37_79B9));
        let (child, rx) = spawn(
            "kill_9_in_batches_undo_redo_and_compaction_loses_no_acknowledged_step",
            dir.path(),
            rng.next(),
        );
        let lines = kill_after(child, rx, rng.below(120_000));
        for l in &lines {
            if let Some(rest) = l.strip_prefix("ack ") {
                let (seq, d) = rest.split_once(' ').unwrap();
                last = Some((seq.parse().unwrap(), d.parse().unwrap()));
                acks += 1;
            } else if let Some(what) = l.strip_prefix("try ") {
                tried = what.to_string();
            }
        }
        let mut store = Store::open_with(dir.path(), OPTS);
        assert_eq!(
            store.mode(),
            Mode::ReadWrite,
            "iteration {iter}: {:?}",
            store.status()
        );
        let Some((seq, d)) = last else { continue };
        if store.seq() == seq {
            assert_eq!(
                digest(&store),
                d,
                "iteration {iter}: state at {seq} differs"
            );
        } else {
            // The step under way when the kill came reached the disk: taking it back must
            // give exactly the acknowledged state (undo and redo restore timestamps too).
            assert_eq!(
                store.seq(),
                seq + 1,
                "iteration {iter}: acknowledged step {seq} lost"
            );
            let back = match tried.as_str() {
                "undo" => store.redo(),
                _ => store.undo(),
            };
            assert!(
                back.unwrap().is_some(),
                "iteration {iter}: cannot take back {tried}"
            );
            assert_eq!(
                digest(&store),
                d,
                "iteration {iter}: {tried} at {} was not what it acknowledged",
                seq + 1
            );
            in_flight += 1;
        }
        last = Some((store.seq(), digest(&store)));
        if iter % 7 == 0 {
            store.close().unwrap();
        }
    }
    assert!(kills >= 30, "only {kills} kills in time");
    assert!(acks > 200, "the writer barely wrote: {acks}");
    eprintln!(
        "{kills} kills, {acks} acknowledged steps, {in_flight} kills mid-step, {:?}",
        started.elapsed()
    );
}

/// The repair half; does nothing unless run by the repair crash test.
fn crash_child_repair(dir: std::ffi::OsString) {
    println!("{READY}");
    loop {
        // Once repaired there is nothing left to do; the parent kills it meanwhile.
        repair(Path::new(&dir)).unwrap();
    }
}

/// A damaged store, with changes on both sides of the damage.
fn damaged_store(dir: &Path) {
    let mut rng = XorShift(0x5EED);
    let mut s = Store::open_with(dir, OPTS);
    for _ in 0..60 {
        let _ = s.apply(random_op(&mut rng)).unwrap();
        if rng.below(4) == 0 {
            s.undo().unwrap();
        }
    }
    drop(s);
    let path = dir.join(JOURNAL_FILE);
    let text = fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() > 6, "{} lines", lines.len());
    let mid = lines.len() / 2;
    lines[mid] = "{\"seq\":garbage";
    fs::write(&path, lines.join("\n") + "\n").unwrap();
}

fn files(dir: &Path) -> Vec<Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| fs::read(e.unwrap().path()).unwrap_or_default())
        .collect()
}

#[cfg(unix)]
#[test]
fn kill_9_during_repair_keeps_the_damaged_journal_and_ends_the_same() {
    // Run as its own child (see `common::this_test`): this process plays the other side.
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return crash_child_repair(dir);
    }
    let tmp = tempfile::tempdir().unwrap();
    let reference = tmp.path().join("reference");
    fs::create_dir(&reference).unwrap();
    damaged_store(&reference);
    let damaged = fs::read(reference.join(JOURNAL_FILE)).unwrap();
    let seeded: Vec<(String, Vec<u8>)> = fs::read_dir(&reference)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    let report = repair(&reference).unwrap();
    assert!(!report.damaged.is_empty());
    let want = digest(&Store::open_read_only(&reference));

    let started = Instant::now();
    for iter in 0..40u64 {
        if started.elapsed() > Duration::from_secs(30) {
            break;
        }
        let dir = tmp.path().join(format!("run{iter}"));
        fs::create_dir(&dir).unwrap();
        for (name, bytes) in &seeded {
            fs::write(dir.join(name), bytes).unwrap();
        }
        let mut rng = XorShift(0xC0FF_EE00 + iter);
        let (child, rx) = spawn(
            "kill_9_during_repair_keeps_the_damaged_journal_and_ends_the_same",
            &dir,
            0,
        );
        kill_after(child, rx, rng.below(3_000));
        // The damaged journal is never lost, whatever the moment.
        assert!(
            files(&dir).contains(&damaged),
            "iteration {iter}: the damaged journal is gone"
        );
        repair(&dir).unwrap();
        let s = Store::open_with(&dir, OPTS);
        assert_eq!(
            s.mode(),
            Mode::ReadWrite,
            "iteration {iter}: {:?}",
            s.status()
        );
        assert_eq!(digest(&s), want, "iteration {iter}: repair ended elsewhere");
        assert!(files(&dir).contains(&damaged), "iteration {iter}");
    }
}

/// A crash after compaction wrote `state.json` but before `history.json`: the old history
/// stands before the state, and the journal (not yet truncated) holds the steps between.
/// Undo then reaches back across that point, also after more changes and restarts.
#[test]
fn a_crash_between_the_state_and_history_files_keeps_every_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let opts = StoreOptions {
        compact_every: 1_000_000,
        compact_bytes: 1 << 40,
        history_limit: 1000,
        history_bytes: 1 << 30,
    };
    let mut rng = XorShift(0xD1CE);
    let mut s = Store::open_with(dir.path(), opts);
    let mut digests = vec![digest(&s)];
    let step = |s: &mut Store, rng: &mut XorShift, digests: &mut Vec<u64>| loop {
        if s.apply(random_op(rng)).unwrap() == Saved::Durable {
            digests.push(digest(s));
            return;
        }
    };
    for _ in 0..5 {
        step(&mut s, &mut rng, &mut digests);
    }
    s.compact().unwrap();
    let old_history = fs::read(dir.path().join(warta::triage::store::HISTORY_FILE)).unwrap();
    for _ in 0..5 {
        step(&mut s, &mut rng, &mut digests);
    }
    let journal = fs::read(dir.path().join(JOURNAL_FILE)).unwrap();
    s.compact().unwrap();
    drop(s);
    // As the crash left it.
    fs::write(
        dir.path().join(warta::triage::store::HISTORY_FILE),
        old_history,
    )
    .unwrap();
    fs::write(dir.path().join(JOURNAL_FILE), journal).unwrap();

    let mut s = Store::open_with(dir.path(), opts);
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_eq!(digest(&s), *digests.last().unwrap());
    assert_eq!(s.undo_depth(), 10);
    for _ in 0..3 {
        step(&mut s, &mut rng, &mut digests);
    }
    // Back across the crash point, then a restart in the middle of undoing.
    for _ in 0..6 {
        s.undo().unwrap().unwrap();
        digests.pop();
        assert_eq!(digest(&s), *digests.last().unwrap());
    }
    drop(s);
    let mut s = Store::open_with(dir.path(), opts);
    assert_eq!(digest(&s), *digests.last().unwrap());
    while s.undo().unwrap().is_some() {
        digests.pop();
        assert_eq!(digest(&s), *digests.last().unwrap());
    }
    assert_eq!(digests.len(), 1, "every step could be undone");
    assert_eq!(s.ids().count(), 0);
}

/// The writer half of the directory durability test: opens a store in a directory that does
/// not exist yet and saves one change.
fn crash_child_new_directory(dir: std::ffi::OsString) {
    let mut s = Store::open(Path::new(&dir));
    let op = Op::SetStar {
        ids: vec!["a".into()],
        star: true,
    };
    assert_eq!(s.apply(op).unwrap(), Saved::Durable);
}

/// A change is durable only if the directories leading to its file are: after creating the
/// data directory (and any missing parent) the store must fsync the directory that holds
/// each new one, or a power cut can take the new directory with every change in it. Checked
/// with strace (skipped without it).
#[cfg(target_os = "linux")]
#[test]
fn a_new_data_directory_is_made_durable_before_a_change_is_acknowledged() {
    // Run as its own child (see `common::this_test`) under strace: it opens the store.
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return crash_child_new_directory(dir);
    }
    let Ok(probe) = Command::new("strace").arg("-V").output() else {
        eprintln!("strace not found; skipped");
        return;
    };
    assert!(probe.status.success());
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().canonicalize().unwrap();
    let dir = base.join("new").join("data");
    let trace = base.join("trace");
    let out = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-e",
            "trace=openat,mkdir,mkdirat,fsync,fdatasync,close",
        ])
        .arg("-o")
        .arg(&trace)
        .arg(std::env::current_exe().unwrap())
        .args(
            common::this_test(
                module_path!(),
                "a_new_data_directory_is_made_durable_before_a_change_is_acknowledged",
            )
            .get_args(),
        )
        .env(DIR_ENV, &dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = fs::read_to_string(&trace).unwrap();
    // Which directories were fsync'd, by following descriptors from openat to fsync.
    let mut open: std::collections::HashMap<(String, String), String> = Default::default();
    let mut synced = Vec::new();
    for line in text.lines() {
        let (pid, call) = line.split_once(' ').unwrap_or(("", line));
        let call = call.trim_start();
        if let Some(rest) = call.strip_prefix("openat(") {
            let path = rest.split('"').nth(1).unwrap_or_default().to_string();
            if let Some(fd) = rest.rsplit("= ").next().and_then(|f| f.parse::<i64>().ok()) {
                open.insert((pid.to_string(), fd.to_string()), path);
            }
        } else if let Some(rest) = call.strip_prefix("fsync(") {
            let fd = rest.split(')').next().unwrap_or_default().to_string();
            if let Some(path) = open.get(&(pid.to_string(), fd)) {
                synced.push(path.clone());
            }
        }
    }
    for made in [dir.parent().unwrap(), dir.as_path()] {
        let holder = made.parent().unwrap().to_string_lossy().into_owned();
        assert!(
            synced.contains(&holder),
            "{} was made but {holder} never fsync'd; fsync'd: {synced:?}",
            made.display()
        );
    }
}
