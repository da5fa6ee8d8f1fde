//! Full-screen snapshots of the browser on the bundled corpus, rendered into ratatui's
//! `TestBackend`, plus a property test that no sequence of actions at any size panics.

use insta::assert_snapshot;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::common::screen::screen;
use warta::app::{self, Action, App};
use warta::corpus::Corpus;
use warta::keymap::Keymap;
use warta::loader::{self, CacheMode, LoadOptions};
use warta::ui;

fn corpus() -> Corpus {
    let report = loader::load(
        &loader::embedded_inputs(),
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    );
    assert_eq!(report.corpus.len(), 5, "the five bundled seeds");
    report.corpus
}

fn app_at(width: u16, height: u16) -> App {
    let mut app = App::new(corpus(), Keymap::default().key_help());
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(width, height));
    app::search_now(&mut app);
    app
}

fn type_query(app: &mut App, q: &str) {
    app::update_sync(app, Action::StartSearch);
    for c in q.chars() {
        app::update_sync(app, Action::Insert(c));
    }
    app::update_sync(app, Action::LeaveSearch);
}

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (50, 16)];

#[test]
fn initial_view() {
    for (w, h) in SIZES {
        let app = app_at(w, h);
        assert_snapshot!(format!("initial_{w}x{h}"), screen(&app));
    }
}

#[test]
fn with_query() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        type_query(&mut app, "tiktok");
        let s = screen(&app);
        let first = app
            .list
            .shown
            .first()
            .map(|h| app.corpus.meta(h.index).title.clone());
        assert!(
            first.is_some_and(|t| t.contains("Palembang") || t.contains("Viral di media")),
            "{s}"
        );
        assert_snapshot!(format!("query_tiktok_{w}x{h}"), s);
    }
}

#[test]
fn with_filter() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        app::update_sync(&mut app, Action::ToggleFilters);
        // Past the triage facets (undecided, unread) to the first outlet, Grow Media.
        app::update_sync(&mut app, Action::MoveDown);
        app::update_sync(&mut app, Action::MoveDown);
        app::update_sync(&mut app, Action::ToggleValue);
        let s = screen(&app);
        assert!(!app.search.filters.is_empty());
        assert_eq!(app.list.shown.len(), 1, "one outlet selected:\n{s}");
        assert_snapshot!(format!("filter_{w}x{h}"), s);
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut app = app_at(w, h);
        app::update_sync(&mut app, Action::ToggleHelp);
        assert_snapshot!(format!("help_{w}x{h}"), screen(&app));
    }
}

#[test]
fn too_small() {
    let app = app_at(30, 10);
    let s = screen(&app);
    assert!(s.contains("too small: need 40x12"), "{s}");
    let mut wide_short = app_at(60, 11);
    app::update_sync(&mut wide_short, Action::MoveDown);
    assert!(screen(&wide_short).contains("terminal too small (need 40x12)"));
    assert_snapshot!("too_small_30x10", s);
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        proptest::sample::select(Action::BINDABLE.to_vec()),
        proptest::char::any().prop_map(Action::Insert),
        "(\\PC|[\r\n\t\u{1b}\u{2028}]){0,60}".prop_map(Action::Paste),
        (0u16..200, 0u16..60).prop_map(|(w, h)| Action::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_actions_never_panic(
        size in (0u16..160, 0u16..50),
        actions in proptest::collection::vec(action(), 0..40),
    ) {
        let corpus = corpus();
        let mut app = App::new(corpus, Keymap::default().key_help());
        app::update(&mut app, Action::Resize(size.0, size.1));
        app::search_now(&mut app);
        for a in actions {
            if a == Action::Quit {
                continue;
            }
            app::update_sync(&mut app, a);
            let mut term = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
            term.draw(|f| ui::render(f, &app)).unwrap();
        }
        for (w, h) in [(1, 1), (0, 0), (40, 12), (39, 12)] {
            app::update(&mut app, Action::Resize(w, h));
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| ui::render(f, &app)).unwrap();
        }
    }
}

