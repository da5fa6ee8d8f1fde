//! A loaded corpus: resident metadata plus bodies fetched on demand.

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::{Article, Body, Date, Meta};
use std::cmp::Reverse;

/// Where bodies come from. After a fresh parse they are in memory; after a warm start they
/// are read from the cache's body file one at a time, so start-up never deserialises them.
pub trait BodySource: Send + Sync {
    /// The body of the article at `index` (an index into [`Corpus::metas`]).
    fn body(&self, index: usize) -> Result<Body, String>;

    /// Whether the body at `index` is in memory, so reading it does no I/O; bodies read from
    /// disk are loaded off the UI thread instead (see `app::bodies`).
    fn in_memory(&self, index: usize) -> bool {
        let _ = index;
        false
    }

    /// The patch this source is, if it is one (see [`Corpus::patch`]), so that patching a
    /// patched corpus maps straight to the original source instead of stacking layers.
    fn as_patch(&self) -> Option<&PatchedBodies> {
        None
    }
}

/// How a corpus was made from an earlier one by patching ([`Corpus::patch`]), for whatever
/// holds indices into the earlier one (groups of copies, the view) and wants to carry them
/// over rather than recompute them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    /// [`Corpus::identity`] of the earlier corpus.
    pub base: u64,
    /// For each article of the earlier corpus, its index in this one (`None`: gone).
    pub moved: Vec<Option<usize>>,
    /// This corpus's articles that the earlier one did not have at that place, ascending.
    pub added: Vec<usize>,
}

impl Lineage {
    /// This lineage (A to B) followed by `next` (B to C): A to C.
    pub fn then(&self, next: &Lineage) -> Lineage {
        let through = |j: usize| next.moved.get(j).copied().flatten();
        let mut added: Vec<usize> = next
            .added
            .iter()
            .copied()
            .chain(self.added.iter().filter_map(|&j| through(j)))
            .collect();
        added.sort_unstable();
        added.dedup();
        Lineage {
            base: self.base,
            moved: self.moved.iter().map(|m| m.and_then(through)).collect(),
            added,
        }
    }
}

/// What [`Corpus::patch`] builds a corpus from, in the new order.
pub enum Piece {
    /// The article at this index of the corpus being patched.
    Kept(usize),
    /// An article that corpus did not have (a new or rewritten file's).
    Fresh(Box<Article>),
}

/// Bodies of a patched corpus: kept articles read from the original source, fresh ones held
/// in memory. One level deep whatever the number of patches, so a long-running live corpus
/// never reads a body through a chain of patches.
pub struct PatchedBodies {
    base: Arc<dyn BodySource>,
    slots: Vec<Slot>,
}

#[derive(Clone)]
enum Slot {
    Base(usize),
    Fresh(Arc<Body>),
}

impl BodySource for PatchedBodies {
    fn body(&self, index: usize) -> Result<Body, String> {
        match self.slots.get(index) {
            Some(Slot::Base(i)) => self.base.body(*i),
            Some(Slot::Fresh(b)) => Ok(Body::clone(b)),
            None => Err(format!("no article at index {index}")),
        }
    }

    fn in_memory(&self, index: usize) -> bool {
        match self.slots.get(index) {
            Some(Slot::Base(i)) => self.base.in_memory(*i),
            Some(Slot::Fresh(_)) => true,
            None => true,
        }
    }

    fn as_patch(&self) -> Option<&PatchedBodies> {
        Some(self)
    }
}

/// Bodies held in memory, parallel to the metadata.
pub struct MemoryBodies(pub Vec<Body>);

impl BodySource for MemoryBodies {
    fn body(&self, index: usize) -> Result<Body, String> {
        self.0
            .get(index)
            .cloned()
            .ok_or_else(|| format!("no article at index {index}"))
    }

    fn in_memory(&self, _index: usize) -> bool {
        true
    }
}

#[derive(Clone)]
pub struct Corpus {
    metas: Arc<Vec<Meta>>,
    bodies: Arc<dyn BodySource>,
    /// Process-unique identity of this article list (see [`Corpus::identity`]).
    identity: u64,
    /// Each article's rank in newest-first order, computed on first use (see
    /// [`Corpus::newest_rank`]) and shared by clones.
    newest: Arc<OnceLock<Vec<u32>>>,
}

