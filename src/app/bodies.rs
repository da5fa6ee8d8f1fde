//! Article bodies for the detail pane, loaded off the UI thread.
//!
//! Metadata is in memory; a body usually is not (it is read from the cache's body file, or
//! from a file on a slow or network filesystem), so [`crate::app::update()`] never reads one.
//! The app asks for the bodies it wants to show ([`App::wanted_bodies`]: the cursor's article,
//! then its neighbours so that `j`/`k` find theirs already there), the front end loads them
//! on a worker and hands them back ([`App::install_body`]), and the detail shows "loading…"
//! until then. Bodies a corpus keeps in memory are read directly: that costs no I/O.
//!
//! ```text
//!  update() ──> App::wanted_bodies() ──> body worker (reads, decodes)
//!                                              │
//!  detail pane <── App::install_body() <───────┘
//! ```

use std::collections::VecDeque;
use std::sync::Arc;

use crate::model::Body;

use super::state::App;

/// How many loaded bodies are kept: the cursor's, the neighbours prefetched around it, and
/// the ones just left, so moving back and forth reads nothing again.
const KEEP: usize = 24;
/// Rows after the cursor whose bodies are fetched ahead, and rows before it.
const AHEAD: usize = 3;
const BEHIND: usize = 1;

/// A loaded body, or why it could not be read.
pub type Loaded = Arc<Result<Body, String>>;

/// The most recently loaded bodies of one corpus.
#[derive(Debug, Default)]
pub struct Bodies {
    /// [`crate::corpus::Corpus::identity`] of the corpus the bodies belong to.
    corpus: u64,
    /// Most recent last.
    loaded: VecDeque<(usize, Loaded)>,
}

impl Bodies {
    pub fn get(&self, corpus: u64, index: usize) -> Option<&Loaded> {
        if corpus != self.corpus {
            return None;
        }
        self.loaded
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, b)| b)
    }

    fn insert(&mut self, corpus: u64, index: usize, body: Loaded) {
        if corpus != self.corpus {
            self.loaded.clear();
            self.corpus = corpus;
        }
        self.loaded.retain(|(i, _)| *i != index);
        self.loaded.push_back((index, body));
        while self.loaded.len() > KEEP {
            self.loaded.pop_front();
        }
    }
}

impl App {
    /// The body of article `index` when it can be shown now: from memory, or loaded
    /// already. `None`: it is being loaded.
    pub fn body_for(&self, index: usize) -> Option<Loaded> {
        if self.corpus.body_in_memory(index) {
            return Some(Arc::new(self.corpus.body(index)));
        }
        self.detail
            .bodies
            .get(self.corpus.identity(), index)
            .map(Arc::clone)
    }

    /// Whether [`App::body_for`] has the body of `index` now.
    pub fn body_ready(&self, index: usize) -> bool {
        self.corpus.body_in_memory(index)
            || self
                .detail
                .bodies
                .get(self.corpus.identity(), index)
                .is_some()
    }

    /// The articles whose bodies the screen wants and that are not loaded yet, the one in
    /// the detail pane first, then the rows around the cursor. Empty when there is nothing
    /// to load (no detail pane, bodies in memory, all loaded).
    pub fn wanted_bodies(&self) -> Vec<usize> {
        let Some(current) = self.selected() else {
            return Vec::new();
        };
        let identity = self.corpus.identity();
        let around = (1..=AHEAD)
            .filter_map(|d| self.list.cursor.checked_add(d))
            .chain((1..=BEHIND).filter_map(|d| self.list.cursor.checked_sub(d)))
            .filter_map(|r| self.list.shown.get(r).map(|h| h.index));
        std::iter::once(current)
            .chain(around)
            .filter(|&i| i < self.corpus.len())
            .filter(|&i| {
                !self.corpus.body_in_memory(i) && self.detail.bodies.get(identity, i).is_none()
            })
            .collect()
    }

    /// A body the worker loaded for the corpus with `identity`; the detail pane shows it if
    /// it is the one it waits for. A body of a corpus no longer shown is dropped. True when
    /// the screen changed (a body fetched ahead changes nothing until the cursor gets there).
    pub fn install_body(
        &mut self,
        identity: u64,
        index: usize,
        body: Result<Body, String>,
    ) -> bool {
        if identity != self.corpus.identity() {
            return false;
        }
        self.detail.bodies.insert(identity, index, Arc::new(body));
        let shown = self.selected() == Some(index);
        if shown {
            self.fix_view();
        }
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_most_recent_bodies_of_one_corpus() {
        let mut b = Bodies::default();
        for i in 0..KEEP + 5 {
            b.insert(7, i, Arc::new(Err(format!("{i}"))));
        }
        assert!(b.get(7, 0).is_none(), "the oldest went");
        assert!(b.get(7, KEEP + 4).is_some());
        assert!(b.get(8, KEEP + 4).is_none(), "another corpus");
        b.insert(8, 1, Arc::new(Err("x".into())));
        assert!(
            b.get(7, KEEP + 4).is_none(),
            "a new corpus clears the old one's"
        );
    }
}
