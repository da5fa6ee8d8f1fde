//! Rendering: one file per pane, each a pure function of the [`App`]. The layout comes from
//! [`crate::app::layout`], the same function `update` uses for paging, so the two agree.
//!
//! ```text
//! +------------------------------------------+
//! | search bar                               |
//! +---------+----------------+---------------+
//! | filters | list           | detail        |   (see app::layout for the
//! |         |                |               |    narrower arrangements)
//! +---------+----------------+---------------+
//! | status line                              |
//! +------------------------------------------+
//!          [help overlay, centred, on top]
//! ```
//! Nothing here can panic on size: every write is clipped to the frame's buffer.

pub mod detail;
pub mod filters;
pub mod help;
pub mod list;
pub mod search;
pub mod status;
pub mod theme;
pub mod wrap;

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::layout::{self, Area, Screen};
use crate::app::{App, Mode};

use theme::Theme;

pub const TOO_SMALL: &str = "terminal too small (need 40x12)";
const TOO_SMALL_SHORT: &str = "too small: need 40x12";

/// Draws the whole screen.
pub fn render(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    match layout::compute(area.width, area.height, app.filters_open) {
        Screen::TooSmall => too_small(frame.buffer_mut(), area),
        Screen::Main(p) => {
            search::render(frame, rect(p.search), app);
            list::render(frame, rect(p.list), app);
            detail::render(frame, rect(p.detail), app);
            if let Some(f) = p.filters {
                filters::render(frame, rect(f), app, p.filters_overlay);
            }
            status::render(frame, rect(p.status), app);
            if app.mode == Mode::Help {
                help::render(frame, area, app);
            }
        }
    }
}

fn too_small(buf: &mut Buffer, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    // The full sentence is 31 cells; narrower terminals get the short form.
    let full = if TOO_SMALL.len() <= usize::from(area.width) {
        TOO_SMALL
    } else {
        TOO_SMALL_SHORT
    };
    let (text, w) = wrap::truncate(full, usize::from(area.width));
    let x = area.x + (area.width - w as u16) / 2;
    let y = area.y + area.height / 2;
    buf.set_stringn(x, y, text, w, Style::default());
}

pub fn rect(a: Area) -> Rect {
    Rect::new(a.x, a.y, a.width, a.height)
}

/// A bordered pane whose border shows whether it has the focus, drawn with the theme's
/// glyphs. A title built with the Unicode separator or ellipsis gets the theme's instead, so
/// every pane's title follows `--ascii` even where it was formatted without the theme.
pub fn pane_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let mut title: Line<'a> = title.into();
    for span in &mut title.spans {
        if let Cow::Owned(plain) = theme.glyphs.plain(&span.content) {
            span.content = Cow::Owned(plain);
        }
    }
    Block::default()
        .borders(Borders::ALL)
        .border_set(theme.border_set())
        .border_style(style)
        .title(title)
        .title_style(style)
}

/// Writes `line` on row `y` of `area`, clipped to both `area` and the buffer.
pub fn put_line(buf: &mut Buffer, area: Rect, y: u16, line: &Line<'_>) {
    let area = area.intersection(buf.area);
    if y < area.y || y >= area.bottom() || area.width == 0 {
        return;
    }
    buf.set_line(area.x, y, line, area.width);
}

/// Styles one row of `area` (the list cursor), clipped to the buffer.
pub fn style_row(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    let area = area.intersection(buf.area);
    if y < area.y || y >= area.bottom() {
        return;
    }
    buf.set_style(Rect::new(area.x, y, area.width, 1), style);
}

/// `text` cut to `width` cells as spans, with the chars at `positions` (char indices,
/// ascending) in `hl` and the rest in `base`.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    width: usize,
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_hl = false;
    let mut used = 0;
    let mut char_pos = 0;
    let mut next = positions.iter().peekable();
    for g in text.graphemes(true) {
        let w = wrap::grapheme_width(g);
        if used + w > width {
            break;
        }
        used += w;
        let n = g.chars().count();
        while next.peek().is_some_and(|&&p| p < char_pos) {
            next.next();
        }
        let is_hl = next.peek().is_some_and(|&&p| p < char_pos + n);
        char_pos += n;
        if is_hl != run_hl && !run.is_empty() {
            let style = if run_hl { hl } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_hl = is_hl;
        run.push_str(g);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_hl { hl } else { base }));
    }
    spans
}

/// Text typed by the user, made safe to echo: no control or invisible characters.
pub fn safe_echo(s: &str) -> String {
    s.chars()
        .filter(|&c| !c.is_control() && !crate::text::is_invisible(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighting_marks_the_right_chars_and_truncates() {
        let hl = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = highlighted("TikTok live", &[0, 4], 8, Style::default(), hl);
        let text: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hl))
            .collect();
        assert_eq!(
            text,
            [("T", true), ("ikT", false), ("o", true), ("k l", false)]
        );
    }

    #[test]
    fn echo_strips_controls() {
        assert_eq!(safe_echo("a\u{1b}[2Jb\u{202e}c"), "a[2Jbc");
    }
}
