//! Per-article triage state, the actions that change it, and the query terms over it.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

/// An analyst's verdict on an article.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    #[default]
    Undecided,
    Relevant,
    Irrelevant,
    Maybe,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Undecided => "undecided",
            Decision::Relevant => "relevant",
            Decision::Irrelevant => "irrelevant",
            Decision::Maybe => "maybe",
        }
    }

    /// Case-insensitive parse of the lower-case names used in the journal and in `is:`.
    pub fn parse(s: &str) -> Option<Decision> {
        [
            Decision::Undecided,
            Decision::Relevant,
            Decision::Irrelevant,
            Decision::Maybe,
        ]
        .into_iter()
        .find(|d| d.as_str().eq_ignore_ascii_case(s.trim()))
    }

    fn is_undecided(&self) -> bool {
        *self == Decision::Undecided
    }
}

impl fmt::Display for Decision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The triage state of one article. Timestamps (RFC 3339 UTC) record the last change of the
/// field next to them. Defaults are skipped when serialised, so untouched fields cost nothing
/// in the journal and the snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ArticleState {
    #[serde(skip_serializing_if = "is_false")]
    pub read: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "de_text")]
    pub read_at: Option<String>,
    #[serde(skip_serializing_if = "is_false")]
    pub starred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "de_text")]
    pub starred_at: Option<String>,
    #[serde(skip_serializing_if = "Decision::is_undecided")]
    pub decision: Decision,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "de_text")]
    pub decided_at: Option<String>,
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    #[serde(deserialize_with = "de_labels")]
    pub labels: BTreeSet<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "de_text")]
    pub labels_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "de_text")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[serde(deserialize_with = "de_text")]
    pub note_at: Option<String>,
    /// What a team's analysts did to the article, in a browser with a team server; never
    /// stored (boxed: most states have none).
    #[serde(skip)]
    pub team: Option<Box<super::TeamMarks>>,
}

/// The store's files are input too (hand-edited, synced from another machine, written by an
/// older or other tool), so every text field read back is cleaned the way typed text is
/// before anything can show it. Cleaning is idempotent, so states written by warta itself
/// come back unchanged and replaying the journal stays exact.
fn clean_text(s: &str) -> Option<String> {
    let t = crate::text::sanitize(s);
    let t = t.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A label as read back: sanitised and on one line; one that cleans to nothing is dropped.
/// Over-long labels are kept: refusing them is for typing; on reading, refusing would lose them.
fn clean_label(s: &str) -> Option<String> {
    let clean = crate::text::sanitize(s);
    let label = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    (!label.is_empty()).then_some(label)
}

fn de_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(d)?
        .as_deref()
        .and_then(clean_text))
}

fn de_labels<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeSet<String>, D::Error> {
    let raw = BTreeSet::<String>::deserialize(d)?;
    Ok(raw.iter().filter_map(|l| clean_label(l)).collect())
}

fn de_label<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let raw = String::deserialize(d)?;
    Ok(clean_label(&raw).unwrap_or_default())
}

fn de_note<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let raw = String::deserialize(d)?;
    Ok(clean_text(&raw).unwrap_or_default())
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl ArticleState {
    pub fn is_default(&self) -> bool {
        *self == ArticleState::default()
    }

    /// Whether the article carries `label`, compared case-insensitively.
    pub fn has_label(&self, label: &str) -> bool {
        let want = label.to_lowercase();
        self.labels.iter().any(|l| l.to_lowercase() == want)
    }
}

/// Read access to triage state by article id, so the query language and the facets can
/// evaluate `is:`/`label:`/`has:` terms without knowing where the state lives (the store,
/// or the browser's copy of it that the search thread reads).
pub trait StateLookup: Sync {
    /// The state of `id`; `None` means the default state (unread, undecided, no labels).
    fn lookup(&self, id: &str) -> Option<&ArticleState>;

    /// True when every article is in the default state, so a scan need not look any up
    /// (nor read the article's id to do so).
    fn is_empty(&self) -> bool;
}

