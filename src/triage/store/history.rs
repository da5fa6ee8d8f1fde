//! Undo history: actions with the prior values they replaced, kept compactly and bounded by
//! size.
//!
//! An action records only the fields its op changes (a decision and its time for `Decide`,
//! the labels and their time for a label op, …), and stores the distinct prior values once
//! with runs over the op's ids. A batch over 100k undecided articles is therefore one prior
//! value and one run, not 100k copies of a state. Undo puts those fields back and leaves the
//! others as they are; since undo always takes the newest action, the other fields are
//! exactly what the action left, so this is the same as restoring the whole prior state.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use serde::{Deserialize, Serialize};

use super::super::state::{ArticleState, Decision, Op};

/// The default state, borrowable for as long as anything: what an id without a state has.
pub(crate) static DEFAULT: ArticleState = ArticleState {
    read: false,
    read_at: None,
    starred: false,
    starred_at: None,
    decision: Decision::Undecided,
    decided_at: None,
    labels: BTreeSet::new(),
    labels_at: None,
    note: None,
    note_at: None,
    team: None,
};

/// The fields `op` changes, borrowed from a state: equal keys mean equal projections, so
/// capturing a batch copies each distinct prior value once.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    Read(bool, Option<&'a str>),
    Star(bool, Option<&'a str>),
    Decide(Decision, Option<&'a str>),
    DecideRead(Decision, Option<&'a str>, bool, Option<&'a str>),
    Labels(&'a BTreeSet<String>, Option<&'a str>),
    Note(Option<&'a str>, Option<&'a str>),
}

fn key<'a>(op: &Op, st: &'a ArticleState) -> Key<'a> {
    match op {
        Op::SetRead { .. } => Key::Read(st.read, st.read_at.as_deref()),
        Op::SetStar { .. } => Key::Star(st.starred, st.starred_at.as_deref()),
        Op::Decide {
            mark_read: true, ..
        } => Key::DecideRead(
            st.decision,
            st.decided_at.as_deref(),
            st.read,
            st.read_at.as_deref(),
        ),
        Op::Decide { .. } => Key::Decide(st.decision, st.decided_at.as_deref()),
        Op::AddLabel { .. } | Op::RemoveLabel { .. } => {
            Key::Labels(&st.labels, st.labels_at.as_deref())
        }
        Op::SetNote { .. } => Key::Note(st.note.as_deref(), st.note_at.as_deref()),
    }
}

/// The fields `op` changes, taken from `st`; every other field is left at its default.
pub(crate) fn project(op: &Op, st: &ArticleState) -> ArticleState {
    let mut p = ArticleState::default();
    match op {
        Op::SetRead { .. } => {
            p.read = st.read;
            p.read_at.clone_from(&st.read_at);
        }
        Op::SetStar { .. } => {
            p.starred = st.starred;
            p.starred_at.clone_from(&st.starred_at);
        }
        Op::Decide { mark_read, .. } => {
            p.decision = st.decision;
            p.decided_at.clone_from(&st.decided_at);
            if *mark_read {
                p.read = st.read;
                p.read_at.clone_from(&st.read_at);
            }
        }
        Op::AddLabel { .. } | Op::RemoveLabel { .. } => {
            p.labels.clone_from(&st.labels);
            p.labels_at.clone_from(&st.labels_at);
        }
        Op::SetNote { .. } => {
            p.note.clone_from(&st.note);
            p.note_at.clone_from(&st.note_at);
        }
    }
    p
}

/// `current` with the fields `op` changes put back to `prior`'s.
pub(crate) fn restore(op: &Op, current: &ArticleState, prior: &ArticleState) -> ArticleState {
    let mut s = current.clone();
    match op {
        Op::SetRead { .. } => {
            s.read = prior.read;
            s.read_at.clone_from(&prior.read_at);
        }
        Op::SetStar { .. } => {
            s.starred = prior.starred;
            s.starred_at.clone_from(&prior.starred_at);
        }
        Op::Decide { mark_read, .. } => {
            s.decision = prior.decision;
            s.decided_at.clone_from(&prior.decided_at);
            if *mark_read {
                s.read = prior.read;
                s.read_at.clone_from(&prior.read_at);
            }
        }
        Op::AddLabel { .. } | Op::RemoveLabel { .. } => {
            s.labels.clone_from(&prior.labels);
            s.labels_at.clone_from(&prior.labels_at);
        }
        Op::SetNote { .. } => {
            s.note.clone_from(&prior.note);
            s.note_at.clone_from(&prior.note_at);
        }
    }
    s
}

