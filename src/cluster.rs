//! Syndicated copies: which articles carry (nearly) the same body.
//!
//! The same story runs in several outlets with a new headline, other boilerplate and a few
//! edited sentences, so copies are found from the boilerplate-free body, never the title:
//!
//! 1. **Normalise**: fold case and diacritics ([`crate::text::fold`]), split on anything that
//!    is not a letter or digit (punctuation goes, spaces collapse), so re-wrapped paragraphs
//!    and re-punctuated copies give the same word stream.
//! 2. **Shingle**: every run of [`SHINGLE`] consecutive words, hashed with xxh3.
//! 3. **MinHash**: [`HASHES`] minima of independent hash functions over the shingle set; the
//!    share of equal positions in two signatures estimates the Jaccard similarity of their
//!    shingle sets.
//! 4. **LSH banding**: [`BANDS`] bands of [`ROWS`] minima; articles agreeing on a whole band
//!    become candidate pairs, so the cost grows with the corpus, not with its square.
//! 5. **Verify** each candidate by the estimated Jaccard (≥ [`THRESHOLD`]) and **union-find**
//!    the verified pairs into clusters.
//!
//! Why MinHash rather than SimHash: MinHash estimates a quantity with a plain meaning ("this
//! share of the 5-word phrases is common to both"), so the threshold was chosen from a labelled
//! evaluation (`examples/cluster_eval.rs`) and means the same on long and short articles.
//! SimHash compresses a document into 64 bits whose Hamming distance tracks cosine similarity
//! of term weights; two different stories on the same local topic share most vocabulary (ASN,
//! medsos, viral, Bupati, the regency's name), which moves SimHash bits far less than it moves
//! shingle overlap, and finding pairs within k > 3 bits needs many permuted tables. MinHash
//! costs 256 bytes per article instead of 8, which is affordable (26 MB at 100k).
//!
//! Bodies shorter than [`MIN_WORDS`] words get no signature and are never clustered: a
//! handful of shingles (a caption, a "video" stub) would match other stubs by chance.

use std::fmt;

use rayon::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use crate::corpus::Corpus;
use crate::model::{Date, Meta};
use unicode_normalization::char::is_combining_mark;

use crate::text::fold;

/// Words per shingle. Five words is the usual choice for news near-duplicates: long enough
/// that common phrases ("kata dia saat dikonfirmasi") rarely repeat across stories, short
/// enough that one edited word spoils only five shingles.
pub const SHINGLE: usize = 5;
/// MinHash functions per signature (the signature is `HASHES` × 4 bytes).
pub const HASHES: usize = 64;
/// LSH bands and rows per band (`BANDS * ROWS == HASHES`). With 2 rows a pair with Jaccard
/// 0.3 becomes a candidate with probability 1 − (1 − 0.3²)³² ≈ 0.95, at the 0.4 threshold
/// ≈ 0.996, at 0.5 ≈ 1 − 10⁻⁴;
/// unrelated pairs (Jaccard near 0) almost never share two minima.
pub const BANDS: usize = 32;
pub const ROWS: usize = 2;
/// Articles whose bodies share at least this estimated Jaccard similarity of shingles are
/// copies. Chosen with `examples/cluster_eval.rs` (3,523 labelled articles): pair precision
/// 0.999 / recall 0.971 at 0.4, against 1.000 / 0.920 at 0.5, 0.994 / 0.990 at 0.35 and
/// 0.968 / 0.994 at 0.3. Precision weighs more than recall here: a false group hides a
/// different story under another row, a missed copy only costs an extra row. Different
/// stories on the same topic score below 0.15; the misses are excerpts (a quarter of the text
/// cut) with edits on top.
pub const THRESHOLD: f64 = 0.4;
/// Bodies with fewer words get no signature.
pub const MIN_WORDS: usize = 40;
/// Only the first this many words are shingled: a copy is recognisable from its first pages,
/// and a broken scrape of megabytes must not cost seconds.
pub const MAX_WORDS: usize = 20_000;
/// Bumped whenever a change here changes signatures, so cached signatures can be discarded.
pub const SIGNATURE_VERSION: u32 = 1;