impl StateLookup for std::collections::HashMap<String, ArticleState> {
    fn lookup(&self, id: &str) -> Option<&ArticleState> {
        self.get(id)
    }

    fn is_empty(&self) -> bool {
        self.is_empty()
    }
}

/// No triage state at all: every article is unread and undecided.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoState;

impl StateLookup for NoState {
    fn lookup(&self, _id: &str) -> Option<&ArticleState> {
        None
    }

    fn is_empty(&self) -> bool {
        true
    }
}

/// Longest label accepted, in characters.
pub const MAX_LABEL_CHARS: usize = 100;
/// Longest note accepted, in characters ("a short note"; this also bounds journal lines).
pub const MAX_NOTE_CHARS: usize = 4000;

/// One undoable action. Every variant applies to a set of article ids at once; a batch is a
/// single action for undo and redo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Op {
    SetRead {
        ids: Vec<String>,
        read: bool,
    },
    SetStar {
        ids: Vec<String>,
        star: bool,
    },
    Decide {
        ids: Vec<String>,
        decision: Decision,
        /// Also mark the articles read (the `decide_marks_read` option). Absent in journals
        /// written before the option, which therefore replay and undo exactly as they did.
        #[serde(default, skip_serializing_if = "is_false")]
        mark_read: bool,
    },
    AddLabel {
        ids: Vec<String>,
        #[serde(deserialize_with = "de_label")]
        label: String,
    },
    RemoveLabel {
        ids: Vec<String>,
        #[serde(deserialize_with = "de_label")]
        label: String,
    },
    /// An empty (or all-whitespace) note removes the note.
    SetNote {
        ids: Vec<String>,
        #[serde(deserialize_with = "de_note")]
        note: String,
    },
}

impl Op {
    pub fn ids(&self) -> &[String] {
        match self {
            Op::SetRead { ids, .. }
            | Op::SetStar { ids, .. }
            | Op::Decide { ids, .. }
            | Op::AddLabel { ids, .. }
            | Op::RemoveLabel { ids, .. }
            | Op::SetNote { ids, .. } => ids,
        }
    }

    fn ids_mut(&mut self) -> &mut Vec<String> {
        match self {
            Op::SetRead { ids, .. }
            | Op::SetStar { ids, .. }
            | Op::Decide { ids, .. }
            | Op::AddLabel { ids, .. }
            | Op::RemoveLabel { ids, .. }
            | Op::SetNote { ids, .. } => ids,
        }
    }

    /// A short past-tense description for the status line ("marked 3 articles relevant").
    pub fn describe(&self) -> String {
        let n = self.ids().len();
        let what = if n == 1 {
            "1 article".to_string()
        } else {
            format!("{n} articles")
        };
        match self {
            Op::SetRead { read: true, .. } => format!("marked {what} read"),
            Op::SetRead { read: false, .. } => format!("marked {what} unread"),
            Op::SetStar { star: true, .. } => format!("starred {what}"),
            Op::SetStar { star: false, .. } => format!("unstarred {what}"),
            Op::Decide { decision, .. } => format!("marked {what} {decision}"),
            Op::AddLabel { label, .. } => format!("labelled {what} \"{label}\""),
            Op::RemoveLabel { label, .. } => format!("removed label \"{label}\" from {what}"),
            Op::SetNote { note, .. } if note.is_empty() => format!("removed the note of {what}"),
            Op::SetNote { .. } => format!("set the note of {what}"),
        }
    }

