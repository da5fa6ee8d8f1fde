//! The search bar: one row holding the query as typed, with a visible cursor while editing.
//!
//! ```text
//!  / tiktok date:2023█                      editing: cursor cell reversed, terminal
//!  / tiktok                                 cursor placed there too; otherwise dim
//!  / type / to search (words, "phrases", outlet:, date:, body:)
//! ```
//! A query longer than the bar scrolls so the cursor stays in view. The text is echoed
//! through [`super::safe_echo`], so nothing typed can reach the terminal as a control.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::{App, Mode};

use super::theme::Theme;
use super::{put_line, safe_echo, style_row, wrap};

const PROMPT: &str = " / ";

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let editing = app.mode == Mode::Search;
    let buf = frame.buffer_mut();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let avail = usize::from(area.width).saturating_sub(PROMPT.len() + 1);
    if !editing && app.input.is_empty() {
        let hint = "type / to search (words, \"phrases\", outlet:, date:, body:)";
        let line = Line::from(vec![
            Span::styled(PROMPT, theme.muted),
            Span::styled(wrap::truncate(hint, avail).0.to_string(), theme.muted),
        ]);
        put_line(buf, area, area.y, &line);
        return;
    }
    // Split at the cursor on the raw input, then make each half safe to show.
    let at = app
        .input
        .char_indices()
        .nth(app.input_cursor)
        .map_or(app.input.len(), |(i, _)| i);
    let before = safe_echo(&app.input[..at]);
    let after = safe_echo(&app.input[at..]);
    // Scroll: drop graphemes from the left until the cursor fits.
    let mut shown_before = before.as_str();
    while wrap::display_width(shown_before) + 1 > avail && !shown_before.is_empty() {
        let skip = shown_before.graphemes(true).next().map_or(0, str::len);
        shown_before = &shown_before[skip..];
    }
    let bw = wrap::display_width(shown_before);
    let rest = avail.saturating_sub(bw);
    let (shown_after, _) = wrap::truncate(&after, rest);
    let style = if editing {
        Style::default()
    } else {
        theme.muted
    };
    let line = Line::from(vec![
        Span::styled(
            PROMPT,
            if editing {
                theme.border_focused
            } else {
                theme.muted
            },
        ),
        Span::styled(shown_before.to_string(), style),
        Span::styled(shown_after.to_string(), style),
    ]);
    put_line(buf, area, area.y, &line);
    if editing {
        let x = area.x + (PROMPT.len() + bw) as u16;
        if x < area.right() {
            // The reversed cell shows the cursor even where the terminal cursor is hidden.
            let cell = Rect::new(x, area.y, 1, 1);
            style_row(buf, cell, area.y, theme.selected);
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
}