/// Inside one LSH bucket, each member is paired with at most this many following members.
/// Small buckets (the usual case: a story and its copies) are paired completely; a huge
/// bucket (thousands of identical stubs) is linked as a chain of windows, which keeps the
/// number of pairs linear while still connecting members that are copies of each other.
const BUCKET_WINDOW: usize = 32;

const _: () = assert!(BANDS * ROWS == HASHES);

/// Bits of a shingle hash that pick its bin (one-permutation hashing, see [`signature`]).
const BIN_BITS: u32 = HASHES.trailing_zeros();
const _: () = assert!(1 << BIN_BITS == HASHES);

/// Seed of the densification probes, fixed so signatures are the same on every machine.
const PROBE_SEED: u64 = 0x5741_5254_415F_434C; // "WARTA_CL"

/// The MinHash signature of one article's body: small, deterministic, serialisable, so it can
/// be cached next to the metadata (together with [`SIGNATURE_VERSION`]).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Signature([u32; HASHES]);

impl Signature {
    /// A signature from its bins as [`Signature::mins`] gives them (for a cache of them).
    pub fn from_mins(mins: [u32; HASHES]) -> Signature {
        Signature(mins)
    }

    /// The minima, one per hash function.
    pub fn mins(&self) -> &[u32; HASHES] {
        &self.0
    }

    /// Estimated Jaccard similarity of the two bodies' shingle sets, in `[0, 1]`.
    pub fn similarity(&self, other: &Signature) -> f64 {
        self.agreement(other) as f64 / HASHES as f64
    }

    /// Whether the two bodies are copies of each other by [`THRESHOLD`], the test
    /// [`Clusters::build`] applies to its candidate pairs.
    pub fn is_copy_of(&self, other: &Signature) -> bool {
        self.agreement(other) >= (THRESHOLD * HASHES as f64).ceil().max(1.0) as usize
    }

    fn agreement(&self, other: &Signature) -> usize {
        self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count()
    }

    fn band_key(&self, band: usize) -> u64 {
        let rows = &self.0[band * ROWS..(band + 1) * ROWS];
        let mut bytes = [0u8; ROWS * 4];
        for (chunk, v) in bytes.chunks_exact_mut(4).zip(rows) {
            chunk.copy_from_slice(&v.to_le_bytes());
        }
        xxh3_64_with_seed(&bytes, band as u64)
    }
}

impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Signature({:08x}…)", self.0[0])
    }
}

impl Serialize for Signature {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter())
    }
}

impl<'de> Deserialize<'de> for Signature {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Signature, D::Error> {
        let v = Vec::<u32>::deserialize(d)?;
        let len = v.len();
        let mins: [u32; HASHES] = v.try_into().map_err(|_| {
            serde::de::Error::custom(format!("a signature has {HASHES} values, not {len}"))
        })?;
        Ok(Signature(mins))
    }
}

/// Hashes of the normalised words of `body`, at most [`MAX_WORDS`].
///
/// Words are cut first and folded one by one: news paragraphs are mostly ASCII apart from
/// curly quotes and dashes (which are separators anyway), so the Unicode decomposition of
/// [`fold`] runs only on the rare word that needs it. Combining marks stay inside a word, so
/// a decomposed "café" folds like a composed one.
fn word_hashes(body: &[String]) -> Vec<u64> {
    let mut words = Vec::new();
    let mut lower = String::new();
    for para in body {
        let tokens = para
            .split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c)))
            .filter(|w| !w.is_empty());
        for w in tokens {
            if words.len() == MAX_WORDS {
                return words;
            }
            let h = if w.is_ascii() {
                lower.clear();
                lower.extend(w.chars().map(|c| c.to_ascii_lowercase()));
                xxh3_64(lower.as_bytes())
            } else {
                xxh3_64(fold(w).as_bytes())
            };
            words.push(h);
        }
    }
    words
}

