//! Mouse input through the pure `update()`: clicks and wheel turns hit-tested against the
//! layout, on the bundled corpus, searches run inline through `update_sync`.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use warta::app::action::{MouseInput, MouseKind};
use warta::app::layout::{self, Screen};
use warta::app::mouse::WHEEL_STEP;
use warta::app::{self, Action, App, Effect, FilterRow, Focus, Mode, update};
use warta::corpus::Corpus;
use warta::facets::Facet;
use warta::keymap::Keymap;
use warta::loader::{self, CacheMode, LoadOptions};
use warta::ui;

fn seeds() -> Corpus {
    let corpus = loader::load(
        &loader::embedded_inputs(),
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    )
    .corpus;
    assert_eq!(corpus.len(), 5, "the five bundled seeds");
    corpus
}

fn app_at(w: u16, h: u16) -> App {
    let mut app = App::new(seeds(), Keymap::default().key_help());
    update(&mut app, Action::Resize(w, h));
    app::search_now(&mut app);
    app
}

fn mouse(app: &mut App, kind: MouseKind, column: u16, row: u16) -> Effect {
    app::update_sync(app, Action::Mouse(MouseInput { kind, column, row }))
}

fn click(app: &mut App, column: u16, row: u16) -> Effect {
    mouse(app, MouseKind::Click, column, row)
}

fn panes(app: &App) -> layout::Panes {
    match app.screen() {
        Screen::Main(p) => p,
        Screen::TooSmall => panic!("no layout at {}x{}", app.width, app.height),
    }
}

/// The screen row of filter row `pos` (which must be visible).
fn filter_row_y(app: &App, pos: usize) -> u16 {
    let inner = panes(app).filters.expect("filters shown").inner();
    let y = inner.y + layout::chart_rows(inner.height) + (pos - app.filter_pane.offset) as u16;
    assert!(y < inner.y + inner.height, "filter row {pos} is visible");
    y
}

/// Index of the first value row of `facet`.
fn first_value(app: &App, facet: Facet) -> usize {
    app.filter_pane
        .rows
        .iter()
        .position(|r| matches!(r, FilterRow::Value { facet: f, .. } if *f == facet))
        .expect("a value for the facet")
}

#[test]
fn click_on_the_third_row_selects_the_third_article() {
    for (w, h) in [(120, 40), (80, 24), (50, 16)] {
        let mut app = app_at(w, h);
        let list = panes(&app).list.inner();
        let third = app.list.shown[2].index;
        click(&mut app, list.x + 3, list.y + 2);
        assert_eq!(app.list.cursor, 2, "{w}x{h}");
        assert_eq!(app.selected(), Some(third));
        assert_eq!(app.focus, Focus::List);
        assert_eq!(
            app.detail.doc.as_ref().map(|d| d.index),
            Some(third),
            "the detail follows"
        );
        assert_eq!(app.mode, Mode::Normal);
    }
}

#[test]
fn a_second_click_on_the_cursor_row_opens_it() {
    let mut app = app_at(80, 24);
    let list = panes(&app).list.inner();
    click(&mut app, list.x + 10, list.y + 1);
    assert_eq!((app.list.cursor, app.focus), (1, Focus::List));
    let effect = click(&mut app, list.x + 10, list.y + 1);
    assert_eq!(app.focus, Focus::Detail, "opened like enter");
    assert!(
        matches!(effect, Effect::Triage(_)),
        "marks it read: {effect:?}"
    );
    // From the detail, a click on the cursor row only brings the focus back.
    click(&mut app, list.x + 10, list.y + 1);
    assert_eq!((app.list.cursor, app.focus), (1, Focus::List));
}