/// The prior values of an action's ids, in the op's id order: distinct values once, and runs
/// of `(value index, count)` over the ids. Serialised as `{"states":[…],"runs":[[i,n],…]}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub(crate) struct Prior {
    states: Vec<ArticleState>,
    runs: Vec<(u32, u32)>,
}

impl Prior {
    /// The prior values of `op`'s fields for each of its ids, read through `get`.
    pub(crate) fn capture<'a>(
        op: &Op,
        mut get: impl FnMut(&str) -> Option<&'a ArticleState>,
    ) -> Prior {
        let mut index: HashMap<Key<'a>, u32> = HashMap::new();
        let mut prior = Prior::default();
        for id in op.ids() {
            let st = get(id).unwrap_or(&DEFAULT);
            let next = u32::try_from(prior.states.len()).unwrap_or(u32::MAX);
            let i = *index.entry(key(op, st)).or_insert_with(|| {
                prior.states.push(project(op, st));
                next
            });
            match prior.runs.last_mut() {
                Some((last, n)) if *last == i => *n += 1,
                _ => prior.runs.push((i, 1)),
            }
        }
        prior
    }

    /// From an older journal or snapshot that kept the whole prior state of every id.
    pub(crate) fn from_states(
        op: &Op,
        before: &BTreeMap<String, ArticleState>,
    ) -> Result<Prior, String> {
        if before.len() != op.ids().len() {
            return Err("the prior states do not match the action's articles".into());
        }
        for id in op.ids() {
            if !before.contains_key(id) {
                return Err(format!("no prior state for {id}"));
            }
        }
        Ok(Prior::capture(op, |id| before.get(id)))
    }

    /// Checks a prior read from disk against its op.
    pub(crate) fn validate(&self, op: &Op) -> Result<(), String> {
        let mut total: usize = 0;
        for &(i, n) in &self.runs {
            if i as usize >= self.states.len() || n == 0 {
                return Err("a run of prior values is out of range".into());
            }
            total = total.saturating_add(n as usize);
        }
        if total != op.ids().len() {
            return Err(format!(
                "{total} prior values for {} articles",
                op.ids().len()
            ));
        }
        Ok(())
    }

    /// One prior value per id, in the op's id order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &ArticleState> {
        self.runs
            .iter()
            .flat_map(|&(i, n)| std::iter::repeat_n(&self.states[i as usize], n as usize))
    }

    /// Roughly the bytes this prior takes when serialised.
    fn weight(&self) -> usize {
        let states: usize = self.states.iter().map(state_weight).sum();
        states + self.runs.len() * 12
    }
}

fn state_weight(s: &ArticleState) -> usize {
    // Field names, timestamps and punctuation; labels and notes by their length.
    let mut w = 2;
    for t in [
        &s.read_at,
        &s.starred_at,
        &s.decided_at,
        &s.labels_at,
        &s.note_at,
    ]
    .into_iter()
    .flatten()
    {
        w += t.len() + 16;
    }
    w += s.labels.iter().map(|l| l.len() + 3).sum::<usize>();
    w += s.note.as_ref().map_or(0, |n| n.len() + 10);
    w + 24
}

/// One undoable action, as journaled and as kept in the history file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Action {
    pub seq: u64,
    pub at: String,
    pub op: Op,
    pub prior: Prior,
}

/// An action's time as read from disk. It becomes the time of every field the action sets,
/// which is shown and exported, so it is cleaned like the other text in the store's files
/// (a time warta wrote is unchanged by it).
pub(crate) fn de_at<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let raw = String::deserialize(d)?;
    Ok(crate::text::sanitize(&raw).trim().to_string())
}

