//! The `[theme]` table reaches the screen: a configured colour shows on the rendered cells,
//! and `NO_COLOR` still removes it.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use warta::app::layout::{self, Panes, Screen};
use warta::app::{self, App, Focus};
use warta::config;
use warta::keymap::Keymap;
use warta::loader::{self, CacheMode, LoadOptions};
use warta::ui;

const CONFIG: &str = "\
[theme]
border_focused = \"bold fg:#ffaa00 on 17\"
border = \"lightblue\"
";

fn app(config_text: &str, no_color: bool) -> App {
    let report = loader::load(
        &loader::embedded_inputs(),
        &LoadOptions {
            cache: CacheMode::Disabled,
        },
    );
    let cfg = config::parse(config_text, "test.toml");
    assert!(cfg.warnings.is_empty(), "{:?}", cfg.warnings);
    let mut app = App::new(report.corpus, Keymap::default().key_help());
    app.settings.theme = cfg.theme;
    app.settings.no_color = no_color;
    app::update(&mut app, app::Action::Resize(100, 30));
    app::search_now(&mut app);
    app
}

fn render(app: &App) -> (Buffer, Panes) {
    let mut term = Terminal::new(TestBackend::new(app.width, app.height)).expect("test backend");
    term.draw(|f| ui::render(f, app)).expect("draw");
    let Screen::Main(panes) = layout::compute(app.width, app.height, app.filter_pane.open) else {
        panic!("100x30 is big enough for the main screen");
    };
    (term.backend().buffer().clone(), panes)
}

#[test]
fn configured_border_colours_are_drawn() {
    let app = app(CONFIG, false);
    assert_eq!(app.focus, Focus::List, "the list starts focused");
    let (buf, panes) = render(&app);
    // Top-left corners: the focused list and the unfocused detail pane.
    let list = &buf[(panes.list.x, panes.list.y)];
    assert_eq!(list.symbol(), "┌");
    assert_eq!(list.fg, Color::Rgb(255, 170, 0));
    assert_eq!(list.bg, Color::Indexed(17));
    assert!(list.modifier.contains(Modifier::BOLD));
    let detail = &buf[(panes.detail.x, panes.detail.y)];
    assert_eq!(detail.symbol(), "┌");
    assert_eq!(detail.fg, Color::LightBlue);
    assert_eq!(detail.bg, Color::Reset);
}

#[test]
fn default_theme_draws_the_builtin_colours() {
    let (buf, panes) = render(&app("", false));
    let list = &buf[(panes.list.x, panes.list.y)];
    assert_eq!(list.fg, Color::Cyan);
    assert!(list.modifier.contains(Modifier::BOLD));
    assert_eq!(buf[(panes.detail.x, panes.detail.y)].fg, Color::DarkGray);
}

#[test]
fn no_color_drops_configured_colours() {
    let (buf, panes) = render(&app(CONFIG, true));
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            assert_eq!(
                (cell.fg, cell.bg),
                (Color::Reset, Color::Reset),
                "at {x},{y}"
            );
        }
    }
    let list = &buf[(panes.list.x, panes.list.y)];
    assert!(list.modifier.contains(Modifier::BOLD), "focus still shows");
}
