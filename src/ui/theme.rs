//! Styles. The default theme uses the 16 ANSI colours only (they follow the user's terminal
//! palette, light or dark); with `NO_COLOR` there is no colour at all and everything that
//! matters is carried by modifiers: the selection is REVERSED, matches BOLD+UNDERLINED.
//!
//! ```text
//!  ┌ Articles 5/5 · newest ┐   border: focused = bold (+cyan)
//!  │  2024-04-10 Kompas  Ti│   selected row: reversed
//!  │  2024-06-19 Sumeks  ██│   match: bold + yellow
//!  └───────────────────────┘
//! ```
//!
//! The theme also carries the glyph set ([`Glyphs`]: Unicode, or ASCII with `--ascii`), so
//! panes ask the theme for every border, mark and separator they draw.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::{bar, border};

use crate::app::App;
use crate::app::detail::SpanKind;
use crate::app::layout::{self, Glyphs};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub matched: Style,
    pub date: Style,
    pub outlet: Style,
    pub muted: Style,
    pub title: Style,
    pub label: Style,
    pub heading: Style,
    pub quote: Style,
    pub quote_bar: Style,
    pub error: Style,
    pub info: Style,
    pub chart: Style,
    pub checked: Style,
    /// The triage marks column.
    pub marks: Style,
    /// Rows in the selection: bold and underlined, so it shows without colour too.
    pub picked: Style,
    pub glyphs: &'static Glyphs,
}

impl Theme {
    pub fn new(no_color: bool) -> Theme {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        if no_color {
            return Theme {
                border: plain,
                border_focused: bold,
                selected: plain.add_modifier(Modifier::REVERSED),
                matched: bold.add_modifier(Modifier::UNDERLINED),
                date: plain,
                outlet: plain,
                muted: plain,
                title: bold,
                label: plain,
                heading: bold,
                quote: plain.add_modifier(Modifier::ITALIC),
                quote_bar: plain,
                error: bold,
                info: plain,
                chart: plain,
                checked: bold,
                marks: plain,
                picked: bold.add_modifier(Modifier::UNDERLINED),
                glyphs: &layout::UNICODE,
            };
        }
        Theme {
            border: plain.fg(Color::DarkGray),
            border_focused: bold.fg(Color::Cyan),
            selected: plain.add_modifier(Modifier::REVERSED),
            matched: bold.fg(Color::Yellow),
            date: plain.fg(Color::Blue),
            outlet: plain.fg(Color::Green),
            muted: plain.fg(Color::DarkGray),
            title: bold,
            label: plain.fg(Color::Cyan),
            heading: bold.fg(Color::Magenta),
            quote: plain.add_modifier(Modifier::ITALIC),
            quote_bar: plain.fg(Color::Magenta),
            error: bold.fg(Color::Red),
            info: plain.fg(Color::Green),
            chart: plain.fg(Color::Cyan),
            checked: bold.fg(Color::Green),
            marks: plain.fg(Color::Yellow),
            picked: bold.add_modifier(Modifier::UNDERLINED),
            glyphs: &layout::UNICODE,
        }
    }

    pub fn for_app(app: &App) -> Theme {
        Theme {
            glyphs: layout::glyphs(app.ascii),
            ..Theme::new(app.no_color)
        }
    }

    /// Pane borders drawn with the glyph set.
    pub fn border_set(&self) -> border::Set<'static> {
        let g = self.glyphs;
        border::Set {
            top_left: g.top_left,
            top_right: g.top_right,
            bottom_left: g.bottom_left,
            bottom_right: g.bottom_right,
            vertical_left: g.vertical,
            vertical_right: g.vertical,
            horizontal_top: g.horizontal,
            horizontal_bottom: g.horizontal,
        }
    }

    /// Chart bars drawn with the glyph set.
    pub fn bar_set(&self) -> bar::Set<'static> {
        let b = &self.glyphs.bars;
        bar::Set {
            empty: b[0],
            one_eighth: b[1],
            one_quarter: b[2],
            three_eighths: b[3],
            half: b[4],
            five_eighths: b[5],
            three_quarters: b[6],
            seven_eighths: b[7],
            full: b[8],
        }
    }

    pub fn span(&self, kind: SpanKind) -> Style {
        match kind {
            SpanKind::Text => Style::default(),
            SpanKind::Title => self.title,
            SpanKind::Label => self.label,
            SpanKind::Heading => self.heading,
            SpanKind::Quote => self.quote,
            SpanKind::QuoteBar => self.quote_bar,
            SpanKind::Match => self.matched,
            SpanKind::Error => self.error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_glyphs_are_ratatuis_defaults() {
        // The Unicode set must draw exactly what ratatui draws by default, so turning the
        // glyph set into a theme field changed no existing screen.
        let t = Theme::new(false);
        assert_eq!(t.border_set(), border::PLAIN);
        assert_eq!(t.bar_set(), bar::NINE_LEVELS);
    }

    #[test]
    fn ascii_glyphs_are_ascii_and_one_cell() {
        let g = &layout::ASCII;
        let u = &layout::UNICODE;
        let pairs = [
            (g.top_left, u.top_left),
            (g.top_right, u.top_right),
            (g.bottom_left, u.bottom_left),
            (g.bottom_right, u.bottom_right),
            (g.horizontal, u.horizontal),
            (g.vertical, u.vertical),
            (g.sep, u.sep),
            (g.ellipsis, u.ellipsis),
            (g.quote_bar, u.quote_bar),
            (g.bullet, u.bullet),
        ];
        let bars = g.bars.iter().copied().zip(u.bars.iter().copied());
        for (a, b) in pairs.into_iter().chain(bars) {
            assert!(a.is_ascii(), "{a:?}");
            assert_eq!(
                super::super::wrap::display_width(a),
                super::super::wrap::display_width(b),
                "{a:?} vs {b:?}"
            );
        }
        for c in [g.picked, g.unread, g.starred] {
            assert!(c.is_ascii_graphic(), "{c:?}");
        }
        assert_eq!(g.plain("5/5 · newest …"), "5/5 | newest ~");
        assert_eq!(u.plain("5/5 · newest …"), "5/5 · newest …");
    }
}
