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
pub mod log;
pub mod search;
pub mod status;
pub mod theme;

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::layout::{Area, Screen};
use crate::app::{App, Mode};
use crate::text::wrap;

use theme::Theme;

pub const TOO_SMALL: &str = "terminal too small (need 40x12)";
const TOO_SMALL_SHORT: &str = "too small: need 40x12";

/// Draws the whole screen.
pub fn render(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    match app.screen_for(area.width, area.height) {
        Screen::TooSmall => too_small(frame.buffer_mut(), area),
        Screen::Main(p) => {
            search::render(frame, rect(p.search), app);
            // The reader leaves the list no room.
            if p.list.width > 0 {
                list::render(frame, rect(p.list), app);
            }
            detail::render(frame, rect(p.detail), app);
            if let Some(f) = p.filters {
                filters::render(frame, rect(f), app, p.filters_overlay);
            }
            status::render(frame, rect(p.status), app);
            if app.mode == Mode::Help && app.show_log {
                log::render(frame, area, app);
            } else if app.mode == Mode::Help {
                help::render(frame, area, app);
            }
        }
    }
    scrub(frame.buffer_mut());
}

/// The last line of defence: no cell may reach the terminal holding a control, bidi or
/// invisible character, whatever path its text took (article text is sanitised where it
/// enters, typed text as it is typed; this catches anything a future code path forgets).
/// The OSC 8 hyperlink cells the detail pane builds itself are the one exception, and only
/// in exactly the shape it builds them.
///
/// It also marks the cells hidden behind a wide grapheme made of several characters (see
/// [`hide_behind`]).
fn scrub(buf: &mut Buffer) {
    let width = usize::from(buf.area.width).max(1);
    let mut hidden = 0;
    for (i, cell) in buf.content.iter_mut().enumerate() {
        if i % width == 0 {
            hidden = 0;
        }
        if hidden > 0 {
            cell.modifier.insert(HIDDEN_BEHIND);
            hidden -= 1;
            continue;
        }
        let symbol = cell.symbol();
        if detail::is_link_cell(symbol) {
            continue;
        }
        if !crate::text::is_safe(symbol) || symbol.contains('\n') {
            let safe: String = crate::text::sanitize(symbol)
                .chars()
                .filter(|&c| c != '\n')
                .collect();
            cell.set_symbol(if safe.is_empty() { " " } else { &safe });
        }
        hidden = hide_behind(cell.symbol());
    }
}

/// The marker on cells covered by a wide grapheme of several characters.
const HIDDEN_BEHIND: Modifier = Modifier::HIDDEN;

