//! The status line: result count, the latest message, key hints for the focused pane.
//!
//! ```text
//!  3/5 · invalid query: date:2024-13: month must be 1-12      enter open · / search · ? help
//!  └count┘ └message (errors in red/bold) ────────────┘        └hints, dropped when narrow┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Focus, MessageKind, Mode};

use super::theme::Theme;
use super::{put_line, wrap};

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let width = usize::from(area.width);
    let count = format!(" {}/{} ", app.hits.len(), app.corpus.len());
    let hints = match (app.mode, app.focus) {
        (Mode::Search, _) => &app.keys.search,
        (Mode::Help, _) => &app.keys.help,
        (Mode::Normal, Focus::List) => &app.keys.list,
        (Mode::Normal, Focus::Detail) => &app.keys.detail,
        (Mode::Normal, Focus::Filters) => &app.keys.filters,
    };
    let left_w = width.saturating_sub(wrap::display_width(&count));
    let (message, style) = match &app.message {
        Some(m) => (
            format!("· {} ", m.text),
            if m.kind == MessageKind::Error {
                theme.error
            } else {
                theme.info
            },
        ),
        None => (String::new(), theme.muted),
    };
    let message = wrap::truncate_ellipsis(&message, left_w);
    let room = left_w.saturating_sub(wrap::display_width(&message));
    let mut spans = vec![
        Span::styled(count, theme.title),
        Span::styled(message, style),
    ];
    // As many whole hints as fit; a cut-off hint is worse than none.
    let mut shown = String::new();
    for hint in hints.split(" · ") {
        let candidate = if shown.is_empty() {
            hint.to_string()
        } else {
            format!("{shown} · {hint}")
        };
        if wrap::display_width(&candidate) + 1 > room {
            break;
        }
        shown = candidate;
    }
    if !shown.is_empty() {
        let pad = room - wrap::display_width(&shown) - 1;
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(shown, theme.muted));
    }
    put_line(frame.buffer_mut(), area, area.y, &Line::from(spans));
}
