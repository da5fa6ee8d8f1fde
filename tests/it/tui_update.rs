//! Pure `update()` tests: no terminal, searches run inline through `update_sync`.

use warta::app::{self, Action, App, Effect, FilterRow, Focus, Mode};
use warta::config;
use warta::corpus::Corpus;
use warta::keymap::{Key, KeyMode, Keymap};
use warta::loader::{self, CacheMode, LoadOptions};
use warta::model::{Article, Date};
use warta::query::Sort;

use crate::common::app::{act, app_with, message};
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

fn step(app: &mut App, actions: &[Action]) {
    for a in actions {
        app::update_sync(app, a.clone());
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
    assert_eq!(app.list.cursor, 0);
    step(&mut app, &[Action::MoveUp]);
    assert_eq!(app.list.cursor, 0, "no wrap above the top");
    step(&mut app, &[Action::MoveDown, Action::MoveDown]);
    assert_eq!(app.list.cursor, 2);
    step(&mut app, &[Action::PageDown]);
    assert_eq!(app.list.cursor, 2 + page);
    step(&mut app, &[Action::HalfPageUp]);
    assert_eq!(app.list.cursor, 2 + page - page / 2);
    step(&mut app, &[Action::Bottom]);
    assert_eq!(app.list.cursor, 99);
    assert!(
        app.list.offset + page > 99 && app.list.offset <= 99,
        "cursor row visible"
    );
    step(&mut app, &[Action::MoveDown, Action::PageDown]);
    assert_eq!(app.list.cursor, 99, "no wrap below the bottom");
    step(&mut app, &[Action::Top]);
    assert_eq!((app.list.cursor, app.list.offset), (0, 0));
}

#[test]
fn detail_scrolls_independently() {
    let mut app = app_with(synthetic(3), 80, 24);
    step(&mut app, &[Action::Open]);
    assert_eq!(app.focus, Focus::Detail);
    step(&mut app, &[Action::MoveDown, Action::MoveDown]);
    assert_eq!((app.detail.scroll, app.list.cursor), (2, 0));
    step(&mut app, &[Action::Bottom]);
    assert_eq!(app.detail.scroll, app.max_detail_scroll());
    assert!(app.detail.scroll > 0);
    step(&mut app, &[Action::PageDown]);
    assert_eq!(app.detail.scroll, app.max_detail_scroll());
    step(&mut app, &[Action::Top, Action::Back]);
    assert_eq!((app.detail.scroll, app.focus), (0, Focus::List));
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
    assert_eq!(app.detail.scroll, 0);
}

#[test]
fn next_match_jumps_to_highlighted_lines() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "tiktok");
    step(&mut app, &[Action::LeaveSearch, Action::Open]);
    let matches = app.detail.doc.as_ref().unwrap().matches.clone();
    assert!(matches.len() > 2, "{matches:?}");
    step(&mut app, &[Action::NextMatch]);
    let first = app.detail.scroll;
    assert!(matches.contains(&first) || first == app.max_detail_scroll());
    step(&mut app, &[Action::NextMatch]);
    assert!(app.detail.scroll > first);
    step(&mut app, &[Action::PrevMatch]);
    assert_eq!(app.detail.scroll, first);
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
    assert_eq!(
        app.search.input, "t",
        "the typed char shows before results arrive"
    );
    type_str(&mut app, "iktok\u{1b}\u{202e}");
    app::search_now(&mut app);
    assert_eq!(
        app.search.input, "tiktok",
        "control and bidi chars are not accepted"
    );
    assert!(app.list.shown.len() < 5 && !app.list.shown.is_empty());
    assert_eq!(
        app.search.sort,
        Sort::Relevance,
        "a scoring query ranks by relevance"
    );
    step(&mut app, &[Action::DeleteBack, Action::DeleteBack]);
    assert_eq!(app.search.input, "tikt");
    step(
        &mut app,
        &[Action::CursorHome, Action::DeleteForward, Action::CursorEnd],
    );
    assert_eq!(
        (app.search.input.as_str(), app.search.input.cursor),
        ("ikt", 3)
    );
    step(&mut app, &[Action::Back]);
    assert_eq!(app.mode, Mode::Normal, "esc leaves the bar");
    assert_eq!(app.search.input, "ikt", "and keeps the query");
    step(&mut app, &[Action::Back]);
    assert_eq!(app.search.input, "", "a second esc in the list clears it");
    assert_eq!(app.list.shown.len(), 5);
    assert_eq!(app.search.sort, Sort::DateDesc);
}

