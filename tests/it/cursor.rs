//! Where the list's cursor goes when results change (pure `update()` and `App` transitions,
//! searches run inline): a changed query, filters or sort start on the first row; a load's
//! next chunk keeps the first row until the reader moves; once the reader has moved (or
//! opened, or a session restored an article), new results for the same view keep that
//! article under the cursor.

use std::sync::Arc;

use warta::app::search::{self, SearchRequest};
use warta::app::{self, Action, App, update};
use warta::cluster;
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::model::{Article, Date};
use warta::triage::Store;

/// Article `n` of a day-by-day run: the higher `n`, the newer. Every fifth mentions
/// "banjir" in its title, every third in its body.
fn article(n: usize) -> Article {
    let mut a = Article::default();
    a.meta.id = format!("id-{n:04}");
    a.meta.source_path = format!("f/{n:04}.txt");
    let topic = if n.is_multiple_of(5) {
        "Banjir melanda"
    } else {
        "Rapat"
    };
    a.meta.title = format!("{topic} desa nomor {n}");
    a.meta.outlet = Some(
        if n.is_multiple_of(2) {
            "Genap"
        } else {
            "Ganjil"
        }
        .to_string(),
    );
    a.meta.published = Date::new(2024, 1 + (n / 28) as u8, 1 + (n % 28) as u8);
    let body = if n.is_multiple_of(3) {
        "Warga mengungsi karena banjir."
    } else {
        "Kepala desa memimpin rapat."
    };
    a.body.body = vec![body.to_string()];
    a
}

fn corpus_of(ns: impl IntoIterator<Item = usize>) -> Corpus {
    Corpus::from_articles(ns.into_iter().map(article).collect())
}

fn app_on(corpus: Corpus) -> App {
    let mut app = App::new(corpus, Keymap::default().key_help());
    update(&mut app, Action::Resize(120, 40));
    app::search_now(&mut app);
    app
}

fn step(app: &mut App, actions: &[Action]) {
    for a in actions {
        app::update_sync(app, a.clone());
    }
}

fn type_str(app: &mut App, s: &str) {
    step(app, &[Action::StartSearch]);
    for c in s.chars() {
        app::update_sync(app, Action::Insert(c));
    }
    step(app, &[Action::LeaveSearch]);
}

fn run(app: &mut App, req: &SearchRequest) {
    assert!(app.apply_results(search::execute(&app.corpus, req)));
}

fn selected_id(app: &App) -> String {
    app.selected()
        .map(|i| app.corpus.meta(i).id.clone())
        .unwrap_or_default()
}

/// The cursor is on the first row and the list scrolled to the top.
fn at_top(app: &App) -> bool {
    app.list.cursor == 0 && app.list.offset == 0 && !app.list.shown.is_empty()
}

/// Moves the cursor `rows` down with the keys, far enough that the list scrolls.
fn move_down(app: &mut App, rows: usize) {
    step(app, &vec![Action::MoveDown; rows]);
    assert_eq!(app.list.cursor, rows);
}

#[test]
fn a_typed_query_starts_on_its_first_result_scrolled_to_the_top() {
    let mut app = app_on(corpus_of(0..200));
    move_down(&mut app, 80);
    assert!(app.list.offset > 0, "scrolled down");
    type_str(&mut app, "banjir");
    assert!(app.list.shown.len() > 10, "{}", app.list.shown.len());
    assert!(
        at_top(&app),
        "cursor {} offset {}",
        app.list.cursor,
        app.list.offset
    );
    assert_eq!(app.selected(), Some(app.list.shown[0].index));
    // The detail shows the first result too.
    assert_eq!(
        app.detail.doc.as_ref().map(|d| d.index),
        Some(app.list.shown[0].index)
    );
    // Moving again, then editing the query (a character deleted): the first row again.
    move_down(&mut app, 20);
    step(&mut app, &[Action::StartSearch, Action::DeleteBack]);
    assert!(at_top(&app));
    // Esc in the list clears the query: the whole corpus, from its newest article.
    step(
        &mut app,
        &[Action::LeaveSearch, Action::MoveDown, Action::Back],
    );
    assert_eq!(app.search.input, "");
    assert!(at_top(&app));
    assert_eq!(selected_id(&app), "id-0199");
}

