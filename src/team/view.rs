//! What the whole team has decided, as this machine last heard it: every analyst's current
//! value of every field of every article, kept in step with the server's log.
//!
//! The view is built from the server's current-state table once ([`TeamView::from_rows`])
//! and then follows its event log ([`TeamView::apply`]). Both follow the rule the server's
//! table does: a field changes only for a later event (by the analyst's time, then the
//! event id), so the view ends the same whatever order events reach it in, and an event
//! seen twice changes nothing the second time.
//!
//! Domain code: the browser, `warta list/search/export` and `warta team status` all read
//! the team through this.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use super::event::{Action, Event};
use super::sql::StateRow;
pub use crate::triage::{Agreement, Verdict};
use crate::triage::{ArticleState, Decision};

/// How a team decides, set once per team on the server (`warta team mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// One decision per article: the latest analyst's stands, and everyone sees who it was.
    #[default]
    Shared,
    /// Every analyst decides alone (dual screening); analysts who disagree are a conflict.
    Independent,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Shared => "shared",
            Mode::Independent => "independent",
        }
    }

    pub fn parse(s: &str) -> Option<Mode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "shared" => Some(Mode::Shared),
            "independent" => Some(Mode::Independent),
            _ => None,
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One field's current value for one analyst.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Cell {
    value: Option<String>,
    at_us: i64,
    event_id: String,
}

impl Cell {
    fn newer_than(&self, other: &Cell) -> bool {
        (self.at_us, self.event_id.as_str()) > (other.at_us, other.event_id.as_str())
    }
}

/// Per article: analyst → field → cell. Analysts are few and an article's fields fewer, so
/// small sorted maps beat hashing here, and keep every listing in name order.
type Fields = BTreeMap<String, Cell>;

#[derive(Debug, Clone, Default)]
pub struct TeamView {
    pub mode: Mode,
    /// This machine's analyst.
    pub me: String,
    articles: HashMap<String, BTreeMap<String, Fields>>,
    analysts: BTreeSet<String>,
    /// The highest log sequence number applied.
    pub seq: i64,
}

impl TeamView {
    pub fn new(mode: Mode, me: &str) -> TeamView {
        TeamView {
            mode,
            me: me.to_string(),
            ..TeamView::default()
        }
    }

    /// The view of a current-state snapshot taken at log position `seq`.
    pub fn from_rows(mode: Mode, me: &str, rows: Vec<StateRow>, seq: i64) -> TeamView {
        let mut v = TeamView::new(mode, me);
        v.seq = seq;
        for r in rows {
            v.put(
                r.article,
                r.analyst,
                r.field,
                Cell {
                    value: r.value,
                    at_us: r.at_us,
                    event_id: r.event_id,
                },
            );
        }
        v
    }

    /// Applies one event from the log; true when it changed what the view shows.
    pub fn apply(&mut self, seq: i64, e: &Event) -> bool {
        // Nothing else is needed to apply an event twice harmlessly: its cell is not newer
        // than itself.
        self.seq = self.seq.max(seq);
        self.put(
            e.article.clone(),
            e.analyst.clone(),
            e.action.field(e.value.as_deref()),
            Cell {
                value: e.action.state_value(e.value.as_deref()),
                at_us: e.at_us,
                event_id: e.id.clone(),
            },
        )
    }

    fn put(&mut self, article: String, analyst: String, field: String, cell: Cell) -> bool {
        if !self.analysts.contains(&analyst) {
            self.analysts.insert(analyst.clone());
        }
        let fields = self
            .articles
            .entry(article)
            .or_default()
            .entry(analyst)
            .or_default();
        match fields.get_mut(&field) {
            Some(old) if !cell.newer_than(old) => false,
            Some(old) => {
                let changed = old.value != cell.value;
                *old = cell;
                changed
            }
            None => {
                fields.insert(field, cell);
                true
            }
        }
    }

    /// Every analyst the server has heard from, in name order.
    pub fn analysts(&self) -> impl Iterator<Item = &str> {
        self.analysts.iter().map(String::as_str)
    }

