//! The triage store's files as a hand, an editor on another system or a sync tool leaves
//! them: whatever they hold, warta never loses or misapplies a change, and what it writes
//! it can read again.

use crate::common;
use std::fs;
use std::path::Path;

use warta::triage::store::{HISTORY_FILE, JOURNAL_FILE, SNAPSHOT_FILE};
use warta::triage::{Decision, Mode, Op, Saved, Store, StoreError};

fn one(id: &str, decision: Decision) -> Op {
    Op::Decide {
        ids: vec![id.to_string()],
        decision,
        mark_read: false,
    }
}

#[track_caller]
fn durable(r: Result<Saved, StoreError>) {
    assert_eq!(r.unwrap(), Saved::Durable);
}

#[track_caller]
fn open_clean(dir: &Path) -> Store {
    let s = Store::open(dir);
    assert_eq!(s.mode(), Mode::ReadWrite, "{:?}", s.status());
    s
}

#[test]
fn history_naming_actions_after_its_own_point_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = open_clean(dir.path());
        durable(s.apply(one("x", Decision::Relevant)));
        s.close().unwrap();
    }
    let path = dir.path().join(HISTORY_FILE);
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replace(r#""undo":[{"seq":1,"#, r#""undo":[{"seq":7,"#);
    assert_ne!(edited, text);
    fs::write(&path, edited).unwrap();

    let mut s = open_clean(dir.path());
    // Undoing "action 7" at sequence number 2 would write a journal line that names a later
    // action, which reading refuses: the undo would be lost at the next start.
    if let Some(sum) = s.undo().unwrap() {
        assert_eq!(sum.saved, Saved::Durable);
    }
    let after = s.state("x");
    drop(s);
    let s = open_clean(dir.path());
    assert!(
        !s.warnings().iter().any(|w| w.contains(JOURNAL_FILE)),
        "{:?}",
        s.warnings()
    );
    assert_eq!(s.state("x"), after, "an acknowledged undo was lost");
    assert!(
        s.warnings().iter().any(|w| w.contains(HISTORY_FILE)),
        "the user hears the history was not used: {:?}",
        s.warnings()
    );
}

#[test]
fn a_format_1_history_naming_later_actions_is_not_used() {
    let dir = tempfile::tempdir().unwrap();
    let snap = r#"{"format":1,"seq":2,"articles":{"a":{"decision":"relevant","decided_at":"t2"}},"history":[{"seq":9,"at":"t2","op":{"kind":"decide","ids":["a"],"decision":"relevant"},"before":{"a":{}}}],"redo":[]}"#;
    fs::write(dir.path().join(SNAPSHOT_FILE), snap).unwrap();
    let mut s = open_clean(dir.path());
    if let Some(sum) = s.undo().unwrap() {
        assert_eq!(sum.saved, Saved::Durable);
    }
    let after = s.state("a");
    drop(s);
    let s = open_clean(dir.path());
    assert!(
        !s.warnings().iter().any(|w| w.contains(JOURNAL_FILE)),
        "{:?}",
        s.warnings()
    );
    assert_eq!(s.state("a"), after, "an acknowledged undo was lost");
    assert_eq!(after.decision, Decision::Relevant, "the state is kept");
    let said = s.warnings().join("\n");
    assert!(
        said.contains("undo history") && said.contains("not affected"),
        "{said}"
    );
}

/// A sync tool or a restored backup can bring back an older `history.json` next to a newer
/// `state.json`, with no journal between them: its newest action is then not the last thing
/// done, and undoing it would undo the wrong change.
#[test]
fn a_history_older_than_the_state_is_not_used_for_undo() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut s = open_clean(dir.path());
        durable(s.apply(one("x", Decision::Relevant)));
        s.close().unwrap();
    }
    let old = fs::read(dir.path().join(HISTORY_FILE)).unwrap();
    {
        let mut s = open_clean(dir.path());
        durable(s.apply(one("x", Decision::Irrelevant)));
        s.close().unwrap();
    }
    fs::write(dir.path().join(HISTORY_FILE), old).unwrap();
    let mut s = open_clean(dir.path());
    if s.undo().unwrap().is_some() {
        assert_eq!(
            s.state("x").decision,
            Decision::Relevant,
            "undo took back something other than the last change"
        );
    }
    assert!(
        s.warnings().iter().any(|w| w.contains(HISTORY_FILE)),
        "{:?}",
        s.warnings()
    );
    // The same through the repair path, which reads the history the same way.
    drop(s);
    assert!(
        warta::triage::repair(dir.path())
            .unwrap()
            .damaged
            .is_empty()
    );
}

