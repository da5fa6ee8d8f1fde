//! The optional TOML config file: top-level switches, key binding overrides per mode and
//! the colour theme.
//!
//! ```toml
//! [keys.list]
//! "ctrl-n" = "move_down"
//! "x" = "none"          # unbind
//! [keys.global]
//! "Q" = "quit"
//! [theme]
//! border_focused = "bold yellow"
//! selected = "fg:black bg:#ffaa00"
//! ```
//! Problems never stop the browser: a malformed file falls back to the defaults and every
//! problem becomes a message naming the file and line, shown in the status line at start.

use std::collections::BTreeMap;
use std::path::Path;

use toml::Spanned;

use crate::app::Action;
use crate::keymap::{Key, KeyMode, Keymap};

mod lexicon;
pub use lexicon::lexicon_from_tables;

pub use crate::style::{Mods, Role, SpecError, StyleSpec, ThemeColor, ThemeConfig};

/// The keymap and options to use, and what went wrong building them.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub options: Options,
    /// Synonyms and topics: the built-in tables with the file's `[synonyms]` and `[topics]`
    /// merged over them.
    pub lexicon: std::sync::Arc<crate::lexicon::Lexicon>,
    pub theme: ThemeConfig,
    /// `[team]`: the shared server and who is deciding (see `crate::team`).
    pub team: TeamSettings,
    /// `[search]`: how `warta search` and `warta list` answer.
    pub search: SearchSettings,
    pub warnings: Vec<String>,
}

/// The config file's `[search]` table; `--check` overrides it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SearchSettings {
    /// What a quick answer stats to know the corpus is unchanged (`check = "files"` for
    /// every file; see `crate::cache::headlines`).
    pub check: crate::quick::Check,
}

/// The config file's `[team]` table; `--team`/`WARTA_TEAM_URL` and `--as` override it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct TeamSettings {
    /// A `postgres://` URL. A password here is read, never shown.
    pub url: Option<String>,
    /// The analyst's name on the team (default: the login name).
    pub analyst: Option<String>,
}

/// The top-level switches of the config file. Command-line flags override them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Mouse: the wheel scrolls the pane under the pointer, a click selects or toggles.
    pub mouse: bool,
    /// Plain ASCII borders and marks, for terminals or fonts without good Unicode.
    pub ascii: bool,
    /// URLs in the detail pane as OSC 8 hyperlinks.
    pub hyperlinks: bool,
    /// Restore the last query, filters, sort and cursor for the same corpus paths.
    pub restore_session: bool,
    /// Switch to relevance order when a typed query starts matching by similarity; false
    /// keeps the order chosen (newest first by default), which also answers each key faster.
    pub rank_while_typing: bool,
    /// A decision (`r`, `i`, `m`) also marks the article read; undo takes back both.
    pub decide_marks_read: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            mouse: true,
            ascii: false,
            hyperlinks: true,
            restore_session: true,
            rank_while_typing: true,
            decide_marks_read: true,
        }
    }
}

/// Reads the config; a missing file means defaults (it is optional) unless the path was given
/// explicitly, which is worth a warning.
pub fn load(explicit: Option<&Path>) -> Config {
    let Some(path) = crate::paths::config_file(explicit) else {
        return Config::default();
    };
    let text = crate::safe_read::read_own_file(&path, MAX_CONFIG_BYTES).and_then(|bytes| {
        String::from_utf8(bytes).map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "{} is not UTF-8 text",
                    crate::text::escape_path(&path.display().to_string())
                ),
            )
        })
    });
    match text {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && explicit.is_none() => {
            Config::default()
        }
        Err(e) => Config {
            warnings: vec![format!("config: {e}; ignored, using the defaults")],
            ..Config::default()
        },
    }
}

/// A config file is a page or two of TOML; anything near this size is not one.
const MAX_CONFIG_BYTES: u64 = 4 << 20;

