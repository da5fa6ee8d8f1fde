//! Getting a view back: the query history (↑/ctrl-p and ↓/ctrl-n in the search bar, kept
//! per corpus in the session file) and undoing a clear of the query or the filters.
//!
//! **One undo order.** `u` undoes the most recent undoable thing, whichever it was: a
//! triage change (kept by the store, across restarts) or a clear of the query (`Esc` in the
//! list) or of the filters (`c`) (kept for this run). Each clear remembers how many triage
//! steps had been taken when it happened; while no triage change came after it, it is the
//! newest thing and `u` restores the view, else `u` undoes triage. `ctrl-r` redoes in the
//! reverse order the same way.

use crate::facets::Filters;
use crate::query::{Query, Sort};

use super::search::SearchRequest;
use super::state::{App, MessageKind};

/// Queries remembered per corpus; the oldest go first.
pub const HISTORY_CAP: usize = 100;

/// A view a clear replaced: the query as typed, and the filters and sort.
#[derive(Debug, Clone)]
pub struct ViewSnap {
    input: String,
    query: Query,
    filters: Filters,
    sort: Sort,
    /// What the clear did, for the message ("cleared the query \"banjir\"").
    what: String,
    /// The count of triage steps when it happened (see the module docs).
    at: i64,
}

/// The query history and the view undo stacks.
#[derive(Debug, Default)]
pub struct Recall {
    /// Queries left with Enter or Esc, oldest first, each once.
    pub history: Vec<String>,
    /// Where ↑/↓ is in `history` while walking it; `None` at the text being typed.
    pub pos: Option<usize>,
    /// The text typed before walking started, given back by ↓ past the newest.
    pub draft: String,
    /// Triage steps taken in this run (undone ones subtract).
    pub triage_steps: i64,
    undo: Vec<ViewSnap>,
    redo: Vec<ViewSnap>,
}

impl Recall {
    /// Adds `query` as the newest entry (an older equal one moves up).
    pub fn remember(&mut self, query: &str) {
        let query = query.trim();
        if query.is_empty() {
            return;
        }
        self.history.retain(|q| q != query);
        self.history.push(query.to_string());
        let over = self.history.len().saturating_sub(HISTORY_CAP);
        self.history.drain(..over);
    }
}

impl App {
    fn snap(&self, what: String) -> ViewSnap {
        ViewSnap {
            input: self.search.input.to_string(),
            query: self.search.query.clone(),
            filters: self.search.filters.clone(),
            sort: self.search.sort,
            what,
            at: self.recall.triage_steps,
        }
    }

    fn install_snap(&mut self, s: ViewSnap) {
        self.search.input.set(s.input);
        self.search.query = s.query;
        self.search.filters = s.filters;
        self.search.sort = s.sort;
    }

    /// Records the view before the query is cleared (`Esc` in the list), so `u` brings it
    /// back; the query also joins the history.
    pub fn before_clearing_query(&mut self) {
        let what = format!(
            "cleared the query \"{}\"",
            crate::text::wrap::truncate_with(self.search.query.source(), 40, "\u{2026}")
        );
        self.recall.remember(&self.search.input);
        let s = self.snap(what);
        self.push_undo(s);
    }

    /// Records the view before the filters are cleared (`c`).
    pub fn before_clearing_filters(&mut self) {
        let n = self.search.filters.count();
        let what = if n == 1 {
            "cleared 1 filter".to_string()
        } else {
            format!("cleared {n} filters")
        };
        let s = self.snap(what);
        self.push_undo(s);
    }

    fn push_undo(&mut self, s: ViewSnap) {
        self.recall.undo.push(s);
        // The same bound as the query history: a clear is cheap to keep, but not forever.
        let over = self.recall.undo.len().saturating_sub(HISTORY_CAP);
        self.recall.undo.drain(..over);
        self.recall.redo.clear();
    }

    /// `u`: restores the view of the newest clear when nothing in triage came after it
    /// (then returns its search), else `None`: the store undoes its newest step.
    pub fn undo_view(&mut self) -> Option<SearchRequest> {
        let s = self.take_newest(true)?;
        let current = self.snap(s.what.clone());
        let what = s.what.clone();
        self.install_snap(s);
        self.recall.redo.push(current);
        self.set_message(format!("undone: {what}"), MessageKind::Info);
        Some(self.request_new_view())
    }

    /// `ctrl-r`: the mirror of [`App::undo_view`].
    pub fn redo_view(&mut self) -> Option<SearchRequest> {
        let s = self.take_newest(false)?;
        let current = self.snap(s.what.clone());
        let what = s.what.clone();
        self.install_snap(s);
        self.recall.undo.push(current);
        self.set_message(format!("redone: {what}"), MessageKind::Info);
        Some(self.request_new_view())
    }

    fn take_newest(&mut self, undo: bool) -> Option<ViewSnap> {
        let steps = self.recall.triage_steps;
        let stack = if undo {
            &mut self.recall.undo
        } else {
            &mut self.recall.redo
        };
        if stack.last()?.at == steps {
            stack.pop()
        } else {
            None
        }
    }

    /// ↑ (`back`) or ↓ in the search bar: the previous or next remembered query, searched
    /// as it comes up; ↓ past the newest gives back what was being typed.
    pub fn walk_history(&mut self, back: bool) -> bool {
        let len = self.recall.history.len();
        let typed = self.search.input.to_string();
        let next = match (self.recall.pos, back) {
            (None, true) if len == 0 => {
                self.set_message("no earlier queries", MessageKind::Info);
                return false;
            }
            (None, true) => {
                self.recall.draft = typed.clone();
                // The newest entry is often what is in the bar already: skip it.
                let newest = len - 1;
                if self.recall.history[newest] == typed.trim() && newest > 0 {
                    Some(newest - 1)
                } else {
                    Some(newest)
                }
            }
            (None, false) => return false,
            (Some(0), true) => return false,
            (Some(p), true) => Some(p - 1),
            (Some(p), false) if p + 1 < len => Some(p + 1),
            (Some(_), false) => None,
        };
        let text = match next {
            Some(p) => self.recall.history[p].clone(),
            None => std::mem::take(&mut self.recall.draft),
        };
        self.recall.pos = next;
        self.search.input.set(text);
        true
    }
}