fn shingle_hash(window: &[u64]) -> u64 {
    let mut bytes = [0u8; SHINGLE * 8];
    for (chunk, w) in bytes.chunks_exact_mut(8).zip(window) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    xxh3_64(&bytes)
}

/// The hashes of the distinct shingles of `body`, sorted; empty when the body is shorter than
/// [`MIN_WORDS`]. Exposed for evaluations that need the exact Jaccard similarity.
pub fn shingles(body: &[String]) -> Vec<u64> {
    let words = word_hashes(body);
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut out: Vec<u64> = words.windows(SHINGLE).map(shingle_hash).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Exact Jaccard similarity of two sorted, deduplicated shingle sets (see [`shingles`]).
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// The signature of a body (its boilerplate-free paragraphs), or `None` when it has fewer
/// than [`MIN_WORDS`] words.
///
/// One-permutation hashing with optimal densification (Shrivastava, ICML 2017) instead of
/// [`HASHES`] separate hash functions: each shingle's xxh3 hash is computed once, its top bits
/// pick one of the bins and the minimum of its low 32 bits is kept per bin. A bin no shingle
/// fell in borrows the value of the first non-empty bin of a probe sequence that depends only
/// on the bin, so two bodies borrow alike and the share of equal bins still estimates Jaccard
/// similarity. This costs one hash per shingle instead of 64 (measured at 100k: the hashing
/// share of the signature step fell from about 3.8 s to about 2.1 s on two busy cores), for
/// slightly more estimator noise on short bodies (evaluation recall at 0.4: 0.971 against
/// 0.981 with 64 hash functions; precision unchanged).
pub fn signature(body: &[String]) -> Option<Signature> {
    let words = word_hashes(body);
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut mins = [u32::MAX; HASHES];
    let mut filled = [false; HASHES];
    for window in words.windows(SHINGLE) {
        let h = shingle_hash(window);
        let bin = (h >> (64 - BIN_BITS)) as usize;
        mins[bin] = mins[bin].min(h as u32);
        filled[bin] = true;
    }
    if filled.iter().any(|f| !f) {
        let source = mins;
        for bin in 0..HASHES {
            if filled[bin] {
                continue;
            }
            // At least MIN_WORDS - SHINGLE + 1 shingles fill some bin, so the probe ends; the
            // bound keeps it finite regardless.
            for attempt in 0u64..(64 * HASHES as u64) {
                let probe = xxh3_64_with_seed(&(bin as u64).to_le_bytes(), PROBE_SEED ^ attempt);
                let j = (probe % HASHES as u64) as usize;
                if filled[j] {
                    mins[bin] = source[j];
                    break;
                }
            }
        }
    }
    Some(Signature(mins))
}

/// Signatures of every article of `corpus`, computed in parallel. Bodies are read one at a
/// time per worker and dropped once hashed, so memory stays at the signatures. An article
/// whose body cannot be read gets `None` (it is then simply not clustered).
pub fn corpus_signatures(corpus: &Corpus) -> Vec<Option<Signature>> {
    (0..corpus.len())
        .into_par_iter()
        .map(|i| match corpus.body(i) {
            Ok(b) => signature(&b.body),
            Err(e) => {
                log::debug!("{} not grouped: {e}", corpus.meta(i).source_path);
                None
            }
        })
        .collect()
}

/// The order that picks a cluster's representative: the earliest `published` date, undated
/// articles last, ties broken by article id (and then by index in [`Clusters::build`]).
pub fn earliest_first(meta: &Meta) -> (bool, Option<Date>, &str) {
    (meta.published.is_none(), meta.published, meta.id.as_str())
}

/// Signatures and clusters of a whole corpus with the default threshold and
/// [`earliest_first`] representatives.
pub fn cluster_corpus(corpus: &Corpus) -> (Vec<Option<Signature>>, Clusters) {
    let sigs = corpus_signatures(corpus);
    let metas = corpus.metas();
    let clusters = Clusters::build(&sigs, |i| earliest_first(&metas[i]));
    (sigs, clusters)
}

/// A cluster: an index into [`Clusters`], valid for the `Clusters` that returned it.
/// Clusters are numbered in the order of their representatives' article indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterId(pub u32);

/// What [`Clusters::build`] did, for reports and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BuildStats {
    /// Articles with a signature (long enough to be compared).
    pub signed: usize,
    /// Distinct candidate pairs produced by LSH banding.
    pub candidates: usize,
    /// Candidate pairs whose estimated similarity reached the threshold.
    pub verified: usize,
}

