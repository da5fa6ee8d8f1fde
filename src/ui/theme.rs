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

use ratatui::style::{Color, Modifier, Style};

use crate::app::App;
use crate::app::detail::SpanKind;

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
        }
    }

    pub fn for_app(app: &App) -> Theme {
        Theme::new(app.no_color)
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
