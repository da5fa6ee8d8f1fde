//! Styles. The default theme uses the 16 ANSI colours only (they follow the user's terminal
//! palette, light or dark); with `NO_COLOR` there is no colour at all and everything that
//! matters is carried by modifiers: the selection is REVERSED, matches BOLD+UNDERLINED.
//! The config's `[theme]` table ([`ThemeConfig`]) overrides single roles; `NO_COLOR` still
//! drops its colours but keeps its modifiers.
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
use crate::style::{Mods, Role, StyleSpec, ThemeColor, ThemeConfig};

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
    /// The built-in theme.
    pub fn new(no_color: bool) -> Theme {
        Theme::from_config(&ThemeConfig::default(), no_color)
    }

    /// The theme from the config's `[theme]` table. With `no_color` every colour is dropped
    /// and each role gets its no-colour modifiers plus any the user asked for, so the
    /// selection and matches stay visible on a monochrome terminal whatever the table says.
    pub fn from_config(config: &ThemeConfig, no_color: bool) -> Theme {
        let s = |role: Role| style(config.get(role), no_color, no_color_modifiers(role));
        Theme {
            border: s(Role::Border),
            border_focused: s(Role::BorderFocused),
            selected: s(Role::Selected),
            matched: s(Role::Matched),
            date: s(Role::Date),
            outlet: s(Role::Outlet),
            muted: s(Role::Muted),
            title: s(Role::Title),
            label: s(Role::Label),
            heading: s(Role::Heading),
            quote: s(Role::Quote),
            quote_bar: s(Role::QuoteBar),
            error: s(Role::Error),
            info: s(Role::Info),
            chart: s(Role::Chart),
            checked: s(Role::Checked),
            marks: s(Role::Marks),
            picked: s(Role::Picked),
            glyphs: &layout::UNICODE,
        }
    }

    pub fn for_app(app: &App) -> Theme {
        Theme {
            glyphs: layout::glyphs(app.settings.ascii),
            ..Theme::from_config(&app.settings.theme, app.settings.no_color)
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

/// What a role looks like without colour: modifiers carry everything that must stay
/// visible (the cursor row reversed, matches and the selection bold and underlined).
fn no_color_modifiers(role: Role) -> Modifier {
    match role {
        Role::Selected => Modifier::REVERSED,
        Role::Matched | Role::Picked => Modifier::BOLD | Modifier::UNDERLINED,
        Role::BorderFocused | Role::Title | Role::Heading | Role::Error | Role::Checked => {
            Modifier::BOLD
        }
        Role::Quote => Modifier::ITALIC,
        Role::Border
        | Role::Date
        | Role::Outlet
        | Role::Muted
        | Role::Label
        | Role::QuoteBar
        | Role::Info
        | Role::Chart
        | Role::Marks => Modifier::empty(),
    }
}

/// The ratatui style for a spec; with `no_color` only modifiers, on top of `base`.
pub fn style(spec: StyleSpec, no_color: bool, base: Modifier) -> Style {
    let mods = modifiers(spec.mods);
    if no_color {
        return Style::default().add_modifier(base | mods);
    }
    let mut style = Style::default().add_modifier(mods);
    if let Some(c) = spec.fg {
        style = style.fg(color(c));
    }
    if let Some(c) = spec.bg {
        style = style.bg(color(c));
    }
    style
}

fn modifiers(mods: Mods) -> Modifier {
    [
        (Mods::BOLD, Modifier::BOLD),
        (Mods::DIM, Modifier::DIM),
        (Mods::ITALIC, Modifier::ITALIC),
        (Mods::UNDERLINED, Modifier::UNDERLINED),
        (Mods::REVERSED, Modifier::REVERSED),
    ]
    .into_iter()
    .filter(|(m, _)| mods.contains(*m))
    .fold(Modifier::empty(), |acc, (_, m)| acc | m)
}

pub fn color(c: ThemeColor) -> Color {
    match c {
        ThemeColor::Reset => Color::Reset,
        ThemeColor::Black => Color::Black,
        ThemeColor::Red => Color::Red,
        ThemeColor::Green => Color::Green,
        ThemeColor::Yellow => Color::Yellow,
        ThemeColor::Blue => Color::Blue,
        ThemeColor::Magenta => Color::Magenta,
        ThemeColor::Cyan => Color::Cyan,
        ThemeColor::Gray => Color::Gray,
        ThemeColor::DarkGray => Color::DarkGray,
        ThemeColor::LightRed => Color::LightRed,
        ThemeColor::LightGreen => Color::LightGreen,
        ThemeColor::LightYellow => Color::LightYellow,
        ThemeColor::LightBlue => Color::LightBlue,
        ThemeColor::LightMagenta => Color::LightMagenta,
        ThemeColor::LightCyan => Color::LightCyan,
        ThemeColor::White => Color::White,
        ThemeColor::Indexed(i) => Color::Indexed(i),
        ThemeColor::Rgb(r, g, b) => Color::Rgb(r, g, b),
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

    /// The theme as it was hard-coded before it became configurable; the default
    /// `[theme]` must reproduce it exactly.
    fn builtin(no_color: bool) -> [Style; 18] {
        let plain = Style::default();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        let italic = plain.add_modifier(Modifier::ITALIC);
        let bold_under = bold.add_modifier(Modifier::UNDERLINED);
        if no_color {
            return [
                plain, bold, reversed, bold_under, plain, plain, plain, bold, plain, bold, italic,
                plain, bold, plain, plain, bold, plain, bold_under,
            ];
        }
        [
            plain.fg(Color::DarkGray),
            bold.fg(Color::Cyan),
            reversed,
            bold.fg(Color::Yellow),
            plain.fg(Color::Blue),
            plain.fg(Color::Green),
            plain.fg(Color::DarkGray),
            bold,
            plain.fg(Color::Cyan),
            bold.fg(Color::Magenta),
            italic,
            plain.fg(Color::Magenta),
            bold.fg(Color::Red),
            plain.fg(Color::Green),
            plain.fg(Color::Cyan),
            bold.fg(Color::Green),
            plain.fg(Color::Yellow),
            bold_under,
        ]
    }

    /// The theme's styles in [`Role::ALL`] order.
    fn styles(t: &Theme) -> [Style; 18] {
        [
            t.border,
            t.border_focused,
            t.selected,
            t.matched,
            t.date,
            t.outlet,
            t.muted,
            t.title,
            t.label,
            t.heading,
            t.quote,
            t.quote_bar,
            t.error,
            t.info,
            t.chart,
            t.checked,
            t.marks,
            t.picked,
        ]
    }

    #[test]
    fn default_config_is_the_builtin_theme() {
        for no_color in [false, true] {
            let got = styles(&Theme::from_config(&ThemeConfig::default(), no_color));
            for ((role, got), want) in Role::ALL.iter().zip(got).zip(builtin(no_color)) {
                assert_eq!(got, want, "{} no_color={no_color}", role.name());
            }
        }
    }

    #[test]
    fn configured_roles_are_used() {
        let mut cfg = ThemeConfig::default();
        let spec = StyleSpec::parse("fg:#ffaa00 on 17 underlined").expect("spec");
        cfg.set(Role::BorderFocused, spec);
        let t = Theme::from_config(&cfg, false);
        assert_eq!(
            t.border_focused,
            Style::default()
                .fg(Color::Rgb(255, 170, 0))
                .bg(Color::Indexed(17))
                .add_modifier(Modifier::UNDERLINED)
        );
        assert_eq!(t.border, Style::default().fg(Color::DarkGray));
    }

    #[test]
    fn no_color_drops_colours_and_keeps_modifiers() {
        let mut cfg = ThemeConfig::default();
        for role in Role::ALL {
            cfg.set(role, StyleSpec::parse("red on blue").expect("spec"));
        }
        cfg.set(
            Role::Border,
            StyleSpec::parse("italic red on blue").expect("spec"),
        );
        cfg.set(Role::Matched, StyleSpec::parse("dim green").expect("spec"));
        let t = Theme::from_config(&cfg, true);
        for (role, style) in Role::ALL.iter().zip(styles(&t)) {
            assert_eq!(style.fg, None, "{}", role.name());
            assert_eq!(style.bg, None, "{}", role.name());
        }
        assert_eq!(t.border, Style::default().add_modifier(Modifier::ITALIC));
        // The no-colour design survives a table that only sets colours.
        assert_eq!(
            t.selected,
            Style::default().add_modifier(Modifier::REVERSED)
        );
        assert_eq!(
            t.matched,
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED | Modifier::DIM)
        );
    }

    #[test]
    fn colour_words_agree_with_ratatui() {
        let words = [
            "black",
            "Red",
            "green",
            "yellow",
            "blue",
            "magenta",
            "cyan",
            "gray",
            "grey",
            "silver",
            "darkgray",
            "dark-grey",
            "lightblack",
            "bright-black",
            "lightred",
            "BrightRed",
            "light_green",
            "lightyellow",
            "lightblue",
            "lightmagenta",
            "lightcyan",
            "white",
            "lightwhite",
            "lightgray",
            "reset",
            "0",
            "7",
            "208",
            "255",
            "256",
            "-1",
            "#000000",
            "#ffAA00",
            "#ffaa0",
            "#ffaa000",
            "#gggggg",
            "ffaa00",
            "purple",
            "orange",
            "",
            "on",
            "bold",
            "#ééé",
        ];
        for w in words {
            let ours = ThemeColor::parse(w).map(color);
            let theirs = w.parse::<Color>().ok();
            assert_eq!(ours, theirs, "{w:?}");
        }
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
