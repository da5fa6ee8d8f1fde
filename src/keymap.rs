//! Key bindings: (mode, key) -> [`Action`], with a default table that a config file can
//! override. The help screen and the status-line hints are generated from the same table,
//! so what the help says is what the keys do.
//!
//! Lookup: in the search bar the `search` table applies and any other printable key types
//! itself; in the help overlay the `help` table; otherwise the focused pane's table
//! (`list`, `detail`, `filters`) and then `global`. ctrl-c quits everywhere, whatever the
//! tables say, because raw mode delivers it as a key and it must always get the user out.

use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, Focus, KeyHelp, Mode};

/// A key with the modifiers that matter, normalised so a config name and a terminal event
/// compare equal (`G` is `Char('G')` without SHIFT; shift-tab is `BackTab`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, mods }
    }

    pub fn from_event(ev: KeyEvent) -> Key {
        Key::new(ev.code, ev.modifiers)
    }

    /// Parses names like `j`, `G`, `ctrl-d`, `shift-tab`, `enter`, `pgdn`, `f1`, `space`.
    pub fn parse(name: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = name;
        loop {
            let lower = rest.to_ascii_lowercase();
            let prefix = [
                ("ctrl-", KeyModifiers::CONTROL),
                ("alt-", KeyModifiers::ALT),
                ("shift-", KeyModifiers::SHIFT),
            ]
            .into_iter()
            .find(|(p, _)| lower.starts_with(p) && rest.len() > p.len());
            match prefix {
                Some((p, m)) => {
                    mods |= m;
                    rest = &rest[p.len()..];
                }
                None => break,
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" | "bs" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" | "ins" => KeyCode::Insert,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=24) => KeyCode::F(n),
                    _ => return Err(format!("unknown key {name:?}")),
                },
                _ => return Err(format!("unknown key {name:?}")),
            },
        };
        Ok(Key::new(code, mods))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::PageUp => f.write_str("pgup"),
            KeyCode::PageDown => f.write_str("pgdn"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// A binding table: which keys mean what where.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyMode {
    Global,
    List,
    Detail,
    Filters,
    Search,
    /// The one-line prompts (labels, note, export file name).
    Prompt,
    Help,
}

impl KeyMode {
    pub const ALL: [KeyMode; 7] = [
        KeyMode::Global,
        KeyMode::List,
        KeyMode::Detail,
        KeyMode::Filters,
        KeyMode::Search,
        KeyMode::Prompt,
        KeyMode::Help,
    ];

    /// The table name in config files (`[keys.list]`).
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Global => "global",
            KeyMode::List => "list",
            KeyMode::Detail => "detail",
            KeyMode::Filters => "filters",
            KeyMode::Search => "search",
            KeyMode::Prompt => "prompt",
            KeyMode::Help => "help",
        }
    }

    pub fn from_name(name: &str) -> Option<KeyMode> {
        KeyMode::ALL.into_iter().find(|m| m.name() == name)
    }

    fn title(self) -> &'static str {
        match self {
            KeyMode::Global => "Everywhere (except the search bar)",
            KeyMode::List => "Article list",
            KeyMode::Detail => "Article detail",
            KeyMode::Filters => "Filters",
            KeyMode::Search => "Search bar",
            KeyMode::Prompt => "Label, note and export prompts",
            KeyMode::Help => "This help",
        }
    }
}