/// The data directory is deleted while warta runs and cannot be made again (its parent is
/// gone and a file now has the parent's name); the user quits without another change. The
/// changes were only in the deleted journal, so quitting must rescue them.
#[test]
fn quitting_after_the_data_directory_vanished_for_good_rescues_the_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let parent = tmp.path().join("parent");
    let dir = parent.join("data");
    let mut s = Store::open(&dir);
    durable(s.apply(one("x", Decision::Relevant)));
    fs::remove_dir_all(&parent).unwrap();
    fs::write(&parent, "not a directory").unwrap();
    match s.close() {
        Err(StoreError::Unsaved {
            rescue: Some(rescue),
            ..
        }) => {
            let text = fs::read_to_string(&rescue).unwrap();
            fs::remove_file(&rescue).unwrap();
            assert!(text.contains(r#""x":{"decision":"relevant""#), "{text}");
        }
        other => panic!("the change is lost: {other:?}"),
    }
}

/// Deleted right after a compaction, the data directory held this session's changes only in
/// its snapshot; quitting writes it back like the next change would have.
#[test]
fn quitting_after_the_data_directory_was_deleted_writes_it_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let mut s = Store::open(&dir);
    durable(s.apply(one("x", Decision::Relevant)));
    s.compact().unwrap();
    fs::remove_dir_all(&dir).unwrap();
    s.close().unwrap();
    let s = open_clean(&dir);
    assert_eq!(s.state("x").decision, Decision::Relevant);
}

/// Four changes, one undone: the journal lines of a store edited by hand below.
fn four_changes(dir: &Path) -> String {
    let mut s = open_clean(dir);
    durable(s.apply(one("a", Decision::Relevant)));
    durable(s.apply(one("b", Decision::Maybe)));
    s.undo().unwrap().unwrap();
    durable(s.apply(one("c", Decision::Irrelevant)));
    drop(s);
    fs::read_to_string(dir.join(JOURNAL_FILE)).unwrap()
}

#[track_caller]
fn assert_four_changes(s: &Store) {
    assert_eq!(s.state("a").decision, Decision::Relevant);
    assert_eq!(s.state("b").decision, Decision::Undecided);
    assert_eq!(s.state("c").decision, Decision::Irrelevant);
}

/// Reopens `dir`, adds a change and reopens again: the edited journal must stay readable
/// once warta appends to it.
#[track_caller]
fn assert_appends_after_the_edit(dir: &Path) {
    let mut s = open_clean(dir);
    durable(s.apply(one("d", Decision::Maybe)));
    drop(s);
    let s = open_clean(dir);
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_four_changes(&s);
    assert_eq!(s.state("d").decision, Decision::Maybe);
}

#[test]
fn a_journal_saved_by_a_windows_editor_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = four_changes(dir.path());
    let path = dir.path().join(JOURNAL_FILE);
    let mut crlf = vec![0xEF, 0xBB, 0xBF];
    crlf.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    fs::write(&path, crlf).unwrap();
    let s = open_clean(dir.path());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_four_changes(&s);
    drop(s);
    assert_appends_after_the_edit(dir.path());
    // The snapshots too.
    Store::open(dir.path()).close().unwrap();
    for name in [SNAPSHOT_FILE, HISTORY_FILE] {
        let p = dir.path().join(name);
        let t = fs::read_to_string(&p).unwrap();
        fs::write(&p, format!("\u{feff}{}", t.replace('\n', "\r\n"))).unwrap();
    }
    let s = open_clean(dir.path());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_four_changes(&s);
    assert_eq!(s.undo_depth(), 3);
}

