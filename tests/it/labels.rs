//! Labels typed in the browser's label prompt (`t`): several labels in one line, commas.

use warta::app::{self, Action, App, Mode, update};
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::model::Article;
use warta::triage::Store;

fn triage_app(n: usize) -> (App, Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("data"));
    let articles = (0..n)
        .map(|i| {
            let mut a = Article::default();
            a.meta.id = format!("{i:016x}");
            a.meta.title = format!("Article {i}");
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

/// `t`, the line, Enter: the labels of the cursor's article after it.
fn label(app: &mut App, store: &mut Store, line: &str) -> Vec<String> {
    app::update_with_store(app, store, Action::EditLabels);
    for c in line.chars() {
        app::update_with_store(app, store, Action::Insert(c));
    }
    app::update_with_store(app, store, Action::Submit);
    let index = app.list.shown[app.list.cursor].index;
    app.state_of(index).labels.into_iter().collect()
}

#[test]
fn one_line_adds_and_removes_several_labels() {
    let (mut app, mut store, _dir) = triage_app(2);
    assert_eq!(label(&mut app, &mut store, "+satu +dua"), ["dua", "satu"]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(
        label(&mut app, &mut store, "banjir, medsos"),
        ["banjir", "dua", "medsos", "satu"]
    );
    // A word without a sign joins the label before it; a comma or a sign starts the next.
    assert_eq!(
        label(&mut app, &mut store, "-satu -dua, banjir bandang +longsor"),
        ["banjir", "banjir bandang", "longsor", "medsos"]
    );
    // Commas always separate, so no label holds one; empty pieces are ignored.
    assert_eq!(
        label(&mut app, &mut store, "-banjir,,-medsos, "),
        ["banjir bandang", "longsor"]
    );
    // Undo takes back one label at a time, latest first.
    app::update_with_store(&mut app, &mut store, Action::Undo);
    let index = app.list.shown[app.list.cursor].index;
    let now: Vec<String> = app.state_of(index).labels.into_iter().collect();
    assert_eq!(now, ["banjir bandang", "longsor", "medsos"]);
}

#[test]
fn tab_completes_the_last_label_of_the_line() {
    let (mut app, mut store, _dir) = triage_app(2);
    label(&mut app, &mut store, "prioritas, medsos");
    app::update_with_store(&mut app, &mut store, Action::MoveDown);
    app::update_with_store(&mut app, &mut store, Action::EditLabels);
    for c in "banjir, pri".chars() {
        app::update_with_store(&mut app, &mut store, Action::Insert(c));
    }
    app::update_with_store(&mut app, &mut store, Action::Complete);
    assert_eq!(app.prompt.as_ref().unwrap().input.text, "banjir, prioritas");
    app::update_with_store(&mut app, &mut store, Action::ClearQuery);
    for c in "+banjir +me".chars() {
        app::update_with_store(&mut app, &mut store, Action::Insert(c));
    }
    app::update_with_store(&mut app, &mut store, Action::Complete);
    assert_eq!(app.prompt.as_ref().unwrap().input.text, "+banjir +medsos");
}
