//! Daily use of the browser (issue 20): marks, messages, query history, undoable clears,
//! facets from the keyboard. Pure `update()` tests; searches and triage run inline.

use crate::common::app::{act, app_with, message};
use warta::app::{self, Action, App, update};
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::model::{Article, Date};
use warta::triage::{Mode as StoreMode, Store};

/// `n` articles, one per day, with two outlets and a region each from a list of `regions`.
fn corpus(n: usize) -> Corpus {
    let articles = (0..n)
        .map(|i| {
            let mut a = Article::default();
            a.meta.id = format!("{i:016x}");
            a.meta.title = format!("Berita {i}");
            a.meta.outlet = Some(if i % 2 == 0 { "Genap" } else { "Ganjil" }.to_string());
            a.meta.published = Date::new(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8);
            a.body.body = vec![format!("Isi berita {i}.")];
            a
        })
        .collect();
    Corpus::from_articles(articles)
}

fn triage_app(n: usize) -> (App, Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    assert_eq!(store.mode(), StoreMode::ReadWrite);
    let mut app = app_with(corpus(n), 100, 30);
    app::triage::install_store(&mut app, &store);
    (app, store, dir)
}

// ---- Item 8: messages ----

#[test]
fn a_background_notice_never_hides_what_the_user_was_told_and_all_are_logged() {
    use warta::app::MessageKind;
    let mut app = app_with(corpus(4), 100, 30);
    app.set_message(
        "corpus updated: 3 new, 1 changed, 2 removed",
        MessageKind::Info,
    );
    app.notice("2 stories with copies (5 articles)");
    assert_eq!(message(&app), "corpus updated: 3 new, 1 changed, 2 removed");
    // With nothing said, or only another notice, a notice shows.
    app.message = None;
    app.notice("1 story with copies (2 articles)");
    assert_eq!(message(&app), "1 story with copies (2 articles)");
    app.notice("3 stories with copies (7 articles)");
    assert_eq!(message(&app), "3 stories with copies (7 articles)");
    // Progress is shown but not logged.
    app.set_progress("parsing 1/2 files");
    let logged: Vec<String> = app
        .messages
        .entries
        .iter()
        .map(|(_, m)| m.text.clone())
        .collect();
    assert_eq!(
        logged,
        [
            "corpus updated: 3 new, 1 changed, 2 removed",
            "2 stories with copies (5 articles)",
            "1 story with copies (2 articles)",
            "3 stories with copies (7 articles)",
        ]
    );
    // `L` opens the log, newest first; it scrolls and closes like the help.
    update(&mut app, Action::ShowMessages);
    assert_eq!(app.mode, warta::app::Mode::Help);
    assert!(app.show_log);
    let lines = app.messages.lines(60);
    assert!(lines[0].0.contains("3 stories"), "{lines:?}");
    assert!(
        lines.last().unwrap().0.contains("corpus updated"),
        "{lines:?}"
    );
    update(&mut app, Action::ShowMessages);
    assert_eq!(app.mode, warta::app::Mode::Normal);
    update(&mut app, Action::ShowMessages);
    update(&mut app, Action::Back);
    assert_eq!(app.mode, warta::app::Mode::Normal);
    assert!(!app.show_log);
}

#[test]
fn the_log_is_bounded_and_wraps_long_messages() {
    let mut log = warta::app::messages::MessageLog::default();
    for i in 0..(warta::app::messages::LOG_CAP + 10) {
        log.push(&warta::app::Message {
            text: format!("message {i}"),
            kind: warta::app::MessageKind::Info,
            background: false,
        });
    }
    assert_eq!(log.entries.len(), warta::app::messages::LOG_CAP);
    let long = warta::app::Message {
        text: "kata ".repeat(30),
        kind: warta::app::MessageKind::Error,
        background: false,
    };
    log.push(&long);
    log.push(&long);
    assert_eq!(
        log.entries.len(),
        warta::app::messages::LOG_CAP,
        "no repeat"
    );
    let lines = log.lines(40);
    assert!(
        lines.iter().all(|(l, _)| l.chars().count() <= 40),
        "{lines:?}"
    );
    assert!(
        lines[0]
            .0
            .trim_start()
            .starts_with(&format!("{} kata", log.next))
    );
    assert!(lines[1].0.starts_with("     kata"), "{lines:?}");
}