#[test]
fn blank_lines_in_the_journal_are_not_damage() {
    for (what, edit) in [
        ("a blank line", "\n\n"),
        ("a CRLF blank line", "\n\r\n"),
        ("spaces", "\n   \t\n"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let text = four_changes(dir.path());
        let path = dir.path().join(JOURNAL_FILE);
        fs::write(&path, text.replacen('\n', edit, 2) + edit).unwrap();
        let s = Store::open(dir.path());
        assert_eq!(s.mode(), Mode::ReadWrite, "{what}: {:?}", s.status());
        assert!(s.warnings().is_empty(), "{what}: {:?}", s.warnings());
        assert_four_changes(&s);
        drop(s);
        assert_appends_after_the_edit(dir.path());
    }
}

/// An editor that drops the final newline leaves the last change whole: it is not a write
/// cut short, and appending after it must not glue the next line onto it.
#[test]
fn a_last_line_without_its_newline_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let text = four_changes(dir.path());
    let path = dir.path().join(JOURNAL_FILE);
    fs::write(&path, text.trim_end()).unwrap();
    let s = open_clean(dir.path());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    assert_four_changes(&s);
    let r = Store::open_read_only(dir.path());
    assert_four_changes(&r);
    drop(s);
    assert_appends_after_the_edit(dir.path());
}

