//! Syndicated copies in the list: the search returns every matching article; this module
//! folds the copies of one story into a single row headed by its earliest copy.
//!
//! ```text
//!  search hits (all matches, in sort order)      rows the list shows
//!  0 Tribunsumsel  "Bupati Larang ASN…"   ─┐     ▸ Sumeks.co "ASN Dilarang…" +2 copies
//!  1 Infoku        "Pemkab OKI Minta…"     │       (Tribunsumsel, Sripoku)
//!  2 Sumeks.co     "ASN Dilarang…" (rep)  ─┤     Infoku "Pemkab OKI Minta…"
//!  3 Sripoku       "Larangan Bermedsos…"  ─┘
//! ```
//!
//! Rules (pure functions of the hits, the clusters, the sort and the expanded groups):
//! - A group in the view is the set of a cluster's members that match the query and filters;
//!   with fewer than two matching members there is no group, just an ordinary row.
//! - Its row shows the earliest matching member (the cluster's representative when it
//!   matches), whatever the sort: the original, not whichever copy ranked first.
//! - The row sits where the representative sits when sorting by date (a story is placed by
//!   when it first ran), and where its best-placed member sits for relevance, outlet and
//!   title (a copy that matches the query better pulls the story up).
//! - An expanded group lists the other matching members under its row, earliest first.
//!
//! Clustering runs in the background (see `tui.rs`), so results are grouped once the clusters
//! for the current corpus have arrived; before that every article is its own row.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use crate::cluster::{
    ClusterId, Clusters, HASHES, SIGNATURE_VERSION, Signature, earliest_first, signature,
};
use crate::corpus::Corpus;
use crate::query::{Hit, Sort};

/// What a row of the list is, parallel to [`crate::app::ListView::shown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// An article without copies in the view.
    Single,
    /// The head of a group: it stands for itself and `copies` more matching articles.
    Group {
        cluster: ClusterId,
        copies: usize,
        expanded: bool,
    },
    /// A copy listed under its expanded group's head.
    Copy { cluster: ClusterId },
}

/// The list's rows for a set of matches.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// The visible hits, one per row.
    pub hits: Vec<Hit>,
    /// What each row is, parallel to the shown articles.
    pub kinds: Vec<RowKind>,
    /// Per group in the view: its matching members, earliest first (the head first).
    pub members: HashMap<ClusterId, Vec<usize>>,
}

/// The rows for `matches` (in sort order). Without clusters every match is a
/// [`RowKind::Single`] row, in the same order.
pub fn group_rows(
    matches: &[Hit],
    clusters: Option<&Clusters>,
    sort: Sort,
    expanded: &BTreeSet<ClusterId>,
) -> Rows {
    let Some(clusters) = clusters.filter(|c| !c.is_empty()) else {
        return Rows {
            hits: matches.to_vec(),
            kinds: vec![RowKind::Single; matches.len()],
            members: HashMap::new(),
        };
    };
    // Positions of each cluster's matching members.
    let mut in_view: HashMap<ClusterId, Vec<usize>> = HashMap::new();
    for (pos, h) in matches.iter().enumerate() {
        if let Some(c) = clusters.cluster_of(h.index) {
            in_view.entry(c).or_default().push(pos);
        }
    }
    let position: HashMap<usize, usize> = in_view
        .values()
        .filter(|v| v.len() >= 2)
        .flatten()
        .map(|&pos| (matches[pos].index, pos))
        .collect();
    let by_date = matches!(sort, Sort::DateDesc | Sort::DateAsc);
    // Per group: its matching members earliest first, and the position its row takes.
    let mut groups: HashMap<ClusterId, (Vec<usize>, usize)> = HashMap::new();
    for (&c, positions) in &in_view {
        if positions.len() < 2 {
            continue;
        }
        let members: Vec<usize> = clusters
            .members(c)
            .iter()
            .copied()
            .filter(|i| position.contains_key(i))
            .collect();
        let Some(&head) = members.first() else {
            continue;
        };
        let at = if by_date {
            position[&head]
        } else {
            positions.iter().copied().min().unwrap_or(position[&head])
        };
        groups.insert(c, (members, at));
    }
    let mut hits = Vec::with_capacity(matches.len());
    let mut kinds = Vec::with_capacity(matches.len());
    for (pos, h) in matches.iter().enumerate() {
        let group = clusters
            .cluster_of(h.index)
            .and_then(|c| groups.get(&c).map(|g| (c, g)));
        let Some((cluster, (members, at))) = group else {
            hits.push(*h);
            kinds.push(RowKind::Single);
            continue;
        };
        if pos != *at {
            continue;
        }
        let open = expanded.contains(&cluster);
        for (n, &member) in members.iter().enumerate() {
            if n > 0 && !open {
                break;
            }
            hits.push(matches[position[&member]]);
            kinds.push(if n == 0 {
                RowKind::Group {
                    cluster,
                    copies: members.len() - 1,
                    expanded: open,
                }
            } else {
                RowKind::Copy { cluster }
            });
        }
    }
    let members = groups.into_iter().map(|(c, (m, _))| (c, m)).collect();
    Rows {
        hits,
        kinds,
        members,
    }
}