// ---- Item 5: query history and undoable clears ----

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app::update_sync(app, Action::Insert(c));
    }
}

fn search_for(app: &mut App, q: &str) {
    app::update_sync(app, Action::StartSearch);
    app::update_sync(app, Action::ClearQuery);
    type_str(app, q);
    app::update_sync(app, Action::LeaveSearch);
}

#[test]
fn up_and_down_in_the_search_bar_walk_the_query_history() {
    let mut app = app_with(corpus(6), 100, 30);
    search_for(&mut app, "berita");
    search_for(&mut app, "outlet:genap");
    search_for(&mut app, "berita");
    assert_eq!(app.recall.history, ["outlet:genap", "berita"], "each once");
    app::update_sync(&mut app, Action::StartSearch);
    app::update_sync(&mut app, Action::ClearQuery);
    type_str(&mut app, "isi");
    app::update_sync(&mut app, Action::HistoryPrev);
    assert_eq!(app.search.input, "berita");
    app::update_sync(&mut app, Action::HistoryPrev);
    assert_eq!(app.search.input, "outlet:genap");
    // The results follow the query that came up.
    assert_eq!(app.list.matches.len(), 3);
    app::update_sync(&mut app, Action::HistoryPrev);
    assert_eq!(app.search.input, "outlet:genap", "the oldest stays");
    app::update_sync(&mut app, Action::HistoryNext);
    app::update_sync(&mut app, Action::HistoryNext);
    assert_eq!(app.search.input, "isi", "past the newest: what was typed");
    app::update_sync(&mut app, Action::HistoryNext);
    assert_eq!(app.search.input, "isi");
}

#[test]
fn the_keymap_walks_history_with_arrows_and_ctrl_p_n() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use warta::app::{Focus, Mode};
    let km = Keymap::default();
    let key = |c, m| km.resolve(Mode::Search, Focus::List, KeyEvent::new(c, m));
    assert_eq!(
        key(KeyCode::Up, KeyModifiers::NONE),
        Some(Action::HistoryPrev)
    );
    assert_eq!(
        key(KeyCode::Char('p'), KeyModifiers::CONTROL),
        Some(Action::HistoryPrev)
    );
    assert_eq!(
        key(KeyCode::Down, KeyModifiers::NONE),
        Some(Action::HistoryNext)
    );
    assert_eq!(
        key(KeyCode::Char('n'), KeyModifiers::CONTROL),
        Some(Action::HistoryNext)
    );
}

#[test]
fn the_history_is_saved_with_the_session_per_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let path = app::session::path_for(dir.path(), &[]);
    let mut a = app_with(corpus(6), 100, 30);
    search_for(&mut a, "berita");
    search_for(&mut a, "outlet:genap");
    app::session::save(&a, &path).unwrap();
    let mut b = app_with(corpus(6), 100, 30);
    assert_eq!(app::session::restore(&mut b, &path), Ok(true));
    assert_eq!(b.recall.history, ["berita", "outlet:genap"]);
    // Another corpus has its own.
    let other = app::session::path_for(dir.path(), &[dir.path().to_path_buf()]);
    assert_ne!(other, path);
    // A hand-edited entry is cleaned like typed text.
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace("\"berita\"", "\"ber\\u001b[31mita\"");
    std::fs::write(&path, text).unwrap();
    let mut c = app_with(corpus(6), 100, 30);
    assert_eq!(app::session::restore(&mut c, &path), Ok(true));
    assert!(c.recall.history.iter().all(|q| !q.contains('\u{1b}')));
}