/// Groups of copies. Articles without a copy (and without a signature) belong to no cluster.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// Per article: its cluster's number, or `NONE`.
    of: Vec<u32>,
    /// Per cluster: its members, representative first.
    members: Vec<Box<[usize]>>,
    stats: BuildStats,
}

const NONE: u32 = u32::MAX;

impl Clusters {
    /// Clusters with the default [`THRESHOLD`]. `signatures[i]` belongs to article `i`;
    /// `order_key` orders the members of a cluster, the smallest being the representative
    /// (ties by index), e.g. `|i| earliest_first(&metas[i])`.
    pub fn build<K: Ord>(
        signatures: &[Option<Signature>],
        order_key: impl Fn(usize) -> K,
    ) -> Clusters {
        Clusters::build_with(signatures, THRESHOLD, order_key)
    }

    /// [`Clusters::build`] with another similarity threshold (for evaluations).
    ///
    /// Deterministic: the same signatures give the same clusters whatever the thread count,
    /// since every parallel step either sorts by a total order or collects in index order.
    pub fn build_with<K: Ord>(
        signatures: &[Option<Signature>],
        threshold: f64,
        order_key: impl Fn(usize) -> K,
    ) -> Clusters {
        let n = signatures.len();
        // Article indices are stored as u32 to halve the memory of the LSH tables; a corpus
        // of four billion articles is far beyond anything warta loads.
        let n = n.min(NONE as usize);
        let signatures = &signatures[..n];
        let signed = signatures.iter().filter(|s| s.is_some()).count();
        let pairs = candidate_pairs(signatures);
        let candidates = pairs.len();
        let need = (threshold * HASHES as f64).ceil().max(1.0) as usize;
        let edges: Vec<(u32, u32)> = pairs
            .into_par_iter()
            .filter(
                |&(a, b)| match (&signatures[a as usize], &signatures[b as usize]) {
                    (Some(x), Some(y)) => x.agreement(y) >= need,
                    _ => false,
                },
            )
            .collect();

        let mut uf = UnionFind::new(n);
        for &(a, b) in &edges {
            uf.union(a, b);
        }
        Clusters::from_sets(
            &mut uf,
            n,
            order_key,
            BuildStats {
                signed,
                candidates,
                verified: edges.len(),
            },
        )
    }

