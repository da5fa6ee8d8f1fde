//! The durable triage store (journal, snapshot, lock, damage handling, crash safety) and the
//! export formats.

use crate::common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use warta::corpus::Corpus;
use warta::model::{Article, Body, Date, Meta};
use warta::triage::store::{JOURNAL_FILE, SNAPSHOT_FILE};
use warta::triage::{
    ArticleState, Decision, ExportContext, ExportFormat, Mode, Op, Saved, Store, StoreError,
    StoreOptions, TriageTerm, export, export_to_path,
};

/// Asserts that an applied change reached the disk.
trait Durable {
    fn durable(self);
}

impl Durable for Result<Saved, StoreError> {
    #[track_caller]
    fn durable(self) {
        assert_eq!(self.unwrap(), Saved::Durable);
    }
}

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn all_ops(batch: &[&str]) -> Vec<Op> {
    vec![
        Op::SetRead {
            ids: ids(batch),
            read: true,
        },
        Op::SetStar {
            ids: ids(batch),
            star: true,
        },
        Op::Decide {
            ids: ids(batch),
            decision: Decision::Relevant,
            mark_read: false,
        },
        Op::AddLabel {
            ids: ids(batch),
            label: "Banjir".into(),
        },
        Op::SetNote {
            ids: ids(batch),
            note: "cek lagi".into(),
        },
    ]
}

fn snapshot_of(store: &Store, id_list: &[&str]) -> Vec<ArticleState> {
    id_list.iter().map(|id| store.state(id)).collect()
}

#[test]
fn each_op_applies_to_the_batch_and_undo_redo_restore_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    let batch = ["a", "b", "c"];
    for op in all_ops(&batch) {
        let before = snapshot_of(&s, &batch);
        assert_eq!(s.apply(op.clone()).unwrap(), Saved::Durable, "{op:?}");
        let after = snapshot_of(&s, &batch);
        assert_ne!(before, after, "{op:?} changed nothing");
        assert!(
            after.windows(2).all(|w| w[0] == w[1]),
            "batch applied unevenly"
        );
        let undone = s.undo().unwrap().expect("something to undo");
        assert_eq!(undone.saved, Saved::Durable);
        assert_eq!(
            snapshot_of(&s, &batch),
            before,
            "one undo reverts the batch: {op:?}"
        );
        let redone = s.redo().unwrap().expect("something to redo");
        assert_eq!(redone.description, op.describe());
        // Exact, timestamps included.
        assert_eq!(snapshot_of(&s, &batch), after, "redo: {op:?}");
    }
    let st = s.state("b");
    assert!(st.read && st.starred && st.decision == Decision::Relevant);
    assert!(st.has_label("banjir"));
    assert_eq!(st.note.as_deref(), Some("cek lagi"));
    for t in [
        &st.read_at,
        &st.starred_at,
        &st.decided_at,
        &st.labels_at,
        &st.note_at,
    ] {
        let t = t.as_deref().expect("timestamp set");
        assert!(t.len() == 20 && t.ends_with('Z'), "{t}");
    }

    // The inverse ops.
    let inverse = [
        Op::RemoveLabel {
            ids: ids(&["a", "b"]),
            label: "BANJIR".into(),
        },
        Op::SetNote {
            ids: ids(&["a", "b"]),
            note: "   ".into(),
        },
        Op::SetRead {
            ids: ids(&["a", "b"]),
            read: false,
        },
    ];
    for op in inverse {
        let before = snapshot_of(&s, &batch);
        assert_eq!(s.apply(op.clone()).unwrap(), Saved::Durable);
        assert_eq!(s.state("c"), before[2], "c is not in the batch");
        s.undo().unwrap();
        assert_eq!(snapshot_of(&s, &batch), before);
        s.redo().unwrap();
    }
    let a = s.state("a");
    assert!(a.labels.is_empty() && a.note.is_none() && !a.read);
    assert!(a.note_at.is_some(), "removal is a change with a time");
}