#[test]
fn clicks_below_the_last_row_and_on_borders_move_nothing() {
    let mut app = app_at(80, 24);
    let list = panes(&app).list;
    app::update_sync(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Focus::Detail);
    // The border around the list: focus and cursor stay.
    for (x, y) in [
        (list.x, list.y + 3),
        (list.x + 5, list.y),
        (list.x + list.width - 1, list.y + 3),
    ] {
        click(&mut app, x, y);
        assert_eq!(
            (app.list.cursor, app.focus),
            (0, Focus::Detail),
            "({x},{y})"
        );
    }
    // Inside the list below the five rows: focus only.
    click(&mut app, list.x + 3, list.y + 10);
    assert_eq!((app.list.cursor, app.focus), (0, Focus::List));
    // The status line and cells past the screen are ignored.
    click(&mut app, 5, 23);
    click(&mut app, 500, 500);
    assert_eq!(
        (app.list.cursor, app.focus, app.mode),
        (0, Focus::List, Mode::Normal)
    );
}

#[test]
fn wheel_over_the_detail_scrolls_it_and_keeps_the_focus_on_the_list() {
    let mut app = app_at(80, 24);
    assert_eq!(app.focus, Focus::List);
    assert!(
        app.max_detail_scroll() > 2 * WHEEL_STEP,
        "a long first article"
    );
    let detail = panes(&app).detail.inner();
    mouse(&mut app, MouseKind::ScrollDown, detail.x + 5, detail.y + 5);
    assert_eq!(app.detail.scroll, WHEEL_STEP);
    mouse(&mut app, MouseKind::ScrollDown, detail.x + 5, detail.y + 5);
    assert_eq!(app.detail.scroll, 2 * WHEEL_STEP);
    mouse(&mut app, MouseKind::ScrollUp, detail.x + 5, detail.y + 5);
    assert_eq!(app.detail.scroll, WHEEL_STEP);
    assert_eq!((app.focus, app.list.cursor), (Focus::List, 0));
    // The bottom is a limit.
    for _ in 0..100 {
        mouse(&mut app, MouseKind::ScrollDown, detail.x, detail.y);
    }
    assert_eq!(app.detail.scroll, app.max_detail_scroll());
}

#[test]
fn wheel_over_the_list_moves_its_cursor_even_when_the_detail_has_the_focus() {
    let mut app = app_at(80, 24);
    app::update_sync(&mut app, Action::FocusNext);
    let list = panes(&app).list.inner();
    mouse(&mut app, MouseKind::ScrollDown, list.x + 2, list.y);
    assert_eq!((app.list.cursor, app.focus), (WHEEL_STEP, Focus::Detail));
    mouse(&mut app, MouseKind::ScrollDown, list.x + 2, list.y);
    assert_eq!(app.list.cursor, 4, "stops at the last of five");
    mouse(&mut app, MouseKind::ScrollUp, list.x + 2, list.y);
    assert_eq!(app.list.cursor, 4 - WHEEL_STEP);
    // Over the search bar and the status line the wheel does nothing.
    mouse(&mut app, MouseKind::ScrollUp, 3, 0);
    mouse(&mut app, MouseKind::ScrollUp, 3, 23);
    assert_eq!(app.list.cursor, 4 - WHEEL_STEP);
}

#[test]
fn click_on_a_facet_value_toggles_it_and_changes_the_hits() {
    let mut app = app_at(120, 40);
    assert_eq!(app.list.shown.len(), 5);
    let pos = first_value(&app, Facet::Outlet);
    let x = panes(&app).filters.expect("a column at 120").inner().x + 3;
    let y = filter_row_y(&app, pos);
    let effect = click(&mut app, x, y);
    assert!(matches!(effect, Effect::Search(_)), "{effect:?}");
    assert_eq!(app.focus, Focus::Filters);
    assert_eq!(app.list.shown.len(), 1, "one outlet");
    assert_eq!(app.search.filters.count(), 1);
    // The rows keep their places (the facet values stay listed): the same click undoes it.
    assert_eq!(first_value(&app, Facet::Outlet), pos);
    let y = filter_row_y(&app, pos);
    click(&mut app, x, y);
    assert_eq!((app.list.shown.len(), app.search.filters.count()), (5, 0));
}

