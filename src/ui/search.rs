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

use crate::app::{App, Mode};

use super::theme::Theme;
use super::{put_line, safe_echo, style_row};
use crate::text::wrap;

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
        edit_line(frame, area, &theme, &title, &p.input, p.input.cursor, true);
        return;
    }
    let editing = app.mode == Mode::Search;
    let avail = usize::from(area.width).saturating_sub(PROMPT.len() + 1);
    if !editing && app.search.input.is_empty() {
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
        &app.search.input,
        app.search.input.cursor,
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
    // Scroll: what fits before the cursor, leaving its cell, measured back from the cursor
    // so that a pasted page costs what is shown (dropping graphemes from the left and
    // measuring the rest again cost the square of the length: seconds per key at 10 KB).
    let (shown_before, bw) = wrap::truncate_start(&before, avail.saturating_sub(1));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::line::LineInput;
    use crate::app::{KeyHelp, Prompt, PromptKind};
    use crate::text::wrap::MEASURED;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// Draws the bar alone, `width` cells wide; returns its text and the graphemes measured.
    fn draw(app: &App, width: u16) -> (String, usize) {
        let mut term = Terminal::new(TestBackend::new(width, 1)).expect("test terminal");
        MEASURED.with(|n| n.set(0));
        term.draw(|f| render(f, f.area(), app)).expect("draw");
        let measured = MEASURED.with(|n| n.get());
        let buf = term.backend().buffer();
        let text = buf.content.iter().map(|c| c.symbol()).collect();
        (text, measured)
    }

    /// A pasted page costs what the bar shows: the graphemes measured stay within a few
    /// times the bar's width whatever the length and wherever the cursor, in the search bar
    /// and in a prompt. Dropping graphemes from the left and measuring the rest again (as
    /// the bar once did) measures about n²/2 of them: 10^8 for these 16 KB.
    #[test]
    fn drawing_a_long_line_measures_only_what_is_shown() {
        let corpus = crate::corpus::Corpus::from_articles(Vec::new());
        let mut app = App::new(corpus, KeyHelp::default());
        let text = "kata é 日本 🇮🇩 ".repeat(16 * 1024 / "kata é 日本 🇮🇩 ".len());
        let n = text.chars().count();
        let width = 80;
        for mode in [Mode::Search, Mode::Prompt] {
            app.mode = mode;
            for cursor in [n, n / 2 + 1, 1, 0] {
                app.search.input = LineInput {
                    text: text.clone(),
                    cursor,
                };
                app.prompt = Some(Prompt {
                    kind: PromptKind::Note,
                    input: LineInput {
                        text: text.clone(),
                        cursor,
                    },
                    targets: Vec::new(),
                    completion: None,
                    replace: None,
                });
                let (shown, measured) = draw(&app, width);
                assert!(
                    measured <= 4 * usize::from(width),
                    "{mode:?}, cursor at {cursor} of {n}: measured {measured} graphemes"
                );
                // The text next to the cursor is what shows (spaces aside: a wide
                // character's second cell holds one).
                let near: String = text
                    .chars()
                    .skip(cursor.saturating_sub(6))
                    .take(4)
                    .collect();
                let bare = |s: &str| s.replace(' ', "");
                assert!(
                    bare(&shown).contains(&bare(&near)),
                    "{mode:?} {cursor}: {shown:?}"
                );
            }
        }
    }
}