#[test]
fn undo_many_steps_and_a_new_action_clears_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path());
    assert!(!s.can_undo() && s.undo().unwrap().is_none());
    for i in 0..10 {
        let id = format!("x{i}");
        assert_eq!(
            s.apply(Op::SetStar {
                ids: vec![id],
                star: true
            })
            .unwrap(),
            Saved::Durable
        );
    }
    for _ in 0..4 {
        s.undo().unwrap().unwrap();
    }
    assert!((0..6).all(|i| s.state(&format!("x{i}")).starred));
    assert!((6..10).all(|i| !s.state(&format!("x{i}")).starred));
    assert!(s.can_redo());
    s.redo().unwrap().unwrap();
    assert!(s.state("x6").starred);
    s.apply(Op::SetRead {
        ids: ids(&["y"]),
        read: true,
    })
    .durable();
    assert!(!s.can_redo() && s.redo().unwrap().is_none(), "redo cleared");
    // An op that changes nothing is not an action.
    assert_eq!(
        s.apply(Op::SetRead {
            ids: ids(&["y"]),
            read: true
        })
        .unwrap(),
        Saved::Unchanged
    );
    let mut n = 0;
    while s.undo().unwrap().is_some() {
        n += 1;
    }
    assert_eq!(n, 8, "7 remaining stars + 1 read");
    assert_eq!(s.ids().count(), 0, "everything undone");
}

#[test]
fn undo_and_redo_survive_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let states;
    {
        let mut s = Store::open(dir.path());
        for (i, op) in all_ops(&["a", "b"]).into_iter().enumerate() {
            s.apply(op).durable();
            if i == 1 {
                s.undo().unwrap();
                s.redo().unwrap();
            }
        }
        s.undo().unwrap(); // the note
        states = snapshot_of(&s, &["a", "b"]);
        // Dropped without close: only the journal holds the history.
    }
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite);
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_eq!(snapshot_of(&s, &["a", "b"]), states);
    assert!(s.can_redo());
    s.redo().unwrap().unwrap();
    assert_eq!(s.state("a").note.as_deref(), Some("cek lagi"));
    let mut n = 0;
    while s.undo().unwrap().is_some() {
        n += 1;
    }
    assert_eq!(n, 5);
    assert_eq!(s.ids().count(), 0);
}

fn journal_lines(dir: &Path) -> usize {
    fs::read_to_string(dir.join(JOURNAL_FILE))
        .map(|t| t.lines().count())
        .unwrap_or(0)
}

#[test]
fn compaction_keeps_state_and_undo_across_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let opts = StoreOptions {
        compact_every: 5,
        history_limit: 100,
        ..StoreOptions::default()
    };
    let names: Vec<String> = (0..12).map(|i| format!("id{i}")).collect();
    let all: Vec<&str> = names.iter().map(String::as_str).collect();
    let (states, starred);
    {
        let mut s = Store::open_with(dir.path(), opts);
        for id in &all[..4] {
            s.apply(Op::Decide {
                ids: ids(&[id]),
                decision: Decision::Maybe,
                mark_read: false,
            })
            .durable();
        }
        // The fifth journal line triggers compaction.
        s.apply(Op::Decide {
            ids: ids(&[all[4]]),
            decision: Decision::Maybe,
            mark_read: false,
        })
        .durable();
        assert!(dir.path().join(SNAPSHOT_FILE).exists(), "compacted");
        assert_eq!(journal_lines(dir.path()), 0, "journal truncated");
        starred = all[5..]
            .iter()
            .map(|id| {
                s.apply(Op::SetStar {
                    ids: ids(&[id]),
                    star: true,
                })
                .unwrap()
            })
            .count();
        assert!(journal_lines(dir.path()) < 5);
        states = snapshot_of(&s, &all);
        s.close().unwrap();
    }
    assert_eq!(starred, 7);
    assert_eq!(journal_lines(dir.path()), 0, "close compacts");

    let mut s = Store::open_with(dir.path(), opts);
    assert_eq!(snapshot_of(&s, &all), states);
    let mut n = 0;
    while s.undo().unwrap().is_some() {
        n += 1;
    }
    assert_eq!(n, 12, "undo reaches back through both snapshots");
    assert_eq!(s.ids().count(), 0);
}

