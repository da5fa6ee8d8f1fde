//! The browser's export (`e`) into a FIFO or through a symlink: the same writing as
//! `warta export -o`, except that nothing may freeze the screen.
#![cfg(unix)]

use crate::common;

use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use warta::app::{self, Action, App, update};
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::model::Article;
use warta::triage::{Mode as StoreMode, Store};

use common::scaled;

fn triage_app(n: usize) -> (App, Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data"));
    assert_eq!(store.mode(), StoreMode::ReadWrite);
    let articles = (0..n)
        .map(|i| {
            let mut a = Article::default();
            a.meta.id = format!("{i:016x}");
            a.meta.title = format!("Article {i}");
            a.body.body = vec![format!("Body of article {i}.")];
            a
        })
        .collect();
    let mut app = App::new(
        Corpus::from_articles(articles),
        Keymap::default().key_help(),
    );
    update(&mut app, Action::Resize(100, 30));
    app::search_now(&mut app);
    app::triage::install_store(&mut app, &store);
    (app, store, dir)
}

/// Exports the view to `path` through the prompt and returns the status message.
fn export_to(app: &mut App, store: &mut Store, path: &Path) -> String {
    for a in [Action::Export, Action::ClearQuery] {
        app::update_with_store(app, store, a);
    }
    for c in path.display().to_string().chars() {
        app::update_with_store(app, store, Action::Insert(c));
    }
    app::update_with_store(app, store, Action::Submit);
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn mkfifo(p: &Path) {
    let made = std::process::Command::new("mkfifo").arg(p).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo {}", p.display());
}

#[test]
fn a_fifo_without_a_reader_is_refused_at_once() {
    let (mut app, mut store, dir) = triage_app(3);
    let fifo = dir.path().join("feed.csv");
    mkfifo(&fifo);
    let started = Instant::now();
    let msg = export_to(&mut app, &mut store, &fifo);
    assert!(msg.starts_with("cannot export to"), "{msg}");
    assert!(msg.contains("nothing reads"), "{msg}");
    // Blocked, it would wait forever; the timeout scale covers a loaded machine.
    let took = started.elapsed();
    let limit = scaled(Duration::from_secs(5));
    assert!(took < limit, "took {took:?}, more than {limit:?}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_fifo_with_a_reader_gets_the_export() {
    let (mut app, mut store, dir) = triage_app(3);
    let fifo = dir.path().join("feed.csv");
    mkfifo(&fifo);
    let (tx, rx) = mpsc::channel();
    let reader = fifo.clone();
    std::thread::spawn(move || {
        let _ = tx.send(std::fs::read_to_string(&reader));
    });
    // The reader may not have opened its end yet: the browser says so and the export is
    // simply asked for again, as a user would.
    let deadline = Instant::now() + scaled(Duration::from_secs(20));
    let msg = loop {
        let msg = export_to(&mut app, &mut store, &fifo);
        if !msg.contains("nothing reads") || Instant::now() > deadline {
            break msg;
        }
        std::thread::yield_now();
    };
    assert_eq!(msg, format!("exported 3 articles to {}", fifo.display()));
    let got = rx
        .recv_timeout(scaled(Duration::from_secs(20)))
        .unwrap()
        .unwrap();
    assert_eq!(got.lines().count(), 4, "header + 3 rows:\n{got}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
}

#[test]
fn a_symlink_stays_a_link() {
    let (mut app, mut store, dir) = triage_app(2);
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("brief.md");
    std::os::unix::fs::symlink("real.md", &link).unwrap();
    let msg = export_to(&mut app, &mut store, &link);
    // The link's target exists: the browser asks first.
    assert!(
        msg.ends_with("exists: Enter replaces it, or edit the name"),
        "{msg}"
    );
    app::update_with_store(&mut app, &mut store, Action::Submit);
    let msg = app.message.as_ref().unwrap().text.clone();
    assert_eq!(msg, format!("exported 2 articles to {}", link.display()));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .starts_with("# Triage brief")
    );
}

#[test]
fn an_existing_file_is_replaced_only_after_a_second_enter() {
    let (mut app, mut store, dir) = triage_app(2);
    let out = dir.path().join("brief.md");
    std::fs::write(&out, "finished brief").unwrap();
    let msg = export_to(&mut app, &mut store, &out);
    assert_eq!(
        msg,
        format!(
            "{} exists: Enter replaces it, or edit the name",
            out.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "finished brief");
    // The prompt is open again on the same name, for the same articles.
    let p = app.prompt.as_ref().expect("prompt reopened");
    assert_eq!(p.input.text, out.display().to_string());
    assert_eq!(p.targets.len(), 2);

    // Editing the name (here: away and back) asks again rather than replacing.
    app::update_with_store(&mut app, &mut store, Action::DeleteBack);
    app::update_with_store(&mut app, &mut store, Action::Insert('d'));
    app::update_with_store(&mut app, &mut store, Action::Submit);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "finished brief");
    assert!(app.prompt.is_some());

    // Enter on the name it asked about replaces the file.
    app::update_with_store(&mut app, &mut store, Action::Submit);
    assert!(app.prompt.is_none());
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("# Triage brief")
    );

    // Esc instead of Enter keeps the file.
    std::fs::write(&out, "second brief").unwrap();
    export_to(&mut app, &mut store, &out);
    app::update_with_store(&mut app, &mut store, Action::Cancel);
    assert!(app.prompt.is_none());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "second brief");
}

#[test]
fn a_tilde_in_the_export_prompt_is_the_home_folder() {
    let (mut app, mut store, _dir) = triage_app(2);
    let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()) else {
        return;
    };
    for a in [Action::Export, Action::ClearQuery] {
        app::update_with_store(&mut app, &mut store, a);
    }
    for c in "~/laporan/brief.md".chars() {
        app::update_with_store(&mut app, &mut store, Action::Insert(c));
    }
    // Not executed: the test must not write into the real home folder.
    match app::update(&mut app, Action::Submit) {
        app::Effect::Triage(app::triage::TriageCmd::Export { path, .. }) => {
            assert_eq!(path, home.join("laporan/brief.md"));
        }
        other => panic!("{other:?}"),
    }
}