/// What a hostile store file says must not reach the terminal as escape sequences or bidi
/// controls through the messages about it: serde's errors quote the text they choke on.
#[test]
fn messages_about_a_hostile_file_are_inert() {
    const EVIL: &str = r"\u001b]0;PWNED\u0007\u001b[2J\u202e\u009b31m";
    let prior = r#""prior":{"states":[{}],"runs":[[0,1]]}"#;
    let good = |seq: u32, id: &str| {
        format!(
            r#"{{"seq":{seq},"at":"t","op":{{"kind":"set_star","ids":["{id}"],"star":true}},{prior}}}"#
        )
    };
    let evil_kind = format!(r#"{{"seq":2,"at":"t","op":{{"kind":"{EVIL}","ids":["a"]}},{prior}}}"#);
    let evil_before = format!(
        r#"{{"seq":2,"at":"t","op":{{"kind":"set_star","ids":["a"],"star":true}},"before":{{"{EVIL}":{{}}}}}}"#
    );
    let evil_field = format!(r#"{{"seq":2,"at":"t","{EVIL}":1}}"#);
    let mut cases: Vec<(&str, String)> = Vec::new();
    for evil in [&evil_kind, &evil_before, &evil_field] {
        // In the middle: damage, the read-only reason. Last: a warning.
        cases.push((
            JOURNAL_FILE,
            format!("{}\n{evil}\n{}\n", good(1, "a"), good(3, "b")),
        ));
        cases.push((JOURNAL_FILE, format!("{}\n{evil}\n", good(1, "a"))));
    }
    cases.push((
        SNAPSHOT_FILE,
        format!(r#"{{"format":2,"seq":1,"articles":{{"a":{{"decision":"{EVIL}"}}}}}}"#),
    ));
    cases.push((
        SNAPSHOT_FILE,
        format!(r#"{{"format":9,"seq":1,"{EVIL}":{{}}}}"#),
    ));
    for (name, text) in cases {
        let dir = tempfile::tempdir().unwrap();
        if name == HISTORY_FILE {
            fs::write(
                dir.path().join(SNAPSHOT_FILE),
                r#"{"format":2,"seq":0,"articles":{}}"#,
            )
            .unwrap();
        }
        fs::write(dir.path().join(name), &text).unwrap();
        for s in [Store::open(dir.path()), Store::open_read_only(dir.path())] {
            let said: Vec<&str> = s
                .status()
                .into_iter()
                .chain(s.warnings().iter().map(String::as_str))
                .collect();
            assert!(!said.is_empty(), "{name}: nothing said about {text}");
            for m in said {
                assert!(warta::text::is_safe(m), "{name}: {m:?}");
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(SNAPSHOT_FILE),
        r#"{"format":2,"seq":0,"articles":{}}"#,
    )
    .unwrap();
    fs::write(
        dir.path().join(HISTORY_FILE),
        format!(r#"{{"format":2,"seq":0,"undo":[{{"{EVIL}":1}}],"redo":[]}}"#),
    )
    .unwrap();
    let s = Store::open(dir.path());
    assert!(!s.warnings().is_empty());
    for m in s.warnings() {
        assert!(warta::text::is_safe(m), "{m:?}");
    }
}

/// Set in the child that measures memory (see the zero-bytes test).
const MEASURE_ENV: &str = "WARTA_TEST_MEASURE_MEMORY";

/// The peak resident memory (KiB) of `cmd` run to its end, and its stderr.
#[cfg(unix)]
#[expect(
    clippy::zombie_processes,
    unsafe_code,
    reason = "reaped by wait4, which std lacks and which also gives its rusage"
)]
fn peak_memory_kib(cmd: &mut std::process::Command, stderr: &Path) -> (i64, String) {
    let child = cmd
        .stdout(std::process::Stdio::null())
        .stderr(fs::File::create(stderr).unwrap())
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: waits for our own child; rusage is plain data.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as i32);
    (usage.ru_maxrss, fs::read_to_string(stderr).unwrap())
}

/// A crash or a damaged file system can leave a journal with a long run of zero bytes (or
/// a sparse file of any size). No JSON line holds a NUL byte, so such a line is known to be
/// damage at its first byte, and reading it must not take memory in proportion to it.
#[cfg(unix)]
#[test]
fn a_journal_tail_of_zero_bytes_does_not_fill_memory() {
    // Measured from a child running just this test: a process forked from the whole test
    // binary counts that binary's memory in its own peak.
    if std::env::var_os(MEASURE_ENV).is_none() {
        common::child_passes(
            common::this_test(
                module_path!(),
                "a_journal_tail_of_zero_bytes_does_not_fill_memory",
            )
            .env(MEASURE_ENV, "1"),
        );
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    {
        let mut s = open_clean(&dir);
        durable(s.apply(one("a", Decision::Relevant)));
    }
    let journal = dir.join(JOURNAL_FILE);
    let len = fs::metadata(&journal).unwrap().len();
    // Sparse: no disk space used.
    fs::File::options()
        .write(true)
        .open(&journal)
        .unwrap()
        .set_len(len + (256 << 20))
        .unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let (kib, said) = peak_memory_kib(
        std::process::Command::new(env!("CARGO_BIN_EXE_warta"))
            .arg("list")
            .arg(&corpus)
            .env("WARTA_DATA_DIR", &dir)
            .env("WARTA_CACHE_DIR", tmp.path().join("cache")),
        &tmp.path().join("stderr"),
    );
    assert!(said.contains("last line"), "{said}");
    assert!(kib < 96 << 10, "peak memory {} MiB", kib >> 10);
    let s = open_clean(&dir);
    assert_eq!(s.state("a").decision, Decision::Relevant);
}

/// An action's time becomes the time of the fields it sets, which the detail pane shows and
/// exports write out; from a hand-edited journal it is hostile text like a note.
#[test]
fn an_action_time_from_the_journal_is_cleaned_like_other_text() {
    const EVIL: &str = r"2025-06-01T10:00:00Z\u001b]52;c;cm0gLXJm\u0007\u202e";
    let dir = tempfile::tempdir().unwrap();
    let prior = r#""prior":{"states":[{}],"runs":[[0,1]]}"#;
    let lines = [
        format!(
            r#"{{"seq":1,"at":"{EVIL}","op":{{"kind":"decide","ids":["a"],"decision":"maybe"}},{prior}}}"#
        ),
        format!(
            r#"{{"seq":2,"at":"{EVIL}","op":{{"kind":"set_star","ids":["b"],"star":true}},"before":{{"b":{{}}}}}}"#
        ),
        format!(
            r#"{{"seq":3,"at":"t","undo":2,"action":{{"seq":2,"at":"{EVIL}","op":{{"kind":"set_star","ids":["b"],"star":true}},{prior}}}}}"#
        ),
        format!(
            r#"{{"seq":4,"at":"t","redo":2,"action":{{"seq":2,"at":"{EVIL}","op":{{"kind":"set_star","ids":["b"],"star":true}},{prior}}}}}"#
        ),
    ];
    fs::write(dir.path().join(JOURNAL_FILE), lines.join("\n") + "\n").unwrap();
    let mut s = open_clean(dir.path());
    assert_eq!(s.state("a").decision, Decision::Maybe);
    assert!(s.state("b").starred);
    let check = |s: &Store| {
        for id in ["a", "b"] {
            let st = s.state(id);
            for t in [&st.decided_at, &st.starred_at].into_iter().flatten() {
                assert!(warta::text::is_safe(t), "{id}: {t:?}");
                assert!(t.starts_with("2025-06-01T10:00:00Z"), "{id}: {t:?}");
            }
        }
    };
    check(&s);
    // Undone and redone, and through a compaction.
    s.undo().unwrap().unwrap();
    s.redo().unwrap().unwrap();
    check(&s);
    s.close().unwrap();
    check(&open_clean(dir.path()));
}

/// A store an older build left: format 1 `state.json` with the history inside, journal lines
/// with whole `before` states, and bare undo and redo lines that need the history.
#[test]
fn an_older_builds_store_reads_undoes_and_upgrades() {
    let dir = tempfile::tempdir().unwrap();
    let snap = r#"{"format":1,"seq":2,"articles":{"a":{"read":true,"read_at":"t1","decision":"relevant","decided_at":"t2"}},"history":[{"seq":1,"at":"t1","op":{"kind":"set_read","ids":["a"],"read":true},"before":{"a":{}}},{"seq":2,"at":"t2","op":{"kind":"decide","ids":["a"],"decision":"relevant"},"before":{"a":{"read":true,"read_at":"t1"}}}],"redo":[]}"#;
    let journal = [
        r#"{"seq":3,"at":"t3","op":{"kind":"add_label","ids":["a","b"],"label":"Banjir"},"before":{"a":{"read":true,"read_at":"t1","decision":"relevant","decided_at":"t2"},"b":{}}}"#,
        r#"{"seq":4,"at":"t4","undo":3}"#,
        r#"{"seq":5,"at":"t5","undo":2}"#,
        r#"{"seq":6,"at":"t6","redo":2}"#,
        r#"{"seq":7,"at":"t7","op":{"kind":"set_star","ids":["b"],"star":true},"before":{"b":{}}}"#,
    ];
    fs::write(dir.path().join(SNAPSHOT_FILE), snap).unwrap();
    fs::write(dir.path().join(JOURNAL_FILE), journal.join("\r\n") + "\r\n").unwrap();
    let check_top = |s: &Store| {
        let (a, b) = (s.state("a"), s.state("b"));
        assert_eq!(
            (a.decision, a.read, a.labels.len()),
            (Decision::Relevant, true, 0)
        );
        assert!(b.starred && b.labels.is_empty());
    };
    let s = open_clean(dir.path());
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    check_top(&s);
    assert!(!s.can_redo(), "a new action cleared the redo of 3");
    assert_eq!(s.undo_depth(), 3);
    s.close().unwrap();
    let text = fs::read_to_string(dir.path().join(SNAPSHOT_FILE)).unwrap();
    assert!(text.starts_with(r#"{"format":2,"#), "{text}");
    let mut s = open_clean(dir.path());
    check_top(&s);
    s.undo().unwrap().unwrap();
    assert!(!s.state("b").starred);
    s.undo().unwrap().unwrap();
    assert_eq!(s.state("a").decision, Decision::Undecided);
    assert_eq!(s.state("a").read_at.as_deref(), Some("t1"));
    s.undo().unwrap().unwrap();
    assert_eq!(s.ids().count(), 0);
    assert!(s.undo().unwrap().is_none());
}

/// `state.json` deleted while warta runs (by hand, or a sync tool mirroring a deletion): the
/// journal only continues it, so the next change writes the whole state back, as for a
/// deleted journal; a crash afterwards must not leave the journal alone.
#[test]
fn a_state_file_deleted_mid_session_is_written_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = open_clean(dir.path());
    durable(s.apply(one("x", Decision::Relevant)));
    s.compact().unwrap();
    fs::remove_file(dir.path().join(SNAPSHOT_FILE)).unwrap();
    durable(s.apply(one("y", Decision::Maybe)));
    let notice = s.take_notice();
    // Dropped without close, as in a crash.
    drop(s);
    let s = open_clean(dir.path());
    assert_eq!(
        s.state("x").decision,
        Decision::Relevant,
        "lost with state.json"
    );
    assert_eq!(s.state("y").decision, Decision::Maybe);
    assert!(s.warnings().is_empty(), "{:?}", s.warnings());
    let notice = notice.expect("the user is told");
    assert!(notice.contains(SNAPSHOT_FILE), "{notice}");
}