#[test]
fn crash_between_snapshot_and_truncate_does_not_double_apply() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path());
    for id in ["a", "b", "c"] {
        s.apply(Op::SetRead {
            ids: ids(&[id]),
            read: true,
        })
        .durable();
    }
    s.undo().unwrap(); // c unread again
    let stale = fs::read(dir.path().join(JOURNAL_FILE)).unwrap();
    let states = snapshot_of(&s, &["a", "b", "c"]);
    s.close().unwrap();
    // Put the pre-compaction journal back, as if the truncation never happened.
    fs::write(dir.path().join(JOURNAL_FILE), &stale).unwrap();
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert_eq!(snapshot_of(&s, &["a", "b", "c"]), states);
    // The undo entry was not replayed twice: exactly two actions remain to undo, one to redo.
    assert!(s.can_redo());
    assert!(s.undo().unwrap().is_some() && s.undo().unwrap().is_some());
    assert!(s.undo().unwrap().is_none());
}

#[test]
fn torn_last_line_is_ignored_with_a_warning_and_appends_continue() {
    for torn in [
        &b"{\"seq\":3,\"at\":\"2024-01-01T00:00:00Z\",\"op\":{\"ki"[..],
        b"garbage but complete\n",
        b"\0\0\0\0\0\0",
    ] {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut s = Store::open(dir.path());
            s.apply(Op::SetStar {
                ids: ids(&["a"]),
                star: true,
            })
            .durable();
            s.apply(Op::SetStar {
                ids: ids(&["b"]),
                star: true,
            })
            .durable();
        }
        let path = dir.path().join(JOURNAL_FILE);
        let mut f = fs::OpenOptions::new().append(true).open(&path).unwrap();
        f.write_all(torn).unwrap();
        drop(f);

        let mut s = Store::open(dir.path());
        assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
        assert_eq!(s.warnings().len(), 1, "{:?}", s.warnings());
        assert!(s.warnings()[0].contains("last line"), "{}", s.warnings()[0]);
        assert!(s.state("a").starred && s.state("b").starred);
        s.apply(Op::SetStar {
            ids: ids(&["c"]),
            star: true,
        })
        .durable();
        drop(s);

        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.lines().count(),
            3,
            "torn tail cut before appending: {text:?}"
        );
        assert!(text.ends_with('\n'));
        let s = Store::open(dir.path());
        assert!(s.warnings().is_empty(), "{:?}", s.warnings());
        assert!(s.state("c").starred);
    }
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_name() != "lock")
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

fn assert_refuses_changes(s: &mut Store) {
    assert!(s.is_read_only());
    let err = s
        .apply(Op::SetRead {
            ids: ids(&["z"]),
            read: true,
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly(_)), "{err}");
    assert!(matches!(s.undo(), Err(StoreError::ReadOnly(_))));
    assert!(matches!(s.redo(), Err(StoreError::ReadOnly(_))));
    assert!(!s.can_undo());
}

#[test]
fn damaged_middle_line_opens_read_only_and_leaves_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(dir.path());
        for id in ["a", "b", "c"] {
            s.apply(Op::SetStar {
                ids: ids(&[id]),
                star: true,
            })
            .durable();
        }
    }
    let path = dir.path().join(JOURNAL_FILE);
    let text = fs::read_to_string(&path).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[1] = "{\"seq\":2,\"at\":\"x\",\"op\":nonsense}";
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let before = read_all(dir.path());

    let mut s = Store::open(dir.path());
    let reason = s.read_only_reason().expect("read-only").to_string();
    assert!(
        reason.contains("line 2") && reason.contains("journal.jsonl"),
        "{reason}"
    );
    assert!(s.state("a").starred, "state up to the damage is shown");
    assert!(!s.state("c").starred);
    assert_refuses_changes(&mut s);
    let other = Store::open(dir.path());
    let why = other.read_only_reason().unwrap_or_default();
    assert!(
        why.contains("line 2"),
        "a damaged store holds no lock: {why}"
    );
    s.close().unwrap();
    assert_eq!(read_all(dir.path()), before, "nothing rewritten");
}

