//! The search driver: every article of a corpus (or of a scope) matching a query and the
//! facet filters, scanned in parallel, then sorted.

use std::sync::LazyLock;

use rayon::prelude::*;

use super::eval::{Env, TEXT_SCALE};
use super::model::Query;
use super::words::{ScanScope, WordForms, resolve};
use crate::corpus::{Corpus, when_key};
use crate::facets::Filters;
use crate::model::Meta;
use crate::text::fold;
use crate::triage::{ArticleState, NoState, StateLookup};

/// An extra per-article predicate supplied by the caller (e.g. triage state such as `is:read`),
/// evaluated after the cheap metadata predicates and before fuzzy scoring and body matching.
pub type ExtraFilter<'a> = &'a (dyn Fn(&Meta, usize) -> bool + Sync);

/// One matching article: its index in the corpus and its score (0 when the query has no
/// fuzzy terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Score, then date (newest first), then id; only offered while a query is active.
    Relevance,
    #[default]
    DateDesc,
    DateAsc,
    Outlet,
    Title,
}

/// What a search may look at besides the corpus: which articles to scan, an extra
/// predicate, and the triage state that `is:`/`label:`/`has:` terms and triage facets test
/// (without it every article is unread and undecided). `Scope::default()` scans the whole
/// corpus with none of these.
#[derive(Clone, Copy, Default)]
pub struct Scope<'a> {
    /// Scan only these corpus indices, e.g. the previous results when [`Query::refines`]
    /// says the new query cannot match anything else; indices out of range are ignored.
    /// `None` scans everything.
    pub candidates: Option<&'a [usize]>,
    /// Tested after the metadata terms, before fuzzy scoring and body terms.
    pub extra: Option<ExtraFilter<'a>>,
    pub triage: Option<&'a dyn StateLookup>,
    /// Polled while scanning; once it returns true the scan stops early and its (partial)
    /// result is meaningless. Lets the browser drop a search the user has already typed past.
    pub cancel: Option<&'a (dyn Fn() -> bool + Sync)>,
    /// Whether the article at a corpus index belongs to a group of copies, for `has:copies`.
    /// Without it (grouping not done, or not run at all) `has:copies` matches nothing.
    pub copies: Option<&'a (dyn Fn(usize) -> bool + Sync)>,
    /// The full-text index for this corpus, when there is one: word, phrase and synonym terms
    /// are answered from it, and scanned from titles and bodies when it is absent or cannot
    /// answer yet.
    pub text: Option<&'a dyn super::TextIndex>,
}

/// Articles a thread tests in one go (see [`collect`]).
const PIECE: usize = 4096;

/// Every article in `scope` matching `query` and `filters`, in `sort` order.
pub fn search(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    scope: Scope<'_>,
) -> Vec<Hit> {
    let (mut hits, _) = matches(corpus, query, filters, sort, scope);
    let mut laps = super::phases::Laps::start();
    sort_hits(&mut hits, corpus, effective_sort(query, sort));
    laps.lap("sort");
    hits
}

/// The order [`search`] gives hits in when asked for `sort`: relevance needs a query that
/// scores, and is newest first without one.
pub fn effective_sort(query: &Query, sort: Sort) -> Sort {
    if sort == Sort::Relevance && !query.has_score() {
        Sort::DateDesc
    } else {
        sort
    }
}

/// What [`search`] finds, scored for `sort`, in the order of `scope.candidates` (corpus order
/// without them) rather than sorted: a caller that needs the hits in corpus order too gets
/// them without sorting twice. With them, the forms its words matched with, for marking.
pub fn matches(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    scope: Scope<'_>,
) -> (Vec<Hit>, WordForms) {
    collect(corpus, query, filters, sort, scope, true)
}

