//! Pure `update()` tests: no terminal, searches run inline through `update_sync`.

use warta::app::{self, Action, App, Effect, FilterRow, Focus, Mode, update};
use warta::config;
use warta::corpus::Corpus;
use warta::keymap::{Key, KeyMode, Keymap};
use warta::loader::{self, CacheMode, LoadOptions};
use warta::model::{Article, Date};
use warta::query::Sort;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn seeds() -> Corpus {
    loader::load(
        &loader::embedded_inputs(),
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    )
    .corpus
}

/// `n` articles, one per day, article i titled "Article i" with a long body.
fn synthetic(n: usize) -> Corpus {
    let articles = (0..n)
        .map(|i| {
            let mut a = Article::default();
            a.meta.id = format!("{i:016x}");
            a.meta.title = format!("Article {i}");
            a.meta.outlet = Some(if i % 2 == 0 { "Even" } else { "Odd" }.to_string());
            a.meta.published = Date::new(2024, 1 + (i % 12) as u8, 1 + (i % 28) as u8);
            a.body.body = (0..40)
                .map(|p| format!("Paragraph {p} of article {i}."))
                .collect();
            a
        })
        .collect();
    Corpus::from_articles(articles)
}

fn app_with(corpus: Corpus, w: u16, h: u16) -> App {
    let mut app = App::new(corpus, Keymap::default().key_help());
    update(&mut app, Action::Resize(w, h));
    app::search_now(&mut app);
    app
}

fn step(app: &mut App, actions: &[Action]) {
    for &a in actions {
        app::update_sync(app, a);
    }
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app::update_sync(app, Action::Insert(c));
    }
}

#[test]
fn list_navigation_is_bounded_and_pages() {
    let mut app = app_with(synthetic(100), 80, 24);
    let page = app.list_height();
    assert_eq!(app.cursor, 0);
    step(&mut app, &[Action::MoveUp]);
    assert_eq!(app.cursor, 0, "no wrap above the top");
    step(&mut app, &[Action::MoveDown, Action::MoveDown]);
    assert_eq!(app.cursor, 2);
    step(&mut app, &[Action::PageDown]);
    assert_eq!(app.cursor, 2 + page);
    step(&mut app, &[Action::HalfPageUp]);
    assert_eq!(app.cursor, 2 + page - page / 2);
    step(&mut app, &[Action::Bottom]);
    assert_eq!(app.cursor, 99);
    assert!(
        app.list_offset + page > 99 && app.list_offset <= 99,
        "cursor row visible"
    );
    step(&mut app, &[Action::MoveDown, Action::PageDown]);
    assert_eq!(app.cursor, 99, "no wrap below the bottom");
    step(&mut app, &[Action::Top]);
    assert_eq!((app.cursor, app.list_offset), (0, 0));
}

#[test]
fn detail_scrolls_independently() {
    let mut app = app_with(synthetic(3), 80, 24);
    step(&mut app, &[Action::Open]);
    assert_eq!(app.focus, Focus::Detail);
    step(&mut app, &[Action::MoveDown, Action::MoveDown]);
    assert_eq!((app.detail_scroll, app.cursor), (2, 0));
    step(&mut app, &[Action::Bottom]);
    assert_eq!(app.detail_scroll, app.max_detail_scroll());
    assert!(app.detail_scroll > 0);
    step(&mut app, &[Action::PageDown]);
    assert_eq!(app.detail_scroll, app.max_detail_scroll());
    step(&mut app, &[Action::Top, Action::Back]);
    assert_eq!((app.detail_scroll, app.focus), (0, Focus::List));
    // Moving to another article starts it at the top.
    step(
        &mut app,
        &[
            Action::Open,
            Action::PageDown,
            Action::Back,
            Action::MoveDown,
        ],
    );
    assert_eq!(app.detail_scroll, 0);
}

#[test]
fn next_match_jumps_to_highlighted_lines() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "tiktok");
    step(&mut app, &[Action::LeaveSearch, Action::Open]);
    let matches = app.detail.as_ref().unwrap().matches.clone();
    assert!(matches.len() > 2, "{matches:?}");
    step(&mut app, &[Action::NextMatch]);
    let first = app.detail_scroll;
    assert!(matches.contains(&first) || first == app.max_detail_scroll());
    step(&mut app, &[Action::NextMatch]);
    assert!(app.detail_scroll > first);
    step(&mut app, &[Action::PrevMatch]);
    assert_eq!(app.detail_scroll, first);
}