#[test]
fn invalid_query_keeps_previous_results() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::StartSearch]);
    // With the space the word is complete (no longer also a prefix): the last valid query.
    type_str(&mut app, "tiktok ");
    let before = app.list.shown.clone();
    type_str(&mut app, "|");
    let msg = app.message.clone().expect("an error message");
    assert_eq!(msg.kind, app::MessageKind::Error);
    assert!(msg.text.contains("invalid query"), "{}", msg.text);
    assert_eq!(app.list.shown, before);
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
    assert_eq!(app.list.shown.len(), 5);
}

#[test]
fn filters_toggle_and_clear() {
    let mut app = app_with(seeds(), 80, 24);
    step(&mut app, &[Action::ToggleFilters]);
    assert_eq!((app.focus, app.filter_pane.open), (Focus::Filters, true));
    // The triage facets come first; this test is about the outlets.
    while !matches!(
        &app.filter_pane.rows[app.filter_pane.cursor],
        FilterRow::Value { facet, .. } if facet.name() == "outlet"
    ) {
        step(&mut app, &[Action::MoveDown]);
    }
    let Some(FilterRow::Value { value, count, .. }) =
        app.filter_pane.rows.get(app.filter_pane.cursor).cloned()
    else {
        panic!("cursor on a value row")
    };
    step(&mut app, &[Action::ToggleValue]);
    assert_eq!(app.list.shown.len(), count);
    assert!(
        app.search
            .filters
            .selected
            .values()
            .any(|s| s.contains(&value))
    );
    let said = |app: &App| app.message.clone().map(|m| m.text).unwrap_or_default();
    assert_eq!(said(&app), format!("on: outlet {value} (1 filter)"));
    // OR within a facet: a second outlet adds its articles.
    step(&mut app, &[Action::MoveDown, Action::ToggleValue]);
    assert_eq!(app.list.shown.len(), 2);
    assert!(said(&app).ends_with("(2 filters)"), "{}", said(&app));
    // Untoggle by toggling again.
    step(&mut app, &[Action::ToggleValue]);
    assert_eq!(app.list.shown.len(), 1);
    assert!(said(&app).starts_with("off: outlet "), "{}", said(&app));
    step(&mut app, &[Action::ClearFilters]);
    assert!(app.search.filters.is_empty());
    // Toggling after a clear says the new state, not a stale "filters cleared".
    step(&mut app, &[Action::ToggleValue]);
    assert!(said(&app).ends_with("(1 filter)"), "{}", said(&app));
    step(&mut app, &[Action::ToggleValue]);
    assert!(said(&app).ends_with("(no filters)"), "{}", said(&app));
    assert_eq!(app.list.shown.len(), 5);
    step(&mut app, &[Action::Back]);
    assert_eq!((app.focus, app.filter_pane.open), (Focus::List, false));
}

#[test]
fn filter_cursor_skips_headings() {
    let mut app = app_with(seeds(), 120, 40);
    step(&mut app, &[Action::ToggleFilters]);
    for _ in 0..30 {
        step(&mut app, &[Action::MoveDown]);
        assert!(matches!(
            app.filter_pane.rows[app.filter_pane.cursor],
            FilterRow::Value { .. }
        ));
    }
    step(&mut app, &[Action::Top]);
    assert!(matches!(
        app.filter_pane.rows[app.filter_pane.cursor],
        FilterRow::Value { .. }
    ));
}