/// The plain path the fast one must agree with: every article of the scope tested, and
/// sorted by comparing wide keys. Only the tests use it.
#[cfg(test)]
pub(crate) fn search_plain(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    scope: Scope<'_>,
) -> Vec<Hit> {
    let (mut hits, _) = collect(corpus, query, filters, sort, scope, false);
    match effective_sort(query, sort) {
        Sort::Relevance => sort_by_rank_wide(&mut hits, corpus, true),
        Sort::DateDesc => sort_by_rank_wide(&mut hits, corpus, false),
        other => sort_hits(&mut hits, corpus, other),
    }
    hits
}

/// [`matches()`]; with `narrow`, only the articles in the match sets of the words every match
/// has are tested.
fn collect(
    corpus: &Corpus,
    query: &Query,
    filters: &Filters,
    sort: Sort,
    scope: Scope<'_>,
    narrow: bool,
) -> (Vec<Hit>, WordForms) {
    let triage: &dyn StateLookup = scope.triage.unwrap_or(&NoState);
    let default = ArticleState::default();
    let metas = corpus.metas();
    let scan = ScanScope {
        corpus,
        candidates: scope.candidates,
        cancel: scope.cancel,
    };
    let mut terms = query.text_terms();
    let together = query.together.as_ref().filter(|_| sort == Sort::Relevance);
    let together_term;
    if let Some(q) = together {
        together_term = super::words::TextTerm {
            slot: terms.len(),
            exact: q.clone(),
            loose: Vec::new(),
            marks: Vec::new(),
        };
        terms.push(&together_term);
    }
    let resolved = resolve(&terms, scope.text, &scan);
    let mut laps = super::phases::Laps::start();
    // Scores only order hits by relevance; any other order needs only to know what matches.
    let scored = sort == Sort::Relevance;
    let check = |index: usize| -> Option<Hit> {
        if scope.cancel.is_some_and(|c| c()) {
            return None;
        }
        let meta = metas.get(index)?;
        let state = triage.lookup(&meta.id).unwrap_or(&default);
        if !filters.matches_with(meta, state) {
            return None;
        }
        if let Some(extra) = scope.extra
            && !extra(meta, index)
        {
            return None;
        }
        let env = Env {
            index,
            resolved: &resolved,
            triage,
            copies: scope.copies.is_some_and(|f| f(index)),
            scored,
        };
        let mut score = query.eval(meta, &env)?;
        if together.is_some() {
            // Words found together as typed count as much again as found apart.
            let bonus = resolved.score(terms.len() - 1, index);
            score = score.saturating_add((bonus * TEXT_SCALE).round() as i64);
        }
        Some(Hit { index, score })
    };
    // Only articles in the match set of every word the query requires can match: with a
    // rare word that is a few thousand articles to test, not the corpus.
    let required = narrow
        .then(|| resolved.intersection(&query.required_slots(), scope.candidates))
        .flatten();
    laps.lap("intersection");
    if let Some(c) = required.as_deref()
        && query.only_words()
        && filters.is_empty()
        && scope.extra.is_none()
    {
        // Every article of the intersection matches, with the sum of its words' scores: no
        // metadata, triage or filter to test (a cancelled search is dropped whole anyway).
        let hits = c
            .par_iter()
            .with_min_len(PIECE)
            .map(|&index| {
                let mut score = query.words_score(&resolved, index, scored);
                if together.is_some() {
                    let bonus = resolved.score(terms.len() - 1, index);
                    score = score.saturating_add((bonus * TEXT_SCALE).round() as i64);
                }
                Hit { index, score }
            })
            .collect();
        laps.lap("per-article pass");
        return (hits, WordForms::new(query, resolved.forms));
    }
    // Pieces of a few thousand: split down to single articles, collecting cost more than
    // testing.
    let hits = match required.as_deref().or(scope.candidates) {
        Some(c) => c
            .par_iter()
            .with_min_len(PIECE)
            .filter_map(|&i| check(i))
            .collect(),
        None => (0..corpus.len())
            .into_par_iter()
            .with_min_len(PIECE)
            .filter_map(check)
            .collect(),
    };
    laps.lap("per-article pass");
    (hits, WordForms::new(query, resolved.forms))
}