/// The number of group rows among `kinds`.
pub fn group_count(kinds: &[RowKind]) -> usize {
    kinds
        .iter()
        .filter(|k| matches!(k, RowKind::Group { .. }))
        .count()
}

/// Signatures already computed, by article id. An id is a hash of the article's text, so a
/// signature stays valid for every corpus that holds the same id: a reloaded or grown corpus
/// only signs its new articles.
#[derive(Debug, Default)]
pub struct SignatureMemo {
    by_id: HashMap<String, Option<Signature>>,
}

impl SignatureMemo {
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The memo saved at `path` by [`SignatureMemo::save`]; empty when there is none or it
    /// cannot be trusted (damaged, another signature version): signatures are then simply
    /// computed again.
    pub fn load(path: &Path) -> SignatureMemo {
        let bytes = match crate::safe_read::read_own_file(path, MAX_MEMO_BYTES) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return SignatureMemo::default(),
            Err(e) => {
                log::warn!("copy signatures not read ({e}); computing them again");
                return SignatureMemo::default();
            }
        };
        match decode_memo(&bytes) {
            Some(by_id) => SignatureMemo { by_id },
            None => {
                log::info!(
                    "copy signatures in {} are damaged or of another version; computing them again",
                    path.display()
                );
                SignatureMemo::default()
            }
        }
    }

    /// Saves the memo atomically, so the next start groups copies without reading every
    /// body again.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(crate::fsutil::parent_dir(path))?;
        let bytes = encode_memo(&self.by_id);
        crate::fsutil::write_atomic(path, &mut |w| w.write_all(&bytes))
    }
}

const MEMO_MAGIC: &[u8; 8] = b"wartasig";
/// About 270 bytes an article: room for over ten million, and a bound on what a file that
/// is not a memo can cost.
const MAX_MEMO_BYTES: u64 = 4 << 30;

/// Header (magic, signature version, bins, count), then per article: id length, id, a flag
/// (0: too short to compare, 1: a signature follows), the bins little-endian; then an xxh3
/// of everything before it.
fn encode_memo(by_id: &HashMap<String, Option<Signature>>) -> Vec<u8> {
    let mut out = Vec::with_capacity(24 + by_id.len() * (26 + 4 * HASHES));
    out.extend_from_slice(MEMO_MAGIC);
    out.extend_from_slice(&SIGNATURE_VERSION.to_le_bytes());
    out.extend_from_slice(&(HASHES as u32).to_le_bytes());
    out.extend_from_slice(&(by_id.len() as u64).to_le_bytes());
    for (id, sig) in by_id {
        // Ids are 16 hex digits; anything longer could not have come from this program.
        let Ok(len) = u8::try_from(id.len()) else {
            continue;
        };
        out.push(len);
        out.extend_from_slice(id.as_bytes());
        match sig {
            None => out.push(0),
            Some(sig) => {
                out.push(1);
                for m in sig.mins() {
                    out.extend_from_slice(&m.to_le_bytes());
                }
            }
        }
    }
    let sum = xxhash_rust::xxh3::xxh3_64(&out);
    out.extend_from_slice(&sum.to_le_bytes());
    out
}