#[test]
fn sort_cycles_and_offers_relevance_only_with_a_query() {
    let mut app = app_with(synthetic(10), 80, 24);
    let mut seen = vec![app.search.sort];
    for _ in 0..4 {
        step(&mut app, &[Action::CycleSort]);
        seen.push(app.search.sort);
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
    assert_eq!(app.search.sort, Sort::Relevance);
    let mut cycle = Vec::new();
    for _ in 0..5 {
        step(&mut app, &[Action::CycleSort]);
        cycle.push(app.search.sort);
    }
    assert!(cycle.contains(&Sort::Relevance));
    assert_eq!(cycle.len(), 5);
}

/// With `rank_while_typing = false` a typed query keeps the order chosen: newest first
/// stays newest first, and the results really are in date order.
#[test]
fn typing_keeps_the_order_when_ranking_while_typing_is_off() {
    let mut app = app_with(synthetic(10), 80, 24);
    app.search.rank_while_typing = false;
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "article");
    step(&mut app, &[Action::LeaveSearch]);
    assert_eq!(app.search.sort, Sort::DateDesc);
    let dates: Vec<_> = app
        .list
        .shown
        .iter()
        .map(|h| app.corpus.meta(h.index).published)
        .collect();
    assert!(dates.len() > 1, "the query matched");
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    // Relevance is still one sort key away.
    step(&mut app, &[Action::CycleSort]);
    let mut cycle = vec![app.search.sort];
    for _ in 0..4 {
        step(&mut app, &[Action::CycleSort]);
        cycle.push(app.search.sort);
    }
    assert!(cycle.contains(&Sort::Relevance));
}

