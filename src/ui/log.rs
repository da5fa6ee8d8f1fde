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

use crate::app::{App, MessageKind};

use super::put_line;
use super::theme::Theme;

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let title = format!(" Messages (newest first) {} esc closes ", theme.glyphs.sep);
    let inner = super::overlay(frame, area, title, &theme);
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