/// Orders hits in place; ties are broken by date (newest first), then id, so output is stable.
pub fn sort_hits(hits: &mut [Hit], corpus: &Corpus, sort: Sort) {
    match sort {
        Sort::Relevance => sort_by_rank(hits, corpus, true),
        Sort::DateDesc => sort_by_rank(hits, corpus, false),
        Sort::DateAsc => sort_by_primary(hits, corpus, |m, _| {
            if m.published.is_some() {
                when_key(m)
            } else {
                u64::MAX
            }
        }),
        // Folding allocates, so it happens once per hit while building keys, not per comparison.
        Sort::Outlet => sort_by_primary(hits, corpus, |m, _| {
            (m.outlet.is_none(), m.outlet.as_deref().map(fold))
        }),
        Sort::Title => sort_by_primary(hits, corpus, |m, _| fold(&m.title)),
    }
}

static NO_META: LazyLock<Meta> = LazyLock::new(Meta::default);

/// The rank of `index` in [`Corpus::newest_rank`]; stale hits (from another corpus) last.
fn rank_of(ranks: &[u32], index: usize) -> u32 {
    ranks.get(index).copied().unwrap_or(u32::MAX)
}

/// Sorts by score (highest first, when `scored`), then newest first: the two orders the
/// browser sorts on every keystroke, so each hit becomes one integer key (score, rank, its
/// position in `hits`) and a million of them sort in a few tens of milliseconds, where
/// tuples of dates and ids took several times that.
fn sort_by_rank(hits: &mut [Hit], corpus: &Corpus, scored: bool) {
    let ranks = corpus.newest_rank();
    let old = hits.to_vec();
    if let Some(positions) = radix_order(&old, ranks, scored) {
        for (slot, pos) in hits.iter_mut().zip(positions) {
            *slot = old[pos];
        }
    } else {
        sort_by_rank_wide(hits, corpus, scored);
    }
}

/// [`sort_by_rank`] by a comparison sort of 128-bit keys, for scores too far apart to fit
/// the radix sort's 64.
fn sort_by_rank_wide(hits: &mut [Hit], corpus: &Corpus, scored: bool) {
    let ranks = corpus.newest_rank();
    let old = hits.to_vec();
    let low = |pos: usize, h: &Hit| (u64::from(rank_of(ranks, h.index)) << 32) | pos as u64;
    let positions: Vec<usize> = if scored {
        let mut keys: Vec<u128> = old
            .par_iter()
            .enumerate()
            .map(|(pos, h)| {
                // Flipping the sign bit orders an i64 as an unsigned; inverted, highest first.
                let score = !((h.score as u64) ^ (1 << 63));
                (u128::from(score) << 64) | u128::from(low(pos, h))
            })
            .collect();
        keys.par_sort_unstable();
        keys.into_iter().map(|k| k as u32 as usize).collect()
    } else {
        let mut keys: Vec<u64> = old
            .par_iter()
            .enumerate()
            .map(|(pos, h)| low(pos, h))
            .collect();
        keys.par_sort_unstable();
        keys.into_iter().map(|k| k as u32 as usize).collect()
    };
    for (slot, pos) in hits.iter_mut().zip(positions) {
        *slot = old[pos];
    }
}

/// Bits needed to write `x`.
fn bits(x: u64) -> u32 {
    u64::BITS - x.leading_zeros()
}

