//! The article list: one row per result, only the visible window is built.
//!
//! ```text
//! ┌ Articles 3/5 · newest ─────────────────────────────┐
//! │  2025-09-10 Infoku         ASN Dibatasi Bermedsos,…│  marks (2 cells, reserved
//! │  2024-06-19 Sumeks.co      Pemkab OKI Minta OPD Ti…│  for triage), date, outlet,
//! │  2024-04-10 Pab-Online     Dituding Paksa ASN Jadi…│  title with fuzzy matches
//! └────────────────────────────────────────────────────┘  highlighted; cursor reversed
//! ```
//! Narrow panes drop the outlet column first, then the date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::update::sort_label;
use crate::app::{App, Focus, Mode};

use super::theme::Theme;
use super::{highlighted, pane_block, put_line, style_row, wrap};

const MARKS: usize = 2;
const DATE: usize = 10;

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let focused = app.focus == Focus::List && app.mode == Mode::Normal;
    let busy = if app.searching { " …" } else { "" };
    let title = format!(
        " Articles {}/{} · {}{busy} ",
        app.hits.len(),
        app.corpus.len(),
        sort_label(app.sort)
    );
    let block = pane_block(title, focused, &theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    if app.hits.is_empty() {
        let msg = if app.searching {
            "searching…"
        } else {
            "no articles match"
        };
        put_line(buf, inner, inner.y, &Line::styled(msg, theme.muted));
        return;
    }
    let width = usize::from(inner.width);
    let show_date = width >= 30;
    let outlet_w = if width >= 44 {
        (width / 5).clamp(8, 18)
    } else {
        0
    };
    let rows = app
        .hits
        .iter()
        .enumerate()
        .skip(app.list_offset)
        .take(usize::from(inner.height));
    for (row, (pos, hit)) in rows.enumerate() {
        let y = inner.y + row as u16;
        let meta = app.corpus.meta(hit.index);
        let mut spans = vec![Span::raw(" ".repeat(MARKS.min(width)))];
        let mut used = MARKS;
        if show_date {
            let date = meta
                .published
                .map_or_else(|| " ".repeat(DATE), |d| d.to_string());
            spans.push(Span::styled(date, theme.date));
            spans.push(Span::raw(" "));
            used += DATE + 1;
        }
        if outlet_w > 0 {
            let outlet = wrap::truncate_ellipsis(meta.outlet.as_deref().unwrap_or(""), outlet_w);
            let pad = outlet_w - wrap::display_width(&outlet);
            spans.push(Span::styled(outlet, theme.outlet));
            spans.push(Span::raw(" ".repeat(pad + 1)));
            used += outlet_w + 1;
        }
        let title_w = width.saturating_sub(used);
        // Highlights are computed for visible rows only: that is what keeps drawing cheap.
        let positions = if app.query.is_empty() {
            Vec::new()
        } else {
            app.query.title_highlights(&meta.title)
        };
        spans.extend(highlighted(
            &meta.title,
            &positions,
            title_w,
            ratatui::style::Style::default(),
            theme.matched,
        ));
        put_line(buf, inner, y, &Line::from(spans));
        if pos == app.cursor {
            style_row(buf, inner, y, theme.selected);
        }
    }
}
