//! The current state of every article with a non-default state, and the label counts kept
//! in step with it, so a triage key costs the ids it touches, not a pass over every state.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::super::state::ArticleState;
use super::history::DEFAULT;

/// Articles per label, by the label's lower-cased form, with the spellings in use.
#[derive(Debug, Default)]
struct LabelCounts {
    by_key: HashMap<String, BTreeMap<String, usize>>,
}

impl LabelCounts {
    fn add(&mut self, labels: &BTreeSet<String>) {
        for l in labels {
            *self
                .by_key
                .entry(l.to_lowercase())
                .or_default()
                .entry(l.clone())
                .or_insert(0) += 1;
        }
    }

    fn remove(&mut self, labels: &BTreeSet<String>) {
        for l in labels {
            let key = l.to_lowercase();
            let Some(spellings) = self.by_key.get_mut(&key) else {
                continue;
            };
            if let Some(n) = spellings.get_mut(l) {
                *n -= 1;
                if *n == 0 {
                    spellings.remove(l);
                }
            }
            if spellings.is_empty() {
                self.by_key.remove(&key);
            }
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct States {
    map: BTreeMap<String, ArticleState>,
    labels: LabelCounts,
}

impl States {
    pub(crate) fn from_map(map: BTreeMap<String, ArticleState>) -> States {
        let mut labels = LabelCounts::default();
        for st in map.values() {
            labels.add(&st.labels);
        }
        States { map, labels }
    }

    pub(crate) fn map(&self) -> &BTreeMap<String, ArticleState> {
        &self.map
    }

    pub(crate) fn get(&self, id: &str) -> Option<&ArticleState> {
        self.map.get(id)
    }

    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Replaces `id`'s state with what `f` makes of it (`None`: no change), dropping default
    /// states from the map and keeping the label counts.
    pub(crate) fn update(
        &mut self,
        id: &str,
        f: impl FnOnce(&ArticleState) -> Option<ArticleState>,
    ) {
        let mut drop = false;
        match self.map.get_mut(id) {
            Some(st) => {
                let Some(new) = f(st) else { return };
                if st.labels != new.labels {
                    self.labels.remove(&st.labels);
                    self.labels.add(&new.labels);
                }
                drop = new.is_default();
                *st = new;
            }
            None => {
                let Some(new) = f(&DEFAULT) else { return };
                if !new.is_default() {
                    self.labels.add(&new.labels);
                    self.map.insert(id.to_string(), new);
                }
            }
        }
        if drop {
            self.map.remove(id);
        }
    }

    /// All labels with the number of articles carrying each, most used first (ties by name).
    /// Spellings that differ only in case are counted together, under the first spelling in
    /// sort order.
    pub(crate) fn labels(&self) -> Vec<(String, usize)> {
        let mut v: Vec<(String, usize)> = self
            .labels
            .by_key
            .values()
            .filter_map(|spellings| {
                let first = spellings.keys().next()?;
                Some((first.clone(), spellings.values().sum()))
            })
            .collect();
        v.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| a.0.to_lowercase().cmp(&b.0.to_lowercase()))
        });
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_labels(labels: &[&str]) -> ArticleState {
        ArticleState {
            labels: labels.iter().map(|l| l.to_string()).collect(),
            ..ArticleState::default()
        }
    }

    #[test]
    fn label_counts_follow_every_update() {
        let mut s = States::default();
        s.update("a", |_| Some(with_labels(&["banjir", "Medsos"])));
        s.update("b", |_| Some(with_labels(&["Banjir"])));
        s.update("c", |_| Some(with_labels(&["medsos"])));
        assert_eq!(
            s.labels(),
            [("Banjir".to_string(), 2), ("Medsos".to_string(), 2)]
        );
        s.update("a", |_| Some(with_labels(&["medsos"])));
        assert_eq!(s.labels()[0], ("medsos".to_string(), 2));
        s.update("c", |_| Some(ArticleState::default()));
        assert!(s.get("c").is_none(), "default states leave the map");
        s.update("b", |_| None);
        assert_eq!(
            s.labels(),
            [("Banjir".to_string(), 1), ("medsos".to_string(), 1)]
        );
        let rebuilt = States::from_map(s.map().clone());
        assert_eq!(rebuilt.labels(), s.labels());
    }
}