#[test]
fn the_cursor_article_stays_only_while_the_view_does() {
    let mut app = app_with(synthetic(20), 80, 24);
    step(
        &mut app,
        &[Action::MoveDown, Action::MoveDown, Action::MoveDown],
    );
    let chosen = app.selected().unwrap();
    // The same view searched again (a triage change, new articles) keeps the article.
    let req = app.request();
    app.apply_results(app::search::execute(&app.corpus, &req));
    assert_eq!(app.selected(), Some(chosen));
    assert_eq!(app.list.cursor, 3);
    // Another sort is another view: its first row.
    step(&mut app, &[Action::CycleSort]);
    assert_eq!(app.list.cursor, 0);
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
    assert!(app.list.offset <= app.list.cursor && app.list.cursor < app.list.offset + h);
    step(
        &mut app,
        &[Action::Resize(0, 0), Action::Resize(1, 1), Action::MoveUp],
    );
    assert_eq!(app.list.cursor, 98);
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
    let entries = text.lines().filter(|l| l.starts_with('"')).count();
    let total: usize = KeyMode::ALL.iter().map(|m| map.table(*m).len()).sum();
    assert_eq!(entries, total);
    for action in Action::BINDABLE {
        assert!(
            KeyMode::ALL
                .iter()
                .any(|&m| !map.keys_for(m, &action).is_empty()),
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

// ---- Triage: keys → effects → the store → the view ----

use warta::app::{PromptKind, TriageCmd};
use warta::triage::{Decision, Mode as StoreMode, Store};

fn triage_app(n: usize) -> (App, Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path());
    assert_eq!(store.mode(), StoreMode::ReadWrite);
    let mut app = app_with(synthetic(n), 100, 30);
    app::triage::install_store(&mut app, &store);
    (app, store, dir)
}

fn decision_at(app: &App, pos: usize) -> Decision {
    app.state_of(app.list.shown[pos].index).decision
}

#[test]
fn deciding_moves_to_the_next_undecided_article_in_the_view() {
    let (mut app, mut store, _dir) = triage_app(6);
    // Article at position 2 is already decided, so deciding 1 skips it.
    act(&mut app, &mut store, &[Action::MoveDown, Action::MoveDown]);
    act(&mut app, &mut store, &[Action::MarkMaybe]);
    assert_eq!(app.list.cursor, 3);
    act(&mut app, &mut store, &[Action::Top, Action::MoveDown]);
    act(&mut app, &mut store, &[Action::MarkRelevant]);
    assert_eq!(decision_at(&app, 1), Decision::Relevant);
    assert_eq!(app.list.cursor, 3, "skipped the decided article at 2");
    assert_eq!(message(&app), "marked 1 article relevant");
    // Durable: a fresh store over the same directory sees it.
    let id = app.corpus.meta(app.list.shown[1].index).id.clone();
    act(
        &mut app,
        &mut store,
        &[Action::Bottom, Action::MarkIrrelevant],
    );
    assert_eq!(app.list.cursor, 5, "nothing undecided below: stay");
    assert!(message(&app).ends_with("all triaged"), "{}", message(&app));
    drop(store);
    let reopened = Store::open(_dir.path());
    assert_eq!(reopened.state(&id).decision, Decision::Relevant);
}

#[test]
fn deciding_inside_an_is_undecided_view_keeps_the_cursor_on_the_next_one() {
    let (mut app, mut store, _dir) = triage_app(5);
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "is:undecided");
    step(&mut app, &[Action::LeaveSearch]);
    assert_eq!(app.list.shown.len(), 5);
    let second = app.list.shown[1].index;
    act(&mut app, &mut store, &[Action::MarkRelevant]);
    assert_eq!(app.list.shown.len(), 4, "the decided article left the view");
    assert_eq!(app.selected(), Some(second));
    assert_eq!(app.triage.progress.total, 4);
}

#[test]
fn a_decision_marks_the_article_read_and_one_undo_takes_back_both() {
    let (mut app, mut store, dir) = triage_app(4);
    let read_at = |app: &App, pos: usize| app.state_of(app.list.shown[pos].index).read;
    assert!(!read_at(&app, 0));
    act(&mut app, &mut store, &[Action::MarkRelevant]);
    assert!(read_at(&app, 0), "deciding marks read");
    assert_eq!(decision_at(&app, 0), Decision::Relevant);
    act(&mut app, &mut store, &[Action::Undo]);
    assert!(!read_at(&app, 0), "one undo restores unread…");
    assert_eq!(decision_at(&app, 0), Decision::Undecided, "…and undecided");
    act(&mut app, &mut store, &[Action::Redo]);
    assert!(read_at(&app, 0) && decision_at(&app, 0) == Decision::Relevant);

    // An article read before it was decided stays read after the undo.
    act(
        &mut app,
        &mut store,
        &[Action::Top, Action::MoveDown, Action::ToggleRead],
    );
    assert!(read_at(&app, 1));
    act(&mut app, &mut store, &[Action::MarkMaybe, Action::Undo]);
    assert!(read_at(&app, 1), "it was read before the decision");
    // Taking a decision back (undecided) leaves the read mark alone.
    act(&mut app, &mut store, &[Action::Top, Action::MarkUndecided]);
    assert!(read_at(&app, 0));

    // The journal replays it: a fresh store sees both fields.
    let id = app.corpus.meta(app.list.shown[0].index).id.clone();
    drop(store);
    let reopened = Store::open(dir.path());
    assert!(reopened.state(&id).read);

    // With the option off, a decision leaves the unread dot.
    let (mut app, mut store, _dir) = triage_app(2);
    app.triage.decide_marks_read = false;
    act(&mut app, &mut store, &[Action::MarkIrrelevant]);
    assert_eq!(decision_at(&app, 0), Decision::Irrelevant);
    assert!(!read_at(&app, 0));
}

#[test]
fn a_batch_over_the_selection_is_one_undo() {
    let (mut app, mut store, _dir) = triage_app(8);
    act(&mut app, &mut store, &[Action::SelectAll]);
    assert_eq!(app.list.selection.len(), 8);
    act(&mut app, &mut store, &[Action::MarkRelevant]);
    assert!((0..8).all(|p| decision_at(&app, p) == Decision::Relevant));
    assert_eq!(app.triage.progress.relevant, 8);
    assert_eq!(app.list.cursor, 0, "no one-key move after a batch");
    act(&mut app, &mut store, &[Action::Undo]);
    assert!((0..8).all(|p| decision_at(&app, p) == Decision::Undecided));
    assert_eq!(message(&app), "undone: marked 8 articles relevant");
    act(&mut app, &mut store, &[Action::Redo]);
    assert_eq!(app.triage.progress.relevant, 8);
    assert_eq!(message(&app), "redone: marked 8 articles relevant");
    act(&mut app, &mut store, &[Action::Undo, Action::Undo]);
    assert_eq!(message(&app), "nothing to undo");
}

#[test]
fn space_selects_and_moves_down_and_ctrl_a_clears() {
    let (mut app, mut store, _dir) = triage_app(5);
    act(
        &mut app,
        &mut store,
        &[Action::ToggleSelect, Action::ToggleSelect],
    );
    assert_eq!(app.list.cursor, 2);
    let picked: Vec<usize> = app.list.shown[..2].iter().map(|h| h.index).collect();
    assert_eq!(app.list.selection.iter().copied().collect::<Vec<_>>(), {
        let mut p = picked.clone();
        p.sort();
        p
    });
    act(&mut app, &mut store, &[Action::ToggleStar]);
    assert!(app.state_of(picked[0]).starred && app.state_of(picked[1]).starred);
    assert!(!app.state_of(app.list.shown[2].index).starred);
    // Toggling again unstars the whole selection.
    act(&mut app, &mut store, &[Action::ToggleStar]);
    assert!(!app.state_of(picked[0]).starred);
    act(&mut app, &mut store, &[Action::ClearSelection]);
    assert!(app.list.selection.is_empty());
    // Space in the filters pane still toggles a facet value.
    act(
        &mut app,
        &mut store,
        &[Action::ToggleFilters, Action::ToggleValue],
    );
    assert!(!app.search.filters.is_empty());
}

#[test]
fn opening_marks_read_and_x_toggles_it() {
    let (mut app, mut store, _dir) = triage_app(3);
    let first = app.list.shown[0].index;
    assert!(!app.state_of(first).read);
    act(&mut app, &mut store, &[Action::Open]);
    assert_eq!(app.focus, Focus::Detail);
    assert!(app.state_of(first).read);
    act(&mut app, &mut store, &[Action::ToggleRead]);
    assert!(!app.state_of(first).read);
    assert_eq!(message(&app), "marked 1 article unread");
}

fn type_prompt(app: &mut App, store: &mut Store, s: &str) {
    for c in s.chars() {
        app::update_with_store(app, store, Action::Insert(c));
    }
}

#[test]
fn label_prompt_adds_removes_and_completes_most_used_first() {
    let (mut app, mut store, _dir) = triage_app(4);
    act(&mut app, &mut store, &[Action::EditLabels]);
    assert_eq!(app.mode, Mode::Prompt);
    assert_eq!(app.prompt.as_ref().unwrap().kind, PromptKind::Labels);
    type_prompt(&mut app, &mut store, "banjir");
    act(&mut app, &mut store, &[Action::Submit]);
    assert_eq!(app.mode, Mode::Normal);
    let first = app.list.shown[0].index;
    assert!(app.state_of(first).has_label("banjir"));
    // A second label on two articles makes it the most used.
    act(&mut app, &mut store, &[Action::SelectAll]);
    act(&mut app, &mut store, &[Action::EditLabels]);
    type_prompt(&mut app, &mut store, "+bandang");
    act(
        &mut app,
        &mut store,
        &[Action::Submit, Action::ClearSelection],
    );
    assert_eq!(app.triage.labels[0], ("bandang".to_string(), 4));
    // Completion: "ba" + tab offers the most used first, tab again cycles.
    act(
        &mut app,
        &mut store,
        &[Action::MoveDown, Action::EditLabels],
    );
    type_prompt(&mut app, &mut store, "+ba");
    act(&mut app, &mut store, &[Action::Complete]);
    assert_eq!(app.prompt.as_ref().unwrap().input, "+bandang");
    act(&mut app, &mut store, &[Action::Complete]);
    assert_eq!(app.prompt.as_ref().unwrap().input, "+banjir");
    act(&mut app, &mut store, &[Action::Submit]);
    let second = app.list.shown[1].index;
    assert!(app.state_of(second).has_label("banjir"));
    // Removal with -, completing only labels the article has.
    act(&mut app, &mut store, &[Action::EditLabels]);
    type_prompt(&mut app, &mut store, "-");
    act(&mut app, &mut store, &[Action::Complete]);
    assert_eq!(app.prompt.as_ref().unwrap().input, "-bandang");
    act(&mut app, &mut store, &[Action::Submit]);
    assert!(!app.state_of(second).has_label("bandang"));
    assert!(app.state_of(second).has_label("banjir"));
    // An empty label is refused and the prompt stays open; esc closes it.
    act(&mut app, &mut store, &[Action::EditLabels]);
    type_prompt(&mut app, &mut store, "+ ");
    act(&mut app, &mut store, &[Action::Submit]);
    assert_eq!(app.mode, Mode::Prompt);
    assert!(message(&app).contains("empty"), "{}", message(&app));
    act(&mut app, &mut store, &[Action::Cancel]);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn note_editor_is_prefilled_and_empty_removes() {
    let (mut app, mut store, _dir) = triage_app(3);
    let first = app.list.shown[0].index;
    act(&mut app, &mut store, &[Action::EditNote]);
    type_prompt(&mut app, &mut store, "cek ke dinas");
    act(&mut app, &mut store, &[Action::Submit]);
    assert_eq!(app.state_of(first).note.as_deref(), Some("cek ke dinas"));
    // The detail header shows it.
    let text: Vec<String> = app
        .detail
        .doc
        .as_ref()
        .unwrap()
        .lines
        .iter()
        .map(|l| l.text())
        .collect();
    assert!(
        text.iter()
            .any(|l| l.starts_with("Note") && l.contains("cek ke dinas")),
        "{text:?}"
    );
    act(&mut app, &mut store, &[Action::EditNote]);
    assert_eq!(app.prompt.as_ref().unwrap().input, "cek ke dinas");
    act(&mut app, &mut store, &[Action::ClearQuery, Action::Submit]);
    assert_eq!(app.state_of(first).note, None);
}

#[test]
fn export_writes_the_view_or_the_selection() {
    let (mut app, mut store, dir) = triage_app(5);
    act(&mut app, &mut store, &[Action::MarkRelevant]);
    act(&mut app, &mut store, &[Action::Export]);
    let p = app.prompt.as_ref().unwrap();
    assert_eq!(p.kind, PromptKind::Export);
    assert!(p.input.starts_with("warta-export-") && p.input.ends_with(".csv"));
    let path = dir.path().join("out.csv");
    act(&mut app, &mut store, &[Action::ClearQuery]);
    type_prompt(&mut app, &mut store, &path.display().to_string());
    let effect = app::update_with_store(&mut app, &mut store, Action::Submit);
    assert!(matches!(
        effect,
        app::Effect::Triage(TriageCmd::Export { .. })
    ));
    assert_eq!(
        message(&app),
        format!("exported 5 articles to {}", path.display())
    );
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), 6, "header + 5 rows");
    assert!(text.lines().nth(1).unwrap().contains(",relevant,"));
    // With a selection only the selection is exported; a bad extension keeps the prompt.
    act(
        &mut app,
        &mut store,
        &[Action::ToggleSelect, Action::Export, Action::ClearQuery],
    );
    type_prompt(&mut app, &mut store, "x.txt");
    act(&mut app, &mut store, &[Action::Submit]);
    assert_eq!(app.mode, Mode::Prompt);
    assert!(message(&app).contains("unknown format"));
    let md = dir.path().join("brief.md");
    act(&mut app, &mut store, &[Action::ClearQuery]);
    type_prompt(&mut app, &mut store, &md.display().to_string());
    act(&mut app, &mut store, &[Action::Submit]);
    assert_eq!(
        message(&app),
        format!("exported 1 article to {}", md.display())
    );
}