#[test]
fn click_on_a_facet_heading_or_the_chart_only_focuses() {
    let mut app = app_at(120, 40);
    let heading = first_value(&app, Facet::Outlet) - 1;
    assert!(matches!(
        app.filter_pane.rows[heading],
        FilterRow::Heading(Facet::Outlet)
    ));
    let inner = panes(&app).filters.expect("a column at 120").inner();
    let before = app.filter_pane.cursor;
    let y = filter_row_y(&app, heading);
    click(&mut app, inner.x + 2, y);
    assert_eq!((app.focus, app.search.filters.count()), (Focus::Filters, 0));
    assert_eq!(app.filter_pane.cursor, before);
    app::update_sync(&mut app, Action::FocusNext);
    click(&mut app, inner.x + 2, inner.y);
    assert_eq!(
        (app.focus, app.search.filters.count()),
        (Focus::Filters, 0),
        "the chart"
    );
}

#[test]
fn wheel_over_the_filters_moves_their_cursor_past_headings() {
    let mut app = app_at(120, 40);
    let inner = panes(&app).filters.expect("a column at 120").inner();
    let start = app.filter_pane.cursor;
    mouse(&mut app, MouseKind::ScrollDown, inner.x + 2, inner.y + 6);
    assert!(app.filter_pane.cursor > start);
    assert!(matches!(
        app.filter_pane.rows[app.filter_pane.cursor],
        FilterRow::Value { .. }
    ));
    assert_eq!(app.focus, Focus::List, "the focus stays");
}

#[test]
fn the_filters_overlay_takes_clicks_over_the_list_and_closes_on_a_click_outside() {
    for (w, h) in [(80, 24), (50, 16)] {
        let mut app = app_at(w, h);
        app::update_sync(&mut app, Action::ToggleFilters);
        let p = panes(&app);
        assert!(p.filters_overlay && p.filters.is_some());
        let pos = first_value(&app, Facet::Outlet);
        // Scroll the overlay until the outlet value shows (small screens).
        while app.filter_pane.offset + app.filter_height() <= pos {
            mouse(
                &mut app,
                MouseKind::ScrollDown,
                2,
                p.filters.unwrap().inner().y,
            );
        }
        let y = filter_row_y(&app, pos);
        // Column 1 is inside both the list and the overlay: the overlay is on top.
        click(&mut app, 1, y);
        assert_eq!(app.list.shown.len(), 1, "{w}x{h}");
        assert_eq!(app.list.cursor, 0);
        assert!(app.filter_pane.open && app.focus == Focus::Filters);
        // A click on the detail, outside the overlay, closes it and focuses the detail.
        let detail = p.detail.inner();
        click(
            &mut app,
            detail.x + detail.width - 1,
            detail.y + detail.height - 1,
        );
        assert!(!app.filter_pane.open, "{w}x{h}");
        assert_eq!(app.focus, Focus::Detail);
        assert_eq!(app.list.shown.len(), 1, "the filter stays");
    }
}

#[test]
fn click_on_the_search_bar_edits_and_a_click_elsewhere_leaves_it() {
    let mut app = app_at(80, 24);
    click(&mut app, 20, 0);
    assert_eq!(app.mode, Mode::Search);
    for c in "live".chars() {
        app::update_sync(&mut app, Action::Insert(c));
    }
    let found = app.list.shown.len();
    assert!(found < 5 && found > 1);
    // A second click in the bar keeps editing.
    click(&mut app, 3, 0);
    assert_eq!(app.mode, Mode::Search);
    let list = panes(&app).list.inner();
    click(&mut app, list.x + 2, list.y + 1);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(
        (app.list.cursor, app.search.input.as_str()),
        (1, "live"),
        "query kept"
    );
    assert_eq!(app.list.shown.len(), found);
}