#[derive(serde::Deserialize, Default)]
struct File {
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<Spanned<String>, Spanned<String>>>,
    mouse: Option<bool>,
    ascii: Option<bool>,
    hyperlinks: Option<bool>,
    restore_session: Option<bool>,
    rank_while_typing: Option<bool>,
    decide_marks_read: Option<bool>,
    /// Values are checked one by one, so a wrong type costs one role, not the whole file.
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    synonyms: Option<toml::Table>,
    topics: Option<toml::Table>,
    team: Option<TeamSettings>,
    /// Checked entry by entry, so a wrong value costs that entry, not the whole file.
    search: Option<toml::Table>,
    /// Anything else: reported, so a misspelt option does not silently do nothing.
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

impl File {
    fn options(&self) -> Options {
        let d = Options::default();
        Options {
            mouse: self.mouse.unwrap_or(d.mouse),
            ascii: self.ascii.unwrap_or(d.ascii),
            hyperlinks: self.hyperlinks.unwrap_or(d.hyperlinks),
            restore_session: self.restore_session.unwrap_or(d.restore_session),
            rank_while_typing: self.rank_while_typing.unwrap_or(d.rank_while_typing),
            decide_marks_read: self.decide_marks_read.unwrap_or(d.decide_marks_read),
        }
    }
}

/// Builds a keymap from config text; `origin` names the file in messages.
pub fn parse(text: &str, origin: &str) -> Config {
    let file: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let at = e
                .span()
                .map(|s| format!(" line {}:", line_of(text, s.start)))
                .unwrap_or_default();
            let msg = e.message().trim().replace('\n', " ");
            return Config {
                warnings: vec![format!("config {origin}:{at} {msg}; using the defaults")],
                ..Config::default()
            };
        }
    };
    let mut keymap = Keymap::default();
    let mut warnings = Vec::new();
    for name in file.unknown.keys() {
        warnings.push(format!(
            "config {origin}: unknown option {name:?} (expected mouse, ascii, hyperlinks, restore_session, rank_while_typing, decide_marks_read, or a [keys.*], [theme], [synonyms], [topics], [team] or [search] table); ignored"
        ));
    }
    for (mode_name, entries) in &file.keys {
        let Some(mode) = KeyMode::from_name(mode_name) else {
            let names: Vec<&str> = KeyMode::ALL.iter().map(|m| m.name()).collect();
            warnings.push(format!(
                "config {origin}: unknown key table [keys.{mode_name}] (expected one of {}); ignored",
                names.join(", ")
            ));
            continue;
        };
        // (key, first spelling, line) of each key bound in this table, to report duplicates
        // that differ only in spelling ("G" and "shift-g").
        let mut seen: Vec<(Key, String, usize)> = Vec::new();
        for (key_name, action_name) in entries {
            let line = line_of(text, key_name.span().start);
            let key = match Key::parse(key_name.get_ref()) {
                Ok(k) => k,
                Err(e) => {
                    warnings.push(format!("config {origin} line {line}: {e}; ignored"));
                    continue;
                }
            };
            let action = match action_name.get_ref().as_str() {
                "none" | "unbind" => None,
                name => match Action::from_name(name) {
                    Some(a) => Some(a),
                    None => {
                        warnings.push(format!(
                            "config {origin} line {line}: unknown action {name:?}; ignored"
                        ));
                        continue;
                    }
                },
            };
            if let Some((_, first, first_line)) = seen.iter().find(|(k, _, _)| *k == key) {
                warnings.push(format!(
                    "config {origin} line {line}: key {:?} in [keys.{mode_name}] is already bound on line {first_line} (as {first:?}); the later binding wins",
                    key_name.get_ref()
                ));
            } else {
                seen.push((key, key_name.get_ref().clone(), line));
            }
            keymap.bind(mode, key, action);
        }
    }
    let theme = parse_theme(&file.theme, text, origin, &mut warnings);
    let search = parse_search(file.search.as_ref(), origin, &mut warnings);
    let (lexicon, problems) = lexicon_from_tables(file.synonyms.as_ref(), file.topics.as_ref());
    warnings.extend(
        problems
            .into_iter()
            .map(|p| format!("config {origin}: {p}")),
    );
    Config {
        keymap,
        options: file.options(),
        theme,
        lexicon: std::sync::Arc::new(lexicon),
        team: file.team.unwrap_or_default(),
        search,
        warnings,
    }
}

fn parse_search(
    table: Option<&toml::Table>,
    origin: &str,
    warnings: &mut Vec<String>,
) -> SearchSettings {
    use crate::quick::Check;
    let mut search = SearchSettings::default();
    for (name, value) in table.into_iter().flatten() {
        match (name.as_str(), value.as_str()) {
            ("check", Some("folders")) => search.check = Check::Folders,
            ("check", Some("files")) => search.check = Check::Files,
            ("check", _) => warnings.push(format!(
                "config {origin}: [search] check = {value}: expected \"folders\" or \"files\"; using folders"
            )),
            _ => warnings.push(format!(
                "config {origin}: unknown option {name:?} in [search] (expected check); ignored"
            )),
        }
    }
    search
}

