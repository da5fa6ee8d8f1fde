//! The triage store under the adversarial cases: batch history at corpus scale, the lock
//! file deleted, the data directory deleted or replaced mid-session, sequence numbers at the
//! edge, a read-only browser following the writer, special files, a byte order mark, and
//! repairing a damaged journal.

use crate::common;

use std::fs;
use std::io::Write;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use warta::triage::store::{HISTORY_FILE, JOURNAL_FILE, MAX_SEQ, SNAPSHOT_FILE};
use warta::triage::{Decision, Mode, Op, Refresh, Saved, Store, StoreError, StoreOptions, repair};

fn ids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i:014x}")).collect()
}

fn decide(ids: &[String], decision: Decision) -> Op {
    Op::Decide {
        ids: ids.to_vec(),
        decision,
        mark_read: false,
    }
}

fn one(id: &str, decision: Decision) -> Op {
    decide(&[id.to_string()], decision)
}

fn size(path: &Path) -> u64 {
    fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

#[track_caller]
fn durable(r: Result<Saved, StoreError>) {
    assert_eq!(r.unwrap(), Saved::Durable);
}

/// Runs `f` on a thread and fails the test if it does not return in time: opening a FIFO
/// used to block forever.
fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(common::scaled(Duration::from_secs(secs)))
        .expect("did not return: blocked on a special file?")
}

// ---------------------------------------------------------------------------------------
// 1. Batch history stays bounded; the state never depends on it.

#[test]
fn select_all_batches_keep_the_store_small_and_readable() {
    let dir = tempfile::tempdir().unwrap();
    let all = ids("a", 20_000);
    let opts = StoreOptions {
        history_bytes: 4 << 20,
        ..StoreOptions::default()
    };
    {
        let mut s = Store::open_with(dir.path(), opts);
        for round in 0..30 {
            let d = if round % 2 == 0 {
                Decision::Relevant
            } else {
                Decision::Irrelevant
            };
            durable(s.apply(decide(&all, d)));
        }
        assert!(
            s.history_bytes() <= opts.history_bytes,
            "history {} bytes",
            s.history_bytes()
        );
        s.close().unwrap();
    }
    let state = size(&dir.path().join(SNAPSHOT_FILE));
    let history = size(&dir.path().join(HISTORY_FILE));
    // One decision and its time per article: a state that does not grow with history.
    assert!(state < 20_000 * 90, "state.json is {state} bytes");
    assert!(
        history < opts.history_bytes as u64 * 2,
        "history.json is {history} bytes"
    );
    let mut s = Store::open_with(dir.path(), opts);
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert_eq!(s.ids().count(), 20_000);
    assert_eq!(s.state(&all[7]).decision, Decision::Irrelevant);
    // Undo still works across the restart, for the batches the bound kept.
    let depth = s.undo_depth();
    assert!((2..30).contains(&depth), "undo depth {depth}");
    s.undo().unwrap().unwrap();
    assert_eq!(s.state(&all[7]).decision, Decision::Relevant);
}

#[test]
fn a_batch_journal_line_stores_one_prior_value_for_undecided_articles() {
    let dir = tempfile::tempdir().unwrap();
    let all = ids("b", 10_000);
    let mut s = Store::open(dir.path());
    durable(s.apply(decide(&all, Decision::Maybe)));
    let journal = fs::read_to_string(dir.path().join(JOURNAL_FILE)).unwrap();
    assert!(
        journal.contains(r#""prior":{"states":[{}],"runs":[[0,10000]]}"#),
        "{}",
        &journal[journal.len().saturating_sub(200)..]
    );
    // The ids once (the op), never a state per id.
    assert!(journal.len() < 10_000 * 22, "{} bytes", journal.len());
}

#[test]
fn damaged_or_stale_history_costs_undo_steps_never_state() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(dir.path());
        durable(s.apply(one("x", Decision::Relevant)));
        durable(s.apply(one("y", Decision::Maybe)));
        s.close().unwrap();
    }
    fs::write(dir.path().join(HISTORY_FILE), b"{\"format\":2,\"seq\":").unwrap();
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert_eq!(s.state("x").decision, Decision::Relevant);
    assert_eq!(s.state("y").decision, Decision::Maybe);
    assert!(
        s.warnings().iter().any(|w| w.contains("undo history")),
        "{:?}",
        s.warnings()
    );
    assert!(!s.can_undo());
    durable(s.apply(one("z", Decision::Irrelevant)));
    s.close().unwrap();
    let s = Store::open(dir.path());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_eq!(s.undo_depth(), 1);
}