/// Identities are handed out from one counter, so two corpora built at different times never
/// share one, even when they have the same length.
static NEXT_IDENTITY: AtomicU64 = AtomicU64::new(1);

impl std::fmt::Debug for Corpus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Corpus")
            .field("len", &self.metas.len())
            .field("identity", &self.identity)
            .finish()
    }
}

impl Default for Corpus {
    fn default() -> Self {
        Corpus::from_articles(Vec::new())
    }
}

impl Corpus {
    pub fn new(metas: Vec<Meta>, bodies: Arc<dyn BodySource>) -> Corpus {
        Corpus {
            metas: Arc::new(metas),
            bodies,
            identity: NEXT_IDENTITY.fetch_add(1, Ordering::Relaxed),
            newest: Arc::default(),
        }
    }

    /// Each article's rank when the corpus is ordered newest first, then by id, then by
    /// position: the order that breaks every tie between hits. Computed once per corpus: a
    /// sort of a million hits that compares one number per pair instead of dates and ids is
    /// several times faster, and that sort runs on every keystroke.
    pub fn newest_rank(&self) -> &[u32] {
        self.newest.get_or_init(|| newest_first_ranks(&self.metas))
    }

    /// This corpus with its [`Corpus::newest_rank`] given rather than computed: ranks stored
    /// with the articles (the headline snapshot's), which must be the ones the full corpus
    /// had. Ignored when the ranks were already computed or their count is not the corpus's.
    pub fn with_newest_rank(self, ranks: Vec<u32>) -> Corpus {
        if ranks.len() == self.metas.len() {
            let _ = self.newest.set(ranks);
        }
        self
    }

    /// A process-unique number for this list of articles; clones share it. Anything that
    /// caches corpus indices (the search memo, the facet index) keys on it, since a newer
    /// corpus (reloaded, or grown while loading) may add, remove or reorder articles, and a
    /// length comparison cannot tell.
    pub fn identity(&self) -> u64 {
        self.identity
    }

    pub fn from_articles(articles: Vec<Article>) -> Corpus {
        let (metas, bodies): (Vec<Meta>, Vec<Body>) =
            articles.into_iter().map(|a| (a.meta, a.body)).unzip();
        Corpus::new(metas, Arc::new(MemoryBodies(bodies)))
    }

    pub fn len(&self) -> usize {
        self.metas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.metas.is_empty()
    }

    pub fn metas(&self) -> &[Meta] {
        &self.metas
    }

    pub fn meta(&self, index: usize) -> &Meta {
        &self.metas[index]
    }

    pub fn body(&self, index: usize) -> Result<Body, String> {
        self.bodies.body(index)
    }

    /// Whether [`Corpus::body`] for `index` is answered from memory (no file is read).
    pub fn body_in_memory(&self, index: usize) -> bool {
        self.bodies.in_memory(index)
    }

    pub fn article(&self, index: usize) -> Result<Article, String> {
        Ok(Article {
            meta: self.metas[index].clone(),
            body: self.body(index)?,
        })
    }

    /// A new corpus made of some of this one's articles and some fresh ones, in the order
    /// given: what a live reload builds when a few files changed, without reading the rest
    /// again. Kept bodies are still read from where they are (the cache's body file).
    pub fn patch(&self, pieces: Vec<Piece>) -> Corpus {
        let (base, inherited) = match self.bodies.as_patch() {
            Some(p) => (Arc::clone(&p.base), Some(&p.slots)),
            None => (Arc::clone(&self.bodies), None),
        };
        // Metas are copied on both cores: at 100k articles the copy is most of a patch.
        let mut fresh_metas = Vec::new();
        let mut slots = Vec::with_capacity(pieces.len());
        let order: Vec<Result<usize, usize>> = pieces
            .into_iter()
            .map(|piece| match piece {
                Piece::Kept(i) => {
                    slots.push(match inherited {
                        Some(s) => s[i].clone(),
                        None => Slot::Base(i),
                    });
                    Ok(i)
                }
                Piece::Fresh(a) => {
                    let Article { meta, body } = *a;
                    slots.push(Slot::Fresh(Arc::new(body)));
                    fresh_metas.push(meta);
                    Err(fresh_metas.len() - 1)
                }
            })
            .collect();
        let metas = order
            .par_iter()
            .map(|at| match *at {
                Ok(i) => self.metas[i].clone(),
                Err(k) => fresh_metas[k].clone(),
            })
            .collect();
        Corpus::new(metas, Arc::new(PatchedBodies { base, slots }))
    }