const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// The default bindings, (mode, key name, action), in help order.
const DEFAULTS: &[(KeyMode, &str, Action)] = &[
    (KeyMode::Global, "q", Action::Quit),
    (KeyMode::Global, "ctrl-c", Action::Quit),
    (KeyMode::Global, "?", Action::ToggleHelp),
    (KeyMode::Global, "f1", Action::ToggleHelp),
    (KeyMode::Global, "tab", Action::FocusNext),
    (KeyMode::Global, "shift-tab", Action::FocusPrev),
    (KeyMode::Global, "/", Action::StartSearch),
    (KeyMode::Global, "f", Action::ToggleFilters),
    (KeyMode::Global, "S", Action::CycleSort),
    (KeyMode::Global, "c", Action::ClearFilters),
    (KeyMode::Global, "u", Action::Undo),
    (KeyMode::Global, "ctrl-r", Action::Redo),
    (KeyMode::Global, "e", Action::Export),
    (KeyMode::Global, "ctrl-a", Action::ClearSelection),
    (KeyMode::Global, "y", Action::CopyCitation),
    (KeyMode::Global, "Y", Action::CopyBody),
    (KeyMode::Global, "o", Action::OpenExternal),
    (KeyMode::Global, "F", Action::ToggleFilterColumn),
    (KeyMode::Global, "L", Action::ShowMessages),
    (KeyMode::List, "j", Action::MoveDown),
    (KeyMode::List, "down", Action::MoveDown),
    (KeyMode::List, "k", Action::MoveUp),
    (KeyMode::List, "up", Action::MoveUp),
    (KeyMode::List, "g", Action::Top),
    (KeyMode::List, "home", Action::Top),
    (KeyMode::List, "G", Action::Bottom),
    (KeyMode::List, "end", Action::Bottom),
    (KeyMode::List, "ctrl-d", Action::HalfPageDown),
    (KeyMode::List, "ctrl-u", Action::HalfPageUp),
    (KeyMode::List, "pgdn", Action::PageDown),
    (KeyMode::List, "pgup", Action::PageUp),
    (KeyMode::List, "enter", Action::Open),
    (KeyMode::List, "esc", Action::Back),
    (KeyMode::List, "space", Action::ToggleSelect),
    (KeyMode::List, "V", Action::SelectAll),
    (KeyMode::List, "r", Action::MarkRelevant),
    (KeyMode::List, "i", Action::MarkIrrelevant),
    (KeyMode::List, "m", Action::MarkMaybe),
    (KeyMode::List, "0", Action::MarkUndecided),
    (KeyMode::List, "s", Action::ToggleStar),
    (KeyMode::List, "x", Action::ToggleRead),
    (KeyMode::List, "t", Action::EditLabels),
    (KeyMode::List, "a", Action::EditNote),
    (KeyMode::List, "z", Action::ToggleGroup),
    (KeyMode::List, "Z", Action::ToggleAllGroups),
    (KeyMode::List, "v", Action::ToggleReader),
    (KeyMode::Detail, "j", Action::MoveDown),
    (KeyMode::Detail, "down", Action::MoveDown),
    (KeyMode::Detail, "k", Action::MoveUp),
    (KeyMode::Detail, "up", Action::MoveUp),
    (KeyMode::Detail, "g", Action::Top),
    (KeyMode::Detail, "home", Action::Top),
    (KeyMode::Detail, "G", Action::Bottom),
    (KeyMode::Detail, "end", Action::Bottom),
    (KeyMode::Detail, "ctrl-d", Action::HalfPageDown),
    (KeyMode::Detail, "ctrl-u", Action::HalfPageUp),
    (KeyMode::Detail, "pgdn", Action::PageDown),
    (KeyMode::Detail, "space", Action::PageDown),
    (KeyMode::Detail, "pgup", Action::PageUp),
    (KeyMode::Detail, "n", Action::NextMatch),
    (KeyMode::Detail, "N", Action::PrevMatch),
    (KeyMode::Detail, "esc", Action::Back),
    (KeyMode::Detail, "r", Action::MarkRelevant),
    (KeyMode::Detail, "i", Action::MarkIrrelevant),
    (KeyMode::Detail, "m", Action::MarkMaybe),
    (KeyMode::Detail, "0", Action::MarkUndecided),
    (KeyMode::Detail, "s", Action::ToggleStar),
    (KeyMode::Detail, "x", Action::ToggleRead),
    (KeyMode::Detail, "t", Action::EditLabels),
    (KeyMode::Detail, "a", Action::EditNote),
    (KeyMode::Detail, "v", Action::ToggleReader),
    (KeyMode::Detail, "J", Action::NextArticle),
    (KeyMode::Detail, "K", Action::PrevArticle),
    (KeyMode::Filters, "j", Action::MoveDown),
    (KeyMode::Filters, "down", Action::MoveDown),
    (KeyMode::Filters, "k", Action::MoveUp),
    (KeyMode::Filters, "up", Action::MoveUp),
    (KeyMode::Filters, "g", Action::Top),
    (KeyMode::Filters, "home", Action::Top),
    (KeyMode::Filters, "G", Action::Bottom),
    (KeyMode::Filters, "end", Action::Bottom),
    (KeyMode::Filters, "ctrl-d", Action::HalfPageDown),
    (KeyMode::Filters, "ctrl-u", Action::HalfPageUp),
    (KeyMode::Filters, "pgdn", Action::PageDown),
    (KeyMode::Filters, "pgup", Action::PageUp),
    (KeyMode::Filters, "space", Action::ToggleValue),
    (KeyMode::Filters, "enter", Action::ToggleValue),
    (KeyMode::Filters, "esc", Action::Back),
    (KeyMode::Filters, "]", Action::NextFacet),
    (KeyMode::Filters, "[", Action::PrevFacet),
    (KeyMode::Filters, "/", Action::FindInFacets),
    (KeyMode::Search, "enter", Action::LeaveSearch),
    (KeyMode::Search, "esc", Action::LeaveSearch),
    (KeyMode::Search, "backspace", Action::DeleteBack),
    (KeyMode::Search, "delete", Action::DeleteForward),
    (KeyMode::Search, "ctrl-w", Action::DeleteWordBack),
    (KeyMode::Search, "ctrl-u", Action::ClearQuery),
    (KeyMode::Search, "left", Action::CursorLeft),
    (KeyMode::Search, "right", Action::CursorRight),
    (KeyMode::Search, "home", Action::CursorHome),
    (KeyMode::Search, "ctrl-a", Action::CursorHome),
    (KeyMode::Search, "end", Action::CursorEnd),
    (KeyMode::Search, "ctrl-e", Action::CursorEnd),
    (KeyMode::Search, "up", Action::HistoryPrev),
    (KeyMode::Search, "ctrl-p", Action::HistoryPrev),
    (KeyMode::Search, "down", Action::HistoryNext),
    (KeyMode::Search, "ctrl-n", Action::HistoryNext),
    (KeyMode::Search, "ctrl-c", Action::Quit),
    (KeyMode::Prompt, "enter", Action::Submit),
    (KeyMode::Prompt, "esc", Action::Cancel),
    (KeyMode::Prompt, "tab", Action::Complete),
    (KeyMode::Prompt, "backspace", Action::DeleteBack),
    (KeyMode::Prompt, "delete", Action::DeleteForward),
    (KeyMode::Prompt, "ctrl-w", Action::DeleteWordBack),
    (KeyMode::Prompt, "ctrl-u", Action::ClearQuery),
    (KeyMode::Prompt, "left", Action::CursorLeft),
    (KeyMode::Prompt, "right", Action::CursorRight),
    (KeyMode::Prompt, "home", Action::CursorHome),
    (KeyMode::Prompt, "ctrl-a", Action::CursorHome),
    (KeyMode::Prompt, "end", Action::CursorEnd),
    (KeyMode::Prompt, "ctrl-e", Action::CursorEnd),
    (KeyMode::Prompt, "ctrl-c", Action::Quit),
    (KeyMode::Help, "?", Action::ToggleHelp),
    (KeyMode::Help, "esc", Action::ToggleHelp),
    (KeyMode::Help, "q", Action::ToggleHelp),
    (KeyMode::Help, "j", Action::MoveDown),
    (KeyMode::Help, "down", Action::MoveDown),
    (KeyMode::Help, "k", Action::MoveUp),
    (KeyMode::Help, "up", Action::MoveUp),
    (KeyMode::Help, "pgdn", Action::PageDown),
    (KeyMode::Help, "pgup", Action::PageUp),
    (KeyMode::Help, "g", Action::Top),
    (KeyMode::Help, "G", Action::Bottom),
    (KeyMode::Help, "L", Action::ShowMessages),
    (KeyMode::Help, "ctrl-c", Action::Quit),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Per mode, bindings in display order; a key appears at most once per mode.
    tables: Vec<(KeyMode, Vec<(Key, Action)>)>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let mut map = Keymap {
            tables: KeyMode::ALL.into_iter().map(|m| (m, Vec::new())).collect(),
        };
        for (mode, name, action) in DEFAULTS.iter().cloned() {
            // The table is a constant checked by a test, so a bad name is a programming error
            // caught there; skipping keeps start-up infallible.
            if let Ok(key) = Key::parse(name) {
                map.bind(mode, key, Some(action));
            }
        }
        map
    }
}