#[test]
fn esc_and_c_are_undone_by_u_in_one_order_with_triage() {
    use warta::facets::Facet;
    let (mut app, mut store, _dir) = triage_app(6);
    search_for(&mut app, "berita");
    app.search.filters.toggle(Facet::Outlet, "Genap");
    app::search_now(&mut app);
    assert_eq!(app.list.matches.len(), 3);
    // A decision, then `c`, then Esc: `u` undoes them newest first.
    act(&mut app, &mut store, &[Action::MarkRelevant]);
    act(&mut app, &mut store, &[Action::ClearFilters]);
    assert!(app.search.filters.is_empty());
    act(&mut app, &mut store, &[Action::Back]);
    assert_eq!(app.search.input, "");
    assert_eq!(app.list.matches.len(), 6);
    assert!(app.recall.history.contains(&"berita".to_string()));
    act(&mut app, &mut store, &[Action::Undo]);
    assert_eq!(app.search.input, "berita");
    assert_eq!(app.search.query.source(), "berita");
    assert!(app.search.filters.is_empty());
    assert!(
        message(&app).starts_with("undone: cleared the query"),
        "{}",
        message(&app)
    );
    act(&mut app, &mut store, &[Action::Undo]);
    assert!(app.search.filters.is_selected(Facet::Outlet, "Genap"));
    assert_eq!(app.list.matches.len(), 3);
    assert_eq!(message(&app), "undone: cleared 1 filter");
    assert_eq!(
        app.triage.progress.relevant, 1,
        "the decision is still there"
    );
    act(&mut app, &mut store, &[Action::Undo]);
    assert_eq!(app.triage.progress.relevant, 0, "then the decision");
    assert_eq!(message(&app), "undone: marked 1 article relevant");
    // Redo goes forward in the same order.
    act(&mut app, &mut store, &[Action::Redo]);
    assert_eq!(app.triage.progress.relevant, 1);
    act(&mut app, &mut store, &[Action::Redo]);
    assert!(app.search.filters.is_empty());
    act(&mut app, &mut store, &[Action::Redo]);
    assert_eq!(app.search.input, "");
    // A triage change after a clear comes first.
    act(&mut app, &mut store, &[Action::Undo, Action::Undo]);
    assert!(!app.search.filters.is_empty());
    act(
        &mut app,
        &mut store,
        &[Action::ClearFilters, Action::ToggleStar],
    );
    act(&mut app, &mut store, &[Action::Undo]);
    assert!(app.search.filters.is_empty(), "the star is undone first");
    assert!(
        message(&app).contains("unstarred") || message(&app).contains("star"),
        "{}",
        message(&app)
    );
    act(&mut app, &mut store, &[Action::Undo]);
    assert!(!app.search.filters.is_empty());
}

// ---- Item 4: facets from the keyboard ----

use warta::app::{FilterRow, Focus, Mode};
use warta::facets::Facet;

/// `n` articles over 40 datelines and 2 outlets: a facet longer than any pane.
fn wide_corpus(n: usize) -> Corpus {
    let articles = (0..n)
        .map(|i| {
            let mut a = Article::default();
            a.meta.id = format!("{i:016x}");
            a.meta.title = format!("Berita {i}");
            a.meta.outlet = Some(if i % 3 == 0 { "Tiga" } else { "Lain" }.to_string());
            a.meta.dateline = Some(format!("Kota {:02}", i % 40));
            a.meta.published = Date::new(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8);
            a.body.body = vec![format!("Isi berita {i}.")];
            a
        })
        .collect();
    Corpus::from_articles(articles)
}

fn filters_app() -> App {
    let mut app = app_with(wide_corpus(200), 120, 30);
    app::update_sync(&mut app, Action::ToggleFilters);
    assert_eq!(app.focus, Focus::Filters);
    app
}

fn cursor_value(app: &App) -> (Facet, String) {
    match &app.filter_pane.rows[app.filter_pane.cursor] {
        FilterRow::Value { facet, value, .. } => (*facet, value.clone()),
        other => panic!("cursor on {other:?}"),
    }
}

