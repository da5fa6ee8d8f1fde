//! The `[theme]` table's values: a style spec per screen role, parsed from words such as
//! `"bold yellow on blue"`. No ratatui here, so the app state can hold a theme;
//! `ui::theme` turns it into ratatui styles.

use std::fmt;

/// A colour in the `[theme]` table, spelt as ratatui's `Color::from_str` spells it: the 16
/// terminal colours by name (they follow the user's palette), `reset` for the terminal's own
/// colour, an xterm index `0`..`255`, or `#rrggbb`. Kept free of ratatui so the app state
/// can hold a theme; `ui::theme` converts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeColor {
    Reset,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
    Indexed(u8),
    Rgb(u8, u8, u8),
}

const COLOR_NAMES: [(&str, ThemeColor); 17] = [
    ("reset", ThemeColor::Reset),
    ("black", ThemeColor::Black),
    ("red", ThemeColor::Red),
    ("green", ThemeColor::Green),
    ("yellow", ThemeColor::Yellow),
    ("blue", ThemeColor::Blue),
    ("magenta", ThemeColor::Magenta),
    ("cyan", ThemeColor::Cyan),
    ("gray", ThemeColor::Gray),
    ("darkgray", ThemeColor::DarkGray),
    ("lightred", ThemeColor::LightRed),
    ("lightgreen", ThemeColor::LightGreen),
    ("lightyellow", ThemeColor::LightYellow),
    ("lightblue", ThemeColor::LightBlue),
    ("lightmagenta", ThemeColor::LightMagenta),
    ("lightcyan", ThemeColor::LightCyan),
    ("white", ThemeColor::White),
];

