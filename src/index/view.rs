//! The view of a committed index that answers for one corpus: which document is which
//! article, and the search itself.

use std::collections::VecDeque;
use std::io;
use std::sync::Mutex;

use rayon::prelude::*;
use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocId, Searcher};

use super::find::{self, TextFields};
use super::store::{IndexStore, OpenError, article_key};
use crate::corpus::Corpus;
use crate::query::{TextHit, TextIndex, TextQuery};

impl IndexStore {
    /// The index as committed, answering for `corpus`. Its [`TextIndex::find`] answers only
    /// when every article of the corpus is in the index as it is now.
    pub fn view(&self, corpus: &Corpus) -> Result<IndexView, OpenError> {
        // A sorted list rather than a map: built and searched several times faster at 1M.
        let mut wanted: Vec<(u64, u32)> = corpus
            .metas()
            .par_iter()
            .enumerate()
            .map(|(i, m)| (article_key(m), i as u32))
            .collect();
        if u32::try_from(wanted.len()).is_err() {
            return Err(io::Error::other("too many articles for the index").into());
        }
        wanted.par_sort_unstable();
        self.view_sorted(&wanted, corpus.len())
    }

    /// [`IndexStore::view`] for a corpus of `len` articles given by their [`article_key`]s
    /// (each with its corpus index, sorted): the headline snapshot stores them, so a quick
    /// answer does not hash every article again.
    pub fn view_keys(&self, wanted: &[(u64, u32)], len: usize) -> Result<IndexView, OpenError> {
        if wanted.len() != len || !wanted.is_sorted() {
            return Err(io::Error::other("article keys not sorted").into());
        }
        self.view_sorted(wanted, len)
    }

    fn view_sorted(&self, wanted: &[(u64, u32)], len: usize) -> Result<IndexView, OpenError> {
        let searcher = self.reader.searcher();
        let distinct = wanted.windows(2).all(|w| w[0].0 != w[1].0);
        let buckets = Buckets::new(wanted);
        let find = |k: u64| buckets.find(wanted, k);
        let mut maps = Vec::with_capacity(searcher.segment_readers().len());
        let mut covered = 0usize;
        let mut seen = vec![false; len];
        for seg in searcher.segment_readers() {
            let keys = seg.fast_fields().u64("key")?;
            let docs = seg.max_doc() as usize;
            // Every document has its key: read them in one pass rather than one lookup
            // through the column's index each.
            let mut all = vec![0u64; docs];
            let full = keys.get_cardinality() == tantivy::columnar::Cardinality::Full
                && keys.values.num_vals() as usize == docs;
            if full {
                keys.values.get_range(0, &mut all);
            }
            // One core: with the lookups spread over every core, the browser's warm start
            // (which builds views beside its other background work) never finished its file
            // check in the start-up test; the bucket table is what made them cheap.
            let mut map = vec![u32::MAX; docs];
            for doc in alive(seg) {
                let key = if full {
                    all.get(doc as usize).copied()
                } else {
                    keys.first(doc)
                };
                if let Some(i) = key.and_then(find)
                    && seen
                        .get_mut(i as usize)
                        .is_some_and(|s| !std::mem::replace(s, true))
                {
                    map[doc as usize] = i;
                    covered += 1;
                }
            }
            maps.push(map);
        }
        Ok(IndexView {
            searcher,
            fields: self.fields,
            maps,
            complete: distinct && covered == len,
            recent: Mutex::default(),
        })
    }
}

/// Where each run of sorted keys with the same top bits starts: the keys are hashes, so
/// spread evenly, and a key is found among the few of its bucket instead of by a binary
/// search whose probes each missed the cache (~4 % of a quick answer's CPU at 100k).
pub(super) struct Buckets {
    shift: u32,
    starts: Vec<u32>,
}

