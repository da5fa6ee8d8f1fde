//! The article list: one row per result, only the visible window is built.
//!
//! ```text
//! ┌ Articles 3/5 · 1 selected · newest ────────────────┐
//! │ •★R2 2025-09-10 Infoku     ASN Dibatasi Bermedsos,…│  marks, date, outlet, title
//! │▸ • M 2024-06-19 Sumeks.co  Pemkab OKI Minta OPD Ti…│  with fuzzy matches
//! │    I 2024-04-10 Pab-Online Dituding Paksa ASN Jadi…│  highlighted; cursor reversed
//! └────────────────────────────────────────────────────┘
//! ```
//! Marks, one cell each, readable without colour: `▸` selected (the row is also bold and
//! underlined), `•` unread, `★` starred, the decision `R`/`I`/`M` (blank: undecided), the
//! number of labels (`+` for more than 9); with `--ascii` `>`, `*` and `!` stand for the
//! first three. Narrow panes drop the outlet column first, then the date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::layout::Glyphs;
use crate::app::update::sort_label;
use crate::app::{App, Focus, Mode};
use crate::triage::{ArticleState, Decision};

use super::theme::Theme;
use super::{highlighted, pane_block, put_line, style_row, wrap};

/// Selection, read, star, decision, labels, then a space.
const MARKS: usize = 6;

/// The marks cells for one row.
pub fn marks(selected: bool, st: &ArticleState, glyphs: &Glyphs) -> String {
    let decision = match st.decision {
        Decision::Undecided => ' ',
        Decision::Relevant => 'R',
        Decision::Irrelevant => 'I',
        Decision::Maybe => 'M',
    };
    let labels = match st.labels.len() {
        0 => ' ',
        n @ 1..=9 => char::from_digit(n as u32, 10).unwrap_or('+'),
        _ => '+',
    };
    let mut out = String::with_capacity(MARKS * 3);
    out.push(if selected { glyphs.picked } else { ' ' });
    out.push(if st.read { ' ' } else { glyphs.unread });
    out.push(if st.starred { glyphs.starred } else { ' ' });
    out.push(decision);
    out.push(labels);
    out.push(' ');
    out
}
const DATE: usize = 10;

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let focused = app.focus == Focus::List && app.mode == Mode::Normal;
    let g = theme.glyphs;
    let busy = if app.searching {
        format!(" {}", g.busy)
    } else {
        String::new()
    };
    let sep = g.sep;
    let selected = if app.selection.is_empty() {
        String::new()
    } else {
        format!(" {sep} {} selected", app.selection.len())
    };
    let title = format!(
        " Articles {}/{}{selected} {sep} {}{busy} ",
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
            format!("searching{}", g.busy)
        } else {
            "no articles match".to_string()
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
        let default = ArticleState::default();
        let state = app.state_ref(hit.index).unwrap_or(&default);
        let is_selected = app.selection.contains(&hit.index);
        let mut spans = vec![Span::styled(marks(is_selected, state, g), theme.marks)];
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
            let outlet =
                wrap::truncate_with(meta.outlet.as_deref().unwrap_or(""), outlet_w, g.ellipsis);
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
        if is_selected {
            style_row(buf, inner, y, theme.picked);
        }
        if pos == app.cursor {
            style_row(buf, inner, y, theme.selected);
        }
    }
}