/// The order [`sort_by_rank`] puts `hits` in, as positions in `hits`, found by a radix sort
/// when each hit's key (score from the highest down, rank, position) fits in 64 bits: at a
/// million hits the scores span a few thousand values and ranks and positions 20 bits each,
/// so three counting passes over the hits replace a comparison sort several times slower.
/// `None` when the keys do not fit (scores far apart): the caller sorts wider keys.
fn radix_order(hits: &[Hit], ranks: &[u32], scored: bool) -> Option<Vec<usize>> {
    let n = hits.len();
    let pos_bits = bits(n.checked_sub(1)? as u64);
    let max_rank = hits
        .par_iter()
        .map(|h| rank_of(ranks, h.index))
        .max()
        .unwrap_or(0);
    let low_bits = pos_bits + bits(u64::from(max_rank));
    let (top, score_bits) = if scored {
        let (lo, hi) = hits
            .par_iter()
            .map(|h| (h.score, h.score))
            .reduce(|| (i64::MAX, i64::MIN), |a, b| (a.0.min(b.0), a.1.max(b.1)));
        let span = u64::try_from(i128::from(hi) - i128::from(lo)).ok()?;
        (hi, bits(span))
    } else {
        (0, 0)
    };
    let total = low_bits + score_bits;
    if total > u64::BITS || low_bits >= u64::BITS {
        return None;
    }
    let mut keys: Vec<u64> = hits
        .par_iter()
        .enumerate()
        .map(|(pos, h)| {
            // `top - score` fits in `score_bits` (checked above); highest score first.
            let score = if scored {
                (i128::from(top) - i128::from(h.score)) as u64
            } else {
                0
            };
            (score << low_bits) | (u64::from(rank_of(ranks, h.index)) << pos_bits) | pos as u64
        })
        .collect();
    // Least significant digit first, stable, over the bits above the position (positions
    // are already in order), in as few passes of at most 12 bits as they need.
    let passes = (total - pos_bits).div_ceil(12);
    let width = (total - pos_bits).div_ceil(passes.max(1));
    let mut scratch = vec![0u64; n];
    let mut shift = pos_bits;
    while shift < total {
        let mut counts = vec![0usize; 1 << width];
        let digit = |k: u64| ((k >> shift) & ((1 << width) - 1)) as usize;
        for &k in &keys {
            counts[digit(k)] += 1;
        }
        let mut at = 0;
        for c in &mut counts {
            let here = *c;
            *c = at;
            at += here;
        }
        for &k in &keys {
            let d = digit(k);
            scratch[counts[d]] = k;
            counts[d] += 1;
        }
        std::mem::swap(&mut keys, &mut scratch);
        shift += width;
    }
    let mask = (1u64 << pos_bits) - 1;
    Some(keys.into_iter().map(|k| (k & mask) as usize).collect())
}