#[test]
fn focus_cycles_through_visible_panes() {
    let mut app = app_with(synthetic(5), 80, 24);
    step(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Focus::Detail);
    step(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus, Focus::List, "filters hidden below 120 columns");
    step(&mut app, &[Action::FocusPrev]);
    assert_eq!(app.focus, Focus::Detail);

    let mut wide = app_with(synthetic(5), 120, 40);
    step(&mut wide, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(wide.focus, Focus::Filters);
    step(&mut wide, &[Action::FocusNext]);
    assert_eq!(wide.focus, Focus::List);
    step(&mut wide, &[Action::FocusPrev]);
    assert_eq!(wide.focus, Focus::Filters);
}

#[test]
fn search_typing_backspace_and_escape() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::StartSearch]);
    assert_eq!(app.mode, Mode::Search);
    let e = app::update(&mut app, Action::Insert('t'));
    assert!(matches!(e, Effect::Search(_)), "typing searches");
    assert_eq!(app.input, "t", "the typed char shows before results arrive");
    type_str(&mut app, "iktok\u{1b}\u{202e}");
    app::search_now(&mut app);
    assert_eq!(
        app.input, "tiktok",
        "control and bidi chars are not accepted"
    );
    assert!(app.hits.len() < 5 && !app.hits.is_empty());
    assert_eq!(
        app.sort,
        Sort::Relevance,
        "a scoring query ranks by relevance"
    );
    step(&mut app, &[Action::DeleteBack, Action::DeleteBack]);
    assert_eq!(app.input, "tikt");
    step(
        &mut app,
        &[Action::CursorHome, Action::DeleteForward, Action::CursorEnd],
    );
    assert_eq!((app.input.as_str(), app.input_cursor), ("ikt", 3));
    step(&mut app, &[Action::Back]);
    assert_eq!(app.mode, Mode::Normal, "esc leaves the bar");
    assert_eq!(app.input, "ikt", "and keeps the query");
    step(&mut app, &[Action::Back]);
    assert_eq!(app.input, "", "a second esc in the list clears it");
    assert_eq!(app.hits.len(), 5);
    assert_eq!(app.sort, Sort::DateDesc);
}

#[test]
fn invalid_query_keeps_previous_results() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "tiktok");
    let before = app.hits.clone();
    type_str(&mut app, " |");
    let msg = app.message.clone().expect("an error message");
    assert_eq!(msg.kind, app::MessageKind::Error);
    assert!(msg.text.contains("invalid query"), "{}", msg.text);
    assert_eq!(app.hits, before);
    type_str(&mut app, " medsos");
    assert!(app.message.is_none(), "a valid edit clears the error");
}

#[test]
fn stale_results_are_dropped() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::StartSearch]);
    let Effect::Search(old) = app::update(&mut app, Action::Insert('x')) else {
        panic!("expected a search");
    };
    let Effect::Search(new) = app::update(&mut app, Action::DeleteBack) else {
        panic!("expected a search");
    };
    let stale = app::search::execute(&app.corpus, &old);
    assert!(!app.apply_results(stale));
    assert!(app.apply_results(app::search::execute(&app.corpus, &new)));
    assert_eq!(app.hits.len(), 5);
}

#[test]
fn filters_toggle_and_clear() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::ToggleFilters]);
    assert_eq!((app.focus, app.filters_open), (Focus::Filters, true));
    let Some(FilterRow::Value { value, count, .. }) =
        app.filter_rows.get(app.filter_cursor).cloned()
    else {
        panic!("cursor on a value row")
    };
    step(&mut app, &[Action::ToggleValue]);
    assert_eq!(app.hits.len(), count);
    assert!(app.filters.selected.values().any(|s| s.contains(&value)));
    // OR within a facet: a second outlet adds its articles.
    step(&mut app, &[Action::MoveDown, Action::ToggleValue]);
    assert_eq!(app.hits.len(), 2);
    // Untoggle by toggling again.
    step(&mut app, &[Action::ToggleValue]);
    assert_eq!(app.hits.len(), 1);
    step(&mut app, &[Action::ClearFilters]);
    assert!(app.filters.is_empty());
    assert_eq!(app.hits.len(), 5);
    step(&mut app, &[Action::Back]);
    assert_eq!((app.focus, app.filters_open), (Focus::List, false));
}

