//! The filters pane: articles per month for the current results, then every facet's values
//! with live counts. A column at >= 120 columns, an overlay over the list below that.
//!
//! ```text
//! ┌ Filters · 1 active ──────────┐
//! │Per month 2023-06…2025-09 ▲3  │  chart: last N months that fit
//! │▁    █       ▄       ▂        │  (sparkline, 3 rows)
//! │                              │
//! │                              │
//! │Outlet                        │  facet heading
//! │ [x] Tribunsumsel.com       1 │  selected value
//! │ [ ] Sumeks.co              1 │  cursor row reversed when focused
//! │Month                         │
//! │ [ ] 2025-09                1 │
//! └──────────────────────────────┘
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Sparkline};

use crate::app::layout::chart_rows;
use crate::app::{App, FilterRow, Focus, Mode};

use super::theme::Theme;
use super::{pane_block, put_line, style_row};
use crate::text::wrap;

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, overlay: bool) {
    let area = area.intersection(frame.area());
    let theme = Theme::for_app(app);
    if overlay {
        frame.render_widget(Clear, area);
    }
    let focused = app.focus == Focus::Filters && app.mode == Mode::Normal;
    let active = app.search.filters.count();
    let sep = theme.glyphs.sep;
    let mut title = " Filters ".to_string();
    if active > 0 {
        title.push_str(&format!("{sep} {active} active "));
    }
    // The find text stays said while it hides values.
    if !app.filter_pane.narrow.is_empty() {
        title.push_str(&format!("{sep} /{} ", app.filter_pane.narrow));
    }
    let block = pane_block(title, focused, &theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);

    let chart = chart_rows(inner.height);
    if chart > 0 {
        render_chart(
            frame,
            Rect::new(inner.x, inner.y, inner.width, chart),
            app,
            &theme,
        );
    }
    let list = Rect::new(
        inner.x,
        inner.y + chart,
        inner.width,
        inner.height.saturating_sub(chart),
    );
    let buf = frame.buffer_mut();
    if app.filter_pane.rows.is_empty() {
        put_line(buf, list, list.y, &Line::styled("no values", theme.muted));
        return;
    }
    let width = usize::from(list.width);
    // The heading of the facet being scrolled stays on the top line (see
    // `app::filter_rows`), with how far down its values the view is.
    let pinned = app.pinned_heading();
    let first = usize::from(pinned.is_some());
    if let Some(facet) = pinned {
        let values = app
            .filter_pane
            .rows
            .iter()
            .filter(|r| matches!(r, FilterRow::Value { facet: f, .. } if *f == facet))
            .count();
        let start = app.filter_pane.rows[..app.filter_pane.offset]
            .iter()
            .rposition(|r| matches!(r, FilterRow::Heading(_)))
            .map_or(app.filter_pane.offset, |h| app.filter_pane.offset - h);
        let line = Line::from(vec![
            Span::styled(heading_title(facet), theme.heading),
            Span::styled(format!(" {sep} {start} of {values}"), theme.muted),
        ]);
        put_line(buf, list, list.y, &line);
    }
    for (row, (pos, item)) in app
        .filter_pane
        .rows
        .iter()
        .enumerate()
        .skip(app.filter_pane.offset)
        .take(usize::from(list.height).saturating_sub(first))
        .enumerate()
    {
        let y = list.y + (row + first) as u16;
        let line = match item {
            FilterRow::Heading(facet) => Line::styled(heading_title(*facet), theme.heading),
            FilterRow::Value {
                value,
                count,
                selected,
                ..
            } => {
                let mark = if *selected { " [x] " } else { " [ ] " };
                let empty = *count == 0;
                let count = format!(" {}", crate::loader::thousands(*count as u64));
                let value_w = width.saturating_sub(mark.len() + count.len());
                let value = wrap::truncate_with(value, value_w, theme.glyphs.ellipsis);
                let pad = value_w.saturating_sub(wrap::display_width(&value));
                // A value that matches nothing now keeps its place (see
                // `app::filter_rows`), dimmed.
                let style = if *selected {
                    theme.checked
                } else if empty {
                    theme.muted
                } else {
                    ratatui::style::Style::default()
                };
                Line::from(vec![
                    Span::styled(mark, style),
                    Span::styled(value, style),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, theme.muted),
                ])
            }
        };
        put_line(buf, list, y, &line);
        if focused && pos == app.filter_pane.cursor {
            style_row(buf, list, y, theme.selected);
        }
    }
}

fn heading_title(facet: crate::facets::Facet) -> String {
    if facet == crate::facets::Facet::Passing {
        return "Named in passing".to_string();
    }
    let name = facet.name();
    let mut title = name[..1].to_uppercase();
    title.push_str(&name[1..]);
    title
}

fn render_chart(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let months = &app.filter_pane.histogram;
    let width = usize::from(area.width);
    // Show the most recent months that fit, one column each.
    let shown = &months[months.len().saturating_sub(width)..];
    let label = match (shown.first(), shown.last()) {
        (Some((a, _)), Some((b, _))) => {
            let max = shown.iter().map(|(_, n)| *n).max().unwrap_or(0);
            format!("Per month {a}{}{b} max {max}", theme.glyphs.range)
        }
        _ => "Per month: no dated articles".to_string(),
    };
    let label = wrap::truncate_with(&label, width, theme.glyphs.ellipsis);
    put_line(
        frame.buffer_mut(),
        area,
        area.y,
        &Line::styled(label, theme.muted),
    );
    if area.height > 1 && !shown.is_empty() {
        let data: Vec<u64> = shown.iter().map(|(_, n)| *n).collect();
        let spark = Sparkline::default()
            .data(&data)
            .bar_set(theme.bar_set())
            .style(theme.chart);
        let bars = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
        frame.render_widget(spark, bars);
    }
}
