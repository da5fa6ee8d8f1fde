//! What a team server receives: one event per field of one article that an action changed.
//!
//! Events come from comparing an article's state before and after an action (see
//! [`diff`]), so an action, its undo and its redo all become events alike, and a batch over
//! many articles is one event per article and field. An event's id is chosen once, when the
//! event is queued, and travels with it: sending it twice stores it once.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::triage::ArticleState;

/// What changed. Labels are one event per label, so two analysts adding different labels
/// never overwrite each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Read,
    Star,
    Decision,
    LabelAdd,
    LabelRemove,
    Note,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Read => "read",
            Action::Star => "star",
            Action::Decision => "decision",
            Action::LabelAdd => "label_add",
            Action::LabelRemove => "label_remove",
            Action::Note => "note",
        }
    }

    /// The action an event stored as [`Action::as_str`] names; `None` for one a newer warta
    /// wrote, which this one skips.
    pub fn parse(s: &str) -> Option<Action> {
        [
            Action::Read,
            Action::Star,
            Action::Decision,
            Action::LabelAdd,
            Action::LabelRemove,
            Action::Note,
        ]
        .into_iter()
        .find(|a| a.as_str() == s)
    }

    /// The value [`Action::field`] holds after this action: a removed label is a field
    /// with no value, so an older "add" that arrives later loses to it.
    pub fn state_value(self, value: Option<&str>) -> Option<String> {
        match self {
            Action::LabelRemove => None,
            Action::LabelAdd => Some("true".to_string()),
            _ => value.map(str::to_string),
        }
    }

    /// The current-state field this action sets: labels are a field each.
    pub fn field(self, value: Option<&str>) -> String {
        match self {
            Action::LabelAdd | Action::LabelRemove => format!("label:{}", value.unwrap_or("")),
            other => other.as_str().to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Unique across every analyst and machine; the server keeps the first copy it gets.
    pub id: String,
    pub article: String,
    pub analyst: String,
    pub action: Action,
    /// The new value (`true`/`false`, a decision's name, the label, the note); `None` clears.
    pub value: Option<String>,
    /// The value this analyst's state held before.
    pub previous: Option<String>,
    /// When the analyst acted, in microseconds since 1970 (UTC).
    pub at_us: i64,
}

/// Microseconds since 1970, strictly increasing within this process, so two actions of
/// one analyst never tie and the later one always wins on the server.
pub fn now_us() -> i64 {
    static LAST: AtomicU64 = AtomicU64::new(0);
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0);
    let mut prev = LAST.load(Ordering::Relaxed);
    loop {
        let next = now.max(prev + 1);
        match LAST.compare_exchange_weak(prev, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return i64::try_from(next).unwrap_or(i64::MAX),
            Err(p) => prev = p,
        }
    }
}

/// A fresh event id: 128 bits hashed from what makes this moment unique (the process, the
/// time, a counter, the event's own fields), in hex.
pub fn fresh_id(seed: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let host = std::fs::read_to_string("/proc/sys/kernel/random/boot_id").unwrap_or_default();
    let input = format!(
        "{seed}\u{1f}{}\u{1f}{nanos}\u{1f}{n}\u{1f}{host}",
        std::process::id()
    );
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(input.as_bytes()))
}

/// An id that is the same every time for the same content: for `warta team import`, so
/// importing a store twice stores its history once.
pub fn stable_id(parts: &[&str]) -> String {
    format!(
        "imp-{:032x}",
        xxhash_rust::xxh3::xxh3_128(parts.join("\u{1f}").as_bytes())
    )
}

fn flag(b: bool) -> Option<String> {
    Some(if b { "true" } else { "false" }.to_string())
}

/// The events that take `article` from `before` to `after`, with fresh ids.
pub fn diff(
    analyst: &str,
    article: &str,
    before: &ArticleState,
    after: &ArticleState,
) -> Vec<Event> {
    let mut out = Vec::new();
    let mut push = |action: Action, value: Option<String>, previous: Option<String>| {
        let seed = format!("{analyst}\u{1f}{article}\u{1f}{}", action.as_str());
        out.push(Event {
            id: fresh_id(&seed),
            article: article.to_string(),
            analyst: analyst.to_string(),
            action,
            value,
            previous,
            at_us: now_us(),
        });
    };
    if before.read != after.read {
        push(Action::Read, flag(after.read), flag(before.read));
    }
    if before.starred != after.starred {
        push(Action::Star, flag(after.starred), flag(before.starred));
    }
    if before.decision != after.decision {
        push(
            Action::Decision,
            Some(after.decision.as_str().to_string()),
            Some(before.decision.as_str().to_string()),
        );
    }
    for l in after.labels.difference(&before.labels) {
        push(Action::LabelAdd, Some(l.clone()), None);
    }
    for l in before.labels.difference(&after.labels) {
        push(Action::LabelRemove, Some(l.clone()), Some(l.clone()));
    }
    if before.note != after.note {
        push(Action::Note, after.note.clone(), before.note.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::Decision;

    #[test]
    fn a_change_becomes_one_event_per_field_and_label() {
        let before = ArticleState::default();
        let mut after = before.clone();
        after.decision = Decision::Relevant;
        after.labels.insert("banjir".into());
        after.labels.insert("'; DROP TABLE x; --".into());
        let ev = diff("ana", "a1", &before, &after);
        let kinds: Vec<_> = ev.iter().map(|e| (e.action, e.value.clone())).collect();
        assert_eq!(
            kinds,
            vec![
                (Action::Decision, Some("relevant".into())),
                (Action::LabelAdd, Some("'; DROP TABLE x; --".into())),
                (Action::LabelAdd, Some("banjir".into())),
            ]
        );
        assert_eq!(ev[0].previous.as_deref(), Some("undecided"));
        let ids: std::collections::BTreeSet<_> = ev.iter().map(|e| &e.id).collect();
        assert_eq!(ids.len(), 3, "every event has its own id");
        assert!(ev.windows(2).all(|w| w[0].at_us < w[1].at_us));
        assert!(diff("ana", "a1", &after, &after).is_empty());
    }
}