/// An action as read from disk: the current compact `prior`, or an older build's `before`
/// map of whole prior states.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActionRepr {
    seq: u64,
    #[serde(deserialize_with = "de_at")]
    at: String,
    op: Op,
    #[serde(default)]
    prior: Option<Prior>,
    #[serde(default)]
    before: Option<BTreeMap<String, ArticleState>>,
}

impl ActionRepr {
    pub(crate) fn new(
        seq: u64,
        at: String,
        op: Op,
        prior: Option<Prior>,
        before: Option<BTreeMap<String, ArticleState>>,
    ) -> ActionRepr {
        ActionRepr {
            seq,
            at,
            op,
            prior,
            before,
        }
    }

    pub(crate) fn into_action(self) -> Result<Action, String> {
        let prior = match (self.prior, self.before) {
            (Some(p), None) => {
                p.validate(&self.op)?;
                p
            }
            (None, Some(before)) => Prior::from_states(&self.op, &before)?,
            _ => return Err("an action needs exactly one of prior and before".into()),
        };
        Ok(Action {
            seq: self.seq,
            at: self.at,
            op: self.op,
            prior,
        })
    }

    /// An action of a history that stands at `seq`, which can hold only earlier actions:
    /// undoing one numbered later would write a journal line naming a later action, which
    /// reading refuses as damage.
    pub(crate) fn into_action_upto(self, seq: u64) -> Result<Action, String> {
        if self.seq == 0 || self.seq > seq {
            return Err(format!(
                "it holds action {} at sequence number {seq}",
                self.seq
            ));
        }
        self.into_action()
    }
}

impl Action {
    /// Roughly the bytes this action takes when serialised: what the history's size bound
    /// counts.
    pub(crate) fn weight(&self) -> usize {
        let ids: usize = self.op.ids().iter().map(|id| id.len() + 3).sum();
        let payload = match &self.op {
            Op::AddLabel { label, .. } | Op::RemoveLabel { label, .. } => label.len(),
            Op::SetNote { note, .. } => note.len(),
            _ => 0,
        };
        ids + payload + self.prior.weight() + self.at.len() + 64
    }
}

/// The undo and redo stacks, bounded by a number of actions and by their total weight.
#[derive(Debug, Default)]
pub(crate) struct History {
    pub undo: VecDeque<Action>,
    pub redo: Vec<Action>,
    weight: usize,
}

/// How much history to keep.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    pub actions: usize,
    pub bytes: usize,
}

impl History {
    pub(crate) fn new(undo: Vec<Action>, redo: Vec<Action>) -> History {
        let weight = undo.iter().chain(&redo).map(Action::weight).sum();
        History {
            undo: undo.into(),
            redo,
            weight,
        }
    }

    pub(crate) fn clear(&mut self) {
        *self = History::default();
    }

    /// A new action: it clears what could be redone.
    pub(crate) fn push(&mut self, action: Action) {
        for a in self.redo.drain(..) {
            self.weight -= a.weight();
        }
        self.weight += action.weight();
        self.undo.push_back(action);
    }

    /// Moves the newest action to the redo stack; `None` when nothing can be undone or the
    /// newest action is not `target`.
    pub(crate) fn take_undo(&mut self, target: u64) -> Option<&Action> {
        if self.undo.back()?.seq != target {
            return None;
        }
        let a = self.undo.pop_back()?;
        self.redo.push(a);
        self.redo.last()
    }

    pub(crate) fn take_redo(&mut self, target: u64) -> Option<&Action> {
        if self.redo.last()?.seq != target {
            return None;
        }
        let a = self.redo.pop()?;
        self.undo.push_back(a);
        self.undo.back()
    }

    /// Forgets the oldest actions until both bounds hold. The newest action is always kept,
    /// however large, so the last thing done can be undone.
    pub(crate) fn trim(&mut self, bounds: Bounds) {
        self.trim_into(bounds, None);
    }

