//! The help overlay: every binding by table, generated from the keymap in use (so a user's
//! config changes what it says).
//!
//! ```text
//!      ┌ Keys (from your keymap) · esc closes ──────────┐
//!      │Everywhere (except the search bar)             │
//!      │  q, ctrl-c            quit                    │
//!      │  ?, f1                help                    │
//!      │Article list                                   │
//!      │  j, down              down                    │
//!      │  …                                            │
//!      └───────────────────────────────────────────────┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;

use super::put_line;
use super::theme::Theme;
use crate::text::wrap;

const KEYS_COL: usize = 22;

/// The help text as lines (section headings and `keys  description` rows).
fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (title, entries) in &app.settings.keys.sections {
        if entries.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(title.clone(), theme.heading));
        for (keys, desc) in entries {
            let pad = KEYS_COL.saturating_sub(wrap::display_width(keys)).max(1);
            out.push(Line::from(vec![
                Span::styled(format!("  {keys}"), theme.label),
                Span::raw(" ".repeat(pad)),
                Span::raw(desc.clone()),
            ]));
        }
    }
    out
}

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let title = format!(" Keys (from your keymap) {} esc closes ", theme.glyphs.sep);
    let inner = super::overlay(frame, area, title, &theme);
    let all = lines(app, &theme);
    let max_scroll = all.len().saturating_sub(usize::from(inner.height));
    let scroll = app.help_scroll.min(max_scroll);
    let buf = frame.buffer_mut();
    for (row, line) in all
        .iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        put_line(buf, inner, inner.y + row as u16, line);
    }
}
