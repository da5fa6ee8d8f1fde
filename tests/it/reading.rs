//! Room to read: the list's columns, the filter column hidden with `F`, the reader (`v`) with
//! next/previous article (`J`/`K`), and an article's text on a 60x20 terminal.

use insta::assert_snapshot;

use crate::common::screen::screen;
use warta::app::{self, Action, App, Focus};
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::loader::{self, CacheMode, LoadOptions};

fn seeds() -> Corpus {
    loader::load(
        &loader::embedded_inputs(),
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    )
    .corpus
}

fn app_at(width: u16, height: u16) -> App {
    let mut app = App::new(seeds(), Keymap::default().key_help());
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(width, height));
    app::search_now(&mut app);
    app
}

fn step(app: &mut App, actions: &[Action]) {
    for a in actions {
        app::update_sync(app, a.clone());
    }
}

/// The first words of the body of the article under the cursor.
fn body_start(app: &App) -> String {
    let index = app.selected().expect("an article");
    let body = app.corpus.body(index).expect("a body");
    body.body[0]
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn cut_titles_end_in_an_ellipsis_and_the_outlet_shows_at_120() {
    let app = app_at(120, 40);
    let s = screen(&app);
    // The list's rows: date, outlet and the title cut with "…".
    let row = s.lines().find(|l| l.contains("2024-06-19")).expect("a row");
    assert!(row.contains("Sumeks.co"), "{row}");
    assert!(row.contains("Pemkab OKI Minta OPD Ting"), "{row}");
    assert!(row.contains('…'), "{row}");
}

#[test]
fn f_hides_the_filter_column_and_the_list_takes_its_room() {
    let mut app = app_at(120, 40);
    let before = app.panes().expect("panes");
    assert!(before.filters.is_some());
    step(&mut app, &[Action::ToggleFilterColumn]);
    let after = app.panes().expect("panes");
    assert!(after.filters.is_none(), "{after:?}");
    assert!(after.list.width > before.list.width + 10, "{after:?}");
    // `f` still reaches the filters, as an overlay.
    step(&mut app, &[Action::ToggleFilters]);
    assert_eq!(app.focus, Focus::Filters);
    assert!(app.panes().expect("panes").filters_overlay);
    step(&mut app, &[Action::Back, Action::ToggleFilterColumn]);
    assert!(app.panes().expect("panes").filters.is_some());
    assert!(!app.panes().expect("panes").filters_overlay);
}

#[test]
fn the_hidden_filter_column_is_kept_in_the_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("session.json");
    let mut app = app_at(120, 40);
    step(&mut app, &[Action::ToggleFilterColumn]);
    app::session::save(&app, &path).expect("save");
    let mut again = app_at(120, 40);
    assert!(again.panes().expect("panes").filters.is_some());
    app::session::restore(&mut again, &path).expect("restore");
    app::update(&mut again, Action::Resize(120, 40));
    assert!(again.panes().expect("panes").filters.is_none());
}

#[test]
fn the_reader_fills_the_screen_and_reads_on_with_j_and_k() {
    let mut app = app_at(120, 40);
    step(&mut app, &[Action::ToggleReader]);
    assert_eq!(app.focus, Focus::Detail);
    assert!(app.reading());
    let p = app.panes().expect("panes");
    assert_eq!((p.detail.x, p.detail.width), (0, 120));
    assert!(p.filters.is_none() && p.list.width == 0);
    let first = app.selected();
    let start = body_start(&app);
    assert!(screen(&app).contains(&start), "{}", screen(&app));
    // J opens the next article of the list, at its top; K goes back.
    step(&mut app, &[Action::PageDown, Action::NextArticle]);
    assert_ne!(app.selected(), first);
    assert_eq!(app.list.cursor, 1);
    assert_eq!(app.detail.scroll, 0);
    assert!(app.reading());
    let s = screen(&app);
    assert!(s.contains(&body_start(&app)), "{s}");
    assert!(s.contains(" 2/5 "), "{s}");
    step(&mut app, &[Action::PrevArticle]);
    assert_eq!(app.selected(), first);
    step(&mut app, &[Action::PrevArticle]);
    assert_eq!(app.selected(), first);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("first article"))
    );
    // `v` gives the panes back with the article still focused; Esc goes to the list.
    step(&mut app, &[Action::ToggleReader]);
    assert!(!app.reading() && app.focus == Focus::Detail);
    step(&mut app, &[Action::ToggleReader, Action::Back]);
    assert!(!app.reading() && app.focus == Focus::List);
    assert!(app.panes().expect("panes").filters.is_some());
    // Tab away and back: the panes, not the reader.
    step(
        &mut app,
        &[Action::ToggleReader, Action::FocusNext, Action::FocusPrev],
    );
    assert!(!app.reading());
}

#[test]
fn reading_on_marks_each_article_read() {
    let mut app = app_at(80, 24);
    let effects: Vec<_> = [Action::ToggleReader, Action::NextArticle]
        .into_iter()
        .map(|a| app::update(&mut app, a))
        .collect();
    for e in effects {
        assert!(matches!(e, app::Effect::Triage(_)), "{e:?}");
    }
}

#[test]
fn the_article_text_shows_at_60x20() {
    let mut app = app_at(60, 20);
    step(&mut app, &[Action::Open]);
    let s = screen(&app);
    assert!(s.contains(&body_start(&app)), "{s}");
    assert_snapshot!("opened_60x20", s);
    // The fields the short header leaves out follow the body.
    let doc = app.detail.doc.as_ref().expect("a document");
    assert!(doc.short);
    assert!(doc.lines.iter().any(|l| l.text().starts_with("Id ")));
    step(&mut app, &[Action::ToggleReader]);
    assert_snapshot!("reader_60x20", screen(&app));
}

#[test]
fn reader_at_80x24() {
    let mut app = app_at(80, 24);
    step(&mut app, &[Action::ToggleReader, Action::NextArticle]);
    assert_snapshot!("reader_80x24", screen(&app));
}

#[test]
fn an_empty_corpus_is_not_a_failed_search() {
    let mut app = App::new(
        Corpus::from_articles(Vec::new()),
        Keymap::default().key_help(),
    );
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(80, 24));
    app::search_now(&mut app);
    let s = screen(&app);
    assert!(s.contains("no articles here"), "{s}");
    assert!(!s.contains("no articles match"), "{s}");
    // A query that finds nothing is.
    let mut app = app_at(80, 24);
    app::update_sync(&mut app, Action::StartSearch);
    for c in "zzzqqq".chars() {
        app::update_sync(&mut app, Action::Insert(c));
    }
    app::update_sync(&mut app, Action::LeaveSearch);
    assert!(
        screen(&app).contains("no articles match"),
        "{}",
        screen(&app)
    );
}

#[test]
fn counts_on_screen_have_thousands_separators() {
    let articles = (0..1200)
        .map(|i| {
            let mut a = warta::model::Article::default();
            a.meta.id = format!("{i:016x}");
            a.meta.title = format!("Berita {i}");
            a
        })
        .collect();
    let mut app = App::new(
        Corpus::from_articles(articles),
        Keymap::default().key_help(),
    );
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(120, 40));
    app::search_now(&mut app);
    let s = screen(&app);
    assert!(s.contains("Articles 1,200/1,200"), "{s}");
    assert!(s.contains(" 1,200/1,200 · triaged 0/1,200"), "{s}");
    // The facet counts too ("unread 1,200").
    assert!(s.contains(" 1,200│"), "{s}");
}