#[test]
fn read_only_store_refuses_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let _writer = Store::open(dir.path());
    let mut store = Store::open(dir.path());
    assert_eq!(store.mode(), StoreMode::ReadOnly);
    let mut app = app_with(synthetic(3), 100, 30);
    app::triage::install_store(&mut app, &store);
    assert!(
        app.triage
            .store_status
            .as_deref()
            .unwrap()
            .starts_with("read-only: another warta")
    );
    act(&mut app, &mut store, &[Action::MarkRelevant]);
    assert_eq!(decision_at(&app, 0), Decision::Undecided);
    assert_eq!(app.list.cursor, 0, "a refused decision does not move on");
    assert!(message(&app).contains("read-only"), "{}", message(&app));
}

#[test]
fn triage_facets_count_live_and_filter() {
    let (mut app, mut store, _dir) = triage_app(6);
    act(
        &mut app,
        &mut store,
        &[
            Action::MarkRelevant,
            Action::MarkRelevant,
            Action::ToggleStar,
        ],
    );
    let count = |app: &App, facet: &str, value: &str| {
        app.filter_pane.rows.iter().find_map(|r| match r {
            FilterRow::Value {
                facet: f,
                value: v,
                count,
                ..
            } if f.name() == facet && v == value => Some(*count),
            _ => None,
        })
    };
    assert_eq!(count(&app, "decision", "relevant"), Some(2));
    assert_eq!(count(&app, "decision", "undecided"), Some(4));
    assert_eq!(count(&app, "star", "starred"), Some(1));
    // The two decided articles were marked read with their decisions.
    assert_eq!(count(&app, "read", "unread"), Some(4));
    assert_eq!(count(&app, "read", "read"), Some(2));
    // Counts follow the query.
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "outlet:even");
    step(&mut app, &[Action::LeaveSearch]);
    let relevant_even = (0..app.list.shown.len())
        .filter(|&p| decision_at(&app, p) == Decision::Relevant)
        .count();
    assert_eq!(
        count(&app, "decision", "relevant").unwrap_or(0),
        relevant_even
    );
    // Selecting a triage facet value filters the list.
    step(&mut app, &[Action::ClearQuery]);
    step(&mut app, &[Action::Back]);
    act(&mut app, &mut store, &[Action::ToggleFilters]);
    let pos = app
        .filter_pane.rows
        .iter()
        .position(|r| matches!(r, FilterRow::Value { facet, value, .. } if facet.name() == "decision" && value == "relevant"))
        .unwrap();
    app.filter_pane.cursor = pos;
    act(&mut app, &mut store, &[Action::ToggleValue]);
    assert_eq!(app.list.shown.len(), 2);
}

