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
//! first three. With an independent team, `≠` (`#` with `--ascii`) in the decision's cell, in
//! the error colour, marks a conflict: analysts decided the article differently. The title gets the room: the date and the outlet only get theirs while the
//! title keeps [`TITLE_MIN`] cells (the outlet first goes, then the date; see [`columns`]),
//! and a title cut to fit ends in `…`.
//!
//! A story with syndicated copies in the view is one row, its earliest copy, ending in
//! "+2 copies (Sripoku, Infoku)" (the outlets as far as they fit); expanded, the copies
//! follow it indented with `└`. The title then counts groups: "Articles 40/120 · 12 groups".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::clusters::{RowKind, group_count};
use crate::app::layout::Glyphs;
use crate::app::update::sort_label;
use crate::app::{App, Focus, Mode};
use crate::triage::{ArticleState, Decision};

use super::theme::Theme;
use super::{fit_title, highlighted, pane_block, put_line, style_row};
use crate::text::wrap;

/// Selection, read, star, decision, labels, then a space.
const MARKS: usize = 6;

/// The marks cells for one row.
pub fn marks(selected: bool, st: &ArticleState, glyphs: &Glyphs) -> String {
    let decision = match st.decision {
        _ if is_conflict(st) => glyphs.conflict,
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
/// An independent team's conflict; a shared team's list shows the decision that stands.
fn is_conflict(st: &ArticleState) -> bool {
    st.team
        .as_ref()
        .is_some_and(|t| !t.shared && t.agreement == crate::triage::Agreement::Conflict)
}

const DATE: usize = 10;
/// The title's cells that the date and outlet columns never take.
pub const TITLE_MIN: usize = 20;
const OUTLET_MIN: usize = 6;
const OUTLET_MAX: usize = 16;

/// How a list row of `width` cells is shared after the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub date: bool,
    /// The outlet's cells (0: no outlet column).
    pub outlet: usize,
    pub title: usize,
}

/// The date comes while the title keeps [`TITLE_MIN`] cells; the outlet then takes a quarter
/// of what is left (6 to 16 cells) on the same condition.
pub fn columns(width: usize) -> Columns {
    let avail = width.saturating_sub(MARKS);
    let date = avail > TITLE_MIN + DATE;
    let rest = if date { avail - DATE - 1 } else { avail };
    let outlet = (rest / 4).clamp(OUTLET_MIN, OUTLET_MAX);
    let outlet = if date && rest > TITLE_MIN + outlet {
        outlet
    } else {
        0
    };
    let title = rest - if outlet > 0 { outlet + 1 } else { 0 };
    Columns {
        date,
        outlet,
        title,
    }
}

/// "+2 copies (Sripoku, Infoku)" for a group's row, shortened to "+2 copies" and "+2" as
/// `room` (the title's cells) shrinks.
fn copies_badge(app: &App, cluster: crate::cluster::ClusterId, room: usize) -> String {
    let copies = app.copies_of(cluster);
    let n = copies.len();
    let noun = if n == 1 { "copy" } else { "copies" };
    let mut outlets: Vec<&str> = Vec::new();
    for &i in copies {
        if let Some(o) = app.corpus.metas().get(i).and_then(|m| m.outlet.as_deref())
            && !o.trim().is_empty()
            && !outlets.contains(&o)
        {
            outlets.push(o);
        }
    }
    let long = format!(" +{n} {noun} ({})", outlets.join(", "));
    let short = format!(" +{n} {noun}");
    let tiny = format!(" +{n}");
    // Outlets only while the title keeps half the room; "+N copies" while it keeps a third.
    let fits = |b: &str, share: usize| wrap::display_width(b) <= room * share / 6;
    let badge = if !outlets.is_empty() && fits(&long, 3) {
        long
    } else if fits(&short, 4) {
        short
    } else if fits(&tiny, 6) {
        tiny
    } else {
        String::new()
    };
    crate::text::sanitize(&badge)
}

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let focused = app.focus == Focus::List && app.mode == Mode::Normal;
    let g = theme.glyphs;
    let busy = if app.search.searching {
        format!(" {}", g.busy)
    } else {
        String::new()
    };
    let sep = g.sep;
    let selected = if app.list.selection.is_empty() {
        String::new()
    } else {
        format!(" {sep} {} selected", app.list.selection.len())
    };
    let groups = match group_count(&app.list.kinds) {
        0 => String::new(),
        1 => format!(" {sep} 1 group"),
        n => format!(" {sep} {n} groups"),
    };
    let thousands = |n: usize| crate::loader::thousands(n as u64);
    let (shown, total, sort) = (
        thousands(app.list.matches.len()),
        thousands(app.corpus.len()),
        sort_label(app.search.sort),
    );
    // Shorter forms keep the counts and the busy marker, dropping words first.
    let title = fit_title(
        [
            format!(" Articles {shown}/{total}{groups}{selected} {sep} {sort}{busy} "),
            format!(" Articles {shown}/{total}{selected} {sep} {sort}{busy} "),
            format!(" {shown}/{total}{selected} {sep} {sort}{busy} "),
            format!(" {shown}/{total}{busy} "),
        ],
        area.width,
    );
    let block = pane_block(title, focused, &theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    if app.list.shown.is_empty() {
        // "No match" only when something was asked: an empty corpus is said as such.
        let asked = !app.search.query.is_empty() || !app.search.filters.is_empty();
        let msg = if app.search.searching {
            format!("searching{}", g.busy)
        } else if app.corpus.is_empty() && app.arrivals.loading {
            format!("loading{}", g.busy)
        } else if app.corpus.is_empty() {
            "no articles here: no readable .txt, .json, .jsonl or .csv files".to_string()
        } else if asked {
            "no articles match".to_string()
        } else {
            "no articles".to_string()
        };
        put_line(buf, inner, inner.y, &Line::styled(msg, theme.muted));
        return;
    }
    let width = usize::from(inner.width);
    let Columns {
        date: show_date,
        outlet: outlet_w,
        ..
    } = columns(width);
    let rows = app
        .list
        .shown
        .iter()
        .enumerate()
        .skip(app.list.offset)
        .take(usize::from(inner.height));
    for (row, (pos, hit)) in rows.enumerate() {
        let y = inner.y + row as u16;
        let meta = app.corpus.meta(hit.index);
        let default = ArticleState::default();
        let state = app.state_ref(hit.index).unwrap_or(&default);
        let is_selected = app.list.selection.contains(&hit.index);
        let cells = marks(is_selected, state, g);
        let mut spans = if is_conflict(state) {
            // The conflict mark in the error colour; the glyph alone says it without colour.
            let mut c = cells.chars();
            let head: String = c.by_ref().take(3).collect();
            let mark: String = c.by_ref().take(1).collect();
            vec![
                Span::styled(head, theme.marks),
                Span::styled(mark, theme.error),
                Span::styled(c.collect::<String>(), theme.marks),
            ]
        } else {
            vec![Span::styled(cells, theme.marks)]
        };
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
        let mut title_w = width.saturating_sub(used);
        let kind = app.row_kind(pos);
        if let RowKind::Copy { .. } = kind {
            let indent = if app.settings.ascii {
                "  ` "
            } else {
                "  \u{2514} "
            };
            let indent = wrap::truncate_with(indent, title_w, g.ellipsis);
            title_w = title_w.saturating_sub(wrap::display_width(&indent));
            spans.push(Span::styled(indent, theme.muted));
        }
        let badge = match kind {
            RowKind::Group { cluster, .. } => copies_badge(app, cluster, title_w),
            _ => String::new(),
        };
        title_w = title_w.saturating_sub(wrap::display_width(&badge));
        // Highlights are computed for visible rows only: that is what keeps drawing cheap.
        let positions = if app.search.query.is_empty() {
            Vec::new()
        } else {
            app.search
                .query
                .title_highlights(&meta.title, &app.search.forms)
        };
        let title = highlighted(
            &meta.title,
            &positions,
            title_w,
            ratatui::style::Style::default(),
            theme.matched,
            g.ellipsis,
        );
        // The title is cut to leave the badge its room, so "+N copies" is never cut.
        spans.extend(title);
        if !badge.is_empty() {
            spans.push(Span::styled(badge, theme.muted));
        }
        put_line(buf, inner, y, &Line::from(spans));
        if is_selected {
            style_row(buf, inner, y, theme.picked);
        }
        if pos == app.list.cursor {
            style_row(buf, inner, y, theme.selected);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_gets_the_room_before_date_and_outlet() {
        for width in 0..200 {
            let c = columns(width);
            let used =
                MARKS + if c.date { DATE + 1 } else { 0 } + c.outlet + usize::from(c.outlet > 0);
            if width >= MARKS {
                assert_eq!(used + c.title, width, "{width}: {c:?}");
            }
            // The outlet only comes with the date, and neither squeezes the title.
            assert!(c.outlet == 0 || c.date, "{width}: {c:?}");
            if c.date {
                assert!(c.title >= TITLE_MIN, "{width}: {c:?}");
            }
        }
        // An 80-column terminal's list (38 cells inside): date and a title of 21.
        assert_eq!(
            columns(38),
            Columns {
                date: true,
                outlet: 0,
                title: 21
            }
        );
        // 120 columns with the filter column: every column.
        assert_eq!(
            columns(54),
            Columns {
                date: true,
                outlet: 9,
                title: 27
            }
        );
        assert_eq!(
            columns(20),
            Columns {
                date: false,
                outlet: 0,
                title: 14
            }
        );
    }
}
