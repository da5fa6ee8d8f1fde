//! One line of text being typed: the search bar and every prompt (labels, note, export
//! file) edit the same way, with the same limit and the same filter on what may be typed.

use std::ops::Deref;

use crate::text;

use super::action::Action;
use super::state::{App, MessageKind};

/// The most characters a one-line input (the search bar, a prompt) holds: a note's limit,
/// far more than a search needs. Typing stops there and a paste is cut to fit, which also
/// bounds what every later key costs (parsing the query, drawing the bar).
pub const MAX_LINE_CHARS: usize = crate::triage::MAX_NOTE_CHARS;

/// The text typed so far and the cursor in it (a char index).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    pub text: String,
    pub cursor: usize,
}

impl LineInput {
    /// `text` with the cursor at its end.
    pub fn new(text: impl Into<String>) -> LineInput {
        let mut l = LineInput::default();
        l.set(text);
        l
    }

    /// Replaces the text; the cursor goes to its end.
    pub fn set(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.cursor = self.text.chars().count();
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Inserts what fits of `text` at `cursor` without taking `input` past [`MAX_LINE_CHARS`],
    /// cut between graphemes; returns how many characters went in.
    pub fn insert(&mut self, text: &str) -> usize {
        let (input, cursor) = (&mut self.text, &mut self.cursor);
        use unicode_segmentation::UnicodeSegmentation;
        let chars = input.chars().count();
        *cursor = (*cursor).min(chars);
        let room = MAX_LINE_CHARS.saturating_sub(chars);
        let (mut end, mut n) = (0, 0);
        for g in text.graphemes(true) {
            let c = g.chars().count();
            if n + c > room {
                break;
            }
            n += c;
            end += g.len();
        }
        input.insert_str(byte_at(input, *cursor), &text[..end]);
        *cursor += n;
        n
    }

    /// Line editing shared by the search bar and the prompts; true when the text changed.
    pub fn edit(&mut self, action: Action) -> bool {
        let (input, cursor) = (&mut self.text, &mut self.cursor);
        let chars = input.chars().count();
        *cursor = (*cursor).min(chars);
        match action {
            Action::Insert(c) => {
                // The input is echoed and stored: never let a control or invisible char in.
                if !text::is_typeable(c) || chars >= MAX_LINE_CHARS {
                    return false;
                }
                input.insert(byte_at(input, *cursor), c);
                *cursor += 1;
                true
            }
            Action::DeleteBack if *cursor > 0 => {
                *cursor -= 1;
                input.remove(byte_at(input, *cursor));
                true
            }
            Action::DeleteForward if *cursor < chars => {
                input.remove(byte_at(input, *cursor));
                true
            }
            Action::DeleteWordBack => {
                let before: Vec<char> = input.chars().take(*cursor).collect();
                let mut start = before.len();
                while start > 0 && before[start - 1].is_whitespace() {
                    start -= 1;
                }
                while start > 0 && !before[start - 1].is_whitespace() {
                    start -= 1;
                }
                if start == before.len() {
                    return false;
                }
                let (s, e) = (byte_at(input, start), byte_at(input, *cursor));
                input.replace_range(s..e, "");
                *cursor = start;
                true
            }
            Action::ClearQuery if !input.is_empty() => {
                input.clear();
                *cursor = 0;
                true
            }
            Action::CursorLeft => {
                *cursor = cursor.saturating_sub(1);
                false
            }
            Action::CursorRight => {
                *cursor = (*cursor + 1).min(chars);
                false
            }
            Action::CursorHome => {
                *cursor = 0;
                false
            }
            Action::CursorEnd => {
                *cursor = chars;
                false
            }
            _ => false,
        }
    }
}

impl From<&str> for LineInput {
    fn from(text: &str) -> LineInput {
        LineInput::new(text)
    }
}

impl Deref for LineInput {
    type Target = str;

    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq<&str> for LineInput {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

/// Whether `action` types into a full line of `chars` characters; then the status line says
/// so.
pub(super) fn line_full(app: &mut App, chars: usize, action: &Action) -> bool {
    let full = matches!(action, Action::Insert(_)) && chars >= MAX_LINE_CHARS;
    if full {
        app.set_message(
            format!(
                "the line is full: it holds at most {} characters",
                crate::loader::thousands(MAX_LINE_CHARS as u64)
            ),
            MessageKind::Info,
        );
    }
    full
}

/// Pasted text as one line of what could be typed: line breaks (CRLF once), tabs and line
/// separators become spaces, escape sequences go whole (as in article text), and then every
/// character typing refuses ([`text::is_typeable`]).
pub fn clean_paste(pasted: &str) -> String {
    let mut one_line = String::with_capacity(pasted.len());
    let mut chars = pasted.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                one_line.push(' ');
            }
            '\n' | '\t' => one_line.push(' '),
            c if text::is_line_separator(c) => one_line.push(' '),
            c => one_line.push(c),
        }
    }
    text::sanitize(&one_line)
        .chars()
        .filter(|&c| text::is_typeable(c))
        .collect()
}

fn byte_at(s: &str, n: usize) -> usize {
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_by_characters_not_bytes() {
        let mut l = LineInput::new("banjir bandang");
        assert_eq!(l.cursor, 14);
        assert!(l.edit(Action::DeleteWordBack));
        assert_eq!((l.as_str(), l.cursor), ("banjir ", 7));
        l.edit(Action::CursorHome);
        assert!(l.edit(Action::Insert('é')));
        assert!(l.edit(Action::DeleteForward));
        assert_eq!((l.as_str(), l.cursor), ("éanjir ", 1));
        assert!(!l.edit(Action::Insert('\u{1b}')), "never an escape");
        l.edit(Action::CursorEnd);
        assert_eq!(l.insert("日本"), 2);
        assert_eq!(l, "éanjir 日本");
        assert!(l.edit(Action::ClearQuery));
        assert_eq!((l.as_str(), l.cursor), ("", 0));
    }

    #[test]
    fn a_line_never_grows_past_its_limit() {
        let mut l = LineInput::new("x".repeat(MAX_LINE_CHARS - 1));
        assert_eq!(l.insert("abc"), 1);
        assert!(!l.edit(Action::Insert('z')));
        assert_eq!(l.chars().count(), MAX_LINE_CHARS);
    }
}