impl Buckets {
    pub(super) fn new(sorted: &[(u64, u32)]) -> Buckets {
        // About two keys a bucket.
        let bits = (usize::BITS - (sorted.len() / 2).leading_zeros()).clamp(1, 24);
        let shift = u64::BITS - bits;
        let mut starts = vec![0u32; (1 << bits) + 1];
        for &(key, _) in sorted {
            starts[(key >> shift) as usize + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        Buckets { shift, starts }
    }

    pub(super) fn find(&self, sorted: &[(u64, u32)], key: u64) -> Option<u32> {
        let b = (key >> self.shift) as usize;
        let (from, to) = (
            *self.starts.get(b)? as usize,
            *self.starts.get(b + 1)? as usize,
        );
        sorted
            .get(from..to)?
            .iter()
            .find(|&&(k, _)| k == key)
            .map(|&(_, at)| at)
    }
}

pub(super) fn alive(seg: &tantivy::SegmentReader) -> impl Iterator<Item = DocId> + '_ {
    (0..seg.max_doc()).filter(move |&d| seg.alive_bitset().is_none_or(|a| a.is_alive(d)))
}

/// The index as committed when the view was made, answering for one corpus.
pub struct IndexView {
    searcher: Searcher,
    fields: TextFields,
    /// Per segment, per document: the corpus position, or `u32::MAX` for a document of no
    /// article of this corpus (a stale version, or a file the corpus lacks).
    maps: Vec<Vec<u32>>,
    complete: bool,
    /// The last answers, newest last: typing a query asks again, at every key, for the
    /// words already typed (at a million articles a common word's answer takes tens of
    /// milliseconds, its copy one or two).
    recent: Mutex<VecDeque<(TextQuery, Vec<TextHit>)>>,
}

/// Answers an [`IndexView`] keeps, and how many hits they may hold between them (at 8 bytes
/// a hit, 32 MB).
const RECENT: usize = 8;
const RECENT_HITS: usize = 4_000_000;

impl IndexView {
    /// Whether every article of the corpus is in the index as it is in the corpus.
    pub fn complete(&self) -> bool {
        self.complete
    }

    /// Documents in the index (live ones).
    pub fn docs(&self) -> u64 {
        self.searcher.num_docs()
    }

    /// Like [`TextIndex::find`], even when the view is not complete.
    pub fn find_partial(&self, query: &TextQuery) -> Result<Vec<TextHit>, String> {
        let known = self.recent.lock().ok().and_then(|r| {
            r.iter()
                .find(|(q, _)| q == query)
                .map(|(_, hits)| hits.clone())
        });
        if let Some(hits) = known {
            return Ok(hits);
        }
        let mut laps = crate::query::phases::Laps::start();
        let q = find::to_query(&self.fields, query);
        // Segments are searched in parallel (tantivy's own search runs them one after the
        // other), each mapped to corpus positions as it ends.
        let run = || -> tantivy::Result<Vec<Vec<TextHit>>> {
            let weight = q.weight(EnableScoring::enabled_from_searcher(&self.searcher))?;
            self.searcher
                .segment_readers()
                .par_iter()
                .enumerate()
                .map(|(seg, reader)| {
                    let found = find::All.collect_segment(weight.as_ref(), seg as u32, reader)?;
                    let map = self.maps.get(seg).map_or(&[][..], Vec::as_slice);
                    Ok(found
                        .into_iter()
                        .filter_map(|(_, doc, score)| {
                            let i = *map.get(doc as usize)?;
                            (i != u32::MAX).then_some(TextHit {
                                index: i,
                                score: score.max(f32::MIN_POSITIVE),
                            })
                        })
                        .collect())
                })
                .collect()
        };
        let hits = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
            .map_err(|_| "the text index failed".to_string())?
            .map_err(|e| e.to_string())?
            .concat();
        laps.lap("  index: search");
        if let Ok(mut r) = self.recent.lock() {
            r.push_back((query.clone(), hits.clone()));
            while r.len() > RECENT || r.iter().map(|(_, h)| h.len()).sum::<usize>() > RECENT_HITS {
                r.pop_front();
            }
        }
        Ok(hits)
    }
}

impl TextIndex for IndexView {
    fn find(&self, query: &TextQuery) -> Option<Vec<TextHit>> {
        if !self.complete {
            return None;
        }
        match self.find_partial(query) {
            Ok(hits) => Some(hits),
            Err(why) => {
                log::warn!("text index: {why}");
                None
            }
        }
    }
}