impl ThemeColor {
    /// Parses one colour word. The name rewriting mirrors ratatui's `Color::from_str`, so
    /// "bright-red", "light_red" and "grey" mean what they mean there (a test checks the two
    /// agree).
    pub fn parse(word: &str) -> Option<ThemeColor> {
        let name = word
            .to_lowercase()
            .replace(['-', '_'], "")
            .replace("bright", "light")
            .replace("grey", "gray")
            .replace("silver", "gray")
            .replace("lightblack", "darkgray")
            .replace("lightwhite", "white")
            .replace("lightgray", "white");
        if let Some((_, c)) = COLOR_NAMES.iter().find(|(n, _)| *n == name) {
            return Some(*c);
        }
        if let Ok(i) = word.parse::<u8>() {
            return Some(ThemeColor::Indexed(i));
        }
        let hex = word.strip_prefix('#').filter(|h| h.len() == 6)?;
        let byte = |at: usize| u8::from_str_radix(hex.get(at..at + 2)?, 16).ok();
        Some(ThemeColor::Rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

impl fmt::Display for ThemeColor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThemeColor::Indexed(i) => write!(f, "{i}"),
            ThemeColor::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
            named => {
                let name = COLOR_NAMES
                    .iter()
                    .find(|(_, c)| c == named)
                    .map_or("reset", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

/// Text modifiers of a style, as a small bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mods(u8);

impl Mods {
    pub const NONE: Mods = Mods(0);
    pub const BOLD: Mods = Mods(1);
    pub const DIM: Mods = Mods(2);
    pub const ITALIC: Mods = Mods(4);
    pub const UNDERLINED: Mods = Mods(8);
    pub const REVERSED: Mods = Mods(16);
    /// Every modifier with its config word, in the order they are printed.
    pub const ALL: [(&'static str, Mods); 5] = [
        ("bold", Mods::BOLD),
        ("dim", Mods::DIM),
        ("italic", Mods::ITALIC),
        ("underlined", Mods::UNDERLINED),
        ("reversed", Mods::REVERSED),
    ];

    pub const fn union(self, other: Mods) -> Mods {
        Mods(self.0 | other.0)
    }

    pub const fn contains(self, other: Mods) -> bool {
        self.0 & other.0 == other.0
    }

    fn from_word(word: &str) -> Option<Mods> {
        // "underline" and "reverse" are what most other tools call them; accepting both
        // spellings costs nothing and saves a round trip through the warning.
        match word {
            "underline" => Some(Mods::UNDERLINED),
            "reverse" => Some(Mods::REVERSED),
            _ => Mods::ALL.iter().find(|(n, _)| *n == word).map(|(_, m)| *m),
        }
    }
}

impl std::ops::BitOr for Mods {
    type Output = Mods;
    fn bitor(self, rhs: Mods) -> Mods {
        self.union(rhs)
    }
}

/// One style role's value in the `[theme]` table.
///
/// Grammar: space-separated words, case-insensitive, in any order —
/// a modifier (`bold`, `dim`, `italic`, `underlined`, `reversed`); a bare colour or
/// `fg:<colour>` for the foreground; `on <colour>` or `bg:<colour>` for the background;
/// `default` (also the empty string) adds nothing, so `"default"` is plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StyleSpec {
    pub fg: Option<ThemeColor>,
    pub bg: Option<ThemeColor>,
    pub mods: Mods,
}

/// Why a style spec did not parse: the offending word and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub word: String,
    pub reason: &'static str,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} {}", self.word, self.reason)
    }
}

const NOT_A_COLOUR: &str = "is not a colour (a name such as cyan or lightred, #rrggbb, or 0-255)";

impl StyleSpec {
    pub const fn fg(color: ThemeColor) -> StyleSpec {
        StyleSpec {
            fg: Some(color),
            bg: None,
            mods: Mods::NONE,
        }
    }

    pub const fn mods(mods: Mods) -> StyleSpec {
        StyleSpec {
            fg: None,
            bg: None,
            mods,
        }
    }

    pub const fn with(self, mods: Mods) -> StyleSpec {
        StyleSpec {
            mods: self.mods.union(mods),
            ..self
        }
    }

    pub fn parse(text: &str) -> Result<StyleSpec, SpecError> {
        let mut spec = StyleSpec::default();
        let mut words = text.split_whitespace();
        let bad = |word: &str, reason| SpecError {
            word: word.to_string(),
            reason,
        };
        while let Some(word) = words.next() {
            let lower = word.to_lowercase();
            if lower == "default" {
                continue;
            }
            if let Some(m) = Mods::from_word(&lower) {
                spec.mods = spec.mods | m;
                continue;
            }
            let (is_bg, colour_word, bare) = if lower == "on" {
                let next = words
                    .next()
                    .ok_or_else(|| bad(word, "needs a colour after it"))?;
                (true, next, false)
            } else if let Some(c) = strip_prefix_ignore_case(word, "bg:") {
                (true, c, false)
            } else if let Some(c) = strip_prefix_ignore_case(word, "fg:") {
                (false, c, false)
            } else {
                (false, word, true)
            };
            let colour = ThemeColor::parse(colour_word).ok_or_else(|| {
                if bare {
                    bad(
                        word,
                        "is not a colour or modifier (bold, dim, italic, underlined, reversed)",
                    )
                } else {
                    bad(colour_word, NOT_A_COLOUR)
                }
            })?;
            let slot = if is_bg { &mut spec.bg } else { &mut spec.fg };
            if slot.is_some() {
                return Err(bad(
                    colour_word,
                    if is_bg {
                        "is a second background colour"
                    } else {
                        "is a second foreground colour"
                    },
                ));
            }
            *slot = Some(colour);
        }
        Ok(spec)
    }
}

fn strip_prefix_ignore_case<'a>(word: &'a str, prefix: &str) -> Option<&'a str> {
    let head = word.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        word.get(prefix.len()..)
    } else {
        None
    }
}

impl fmt::Display for StyleSpec {
    /// Modifiers, then the foreground, then `on <background>`: "bold yellow on blue".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut words: Vec<String> = Mods::ALL
            .iter()
            .filter(|(_, m)| self.mods.contains(*m))
            .map(|(n, _)| (*n).to_string())
            .collect();
        if let Some(c) = self.fg {
            words.push(c.to_string());
        }
        if let Some(c) = self.bg {
            words.push(format!("on {c}"));
        }
        if words.is_empty() {
            f.write_str("default")
        } else {
            f.write_str(&words.join(" "))
        }
    }
}

/// The style roles the screen is drawn with, one `[theme]` entry each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Border,
    BorderFocused,
    Selected,
    Matched,
    Date,
    Outlet,
    Muted,
    Title,
    Label,
    Heading,
    Quote,
    QuoteBar,
    Error,
    Info,
    Chart,
    Checked,
    Marks,
    Picked,
}