#[test]
fn filter_cursor_skips_headings() {
    let mut app = app_with(seeds(), 120, 40);
    step(&mut app, &[Action::ToggleFilters]);
    for _ in 0..30 {
        step(&mut app, &[Action::MoveDown]);
        assert!(matches!(
            app.filter_rows[app.filter_cursor],
            FilterRow::Value { .. }
        ));
    }
    step(&mut app, &[Action::Top]);
    assert!(matches!(
        app.filter_rows[app.filter_cursor],
        FilterRow::Value { .. }
    ));
}

#[test]
fn sort_cycles_and_offers_relevance_only_with_a_query() {
    let mut app = app_with(synthetic(10), 80, 24);
    let mut seen = vec![app.sort];
    for _ in 0..4 {
        step(&mut app, &[Action::CycleSort]);
        seen.push(app.sort);
    }
    assert_eq!(
        seen,
        [
            Sort::DateDesc,
            Sort::DateAsc,
            Sort::Outlet,
            Sort::Title,
            Sort::DateDesc
        ]
    );
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "article");
    step(&mut app, &[Action::LeaveSearch]);
    assert_eq!(app.sort, Sort::Relevance);
    let mut cycle = Vec::new();
    for _ in 0..5 {
        step(&mut app, &[Action::CycleSort]);
        cycle.push(app.sort);
    }
    assert!(cycle.contains(&Sort::Relevance));
    assert_eq!(cycle.len(), 5);
}

#[test]
fn cursor_stays_on_the_same_article_when_results_change() {
    let mut app = app_with(synthetic(20), 80, 24);
    step(
        &mut app,
        &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
    );
    let chosen = app.selected().unwrap();
    step(&mut app, &[Action::CycleSort]);
    assert_eq!(app.selected(), Some(chosen), "re-sorting keeps the article");
    assert_ne!(app.cursor, 3, "though at another row");
    // A filter that excludes it moves the cursor to the first row.
    let outlet = app.corpus.meta(chosen).outlet.clone().unwrap();
    let other = if outlet == "Even" { "Odd" } else { "Even" };
    app.filters.toggle(warta::facets::Facet::Outlet, other);
    let req = app.request();
    app.apply_results(app::search::execute(&app.corpus, &req));
    assert_eq!(app.cursor, 0);
    assert_ne!(app.selected(), Some(chosen));
}

#[test]
fn help_toggles_and_quit_quits() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.mode, Mode::Help);
    step(&mut app, &[Action::MoveDown, Action::Bottom]);
    assert!(app.help_scroll > 0 && app.help_scroll < app.help_len());
    step(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.mode, Mode::Normal);
    assert!(matches!(app::update(&mut app, Action::Quit), Effect::Quit));
}

#[test]
fn resize_keeps_cursor_visible() {
    let mut app = app_with(synthetic(100), 120, 40);
    step(&mut app, &[Action::Bottom]);
    step(&mut app, &[Action::Resize(50, 16)]);
    let h = app.list_height();
    assert!(app.list_offset <= app.cursor && app.cursor < app.list_offset + h);
    step(
        &mut app,
        &[Action::Resize(0, 0), Action::Resize(1, 1), Action::MoveUp],
    );
    assert_eq!(app.cursor, 98);
}

// ---- keymap ----

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn default_keymap_has_no_duplicates_and_reaches_every_action() {
    let map = Keymap::default();
    for mode in KeyMode::ALL {
        let table = map.table(mode);
        for (i, (k, _)) in table.iter().enumerate() {
            assert!(
                table[i + 1..].iter().all(|(k2, _)| k2 != k),
                "{k} bound twice in {}",
                mode.name()
            );
        }
    }
    // Every default entry survives (no key silently overwritten in the const table).
    let text = config::default_config_toml();
    let entries = text.lines().filter(|l| l.contains(" = ")).count();
    let total: usize = KeyMode::ALL.iter().map(|m| map.table(*m).len()).sum();
    assert_eq!(entries, total);
    for action in Action::BINDABLE {
        assert!(
            KeyMode::ALL
                .iter()
                .any(|&m| !map.keys_for(m, action).is_empty()),
            "{action:?} has no key"
        );
    }
}