#[test]
fn a_new_sort_or_filter_starts_on_the_first_row() {
    let mut app = app_on(corpus_of(0..120));
    move_down(&mut app, 50);
    step(&mut app, &[Action::CycleSort]);
    assert_eq!(app.search.sort, warta::query::Sort::DateAsc);
    assert!(at_top(&app));
    assert_eq!(selected_id(&app), "id-0000", "the oldest first");

    // A facet value toggled in the filters pane.
    move_down(&mut app, 30);
    step(&mut app, &[Action::ToggleFilters]);
    let value = app
        .filter_pane
        .rows
        .iter()
        .position(|r| matches!(r, app::FilterRow::Value { value, .. } if value == "Ganjil"))
        .expect("an outlet row");
    app.filter_pane.cursor = value;
    step(&mut app, &[Action::ToggleValue, Action::Back]);
    assert_eq!(app.list.shown.len(), 60);
    assert!(at_top(&app));
    assert_eq!(selected_id(&app), "id-0001");

    // Clearing the filters.
    move_down(&mut app, 10);
    step(&mut app, &[Action::ClearFilters]);
    assert_eq!(app.list.shown.len(), 120);
    assert!(at_top(&app));
}

/// A cold load installs a growing corpus chunk by chunk; files are not parsed newest first,
/// so newer articles keep arriving above the first chunk's.
#[test]
fn a_load_arriving_in_chunks_keeps_the_newest_article_on_the_first_row() {
    let mut app = app_on(corpus_of(0..40));
    assert_eq!(selected_id(&app), "id-0039");
    for end in [80, 150, 300] {
        let req = app.replace_corpus(corpus_of(0..end));
        assert!(at_top(&app), "at once, before the search answers");
        run(&mut app, &req);
        assert!(at_top(&app), "after {end} articles");
        assert_eq!(selected_id(&app), format!("id-{:04}", end - 1));
    }
    // Groups of copies arriving do not move it either.
    let (_, clusters) = cluster::cluster_corpus(&app.corpus);
    assert!(app.install_clusters(app.corpus.identity(), Arc::new(clusters)));
    assert!(at_top(&app));
}

#[test]
fn once_the_reader_moved_arrivals_keep_the_article_under_the_cursor() {
    let mut app = app_on(corpus_of(0..40));
    move_down(&mut app, 5);
    let chosen = selected_id(&app);
    assert_eq!(chosen, "id-0034");
    // A load's next chunk and a live reload both bring newer articles above it.
    let req = app.replace_corpus(corpus_of(0..100));
    assert_eq!(selected_id(&app), chosen, "at once");
    run(&mut app, &req);
    assert_eq!(selected_id(&app), chosen);
    assert_eq!(app.list.cursor, 65, "the article's new row");
    let old = app.corpus.clone();
    let new = corpus_of(0..110);
    let diff = warta::watch::diff(&old, &new);
    let req = app.reload_corpus(new, &diff);
    run(&mut app, &req);
    assert_eq!(selected_id(&app), chosen);
    assert_eq!(app.list.cursor, 75);
    // The same query searched again (what a triage change does) keeps it too.
    let mut store = Store::in_memory("test");
    app::update_with_store(&mut app, &mut store, Action::ToggleStar);
    assert!(app.state_of(app.selected().expect("a cursor")).starred);
    assert_eq!(selected_id(&app), chosen);
    // Then a new query: its first row.
    type_str(&mut app, "banjir");
    assert!(at_top(&app));
    // And arrivals after it keep the first row until the reader moves again.
    let req = app.replace_corpus(corpus_of(0..130));
    run(&mut app, &req);
    assert!(at_top(&app));
    assert_eq!(app.selected(), Some(app.list.shown[0].index));
}