/// The marks column and the triage facets after some triage: decided, starred, labelled,
/// read and selected rows, readable without colour.
#[test]
fn triage_marks_and_facets() {
    use warta::triage::Store;
    for (w, h) in SIZES {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut store = Store::open(dir.path());
        let mut app = app_at(w, h);
        app.triage.today = "2025-01-01".into();
        app::triage::install_store(&mut app, &store);
        let mut run = |app: &mut App, actions: &[Action]| {
            for a in actions {
                app::update_with_store(app, &mut store, a.clone());
            }
        };
        // Row 0: relevant + starred + read; row 1: maybe; row 2: selected; row 3: labelled.
        run(&mut app, &[Action::Open, Action::Back, Action::ToggleStar]);
        run(&mut app, &[Action::MarkRelevant, Action::MarkMaybe]);
        run(&mut app, &[Action::EditLabels]);
        for c in "banjir".chars() {
            run(&mut app, &[Action::Insert(c)]);
        }
        run(&mut app, &[Action::Submit, Action::ToggleSelect]);
        let s = screen(&app);
        assert!(s.contains("★R") || w < 60, "{s}");
        assert_snapshot!(format!("triage_list_{w}x{h}"), s);
        run(&mut app, &[Action::ToggleFilters]);
        assert_snapshot!(format!("triage_filters_{w}x{h}"), screen(&app));
    }
}

fn ascii_app_at(width: u16, height: u16) -> App {
    let mut app = app_at(width, height);
    app.settings.ascii = true;
    app
}

/// `--ascii`: every border, mark, separator and chart bar is ASCII. At 80x24 and 50x16,
/// the main view with a query and with the filters overlay (a value toggled, so the title
/// and the `[x]` show).
#[test]
fn ascii_mode() {
    for (w, h) in [(80, 24), (50, 16)] {
        let mut app = ascii_app_at(w, h);
        type_query(&mut app, "tiktok");
        let s = screen(&app);
        assert!(s.contains("+ Articles") && s.contains("| "), "{s}");
        assert_snapshot!(format!("ascii_query_{w}x{h}"), s);
        let mut app = ascii_app_at(w, h);
        app::update_sync(&mut app, Action::ToggleFilters);
        app::update_sync(&mut app, Action::MoveDown);
        app::update_sync(&mut app, Action::MoveDown);
        app::update_sync(&mut app, Action::ToggleValue);
        assert_eq!(app.list.shown.len(), 1);
        assert_snapshot!(format!("ascii_filter_{w}x{h}"), screen(&app));
    }
}