#[test]
fn brackets_jump_between_facets_wrapping_around() {
    let mut app = filters_app();
    let facets: Vec<Facet> = app.filter_pane.facets.iter().map(|(f, _)| *f).collect();
    assert!(facets.len() >= 3, "{facets:?}");
    assert_eq!(cursor_value(&app).0, facets[0]);
    for want in facets.iter().skip(1).chain(std::iter::once(&facets[0])) {
        app::update_sync(&mut app, Action::NextFacet);
        assert_eq!(cursor_value(&app).0, *want);
    }
    app::update_sync(&mut app, Action::PrevFacet);
    assert_eq!(cursor_value(&app).0, *facets.last().unwrap());
    // The facet's heading is on screen with its first value.
    let heading = app.filter_pane.cursor - 1;
    assert!(app.filter_pane.offset <= heading);
}

#[test]
fn slash_in_the_filters_narrows_every_facet_as_you_type() {
    let mut app = filters_app();
    app::update_sync(&mut app, Action::FindInFacets);
    assert_eq!(app.mode, Mode::Prompt);
    type_str(&mut app, "kota 1");
    let values: Vec<String> = app
        .filter_pane
        .rows
        .iter()
        .filter_map(|r| match r {
            FilterRow::Value { value, .. } => Some(value.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(values.len(), 10, "{values:?}");
    assert!(values.iter().all(|v| v.starts_with("Kota 1")));
    assert_eq!(cursor_value(&app).0, Facet::Dateline);
    // Enter keeps the narrowing; space toggles the value under the cursor.
    app::update_sync(&mut app, Action::Submit);
    assert_eq!((app.mode, app.focus), (Mode::Normal, Focus::Filters));
    let (_, v) = cursor_value(&app);
    app::update_sync(&mut app, Action::ToggleValue);
    assert!(app.search.filters.is_selected(Facet::Dateline, &v));
    assert_eq!(
        app.filter_pane.narrow, "kota 1",
        "the narrowing stays after a search"
    );
    // Esc drops the narrowing first, then closes the pane.
    app::update_sync(&mut app, Action::Back);
    assert!(app.filter_pane.narrow.is_empty());
    assert!(app.filter_pane.rows.len() > 40);
    assert_eq!(app.focus, Focus::Filters);
}

#[test]
fn a_toggled_value_keeps_its_place_and_counts_update_in_place() {
    let mut app = filters_app();
    // To the dateline facet, a few values down.
    while cursor_value(&app).0 != Facet::Dateline {
        app::update_sync(&mut app, Action::NextFacet);
    }
    for _ in 0..3 {
        app::update_sync(&mut app, Action::MoveDown);
    }
    let before = cursor_value(&app);
    let rows_before = app.filter_pane.rows.len();
    let pos = app.filter_pane.cursor;
    let order = |app: &App| -> Vec<(Facet, String)> {
        app.filter_pane
            .rows
            .iter()
            .filter_map(|r| match r {
                FilterRow::Value { facet, value, .. } => Some((*facet, value.clone())),
                _ => None,
            })
            .collect()
    };
    let order_before = order(&app);
    // Selecting one dateline changes every outlet's count (Tiga / Lain) but moves nothing.
    app::update_sync(&mut app, Action::ToggleValue);
    assert_eq!(app.filter_pane.cursor, pos);
    assert_eq!(cursor_value(&app), before);
    assert_eq!(
        app.filter_pane.rows.len(),
        rows_before,
        "values keep their rows"
    );
    assert_eq!(order(&app), order_before);
    // A value with nothing left stays, counted 0.
    let zero = app.filter_pane.rows.iter().any(|r| {
        matches!(
            r,
            FilterRow::Value {
                facet: Facet::Month,
                count: 0,
                ..
            }
        )
    });
    assert!(zero, "{:?}", app.filter_pane.rows);
    // Off again: the same place.
    app::update_sync(&mut app, Action::ToggleValue);
    assert_eq!(cursor_value(&app), before);
    // A new query orders afresh (and drops the zeros).
    search_for(&mut app, "berita");
    assert!(
        !app.filter_pane
            .rows
            .iter()
            .any(|r| matches!(r, FilterRow::Value { count: 0, .. }))
    );
}

#[test]
fn the_heading_of_the_facet_being_scrolled_stays_on_top() {
    let mut app = filters_app();
    while cursor_value(&app).0 != Facet::Dateline {
        app::update_sync(&mut app, Action::NextFacet);
    }
    assert_eq!(
        app.pinned_heading(),
        None,
        "its heading is the first row shown"
    );
    for _ in 0..30 {
        app::update_sync(&mut app, Action::MoveDown);
    }
    assert_eq!(app.pinned_heading(), Some(Facet::Dateline));
    // The cursor row is visible under the pinned heading: on a line from 1 on.
    let line = (0..app.filter_height())
        .find(|&l| app.filter_row_at(l) == Some(app.filter_pane.cursor))
        .expect("cursor on screen");
    assert!(line >= 1);
    assert_eq!(app.filter_row_at(0), None, "the top line is the heading");
    // Drawn: the top line of the pane's list says which facet and how far.
    let screen = render(&app, 120, 30);
    assert!(
        screen
            .iter()
            .any(|l| l.contains("Dateline · ") && l.contains(" of 40")),
        "{}",
        screen.join("\n")
    );
}

fn render(app: &App, w: u16, h: u16) -> Vec<String> {
    let backend = ratatui::backend::TestBackend::new(w, h);
    let mut term = ratatui::Terminal::new(backend).unwrap();
    term.draw(|f| warta::ui::render(f, app)).unwrap();
    let buf = term.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect()
}

// ---- Snapshots at 80x24 and a narrow size ----

fn screen(app: &App) -> String {
    render(app, app.width, app.height)
        .into_iter()
        .map(|l| l.trim_end().to_string() + "\n")
        .collect()
}

fn snap_app(w: u16, h: u16) -> App {
    let mut app = app_with(wide_corpus(200), w, h);
    app.settings.no_color = true;
    app
}

#[test]
fn a_long_message_keeps_the_count_and_drops_the_rest_first() {
    use warta::app::MessageKind;
    for (w, h) in [(80, 24), (50, 16)] {
        let mut app = snap_app(w, h);
        app.set_message(
            "corpus updated: 3 new, 1 changed, 2 removed; search is:new to list what arrived",
            MessageKind::Info,
        );
        let s = screen(&app);
        let status = s.lines().last().unwrap().to_string();
        // The counts make way for the message until it has half the line: "relevant ·
        // maybe" goes, "triaged" stays; the message is cut last, with an ellipsis.
        assert!(
            status.starts_with(" 200/200 · triaged 0/200 · corpus updated"),
            "{status}"
        );
        assert!(!status.contains("relevant"), "{status}");
        assert!(status.trim_end().ends_with('…'), "{status}");
        insta::assert_snapshot!(format!("status_long_message_{w}x{h}"), status);
        // A short message leaves room for the progress counts.
        app.set_message("sorted by oldest", MessageKind::Info);
        let s = screen(&app);
        let status = s.lines().last().unwrap();
        assert!(status.contains(" · triaged 0/200 · "), "{status}");
        assert!(status.contains("sorted by oldest"), "{status}");
    }
}

#[test]
fn the_message_log_and_the_pinned_heading_snapshots() {
    use warta::app::MessageKind;
    for (w, h) in [(80, 24), (50, 16)] {
        let mut app = snap_app(w, h);
        app.set_message("loaded 200 articles from 1 file", MessageKind::Info);
        app.notice("12 stories with copies (31 articles)");
        app.set_message(
            "corpus updated: 3 new, 1 changed, 2 removed; search is:new to list what arrived",
            MessageKind::Info,
        );
        app.set_message(
            "cannot export to /nope/x.csv: no such directory",
            MessageKind::Error,
        );
        update(&mut app, Action::ShowMessages);
        insta::assert_snapshot!(format!("message_log_{w}x{h}"), screen(&app));
        update(&mut app, Action::Back);
        app::update_sync(&mut app, Action::ToggleFilters);
        while cursor_value(&app).0 != Facet::Dateline {
            app::update_sync(&mut app, Action::NextFacet);
        }
        for _ in 0..25 {
            app::update_sync(&mut app, Action::MoveDown);
        }
        assert_eq!(app.pinned_heading(), Some(Facet::Dateline));
        insta::assert_snapshot!(format!("filters_pinned_{w}x{h}"), screen(&app));
    }
}
