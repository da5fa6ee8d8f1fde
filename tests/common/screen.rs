//! The browser's screen as text, drawn on ratatui's `TestBackend`: what `update()` tests
//! read their assertions from.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use warta::app::App;
use warta::ui;

/// `app` drawn at its own size, one line per row, trailing spaces trimmed.
pub fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.width, app.height)).expect("test backend");
    term.draw(|f| ui::render(f, app)).expect("draw");
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
