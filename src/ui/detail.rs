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
//!
//! Web addresses become OSC 8 hyperlinks when `app.settings.hyperlinks` is on (and colours are, since
//! `NO_COLOR` asks for plain output). ratatui has no hyperlinks and would count an escape
//! sequence's bytes as cells, so after the normal render each cell of an address gets its
//! own symbol wrapped in `ESC ] 8 ; id=… ; URL ESC \ … ESC ] 8 ; ; ESC \` with its width
//! forced to 1 for the diff; the shared `id` makes the terminal treat the cells (and the
//! pieces of an address wrapped over lines) as one link. Terminals without OSC 8 ignore the
//! sequences. Only addresses [`crate::url::web_url`] accepts (http/https, printable
//! ASCII) get here, and they are checked again before use.

use std::num::NonZeroU16;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::app::detail::DocLine;
use crate::app::{App, Focus, Mode};

use super::theme::Theme;
use super::{fit_title, pane_block, put_line};
use crate::text::wrap;

pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App) {
    let theme = Theme::for_app(app);
    let focused = app.focus == Focus::Detail && app.mode == Mode::Normal;
    let height = usize::from(area.height.saturating_sub(2));
    let title = match &app.detail.doc {
        Some(doc) if !doc.lines.is_empty() => {
            let first = app.detail.scroll + 1;
            let last = (app.detail.scroll + height).min(doc.lines.len());
            let (n, total) = (doc.matches.len(), doc.lines.len());
            // The reader says where in the view the article is, for reading on with J/K.
            let lines = if app.reading() {
                format!(
                    "{}/{} {} {first}-{last}/{total}",
                    app.list.cursor + 1,
                    app.list.shown.len(),
                    theme.glyphs.sep
                )
            } else {
                format!("{first}-{last}/{total}")
            };
            if n == 0 {
                fit_title(
                    [format!(" Article · {lines} "), format!(" {lines} ")],
                    area.width,
                )
            } else {
                fit_title(
                    [
                        format!(" Article · {lines} · {n} matching lines "),
                        format!(" Article · {lines} · {n} matches "),
                        format!(" {lines} · {n} matches "),
                        format!(" {lines} "),
                    ],
                    area.width,
                )
            }
        }
        _ => " Article ".to_string(),
    };
    let block = pane_block(title, focused, &theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let buf = frame.buffer_mut();
    let Some(doc) = &app.detail.doc else {
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
        .skip(app.detail.scroll)
        .take(usize::from(inner.height))
        .enumerate()
    {
        // Topic keywords are underlined on top of their kind's style (a `topic` theme role
        // would make this configurable).
        let spans: Vec<Span<'_>> = line
            .pieces()
            .map(|(text, kind, topic)| {
                let style = theme.span(kind);
                let style = if topic {
                    style.add_modifier(ratatui::style::Modifier::UNDERLINED)
                } else {
                    style
                };
                Span::styled(text, style)
            })
            .collect();
        let y = inner.y + row as u16;
        put_line(buf, inner, y, &Line::from(spans));
        if app.settings.hyperlinks && !app.settings.no_color {
            link_cells(buf, inner, y, line);
        }
    }
}

/// The opening OSC 8 sequence for `url`, or `None` when the address is not safe inside an
/// escape sequence.
pub fn osc8_open(url: &str) -> Option<String> {
    let url = crate::url::web_url(url)?;
    let id = xxhash_rust::xxh3::xxh3_64(url.as_bytes()) & 0xffff_ffff;
    Some(format!("\x1b]8;id=w{id:08x};{url}\x1b\\"))
}

/// Closes a hyperlink.
pub const OSC8_CLOSE: &str = "\x1b]8;;\x1b\\";

/// Whether `symbol` is exactly a cell `link_cells` builds: an opening sequence for a safe
/// URL, one safe grapheme, the closing sequence. Anything else holding an escape is not ours.
pub fn is_link_cell(symbol: &str) -> bool {
    let Some(body) = symbol
        .strip_prefix("\x1b]8;id=w")
        .and_then(|s| s.strip_suffix(OSC8_CLOSE))
    else {
        return false;
    };
    let Some((id, rest)) = body.split_once(';') else {
        return false;
    };
    let Some((url, glyph)) = rest.split_once("\x1b\\") else {
        return false;
    };
    id.len() == 8
        && id.bytes().all(|b| b.is_ascii_hexdigit())
        && osc8_open(url).is_some_and(|open| symbol.starts_with(&open))
        && !glyph.is_empty()
        && crate::text::is_safe(glyph)
        && !glyph.contains('\n')
}

/// Wraps the cells showing `line`'s links (row `y` of `inner`) in OSC 8. A cell is linked
/// only when it holds the expected character, so a disagreement over widths between the
/// layout and the buffer costs a link, never a wrong glyph.
fn link_cells(buf: &mut Buffer, inner: Rect, y: u16, line: &DocLine) {
    if line.links.is_empty() || !buf.area.contains((inner.x, y).into()) {
        return;
    }
    let opens: Vec<Option<String>> = line.links.iter().map(|l| osc8_open(&l.url)).collect();
    let text = line.text();
    let mut col: u16 = 0;
    for (at, g) in text.grapheme_indices(true) {
        // The cells ratatui's `set_line` fills: it skips controls and zero-width graphemes.
        let w = wrap::grapheme_width(g);
        if w == 0 || g.contains(char::is_control) {
            continue;
        }
        let Ok(w) = u16::try_from(w) else {
            return;
        };
        if col + w > inner.width {
            return;
        }
        let open = line
            .links
            .iter()
            .zip(&opens)
            .find(|(l, _)| l.range.contains(&at))
            .and_then(|(_, o)| o.as_deref());
        if let Some(open) = open
            && w == 1
            && let Some(cell) = buf.cell_mut((inner.x + col, y))
            && cell.symbol() == g
        {
            let symbol = format!("{open}{g}{OSC8_CLOSE}");
            cell.set_symbol(&symbol)
                .set_diff_option(CellDiffOption::ForcedWidth(NonZeroU16::MIN));
        }
        col += w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::model::Article;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    const URL: &str = "https://news.example.id/a?b=1";

    fn app(url: &str, hyperlinks: bool) -> App {
        let mut a = Article::default();
        a.meta.title = "Judul".into();
        a.meta.url = Some(url.into());
        a.meta.source_path = "a.txt".into();
        a.body.body = vec![format!("Baca di {url} ya.")];
        let mut app = App::new(Corpus::from_articles(vec![a]), Default::default());
        app.settings.hyperlinks = hyperlinks;
        crate::app::update(&mut app, crate::app::Action::Resize(120, 30));
        crate::app::search_now(&mut app);
        app
    }

    fn cells(app: &App) -> Vec<String> {
        let mut term = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
        term.draw(|f| crate::ui::render(f, app)).unwrap();
        term.backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol().to_string())
            .collect()
    }

    #[test]
    fn address_cells_carry_osc8_and_keep_their_text() {
        let app = app(URL, true);
        let cells = cells(&app);
        let open = osc8_open(URL).unwrap();
        let linked: Vec<&String> = cells.iter().filter(|c| c.starts_with(&open)).collect();
        // The header's address and the one in the body.
        assert_eq!(linked.len(), 2 * URL.len(), "{linked:?}");
        let text: String = linked
            .iter()
            .take(URL.len())
            .map(|c| &c[open.len()..c.len() - OSC8_CLOSE.len()])
            .collect();
        assert_eq!(text, URL);
        assert!(linked.iter().all(|c| c.ends_with(OSC8_CLOSE)));
    }

    #[test]
    fn no_links_when_off_or_without_colour() {
        let off = app(URL, false);
        assert!(cells(&off).iter().all(|c| !c.contains('\x1b')));
        let mut plain = app(URL, true);
        plain.settings.no_color = true;
        assert!(cells(&plain).iter().all(|c| !c.contains('\x1b')));
        // The text itself is still there.
        assert!(cells(&off).concat().contains(URL));
    }

    #[test]
    fn hostile_addresses_are_never_linked() {
        for bad in [
            "https://a.id/\x07\x1b]8;;evil",
            "https://a.id/ü",
            "javascript:alert(1)",
        ] {
            assert_eq!(osc8_open(bad), None, "{bad:?}");
            let app = app(bad, true);
            assert!(
                cells(&app).iter().all(|c| !c.contains("]8;")),
                "{bad:?} was linked"
            );
        }
    }
}