fn decode_memo(bytes: &[u8]) -> Option<HashMap<String, Option<Signature>>> {
    let (body, sum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
    if xxhash_rust::xxh3::xxh3_64(body) != u64::from_le_bytes(sum.try_into().ok()?) {
        return None;
    }
    let mut r = body;
    let mut take = |n: usize| -> Option<&[u8]> {
        let (head, rest) = r.split_at_checked(n)?;
        r = rest;
        Some(head)
    };
    let u32_at = |b: &[u8]| b.try_into().ok().map(u32::from_le_bytes);
    if take(8)? != MEMO_MAGIC
        || u32_at(take(4)?)? != SIGNATURE_VERSION
        || u32_at(take(4)?)? as usize != HASHES
    {
        return None;
    }
    let count = u64::from_le_bytes(take(8)?.try_into().ok()?);
    let mut by_id = HashMap::new();
    for _ in 0..count {
        let len = usize::from(*take(1)?.first()?);
        let id = std::str::from_utf8(take(len)?).ok()?.to_string();
        let sig = match take(1)?.first()? {
            0 => None,
            1 => {
                let mut mins = [0u32; HASHES];
                for m in &mut mins {
                    *m = u32_at(take(4)?)?;
                }
                Some(Signature::from_mins(mins))
            }
            _ => return None,
        };
        by_id.insert(id, sig);
    }
    r.is_empty().then_some(by_id)
}

/// One article's signature step: known (possibly "too short to compare"), unreadable (not
/// remembered, so a later corpus tries again), or skipped because the work was cancelled.
#[expect(
    clippy::large_enum_variant,
    reason = "almost every article is Known: boxing would add an allocation per article"
)]
enum Signed {
    Known(Option<Signature>),
    Unreadable,
    Skipped,
}

