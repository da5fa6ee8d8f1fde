//! What `warta list`, `search` and `export` read when a team is configured: the team's
//! state as this machine knows it, the server's view with this machine's unsent outbox on
//! top (a queued event is newer than anything the server has of this analyst), turned
//! into the state each article shows.
//!
//! - *Shared* mode: an article shows the latest value of each field, whoever set it, and
//!   who made its decision.
//! - *Independent* mode: an article shows this analyst's own state; the others' decisions
//!   are the `decision:NAME` columns, and whether they agree the `conflict` column.

use std::collections::BTreeMap;

use super::event::Event;
use super::view::{Mode, TeamView};
use crate::report::{TeamColumns, TeamFields, decision_column};
use crate::triage::{Agreement, ArticleState, Decision, Store, TeamMarks};

/// A team's state ready for the commands that read a store.
pub struct Shown {
    pub view: TeamView,
    analysts: Vec<String>,
}

impl Shown {
    /// The server's `view` with the `pending` events of this machine's outbox applied.
    pub fn new(mut view: TeamView, pending: &[Event]) -> Shown {
        let seq = view.seq;
        for e in pending {
            // The outbox has no log position: the view's stays where the server's was.
            view.apply(seq, e);
        }
        let analysts = view.analysts().map(str::to_string).collect();
        Shown { view, analysts }
    }

    pub fn mode(&self) -> Mode {
        self.view.mode
    }

    /// The state `article` shows in this team's mode.
    pub fn state(&self, article: &str) -> ArticleState {
        let v = &self.view;
        let (mut s, at_us) = match v.mode {
            Mode::Shared => (
                v.shared_state(article).0,
                v.latest(article, "decision").map(|(_, at)| at),
            ),
            Mode::Independent => (
                v.state_of(article, &v.me),
                v.set_at(article, &v.me, "decision"),
            ),
        };
        // The view keeps a decision's time; the store's export columns carry it.
        if s.decision != Decision::Undecided
            && let Some(at_us) = at_us
        {
            s.decided_at = Some(crate::triage::time::format_rfc3339(
                at_us.div_euclid(1_000_000),
            ));
        }
        s
    }

    /// What the team did to `article`, for the query terms that ask (`by:`, `is:mine`,
    /// `is:conflict`, `is:agreed`); `None` for an article nobody touched.
    pub fn marks(&self, article: &str) -> Option<TeamMarks> {
        let v = &self.view;
        let analysts: Vec<String> = v
            .analysts_of(article)
            .into_iter()
            .map(str::to_string)
            .collect();
        if analysts.is_empty() {
            return None;
        }
        let verdicts = v.verdicts(article);
        let shared = v.mode == Mode::Shared;
        Some(TeamMarks {
            agreement: Agreement::of(&verdicts),
            mine: v.touched_by(article, &v.me),
            decided_by: if shared {
                v.shared_state(article).1.map(str::to_string)
            } else {
                None
            },
            analysts,
            verdicts,
            shared,
        })
    }

    /// A store holding every article's shown state, for queries and exports; with
    /// `marks`, also what the team did to each (see [`Shown::marks`]), which only the
    /// team's query terms read.
    pub fn store(&self, marks: bool) -> Store {
        // The store keeps states in id order: sorting the ids first hands it a sorted run,
        // which it takes in one pass instead of moving every state while sorting them.
        let mut ids: Vec<&str> = self.view.articles().collect();
        ids.sort_unstable();
        Store::from_states(
            "the team's state, read from its server",
            ids.into_iter().map(|a| {
                let mut s = self.state(a);
                if marks {
                    s.team = self.marks(a).map(Box::new);
                }
                (a.to_string(), s)
            }),
        )
    }
}

impl TeamColumns for Shown {
    fn analysts(&self) -> &[String] {
        &self.analysts
    }

    fn fields(&self, id: &str) -> TeamFields {
        let verdicts = self.view.verdicts(id);
        let analyst = match self.view.mode {
            Mode::Shared => self.view.shared_state(id).1.map(str::to_string),
            Mode::Independent if verdicts.is_empty() => None,
            Mode::Independent => Some(
                verdicts
                    .iter()
                    .map(|v| v.analyst.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        let mut decisions: BTreeMap<String, &'static str> = self
            .analysts
            .iter()
            .map(|a| (decision_column(a), Decision::Undecided.as_str()))
            .collect();
        for v in &verdicts {
            decisions.insert(decision_column(&v.analyst), v.decision.as_str());
        }
        TeamFields {
            analyst,
            conflict: self.view.agreement(id).as_str(),
            decisions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::team::event::Action;

    fn ev(id: &str, analyst: &str, article: &str, value: &str, at: i64) -> Event {
        Event {
            id: id.into(),
            article: article.into(),
            analyst: analyst.into(),
            action: Action::Decision,
            value: Some(value.into()),
            previous: None,
            at_us: at,
        }
    }

    fn view(mode: Mode, events: &[Event]) -> TeamView {
        let mut v = TeamView::new(mode, "ana");
        for (i, e) in events.iter().enumerate() {
            v.apply(i as i64 + 1, e);
        }
        v
    }

    #[test]
    fn the_outbox_is_newer_than_the_server() {
        let server = view(
            Mode::Shared,
            &[
                ev("e1", "budi", "a1", "relevant", 1_000_000),
                ev("e2", "ana", "a2", "maybe", 2_000_000),
            ],
        );
        let queued = [ev("q1", "ana", "a1", "irrelevant", 3_000_000)];
        let shown = Shown::new(server, &queued);
        let s = shown.state("a1");
        assert_eq!(s.decision, Decision::Irrelevant);
        assert_eq!(s.decided_at.as_deref(), Some("1970-01-01T00:00:03Z"));
        let f = shown.fields("a1");
        assert_eq!(f.analyst.as_deref(), Some("ana"));
        assert_eq!(f.conflict, "conflict");
        assert_eq!(
            f.decisions.into_iter().collect::<Vec<_>>(),
            vec![
                ("decision:ana".to_string(), "irrelevant"),
                ("decision:budi".to_string(), "relevant")
            ]
        );
        let store = shown.store(false);
        assert_eq!(store.state("a2").decision, Decision::Maybe);
        assert_eq!(shown.view.seq, 2, "the outbox has no log position");
    }

    #[test]
    fn independent_shows_my_own_decision_and_everyones_columns() {
        let v = view(
            Mode::Independent,
            &[
                ev("e1", "budi", "a1", "relevant", 1),
                ev("e2", "ana", "a1", "relevant", 2),
                ev("e3", "budi", "a2", "maybe", 3),
            ],
        );
        let shown = Shown::new(v, &[]);
        assert_eq!(shown.state("a2").decision, Decision::Undecided);
        assert_eq!(shown.state("a1").decision, Decision::Relevant);
        let f = shown.fields("a1");
        assert_eq!(f.analyst.as_deref(), Some("budi; ana"));
        assert_eq!(f.conflict, "agreed");
        let g = shown.fields("a2");
        assert_eq!(g.conflict, "one analyst");
        assert_eq!(g.decisions["decision:ana"], "undecided");
        assert_eq!(shown.fields("a9").conflict, "undecided");
        // The marks the analyst terms read: only when asked for.
        let marks = shown.store(true).state("a1").team.unwrap();
        assert_eq!(marks.agreement, Agreement::Agreed);
        assert!(marks.mine && !marks.shared);
        assert_eq!(marks.analysts, vec!["ana", "budi"]);
        assert!(shown.store(false).state("a1").team.is_none());
        assert!(shown.marks("a9").is_none());
    }
}