    /// Cleans user input: ids trimmed, de-duplicated and non-empty; labels and notes
    /// sanitised (they are rendered later) and trimmed. The journal stores the cleaned op, so
    /// replay never depends on the sanitiser's version.
    pub(crate) fn normalized(mut self) -> Result<Op, InvalidOp> {
        let ids: Vec<String> = std::mem::take(self.ids_mut())
            .into_iter()
            .map(|id| match id.trim() {
                t if t.len() == id.len() => id,
                t => t.to_string(),
            })
            .collect();
        // Hashing borrowed ids, not a sorted set of copies: a select-all batch has 100k.
        let keep: Vec<bool> = {
            let mut seen = std::collections::HashSet::with_capacity(ids.len());
            ids.iter()
                .map(|id| !id.is_empty() && seen.insert(id.as_str()))
                .collect()
        };
        let ids: Vec<String> = ids
            .into_iter()
            .zip(keep)
            .filter_map(|(id, keep)| keep.then_some(id))
            .collect();
        if ids.is_empty() {
            return Err(InvalidOp::NoIds);
        }
        *self.ids_mut() = ids;
        match &mut self {
            Op::AddLabel { label, .. } | Op::RemoveLabel { label, .. } => {
                *label = normalize_label(label)?;
            }
            Op::SetNote { note, .. } => {
                let clean = crate::text::sanitize(note).trim().to_string();
                if clean.chars().count() > MAX_NOTE_CHARS {
                    return Err(InvalidOp::NoteTooLong);
                }
                *note = clean;
            }
            Op::SetRead { .. } | Op::SetStar { .. } | Op::Decide { .. } => {}
        }
        Ok(self)
    }

    /// Whether applying this op to `state` would change it (without building the result).
    pub(crate) fn changes(&self, s: &ArticleState) -> bool {
        match self {
            Op::SetRead { read, .. } => s.read != *read,
            Op::SetStar { star, .. } => s.starred != *star,
            Op::Decide {
                decision,
                mark_read,
                ..
            } => s.decision != *decision || (*mark_read && !s.read),
            Op::AddLabel { label, .. } => !label.is_empty() && !s.has_label(label),
            Op::RemoveLabel { label, .. } => s.has_label(label),
            Op::SetNote { note, .. } => s.note.as_deref().unwrap_or("") != note,
        }
    }

    /// The state after this op, stamped with `at` on the fields that change. Deterministic,
    /// so replaying the journal and redo reproduce the original result exactly.
    pub(crate) fn apply_to(&self, state: &ArticleState, at: &str) -> ArticleState {
        let mut s = state.clone();
        let at = Some(at.to_string());
        match self {
            Op::SetRead { read, .. } if s.read != *read => {
                s.read = *read;
                s.read_at = at;
            }
            Op::SetStar { star, .. } if s.starred != *star => {
                s.starred = *star;
                s.starred_at = at;
            }
            Op::Decide {
                decision,
                mark_read,
                ..
            } => {
                if *mark_read && !s.read {
                    s.read = true;
                    s.read_at.clone_from(&at);
                }
                if s.decision != *decision {
                    s.decision = *decision;
                    s.decided_at = at;
                }
            }
            // A label that cleaned to nothing (see `de_label`) adds nothing.
            Op::AddLabel { label, .. } if !label.is_empty() && !s.has_label(label) => {
                s.labels.insert(label.clone());
                s.labels_at = at;
            }
            Op::RemoveLabel { label, .. } if s.has_label(label) => {
                let want = label.to_lowercase();
                s.labels.retain(|l| l.to_lowercase() != want);
                s.labels_at = at;
            }
            Op::SetNote { note, .. } => {
                let new = (!note.is_empty()).then(|| note.clone());
                if s.note != new {
                    s.note = new;
                    s.note_at = at;
                }
            }
            _ => {}
        }
        s
    }
}

/// Why an op was refused before it reached the store.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidOp {
    #[error("no articles selected")]
    NoIds,
    #[error("a label cannot be empty")]
    EmptyLabel,
    #[error("a label can have at most {MAX_LABEL_CHARS} characters")]
    LabelTooLong,
    #[error("a note can have at most {MAX_NOTE_CHARS} characters")]
    NoteTooLong,
}

/// Sanitised, whitespace runs (newlines included) collapsed to one space, trimmed.
pub fn normalize_label(label: &str) -> Result<String, InvalidOp> {
    let clean = crate::text::sanitize(label);
    let label = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if label.is_empty() {
        return Err(InvalidOp::EmptyLabel);
    }
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(InvalidOp::LabelTooLong);
    }
    Ok(label)
}

