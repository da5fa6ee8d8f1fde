//! End-to-end: the triage store seen from the real browser in tmux. A read-only browser
//! follows the writer and takes over when it quits; a data directory deleted mid-session is
//! written back; a quit that could not save exits non-zero and names the rescue file.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{Tmux, have_tmux, status_line};

fn start(data: &Path) -> Tmux {
    Tmux::start_warta(120, 30, Some(data), "")
}

/// `warta list` over the bundled corpus with the triage state in `data`: one JSON line per
/// article matching `query`.
fn ids_matching(data: &Path, query: &str) -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["list", "--format", "jsonl", "--query", query])
        .env("WARTA_DATA_DIR", data)
        .env("WARTA_CACHE_DIR", data.with_extension("cache"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn a_read_only_browser_follows_the_writer_and_takes_over_when_it_quits() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let writer = start(&data);
    writer.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    let reader = start(&data);
    reader.wait("read-only", |s| {
        status_line(s).contains("read-only: another warta")
    });

    writer.keys(&["r"]);
    writer.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    reader.wait("the writer's decision", |s| {
        status_line(s).contains("triaged 1/5 · relevant 1")
    });
    // The reader refuses changes while the writer runs.
    reader.keys(&["j", "m"]);
    reader.wait("refused", |s| status_line(s).contains("read-only"));

    writer.quit();
    reader.wait("taken over", |s| status_line(s).contains("saved again"));
    reader.keys(&["m"]);
    reader.wait("maybe 1", |s| {
        status_line(s).contains("relevant 1 · maybe 1")
    });
    reader.quit();
    assert_eq!(ids_matching(&data, "is:relevant").len(), 1);
    assert_eq!(ids_matching(&data, "is:maybe").len(), 1);
}

#[test]
fn a_data_directory_deleted_mid_session_is_written_back() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let t = start(&data);
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["r"]);
    t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    std::fs::remove_dir_all(&data).unwrap();
    t.keys(&["m"]);
    t.wait("said so", |s| status_line(s).contains("was deleted"));
    t.quit();
    assert_eq!(ids_matching(&data, "is:relevant").len(), 1);
    assert_eq!(ids_matching(&data, "is:maybe").len(), 1);
}

#[test]
fn a_quit_that_could_not_save_exits_non_zero_and_names_the_rescue_file() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let other = tmp.path().join("other");
    // Another store's data, swapped in under the running browser.
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("state.json"),
        r#"{"format":2,"seq":1,"articles":{"elsewhere":{"starred":true}}}"#,
    )
    .unwrap();
    let t = start(&data);
    t.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    t.keys(&["r"]);
    t.wait("relevant 1", |s| status_line(s).contains("relevant 1"));
    std::fs::rename(&data, tmp.path().join("data.old")).unwrap();
    std::fs::rename(&other, &data).unwrap();
    t.keys(&["m"]);
    t.wait("not saved", |s| {
        status_line(s).contains("not saved: the data directory")
    });
    t.keys(&["q"]);
    let s = t.wait_exit(1);
    assert!(s.contains("state.unsaved-"), "{s}");
    // The other data was left alone.
    let kept = std::fs::read_to_string(data.join("state.json")).unwrap();
    assert!(kept.contains("elsewhere"), "{kept}");
}

#[test]
fn a_read_only_browser_leaves_the_shared_session_file_alone() {
    if !have_tmux() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    {
        let first = start(&data);
        first.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
        first.keys(&["j"]);
        first.quit();
    }
    let sessions = data.join("sessions");
    let read = || {
        let mut files: Vec<_> = std::fs::read_dir(&sessions)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (p.clone(), std::fs::read(p).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    let saved = read();
    assert_eq!(saved.len(), 1, "{saved:?}");
    let writer = start(&data);
    writer.wait("5/5", |s| status_line(s).starts_with(" 5/5"));
    let reader = start(&data);
    reader.wait("read-only", |s| status_line(s).contains("read-only"));
    reader.keys(&["j", "j", "/"]);
    reader.literal("asn");
    reader.keys(&["Enter"]);
    reader.wait("searched", |s| s.contains("/ asn"));
    reader.quit();
    assert_eq!(read(), saved, "the read-only browser wrote the session");
    writer.quit();
}