#[test]
fn undo_lines_carry_their_action_so_a_lost_history_does_not_block_replay() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(dir.path());
        durable(s.apply(one("x", Decision::Relevant)));
        s.close().unwrap();
        let mut s = Store::open(dir.path());
        durable(s.apply(one("y", Decision::Relevant)));
        // Undo twice: the second undoes an action that only history.json holds.
        s.undo().unwrap().unwrap();
        s.undo().unwrap().unwrap();
        // Dropped without close: the journal holds both undos.
    }
    fs::remove_file(dir.path().join(HISTORY_FILE)).unwrap();
    let s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert_eq!(s.state("x").decision, Decision::Undecided);
    assert_eq!(s.state("y").decision, Decision::Undecided);
}

#[test]
fn a_format_1_store_with_history_inside_is_read_and_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let snap = r#"{"format":1,"seq":2,"articles":{"a":{"decision":"relevant","decided_at":"t2","read":true,"read_at":"t1"}},"history":[{"seq":1,"at":"t1","op":{"kind":"set_read","ids":["a"],"read":true},"before":{"a":{}}},{"seq":2,"at":"t2","op":{"kind":"decide","ids":["a"],"decision":"relevant"},"before":{"a":{"read":true,"read_at":"t1"}}}],"redo":[]}"#;
    fs::write(dir.path().join(SNAPSHOT_FILE), snap).unwrap();
    fs::write(
        dir.path().join(JOURNAL_FILE),
        "{\"seq\":3,\"at\":\"t3\",\"undo\":2}\n",
    )
    .unwrap();
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    let a = s.state("a");
    assert_eq!((a.decision, a.read), (Decision::Undecided, true));
    assert!(s.can_redo());
    s.undo().unwrap().unwrap();
    assert!(!s.state("a").read);
    s.close().unwrap();
    let text = fs::read_to_string(dir.path().join(SNAPSHOT_FILE)).unwrap();
    assert!(text.starts_with(r#"{"format":2,"#), "{text}");
    assert!(!text.contains("history"), "{text}");
}

// ---------------------------------------------------------------------------------------
// 2. Deleting the lock file does not let a second writer in.

#[test]
fn deleting_the_lock_file_does_not_make_a_second_writer() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = Store::open(dir.path());
    assert_eq!(first.mode(), Mode::ReadWrite);
    fs::remove_file(dir.path().join("lock")).unwrap();
    let second = Store::open(dir.path());
    assert!(second.is_read_only(), "{:?}", second.status());
    assert!(
        second.status().unwrap().contains("another warta"),
        "{:?}",
        second.status()
    );
    durable(first.apply(one("x", Decision::Relevant)));
    drop(second);
    first.close().unwrap();
    assert_eq!(
        Store::open(dir.path()).state("x").decision,
        Decision::Relevant
    );
}

#[test]
fn lines_appended_by_another_program_are_set_aside_not_mixed_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path());
    durable(s.apply(one("x", Decision::Relevant)));
    let foreign = "{\"seq\":2,\"at\":\"t\",\"op\":{\"kind\":\"set_star\",\"ids\":[\"f\"],\"star\":true},\"prior\":{\"states\":[{}],\"runs\":[[0,1]]}}\n";
    fs::OpenOptions::new()
        .append(true)
        .open(dir.path().join(JOURNAL_FILE))
        .unwrap()
        .write_all(foreign.as_bytes())
        .unwrap();
    durable(s.apply(one("y", Decision::Maybe)));
    let notice = s.take_notice().expect("the user is told");
    assert!(notice.contains("changed by another program"), "{notice}");
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("journal.jsonl.set-aside-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = fs::read_to_string(dir.path().join(&aside[0])).unwrap();
    assert!(kept.ends_with(foreign), "the other program's line is kept");
    drop(s);
    let s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert_eq!(s.state("x").decision, Decision::Relevant);
    assert_eq!(s.state("y").decision, Decision::Maybe);
    assert!(!s.state("f").starred, "no line of another writer replayed");
}

// ---------------------------------------------------------------------------------------
// 3. The data directory deleted or replaced mid-session.