/// Sorts by `primary`, then date (newest first, undated last), then id, then index.
///
/// Keys are built once per hit: comparators that looked the metadata up on every comparison
/// took ~100 ms for 86k hits, dominated by cache misses on ties (many articles share a date).
fn sort_by_primary<K: Ord + Send>(
    hits: &mut [Hit],
    corpus: &Corpus,
    primary: impl Fn(&Meta, &Hit) -> K + Sync,
) {
    let metas = corpus.metas();
    let ranks = corpus.newest_rank();
    let mut keyed: Vec<(K, u32, Hit)> = hits
        .par_iter()
        .map(|h| {
            // Stale hits sort as empty articles rather than panicking.
            let m = metas.get(h.index).unwrap_or(&NO_META);
            (primary(m, h), rank_of(ranks, h.index), *h)
        })
        .collect();
    keyed.par_sort_unstable_by(|a, b| (&a.0, a.1, a.2.index).cmp(&(&b.0, b.1, b.2.index)));
    for (slot, k) in hits.iter_mut().zip(keyed) {
        *slot = k.2;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::corpus::{date_key, id_prefix};
    use crate::model::Date;
    use crate::query::testing::*;
    use std::cmp::Reverse;

    #[test]
    fn empty_query_matches_everything_newest_first() {
        let c = corpus();
        let q = Query::parse("   ").unwrap();
        assert!(q.is_empty());
        assert!(!q.has_score());
        assert_eq!(ids(&c, ""), vec!["a3", "a1", "a2", "a0", "a4"]);
    }

    /// Sorted by date, fuzzy terms are only tested, not scored: the same articles come out
    /// in the same order as when they were scored.
    #[test]
    fn date_order_finds_what_relevance_order_finds() {
        let c = corpus();
        for q in [
            "asn",
            "viral live",
            "Palembang",
            "ehp",
            "-asn medsos",
            "pns | tim",
            "zzz",
            "é",
        ] {
            let query = Query::parse(q).unwrap();
            let by_date = search(
                &c,
                &query,
                &Filters::default(),
                Sort::DateDesc,
                Scope::default(),
            );
            let mut ranked = search(
                &c,
                &query,
                &Filters::default(),
                Sort::Relevance,
                Scope::default(),
            );
            sort_hits(&mut ranked, &c, Sort::DateDesc);
            let idx = |h: &[Hit]| h.iter().map(|h| h.index).collect::<Vec<_>>();
            assert_eq!(idx(&by_date), idx(&ranked), "{q}");
            assert!(by_date.iter().all(|h| h.score == 0), "{q}: not scored");
        }
    }

    #[test]
    fn sort_keys_order_like_the_values() {
        let mut ids = [
            "b",
            "ab",
            "abc",
            "ab\0",
            "",
            "0123456789abcdefX",
            "0123456789abcdef",
        ];
        let mut by_key = ids;
        by_key.sort_by_key(|id| (id_prefix(id), *id));
        ids.sort();
        assert_eq!(by_key, ids);
        let d = |s: &str| Some(s.parse::<Date>().unwrap());
        assert!(date_key(d("2024-01-31")) < date_key(d("2024-02-01")));
        assert!(date_key(d("2023-12-31")) < date_key(d("2024-01-01")));
        assert!(date_key(None) < date_key(d("0000-01-01")));
        // Stale indices do not panic.
        let mut hits = vec![
            Hit {
                index: 99,
                score: 1,
            },
            Hit { index: 0, score: 1 },
        ];
        sort_hits(&mut hits, &corpus(), Sort::Title);
        assert_eq!(hits.len(), 2);
    }

    /// The comparison every sort used before ranks: primary key, date (newest first), the
    /// whole id, then the position.
    fn reference_sort(hits: &mut [Hit], corpus: &Corpus, sort: Sort) {
        let key = |h: &Hit| {
            let m = corpus.meta(h.index);
            let primary = match sort {
                Sort::Relevance => (Reverse(h.score), 0, None, String::new()),
                Sort::DateDesc => (Reverse(0), 0, None, String::new()),
                Sort::DateAsc => (
                    Reverse(0),
                    if m.published.is_some() {
                        when_key(m)
                    } else {
                        u64::MAX
                    },
                    None,
                    String::new(),
                ),
                Sort::Outlet => (
                    Reverse(0),
                    0,
                    Some((m.outlet.is_none(), m.outlet.as_deref().map(fold))),
                    String::new(),
                ),
                Sort::Title => (Reverse(0), 0, None, fold(&m.title)),
            };
            (primary, Reverse(when_key(m)), m.id.clone(), h.index)
        };
        hits.sort_by_key(key);
    }

    proptest::proptest! {
        /// Ranks computed once per corpus order hits exactly as comparing dates and ids did,
        /// in every sort order, with equal scores, dates and ids among them.
        #[test]
        fn rank_sorts_agree_with_comparing_dates_and_ids(
            arts in proptest::collection::vec(
                (0u8..4, proptest::option::of(0u8..3), "[ab]{0,2}", proptest::option::of("[xY]{0,2}")),
                1..40,
            ),
            picks in proptest::collection::vec((0usize..40, -3i64..4), 0..60),
        ) {
            let dates = ["2024-01-01", "2024-01-02", "2023-12-31"];
            let c = Corpus::from_articles(
                arts.iter()
                    .map(|(id, date, title, outlet)| {
                        let id = format!("id{id}");
                        article(&A {
                            id: &id,
                            title,
                            outlet: outlet.as_deref(),
                            date: date.map(|d| dates[usize::from(d)]),
                            ..BLANK
                        })
                    })
                    .collect(),
            );
            // Scores far apart (sorted as wide keys) and near (the radix sort).
            for scale in [i64::MAX / 4, 1, 1000] {
                let mut hits: Vec<Hit> = picks
                    .iter()
                    .map(|&(i, score)| Hit { index: i % c.len(), score: score * scale })
                    .collect();
                hits.sort_by_key(|h| h.index);
                hits.dedup_by_key(|h| h.index);
                for sort in [Sort::Relevance, Sort::DateDesc, Sort::DateAsc, Sort::Outlet, Sort::Title] {
                    let mut got = hits.clone();
                    sort_hits(&mut got, &c, sort);
                    let mut want = hits.clone();
                    reference_sort(&mut want, &c, sort);
                    proptest::prop_assert_eq!(got, want, "{:?} scale {}", sort, scale);
                }
            }
        }
    }

    /// Words and query terms for random corpora: synonyms (asn, pns; medsos, "media
    /// sosial"), a prefix of a word (bup), one-letter words, fields, negation, `|`.
    pub(crate) const WORDS: &[&str] = &[
        "asn", "pns", "medsos", "media", "sosial", "bupati", "kpk", "viral", "kabar", "p", "v",
    ];
    pub(crate) const TERMS: &[&str] = &[
        "asn",
        "medsos",
        "!kpk",
        "bup",
        "b",
        "p",
        "kpk|viral",
        "body:viral",
        "body:v",
        "title:kabar",
        "\"media sosial\"",
        "~kbr",
        "date:2024",
        "outlet:x",
        "!(asn|pns)",
        "presiden",
    ];

    /// A random small corpus from [`WORDS`]: titles, bodies, dates and outlets.
    pub(crate) fn random_corpus(arts: &[(Vec<usize>, Vec<usize>, u8, u8)]) -> Corpus {
        let dates = [
            None,
            Some("2024-01-01"),
            Some("2024-02-03"),
            Some("2023-05-06"),
        ];
        let outlets = [None, Some("x"), Some("y")];
        let words = |w: &[usize]| -> String {
            w.iter()
                .map(|&i| WORDS[i % WORDS.len()])
                .collect::<Vec<_>>()
                .join(" ")
        };
        Corpus::from_articles(
            arts.iter()
                .enumerate()
                .map(|(i, (title, body, date, outlet))| {
                    let id = format!("id{}", i % 7);
                    let title = words(title);
                    let body = words(body);
                    let paragraphs: Vec<&str> = body.split(" bupati ").collect();
                    article(&A {
                        id: &id,
                        title: &title,
                        date: dates[usize::from(*date) % dates.len()],
                        outlet: outlets[usize::from(*outlet) % outlets.len()],
                        body: &paragraphs,
                        ..BLANK
                    })
                })
                .collect(),
        )
    }

    proptest::proptest! {
        /// The fast path (only articles in every required word's match set tested, a radix
        /// sort) gives exactly the plain path's hits, scores and order, over the whole
        /// corpus and over a subset of candidates (a narrowing keystroke).
        #[test]
        fn the_fast_path_finds_and_orders_what_the_plain_path_does(
            arts in proptest::collection::vec(
                (
                    proptest::collection::vec(0usize..20, 0..5),
                    proptest::collection::vec(0usize..20, 0..9),
                    0u8..4,
                    0u8..3,
                ),
                1..30,
            ),
            terms in proptest::collection::vec(0usize..TERMS.len(), 1..4),
            keep in proptest::collection::vec(proptest::bool::ANY, 30),
        ) {
            let c = random_corpus(&arts);
            let text: Vec<&str> = terms.iter().map(|&t| TERMS[t]).collect();
            let Ok(q) = Query::parse(&text.join(" ")) else {
                return Ok(());
            };
            let subset: Vec<usize> = (0..c.len()).filter(|&i| keep[i]).collect();
            for sort in [Sort::Relevance, Sort::DateDesc, Sort::Title] {
                for candidates in [None, Some(subset.as_slice())] {
                    let scope = Scope { candidates, ..Scope::default() };
                    let fast = search(&c, &q, &Filters::default(), sort, scope);
                    let plain = search_plain(&c, &q, &Filters::default(), sort, scope);
                    proptest::prop_assert_eq!(&fast, &plain, "{:?} {:?}", text, sort);
                }
            }
        }
    }

    #[test]
    fn ranking_ties_are_broken_by_date_then_id() {
        let c = Corpus::from_articles(
            [
                A {
                    id: "b",
                    title: "same title",
                    date: Some("2024-01-01"),
                    ..BLANK
                },
                A {
                    id: "a",
                    title: "same title",
                    date: Some("2024-01-01"),
                    ..BLANK
                },
                A {
                    id: "c",
                    title: "same title",
                    date: None,
                    ..BLANK
                },
                A {
                    id: "d",
                    title: "same title",
                    date: Some("2025-01-01"),
                    ..BLANK
                },
            ]
            .iter()
            .map(article)
            .collect(),
        );
        assert_eq!(ids(&c, "same"), vec!["d", "a", "b", "c"]);
        let q = Query::parse("same").unwrap();
        let asc = search(&c, &q, &Filters::default(), Sort::DateAsc, Scope::default());
        let asc: Vec<&str> = asc.iter().map(|h| c.meta(h.index).id.as_str()).collect();
        assert_eq!(asc, vec!["a", "b", "d", "c"]);
    }

    #[test]
    fn sort_orders() {
        let c = corpus();
        let q = Query::default();
        let order = |s: Sort| -> Vec<String> {
            search(&c, &q, &Filters::default(), s, Scope::default())
                .iter()
                .map(|h| c.meta(h.index).id.clone())
                .collect()
        };
        assert_eq!(order(Sort::DateDesc), vec!["a3", "a1", "a2", "a0", "a4"]);
        assert_eq!(order(Sort::DateAsc), vec!["a0", "a2", "a1", "a3", "a4"]);
        // Case-insensitive; undated-outlet a4 last.
        assert_eq!(order(Sort::Outlet), vec!["a0", "a3", "a2", "a1", "a4"]);
        assert_eq!(order(Sort::Title), vec!["a0", "a2", "a3", "a1", "a4"]);
        // Relevance without fuzzy terms falls back to newest first.
        assert_eq!(order(Sort::Relevance), order(Sort::DateDesc));
    }

    #[test]
    fn facets_and_extra_filter_restrict_results() {
        let c = corpus();
        let q = Query::default();
        let mut f = Filters::default();
        f.toggle(crate::facets::Facet::Outlet, "Infoku");
        f.toggle(crate::facets::Facet::Outlet, "PAB");
        let hits = search(&c, &q, &f, Sort::DateDesc, Scope::default());
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![3, 2]);
        let even = |_: &Meta, i: usize| i.is_multiple_of(2);
        let hits = search(
            &c,
            &q,
            &f,
            Sort::DateDesc,
            Scope {
                extra: Some(&even),
                ..Scope::default()
            },
        );
        assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), vec![2]);
        let sub = search(
            &c,
            &q,
            &Filters::default(),
            Sort::DateAsc,
            Scope {
                candidates: Some(&[4, 99, 0]),
                ..Scope::default()
            },
        );
        assert_eq!(sub.iter().map(|h| h.index).collect::<Vec<_>>(), vec![0, 4]);
    }
}