#[test]
fn triage_keys_are_bound_and_space_means_select_only_in_the_list() {
    let map = Keymap::default();
    let space = press(KeyCode::Char(' '), KeyModifiers::NONE);
    assert_eq!(
        map.resolve(Mode::Normal, Focus::List, space),
        Some(Action::ToggleSelect)
    );
    assert_eq!(
        map.resolve(Mode::Normal, Focus::Filters, space),
        Some(Action::ToggleValue)
    );
    assert_eq!(
        map.resolve(Mode::Normal, Focus::Detail, space),
        Some(Action::PageDown)
    );
    for (c, mods, a) in [
        ('r', KeyModifiers::NONE, Action::MarkRelevant),
        ('i', KeyModifiers::NONE, Action::MarkIrrelevant),
        ('m', KeyModifiers::NONE, Action::MarkMaybe),
        ('0', KeyModifiers::NONE, Action::MarkUndecided),
        ('s', KeyModifiers::NONE, Action::ToggleStar),
        ('x', KeyModifiers::NONE, Action::ToggleRead),
        ('t', KeyModifiers::NONE, Action::EditLabels),
        ('a', KeyModifiers::NONE, Action::EditNote),
        ('V', KeyModifiers::SHIFT, Action::SelectAll),
        ('u', KeyModifiers::NONE, Action::Undo),
        ('r', KeyModifiers::CONTROL, Action::Redo),
        ('e', KeyModifiers::NONE, Action::Export),
        ('a', KeyModifiers::CONTROL, Action::ClearSelection),
    ] {
        assert_eq!(
            map.resolve(Mode::Normal, Focus::List, press(KeyCode::Char(c), mods)),
            Some(a),
            "{c}"
        );
    }
    let tab = press(KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(
        map.resolve(Mode::Prompt, Focus::List, tab),
        Some(Action::Complete)
    );
    let r = press(KeyCode::Char('r'), KeyModifiers::NONE);
    assert_eq!(
        map.resolve(Mode::Prompt, Focus::List, r),
        Some(Action::Insert('r'))
    );
    let help = map.key_help();
    let all: String = help
        .sections
        .iter()
        .flat_map(|(_, e)| e.iter().map(|(k, d)| format!("{k} {d}\n")))
        .collect();
    assert!(all.contains("r relevant, next undecided"), "{all}");
    assert!(all.contains("space select / deselect"), "{all}");
}

#[test]
fn opening_the_filter_overlay_shows_the_first_facet_heading() {
    // At 80 columns the filters are an overlay, hidden at start.
    let mut app = app_with(seeds(), 80, 24);
    assert_eq!(app.filter_pane.offset, 0);
    step(&mut app, &[Action::ToggleFilters]);
    assert_eq!(app.focus, Focus::Filters);
    let first_shown = &app.filter_pane.rows[app.filter_pane.offset];
    assert!(
        matches!(first_shown, FilterRow::Heading(_)),
        "first visible row is {first_shown:?}"
    );
    // Moving down and back up to the first value keeps its heading in view.
    step(&mut app, &[Action::Bottom, Action::Top]);
    assert!(matches!(
        app.filter_pane.rows[app.filter_pane.offset],
        FilterRow::Heading(_)
    ));
}

/// The list pane drawn, as rows of (symbol, style) cells.
fn list_cells(app: &App) -> Vec<Vec<(String, ratatui::style::Style)>> {
    let backend = ratatui::backend::TestBackend::new(app.width, app.height);
    let mut term = ratatui::Terminal::new(backend).expect("test backend");
    term.draw(|f| warta::ui::render(f, app)).expect("draw");
    let buf = term.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| (buf[(x, y)].symbol().to_string(), buf[(x, y)].style()))
                .collect()
        })
        .collect()
}