/// Counts over a set of articles, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub total: usize,
    /// Articles with a decision other than undecided.
    pub triaged: usize,
    pub relevant: usize,
    pub irrelevant: usize,
    pub maybe: usize,
    pub starred: usize,
    pub read: usize,
}

impl Progress {
    /// `state` taken out again (it changed), so counts follow a change without a recount.
    pub fn remove(&mut self, state: &ArticleState) {
        let mut one = Progress::default();
        one.add(state);
        self.total = self.total.saturating_sub(one.total);
        self.triaged = self.triaged.saturating_sub(one.triaged);
        self.relevant = self.relevant.saturating_sub(one.relevant);
        self.irrelevant = self.irrelevant.saturating_sub(one.irrelevant);
        self.maybe = self.maybe.saturating_sub(one.maybe);
        self.starred = self.starred.saturating_sub(one.starred);
        self.read = self.read.saturating_sub(one.read);
    }

    /// The counts of two disjoint sets together.
    pub fn merge(mut self, o: Progress) -> Progress {
        self.total += o.total;
        self.triaged += o.triaged;
        self.relevant += o.relevant;
        self.irrelevant += o.irrelevant;
        self.maybe += o.maybe;
        self.starred += o.starred;
        self.read += o.read;
        self
    }

    pub fn add(&mut self, state: &ArticleState) {
        self.total += 1;
        match state.decision {
            Decision::Undecided => {}
            Decision::Relevant => self.relevant += 1,
            Decision::Irrelevant => self.irrelevant += 1,
            Decision::Maybe => self.maybe += 1,
        }
        self.triaged += usize::from(state.decision != Decision::Undecided);
        self.starred += usize::from(state.starred);
        self.read += usize::from(state.read);
    }
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "triaged {}/{} · relevant {} · maybe {} · irrelevant {}",
            self.triaged, self.total, self.relevant, self.maybe, self.irrelevant
        )?;
        if self.starred > 0 {
            write!(f, " · starred {}", self.starred)?;
        }
        Ok(())
    }
}

/// A triage condition for the query language: `is:unread|read|starred|relevant|irrelevant|
/// maybe|undecided`, `label:NAME` (case-insensitive) and `has:note|labels`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriageTerm {
    Unread,
    Read,
    Starred,
    /// A decision other than undecided (`is:relevant`, `is:irrelevant`, `is:maybe`).
    Decision(Decision),
    Undecided,
    /// Stored lower-cased; matched case-insensitively.
    Label(String),
    HasNote,
    HasLabels,
    /// `is:mine`: this analyst touched it (with a team server).
    Mine,
    /// `is:conflict`: analysts decided it differently.
    Conflict,
    /// `is:agreed`: two or more analysts decided it alike.
    Agreed,
    /// `by:NAME`: the analyst touched it; the name lower-cased, matched case-insensitively.
    By(String),
}

impl TriageTerm {
    /// Parses `field:value`; `field` is one of `is`, `label`, `has` (case-insensitive).
    pub fn parse(field: &str, value: &str) -> Result<TriageTerm, String> {
        let value = value.trim();
        match field.trim().to_ascii_lowercase().as_str() {
            "is" => match value.to_ascii_lowercase().as_str() {
                "unread" => Ok(TriageTerm::Unread),
                "read" => Ok(TriageTerm::Read),
                "starred" => Ok(TriageTerm::Starred),
                "undecided" => Ok(TriageTerm::Undecided),
                "mine" => Ok(TriageTerm::Mine),
                "conflict" => Ok(TriageTerm::Conflict),
                "agreed" => Ok(TriageTerm::Agreed),
                other => match Decision::parse(other) {
                    Some(d) => Ok(TriageTerm::Decision(d)),
                    None => Err(format!(
                        "unknown is:{value} (expected unread, read, starred, relevant, \
                         irrelevant, maybe, undecided, mine, conflict or agreed)"
                    )),
                },
            },
            "label" => normalize_label(value)
                .map(|l| TriageTerm::Label(l.to_lowercase()))
                .map_err(|e| format!("label:{value}: {e}")),
            "has" => match value.to_ascii_lowercase().as_str() {
                "note" => Ok(TriageTerm::HasNote),
                "labels" | "label" => Ok(TriageTerm::HasLabels),
                _ => Err(format!("unknown has:{value} (expected note or labels)")),
            },
            "by" => match value.to_lowercase() {
                name if name.is_empty() => Err("by: needs an analyst's name".to_string()),
                name => Ok(TriageTerm::By(name)),
            },
            other => Err(format!(
                "{other}: not a triage field (expected is, label, has or by)"
            )),
        }
    }

