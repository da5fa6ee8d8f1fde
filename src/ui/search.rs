//! The search bar: one row holding the query as typed, with a visible cursor while editing.
//!
//! ```text
//!  / tiktok date:2023█                      editing: cursor cell reversed, terminal
//!  / tiktok                                 cursor placed there too; otherwise dim
//!  / type / to search (words, "phrases", outlet:, date:, body:)
//! ```
//! While a prompt is open (labels, note, export file) the bar shows it instead:
//! ` label (+add -remove, tab completes): +banj█`.
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
    if area.width == 0 || area.height == 0 {
        return;
    }
    if let (Mode::Prompt, Some(p)) = (app.mode, &app.prompt) {
        // The title gives way to the input on a narrow screen.
        let title = format!(" {}", p.kind.title());
        let max = usize::from(area.width) / 2;
        let title = wrap::truncate(&title, max).0.to_string();
        edit_line(frame, area, &theme, &title, &p.input, p.cursor, true);
        return;
    }
    let editing = app.mode == Mode::Search;
    let avail = usize::from(area.width).saturating_sub(PROMPT.len() + 1);
    if !editing && app.input.is_empty() {
        let buf = frame.buffer_mut();
        let hint = "type / to search (words, \"phrases\", outlet:, date:, body:)";
        let line = Line::from(vec![
            Span::styled(PROMPT, theme.muted),
            Span::styled(wrap::truncate(hint, avail).0.to_string(), theme.muted),
        ]);
        put_line(buf, area, area.y, &line);
        return;
    }
    edit_line(
        frame,
        area,
        &theme,
        PROMPT,
        &app.input,
        app.input_cursor,
        editing,
    );
}

/// `prompt` then `input`, scrolled so the cursor (a char index) shows; when `editing`, the
/// cursor cell is reversed and the terminal cursor placed there.
fn edit_line(
    frame: &mut Frame<'_>,
    area: Rect,
    theme: &Theme,
    prompt: &str,
    input: &str,
    cursor: usize,
    editing: bool,
) {
    let buf = frame.buffer_mut();
    let prompt_w = wrap::display_width(prompt);
    let avail = usize::from(area.width).saturating_sub(prompt_w + 1);
    // Split at the cursor on the raw input, then make each half safe to show.
    let at = input
        .char_indices()
        .nth(cursor)
        .map_or(input.len(), |(i, _)| i);
    let before = safe_echo(&input[..at]);
    let after = safe_echo(&input[at..]);
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
            prompt.to_string(),
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
        let x = area.x + (prompt_w + bw) as u16;
        if x < area.right() {
            // The reversed cell shows the cursor even where the terminal cursor is hidden.
            let cell = Rect::new(x, area.y, 1, 1);
            style_row(buf, cell, area.y, theme.selected);
            frame.set_cursor_position(Position::new(x, area.y));
        }
    }
}