impl Role {
    pub const ALL: [Role; 18] = [
        Role::Border,
        Role::BorderFocused,
        Role::Selected,
        Role::Matched,
        Role::Date,
        Role::Outlet,
        Role::Muted,
        Role::Title,
        Role::Label,
        Role::Heading,
        Role::Quote,
        Role::QuoteBar,
        Role::Error,
        Role::Info,
        Role::Chart,
        Role::Checked,
        Role::Marks,
        Role::Picked,
    ];

    pub fn name(self) -> &'static str {
        self.info().0
    }

    /// What the role colours, for the commented default file.
    pub fn describe(self) -> &'static str {
        self.info().1
    }

    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The built-in style: the 16 ANSI colours only, so it follows the terminal's palette,
    /// light or dark.
    pub fn default_spec(self) -> StyleSpec {
        use ThemeColor as C;
        match self {
            Role::Border => StyleSpec::fg(C::DarkGray),
            Role::BorderFocused => StyleSpec::fg(C::Cyan).with(Mods::BOLD),
            Role::Selected => StyleSpec::mods(Mods::REVERSED),
            Role::Matched => StyleSpec::fg(C::Yellow).with(Mods::BOLD),
            Role::Date => StyleSpec::fg(C::Blue),
            Role::Outlet => StyleSpec::fg(C::Green),
            Role::Muted => StyleSpec::fg(C::DarkGray),
            Role::Title => StyleSpec::mods(Mods::BOLD),
            Role::Label => StyleSpec::fg(C::Cyan),
            Role::Heading => StyleSpec::fg(C::Magenta).with(Mods::BOLD),
            Role::Quote => StyleSpec::mods(Mods::ITALIC),
            Role::QuoteBar => StyleSpec::fg(C::Magenta),
            Role::Error => StyleSpec::fg(C::Red).with(Mods::BOLD),
            Role::Info => StyleSpec::fg(C::Green),
            Role::Chart => StyleSpec::fg(C::Cyan),
            Role::Checked => StyleSpec::fg(C::Green).with(Mods::BOLD),
            Role::Marks => StyleSpec::fg(C::Yellow),
            Role::Picked => StyleSpec::mods(Mods::BOLD.union(Mods::UNDERLINED)),
        }
    }

    fn info(self) -> (&'static str, &'static str) {
        match self {
            Role::Border => ("border", "pane borders"),
            Role::BorderFocused => ("border_focused", "the focused pane's border and title"),
            Role::Selected => ("selected", "the cursor row"),
            Role::Matched => ("matched", "search matches in titles and the article"),
            Role::Date => ("date", "dates in the list"),
            Role::Outlet => ("outlet", "outlet names in the list"),
            Role::Muted => ("muted", "secondary text: the prompt, hints, empty panes"),
            Role::Title => ("title", "the article title, the status line's counts"),
            Role::Label => ("label", "field labels in the detail pane, keys in help"),
            Role::Heading => ("heading", "section headings in help, filters and articles"),
            Role::Quote => ("quote", "quoted text"),
            Role::QuoteBar => ("quote_bar", "the bar beside quoted text"),
            Role::Error => ("error", "error messages"),
            Role::Info => ("info", "status-line messages"),
            Role::Chart => ("chart", "the date histogram"),
            Role::Checked => ("checked", "checked filter values"),
            Role::Marks => ("marks", "the triage marks column"),
            Role::Picked => ("picked", "rows in the selection"),
        }
    }
}

/// A style for every [`Role`]; the `[theme]` table overrides single roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeConfig {
    specs: [StyleSpec; Role::ALL.len()],
}

impl Default for ThemeConfig {
    fn default() -> ThemeConfig {
        ThemeConfig {
            specs: Role::ALL.map(Role::default_spec),
        }
    }
}

impl ThemeConfig {
    pub fn get(&self, role: Role) -> StyleSpec {
        self.specs[role as usize]
    }

    pub fn set(&mut self, role: Role, spec: StyleSpec) {
        self.specs[role as usize] = spec;
    }