#[test]
fn keymap_resolves_by_mode_and_focus() {
    let map = Keymap::default();
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(
        map.resolve(Mode::Normal, Focus::List, j),
        Some(Action::MoveDown)
    );
    assert_eq!(
        map.resolve(Mode::Search, Focus::List, j),
        Some(Action::Insert('j'))
    );
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        map.resolve(Mode::Normal, Focus::Detail, q),
        Some(Action::Quit)
    );
    assert_eq!(
        map.resolve(Mode::Search, Focus::List, q),
        Some(Action::Insert('q'))
    );
    let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for mode in [Mode::Normal, Mode::Search, Mode::Help] {
        assert_eq!(
            map.resolve(mode, Focus::Filters, ctrl_c),
            Some(Action::Quit)
        );
    }
    let big_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(
        map.resolve(Mode::Normal, Focus::Detail, big_g),
        Some(Action::Bottom)
    );
    let backtab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(
        map.resolve(Mode::Normal, Focus::List, backtab),
        Some(Action::FocusPrev)
    );
}

#[test]
fn config_overrides_a_key() {
    let cfg = config::parse(
        "[keys.list]\n\"ctrl-n\" = \"move_down\"\n\"j\" = \"none\"\n[keys.global]\n\"Q\" = \"quit\"\n",
        "test.toml",
    );
    assert!(cfg.warnings.is_empty(), "{:?}", cfg.warnings);
    let ctrl_n = press(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(
        cfg.keymap.resolve(Mode::Normal, Focus::List, ctrl_n),
        Some(Action::MoveDown)
    );
    let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
    assert_eq!(cfg.keymap.resolve(Mode::Normal, Focus::List, j), None);
    assert_eq!(
        cfg.keymap.lookup(KeyMode::Global, Key::parse("Q").unwrap()),
        Some(Action::Quit)
    );
    // The help text follows the config.
    let help = cfg.keymap.key_help();
    let list = &help
        .sections
        .iter()
        .find(|(t, _)| t == "Article list")
        .unwrap()
        .1;
    assert!(
        list.iter()
            .any(|(k, d)| k.contains("ctrl-n") && d == "down")
    );
}

#[test]
fn malformed_config_reports_the_line_and_falls_back() {
    let cfg = config::parse(
        "[keys.list]\n\"j\" = \"move_down\"\n\"k\" = move_up\n",
        "bad.toml",
    );
    assert_eq!(cfg.keymap, Keymap::default());
    assert_eq!(cfg.warnings.len(), 1);
    assert!(
        cfg.warnings[0].contains("bad.toml") && cfg.warnings[0].contains("line 3"),
        "{:?}",
        cfg.warnings
    );
    let cfg = config::parse(
        "[keys.list]\n\"j\" = \"fly_away\"\n\"hyper-k\" = \"quit\"\n",
        "x.toml",
    );
    assert!(
        cfg.warnings
            .iter()
            .any(|w| w.contains("line 2") && w.contains("fly_away")),
        "{:?}",
        cfg.warnings
    );
    assert!(
        cfg.warnings
            .iter()
            .any(|w| w.contains("line 3") && w.contains("hyper-k")),
        "{:?}",
        cfg.warnings
    );
}

#[test]
fn duplicate_user_bindings_are_reported() {
    let cfg = config::parse(
        "[keys.list]\n\"G\" = \"top\"\n\"shift-g\" = \"bottom\"\n",
        "dup.toml",
    );
    assert_eq!(cfg.warnings.len(), 1, "{:?}", cfg.warnings);
    assert!(
        cfg.warnings[0].contains("already bound"),
        "{}",
        cfg.warnings[0]
    );
    let cfg = config::parse(
        "[keys.list]\n\"j\" = \"top\"\n\"j\" = \"bottom\"\n",
        "dup2.toml",
    );
    assert!(cfg.warnings[0].contains("line 3"), "{:?}", cfg.warnings);
}

#[test]
fn config_file_is_read_from_the_given_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "[keys.global]\n\"x\" = \"quit\"\n").unwrap();
    let cfg = config::load(Some(&path));
    assert!(cfg.warnings.is_empty());
    assert_eq!(
        cfg.keymap.lookup(KeyMode::Global, Key::parse("x").unwrap()),
        Some(Action::Quit)
    );
    let missing = config::load(Some(&dir.path().join("nope.toml")));
    assert!(missing.warnings[0].contains("cannot read"));
}