/// 1-based line number of byte offset `at`.
fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn parse_theme(
    entries: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    text: &str,
    origin: &str,
    warnings: &mut Vec<String>,
) -> ThemeConfig {
    let mut theme = ThemeConfig::default();
    // The map is ordered by name; report in file order instead.
    let mut entries: Vec<_> = entries.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    for (name, value) in entries {
        let line = line_of(text, name.span().start);
        let Some(role) = Role::from_name(name.get_ref()) else {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
            warnings.push(format!(
                "config {origin} line {line}: unknown theme role {:?} (expected one of {}); ignored",
                name.get_ref(),
                names.join(", ")
            ));
            continue;
        };
        let line = line_of(text, value.span().start);
        let Some(spec) = value.get_ref().as_str() else {
            warnings.push(format!(
                "config {origin} line {line}: [theme] {} must be a string such as \"bold cyan\"; it keeps its default",
                role.name()
            ));
            continue;
        };
        match StyleSpec::parse(spec) {
            Ok(s) => theme.set(role, s),
            Err(e) => warnings.push(format!(
                "config {origin} line {line}: [theme] {} = {spec:?}: {e}; it keeps its default",
                role.name()
            )),
        }
    }
    theme
}

/// The default bindings as a config file (for `warta config --default`).
pub fn default_config_toml() -> String {
    let mut out = String::from(
        "# warta configuration.\n\
         # Key names: j, G, ctrl-d, alt-x, shift-tab, enter, esc, space, backspace, delete,\n\
         # home, end, pgup, pgdn, up, down, left, right, f1..f24. Bind \"none\" to unbind a key.\n\
         # Tables: global (all panes), list, detail, filters, search (the search bar), help.\n\
         # ctrl-c always quits.\n\n\
         # Mouse: the wheel scrolls the pane under the pointer, a click selects a row, focuses a\n\
         # pane or toggles a filter value (--no-mouse turns it off for one run).\n\
         mouse = true\n\
         # Plain ASCII borders and marks for terminals without good Unicode fonts (--ascii).\n\
         ascii = false\n\
         # URLs in the detail pane as OSC 8 hyperlinks (terminals without them show plain text).\n\
         hyperlinks = true\n\
         # Restore the last query, filters, sort and cursor for the same corpus (--no-restore).\n\
         restore_session = true\n\
         # Order by relevance as soon as a typed query starts matching by similarity; false keeps\n\
         # the order chosen (newest first unless changed with the sort key), and answers faster.\n\
         rank_while_typing = true\n\
         # A decision (relevant, irrelevant, maybe) also marks the article read; undo takes\n\
         # back both. false leaves the unread dot until the article is opened or marked.\n\
         decide_marks_read = true\n\n\
         # How warta search and warta list (table) know the corpus is unchanged since their\n\
         # headline snapshot: \"folders\" stats every folder and the files modified within the\n\
         # hour before the snapshot, so an older file rewritten in place under the same name is\n\
         # not seen until a full load; \"files\" stats every file too (at 100k files that stat\n\
         # costs more than fzf --filter's whole run). --check overrides it.\n\
         [search]\n\
         check = \"folders\"\n",
    );
    out.push_str(&Keymap::default().to_toml());
    out.push_str(
        "\n# Colours: each role takes space-separated words: modifiers bold, dim, italic,\n\
         # underlined, reversed; a colour (black, red, green, yellow, blue, magenta, cyan, gray,\n\
         # darkgray, white, light<colour> such as lightred, reset, #rrggbb, or an index 0-255)\n\
         # for the text, fg:<colour> likewise; on <colour> or bg:<colour> for the background;\n\
         # \"default\" for plain text. Example: matched = \"bold black on yellow\".\n\
         # With NO_COLOR set, colours are dropped and only modifiers are used.",
    );
    out.push_str(&ThemeConfig::default().to_toml());
    out.push_str(&lexicon_toml(crate::lexicon::Lexicon::builtin()));
    out
}