    /// The clusters `uf`'s sets of at least two articles make, numbered by representative.
    fn from_sets<K: Ord>(
        uf: &mut UnionFind,
        n: usize,
        order_key: impl Fn(usize) -> K,
        stats: BuildStats,
    ) -> Clusters {
        // Roots are the smallest index of their component, so numbering clusters as roots
        // appear orders them by their smallest member, independently of edge order.
        let mut size = vec![0u32; n];
        for i in 0..n {
            let r = uf.find(i as u32) as usize;
            size[r] += 1;
        }
        let mut of = vec![NONE; n];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in 0..n {
            let r = uf.find(i as u32) as usize;
            if size[r] < 2 {
                continue;
            }
            if of[r] == NONE {
                of[r] = groups.len() as u32;
                groups.push(Vec::with_capacity(size[r] as usize));
            }
            let c = of[r];
            of[i] = c;
            groups[c as usize].push(i);
        }
        for g in &mut groups {
            g.sort_by_cached_key(|&i| (order_key(i), i));
        }
        // Renumber by representative so ids follow the rows the UI shows.
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&c| groups[c][0]);
        let mut renumber = vec![0u32; groups.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old] = new as u32;
        }
        for c in &mut of {
            if *c != NONE {
                *c = renumber[*c as usize];
            }
        }
        let mut slots: Vec<Option<Vec<usize>>> = groups.into_iter().map(Some).collect();
        let members = order
            .iter()
            .filter_map(|&old| slots[old].take())
            .map(Vec::into_boxed_slice)
            .collect();
        Clusters { of, members, stats }
    }

    /// These clusters with the articles of each `edges` pair in one group (joining groups
    /// where a pair spans two): how articles added to a live corpus join the stories they
    /// copy without grouping the whole corpus again. `order_key` as for [`Clusters::build`].
    pub fn joined<K: Ord>(
        &self,
        edges: &[(usize, usize)],
        order_key: impl Fn(usize) -> K,
    ) -> Clusters {
        let n = self.of.len();
        let mut uf = UnionFind::new(n);
        for m in &self.members {
            for &i in m.iter().skip(1) {
                uf.union(m[0] as u32, i as u32);
            }
        }
        let mut verified = self.stats.verified;
        for &(a, b) in edges {
            if a < n && b < n && a != b {
                uf.union(a as u32, b as u32);
                verified += 1;
            }
        }
        let stats = BuildStats {
            verified,
            ..self.stats
        };
        Clusters::from_sets(&mut uf, n, order_key, stats)
    }

    /// These clusters carried over to a newer corpus of `articles` articles in which article
    /// `i` is now at `to(i)` (`None`: gone). Members keep their order; a group left with
    /// one member is no group. Articles new to that corpus belong to no cluster until the
    /// next [`Clusters::build`]: this is what the list shows meanwhile, so groups do not
    /// fall apart on screen each time a file arrives.
    pub fn remap(&self, articles: usize, to: impl Fn(usize) -> Option<usize>) -> Clusters {
        let mut groups: Vec<Box<[usize]>> = self
            .members
            .iter()
            .map(|m| {
                m.iter()
                    .filter_map(|&i| to(i))
                    .filter(|&j| j < articles.min(NONE as usize))
                    .collect::<Box<[usize]>>()
            })
            .filter(|m| m.len() >= 2)
            .collect();
        groups.sort_by_key(|m| m[0]);
        let mut of = vec![NONE; articles];
        for (c, m) in groups.iter().enumerate() {
            for &j in m.iter() {
                of[j] = c as u32;
            }
        }
        Clusters {
            of,
            members: groups,
            stats: self.stats,
        }
    }

    /// Number of clusters (groups of at least two copies).
    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Number of articles the clusters were built for.
    pub fn articles(&self) -> usize {
        self.of.len()
    }

    pub fn stats(&self) -> BuildStats {
        self.stats
    }

    /// The cluster of article `index`, `None` when it has no copy (or is out of range).
    pub fn cluster_of(&self, index: usize) -> Option<ClusterId> {
        match self.of.get(index) {
            Some(&c) if c != NONE => Some(ClusterId(c)),
            _ => None,
        }
    }

    /// The members of a cluster, representative first, then in `order_key` order. Empty for
    /// an id from another `Clusters`.
    pub fn members(&self, id: ClusterId) -> &[usize] {
        self.members.get(id.0 as usize).map_or(&[], |m| m)
    }

    /// The representative of the story article `index` belongs to: itself when it has no copy.
    pub fn representative(&self, index: usize) -> usize {
        self.cluster_of(index)
            .and_then(|c| self.members(c).first().copied())
            .unwrap_or(index)
    }

    /// True when `index` is shown as its story's row: a representative or an article without
    /// copies.
    pub fn is_representative(&self, index: usize) -> bool {
        self.representative(index) == index
    }

    /// How many other articles carry the same story as `index` (the "+N copies" of its row).
    pub fn copies(&self, index: usize) -> usize {
        self.cluster_of(index)
            .map_or(0, |c| self.members(c).len().saturating_sub(1))
    }

    /// The cluster's id for export: its representative's article id, stable across runs as
    /// long as the same articles are loaded (an earlier copy arriving later changes it).
    pub fn export_id<'a>(&self, index: usize, metas: &'a [Meta]) -> Option<&'a str> {
        let c = self.cluster_of(index)?;
        let rep = *self.members(c).first()?;
        metas.get(rep).map(|m| m.id.as_str())
    }

    /// All clusters in id order.
    pub fn iter(&self) -> impl Iterator<Item = (ClusterId, &[usize])> {
        self.members
            .iter()
            .enumerate()
            .map(|(i, m)| (ClusterId(i as u32), &m[..]))
    }
}