    /// This corpus with `f` applied to its metadata: a new corpus (identity) with the same
    /// bodies. Copies the metadata only when a clone still shares it.
    pub fn map_metas(self, f: impl FnOnce(&mut [Meta])) -> Corpus {
        let mut metas = self.metas;
        f(Arc::<Vec<Meta>>::make_mut(&mut metas));
        Corpus {
            metas,
            bodies: self.bodies,
            identity: NEXT_IDENTITY.fetch_add(1, Ordering::Relaxed),
            newest: Arc::default(),
        }
    }

    /// The index of the article whose id is `id`, or the only one whose id starts with it.
    pub fn find_id(&self, id: &str) -> Result<usize, FindError> {
        if let Some(i) = self.metas.iter().position(|m| m.id == id) {
            return Ok(i);
        }
        let mut found = self
            .metas
            .iter()
            .enumerate()
            .filter(|(_, m)| m.id.starts_with(id));
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Ok(i),
            (None, _) => Err(FindError::NotFound(id.to_string())),
            (Some(_), Some(_)) => Err(FindError::Ambiguous(id.to_string())),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FindError {
    #[error("no article has id {0:?}")]
    NotFound(String),
    #[error("id prefix {0:?} matches several articles; give more characters")]
    Ambiguous(String),
}

/// Each article's rank in newest-first order: date and time of day (undated last), then id,
/// then position.
pub(crate) fn newest_first_ranks(metas: &[Meta]) -> Vec<u32> {
    let mut order: Vec<(Reverse<u64>, u128, &str, usize)> = metas
        .par_iter()
        .enumerate()
        .map(|(i, m)| (Reverse(when_key(m)), id_prefix(&m.id), m.id.as_str(), i))
        .collect();
    order.par_sort_unstable();
    let mut ranks = vec![0u32; metas.len()];
    for (rank, (.., i)) in order.into_iter().enumerate() {
        ranks[i] = rank as u32;
    }
    ranks
}

/// An order-preserving integer for a date; 0 (below every real date) when there is none.
pub(crate) fn date_key(d: Option<Date>) -> u32 {
    d.map_or(0, |d| {
        (u32::from(d.year) << 16) | (u32::from(d.month) << 8) | u32::from(d.day)
    })
}

/// An article's date and time of day as one ordered integer (0: undated). Within a day an
/// article whose source gives no time sorts before (is older than) one stated at 00:00.
pub(crate) fn when_key(m: &Meta) -> u64 {
    (u64::from(date_key(m.published)) << 16) | m.published_time.map_or(0, |t| u64::from(t) + 1)
}

/// The id's first 16 bytes as a big-endian integer: ordered like the strings themselves (a
/// shorter id pads with zeros), so most id comparisons never touch the heap.
pub(crate) fn id_prefix(id: &str) -> u128 {
    let mut buf = [0u8; 16];
    let n = id.len().min(16);
    buf[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn meta(id: &str, date: Option<Date>, time: Option<u16>) -> Meta {
        Meta {
            id: id.into(),
            published: date,
            published_time: time,
            ..Meta::default()
        }
    }

    #[test]
    fn newest_first_orders_one_day_by_its_time_then_id() {
        let day = Date::new(2025, 10, 21);
        let metas = [
            meta("a", day, Some(8 * 60)),
            meta("b", day, None),
            meta("c", day, Some(20 * 60 + 43)),
            meta("d", Date::new(2025, 10, 20), Some(23 * 60 + 59)),
            meta("e", None, None),
            meta("f", day, Some(0)),
        ];
        let ranks = newest_first_ranks(&metas);
        let mut order: Vec<&str> = metas.iter().map(|m| m.id.as_str()).collect();
        order.sort_by_key(|id| ranks[metas.iter().position(|m| m.id == *id).unwrap()]);
        // The evening's article first; one without a time after every timed one of its day;
        // an earlier day after the whole day; undated last.
        assert_eq!(order, vec!["c", "a", "f", "b", "d", "e"]);
    }
}