/// The `[synonyms]` and `[topics]` tables with the built-in entries as comments: they apply
/// without being listed, and a listed one would replace its built-in group.
fn lexicon_toml(lexicon: &crate::lexicon::Lexicon) -> String {
    let list = |items: &[String]| {
        let quoted: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let mut out = String::from(
        "\n# Synonyms: searching any term of a group finds all of them (plain terms, \"phrases\"\n\
         # and body:; 'exact terms are never expanded). The built-in groups below apply without\n\
         # being listed. Add a group as  key = [\"other\", \"terms\"],  remove a built-in one\n\
         # with  key = [],  and make a one-way broader term with\n\
         # \"kepala daerah\" = { includes = [\"bupati\", \"wali kota\"] }.\n\
         [synonyms]\n",
    );
    // The built-in entries as they are defined, one-way terms included: a line uncommented
    // as it stands replaces its entry by itself and changes nothing. (Listing the merged
    // groups instead made an uncommented line drop the one-way terms of its key.)
    for (key, entry) in crate::lexicon::Lexicon::builtin_synonyms() {
        let line = if entry.includes.is_empty() {
            list(&entry.same)
        } else if entry.same.is_empty() {
            format!("{{ includes = {} }}", list(&entry.includes))
        } else {
            format!(
                "{{ same = {}, includes = {} }}",
                list(&entry.same),
                list(&entry.includes)
            )
        };
        out.push_str(&format!("# {key:?} = {line}\n"));
    }
    out.push_str(
        "\n# Topics: named keyword lists, underlined in the article pane and searchable as\n\
         # topic:NAME. Built-in ones below; an empty list removes one.\n\
         [topics]\n",
    );
    for name in lexicon.topic_names() {
        if let Some(words) = lexicon.topic(name) {
            out.push_str(&format!("# {name} = {}\n", list(words)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_parses_back_to_the_defaults() {
        let cfg = parse(&default_config_toml(), "defaults");
        assert!(cfg.warnings.is_empty(), "{:?}", cfg.warnings);
        assert_eq!(cfg.keymap, Keymap::default());
        assert_eq!(cfg.options, Options::default());
        assert_eq!(cfg.search, SearchSettings::default());
    }

    #[test]
    fn the_default_configs_commented_examples_uncommented_change_nothing() {
        // The commented entries under [synonyms] and [topics], up to the next blank line.
        let mut in_table = false;
        let text: String = default_config_toml()
            .lines()
            .map(|l| {
                in_table = match l {
                    "[synonyms]" | "[topics]" => true,
                    "" => false,
                    _ => in_table,
                };
                match l.strip_prefix("# ") {
                    Some(entry) if in_table => format!("{entry}\n"),
                    _ => format!("{l}\n"),
                }
            })
            .collect();
        let cfg = parse(&text, "uncommented");
        assert!(cfg.warnings.is_empty(), "{:?}", cfg.warnings);
        assert!(text.contains("\n\"kepala daerah\" = { "), "{text}");
        assert!(text.contains("\ndisiplin = ["), "{text}");
        assert_eq!(*cfg.lexicon, *crate::lexicon::Lexicon::builtin());
    }

    #[test]
    fn options_are_read_and_unknown_ones_reported() {
        let cfg = parse(
            "mouse = false\nascii = true\nmuose = true\nrank_while_typing = false\ndecide_marks_read = false\n",
            "t",
        );
        assert!(!cfg.options.mouse);
        assert!(cfg.options.ascii);
        assert!(!cfg.options.rank_while_typing);
        assert!(!cfg.options.decide_marks_read);
        assert!(cfg.options.hyperlinks);
        assert_eq!(cfg.warnings.len(), 1, "{:?}", cfg.warnings);
        assert!(cfg.warnings[0].contains("\"muose\""), "{:?}", cfg.warnings);
    }

    #[test]
    fn the_search_check_is_read_and_a_wrong_value_keeps_the_default() {
        use crate::quick::Check;
        assert_eq!(parse("", "t").search.check, Check::Folders);
        let cfg = parse("[search]\ncheck = \"files\"\n", "t");
        assert_eq!(cfg.search.check, Check::Files);
        assert!(cfg.warnings.is_empty(), "{:?}", cfg.warnings);
        let cfg = parse("mouse = false\n[search]\ncheck = \"all\"\nfast = 1\n", "t");
        assert_eq!(cfg.search.check, Check::Folders);
        assert!(!cfg.options.mouse, "the rest of the file still applies");
        assert_eq!(cfg.warnings.len(), 2, "{:?}", cfg.warnings);
        assert!(
            cfg.warnings[0].contains("[search] check = \"all\""),
            "{:?}",
            cfg.warnings
        );
        assert!(cfg.warnings[1].contains("\"fast\""), "{:?}", cfg.warnings);
    }

    #[test]
    fn default_file_has_every_theme_role_and_round_trips() {
        let text = default_config_toml();
        assert!(text.contains("\n[theme]\n"), "{text}");
        for role in Role::ALL {
            let want = format!("\n{} = \"{}\"", role.name(), role.default_spec());
            assert!(text.contains(&want), "{want} missing");
        }
        let cfg = parse(&text, "defaults");
        assert!(cfg.warnings.is_empty(), "{:?}", cfg.warnings);
        assert_eq!(cfg.theme, ThemeConfig::default());
        assert!(text.contains("border_focused = \"bold cyan\""), "{text}");
    }

    #[test]
    fn theme_table_overrides_roles_and_reports_problems() {
        let text = "mouse = true\n\
                    [theme]\n\
                    border_focused = \"bold #ffaa00\"\n\
                    matched = \"bold purple\"\n\
                    boarder = \"red\"\n\
                    date = 4\n\
                    selected = \"fg:black bg:yellow\"\n";
        let cfg = parse(text, "t.toml");
        let theme = cfg.theme;
        assert_eq!(
            theme.get(Role::BorderFocused),
            StyleSpec::fg(ThemeColor::Rgb(255, 170, 0)).with(Mods::BOLD)
        );
        assert_eq!(
            theme.get(Role::Selected),
            StyleSpec {
                fg: Some(ThemeColor::Black),
                bg: Some(ThemeColor::Yellow),
                mods: Mods::NONE,
            }
        );
        // The bad ones keep their defaults; the rest of the file still applies.
        assert_eq!(theme.get(Role::Matched), Role::Matched.default_spec());
        assert_eq!(theme.get(Role::Date), Role::Date.default_spec());
        assert_eq!(theme.get(Role::Border), Role::Border.default_spec());
        assert!(cfg.options.mouse);
        assert_eq!(cfg.warnings.len(), 3, "{:?}", cfg.warnings);
        let find = |needle: &str| {
            cfg.warnings
                .iter()
                .find(|w| w.contains(needle))
                .unwrap_or_else(|| panic!("no warning with {needle}: {:?}", cfg.warnings))
                .clone()
        };
        let purple = find("\"purple\"");
        assert!(
            purple.starts_with("config t.toml line 4: [theme] matched"),
            "{purple}"
        );
        assert!(purple.contains("keeps its default"), "{purple}");
        let role = find("\"boarder\"");
        assert!(
            role.starts_with("config t.toml line 5: unknown theme role"),
            "{role}"
        );
        assert!(role.contains("border_focused"), "{role}");
        let typed = find("[theme] date");
        assert!(typed.starts_with("config t.toml line 6:"), "{typed}");
    }

    #[test]
    fn a_theme_that_is_not_a_table_is_one_problem() {
        let cfg = parse("theme = \"light\"\n", "t");
        assert_eq!(cfg.warnings.len(), 1, "{:?}", cfg.warnings);
        assert!(cfg.warnings[0].contains("line 1"), "{:?}", cfg.warnings);
        assert_eq!(cfg.theme, ThemeConfig::default());
    }

    #[test]
    fn a_fifo_or_a_directory_as_the_config_is_named_and_ignored_at_once() {
        use crate::safe_read::testing::{mkfifo, within};
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("config.toml");
        mkfifo(&fifo);
        // Found at the default place (WARTA_CONFIG) and given explicitly alike.
        let cfg = within(move || load(Some(&fifo)));
        assert_eq!(cfg.warnings.len(), 1, "{:?}", cfg.warnings);
        let w = &cfg.warnings[0];
        assert!(
            w.contains("config.toml is not a regular file (a FIFO)"),
            "{w}"
        );
        assert!(w.ends_with("; ignored, using the defaults"), "{w}");
        let cfg = load(Some(dir.path()));
        assert!(
            cfg.warnings[0].contains("(a directory)"),
            "{:?}",
            cfg.warnings
        );
    }

    #[test]
    fn line_numbers() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