#[test]
fn newer_or_damaged_snapshot_opens_read_only_and_is_not_overwritten() {
    for (content, expect) in [
        (
            &br#"{"format":3,"seq":9,"articles":{},"shiny":true}"#[..],
            "newer warta (format 3",
        ),
        (b"{\"format\":1,\"seq\":", "damaged"),
        (b"\0\0\0\0", "damaged"),
        (br#"{"format":1,"seq":"x","articles":[]}"#, "damaged"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(SNAPSHOT_FILE), content).unwrap();
        fs::write(dir.path().join(JOURNAL_FILE), b"").unwrap();
        let before = read_all(dir.path());
        let mut s = Store::open(dir.path());
        let reason = s.read_only_reason().expect("read-only").to_string();
        assert!(reason.contains(expect), "{reason}");
        assert!(reason.contains("state.json"), "{reason}");
        assert_refuses_changes(&mut s);
        s.close().unwrap();
        assert_eq!(read_all(dir.path()), before);
    }
}

#[test]
fn second_instance_is_read_only_and_can_reload() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::open(dir.path());
    assert_eq!(first.mode(), Mode::ReadWrite);
    first
        .apply(Op::Decide {
            ids: ids(&["a"]),
            decision: Decision::Irrelevant,
            mark_read: false,
        })
        .durable();

    let mut second = Store::open(dir.path());
    let reason = second.read_only_reason().expect("locked").to_string();
    assert!(
        reason.contains(&format!("pid {}", std::process::id())),
        "{reason}"
    );
    assert!(reason.contains("read-only"), "{reason}");
    assert_eq!(second.state("a").decision, Decision::Irrelevant);
    assert_refuses_changes(&mut second);

    first
        .apply(Op::SetStar {
            ids: ids(&["b"]),
            star: true,
        })
        .durable();
    assert!(second.reload());
    assert!(second.is_read_only(), "still locked");
    assert!(
        second.state("b").starred,
        "reload sees the other instance's change"
    );

    drop(first);
    assert!(second.reload());
    assert_eq!(second.mode(), Mode::ReadWrite, "{:?}", second.status());
    second
        .apply(Op::SetStar {
            ids: ids(&["c"]),
            star: true,
        })
        .durable();
    assert!(!second.reload(), "a writable store has nothing to reload");
}

#[test]
fn unusable_data_dir_keeps_changes_in_memory_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-dir");
    fs::write(&file, "x").unwrap();
    let mut s = Store::open(&file.join("warta"));
    assert_eq!(s.mode(), Mode::MemoryOnly);
    assert!(!s.is_read_only());
    let status = s.status().expect("a reason").to_string();
    assert!(status.contains("NOT saved"), "{status}");
    match s
        .apply(Op::SetStar {
            ids: ids(&["a"]),
            star: true,
        })
        .unwrap()
    {
        Saved::NotSaved(msg) => assert!(msg.contains("NOT saved"), "{msg}"),
        other => panic!("claimed {other:?}"),
    }
    assert!(s.state("a").starred, "kept in memory");
    assert!(s.undo().unwrap().is_some());
    assert!(!s.state("a").starred);
    assert!(s.compact().is_err(), "nowhere to save");

    let mem = Store::in_memory("no data directory");
    assert_eq!(mem.status(), Some("no data directory"));
}

#[test]
fn lock_file_that_cannot_be_created_is_not_reported_as_locked() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(dir.path());
        s.apply(Op::SetStar {
            ids: ids(&["a"]),
            star: true,
        })
        .durable();
    }
    fs::remove_file(dir.path().join("lock")).unwrap();
    fs::create_dir(dir.path().join("lock")).unwrap();
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::MemoryOnly);
    let status = s.status().unwrap().to_string();
    assert!(status.contains("cannot create the lock file"), "{status}");
    assert!(!status.contains("another warta"), "{status}");
    assert!(s.state("a").starred, "existing state still shown");
    assert!(matches!(
        s.apply(Op::SetStar {
            ids: ids(&["b"]),
            star: true
        }),
        Ok(Saved::NotSaved(_))
    ));
    let before = read_all(dir.path());
    // Quitting with a change that was not saved is an error, and the whole state goes to a
    // rescue file beside the data: the only file written without the lock.
    let rescue = match s.close() {
        Err(StoreError::Unsaved {
            changes: 1,
            rescue: Some(path),
            ..
        }) => path,
        other => panic!("{other:?}"),
    };
    let mut after = read_all(dir.path());
    let name = rescue.file_name().unwrap().to_string_lossy().into_owned();
    let i = after
        .iter()
        .position(|(n, _)| *n == name)
        .expect("rescue file");
    let (_, bytes) = after.remove(i);
    assert_eq!(after, before, "nothing else written without the lock");
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains(r#""a":{"starred":true"#), "{text}");
    assert!(text.contains(r#""b":{"starred":true"#), "{text}");
}

#[test]
fn special_journal_file_opens_read_only() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join(JOURNAL_FILE)).unwrap();
    let s = Store::open(dir.path());
    let reason = s.read_only_reason().expect("read-only").to_string();
    assert!(reason.contains("journal.jsonl"), "{reason}");
}