/// Whether each char of `word` in the row showing `row_text` is drawn highlighted: its
/// style differs from that of the title's last word, which no query here matches.
fn marked_in_row(app: &App, row_text: &str, word: &str) -> bool {
    let rows = list_cells(app);
    let text = |r: &[(String, ratatui::style::Style)]| -> String {
        r.iter().map(|c| c.0.as_str()).collect()
    };
    let row = rows
        .iter()
        .find(|r| text(r).contains(row_text))
        .unwrap_or_else(|| panic!("no row with {row_text:?}"));
    let line = text(row);
    let cell = |byte: usize| line[..byte].chars().count();
    let plain = row[cell(line.find("rapat").expect("plain word"))].1;
    let at = cell(line.find(word).expect("word in row"));
    (at..at + word.chars().count()).all(|i| row[i].1 != plain)
}

/// A word held whole by some article matched as itself: once the query is confirmed, the
/// list does not mark a longer title word that merely begins with it ("Asnawi" for `asn`),
/// where the article holds `asn` only in its body. A word nobody holds whole matched as the
/// start of words, and those words are marked; so does the word being typed.
#[test]
fn list_marks_follow_the_form_the_word_matched_with() {
    let mk = |id: &str, title: &str, body: &str| {
        let mut a = Article::default();
        a.meta.id = id.to_string();
        a.meta.title = title.to_string();
        a.meta.published = Date::new(2025, 1, 1);
        a.body.body = vec![body.to_string()];
        a
    };
    let corpus = Corpus::from_articles(vec![
        mk("a1", "Asnawi pimpin rapat", "Para ASN hadir di sana."),
        mk("a2", "ASN dilarang rapat", "Aturan baru."),
    ]);
    let mut app = app_with(corpus, 120, 30);
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "asn");
    // Still being typed, `asn` also matches the words it begins, and marks them.
    assert_eq!(app.list.matches.len(), 2);
    assert!(marked_in_row(&app, "ASN dilarang", "ASN"));
    assert!(marked_in_row(&app, "Asnawi pimpin", "Asnawi"));
    // Confirmed, it is a word some article holds whole: only that is marked.
    step(&mut app, &[Action::LeaveSearch]);
    assert_eq!(app.list.matches.len(), 2);
    assert!(
        marked_in_row(&app, "ASN dilarang", "ASN"),
        "the word itself"
    );
    assert!(
        !marked_in_row(&app, "Asnawi pimpin", "Asnawi"),
        "a word that only begins with `asn`"
    );
    assert!(!marked_in_row(&app, "Asnawi pimpin", "Asn"));
    // Nobody writes "asnaw" whole: it matches, and marks, the word it begins.
    step(&mut app, &[Action::StartSearch]);
    type_str(&mut app, "aw");
    step(&mut app, &[Action::LeaveSearch]);
    assert_eq!(app.list.matches.len(), 1);
    assert!(marked_in_row(&app, "Asnawi pimpin", "Asnawi"));
}