#[test]
fn help_scrolls_under_the_wheel_and_closes_on_a_click_outside() {
    let mut app = app_at(80, 24);
    app::update_sync(&mut app, Action::ToggleHelp);
    assert_eq!(app.mode, Mode::Help);
    mouse(&mut app, MouseKind::ScrollDown, 40, 12);
    assert_eq!(app.help_scroll, WHEEL_STEP);
    mouse(&mut app, MouseKind::ScrollUp, 40, 12);
    assert_eq!(app.help_scroll, 0);
    let cursor = app.list.cursor;
    let area = layout::help_area(80, 24);
    click(&mut app, area.x + 5, area.y + 5);
    assert_eq!(app.mode, Mode::Help, "a click inside keeps it open");
    assert_eq!(app.list.cursor, cursor);
    // Column 0 is outside the centred help; the click closes it and goes no further.
    click(&mut app, 0, 5);
    assert_eq!(
        (app.mode, app.list.cursor, app.focus),
        (Mode::Normal, cursor, Focus::List)
    );
}

#[test]
fn prompts_ignore_the_mouse() {
    let mut app = app_at(80, 24);
    app::update_sync(&mut app, Action::EditLabels);
    assert_eq!(app.mode, Mode::Prompt);
    let list = panes(&app).list.inner();
    click(&mut app, list.x + 2, list.y + 3);
    mouse(&mut app, MouseKind::ScrollDown, list.x + 2, list.y + 3);
    click(&mut app, 10, 0);
    assert_eq!((app.mode, app.list.cursor), (Mode::Prompt, 0));
}

#[test]
fn the_too_small_screen_ignores_the_mouse() {
    for (w, h) in [(30, 10), (1, 1), (0, 0)] {
        let mut app = app_at(w, h);
        for (x, y) in [(0, 0), (1, 2), (5, 5), (u16::MAX, u16::MAX)] {
            for kind in [MouseKind::Click, MouseKind::ScrollDown, MouseKind::ScrollUp] {
                assert!(matches!(mouse(&mut app, kind, x, y), Effect::None));
            }
        }
        assert_eq!(
            (app.list.cursor, app.focus, app.mode),
            (0, Focus::List, Mode::Normal)
        );
    }
}

fn event() -> impl Strategy<Value = Action> {
    let kind = proptest::sample::select(vec![
        MouseKind::Click,
        MouseKind::ScrollUp,
        MouseKind::ScrollDown,
    ]);
    prop_oneof![
        3 => (kind, 0u16..200, 0u16..70).prop_map(|(kind, column, row)| {
            Action::Mouse(MouseInput { kind, column, row })
        }),
        1 => proptest::sample::select(vec![
            Action::ToggleFilters,
            Action::ToggleHelp,
            Action::StartSearch,
            Action::LeaveSearch,
            Action::EditLabels,
            Action::Cancel,
            Action::Back,
            Action::FocusNext,
            Action::Insert('a'),
            Action::Bottom,
        ]),
        1 => (0u16..200, 0u16..60).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_mouse_events_at_random_sizes_never_panic(
        size in (0u16..200, 0u16..60),
        events in proptest::collection::vec(event(), 0..40),
    ) {
        let mut app = app_at(size.0, size.1);
        for e in events {
            app::update_sync(&mut app, e);
            prop_assert!(app.list.cursor < app.list.shown.len().max(1));
            prop_assert!(app.detail.scroll <= app.max_detail_scroll());
            let mut term = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
            term.draw(|f| ui::render(f, &app)).unwrap();
        }
        for (w, h) in [(1, 1), (0, 0), (40, 12), (39, 12)] {
            app::update_sync(&mut app, Action::Resize(w, h));
            for (x, y) in [(0, 0), (w, h), (w.saturating_sub(1), h.saturating_sub(1))] {
                for kind in [MouseKind::Click, MouseKind::ScrollDown, MouseKind::ScrollUp] {
                    mouse(&mut app, kind, x, y);
                }
            }
        }
    }
}