impl Keymap {
    /// Binds `key` in `mode` to `action` (replacing what it meant there), or unbinds it.
    pub fn bind(&mut self, mode: KeyMode, key: Key, action: Option<Action>) {
        let table = self.table_mut(mode);
        match (table.iter().position(|(k, _)| *k == key), action) {
            (Some(i), Some(a)) => table[i].1 = a,
            (Some(i), None) => {
                table.remove(i);
            }
            (None, Some(a)) => table.push((key, a)),
            (None, None) => {}
        }
    }

    fn table_mut(&mut self, mode: KeyMode) -> &mut Vec<(Key, Action)> {
        let i = self
            .tables
            .iter()
            .position(|(m, _)| *m == mode)
            .unwrap_or_else(|| {
                self.tables.push((mode, Vec::new()));
                self.tables.len() - 1
            });
        &mut self.tables[i].1
    }

    pub fn table(&self, mode: KeyMode) -> &[(Key, Action)] {
        self.tables
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&[], |(_, t)| t.as_slice())
    }

    pub fn lookup(&self, mode: KeyMode, key: Key) -> Option<Action> {
        self.table(mode)
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| a.clone())
    }

    /// Keys bound to `action` in `mode`, in table order.
    pub fn keys_for(&self, mode: KeyMode, action: &Action) -> Vec<Key> {
        self.table(mode)
            .iter()
            .filter(|(_, a)| a == action)
            .map(|(k, _)| *k)
            .collect()
    }

    /// What a key press means in the app's current mode and focus.
    pub fn resolve(&self, mode: Mode, focus: Focus, ev: KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(ev);
        if key == Key::new(KeyCode::Char('c'), CTRL) {
            return Some(Action::Quit);
        }
        match mode {
            Mode::Search | Mode::Prompt => {
                let table = if mode == Mode::Search {
                    KeyMode::Search
                } else {
                    KeyMode::Prompt
                };
                self.lookup(table, key).or(match key.code {
                    KeyCode::Char(c) if !key.mods.intersects(CTRL | KeyModifiers::ALT) => {
                        Some(Action::Insert(c))
                    }
                    _ => None,
                })
            }
            Mode::Help => self.lookup(KeyMode::Help, key),
            Mode::Normal => self
                .lookup(pane_mode(focus), key)
                .or_else(|| self.lookup(KeyMode::Global, key)),
        }
    }

    /// Help text and status hints for the app, generated from this table.
    pub fn key_help(&self) -> KeyHelp {
        let sections = KeyMode::ALL
            .into_iter()
            .map(|mode| {
                let mut entries: Vec<(String, String)> = Action::BINDABLE
                    .into_iter()
                    .filter_map(|action| {
                        let keys = self.keys_for(mode, &action);
                        (!keys.is_empty())
                            .then(|| (join_keys(&keys), action.describe().to_string()))
                    })
                    .collect();
                if matches!(mode, KeyMode::Search | KeyMode::Prompt) {
                    entries.push(("any other key".to_string(), "type".to_string()));
                }
                (mode.title().to_string(), entries)
            })
            .chain(std::iter::once((
                "Search syntax (search bar and --query)".to_string(),
                crate::query::SYNTAX_HELP
                    .iter()
                    .map(|(q, what)| (q.to_string(), what.to_string()))
                    .collect(),
            )))
            .collect();
        KeyHelp {
            sections,
            list: self.hints(
                KeyMode::List,
                &[
                    Action::Open,
                    Action::ToggleReader,
                    Action::MarkRelevant,
                    Action::MarkIrrelevant,
                    Action::MarkMaybe,
                    Action::StartSearch,
                    Action::ToggleFilters,
                    Action::CycleSort,
                    Action::ToggleHelp,
                    Action::Quit,
                ],
            ),
            detail: self.hints(
                KeyMode::Detail,
                &[
                    Action::MarkRelevant,
                    Action::MarkIrrelevant,
                    Action::MarkMaybe,
                    Action::PageDown,
                    Action::NextArticle,
                    Action::ToggleReader,
                    Action::NextMatch,
                    Action::Back,
                    Action::ToggleHelp,
                ],
            ),
            filters: self.hints(
                KeyMode::Filters,
                &[
                    Action::ToggleValue,
                    Action::NextFacet,
                    Action::FindInFacets,
                    Action::ClearFilters,
                    Action::Back,
                    Action::ToggleHelp,
                ],
            ),
            search: self.hints(KeyMode::Search, &[Action::LeaveSearch, Action::ClearQuery]),
            prompt: self.hints(KeyMode::Prompt, &[Action::Submit, Action::Cancel]),
            prompt_labels: self.hints(
                KeyMode::Prompt,
                &[Action::Submit, Action::Cancel, Action::Complete],
            ),
            help: self.hints(KeyMode::Help, &[Action::MoveDown, Action::ToggleHelp]),
        }
    }

    /// "enter open · / search" for the actions that have a key in `mode` (or globally).
    fn hints(&self, mode: KeyMode, actions: &[Action]) -> String {
        actions
            .iter()
            .filter_map(|a| {
                let keys = self.keys_for(mode, a);
                let keys = if keys.is_empty()
                    && !matches!(mode, KeyMode::Search | KeyMode::Prompt | KeyMode::Help)
                {
                    self.keys_for(KeyMode::Global, a)
                } else {
                    keys
                };
                keys.first().map(|k| format!("{k} {}", a.describe()))
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// The bindings as a config file, one table per mode.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        for (mode, table) in &self.tables {
            out.push_str(&format!("\n[keys.{}]\n", mode.name()));
            for (key, action) in table {
                let name = key.to_string();
                let name = name.replace('\\', "\\\\").replace('"', "\\\"");
                out.push_str(&format!("\"{name}\" = \"{}\"\n", action.name()));
            }
        }
        out
    }
}

fn pane_mode(focus: Focus) -> KeyMode {
    match focus {
        Focus::List => KeyMode::List,
        Focus::Detail => KeyMode::Detail,
        Focus::Filters => KeyMode::Filters,
    }
}

fn join_keys(keys: &[Key]) -> String {
    keys.iter()
        .map(Key::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_round_trip() {
        for name in [
            "j",
            "G",
            "ctrl-d",
            "shift-tab",
            "enter",
            "esc",
            "pgdn",
            "home",
            "f1",
            "space",
            "?",
            "/",
        ] {
            let key = Key::parse(name).unwrap();
            assert_eq!(key.to_string(), name);
            assert_eq!(Key::parse(&key.to_string()), Ok(key));
        }
        assert_eq!(Key::parse("shift-g"), Key::parse("G"));
        assert_eq!(Key::parse("backtab"), Key::parse("shift-tab"));
        assert_eq!(Key::parse("ctrl--").unwrap().to_string(), "ctrl--");
        assert!(Key::parse("ctrl-").is_err());
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f99").is_err());
    }

    #[test]
    fn terminal_events_match_config_names() {
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), Key::parse("G").unwrap());
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(ev), Key::parse("shift-tab").unwrap());
    }
}
