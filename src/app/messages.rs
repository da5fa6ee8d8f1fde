//! The status line's messages and the log behind them.
//!
//! The status line has room for one message. A message the user caused (a key's outcome,
//! a live corpus change, an error) always takes it; a background notice (how many stories
//! have copies, once grouping finishes) takes it only when it is empty or holds another
//! notice, so news never disappears under housekeeping. Every message, shown or not, goes
//! to the log, which `L` opens (newest first), whole however narrow the status line is.

use std::collections::VecDeque;

use super::state::{App, Message, MessageKind};

/// Messages kept in the log; older ones are dropped.
pub const LOG_CAP: usize = 500;

/// Every message since start, oldest first, with a running number the overlay shows (so a
/// reader can tell how many came since they last looked).
#[derive(Debug, Default)]
pub struct MessageLog {
    pub entries: VecDeque<(u64, Message)>,
    pub next: u64,
}

impl MessageLog {
    pub fn push(&mut self, message: &Message) {
        // The same text twice in a row (a key pressed again) is one entry.
        if self
            .entries
            .back()
            .is_some_and(|(_, m)| m.text == message.text && m.kind == message.kind)
        {
            return;
        }
        self.next += 1;
        self.entries.push_back((self.next, message.clone()));
        while self.entries.len() > LOG_CAP {
            self.entries.pop_front();
        }
    }

    /// The overlay's lines for a width: newest first, each message wrapped, its number in
    /// front of its first line.
    pub fn lines(&self, width: usize) -> Vec<(String, MessageKind)> {
        let mut out = Vec::new();
        for (n, m) in self.entries.iter().rev() {
            let number = format!("{n:>4} ");
            let indent = number.len();
            let text_w = width.saturating_sub(indent).max(1);
            for (i, part) in crate::text::wrap::wrap_lines(&m.text, text_w)
                .into_iter()
                .enumerate()
            {
                let head = if i == 0 {
                    number.clone()
                } else {
                    " ".repeat(indent)
                };
                out.push((format!("{head}{part}"), m.kind));
            }
        }
        out
    }
}

impl App {
    /// A background notice: logged, and shown unless the status line holds something the
    /// user should see (see the module docs).
    pub fn notice(&mut self, text: impl Into<String>) {
        let message = Message {
            text: text.into(),
            kind: MessageKind::Info,
            background: true,
        };
        self.messages.push(&message);
        if self.message.as_ref().is_none_or(|m| m.background) {
            self.message = Some(message);
        }
    }

    /// Progress that the next step replaces ("parsing 3/10 files"): shown, not logged, so
    /// the log keeps what happened rather than every tick of how far along it is.
    pub fn set_progress(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Info,
            background: false,
        });
    }

    /// Rows of the message log overlay at the current size.
    pub fn log_len(&self) -> usize {
        let area = super::layout::help_area(self.width, self.height);
        self.messages
            .lines(usize::from(area.width.saturating_sub(2)))
            .len()
    }
}