#[test]
fn a_deleted_data_directory_is_created_again_with_the_whole_state() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut s = Store::open(&dir);
    durable(s.apply(one("x", Decision::Relevant)));
    durable(s.apply(one("y", Decision::Maybe)));
    fs::remove_dir_all(&dir).unwrap();
    durable(s.apply(one("z", Decision::Irrelevant)));
    let notice = s.take_notice().expect("the user is told");
    assert!(notice.contains("was deleted"), "{notice}");
    assert!(s.undo().unwrap().is_some(), "undo history survives");
    durable(s.apply(one("z", Decision::Relevant)));
    drop(s);
    let s = Store::open(&dir);
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    for (id, d) in [
        ("x", Decision::Relevant),
        ("y", Decision::Maybe),
        ("z", Decision::Relevant),
    ] {
        assert_eq!(s.state(id).decision, d, "{id}");
    }
}

#[test]
fn a_deleted_journal_is_written_again_with_the_whole_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path());
    durable(s.apply(one("x", Decision::Relevant)));
    fs::remove_file(dir.path().join(JOURNAL_FILE)).unwrap();
    durable(s.apply(one("y", Decision::Maybe)));
    assert!(s.take_notice().unwrap().contains("was deleted"));
    drop(s);
    let s = Store::open(dir.path());
    assert_eq!(s.state("x").decision, Decision::Relevant);
    assert_eq!(s.state("y").decision, Decision::Maybe);
}

#[test]
fn a_directory_replaced_by_other_data_is_not_overwritten_and_quit_rescues() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let other = tmp.path().join("other");
    {
        let mut o = Store::open(&other);
        durable(o.apply(one("o", Decision::Maybe)));
        o.close().unwrap();
    }
    let mut s = Store::open(&dir);
    durable(s.apply(one("x", Decision::Relevant)));
    fs::rename(&dir, tmp.path().join("data.old")).unwrap();
    fs::rename(&other, &dir).unwrap();
    let before = fs::read(dir.join(SNAPSHOT_FILE)).unwrap();
    match s.apply(one("y", Decision::Maybe)).unwrap() {
        Saved::NotSaved(why) => assert!(why.contains("replaced"), "{why}"),
        other => panic!("claimed {other:?}"),
    }
    assert_eq!(s.mode(), Mode::MemoryOnly);
    assert_eq!(fs::read(dir.join(SNAPSHOT_FILE)).unwrap(), before);
    let err = s.close().unwrap_err();
    let StoreError::Unsaved {
        rescue: Some(rescue),
        ..
    } = &err
    else {
        panic!("{err:?}");
    };
    assert!(err.to_string().contains("NOT saved"), "{err}");
    let text = fs::read_to_string(rescue).unwrap();
    // The data directory is not ours, so the rescue went to the temp dir: clean it up.
    fs::remove_file(rescue).unwrap();
    assert!(text.contains("\"x\"") && text.contains("\"y\""), "{text}");
    assert_eq!(fs::read(dir.join(SNAPSHOT_FILE)).unwrap(), before);
}

#[test]
fn a_store_that_could_not_save_says_so_at_close() {
    Store::in_memory("no data directory").close().unwrap();
    let mut s = Store::in_memory("no data directory");
    let r = s.apply(one("x", Decision::Relevant));
    assert!(matches!(r, Ok(Saved::NotSaved(_))), "{r:?}");
    assert_eq!(s.unsaved(), 1);
    let err = s.close().unwrap_err();
    assert!(
        matches!(err, StoreError::Unsaved { changes: 1, .. }),
        "{err:?}"
    );
    // With no data directory the rescue went to the temp dir, and is the test's to clean.
    if let StoreError::Unsaved {
        rescue: Some(r), ..
    } = &err
    {
        fs::remove_file(r).unwrap();
    }
}

// ---------------------------------------------------------------------------------------
// 4. Sequence numbers at the edge.

