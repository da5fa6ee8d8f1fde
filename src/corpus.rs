//! A loaded corpus: resident metadata plus bodies fetched on demand.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::{Article, Body, Meta};

/// Where bodies come from. After a fresh parse they are in memory; after a warm start they
/// are read from the cache's body file one at a time, so start-up never deserialises them.
pub trait BodySource: Send + Sync {
    /// The body of the article at `index` (an index into [`Corpus::metas`]).
    fn body(&self, index: usize) -> Result<Body, String>;
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
}

#[derive(Clone)]
pub struct Corpus {
    metas: Arc<Vec<Meta>>,
    bodies: Arc<dyn BodySource>,
    /// Process-unique identity of this article list (see [`Corpus::identity`]).
    identity: u64,
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
        }
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

    pub fn article(&self, index: usize) -> Result<Article, String> {
        Ok(Article {
            meta: self.metas[index].clone(),
            body: self.body(index)?,
        })
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