/// The clusters of `corpus` with [`earliest_first`] representatives, reusing and refilling
/// `memo`. Polls `cancelled` while signing: `None` once it returned true (a newer corpus is
/// waiting), keeping the signatures computed so far in `memo`.
///
/// Runs on whatever rayon pool it is called in; the browser calls it in a pool of its own so
/// searches on the global pool never wait behind it.
pub fn cluster_with_memo(
    corpus: &Corpus,
    memo: &mut SignatureMemo,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Clusters> {
    let metas = corpus.metas();
    let steps: Vec<Signed> = (0..corpus.len())
        .into_par_iter()
        .map(|i| {
            if let Some(known) = memo.by_id.get(&metas[i].id) {
                return Signed::Known(known.clone());
            }
            if cancelled() {
                return Signed::Skipped;
            }
            match corpus.body(i) {
                Ok(b) => Signed::Known(signature(&b.body)),
                Err(_) => Signed::Unreadable,
            }
        })
        .collect();
    if steps.iter().any(|s| matches!(s, Signed::Skipped)) {
        for (m, s) in metas.iter().zip(steps) {
            if let Signed::Known(sig) = s {
                memo.by_id.entry(m.id.clone()).or_insert(sig);
            }
        }
        return None;
    }
    let sigs: Vec<Option<Signature>> = steps
        .into_iter()
        .map(|s| match s {
            Signed::Known(sig) => sig,
            Signed::Unreadable | Signed::Skipped => None,
        })
        .collect();
    // Only this corpus's signatures are kept, so the memo never outgrows the corpus.
    memo.by_id = metas
        .iter()
        .zip(&sigs)
        .map(|(m, s)| (m.id.clone(), s.clone()))
        .collect();
    Some(Clusters::build(&sigs, |i| earliest_first(&metas[i])))
}

/// At most this many new articles are joined to the groups one by one
/// ([`cluster_added`]); more, and the whole corpus is grouped again, which costs about the
/// same and checks everything.
pub const MAX_ADDED: usize = 200;

/// The groups of a corpus patched from one whose groups are known: `carried` are those
/// groups carried over ([`Clusters::remap`] with the patch's [`crate::corpus::Lineage`]) and
/// `added` the articles the patch read. Each added article is compared with every signature
/// in `memo` (the corpus's articles, and maybe some that left it) and joins the groups of its
/// copies. At 100k articles this takes milliseconds per added article, where grouping the
/// whole corpus again takes a second or more of a core.
///
/// Comparing with every signature finds every pair [`Clusters::build`] would find (its LSH
/// bands only choose which pairs to compare), so the groups are those a full grouping gives
/// up to its banding's small miss rate. Unreadable added articles simply stay alone.
pub fn cluster_added(
    corpus: &Corpus,
    memo: &mut SignatureMemo,
    carried: &Clusters,
    added: &[usize],
) -> Clusters {
    let metas = corpus.metas();
    let added: Vec<usize> = added.iter().copied().filter(|&j| j < metas.len()).collect();
    let signed: Vec<(usize, Option<Signature>)> = added
        .par_iter()
        .map(|&j| {
            let sig = match memo.by_id.get(&metas[j].id) {
                Some(known) => known.clone(),
                None => corpus.body(j).ok().and_then(|b| signature(&b.body)),
            };
            (j, sig)
        })
        .collect();
    for (j, sig) in &signed {
        memo.by_id
            .entry(metas[*j].id.clone())
            .or_insert_with(|| sig.clone());
    }
    // Ids each added article copies (or is copied by).
    let pairs: Vec<(usize, &str)> = signed
        .par_iter()
        .filter_map(|(j, sig)| sig.as_ref().map(|s| (*j, s)))
        .flat_map_iter(|(j, sig)| {
            // Its own id too: another file may hold the same text, and `joined` ignores
            // an article paired with itself.
            memo.by_id
                .iter()
                .filter(move |(_, other)| other.as_ref().is_some_and(|o| sig.is_copy_of(o)))
                .map(move |(id, _)| (j, id.as_str()))
        })
        .collect();
    let wanted: HashSet<&str> = pairs.iter().map(|(_, id)| *id).collect();
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    if !wanted.is_empty() {
        for (k, m) in metas.iter().enumerate() {
            if wanted.contains(m.id.as_str()) {
                at.entry(m.id.as_str()).or_default().push(k);
            }
        }
    }
    let edges: Vec<(usize, usize)> = pairs
        .iter()
        .flat_map(|(j, id)| at.get(id).into_iter().flatten().map(move |&k| (*j, k)))
        .collect();
    carried.joined(&edges, |i| earliest_first(&metas[i]))
}

/// The status-line summary once grouping is done: "12 stories with copies (31 articles)".
pub fn summary(clusters: &Clusters) -> String {
    let stories = clusters.len();
    let articles: usize = clusters.iter().map(|(_, m)| m.len()).sum();
    let noun = if stories == 1 { "story" } else { "stories" };
    format!("{stories} {noun} with copies ({articles} articles)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(seed: usize) -> Vec<String> {
        let words: Vec<String> = (0..120)
            .map(|k| format!("w{}x{}", seed, k * 7 + seed))
            .collect();
        vec![words.join(" ")]
    }

    #[test]
    fn the_signature_memo_round_trips_and_distrusts_damage() {
        let mut memo = SignatureMemo::default();
        memo.by_id
            .insert("00000000000000aa".into(), signature(&body(1)));
        memo.by_id.insert("00000000000000bb".into(), None);
        assert!(memo.by_id["00000000000000aa"].is_some());
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub").join("sig.bin");
        memo.save(&path).expect("saved");
        let back = SignatureMemo::load(&path);
        assert_eq!(back.by_id, memo.by_id);
        // Every truncation and every flipped byte is refused, never half-trusted.
        let bytes = std::fs::read(&path).expect("read");
        for cut in 0..bytes.len() {
            assert!(decode_memo(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        for at in (0..bytes.len()).step_by(7) {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            assert!(decode_memo(&bad).is_none(), "flip at {at}");
        }
        assert!(SignatureMemo::load(&dir.path().join("missing.bin")).is_empty());
    }

    #[test]
    fn a_fifo_where_the_memo_should_be_is_no_memo_and_does_not_block() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("sig.bin");
        crate::safe_read::testing::mkfifo(&fifo);
        let memo = crate::safe_read::testing::within(move || SignatureMemo::load(&fifo));
        assert!(memo.is_empty());
    }

    /// Articles 0 and 2 are copies (representative 0); 1 and 3 stand alone.
    fn clusters() -> Clusters {
        let sigs: Vec<_> = [0, 1, 0, 3].iter().map(|&s| signature(&body(s))).collect();
        Clusters::build(&sigs, |i| i)
    }

    fn hits(order: &[usize]) -> Vec<Hit> {
        order
            .iter()
            .enumerate()
            .map(|(n, &index)| Hit {
                index,
                score: 100 - n as i64,
            })
            .collect()
    }

    fn shown(rows: &Rows) -> Vec<usize> {
        rows.hits.iter().map(|h| h.index).collect()
    }

    #[test]
    fn a_group_sits_where_its_best_member_ranks_and_shows_its_earliest_copy() {
        let c = clusters();
        let none = BTreeSet::new();
        // The copy (2) ranks first: the story takes its place, shown by the original (0).
        let rows = group_rows(&hits(&[2, 1, 0, 3]), Some(&c), Sort::Relevance, &none);
        assert_eq!(shown(&rows), vec![0, 1, 3]);
        assert!(matches!(rows.kinds[0], RowKind::Group { copies: 1, .. }));
        // By date the story sits where its original does.
        let rows = group_rows(&hits(&[2, 1, 0, 3]), Some(&c), Sort::DateDesc, &none);
        assert_eq!(shown(&rows), vec![1, 0, 3]);
        assert_eq!(rows.members[&c.cluster_of(0).unwrap()], vec![0, 2]);
    }

    #[test]
    fn expanded_groups_list_their_copies_and_lone_matches_are_plain_rows() {
        let c = clusters();
        let open: BTreeSet<ClusterId> = c.cluster_of(0).into_iter().collect();
        let rows = group_rows(&hits(&[1, 0, 2, 3]), Some(&c), Sort::DateDesc, &open);
        assert_eq!(shown(&rows), vec![1, 0, 2, 3]);
        assert!(matches!(rows.kinds[2], RowKind::Copy { .. }));
        // Only one member matches: no group in this view.
        let rows = group_rows(&hits(&[2, 3]), Some(&c), Sort::DateDesc, &open);
        assert_eq!(rows.kinds, vec![RowKind::Single; 2]);
        assert_eq!(shown(&rows), vec![2, 3]);
        // Without clusters nothing changes.
        let rows = group_rows(&hits(&[2, 1, 0, 3]), None, Sort::DateDesc, &open);
        assert_eq!(shown(&rows), vec![2, 1, 0, 3]);
        assert_eq!(group_count(&rows.kinds), 0);
    }

    #[test]
    fn a_cancelled_grouping_keeps_its_signatures_for_the_next_run() {
        let corpus = Corpus::from_articles(
            [0, 1, 0, 3]
                .iter()
                .map(|&s| crate::model::Article {
                    meta: crate::model::Meta {
                        id: format!("id{s}-{}", s * 31),
                        ..Default::default()
                    },
                    body: crate::model::Body {
                        body: body(s),
                        ..Default::default()
                    },
                })
                .collect(),
        );
        let mut memo = SignatureMemo::default();
        assert!(cluster_with_memo(&corpus, &mut memo, &|| true).is_none());
        let full = cluster_with_memo(&corpus, &mut memo, &|| false).expect("not cancelled");
        assert_eq!(full.len(), 1);
        assert_eq!(full.copies(0), 1);
        // Every id is now known: a cancelled rerun needs no body and still completes.
        assert_eq!(memo.len(), 3, "ids id0-0 (twice), id1-31, id3-93");
        let again = cluster_with_memo(&corpus, &mut memo, &|| true).expect("all memoised");
        assert_eq!(again.len(), 1);
    }
}
