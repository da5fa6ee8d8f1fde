//! The article detail: the cached, pre-wrapped document, drawn from the scroll offset.
//!
//! ```text
//! ┌ Article · 1-20/64 ─────────────────────────┐
//! │Viral ASN di Muratara Live Sebut Medsos…    │  title (bold, wrapped)
//! │                                            │
//! │Outlet     Tribunsumsel.com                 │  header fields, values
//! │Published  2025-07-01                       │  wrapped with a hanging
//! │Source     data/000_4c0f888a8b7f48f0.txt    │  indent
//! │                                            │
//! │TRIBUNSUMSEL.COM, LUBUKLINGGAU - Viral di   │  body paragraphs, blank
//! │media sosial oknum pegawai ASN …            │  line between; quotes
//! │                                            │  behind a bar; query
//! ││ "Sampai hari ini kami belum mendapat    │  │  terms highlighted
//! │                                            │
//! │Baca juga                                   │  related headlines
//! │• Mayat Mr X Ditemukan Warga …              │
//! └────────────────────────────────────────────┘
//! ```
//! Only the visible lines are turned into widgets; `Paragraph::scroll` (a u16) is never used.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::{App, Focus, Mode};

use super::theme::Theme;
use super::{pane_block, put_line};

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let focused = app.focus == Focus::Detail && app.mode == Mode::Normal;
    let height = usize::from(area.height.saturating_sub(2));
    let title = match &app.detail {
        Some(doc) if !doc.lines.is_empty() => {
            let first = app.detail_scroll + 1;
            let last = (app.detail_scroll + height).min(doc.lines.len());
            let matches = if doc.matches.is_empty() {
                String::new()
            } else {
                format!(" · {} matching lines", doc.matches.len())
            };
            format!(" Article · {first}-{last}/{}{matches} ", doc.lines.len())
        }
        _ => " Article ".to_string(),
    };
    let block = pane_block(title, focused, &theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    let Some(doc) = &app.detail else {
        put_line(
            buf,
            inner,
            inner.y,
            &Line::styled("no article selected", theme.muted),
        );
        return;
    };
    for (row, line) in doc
        .lines
        .iter()
        .skip(app.detail_scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        let spans: Vec<Span<'_>> = line
            .spans
            .iter()
            .map(|(text, kind)| Span::styled(text.as_str(), theme.span(*kind)))
            .collect();
        put_line(buf, inner, inner.y + row as u16, &Line::from(spans));
    }
}