    /// [`History::trim`], putting what it forgets in `attic` (if any).
    pub(crate) fn trim_into(&mut self, bounds: Bounds, mut attic: Option<&mut Vec<Action>>) {
        while self.undo.len() > 1
            && (self.undo.len() > bounds.actions || self.weight > bounds.bytes)
        {
            if let Some(a) = self.undo.pop_front() {
                self.weight -= a.weight();
                if let Some(attic) = attic.as_deref_mut() {
                    attic.push(a);
                }
            }
        }
        if bounds.actions == 0 {
            if let Some(attic) = attic {
                attic.extend(self.undo.drain(..).chain(self.redo.drain(..)));
            }
            self.undo.clear();
            self.redo.clear();
            self.weight = 0;
        }
    }

    pub(crate) fn weight(&self) -> usize {
        self.weight
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::Decision;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("{i:016x}")).collect()
    }

    #[test]
    fn a_batch_over_undecided_articles_is_one_value_and_one_run() {
        let op = Op::Decide {
            ids: ids(100_000),
            decision: Decision::Relevant,
            mark_read: false,
        };
        let p = Prior::capture(&op, |_| None);
        assert_eq!(p.states, vec![ArticleState::default()]);
        assert_eq!(p.runs, vec![(0, 100_000)]);
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"states":[{}],"runs":[[0,100000]]}"#);
        assert_eq!(p.iter().count(), 100_000);
        p.validate(&op).unwrap();
    }

    #[test]
    fn priors_keep_only_the_fields_the_op_changes() {
        let st = ArticleState {
            read: true,
            read_at: Some("t1".into()),
            decision: Decision::Maybe,
            decided_at: Some("t2".into()),
            ..Default::default()
        };
        let op = Op::Decide {
            ids: vec!["a".into(), "b".into(), "c".into()],
            decision: Decision::Relevant,
            mark_read: false,
        };
        let p = Prior::capture(&op, |id| (id != "b").then_some(&st));
        assert_eq!(p.runs, vec![(0, 1), (1, 1), (0, 1)]);
        assert!(!p.states[0].read, "read is not the decision's field");
        assert_eq!(p.states[0].decision, Decision::Maybe);
        let after = op.apply_to(&st, "t3");
        assert_eq!(restore(&op, &after, &p.states[0]), st);
    }

    #[test]
    fn invalid_priors_are_refused() {
        let op = Op::SetStar {
            ids: vec!["a".into(), "b".into()],
            star: true,
        };
        for bad in [
            r#"{"states":[{}],"runs":[[0,1]]}"#,
            r#"{"states":[{}],"runs":[[1,2]]}"#,
            r#"{"states":[{}],"runs":[[0,0],[0,2]]}"#,
        ] {
            let p: Prior = serde_json::from_str(bad).unwrap();
            assert!(p.validate(&op).is_err(), "{bad}");
        }
    }

    #[test]
    fn trimming_respects_both_bounds_and_keeps_the_newest() {
        let mut h = History::default();
        for seq in 1..=10u64 {
            let op = Op::SetRead {
                ids: ids(1000),
                read: seq % 2 == 0,
            };
            let prior = Prior::capture(&op, |_| None);
            h.push(Action {
                seq,
                at: "t".into(),
                op,
                prior,
            });
        }
        let one = h.undo[0].weight();
        h.trim(Bounds {
            actions: 500,
            bytes: one * 3,
        });
        assert_eq!(h.undo.len(), 3);
        assert_eq!(h.undo.back().unwrap().seq, 10);
        assert_eq!(h.weight(), one * 3);
        h.trim(Bounds {
            actions: 500,
            bytes: 1,
        });
        assert_eq!(h.undo.len(), 1, "the newest action stays");
        assert!(h.take_undo(9).is_none(), "only the newest can be undone");
        assert_eq!(h.take_undo(10).unwrap().seq, 10);
        assert_eq!(h.weight(), one);
        h.push(Action {
            seq: 11,
            at: "t".into(),
            op: Op::SetRead {
                ids: ids(1),
                read: true,
            },
            prior: Prior::default(),
        });
        assert!(h.redo.is_empty());
        assert!(h.weight() < one, "the redone action's weight is gone");
    }
}