#[test]
fn without_a_move_a_triage_change_keeps_the_first_row() {
    let mut app = app_on(corpus_of(0..40));
    let mut store = Store::in_memory("test");
    // Marking read re-runs the same search; nothing moved, so the first row it is.
    app::update_with_store(&mut app, &mut store, Action::ToggleRead);
    assert!(at_top(&app));
    // One-key triage moves on to the next undecided article: a move like any other, so
    // the article it moved to stays under the cursor when more arrive.
    app::update_with_store(&mut app, &mut store, Action::MarkRelevant);
    assert_eq!(app.list.cursor, 1);
    let next = selected_id(&app);
    let req = app.replace_corpus(corpus_of(0..60));
    run(&mut app, &req);
    assert_eq!(selected_id(&app), next);
    assert_eq!(app.list.cursor, 21);
}

#[test]
fn opening_reading_or_clicking_an_article_anchors_it_too() {
    // Enter on the first row: the reader is reading it, newer arrivals do not replace it.
    let mut app = app_on(corpus_of(0..40));
    step(&mut app, &[Action::Open]);
    let req = app.replace_corpus(corpus_of(0..50));
    run(&mut app, &req);
    assert_eq!(selected_id(&app), "id-0039");
    assert_eq!(app.list.cursor, 10);

    // Scrolling the detail of the first article.
    let mut app = app_on(corpus_of(0..40));
    step(&mut app, &[Action::FocusNext, Action::MoveDown]);
    let req = app.replace_corpus(corpus_of(0..50));
    run(&mut app, &req);
    assert_eq!(selected_id(&app), "id-0039");

    // A click on a list row (at 120x40 the list's rows start on screen row 2).
    let mut app = app_on(corpus_of(0..40));
    let list = app.panes().expect("a layout").list.inner();
    let click = |row: u16| {
        Action::Mouse(app::action::MouseInput {
            kind: app::action::MouseKind::Click,
            column: list.x + 2,
            row,
        })
    };
    step(&mut app, &[click(list.y + 3)]);
    assert_eq!(selected_id(&app), "id-0036");
    let req = app.replace_corpus(corpus_of(0..50));
    run(&mut app, &req);
    assert_eq!(selected_id(&app), "id-0036");
}

/// A session's saved article is the reader's: once found it stays under the cursor while
/// the load goes on.
#[test]
fn a_restored_session_article_stays_while_the_load_goes_on() {
    let mut app = App::new(corpus_of(0..20), Keymap::default().key_help());
    update(&mut app, Action::Resize(120, 40));
    app.arrivals.loading = true;
    app.arrivals.restore_cursor = Some("id-0030".to_string());
    app::search_now(&mut app);
    assert!(at_top(&app), "not parsed yet: the first row meanwhile");
    let req = app.replace_corpus(corpus_of(0..40));
    run(&mut app, &req);
    assert_eq!(selected_id(&app), "id-0030");
    let req = app.replace_corpus(corpus_of(0..90));
    run(&mut app, &req);
    assert_eq!(selected_id(&app), "id-0030");
    assert_eq!(app.list.cursor, 59);
}

/// A move before a session's article was found wins over it.
#[test]
fn a_move_forgets_the_session_article_still_being_looked_for() {
    let mut app = App::new(corpus_of(0..20), Keymap::default().key_help());
    update(&mut app, Action::Resize(120, 40));
    app.arrivals.loading = true;
    app.arrivals.restore_cursor = Some("id-0030".to_string());
    app::search_now(&mut app);
    move_down(&mut app, 2);
    let req = app.replace_corpus(corpus_of(0..40));
    run(&mut app, &req);
    assert_eq!(selected_id(&app), "id-0017");
}