/// Every cell `--ascii` draws from the program's own code is ASCII, in every state that shows
/// a distinct glyph: borders, titles, marks (selected, unread, starred), the month chart,
/// the status separators and hints, the help, the busy title, the too-small line.
///
/// Article text is shown as it is, in any script: the cells inside the detail pane (the
/// article, laid out by `app::detail`) are left out, and elsewhere a non-ASCII character
/// passes only when it occurs in the corpus's titles or outlets. None of the Unicode-mode
/// glyphs occurs there (checked), so a glyph that escaped the ASCII set would fail.
#[test]
fn ascii_mode_draws_only_ascii() {
    use std::collections::BTreeSet;
    use warta::app::layout::{self, Screen};

    let corpus = corpus();
    let text: BTreeSet<char> = corpus
        .metas()
        .iter()
        .flat_map(|m| {
            m.title
                .chars()
                .chain(m.outlet.iter().flat_map(|o| o.chars()))
        })
        .filter(|c| !c.is_ascii())
        .collect();
    let u = &layout::UNICODE;
    let unicode_glyphs: String = [
        u.top_left,
        u.top_right,
        u.bottom_left,
        u.bottom_right,
        u.horizontal,
        u.vertical,
        u.sep,
        u.ellipsis,
        u.busy,
        u.range,
    ]
    .concat()
        + &u.bars.concat()
        + &String::from_iter([u.picked, u.unread, u.starred]);
    assert!(
        unicode_glyphs.chars().all(|c| !text.contains(&c)),
        "the check would let a glyph through: {text:?}"
    );

    let check = |app: &App, what: &str| {
        let mut term =
            Terminal::new(TestBackend::new(app.width, app.height)).expect("test backend");
        term.draw(|f| ui::render(f, app)).expect("draw");
        let buf = term.backend().buffer();
        let screen_layout = layout::compute(app.width, app.height, app.filter_pane.open);
        let covered = |x: u16, y: u16| {
            let Screen::Main(p) = screen_layout else {
                return false;
            };
            // The filters overlay and the help are drawn over the detail: those cells are
            // the program's own again.
            let help = app.mode == warta::app::Mode::Help
                && layout::help_area(app.width, app.height).contains(x, y);
            let filters = p.filters.is_some_and(|f| f.contains(x, y));
            p.detail.inner().contains(x, y) && !help && !filters
        };
        let mut bad = Vec::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                if covered(x, y) {
                    continue;
                }
                for c in buf[(x, y)].symbol().chars() {
                    if !c.is_ascii() && !text.contains(&c) {
                        bad.push((x, y, c));
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{what}: {bad:?}\n{}", screen(app));
    };

    for (w, h) in SIZES {
        let mut app = ascii_app_at(w, h);
        check(&app, "initial");
        type_query(&mut app, "tiktok");
        check(&app, "query");
        // Selected, starred and read rows; the selection count in the title.
        app::update_sync(&mut app, Action::ToggleSelect);
        app.search.searching = true;
        check(&app, "busy");
        app.search.searching = false;
        app::update_sync(&mut app, Action::ToggleFilters);
        check(&app, "filters");
        app::update_sync(&mut app, Action::ToggleHelp);
        app::update_sync(&mut app, Action::ToggleHelp);
        app::update_sync(&mut app, Action::Back);
        app::update_sync(&mut app, Action::ToggleHelp);
        check(&app, "help");
    }
    // Marks that need a store: starred, read, decided.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = warta::triage::Store::open(dir.path());
    let mut app = ascii_app_at(120, 40);
    app::triage::install_store(&mut app, &store);
    for a in [
        Action::Open,
        Action::Back,
        Action::ToggleStar,
        Action::MarkRelevant,
        Action::ToggleSelect,
    ] {
        app::update_with_store(&mut app, &mut store, a);
    }
    let s = screen(&app);
    // Row 0 read, starred, relevant; row 1 selected and unread.
    let rows: Vec<&str> = s.lines().collect();
    assert!(rows[2].contains("||  !R  2025-09-10"), "{s}");
    assert!(rows[3].contains("||>*    2025-06-22"), "{s}");
    check(&app, "triage marks");
    check(&ascii_app_at(30, 10), "too small");
}

#[test]
fn only_the_label_prompt_offers_tab_completion() {
    let status = |kind: Action| {
        let mut app = app_at(120, 40);
        app::update_sync(&mut app, kind);
        let s = screen(&app);
        s.lines().last().unwrap_or_default().to_string()
    };
    let labels = status(Action::EditLabels);
    assert!(labels.contains("complete label"), "{labels}");
    for kind in [Action::EditNote, Action::Export] {
        let line = status(kind.clone());
        assert!(line.contains("esc cancel"), "{kind:?}: {line}");
        assert!(!line.contains("complete"), "{kind:?}: {line}");
    }
}

/// The bundled seeds and one article that names two towns only in passing.
fn corpus_with_passing_regions() -> Corpus {
    let mut articles: Vec<warta::model::Article> = (0..corpus().len())
        .map(|i| {
            let c = corpus();
            warta::model::Article {
                meta: c.meta(i).clone(),
                body: c.body(i).expect("a seed's body"),
            }
        })
        .collect();
    let text = "Banjir rendam ratusan rumah\n\
        Banjir merendam ratusan rumah di Kabupaten Kerinci sejak Senin.\n\n\
        Warga mengungsi ke balai desa.\n\n\
        Bantuan datang dari relawan.\n\n\
        Kepala Basarnas Pekanbaru ikut memantau. Relawan dari Medan dan Padang juga tiba.\n";
    articles.push(warta::loader::parse::parse_text(text, "banjir.txt"));
    Corpus::from_articles(articles)
}

#[test]
fn regions_named_in_passing_show_under_their_own_heading() {
    let mut app = App::new(corpus_with_passing_regions(), Keymap::default().key_help());
    app.settings.no_color = true;
    app::update(&mut app, Action::Resize(80, 24));
    app::search_now(&mut app);
    app::update_sync(&mut app, Action::ToggleFilters);
    // The last facet: from the top, one jump back wraps to it.
    app::update_sync(&mut app, Action::PrevFacet);
    let s = screen(&app);
    assert!(s.contains("Named in passing"), "{s}");
    assert!(s.contains("Pekanbaru"), "{s}");
    assert_snapshot!("named_in_passing_80x24", s);
}