/// How many cells after `symbol` to mark: its width less one when it is a wide grapheme of
/// several characters (a flag, an emoji with a skin tone, an Indic conjunct), else none.
///
/// ratatui keeps such a grapheme in one wide cell and never writes the cell behind it, but a
/// terminal may draw its characters in separate cells: tmux 3.3a puts each regional indicator
/// of a flag in its own. When the next frame puts a narrow character where the flag began
/// and a space behind it, ratatui sees the space unchanged (the covered cell was blank too)
/// and skips it, leaving the flag's second half on screen. Marking the covered cell makes it
/// differ from any cell of the next frame, so it is written; while the grapheme stays,
/// ratatui skips the covered cell as before, so the mark itself is never drawn.
fn hide_behind(symbol: &str) -> usize {
    let mut chars = symbol.chars();
    if chars.next().is_none() || chars.next().is_none() {
        return 0;
    }
    wrap::display_width(symbol).saturating_sub(1)
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

/// Draws a framed overlay in the help overlay's place (where the mouse tests click) over
/// whatever is below, and returns the area inside its frame.
pub fn overlay(frame: &mut Frame<'_>, area: Rect, title: String, theme: &Theme) -> Rect {
    let popup = rect(crate::app::layout::help_area(area.width, area.height));
    let popup = Rect::new(
        area.x + popup.x,
        area.y + popup.y,
        popup.width,
        popup.height,
    )
    .intersection(frame.area());
    frame.render_widget(ratatui::widgets::Clear, popup);
    let block = pane_block(title, true, theme);
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    inner
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

/// The first of `titles` (longest first) that fits on the top border of a pane `width`
/// wide; the last one when none does (the border then cuts it). A title cut mid-word by the
/// border reads as a different number ("1-30/4" of 45), so panes offer shorter forms.
pub fn fit_title(titles: impl IntoIterator<Item = String>, width: u16) -> String {
    let room = usize::from(width.saturating_sub(2));
    let mut last = String::new();
    for t in titles {
        if unicode_width::UnicodeWidthStr::width(t.as_str()) <= room {
            return t;
        }
        last = t;
    }
    last
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
/// ascending) in `hl` and the rest in `base`. A text that does not fit is cut on a grapheme
/// boundary and ends in `ellipsis` (one cell), so a cut title never reads as a whole one.
pub fn highlighted(
    text: &str,
    positions: &[usize],
    width: usize,
    base: Style,
    hl: Style,
    ellipsis: &str,
) -> Vec<Span<'static>> {
    let cut = wrap::display_width(text) > width;
    let width = if cut {
        width.saturating_sub(wrap::display_width(ellipsis))
    } else {
        width
    };
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
    if cut && width > 0 {
        spans.push(Span::styled(ellipsis.to_string(), base));
    }
    spans
}

/// Text typed by the user, made safe to echo: no control or invisible characters.
pub fn safe_echo(s: &str) -> String {
    s.chars().filter(|&c| crate::text::is_typeable(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlighting_marks_the_right_chars_and_truncates() {
        let hl = Style::default().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = highlighted("TikTok live", &[0, 4], 8, Style::default(), hl, "…");
        let text: Vec<(&str, bool)> = spans
            .iter()
            .map(|s| (s.content.as_ref(), s.style == hl))
            .collect();
        assert_eq!(
            text,
            [
                ("T", true),
                ("ikT", false),
                ("o", true),
                ("k ", false),
                ("…", false)
            ]
        );
        // A text that fits is never marked as cut; a wide grapheme is never split.
        let all = |spans: Vec<Span<'static>>| {
            spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
        };
        assert_eq!(
            all(highlighted("TikTok", &[], 6, Style::default(), hl, "…")),
            "TikTok"
        );
        assert_eq!(
            all(highlighted("日本語です", &[], 6, Style::default(), hl, "~")),
            "日本~"
        );
    }

    #[test]
    fn titles_shrink_to_the_first_form_that_fits_the_border() {
        let forms = || {
            [
                " Article · 1-20/85 · 12 matching lines ".to_string(),
                " Article · 1-20/85 · 12 matches ".to_string(),
                " 1-20/85 ".to_string(),
            ]
        };
        // Two columns go to the corners.
        assert_eq!(fit_title(forms(), 41), forms()[0]);
        assert_eq!(fit_title(forms(), 40), forms()[1]);
        assert_eq!(fit_title(forms(), 34), forms()[1]);
        assert_eq!(fit_title(forms(), 33), forms()[2]);
        // Nothing fits: the shortest, for the border to cut.
        assert_eq!(fit_title(forms(), 5), forms()[2]);
    }

    #[test]
    fn scrub_leaves_only_safe_cells_and_our_own_links() {
        let area = Rect::new(0, 0, 6, 1);
        let mut buf = Buffer::empty(area);
        for (x, sym) in ["a", "\u{202e}", "b\u{200b}", "\u{1b}", "\n", "\u{9b}"]
            .iter()
            .enumerate()
        {
            buf[(x as u16, 0)].set_symbol(sym);
        }
        let link = format!(
            "{}x{}",
            detail::osc8_open("https://example.com/a").expect("a plain URL"),
            detail::OSC8_CLOSE
        );
        let mut linked = Buffer::empty(Rect::new(0, 0, 2, 1));
        linked[(0, 0)].set_symbol(&link);
        // A forged sequence in the same place is not one of ours.
        linked[(1, 0)].set_symbol("\u{1b}]8;;javascript:x\u{1b}\\y");
        scrub(&mut buf);
        scrub(&mut linked);
        let symbols: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(symbols, ["a", " ", "b", " ", " ", " "]);
        assert_eq!(linked[(0, 0)].symbol(), link);
        assert!(crate::text::is_safe(linked[(1, 0)].symbol()));
    }

    #[test]
    fn unsanitised_text_never_reaches_a_cell() {
        // Text that skipped the loader's sanitiser (as a future code path might).
        let mut a = crate::model::Article::default();
        a.meta.id = "0123456789abcdef".into();
        a.meta.title = "Judul \u{202e}terbalik\u{1b}]0;pwned\u{7} \u{1b}[2Jbersih".into();
        a.meta.outlet = Some("Out\u{9b}31mlet".into());
        a.body.body = vec!["isi \u{1b}[31mmerah\u{200b} \u{2066}x".into()];
        let corpus = crate::corpus::Corpus::from_articles(vec![a]);
        let mut app = App::new(corpus, crate::app::KeyHelp::default());
        crate::app::update(&mut app, crate::app::Action::Resize(100, 20));
        crate::app::search_now(&mut app);
        crate::app::update(&mut app, crate::app::Action::Open);
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 20))
            .expect("test terminal");
        term.draw(|f| render(f, &app)).expect("draw");
        let buf = term.backend().buffer();
        let mut screen = String::new();
        for cell in buf.content.iter() {
            let s = cell.symbol();
            assert!(
                crate::text::is_safe(s) && !s.contains('\n'),
                "unsafe cell {s:?}"
            );
            screen.push_str(s);
        }
        assert!(screen.contains("terbalik"), "{screen}");
        assert!(screen.contains("merah"), "{screen}");
    }

    /// A terminal that draws every character of a cell in cells of its own, the way tmux 3.3a
    /// draws the two regional indicators of a flag; zero-width characters join the cell
    /// before. Applies ratatui's updates to `screen`, one string per cell.
    fn draw_split(screen: &mut [Vec<String>], updates: &[(u16, u16, &ratatui::buffer::Cell)]) {
        use unicode_width::UnicodeWidthChar;
        for &(x, y, cell) in updates {
            let row = &mut screen[usize::from(y)];
            let mut x = usize::from(x);
            for c in cell.symbol().chars() {
                match c.width().unwrap_or(0) {
                    0 if x > 0 => row[x - 1].push(c),
                    0 => {}
                    w => {
                        if let Some(at) = row.get_mut(x) {
                            *at = c.to_string();
                        }
                        if let Some(behind) = row.get_mut(x + 1).filter(|_| w == 2) {
                            behind.clear();
                        }
                        x += w;
                    }
                }
            }
        }
    }

    #[test]
    fn a_flag_replaced_by_narrow_text_leaves_nothing_behind() {
        let area = Rect::new(0, 0, 24, 1);
        let frame = |text: &str| {
            let mut buf = Buffer::empty(area);
            buf.set_string(0, 0, text, Style::default());
            scrub(&mut buf);
            buf
        };
        let text = |row: &[String]| row.concat().trim_end().to_string();
        let blank = Buffer::empty(area);
        for (before, after) in [
            ("Bendera 🇮🇩 berkibar", "Bendera X berkibar"),
            ("Bendera 🇮🇩 berkibar", "Bendera  berkibar"),
            ("a🇮🇩 b", "ab  b"),
            ("aksara क्ष ok", "aksara x ok"),
        ] {
            let (one, two) = (frame(before), frame(after));
            let mut screen = vec![vec![" ".to_string(); 24]];
            draw_split(&mut screen, &blank.diff(&one));
            assert_eq!(text(&screen[0]), before);
            draw_split(&mut screen, &one.diff(&two));
            assert_eq!(text(&screen[0]), after, "after {before:?}");
            // Nothing is written while the flag stays.
            assert!(one.diff(&frame(before)).is_empty());
        }
    }

    #[test]
    fn echo_strips_controls() {
        assert_eq!(safe_echo("a\u{1b}[2Jb\u{202e}c"), "a[2Jbc");
    }
}
