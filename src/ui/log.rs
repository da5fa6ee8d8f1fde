//! The message log overlay (`L`): every status-line message since start, newest first,
//! each whole (wrapped), in the help overlay's place; it scrolls like the help.
//!
//! ```text
//!      ┌ Messages (newest first) · esc closes ─────────┐
//!      │   3 corpus updated: 3 new, 1 changed, 2 removed│
//!      │   2 120 stories have copies                   │
//!      │   1 loaded 909 articles from 909 files        │
//!      └───────────────────────────────────────────────┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Clear;

use crate::app::layout::help_area;
use crate::app::{App, MessageKind};

use super::theme::Theme;
use super::{pane_block, put_line};

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let popup = super::rect(help_area(area.width, area.height));
    let popup = Rect::new(
        area.x + popup.x,
        area.y + popup.y,
        popup.width,
        popup.height,
    )
    .intersection(frame.area());
    frame.render_widget(Clear, popup);
    let title = format!(" Messages (newest first) {} esc closes ", theme.glyphs.sep);
    let block = pane_block(title, true, &theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let buf = frame.buffer_mut();
    let lines = app.messages.lines(usize::from(inner.width));
    if lines.is_empty() {
        put_line(
            buf,
            inner,
            inner.y,
            &Line::styled("no messages yet", theme.muted),
        );
        return;
    }
    let max_scroll = lines.len().saturating_sub(usize::from(inner.height));
    let scroll = app.help_scroll.min(max_scroll);
    for (row, (text, kind)) in lines
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let style = if *kind == MessageKind::Error {
            theme.error
        } else {
            ratatui::style::Style::default()
        };
        put_line(
            buf,
            inner,
            inner.y + row as u16,
            &Line::styled(text.clone(), style),
        );
    }
}