#[test]
fn an_out_of_range_sequence_number_is_damage_not_a_wrap() {
    for seq in [u64::MAX - 1, MAX_SEQ + 1] {
        let dir = tempfile::tempdir().unwrap();
        let snap = format!(r#"{{"format":2,"seq":{seq},"articles":{{"a":{{"starred":true}}}}}}"#);
        fs::write(dir.path().join(SNAPSHOT_FILE), snap).unwrap();
        let s = Store::open(dir.path());
        assert!(s.is_read_only(), "{seq}");
        assert!(
            s.status().unwrap().contains("out of range"),
            "{:?}",
            s.status()
        );
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(JOURNAL_FILE),
        format!(
            "{{\"seq\":{},\"at\":\"t\",\"op\":{{\"kind\":\"set_star\",\"ids\":[\"a\"],\"star\":true}},\"prior\":{{\"states\":[{{}}],\"runs\":[[0,1]]}}}}\n{{\"seq\":1,\"at\":\"t\",\"op\":{{\"kind\":\"set_star\",\"ids\":[\"b\"],\"star\":true}},\"prior\":{{\"states\":[{{}}],\"runs\":[[0,1]]}}}}\n",
            u64::MAX
        ),
    )
    .unwrap();
    let s = Store::open(dir.path());
    assert!(s.is_read_only());
    assert!(s.status().unwrap().contains("line 1"), "{:?}", s.status());
}

#[test]
fn the_last_sequence_number_refuses_changes_instead_of_wrapping() {
    let dir = tempfile::tempdir().unwrap();
    let snap = format!(r#"{{"format":2,"seq":{},"articles":{{}}}}"#, MAX_SEQ - 1);
    fs::write(dir.path().join(SNAPSHOT_FILE), snap).unwrap();
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    durable(s.apply(one("a", Decision::Relevant)));
    let err = s.apply(one("b", Decision::Relevant)).unwrap_err();
    assert!(matches!(err, StoreError::Exhausted(_)), "{err:?}");
    assert_eq!(s.seq(), MAX_SEQ);
    drop(s);
    let s = Store::open(dir.path());
    assert_eq!(s.state("a").decision, Decision::Relevant);
}

// ---------------------------------------------------------------------------------------
// 10. A read-only store follows the writer and takes over when it quits.

#[test]
fn a_follower_sees_each_change_and_takes_over_when_the_writer_quits() {
    let dir = tempfile::tempdir().unwrap();
    let opts = StoreOptions {
        compact_every: 3,
        ..StoreOptions::default()
    };
    let mut writer = Store::open_with(dir.path(), opts);
    durable(writer.apply(one("a", Decision::Relevant)));
    let mut follower = Store::open_with(dir.path(), opts);
    assert!(follower.is_read_only());
    assert_eq!(follower.refresh(), Refresh::Unchanged);
    durable(writer.apply(one("b", Decision::Maybe)));
    assert_eq!(follower.refresh(), Refresh::Updated);
    assert_eq!(follower.state("b").decision, Decision::Maybe);
    // The third line compacts: the journal is emptied and state.json rewritten.
    durable(writer.apply(one("c", Decision::Irrelevant)));
    durable(writer.apply(one("d", Decision::Irrelevant)));
    assert_eq!(follower.refresh(), Refresh::Updated);
    for (id, d) in [
        ("a", Decision::Relevant),
        ("c", Decision::Irrelevant),
        ("d", Decision::Irrelevant),
    ] {
        assert_eq!(follower.state(id).decision, d, "{id}");
    }
    writer.undo().unwrap().unwrap();
    assert_eq!(follower.refresh(), Refresh::Updated);
    assert_eq!(follower.state("d").decision, Decision::Undecided);

    let waiter = {
        let dir = dir.path().to_path_buf();
        std::thread::spawn(move || warta::triage::store::wait_until_free(&dir))
    };
    std::thread::sleep(Duration::from_millis(50));
    assert!(!waiter.is_finished(), "the writer still holds the lock");
    writer.close().unwrap();
    waiter.join().unwrap().unwrap();
    assert_eq!(follower.refresh(), Refresh::Writable);
    assert_eq!(follower.mode(), Mode::ReadWrite);
    durable(follower.apply(one("e", Decision::Relevant)));
    assert_eq!(follower.state("b").decision, Decision::Maybe);
}

// ---------------------------------------------------------------------------------------
// 7 and 15. Special files, a byte order mark.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn special_files_in_the_data_directory_never_block_or_fill_memory() {
    for name in [JOURNAL_FILE, SNAPSHOT_FILE, HISTORY_FILE, "lock"] {
        let dir = tempfile::tempdir().unwrap();
        if name == HISTORY_FILE {
            // History is only read next to a state it belongs to.
            fs::write(
                dir.path().join(SNAPSHOT_FILE),
                r#"{"format":2,"seq":0,"articles":{}}"#,
            )
            .unwrap();
        }
        mkfifo(&dir.path().join(name));
        let path = dir.path().to_path_buf();
        let s = within(10, move || Store::open(&path));
        if name == HISTORY_FILE {
            assert_eq!(s.mode(), Mode::ReadWrite, "{name}");
            assert!(s.warnings().iter().any(|w| w.contains("FIFO")), "{name}");
        } else {
            let status = s.status().unwrap_or_default().to_string();
            assert!(
                status.contains(name) && status.contains("FIFO"),
                "{name}: {status}"
            );
        }
        let path = dir.path().to_path_buf();
        let r = within(10, move || Store::open_read_only(&path));
        assert!(r.is_read_only());
    }
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(SNAPSHOT_FILE)).unwrap();
    let path = dir.path().to_path_buf();
    let s = within(10, move || Store::open(&path));
    let status = s.status().unwrap().to_string();
    assert!(status.contains("character device"), "{status}");
}