    /// Whether the term asks about a team's analysts, which only a team server can answer.
    pub fn needs_team(&self) -> bool {
        matches!(
            self,
            TriageTerm::Mine | TriageTerm::Conflict | TriageTerm::Agreed | TriageTerm::By(_)
        )
    }

    pub fn matches(&self, state: &ArticleState) -> bool {
        match self {
            TriageTerm::Unread => !state.read,
            TriageTerm::Read => state.read,
            TriageTerm::Starred => state.starred,
            TriageTerm::Decision(d) => state.decision == *d,
            TriageTerm::Undecided => state.decision == Decision::Undecided,
            TriageTerm::Label(l) => state.has_label(l),
            TriageTerm::HasNote => state.note.is_some(),
            TriageTerm::HasLabels => !state.labels.is_empty(),
            TriageTerm::Mine => state.team.as_ref().is_some_and(|t| t.mine),
            TriageTerm::Conflict => state
                .team
                .as_ref()
                .is_some_and(|t| t.agreement == super::Agreement::Conflict),
            TriageTerm::Agreed => state
                .team
                .as_ref()
                .is_some_and(|t| t.agreement == super::Agreement::Agreed),
            TriageTerm::By(name) => state
                .team
                .as_ref()
                .is_some_and(|t| t.analysts.iter().any(|a| a.to_lowercase() == *name)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_decision_written_before_the_read_option_replays_without_marking_read() {
        let old = r#"{"kind":"decide","ids":["a"],"decision":"relevant"}"#;
        let op: Op = serde_json::from_str(old).unwrap();
        assert!(matches!(
            op,
            Op::Decide {
                mark_read: false,
                ..
            }
        ));
        let after = op.apply_to(&ArticleState::default(), "2026-01-01T00:00:00Z");
        assert!(!after.read && after.decision == Decision::Relevant);
        // A new one carries the flag, and only when set.
        let new = Op::Decide {
            ids: ids(&["a"]),
            decision: Decision::Maybe,
            mark_read: true,
        };
        let text = serde_json::to_string(&new).unwrap();
        assert!(text.contains("mark_read"), "{text}");
        assert_eq!(serde_json::from_str::<Op>(&text).unwrap(), new);
        let after = new.apply_to(&ArticleState::default(), "2026-01-01T00:00:00Z");
        assert!(after.read && after.read_at.is_some());
        // Already decided alike but unread: the op still changes something.
        assert!(new.changes(&ArticleState {
            decision: Decision::Maybe,
            ..ArticleState::default()
        }));
    }

    #[test]
    fn normalisation_cleans_ids_labels_and_notes() {
        let op = Op::AddLabel {
            ids: ids(&[" a ", "a", "", "b"]),
            label: "  banjir\x1b[31m \n bandang ".into(),
        }
        .normalized()
        .unwrap();
        assert_eq!(
            op,
            Op::AddLabel {
                ids: ids(&["a", "b"]),
                label: "banjir bandang".into()
            }
        );
        let err = Op::AddLabel {
            ids: ids(&["a"]),
            label: " \u{200B} ".into(),
        }
        .normalized();
        assert_eq!(err, Err(InvalidOp::EmptyLabel));
        assert_eq!(
            Op::SetRead {
                ids: ids(&[" "]),
                read: true
            }
            .normalized(),
            Err(InvalidOp::NoIds)
        );
        let long = Op::SetNote {
            ids: ids(&["a"]),
            note: "x".repeat(MAX_NOTE_CHARS + 1),
        };
        assert_eq!(long.normalized(), Err(InvalidOp::NoteTooLong));
    }

    #[test]
    fn apply_stamps_only_changed_fields() {
        let s0 = ArticleState::default();
        let op = Op::SetRead {
            ids: ids(&["a"]),
            read: true,
        };
        let s1 = op.apply_to(&s0, "2024-01-01T00:00:00Z");
        assert!(s1.read);
        assert_eq!(s1.read_at.as_deref(), Some("2024-01-01T00:00:00Z"));
        // Re-applying keeps the first timestamp: nothing changed.
        let s2 = op.apply_to(&s1, "2025-01-01T00:00:00Z");
        assert_eq!(s2, s1);
        let lab = Op::AddLabel {
            ids: ids(&["a"]),
            label: "Banjir".into(),
        };
        let s3 = lab.apply_to(&s2, "t3");
        let lower = Op::AddLabel {
            ids: ids(&["a"]),
            label: "banjir".into(),
        };
        assert_eq!(lower.apply_to(&s3, "t4"), s3, "case-insensitive duplicate");
        let rm = Op::RemoveLabel {
            ids: ids(&["a"]),
            label: "BANJIR".into(),
        };
        assert!(rm.apply_to(&s3, "t5").labels.is_empty());
    }

    #[test]
    fn state_serialises_compactly() {
        assert_eq!(
            serde_json::to_string(&ArticleState::default()).unwrap(),
            "{}"
        );
        let s = ArticleState {
            starred: true,
            starred_at: Some("t".into()),
            ..Default::default()
        };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"starred":true,"starred_at":"t"}"#);
        assert_eq!(serde_json::from_str::<ArticleState>(&json).unwrap(), s);
    }

    #[test]
    fn progress_counts_and_displays() {
        let mut p = Progress::default();
        for d in [
            Decision::Relevant,
            Decision::Relevant,
            Decision::Maybe,
            Decision::Undecided,
        ] {
            p.add(&ArticleState {
                decision: d,
                ..Default::default()
            });
        }
        assert_eq!((p.total, p.triaged, p.relevant, p.maybe), (4, 3, 2, 1));
        assert_eq!(
            p.to_string(),
            "triaged 3/4 · relevant 2 · maybe 1 · irrelevant 0"
        );
        p.starred = 2;
        assert!(p.to_string().ends_with(" · starred 2"));
    }

    #[test]
    fn terms_parse_and_match() {
        let st = ArticleState {
            read: true,
            decision: Decision::Maybe,
            labels: ["Banjir".to_string()].into(),
            ..Default::default()
        };
        let yes = [
            ("is", "read"),
            ("IS", "Maybe"),
            ("label", "banjir"),
            ("label", "BANJIR"),
            ("has", "labels"),
        ];
        for (f, v) in yes {
            let t = TriageTerm::parse(f, v).unwrap();
            assert!(t.matches(&st), "{f}:{v}");
        }
        let no = [
            ("is", "unread"),
            ("is", "starred"),
            ("is", "relevant"),
            ("is", "undecided"),
            ("label", "gempa"),
            ("has", "note"),
        ];
        for (f, v) in no {
            let t = TriageTerm::parse(f, v).unwrap();
            assert!(!t.matches(&st), "{f}:{v}");
        }
        assert!(TriageTerm::parse("is", "bogus").is_err());
        assert!(TriageTerm::parse("has", "stars").is_err());
        assert!(TriageTerm::parse("label", "  ").is_err());
        assert!(TriageTerm::parse("title", "x").is_err());
        assert!(
            TriageTerm::parse("is", "undecided")
                .unwrap()
                .matches(&ArticleState::default())
        );
    }
}