    /// Articles any analyst has touched.
    pub fn articles(&self) -> impl Iterator<Item = &str> {
        self.articles.keys().map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every analyst's decision on `article` (undecided ones left out), earliest first.
    pub fn verdicts(&self, article: &str) -> Vec<Verdict> {
        let mut out: Vec<Verdict> = self
            .articles
            .get(article)
            .into_iter()
            .flatten()
            .filter_map(|(analyst, fields)| {
                let cell = fields.get(Action::Decision.as_str())?;
                let decision = Decision::parse(cell.value.as_deref()?)?;
                (decision != Decision::Undecided).then(|| Verdict {
                    analyst: analyst.clone(),
                    decision,
                    at_us: cell.at_us,
                })
            })
            .collect();
        out.sort_by(|a, b| (a.at_us, &a.analyst).cmp(&(b.at_us, &b.analyst)));
        out
    }

    pub fn agreement(&self, article: &str) -> Agreement {
        Agreement::of(&self.verdicts(article))
    }

    /// The analyst whose value of `field` stands on `article` (the latest set), and when
    /// they set it (microseconds since 1970).
    pub fn latest(&self, article: &str, field: &str) -> Option<(&str, i64)> {
        self.articles
            .get(article)?
            .iter()
            .filter_map(|(analyst, fields)| fields.get(field).map(|c| (analyst, c)))
            .max_by(|a, b| {
                (a.1.at_us, a.1.event_id.as_str()).cmp(&(b.1.at_us, b.1.event_id.as_str()))
            })
            .map(|(analyst, c)| (analyst.as_str(), c.at_us))
    }

    /// Whether `analyst` has done anything to `article` (decided, starred, labelled, noted
    /// or read it), for `by:NAME` and the Analyst facet.
    pub fn touched_by(&self, article: &str, analyst: &str) -> bool {
        self.articles
            .get(article)
            .and_then(|a| a.get(analyst))
            .is_some_and(|fields| fields.values().any(|c| is_set(c.value.as_deref())))
    }

    /// The analysts who have done anything to `article`, in name order.
    pub fn analysts_of(&self, article: &str) -> Vec<&str> {
        self.articles
            .get(article)
            .into_iter()
            .flatten()
            .filter(|(_, f)| f.values().any(|c| is_set(c.value.as_deref())))
            .map(|(a, _)| a.as_str())
            .collect()
    }

    /// One analyst's state of `article`, as the local store would hold it.
    pub fn state_of(&self, article: &str, analyst: &str) -> ArticleState {
        let mut s = ArticleState::default();
        if let Some(fields) = self.articles.get(article).and_then(|a| a.get(analyst)) {
            for (field, cell) in fields {
                set_field(&mut s, field, cell.value.as_deref());
            }
        }
        s
    }

    /// The article's shared state: for each field, the latest value any analyst set (the
    /// rule of [`Mode::Shared`]), and who set the decision.
    pub fn shared_state(&self, article: &str) -> (ArticleState, Option<&str>) {
        let mut latest: BTreeMap<&str, (&Cell, &str)> = BTreeMap::new();
        for (analyst, fields) in self.articles.get(article).into_iter().flatten() {
            for (field, cell) in fields {
                match latest.get(field.as_str()) {
                    Some((old, _)) if !cell.newer_than(old) => {}
                    _ => {
                        latest.insert(field, (cell, analyst));
                    }
                }
            }
        }
        let mut s = ArticleState::default();
        let mut decided_by = None;
        for (field, (cell, analyst)) in &latest {
            set_field(&mut s, field, cell.value.as_deref());
            if *field == Action::Decision.as_str() && s.decision != Decision::Undecided {
                decided_by = Some(*analyst);
            }
        }
        (s, decided_by)
    }
}

fn is_set(value: Option<&str>) -> bool {
    !matches!(value, None | Some("false" | "undecided" | ""))
}

fn set_field(s: &mut ArticleState, field: &str, value: Option<&str>) {
    match field {
        "read" => s.read = value == Some("true"),
        "star" => s.starred = value == Some("true"),
        "decision" => s.decision = value.and_then(Decision::parse).unwrap_or_default(),
        "note" => s.note = value.filter(|v| !v.is_empty()).map(str::to_string),
        _ => {
            if let Some(label) = field.strip_prefix("label:")
                && value == Some("true")
            {
                s.labels.insert(label.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(id: &str, analyst: &str, article: &str, action: Action, value: &str, at: i64) -> Event {
        Event {
            id: id.into(),
            article: article.into(),
            analyst: analyst.into(),
            action,
            value: Some(value.into()),
            previous: None,
            at_us: at,
        }
    }

    #[test]
    fn later_events_win_whatever_order_they_arrive_in() {
        let events = [
            ev("e1", "ana", "a1", Action::Decision, "relevant", 10),
            ev("e2", "ana", "a1", Action::Decision, "irrelevant", 20),
            ev("e3", "budi", "a1", Action::Decision, "relevant", 15),
        ];
        let mut forward = TeamView::new(Mode::Independent, "ana");
        let mut backward = TeamView::new(Mode::Independent, "ana");
        for (i, e) in events.iter().enumerate() {
            forward.apply(i as i64 + 1, e);
        }
        for (i, e) in events.iter().enumerate().rev() {
            backward.apply(i as i64 + 1, e);
        }
        for v in [&forward, &backward] {
            assert_eq!(v.state_of("a1", "ana").decision, Decision::Irrelevant);
            assert_eq!(v.agreement("a1"), Agreement::Conflict);
            assert_eq!(v.seq, 3);
        }
        // Shared: the latest decision stands, whoever made it.
        let (s, by) = forward.shared_state("a1");
        assert_eq!((s.decision, by), (Decision::Irrelevant, Some("ana")));
        assert!(
            !forward.apply(4, &events[0]),
            "a seen event changes nothing"
        );
    }

    #[test]
    fn agreement_and_who_touched_what() {
        let mut v = TeamView::new(Mode::Independent, "ana");
        assert_eq!(v.agreement("a1"), Agreement::Undecided);
        v.apply(1, &ev("e1", "ana", "a1", Action::Decision, "relevant", 1));
        assert_eq!(v.agreement("a1"), Agreement::Single);
        v.apply(2, &ev("e2", "budi", "a1", Action::Decision, "relevant", 2));
        assert_eq!(v.agreement("a1"), Agreement::Agreed);
        v.apply(3, &ev("e3", "cici", "a1", Action::Star, "true", 3));
        assert_eq!(
            v.agreement("a1"),
            Agreement::Agreed,
            "a star is not a verdict"
        );
        assert_eq!(v.analysts_of("a1"), vec!["ana", "budi", "cici"]);
        v.apply(4, &ev("e4", "cici", "a1", Action::Star, "false", 4));
        assert!(!v.touched_by("a1", "cici"), "an undone star leaves no mark");
        v.apply(5, &ev("e5", "budi", "a1", Action::Decision, "undecided", 5));
        assert_eq!(v.agreement("a1"), Agreement::Single);
        let names: Vec<_> = v.verdicts("a1").into_iter().map(|x| x.analyst).collect();
        assert_eq!(names, vec!["ana"]);
        assert_eq!(
            v.analysts().collect::<Vec<_>>(),
            vec!["ana", "budi", "cici"]
        );
    }

    #[test]
    fn a_removed_label_beats_an_older_add_that_arrives_later() {
        let mut v = TeamView::new(Mode::Shared, "ana");
        let mut remove = ev("e2", "budi", "a1", Action::LabelRemove, "banjir", 20);
        remove.previous = Some("banjir".into());
        v.apply(2, &remove);
        v.apply(1, &ev("e1", "ana", "a1", Action::LabelAdd, "banjir", 10));
        v.apply(3, &ev("e3", "ana", "a1", Action::LabelAdd, "medsos", 30));
        let (s, _) = v.shared_state("a1");
        assert_eq!(s.labels.into_iter().collect::<Vec<_>>(), vec!["medsos"]);
    }

    #[test]
    fn a_snapshot_then_the_log_from_an_overlapping_position() {
        let rows = vec![StateRow {
            article: "a1".into(),
            analyst: "budi".into(),
            field: "decision".into(),
            value: Some("maybe".into()),
            at_us: 50,
            event_id: "e5".into(),
        }];
        let mut v = TeamView::from_rows(Mode::Shared, "ana", rows, 5);
        // An older event of budi's, re-read because of the overlap, does not go back.
        assert!(!v.apply(4, &ev("e4", "budi", "a1", Action::Decision, "relevant", 40)));
        assert_eq!(v.state_of("a1", "budi").decision, Decision::Maybe);
        assert_eq!(v.seq, 5);
        assert!(v.apply(6, &ev("e6", "ana", "a1", Action::Note, "cek lagi", 60)));
        assert_eq!(v.shared_state("a1").0.note.as_deref(), Some("cek lagi"));
    }

    #[test]
    fn modes_parse_and_print() {
        for m in [Mode::Shared, Mode::Independent] {
            assert_eq!(Mode::parse(m.as_str()), Some(m));
        }
        assert_eq!(Mode::parse(" Independent "), Some(Mode::Independent));
        assert_eq!(Mode::parse("dual"), None);
    }
}