#[test]
fn a_state_file_saved_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(br#"{"format":2,"seq":1,"articles":{"a":{"starred":true}}}"#);
    fs::write(dir.path().join(SNAPSHOT_FILE), bytes).unwrap();
    let mut j = vec![0xEF, 0xBB, 0xBF];
    j.extend_from_slice(b"{\"seq\":2,\"at\":\"t\",\"op\":{\"kind\":\"set_star\",\"ids\":[\"b\"],\"star\":true},\"prior\":{\"states\":[{}],\"runs\":[[0,1]]}}\n");
    fs::write(dir.path().join(JOURNAL_FILE), j).unwrap();
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    assert!(s.state("a").starred && s.state("b").starred);
    durable(s.apply(one("c", Decision::Maybe)));
    drop(s);
    assert!(Store::open(dir.path()).state("c").decision == Decision::Maybe);
}

// ---------------------------------------------------------------------------------------
// 15. Repair keeps every readable line.

#[test]
fn repair_keeps_the_changes_on_both_sides_of_a_damaged_line() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(dir.path());
        for id in ["a", "b", "c", "d"] {
            durable(s.apply(one(id, Decision::Relevant)));
        }
    }
    let path = dir.path().join(JOURNAL_FILE);
    let text = fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[1] = "{\"seq\":2,\"at\":garbage".into();
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    let s = Store::open(dir.path());
    assert!(s.is_read_only());
    let status = s.status().unwrap().to_string();
    assert!(status.contains("warta repair"), "{status}");
    drop(s);

    let report = repair(dir.path()).unwrap();
    assert_eq!(report.kept, 3);
    assert_eq!(report.damaged, vec![2]);
    let aside = report.set_aside.clone().unwrap();
    assert_eq!(fs::read_to_string(&aside).unwrap(), lines.join("\n") + "\n");
    let mut s = Store::open(dir.path());
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    for id in ["a", "c", "d"] {
        assert_eq!(s.state(id).decision, Decision::Relevant, "{id}");
    }
    assert_eq!(
        s.state("b").decision,
        Decision::Undecided,
        "the damaged line"
    );
    durable(s.apply(one("e", Decision::Maybe)));
    // Nothing to repair now.
    drop(s);
    let again = repair(dir.path()).unwrap();
    assert!(again.set_aside.is_none() && again.damaged.is_empty());
}

#[test]
fn repair_refuses_while_a_browser_writes() {
    let dir = tempfile::tempdir().unwrap();
    let _s = Store::open(dir.path());
    let err = repair(dir.path()).unwrap_err();
    assert!(err.contains("quit it first"), "{err}");
}

#[test]
fn repair_from_the_command_line_says_what_it_kept() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = Store::open(dir.path());
        for id in ["a", "b", "c"] {
            durable(s.apply(one(id, Decision::Relevant)));
        }
    }
    let path = dir.path().join(JOURNAL_FILE);
    let text = fs::read_to_string(&path).unwrap();
    let broken = text.replacen("\"seq\":2", "\"seq\":\"2", 1);
    fs::write(&path, broken).unwrap();
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
            .arg("repair")
            .env("WARTA_DATA_DIR", dir.path())
            .output()
            .unwrap()
    };
    let out = run();
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("kept 2 changes") && said.contains("damaged line(s) 2"),
        "{said}"
    );
    assert!(said.contains("journal.jsonl.damaged-"), "{said}");
    let out = run();
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing to repair"));
    let _writer = Store::open(dir.path());
    let out = run();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("quit it first"));
}