    /// The `[theme]` table with these styles, each role commented.
    pub fn to_toml(&self) -> String {
        let mut out = String::from("\n[theme]\n");
        for role in Role::ALL {
            let entry = format!("{} = \"{}\"", role.name(), self.get(role));
            out.push_str(&format!("{entry:<34}# {}\n", role.describe()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_specs_parse() {
        use ThemeColor as C;
        let cases = [
            ("cyan", StyleSpec::fg(C::Cyan)),
            ("bold yellow", StyleSpec::fg(C::Yellow).with(Mods::BOLD)),
            ("reversed", StyleSpec::mods(Mods::REVERSED)),
            ("underlined", StyleSpec::mods(Mods::UNDERLINED)),
            (
                "underline reverse",
                StyleSpec::mods(Mods::UNDERLINED | Mods::REVERSED),
            ),
            ("default", StyleSpec::default()),
            ("", StyleSpec::default()),
            (
                "fg:#ffaa00 bg:black bold",
                StyleSpec {
                    fg: Some(C::Rgb(255, 170, 0)),
                    bg: Some(C::Black),
                    mods: Mods::BOLD,
                },
            ),
            (
                "Italic DIM 208 on Light-Blue",
                StyleSpec {
                    fg: Some(C::Indexed(208)),
                    bg: Some(C::LightBlue),
                    mods: Mods::ITALIC | Mods::DIM,
                },
            ),
            ("  grey  ", StyleSpec::fg(C::Gray)),
            ("bright_red", StyleSpec::fg(C::LightRed)),
            (
                "FG:reset BG:Reset",
                StyleSpec {
                    fg: Some(C::Reset),
                    bg: Some(C::Reset),
                    mods: Mods::NONE,
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(StyleSpec::parse(text), Ok(want), "{text:?}");
        }
    }

    #[test]
    fn bad_style_specs_name_the_word() {
        let cases = [
            ("blod cyan", "blod"),
            ("bold purple", "purple"),
            ("fg:#ffaa0", "#ffaa0"),
            ("bg:256", "256"),
            ("yellow on", "on"),
            ("on bold", "bold"),
            ("red blue", "blue"),
            ("on red bg:blue", "blue"),
            ("fg:", ""),
            ("bg:İİİİİİİİ", "İİİİİİİİ"),
        ];
        for (text, word) in cases {
            let err = StyleSpec::parse(text).expect_err(text);
            assert_eq!(err.word, word, "{text:?}: {err}");
        }
    }

    #[test]
    fn style_specs_print_back_to_themselves() {
        let texts = [
            "bold black on yellow",
            "fg:#0a0b0c bg:17 dim italic underlined reversed",
            "default",
            "on white",
        ];
        let defaults = Role::ALL.map(|r| r.default_spec().to_string());
        for text in texts
            .iter()
            .copied()
            .chain(defaults.iter().map(String::as_str))
        {
            let spec = StyleSpec::parse(text).expect(text);
            assert_eq!(StyleSpec::parse(&spec.to_string()), Ok(spec), "{text:?}");
        }
        assert_eq!(
            StyleSpec::parse("on yellow black bold").map(|s| s.to_string()),
            Ok("bold black on yellow".to_string())
        );
    }

    #[test]
    fn colour_words() {
        use ThemeColor as C;
        assert_eq!(ThemeColor::parse("#FFaa00"), Some(C::Rgb(255, 170, 0)));
        assert_eq!(ThemeColor::parse("0"), Some(C::Indexed(0)));
        assert_eq!(ThemeColor::parse("255"), Some(C::Indexed(255)));
        assert_eq!(ThemeColor::parse("DarkGrey"), Some(C::DarkGray));
        for bad in [
            "256", "-1", "#ffaa0", "#ffaa00f", "#gg0000", "purple", "", "#ééé",
        ] {
            assert_eq!(ThemeColor::parse(bad), None, "{bad:?}");
        }
        for (_, c) in COLOR_NAMES {
            assert_eq!(ThemeColor::parse(&c.to_string()), Some(c));
        }
    }

    proptest::proptest! {
        /// Any text, hostile or not, either parses to a spec that prints back to itself or
        /// names a word that is really in the text; it never panics.
        #[test]
        fn any_text_parses_or_names_a_word(text in "(\\PC|[ :#]|bold|on|bg:|fg:|red|ff){0,12}") {
            match StyleSpec::parse(&text) {
                Ok(spec) => proptest::prop_assert_eq!(StyleSpec::parse(&spec.to_string()), Ok(spec)),
                Err(e) => proptest::prop_assert!(text.contains(&e.word), "{e}"),
            }
        }
    }
}