/// Distinct candidate pairs `(a, b)`, `a < b`, sorted: articles sharing a whole band.
fn candidate_pairs(signatures: &[Option<Signature>]) -> Vec<(u32, u32)> {
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut keys: Vec<(u64, u32)> = Vec::new();
    for band in 0..BANDS {
        keys.clear();
        keys.par_extend(
            signatures
                .par_iter()
                .enumerate()
                .filter_map(|(i, s)| s.as_ref().map(|s| (s.band_key(band), i as u32))),
        );
        keys.par_sort_unstable();
        let before = pairs.len();
        for run in keys.chunk_by(|x, y| x.0 == y.0) {
            for (k, &(_, a)) in run.iter().enumerate() {
                for &(_, b) in run.iter().skip(k + 1).take(BUCKET_WINDOW) {
                    pairs.push((a, b));
                }
            }
        }
        // Each band mostly re-finds the same pairs; deduplicating as they come keeps the list
        // at the number of distinct pairs rather than `BANDS` times it.
        if pairs.len() > before {
            pairs.par_sort_unstable();
            pairs.dedup();
        }
    }
    pairs
}

/// Union-find over article indices; the root of a set is its smallest index.
struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let grand = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = grand;
            x = grand;
        }
        x
    }

    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi as usize] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splitmix64(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn words(n: usize, seed: u64) -> Vec<String> {
        let mut s = seed;
        let text: Vec<String> = (0..n)
            .map(|_| format!("w{}", splitmix64(&mut s) % 5000))
            .collect();
        text.chunks(30).map(|c| c.join(" ")).collect()
    }

    #[test]
    fn short_bodies_get_no_signature() {
        assert!(signature(&[]).is_none());
        assert!(signature(&words(MIN_WORDS - 1, 1)).is_none());
        assert!(signature(&words(MIN_WORDS, 1)).is_some());
        assert!(shingles(&words(MIN_WORDS - 1, 1)).is_empty());
    }

    #[test]
    fn normalisation_ignores_case_diacritics_punctuation_and_wrapping() {
        let a = words(200, 7);
        let joined = a.join(" ");
        let shouted: Vec<String> = joined
            .split(' ')
            .collect::<Vec<_>>()
            .chunks(11)
            .map(|c| format!("{}, — «{}»!", c[0].to_uppercase(), c[1..].join("  ")))
            .collect();
        assert_eq!(signature(&a), signature(&shouted));
        let accents = vec!["Café résumé naïve ".repeat(20)];
        let plain = vec!["cafe resume naive ".repeat(20)];
        assert_eq!(signature(&accents), signature(&plain));
        let decomposed = vec!["Cafe\u{301} re\u{301}sume\u{301} nai\u{308}ve ".repeat(20)];
        assert_eq!(signature(&decomposed), signature(&plain));
    }

    #[test]
    fn short_bodies_fill_every_bin() {
        // 40 words give 36 shingles for 64 bins: densification must fill the rest, the same
        // way for two copies, and differently for different texts.
        let a = signature(&words(MIN_WORDS, 21)).unwrap();
        assert!(a.mins().iter().all(|&m| m != u32::MAX));
        assert_eq!(Some(&a), signature(&words(MIN_WORDS, 21)).as_ref());
        let b = signature(&words(MIN_WORDS, 22)).unwrap();
        assert!(a.similarity(&b) < 0.1);
    }

    #[test]
    fn estimate_tracks_exact_jaccard() {
        // Two bodies sharing a prefix; MinHash with 64 functions has a standard error of at
        // most 0.0625, so the estimate stays within 0.2 (over three standard errors).
        let base = words(600, 3);
        for keep in [0usize, 5, 10, 15, 20] {
            let mut other: Vec<String> = base[..keep].to_vec();
            other.extend(words(30 * (20 - keep), 100 + keep as u64));
            let (sa, sb) = (signature(&base).unwrap(), signature(&other).unwrap());
            let exact = jaccard(&shingles(&base), &shingles(&other));
            let est = sa.similarity(&sb);
            assert!((exact - est).abs() < 0.2, "keep {keep}: {exact} vs {est}");
        }
    }

    #[test]
    fn signature_round_trips_through_json_and_rejects_wrong_lengths() {
        let s = signature(&words(100, 9)).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<Signature>(&json).unwrap(), s);
        assert!(serde_json::from_str::<Signature>("[1,2,3]").is_err());
        assert_eq!(std::mem::size_of::<Signature>(), HASHES * 4);
    }

    #[test]
    fn union_find_roots_are_smallest_indices() {
        let mut uf = UnionFind::new(6);
        uf.union(5, 3);
        uf.union(3, 4);
        uf.union(2, 4);
        assert_eq!(uf.find(5), 2);
        assert_eq!(uf.find(0), 0);
    }

    #[test]
    fn huge_buckets_stay_linear_and_connected() {
        // 500 identical bodies: every band is one bucket of 500; windowed pairing keeps the
        // candidate list linear and still joins them all.
        let sig = signature(&words(100, 11));
        let sigs = vec![sig; 500];
        let c = Clusters::build(&sigs, |i| i);
        assert_eq!(c.len(), 1);
        assert_eq!(c.copies(0), 499);
        assert!(c.stats().candidates <= 500 * BUCKET_WINDOW);
    }

    #[test]
    fn out_of_range_queries_are_harmless() {
        let c = Clusters::build(&[], |i| i);
        assert_eq!(c.cluster_of(3), None);
        assert_eq!(c.representative(3), 3);
        assert_eq!(c.copies(3), 0);
        assert!(c.members(ClusterId(9)).is_empty());
        assert_eq!(c.export_id(0, &[]), None);
    }

    #[test]
    fn joining_pairs_merges_groups_and_renumbers_by_representative() {
        // 0~3 and 1~4 are copies; 2 and 5 stand alone.
        let a = words(120, 1);
        let b = words(120, 2);
        let sigs: Vec<_> = [&a, &b, &words(120, 3), &a, &b, &words(120, 4)]
            .iter()
            .map(|w| signature(w))
            .collect();
        let c = Clusters::build(&sigs, |i| i);
        assert_eq!(c.len(), 2);
        // A pair spanning both groups joins them; a pair with a lone article adds it; a
        // pair of an article with itself or out of range changes nothing.
        let j = c.joined(&[(3, 4), (5, 0), (2, 2), (9, 1)], |i| i);
        assert_eq!(j.len(), 1);
        assert_eq!(j.members(ClusterId(0)), &[0, 1, 3, 4, 5]);
        assert_eq!(j.cluster_of(2), None);
        // The order key picks the representative, as in `build`.
        let j = c.joined(&[], std::cmp::Reverse);
        assert_eq!(j.members(ClusterId(0)), &[3, 0]);
        assert_eq!(j.members(ClusterId(1)), &[4, 1]);
        // Carried to a corpus where article 0 is gone and the rest moved down one place.
        let r = c.remap(5, |i| i.checked_sub(1));
        assert_eq!(r.len(), 1, "a group of one is no group");
        assert_eq!(r.members(ClusterId(0)), &[0, 3]);
        assert!(
            sigs[1]
                .as_ref()
                .zip(sigs[4].as_ref())
                .is_some_and(|(x, y)| x.is_copy_of(y))
        );
        assert!(
            !sigs[1]
                .as_ref()
                .zip(sigs[2].as_ref())
                .is_some_and(|(x, y)| x.is_copy_of(y))
        );
    }
}