#[test]
fn labels_are_counted_case_insensitively_with_one_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path());
    s.apply(Op::AddLabel {
        ids: ids(&["a", "b", "c"]),
        label: " Banjir ".into(),
    })
    .durable();
    s.apply(Op::AddLabel {
        ids: ids(&["c", "d"]),
        label: "BANJIR".into(),
    })
    .durable();
    s.apply(Op::AddLabel {
        ids: ids(&["a"]),
        label: "gempa".into(),
    })
    .durable();
    assert_eq!(
        s.labels(),
        vec![("Banjir".to_string(), 4), ("gempa".to_string(), 1)]
    );
    assert!(
        s.state("d").labels.contains("Banjir"),
        "existing spelling reused"
    );
    assert!(matches!(
        s.apply(Op::AddLabel {
            ids: ids(&["a"]),
            label: " \t ".into()
        }),
        Err(StoreError::Invalid(_))
    ));
    let t = TriageTerm::parse("label", "banjir").unwrap();
    assert_eq!(s.ids().filter(|id| t.matches(&s.state(id))).count(), 4);
}

#[test]
fn progress_over_a_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path());
    s.apply(Op::Decide {
        ids: ids(&["a", "b"]),
        decision: Decision::Relevant,
        mark_read: false,
    })
    .durable();
    s.apply(Op::Decide {
        ids: ids(&["c"]),
        decision: Decision::Maybe,
        mark_read: false,
    })
    .durable();
    s.apply(Op::Decide {
        ids: ids(&["gone"]),
        decision: Decision::Irrelevant,
        mark_read: false,
    })
    .durable();
    s.apply(Op::SetRead {
        ids: ids(&["a", "d"]),
        read: true,
    })
    .durable();
    let view = ["a", "b", "c", "d", "e"];
    let p = s.progress(view.iter().copied());
    assert_eq!((p.total, p.triaged, p.read, p.irrelevant), (5, 3, 2, 0));
    assert_eq!(
        p.to_string(),
        "triaged 3/5 · relevant 2 · maybe 1 · irrelevant 0"
    );
    assert_eq!(
        s.state("gone").decision,
        Decision::Irrelevant,
        "kept for absent ids"
    );
}

// ---------------------------------------------------------------------------------------
// Crash test: a child process writes actions and is killed with SIGKILL at a random moment;
// everything it acknowledged must be in the reopened store. The child is this same test
// binary running just the crash test (`common::this_test`) with `WARTA_STORE_WRITER_DIR`
// set, which makes the test play the writer instead: no helper binary to build, and no
// entry in the test list that is not a test.

const WRITER_ENV: &str = "WARTA_STORE_WRITER_DIR";
const WRITER_START_ENV: &str = "WARTA_STORE_WRITER_START";
const READY: &str = "WRITER-READY";
const CRASH_OPTS: StoreOptions = StoreOptions {
    // Small, so kills also land inside compactions.
    compact_every: 16,
    history_limit: 40,
    compact_bytes: 1 << 20,
    history_bytes: 1 << 20,
};

/// The writer half of the crash test, in the child process: writes and acknowledges
/// actions on the store in `dir` until it is killed.
fn crash_writer(dir: &Path) {
    let start: u64 = std::env::var(WRITER_START_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut store = Store::open_with(dir, CRASH_OPTS);
    assert_eq!(store.mode(), Mode::ReadWrite, "{:?}", store.status());
    let mut out = std::io::stdout().lock();
    // libtest may print "test crash_test_kill_9_... ... " in front of this on the same line.
    writeln!(out, "{READY}").unwrap();
    // Bounded, so a parent that never kills (a broken harness) cannot leave it running.
    let started = Instant::now();
    for n in start..start + 100_000 {
        if started.elapsed() > common::scaled(Duration::from_secs(20)) {
            break;
        }
        if n % 10 == 9 {
            let saved = store
                .apply(Op::SetStar {
                    ids: vec![format!("s{n}")],
                    star: true,
                })
                .unwrap();
            assert_eq!(saved, Saved::Durable);
            let undone = store.undo().unwrap().unwrap();
            assert_eq!(undone.saved, Saved::Durable);
            writeln!(out, "undone {n}").unwrap();
        } else {
            let saved = store
                .apply(Op::AddLabel {
                    ids: vec![format!("a{n}"), format!("b{n}")],
                    label: "L".into(),
                })
                .unwrap();
            assert_eq!(saved, Saved::Durable);
            writeln!(out, "ack {n}").unwrap();
        }
        out.flush().unwrap();
    }
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn crash_test_kill_9_never_loses_an_acknowledged_action() {
    if let Some(dir) = std::env::var_os(WRITER_ENV) {
        crash_writer(Path::new(&dir));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let (mut acked, mut undone) = (Vec::new(), Vec::new());
    let mut iterations = 0;
    let mut torn_seen = 0;
    for iter in 0..200u64 {
        // Keep debug runs on slow disks bounded; 200 iterations normally take a few seconds.
        if started.elapsed() > common::scaled(Duration::from_secs(45)) {
            break;
        }
        iterations += 1;
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15 ^ (iter + 1).wrapping_mul(0x2545_F491));
        let mut child = common::this_test(
            module_path!(),
            "crash_test_kill_9_never_loses_an_acknowledged_action",
        )
        .env(WRITER_ENV, dir.path())
        // Each run starts at another place in the writer's cycle of nine labels and an undo,
        // so undos are killed too, not only runs that get nine writes far.
        .env(WRITER_START_ENV, (iter * 1_000_000 + iter % 10).to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut lines = Vec::new();
        let wait_until = Instant::now() + common::scaled(Duration::from_secs(30));
        // The kill comes after 0 to 3 acknowledgements (so the test exercises writes however
        // slow the machine) and a random pause, landing anywhere in the next write.
        let acks_first = rng.next() % 4;
        let mut ready = false;
        let mut acks_seen = 0;
        while !ready || acks_seen < acks_first {
            let left = wait_until.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(l) if l.ends_with(READY) => ready = true,
                Ok(l) => {
                    acks_seen += u64::from(ready);
                    lines.push(l);
                }
                Err(e) => {
                    let _ = child.kill();
                    panic!("iteration {iter}: writer not ready or not writing ({e}): {lines:?}");
                }
            }
        }
        std::thread::sleep(Duration::from_micros(rng.next() % 6000));
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        lines.extend(rx.try_iter());
        for l in &lines {
            if let Some(n) = l.strip_prefix("ack ") {
                acked.push(n.parse::<u64>().unwrap());
            } else if let Some(n) = l.strip_prefix("undone ") {
                undone.push(n.parse::<u64>().unwrap());
            }
        }

        let store = Store::open_with(dir.path(), CRASH_OPTS);
        assert_eq!(
            store.mode(),
            Mode::ReadWrite,
            "iteration {iter}: {:?}",
            store.status()
        );
        torn_seen += store.warnings().len();
        for n in &acked {
            for id in [format!("a{n}"), format!("b{n}")] {
                assert!(
                    store.state(&id).has_label("L"),
                    "iteration {iter}: acknowledged action {n} lost ({id})"
                );
            }
        }
        for n in &undone {
            assert!(
                !store.state(&format!("s{n}")).starred,
                "iteration {iter}: acknowledged undo {n} lost"
            );
        }
        // Sometimes the parent compacts too, so the child also starts from fresh snapshots.
        if iter % 5 == 0 {
            store.close().unwrap();
        }
    }
    assert!(iterations >= 50, "only {iterations} iterations in time");
    assert!(
        acked.len() > 100,
        "the writer barely wrote: {}",
        acked.len()
    );
    eprintln!(
        "crash test: {iterations} kills, {} acks, {} undos, {torn_seen} torn tails, {:?}",
        acked.len(),
        undone.len(),
        started.elapsed()
    );
}

// ---------------------------------------------------------------------------------------
// Export

fn article(id: &str, title: &str, url: Option<&str>, body: &[&str]) -> Article {
    Article {
        meta: Meta {
            id: id.into(),
            title: title.into(),
            outlet: Some("Kompas.com".into()),
            dateline: Some("Palembang".into()),
            authors: vec!["Ani".into(), "Budi".into()],
            editor: Some("Citra".into()),
            published: Date::new(2024, 6, 19),
            tags: vec!["banjir".into()],
            url: url.map(Into::into),
            source_path: format!("data/{id}.txt"),
            word_count: 42,
            ..Default::default()
        },
        body: Body {
            body: body.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        },
    }
}

fn export_fixture() -> (tempfile::TempDir, Corpus, Store, ExportContext) {
    let corpus = Corpus::from_articles(vec![
        article(
            "id1",
            "=HYPERLINK(\"http://evil\")",
            Some("https://kompas.com/a_1"),
            &["Paragraf satu.", "Paragraf dua."],
        ),
        article(
            "id2",
            "Banjir [klik](javascript:alert(1)) <img src=x> *tebal*",
            Some("javascript:alert(1)"),
            &["Isi."],
        ),
        article("id3", "Gempa di Lombok", None, &[]),
        article("id4", "Tidak dipilih", None, &[]),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("data"));
    store
        .apply(Op::Decide {
            ids: ids(&["id1"]),
            decision: Decision::Relevant,
            mark_read: false,
        })
        .durable();
    store
        .apply(Op::Decide {
            ids: ids(&["id2"]),
            decision: Decision::Maybe,
            mark_read: false,
        })
        .durable();
    store
        .apply(Op::AddLabel {
            ids: ids(&["id1", "id2"]),
            label: "Prioritas".into(),
        })
        .durable();
    store
        .apply(Op::SetNote {
            ids: ids(&["id1"]),
            note: "-cek ke dinas".into(),
        })
        .durable();
    store
        .apply(Op::SetStar {
            ids: ids(&["id1"]),
            star: true,
        })
        .durable();
    let ctx = ExportContext {
        query: "banjir -gempa".into(),
        filters: "outlet=Kompas.com".into(),
        exported_at: "2024-06-20T01:02:03Z".into(),
    };
    (dir, corpus, store, ctx)
}

const VIEW: [usize; 3] = [0, 1, 2];

fn export_string(
    format: ExportFormat,
    corpus: &Corpus,
    store: &Store,
    ctx: &ExportContext,
) -> String {
    let mut out = Vec::new();
    export(&mut out, format, corpus, &VIEW, store, ctx).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn csv_export_has_triage_and_view_columns_and_neutralises_formulas() {
    let (_d, corpus, store, ctx) = export_fixture();
    let text = export_string(ExportFormat::Csv, &corpus, &store, &ctx);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, warta::report::columns(&warta::report::Part::ALL));
    let rows: Vec<csv::StringRecord> = r.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = &rows[0];
    assert_eq!(&first[col("id")], "id1");
    assert_eq!(&first[col("title")], "'=HYPERLINK(\"http://evil\")");
    assert_eq!(&first[col("note")], "'-cek ke dinas");
    assert_eq!(&first[col("decision")], "relevant");
    assert_eq!(&first[col("starred")], "true");
    assert_eq!(&first[col("labels")], "Prioritas");
    assert_eq!(&first[col("authors")], "Ani; Budi");
    assert_eq!(&first[col("published")], "2024-06-19");
    assert!(first[col("decided_at")].ends_with('Z'));
    for row in &rows {
        assert_eq!(&row[col("query")], "banjir -gempa");
        assert_eq!(&row[col("filters")], "outlet=Kompas.com");
        assert_eq!(&row[col("exported_at")], "2024-06-20T01:02:03Z");
    }
    assert_eq!(&rows[2][col("decision")], "undecided");
    assert_eq!(&rows[2][col("note")], "");
}

#[test]
fn json_and_jsonl_exports_carry_bodies_triage_and_the_view() {
    let (_d, corpus, store, ctx) = export_fixture();
    let text = export_string(ExportFormat::Json, &corpus, &store, &ctx);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["query"], "banjir -gempa");
    assert_eq!(v["filters"], "outlet=Kompas.com");
    assert_eq!(v["exported_at"], "2024-06-20T01:02:03Z");
    let arts = v["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 3);
    assert_eq!(arts[0]["id"], "id1");
    assert_eq!(arts[0]["decision"], "relevant");
    assert_eq!(arts[0]["labels"], serde_json::json!(["Prioritas"]));
    assert_eq!(arts[0]["note"], "-cek ke dinas");
    assert_eq!(arts[0]["starred"], true);
    assert_eq!(
        arts[0]["body"],
        serde_json::json!(["Paragraf satu.", "Paragraf dua."])
    );
    assert_eq!(arts[2]["decision"], "undecided");
    assert_eq!(arts[2]["note"], serde_json::Value::Null);
    assert_eq!(arts[2]["word_count"], 42);

    let text = export_string(ExportFormat::Jsonl, &corpus, &store, &ctx);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    for (l, id) in lines.iter().zip(["id1", "id2", "id3"]) {
        assert_eq!(l["id"], id);
        assert_eq!(l["query"], "banjir -gempa");
        assert_eq!(l["filters"], "outlet=Kompas.com");
        assert!(l["body"].is_array());
    }
    assert_eq!(lines[1]["decision"], "maybe");

    let empty = {
        let mut out = Vec::new();
        export(&mut out, ExportFormat::Json, &corpus, &[], &store, &ctx).unwrap();
        out
    };
    let v: serde_json::Value = serde_json::from_slice(&empty).unwrap();
    assert_eq!(v["articles"], serde_json::json!([]));
    let mut sink = Vec::new();
    assert!(export(&mut sink, ExportFormat::Csv, &corpus, &[99], &store, &ctx).is_err());
}

#[test]
fn markdown_brief_groups_by_decision_and_escapes_article_text() {
    let (_d, corpus, store, ctx) = export_fixture();
    let md = export_string(ExportFormat::Markdown, &corpus, &store, &ctx);
    // The brief's date is the local one (the machine's zone; the CLI test pins TZ).
    let zone = warta::triage::time::local_zone();
    let date = warta::triage::time::date_in(&ctx.exported_at, &zone).unwrap();
    assert!(
        md.starts_with(&format!("# Triage brief — {date}\n")),
        "{md}"
    );
    assert!(md.contains("- Query: banjir -gempa"), "{md}");
    assert!(md.contains("- Filters: outlet=Kompas.com"), "{md}");
    assert!(md.contains("- Articles: 3 (relevant 1 · maybe 1 · undecided 1 · irrelevant 0)"));
    let rel = md.find("## Relevant (1)").expect("relevant section");
    let maybe = md.find("## Maybe (1)").expect("maybe section");
    let und = md.find("## Undecided (1)").expect("undecided section");
    assert!(rel < maybe && maybe < und);
    assert!(!md.contains("## Irrelevant"), "empty sections are omitted");
    assert!(md.contains(
        "- ★ **=HYPERLINK(\"http://evil\")** — Kompas.com, 2024-06-19, Palembang — <https://kompas.com/a_1>\n  Paragraf satu.\n  Labels: Prioritas · Note: -cek ke dinas\n"
    ), "{md}");
    assert!(
        md.contains("**Banjir \\[klik\\](javascript:alert(1)) \\<img src=x> \\*tebal\\***"),
        "{md}"
    );
    assert!(!md.replace("\\<", "").contains("<img"), "no raw HTML");
    assert!(!md.contains("<javascript"), "no autolink to a script URL");
    assert!(
        md.contains("- **Gempa di Lombok** — Kompas.com, 2024-06-19, Palembang — data/id3.txt\n"),
        "{md}"
    );
}

#[test]
fn export_to_path_replaces_the_file_atomically() {
    let (d, corpus, store, ctx) = export_fixture();
    let out_dir = d.path().join("out");
    fs::create_dir(&out_dir).unwrap();
    let path = out_dir.join("brief.md");
    fs::write(&path, "old contents").unwrap();
    let format = ExportFormat::from_path(&path).unwrap();
    export_to_path(&path, format, &corpus, &VIEW, &store, &ctx).unwrap();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        export_string(ExportFormat::Markdown, &corpus, &store, &ctx)
    );
    let names: Vec<_> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        vec![std::ffi::OsString::from("brief.md")],
        "no temp files left"
    );
    // A failed export leaves the previous file in place.
    assert!(export_to_path(&path, format, &corpus, &[99], &store, &ctx).is_err());
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with("# Triage brief")
    );
    let names: Vec<_> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1);
}
